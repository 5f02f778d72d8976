/**
 * Near catalog keys for a key that is not in the catalog (LGX001 and its quick fixes): the
 * closest by edit distance, keys of the program's own area first among equals.
 */
import type { Catalog } from './catalog.js';

export function nearKeys(catalog: Catalog, key: string, ownArea: string | undefined, limit = 3): string[] {
  const wanted = key.trim().toUpperCase();
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
