/**
 * `import-log`: the slots and menu keys an AppServer debug log teaches, printed, and with --write
 * added to logix-license.json: never a conflict, never over a slot already there, every other byte
 * of the file as it was. The built CLI on real folders.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_PROGRAMS } from '../helpers/examples-expected.js';
import { examplesDir } from '../helpers/paths.js';
import { IMPORT_CATALOG, logBytes, run } from '../helpers/appserver-log.js';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';

const tempWorkspace = tempWorkspaces();

function logFile(root: string, lines: readonly string[]): string {
  const path = join(root, 'appserver.log');
  writeFileSync(path, logBytes(lines));
  return path;
}

/** MANENG (no slot yet) 9001; MANPCP (no such key) 9002 twice; ESTOQ 1002 against the catalog's 1001; VDPPED with two slots; dev test. */
const LOG = [
  ...run(1, 'MAN10050', 'MANENG', 'MANENG', 9001),
  ...run(2, 'MAN10040', 'MANPCP', 'MANPCP', 9002),
  ...run(3, 'MAN10041', 'MANPCP', '?', 9002),
  ...run(4, 'SUP0530', 'ESTOQ', 'ESTOQ', 1002),
  ...run(5, 'VDP9300', 'VDPPED', 'VDPPED', 3001),
  ...run(6, 'VDP9301', 'VDPPED', 'VDPPED', 3002),
  ...run(7, 'MAN10021', 'MANENG,WMS', 'WMS', 5087),
  ...run(8, 'MAN10060', 'MANENG,ESTOQ', 'MANENG', 4007),
];

