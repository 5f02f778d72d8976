/**
 * The license view of a workspace: which files are programs (with their key declaration) and
 * which SYSTEMKEY files register which programs under which keys. Derived from per-file facts
 * only, and updated file by file (WorkspaceModel) so that a change costs what it touches.
 */
import type { FileFacts, LicenseCall, ListItem, ProgramUnit } from '../syntax/facts.js';
import { normalizeKey } from './catalog.js';
import { findUnitIndex, unitAt } from '../syntax/packed-units.js';

/** One source file of the workspace, by its path relative to the workspace root (`/` separated). */
export interface SourceFile {
  readonly path: string;
  readonly facts: FileFacts;
}

export interface ProgramSource {
  /** Lower case, from the file name (names compare case-insensitively). */
  readonly name: string;
  /** As written in the source: the main function's name, or the file name for a MAIN program. */
  readonly displayName: string;
  readonly file: string;
  readonly mainUnit: ProgramUnit;
  readonly mainUnitIndex: number;
  /** The LOG_initApp (R1) or log001_acessa_usuario (R2) call that declares the keys, if any. */
  readonly declaration?: LicenseCall;
}

export interface Registration {
  /** Area of the SYSTEMKEY file (upper case, from its name: R3). */
  readonly area: string;
  readonly file: string;
  readonly call: LicenseCall;
  /** The key (normalised), or undefined when the key argument is not a literal. */
  readonly key?: string;
  readonly keyItem?: ListItem;
  /** The program (lower case) and where it is written in the list. */
  readonly program: string;
  readonly programItem: ListItem;
}

export interface SystemKeyFile {
  readonly area: string;
  readonly file: string;
  readonly calls: readonly LicenseCall[];
  /** This file's registrations, by program (lower case), in call order. */
  readonly registrations: ReadonlyMap<string, readonly Registration[]>;
}

export interface LicenseModel {
  /** Each program name's source: the first file in path order that defines it. */
  readonly programs: ReadonlyMap<string, ProgramSource>;
  /**
   * Every file defining the name, in path order. More than one is a defect of the environment
   * (the AppServer runs one object per name, LGX017); each is still resolved from its own
   * declaration.
   */
  sourcesOf(name: string): readonly ProgramSource[];
  /** The program `file` defines, whether or not it is the name's first source. */
  programIn(file: string): ProgramSource | undefined;
  /** Registrations by program name (lower case): files in path order, calls in file order. */
  readonly registrations: ReadonlyMap<string, readonly Registration[]>;
  readonly systemKeyFiles: ReadonlyMap<string, SystemKeyFile>;
  readonly files: ReadonlyMap<string, FileFacts>;
}

const SYSTEMKEY_FILE = /^systemkey_([a-z0-9]+)\.4gl$/i;

/** The area named by a `SYSTEMKEY_<area>.4gl` file name (case-insensitive), if it is one. */
export function systemKeyArea(path: string): string | undefined {
  const match = SYSTEMKEY_FILE.exec(fileName(path));
  return match ? match[1]!.toUpperCase() : undefined;
}

/** The program a file would define, by its name: `man10021.4gl` → `man10021`. */
export function programNameOf(path: string): string {
  return fileName(path).replace(/\.4gl$/i, '').toLowerCase();
}

/** A program as written in a SYSTEMKEY list, as programs are compared (case-insensitive). */
export function normalizeProgram(text: string): string {
  return text.trim().toLowerCase();
}

/** The program `file` defines, if any (another file of the same name may define it too: LGX017). */
export function programDefinedIn(model: LicenseModel, file: string): ProgramSource | undefined {
  return model.programIn(file);
}

/** Every program source of a model, one per defining file, in name then path order. */
export function allSources(model: LicenseModel): ProgramSource[] {
  return [...model.programs.keys()].flatMap((name) => model.sourcesOf(name));
}

export function buildModel(files: Iterable<SourceFile>): WorkspaceModel {
  const model = new WorkspaceModel();
  for (const file of files) model.setFile(file.path, file.facts);
  return model;
}

/**
 * The license model kept up to date file by file: a change costs in proportion to what the file
 * declares or registers, not to the size of the workspace. `setFile` and `deleteFile` return the
 * programs whose resolution the change may alter (R4–R8 read the program's own declaration and
 * every registration of it).
 */
export class WorkspaceModel implements LicenseModel {
  private readonly filesValue = new Map<string, FileFacts>();
  private readonly programsValue = new Map<string, ProgramSource>();
  private readonly registrationsValue = new Map<string, Registration[]>();
  private readonly systemKeyFilesValue = new Map<string, SystemKeyFile>();
  /** Every file defining each program name; the first in path order is the program's source. */
  private readonly programCandidates = new Map<string, Map<string, ProgramSource>>();

  get files(): ReadonlyMap<string, FileFacts> {
    return this.filesValue;
  }

  /** Every file defining a program name, its source and any other (the others' checks read it too). */
  filesDefining(program: string): Iterable<string> {
    return this.programCandidates.get(program)?.keys() ?? [];
  }

  sourcesOf(name: string): readonly ProgramSource[] {
    const candidates = this.programCandidates.get(name);
    if (!candidates) return [];
    return [...candidates.keys()].sort(comparePaths).map((file) => candidates.get(file)!);
  }

  programIn(file: string): ProgramSource | undefined {
    return this.programCandidates.get(programNameOf(file))?.get(file);
  }

  get programs(): ReadonlyMap<string, ProgramSource> {
    return this.programsValue;
  }

  get registrations(): ReadonlyMap<string, readonly Registration[]> {
    return this.registrationsValue;
  }

