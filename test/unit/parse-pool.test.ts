/**
 * The fast path (worker threads, pre-filtered lexing) and a plain sequential parse that lexes every
 * line give identical facts, in the same order, on a synthetic Logix workspace of realistic shape
 * (a speed change that must not change an answer).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compactFacts } from '../../server/src/syntax/packed-units.js';
import { parseFactsFully } from '../../server/src/syntax/parser.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { factsOfBytes } from '../../server/src/workspace/source-file.js';
import { parseInWorkers, parseSequentially } from '../../server/src/workspace/parse-pool.js';
import { contentHash } from '../../server/src/workspace/facts-cache.js';
import { generateWorkspace } from '../bench/generate.js';
import { repoRoot } from '../helpers/paths.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';

describe('parse pool', () => {
  it('gives the same facts on worker threads as a plain sequential parse of every line', async (t) => {
    const root = tempFolder('logix-pool-');
    t.after(() => removeFolder(root));
    generateWorkspace(root, 150, 3);
    const paths = findSourceFiles(root).map((file) => file.absolute);
    const batches: number[] = [];
    const pooled = await parseInWorkers(paths, { encoding: 'windows-1252', onBatch: (start) => batches.push(start) }, 2, join(repoRoot, 'server', 'out', 'parse-worker.js'));
    const sequential = await parseSequentially(paths, { encoding: 'windows-1252' });
    assert.equal(pooled.length, paths.length);
    assert.ok(batches.length > 2, 'the work was split into batches');
    assert.deepEqual(pooled, sequential);
    const plain = paths.map((path) => compactFacts(factsOfBytes(readFileSync(path), 'windows-1252', parseFactsFully)));
    assert.deepEqual(pooled, plain);
    assert.ok(sequential.some((facts) => facts.licenseCalls.length > 0 && facts.units.length > 10));

    // The calling thread parsing beside one worker (the CLI): the same facts, every batch once,
    // and the content hashes in their places.
    const here: number[] = [];
    const hashes: string[] = new Array(paths.length);
    const shared = await parseInWorkers(paths, {
      encoding: 'windows-1252', callerParses: true, hash: true,
      onBatch: (start, _batch, batchHashes) => {
        here.push(start);
        batchHashes.forEach((hash, offset) => (hashes[start + offset] = hash));
      },
    }, 1, join(repoRoot, 'server', 'out', 'parse-worker.js'));
    assert.deepEqual(shared, sequential);
    assert.deepEqual([...here].sort((a, b) => a - b), [...new Set(batches)].sort((a, b) => a - b), 'every batch once');
    assert.deepEqual(hashes, paths.map((path) => contentHash(readFileSync(path))));
  });
});
