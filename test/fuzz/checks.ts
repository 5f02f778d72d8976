/**
 * The in-process properties of the fuzz campaign, one per kind of input. Each takes a recipe,
 * expands it, runs the product's pure code on it and throws (an AssertionError naming the broken
 * invariant) when something is wrong; the worker (worker.ts) runs them under a time bound, so a
 * hang is seen and the campaign goes on.
 *
 * Invariants checked on every input:
 * - nothing throws (parsing never throws, ARCHITECTURE.md invariant 2; nor does the engine);
 * - the pre-filtered parse equals the full one, and the windowed re-parse equals a fresh parse;
 * - every range lies in the text (lines and characters of the decoded text);
 * - syntax problems stay one per kind (LGX016 never floods), and a file never gets more
 *   diagnostics than it has facts to report on;
 * - the incremental FolderIndex equals a fresh one, whatever the order of files and catalogs;
 * - every program resolves, consumes in every context and renders (text, JSON, Markdown, log).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addKeyEdit, addMenuEdit, applyTextEdit, setKeySlotEdit } from '../../server/src/license/catalog-edit.js';
import { proposeCatalog, unknownKeyUses } from '../../server/src/license/catalog-init.js';
import { builtInCatalog, buildCatalog, parseCatalogFile, areaOfProgram } from '../../server/src/license/catalog.js';
import { CODES } from '../../server/src/license/codes.js';
import { consumptionTable } from '../../server/src/license/consumption-table.js';
import type { LicenseDiagnostic } from '../../server/src/license/diagnostics.js';
import { explainResolution, explanationToJson, renderDebugLog, renderExplanationMarkdown, renderExplanationText } from '../../server/src/license/explain.js';
import { allSources, programDefinedIn } from '../../server/src/license/model.js';
import { consume, EXECUTION_CONTEXTS } from '../../server/src/license/resolve.js';
import { codeActionsFor } from '../../server/src/lsp/code-actions.js';
import { completionsAt } from '../../server/src/lsp/completion.js';
import { toLspDiagnostic } from '../../server/src/lsp/diagnostic-convert.js';
import { hoverAt } from '../../server/src/lsp/hover.js';
import { definitionAt, referencesAt, type EnvironmentView } from '../../server/src/lsp/navigation.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings.js';
import { documentSymbols } from '../../server/src/lsp/symbols.js';
import type { FileFacts } from '../../server/src/syntax/facts.js';
import { calledFunctionAt, findAt, listAt } from '../../server/src/syntax/find.js';
import { foldingRanges } from '../../server/src/syntax/folding.js';
import { reparseFacts } from '../../server/src/syntax/incremental.js';
import { parseFacts, parseFactsFully } from '../../server/src/syntax/parser.js';
import type { Position, Range } from '../../server/src/syntax/positions.js';
import { decodeSource } from '../../server/src/workspace/decode.js';
import { FolderIndex } from '../../server/src/workspace/folder-index.js';
import { factsOfBytes } from '../../server/src/workspace/source-file.js';
import { catalogRecipe, catalogText, type CatalogLimits, type CatalogRecipe } from './catalogs.js';
import { MUTATION, sourceBytes, sourceRecipe, sourceText, type Mutation, type SourceOptions, type SourceRecipe } from './sources.js';

// ---- phases --------------------------------------------------------------------------------------

let reportPhase: (phase: string) => void = () => {};

/** Where a check is: the worker passes it on, so that a hang names the step that did not end. */
export function onPhase(report: (phase: string) => void): void {
  reportPhase = report;
}

function phase(name: string): void {
  reportPhase(name);
}

// ---- positions ---------------------------------------------------------------------------------

/**
 * A position given relative to the text it is used on: in range (line and character as fractions
 * of the text's), or at an edge (negative, one past the end, 2^31 - 1, beyond any integer a
 * uinteger holds).
 */
export type PositionRecipe =
  | { readonly kind: 'in'; readonly line: number; readonly character: number }
  | { readonly kind: 'edge'; readonly line: number; readonly character: number };

