/**
 * The in-memory index of one environment (a folder holding a catalog file, or the workspace folder
 * itself): the facts of its `.4gl` files (from disk, or from the editor when the file is open),
 * its catalog, and the license model, resolutions and diagnostics derived from them. Paths are
 * relative to the workspace folder. No IO here: the language server and the CLI feed it.
 *
 * Derived values are rebuilt lazily after a change. A change reports which files' diagnostics it
 * can affect, so that the server refreshes exactly those (a SYSTEMKEY edit → the programs it
 * registers, before and after the edit; a program edit → the SYSTEMKEY files registering it).
 */
import { t } from '../l10n/messages.js';
import { buildCatalog, CATALOG_FILE_NAME, parseCatalogFile, type Catalog } from '../license/catalog.js';
import { catalogDiagnostics, diagnoseFile, type LicenseDiagnostic } from '../license/diagnostics.js';
import { WorkspaceModel, type LicenseModel } from '../license/model.js';
import { resolveProgram, type Resolution, type ResolutionLookup } from '../license/resolve.js';
import type { FileFacts } from '../syntax/facts.js';

export interface CatalogOverrides {
  readonly logixVersion?: string;
  readonly devTest?: boolean;
}

export class EnvironmentIndex {
  private readonly modelValue = new WorkspaceModel();
  private catalogValue: Catalog = buildCatalog(undefined);
  private catalogProblems: LicenseDiagnostic[] = [];
  private catalogPath: string;
  private catalogText: string | undefined;
  private catalogUnreadable: string | undefined;
  private overrides: CatalogOverrides = {};
  /** Resolutions and per-file diagnostics computed so far; a change drops what it affects. */
  /** By program name, then by the file resolved ('' for the name's first source). */
  private readonly resolutions = new Map<string, Map<string, Resolution>>();
  private readonly diagnostics = new Map<string, readonly LicenseDiagnostic[]>();
  /**
   * How many programs' resolutions are kept at most (the oldest computed go first). The language
   * server bounds it: publishing 20,000 files' first diagnostics resolves every program, and the
   * resolutions are recomputed in microseconds when asked for again.
   */
  resolutionLimit = Infinity;
  readonly resolutionOf: ResolutionLookup = (program, file) => {
    let byFile = this.resolutions.get(program);
    if (!byFile) {
      if (this.resolutions.size >= this.resolutionLimit) this.resolutions.delete(this.resolutions.keys().next().value!);
      this.resolutions.set(program, (byFile = new Map()));
    }
    let resolution = byFile.get(file ?? '');
    if (!resolution) byFile.set(file ?? '', (resolution = resolveProgram(program, this.modelValue, this.catalogValue, file)));
    return resolution;
  };

  /**
   * @param root the environment's folder relative to the workspace folder (`''` for the workspace
   *   folder itself, else `/`-separated without a trailing slash)
   * @param catalogPath its catalog file, relative to the workspace folder
   */
  constructor(readonly root = '', catalogPath = CATALOG_FILE_NAME) {
    this.catalogPath = catalogPath;
  }

  get catalog(): Catalog {
    return this.catalogValue;
  }

  get files(): ReadonlyMap<string, FileFacts> {
    return this.modelValue.files;
  }

  get model(): LicenseModel {
    return this.modelValue;
  }

  diagnosticsOf(path: string): readonly LicenseDiagnostic[] {
    let list = this.diagnostics.get(path);
    if (!list) {
      list = path === this.catalogPath ? this.catalogProblems : diagnoseFile(path, this.modelValue, this.catalogValue, this.resolutionOf);
      this.diagnostics.set(path, list);
    }
    return list;
  }

  /** Every file that has diagnostics now (the catalog file included): for workspace pulls. Costs a full pass once. */
  get diagnosticsByFile(): ReadonlyMap<string, readonly LicenseDiagnostic[]> {
    const result = new Map<string, readonly LicenseDiagnostic[]>();
    for (const path of [this.catalogPath, ...this.modelValue.files.keys()]) {
      const list = this.diagnosticsOf(path);
      if (list.length > 0) result.set(path, list);
    }
    return result;
  }

