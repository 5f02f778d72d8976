/**
 * The Logix license language server: wiring only. Run by the VS Code client, or standalone with
 * `node server/out/server.js --stdio` for any LSP editor. Documents and file changes go to the
 * WorkspaceManager; each request goes to one method of Queries. Params of the wrong shape are
 * answered InvalidParams before any handler runs (lsp/params.ts); a failing handler answers empty
 * and logs, it never takes the server down.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type ResponseError,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { statSync } from 'node:fs';
import packageJson from '../../package.json';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOf } from './l10n/language.js';
import { useLanguage } from './l10n/messages.js';
import { CATALOG_FILE_NAME } from './license/catalog.js';
import { FIX_ALL_KIND } from './lsp/code-actions.js';
import { ExplainRequest, ProgramInfoRequest, type ExplainParams, type ExplainResult, type ProgramInfoParams, type ProgramInfoResult } from './lsp/custom-messages.js';
import { CatalogProposalRequest, type CatalogProposalParams, type CatalogProposalResult } from './lsp/custom-messages.js';
import { ClearLogComparisonRequest, CompareLogRequest, ImportLogRequest, type ClearLogComparisonParams, type CompareLogParams, type CompareLogResult, type ImportLogParams, type ImportLogResult } from './lsp/custom-messages.js';
import { LicenseMapChangedNotification, LicenseMapRequest, type LicenseMapChangedParams, type LicenseMapParams, type LicenseMapResult } from './lsp/custom-messages.js';
import { lensCommandFor, serverCommands } from './lsp/explain-command.js';
import { clientWatchesFiles, FolderWatchers } from './lsp/folder-watchers.js';
import { LicenseMapNotifier } from './lsp/license-map.js';
import { NotificationParams, Params, validated, validatedDocumentEvents, validatedNotification } from './lsp/params.js';
import { Queries } from './lsp/queries.js';
import { unlessCancelled } from './lsp/cancellation.js';
import { SettingsCache } from './lsp/settings.js';
import { WorkspaceManager } from './lsp/workspace-manager.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace: WorkspaceManager;
let queries: Queries;
/** The server's own watching of the folders, when the client cannot watch files for it. */
let folderWatchers: FolderWatchers | undefined;
/** `logix/licenseMapChanged`, once a folder's changes pause. */
const licenseMapNotifier = new LicenseMapNotifier((folderUri) => {
  void connection.sendNotification(LicenseMapChangedNotification, { folderUri } satisfies LicenseMapChangedParams);
});

/** Logs a notification dropped for its params. */
const warn = (message: string) => connection.console.warn(message);

/**
 * Runs a handler; on any error logs it and answers `fallback` (the server survives bad input). A
 * request the client cancels is answered `RequestCancelled` at once (cancellation.ts).
 */
function safe<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params: P, token?: CancellationToken) => {
    try {
      return await unlessCancelled(token, () => handler(params));
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      return fallback;
    }
  };
}

