/**
 * The TextMate grammars against their assertion files, run with vscode-tmgrammar-test: 4GL
 * (grammars/tests/*.4gl: comments, strings holding `#` `{` `--`, keywords in mixed case, numbers,
 * function definitions and the license calls) and the AppServer log (grammars/tests/*.logix.log:
 * the license lines, code-page damage included). One run of the checker for all files (each run
 * costs a Node start and the grammars' load; each file names its grammar's scope); each file's
 * result is still its own test.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

describe('TextMate grammar', () => {
  const files = readdirSync(join(repoRoot, 'grammars', 'tests')).filter((name) => name.endsWith('.4gl') || name.endsWith('.logix.log'));
  const pathOf = (name: string) => `grammars/tests/${name}`;
  let run: { status: number | null; stdout: string; stderr: string };

  before(() => {
    // Compact output: one `✓ FILE run successfuly.` line per passing file, one `ERROR FILE:…`
    // line per failed assertion; a file whose run aborts gets neither line.
    const result = spawnSync(process.execPath, [
      join(repoRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'), '--compact',
      '-g', join(repoRoot, 'grammars', '4gl.tmLanguage.json'),
      '-g', join(repoRoot, 'grammars', 'logix-log.tmLanguage.json'),
      ...files.map(pathOf),
    ], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  });

  it('has assertion files for comments, strings, keywords, the license calls and the license lines of the log', () => {
    for (const name of ['comments.4gl', 'strings.4gl', 'keywords.4gl', 'license.4gl', 'license-lines.logix.log']) assert.ok(files.includes(name), name);
  });

  for (const name of files) {
    it(`passes ${name}`, () => {
      const lines = run.stdout.split('\n');
      const failures = lines.filter((line) => line.startsWith(`ERROR ${pathOf(name)}:`));
      assert.deepEqual(failures, [], `${name} fails:\n${failures.join('\n')}`);
      assert.ok(lines.includes(`✓ ${pathOf(name)} run successfuly.`), `${name} is not reported as passing:\n${run.stdout}\n${run.stderr}`);
    });
  }

  it('the checker exits 0 (no file failed or aborted)', () => {
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
});
