/**
 * The real language server process over stdio: diagnostics on start, hover, code actions,
 * completion, code lens, symbols, navigation, live updates from edits and from the disk, and
 * survival of garbage requests.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers/edits.js';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { marked } from '../helpers/markers.js';
import { examplesDir } from '../helpers/paths.js';
import { runCli, tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const SUP3760 = 'FUNCTION sup3760()\n  DEFINE p_status SMALLINT\n  CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n';

function files() {
  return {
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"', '  CALL man10021_menu()\n') + 'FUNCTION man10021_menu()\nEND FUNCTION\n',
    'sup3760.4gl': SUP3760,
    'sup0051.4gl': program('sup0051', '"SUPPLA"'),
    'systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
    'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
    'systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
    'man5000.4gl': 'FUNCTION man5000()\n  DEFINE l_x SMALLINT\n  LET l_x = 1\nEND FUNCTION\n',
    'logix-license.json': JSON.stringify({ menu: { man10021: 'WMS' } }),
  };
}

describe('language server over stdio', () => {
  let root: string;
  let client: TestClient;
  const uri = (file: string) => uriOf(join(root, file));

  before(async () => {
    root = tempWorkspace(files());
    client = new TestClient();
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  it('publishes diagnostics for the files of the folder on start, with code, link, data and tags', async () => {
    const sup3760 = await client.waitForDiagnostics(uri('sup3760.4gl'));
    assert.deepEqual(codes(sup3760), ['LGX001', 'LGX002', 'LGX005']);
    const lgx005 = sup3760.find((diagnostic) => diagnostic.code === 'LGX005')!;
    assert.deepEqual(lgx005.tags, [2]);
    assert.match(lgx005.codeDescription!.href, /README\.md#lgx005$/);
    const lgx001 = sup3760.find((diagnostic) => diagnostic.code === 'LGX001')!;
    assert.equal((lgx001.data as { key: string }).key, 'SUPRIMEN');
    assert.deepEqual(codes(await client.waitForDiagnostics(uri('man5000.4gl'))), ['LGX003']);
    // All initial publications come before the progress ends (start() waited for it), and a clean
    // file gets none (nothing to clear). Opening it gets the server's own answer for that text.
    assert.equal(client.diagnostics.has(uri('man10021.4gl')), false, 'no publication at start for a clean file');
    client.open(uri('man10021.4gl'), files()['man10021.4gl']);
    try {
      assert.deepEqual(codes(await client.waitForVersion(uri('man10021.4gl'), 1)), []);
    } finally {
      client.close(uri('man10021.4gl'));
    }
  });

  it('hovers a LOG_initApp call with the final key list and menu consumption', async () => {
    const { text, cursors } = marked(program('man10021', '"MANENG,SUPPLA,VDPPED"').replace('LOG_initApp', 'LOG_in‸itApp'));
    void text;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('man10021.4gl') }, position: cursors[0] });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*man10021\*\* · area PRD/);
    assert.match(value, /\| 7 \| `WMS` \| 5087 \| WMS \| \[SYSTEMKEY_LOG\]\(file:.*systemkey_log\.4gl#L2,\d+\) \(R7\) \|/);
    assert.match(value, /menu key `WMS` \(configured\) → `WMS` \(slot 5087\), R9/);
    assert.match(value, /any other key or `\?` → `MANENG` \(slot unknown — add it to the catalog\), R9, R11/);
    // R13 as `consume` computes it: no logixVersion, so web requests consume type I.
    // The collector chooses the key as the menu does (the configured WMS, R9), consumed as type T.
    assert.match(value, /collector → license type T \(program key `WMS`\) · web\/REST\/SOAP → license type I .* · TPD REST → nothing · Mingle app → license type I .* · EAI → nothing/);
  });

  it('hovers a program with no valid key: a catalog menu key is consumed (R10), `?` blocks (R11)', async () => {
    const other = tempWorkspace({ 'xyz1001.4gl': program('xyz1001', '"NOTAKEY"'), 'logix-license.json': JSON.stringify({ invalidKeys: ['NOTAKEY'] }) });
    const otherClient = new TestClient();
    try {
      await otherClient.start([other]);
      const { cursors } = marked(program('xyz1001', '"NOTAKEY"').replace('LOG_initApp', 'LOG_in‸itApp'));
      const hover = await otherClient.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(join(other, 'xyz1001.4gl')) }, position: cursors[0] });
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /- any other key of the catalog → that key, R10\n- `\?` → \*\*access blocked\*\*, R11/);
      assert.doesNotMatch(value, /any other key or/);
      // The scheduler has no key to switch to: it consumes PADRAO (R13).
      assert.match(value, /scheduler \(starts with `PADRAO`\) → `PADRAO`/);
    } finally {
      await otherClient.stop();
    }
  });

  const hoverCases: [string, string, string, RegExp][] = [
    ['a valid key', 'man10021.4gl', program('man10021', '"MANENG,SUP‸PLA,VDPPED"'), /\*\*SUPPLA\*\* · slot unknown — add it to the catalog.*\n\nPosition 2 of 7/],
    ['an invalid key', 'sup3760.4gl', SUP3760.replace('SUPRIMEN', 'SUPR‸IMEN'), /\*\*SUPRIMEN\*\* is listed as invalid[\s\S]*The runtime drops it from the list \(R5\)\. Did you mean `SUPREC`[\s\S]*area default `ESTOQ` replaces it \(R6\)/],
    ['a program in a SYSTEMKEY list', 'systemkey_log.4gl', systemKey('LOG', [['WMS', 'man1‸0021']]), /\*\*man10021\*\* — \[man10021\.4gl\][\s\S]*Final list \(R4–R8\): `MANENG`, `SUPPLA`[\s\S]*appends its key to the program's list \(R7\)/],
    ['a key of a registration', 'systemkey_log.4gl', systemKey('LOG', [['W‸MS', 'man10021']]), /\*\*WMS\*\* · slot 5087 · area LOG[\s\S]*registers 1 program under it here/],
  ];
  for (const [label, file, source, expected] of hoverCases) {
    it(`hovers ${label}`, async () => {
      const { cursors } = marked(source);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri(file) }, position: cursors[0] });
      assert.match((hover.contents as { value: string }).value, expected);
    });
  }

  it('offers quick fixes whose edits give the expected text', async () => {
    const cases: [string, string, string, string][] = [
      ['sup3760.4gl', 'LGX001', 'Replace SUPRIMEN with SUPREC', SUP3760.replace('"SUPRIMEN"', '"SUPREC"')],
      ['sup3760.4gl', 'LGX001', 'Replace SUPRIMEN with the area default ESTOQ (R6)', SUP3760.replace('"SUPRIMEN"', '"ESTOQ"')],
      ['sup3760.4gl', 'LGX005', 'Rewrite as LOG_initApp', SUP3760.replace('log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user', 'LOG_initApp("SUPRIMEN")\n    RETURNING p_status')],
      ['man5000.4gl', 'LGX003', 'Insert LOG_initApp("MANENG")', 'FUNCTION man5000()\n  DEFINE l_x SMALLINT\n  IF LOG_initApp("MANENG") <> 0 THEN\n     RETURN\n  END IF\n  LET l_x = 1\nEND FUNCTION\n'],
    ];
    for (const [file, code, title, expected] of cases) {
      const diagnostics = (await client.waitForDiagnostics(uri(file))).filter((diagnostic) => diagnostic.code === code);
      const source = files()[file as keyof ReturnType<typeof files>];
      client.open(uri(file), source);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: diagnostics[0]!.range, context: { diagnostics } });
      const action = actions.find((candidate) => candidate.title.startsWith(title));
      assert.ok(action, `${title} among ${actions.map((candidate) => candidate.title).join(' | ')}`);
      const change = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
      assert.equal(change.textDocument.version, 1, 'edits are versioned');
      assert.equal(applyEdits(source, change.edits), expected, title);
      client.close(uri(file));
    }
  });

  it('creates logix-license.json entries from LGX001 without touching anything else', async () => {
    const diagnostics = (await client.waitForDiagnostics(uri('sup3760.4gl'))).filter((diagnostic) => diagnostic.code === 'LGX001');
    client.open(uri('sup3760.4gl'), SUP3760);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('sup3760.4gl') }, range: diagnostics[0]!.range, context: { diagnostics } });
    const add = actions.find((action) => action.title === 'Add SUPRIMEN to logix-license.json')!;
    const change = add.edit!.documentChanges![0] as { textDocument: { uri: string }; edits: TextEdit[] };
    assert.equal(change.textDocument.uri, uri('logix-license.json'));
    const result = JSON.parse(applyEdits(files()['logix-license.json'], change.edits));
    assert.deepEqual(result, { menu: { man10021: 'WMS' }, keys: { SUPRIMEN: { area: 'SUP' } } });
    client.close(uri('sup3760.4gl'));
  });

  it('completes keys inside a LOG_initApp string, own area first', async () => {
    const { text, cursors } = marked(program('sup0051', '"SUP‸"'));
    client.open(uri('sup0051.4gl'), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('sup0051.4gl') }, position: cursors[0] });
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((item) => item.label);
    assert.deepEqual(sorted.slice(0, 2), ['ESTOQ', 'SUPREC']);
    assert.ok(sorted.includes('WMS'));
    const wms = items.find((item) => item.label === 'WMS')!;
    assert.equal(wms.detail, 'slot 5087 · area LOG');
    client.close(uri('sup0051.4gl'));
  });

  it('completes programs inside a SYSTEMKEY list', async () => {
    const { text, cursors } = marked(systemKey('SUP', [['ESTOQ', 'man10021,‸']]));
    client.open(uri('systemkey_sup.4gl'), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('systemkey_sup.4gl') }, position: cursors[0] });
    assert.ok(items.some((item) => item.label === 'sup3760' && item.detail === 'sup3760.4gl'));
    client.close(uri('systemkey_sup.4gl'));
  });

  it('shows the code lens above the main function', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('man10021.4gl') } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.command!.title, 'License: MANENG (slot unknown) · 7 keys');
    assert.equal(lenses[0]!.command!.command, 'logix.server.explainLicense', 'a client that does not run Explain itself gets the server\'s command');
    assert.equal(lenses[0]!.range.start.line, 0);
  });

  it('lists document and workspace symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('man10021.4gl') } });
    assert.deepEqual(symbols.map((symbol) => `${symbol.name}:${symbol.detail}`), ['man10021:FUNCTION', 'man10021_menu:FUNCTION']);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'm10021men' });
    assert.deepEqual(found.map((symbol) => symbol.name), ['man10021_menu']);
  });

  it('goes to the definition of a program in a SYSTEMKEY list and of a called function', async () => {
    const { cursors } = marked(systemKey('LOG', [['WMS', 'man‸10021']]));
    const program = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('systemkey_log.4gl') }, position: cursors[0] });
    assert.deepEqual(program.map((location) => [location.uri, location.range.start.line]), [[uri('man10021.4gl'), 0]]);
    const source = files()['man10021.4gl'];
    client.open(uri('man10021.4gl'), source);
    const call = marked(source.replace('CALL man10021_menu()', 'CALL man10021_m‸enu()'));
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('man10021.4gl') }, position: call.cursors[0] });
    assert.deepEqual(definition.map((location) => location.range.start.line), [6]);
    client.close(uri('man10021.4gl'));
  });

  it('finds every declaration and registration of a key', async () => {
    const { cursors } = marked(program('man10021', '"MANENG,SUPPLA,VD‸PPED"'));
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('man10021.4gl') }, position: cursors[0], context: { includeDeclaration: true } });
    assert.deepEqual(references.map((location) => location.uri.split('/').pop()).sort(), ['man10021.4gl', 'systemkey_vdp.4gl']);
  });

  it('re-diagnoses a closed program when its SYSTEMKEY file is edited (R4: LGX006 comes and goes)', async () => {
    client.open(uri('systemkey_sup.4gl'), files()['systemkey_sup.4gl']);
    client.change(uri('systemkey_sup.4gl'), systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021'], ['SUPREC', 'sup0051']]));
    const sup0051 = await client.waitForDiagnostics(uri('sup0051.4gl'), (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'LGX006'));
    assert.equal(sup0051[0]!.relatedInformation![0]!.location.uri, uri('systemkey_sup.4gl'));
    client.change(uri('systemkey_sup.4gl'), files()['systemkey_sup.4gl']);
    await client.waitForDiagnostics(uri('sup0051.4gl'), (diagnostics) => diagnostics.length === 0);
    client.close(uri('systemkey_sup.4gl'));
  });

  it('follows files created and deleted on disk', async () => {
    const path = join(root, 'vdp7000.4gl');
    writeFileSync(path, 'FUNCTION vdp7000()\n  CALL x()\nEND FUNCTION\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(path), (diagnostics) => diagnostics.length > 0)), ['LGX003']);
    rmSync(path);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 3 }] });
    await client.waitForDiagnostics(uriOf(path), (diagnostics) => diagnostics.length === 0);
  });

  it('indexes a burst of 300 files created on disk, then clears them all when they are deleted', async () => {
    const paths = Array.from({ length: 300 }, (_, index) => join(root, 'burst', `vdp8${String(index).padStart(3, '0')}.4gl`));
    mkdirSync(join(root, 'burst'));
    // No LOG_initApp: each file has LGX003, so both its creation and its deletion show.
    for (const path of paths) writeFileSync(path, `FUNCTION ${path.slice(-11, -4)}()\n  CALL x()\nEND FUNCTION\n`);
    for (const path of paths) client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    for (const path of paths) {
      assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(path), (diagnostics) => diagnostics.length > 0)), ['LGX003'], path);
    }
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'vdp8' });
    assert.equal(symbols.length, 300);
    removeFolder(join(root, 'burst'));
    for (const path of paths) client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 3 }] });
    // Wait for the deletions to take effect, so that no work spills into the next test.
    for (const path of paths) await client.waitForDiagnostics(uriOf(path), (diagnostics) => diagnostics.length === 0);
    assert.deepEqual(await client.request<SymbolInformation[]>('workspace/symbol', { query: 'vdp8' }), []);
  });

  it('re-reads logix-license.json when it changes on disk', async () => {
    writeFileSync(join(root, 'logix-license.json'), '{ "menu": { "man10021": "PADRAO" } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('logix-license.json'), type: 2 }] });
    await client.waitForDiagnostics(uri('man10021.4gl'), (diagnostics) => codes(diagnostics).includes('LGX010'));
    writeFileSync(join(root, 'logix-license.json'), '{ "menu": { "man10021": 12 } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('logix-license.json'), type: 2 }] });
    const broken = await client.waitForDiagnostics(uri('logix-license.json'), (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(codes(broken), ['LGX015']);
    writeFileSync(join(root, 'logix-license.json'), files()['logix-license.json']);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('logix-license.json'), type: 2 }] });
    await client.waitForDiagnostics(uri('logix-license.json'), (diagnostics) => diagnostics.length === 0);
  });

  it('survives garbage requests and answers empty', async () => {
    const nowhere = { textDocument: { uri: 'file:///no/such/file.4gl' }, position: { line: 99999, character: 99999 } };
    assert.equal(await client.request('textDocument/hover', nowhere), null);
    assert.deepEqual(await client.request('textDocument/completion', nowhere), []);
    assert.deepEqual(await client.request('textDocument/definition', { ...nowhere, textDocument: { uri: 'untitled:Untitled-1' } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uri('man10021.4gl') }, position: { line: 5, character: 1e9 } }), null);
    const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, index) => (index * 31) % 256));
    client.open(uri('garbage.4gl'), binary);
    await client.waitForDiagnostics(uri('garbage.4gl'));
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('garbage.4gl') } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uri('garbage.4gl') }, position: { line: 0, character: 3 } }), null);
    client.close(uri('garbage.4gl'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('man10021.4gl') } });
    assert.equal(symbols.length, 2, 'still answering');
    assert.equal(client.exitCode, null);
  });

  it('answers InvalidParams to params of the wrong shape before any handler runs, and drops such notifications with a warning', async () => {
    const invalid = (error: { code?: number }) => error.code === -32602;
    const document = { uri: uri('man10021.4gl') };
    await assert.rejects(client.request('textDocument/hover', { textDocument: document, position: { line: -5, character: 0 } }), invalid);
    await assert.rejects(client.request('textDocument/definition', { textDocument: document, position: { line: 0, character: 2 ** 31 } }), invalid);
    await assert.rejects(client.request('textDocument/completion', { textDocument: null, position: { line: 0, character: 0 } }), invalid);
    await assert.rejects(client.request('textDocument/references', { textDocument: document }), invalid);
    await assert.rejects(client.request('textDocument/codeAction', { textDocument: document, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: null }), invalid);
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: { uri: 7 } }), invalid);
    await assert.rejects(client.request('workspace/symbol', { query: 3 }), invalid);
    await assert.rejects(client.request('logix/explain', { program: 'man10021' }), invalid);
    const failed = client.logMessages.length;
    client.notify('textDocument/didOpen', { textDocument: null });
    client.notify('textDocument/didChange', { textDocument: { uri: uri('man10021.4gl'), version: 3 }, contentChanges: [{ range: { start: { line: -1, character: 0 } }, text: 'x' }] });
    await client.waitForLog(/textDocument\/didChange ignored, invalid params/);
    assert.deepEqual(client.logMessages.slice(failed).filter((message) => /failed/.test(message)), [], 'no handler ran, so none failed');
    assert.equal((await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: document })).length, 2, 'still answering');
  });
});

/** Pulls the workspace report until a file's report is full again (the edit has been taken in). */
async function waitForFull(client: TestClient, previousResultIds: { uri: string; value: string }[]): Promise<{ kind: string }[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const report = await client.request<{ items: { kind: string }[] }>('workspace/diagnostic', { previousResultIds });
    if (report.items.some((item) => item.kind === 'full')) return report.items;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the workspace report never became full after the edit');
}

