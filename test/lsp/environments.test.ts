/**
 * Environments in the language server: each folder holding a `logix-license.json` is checked
 * against its own catalog and SYSTEMKEY files; creating, editing or deleting such a file
 * re-partitions the workspace folder without a restart. And one change pipeline: an opened
 * document is published once.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Location, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const catalog = (keys: Record<string, number>, complete = true) =>
  JSON.stringify({ keys: Object.fromEntries(Object.entries(keys).map(([key, slot]) => [key, { slot }])), complete });

describe('environments in the language server', () => {
  let root: string;
  let client: TestClient;
  const uri = (file: string) => uriOf(join(root, file));
  const lensOf = async (file: string) => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(file) } })).map((lens) => lens.command?.title);

  before(async () => {
    root = tempWorkspace({
      'logix-license.json': catalog({ ACME: 7001 }),
      'pol0001.4gl': program('pol0001', '"ACME"'),
      'clienteA/logix-license.json': catalog({ ESPECA: 8001 }),
      'clienteA/pol0001.4gl': program('pol0001', '"ESPECA"'),
      'clienteA/pol0002.4gl': program('pol0002', '"ACME"'),
      'clienteA/systemkey_log.4gl': systemKey('LOG', [['WMS', 'pol0001']]),
      'clienteB/pol0001.4gl': program('pol0001', '"ESPECB"'),
      'clienteB/sub/pol0001.4gl': program('pol0001', '"ACME"'),
    });
    client = new TestClient();
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  it('resolves each file in its own environment: catalog, slots and SYSTEMKEY files', async () => {
    assert.deepEqual(await lensOf('pol0001.4gl'), ['License: ACME (slot 7001) · 1 key']);
    assert.deepEqual(await lensOf('clienteA/pol0001.4gl'), ['License: ESPECA (slot 8001) · 2 keys']);
    // ACME is the root's: clienteA does not inherit it.
    assert.deepEqual(codes(await client.waitForDiagnostics(uri('clienteA/pol0002.4gl'))), ['LGX001', 'LGX002']);
    // clienteB has no catalog: it is part of the root environment, where pol0001 is defined three times.
    assert.deepEqual(codes(await client.waitForDiagnostics(uri('clienteB/pol0001.4gl'))), ['LGX001', 'LGX002', 'LGX017']);
    const lgx017 = (await client.waitForDiagnostics(uri('pol0001.4gl'))).find((diagnostic) => diagnostic.code === 'LGX017')!;
    assert.deepEqual(lgx017.relatedInformation!.map((related) => related.location.uri).sort(), [uri('clienteB/pol0001.4gl'), uri('clienteB/sub/pol0001.4gl')].sort());
  });

  it('goes from a SYSTEMKEY list to the program of its own environment only', async () => {
    const line = systemKey('LOG', [['WMS', 'pol0001']]).split('\n')[1]!;
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: uri('clienteA/systemkey_log.4gl') }, position: { line: 1, character: line.indexOf('pol0001') + 1 },
    });
    assert.deepEqual(locations.map((location) => location.uri), [uri('clienteA/pol0001.4gl')]);
  });

  it('adds an unknown key to the catalog of the file\'s own environment', async () => {
    const file = 'clienteA/pol0002.4gl';
    client.open(uri(file), program('pol0002', '"ACME"'));
    try {
      const diagnostics = await client.waitForVersion(uri(file), 1);
      const lgx001 = diagnostics.find((diagnostic) => diagnostic.code === 'LGX001')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri(file) }, range: lgx001.range, context: { diagnostics: [lgx001] },
      });
      const add = actions.find((action) => action.title === 'Add ACME to logix-license.json')!;
      const edited = (add.edit!.documentChanges as TextDocumentEdit[]).map((change) => change.textDocument.uri);
      assert.deepEqual(edited, [uri('clienteA/logix-license.json')]);
    } finally {
      client.close(uri(file));
    }
  });

  it('re-partitions the folder when a logix-license.json is created, edited and deleted on disk', async () => {
    const changed = (file: string, type: 1 | 2 | 3) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type }] });
    // Created: clienteB becomes an environment with its own key; its programs leave the root's.
    writeFileSync(join(root, 'clienteB/logix-license.json'), catalog({ ESPECB: 9001 }));
    changed('clienteB/logix-license.json', 1);
    await client.waitForDiagnostics(uri('clienteB/pol0001.4gl'), (diagnostics) => codes(diagnostics).join() === 'LGX017');
    assert.deepEqual(await lensOf('clienteB/pol0001.4gl'), ['License: ESPECB (slot 9001) · 1 key']);
    await client.waitForDiagnostics(uri('pol0001.4gl'), (diagnostics) => !codes(diagnostics).includes('LGX017'));
    // Edited: the new slot shows.
    writeFileSync(join(root, 'clienteB/logix-license.json'), catalog({ ESPECB: 9002 }));
    changed('clienteB/logix-license.json', 2);
    await waitUntil(async () => (await lensOf('clienteB/pol0001.4gl'))[0] === 'License: ESPECB (slot 9002) · 1 key');
    // Deleted: back in the root environment, ESPECB unknown again.
    rmSync(join(root, 'clienteB/logix-license.json'));
    changed('clienteB/logix-license.json', 3);
    const back: Diagnostic[] = await client.waitForDiagnostics(uri('clienteB/pol0001.4gl'), (diagnostics) => codes(diagnostics).includes('LGX001'));
    assert.deepEqual(codes(back), ['LGX001', 'LGX002', 'LGX017']);
  });

  it('publishes an opened document once (one change pipeline)', async () => {
    const file = 'pol0001.4gl';
    const versions: (number | undefined)[] = [];
    const stop = client.onDiagnostics((published, _diagnostics, version) => {
      if (published === uri(file)) versions.push(version);
    });
    try {
      client.open(uri(file), program('pol0001', '"ACME"'));
      await client.waitForVersion(uri(file), 1);
      // An edit as a barrier: notifications arrive in order, so every publication of the
      // opening has arrived before the edit's.
      client.change(uri(file), program('pol0001', '"ACME" '));
      await client.waitForVersion(uri(file), 2);
      assert.deepEqual(versions.filter((version) => version === 1), [1]);
    } finally {
      stop();
      client.close(uri(file));
    }
  });
});

/** Polls a condition of the server's answers (each poll a real request), up to a few seconds. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
