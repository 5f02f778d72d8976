/**
 * Worker thread of the parse pool: reads, decodes and parses the files it is sent, and posts their
 * facts back in batches. No state between batches.
 */
import { readlinkSync } from 'node:fs';
import { readRegularFile } from './read-file.js';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileFacts } from '../syntax/facts.js';
import { packUnits, type PackedUnits } from '../syntax/packed-units.js';
import { contentHash } from './facts-cache.js';
import { factsOfBytes } from './source-file.js';
import { unreadableFacts } from './unreadable.js';

export interface WorkerSetup {
  /** Lower this thread's CPU priority (parse-pool.ts, `background`). */
  readonly background: boolean;
}

if ((workerData as WorkerSetup | undefined)?.background) {
  try {
    // On Linux a thread has its own nice value, set through its thread id.
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // Elsewhere the workers run at the caller's priority.
  }
}

export interface ParseRequest {
  readonly paths: readonly string[];
  readonly encoding: string;
  /** Also hash each file's bytes (for the persisted index). */
  readonly hash: boolean;
}

/** Facts in the order of the request's paths, units packed (their buffers are transferred). */
export interface ParseResponse {
  readonly facts: readonly (Omit<FileFacts, 'units'> & { readonly packedUnits: PackedUnits })[];
  /** Content hashes in the same order when asked for ('' for an unreadable file). */
  readonly hashes: readonly string[];
}

parentPort?.on('message', (request: ParseRequest) => {
  const hashes: string[] = [];
  const facts = request.paths.map((path) => {
    let parsed: FileFacts;
    try {
      const bytes = readRegularFile(path);
      if (request.hash) hashes.push(contentHash(bytes));
      parsed = factsOfBytes(bytes, request.encoding);
    } catch (error) {
      if (request.hash) hashes.push('');
      parsed = unreadableFacts(error);
    }
    const { units, ...rest } = parsed;
    return { ...rest, packedUnits: packUnits(units) };
  });
  parentPort!.postMessage({ facts, hashes } satisfies ParseResponse, facts.map((entry) => entry.packedUnits.ints.buffer as ArrayBuffer));
});