describe('language server with pull diagnostics and settings', () => {
  it('answers document diagnostic requests and honours severity overrides', async () => {
    const root = tempWorkspace({ 'sup3760.4gl': SUP3760 });
    const client = new TestClient({ pullDiagnostics: true, settings: { severity: { LGX005: 'off', LGX001: 'error' } } });
    try {
      await client.start([root]);
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(join(root, 'sup3760.4gl')) } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(codes(report.items), ['LGX001', 'LGX002']);
      assert.equal(report.items.find((diagnostic) => diagnostic.code === 'LGX001')!.severity, 1);
      const workspaceReport = await client.request<{ items: { uri: string; kind: string; resultId?: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
      assert.deepEqual(workspaceReport.items.map((item) => item.uri), [uriOf(join(root, 'sup3760.4gl'))]);
      // Asked again with the result ids: nothing changed, nothing sent again.
      const previousResultIds = workspaceReport.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
      const again = await client.request<{ items: { kind: string }[] }>('workspace/diagnostic', { previousResultIds });
      assert.deepEqual(again.items.map((item) => item.kind), ['unchanged']);
      const documentAgain = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri: uriOf(join(root, 'sup3760.4gl')) }, previousResultId: previousResultIds[0]!.value });
      assert.equal(documentAgain.kind, 'unchanged');
      // An edit changes the file's diagnostics: a full report again.
      const uri = uriOf(join(root, 'sup3760.4gl'));
      client.open(uri, SUP3760.replace('SUPRIMEN', 'SUPREC'));
      const refreshed = await waitForFull(client, previousResultIds);
      assert.deepEqual(refreshed.map((item) => item.kind), ['full']);
      client.close(uri);
    } finally {
      await client.stop();
      removeFolder(root);
    }
  });
});

