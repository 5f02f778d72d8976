/**
 * The code lens's command over stdio. A client that does not run Explain itself (any editor but
 * VS Code) gets the server's own command in the lens and in `executeCommandProvider`, and running
 * it answers the program's explanation and shows its report. The VS Code client, which declares it
 * runs `logix.explainLicense` itself, keeps that command in the lens and gets no server command
 * (its language client would register it as a second editor command).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const files = {
  'man10021.4gl': program('man10021', '"MANENG,SUPPLA"'),
  'systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
  'logix-license.json': JSON.stringify({ menu: { man10021: 'WMS' } }),
};

async function lensOf(client: TestClient, root: string): Promise<CodeLens> {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(join(root, 'man10021.4gl')) } });
  assert.equal(lenses.length, 1);
  return lenses[0]!;
}

describe('code lens command run by the server (a client that does not run Explain itself)', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace(files);
    client = new TestClient();
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  it('offers its own command, which the lens runs', async () => {
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: ['logix.server.explainLicense'] });
    const lens = await lensOf(client, root);
    assert.equal(lens.command!.command, 'logix.server.explainLicense');
    assert.deepEqual(lens.command!.arguments, [{ uri: uriOf(join(root, 'man10021.4gl')), program: 'man10021' }]);
  });

  it('answers the lens\'s command with the explanation of the program, for the configured menu key, and shows the report', async () => {
    const { command, arguments: args } = (await lensOf(client, root)).command!;
    const result = await client.request<{ program: string; report: string; log: string } | null>('workspace/executeCommand', { command, arguments: args });
    assert.ok(result, 'an explanation');
    assert.equal(result.program, 'man10021');
    assert.match(result.report, /^# License of man10021/);
    assert.match(result.report, /Context: menu, menu key `WMS`/);
    assert.match(result.log, /licenças FINAL = MANENG,SUPPLA,WMS\n/);
    assert.match(result.log, /Slot atual em uso 5087\n$/);
    // Shown as plain text (the report a terminal shows), with what is consumed.
    const shown = client.shownMessages.at(-1);
    assert.equal(shown?.type, 3, 'an information message');
    assert.match(shown.message, /^Program man10021 \(man10021\.4gl\)/);
    assert.match(shown.message, /Consumed \(menu, menu key WMS\):\n {2}WMS \(slot 5087\)/);
  });

  it('honours a context and menu key given in the arguments, and answers null to arguments it cannot read', async () => {
    const uri = uriOf(join(root, 'man10021.4gl'));
    const collector = await client.request<{ log: string }>('workspace/executeCommand', { command: 'logix.server.explainLicense', arguments: [{ uri, context: 'collector' }] });
    assert.match(collector.log, /^# Coletor de dados: a chave é escolhida como no menu /m);
    const otherKey = await client.request<{ log: string }>('workspace/executeCommand', { command: 'logix.server.explainLicense', arguments: [{ uri, menuKey: 'SUPPLA' }] });
    assert.match(otherKey.log, /Licença menu = SUPPLA\n# Chave consumida SUPPLA: slot desconhecido/);
    assert.equal(await client.request('workspace/executeCommand', { command: 'logix.server.explainLicense', arguments: [42] }), null);
    assert.equal(await client.request('workspace/executeCommand', { command: 'logix.server.explainLicense' }), null);
    assert.equal(await client.request('workspace/executeCommand', { command: 'logix.explainLicense', arguments: [{ uri }] }), null);
  });
});

describe('code lens command of the VS Code client', () => {
  it('keeps the client\'s own command in the lens and offers no server command', async (t) => {
    const root = tempWorkspace(files);
    const client = new TestClient({ clientCommands: ['logix.explainLicense'] });
    t.after(async () => {
      await client.stop();
      removeFolder(root);
    });
    await client.start([root]);
    assert.equal(client.initializeResult?.capabilities.executeCommandProvider, undefined);
    assert.equal((await lensOf(client, root)).command!.command, 'logix.explainLicense');
  });
});
