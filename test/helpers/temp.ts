/** Temporary folders for tests; each test removes what it creates (after() or finally). */
import { mkdtempSync, rmSync } from 'node:fs';
import { after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a folder and all it holds; nothing happens if it is already gone. */
export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/**
 * For one test file: a function that marks a folder for removal once the file's tests end, and
 * returns it. Call it at the top of the file (it registers the file's `after` hook).
 */
export function removedAfterTests(): (folder: string) => string {
  const folders: string[] = [];
  after(() => folders.forEach(removeFolder));
  return (folder) => {
    folders.push(folder);
    return folder;
  };
}
