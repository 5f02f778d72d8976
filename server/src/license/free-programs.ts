/**
 * R12: programs that consume no license at all, with the Logix package from which each is free
 * (no version: always). The list is controlled by the Framework Logix team (seed 004 §02).
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
  ['log1700', undefined], // the former name of LOG00111
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
}

/**
 * Whether `program` is free under `logixVersion`. With no version configured we assume the
 * newest package, where every listed program is free, and say so (reading).
 */
export function freeProgram(program: string, logixVersion: string | undefined): FreeProgram | undefined {
  const name = program.toLowerCase();
  if (!FREE_PROGRAMS.has(name)) return undefined;
  const since = FREE_PROGRAMS.get(name);
  if (since === undefined) return { assumed: false };
  if (logixVersion === undefined) return { since, assumed: true };
  return compareVersions(logixVersion, since) >= 0 ? { since, assumed: false } : undefined;
}
