/**
 * The answer does not depend on when the editor opens a document. VS Code sends didOpen for the
 * editors it restores right after `initialized`, Neovim for the buffer that started the server;
 * the server is then in the middle of its start-up round trips. Opening the same file at each of
 * those moments must give what opening it after the index gives: diagnostics, hover, code lens,
 * definition, references, workspace symbols, and the persisted index the next start reads.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeLens, Diagnostic, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests, tempFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const SUP3760 = 'FUNCTION sup3760()\n  DEFINE p_status SMALLINT\n  CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n';

/** The answer depends on the folder: its catalog (ESTOQ's slot) and its SYSTEMKEY files (R7). */
const FILES = {
  'logix-license.json': JSON.stringify({ keys: { ESTOQ: { slot: 6004 } } }),
  'man10021.4gl': program('man10021', '"MANENG"'),
  'sup/sup3760.4gl': SUP3760,
  'sup/sup0051.4gl': program('sup0051', '"SUPPLA"'),
  // Writes SUPRIMEN too: its references must find sup3760's (the real index must hold it).
  'sup/sup0052.4gl': program('sup0052', '"SUPRIMEN"'),
  'log/systemkey_log.4gl': systemKey('LOG', [['WMS', 'sup3760,man10021']]),
};

const track = removedAfterTests();

interface Observed {
  readonly diagnostics: Diagnostic[];
  readonly hover: string;
  readonly lens: string[];
  readonly definition: string[];
  /** The references of SUPRIMEN asked from another file of the folder. */
  readonly references: string[];
  readonly symbols: string[];
  /** sup3760's diagnostics at the next start, from the persisted index, with nothing open. */
  readonly nextStart: Diagnostic[];
  readonly reusedAtNextStart: boolean;
}

/** When the document is opened: at the n-th server request of a method, right after `initialized`, or after the index. */
type Moment = { readonly request: string; readonly nth: number } | 'after initialized' | 'after the index';

async function observe(roots: readonly string[], file: { root: string; path: string }, moment: Moment): Promise<Observed> {
  const cacheFolder = tempFolder('logix-startup-cache-');
  track(cacheFolder);
  const uri = uriOf(join(file.root, file.path));
  const text = FILES[file.path as keyof typeof FILES];
  let opened = false;
  const seen = new Map<string, number>();
  const client: TestClient = new TestClient({
    cacheFolder,
    onServerRequest: (method) => {
      seen.set(method, (seen.get(method) ?? 0) + 1);
      if (typeof moment === 'object' && moment.request === method && moment.nth === seen.get(method) && !opened) {
        opened = true;
        client.open(uri, text);
      }
    },
  });
  try {
    await client.initialize(roots);
    if (moment === 'after initialized') {
      opened = true;
      client.open(uri, text);
    }
    await client.whenIndexed();
    assert.ok(moment === 'after the index' || opened, `the moment ${JSON.stringify(moment)} never came (requests seen: ${JSON.stringify([...seen])})`);
    if (!opened) client.open(uri, text);
    const diagnostics = await client.waitForVersion(uri, 1);
    const callLine = text.split('\n').findIndex((line) => line.includes('log001_acessa_usuario'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: callLine, character: 10 } });
    const lens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // From the SYSTEMKEY list to the program: the real index must hold it.
    const systemKeyUri = uriOf(join(file.root, 'log/systemkey_log.4gl'));
    const listLine = FILES['log/systemkey_log.4gl'].split('\n')[1]!;
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: systemKeyUri }, position: { line: 1, character: listLine.indexOf('sup3760') + 2 },
    });
    const otherUri = uriOf(join(file.root, 'sup/sup0052.4gl'));
    const otherLine = FILES['sup/sup0052.4gl'].split('\n')[1]!;
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: otherUri }, position: { line: 1, character: otherLine.indexOf('SUPRIMEN') + 2 }, context: { includeDeclaration: false },
    });
    client.close(uri);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'sup3760' });
    await client.stop();

    const next = new TestClient({ cacheFolder });
    try {
      await next.start(roots);
      return {
        diagnostics,
        hover: (hover?.contents as { value: string } | undefined)?.value ?? '',
        lens: lens.map((each) => each.command?.title ?? ''),
        definition: definition.map((location) => location.uri),
        references: references.map((location) => location.uri).sort(),
        symbols: symbols.map((symbol) => symbol.location.uri),
        nextStart: next.diagnostics.get(uri) ?? [],
        reusedAtNextStart: next.logMessages.some((message) => /(\d+) files indexed, \1 from the persisted index, 0 parsed/.test(message)),
      };
    } finally {
      await next.stop();
    }
  } catch (error) {
    await client.stop().catch(() => undefined);
    throw error;
  }
}

describe('opening a document at any moment of the start-up', () => {
  const root = tempWorkspace(FILES);
  track(root);
  const sup3760 = { root, path: 'sup/sup3760.4gl' };
  let baseline: Observed;

  it('after the index: the folder\'s catalog and SYSTEMKEY files apply (the reference)', async () => {
    baseline = await observe([root], sup3760, 'after the index');
    assert.deepEqual(baseline.diagnostics.map((diagnostic) => diagnostic.code).sort(), ['LGX001', 'LGX002', 'LGX005']);
    assert.match(String(baseline.diagnostics.find((diagnostic) => diagnostic.code === 'LGX001')!.message), /logix-license\.json/);
    assert.deepEqual(baseline.lens, ['License: ESTOQ (slot 6004) · 2 keys']);
    assert.match(baseline.hover, /\| 2 \| `WMS` \|/);
    assert.deepEqual(baseline.definition, [uriOf(join(root, 'sup/sup3760.4gl'))]);
    assert.deepEqual(baseline.references, [uriOf(join(root, 'sup/sup0052.4gl')), uriOf(join(root, 'sup/sup3760.4gl'))].sort());
    assert.deepEqual(baseline.symbols, [uriOf(join(root, 'sup/sup3760.4gl'))]);
    assert.deepEqual(baseline.nextStart, baseline.diagnostics);
    assert.ok(baseline.reusedAtNextStart, 'the next start reuses every file from the persisted index');
  });

  const moments: Moment[] = [
    'after initialized',
    { request: 'client/registerCapability', nth: 1 },
    { request: 'client/registerCapability', nth: 2 },
    { request: 'window/workDoneProgress/create', nth: 1 },
    // The folder's settings are being asked for: nothing of the folder is read yet, not even
    // the persisted index.
    { request: 'workspace/configuration', nth: 1 },
  ];
  for (const moment of moments) {
    it(`opened ${typeof moment === 'string' ? moment : `while the server waits for ${moment.request} #${moment.nth}`}: the same answers`, async () => {
      assert.deepEqual(await observe([root], sup3760, moment), baseline);
    });
  }

  it('a file of the second folder, opened while the first one is being indexed: the same answers as alone', async () => {
    const other = tempWorkspace({ 'x/lonely.4gl': program('lonely', '"MANENG"') });
    track(other);
    // Its folder is asked for its settings only once the first folder is indexed.
    const observed = await observe([other, root], sup3760, { request: 'workspace/configuration', nth: 1 });
    assert.deepEqual({ ...observed, symbols: [] }, { ...baseline, symbols: [] });
    assert.deepEqual(observed.symbols, baseline.symbols);
  });
});
