/**
 * `logix.exclude` over stdio: a folder glob keeps the files under that folder out of the index
 * when they change on disk, as it does at start-up.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';

/** A program without LOG_initApp: indexed, it shows LGX003 (R1) and a workspace symbol. */
const noInitApp = (name: string) => `FUNCTION ${name}()\n  CALL x()\nEND FUNCTION\n`;

describe('language server with logix.exclude ["**/backup"]', () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = tempWorkspace({ 'backup/vdp7100.4gl': noInitApp('vdp7100'), 'vdp7000.4gl': noInitApp('vdp7000') });
    client = new TestClient({ settings: { exclude: ['**/backup'] } });
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  const symbolNames = async (query: string) => (await client.request<SymbolInformation[]>('workspace/symbol', { query })).map((symbol) => symbol.name).sort();

  it('skips a file of backup/ at start-up', async () => {
    assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(join(root, 'vdp7000.4gl')))), ['LGX003']);
    assert.equal(client.diagnostics.has(uriOf(join(root, 'backup', 'vdp7100.4gl'))), false);
    assert.deepEqual(await symbolNames('vdp7'), ['vdp7000']);
  });

  it('ignores files of backup/ created or changed on disk, and indexes the same file outside it', async () => {
    const created = join(root, 'backup', 'vdp7200.4gl');
    const changed = join(root, 'backup', 'vdp7100.4gl');
    const outside = join(root, 'vdp7200.4gl');
    writeFileSync(created, noInitApp('vdp7200'));
    writeFileSync(changed, noInitApp('vdp7100') + '\n');
    writeFileSync(outside, noInitApp('vdp7200'));
    // One notification: the server handles its events together, so once the file outside backup/
    // is published (for the first time: it is new), the two inside have been dealt with too. Were
    // backup/vdp7200.4gl indexed, it would define vdp7200 first and take the LGX003 (R3 reading).
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }, { uri: uriOf(changed), type: 2 }, { uri: uriOf(outside), type: 1 }] });
    assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(outside))), ['LGX003']);
    assert.equal(client.diagnostics.has(uriOf(created)), false, 'a file created in backup/ gets no diagnostics');
    assert.equal(client.diagnostics.has(uriOf(changed)), false, 'a file changed in backup/ gets no diagnostics');
    assert.deepEqual(await symbolNames('vdp7'), ['vdp7000', 'vdp7200'], 'only the files outside backup/ are indexed');
    const definitions = (await client.request<SymbolInformation[]>('workspace/symbol', { query: 'vdp7200' })).map((symbol) => symbol.location.uri);
    assert.deepEqual(definitions, [uriOf(outside)]);
  });
});
