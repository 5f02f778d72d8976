/**
 * The editor's commands on AppServer debug logs over stdio: `logix/compareLog` (the runs against
 * the folder's predictions: a Markdown report, and each disagreement as LGX019 on the program's
 * license call, kept through edits until a new comparison replaces it or
 * `logix/clearLogComparison` clears it) and `logix/importLog` (what `import-log --write` would
 * write, as a WorkspaceEdit; the server itself writes nothing).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers/edits.js';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { DOCUMENTED_RUN, IMPORT_CATALOG, logBytes, run } from '../helpers/appserver-log.js';
import { runCli, tempWorkspace as makeWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests, tempFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const track = removedAfterTests();
const tempWorkspace = (files: Parameters<typeof makeWorkspace>[0]) => track(makeWorkspace(files));

interface CompareResult {
  error?: string;
  report: string;
  summary: { runs: number; agree: number; disagree: number };
  diagnostics: number;
  files: string[];
}

interface ImportResult {
  error?: string;
  catalogUri: string;
  exists: boolean;
  runs: number;
  changes: number;
  lines: string[];
  edit: WorkspaceEdit | null;
  baseText?: string;
  plan: { keys: Record<string, { slot: number; runs: number }>; menu: Record<string, string>; conflicts: { key: string; slots: number[] }[] };
}



/** A log's bytes as the AppServer writes them: Windows-1252 (the characters used here are Latin-1), CRLF. */
const base64 = (lines: readonly string[]) => ({ base64: logBytes(lines).toString('base64') });

/** MAN10021 without SYSTEMKEY_LOG: the documented run's WMS is only in the log. */
const MAN10021 = {
  'adm_producao/man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
  'suprimentos/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
  'vendas/systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
};

const lgx019 = (diagnostics: readonly Diagnostic[] | undefined) => (diagnostics ?? []).filter((diagnostic) => diagnostic.code === 'LGX019');