describe('language server on examples/', () => {
  it('publishes, for every example file, the diagnostics the CLI reports', async () => {
    const expected = new Map<string, string[]>();
    for (const diagnostic of JSON.parse(runCli(['check', examplesDir, '--format', 'json']).stdout).diagnostics as { file: string; code: string }[]) {
      expected.set(diagnostic.file, [...(expected.get(diagnostic.file) ?? []), diagnostic.code].sort());
    }
    assert.ok(expected.size >= 12);
    const client = new TestClient();
    try {
      await client.start([examplesDir]);
      for (const [file, fileCodes] of expected) {
        const published = await client.waitForDiagnostics(uriOf(join(examplesDir, file)));
        assert.deepEqual(codes(published), fileCodes, file);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('language server with several folders and settings', () => {
  it('keeps one catalog per folder and honours logix.exclude and files.exclude', async () => {
    const uses = (name: string) => program(name, '"MANENG,AKEY"');
    const first = tempWorkspace({ 'man1.4gl': uses('man1'), 'logix-license.json': JSON.stringify({ keys: { AKEY: { slot: 9001 } } }) });
    const second = tempWorkspace({ 'man2.4gl': uses('man2'), 'old/man3.4gl': 'FUNCTION man3()\nEND FUNCTION\n', 'bak/man4.4gl': 'FUNCTION man4()\nEND FUNCTION\n' });
    const client = new TestClient({ settings: { exclude: ['old/**'] }, filesExclude: { '**/bak': true, '**/keep': false } });
    try {
      await client.start([first, second]);
      // The first folder's catalog makes AKEY valid there only (R5); its lens counts both keys.
      assert.deepEqual(codes(client.diagnostics.get(uriOf(join(second, 'man2.4gl')))), ['LGX018']);
      const man1 = uriOf(join(first, 'man1.4gl'));
      client.open(man1, uses('man1'));
      try {
        assert.deepEqual(codes(await client.waitForVersion(man1, 1)), []);
      } finally {
        client.close(man1);
      }
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: man1 } });
      assert.equal(lenses[0]!.command!.title, 'License: MANENG (slot unknown) · 2 keys');
      // Excluded files are not indexed at all: no program, so no symbol (and no LGX003).
      const programs = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'man' });
      assert.deepEqual(programs.map((symbol) => symbol.name).sort(), ['man1', 'man2']);
      assert.equal(client.diagnostics.has(uriOf(join(second, 'old', 'man3.4gl'))), false, 'logix.exclude is honoured');
      assert.equal(client.diagnostics.has(uriOf(join(second, 'bak', 'man4.4gl'))), false, 'files.exclude is honoured too');
    } finally {
      await client.stop();
      removeFolder(first);
      removeFolder(second);
    }
  });

  it('clears the problems it showed for a workspace folder that is removed, and only those', async () => {
    const first = tempWorkspace({ 'man1.4gl': program('man1', '"NOTAKEY"') });
    const second = tempWorkspace({ 'man2.4gl': program('man2', '"NOTAKEY"') });
    const client = new TestClient();
    try {
      await client.start([first, second]);
      const man1 = uriOf(join(first, 'man1.4gl'));
      const man2 = uriOf(join(second, 'man2.4gl'));
      assert.ok(codes(client.diagnostics.get(man1)).includes('LGX018'));
      assert.ok(codes(client.diagnostics.get(man2)).includes('LGX018'));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(second), name: 'folder1' }] } });
      assert.deepEqual(await client.waitForDiagnostics(man2, (diagnostics) => diagnostics.length === 0), []);
      assert.ok(codes(client.diagnostics.get(man1)).includes('LGX018'), 'the other folder keeps its problems');
    } finally {
      await client.stop();
      removeFolder(first);
      removeFolder(second);
    }
  });
});

