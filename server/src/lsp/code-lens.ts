/** The code lens above each program's main function: its default key, slot and key count. */
import type { CodeLens } from 'vscode-languageserver/node';
import type { Catalog } from '../license/catalog.js';
import type { ProgramSource } from '../license/model.js';
import type { Resolution } from '../license/resolve.js';
import { EXPLAIN_COMMAND } from './custom-messages.js';

/** `command`: the client's EXPLAIN_COMMAND or the server's own (explain-command.ts's lensCommandFor). */
export function programCodeLens(program: ProgramSource, resolution: Resolution, catalog: Catalog, uri: string, command = EXPLAIN_COMMAND): CodeLens {
  return {
    range: program.mainUnit.nameRange,
    command: { title: lensTitle(resolution, catalog), command, arguments: [{ uri, program: program.name }] },
  };
}

export function lensTitle(resolution: Resolution, catalog: Catalog): string {
  if (resolution.free) return 'License: free program (R12)';
  const key = resolution.defaultKey;
  if (!key) return 'License: no valid key (R10: the menu key is consumed)';
  // The default key (R8), with the short slot wording a title has room for.
  const slot = catalog.keys.get(key)?.slot;
  const count = resolution.finalKeys.length;
  const slotText = slot === undefined ? 'slot unknown' : slot === null ? 'slot not filled in' : `slot ${slot}`;
  return `License: ${key} (${slotText}) · ${count} key${count === 1 ? '' : 's'}`;
}
