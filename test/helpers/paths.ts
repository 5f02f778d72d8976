/** Folders the tests read, found from the compiled test's location (test/out/...). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRepoRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) || !existsSync(join(folder, 'server'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no repository root above ${__dirname}`);
    folder = parent;
  }
  return folder;
}

export const repoRoot = findRepoRoot();
export const examplesDir = join(repoRoot, 'examples');
/** The project's synthetic 4GL samples (Windows-1252, banners, CRLF and mixed line endings, tabs). */
export const samplesDir = join(repoRoot, 'test', 'fixtures', 'samples');
export const cliPath = join(repoRoot, 'server', 'out', 'cli.js');
