/**
 * Near catalog keys for a key that is not in the catalog (LGX001 and its quick fixes): the
 * closest by edit distance, keys of the program's own area first among equals.
 */
import type { Catalog } from './catalog.js';

/** Suggestions per catalog, by area and key: a file listing one unknown key 100,000 times asks once. */
const cache = new WeakMap<Catalog, Map<string, string[]>>();

/** Longer than any key of a catalog: nothing near it, and the distance would cost its length squared. */
const LONGEST_KEY = 40;

export function nearKeys(catalog: Catalog, key: string, ownArea: string | undefined, limit = 3): string[] {
  let byKey = cache.get(catalog);
  if (!byKey) cache.set(catalog, (byKey = new Map()));
  const id = `${ownArea ?? ''}\u0000${limit}\u0000${key}`;
  let found = byKey.get(id);
  if (!found) byKey.set(id, (found = computeNearKeys(catalog, key, ownArea, limit)));
  return [...found];
}

function computeNearKeys(catalog: Catalog, key: string, ownArea: string | undefined, limit: number): string[] {
  const wanted = key.trim().toUpperCase();
  if (wanted.length > LONGEST_KEY) return [];
  const threshold = Math.max(2, Math.ceil(wanted.length / 2));
  const candidates: { key: string; distance: number; ownArea: boolean }[] = [];
  for (const entry of catalog.keys.values()) {
    const distance = editDistance(wanted, entry.key);
    const samePrefix = wanted.length >= 3 && entry.key.startsWith(wanted.slice(0, 3));
    if (distance <= threshold || samePrefix) {
      candidates.push({ key: entry.key, distance, ownArea: ownArea !== undefined && entry.area === ownArea });
    }
  }
  candidates.sort((a, b) =>
    a.distance - b.distance || Number(b.ownArea) - Number(a.ownArea) || (a.key < b.key ? -1 : 1));
  return candidates.slice(0, limit).map((candidate) => candidate.key);
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