  /**
   * What the derived values depend on besides the files' facts: the catalog file and the settings
   * that override it. Equal fingerprints and equal facts give equal diagnostics.
   */
  get fingerprint(): string {
    return JSON.stringify([this.catalogPath, this.catalogText ?? null, this.catalogUnreadable ?? null, this.overrides]);
  }

  /**
   * Takes the diagnostics of every source file from a previous run with the same facts and
   * fingerprint (the persisted index): files not listed have none. Nothing is recomputed until a
   * change drops it.
   */
  seedDiagnostics(byFile: ReadonlyMap<string, readonly LicenseDiagnostic[]>): void {
    for (const path of this.modelValue.files.keys()) this.diagnostics.set(path, byFile.get(path) ?? []);
  }

  /**
   * The non-empty diagnostics of the source files, when every file's are known (computed or
   * seeded and not dropped since); undefined otherwise.
   */
  completeDiagnostics(): [string, readonly LicenseDiagnostic[]][] | undefined {
    const result: [string, readonly LicenseDiagnostic[]][] = [];
    for (const path of this.modelValue.files.keys()) {
      const list = this.diagnostics.get(path);
      if (!list) return undefined;
      if (list.length > 0) result.push([path, list]);
    }
    return result;
  }

  /** Sets (or replaces) a file's facts; returns the files whose diagnostics may have changed. */
  setFile(path: string, facts: FileFacts): Set<string> {
    return this.invalidate(path, this.modelValue.setFile(path, facts));
  }

  deleteFile(path: string): Set<string> {
    if (!this.modelValue.files.has(path)) return new Set();
    return this.invalidate(path, this.modelValue.deleteFile(path));
  }

  /**
   * Drops what a change of `path` can affect: the resolution of each program it touched, and the
   * diagnostics of the file itself, of every file defining those programs, and of the SYSTEMKEY
   * files that register them (their LGX007 reads the program's declaration).
   */
  private invalidate(path: string, touchedPrograms: Set<string>): Set<string> {
    const affected = new Set<string>([path]);
    for (const program of touchedPrograms) {
      this.resolutions.delete(program);
      // The source and every other file defining the name: when a second file takes the program
      // over (path order), the first one's diagnostics change too.
      for (const file of this.modelValue.filesDefining(program)) affected.add(file);
      for (const registration of this.modelValue.registrations.get(program) ?? []) affected.add(registration.file);
    }
    for (const file of affected) this.diagnostics.delete(file);
    return affected;
  }

  /**
   * Sets the catalog file's text (undefined: no file, or one that cannot be read, `unreadable`
   * saying why) and the settings that override it. Every file's diagnostics may change; returns
   * them all.
   */
  setCatalog(path: string, text: string | undefined, overrides: CatalogOverrides = this.overrides, unreadable?: string): Set<string> {
    const affected = new Set([...this.modelValue.files.keys(), this.catalogPath, path]);
    this.catalogPath = path;
    this.catalogText = text;
    this.catalogUnreadable = unreadable;
    this.overrides = overrides;
    const parsed = text === undefined ? undefined : parseCatalogFile(path, text);
    const base = buildCatalog(parsed?.file);
    this.catalogValue = {
      ...base,
      ...(overrides.logixVersion ? { logixVersion: overrides.logixVersion } : {}),
      ...(overrides.devTest ? { devTest: true } : {}),
    };
    const start = { line: 0, character: 0 };
    this.catalogProblems = unreadable !== undefined
      ? catalogDiagnostics(path, [{ message: t`cannot read the catalog file: ${unreadable}`, range: { start, end: start } }])
      : parsed ? catalogDiagnostics(path, parsed.problems) : [];
    this.resolutions.clear();
    this.diagnostics.clear();
    return affected;
  }

  get catalogFile(): { path: string; text: string | undefined; unreadable?: string } {
    return { path: this.catalogPath, text: this.catalogText, ...(this.catalogUnreadable !== undefined ? { unreadable: this.catalogUnreadable } : {}) };
  }
}
