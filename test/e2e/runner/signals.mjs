// The runner's side of the file protocol with the harness (test/e2e/harness/protocol.ts): poll
// for a file the harness writes, failing early when code-server has died.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Signals {
  /** @param {string} dir @param {() => string | undefined} whyDead says why waiting is pointless */
  constructor(dir, whyDead) {
    this.dir = dir;
    this.whyDead = whyDead;
  }

  async waitFor(name, timeoutMs) {
    const path = join(this.dir, name);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(path)) {
      const dead = this.whyDead();
      if (dead) throw new Error(`waiting for ${name}: ${dead}`);
      if (Date.now() > deadline) throw new Error(`the harness did not write ${name} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Written in one call; a read racing the write retries for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        if (attempt >= 40) throw new Error(`${name} is not JSON: ${error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  write(name, value) {
    writeFileSync(join(this.dir, name), `${JSON.stringify(value)}\n`);
  }
}
