/** `report`: the license map of a tree, run as a real process on examples/ and on folders written here. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { examplesDir } from '../helpers/paths.js';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

interface Holder { program: string; file: string; how: string; rule: string; area: string | null; position: number | null; default: boolean; sourceFile: string | null; line: number | null }
interface KeyEntry { key: string; slot: number | null; area: string | null; description: string | null; environment: string; status: string; programs: Holder[] }
interface ProgramEntry {
  program: string; file: string; environment: string; finalKeys: string[]; defaultKey: string | null; defaultSlot: number | null;
  menuKey: string | null; consumedKey: string | null; menuSlot: number | null; licenseType: string; rule: string; consumes: string; blocked: boolean; free: boolean; line: number;
  keyOrigins: { key: string; how: string; rule: string; area: string | null; file: string | null; line: number | null }[];
}
interface ReportJson { keys: KeyEntry[]; programs: ProgramEntry[]; environments: { environment: string; catalog: string; complete: boolean }[]; summary: Record<string, unknown> & { byDefaultSlot: { slot: number | null; keys: string[]; programs: number }[] } }

function reportJson(dir: string): ReportJson {
  const result = runCli(['report', dir, '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as ReportJson;
}

describe('report on examples/', () => {
  const json = reportJson(examplesDir);
  const key = (name: string) => json.keys.find((entry) => entry.key === name)!;
  const programOf = (name: string) => json.programs.find((entry) => entry.program === name)!;

  it('lists slot 5087 (WMS) with the programs holding it, each with how, position and default', () => {
    const wms = key('WMS');
    assert.deepEqual({ ...wms, programs: undefined }, { key: 'WMS', slot: 5087, area: 'LOG', description: 'WMS', environment: '', status: 'known', programs: undefined });
    assert.deepEqual(wms.programs.map(({ program, how, rule, area, position, default: isDefault, sourceFile }) => ({ program, how, rule, area, position, default: isDefault, sourceFile })), [
      // man10021 gets WMS from another area's SYSTEMKEY file (R7), last of its seven keys.
      { program: 'man10021', how: 'other-area-systemkey', rule: 'R7', area: 'LOG', position: 7, default: false, sourceFile: 'systemkey_log.4gl' },
      { program: 'vdp9110', how: 'other-area-systemkey', rule: 'R7', area: 'LOG', position: 5, default: false, sourceFile: 'systemkey_log.4gl' },
    ]);
  });

  it('says how each key is held: declared (R5), area default (R6), own area SYSTEMKEY (R4); a key held twice has a holder per position', () => {
    const holders = (name: string) => key(name).programs.map((holder) => `${holder.program}#${holder.position}:${holder.how}:${holder.rule}${holder.default ? ':default' : ''}`);
    assert.deepEqual(holders('VDPPED').filter((text) => text.startsWith('man10021')), ['man10021#3:declared:R5', 'man10021#6:other-area-systemkey:R7']);
    assert.ok(holders('ESTOQ').includes('sup3760#1:area-default:R6:default'));
    assert.deepEqual(holders('SUPREC'), ['sup0620#1:own-area-systemkey:R4:default']);
    // Keys it does not list: unverified (partial catalog); keys it names invalid: written, dropped.
    assert.equal(key('VDPESP').status, 'unverified');
    assert.deepEqual({ status: key('SUPRIMEN').status, holders: holders('SUPRIMEN') }, { status: 'invalid', holders: ['sup3760#null:dropped:R5'] });
    assert.deepEqual(holders('MANEGN'), ['man10022#null:dropped:R4']);
  });

  it('gives each program its final list, default key and slot, and what it consumes under its configured menu key', () => {
    const pick = ({ finalKeys, defaultKey, defaultSlot, menuKey, consumedKey, menuSlot, rule, consumes, blocked, free }: ProgramEntry) =>
      ({ finalKeys: finalKeys.join(','), defaultKey, defaultSlot, menuKey, consumedKey, menuSlot, rule, consumes, blocked, free });
    assert.deepEqual(pick(programOf('man10021')), {
      finalKeys: 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS', defaultKey: 'MANENG', defaultSlot: null,
      menuKey: 'WMS', consumedKey: 'WMS', menuSlot: 5087, rule: 'R9', consumes: 'slot', blocked: false, free: false,
    });
    // None configured: the default key (R8).
    assert.deepEqual(pick(programOf('vdp9120')), {
      finalKeys: 'VDPPED,VDPCON', defaultKey: 'VDPPED', defaultSlot: null, menuKey: null, consumedKey: 'VDPPED', menuSlot: null, rule: 'R8', consumes: 'slot', blocked: false, free: false,
    });
    assert.deepEqual(pick(programOf('xyz0001')), {
      finalKeys: '', defaultKey: null, defaultSlot: null, menuKey: '?', consumedKey: null, menuSlot: null, rule: 'R11', consumes: 'blocked', blocked: true, free: false,
    });
    assert.equal(programOf('log00083').consumes, 'free');
    assert.equal(programOf('sup0530').consumes, 'none', 'no LOG_initApp: it never asks (R1)');
    assert.deepEqual(programOf('man10021').keyOrigins.at(-1), { key: 'WMS', how: 'other-area-systemkey', rule: 'R7', area: 'LOG', file: 'systemkey_log.4gl', line: 12 });
    assert.equal(programOf('man10021').line, 22, 'the LOG_initApp line');
  });

  it('totals programs, keys and programs per default slot', () => {
    assert.equal(json.summary.environments, 1);
    assert.equal(json.summary.programs, 16);
    assert.equal(json.summary.blocked, 1);
    assert.equal(json.summary.free, 1);
    assert.equal(json.summary.none, 1);
    assert.equal(json.summary.keys, json.keys.length);
    const unknown = json.summary.byDefaultSlot.find((count) => count.slot === null)!;
    assert.equal(unknown.programs, 15, 'every program with a default key: none of their default keys has a slot');
    assert.ok(unknown.keys.includes('MANENG'));
  });

  it('prints Markdown tables and CSV with a header and one row per (key, program)', () => {
    const markdown = runCli(['report', examplesDir, '--format', 'markdown']);
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# License map$/m);
    assert.match(markdown.stdout, /^\| `WMS` \| 5087 \| LOG \| known \| WMS \| man10021 \(#7, SYSTEMKEY_LOG \(R7\)\), vdp9110 \(#5, SYSTEMKEY_LOG \(R7\)\) \|$/m);
    assert.match(markdown.stdout, /^\| man10021 \| `man10021\.4gl` \| `MANENG`, .* \| `MANENG` \(unknown\) \| `WMS` \| WMS \(slot 5087\), R9 \|$/m);
    assert.match(markdown.stdout, /^\| xyz0001 \| .* \| access blocked \(R11\) \|$/m);

    const csv = runCli(['report', examplesDir, '--format', 'csv']);
    assert.equal(csv.status, 0, csv.stderr);
    const rows = csv.stdout.split('\r\n');
    assert.equal(rows[0], 'environment,key,slot,area,status,description,program,file,how,rule,position,default');
    assert.deepEqual(rows.filter((row) => row.startsWith(',WMS,')), [
      ',WMS,5087,LOG,known,WMS,man10021,man10021.4gl,other-area-systemkey,R7,7,no',
      ',WMS,5087,LOG,known,WMS,vdp9110,vdp9110.4gl,other-area-systemkey,R7,5,no',
    ]);
    // A description with a comma is quoted.
    assert.ok(rows.some((row) => row.startsWith(',FINCRE,9102,FIN,known,"Example key: Financeiro - Contas a receber (example slot, not a real one)",vdp9110,')));
    assert.equal(rows.at(-1), '', 'ends with CRLF');
  });

  it('prints a text map by default', () => {
    const text = runCli(['report', examplesDir]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^ {2}WMS\s+slot 5087\s+LOG\s+known\s+2 programs — WMS$/m);
    assert.match(text.stdout, /^ {6}man10021\s+#7 {2}SYSTEMKEY_LOG \(R7\) {2}\[systemkey_log\.4gl:12\]$/m);
    assert.match(text.stdout, /menu key WMS → WMS \(slot 5087\), R9/);
  });
});

describe('report on folders written by the test', () => {
  it('lists a catalog key no program holds (with one CSV row, program columns empty), and each environment apart', () => {
    const root = tempWorkspace({
      'logix-license.json': JSON.stringify({ keys: { ACME: { slot: 7001, description: 'Acme, "special"' }, UNUSED: { slot: 7002 } }, menu: { pol0001: 'ACME' } }),
      'pol0001.4gl': program('pol0001', '"ACME"'),
      'cliente/logix-license.json': JSON.stringify({ keys: { ESPEC: { slot: 8001 } }, complete: true }),
      'cliente/pol0001.4gl': program('pol0001', '"ESPEC,ACME"'),
      'cliente/systemkey_log.4gl': systemKey('LOG', [['ACME', 'pol0001']]),
    });
    const json = reportJson(root);
    assert.deepEqual(json.environments.map((environment) => [environment.environment, environment.complete]), [['', false], ['cliente', true]]);
    const unused = json.keys.find((entry) => entry.key === 'UNUSED' && entry.environment === '')!;
    assert.deepEqual([unused.slot, unused.programs], [7002, []]);
    // cliente's catalog is complete and does not list ACME: invalid there, dropped from the
    // declaration (R5) and its SYSTEMKEY_LOG registration ignored (R7).
    const acme = json.keys.filter((entry) => entry.key === 'ACME').map((entry) => [entry.environment, entry.status, entry.programs.map((holder) => `${holder.how}:${holder.rule}`)]);
    assert.deepEqual(acme, [['', 'known', ['declared:R5']], ['cliente', 'invalid', ['dropped:R5', 'dropped:R7']]]);
    const clientProgram = json.programs.find((entry) => entry.environment === 'cliente')!;
    assert.deepEqual([clientProgram.file, clientProgram.finalKeys], ['cliente/pol0001.4gl', ['ESPEC']]);
    assert.equal(json.summary.environments, 2);

    const csv = runCli(['report', root, '--format', 'csv']).stdout.split('\r\n');
    assert.ok(csv.includes(',UNUSED,7002,,known,,,,,,,'));
    assert.ok(csv.includes(',ACME,7001,,known,"Acme, ""special""",pol0001,pol0001.4gl,declared,R5,1,yes'));
    const text = runCli(['report', root]).stdout;
    assert.match(text, /^Environment cliente \(built-in catalog \+ logix-license\.json, complete\)$/m);
  });

  it('exits 2 on usage and configuration errors', () => {
    const cases: [string[], RegExp][] = [
      [['report', '.', '--format', 'xml'], /--format must be one of text, json, markdown, csv/],
      [['report', '.', '--fail-on', 'any'], /--fail-on does not apply to report/],
      [['report', 'a', 'b'], /report takes one folder/],
      [['report', '/no/such/folder'], /no such folder/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
