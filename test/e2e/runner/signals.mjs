// The runner's side of the file protocol with the harness (test/e2e/harness/protocol.ts): poll
// for a file the harness writes, failing early when code-server has died.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from './poll.mjs';

export class Signals {
  /** @param {string} dir @param {() => string | undefined} whyDead says why waiting is pointless */
  constructor(dir, whyDead) {
    this.dir = dir;
    this.whyDead = whyDead;
  }

  async waitFor(name, timeoutMs) {
    const path = join(this.dir, name);
    await poll(() => {
      if (existsSync(path)) return true;
      const dead = this.whyDead();
      if (dead) throw new Error(`waiting for ${name}: ${dead}`);
      return undefined;
    }, { timeoutMs, intervalMs: 200, timeoutMessage: () => `the harness did not write ${name} within ${timeoutMs / 1000} s` });
    // Written in one call; a read racing the write retries for a moment.
    let lastError;
    return poll(() => {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        lastError = error;
        return undefined;
      }
    }, { timeoutMs: 2000, intervalMs: 50, timeoutMessage: () => `${name} is not JSON: ${lastError.message}` });
  }

  write(name, value) {
    writeFileSync(join(this.dir, name), `${JSON.stringify(value)}\n`);
  }
}
