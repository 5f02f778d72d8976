/**
 * The VS Code side: starts the language server, registers the commands, offers a folder without a
 * logix-license.json its start (catalog-prompt.ts), compares AppServer logs and imports what they
 * teach (log-commands.ts), shows the license map (license-map.ts) and the explain report in
 * read-only documents (explain-documents.ts), and nothing else. Every rule lives in the server;
 * the client only asks and shows.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { encodingLabelOfEditor } from '../../server/src/workspace/decode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CatalogPrompt } from './catalog-prompt';
import { LogCommands } from './log-commands';
import { ExplainDocuments } from './explain-documents';
import { LicenseMapView } from './license-map';
import {
  CREATE_CATALOG_COMMAND,
  EXPLAIN_COMMAND,
  ExplainRequest,
  ProgramInfoRequest,
  type ExplainParams,
  type ExplainResult,
  type InitializationOptions,
  type ProgramInfoParams,
  type ProgramInfoResult,
} from '../../server/src/lsp/custom-messages';
import type { ExecutionContext } from '../../server/src/license/resolve';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let explainDocuments: ExplainDocuments;

/** What the extension exports: the license map's view and data provider (the end-to-end tests read them). */
export interface LogixLicenseApi {
  readonly licenseMap: LicenseMapView;
}

/**
 * Every execution context, in the quick pick's order (typed by the engine's list: none is left
 * out). Made when asked, in the user's language.
 */
function contextChoices(): Record<ExecutionContext, { label: string; description: string }> {
  const typeI = vscode.l10n.t('type I from 12.1.29 (R13)');
  return {
    menu: { label: vscode.l10n.t('Menu'), description: vscode.l10n.t('launched from a menu shortcut (R9–R11)') },
    called: { label: vscode.l10n.t('Called by another program'), description: vscode.l10n.t('nothing new: the caller holds the license (R14)') },
    collector: { label: vscode.l10n.t('Data collector'), description: vscode.l10n.t('MEN3002 / telnet: type T (R13)') },
    web: { label: vscode.l10n.t('Web portal'), description: typeI },
    rest: { label: vscode.l10n.t('REST request'), description: typeI },
    'rest-tpd': { label: vscode.l10n.t('REST request of TOTVS Privacidade de Dados'), description: vscode.l10n.t('free from 12.1.2301 (R12)') },
    soap: { label: vscode.l10n.t('SOAP request'), description: typeI },
    mingle: { label: vscode.l10n.t('Mingle app'), description: vscode.l10n.t('type I (R13); an app\'s own license code: explain --app-license on the command line') },
    scheduler: { label: vscode.l10n.t('Task scheduler'), description: vscode.l10n.t('starts with PADRAO, then the task key (R13)') },
    'eai-in': { label: vscode.l10n.t('Incoming EAI message'), description: vscode.l10n.t('exempt (R13)') },
    'eai-out': { label: vscode.l10n.t('Outgoing EAI message'), description: vscode.l10n.t('nothing extra (R13)') },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<LogixLicenseApi> {
  output = vscode.window.createOutputChannel('Logix License', { log: true });
  const catalogPrompt = new CatalogPrompt(context, () => client, output);
  const logCommands = new LogCommands(() => client, output);
  explainDocuments = new ExplainDocuments();
  const licenseMap = new LicenseMapView(() => client, output);
  context.subscriptions.push(
    ...logCommands.register(),
    output,
    explainDocuments,
    licenseMap,
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (args?: { uri?: string; program?: string }) => explain(args)),
    vscode.commands.registerCommand('logix.restartServer', async () => {
      await client?.restart();
      output.info('language server restarted');
    }),
    vscode.commands.registerCommand('logix.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(CREATE_CATALOG_COMMAND, (target?: vscode.Uri) => catalogPrompt.runCommand(target instanceof vscode.Uri ? target : undefined)),
  );
  client = createClient(context);
  await client.start();
  // Each folder's question waits, in the server, for the folder's first index.
  context.subscriptions.push(catalogPrompt.watchFolders(), licenseMap.listen(client));
  return { licenseMap };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: '4gl' }, { scheme: 'untitled', language: '4gl' }],
    outputChannel: output,
    traceOutputChannel: output,
    // Settings changes reach the server through its own registration (server.ts), not here: both
    // would send each change twice.
    // The persisted index lives in the extension's storage, never in the user's workspace. The
    // code lens runs this client's own Explain command (registered above): the server then
    // offers no command of its own, which the language client would register as a second one.
    initializationOptions: {
      cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
      clientCommands: [EXPLAIN_COMMAND],
    } satisfies InitializationOptions,
    middleware: {
      workspace: {
        // `logix.encoding` left empty means: the encoding VS Code itself uses for 4GL files
        // (`files.encoding` for the language, windows1252 unless the user says otherwise), so the
        // files the server reads from disk read as the editor shows them.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, index) => {
            const item = params.items[index];
            if (item?.section !== 'logix' || !value || typeof value !== 'object' || (value as { encoding?: unknown }).encoding) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const editorEncoding = vscode.workspace.getConfiguration('files', { languageId: '4gl', ...(scope ? { uri: scope } : {}) }).get<string>('encoding');
            const label = editorEncoding ? encodingLabelOfEditor(editorEncoding) : undefined;
            return label ? { ...(value as object), encoding: label } : value;
          });
        },
      },
    },
  };
  return new LanguageClient('logix', 'Logix License', serverOptions, clientOptions);
}

/**
 * Picks a context and a menu key, asks the server, and shows the report beside the debug log, both
 * read-only, in the tabs of the last run when they are open.
 */
async function explain(args?: { uri?: string; program?: string }): Promise<void> {
  if (!client) return;
  const uri = args?.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a 4GL program to explain its license consumption.'));
    return;
  }
  const info = await client.sendRequest<ProgramInfoResult>(ProgramInfoRequest, { uri } satisfies ProgramInfoParams);
  const program = args?.program ?? info.program;
  if (!program) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file is not a program (no MAIN, and no FUNCTION named like the file).'));
    return;
  }
  const contexts = Object.entries(contextChoices()).map(([context, choice]) => ({ ...choice, context }));
  const picked = await vscode.window.showQuickPick(contexts, { title: vscode.l10n.t('Explain {0}: execution context', program) });
  if (!picked) return;
  let menuKey: string | undefined;
  if (picked.context === 'menu') {
    const items = info.menuKeys.map((key) => ({ label: key, description: key === info.configuredMenuKey ? vscode.l10n.t('configured in logix-license.json') : key === '?' ? vscode.l10n.t('the menu suggests no key (R11)') : '' }));
    const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Explain {0}: menu key of the shortcut', program) });
    if (!choice) return;
    menuKey = choice.label;
  }
  const result = await client.sendRequest<ExplainResult | null>(ExplainRequest, { uri, program, context: picked.context, ...(menuKey ? { menuKey } : {}) } satisfies ExplainParams);
  if (!result) return;
  await explainDocuments.show(result.report, result.log);
}
