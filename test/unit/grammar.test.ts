/**
 * The TextMate grammar against its assertion files (grammars/tests/*.4gl), run with
 * vscode-tmgrammar-test: comments, strings holding `#` `{` `--`, keywords in mixed case, numbers,
 * function definitions and the license calls.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

describe('TextMate grammar', () => {
  const files = readdirSync(join(repoRoot, 'grammars', 'tests')).filter((name) => name.endsWith('.4gl'));

  it('has assertion files for each area the issue names', () => {
    for (const name of ['comments.4gl', 'strings.4gl', 'keywords.4gl', 'license.4gl']) assert.ok(files.includes(name), name);
  });

  for (const name of files) {
    it(`passes ${name}`, () => {
      const result = spawnSync(process.execPath, [
        join(repoRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
        '-g', join(repoRoot, 'grammars', '4gl.tmLanguage.json'),
        join(repoRoot, 'grammars', 'tests', name),
      ], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    });
  }
});
