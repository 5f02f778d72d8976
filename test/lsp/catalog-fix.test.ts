/**
 * The quick fix *Add KEY to logix-license.json* over stdio: one insertion in the catalog file's
 * own style (tabs, CRLF, one-line entries), every other byte of the file as it was.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers/edits.js';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program } from '../helpers/workspace.js';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('adding a key to logix-license.json over stdio', () => {
  it('inserts one line in the file\'s style and changes nothing else', async () => {
    const catalog = crlf([
      '{',
      '\t"keys": {',
      '\t\t"WMS": { "slot": 5087, "area": "LOG", "description": "WMS" }',
      '\t},',
      '\t"menu": { "sup4000": "WMS" }',
      '}',
    ]);
    const source = program('sup4000', '"SUPRIMEN"');
    const root = tempWorkspace({ 'sup4000.4gl': source, 'logix-license.json': catalog });
    const client = new TestClient();
    try {
      await client.start([root]);
      const uri = uriOf(join(root, 'sup4000.4gl'));
      const diagnostics = (await client.waitForDiagnostics(uri, (published) => published.some((diagnostic) => diagnostic.code === 'LGX001')))
        .filter((diagnostic: Diagnostic) => diagnostic.code === 'LGX001');
      client.open(uri, source);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
      const add = actions.find((action) => action.title === 'Add SUPRIMEN to logix-license.json');
      assert.ok(add, actions.map((action) => action.title).join(' | '));
      const change = add.edit!.documentChanges![0] as { textDocument: { uri: string }; edits: TextEdit[] };
      assert.equal(change.textDocument.uri, uriOf(join(root, 'logix-license.json')));
      assert.equal(change.edits.length, 1, 'one insertion');
      assert.equal(applyEdits(catalog, change.edits), crlf([
        '{',
        '\t"keys": {',
        '\t\t"WMS": { "slot": 5087, "area": "LOG", "description": "WMS" },',
        '\t\t"SUPRIMEN": { "area": "SUP" }',
        '\t},',
        '\t"menu": { "sup4000": "WMS" }',
        '}',
      ]));
      client.close(uri);
    } finally {
      await client.stop();
      removeFolder(root);
    }
  });
});
