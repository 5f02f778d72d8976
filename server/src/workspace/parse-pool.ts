/**
 * Parses many files on worker threads (the cold index: the expensive path), keeping the calling
 * thread free to answer requests. Files go out in small batches to whichever worker is free, so a
 * 30,000-line file does not hold up the rest. With one core, few files, or no worker script
 * beside this bundle, it parses sequentially on the calling thread: same facts, same order.
 * Either way the facts come with their units packed (syntax/packed-units.ts): they are kept.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../syntax/facts.js';
import type { ParseRequest, ParseResponse, WorkerSetup } from './parse-worker.js';
import { withPackedUnits } from '../syntax/packed-units.js';
import { contentHash } from './facts-cache.js';
import { factsOfFile } from './source-file.js';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;
const BATCH_SIZE = 16;

export interface ParseOptions {
  readonly encoding: string;
  /**
   * Called with each batch of results as it arrives (index of the first path, facts, and the
   * files' content hashes when `hash` is set: '' for a file that could not be read).
   */
  readonly onBatch?: (start: number, facts: readonly FileFacts[], hashes: readonly string[]) => void;
  /** Hash each file's bytes as it is read (for the persisted index). */
  readonly hash?: boolean;
  /**
   * Cores to leave to the calling thread. The language server keeps one, so that it answers
   * requests on open documents at once while the workers index; the CLI uses them all.
   */
  readonly reserveCores?: number;
  /**
   * Run the workers at a lower CPU priority than the calling thread (Linux), so that when both
   * want a core the caller gets it at once: the language server's requests during the index.
   */
  readonly background?: boolean;
  /**
   * The calling thread parses too, taking batches as a worker does, with one worker fewer: the
   * CLI, whose thread has nothing else to do. It starts at once (a worker takes tens of
   * milliseconds to start), and one isolate fewer compiles the parser and collects its garbage:
   * on two shared cores, two workers took 1.7 s for the 2,000 synthetic files, the CLI's thread
   * alone 1.5 s. The server keeps its thread for requests.
   */
  readonly callerParses?: boolean;
}

/** The worker bundle, beside the bundle that runs this code (server/out/). */
function defaultWorkerScript(): string {
  return join(__dirname, 'parse-worker.js');
}

export async function parseFiles(paths: readonly string[], options: ParseOptions): Promise<FileFacts[]> {
  const threads = Math.min(availableParallelism() - (options.reserveCores ?? 0), 4);
  const workers = options.callerParses ? threads - 1 : threads;
  const script = defaultWorkerScript();
  if (workers < 1 || (workers < 2 && !options.reserveCores && !options.callerParses) || paths.length < MIN_FILES_FOR_WORKERS || !existsSync(script)) {
    return parseSequentially(paths, options);
  }
  return parseInWorkers(paths, options, workers, script);
}

/** One batch parsed on this thread: facts (compacted) and content hashes when asked for. */
function parseBatch(paths: readonly string[], options: ParseOptions): { facts: FileFacts[]; hashes: string[] } {
  const hashes: string[] = [];
  const facts = paths.map((path) => {
    let hash = '';
    const parsed = factsOfFile(path, options.encoding, options.hash ? (bytes) => (hash = contentHash(bytes)) : undefined);
    if (options.hash) hashes.push(hash);
    return parsed;
  });
  return { facts, hashes };
}

export async function parseSequentially(paths: readonly string[], options: ParseOptions): Promise<FileFacts[]> {
  const results: FileFacts[] = [];
  for (let start = 0; start < paths.length; start += BATCH_SIZE) {
    const { facts: batch, hashes } = parseBatch(paths.slice(start, start + BATCH_SIZE), options);
    results.push(...batch);
    options.onBatch?.(start, batch, hashes);
    // Let pending requests in between batches.
    await nextTurn();
  }
  return results;
}

export function parseInWorkers(paths: readonly string[], options: ParseOptions, count: number, script: string): Promise<FileFacts[]> {
  return new Promise((resolve, reject) => {
    const results: FileFacts[] = new Array(paths.length);
    const pool = Array.from({ length: count }, () => new Worker(script, { workerData: { background: options.background === true } satisfies WorkerSetup }));
    let next = 0;
    let pending = 0;
    let failed = false;
    let settled = false;
    const finish = () => {
      for (const worker of pool) void worker.terminate();
    };
    // Every batch is handed out and none is out with a worker. (The calling thread parses a
    // batch from start to end without yielding, so none of its own can be in progress here.)
    const settleIfDone = () => {
      if (settled || failed || next < paths.length || pending > 0) return;
      settled = true;
      finish();
      resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next >= paths.length) {
        settleIfDone();
        return;
      }
      const start = next;
      next = Math.min(paths.length, next + BATCH_SIZE);
      pending += 1;
      worker.once('message', (response: ParseResponse) => {
        pending -= 1;
        const batch = response.facts.map(({ packedUnits, ...facts }) => withPackedUnits(facts, packedUnits));
        batch.forEach((facts, offset) => (results[start + offset] = facts));
        options.onBatch?.(start, batch, response.hashes);
        feed(worker);
      });
      worker.postMessage({ paths: paths.slice(start, next), encoding: options.encoding, hash: options.hash === true } satisfies ParseRequest);
    };
    for (const worker of pool) {
      worker.on('error', (error) => {
        if (failed || settled) return;
        failed = true;
        finish();
        reject(error);
      });
      feed(worker);
    }
    if (options.callerParses) {
      void (async () => {
        while (next < paths.length && !failed) {
          const start = next;
          next = Math.min(paths.length, next + BATCH_SIZE);
          const { facts: batch, hashes } = parseBatch(paths.slice(start, next), options);
          batch.forEach((facts, offset) => (results[start + offset] = facts));
          options.onBatch?.(start, batch, hashes);
          // Let the workers' answers in between batches.
          await nextTurn();
        }
        settleIfDone();
      })();
    }
  });
}
