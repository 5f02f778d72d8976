/**
 * Discovery of a workspace's `.4gl` files and of its catalog file. The only module of the CLI
 * path that walks folders.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { globToRegExp, matchesAny } from './glob.js';

/** Folders no Logix workspace wants scanned; user globs add to these. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/.svn/**'];

export interface DiscoveredFile {
  /** Absolute path. */
  readonly absolute: string;
  /** Relative to the workspace root, `/`-separated. */
  readonly relative: string;
}

export function findSourceFiles(root: string, excludes: readonly string[] = []): DiscoveredFile[] {
  const globs = [...DEFAULT_EXCLUDES, ...excludes].map(globToRegExp);
  const found: DiscoveredFile[] = [];
  // Relative paths are built along the walk (path.relative per file cost a tenth of a warm start).
  const walk = (folder: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // an unreadable folder is skipped, like an editor's file search does
    }
    for (const entry of entries) {
      const relativePath = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!matchesAny(`${relativePath}/`, globs) && !matchesAny(relativePath, globs)) walk(join(folder, entry.name), `${relativePath}/`);
      } else if (entry.isFile() && /\.4gl$/i.test(entry.name) && !matchesAny(relativePath, globs)) {
        found.push({ absolute: join(folder, entry.name), relative: relativePath });
      }
    }
  };
  walk(root, '');
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
