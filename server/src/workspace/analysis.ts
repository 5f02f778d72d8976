/**
 * A whole workspace analysed at once, as the CLI needs it: discover, read, decode, parse, load the
 * catalog, build the license model, diagnose. The language server keeps the same pieces
 * incrementally instead.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { t } from '../l10n/messages.js';
import { CATALOG_FILE_NAME, parseCatalogFile } from '../license/catalog.js';
import { compareDiagnostics, type LicenseDiagnostic } from '../license/diagnostics.js';
import type { SourceFile } from '../license/model.js';
import type { FileFacts } from '../syntax/facts.js';
import { isFile, readCatalogFile, type CatalogRead } from './catalog-files.js';
import { decoderFor, DEFAULT_ENCODING } from './decode.js';
import type { EnvironmentIndex } from './environment-index.js';
import { discover, toPosix } from './files.js';
import { FolderIndex } from './folder-index.js';
import { FactsCache, type CacheStrategy } from './facts-cache.js';
import { buildInitialIndex } from './initial-index.js';

export interface AnalysisOptions {
  readonly encoding?: string;
  readonly excludes?: readonly string[];
  /** An explicit catalog file for the root environment; otherwise `logix-license.json` at the root, if present. */
  readonly configFile?: string;
  readonly logixVersion?: string;
  readonly devTest?: boolean;
  /** Called as files are parsed, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Diagnose every file (check); `explain` needs only the model. */
  readonly diagnose?: boolean;
  /**
   * The persisted facts of the last run (`check --cache`): unchanged files are not parsed, and the
   * file is rewritten when anything differed. `build` identifies the tool: another build's cache
   * is not used.
   */
  readonly cache?: { readonly file: string; readonly strategy: CacheStrategy; readonly build: string };
  /** A problem that does not stop the analysis (an unusable or unwritable cache). */
  readonly onWarning?: (message: string) => void;
}

export interface WorkspaceAnalysis {
  readonly root: string;
  /**
   * When a file was given instead of a folder: its path relative to `root` (its folder, analysed
   * whole so that its catalog and SYSTEMKEY files apply); `files` and `diagnostics` are its own.
   */
  readonly focus?: string;
  readonly files: readonly SourceFile[];
  /** The environments: the root one first, then each folder holding a `logix-license.json`. */
  readonly environments: readonly EnvironmentIndex[];
  readonly folder: FolderIndex;
  /** Only the catalogs' problems when `diagnose` was false. */
  readonly diagnostics: readonly LicenseDiagnostic[];
  /** Symbolic links not followed and folders that could not be read. */
  readonly skipped: { readonly links: readonly string[]; readonly unreadable: readonly string[] };
  /** With a cache: how many files' facts it gave, how many were parsed. */
  readonly cache?: { readonly reused: number; readonly parsed: number };
}

/** A problem with the user's request or configuration rather than with the sources. */
export class ConfigurationError extends Error {}

