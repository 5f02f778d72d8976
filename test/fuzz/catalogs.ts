/**
 * Hostile `logix-license.json` files as recipes: a JSON value shaped like a catalog whose parts
 * may have the wrong type, unknown properties, huge or odd numbers, thousands of entries, or a
 * value nested thousands of levels deep; written with some indentation, maybe a byte-order mark,
 * maybe damaged as text. Raw pieces JSON.stringify cannot write (`1e400`, a 5,000-level array,
 * 20,000 keys) are placeholders in the value, expanded by `catalogText`.
 */
import fc from 'fast-check';
import { KEYS, MUTATION, PROGRAMS, type Mutation } from './sources.js';

const MARK = '«raw»';

/** Placeholders for what JSON.stringify cannot write or what would be slow to generate. */
const raw = (text: string) => `${MARK}${text}${MARK}`;

export interface CatalogRecipe {
  readonly value: unknown;
  readonly indent: number | string;
  readonly bom: boolean;
  readonly mutations: readonly Mutation[];
}

export interface CatalogLimits {
  readonly maxDepth: number;
  readonly maxEntries: number;
}

const NUMBER = fc.oneof(
  fc.constantFrom(5087, 4007, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e21),
  fc.nat(99_999),
  fc.constantFrom(raw('1e400'), raw('-1e400'), raw('1'.repeat(400)), raw('0.0000000000000000000000000001'), raw('-0'), raw('5087.0')),
);

const WRONG = fc.oneof(
  fc.constantFrom(null, true, false, 0, '', 'x', [], {}, [null], { slot: 1 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const STRING = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 20 }), fc.constantFrom('x'.repeat(10_000), '\u0000', '\uD800', '"', '\\'));

function deep(limits: CatalogLimits): fc.Arbitrary<string> {
  return fc.tuple(
    fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: limits.maxDepth })),
    fc.constantFrom('array', 'object', 'mixed'),
  ).map(([depth, kind]) => raw(`DEEP:${depth}:${kind}`));
}

function many(limits: CatalogLimits): fc.Arbitrary<string> {
  const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(1, limits.maxEntries) }) });
  return fc.tuple(count, fc.constantFrom('keys', 'menu', 'areas', 'array')).map(([count, kind]) => raw(`MANY:${count}:${kind}`));
}

export function catalogRecipe(limits: CatalogLimits): fc.Arbitrary<CatalogRecipe> {
  const hostile = fc.oneof({ weight: 4, arbitrary: WRONG }, { weight: 1, arbitrary: deep(limits) }, { weight: 1, arbitrary: many(limits) });
  const or = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostile });
  const keyEntry = or(fc.record({
    slot: or(fc.oneof(NUMBER, fc.constant(null))),
    area: or(fc.constantFrom('PRD', 'SUP', 'VDP', 'LOG', 'FIN', 'XYZ', 'prd', '')),
    description: or(STRING),
    extra: WRONG,
  }, { requiredKeys: [] }));
  const areaEntry = or(fc.record({
    prefixes: or(fc.array(fc.constantFrom('MAN', 'SUP', 'VDP', 'POL', 'man', '', 'M'), { maxLength: 4 })),
    defaultKey: or(fc.constantFrom(...KEYS)),
  }, { requiredKeys: [] }));
  const value = fc.record({
    $schema: fc.constant('./server/data/logix-license.schema.json'),
    $comment: STRING,
    logixVersion: or(fc.constantFrom('12.1.2301', '12.1.29', '12.1.2209', '12', '1.2.3.4.5.6', 'abc', '')),
    keys: or(fc.dictionary(fc.constantFrom(...KEYS, ...PROGRAMS), keyEntry, { maxKeys: 8 })),
    areas: or(fc.dictionary(fc.constantFrom('PRD', 'SUP', 'VDP', 'LOG', 'FIN', 'CON', 'RHU', 'XYZ', 'prd'), areaEntry, { maxKeys: 5 })),
    menu: or(fc.dictionary(fc.constantFrom(...PROGRAMS), or(fc.constantFrom(...KEYS)), { maxKeys: 6 })),
    invalidKeys: or(fc.array(fc.constantFrom(...KEYS), { maxLength: 4 })),
    complete: or(fc.boolean()),
    devTest: or(fc.boolean()),
    replaceBuiltIn: or(fc.boolean()),
    freePrograms: or(fc.record({ add: or(fc.array(fc.constantFrom(...PROGRAMS), { maxLength: 3 })), remove: or(fc.array(fc.constantFrom(...PROGRAMS), { maxLength: 3 })) }, { requiredKeys: [] })),
    unknownProperty: WRONG,
    'keys ': WRONG,
  }, { requiredKeys: [] });
  return fc.record({
    value: fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: hostile }),
    indent: fc.constantFrom(0, 2, 4, '\t'),
    bom: fc.boolean(),
    mutations: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(MUTATION, { maxLength: 3 }) }),
  });
}

function expandDeep(depth: number, kind: string): string {
  const opens: string[] = [];
  const closes: string[] = [];
  for (let level = 0; level < depth; level++) {
    const array = kind === 'array' || (kind === 'mixed' && level % 2 === 0);
    opens.push(array ? '[' : '{"a":');
    closes.push(array ? ']' : '}');
  }
  return `${opens.join('')}1${closes.reverse().join('')}`;
}

function expandMany(count: number, kind: string): string {
  if (kind === 'array') return `[${Array.from({ length: count }, (_, index) => `"K${index}"`).join(',')}]`;
  const entry = (index: number) =>
    kind === 'keys' ? `"K${index}":{"slot":${index}}` : kind === 'menu' ? `"man${index}":"WMS"` : `"A${index}":{"prefixes":["P${index}"],"defaultKey":"WMS"}`;
  return `{${Array.from({ length: count }, (_, index) => entry(index)).join(',')}}`;
}

/** The file's text. */
export function catalogText(recipe: CatalogRecipe): string {
  let text = JSON.stringify(recipe.value, null, recipe.indent) ?? 'null';
  text = text.replace(new RegExp(`"${MARK}([^"]*?)${MARK}"`, 'g'), (_, body: string) => {
    const [what, count, kind] = body.split(':');
    if (what === 'DEEP') return expandDeep(Number(count), kind!);
    if (what === 'MANY') return expandMany(Number(count), kind!);
    return body;
  });
  for (const mutation of recipe.mutations) {
    const at = mutation.at % (text.length + 1);
    if (mutation.op === 'truncate') text = text.slice(0, at);
    else if (mutation.op === 'insert') text = text.slice(0, at) + mutation.text + text.slice(at);
    else if (mutation.op === 'delete') text = text.slice(0, at) + text.slice(at + mutation.length);
    else if (mutation.op === 'byte') text = text.slice(0, at) + String.fromCharCode(mutation.code) + text.slice(at + 1);
    else text = text.slice(0, at) + text.slice(at, at + mutation.length).repeat(mutation.times + 1) + text.slice(at + mutation.length);
  }
  return recipe.bom ? `\uFEFF${text}` : text;
}

export function describeCatalog(recipe: CatalogRecipe): string {
  const text = JSON.stringify(recipe);
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}