describe('language server list fixes', () => {
  const listFiles = {
    'man1.4gl': program('man1', '"MANENG, wms,MANENG,,"'),
    'man2.4gl': program('man2', '"MANENG,WMZ"'),
    'man3.4gl': program('man3', '"MANENG"'),
    'man4.4gl': program('man4', '"MANENG"'),
    'systemkey_prd.4gl': 'FUNCTION systemkey_prd()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man9,"||\n       "man3")\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man4")\nEND FUNCTION\n',
    // WMZ is a typo the installation does not have: invalid (LGX001), so removing it is offered.
    'logix-license.json': JSON.stringify({ invalidKeys: ['WMZ'] }),
  };
  let root: string;
  let client: TestClient;
  before(async () => {
    root = tempWorkspace(listFiles);
    client = new TestClient();
    await client.start([root]);
  });
  after(async () => {
    await client.stop();
    removeFolder(root);
  });

  async function resultOf(file: keyof typeof listFiles, code: string, title: string, index = 0): Promise<string> {
    const uri = uriOf(join(root, file));
    const diagnostics = (await client.waitForDiagnostics(uri)).filter((diagnostic) => diagnostic.code === code);
    client.open(uri, listFiles[file]);
    try {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[index]!.range, context: { diagnostics: [diagnostics[index]!] } });
      const action = actions.find((candidate) => candidate.title.startsWith(title));
      assert.ok(action, `${title} among ${actions.map((candidate) => candidate.title).join(' | ')}`);
      return applyEdits(listFiles[file], (action.edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
    } finally {
      client.close(uri);
    }
  }

  it('normalises a badly formed list (LGX014)', async () => {
    assert.equal(await resultOf('man1.4gl', 'LGX014', 'Normalise the list'), program('man1', '"MANENG,WMS,MANENG"'));
  });

  it('removes a duplicate key (LGX008)', async () => {
    assert.equal(await resultOf('man1.4gl', 'LGX008', 'Remove the duplicate MANENG'), program('man1', '"MANENG, wms,,"'));
  });

  it('removes an unknown key from its list (LGX001, R5)', async () => {
    assert.equal(await resultOf('man2.4gl', 'LGX001', 'Remove WMZ from the list'), program('man2', '"MANENG"'));
  });

  it('removes a covered registration from a || list (R3), and a lone one with its line (LGX007, A1)', async () => {
    assert.equal(await resultOf('systemkey_prd.4gl', 'LGX007', 'Remove man3', 0),
      'FUNCTION systemkey_prd()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man9")\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man4")\nEND FUNCTION\n');
    assert.equal(await resultOf('systemkey_prd.4gl', 'LGX007', 'Remove man4', 1),
      'FUNCTION systemkey_prd()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("MANENG","man9,"||\n       "man3")\nEND FUNCTION\n');
  });

  it('fixes all safe problems of a file at once, leaving overlapping ones for a second pass', async () => {
    const uri = uriOf(join(root, 'man1.4gl'));
    const diagnostics = await client.waitForDiagnostics(uri);
    client.open(uri, listFiles['man1.4gl']);
    try {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics, only: ['source.fixAll'] },
      });
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.logix']);
      const fixed = applyEdits(listFiles['man1.4gl'], (actions[0]!.edit!.documentChanges![0] as { edits: TextEdit[] }).edits);
      assert.equal(fixed, program('man1', '"MANENG,WMS,MANENG"'));
    } finally {
      client.close(uri);
    }
  });
});

describe('test client', () => {
  it('fails start() with the exit status when the server dies before indexing ends, instead of waiting forever', async () => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG"') });
    const client = new TestClient();
    try {
      const started = client.start([root]);
      process.kill(client.pid!, 'SIGKILL');
      await assert.rejects(started, /the server exited before indexing ended \(SIGKILL\)/);
    } finally {
      await client.stop();
      removeFolder(root);
    }
  });
});
