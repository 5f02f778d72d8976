/**
 * The key catalog: valid keys (with slot, area and description when known), the areas with their
 * prefixes and default keys, the configured menu keys, the Logix version and the dev-test flag.
 *
 * Built from the built-in data (`server/data/catalog.json`, only what TOTVS' documents state as fact) and the
 * workspace's `logix-license.json`, which extends it or, with `"replaceBuiltIn": true`, replaces
 * its keys and areas. A broken workspace file is reported with line and column, and the built-in
 * catalog stays in use meanwhile. Pure: text in, data out.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

import builtInData from '../../data/catalog.json';
import { LineMap, type Range } from '../syntax/positions.js';
import { quoteSource } from './quote-source.js';
import type { FreeProgramChanges } from './free-programs.js';
import { isVersion } from './versions.js';

export const CATALOG_FILE_NAME = 'logix-license.json';

/** R15: with `logix.license.LSDevTest = 1` every consumption goes to this slot (TOTVS Dev Test). */
export const DEV_TEST_SLOT = 4007;

/** The menu key meaning "the menu suggests no key" (R11). */
export const NO_MENU_KEY = '?';

export interface KeyEntry {
  readonly key: string;
  /**
   * The License Server slot. Absent: nobody stated it. `null`: the workspace file lists the key
   * with `"slot": null` (a key that exists, its slot not filled in yet, as `init` writes it).
   */
  readonly slot?: number | null;
  readonly area?: string;
  readonly description?: string;
  /** Where the entry comes from: "built-in catalog" or the workspace file's name. */
  readonly origin: string;
}

export interface AreaEntry {
  readonly area: string;
  readonly prefixes: readonly string[];
  readonly defaultKey?: string;
}

export interface Catalog {
  readonly keys: ReadonlyMap<string, KeyEntry>;
  /**
   * Complete: `keys` are every system key of the installation, so a key not in it is invalid.
   * Partial (the built-in catalog, and a workspace file unless it says `"complete": true`): a key
   * not in it is unverified, assumed to exist (a reading: the product cannot know otherwise).
   */
  readonly complete: boolean;
  /** Keys known not to exist, whatever the completeness: documented ones (SUPRIMEN) and the file's `invalidKeys`. */
  readonly invalidKeys: ReadonlySet<string>;
  /** The file's changes to the list of free programs (R12). */
  readonly freePrograms: FreeProgramChanges;
  readonly areas: ReadonlyMap<string, AreaEntry>;
  /** Program (lower case) → configured menu key, `?` included. */
  readonly menu: ReadonlyMap<string, string>;
  readonly logixVersion?: string;
  readonly devTest: boolean;
  /** Human-readable description of where the keys come from, for messages (LGX001). */
  readonly description: string;
  /** The workspace file's path when one is in use. */
  readonly workspaceFile?: string;
  /** Where each menu entry is written in the workspace file, for related information. */
  readonly menuRanges: ReadonlyMap<string, Range>;
  /** Where each key of the workspace file is declared: its name in `keys` (quotes excluded). */
  readonly keyRanges: ReadonlyMap<string, Range>;
}

export interface CatalogProblem {
  readonly message: string;
  readonly range: Range;
  /** A problem that leaves the file usable (an unknown property, ignored): a warning. */
  readonly warning?: boolean;
}

/** The parsed and validated content of a `logix-license.json`. */
export interface WorkspaceCatalogFile {
  readonly path: string;
  readonly logixVersion?: string;
  readonly keys: ReadonlyMap<string, Omit<KeyEntry, 'origin'>>;
  readonly areas: ReadonlyMap<string, AreaEntry>;
  readonly menu: ReadonlyMap<string, string>;
  readonly menuRanges: ReadonlyMap<string, Range>;
  readonly keyRanges: ReadonlyMap<string, Range>;
  readonly devTest?: boolean;
  readonly replaceBuiltIn: boolean;
  readonly complete: boolean;
  readonly invalidKeys: ReadonlySet<string>;
  readonly freePrograms: FreeProgramChanges;
}

