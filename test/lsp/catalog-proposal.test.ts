/**
 * `logix/catalogProposal` over stdio: what the VS Code client offers a folder without a
 * logix-license.json (the keys its programs use that the catalog does not hold, with their counts,
 * and the text `init` writes), answered once the folder's first index is complete.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { runCli, tempWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

interface Proposal {
  exists: boolean;
  catalogUri: string;
  text: string;
  unknownKeys: { key: string; programs: number }[];
}

const track = removedAfterTests();

/** ESPEC999 by three programs (one only registered), VDPX by two, MANENG (built in) by one; a nested environment's key apart. */
function customerFolder(): string {
  const root = tempWorkspace({
    'pol0001.4gl': program('pol0001', '"ESPEC999"'),
    'pol0002.4gl': program('pol0002', '"ESPEC999,VDPX"'),
    'vdp0001.4gl': program('vdp0001', '"VDPX,MANENG"'),
    'systemkey_log.4gl': systemKey('LOG', [['ESPEC999', 'pol0009']]),
    'cliente/logix-license.json': JSON.stringify({ keys: {} }),
    'cliente/pol9000.4gl': program('pol9000', '"NESTED"'),
  });
  track(root);
  return root;
}

describe('logix/catalogProposal', () => {
  it('answers a folder without a catalog with its unknown keys by use, after its first index, and the text init writes', async (t) => {
    const root = customerFolder();
    const client = new TestClient();
    t.after(() => client.stop());
    // Asked at once after initialized: the answer waits for the folder's index.
    await client.initialize([root]);
    const proposal = await client.request<Proposal>('logix/catalogProposal', { folderUri: uriOf(root) });
    assert.equal(proposal.exists, false);
    assert.equal(proposal.catalogUri, uriOf(join(root, 'logix-license.json')));
    assert.deepEqual(proposal.unknownKeys, [{ key: 'ESPEC999', programs: 3 }, { key: 'VDPX', programs: 2 }],
      'MANENG is built in; the nested environment\'s NESTED has a catalog of its own');
    const init = runCli(['init', root, '--stdout']);
    assert.equal(proposal.text, init.stdout, 'the same content as init');

    // The client writes it (the user's pick): the folder then has a catalog, with no key unknown,
    // and the lens says the slot is not filled in yet.
    writeFileSync(join(root, 'logix-license.json'), proposal.text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: proposal.catalogUri, type: 1 }] });
    // ESPEC999 was assumed (LGX018); listed now, it is known.
    await client.waitForDiagnostics(uriOf(join(root, 'pol0001.4gl')), (diagnostics) => !codes(diagnostics).includes('LGX018'));
    const created = await client.request<Proposal>('logix/catalogProposal', { folderUri: uriOf(root) });
    assert.equal(created.exists, true);
    assert.deepEqual(created.unknownKeys, []);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(join(root, 'pol0001.4gl')) } });
    assert.deepEqual(lenses.map((lens) => lens.command?.title), ['License: ESPEC999 (slot not filled in) · 1 key']);
  });

  it('says exists for a folder with a catalog, whose keys are not unknown; answers each folder of a multi-root workspace; null outside them', async (t) => {
    const plain = customerFolder();
    const withCatalog = tempWorkspace({
      'logix-license.json': JSON.stringify({ keys: { ESPEC999: { slot: 9999 } } }),
      'pol0001.4gl': program('pol0001', '"ESPEC999,ACME"'),
      'pol0002.4gl': program('pol0002', '"ACME"'),
    });
    track(withCatalog);
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([plain, withCatalog]);
    const second = await client.request<Proposal>('logix/catalogProposal', { folderUri: uriOf(withCatalog) });
    assert.equal(second.exists, true);
    assert.deepEqual(second.unknownKeys, [{ key: 'ACME', programs: 2 }]);
    const first = await client.request<Proposal>('logix/catalogProposal', { folderUri: uriOf(plain) });
    assert.equal(first.exists, false);
    assert.deepEqual(first.unknownKeys.map((use) => use.key), ['ESPEC999', 'VDPX']);
    assert.equal(await client.request('logix/catalogProposal', { folderUri: uriOf(join(plain, '..', 'elsewhere')) }), null);
  });
});
