/**
 * The main thread's side of the worker: one check at a time, each step of it (checks.ts `phase`:
 * one parse, one index, one request's worth of work) ended within a bound. A worker whose step does
 * not end in time is terminated (V8 stops even a tight loop) and replaced, and the check is
 * reported as a hang in that step.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { repoRoot } from '../helpers/paths.js';
import type { WorkerAnswer, WorkerRequest } from './worker.js';

export type Outcome =
  | { readonly ok: true; readonly ms: number; readonly size: number; readonly result?: unknown }
  | { readonly ok: false; readonly ms: number; readonly error: string; readonly hang: boolean };

/** The bundle built by scripts/build.mjs. */
export const WORKER_SCRIPT = join(repoRoot, 'build', 'fuzz', 'fuzz-worker.js');

export class CheckWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (answer: Exclude<WorkerAnswer, { phase: string }>) => void>();
  /** The step each check last reported (checks.ts `phase`), to name where a hang is. */
  private readonly phases = new Map<number, string>();
  /** Each pending check's timer, started again at each new step. */
  private readonly restartTimers = new Map<number, () => void>();
  /** Workers replaced after a hang or a crash. */
  restarts = 0;

  private start(): Worker {
    // The server parses catalogs on its main thread, whose stack V8 limits to about 1 MB; a worker
    // gets 4 MB by default, which would hide a stack overflow the server has.
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { stackSizeMb: 1 } });
    worker.on('message', (answer: WorkerAnswer) => {
      if ('phase' in answer) {
        this.phases.set(answer.id, answer.phase);
        this.restartTimers.get(answer.id)?.();
        return;
      }
      const resolve = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      resolve?.(answer);
    });
    // A crash (out of memory, an error thrown outside a check) ends this worker; the next check gets a new one.
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      this.restarts += 1;
      this.failAll(`the worker crashed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(`the worker exited with code ${code}`);
    });
    worker.unref();
    return worker;
  }

  private failAll(error: string): void {
    for (const [id, resolve] of [...this.pending]) {
      this.pending.delete(id);
      resolve({ id, ok: false, ms: 0, error });
    }
  }

  run(kind: WorkerRequest['kind'], input: unknown, timeoutMs: number): Promise<Outcome> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<Outcome>((resolve) => {
      const expire = () => {
        this.pending.delete(id);
        this.restartTimers.delete(id);
        this.worker = undefined;
        this.restarts += 1;
        void worker.terminate();
        const phase = this.phases.get(id);
        this.phases.delete(id);
        resolve({ ok: false, ms: performance.now() - started, error: `hang: no answer within ${timeoutMs} ms${phase ? `, in: ${phase}` : ''}`, hang: true });
      };
      let timer = setTimeout(expire, timeoutMs);
      this.restartTimers.set(id, () => {
        clearTimeout(timer);
        timer = setTimeout(expire, timeoutMs);
      });
      this.pending.set(id, (answer) => {
        clearTimeout(timer);
        this.phases.delete(id);
        this.restartTimers.delete(id);
        if (answer.ok) resolve({ ok: true, ms: answer.ms, size: answer.size, ...(answer.result !== undefined ? { result: answer.result } : {}) });
        else resolve({ ok: false, ms: answer.ms, error: answer.error, hang: false });
      });
      worker.postMessage({ id, kind, input } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
