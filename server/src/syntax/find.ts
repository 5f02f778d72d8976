/**
 * What stands at a position of a file, in license terms: a key inside a declaration or
 * registration, a program inside a SYSTEMKEY list, a license call's name, or a unit's name.
 * Pure: facts (or text) and a position in, a description out. Hover, quick fixes, references,
 * definition and completion start here; the lsp/ modules hold no syntax knowledge of their own.
 */
import type { FileFacts, LicenseCall, LiteralArgument, ListItem, ProgramUnit } from './facts.js';
import { LineMap, rangeContains, type Position, type Range } from './positions.js';

export type FoundAt =
  | { readonly kind: 'key'; readonly call: LicenseCall; readonly argument: LiteralArgument; readonly item: ListItem; readonly itemIndex: number }
  | { readonly kind: 'program'; readonly call: LicenseCall; readonly argument: LiteralArgument; readonly item: ListItem; readonly itemIndex: number }
  | { readonly kind: 'call'; readonly call: LicenseCall }
  | { readonly kind: 'unit'; readonly unit: ProgramUnit; readonly unitIndex: number };

export function findAt(facts: FileFacts, position: Position): FoundAt | undefined {
  for (const call of facts.licenseCalls) {
    if (!rangeContains(call.range, position)) continue;
    if (rangeContains(call.nameRange, position)) return { kind: 'call', call };
    const [first, second] = call.args;
    if (first?.kind === 'literal' && rangeContains(first.range, position)) {
      const itemIndex = itemIndexAt(first, position);
      if (itemIndex !== -1) return { kind: 'key', call, argument: first, item: first.items[itemIndex]!, itemIndex };
    }
    // Only a SYSTEMKEY call's second argument lists programs (R3); log001's is not a key list (R2).
    if (call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList' && second?.kind === 'literal' && rangeContains(second.range, position)) {
      const itemIndex = itemIndexAt(second, position);
      if (itemIndex !== -1) return { kind: 'program', call, argument: second, item: second.items[itemIndex]!, itemIndex };
    }
    return { kind: 'call', call };
  }
  const unitIndex = facts.units.findIndex((unit) => rangeContains(unit.nameRange, position));
  return unitIndex === -1 ? undefined : { kind: 'unit', unit: facts.units[unitIndex]!, unitIndex };
}

/** The list element under the position; between two elements, the one the cursor touches. */
function itemIndexAt(argument: LiteralArgument, position: Position): number {
  return argument.items.findIndex((item) => rangeContains(item.range, position));
}

/** The list being typed in: a declaration's or registration's keys, or a SYSTEMKEY program list. */
export interface ListAt {
  readonly kind: 'keys' | 'programs';
  readonly call: LicenseCall;
  readonly argument: LiteralArgument;
  /** What a completion replaces: the element under the cursor (without its leading spaces). */
  readonly replaceRange: Range;
}

/** The literal list whose quotes hold the position (not on an opening quote's outer side). */
export function listAt(facts: FileFacts, position: Position): ListAt | undefined {
  for (const call of facts.licenseCalls) {
    const [keys, programs] = call.args;
    if (keys?.kind === 'literal' && insideString(keys, position)) {
      return { kind: 'keys', call, argument: keys, replaceRange: replaceRange(keys, position) };
    }
    if (call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList' && programs?.kind === 'literal' && insideString(programs, position)) {
      return { kind: 'programs', call, argument: programs, replaceRange: replaceRange(programs, position) };
    }
  }
  return undefined;
}

function insideString(argument: LiteralArgument, position: Position): boolean {
  return argument.pieces.some((piece) =>
    rangeContains(piece, position) &&
    !(position.line === piece.start.line && position.character === piece.start.character));
}

function replaceRange(argument: LiteralArgument, position: Position): Range {
  const item = argument.items.find((candidate) => rangeContains(candidate.range, position));
  if (!item) return { start: position, end: position };
  const leading = item.text.length - item.text.trimStart().length;
  const start = item.range.start.line === item.range.end.line
    ? { line: item.range.start.line, character: item.range.start.character + leading }
    : item.range.start;
  return { start, end: item.range.end };
}

/** The identifier under the cursor when a `(` follows it: a call of a function (lower case). */
export function calledFunctionAt(text: string, position: Position): string | undefined {
  const offset = new LineMap(text).offsetAt(position);
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) start -= 1;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end += 1;
  if (start === end || !/^[A-Za-z_]/.test(text[start]!)) return undefined;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after += 1;
  return text[after] === '(' ? text.slice(start, end).toLowerCase() : undefined;
}
