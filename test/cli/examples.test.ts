/**
 * The bundled examples/ workspace (the input of `npm start`) against the expected lists computed
 * by hand from the MAN10021 worked example in examples/README.md (test/helpers/examples-expected.ts).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_PROGRAMS } from '../helpers/examples-expected.js';
import { examplesDir, repoRoot } from '../helpers/paths.js';
import { cliEnvironment, runCli } from '../helpers/run-cli.js';

const EXPECTED = Object.fromEntries(Object.entries(EXAMPLE_PROGRAMS).map(([name, expected]) => [name, [expected.finalKeys.join(','), expected.defaultKey]]));
const MAN10021_KEYS = EXAMPLE_PROGRAMS.man10021!.finalKeys.join(',');

describe('examples/', () => {
  const result = runCli(['check', examplesDir, '--format', 'json']);
  const json = JSON.parse(result.stdout);

  it('gives every program its hand-computed final list and default key', () => {
    const actual = Object.fromEntries(json.programs.map((entry: { program: string; finalKeys: string[]; defaultKey: string | null }) =>
      [entry.program, [entry.finalKeys.join(','), entry.defaultKey]]));
    assert.deepEqual(actual, EXPECTED);
  });

  it('produces every diagnostic code the examples are written for, and exits 1 for the errors', () => {
    const codes = new Set(json.diagnostics.map((diagnostic: { code: string }) => diagnostic.code));
    for (let number = 1; number <= 14; number++) {
      const code = `LGX${String(number).padStart(3, '0')}`;
      assert.ok(codes.has(code), `${code} missing`);
    }
    assert.equal(result.status, 1);
    assert.equal(json.summary.errors, 2);
  });

  it('does not count the calls written inside comments and strings', () => {
    const vdp9140 = json.programs.find((entry: { program: string }) => entry.program === 'vdp9140');
    assert.deepEqual(vdp9140.declaredKeys, ['VDPPED']);
  });

  it('npm start prints the analysis and exits 0', () => {
    const start = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], { encoding: 'utf8', env: cliEnvironment() });
    assert.equal(start.status, 0, start.stderr);
    assert.match(start.stdout, new RegExp(`man10021\\s+PRD\\s+${MAN10021_KEYS}`));
    assert.match(start.stdout, /22 files, 16 programs: 2 errors/);
  });
});
