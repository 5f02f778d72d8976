/**
 * The license view of a workspace: which files are programs (with their key declaration) and
 * which SYSTEMKEY files register which programs under which keys. Derived from per-file facts
 * only; rebuilt cheaply, so the index never has to keep it in sync by hand.
 */
import type { FileFacts, LicenseCall, ListItem, ProgramUnit } from '../syntax/facts.js';
import type { Range } from '../syntax/positions.js';
import { normalizeKey } from './catalog.js';

/** One source file of the workspace, by its path relative to the workspace root (`/` separated). */
export interface SourceFile {
  readonly path: string;
  readonly facts: FileFacts;
}

export interface ProgramSource {
  /** Lower case, from the file name (SPEC §1: names compare case-insensitively). */
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
  /** Range of the area part of the file name is not in the text: diagnostics use line 0. */
  readonly calls: readonly LicenseCall[];
}

export interface LicenseModel {
  readonly programs: ReadonlyMap<string, ProgramSource>;
  /** Registrations by program name (lower case), in file order within each file. */
  readonly registrations: ReadonlyMap<string, readonly Registration[]>;
  readonly systemKeyFiles: readonly SystemKeyFile[];
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

export function buildModel(files: Iterable<SourceFile>): LicenseModel {
  const programs = new Map<string, ProgramSource>();
  const registrations = new Map<string, Registration[]>();
  const systemKeyFiles: SystemKeyFile[] = [];
  const facts = new Map<string, FileFacts>();

  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    facts.set(file.path, file.facts);
    const area = systemKeyArea(file.path);
    if (area) {
      const calls = file.facts.licenseCalls.filter((call) => call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList');
      systemKeyFiles.push({ area, file: file.path, calls });
      for (const registration of registrationsOf(area, file.path, calls)) {
        const list = registrations.get(registration.program) ?? [];
        list.push(registration);
        registrations.set(registration.program, list);
      }
      continue;
    }
    const program = programOf(file);
    // Two files defining one program (in two folders): the first in path order wins, like a
    // repository build that compiles one of them; the other is still indexed as a plain file.
    if (program && !programs.has(program.name)) programs.set(program.name, program);
  }
  return { programs, registrations, systemKeyFiles, files: facts };
}

/**
 * A program is a file with `MAIN`, or with a `FUNCTION` named like the file (LGX003's wording).
 * Its declaration is the first LOG_initApp / log001_acessa_usuario of its main unit, or of the
 * file when the main unit has none (some programs call it from a helper function).
 */
export function programOf(file: SourceFile): ProgramSource | undefined {
  const name = programNameOf(file.path);
  const units = file.facts.units;
  let mainUnitIndex = units.findIndex((unit) => unit.kind === 'main');
  if (mainUnitIndex === -1) {
    mainUnitIndex = units.findIndex((unit) => unit.kind === 'function' && unit.name.toLowerCase() === name);
  }
  if (mainUnitIndex === -1) return undefined;
  const mainUnit = units[mainUnitIndex]!;
  const declarations = file.facts.licenseCalls.filter((call) => call.function !== '_ADVPL_SYSTEMKEY_setAppLicenseList');
  const declaration = declarations.find((call) => call.unitIndex === mainUnitIndex) ?? declarations[0];
  return {
    name,
    displayName: mainUnit.kind === 'main' ? fileName(file.path).replace(/\.4gl$/i, '') : mainUnit.name,
    file: file.path,
    mainUnit,
    mainUnitIndex,
    ...(declaration ? { declaration } : {}),
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
      const program = programItem.text.trim().toLowerCase();
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

export function lineOf(range: Range): number {
  return range.start.line + 1;
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