const BUILT_IN = 'built-in catalog';

export function builtInCatalog(): Catalog {
  return buildCatalog(undefined);
}

/** Merges the built-in data with a workspace file, if any (the workspace wins key by key). */
export function buildCatalog(file: WorkspaceCatalogFile | undefined): Catalog {
  const keys = new Map<string, KeyEntry>();
  const areas = new Map<string, AreaEntry>();
  if (!file?.replaceBuiltIn) {
    for (const [key, entry] of Object.entries(builtInData.keys)) {
      keys.set(key, { key, origin: BUILT_IN, ...(entry as Omit<KeyEntry, 'key' | 'origin'>) });
    }
  }
  // The seven areas always exist (R3: areas by program prefix); the built-in data gives their known prefixes.
  for (const [area, entry] of Object.entries(builtInData.areas) as [string, { prefixes: string[]; defaultKey?: string }][]) {
    const known = file?.replaceBuiltIn ? { prefixes: [] } : entry;
    areas.set(area, { area, prefixes: known.prefixes, ...(known.defaultKey ? { defaultKey: known.defaultKey } : {}) });
  }
  if (file) {
    const origin = baseName(file.path);
    for (const [key, entry] of file.keys) keys.set(key, { ...keys.get(key), ...entry, origin });
    for (const [area, entry] of file.areas) areas.set(area, entry);
  }
  const description = !file ? BUILT_IN : file.replaceBuiltIn ? baseName(file.path) : `${BUILT_IN} + ${baseName(file.path)}`;
  const invalidKeys = new Set<string>([...(file?.replaceBuiltIn ? [] : Object.keys(builtInData.invalidKeys)), ...(file?.invalidKeys ?? [])]);
  for (const key of keys.keys()) invalidKeys.delete(key); // a key the catalog lists exists
  return {
    keys,
    complete: file?.complete ?? false,
    invalidKeys,
    freePrograms: file?.freePrograms ?? { add: new Set(), remove: new Set() },
    areas,
    menu: file?.menu ?? new Map(),
    menuRanges: file?.menuRanges ?? new Map(),
    keyRanges: file?.keyRanges ?? new Map(),
    devTest: file?.devTest ?? false,
    description,
    ...(file?.logixVersion ? { logixVersion: file.logixVersion } : {}),
    ...(file ? { workspaceFile: file.path } : {}),
  };
}

/**
 * The area a `SYSTEMKEY_<name>.4gl` file belongs to: the area itself when `name` is one, else the
 * area `name` is a program prefix of (`SYSTEMKEY_MAN.4GL` is PRD's file: TOTVS' own documents
 * call MAN10021's own-area file that way); undefined for a name that is neither.
 */
export function canonicalArea(catalog: Catalog, name: string): string | undefined {
  if (catalog.areas.has(name)) return name;
  for (const area of catalog.areas.values()) if (area.prefixes.some((prefix) => prefix.toUpperCase() === name)) return area.area;
  return undefined;
}

/** The area a program belongs to, from its 3-letter prefix (R3: areas by program prefix). */
export function areaOfProgram(catalog: Catalog, program: string): AreaEntry | undefined {
  const prefix = program.slice(0, 3).toUpperCase();
  for (const area of catalog.areas.values()) {
    if (area.prefixes.some((candidate) => candidate.toUpperCase() === prefix)) return area;
  }
  return undefined;
}

/**
 * What the catalog says of a key: `known` (listed), `invalid` (listed as not existing, or absent
 * from a complete catalog) or `unverified` (absent from a partial catalog: assumed to exist).
 */
export type KeyStatus = 'known' | 'unverified' | 'invalid';

export function keyStatus(catalog: Catalog, key: string): KeyStatus {
  if (catalog.keys.has(key)) return 'known';
  return catalog.complete || catalog.invalidKeys.has(key) ? 'invalid' : 'unverified';
}

