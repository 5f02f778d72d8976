/**
 * What stands at a position of a file, in license terms: a key inside a declaration or
 * registration, a program inside a SYSTEMKEY list, a license call's name, or a unit's name.
 * Pure: facts and a position in, a description out. Hover, quick fixes, references and
 * definition start here (completion reads the text around the cursor instead).
 */
import type { FileFacts, LicenseCall, LiteralArgument, ListItem, ProgramUnit } from './facts.js';
import { rangeContains, type Position } from './positions.js';

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
