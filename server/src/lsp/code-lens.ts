/** The code lens above each program's main function: its default key, slot and key count. */
import type { CodeLens } from 'vscode-languageserver/node';
import { t } from '../l10n/messages.js';
import { keyStatus, type Catalog } from '../license/catalog.js';
import type { ProgramSource } from '../license/model.js';
import { quoteSource } from '../license/quote-source.js';
import { consume, type Resolution } from '../license/resolve.js';
import { EXPLAIN_COMMAND } from './custom-messages.js';

/** `command`: the client's EXPLAIN_COMMAND or the server's own (explain-command.ts's lensCommandFor). */
export function programCodeLens(program: ProgramSource, resolution: Resolution, catalog: Catalog, uri: string, command = EXPLAIN_COMMAND): CodeLens {
  return {
    range: program.mainUnit.nameRange,
    command: { title: lensTitle(resolution, catalog), command, arguments: [{ uri, program: program.name }] },
  };
}

export function lensTitle(resolution: Resolution, catalog: Catalog): string {
  // Whether anything is consumed at all is the engine's answer (R12 free, R1 never asks).
  const fromMenu = consume(resolution, catalog, { context: 'menu', devTest: false });
  if (fromMenu.rule === 'R12') return t('License: free program (R12)');
  if (fromMenu.rule === 'R1') return t('License: none, no LOG_initApp (R1)');
  const key = resolution.defaultKey;
  if (!key) return t('License: no valid key (R10: the menu key is consumed)');
  // The default key (R8), with the short slot wording a title has room for.
  const slot = catalog.keys.get(key)?.slot;
  const count = resolution.finalKeys.length;
  const slotWords = slot === null ? t('slot not filled in')
    : slot !== undefined ? t({ message: 'slot {0}', args: [slot], comment: 'a slot number' })
      : keyStatus(catalog, key) === 'unverified' ? t('assumed, slot unknown') : t('slot unknown');
  return count === 1 ? t`License: ${quoteSource(key)} (${slotWords}) · ${count} key` : t`License: ${quoteSource(key)} (${slotWords}) · ${count} keys`;
}