/** A key the runtime keeps (R4, R5, R7): known, or unverified and so assumed to exist. */
export function isValidKey(catalog: Catalog, key: string): boolean {
  return keyStatus(catalog, key) !== 'invalid';
}

/** Keys written as the runtime reads them: trimmed, upper case. */
export function normalizeKey(text: string): string {
  return text.trim().toUpperCase();
}

// ---- logix-license.json ------------------------------------------------------------------------

/**
 * Parses and validates the text of a `logix-license.json`. Returns the file's content when it is
 * valid, and every problem found with its range; the caller keeps the built-in catalog when the
 * content is absent.
 */
export function parseCatalogFile(path: string, text: string): { file?: WorkspaceCatalogFile; problems: CatalogProblem[] } {
  const lines = new LineMap(text);
  const problems: CatalogProblem[] = [];
  const at = (node: Node | undefined): Range => lines.rangeOf(node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 0));
  const problem = (message: string, node: Node | undefined) => problems.push({ message, range: at(node) });

  const depth = nestingDepth(text);
  if (depth > MAX_CATALOG_DEPTH) {
    problems.push({ message: `the file nests objects and lists ${depth} levels deep; a catalog needs at most 4 (at most ${MAX_CATALOG_DEPTH} are read)`, range: lines.rangeOf(0, 0) });
    return { problems };
  }
  const { root, errors } = parseCatalogTree(text);
  for (const error of errors) {
    problems.push({
      message: `invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`,
      range: lines.rangeOf(error.offset, error.offset + error.length),
    });
  }
  if (errors.length > 0) return { problems };
  if (!root || root.type !== 'object') {
    problem('the file must hold one JSON object', root);
    return { problems };
  }

  const keys = new Map<string, Omit<KeyEntry, 'origin'>>();
  const areas = new Map<string, AreaEntry>();
  const menu = new Map<string, string>();
  const menuRanges = new Map<string, Range>();
  const keyRanges = new Map<string, Range>();
  let logixVersion: string | undefined;
  let devTest: boolean | undefined;
  let replaceBuiltIn = false;
  let complete = false;
  const invalidKeys = new Set<string>();
  const freePrograms = { add: new Set<string>(), remove: new Set<string>() };

  for (const property of root.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    const name = nameNode?.value as string;
    switch (name) {
      case '$schema':
      case '$comment':
        break;
      case 'logixVersion':
        if (valueNode?.type !== 'string' || !isVersion(valueNode.value as string)) {
          problem('"logixVersion" must be a version string such as "12.1.2301"', valueNode);
        } else {
          logixVersion = valueNode.value as string;
        }
        break;
      case 'devTest':
        if (valueNode?.type !== 'boolean') problem('"devTest" must be true or false', valueNode);
        else devTest = valueNode.value as boolean;
        break;
      case 'replaceBuiltIn':
        if (valueNode?.type !== 'boolean') problem('"replaceBuiltIn" must be true or false', valueNode);
        else replaceBuiltIn = valueNode.value as boolean;
        break;
      case 'complete':
        if (valueNode?.type !== 'boolean') problem('"complete" must be true (the keys are all the installation has) or false', valueNode);
        else complete = valueNode.value as boolean;
        break;
      case 'invalidKeys':
        if (valueNode?.type !== 'array' || !(valueNode.children ?? []).every((item) => item.type === 'string' && isKey(item.value as string))) {
          problem('"invalidKeys" must be a list of system keys in upper case, such as ["SUPRIMEN"]', valueNode);
        } else {
          for (const item of valueNode.children ?? []) invalidKeys.add(item.value as string);
        }
        break;
      case 'freePrograms': {
        const lists = valueNode?.type === 'object' ? valueNode.children ?? [] : undefined;
        const valid = lists?.every((member) => {
          const [listName, listValue] = member.children ?? [];
          return (listName?.value === 'add' || listName?.value === 'remove') && listValue?.type === 'array' &&
            (listValue.children ?? []).every((item) => item.type === 'string' && /^[A-Za-z0-9_]+$/.test(item.value as string));
        });
        if (!lists || !valid) {
          problem('"freePrograms" must be { "add": ["prog1"], "remove": ["prog2"] }: program names added to or removed from the free programs (R12)', valueNode);
        } else {
          for (const member of lists) {
            const [listName, listValue] = member.children!;
            for (const item of listValue!.children ?? []) freePrograms[listName!.value as 'add' | 'remove'].add((item.value as string).toLowerCase());
          }
        }
        break;
      }
      case 'keys':
        forEachEntry(valueNode, '"keys"', problem, (key, entryNode) => {
          const entry = readKeyEntry(key, entryNode, problem);
          const nameNode = entryNode.parent?.children?.[0];
          if (entry) keys.set(key, entry);
          if (entry && nameNode) keyRanges.set(key, lines.rangeOf(nameNode.offset + 1, nameNode.offset + nameNode.length - 1));
        });
        break;
      case 'areas':
        forEachEntry(valueNode, '"areas"', problem, (area, entryNode) => {
          const entry = readAreaEntry(area, entryNode, problem);
          if (entry) areas.set(area, entry);
        });
        break;
      case 'menu':
        forEachEntry(valueNode, '"menu"', problem, (program, entryNode) => {
          if (entryNode.type !== 'string' || !isKeyOrQuestionMark(entryNode.value as string)) {
            problem(`menu key of "${quoteSource(program)}" must be a system key in upper case or "?"`, entryNode);
          } else {
            menu.set(program.toLowerCase(), entryNode.value as string);
            menuRanges.set(program.toLowerCase(), at(entryNode.parent));
          }
        }, false);
        break;
      default:
        // A newer product's file may hold what this one does not know: said, not fatal.
        problems.push({
          message: `unknown property "${quoteSource(String(name))}" is ignored (this version knows logixVersion, keys, areas, menu, devTest, replaceBuiltIn, complete, invalidKeys, freePrograms)`,
          range: at(nameNode),
          warning: true,
        });
    }
  }
  if (problems.some((each) => !each.warning)) return { problems };
  return {
    file: {
      path, keys, areas, menu, menuRanges, keyRanges, replaceBuiltIn, complete, invalidKeys, freePrograms,
      ...(logixVersion ? { logixVersion } : {}),
      ...(devTest !== undefined ? { devTest } : {}),
    },
    problems,
  };
}

