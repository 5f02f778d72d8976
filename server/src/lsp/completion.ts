/**
 * Completion inside a declaration's key string (catalog keys, own area first, with slot and
 * description) and inside a SYSTEMKEY program list (the workspace's programs).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver/node';
import type { Catalog } from '../license/catalog.js';
import { describeSlotNumber } from '../license/explain.js';
import type { LicenseModel } from '../license/model.js';
import type { FileFacts, LiteralArgument } from '../syntax/facts.js';
import { rangeContains, type Position, type Range } from '../syntax/positions.js';

export interface CompletionContext {
  readonly facts: FileFacts;
  readonly catalog: Catalog;
  readonly model: LicenseModel;
  /** The area of the program being edited, for ordering. */
  readonly ownArea?: string;
}

export function completionsAt(context: CompletionContext, position: Position): CompletionItem[] {
  for (const call of context.facts.licenseCalls) {
    const [keys, programs] = call.args;
    if (keys?.kind === 'literal' && insideString(keys, position)) {
      const range = replaceRange(keys, position);
      return keyCompletions(context, range, call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList');
    }
    if (call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList' && programs?.kind === 'literal' && insideString(programs, position)) {
      return programCompletions(context, replaceRange(programs, position));
    }
  }
  return [];
}

function keyCompletions(context: CompletionContext, range: Range, inRegistration: boolean): CompletionItem[] {
  return [...context.catalog.keys.values()].map((entry) => {
    const ownArea = !inRegistration && context.ownArea !== undefined && entry.area === context.ownArea;
    return {
      label: entry.key,
      kind: CompletionItemKind.Constant,
      detail: `${describeSlotNumber(entry.slot)}${entry.area ? ` · area ${entry.area}` : ''}`,
      documentation: { kind: 'markdown', value: `${entry.description ?? ''}\n\n_${entry.origin}_` },
      sortText: `${ownArea ? '0' : '1'}${entry.key}`,
      textEdit: { range, newText: entry.key },
    };
  });
}

function programCompletions(context: CompletionContext, range: Range): CompletionItem[] {
  return [...context.model.programs.values()].map((program) => ({
    label: program.name,
    kind: CompletionItemKind.Module,
    detail: program.file,
    textEdit: { range, newText: program.name },
  }));
}

/** Inside the quotes of one of the argument's pieces (not on the quotes' outer side). */
function insideString(argument: LiteralArgument, position: Position): boolean {
  return argument.pieces.some((piece) =>
    rangeContains(piece, position) &&
    !(position.line === piece.start.line && position.character === piece.start.character));
}

/** The element under the cursor is replaced by the chosen completion. */
function replaceRange(argument: LiteralArgument, position: Position): Range {
  const item = argument.items.find((candidate) => rangeContains(candidate.range, position));
  if (!item) return { start: position, end: position };
  const text = item.text;
  const leading = text.length - text.trimStart().length;
  const start = item.range.start.line === item.range.end.line
    ? { line: item.range.start.line, character: item.range.start.character + leading }
    : item.range.start;
  return { start, end: item.range.end };
}
