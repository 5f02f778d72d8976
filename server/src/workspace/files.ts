/**
 * Discovery of a workspace's `.4gl` files and of its catalog files (each `logix-license.json` is
 * the root of an environment). The only module that walks folders.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { TimeSlice } from './time-slice.js';
import { CATALOG_FILE_NAME } from '../license/catalog.js';
import { excludeMatcher } from './exclude.js';

export interface DiscoveredFile {
  /** Absolute path. */
  readonly absolute: string;
  /** Relative to the workspace root, `/`-separated. */
  readonly relative: string;
}

export interface Discovery {
  /** The `.4gl` files, in path order. */
  readonly sources: DiscoveredFile[];
  /** Every `logix-license.json` below the root (the root's own included), in path order. */
  readonly catalogs: DiscoveredFile[];
  /**
   * What the walk passed over and the user should hear of: symbolic links, whatever they point
   * to (not followed: a link loop would never end), and folders it could not read.
   */
  readonly skipped: { readonly links: string[]; readonly unreadable: string[] };
}

export function findSourceFiles(root: string, excludes: readonly string[] = []): DiscoveredFile[] {
  return discover(root, excludes).sources;
}

export function discover(root: string, excludes: readonly string[] = []): Discovery {
  const discovery: Discovery = { sources: [], catalogs: [], skipped: { links: [], unreadable: [] } };
  for (const step of walkSourceFiles(root, excludes, discovery.skipped)) if (step) (step.catalog ? discovery.catalogs : discovery.sources).push(step.file);
  return sorted(discovery);
}

/**
 * The same, pausing in slices of time so that a server answers requests meanwhile (20,000 files
 * take about 100 ms to find).
 */
export async function discoverYielding(root: string, excludes: readonly string[] = []): Promise<Discovery> {
  const discovery: Discovery = { sources: [], catalogs: [], skipped: { links: [], unreadable: [] } };
  const slice = new TimeSlice();
  for (const step of walkSourceFiles(root, excludes, discovery.skipped)) {
    if (step) (step.catalog ? discovery.catalogs : discovery.sources).push(step.file);
    if (slice.due()) await slice.pause();
  }
  return sorted(discovery);
}

interface Found {
  readonly file: DiscoveredFile;
  readonly catalog: boolean;
}

/** Yields each file found, and `undefined` every few hundred entries read (a place to pause). */
function* walkSourceFiles(root: string, excludes: readonly string[], skipped: Discovery['skipped']): Generator<Found | undefined> {
  // Excluded folders are not entered, so each entry's own path is all there is left to test.
  const excluded = excludeMatcher(excludes).itself;
  let entriesRead = 0;
  // Relative paths are built along the walk (path.relative per file cost a tenth of a warm start).
  function* walk(folder: string, prefix: string): Generator<Found | undefined> {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      skipped.unreadable.push(prefix === '' ? '.' : prefix.slice(0, -1)); // skipped, and said
      return;
    }
    for (const entry of entries) {
      if (++entriesRead % 500 === 0) yield undefined;
      const relativePath = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!excluded(relativePath)) yield* walk(join(folder, entry.name), `${relativePath}/`);
      } else if (entry.isFile() && /\.4gl$/i.test(entry.name) && !excluded(relativePath)) {
        yield { file: { absolute: join(folder, entry.name), relative: relativePath }, catalog: false };
      } else if (entry.isFile() && entry.name === CATALOG_FILE_NAME && !excluded(relativePath)) {
        yield { file: { absolute: join(folder, entry.name), relative: relativePath }, catalog: true };
      } else if (entry.isSymbolicLink() && !excluded(relativePath)) {
        skipped.links.push(relativePath);
      }
    }
  }
  yield* walk(root, '');
}

function sorted(discovery: Discovery): Discovery {
  const byPath = (a: DiscoveredFile, b: DiscoveredFile) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  discovery.sources.sort(byPath);
  discovery.catalogs.sort(byPath);
  return discovery;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
