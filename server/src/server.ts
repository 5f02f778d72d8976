/**
 * The Logix license language server: wiring only. Run by the VS Code client, or standalone with
 * `node server/out/server.js --stdio` for any LSP editor. Each request handler asks the
 * WorkspaceManager for the file's folder and facts and hands them to one feature module; a
 * failing handler answers empty and logs, it never takes the server down.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CATALOG_FILE_NAME, NO_MENU_KEY, areaOfProgram } from './license/catalog.js';
import { programDefinedIn, programNameOf } from './license/model.js';
import { foldingRanges } from './syntax/folding.js';
import { codeActionsFor, FIX_ALL_KIND } from './lsp/code-actions.js';
import { programCodeLens } from './lsp/code-lens.js';
import { completionsAt } from './lsp/completion.js';
import { ExplainRequest, ProgramInfoRequest, SERVER_EXPLAIN_COMMAND, type ExplainParams, type ExplainResult, type ProgramInfoParams, type ProgramInfoResult } from './lsp/custom-messages.js';
import { explain, explainArguments, lensCommandFor, serverCommands } from './lsp/explain-command.js';
import { hoverAt } from './lsp/hover.js';
import { definitionAt, referencesAt, type FolderView } from './lsp/navigation.js';
import { SettingsCache } from './lsp/settings.js';
import { documentSymbols, workspaceSymbols, type SymbolFile } from './lsp/symbols.js';
import { clientWatchesFiles, FolderWatchers } from './lsp/folder-watchers.js';
import { WorkspaceManager, type Folder, type Located } from './lsp/workspace-manager.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace: WorkspaceManager;
let supportsCreateFile = false;
/** The server's own watching of the folders, when the client cannot watch files for it. */
let folderWatchers: FolderWatchers | undefined;
/** The command of the code lens: the client's own Explain, or the server's (explain-command.ts). */
let lensCommand = SERVER_EXPLAIN_COMMAND;

/** Runs a handler; on any error logs it and answers `fallback` (the server survives bad input). */
function safe<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
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
  return workspace?.whenPersisted();
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const settings = new SettingsCache(connection, capabilities.workspace?.configuration === true);
  const cacheFolder = (params.initializationOptions as { cacheFolder?: unknown } | undefined)?.cacheFolder;
  workspace = new WorkspaceManager({ build: serverBuild(), ...(typeof cacheFolder === 'string' ? { cacheFolder } : {}) }, connection, settings);
  workspace.usePullDiagnostics(capabilities.textDocument?.diagnostic !== undefined);
  supportsCreateFile = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  lensCommand = lensCommandFor(params.initializationOptions);
  const commands = serverCommands(lensCommand);
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
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
      // The one subscription to settings (the client declares none of its own): ours and the
      // editor's files.exclude, which the index honours too.
      await connection.client.register(DidChangeConfigurationNotification.type, { section: ['logix', 'files.exclude'] });
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
    await workspace.initialize(folders, capabilities.window?.workDoneProgress === true);
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
    serverInfo: { name: 'logix-license', version: '0.1.0' },
  };
});

// ---- documents and files ---------------------------------------------------------------------

documents.onDidOpen((event) => workspace.documentChanged(event.document));
documents.onDidChangeContent((event) => workspace.documentChanged(event.document));
documents.onDidClose((event) => workspace.documentClosed(event.document));
connection.onDidChangeWatchedFiles((params) => workspace.filesChanged(params.changes));
connection.onDidChangeConfiguration(() => workspace.inBackground('reloading settings', workspace.reloadAll()));

/** The folder, relative path and current facts of a document the client asks about. */
function lookup(uri: string): (Located & { facts: NonNullable<ReturnType<Folder['index']['files']['get']>> }) | undefined {
  const located = workspace.locate(uri, false);
  const facts = located?.folder.index.files.get(located.file);
  return located && facts ? { ...located, facts } : undefined;
}

function folderView(folder: Folder): FolderView {
  return { files: folder.index.files, model: folder.index.model, uriOf: (file) => workspace.uriOf(folder, file), catalog: folder.index.catalog };
}

// ---- diagnostics (pull) ----------------------------------------------------------------------

connection.languages.diagnostics.on(safe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => {
  await workspace.whenReady();
  const found = lookup(params.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: found ? workspace.lspDiagnostics(found.folder, found.file) : [] };
}));

connection.languages.diagnostics.onWorkspace(safe('workspace diagnostics', { items: [] }, async () => {
  await workspace.whenReady();
  const items = workspace.allFolders().flatMap((folder) =>
    [...folder.index.diagnosticsByFile.keys()].map((file): WorkspaceDocumentDiagnosticReport => ({
      kind: DocumentDiagnosticReportKind.Full,
      uri: workspace.uriOf(folder, file),
      version: workspace.openDocument(workspace.uriOf(folder, file))?.version ?? null,
      items: workspace.lspDiagnostics(folder, file),
    })));
  return { items };
}));

// ---- features --------------------------------------------------------------------------------

connection.onHover(safe('hover', null, (params) => {
  const found = lookup(params.textDocument.uri);
  if (!found) return null;
  const { folder } = found;
  return hoverAt({
    file: found.file,
    facts: found.facts,
    model: folder.index.model,
    catalog: folder.index.catalog,
    resolutionOf: folder.index.resolutionOf,
    linkTo: (file, range) => `${workspace.uriOf(folder, file)}#L${range.start.line + 1},${range.start.character + 1}`,
  }, params.position) ?? null;
}));

