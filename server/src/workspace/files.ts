/**
 * Discovery of a workspace's `.4gl` files and of its catalog file. The only module of the CLI
 * path that walks folders.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // an unreadable folder is skipped, like an editor's file search does
    }
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      const relativePath = toPosix(relative(root, absolute));
      if (entry.isDirectory()) {
        if (!matchesAny(`${relativePath}/`, globs) && !matchesAny(relativePath, globs)) walk(absolute);
      } else if (entry.isFile() && /\.4gl$/i.test(entry.name) && !matchesAny(relativePath, globs)) {
        found.push({ absolute, relative: relativePath });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
