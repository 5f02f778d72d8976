/**
 * Worker thread of the parse pool: reads, decodes and parses the files it is sent, and posts their
 * facts back in batches. No state between batches.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FileFacts } from '../syntax/facts.js';
import { factsOfBytes } from './source-file.js';
import { unreadableFacts } from './unreadable.js';

export interface ParseRequest {
  readonly paths: readonly string[];
  readonly encoding: string;
}

export interface ParseResponse {
  /** Facts in the order of the request's paths. */
  readonly facts: readonly FileFacts[];
}

parentPort?.on('message', (request: ParseRequest) => {
  const facts = request.paths.map((path) => {
    try {
      return factsOfBytes(readFileSync(path), request.encoding);
    } catch (error) {
      return unreadableFacts(error);
    }
  });
  parentPort!.postMessage({ facts } satisfies ParseResponse);
});