connection.onCompletion(safe('completion', [], (params) => {
  const found = lookup(params.textDocument.uri);
  if (!found) return [];
  const area = areaOfProgram(found.folder.index.catalog, programNameOf(found.file))?.area;
  return completionsAt({ facts: found.facts, catalog: found.folder.index.catalog, model: found.folder.index.model, ...(area ? { ownArea: area } : {}) }, params.position);
}));

connection.onCodeAction(safe('code actions', [], (params) => {
  const found = lookup(params.textDocument.uri);
  const document = documents.get(params.textDocument.uri);
  if (!found || !document) return [];
  const { folder } = found;
  const catalogFile = folder.index.catalogFile;
  const catalogUri = workspace.uriOf(folder, catalogFile.path);
  const catalogDocument = documents.get(catalogUri);
  const area = areaOfProgram(folder.index.catalog, programNameOf(found.file))?.area;
  const text = catalogDocument?.getText() ?? catalogFile.text;
  return codeActionsFor({
    document,
    facts: found.facts,
    ...(area ? { programArea: area } : {}),
    catalogFile: { uri: catalogUri, ...(text !== undefined ? { text } : {}), ...(catalogDocument ? { version: catalogDocument.version } : {}) },
    supportsCreateFile,
  }, params.context.diagnostics, params.context.only);
}));

connection.onCodeLens(safe('code lens', [], (params) => {
  const found = lookup(params.textDocument.uri);
  if (!found) return [];
  const program = programDefinedIn(found.folder.index.model, found.file);
  if (!program) return [];
  return [programCodeLens(program, found.folder.index.resolutionOf(program.name), found.folder.index.catalog, params.textDocument.uri, lensCommand)];
}));

connection.onDefinition(safe('definition', [], async (params) => {
  const found = lookup(params.textDocument.uri);
  if (!found) return [];
  const text = (await workspace.textOf(found.folder, found.file)) ?? '';
  return definitionAt(folderView(found.folder), workspace.allFolders().map(folderView), found.file, text, params.position);
}));

connection.onReferences(safe('references', [], (params) => {
  const found = lookup(params.textDocument.uri);
  return found ? referencesAt(folderView(found.folder), found.file, params.position, params.context?.includeDeclaration === true) : [];
}));

connection.onDocumentSymbol(safe('document symbols', [], (params) => {
  const found = lookup(params.textDocument.uri);
  return found ? documentSymbols(found.facts.units) : [];
}));

connection.onWorkspaceSymbol(safe('workspace symbols', [], async (params) => {
  await workspace.whenReady();
  const files = workspace.allFolders().flatMap((folder) => [...folder.index.files].map(([file, facts]): SymbolFile =>
    ({ path: join(folder.path, file), containerName: file, facts, uri: () => workspace.uriOf(folder, file) })));
  return workspaceSymbols(files, params.query, (message) => connection.console.info(message));
}));

connection.onFoldingRanges(safe('folding', [], (params) => {
  const found = lookup(params.textDocument.uri);
  const document = documents.get(params.textDocument.uri);
  if (!found || !document) return [];
  return foldingRanges(document.getText(), found.facts.units).map((fold) => ({
    startLine: fold.startLine,
    endLine: fold.endLine,
    kind: fold.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  }));
}));

// ---- custom requests -------------------------------------------------------------------------

connection.onRequest(ProgramInfoRequest, safe('program info', { menuKeys: [] } as ProgramInfoResult, async (params: ProgramInfoParams): Promise<ProgramInfoResult> => {
  await workspace.whenReady();
  const located = workspace.locate(params.uri, false);
  if (!located) return { menuKeys: [] };
  const program = programDefinedIn(located.folder.index.model, located.file);
  if (!program) return { menuKeys: [] };
  const resolution = located.folder.index.resolutionOf(program.name);
  const configured = located.folder.index.catalog.menu.get(program.name);
  // Besides the configured key and the final list (R9): PADRAO, the FRAMEWORK key a menu may
  // carry (SPEC §7), and `?` (R11).
  const keys = new Set([...(configured ? [configured] : []), ...resolution.finalKeys.map((entry) => entry.key), 'PADRAO', NO_MENU_KEY]);
  return { program: program.name, menuKeys: [...keys], ...(configured ? { configuredMenuKey: configured } : {}) };
}));

connection.onRequest(ExplainRequest, safe('explain', null as ExplainResult | null, async (params: ExplainParams): Promise<ExplainResult | null> => {
  await workspace.whenReady();
  const located = workspace.locate(params.uri, false);
  return located ? explain(located.folder.index, located.file, params).result : null;
}));

// The code lens's command in clients that do not run Explain themselves: the same answer, and the
// report shown (explain-command.ts says why so).
connection.onExecuteCommand(safe('execute command', null as ExplainResult | null, async (params): Promise<ExplainResult | null> => {
  const explainParams = params.command === SERVER_EXPLAIN_COMMAND ? explainArguments(params.arguments) : undefined;
  if (!explainParams) return null;
  await workspace.whenReady();
  const located = workspace.locate(explainParams.uri, false);
  if (!located) return null;
  const { result, text } = explain(located.folder.index, located.file, explainParams);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text });
  connection.console.info(`explain ${result.program}:\n${text}\n${result.log}`);
  return result;
}));

documents.listen(connection);
connection.listen();