/** The largest slot accepted: License Server module ids are four- or five-digit numbers. */
const MAX_SLOT = 999_999;

/** Deeper than this, a file is no catalog, and the JSON reader's recursion would run out of stack. */
const MAX_CATALOG_DEPTH = 64;

/**
 * The JSON tree of a catalog file, with the options the catalog is read with. A UTF-8 byte-order
 * mark (Windows editors write one) reads as white space, so positions stay those of the text.
 * Callers check the depth first (`nestingDepth`).
 */
export function parseCatalogTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const bomless = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(bomless, errors, { allowTrailingComma: false, disallowComments: true });
  return { root, errors };
}

/** How deep objects and lists nest, strings skipped: one linear pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92) index += 1; // a backslash escapes the next character
      else if (char === 34) inString = false;
    } else if (char === 34) {
      inString = true;
    } else if (char === 123 || char === 91) {
      deepest = Math.max(deepest, ++depth);
    } else if (char === 125 || char === 93) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

type Report = (message: string, node: Node | undefined) => void;

function forEachEntry(
  node: Node | undefined,
  label: string,
  problem: Report,
  visit: (name: string, value: Node) => void,
  namesAreKeys = true,
): void {
  if (node?.type !== 'object') {
    problem(`${label} must be an object`, node);
    return;
  }
  for (const property of node.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    const name = nameNode?.value as string;
    if (namesAreKeys && !isKey(name)) {
      problem(`${label}: "${quoteSource(String(name))}" must be written in upper case letters and digits`, nameNode);
      continue;
    }
    if (valueNode) visit(name, valueNode);
  }
}

function readKeyEntry(key: string, node: Node, problem: Report): Omit<KeyEntry, 'origin'> | undefined {
  if (node.type !== 'object') {
    problem(`key "${quoteSource(key)}" must be an object such as { "slot": 5087, "area": "LOG", "description": "…" }`, node);
    return undefined;
  }
  let slot: number | null | undefined;
  let area: string | undefined;
  let description: string | undefined;
  let ok = true;
  for (const property of node.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    const value = valueNode?.value;
    switch (nameNode?.value) {
      case 'slot':
        // null: the key exists, its slot is not filled in yet.
        if (valueNode?.type === 'null') slot = null;
        else if (valueNode?.type !== 'number' || !Number.isInteger(value) || (value as number) <= 0 || (value as number) > MAX_SLOT) {
          // License Server module ids are small numbers (5087, 4007): 1e308 or 2^53 + 1 is a typo.
          problem(`slot of "${quoteSource(key)}" must be a positive whole number up to ${MAX_SLOT}`, valueNode);
          ok = false;
        } else slot = value as number;
        break;
      case 'area':
        if (valueNode?.type !== 'string' || !isKey(value as string)) {
          problem(`area of "${quoteSource(key)}" must be an area code in upper case such as "SUP"`, valueNode);
          ok = false;
        } else area = value as string;
        break;
      case 'description':
        if (valueNode?.type !== 'string') {
          problem(`description of "${quoteSource(key)}" must be a string`, valueNode);
          ok = false;
        } else description = value as string;
        break;
      default:
        problem(`unknown property "${quoteSource(String(nameNode?.value))}" of key "${quoteSource(key)}" (expected slot, area, description)`, nameNode);
        ok = false;
    }
  }
  if (!ok) return undefined;
  return { key, ...(slot !== undefined ? { slot } : {}), ...(area ? { area } : {}), ...(description ? { description } : {}) };
}

function readAreaEntry(area: string, node: Node, problem: Report): AreaEntry | undefined {
  if (node.type !== 'object') {
    problem(`area "${quoteSource(area)}" must be an object such as { "prefixes": ["MAN"], "defaultKey": "MANENG" }`, node);
    return undefined;
  }
  let prefixes: string[] = [];
  let defaultKey: string | undefined;
  let ok = true;
  for (const property of node.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    switch (nameNode?.value) {
      case 'prefixes':
        if (valueNode?.type !== 'array' || !(valueNode.children ?? []).every((item) => item.type === 'string' && /^[A-Za-z0-9]{3}$/.test(item.value as string))) {
          problem(`prefixes of area "${quoteSource(area)}" must be a list of 3-letter program prefixes such as ["MAN"]`, valueNode);
          ok = false;
        } else prefixes = (valueNode.children ?? []).map((item) => (item.value as string).toUpperCase());
        break;
      case 'defaultKey':
        if (valueNode?.type !== 'string' || !isKey(valueNode.value as string)) {
          problem(`defaultKey of area "${quoteSource(area)}" must be a system key in upper case`, valueNode);
          ok = false;
        } else defaultKey = valueNode.value as string;
        break;
      default:
        problem(`unknown property "${quoteSource(String(nameNode?.value))}" of area "${quoteSource(area)}" (expected prefixes, defaultKey)`, nameNode);
        ok = false;
    }
  }
  return ok ? { area, prefixes, ...(defaultKey ? { defaultKey } : {}) } : undefined;
}

function isKey(text: string): boolean {
  return /^[A-Z0-9_]+$/.test(text);
}

function isKeyOrQuestionMark(text: string): boolean {
  return text === NO_MENU_KEY || isKey(text);
}

function describeParseError(code: string): string {
  // jsonc-parser names errors in CamelCase ("CommaExpected"); make them read as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