/** The edges: -1 and 2^32 are not LSP uintegers (InvalidParams), the others are valid. */
export const EDGE_VALUES = [0, -1, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 1e9, 1.5, Number.MAX_SAFE_INTEGER] as const;
const EDGE_LINE = ['last', 'past', ...EDGE_VALUES] as const;
const EDGE_CHARACTER = ['end', 'past', ...EDGE_VALUES] as const;

export const POSITION: fc.Arbitrary<PositionRecipe> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('in' as const), line: fc.nat(1 << 16), character: fc.nat(1 << 16) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edge' as const), line: fc.nat(EDGE_LINE.length - 1), character: fc.nat(EDGE_CHARACTER.length - 1) }) },
);

export function positionIn(recipe: PositionRecipe, lines: readonly string[]): Position {
  const count = Math.max(1, lines.length);
  if (recipe.kind === 'in') {
    const line = recipe.line % count;
    return { line, character: recipe.character % ((lines[line]?.length ?? 0) + 1) };
  }
  const lineChoice = EDGE_LINE[recipe.line % EDGE_LINE.length]!;
  const line = lineChoice === 'last' ? count - 1 : lineChoice === 'past' ? count : lineChoice;
  const length = lines[Math.min(Math.max(0, Math.trunc(line)), count - 1)]?.length ?? 0;
  const characterChoice = EDGE_CHARACTER[recipe.character % EDGE_CHARACTER.length]!;
  const character = characterChoice === 'end' ? length : characterChoice === 'past' ? length + 1 : characterChoice;
  return { line, character };
}

/** Whether a position is what LSP allows (uintegers), else the server answers InvalidParams. */
export function isValidPosition(position: Position): boolean {
  const valid = (value: number) => Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1;
  return valid(position.line) && valid(position.character);
}

// ---- shared invariants -------------------------------------------------------------------------

/** The lines of a text as the product counts them (a line ends at `\n`). */
function linesOf(text: string): string[] {
  return text.split('\n');
}

