/**
 * Quick fixes, switched on the diagnostic code and computed from its `data` and the current
 * facts of the document (ARCHITECTURE.md, invariant 4). Every edit is versioned against the document it
 * fixes and touches only the range it fixes. `source.fixAll.logix` applies the safe ones.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n/messages.js';
import { addKeyEdit } from '../license/catalog-edit.js';
import { normalizeKey } from '../license/catalog.js';
import type { DiagnosticData } from '../license/diagnostics.js';
import { quoteSource } from '../license/quote-source.js';
import type { FileFacts, LicenseCall, LiteralArgument } from '../syntax/facts.js';
import { findAt } from '../syntax/find.js';
import { normalizeList, removeListItem, type TextReplacement } from '../syntax/list-edits.js';
import { comparePositions, LineMap, type Range } from '../syntax/positions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.logix`;

export interface CodeActionContext {
  readonly document: TextDocument;
  readonly facts: FileFacts;
  /** The program's area, for the key added to the catalog. */
  readonly programArea?: string;
  /**
   * The folder's catalog file: its URI, text when it exists, version when it is open, and whether
   * it exists but cannot be read (then no key is added: creating it would write over it).
   */
  readonly catalogFile: { readonly uri: string; readonly text?: string; readonly version?: number; readonly unreadable?: boolean };
  readonly supportsCreateFile: boolean;
}

