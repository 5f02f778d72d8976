/**
 * Find references of a key over stdio, with and without the declaration: the declaration is the
 * key's entry in the folder's logix-license.json, listed only when the client asks for it.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { marked, showRange } from '../helpers/markers.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

// ⟦ ⟧: where each reference is. The key's name in "keys" is its declaration; the same word as a
// menu key is not.
const sources = {
  'logix-license.json': marked('{\n  "menu": { "man1": "NEWKEY" },\n  "keys": {\n    "⟦NEWKEY⟧": { "slot": 4242, "area": "PRD" }\n  }\n}\n'),
  'man1.4gl': marked(program('man1', '"⟦MANENG⟧,⟦NEWKEY⟧"')),
  'systemkey_prd.4gl': marked(systemKey('PRD', [['⟦NEWKEY⟧', 'man2']])),
  'man2.4gl': marked(program('man2', '"⟦MANENG⟧"')),
};
type File = keyof typeof sources;

describe('references of a key', () => {
  let root: string;
  let client: TestClient;
  const uri = (file: string) => uriOf(join(root, file));
  const where = (locations: Location[]) => locations.map((location) => `${location.uri.slice(uriOf(root).length + 1)} ${showRange(location.range)}`);
  /** The `index`th marked range of `file`, as `where` shows a location. */
  const at = (file: File, index: number) => `${file} ${showRange(sources[file].ranges[index]!)}`;
  const references = (file: File, source: string, includeDeclaration: boolean) =>
    client.request<Location[]>('textDocument/references', { textDocument: { uri: uri(file) }, position: marked(source).cursors[0], context: { includeDeclaration } });

  before(async () => {
    root = tempWorkspace(Object.fromEntries(Object.entries(sources).map(([file, source]) => [file, source.text])));
    client = new TestClient();
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  it('lists its entry in logix-license.json first when the declaration is asked for', async () => {
    assert.deepEqual(where(await references('man1.4gl', program('man1', '"MANENG,NEW‸KEY"'), true)),
      [at('logix-license.json', 0), at('man1.4gl', 1), at('systemkey_prd.4gl', 0)]);
  });

  it('leaves the entry out when the declaration is not asked for', async () => {
    assert.deepEqual(where(await references('systemkey_prd.4gl', systemKey('PRD', [['NEWK‸EY', 'man2']]), false)),
      [at('man1.4gl', 1), at('systemkey_prd.4gl', 0)]);
  });

  it('has no declaration to list for a built-in key', async () => {
    assert.deepEqual(where(await references('man2.4gl', program('man2', '"MAN‸ENG"'), true)), [at('man1.4gl', 0), at('man2.4gl', 0)]);
  });
});