/** This bundle's size and time: a persisted index written by another build is not trusted. */
function serverBuild(): string {
  try {
    const stat = statSync(__filename);
    return `${stat.size}-${stat.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

// Exit only once the persisted index being written is complete (a half-written one is never
// read: it is written aside and renamed, but the next start would then parse everything).
connection.onShutdown(() => {
  folderWatchers?.closeAll();
  licenseMapNotifier.dispose();
  return workspace?.whenPersisted();
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // The client's language, before the server says a word (an absent or unknown locale: English).
  useLanguage(languageOf(params.locale));
  const capabilities = params.capabilities;
  const settings = new SettingsCache(connection, capabilities.workspace?.configuration === true);
  const cacheFolder = (params.initializationOptions as { cacheFolder?: unknown } | undefined)?.cacheFolder;
  workspace = new WorkspaceManager({ build: serverBuild(), ...(typeof cacheFolder === 'string' ? { cacheFolder } : {}) }, connection, settings);
  workspace.publisher.usePull(capabilities.textDocument?.diagnostic !== undefined);
  workspace.onFolderChanged = (folderUri) => licenseMapNotifier.changed(folderUri);
  // The code lens runs the client's own Explain when the client says it has one (VS Code), else
  // the server's command (explain-command.ts).
  const lensCommand = lensCommandFor(params.initializationOptions);
  const commands = serverCommands(lensCommand);
  queries = new Queries(workspace, documents, {
    supportsCreateFile: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    lensCommand,
  });
  // The folders exist before any other message is handled: a document the editor opens right
  // after `initialized` (restored editors) waits for its own folder.
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  workspace.declareFolders(folders);
  if (!clientWatchesFiles(capabilities)) {
    folderWatchers = new FolderWatchers(connection.console, (events) => workspace.filesChanged(events), (uri) => workspace.locate(uri, false)?.folder.settings.catalogPath);
  }

  connection.onInitialized(() => workspace.inBackground('starting', (async () => {
    if (clientWatchesFiles(capabilities)) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{4gl,4GL}' }, { globPattern: `**/${CATALOG_FILE_NAME}` }, { globPattern: '**/*.json' }],
      });
    }
    if (capabilities.workspace?.configuration && capabilities.workspace.didChangeConfiguration?.dynamicRegistration) {
      // The one subscription to settings (the client declares none of its own): ours, the
      // editor's files.exclude, which the index honours too, and files.encoding, which the
      // client gives as logix.encoding when that is empty.
      await connection.client.register(DidChangeConfigurationNotification.type, { section: ['logix', 'files.exclude', 'files.encoding'] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          folderWatchers?.unwatch(removed.uri);
          workspace.removeFolder(removed.uri);
        }
        workspace.inBackground('adding workspace folders', (async () => {
          for (const added of event.added) {
            folderWatchers?.watch(added);
            await workspace.addFolder(added);
          }
        })());
      });
    }
    for (const folder of folders) folderWatchers?.watch(folder);
    await workspace.initialize(capabilities.window?.workDoneProgress === true);
  })()));

  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      ...(commands.length > 0 ? { executeCommandProvider: { commands } } : {}),
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true, identifier: 'logix-license' },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'logix-license', version: packageJson.version },
  };
});

// ---- documents and files: one change pipeline ------------------------------------------------

// TextDocuments fires onDidChangeContent for an opening too: one handler, so an opened document
// is parsed and published once.
documents.onDidChangeContent((event) => workspace.documentChanged(event.document));
documents.onDidClose((event) => workspace.documentClosed(event.document));
connection.onDidChangeWatchedFiles(validatedNotification('workspace/didChangeWatchedFiles', NotificationParams.watchedFiles, warn, (params) => workspace.filesChanged(params.changes)));
connection.onDidChangeConfiguration(() => workspace.inBackground('reloading settings', workspace.reloadAll()));

// ---- requests --------------------------------------------------------------------------------

connection.languages.diagnostics.on(validated(Params.textDocument, safe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params) => queries.documentDiagnostics(params.textDocument.uri, params.previousResultId))));
connection.languages.diagnostics.onWorkspace(validated(Params.workspaceDiagnostic, safe('workspace diagnostics', { items: [] }, (params) => queries.workspaceDiagnostics(params.previousResultIds))));
connection.onHover(validated(Params.position, safe('hover', null, (params) => queries.hover(params.textDocument.uri, params.position))));
connection.onCompletion(validated(Params.position, safe('completion', [], (params) => queries.completion(params.textDocument.uri, params.position))));
connection.onCodeAction(validated(Params.codeAction, safe('code actions', [], (params) => queries.codeActions(params))));
connection.onCodeLens(validated(Params.textDocument, safe('code lens', [], (params) => queries.codeLens(params.textDocument.uri))));
connection.onDefinition(validated(Params.position, safe('definition', [], (params) => queries.definition(params.textDocument.uri, params.position))));
connection.onReferences(validated(Params.references, safe('references', [], (params) => queries.references(params.textDocument.uri, params.position, params.context?.includeDeclaration === true))));
connection.onDocumentSymbol(validated(Params.textDocument, safe('document symbols', [], (params) => queries.documentSymbols(params.textDocument.uri))));
connection.onWorkspaceSymbol(validated(Params.workspaceSymbol, safe('workspace symbols', [], (params) => queries.workspaceSymbols(params.query, (message) => connection.console.info(message)))));
connection.onFoldingRanges(validated(Params.textDocument, safe('folding', [], (params) => queries.folding(params.textDocument.uri))));
connection.onRequest(ProgramInfoRequest, validated(Params.document, safe('program info', { menuKeys: [] } as ProgramInfoResult, (params: ProgramInfoParams) => queries.programInfo(params))));
connection.onRequest(ExplainRequest, validated(Params.document, safe('explain', null as ExplainResult | null, (params: ExplainParams) => queries.explain(params))));
connection.onRequest(CatalogProposalRequest, validated(Params.folder, safe('catalog proposal', null as CatalogProposalResult | null, (params: CatalogProposalParams) => queries.catalogProposal(params))));
connection.onRequest(CompareLogRequest, validated(Params.log, safe('compare log', null as CompareLogResult | null, (params: CompareLogParams) => queries.compareLog(params))));
connection.onRequest(ClearLogComparisonRequest, validated(Params.optionalFolder, safe('clear log comparison', { cleared: 0 }, (params: ClearLogComparisonParams | undefined) => queries.clearLogComparison(params))));
connection.onRequest(ImportLogRequest, validated(Params.log, safe('import log', null as ImportLogResult | null, (params: ImportLogParams) => queries.importLog(params))));
connection.onRequest(LicenseMapRequest, validated(Params.folder, safe('license map', null as LicenseMapResult | null, (params: LicenseMapParams) => queries.licenseMap(params))));

// The code lens's command in clients that do not run Explain themselves: the same answer, and the
// report shown (explain-command.ts says why so).
connection.onExecuteCommand(validated(Params.executeCommand, safe('execute command', null as ExplainResult | null, async (params) => {
  const explained = await queries.executeCommand(params);
  if (!explained) return null;
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: explained.text });
  connection.console.info(`explain ${explained.result.program}:\n${explained.text}\n${explained.result.log}`);
  return explained.result;
})));

documents.listen(validatedDocumentEvents(connection, warn));
connection.listen();
