/**
 * R12: programs that consume no license at all, with the Logix package from which each is free
 * (no version: always). TOTVS' Framework team maintains the list and it changes between packages,
 * so `logix-license.json` may add programs to it or remove them (`freePrograms`).
 */
import { compareVersions } from './versions.js';

const FREE_PROGRAMS: ReadonlyMap<string, string | undefined> = new Map([
  ['log00083', undefined],
  ['log00119', '12.1.2301'],
  ['log05050', undefined],
  ['log00086', '12.1.2209'],
  ['log00112', undefined],
  ['log00098', '12.1.2209'],
  ['log6000', undefined],
  ['log0290', undefined],
  ['logixspool', undefined],
  ['log00001', '12.1.2301'],
  ['configurator', '12.1.2301'],
  ['log00072', undefined],
  ['log00074', undefined],
  ['men1100', undefined],
  ['men3002', undefined],
  ['menulogix', undefined],
  ['log00111', undefined],
  ['log1700', undefined], // the former name of LOG00111, free like it (reading)
  ['log70001', undefined],
  ['log00094', undefined],
  ['job0001', undefined],
  ['job0002', undefined],
]);

export interface FreeProgram {
  /** The package from which the program is free; absent when it always is. */
  readonly since?: string;
  /** True when no Logix version is configured and `since` was assumed to be reached. */
  readonly assumed: boolean;
  /** True when the catalog file adds the program to the list. */
  readonly listedInCatalog?: boolean;
}

/** The catalog file's changes to the list (program names in lower case). */
export interface FreeProgramChanges {
  readonly add: ReadonlySet<string>;
  readonly remove: ReadonlySet<string>;
}

/**
 * Whether `program` is free under `logixVersion`. With no version configured we assume the
 * newest package, where every listed program is free, and say so (reading).
 */
export function freeProgram(program: string, logixVersion: string | undefined, changes?: FreeProgramChanges): FreeProgram | undefined {
  const name = program.toLowerCase();
  if (changes?.remove.has(name)) return undefined;
  if (changes?.add.has(name)) return { assumed: false, listedInCatalog: true };
  if (!FREE_PROGRAMS.has(name)) return undefined;
  const since = FREE_PROGRAMS.get(name);
  if (since === undefined) return { assumed: false };
  if (logixVersion === undefined) return { since, assumed: true };
  return compareVersions(logixVersion, since) >= 0 ? { since, assumed: false } : undefined;
}
