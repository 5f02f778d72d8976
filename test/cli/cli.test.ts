/** The `logix-license` command line, run as a real process on real folders. */
import { strict as assert } from 'node:assert';
import { CODES } from '../../server/src/license/codes.js';
import { describe, it } from 'node:test';
import { program, systemKey } from '../helpers/workspace.js';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';

const tempWorkspace = tempWorkspaces();

/** The MAN10021 worked example, with SYSTEMKEY files named in both cases (R3) and a folder never scanned. */
const man10021 = () => tempWorkspace({
  'adm_producao/man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
  'suprimentos/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
  'vendas/SYSTEMKEY_VDP.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
  'logistica/systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
  'suprimentos/sup3760.4gl': 'FUNCTION sup3760()\n  CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n',
  'node_modules/ignored/x.4gl': 'MAIN\nEND MAIN\n',
});

describe('check', () => {
  it('prints JSON with programs, 1-based diagnostics relative to DIR, and a summary', () => {
    const result = runCli(['check', man10021(), '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    const programs = Object.fromEntries(json.programs.map((entry: { program: string }) => [entry.program, entry]));
    assert.deepEqual(programs.man10021, {
      program: 'man10021', file: 'adm_producao/man10021.4gl', environment: '', area: 'PRD',
      declaredKeys: ['MANENG', 'SUPPLA', 'VDPPED'],
      finalKeys: ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS'],
      defaultKey: 'MANENG', free: false,
    });
    assert.deepEqual(programs.sup3760.finalKeys, ['ESTOQ']);
    const lgx001 = json.diagnostics.find((diagnostic: { code: string }) => diagnostic.code === 'LGX001');
    assert.deepEqual([lgx001.file, lgx001.line, lgx001.column, lgx001.endColumn, lgx001.severity],
      ['suprimentos/sup3760.4gl', 2, 31, 39, 'warning']);
    assert.equal(json.summary.files, 5, 'node_modules is not scanned');
    assert.equal(json.summary.programs, 2);
    assert.equal(json.summary.errors, 0);
    assert.ok(json.summary.warnings >= 2);
    assert.equal(typeof json.summary.durationMs, 'number');
  });

  it('exits 1 when there is an error-severity diagnostic', () => {
    const root = tempWorkspace({ 'man1.4gl': 'FUNCTION man1()\n  CALL LOG_initApp("A", "B")\nEND FUNCTION\n' });
    const result = runCli(['check', root]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /man1\.4gl\n\s+2:19\s+error\s+LGX012/);
    assert.match(result.stdout, /1 files, 1 programs: 1 error/);
  });

  it('reports a broken logix-license.json as LGX015 (exit 1) and keeps the built-in catalog', () => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG"'), 'logix-license.json': '{\n  "keys": { "WMS": 5087 }\n}\n' });
    const result = runCli(['check', root]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /logix-license\.json\n\s+2:20\s+error\s+LGX015\s+key "WMS" must be an object/);
  });

  it('prints the usage with no arguments (exit 0)', () => {
    const result = runCli([]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage:/);
  });

  it('exits 2 on usage and configuration errors, with the message on stderr', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['check', '/no/such/folder'], /no such folder/],
      [['check', '.', '--config', '/no/such/logix-license.json'], /cannot read the catalog file/],
      [['check', '.', '--encoding', 'klingon'], /unknown encoding "klingon"/],
      [['check', '.', '--logix-version', 'v12'], /--logix-version must look like 12\.1\.2301/],
      [['explain'], /explain needs a PROGRAM/],
      [['check', '--frobnicate'], /unknown option --frobnicate\n/],
      [['check', '-x'], /unknown option -x\n/],
      [['check', '--format'], /--format needs a value\n/],
      [['check', '--exclude', '-x'], /--exclude needs a value; for one that starts with -, write --exclude=-x/],
      [['init', '--stdout=yes'], /--stdout takes no value, got "yes"/],
      [['check', '--config', 'a.json', '--config', 'b.json'], /--config given more than once/],
      [['init', '--format', 'json'], /--format does not apply to init/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, tempWorkspace({}));
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });

  it('exits 2 when an explicit --config file is invalid, naming its line', () => {
    const root = tempWorkspace({ 'cfg.json': '{\n  "devTest": "yes"\n}' });
    const result = runCli(['check', root, '--config', `${root}/cfg.json`]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cfg\.json:2:14: "devTest" must be true or false/);
  });

  it('writes SARIF 2.1.0 with one rule per code and results with regions', () => {
    const result = runCli(['check', man10021(), '--format', 'sarif']);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.rules.length, Object.keys(CODES).length, 'one rule per code');
    const result0 = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'LGX001');
    assert.equal(run.tool.driver.rules[result0.ruleIndex].id, 'LGX001');
    assert.deepEqual(result0.locations[0].physicalLocation.region, { startLine: 2, startColumn: 31, endLine: 2, endColumn: 39 });
    assert.equal(result0.locations[0].physicalLocation.artifactLocation.uri, 'suprimentos/sup3760.4gl');
  });

  it('treats lower-case LOG_initAPP, CRLF and Windows-1252 accents as any other file', () => {
    const bytes = Buffer.from('FUNCTION man2()\r\n  # Configura\xe7\xe3o\r\n  IF LOG_initAPP("MANENG,WMZ") <> 0 THEN RETURN END IF\r\nEND FUNCTION\r\n', 'latin1');
    const result = runCli(['check', tempWorkspace({ 'man2.4gl': bytes }), '--format', 'json']);
    const json = JSON.parse(result.stdout);
    // WMZ is not in the (partial) built-in catalog: assumed to exist, LGX018, at its decoded position.
    const lgx018 = json.diagnostics.find((diagnostic: { code: string }) => diagnostic.code === 'LGX018');
    assert.deepEqual([lgx018.line, lgx018.column], [3, 26]);
  });
});

