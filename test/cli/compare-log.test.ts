/** `compare-log`: each run of an AppServer debug log against the prediction, the built CLI on real folders. */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_PROGRAMS } from '../helpers/examples-expected.js';
import { examplesDir } from '../helpers/paths.js';
import { DOCUMENTED_RUN, logBytes, run } from '../helpers/appserver-log.js';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

/** The MAN10021 worked example; `log` false leaves SYSTEMKEY_LOG out. */
const man10021 = (extra: Record<string, string> = {}, log = true) => tempWorkspace({
  'adm_producao/man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
  'suprimentos/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
  'vendas/systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
  ...(log ? { 'logistica/systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]) } : {}),
  ...extra,
});

/** A log file in a folder of its own; `Þ` (NBSP, þ) fit Windows-1252 as single bytes. */
function logFile(lines: readonly string[], encoding: BufferEncoding = 'latin1'): string {
  const folder = tempWorkspace({});
  const path = join(folder, 'console.log');
  writeFileSync(path, logBytes(lines, encoding));
  return path;
}


describe('compare-log', () => {
  it('agrees with the documentation\'s MAN10021 run (JSON), exit 0', () => {
    const result = runCli(['compare-log', logFile(DOCUMENTED_RUN), man10021(), '--format', 'json']);
    assert.equal(result.status, 0, result.stderr + result.stdout);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.summary, { runs: 1, agree: 1, disagree: 0 });
    assert.deepEqual(json.runs[0], {
      program: 'man10021', thread: '13576', line: 9, menuKey: 'WMS',
      logged: { finalKeys: ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS'], slot: 5087, key: 'WMS' },
      predicted: { finalKeys: ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS'], slot: 5087, key: 'WMS' },
      agree: true, causes: [], notes: [],
    });
  });

  it('names the keys that differ, where each predicted key comes from, and the lists that differ (final-list)', () => {
    const result = runCli(['compare-log', logFile(DOCUMENTED_RUN), man10021({}, false), '--format', 'json']);
    assert.equal(result.status, 1);
    const [cause, ...others] = JSON.parse(result.stdout).runs[0].causes;
    assert.equal(cause.kind, 'final-list');
    assert.deepEqual([cause.onlyLogged, cause.onlyPredicted], [['WMS'], []]);
    assert.deepEqual(cause.origins.map((origin: { key: string; rule: string; file: string; line: number }) => `${origin.key} ${origin.rule} ${origin.file}:${origin.line}`), [
      'MANENG R5 adm_producao/man10021.4gl:2', 'SUPPLA R5 adm_producao/man10021.4gl:2', 'VDPPED R5 adm_producao/man10021.4gl:2',
      'ESTOQ R7 suprimentos/systemkey_sup.4gl:2', 'SUPCON R7 suprimentos/systemkey_sup.4gl:3', 'VDPPED R7 vendas/systemkey_vdp.4gl:2',
    ]);
    assert.match(cause.message, /only in the log: WMS \(Área LOG\)/);
    assert.match(cause.message, /lists that differ: Área LOG: log WMS, predicted \(empty\)/);
    assert.match(cause.message, /ESTOQ \(R7 SYSTEMKEY_SUP, suprimentos\/systemkey_sup\.4gl:2\)/);
    // Without WMS in the list, the menu key falls back to MANENG (R9), whose slot nobody stated: no slot cause.
    assert.deepEqual(others, []);
  });

  it('reports a slot the catalog states differently (slot), a configured menu key the run did not use (menu-key), a program with no source (unknown-program)', () => {
    const root = man10021({ 'logix-license.json': JSON.stringify({ keys: { WMS: { slot: 6000 } }, menu: { man10021: 'SUPCON' } }) });
    const log = logFile([...DOCUMENTED_RUN, ...run(2, 'FOO0001', 'FOOKEY', 'FOOKEY', 7000)]);
    const result = runCli(['compare-log', log, root, '--format', 'json']);
    assert.equal(result.status, 1);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.summary, { runs: 2, agree: 0, disagree: 2 });
    assert.deepEqual(json.runs[0].causes.map((cause: { kind: string }) => cause.kind), ['menu-key', 'slot']);
    assert.match(json.runs[0].causes[1].message, /the catalog gives WMS slot 6000 \(R9\); the log shows slot 5087/);
    assert.match(json.runs[0].causes[0].message, /the catalog gives man10021 the menu key SUPCON; the run was launched under WMS/);
    assert.deepEqual(json.runs[1].causes.map((cause: { kind: string }) => cause.kind), ['unknown-program']);
    assert.equal(json.runs[1].predicted, null);
  });

  it('says in the text that an unknown slot is no disagreement', () => {
    const log = logFile(run(4, 'MAN10021', 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS', 'PADRAO', 9001));
    const result = runCli(['compare-log', log, man10021()]);
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stdout, /man10021 \(line 1, thread 4, menu key PADRAO\): agrees/);
    assert.match(result.stdout, /note: the slot of MANENG is unknown to the catalog: not a disagreement; the log shows 9001/);
  });

  it('reads a UTF-8 log whose text was damaged by a code page', () => {
    const damaged = DOCUMENTED_RUN.map((line) => Buffer.from(line, 'utf8').toString('latin1'));
    const result = runCli(['compare-log', logFile(damaged, 'utf8'), man10021(), '--format', 'json']);
    assert.equal(result.status, 0, result.stdout);
    assert.equal(JSON.parse(result.stdout).runs[0].logged.slot, 5087);
  });

  it('compares a program defined in the root and a nested environment with the root\'s, and calls one defined only in two nested ones ambiguous', () => {
    const root = man10021({
      'cliente_a/logix-license.json': '{}',
      'cliente_a/man10021.4gl': program('man10021', '"MANENG"'),
      'cliente_a/vdp9000.4gl': program('vdp9000', '"VDPPED"'),
      'cliente_b/logix-license.json': '{}',
      'cliente_b/vdp9000.4gl': program('vdp9000', '"VDPPED"'),
      'cliente_b/sup9000.4gl': program('sup9000', '"ESTOQ"'),
    });
    const log = logFile([...DOCUMENTED_RUN, ...run(2, 'VDP9000', 'VDPPED', undefined, undefined), ...run(3, 'SUP9000', 'ESTOQ', undefined, undefined)]);
    const json = JSON.parse(runCli(['compare-log', log, root, '--format', 'json']).stdout);
    assert.equal(json.runs[0].agree, true);
    assert.deepEqual(json.runs[0].notes, ['also defined in environment cliente_a: the root environment\'s is compared']);
    assert.equal(json.runs[1].causes[0].kind, 'unknown-program');
    assert.match(json.runs[1].causes[0].message, /vdp9000 is defined in 2 environments \(cliente_a, cliente_b\) and not in the root one/);
    assert.equal(json.runs[2].agree, true);
    assert.deepEqual(json.runs[2].notes, [
      'compared in environment cliente_b, the only one defining sup9000',
      'the slot of ESTOQ is unknown to the catalog and the log shows none: not a disagreement',
    ]);
  });

  it('exits 2 for a log it cannot read and for one without a run', () => {
    const root = man10021();
    const unreadable = runCli(['compare-log', join(root, 'no-such.log'), root]);
    assert.equal(unreadable.status, 2);
    assert.match(unreadable.stderr, /cannot read the log file/);
    const empty = runCli(['compare-log', logFile(['[Thread 1] [DBACCESS] nothing about licenses']), root]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /no program run found in .*console\.log.*logix\.license\.debug = 1/);
    assert.equal(empty.stdout, '');
  });

  it('is in the usage, and exits 2 on its usage errors', () => {
    assert.match(runCli(['--help']).stdout, /logix-license compare-log LOGFILE \[DIR\][\s\S]*logix-license import-log LOGFILE \[DIR\] \[--write\]/);
    const cases: [string[], RegExp][] = [
      [['compare-log'], /compare-log needs a LOGFILE/],
      [['compare-log', 'a.log', '.', 'extra'], /compare-log takes a log file and one folder/],
      [['compare-log', 'a.log', '--write'], /--write does not apply to compare-log/],
      [['compare-log', 'a.log', '--format', 'log'], /--format must be one of text, json/],
      [['import-log'], /import-log needs a LOGFILE/],
      [['import-log', 'a.log', '--dev-test'], /--dev-test does not apply to import-log/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('agrees with what explain --format log writes, for every program of examples/', () => {
    const programs = Object.keys(EXAMPLE_PROGRAMS);
    const logs = programs.map((name) => {
      const explained = runCli(['explain', name, examplesDir, '--format', 'log']);
      assert.equal(explained.status, 0, explained.stderr);
      return explained.stdout;
    });
    const result = runCli(['compare-log', logFile(logs.join('').split('\n').slice(0, -1), 'utf8'), examplesDir, '--format', 'json']);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.runs.map((entry: { program: string }) => entry.program), programs);
    for (const entry of json.runs) assert.equal(entry.agree, true, JSON.stringify(entry));
    assert.equal(result.status, 0);
    // Not vacuous: the slots the catalog knows are read back.
    assert.deepEqual(json.runs.filter((entry: { logged: { slot: number | null } }) => entry.logged.slot !== null).map((entry: { program: string; logged: { slot: number } }) => `${entry.program} ${entry.logged.slot}`),
      ['man10021 5087']);
  });
});
