/**
 * Long loops on the language server's thread pause so that requests are answered meanwhile. They
 * used to pause every N items; but an item's cost varies (a file's stat, its diagnostics, its
 * serialised facts) and so did the pause, up to 30 ms between two chances to answer. A slice
 * pauses by time instead: `if (slice.due()) await slice.pause()`.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long the thread works before it lets requests in. */
const SLICE_MS = 4;

export class TimeSlice {
  private started = performance.now();

  constructor(private readonly ms: number = SLICE_MS) {}

  /** Whether the slice has run its time. */
  due(): boolean {
    return performance.now() - this.started >= this.ms;
  }

  /** Lets pending requests in, then starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}
