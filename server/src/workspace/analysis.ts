/**
 * A whole workspace analysed at once, as the CLI needs it: discover, read, decode, parse, load the
 * catalog, build the license model, diagnose. The language server keeps the same pieces
 * incrementally instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalog, CATALOG_FILE_NAME, parseCatalogFile, type Catalog } from '../license/catalog.js';
import { catalogDiagnostics, diagnoseWorkspace, type LicenseDiagnostic } from '../license/diagnostics.js';
import { resolveAll, type Resolution } from '../license/resolve.js';
import { buildModel, type LicenseModel, type SourceFile } from '../license/model.js';
import { decoderFor, DEFAULT_ENCODING } from './decode.js';
import { findSourceFiles, toPosix } from './files.js';
import { parseFiles } from './parse-pool.js';

export interface AnalysisOptions {
  readonly encoding?: string;
  readonly excludes?: readonly string[];
  /** An explicit catalog file; otherwise `logix-license.json` at the root, if present. */
  readonly configFile?: string;
  readonly logixVersion?: string;
  readonly devTest?: boolean;
  /** Called as files are parsed, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Resolve every program and diagnose every file (check); `explain` needs only the model. */
  readonly diagnose?: boolean;
}

export interface WorkspaceAnalysis {
  readonly root: string;
  readonly files: readonly SourceFile[];
  readonly catalog: Catalog;
  readonly model: LicenseModel;
  /** Empty, and diagnostics only the catalog's, when `diagnose` was false. */
  readonly resolutions: ReadonlyMap<string, Resolution>;
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
  const { catalog, diagnostics: catalogProblems } = loadCatalog(root, options);
  const discovered = findSourceFiles(root, options.excludes);
  let done = 0;
  const facts = await parseFiles(discovered.map((file) => file.absolute), {
    encoding,
    onBatch: (_start, batch) => {
      done += batch.length;
      options.onProgress?.(done, discovered.length);
    },
  });
  const files: SourceFile[] = discovered.map((file, index) => ({ path: file.relative, facts: facts[index]! }));
  const model = buildModel(files);
  const diagnose = options.diagnose ?? true;
  const resolutions = diagnose ? resolveAll(model, catalog) : new Map<string, Resolution>();
  const diagnostics = diagnose ? [...catalogProblems, ...diagnoseWorkspace(model, catalog, resolutions)] : catalogProblems;
  return { root, files, catalog, model, resolutions, diagnostics };
}

function loadCatalog(root: string, options: AnalysisOptions): { catalog: Catalog; diagnostics: LicenseDiagnostic[] } {
  const explicit = options.configFile !== undefined;
  const path = explicit ? resolve(options.configFile!) : join(root, CATALOG_FILE_NAME);
  let text: string | undefined;
  if (explicit || existsSync(path)) {
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigurationError(`cannot read the catalog file ${path}: ${(error as Error).message}`);
    }
  }
  const relativePath = explicit ? toPosix(path) : CATALOG_FILE_NAME;
  const parsed = text === undefined ? undefined : parseCatalogFile(relativePath, text);
  if (parsed && parsed.problems.length > 0 && explicit) {
    const first = parsed.problems[0]!;
    throw new ConfigurationError(`${path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}`);
  }
  const base = buildCatalog(parsed?.file);
  // Command-line flags override the file (the file stays the place for per-workspace defaults).
  const catalog: Catalog = {
    ...base,
    ...(options.logixVersion !== undefined ? { logixVersion: options.logixVersion } : {}),
    ...(options.devTest !== undefined ? { devTest: options.devTest } : {}),
  };
  return { catalog, diagnostics: parsed ? catalogDiagnostics(relativePath, parsed.problems) : [] };
}
