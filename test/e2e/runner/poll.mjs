// The runner's one waiting loop: ask again every so often until there is an answer or the time
// is up. Waiting is on conditions (a file, a page, a port), never on a fixed time.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` until it returns something other than `undefined`, and returns that. `probe` may
 * throw to give up early (code-server died). When `timeoutMs` has passed, throws an error with
 * the message `timeoutMessage()` returns, which can tell what was last seen.
 *
 * @template T
 * @param {() => T | undefined | Promise<T | undefined>} probe
 * @param {{ timeoutMs: number, intervalMs: number, timeoutMessage: () => string }} options
 * @returns {Promise<T>}
 */
export async function poll(probe, { timeoutMs, intervalMs, timeoutMessage }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(timeoutMessage());
    await sleep(intervalMs);
  }
}
