/**
 * What a hostile tree found in the command line: catalogs nested thousands deep, named pipes and
 * folders where files should be, a byte-order mark, characters URIs must encode, a file given
 * instead of a folder, and inputs that made the output or the time unbounded. Each case failed
 * (crash, hang, silence or a quadratic run) before its fix.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliPath } from '../helpers/paths.js';
import { cliEnvironment, runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

interface Json { programs: { program: string; file: string }[]; diagnostics: { file: string; code: string; message: string; severity: string }[] }

/** The CLI with a short bound: a hang is a failure, not a stalled suite. */
function checkJson(args: string[], timeoutMs = 20_000): { status: number | null; json: Json; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, 'check', ...args, '--format', 'json'], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, env: cliEnvironment() });
  assert.notEqual(result.signal, 'SIGTERM', `check did not finish within ${timeoutMs} ms`);
  return { status: result.status, json: JSON.parse(result.stdout) as Json, stderr: result.stderr };
}

describe('command line robustness', () => {
  it('reports a catalog nested 5,000 levels deep as LGX015 and checks with the built-in catalog (no stack overflow)', () => {
    const deep = `{ "keys": ${'['.repeat(5000)}${']'.repeat(5000)} }`;
    const { status, json, stderr } = checkJson([tempWorkspace({ 'logix-license.json': deep, 'man1.4gl': program('man1', '"MANENG"') })]);
    assert.equal(status, 1, stderr);
    const lgx015 = json.diagnostics.filter((diagnostic) => diagnostic.code === 'LGX015');
    assert.equal(lgx015.length, 1);
    assert.match(lgx015[0]!.message, /5001 levels deep/);
    assert.deepEqual(json.programs.map((entry) => entry.program), ['man1']);
  });

  it('does not wait on named pipes: a FIFO catalog is LGX015, a FIFO .4gl is skipped at discovery', () => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG"') });
    execFileSync('mkfifo', [join(root, 'logix-license.json')]);
    execFileSync('mkfifo', [join(root, 'man2.4gl')]);
    const { json } = checkJson([root], 10_000);
    assert.match(json.diagnostics.find((diagnostic) => diagnostic.code === 'LGX015')!.message, /not a regular file \(a named pipe\)/);
    assert.deepEqual(json.programs.map((entry) => entry.file), ['man1.4gl']);
  });

  it('reports a folder named logix-license.json instead of stopping, and reads a catalog with a byte-order mark', () => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG,ACME"') });
    mkdirSync(join(root, 'logix-license.json'));
    const { status, json } = checkJson([root]);
    assert.equal(status, 1);
    assert.match(json.diagnostics.find((diagnostic) => diagnostic.code === 'LGX015')!.message, /cannot read the catalog file: not a regular file \(a folder\)/);

    const bom = tempWorkspace({ 'logix-license.json': `\uFEFF${JSON.stringify({ keys: { ACME: { slot: 7001 } } })}`, 'man1.4gl': program('man1', '"MANENG,ACME"') });
    const read = checkJson([bom]);
    assert.deepEqual(read.json.diagnostics.map((diagnostic) => diagnostic.code), [], 'ACME is known: the file was read');
  });

  it('writes SARIF locations as percent-encoded relative URIs', () => {
    const root = tempWorkspace({ 'c#d/sup3760.4gl': program('sup3760', '"SUPRIMEN"'), 'e%20f/man1.4gl': program('man1', '"MANENG,SUPRIMEN"') });
    const sarif = JSON.parse(runCli(['check', root, '--format', 'sarif']).stdout);
    const uris = new Set<string>((sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[])
      .map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['c%23d/sup3760.4gl', 'e%2520f/man1.4gl']);
  });

  it('checks the one file it is given, with its folder\'s catalog and SYSTEMKEY files', () => {
    const root = tempWorkspace({
      'logix-license.json': JSON.stringify({ menu: { man1: '?' }, invalidKeys: ['NOKEY'] }),
      'man1.4gl': program('man1', '"NOKEY"'),
      'man2.4gl': program('man2', '"ALSONOKEY"'),
      'systemkey_log.4gl': systemKey('LOG', [['WMS', 'man1']]),
    });
    const { status, json } = checkJson([join(root, 'man1.4gl')]);
    // man1: NOKEY invalid, WMS appended (R7) so the list is not empty: no LGX011; man2 not reported.
    assert.deepEqual(json.programs.map((entry) => entry.file), ['man1.4gl']);
    assert.deepEqual([...new Set(json.diagnostics.map((diagnostic) => diagnostic.file))], ['man1.4gl']);
    assert.ok(json.diagnostics.some((diagnostic) => diagnostic.code === 'LGX001'));
    assert.equal(status, 0);
    const notSource = runCli(['check', join(root, 'logix-license.json')]);
    assert.equal(notSource.status, 2);
    assert.match(notSource.stderr, /is not a folder nor a \.4gl file/);
  });

  it('caps one code at 100 diagnostics a file with a summary, and stays linear on 100,000 repeats of one program', { timeout: 60_000 }, () => {
    const repeats = Array.from({ length: 100_000 }, () => 'man1').join(',');
    const root = tempWorkspace({ 'systemkey_log.4gl': systemKey('LOG', [['WMS', repeats]]), 'man1.4gl': program('man1', '"MANENG"') });
    const { json } = checkJson([root], 50_000);
    const lgx008 = json.diagnostics.filter((diagnostic) => diagnostic.code === 'LGX008');
    assert.equal(lgx008.length, 101);
    assert.match(lgx008.at(-1)!.message, /^99899 more LGX008 in this file from here on/);
  });

  it('says which symbolic links it did not follow (a link loop included) instead of skipping them silently', () => {
    const root = tempWorkspace({ 'real/man1.4gl': program('man1', '"MANENG"') });
    symlinkSync(join(root, 'real/man1.4gl'), join(root, 'man2.4gl'));
    symlinkSync(root, join(root, 'real/loop'));
    const result = spawnSync(process.execPath, [cliPath, 'check', root], { encoding: 'utf8', timeout: 20_000, env: cliEnvironment() });
    assert.match(result.stdout, /^Not followed \(symbolic links\): man2\.4gl, real\/loop$/m);
    assert.match(result.stdout, /1 files, 1 programs/);
  });

  it('rejects slots out of range, and finds a FUNCTION on line 1 behind a UTF-8 byte-order mark', () => {
    const slots = tempWorkspace({ 'logix-license.json': '{ "keys": { "A": { "slot": 1e308 }, "B": { "slot": 9007199254740993 } } }' });
    const problems = checkJson([slots]).json.diagnostics.filter((diagnostic) => diagnostic.code === 'LGX015');
    assert.equal(problems.length, 2);
    const bom = tempWorkspace({});
    writeFileSync(join(bom, 'man1.4gl'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FUNCTION man1()\n  DISPLAY "x"\nEND FUNCTION\n')]));
    assert.deepEqual(checkJson([bom]).json.programs.map((entry) => entry.program), ['man1']);
  });
});
