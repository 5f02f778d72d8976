/**
 * The server's own folder watcher on a real temporary folder, in both of its ways to watch (the
 * system's recursive watch is Node's emulation on Linux, the per-folder one is the Linux default):
 * created, changed and deleted files, a folder made after the start, a burst in one batch, skipped
 * folders, failures reported without stopping, and a close that gives the system's watches back.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { FolderWatcher, type FolderChange, type FolderWatcherOptions, type WatchMode } from '../../server/src/workspace/folder-watcher.js';
import { inotifyWatches } from '../helpers/inotify.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';

const accept4gl = (path: string) => /\.4gl$/i.test(path) || path.endsWith('logix-license.json');

/** A watcher on a new temporary folder, with its batches and errors recorded. */
async function watched(t: TestContext, mode: WatchMode, setup: Record<string, string> = {}, options: Partial<FolderWatcherOptions> = {}) {
  const root = tempFolder('logix-watch-');
  for (const [path, text] of Object.entries(setup)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const batches: FolderChange[][] = [];
  const errors: string[] = [];
  const waiters = new Set<() => void>();
  const watcher = FolderWatcher.start(root, {
    accept: accept4gl,
    mode,
    onError: (message) => errors.push(message),
    ...options,
    onChanges: (changes) => {
      batches.push(changes);
      try {
        options.onChanges?.(changes);
      } finally {
        for (const waiter of waiters) waiter();
      }
    },
  });
  await watcher.ready;
  t.after(() => {
    watcher.close();
    removeFolder(root);
  });
  const relative = (change: FolderChange) => `${change.kind} ${change.path.slice(root.length + 1).split('\\').join('/')}`;
  /** Every change reported so far, as `kind path` (path relative to the root). */
  const seen = () => batches.flat().map(relative);
  /** Resolves once every one of `expected` has been reported (in any batch); fails after 5 s. */
  const waitFor = (...expected: string[]) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!expected.every((change) => seen().includes(change))) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`not reported: ${expected.filter((change) => !seen().includes(change)).join(', ')}; reported: ${seen().join(', ')}`));
    }, 5_000);
    waiters.add(check);
    check();
  });
  return { root, watcher, batches, errors, seen, waitFor, relative };
}

