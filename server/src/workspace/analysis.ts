/**
 * A whole workspace analysed at once, as the CLI needs it: discover, read, decode, parse, load the
 * catalog, build the license model, diagnose. The language server keeps the same pieces
 * incrementally instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG_FILE_NAME, parseCatalogFile } from '../license/catalog.js';
import { compareDiagnostics, type LicenseDiagnostic } from '../license/diagnostics.js';
import type { SourceFile } from '../license/model.js';
import { decoderFor, DEFAULT_ENCODING } from './decode.js';
import type { EnvironmentIndex } from './environment-index.js';
import { discover, toPosix } from './files.js';
import { FolderIndex } from './folder-index.js';
import { parseFiles } from './parse-pool.js';

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
}

export interface WorkspaceAnalysis {
  readonly root: string;
  readonly files: readonly SourceFile[];
  /** The environments: the root one first, then each folder holding a `logix-license.json`. */
  readonly environments: readonly EnvironmentIndex[];
  readonly folder: FolderIndex;
  /** Only the catalogs' problems when `diagnose` was false. */
  readonly diagnostics: readonly LicenseDiagnostic[];
}

/** A problem with the user's request or configuration rather than with the sources. */
export class ConfigurationError extends Error {}

export async function analyzeWorkspace(rootPath: string, options: AnalysisOptions = {}): Promise<WorkspaceAnalysis> {
  const root = resolve(rootPath);
  if (!existsSync(root)) throw new ConfigurationError(`no such folder: ${rootPath}`);
  const encoding = options.encoding ?? DEFAULT_ENCODING;
  try {
    decoderFor(encoding);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  const explicit = options.configFile !== undefined ? resolve(options.configFile) : undefined;
  const rootCatalog = explicit ? toPosix(explicit) : CATALOG_FILE_NAME;
  // Command-line flags override every environment's catalog file.
  const folder = new FolderIndex(rootCatalog, {
    ...(options.logixVersion !== undefined ? { logixVersion: options.logixVersion } : {}),
    ...(options.devTest !== undefined ? { devTest: options.devTest } : {}),
  });
  const discovered = discover(root, options.excludes);
  folder.setCatalog(rootCatalog, readRootCatalog(explicit ?? resolve(root, CATALOG_FILE_NAME), explicit !== undefined));
  for (const catalog of discovered.catalogs) {
    if (catalog.relative !== CATALOG_FILE_NAME) folder.setCatalog(catalog.relative, readCatalog(catalog.absolute));
  }
  let done = 0;
  const facts = await parseFiles(discovered.sources.map((file) => file.absolute), {
    encoding,
    onBatch: (_start, batch) => {
      done += batch.length;
      options.onProgress?.(done, discovered.sources.length);
    },
  });
  const files: SourceFile[] = discovered.sources.map((file, index) => ({ path: file.relative, facts: facts[index]! }));
  for (const file of files) folder.setFile(file.path, file.facts);
  const environments = folder.all;
  const diagnose = options.diagnose ?? true;
  const diagnostics = diagnose
    ? [...folder.diagnosticsByFile.values()].flat().sort(compareDiagnostics)
    : environments.flatMap((environment) => environment.diagnosticsOf(environment.catalogFile.path));
  return { root, files, environments, folder, diagnostics };
}

/** The root catalog: an explicit `--config` must be readable and valid (exit 2 otherwise). */
function readRootCatalog(path: string, explicit: boolean): string | undefined {
  if (!explicit && !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read the catalog file ${path}: ${(error as Error).message}`);
  }
  const problems = explicit ? parseCatalogFile(toPosix(path), text).problems : [];
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new ConfigurationError(`${path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}`);
  }
  return text;
}

function readCatalog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read the catalog file ${path}: ${(error as Error).message}`);
  }
}
