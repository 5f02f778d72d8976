/**
 * The key catalog: valid keys (with slot, area and description when known), the areas with their
 * prefixes and default keys, the configured menu keys, the Logix version and the dev-test flag.
 *
 * Built from the built-in data (`server/data/catalog.json`, only what TOTVS' documents state as fact) and the
 * workspace's `logix-license.json`, which extends it or, with `"replaceBuiltIn": true`, replaces
 * its keys and areas. A broken workspace file is reported with line and column, and the built-in
 * catalog stays in use meanwhile. Pure: text in, data out.
 */
import { createScanner, getNodeValue, ParseErrorCode, parseTree, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';

import builtInData from '../../data/catalog.json';
import { t } from '../l10n/messages.js';
import { LineMap, type Range } from '../syntax/positions.js';
import { catalogSchemaProblems, lastProperty, type CatalogJson } from './catalog-schema.js';
import type { FreeProgramChanges } from './free-programs.js';

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

/**
 * A catalog's `description` or a key's `origin` in the user's language. They are data (the JSON
 * outputs give them as they are, in English); a message says them through this.
 */
export function catalogSourceText(source: string): string {
  return source.startsWith(BUILT_IN) ? t('built-in catalog') + source.slice(BUILT_IN.length) : source;
}

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
 * Parses and validates the text of a `logix-license.json` against its JSON Schema. Returns the
 * file's content when it is valid, and every problem found with its range; the caller keeps the
 * built-in catalog when the content is absent.
 */
export function parseCatalogFile(path: string, text: string): { file?: WorkspaceCatalogFile; problems: CatalogProblem[] } {
  const lines = new LineMap(text);
  const { root, errors, tooDeep } = parseCatalogTree(text);
  if (tooDeep !== undefined) {
    const message = t`the file nests objects and lists ${tooDeep} levels deep; a catalog needs at most 4 (at most ${MAX_CATALOG_DEPTH} are read)`;
    return { problems: [{ message, range: lines.rangeOf(0, 0) }] };
  }
  if (errors.length > 0 || !root) {
    return {
      problems: errors.map((error) => ({
        message: parseErrorMessage(error.error),
        range: lines.rangeOf(error.offset, error.offset + error.length),
      })),
    };
  }
  const value = getNodeValue(root) as unknown;
  const problems = catalogSchemaProblems(root, value, lines);
  if (problems.some((each) => !each.warning)) return { problems };
  // Valid, but for properties this version does not know, which are left unread.
  return { file: { path, ...readCatalogJson(value as CatalogJson), ...declarationRanges(root, lines) }, problems };
}

/** The content of a file the schema accepts; what it does not know is not read. */
export function readCatalogJson(json: CatalogJson): Omit<WorkspaceCatalogFile, 'path' | 'keyRanges' | 'menuRanges'> {
  const keys = new Map<string, Omit<KeyEntry, 'origin'>>();
  for (const [key, { slot, area, description }] of Object.entries(json.keys ?? {})) {
    // slot null: the key exists, its slot is not filled in yet.
    keys.set(key, { key, ...(slot !== undefined ? { slot } : {}), ...(area ? { area } : {}), ...(description ? { description } : {}) });
  }
  const areas = new Map<string, AreaEntry>();
  for (const [area, { prefixes, defaultKey }] of Object.entries(json.areas ?? {})) {
    areas.set(area, { area, prefixes: (prefixes ?? []).map((prefix) => prefix.toUpperCase()), ...(defaultKey ? { defaultKey } : {}) });
  }
  const menu = new Map(Object.entries(json.menu ?? {}).map(([program, key]) => [program.toLowerCase(), key]));
  const free = json.freePrograms;
  const lowerCase = (programs: readonly string[] | undefined) => new Set((programs ?? []).map((program) => program.toLowerCase()));
  const { logixVersion, devTest } = json;
  return {
    keys,
    areas,
    menu,
    replaceBuiltIn: json.replaceBuiltIn ?? false,
    complete: json.complete ?? false,
    invalidKeys: new Set(json.invalidKeys ?? []),
    freePrograms: { add: lowerCase(free?.add), remove: lowerCase(free?.remove) },
    ...(logixVersion ? { logixVersion } : {}),
    ...(devTest !== undefined ? { devTest } : {}),
  };
}

/** Where the file declares each key (its name, quotes excluded) and each menu entry (the whole entry). */
function declarationRanges(root: Node, lines: LineMap): Pick<WorkspaceCatalogFile, 'keyRanges' | 'menuRanges'> {
  const keyRanges = new Map<string, Range>();
  for (const property of entriesOf(root, 'keys')) {
    const name = property.children![0]!;
    keyRanges.set(name.value as string, lines.rangeOf(name.offset + 1, name.offset + name.length - 1));
  }
  const menuRanges = new Map<string, Range>();
  for (const property of entriesOf(root, 'menu')) {
    menuRanges.set((property.children![0]!.value as string).toLowerCase(), lines.rangeOf(property.offset, property.offset + property.length));
  }
  return { keyRanges, menuRanges };
}

/** The property nodes of a top-level map (`keys`, `menu`); of the last one when it is written twice. */
function entriesOf(root: Node, name: string): Node[] {
  const map = lastProperty(root, name)?.children?.[1];
  return map?.type === 'object' ? (map.children ?? []).filter((property) => property.children?.length === 2) : [];
}

/** Deeper than this, a file is no catalog, and the JSON reader's recursion would run out of stack. */
const MAX_CATALOG_DEPTH = 64;

/**
 * The JSON tree of a catalog file, with the options the catalog is read with. A UTF-8 byte-order
 * mark (Windows editors write one) reads as white space, so positions stay those of the text. A
 * file nested deeper than any catalog is not parsed (`tooDeep`: its depth): the parse recurses.
 */
export function parseCatalogTree(text: string): { root: Node | undefined; errors: ParseError[]; tooDeep?: number } {
  const depth = nestingDepth(text);
  if (depth > MAX_CATALOG_DEPTH) return { root: undefined, errors: [], tooDeep: depth };
  const errors: ParseError[] = [];
  const bomless = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(bomless, errors, { allowTrailingComma: false, disallowComments: true });
  return { root, errors };
}

/**
 * How deep objects and lists nest, as the parser will see them: one linear pass of jsonc-parser's
 * own scanner, no recursion. (A scan of its own read a string on past its line's end, or from a
 * quote inside a comment, where the parser ends it or skips it: 3,000 nested lists behind such a
 * quote reached the recursive parse and overflowed the stack.)
 */
function nestingDepth(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let deepest = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) deepest = Math.max(deepest, ++depth);
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** What jsonc-parser found wrong, in words. */
function parseErrorMessage(code: ParseErrorCode): string {
  switch (code) {
    case ParseErrorCode.InvalidSymbol: return t`invalid JSON: invalid symbol`;
    case ParseErrorCode.InvalidNumberFormat: return t`invalid JSON: invalid number format`;
    case ParseErrorCode.PropertyNameExpected: return t`invalid JSON: property name expected`;
    case ParseErrorCode.ValueExpected: return t`invalid JSON: value expected`;
    case ParseErrorCode.ColonExpected: return t`invalid JSON: colon expected`;
    case ParseErrorCode.CommaExpected: return t`invalid JSON: comma expected`;
    case ParseErrorCode.CloseBraceExpected: return t`invalid JSON: close brace expected`;
    case ParseErrorCode.CloseBracketExpected: return t`invalid JSON: close bracket expected`;
    case ParseErrorCode.EndOfFileExpected: return t`invalid JSON: end of file expected`;
    case ParseErrorCode.InvalidCommentToken: return t`invalid JSON: invalid comment token`;
    case ParseErrorCode.UnexpectedEndOfComment: return t`invalid JSON: unexpected end of comment`;
    case ParseErrorCode.UnexpectedEndOfString: return t`invalid JSON: unexpected end of string`;
    case ParseErrorCode.UnexpectedEndOfNumber: return t`invalid JSON: unexpected end of number`;
    case ParseErrorCode.InvalidUnicode: return t`invalid JSON: invalid unicode`;
    case ParseErrorCode.InvalidEscapeCharacter: return t`invalid JSON: invalid escape character`;
    case ParseErrorCode.InvalidCharacter: return t`invalid JSON: invalid character`;
    default: return t`invalid JSON`;
  }
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
