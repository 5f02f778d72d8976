/**
 * The in-memory index of one workspace folder: the facts of every `.4gl` file (from disk, or from
 * the editor when the file is open), the folder's catalog, and the license model, resolutions and
 * diagnostics derived from them. No IO here: the language server feeds it.
 *
 * Derived values are rebuilt lazily after a change. A change reports which files' diagnostics it
 * can affect, so that the server refreshes exactly those (a SYSTEMKEY edit → the programs it
 * registers, before and after the edit; a program edit → the SYSTEMKEY files registering it).
 */
import { buildCatalog, CATALOG_FILE_NAME, parseCatalogFile, type Catalog } from '../license/catalog.js';
import { catalogDiagnostics, diagnoseWorkspace, type LicenseDiagnostic } from '../license/diagnostics.js';
import { buildModel, programNameOf, systemKeyArea, type LicenseModel } from '../license/model.js';
import { resolveAll, type Resolution } from '../license/resolve.js';
import type { FileFacts } from '../syntax/facts.js';

export interface CatalogOverrides {
  readonly logixVersion?: string;
  readonly devTest?: boolean;
}

interface Derived {
  readonly model: LicenseModel;
  readonly resolutions: ReadonlyMap<string, Resolution>;
  readonly diagnosticsByFile: ReadonlyMap<string, readonly LicenseDiagnostic[]>;
}

export class FolderIndex {
  private readonly facts = new Map<string, FileFacts>();
  private catalogValue: Catalog = buildCatalog(undefined);
  private catalogProblems: LicenseDiagnostic[] = [];
  private catalogPath = CATALOG_FILE_NAME;
  private catalogText: string | undefined;
  private overrides: CatalogOverrides = {};
  private derived: Derived | undefined;

  get catalog(): Catalog {
    return this.catalogValue;
  }

  get files(): ReadonlyMap<string, FileFacts> {
    return this.facts;
  }

  get model(): LicenseModel {
    return this.derive().model;
  }

  get resolutions(): ReadonlyMap<string, Resolution> {
    return this.derive().resolutions;
  }

  /** Every file that has diagnostics now (catalog file included). */
  get diagnosticsByFile(): ReadonlyMap<string, readonly LicenseDiagnostic[]> {
    return this.derive().diagnosticsByFile;
  }

  diagnosticsOf(path: string): readonly LicenseDiagnostic[] {
    return this.derive().diagnosticsByFile.get(path) ?? [];
  }

  /** Sets (or replaces) a file's facts; returns the files whose diagnostics may have changed. */
  setFile(path: string, facts: FileFacts): Set<string> {
    const before = this.dependents(path);
    this.facts.set(path, facts);
    this.derived = undefined;
    return union(before, this.dependents(path), [path]);
  }

  deleteFile(path: string): Set<string> {
    if (!this.facts.has(path)) return new Set();
    const before = this.dependents(path);
    this.facts.delete(path);
    this.derived = undefined;
    return union(before, this.dependents(path), [path]);
  }

  /**
   * Sets the catalog file's text (undefined: no file) and the settings that override it. Every
   * file's diagnostics may change; returns them all.
   */
  setCatalog(path: string, text: string | undefined, overrides: CatalogOverrides = this.overrides): Set<string> {
    const affected = new Set([...this.facts.keys(), this.catalogPath]);
    this.catalogPath = path;
    this.catalogText = text;
    this.overrides = overrides;
    const parsed = text === undefined ? undefined : parseCatalogFile(path, text);
    const base = buildCatalog(parsed?.file);
    this.catalogValue = {
      ...base,
      ...(overrides.logixVersion ? { logixVersion: overrides.logixVersion } : {}),
      ...(overrides.devTest !== undefined && overrides.devTest ? { devTest: true } : {}),
    };
    this.catalogProblems = parsed ? catalogDiagnostics(path, parsed.problems) : [];
    this.derived = undefined;
    affected.add(path);
    return affected;
  }

  get catalogFile(): { path: string; text: string | undefined } {
    return { path: this.catalogPath, text: this.catalogText };
  }

  /**
   * Files whose diagnostics depend on `path` in the current model: the file itself; for a
   * SYSTEMKEY file, the programs it registers; for a program, the SYSTEMKEY files registering it.
   */
  private dependents(path: string): Set<string> {
    const result = new Set<string>([path]);
    const model = this.derive().model;
    if (systemKeyArea(path)) {
      for (const [program, registrations] of model.registrations) {
        if (!registrations.some((registration) => registration.file === path)) continue;
        const source = model.programs.get(program);
        if (source) result.add(source.file);
      }
    } else {
      for (const registration of model.registrations.get(programNameOf(path)) ?? []) result.add(registration.file);
    }
    return result;
  }

  private derive(): Derived {
    if (this.derived) return this.derived;
    const model = buildModel([...this.facts].map(([path, facts]) => ({ path, facts })));
    const resolutions = resolveAll(model, this.catalogValue);
    const diagnosticsByFile = new Map<string, LicenseDiagnostic[]>();
    for (const diagnostic of [...this.catalogProblems, ...diagnoseWorkspace(model, this.catalogValue, resolutions)]) {
      const list = diagnosticsByFile.get(diagnostic.file) ?? [];
      list.push(diagnostic);
      diagnosticsByFile.set(diagnostic.file, list);
    }
    this.derived = { model, resolutions, diagnosticsByFile };
    return this.derived;
  }
}

function union(...sets: Iterable<string>[]): Set<string> {
  const result = new Set<string>();
  for (const set of sets) for (const item of set) result.add(item);
  return result;
}