describe('explain', () => {
  it('prints the JSON explanation for a menu key', () => {
    const result = runCli(['explain', 'MAN10021', man10021(), '--menu-key', 'WMS', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.program, 'man10021');
    assert.deepEqual(json.finalKeys, ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS']);
    assert.deepEqual(json.consumed, { key: 'WMS', slot: 5087, licenseType: 'slot', rule: 'R9', reason: 'the menu key WMS is in the final list: its slot is consumed' });
    // R5 own list, R7 for SUP, VDP, LOG in load order, R8 default key, R9 menu key consumed.
    assert.deepEqual(json.steps.map((step: { rule: string; file: string | null }) => `${step.rule} ${step.file ?? '-'}`), [
      'R5 adm_producao/man10021.4gl',
      'R7 suprimentos/systemkey_sup.4gl',
      'R7 vendas/SYSTEMKEY_VDP.4gl',
      'R7 logistica/systemkey_log.4gl',
      'R8 -',
      'R9 -',
    ]);
  });

  it('prints the AppServer debug log', () => {
    const result = runCli(['explain', 'man10021', man10021(), '--menu-key', 'WMS', '--format', 'log']);
    assert.match(result.stdout, /licenças FINAL = MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS\n.*INICIO - Checando consumo de licença\.\.\.\n.*Licença menu = WMS\n.*Obtendo licença Cloud \(5087\) STATUS = 0\n.*Slot atual em uso 5087\n$/);
  });

  it('explains contexts and dev test in text (R13, R15, R6)', () => {
    const root = man10021();
    assert.match(runCli(['explain', 'man10021', root, '--context', 'collector']).stdout, /license type T/);
    assert.match(runCli(['explain', 'man10021', root, '--context', 'rest']).stdout, /license type I/);
    assert.match(runCli(['explain', 'man10021', root, '--dev-test']).stdout, /slot 4007/);
    assert.match(runCli(['explain', 'sup3760', root]).stdout, /R6\s+no valid key of its own: area SUP's default key ESTOQ is elected/);
  });

  it('says clearly when the program is unknown (exit 2)', () => {
    const result = runCli(['explain', 'nosuch01', man10021()]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no program nosuch01/);
  });
});
