/**
 * One workspace folder (the CLI's DIR) as a set of environments. A folder holding a
 * `logix-license.json` is the root of an environment: its catalog, programs, SYSTEMKEY files and
 * menu apply only to the `.4gl` files below it that have no nearer root; the workspace folder
 * itself is the root environment, with the catalog the settings name (`logix.catalogPath`,
 * `--config`) or the built-in one. Environments never inherit from the one above: two customers'
 * installations in one repository never mix.
 *
 * Paths are relative to the workspace folder, `/`-separated. No IO: the server and the CLI read
 * the catalog files and feed their text here. Creating or deleting a nested catalog file
 * re-partitions the folder: the files below it move between environments.
 */
import { CATALOG_FILE_NAME } from '../license/catalog.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { FileFacts } from '../syntax/facts.js';
import { EnvironmentIndex, type CatalogOverrides } from './environment-index.js';

export class FolderIndex {
  /** By root; the root environment is `''`. */
  private readonly environments = new Map<string, EnvironmentIndex>();
  private readonly overrides: CatalogOverrides;

  /**
   * @param rootCatalogPath the root environment's catalog file, relative to the folder
   *   (`logix.catalogPath`); a file of that path never starts a nested environment.
   */
  constructor(private readonly rootCatalogPath = CATALOG_FILE_NAME, overrides: CatalogOverrides = {}) {
    this.overrides = overrides;
    this.environments.set('', new EnvironmentIndex('', rootCatalogPath));
  }

  /** The root environment first, then the others in path order. */
  get all(): EnvironmentIndex[] {
    return [...this.environments.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  }

  get root(): EnvironmentIndex {
    return this.environments.get('')!;
  }

  /** Whether `path` is a catalog file: the root's (per settings) or a nested `logix-license.json`. */
  isCatalogFile(path: string): boolean {
    return path === this.rootCatalogPath || fileName(path) === CATALOG_FILE_NAME;
  }

  /** The environment a file belongs to: the nearest root above it. */
  environmentOf(path: string): EnvironmentIndex {
    if (path === this.rootCatalogPath) return this.root;
    for (let folder = parentOf(path); folder !== ''; folder = parentOf(folder)) {
      const environment = this.environments.get(folder);
      if (environment) return environment;
    }
    return this.root;
  }

  /** The facts of a file, whichever environment holds it. */
  factsOf(path: string): FileFacts | undefined {
    return this.environmentOf(path).files.get(path);
  }

  /** Every file of every environment. */
  *files(): Generator<[string, FileFacts]> {
    for (const environment of this.environments.values()) yield* environment.files;
  }

  setFile(path: string, facts: FileFacts): Set<string> {
    return this.environmentOf(path).setFile(path, facts);
  }

  deleteFile(path: string): Set<string> {
    return this.environmentOf(path).deleteFile(path);
  }

  diagnosticsOf(path: string): readonly LicenseDiagnostic[] {
    return this.environmentOf(path).diagnosticsOf(path);
  }

  /**
   * A catalog file's text (undefined: it does not exist, or no longer; or it cannot be read, and
   * `unreadable` says why). The root's sets the root
   * environment's catalog; a nested one creates, updates or removes its environment, moving the
   * files below it. Returns every file whose diagnostics may have changed.
   */
  setCatalog(path: string, text: string | undefined, unreadable?: string): Set<string> {
    if (path === this.rootCatalogPath) return this.root.setCatalog(path, text, this.overrides, unreadable);
    const root = parentOf(path);
    // A top-level logix-license.json the settings did not choose is no environment's catalog: the
    // folder itself is the root environment, whose catalog the settings name.
    if (!this.isCatalogFile(path) || root === '') return new Set();
    const existing = this.environments.get(root);
    // An unreadable file still makes an environment (with the built-in catalog, LGX015 says why).
    if (text === undefined && unreadable === undefined) return existing ? this.removeEnvironment(existing) : new Set();
    if (existing) return existing.setCatalog(path, text, this.overrides, unreadable);
    const environment = new EnvironmentIndex(root, path);
    environment.resolutionLimit = this.resolutionLimit;
    environment.setCatalog(path, text, this.overrides, unreadable);
    const parent = this.environmentOf(path);
    this.environments.set(root, environment);
    const affected = new Set<string>([path]);
    // The parent's files below the new root move; everything left in the parent may change too.
    for (const [file, facts] of [...parent.files]) {
      if (this.environmentOf(file) !== environment) continue;
      for (const touched of parent.deleteFile(file)) affected.add(touched);
      for (const touched of environment.setFile(file, facts)) affected.add(touched);
    }
    for (const file of parent.files.keys()) affected.add(file);
    return affected;
  }

  private removeEnvironment(environment: EnvironmentIndex): Set<string> {
    const affected = new Set<string>([environment.catalogFile.path]);
    this.environments.delete(environment.root);
    const parent = this.environmentOf(environment.catalogFile.path);
    for (const [file, facts] of [...environment.files]) {
      affected.add(file);
      for (const touched of parent.setFile(file, facts)) affected.add(touched);
    }
    for (const file of parent.files.keys()) affected.add(file);
    return affected;
  }

  /** What every environment's diagnostics depend on besides the facts (see EnvironmentIndex). */
  get fingerprint(): string {
    return JSON.stringify(this.all.map((environment) => environment.fingerprint));
  }

  /** Bounds every environment's cache of resolutions, those to come included (EnvironmentIndex.resolutionLimit). */
  limitResolutions(programs: number): void {
    this.resolutionLimit = programs;
    for (const environment of this.environments.values()) environment.resolutionLimit = programs;
  }

  private resolutionLimit = Infinity;

  seedDiagnostics(byFile: ReadonlyMap<string, readonly LicenseDiagnostic[]>): void {
    for (const environment of this.environments.values()) environment.seedDiagnostics(byFile);
  }

  /** Every source file's non-empty diagnostics when all are known (see EnvironmentIndex). */
  completeDiagnostics(): [string, readonly LicenseDiagnostic[]][] | undefined {
    const result: [string, readonly LicenseDiagnostic[]][] = [];
    for (const environment of this.environments.values()) {
      const part = environment.completeDiagnostics();
      if (!part) return undefined;
      result.push(...part);
    }
    return result;
  }

  /** Every file with diagnostics now, catalog files included (costs a full pass once). */
  get diagnosticsByFile(): Map<string, readonly LicenseDiagnostic[]> {
    const result = new Map<string, readonly LicenseDiagnostic[]>();
    for (const environment of this.all) for (const [file, list] of environment.diagnosticsByFile) result.set(file, list);
    return result;
  }
}

/** `a/b/c.4gl` → `a/b`; `c.4gl` → `''`. */
function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
