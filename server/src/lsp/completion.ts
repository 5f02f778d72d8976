/**
 * Completion inside a declaration's key string (catalog keys, own area first, with slot and
 * description) and inside a SYSTEMKEY program list (the workspace's programs).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver/node';
import { t } from '../l10n/messages.js';
import { catalogSourceText, type Catalog } from '../license/catalog.js';
import { describeSlotNumber } from '../license/explain.js';
import type { LicenseModel } from '../license/model.js';
import type { FileFacts } from '../syntax/facts.js';
import { listAt } from '../syntax/find.js';
import type { Position, Range } from '../syntax/positions.js';

export interface CompletionContext {
  readonly facts: FileFacts;
  readonly catalog: Catalog;
  readonly model: LicenseModel;
  /** The area of the program being edited, for ordering. */
  readonly ownArea?: string;
}

export function completionsAt(context: CompletionContext, position: Position): CompletionItem[] {
  const list = listAt(context.facts, position);
  if (!list) return [];
  if (list.kind === 'programs') return programCompletions(context, list.replaceRange);
  return keyCompletions(context, list.replaceRange, list.call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList');
}

function keyCompletions(context: CompletionContext, range: Range, inRegistration: boolean): CompletionItem[] {
  return [...context.catalog.keys.values()].map((entry) => {
    const ownArea = !inRegistration && context.ownArea !== undefined && entry.area === context.ownArea;
    return {
      label: entry.key,
      kind: CompletionItemKind.Constant,
      detail: `${describeSlotNumber(entry.slot)}${entry.area ? t` · area ${entry.area}` : ''}`,
      documentation: { kind: 'markdown', value: `${entry.description ?? ''}\n\n_${catalogSourceText(entry.origin)}_` },
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