export function codeActionsFor(context: CodeActionContext, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === CodeActionKind.Source);
  const wantsQuickFix = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
  const actions: CodeAction[] = [];
  if (wantsQuickFix) {
    for (const diagnostic of diagnostics) actions.push(...quickFixes(context, diagnostic));
  }
  if (wantsFixAll) {
    const fixAll = fixAllAction(context, diagnostics);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The fixes that cannot change what a program consumes: duplicates, list form, A1 registrations.
 * LGX014 counts as safe by reading: the runtime may or may not trim spaces and skip empty
 * elements (diagnostics.ts), and the normalised list is what it would keep if it does.
 */
const SAFE_CODES = new Set(['LGX007', 'LGX008', 'LGX014']);

function fixAllAction(context: CodeActionContext, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const chosen: TextReplacement[] = [];
  const sorted = [...diagnostics].filter((diagnostic) => SAFE_CODES.has(String(diagnostic.code)))
    .sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (const diagnostic of sorted) {
    const [first] = quickFixes(context, diagnostic);
    const edits = first ? editsOf(first, context.document.uri) : [];
    // Overlapping fixes (a duplicate inside a list being normalised) are left for a second pass.
    if (edits.some((edit) => chosen.some((other) => overlaps(edit.range, other.range)))) continue;
    chosen.push(...edits);
  }
  if (chosen.length === 0) return undefined;
  return { title: t('Fix all safe Logix license problems'), kind: FIX_ALL_KIND, edit: documentEdit(context.document, chosen) };
}

function quickFixes(context: CodeActionContext, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | { code: string } | undefined;
  if (!data || typeof data !== 'object' || !('code' in data)) return [];
  switch (data.code) {
    case 'LGX001':
    case 'LGX018':
      return unknownKeyFixes(context, diagnostic, data as Extract<DiagnosticData, { code: 'LGX001' | 'LGX018' }>);
    case 'LGX003':
      return missingInitAppFix(context, diagnostic, data as Extract<DiagnosticData, { code: 'LGX003' }>);
    case 'LGX005':
      return rewriteAcessaUsuario(context, diagnostic);
    case 'LGX007':
      return removeItemFix(context, diagnostic, 'program', (name) => t`Remove ${name} from this SYSTEMKEY list (A1)`);
    case 'LGX008':
      return removeItemFix(context, diagnostic, 'any', (name) => t`Remove the duplicate ${name}`);
    case 'LGX014':
      return normalizeFix(context, diagnostic);
    default:
      return [];
  }
}

// ---- LGX001, LGX018 --------------------------------------------------------------------------

/**
 * An invalid key (LGX001): a near key first, the area default, removal, or adding it to the
 * catalog. An unverified one (LGX018) most likely exists in the installation: adding it to the
 * catalog comes first, a near key second (it may be a typo), never removal.
 */
function unknownKeyFixes(context: CodeActionContext, diagnostic: Diagnostic, data: Extract<DiagnosticData, { code: 'LGX001' | 'LGX018' }>): CodeAction[] {
  const found = findAt(context.facts, diagnostic.range.start);
  if (found?.kind !== 'key' || normalizeKey(found.item.text) !== data.key) return [];
  const actions: CodeAction[] = [];
  const unverified = data.code === 'LGX018';
  const catalogEdit = addKeyToCatalog(context, data.key);
  if (unverified) {
    if (catalogEdit) actions.push({ title: t`Add ${quoteSource(data.key)} to logix-license.json`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: catalogEdit, isPreferred: true });
    for (const suggestion of data.suggestions) {
      actions.push(fix(t`Replace ${quoteSource(data.key)} with ${suggestion}`, diagnostic, context.document, [{ range: found.item.range, newText: suggestion }]));
    }
    return actions;
  }
  const replacements = [...data.suggestions];
  data.suggestions.forEach((suggestion, index) => {
    actions.push(fix(t`Replace ${quoteSource(data.key)} with ${suggestion}`, diagnostic, context.document, [{ range: found.item.range, newText: suggestion }], index === 0));
  });
  if (data.areaDefaultKey && !replacements.includes(data.areaDefaultKey)) {
    actions.push(fix(t`Replace ${quoteSource(data.key)} with the area default ${data.areaDefaultKey} (R6)`, diagnostic, context.document, [{ range: found.item.range, newText: data.areaDefaultKey }]));
  }
  if (found.argument.items.length > 1) {
    actions.push(fix(t`Remove ${quoteSource(data.key)} from the list`, diagnostic, context.document, [removeListItem(context.document.getText(), found.argument, found.itemIndex)]));
  }
  if (catalogEdit) actions.push({ title: t`Add ${quoteSource(data.key)} to logix-license.json`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: catalogEdit });
  return actions;
}

function addKeyToCatalog(context: CodeActionContext, key: string): WorkspaceEdit | undefined {
  const entry: Record<string, string> = context.programArea ? { area: context.programArea } : {};
  const { uri, text, version } = context.catalogFile;
  if (text === undefined) {
    if (!context.supportsCreateFile || context.catalogFile.unreadable) return undefined;
    const content = `${JSON.stringify({ keys: { [key]: entry } }, null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
      ],
    };
  }
  // One insertion in the file's own style; a file that is not valid JSON is left to LGX015.
  const edit = addKeyEdit(text, key, entry);
  if (!edit) return undefined;
  const lines = new LineMap(text);
  return {
    documentChanges: [{
      textDocument: { uri, version: version ?? null },
      edits: [{ range: lines.rangeOf(edit.offset, edit.offset + edit.length), newText: edit.content }],
    }],
  };
}

// ---- LGX003 ----------------------------------------------------------------------------------

function missingInitAppFix(context: CodeActionContext, diagnostic: Diagnostic, data: Extract<DiagnosticData, { code: 'LGX003' }>): CodeAction[] {
  if (!data.areaDefaultKey) return []; // no area default to declare: nothing safe to propose
  const unit = context.facts.units.find((candidate) => comparePositions(candidate.nameRange.start, diagnostic.range.start) === 0);
  if (!unit) return [];
  const text = context.document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A3: the first action; DEFINEs stay before it (4GL requires declarations first).
  const anchorLine = unit.firstStatement?.start.line ?? unit.range.end.line;
  const lineText = lineAt(text, anchorLine);
  const indent = unit.firstStatement ? /^[ \t]*/.exec(lineText)![0] : `${/^[ \t]*/.exec(lineAt(text, unit.range.start.line))![0]}   `;
  const insert = `${indent}IF LOG_initApp("${data.areaDefaultKey}") <> 0 THEN${eol}${indent}   RETURN${eol}${indent}END IF${eol}`;
  const at = { line: anchorLine, character: 0 };
  return [fix(t`Insert LOG_initApp("${data.areaDefaultKey}") as the first statement (R1, A3)`, diagnostic, context.document, [{ range: { start: at, end: at }, newText: insert }], true)];
}

// ---- LGX005 ----------------------------------------------------------------------------------

function rewriteAcessaUsuario(context: CodeActionContext, diagnostic: Diagnostic): CodeAction[] {
  const call = callAt(context.facts, diagnostic.range);
  if (!call || call.function !== 'log001_acessa_usuario' || !call.complete || call.args.length === 0) return [];
  const text = context.document.getText();
  const lines = new LineMap(text);
  const first = call.args[0]!;
  const firstText = text.slice(lines.offsetAt(first.range.start), lines.offsetAt(first.range.end));
  const edits: TextReplacement[] = [
    { range: call.nameRange, newText: 'LOG_initApp' },
    { range: call.argumentsRange, newText: `(${firstText})` },
  ];
  if (call.returning && call.returning.variables.length > 1) {
    edits.push({ range: call.returning.range, newText: `RETURNING ${call.returning.variables[0]}` });
  }
  // Not preferred: LOG_initApp returns 0 on success where log001_acessa_usuario returned TRUE,
  // so the status test that follows must be read by a person (A2).
  return [fix(t('Rewrite as LOG_initApp, keeping the RETURNING status (A2; LOG_initApp returns 0 on success: check the test that follows)'), diagnostic, context.document, edits)];
}

// ---- LGX007, LGX008 --------------------------------------------------------------------------

function removeItemFix(
  context: CodeActionContext,
  diagnostic: Diagnostic,
  kind: 'program' | 'any',
  title: (name: string) => string,
): CodeAction[] {
  const found = findAt(context.facts, diagnostic.range.start);
  if (!found || (found.kind !== 'key' && found.kind !== 'program') || (kind === 'program' && found.kind !== 'program')) return [];
  const text = context.document.getText();
  const name = found.item.text.trim();
  if (found.kind === 'program' && found.argument.items.filter((item) => item.text.trim() !== '').length === 1) {
    // The list's only program: the whole registration goes, line and all.
    return [fix(title(quoteSource(name)), diagnostic, context.document, [wholeLines(text, found.call.statementRange)], true)];
  }
  return [fix(title(quoteSource(name)), diagnostic, context.document, [removeListItem(text, found.argument, found.itemIndex)], true)];
}

// ---- LGX014 ----------------------------------------------------------------------------------

function normalizeFix(context: CodeActionContext, diagnostic: Diagnostic): CodeAction[] {
  const argument = argumentAt(context.facts, diagnostic.range);
  if (!argument) return [];
  const { argument: literal, isKeyList } = argument;
  const normalize = isKeyList ? normalizeKey : (element: string) => element.trim().toLowerCase();
  const edits = normalizeList(context.document.getText(), literal, normalize);
  return [fix(t('Normalise the list'), diagnostic, context.document, edits, true)];
}

// ---- helpers ---------------------------------------------------------------------------------

function fix(title: string, diagnostic: Diagnostic, document: TextDocument, edits: readonly TextReplacement[], isPreferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: documentEdit(document, edits),
    ...(isPreferred ? { isPreferred } : {}),
  };
}

function documentEdit(document: TextDocument, edits: readonly TextReplacement[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: edits as TextEdit[] }] };
}

function editsOf(action: CodeAction, uri: string): TextReplacement[] {
  const change = action.edit?.documentChanges?.[0];
  return change && 'textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextReplacement[]) : [];
}

function callAt(facts: FileFacts, range: Range): LicenseCall | undefined {
  return facts.licenseCalls.find((call) => comparePositions(call.range.start, range.start) <= 0 && comparePositions(range.end, call.range.end) <= 0);
}

function argumentAt(facts: FileFacts, range: Range): { call: LicenseCall; argument: LiteralArgument; isKeyList: boolean } | undefined {
  for (const call of facts.licenseCalls) {
    const index = call.args.findIndex((argument) => comparePositions(argument.range.start, range.start) === 0 && comparePositions(argument.range.end, range.end) === 0);
    const argument = call.args[index];
    if (argument?.kind === 'literal') return { call, argument, isKeyList: index === 0 };
  }
  return undefined;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

function lineAt(text: string, line: number): string {
  const lines = new LineMap(text);
  const start = lines.offsetAt({ line, character: 0 });
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The full lines a range covers, line break included. */
function wholeLines(text: string, range: Range): TextReplacement {
  const lines = new LineMap(text);
  const endLine = range.end.line + 1;
  const end = endLine < lines.lineCount ? { line: endLine, character: 0 } : lines.positionAt(text.length);
  return { range: { start: { line: range.start.line, character: 0 }, end }, newText: '' };
}
