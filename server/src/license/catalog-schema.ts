/**
 * A `logix-license.json` checked against its JSON Schema (`server/data/logix-license.schema.json`,
 * the one editors check the file with too), so that the product and the editor never disagree
 * on what a valid catalog is. ajv finds what is wrong; each error becomes a message of ours, said
 * in the user's language, at the offending value (or property name) in the file.
 *
 * Messages are chosen by the schema's field the error is about (`keys.*.slot`, `*` standing for
 * any name of a map), not by ajv's keyword: a slot written as a string and a negative slot get
 * the same advice. Every field of the schema has its message (a test checks both ways). Pure.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
// Compiled from the schema when the product is bundled (scripts/catalog-validator.mjs).
import validateCatalog from 'virtual:logix-license-validator';
import type { Node } from 'jsonc-parser';

import schema from '../../data/logix-license.schema.json';
import { t } from '../l10n/messages.js';
import type { LineMap } from '../syntax/positions.js';
import type { CatalogProblem } from './catalog.js';
import { quoteSource } from './quote-source.js';

/** The JSON Schema of `logix-license.json`. */
export const CATALOG_SCHEMA = schema;

/** The largest slot accepted, the schema's (module ids are four- or five-digit numbers; 999999 leaves room and still refuses 1e308). */
export const MAX_SLOT = schema.properties.keys.additionalProperties.properties.slot.maximum;

/** What a valid `logix-license.json` holds, as the schema describes it. */
export interface CatalogJson {
  readonly $schema?: string;
  readonly $comment?: string;
  readonly logixVersion?: string;
  readonly keys?: Readonly<Record<string, { readonly slot?: number | null; readonly area?: string; readonly description?: string }>>;
  readonly areas?: Readonly<Record<string, { readonly prefixes?: readonly string[]; readonly defaultKey?: string }>>;
  readonly menu?: Readonly<Record<string, string>>;
  readonly devTest?: boolean;
  readonly replaceBuiltIn?: boolean;
  readonly complete?: boolean;
  readonly invalidKeys?: readonly string[];
  readonly freePrograms?: { readonly add?: readonly string[]; readonly remove?: readonly string[] };
}

/** A value that breaks the schema at a field: the names of the maps on its way (a key, an area, a program). */
type ValueMessage = (names: readonly string[]) => string;

const mustBeObject = (name: string) => t`"${name}" must be an object`;

/** What a wrong value at each field must be. The keys are the schema's fields, `''` the file itself. */
export const VALUE_MESSAGES: Readonly<Record<string, ValueMessage>> = {
  '': () => t`the file must hold one JSON object`,
  $schema: () => t`"${'$schema'}" must be a string`,
  $comment: () => t`"${'$comment'}" must be a string`,
  logixVersion: () => t`"logixVersion" must be a version string such as "12.1.2301"`,
  keys: () => mustBeObject('keys'),
  'keys.*': ([key]) => t`key "${quoteSource(key!)}" must be an object such as { "slot": 5087, "area": "LOG", "description": "…" }`,
  // License Server module ids are small numbers (5087, 4007): 1e308 or 2^53 + 1 is a typo.
  'keys.*.slot': ([key]) => t`slot of "${quoteSource(key!)}" must be a positive whole number up to ${MAX_SLOT}`,
  'keys.*.area': ([key]) => t`area of "${quoteSource(key!)}" must be an area code in upper case such as "SUP"`,
  'keys.*.description': ([key]) => t`description of "${quoteSource(key!)}" must be a string`,
  areas: () => mustBeObject('areas'),
  'areas.*': ([area]) => t`area "${quoteSource(area!)}" must be an object such as { "prefixes": ["MAN"], "defaultKey": "MANENG" }`,
  'areas.*.prefixes': ([area]) => t`prefixes of area "${quoteSource(area!)}" must be a list of 3-letter program prefixes such as ["MAN"]`,
  'areas.*.defaultKey': ([area]) => t`defaultKey of area "${quoteSource(area!)}" must be a system key in upper case`,
  menu: () => mustBeObject('menu'),
  'menu.*': ([program]) => t`menu key of "${quoteSource(program!)}" must be a system key in upper case or "?"`,
  devTest: () => t`"${'devTest'}" must be true or false`,
  replaceBuiltIn: () => t`"${'replaceBuiltIn'}" must be true or false`,
  complete: () => t`"complete" must be true (the keys are all the installation has) or false`,
  invalidKeys: () => t`"invalidKeys" must be a list of system keys in upper case, such as ["SUPRIMEN"]`,
  freePrograms: () => freeProgramsMessage(),
  'freePrograms.add': () => freeProgramsMessage(),
  'freePrograms.remove': () => freeProgramsMessage(),
};

function freeProgramsMessage(): string {
  return t`"freePrograms" must be { "add": ["prog1"], "remove": ["prog2"] }: program names added to or removed from the free programs (R12)`;
}

/** A map's entry whose name breaks the schema's `propertyNames` (the names of keys and areas). */
export const NAME_MESSAGES: Readonly<Record<string, (name: string) => string>> = {
  keys: (name) => mustBeUpperCase('keys', name),
  areas: (name) => mustBeUpperCase('areas', name),
};

