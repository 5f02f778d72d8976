/**
 * Explaining a program's license consumption: the answer of the VS Code client's custom request,
 * and the server's own command that the code lens runs in every other client.
 *
 * The VS Code client runs the lens's EXPLAIN_COMMAND itself (pickers for the context and menu key,
 * the report beside the debug log) and says so in its initialization options. Any other client
 * gets SERVER_EXPLAIN_COMMAND in the lens and in `executeCommandProvider`. Run, it answers the same
 * ExplainResult as the custom request (menu context and the configured menu key unless the
 * arguments say otherwise), and shows the report as plain text with `window/showMessage`, the one
 * display every client has (Neovim's codelens runner ignores a command's result, and
 * `window/showDocument` needs a document to show); the debug log goes to the server's log, where a
 * user compares it with the AppServer's.
 */
import type { Catalog } from '../license/catalog.js';
import { explainResolution, renderDebugLog, renderExplanationMarkdown, renderExplanationText } from '../license/explain.js';
import { programNameOf, type LicenseModel } from '../license/model.js';
import { EXECUTION_CONTEXTS, type ExecutionContext, type ResolutionLookup } from '../license/resolve.js';
import { EXPLAIN_COMMAND, SERVER_EXPLAIN_COMMAND, type ExplainParams, type ExplainResult, type InitializationOptions } from './custom-messages.js';

/** What explaining needs of an environment's index. */
export interface ExplainIndex {
  readonly catalog: Catalog;
  readonly resolutionOf: ResolutionLookup;
  readonly model: Pick<LicenseModel, 'programIn'>;
}

/** The command the code lens runs: the client's own when it declares it runs it, else the server's. */
export function lensCommandFor(initializationOptions: unknown): string {
  const commands = (initializationOptions as InitializationOptions | null | undefined)?.clientCommands;
  return Array.isArray(commands) && commands.includes(EXPLAIN_COMMAND) ? EXPLAIN_COMMAND : SERVER_EXPLAIN_COMMAND;
}

/** The commands the server executes, given the lens's: none when the client runs the lens's itself. */
export function serverCommands(lensCommand: string): string[] {
  return lensCommand === SERVER_EXPLAIN_COMMAND ? [SERVER_EXPLAIN_COMMAND] : [];
}

/**
 * The explanation of the program of `file` (or `params.program`) in its environment: of this very
 * file when it defines the program (another file of the environment may define the same name).
 */
export function explain(index: ExplainIndex, file: string, params: Omit<ExplainParams, 'uri'>): { result: ExplainResult; text: string } {
  const program = (params.program ?? programNameOf(file)).toLowerCase();
  const definingFile = index.model.programIn(file)?.name === program ? file : undefined;
  const context = EXECUTION_CONTEXTS.includes(params.context as ExecutionContext) ? (params.context as ExecutionContext) : 'menu';
  const explanation = explainResolution(index.resolutionOf(program, definingFile), index.catalog, { context, ...(params.menuKey ? { menuKey: params.menuKey } : {}) });
  return {
    result: { program, report: renderExplanationMarkdown(explanation, index.catalog), log: renderDebugLog(explanation) },
    text: renderExplanationText(explanation, index.catalog),
  };
}

/** The explain parameters in a command's arguments (untrusted: any client may send anything). */
export function explainArguments(args: readonly unknown[] | undefined): ExplainParams | undefined {
  const first = args?.[0];
  if (!first || typeof first !== 'object') return undefined;
  const { uri, program, menuKey, context } = first as Record<string, unknown>;
  if (typeof uri !== 'string') return undefined;
  return {
    uri,
    ...(typeof program === 'string' && program !== '' ? { program } : {}),
    ...(typeof menuKey === 'string' && menuKey !== '' ? { menuKey } : {}),
    ...(typeof context === 'string' ? { context } : {}),
  };
}
