/**
 * The exclude matcher: a file is excluded when it or one of its folders matches a glob, whether
 * discovery finds it or the watcher reports it; and discovery skips exactly those files.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { excludeMatcher } from '../../server/src/workspace/exclude.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';

/** The paths of `paths` the globs exclude. */
function excludedBy(globs: string[], paths: string[]): string[] {
  const excluded = excludeMatcher(globs);
  return paths.filter((path) => excluded(path));
}

describe('exclude matcher', () => {
  const paths = ['backup', 'backup/x.4gl', 'src/backup/old/y.4gl', 'src/backups/z.4gl', 'src/man1.4gl', 'Backup/w.4gl'];

  it('excludes what lies in a folder the glob names, with or without /**', () => {
    const expected = ['backup', 'backup/x.4gl', 'src/backup/old/y.4gl', 'Backup/w.4gl'];
    assert.deepEqual(excludedBy(['**/backup'], paths), expected);
    assert.deepEqual(excludedBy(['**/backup/**'], paths), expected);
    assert.deepEqual(excludedBy(['**/backup/'], paths), expected, 'a trailing / names the same folder');
  });

  it('anchors a glob without ** at the workspace folder', () => {
    assert.deepEqual(excludedBy(['backup'], paths), ['backup', 'backup/x.4gl', 'Backup/w.4gl']);
    assert.deepEqual(excludedBy(['src/*/old'], paths), ['src/backup/old/y.4gl']);
    assert.deepEqual(excludedBy(['*.4gl'], ['man1.4gl', 'src/man1.4gl']), ['man1.4gl'], '* stays within a name');
  });

  it('matches alternatives, ? and dot-folders, and ignores case', () => {
    assert.deepEqual(excludedBy(['{backup,src}/*.4gl'], paths), ['backup/x.4gl', 'src/man1.4gl', 'Backup/w.4gl']);
    assert.deepEqual(excludedBy(['**/man?.4gl'], ['a/man1.4gl', 'a/man12.4gl']), ['a/man1.4gl']);
    assert.deepEqual(excludedBy(['**/*.4GL'], ['A/MAN1.4gl', 'man2.4Gl', 'x.json']), ['A/MAN1.4gl', 'man2.4Gl']);
    assert.deepEqual(excludedBy(['*/old'], ['.hidden/old/a.4gl']), ['.hidden/old/a.4gl'], '* matches a dot-folder');
  });

  it('always excludes node_modules, .git and .svn, and ignores empty globs', () => {
    assert.deepEqual(excludedBy([''], ['node_modules/a.4gl', 'x/.git/b.4gl', '.svn/c.4gl', 'man1.4gl']), ['node_modules/a.4gl', 'x/.git/b.4gl', '.svn/c.4gl']);
  });

  it('gives discovery the same answer as a path reported by the watcher', () => {
    const files = ['backup/x.4gl', 'src/backup/old/y.4gl', 'src/Backup2/v.4gl', 'src/man1.4gl', 'old/deep/er/man2.4gl', 'node_modules/m/a.4gl'];
    const root = tempWorkspace(Object.fromEntries(files.map((file) => [file, 'MAIN\nEND MAIN\n'])));
    try {
      for (const globs of [['**/backup'], ['**/backup/**'], ['old/*'], ['{src,old}/**/b*'], ['**/*2*']]) {
        const excluded = excludeMatcher(globs);
        const found = findSourceFiles(root, globs).map((file) => file.relative);
        assert.deepEqual(found, files.filter((file) => !excluded(file)).sort(), globs.join());
      }
    } finally {
      removeFolder(root);
    }
  });
});