export async function analyzeWorkspace(rootPath: string, options: AnalysisOptions = {}): Promise<WorkspaceAnalysis> {
  const given = resolve(rootPath);
  if (!existsSync(given)) throw new ConfigurationError(t`no such folder: ${rootPath}`);
  // A file: check it within its folder (a CI step naming one file must check that file).
  const focusFile = isFile(given) ? given : undefined;
  if (focusFile && !/\.4gl$/i.test(focusFile)) throw new ConfigurationError(t`${rootPath} is not a folder nor a .4gl file`);
  const root = focusFile ? dirname(focusFile) : given;
  const focus = focusFile ? toPosix(relative(root, focusFile)) : undefined;
  const encoding = options.encoding ?? DEFAULT_ENCODING;
  try {
    decoderFor(encoding);
  } catch {
    throw new ConfigurationError(t`unknown encoding "${encoding}" (try windows-1252, utf-8, latin1)`);
  }
  const explicit = options.configFile !== undefined ? resolve(options.configFile) : undefined;
  const rootCatalog = explicit ? toPosix(explicit) : CATALOG_FILE_NAME;
  // Command-line flags override every environment's catalog file.
  const folder = new FolderIndex(rootCatalog, {
    ...(options.logixVersion !== undefined ? { logixVersion: options.logixVersion } : {}),
    ...(options.devTest !== undefined ? { devTest: options.devTest } : {}),
  });
  const discovered = discover(root, options.excludes);
  const rootRead = readCatalogFile(explicit ?? resolve(root, CATALOG_FILE_NAME));
  checkExplicitCatalog(explicit, rootRead);
  folder.setCatalog(rootCatalog, rootRead.kind === 'text' ? rootRead.text : undefined, rootRead.kind === 'unreadable' ? rootRead.reason : undefined);
  for (const catalog of discovered.catalogs) {
    if (catalog.relative === CATALOG_FILE_NAME) continue;
    const read = readCatalogFile(catalog.absolute);
    folder.setCatalog(catalog.relative, read.kind === 'text' ? read.text : undefined, read.kind === 'unreadable' ? read.reason : undefined);
  }
  // The same first index as the language server's: the cache's facts for unchanged files, the
  // rest parsed on worker threads, the cache rewritten when anything differed.
  const cache = options.cache ? await FactsCache.openFile(options.cache.file, root, encoding, options.cache.build, options.cache.strategy) : undefined;
  if (cache?.problem) options.onWarning?.(t`the cache is not used (${cache.problem}); every file is parsed`);
  const order = new Map(discovered.sources.map((file, index) => [file.relative, index]));
  const facts: FileFacts[] = new Array(discovered.sources.length);
  const initial = await buildInitialIndex(discovered.sources, {
    parse: { encoding, callerParses: true },
    ...(cache ? { cache } : {}),
    onFacts: (file, fileFacts) => (facts[order.get(file.relative)!] = fileFacts),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  const files: SourceFile[] = discovered.sources.map((file, index) => ({ path: file.relative, facts: facts[index]! }));
  const diagnose = options.diagnose ?? true;
  // The cache's diagnostics hold when the catalogs are those it was written with. Then the files
  // as it recorded them come first, with those diagnostics, and what changed since after: the
  // index drops exactly the diagnostics a change can affect (ARCHITECTURE.md, invariant 7), so a
  // changed file costs what it touches, not a pass over every file.
  // (The cache also keeps them to the language they were said in: facts-cache.ts.)
  const recorded = cache && diagnose ? cache.diagnosticsFor(folder.fingerprint) : undefined;
  if (cache && recorded) {
    const recordedFacts = new Map(cache.recordedFiles());
    for (const [path, fileFacts] of recordedFacts) folder.setFile(path, fileFacts);
    folder.seedDiagnostics(recorded);
    const current = new Set(files.map((file) => file.path));
    for (const path of recordedFacts.keys()) if (!current.has(path)) folder.deleteFile(path);
    for (const file of files) if (recordedFacts.get(file.path) !== file.facts) folder.setFile(file.path, file.facts);
  } else {
    // In path order (the first file defining a program is its source).
    for (const file of files) folder.setFile(file.path, file.facts);
  }
  const environments = folder.all;
  const diagnostics = diagnose
    ? [...folder.diagnosticsByFile.values()].flat().sort(compareDiagnostics)
    : environments.flatMap((environment) => environment.diagnosticsOf(environment.catalogFile.path));
  if (cache) {
    const toPersist = diagnose ? folder.completeDiagnostics() : undefined;
    await initial.persist(toPersist ? { fingerprint: folder.fingerprint, files: toPersist } : undefined);
  }
  const cacheCounts = cache ? { cache: { reused: initial.reused, parsed: initial.parsed } } : {};
  if (focus !== undefined) {
    return { root, focus, files: files.filter((file) => file.path === focus), environments, folder, diagnostics: diagnostics.filter((diagnostic) => diagnostic.file === focus), skipped: discovered.skipped, ...cacheCounts };
  }
  return { root, files, environments, folder, diagnostics, skipped: discovered.skipped, ...cacheCounts };
}

/**
 * An explicit `--config` must exist, be readable and be valid (exit 2 otherwise): the user named
 * it. The catalog found in a folder is reported as LGX015 instead, the built-in one in use.
 */
function checkExplicitCatalog(path: string | undefined, read: CatalogRead): void {
  if (path === undefined) return;
  if (read.kind === 'absent') throw new ConfigurationError(t`cannot read the catalog file ${path}: no such file`);
  if (read.kind === 'unreadable') throw new ConfigurationError(t`cannot read the catalog file ${path}: ${read.reason}`);
  const problems = parseCatalogFile(toPosix(path), read.text).problems.filter((problem) => !problem.warning);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new ConfigurationError(`${path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}`);
  }
}