describe('import-log', () => {
  it('prints what it would add, conflicts and slots it keeps, and writes nothing without --write', () => {
    const root = tempWorkspace({ 'logix-license.json': IMPORT_CATALOG });
    const result = runCli(['import-log', logFile(root, LOG), root, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      catalog: 'logix-license.json',
      written: false,
      keys: { MANENG: { slot: 9001, runs: 1 }, MANPCP: { slot: 9002, runs: 2 } },
      menu: { man10050: 'MANENG', man10040: 'MANPCP', man10041: '?', sup0530: 'ESTOQ', vdp9300: 'VDPPED', vdp9301: 'VDPPED', man10060: 'MANENG' },
      conflicts: [{ key: 'VDPPED', slots: [3001, 3002] }],
      menuConflicts: [],
      kept: { keys: [{ key: 'ESTOQ', slot: 1001, logged: 1002 }], menu: [] },
    });
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), IMPORT_CATALOG);
    const text = runCli(['import-log', join(root, 'appserver.log'), root]).stdout;
    assert.match(text, /fill  slot of MANENG: 9001 \(1 run\)/);
    assert.match(text, /add   key MANPCP, slot 9002 \(2 runs\)/);
    assert.match(text, /conflict: VDPPED consumed with slots 3001, 3002: not written/);
    assert.match(text, /kept: ESTOQ has slot 1001 in the catalog; the log shows 1002 \(not overwritten\)/);
    assert.match(text, /1 run in slot 4007 \(TOTVS Dev Test, R15\): no slot learnt/);
    assert.match(text, /Nothing written: run again with --write/);
  });

  it('--write fills and adds with insertions only: no conflict, the slot already there kept, every other byte as it was', () => {
    const root = tempWorkspace({ 'logix-license.json': IMPORT_CATALOG });
    const result = runCli(['import-log', logFile(root, LOG), root, '--write']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), [
      '{',
      '  "keys": {',
      '    "MANENG": { "area": "PRD", "slot": 9001 },',
      '    "ESTOQ": { "slot": 1001 },',
      '    "MANPCP": { "slot": 9002 }',
      '  },',
      '  "menu": { "man10021": "WMS", "man10050": "MANENG", "man10040": "MANPCP", "man10041": "?", "sup0530": "ESTOQ", "vdp9300": "VDPPED", "vdp9301": "VDPPED", "man10060": "MANENG" }',
      '}',
      '',
    ].join('\n'));
    // Run again: everything it could learn is there; the conflict and the kept slot are still only reported.
    const again = JSON.parse(runCli(['import-log', join(root, 'appserver.log'), root, '--write', '--format', 'json']).stdout);
    assert.deepEqual([again.written, again.keys, again.menu, again.conflicts.length, again.kept.keys.length], [false, {}, {}, 1, 1]);
    // The file is one the catalog reader accepts.
    assert.equal(runCli(['check', root]).status, 0);
  });

  it('never writes a program launched under two menu keys, nor over a menu entry already there', () => {
    const root = tempWorkspace({ 'logix-license.json': '{\r\n\t"menu": {\r\n\t\t"man10021": "WMS"\r\n\t}\r\n}\r\n' });
    const log = logFile(root, [...run(1, 'MAN10021', 'MANENG,WMS', 'MANENG', 9001), ...run(2, 'MAN10022', 'MANENG', 'MANENG', 9001), ...run(3, 'MAN10022', 'MANENG,WMS', 'WMS', 5087)]);
    const json = JSON.parse(runCli(['import-log', log, root, '--write', '--format', 'json']).stdout);
    assert.deepEqual(json.menuConflicts, [{ program: 'man10022', keys: ['MANENG', 'WMS'] }]);
    assert.deepEqual(json.kept.menu, [{ program: 'man10021', menuKey: 'WMS', logged: 'MANENG' }]);
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), '{\r\n\t"menu": {\r\n\t\t"man10021": "WMS"\r\n\t},\r\n\t"keys": {\r\n\t\t"MANENG": { "slot": 9001 }\r\n\t}\r\n}\r\n');
  });

  it('creates logix-license.json when there is none', () => {
    const root = tempWorkspace({});
    const result = runCli(['import-log', logFile(root, run(1, 'MAN10021', 'MANENG,WMS', 'WMS', 5087).concat(run(2, 'SUP0530', 'ESTOQ', 'ESTOQ', 1001))), root, '--write']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /no such file yet/);
    assert.match(result.stdout, /Created: 3 additions/);
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), [
      '{',
      '  "keys": {',
      '    "ESTOQ": { "slot": 1001 }',
      '  },',
      '  "menu": {',
      '    "man10021": "WMS",',
      '    "sup0530": "ESTOQ"',
      '  }',
      '}',
      '',
    ].join('\n'), 'WMS → 5087 is already in the built-in catalog');
  });

  it('exits 2 on an invalid catalog file, an unreadable log, a log without a run, and writes nothing', () => {
    const root = tempWorkspace({ 'logix-license.json': '{ "keys": { "WMS": 5087 } }' });
    const invalid = runCli(['import-log', logFile(root, run(1, 'MAN10021', 'WMS', 'WMS', 5087)), root, '--write']);
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /logix-license\.json:1:20: key "WMS" must be an object.*fix the catalog file first/);
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), '{ "keys": { "WMS": 5087 } }');
    const empty = tempWorkspace({});
    assert.equal(runCli(['import-log', join(empty, 'none.log'), empty]).status, 2);
    const noRun = runCli(['import-log', logFile(empty, ['nothing here']), empty, '--write']);
    assert.equal(noRun.status, 2);
    assert.match(noRun.stderr, /no program run found/);
    assert.equal(existsSync(join(empty, 'logix-license.json')), false);
  });

  it('reads back what explain --format log writes for examples/: nothing new to learn', () => {
    const logs = Object.keys(EXAMPLE_PROGRAMS).map((name) => runCli(['explain', name, examplesDir, '--format', 'log']).stdout).join('');
    const root = tempWorkspace({ 'simulated.log': logs });
    const json = JSON.parse(runCli(['import-log', join(root, 'simulated.log'), examplesDir, '--format', 'json']).stdout);
    assert.deepEqual([json.keys, json.menu, json.conflicts, json.menuConflicts, json.kept], [{}, {}, [], [], { keys: [], menu: [] }]);
    const text = runCli(['import-log', join(root, 'simulated.log'), examplesDir]).stdout;
    assert.match(text, /already in the catalog as logged: key WMS, menu man10021, menu man10022, menu man10050, menu sup0620, menu xyz0001/);
  });
});