for (const mode of ['per-folder', 'recursive'] as const) {
  describe(`folder watcher (${mode})`, () => {
    it('reports accepted files created, changed and deleted, decided by what is on disk', async (t) => {
      const { root, waitFor, seen } = await watched(t, mode, { 'man1.4gl': 'a', 'sub/man2.4GL': 'a' });
      writeFileSync(join(root, 'notes.txt'), 'not reported');
      writeFileSync(join(root, 'man3.4gl'), 'new');
      await waitFor('created man3.4gl');
      writeFileSync(join(root, 'man1.4gl'), 'edited');
      writeFileSync(join(root, 'sub', 'man2.4GL'), 'edited');
      await waitFor('changed man1.4gl', 'changed sub/man2.4GL');
      rmSync(join(root, 'man1.4gl'));
      writeFileSync(join(root, 'logix-license.json'), '{}');
      await waitFor('deleted man1.4gl', 'created logix-license.json');
      assert.ok(!seen().some((change) => change.includes('notes.txt')), seen().join(', '));
      assert.ok(!seen().includes('created man1.4gl'), 'a file present at the start is changed, not created');
    });

    it('follows a folder made after the start, files written into it at once, and its removal', async (t) => {
      const { root, watcher, waitFor } = await watched(t, mode);
      const before = watcher.folderCount;
      mkdirSync(join(root, 'new', 'deep'), { recursive: true });
      writeFileSync(join(root, 'new', 'deep', 'man4.4gl'), 'a');
      await waitFor('created new/deep/man4.4gl');
      assert.equal(watcher.folderCount, before + 2);
      // Written once the new folder is watched: reported by its own watch.
      writeFileSync(join(root, 'new', 'deep', 'man5.4gl'), 'a');
      writeFileSync(join(root, 'new', 'deep', 'man4.4gl'), 'b');
      await waitFor('created new/deep/man5.4gl', 'changed new/deep/man4.4gl');
      renameSync(join(root, 'new'), join(root, 'moved'));
      await waitFor('deleted new/deep/man4.4gl', 'deleted new/deep/man5.4gl', 'created moved/deep/man4.4gl', 'created moved/deep/man5.4gl');
      removeFolder(join(root, 'moved'));
      await waitFor('deleted moved/deep/man4.4gl', 'deleted moved/deep/man5.4gl');
      assert.equal(watcher.folderCount, before);
    });

    it('reports a burst of writes as one batch', async (t) => {
      const { root, batches, waitFor } = await watched(t, mode);
      const names = Array.from({ length: 100 }, (_, index) => `burst${index}.4gl`);
      for (const name of names) writeFileSync(join(root, name), 'a');
      await waitFor(...names.map((name) => `created ${name}`));
      assert.equal(batches.length, 1, `batches of ${batches.map((batch) => batch.length).join(', ')} changes`);
    });

    it('does not watch node_modules, .git and .svn', async (t) => {
      const { root, watcher, waitFor, seen } = await watched(t, mode, { 'node_modules/pkg/a.4gl': 'a', '.git/objects/b.4gl': 'b', 'src/c.4gl': 'c' });
      assert.equal(watcher.folderCount, 2, 'the root and src/');
      writeFileSync(join(root, 'node_modules', 'pkg', 'a.4gl'), 'edited');
      writeFileSync(join(root, '.git', 'objects', 'd.4gl'), 'new');
      writeFileSync(join(root, 'src', 'c.4gl'), 'edited');
      await waitFor('changed src/c.4gl');
      assert.deepEqual(seen(), ['changed src/c.4gl']);
    });

    it('reports a failing listener and keeps watching', async (t) => {
      let calls = 0;
      const { root, errors, waitFor } = await watched(t, mode, {}, {
        onChanges: () => {
          if (++calls === 1) throw new Error('listener broke');
        },
      });
      writeFileSync(join(root, 'man1.4gl'), 'a');
      await waitFor('created man1.4gl');
      assert.match(errors.join('\n'), /a change listener failed: listener broke/);
      writeFileSync(join(root, 'man2.4gl'), 'a');
      await waitFor('created man2.4gl');
    });

    it('reports a folder that cannot be watched instead of throwing', async () => {
      const errors: string[] = [];
      const missing = join(tempFolder('logix-watch-'), 'missing');
      const watcher = FolderWatcher.start(missing, { accept: accept4gl, mode, onChanges: () => {}, onError: (message) => errors.push(message) });
      await watcher.ready;
      watcher.close();
      removeFolder(join(missing, '..'));
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0]!, /missing/);
    });

    it('can be closed while it is still reading the folders, and holds no watch after', async (t) => {
      const root = tempFolder('logix-watch-');
      t.after(() => removeFolder(root));
      for (let index = 0; index < 30; index++) mkdirSync(join(root, `f${index}`, 'sub'), { recursive: true });
      const baseline = inotifyWatches();
      const watcher = FolderWatcher.start(root, { accept: accept4gl, mode, onChanges: () => assert.fail('nothing to report'), onError: (message) => assert.fail(message) });
      watcher.close();
      await watcher.ready;
      assert.equal(watcher.folderCount, 0);
      if (baseline !== undefined) assert.equal(inotifyWatches(), baseline);
    });

    it('stops reporting and gives the system watches back when closed', async (t) => {
      const baseline = inotifyWatches();
      const closing = await watched(t, mode, { 'a/man1.4gl': 'a', 'b/man2.4gl': 'b' });
      const open = await watched(t, mode);
      if (baseline !== undefined) assert.ok(inotifyWatches()! > baseline, 'watching holds system watches');
      closing.watcher.close();
      assert.equal(closing.watcher.folderCount, 0);
      writeFileSync(join(closing.root, 'a', 'man1.4gl'), 'edited');
      writeFileSync(join(closing.root, 'man3.4gl'), 'new');
      // The same kind of change, seen by a watcher still open, is reported: the closed one had its
      // chance too.
      writeFileSync(join(open.root, 'man3.4gl'), 'new');
      await open.waitFor('created man3.4gl');
      assert.deepEqual(closing.seen(), []);
      open.watcher.close();
      if (baseline !== undefined) assert.equal(inotifyWatches(), baseline, 'every system watch is released');
    });
  });
}
