/**
 * The persisted index (the warm start), through the real server over stdio: a second start
 * reuses the facts of unchanged files, re-parses changed ones, ignores a damaged cache with a
 * warning, and never writes into the workspace.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

interface Run {
  readonly counts: { indexed: number; reused: number; parsed: number };
  /** The codes published for each URI. */
  readonly diagnostics: Map<string, string[]>;
  /** The diagnostics themselves, for messages. */
  readonly published: Map<string, Diagnostic[]>;
  readonly logs: string[];
}

/** Starts a server on `root` (with a storage folder, or none), reads what it logged and published, stops it. */
async function startOnce(root: string, cacheFolder: string | undefined): Promise<Run> {
  const client = new TestClient(cacheFolder ? { cacheFolder } : {});
  try {
    await client.start([root]);
    const match = client.logMessages.map((message) => /(\d+) files indexed, (\d+) from the persisted index, (\d+) parsed/.exec(message)).find(Boolean);
    assert.ok(match, `the server logs what it reused: ${client.logMessages.join(' | ')}`);
    const published = new Map(client.diagnostics);
    const diagnostics = new Map([...published].map(([uri, list]) => [uri, codes(list)]));
    return { counts: { indexed: Number(match[1]), reused: Number(match[2]), parsed: Number(match[3]) }, diagnostics, published, logs: [...client.logMessages] };
  } finally {
    await client.stop();
  }
}

/** A workspace of `files` and an empty storage folder, both removed after the test. */
function folders(t: TestContext, files: Record<string, string>): { root: string; cacheFolder: string } {
  const root = tempWorkspace(files);
  const cacheFolder = tempFolder('logix-storage-');
  t.after(() => {
    removeFolder(root);
    removeFolder(cacheFolder);
  });
  return { root, cacheFolder };
}

function listTree(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).sort();
}

describe('persisted index', () => {
  const files = {
    'man1.4gl': program('man1', '"MANENG,CONSTRUÇÃO"'), // non-ASCII text in the recorded facts
    'man2.4gl': program('man2', '"MANENG,NOKEY"'),
    'sup/sup1.4gl': program('sup1', '"SUPRIMEN"'),
    'sup/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'sup1']]),
  };

  it('reuses unchanged files, re-parses changed ones, and gives the same diagnostics', async (t) => {
    const { root, cacheFolder } = folders(t, files);
    const tree = listTree(root);

    const first = await startOnce(root, cacheFolder);
    assert.deepEqual(first.counts, { indexed: 4, reused: 0, parsed: 4 });
    assert.deepEqual(first.diagnostics.get(uriOf(join(root, 'man2.4gl'))), ['LGX018']);
    assert.deepEqual(first.diagnostics.get(uriOf(join(root, 'man1.4gl'))), ['LGX014', 'LGX018']);
    assert.equal(readdirSync(cacheFolder).filter((name) => name.endsWith('.bin')).length, 1, 'one cache file, in the storage folder');
    assert.deepEqual(listTree(root), tree, 'nothing written into the workspace');

    const second = await startOnce(root, cacheFolder);
    assert.deepEqual(second.counts, { indexed: 4, reused: 4, parsed: 0 });
    assert.ok(second.logs.some((message) => message.includes('diagnostics from the persisted index')), 'nothing changed: diagnostics reused too');
    assert.deepEqual(second.diagnostics, first.diagnostics);

    // A catalog change keeps the facts but not the diagnostics: NOKEY becomes a known key.
    writeFileSync(join(root, 'logix-license.json'), JSON.stringify({ keys: { NOKEY: { slot: 9001 } } }));
    const withCatalog = await startOnce(root, cacheFolder);
    assert.deepEqual(withCatalog.counts, { indexed: 4, reused: 4, parsed: 0 });
    assert.ok(!withCatalog.logs.some((message) => message.includes('diagnostics from the persisted index')));
    assert.deepEqual(withCatalog.diagnostics.get(uriOf(join(root, 'man2.4gl'))) ?? [], []);
    rmSync(join(root, 'logix-license.json'));
    const catalogRemoved = await startOnce(root, cacheFolder);
    assert.deepEqual(catalogRemoved.diagnostics, first.diagnostics);

    // A changed file (same size) is parsed again; a touched one (same bytes, new time) is reused by its hash.
    writeFileSync(join(root, 'man2.4gl'), program('man2', '"MANENG,NOKEZ"'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'man1.4gl'), later, later);
    const third = await startOnce(root, cacheFolder);
    assert.deepEqual(third.counts, { indexed: 4, reused: 3, parsed: 1 });
    assert.ok(!third.logs.some((message) => message.includes('diagnostics from the persisted index')));
    assert.deepEqual(third.diagnostics.get(uriOf(join(root, 'man2.4gl'))), ['LGX018']);
    const lgx001 = third.published.get(uriOf(join(root, 'man2.4gl'))) ?? [];
    assert.match(lgx001.map((diagnostic) => diagnostic.message).join(), /NOKEZ/, 'the new text (same size) was read, not the recorded one');

    // A deleted file is gone from the index, and the rest is still reused.
    rmSync(join(root, 'sup', 'sup1.4gl'));
    const fourth = await startOnce(root, cacheFolder);
    assert.deepEqual(fourth.counts, { indexed: 3, reused: 3, parsed: 0 });
    const fresh = await startOnce(root, undefined);
    assert.deepEqual(fresh.counts, { indexed: 3, reused: 0, parsed: 3 });
    assert.deepEqual(fourth.diagnostics, fresh.diagnostics, 'the same as a start without a persisted index');
  });

  it('ignores a damaged cache with a warning and indexes from the sources', async (t) => {
    const { root, cacheFolder } = folders(t, files);
    const first = await startOnce(root, cacheFolder);
    for (const damage of [Buffer.from('not a cache at all'), Buffer.from([0x4c, 0x47, 0x58, 0x46, 0xff, 0xff, 0, 0, 1, 2])]) {
      const [cacheFile] = readdirSync(cacheFolder).filter((name) => name.endsWith('.bin'));
      writeFileSync(join(cacheFolder, cacheFile!), damage);
      const run = await startOnce(root, cacheFolder);
      assert.deepEqual(run.counts, { indexed: 4, reused: 0, parsed: 4 });
      assert.ok(run.logs.some((message) => message.includes('indexing from the sources')), run.logs.join(' | '));
      assert.deepEqual(run.diagnostics, first.diagnostics);
    }
    // The damaged file was replaced: the next start reuses everything again.
    assert.deepEqual((await startOnce(root, cacheFolder)).counts, { indexed: 4, reused: 4, parsed: 0 });
  });

  it('writes the persisted index once the server has been quiet for a moment, before any shutdown', async (t) => {
    const { root, cacheFolder } = folders(t, files);
    const client = new TestClient({ cacheFolder });
    try {
      await client.start([root]);
      assert.deepEqual(readdirSync(cacheFolder), [], 'not written while the first edits may come');
      const deadline = Date.now() + 10_000;
      while (!readdirSync(cacheFolder).some((name) => name.endsWith('.bin')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(readdirSync(cacheFolder).some((name) => name.endsWith('.bin')), 'written after the quiet time');
    } finally {
      await client.stop();
    }
  });

  it('keeps nothing without a storage folder: every start parses everything, the workspace untouched', async (t) => {
    const { root } = folders(t, files);
    const tree = listTree(root);
    for (let start = 0; start < 2; start++) {
      assert.deepEqual((await startOnce(root, undefined)).counts, { indexed: 4, reused: 0, parsed: 4 });
    }
    assert.deepEqual(listTree(root), tree);
  });
});
