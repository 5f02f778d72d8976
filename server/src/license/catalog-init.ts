/**
 * The start of a `logix-license.json` (`logix-license init`, and the editor's *Create
 * logix-license.json*): every key the environment's programs use, each with the number of programs
 * using it, most used first; the areas whose prefixes its programs have; `"complete": false`.
 *
 * One environment only (the caller passes the root environment's model): a nested environment has
 * a `logix-license.json` of its own already. Pure: model and catalog in, text out.
 */
import { keyStatus, type Catalog } from './catalog.js';
import { allSources, declaredKeys, type LicenseModel } from './model.js';
import { editDistance } from './suggest.js';

export interface KeyUse {
  readonly key: string;
  /** Distinct programs (by name) declaring the key or registered under it. */
  readonly programs: number;
}

/** A key name the catalog file accepts (its schema's pattern). */
const WELL_FORMED_KEY = /^[A-Z0-9_]+$/;

/**
 * Every key used in the model, by LOG_initApp / log001_acessa_usuario (R1, R2: the declaration's
 * first argument) or by a SYSTEMKEY registration (R3), with the number of distinct programs using
 * it: most used first, then by name. Keys that are not literals, or not well-formed names (LGX014
 * reports those), are left out.
 */
export function keyUses(model: LicenseModel): KeyUse[] {
  const programsByKey = new Map<string, Set<string>>();
  const use = (key: string, program: string) => {
    if (!WELL_FORMED_KEY.test(key)) return;
    let programs = programsByKey.get(key);
    if (!programs) programsByKey.set(key, (programs = new Set()));
    programs.add(program);
  };
  for (const source of allSources(model)) {
    for (const key of declaredKeys(source.declaration) ?? []) use(key, source.name);
  }
  for (const [program, registrations] of model.registrations) {
    for (const registration of registrations) if (registration.key !== undefined) use(registration.key, program);
  }
  return [...programsByKey]
    .map(([key, programs]) => ({ key, programs: programs.size }))
    .sort((a, b) => b.programs - a.programs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The keys used (as `keyUses` orders them) that `catalog` does not hold: unverified, assumed to exist. */
export function unknownKeyUses(model: LicenseModel, catalog: Catalog): KeyUse[] {
  return keyUses(model).filter((use) => keyStatus(catalog, use.key) === 'unverified');
}

/**
 * The text of a new `logix-license.json` (2-space indent, trailing newline) for an environment
 * whose programs are `model`, `builtIn` being the built-in catalog:
 * - `keys`: every key used, `"slot": null` unless the built-in catalog knows its slot (kept then),
 *   its area when the built-in catalog knows it, and a description saying how many programs use it;
 * - `areas`: the built-in areas whose prefixes the programs have, with their default keys;
 * - `"complete": false`, until every slot is filled in;
 * - a `$comment` saying what to do next, and the program prefixes no area has.
 *
 * The file's texts (`$comment`, descriptions) stay in English whatever the user's language: the
 * file is the environment's, committed and shared by a team, its property names are English, and
 * the same tree must give the same file whoever runs `init`.
 */
export function proposeCatalog(model: LicenseModel, builtIn: Catalog): string {
  const allUses = keyUses(model);
  // A key the built-in catalog names invalid (SUPRIMEN) stays invalid: listed under invalidKeys,
  // never as a key the installation has.
  const invalid = allUses.filter((use) => keyStatus(builtIn, use.key) === 'invalid').map((use) => use.key);
  const uses = allUses.filter((use) => !invalid.includes(use.key));
  const keys: [string, Entries][] = uses.map(({ key, programs }) => {
    const known = builtIn.keys.get(key);
    const typo = known ? undefined : likelyTypoOf(key, programs, uses, builtIn);
    const used = `used by ${programs} program${programs === 1 ? '' : 's'}${typo ? `; close to ${typo}: a typo?` : ''}`;
    return [key, [
      ['slot', typeof known?.slot === 'number' ? known.slot : null],
      ...(known?.area ? [['area', known.area] as Entry] : []),
      ['description', known?.description ? `${known.description} — ${used}` : used],
    ]];
  });

  // Programs by prefix: which areas the environment has, and which prefixes no area claims.
  const programsByPrefix = new Map<string, number>();
  for (const name of model.programs.keys()) {
    const prefix = name.slice(0, 3).toUpperCase();
    programsByPrefix.set(prefix, (programsByPrefix.get(prefix) ?? 0) + 1);
  }
  const areas: [string, Entries][] = [];
  const claimed = new Set<string>();
  for (const area of [...builtIn.areas.values()].sort((a, b) => (a.area < b.area ? -1 : 1))) {
    const prefixes = area.prefixes.map((prefix) => prefix.toUpperCase());
    if (!prefixes.some((prefix) => programsByPrefix.has(prefix))) continue;
    for (const prefix of prefixes) claimed.add(prefix);
    areas.push([area.area, [['prefixes', { list: prefixes }], ...(area.defaultKey ? [['defaultKey', area.defaultKey] as Entry] : [])]]);
  }
  const unclaimed = [...programsByPrefix]
    .filter(([prefix]) => !claimed.has(prefix))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([prefix, count]) => `${prefix} (${count} program${count === 1 ? '' : 's'})`);

  const comment = 'Started from the keys the programs of this folder use. Fill in each "slot" (program MEN0040, menu registry LOG00112); ' +
    'move a key your installation does not have (a typo) from "keys" to "invalidKeys", so that its uses are reported (LGX001); ' +
    'set "complete" to true when every key of the installation is here.' +
    (unclaimed.length > 0 ? ` Program prefixes in no area yet: ${unclaimed.join(', ')}; add each to the "prefixes" of its area.` : '');
  return render([
    ['$comment', comment],
    ['complete', false],
    ['keys', keys],
    ...(invalid.length > 0 ? [['invalidKeys', { list: invalid }] as [string, Value]] : []),
    ['areas', areas],
  ], '') + '\n';
}

/**
 * A key that is probably a misspelling: within two edits of a built-in key or of a key more
 * programs use (`MANEGN` beside `MANENG`). Listed all the same; its description asks.
 */
function likelyTypoOf(key: string, programs: number, uses: readonly KeyUse[], builtIn: Catalog): string | undefined {
  const candidates = [
    ...uses.filter((use) => use.programs > programs).map((use) => use.key),
    ...[...builtIn.keys.keys()],
  ];
  let best: { key: string; distance: number } | undefined;
  for (const candidate of new Set(candidates)) {
    if (candidate === key) continue;
    const distance = editDistance(key, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

// ---- ordered JSON ------------------------------------------------------------------------------
// Laid out as JSON.stringify(…, null, 2) does, but written by hand: an object would move a key
// such as "1234" to its front, and the keys' order (most used first) is the point.

type Value = string | number | boolean | null | { readonly list: readonly string[] } | Entries;
type Entry = readonly [string, Value];
type Entries = readonly Entry[];

function render(entries: Entries, indent: string): string {
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${entries.map(([name, value]) => `${inner}${JSON.stringify(name)}: ${renderValue(value, inner)}`).join(',\n')}\n${indent}}`;
}

function renderValue(value: Value, indent: string): string {
  if (Array.isArray(value)) return render(value as Entries, indent);
  if (value !== null && typeof value === 'object' && 'list' in value) {
    if (value.list.length === 0) return '[]';
    return `[\n${value.list.map((item) => `${indent}  ${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value);
}