function mustBeUpperCase(map: string, name: string): string {
  return t`"${map}": "${quoteSource(name)}" must be written in upper case letters, digits and _`;
}

/** A property the schema does not know (`additionalProperties: false`), with the ones it knows. */
export const UNKNOWN_MESSAGES: Readonly<Record<string, (names: readonly string[], property: string, known: string) => string>> = {
  // A newer product's file may hold what this one does not know: said, not fatal (a warning).
  '': (_names, property, known) => t`unknown property "${quoteSource(property)}" is ignored (this version knows ${known})`,
  'keys.*': ([key], property, known) => t`unknown property "${quoteSource(property)}" of key "${quoteSource(key!)}" (expected ${known})`,
  'areas.*': ([area], property, known) => t`unknown property "${quoteSource(property)}" of area "${quoteSource(area!)}" (expected ${known})`,
  freePrograms: (_names, property, known) => t`unknown property "${quoteSource(property)}" of "freePrograms" (expected ${known})`,
};

/**
 * The problems of a catalog file's JSON `value` (read from the tree `root`) against the schema,
 * each at its place in the text; an unknown top-level property is a warning, the rest errors.
 */
export function catalogSchemaProblems(root: Node, value: unknown, lines: LineMap): CatalogProblem[] {
  const validate = validateCatalog as ValidateFunction<CatalogJson>;
  if (validate(value)) return [];
  const problems: CatalogProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // A name breaking `propertyNames` is reported once, by the `propertyNames` error itself.
    if (error.schemaPath.includes('/propertyNames/')) continue;
    const problem = problemOf(error, root, lines);
    const id = `${error.instancePath}\u0000${problem.message}`;
    if (seen.has(id)) continue; // one message per place: an integer that is also too large, say
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function problemOf(error: ErrorObject, root: Node, lines: LineMap): CatalogProblem {
  const { field, names } = fieldOf(error);
  const at = locate(root, error.instancePath);
  const range = (node: Node | undefined) => lines.rangeOf(node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 0));
  if (error.keyword === 'additionalProperties') {
    const property = String(error.params.additionalProperty);
    const known = knownProperties(field).join(', ');
    const message = UNKNOWN_MESSAGES[field]?.(names, property, known) ?? unexpected(field);
    return { message, range: range(propertyName(at, property)), ...(field === '' ? { warning: true } : {}) };
  }
  if (error.keyword === 'propertyNames') {
    const name = String(error.params.propertyName);
    return { message: NAME_MESSAGES[field]?.(name) ?? unexpected(field), range: range(propertyName(at, name)) };
  }
  return { message: VALUE_MESSAGES[field]?.(names) ?? unexpected(field), range: range(at) };
}

/** Every field has its message (a test checks it); this only keeps a new schema field from going unsaid. */
function unexpected(field: string): string {
  return t`"${field}" does not have the form the catalog's schema requires`;
}

/**
 * The schema's field an error is about (`keys.*.slot`), walking the error's schema path (its
 * last step is the keyword) alongside its instance path, and the map entries' names on the way.
 * A list's items share the list's field.
 */
function fieldOf(error: ErrorObject): { field: string; names: string[] } {
  const steps = error.schemaPath.split('/').slice(1, -1).map((step) => unescapePointer(decodeURIComponent(step)));
  const instance = pointerSteps(error.instancePath);
  const field: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (step === 'properties') {
      field.push(steps[++index]!);
      at++;
    } else if (step === 'additionalProperties') {
      field.push('*');
      names.push(instance[at++] ?? '');
    } else if (step === 'items') {
      at++;
    }
  }
  return { field: field.join('.'), names };
}

/** The node at a JSON pointer. */
function locate(root: Node, pointer: string): Node | undefined {
  let node: Node | undefined = root;
  for (const step of pointerSteps(pointer)) {
    if (node?.type === 'array') node = node.children?.[Number(step)];
    else if (node?.type === 'object') node = lastProperty(node, step)?.children?.[1];
    else return node;
  }
  return node;
}

/** The property `name` of an object node: the last, when it is written twice, as the value read from the tree holds. */
export function lastProperty(object: Node, name: string): Node | undefined {
  const properties = object.children ?? [];
  for (let index = properties.length - 1; index >= 0; index--) if (properties[index]!.children?.[0]?.value === name) return properties[index];
  return undefined;
}

/** The name node of `name` in an object node (the first, if written twice). */
function propertyName(object: Node | undefined, name: string): Node | undefined {
  return object?.children?.find((property) => property.children?.[0]?.value === name)?.children?.[0] ?? object;
}

function pointerSteps(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapePointer);
}

function unescapePointer(step: string): string {
  return step.replace(/~1/g, '/').replace(/~0/g, '~');
}

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
}

/** The properties the schema names at a field, those for editors (`$schema`, `$comment`) left out. */
export function knownProperties(field: string): string[] {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const step of field === '' ? [] : field.split('.')) {
    const next: SchemaNode | boolean | undefined = step === '*' ? node?.additionalProperties : node?.properties?.[step];
    node = typeof next === 'object' ? next : undefined;
  }
  return Object.keys(node?.properties ?? {}).filter((name) => !name.startsWith('$'));
}
