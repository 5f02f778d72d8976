/**
 * Program units packed into one Int32Array per file. A unit as objects (the unit, three ranges,
 * six positions) costs about 700 bytes; packed, 60 bytes and its name. The index keeps closed
 * files' units packed and unpacks them only when a request reads them (workspace symbols,
 * definitions); workers send them packed, as transferable buffers, not as cloned objects.
 * A file's unit names are one string, joined by newlines (names are words, never holding one):
 * 20,000 files have 600,000 units, and one string per file instead of one per unit saves tens of
 * megabytes and the time to create them.
 */
import type { FileFacts, ProgramUnit, UnitKind } from './facts.js';
import type { Range } from './positions.js';

export interface PackedUnits {
  readonly ints: Int32Array;
  /** The units' names joined by `\n`, in unit order. */
  readonly names: string;
}

/** How many units a packed form holds. */
export function packedCount(packed: PackedUnits): number {
  return packed.ints.length / PACKED_UNIT_INTS;
}

const KINDS: readonly UnitKind[] = ['main', 'function', 'report', 'globals'];
const PRIVATE = 1;
const CLOSED = 2;
const HAS_FIRST_STATEMENT = 4;
/** Numbers per unit: kind, flags, then nameRange, range and firstStatement as four numbers each. */
export const PACKED_UNIT_INTS = 14;

/** The packed form behind facts made by `withPackedUnits`, so that saving them needs no repacking. */
const packedOf = new WeakMap<FileFacts, PackedUnits>();

export function packUnits(units: readonly ProgramUnit[]): PackedUnits {
  const ints = new Int32Array(units.length * PACKED_UNIT_INTS);
  units.forEach((unit, index) => {
    const base = index * PACKED_UNIT_INTS;
    ints[base] = KINDS.indexOf(unit.kind);
    ints[base + 1] = (unit.isPrivate ? PRIVATE : 0) | (unit.closed ? CLOSED : 0) | (unit.firstStatement ? HAS_FIRST_STATEMENT : 0);
    writeRange(ints, base + 2, unit.nameRange);
    writeRange(ints, base + 6, unit.range);
    if (unit.firstStatement) writeRange(ints, base + 10, unit.firstStatement);
  });
  // A copy: a name sliced from the file's text would keep the whole text alive.
  return { ints, names: copyString(units.map((unit) => unit.name).join('\n')) };
}

export function unpackUnits(packed: PackedUnits): ProgramUnit[] {
  const units: ProgramUnit[] = [];
  const { ints } = packed;
  const count = packedCount(packed);
  const names = count === 0 ? [] : packed.names.split('\n');
  for (let index = 0; index < count; index++) {
    const base = index * PACKED_UNIT_INTS;
    const flags = ints[base + 1]!;
    units.push({
      kind: KINDS[ints[base]!]!,
      name: names[index]!,
      nameRange: readRange(ints, base + 2),
      range: readRange(ints, base + 6),
      isPrivate: (flags & PRIVATE) !== 0,
      closed: (flags & CLOSED) !== 0,
      ...((flags & HAS_FIRST_STATEMENT) !== 0 ? { firstStatement: readRange(ints, base + 10) } : {}),
    });
  }
  return units;
}

/** Facts whose units are unpacked on each read (the caller keeps what it needs). */
export function withPackedUnits(facts: Omit<FileFacts, 'units'>, packed: PackedUnits): FileFacts {
  // Only these: `facts` may still hold the unpacked units, which compacting is meant to drop.
  const other: OtherFacts = { licenseCalls: facts.licenseCalls, globalsReferences: facts.globalsReferences, problems: facts.problems };
  return withLazyFacts(facts.lineCount, packed, () => other);
}

/** The facts of a file other than its units and line count. */
export type OtherFacts = Pick<FileFacts, 'licenseCalls' | 'globalsReferences' | 'problems'>;

/**
 * Facts with packed units whose other parts are read on first use (the persisted index keeps them
 * serialised until a request or a diagnostic needs them).
 */
export function withLazyFacts(lineCount: number, packed: PackedUnits, read: () => OtherFacts): FileFacts {
  let other: OtherFacts | undefined;
  const get = (): OtherFacts => (other ??= read());
  const facts: FileFacts = {
    get units() {
      return unpackUnits(packed);
    },
    get licenseCalls() {
      return get().licenseCalls;
    },
    get globalsReferences() {
      return get().globalsReferences;
    },
    get problems() {
      return get().problems;
    },
    lineCount,
  };
  packedOf.set(facts, packed);
  return facts;
}

/**
 * The index of the first unit of `kind` (named `name`, compared without case, when given), reading
 * packed units in place: finding a file's main unit must not unpack all of its units.
 */
export function findUnitIndex(facts: FileFacts, kind: UnitKind, name?: string): number {
  const wantedName = name?.toLowerCase();
  const packed = packedOf.get(facts);
  if (!packed) return facts.units.findIndex((unit) => unit.kind === kind && (wantedName === undefined || unit.name.toLowerCase() === wantedName));
  const wanted = KINDS.indexOf(kind);
  const { names } = packed;
  // Walks the joined names by offset: no name is created unless its kind and length match.
  for (let index = 0, start = 0; index < packedCount(packed); index++) {
    const newline = names.indexOf('\n', start);
    const end = newline === -1 ? names.length : newline;
    if (packed.ints[index * PACKED_UNIT_INTS] === wanted &&
      (wantedName === undefined || (end - start === wantedName.length && names.slice(start, end).toLowerCase() === wantedName))) {
      return index;
    }
    start = end + 1;
  }
  return -1;
}

/** One unit of any facts, unpacking only that one. */
export function unitAt(facts: FileFacts, index: number): ProgramUnit | undefined {
  const packed = packedOf.get(facts);
  if (!packed) return facts.units[index];
  if (index < 0 || index >= packedCount(packed)) return undefined;
  let start = 0;
  for (let skipped = 0; skipped < index; skipped++) start = packed.names.indexOf('\n', start) + 1;
  const end = packed.names.indexOf('\n', start);
  const name = packed.names.slice(start, end === -1 ? undefined : end);
  return unpackUnits({ ints: packed.ints.subarray(index * PACKED_UNIT_INTS, (index + 1) * PACKED_UNIT_INTS), names: name })[0];
}

/** The units of any facts in packed form. */
export function packedUnitsOf(facts: FileFacts): PackedUnits {
  return packedOf.get(facts) ?? packUnits(facts.units);
}

/** Facts made compact for keeping: packed units. */
export function compactFacts(facts: FileFacts): FileFacts {
  return withPackedUnits(facts, packUnits(facts.units));
}

function writeRange(ints: Int32Array, at: number, range: Range): void {
  ints[at] = range.start.line;
  ints[at + 1] = range.start.character;
  ints[at + 2] = range.end.line;
  ints[at + 3] = range.end.character;
}

function readRange(ints: Int32Array, at: number): Range {
  return { start: { line: ints[at]!, character: ints[at + 1]! }, end: { line: ints[at + 2]!, character: ints[at + 3]! } };
}

/** A flat copy of a (possibly sliced) string. */
function copyString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