describe('logix/compareLog and logix/clearLogComparison', () => {
  it('puts a disagreement on the program\'s LOG_initApp as LGX019, keeps it through edits, and a new comparison or the clear request takes it away', async (t) => {
    const root = tempWorkspace(MAN10021);
    const man = uriOf(join(root, 'adm_producao', 'man10021.4gl'));
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    assert.deepEqual(codes(client.diagnostics.get(man)), [], 'nothing before the comparison');

    const compared = await client.request<CompareResult>('logix/compareLog', { folderUri: uriOf(root), log: base64(DOCUMENTED_RUN), name: 'console.log' });
    assert.equal(compared.error, undefined);
    assert.deepEqual(compared.summary, { runs: 1, agree: 0, disagree: 1 });
    assert.equal(compared.diagnostics, 1);
    assert.deepEqual(compared.files, [man]);
    assert.match(compared.report, /^# AppServer log comparison\n/);
    assert.match(compared.report, /\*\*console\.log\*\* against the folder \*\*folder0\*\*: 1 run, 0 agree, 1 disagrees\./);
    assert.match(compared.report, /\| 9 \| man10021 \| 13576 \| WMS \| MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS · WMS, slot 5087 \| MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED · MANENG, slot unknown \| \*\*disagrees\*\*: final-list \|/);
    assert.match(compared.report, /- compared with \[adm\\_producao\/man10021\.4gl:2\]\(file:\/\/.*man10021\.4gl#L2,6\)/);

    const [diagnostic, ...others] = lgx019(await client.waitForDiagnostics(man, (diagnostics) => lgx019(diagnostics).length > 0));
    assert.deepEqual(others, []);
    assert.deepEqual(diagnostic!.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 16 } }, 'on LOG_initApp');
    assert.equal(diagnostic!.severity, 2, 'a warning');
    assert.match(String(diagnostic!.message), /^the AppServer log console\.log, line 9 \(thread 13576, menu key WMS\), disagrees with the prediction for man10021: final list — the log's FINAL list is MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS; the prediction is MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED; only in the log: WMS \(Área LOG\)/);
    assert.match(String(diagnostic!.codeDescription?.href), /#lgx019$/);
    assert.deepEqual(diagnostic!.data, { code: 'LGX019', program: 'man10021', cause: 'final-list', logLines: [9] });

    // An edit of the program does not clear it: it stays on the call, which moved down a line.
    const text = readFileSync(join(root, 'adm_producao', 'man10021.4gl'), 'latin1');
    client.open(man, text);
    client.change(man, `# a comment line\n${text}`);
    const edited = lgx019(await client.waitForVersion(man, 2));
    assert.deepEqual(edited.map((kept) => kept.range.start), [{ line: 2, character: 5 }]);

    // A log without a run compares nothing: the comparison stays.
    const empty = await client.request<CompareResult>('logix/compareLog', { folderUri: uriOf(root), log: { text: 'nothing here\n' }, name: 'empty.log' });
    assert.match(String(empty.error), /no program run found in empty\.log/);

    // A new comparison whose run agrees (WMS is no key of this folder's run; MANENG's slot is unknown: a note) replaces it.
    const agreeing = await client.request<CompareResult>('logix/compareLog', {
      folderUri: uriOf(root), log: { text: run(4, 'MAN10021', 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED', 'WMS', 9001).join('\n') },
    });
    assert.deepEqual([agreeing.summary, agreeing.diagnostics, agreeing.files], [{ runs: 1, agree: 1, disagree: 0 }, 0, []]);
    assert.match(agreeing.report, /note: the slot of MANENG is unknown to the catalog: not a disagreement; the log shows 9001/);
    await client.waitForDiagnostics(man, (diagnostics) => lgx019(diagnostics).length === 0);

    // Compared again from a file the server reads, then cleared.
    const logPath = join(tempFolder('logix-license-log-'), 'console.log');
    track(join(logPath, '..'));
    writeFileSync(logPath, logBytes(DOCUMENTED_RUN));
    const again = await client.request<CompareResult>('logix/compareLog', { folderUri: uriOf(root), log: { uri: uriOf(logPath) } });
    assert.equal(again.diagnostics, 1);
    assert.match(again.report, /\*\*console\.log\*\*/, 'named after the file');
    await client.waitForDiagnostics(man, (diagnostics) => lgx019(diagnostics).length === 1);
    assert.deepEqual(await client.request('logix/clearLogComparison', {}), { cleared: 1 });
    const cleared = await client.waitForDiagnostics(man, (diagnostics) => lgx019(diagnostics).length === 0);
    assert.deepEqual(codes(cleared), []);
    assert.deepEqual(await client.request('logix/clearLogComparison', {}), { cleared: 0 });

    // A named pipe picked as the log is refused at once, not waited on.
    const pipe = join(logPath, '..', 'console.fifo');
    execFileSync('mkfifo', [pipe]);
    const fromPipe = await client.request<CompareResult>('logix/compareLog', { folderUri: uriOf(root), log: { uri: uriOf(pipe) } });
    assert.match(String(fromPipe.error), /cannot read the log file .*console\.fifo: not a regular file \(a named pipe\)/);
  });

  it('merges the runs of one program with the same cause, names the causes of a slot and a menu key, and leaves a program with no source to the report', async (t) => {
    const root = tempWorkspace({
      ...MAN10021,
      'logistica/systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
      'logix-license.json': JSON.stringify({ keys: { WMS: { slot: 6000 } }, menu: { man10021: 'SUPCON' } }),
    });
    const man = uriOf(join(root, 'adm_producao', 'man10021.4gl'));
    const client = new TestClient({ pullDiagnostics: true });
    t.after(() => client.stop());
    await client.start([root]);
    const log = [
      ...run(1, 'MAN10021', 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS', 'WMS', 5087),
      ...run(2, 'MAN10021', 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS', 'WMS', 5087),
      ...run(3, 'FOO0001', 'FOOKEY', 'FOOKEY', 7000),
    ];
    const compared = await client.request<CompareResult>('logix/compareLog', { folderUri: uriOf(root), log: base64(log), name: 'appserver.log' });
    assert.deepEqual(compared.summary, { runs: 3, agree: 0, disagree: 3 });
    assert.equal(compared.diagnostics, 2, 'menu key and slot, each once for both runs; nothing for FOO0001');
    assert.match(compared.report, /\*\*unknown-program\*\*: no source of foo0001 under the folder/);
    // Pulled: the document's report and the workspace's both carry them.
    const pulled = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: man } });
    const messages = lgx019(pulled.items).map((diagnostic) => String(diagnostic.message)).sort();
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /^the AppServer log appserver\.log, lines 1, 4 \(2 runs\), disagrees with the prediction for man10021: menu key — the catalog gives man10021 the menu key SUPCON; the run was launched under WMS/);
    assert.match(messages[1]!, /^the AppServer log appserver\.log, lines 1, 4 \(2 runs\), disagrees with the prediction for man10021: slot — the catalog gives WMS slot 6000 \(R9\); the log shows slot 5087/);
    const workspace = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    assert.equal(lgx019(workspace.items.find((item) => item.uri === man)?.items).length, 2);
    // Cleared: the next workspace report names the file with nothing, or the editor would keep the warnings.
    assert.deepEqual(await client.request('logix/clearLogComparison', { folderUri: uriOf(root) }), { cleared: 2 });
    const after = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    assert.deepEqual(after.items.find((item) => item.uri === man)?.items, []);
  });
});

/** MANENG (no slot yet) 9001; MANPCP (no such key) 9002; ESTOQ 1002 against the catalog's 1001; VDPPED with two slots (a conflict). */
const IMPORT_LOG = [
  ...run(1, 'MAN10050', 'MANENG', 'MANENG', 9001),
  ...run(2, 'MAN10040', 'MANPCP', 'MANPCP', 9002),
  ...run(3, 'SUP0530', 'ESTOQ', 'ESTOQ', 1002),
  ...run(4, 'VDP9300', 'VDPPED', 'VDPPED', 3001),
  ...run(5, 'VDP9301', 'VDPPED', 'VDPPED', 3002),
];

/** What `import-log --write` writes, on a copy of `root` with the same log. */
function writtenByCli(root: string, log: readonly string[]): string {
  const copy = tempFolder('logix-license-cli-');
  track(copy);
  cpSync(root, copy, { recursive: true });
  writeFileSync(join(copy, 'appserver.log'), logBytes(log));
  const result = runCli(['import-log', join(copy, 'appserver.log'), copy, '--write']);
  assert.equal(result.status, 0, result.stderr);
  return readFileSync(join(copy, 'logix-license.json'), 'utf8');
}

describe('logix/importLog', () => {
  it('answers the additions as text edits of logix-license.json giving what import-log --write writes, without the conflict, and writes nothing', async (t) => {
    const root = tempWorkspace({ 'logix-license.json': IMPORT_CATALOG, 'man10050.4gl': program('man10050', '"MANENG"') });
    const catalogUri = uriOf(join(root, 'logix-license.json'));
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    const result = await client.request<ImportResult>('logix/importLog', { folderUri: uriOf(root), log: base64(IMPORT_LOG), name: 'appserver.log' });
    assert.equal(result.error, undefined);
    assert.deepEqual([result.catalogUri, result.exists, result.runs, result.changes, result.baseText], [catalogUri, true, 5, 7, IMPORT_CATALOG]);
    assert.deepEqual(result.plan.conflicts, [{ key: 'VDPPED', slots: [3001, 3002] }]);
    assert.ok(result.lines.includes('conflict: VDPPED consumed with slots 3001, 3002: not written'), result.lines.join('\n'));
    assert.ok(result.lines.includes('kept: ESTOQ has slot 1001 in the catalog; the log shows 1002 (not overwritten)'), result.lines.join('\n'));
    assert.deepEqual(Object.keys(result.edit?.changes ?? {}), [catalogUri]);
    const edits: TextEdit[] = result.edit!.changes![catalogUri]!;
    const applied = applyEdits(IMPORT_CATALOG, edits);
    assert.equal(applied, writtenByCli(root, IMPORT_LOG), 'what import-log --write writes');
    assert.equal((JSON.parse(applied) as { keys: Record<string, unknown> }).keys.VDPPED, undefined, 'the conflict is not written');
    assert.ok(edits.every((edit) => edit.newText !== '' && !/VDPPED"\s*:\s*\{/.test(edit.newText)));
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), IMPORT_CATALOG, 'the server wrote nothing');
  });

  it('creates the file when there is none (as import-log --write), and says why not when the catalog is invalid or the log holds no run', async (t) => {
    const none = tempWorkspace({ 'man10050.4gl': program('man10050', '"MANENG"') });
    const invalid = tempWorkspace({ 'logix-license.json': '{ "keys": { "WMS": 5087 } }' });
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([none, invalid]);
    const log = [...run(1, 'MAN10021', 'MANENG,WMS', 'WMS', 5087), ...run(2, 'SUP0530', 'ESTOQ', 'ESTOQ', 1001)];
    const created = await client.request<ImportResult>('logix/importLog', { folderUri: uriOf(none), log: base64(log) });
    const catalogUri = uriOf(join(none, 'logix-license.json'));
    assert.deepEqual([created.exists, created.changes, created.baseText], [false, 3, undefined]);
    const [create, insert, ...rest] = created.edit!.documentChanges! as [{ kind: string; uri: string }, { textDocument: { uri: string }; edits: TextEdit[] }];
    assert.deepEqual([create, rest], [{ kind: 'create', uri: catalogUri }, []]);
    assert.equal(insert.textDocument.uri, catalogUri);
    assert.equal(applyEdits('', insert.edits), writtenByCli(none, log));

    const broken = await client.request<ImportResult>('logix/importLog', { folderUri: uriOf(invalid), log: base64(log) });
    assert.match(String(broken.error), /^logix-license\.json:1:20: key "WMS" must be an object.*fix the catalog file first/);
    assert.equal(broken.edit, null);
    const noRun = await client.request<ImportResult>('logix/importLog', { folderUri: uriOf(none), log: { text: 'nothing here' }, name: 'empty.log' });
    assert.match(String(noRun.error), /no program run found in empty\.log/);
    assert.equal(await client.request('logix/importLog', { folderUri: uriOf(join(none, '..', 'elsewhere')), log: { text: '' } }), null, 'outside every folder');
  });
});
