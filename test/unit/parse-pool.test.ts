/**
 * The fast path (worker threads) and the plain sequential parse give identical facts, in the same
 * order, on a synthetic Logix workspace of realistic shape (issue 5).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { parseInWorkers, parseSequentially } from '../../server/src/workspace/parse-pool.js';
import { generateWorkspace } from '../bench/generate.js';
import { repoRoot } from '../helpers/paths.js';

describe('parse pool', () => {
  it('gives the same facts on worker threads as sequentially', async () => {
    const root = mkdtempSync(join(tmpdir(), 'logix-pool-'));
    generateWorkspace(root, 150, 3);
    const paths = findSourceFiles(root).map((file) => file.absolute);
    const batches: number[] = [];
    const pooled = await parseInWorkers(paths, { encoding: 'windows-1252', onBatch: (start) => batches.push(start) }, 2, join(repoRoot, 'server', 'out', 'parse-worker.js'));
    const sequential = await parseSequentially(paths, { encoding: 'windows-1252' });
    assert.equal(pooled.length, paths.length);
    assert.ok(batches.length > 2, 'the work was split into batches');
    assert.deepEqual(pooled, sequential);
    assert.ok(sequential.some((facts) => facts.licenseCalls.length > 0 && facts.units.length > 10));
  });
});
