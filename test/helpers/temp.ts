/** Temporary folders for tests; each test removes what it creates (after() or finally). */
import { mkdtempSync, rmSync } from 'node:fs';
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
