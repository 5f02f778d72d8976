/**
 * The fuzz campaign's worker thread: runs one in-process check (checks.ts) per message and answers
 * with its time, or the error it threw. The main thread bounds each answer in time and replaces a
 * worker that does not answer (a hang), so one endless loop never stops the campaign.
 */
import { parentPort } from 'node:worker_threads';
import { CHECKS, onPhase, reference, type CheckKind, type ReferenceInput } from './checks.js';

export interface WorkerRequest {
  readonly id: number;
  readonly kind: CheckKind | 'reference';
  readonly input: unknown;
}

export type WorkerAnswer =
  | { readonly id: number; readonly phase: string }
  | { readonly id: number; readonly ok: true; readonly ms: number; readonly size: number; readonly result?: unknown }
  | { readonly id: number; readonly ok: false; readonly ms: number; readonly error: string };

const MAX_ERROR = 6_000;

let current = 0;
onPhase((phase) => parentPort!.postMessage({ id: current, phase } satisfies WorkerAnswer));

parentPort!.on('message', (request: WorkerRequest) => {
  current = request.id;
  const start = performance.now();
  try {
    if (request.kind === 'reference') {
      const result = reference(request.input as ReferenceInput);
      parentPort!.postMessage({ id: request.id, ok: true, ms: performance.now() - start, size: 0, result } satisfies WorkerAnswer);
    } else {
      const size = (CHECKS[request.kind] as (input: unknown) => number)(request.input);
      parentPort!.postMessage({ id: request.id, ok: true, ms: performance.now() - start, size } satisfies WorkerAnswer);
    }
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 12).join('\n')}` : String(error);
    parentPort!.postMessage({ id: request.id, ok: false, ms: performance.now() - start, error: text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}…` : text } satisfies WorkerAnswer);
  }
});