function assertRange(range: Range, lines: readonly string[], where: string): void {
  const ok = (position: Position) =>
    Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0 &&
    position.line < lines.length && position.character <= lines[position.line]!.length;
  assert.ok(ok(range.start) && ok(range.end), `${where}: range ${JSON.stringify(range)} lies outside the text (${lines.length} lines)`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${where}: range ${JSON.stringify(range)} ends before it starts`);
}

function assertFacts(facts: FileFacts, lines: readonly string[], where: string): void {
  assert.equal(facts.lineCount, lines.length, `${where}: lineCount`);
  for (const unit of facts.units) {
    assertRange(unit.range, lines, `${where}: unit ${unit.name}`);
    assertRange(unit.nameRange, lines, `${where}: unit ${unit.name} name`);
  }
  for (const call of facts.licenseCalls) {
    assertRange(call.range, lines, `${where}: ${call.function}`);
    assert.ok(call.unitIndex >= -1 && call.unitIndex < facts.units.length, `${where}: ${call.function} in unit ${call.unitIndex} of ${facts.units.length}`);
    for (const arg of call.args) {
      assertRange(arg.range, lines, `${where}: argument of ${call.function}`);
      if (arg.kind === 'literal') for (const item of arg.items) assertRange(item.range, lines, `${where}: list item ${JSON.stringify(item.text.slice(0, 40))}`);
    }
  }
  // One problem per kind (parser.ts): six kinds, plus the decoder's NUL bytes.
  assert.ok(facts.problems.length <= 7, `${where}: ${facts.problems.length} syntax problems (at most one per kind)`);
  for (const problem of facts.problems) assertRange(problem.range, lines, `${where}: problem`);
}

/** How many things a file's diagnostics may be about: units, calls, arguments and list items. */
function factCount(facts: FileFacts): number {
  let count = facts.units.length + facts.problems.length + facts.globalsReferences.length;
  for (const call of facts.licenseCalls) {
    count += 1 + call.args.length;
    for (const arg of call.args) if (arg.kind === 'literal') count += arg.items.length;
  }
  return count;
}

function assertDiagnostics(diagnostics: readonly LicenseDiagnostic[], lines: readonly string[] | undefined, facts: FileFacts | undefined, where: string): void {
  let syntax = 0;
  for (const diagnostic of diagnostics) {
    assert.ok(diagnostic.code in CODES, `${where}: unknown code ${diagnostic.code}`);
    assert.ok(diagnostic.message.length > 0, `${where}: ${diagnostic.code} without a message`);
    if (lines) assertRange(diagnostic.range, lines, `${where}: ${diagnostic.code}`);
    if (diagnostic.code === 'LGX016') syntax += 1;
  }
  assert.ok(syntax <= 7, `${where}: ${syntax} LGX016 diagnostics (syntax problems are one per kind, with their count)`);
  if (facts) {
    const bound = 2 * factCount(facts) + 20;
    assert.ok(diagnostics.length <= bound, `${where}: ${diagnostics.length} diagnostics for ${factCount(facts)} facts (a flood: at most ${bound})`);
  }
}

// ---- parser --------------------------------------------------------------------------------------

export interface ParserInput {
  readonly source: SourceRecipe;
  readonly positions: readonly PositionRecipe[];
}

export function parserInput(options: SourceOptions): fc.Arbitrary<ParserInput> {
  return fc.record({ source: sourceRecipe(options), positions: fc.array(POSITION, { maxLength: 4 }) });
}

/** The text the product would see: editor text, or bytes decoded as Windows-1252 (with its problems). */
function decodedText(recipe: SourceRecipe): { text: string; facts: FileFacts } {
  if (!recipe.asBytes) {
    const text = sourceText(recipe);
    return { text, facts: parseFacts(text) };
  }
  const bytes = sourceBytes(recipe);
  const decoded = decodeSource(bytes);
  // A UTF-8 byte-order mark says the file is UTF-8 (decode.ts): then the text is the UTF-8 decoding
  // of what follows the mark; otherwise Windows-1252 decodes one character per byte.
  const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (utf8) assert.equal(decoded.text, new TextDecoder('utf-8').decode(bytes.subarray(3)), 'a UTF-8 byte-order mark reads as UTF-8');
  else assert.equal(decoded.text.length, bytes.length, 'Windows-1252 decodes one character per byte');
  return { text: decoded.text, facts: factsOfBytes(bytes) };
}

export function checkParser(input: ParserInput): number {
  phase('parseFacts');
  const { text, facts } = decodedText(input.source);
  const lines = linesOf(text);
  const plain = input.source.asBytes ? parseFacts(text) : facts;
  phase('parseFactsFully');
  const full = parseFactsFully(text);
  phase('comparing the two parses and the ranges');
  // Compared as JSON first: deepStrictEqual takes twice as long on 100,000 calls' facts, and it is
  // only needed to show where two parses differ.
  if (JSON.stringify(plain) !== JSON.stringify(full)) assert.deepStrictEqual(plain, full, 'the pre-filtered parse differs from the full parse');
  assertFacts(facts, lines, 'facts');
  phase('foldingRanges, documentSymbols');
  for (const fold of foldingRanges(text, facts.units)) {
    assert.ok(fold.startLine <= fold.endLine && fold.endLine < lines.length, `folding range ${JSON.stringify(fold)} outside ${lines.length} lines`);
  }
  assert.equal(documentSymbols(facts.units).length, facts.units.length, 'one symbol per unit');
  for (const recipe of input.positions) {
    const position = positionIn(recipe, lines);
    phase(`findAt, listAt, calledFunctionAt at ${JSON.stringify(position)}`);
    findAt(facts, position);
    listAt(facts, position);
    if (isValidPosition(position)) calledFunctionAt(text, position);
  }
  return text.length;
}

// ---- incremental ---------------------------------------------------------------------------------

export interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

export interface IncrementalInput {
  readonly source: SourceRecipe;
  readonly edits: readonly Edit[];
}

const EDIT_TEXT = fc.oneof(
  { weight: 4, arbitrary: MUTATION.map((mutation: Mutation) => (mutation.op === 'insert' ? mutation.text : '')) },
  { weight: 2, arbitrary: fc.constantFrom('x', ' ', '\n', 'END FUNCTION\n', '\nFUNCTION g()\n', '  CALL LOG_initApp("WMS")\n', '"', '{', '}', 'MAIN\n', 'END MAIN\n') },
);

export function incrementalInput(options: SourceOptions): fc.Arbitrary<IncrementalInput> {
  return fc.record({
    source: sourceRecipe({ ...options, shapeWeight: 0 }),
    edits: fc.array(fc.record({ at: fc.nat(1 << 20), remove: fc.oneof(fc.constant(0), fc.nat(30)), insert: EDIT_TEXT }), { minLength: 1, maxLength: 25 }),
  });
}

export function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

export function checkIncremental(input: IncrementalInput): number {
  let text = sourceText(input.source);
  let facts = parseFacts(text);
  let size = 0;
  input.edits.forEach((edit, step) => {
    phase(`reparseFacts, edit ${step}`);
    const edited = applyEdit(text, edit);
    const incremental = reparseFacts(text, facts, edited);
    assert.deepStrictEqual(incremental, parseFacts(edited), `after edit ${step} (${JSON.stringify(edit)}) the re-parsed facts differ from a fresh parse`);
    text = edited;
    facts = incremental;
    size += text.length;
  });
  return size;
}

// ---- catalogs ------------------------------------------------------------------------------------

export interface CatalogInput {
  readonly catalog: CatalogRecipe;
  readonly key: string;
}

export function catalogInput(limits: CatalogLimits): fc.Arbitrary<CatalogInput> {
  return fc.record({ catalog: catalogRecipe(limits), key: fc.constantFrom('WMS', 'NEWKEY', 'MANENG', 'x') });
}

/** Three programs and a SYSTEMKEY file, to run each catalog through the engine. */
const CATALOG_PROGRAMS: Record<string, string> = {
  'man10021.4gl': 'MAIN\n  IF LOG_initApp("MANENG,SUPPLA,NOTAKEY") <> 0 THEN RETURN END IF\nEND MAIN\n',
  'sup3760.4gl': 'FUNCTION sup3760()\n  CALL log001_acessa_usuario("SUPRIMEN","x")\nEND FUNCTION\n',
  'pol1000.4gl': 'FUNCTION pol1000()\nEND FUNCTION\n',
  'systemkey_log.4gl': 'FUNCTION systemkey_log()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","man10021,sup3760,pol1000")\nEND FUNCTION\n',
};

export function checkCatalog(input: CatalogInput): number {
  const text = catalogText(input.catalog);
  const lines = linesOf(text);
  phase('parseCatalogFile');
  const parsed = parseCatalogFile('logix-license.json', text);
  for (const problem of parsed.problems) assertRange(problem.range, lines, `catalog problem "${problem.message.slice(0, 80)}"`);
  if (parsed.file) buildCatalog(parsed.file);
  // The catalog's edits (the quick fix, import-log) on whatever text the file holds.
  phase('catalog edits (addKeyEdit, setKeySlotEdit, addMenuEdit)');
  for (const edit of [addKeyEdit(text, input.key, { slot: 1, description: 'x' }), setKeySlotEdit(text, input.key, 7), addMenuEdit(text, 'man10021', input.key)]) {
    if (edit) applyTextEdit(text, edit);
  }
  phase('FolderIndex.setCatalog and the programs resolved with it');
  const overrides = input.key === 'x' ? { logixVersion: '12.1.2301', devTest: true } : {};
  const index = new FolderIndex('logix-license.json', overrides);
  index.setCatalog('logix-license.json', text);
  for (const [path, source] of Object.entries(CATALOG_PROGRAMS)) index.setFile(path, parseFacts(source));
  assertDiagnostics(index.diagnosticsOf('logix-license.json'), lines, undefined, 'logix-license.json');
  exerciseEnvironments(index);
  return text.length;
}

// ---- the engine ----------------------------------------------------------------------------------

export interface WorkspaceFile {
  readonly path: string;
  readonly source: SourceRecipe;
}

export type WorkspaceOp =
  | { readonly op: 'set'; readonly file: number; readonly source: SourceRecipe }
  | { readonly op: 'delete'; readonly file: number }
  | { readonly op: 'catalog'; readonly index: number; readonly catalog: CatalogRecipe | null };

export interface EngineInput {
  readonly files: readonly WorkspaceFile[];
  readonly catalogs: readonly { readonly path: string; readonly catalog: CatalogRecipe }[];
  readonly overrides: { readonly logixVersion?: string; readonly devTest?: boolean };
  readonly ops: readonly WorkspaceOp[];
  readonly positions: readonly PositionRecipe[];
}

const FOLDERS = ['', '', 'a/', 'cust/', 'cust/deep/'];
export const FILE_NAMES = [
  'man10021.4gl', 'man10022.4gl', 'sup3760.4gl', 'vdp1.4gl', 'log00083.4gl', 'job0001.4gl', 'fin0010.4gl', 'pol1000.4gl', 'f.4gl', 'MAN10021.4GL',
  'systemkey_sup.4gl', 'SYSTEMKEY_LOG.4GL', 'systemkey_man.4gl', 'systemkey_vdp.4gl', 'systemkey_xyz.4gl', 'systemkey_prd.4gl', 'other.4gl',
];

export function engineInput(options: SourceOptions & CatalogLimits): fc.Arbitrary<EngineInput> {
  const source = sourceRecipe(options);
  const catalog = catalogRecipe(options);
  return fc.record({
    files: fc.uniqueArray(fc.record({ path: fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...FILE_NAMES)).map(([folder, name]) => folder + name), source }), { maxLength: 6, selector: (file) => file.path }),
    catalogs: fc.uniqueArray(fc.record({ path: fc.constantFrom('logix-license.json', 'cust/logix-license.json', 'a/logix-license.json'), catalog }), { maxLength: 2, selector: (entry) => entry.path }),
    overrides: fc.record({ logixVersion: fc.constantFrom('12.1.2301', '12.1.28', ''), devTest: fc.boolean() }, { requiredKeys: [] }),
    ops: fc.array(fc.oneof(
      fc.record({ op: fc.constant('set' as const), file: fc.nat(7), source: sourceRecipe({ ...options, shapeWeight: 0 }) }),
      fc.record({ op: fc.constant('delete' as const), file: fc.nat(7) }),
      fc.record({ op: fc.constant('catalog' as const), index: fc.nat(2), catalog: fc.option(catalogRecipe({ maxDepth: 50, maxEntries: 20 }), { nil: null }) }),
    ), { maxLength: 4 }),
    positions: fc.array(POSITION, { maxLength: 3 }),
  });
}

interface Workspace {
  readonly texts: Map<string, string>;
  readonly facts: Map<string, FileFacts>;
  readonly catalogs: Map<string, string>;
}

function freshIndex(workspace: Workspace, overrides: EngineInput['overrides'], catalogsFirst: boolean): FolderIndex {
  const index = new FolderIndex('logix-license.json', overrides);
  const catalogs = () => { for (const [path, text] of [...workspace.catalogs].reverse()) index.setCatalog(path, text); };
  if (catalogsFirst) catalogs();
  for (const [path, facts] of catalogsFirst ? workspace.facts : [...workspace.facts].reverse()) index.setFile(path, facts);
  if (!catalogsFirst) catalogs();
  return index;
}

function diagnosticsSnapshot(index: FolderIndex, workspace: Workspace): Map<string, string> {
  const snapshot = new Map<string, string>();
  for (const path of [...workspace.facts.keys(), ...workspace.catalogs.keys()]) snapshot.set(path, JSON.stringify(index.diagnosticsOf(path)));
  return snapshot;
}

function assertSameDiagnostics(actual: FolderIndex, expected: FolderIndex, workspace: Workspace, what: string): void {
  const a = diagnosticsSnapshot(actual, workspace);
  const e = diagnosticsSnapshot(expected, workspace);
  phase(`${what}: comparing the diagnostics`);
  for (const [path, list] of e) assert.equal(a.get(path), list, `${what}: the diagnostics of ${path} differ from a fresh analysis`);
}

/** Every program of every environment: resolved, consumed in every context, rendered every way. */
function exerciseEnvironments(index: FolderIndex): void {
  for (const environment of index.all) {
    const catalog = environment.catalog;
    for (const source of allSources(environment.model)) {
      phase(`resolve, consume, explain ${source.name} (${source.file})`);
      const resolution = environment.resolutionOf(source.name, source.file);
      consumptionTable(resolution, catalog);
      // Every context once; the menu and the collector with each kind of menu key.
      for (const context of EXECUTION_CONTEXTS) {
        for (const menuKey of context === 'menu' || context === 'collector' ? [undefined, '?', 'WMS', 'NOTAKEY', ''] : [undefined]) {
          const options = { context, ...(menuKey !== undefined ? { menuKey } : {}), appLicense: 'WMS' };
          consume(resolution, catalog, options);
          if (context === 'menu' || menuKey === undefined) {
            const explanation = explainResolution(resolution, catalog, options);
            renderExplanationText(explanation, catalog);
            renderExplanationMarkdown(explanation, catalog);
            renderDebugLog(explanation);
            JSON.stringify(explanationToJson(explanation));
          }
        }
      }
    }
    unknownKeyUses(environment.model, catalog);
    proposeCatalog(environment.model, builtInCatalog());
  }
}

/** The editor features, in process, at the input's positions in each file. */
function exerciseFeatures(index: FolderIndex, workspace: Workspace, positions: readonly PositionRecipe[]): void {
  const views: EnvironmentView[] = index.all.map((environment) => ({ files: environment.files, model: environment.model, catalog: environment.catalog, uriOf: (file) => `file:///w/${file}` }));
  for (const [path, text] of workspace.texts) {
    if (text.length > 300_000) continue; // the features' cost on huge files is the LSP campaign's to measure
    const environment = index.environmentOf(path);
    const facts = environment.files.get(path);
    if (!facts) continue;
    const lines = linesOf(text);
    const view = views[index.all.indexOf(environment)]!;
    const document = TextDocument.create(`file:///w/${path}`, '4gl', 1, text);
    const diagnostics = index.diagnosticsOf(path).map((diagnostic) => toLspDiagnostic(diagnostic, DEFAULT_SETTINGS, (file) => `file:///w/${file}`)!).filter(Boolean);
    const area = areaOfProgram(environment.catalog, path.replace(/^.*\//, '').replace(/\.4gl$/i, ''))?.area;
    phase(`code actions of ${path} for its ${diagnostics.length} diagnostics`);
    codeActionsFor({ document, facts, ...(area ? { programArea: area } : {}), catalogFile: { uri: 'file:///w/logix-license.json', ...(environment.catalogFile.text !== undefined ? { text: environment.catalogFile.text } : {}) }, supportsCreateFile: true }, diagnostics);
    for (const recipe of positions) {
      const position = positionIn(recipe, lines);
      if (!isValidPosition(position)) continue; // the server answers InvalidParams before any feature runs
      phase(`hover, completion, definition, references in ${path} at ${JSON.stringify(position)}`);
      hoverAt({ file: path, facts, model: environment.model, catalog: environment.catalog, resolutionOf: environment.resolutionOf, linkTo: (file) => file }, position);
      completionsAt({ facts, catalog: environment.catalog, model: environment.model }, position);
      definitionAt(view, views, path, text, position);
      referencesAt(view, path, position, true);
    }
  }
}

export function checkEngine(input: EngineInput): number {
  const workspace: Workspace = { texts: new Map(), facts: new Map(), catalogs: new Map() };
  let size = 0;
  const setSource = (path: string, source: SourceRecipe) => {
    phase(`parseFacts of ${path}`);
    const { text, facts } = decodedText({ ...source, asBytes: true });
    workspace.texts.set(path, text);
    workspace.facts.set(path, facts);
    size += text.length;
  };
  phase('parseFacts of every file');
  for (const file of input.files) setSource(file.path, file.source);
  for (const { path, catalog } of input.catalogs) workspace.catalogs.set(path, catalogText(catalog));

  phase('FolderIndex: catalogs, then files (model, registrations)');
  const index = freshIndex(workspace, input.overrides, true);
  for (const [path, facts] of workspace.facts) {
    phase(`FolderIndex.diagnosticsOf ${path}`);
    const lines = linesOf(workspace.texts.get(path)!);
    assertFacts(facts, lines, path);
    assertDiagnostics(index.diagnosticsOf(path), lines, facts, path);
  }
  for (const [path, text] of workspace.catalogs) assertDiagnostics(index.diagnosticsOf(path), linesOf(text), undefined, path);
  phase('FolderIndex: files, then catalogs');
  assertSameDiagnostics(freshIndex(workspace, input.overrides, false), index, workspace, 'files before catalogs');
  phase('resolve, consume, explain every program');
  exerciseEnvironments(index);
  exerciseFeatures(index, workspace, input.positions);

  // Incremental changes against a fresh analysis after each.
  const paths = input.files.map((file) => file.path);
  const catalogPaths = ['logix-license.json', 'cust/logix-license.json', 'a/logix-license.json'];
  input.ops.forEach((op, step) => {
    phase(`incremental change ${step} (${op.op})`);
    if (op.op === 'catalog') {
      const path = catalogPaths[op.index % catalogPaths.length]!;
      const text = op.catalog ? catalogText(op.catalog) : undefined;
      if (text === undefined) workspace.catalogs.delete(path);
      else workspace.catalogs.set(path, text);
      index.setCatalog(path, text);
    } else {
      const path = paths[op.file % Math.max(1, paths.length)] ?? 'other.4gl';
      if (op.op === 'delete') {
        workspace.texts.delete(path);
        workspace.facts.delete(path);
        index.deleteFile(path);
      } else {
        setSource(path, op.source);
        index.setFile(path, workspace.facts.get(path)!);
      }
    }
    phase(`incremental change ${step} (${op.op}): a fresh FolderIndex and the diagnostics of both`);
    assertSameDiagnostics(index, freshIndex(workspace, input.overrides, true), workspace, `after change ${step} (${op.op})`);
  });
  return size;
}

// ---- the reference for the LSP campaign ---------------------------------------------------------

export interface ReferenceInput {
  /**
   * Every file of the folder as the server sees it: an open document's text (`text`), or a file on
   * disk, its bytes as a Latin-1 string (`bytes`: decoded as Windows-1252 here, as the server does).
   */
  readonly files: readonly (readonly [string, string, 'text' | 'bytes'])[];
  readonly catalogs: readonly (readonly [string, string])[];
}

export interface ReferenceFile {
  readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly range: Range }[];
  readonly symbols: unknown;
  readonly definesProgram: boolean;
}

/** A fresh analysis of one folder: what the server should show for each file. */
export function reference(input: ReferenceInput): Record<string, ReferenceFile> {
  const index = new FolderIndex();
  for (const [path, text] of input.catalogs) index.setCatalog(path, text);
  for (const [path, text, kind] of input.files) index.setFile(path, kind === 'text' ? parseFacts(text) : factsOfBytes(Buffer.from(text, 'latin1')));
  const result: Record<string, ReferenceFile> = {};
  for (const path of [...input.files.map(([path]) => path), ...input.catalogs.map(([path]) => path)]) {
    const facts = index.factsOf(path);
    result[path] = {
      diagnostics: index.diagnosticsOf(path).map((diagnostic) => ({ code: diagnostic.code, message: diagnostic.message, range: diagnostic.range })),
      symbols: facts ? JSON.parse(JSON.stringify(documentSymbols(facts.units))) : [],
      definesProgram: programDefinedIn(index.environmentOf(path).model, path) !== undefined,
    };
  }
  return result;
}

// ---- dispatch ------------------------------------------------------------------------------------

export const CHECKS = {
  parser: checkParser,
  incremental: checkIncremental,
  catalog: checkCatalog,
  engine: checkEngine,
} as const;

export type CheckKind = keyof typeof CHECKS;