  get systemKeyFiles(): ReadonlyMap<string, SystemKeyFile> {
    return this.systemKeyFilesValue;
  }

  setFile(path: string, facts: FileFacts): Set<string> {
    const touched = this.deleteFile(path);
    this.filesValue.set(path, facts);
    const area = systemKeyArea(path);
    if (area) {
      const calls = facts.licenseCalls.filter((call) => call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList');
      const byProgram = new Map<string, Registration[]>();
      for (const registration of registrationsOf(area, path, calls)) {
        // Pushed, not copied: a program listed 100,000 times in one file was quadratic.
        const list = byProgram.get(registration.program);
        if (list) list.push(registration);
        else byProgram.set(registration.program, [registration]);
      }
      this.systemKeyFilesValue.set(path, { area, file: path, calls, registrations: byProgram });
      for (const program of byProgram.keys()) {
        this.refreshRegistrations(program);
        touched.add(program);
      }
      return touched;
    }
    const program = programOf({ path, facts });
    if (program) {
      const candidates = this.programCandidates.get(program.name) ?? new Map<string, ProgramSource>();
      candidates.set(path, program);
      this.programCandidates.set(program.name, candidates);
      this.refreshProgram(program.name);
      touched.add(program.name);
    }
    return touched;
  }

  /** Takes a file's contributions out; returns the programs they concerned. */
  deleteFile(path: string): Set<string> {
    const touched = new Set<string>();
    if (!this.filesValue.delete(path)) return touched;
    const systemKeyFile = this.systemKeyFilesValue.get(path);
    if (systemKeyFile) {
      this.systemKeyFilesValue.delete(path);
      for (const program of systemKeyFile.registrations.keys()) {
        this.refreshRegistrations(program);
        touched.add(program);
      }
      return touched;
    }
    const name = programNameOf(path);
    const candidates = this.programCandidates.get(name);
    if (candidates?.delete(path)) {
      if (candidates.size === 0) this.programCandidates.delete(name);
      this.refreshProgram(name);
      touched.add(name);
    }
    return touched;
  }

  /**
   * Two files defining one program: the first in path order is the name's source for lookups by
   * name (a SYSTEMKEY list, `explain` without a file); each file is still resolved from its own
   * declaration (reading: the AppServer runs one object per name, so the duplicate is reported).
   */
  private refreshProgram(name: string): void {
    const candidates = this.programCandidates.get(name);
    if (!candidates || candidates.size === 0) {
      this.programsValue.delete(name);
      return;
    }
    const first = [...candidates.keys()].sort(comparePaths)[0]!;
    this.programsValue.set(name, candidates.get(first)!);
  }

  /** A program's registrations over all SYSTEMKEY files, files in path order (reading, for two files of one area). */
  private refreshRegistrations(program: string): void {
    const files = [...this.systemKeyFilesValue.values()].filter((file) => file.registrations.has(program)).sort((a, b) => comparePaths(a.file, b.file));
    if (files.length === 0) this.registrationsValue.delete(program);
    else this.registrationsValue.set(program, files.flatMap((file) => file.registrations.get(program)!));
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A program is a file with `MAIN`, or with a `FUNCTION` named like the file (LGX003's wording).
 * Its declaration is the first LOG_initApp / log001_acessa_usuario of its main unit, or of the
 * file when the main unit has none (some programs call it from a helper function).
 */
function programOf(file: SourceFile): ProgramSource | undefined {
  const name = programNameOf(file.path);
  let mainUnitIndex = findUnitIndex(file.facts, 'main');
  if (mainUnitIndex === -1) mainUnitIndex = findUnitIndex(file.facts, 'function', name);
  if (mainUnitIndex === -1) return undefined;
  const mainUnit = unitAt(file.facts, mainUnitIndex)!;
  const { facts } = file;
  // Found on first use: indexing 20,000 files from the persisted index must not read every
  // file's calls (see facts-cache.ts).
  let declaration: LicenseCall | undefined | null = null;
  return {
    name,
    displayName: mainUnit.kind === 'main' ? fileName(file.path).replace(/\.4gl$/i, '') : mainUnit.name,
    file: file.path,
    mainUnit,
    mainUnitIndex,
    get declaration() {
      if (declaration === null) {
        const declarations = facts.licenseCalls.filter((call) => call.function !== '_ADVPL_SYSTEMKEY_setAppLicenseList');
        declaration = declarations.find((call) => call.unitIndex === mainUnitIndex) ?? declarations[0];
      }
      return declaration;
    },
  };
}

function registrationsOf(area: string, file: string, calls: readonly LicenseCall[]): Registration[] {
  const result: Registration[] = [];
  for (const call of calls) {
    const [keyArgument, programsArgument] = call.args;
    if (programsArgument?.kind !== 'literal') continue;
    const keyItem = keyArgument?.kind === 'literal' ? keyArgument.items[0] : undefined;
    const key = keyArgument?.kind === 'literal' ? normalizeKey(keyArgument.value) : undefined;
    for (const programItem of programsArgument.items) {
      const program = normalizeProgram(programItem.text);
      if (program === '') continue;
      result.push({
        area, file, call, program, programItem,
        ...(key !== undefined ? { key } : {}),
        ...(keyItem ? { keyItem } : {}),
      });
    }
  }
  return result;
}

/** The keys of a declaration's first argument as written (trimmed, upper case, empties dropped). */
export function declaredKeys(call: LicenseCall | undefined): string[] | null {
  const argument = call?.args[0];
  if (!argument || argument.kind !== 'literal') return null;
  return argument.items.map((item) => normalizeKey(item.text)).filter((key) => key !== '');
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
