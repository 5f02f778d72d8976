/**
 * What the editor can ask, answered from the workspace: each request finds the document's folder
 * and environment (waiting until the folder is known, so that nothing is answered from outside
 * it), then hands that environment's facts, model and catalog to one feature module. `server.ts`
 * only wires LSP handlers to these methods.
 */
import {
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CompletionItem,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type ExecuteCommandParams,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type SymbolInformation,
  type TextDocuments,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { t } from '../l10n/messages.js';
import { areaOfProgram, builtInCatalog, NO_MENU_KEY } from '../license/catalog.js';
import { proposeCatalog, unknownKeyUses } from '../license/catalog-init.js';
import { ReportCache } from '../license/report.js';
import { programDefinedIn, programNameOf } from '../license/model.js';
import type { FileFacts } from '../syntax/facts.js';
import type { Range } from '../syntax/positions.js';
import { readCatalogFile } from '../workspace/catalog-files.js';
import { foldingRanges } from '../syntax/folding.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';
import { codeActionsFor } from './code-actions.js';
import { programCodeLens } from './code-lens.js';
import { completionsAt } from './completion.js';
import { SERVER_EXPLAIN_COMMAND, type ExplainParams, type ExplainResult, type ProgramInfoParams, type ProgramInfoResult } from './custom-messages.js';
import type { ClearLogComparisonParams, ClearLogComparisonResult, CompareLogParams, CompareLogResult, ImportLogParams, ImportLogResult } from './custom-messages.js';
import { compareError, compareFolderLog, compareLogResult, importLogEdit, readLog } from './log-commands.js';
import type { CatalogProposalParams, CatalogProposalResult, LicenseMapParams, LicenseMapResult } from './custom-messages.js';
import { explain, explainArguments } from './explain-command.js';
import { hoverAt } from './hover.js';
import { licenseMap } from './license-map.js';
import { definitionAt, referencesAt, type EnvironmentView } from './navigation.js';
import { documentSymbols, workspaceSymbols, type SymbolFile } from './symbols.js';
import type { Folder, WorkspaceManager } from './workspace-manager.js';

/** A document the client asks about: its folder, environment, relative path and current facts. */
interface Found {
  readonly folder: Folder;
  readonly environment: EnvironmentIndex;
  readonly file: string;
  readonly facts: FileFacts;
}

export class Queries {
  /** The files (URIs) the last workspace diagnostics report gave diagnostics to. */
  private reportedInWorkspace = new Set<string>();
  /** What each folder's license map computed per program, kept while its resolution is unchanged. */
  private readonly reportCaches = new WeakMap<Folder, ReportCache>();

  constructor(
    private readonly workspace: WorkspaceManager,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly options: { readonly supportsCreateFile: boolean; readonly lensCommand: string },
  ) {}

  async hover(uri: string, position: Position): Promise<Hover | null> {
    const found = await this.find(uri);
    if (!found) return null;
    const { folder, environment } = found;
    return hoverAt({
      file: found.file,
      facts: found.facts,
      model: environment.model,
      catalog: environment.catalog,
      resolutionOf: environment.resolutionOf,
      linkTo: (file, range) => this.linkTo(folder, file, range),
    }, position) ?? null;
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const found = await this.find(uri);
    if (!found) return [];
    const { environment } = found;
    const area = areaOfProgram(environment.catalog, programNameOf(found.file))?.area;
    return completionsAt({ facts: found.facts, catalog: environment.catalog, model: environment.model, ...(area ? { ownArea: area } : {}) }, position);
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const found = await this.find(params.textDocument.uri);
    const document = this.documents.get(params.textDocument.uri);
    if (!found || !document) return [];
    const { folder, environment } = found;
    // The environment's own catalog file: a key is added where this file's keys come from.
    const catalogFile = environment.catalogFile;
    const catalogUri = this.workspace.uriOf(folder, catalogFile.path);
    const catalogDocument = this.documents.get(catalogUri);
    const area = areaOfProgram(environment.catalog, programNameOf(found.file))?.area;
    const text = catalogDocument?.getText() ?? catalogFile.text;
    return codeActionsFor({
      document,
      facts: found.facts,
      ...(area ? { programArea: area } : {}),
      catalogFile: {
        uri: catalogUri,
        ...(text !== undefined ? { text } : catalogFile.unreadable !== undefined ? { unreadable: true } : {}),
        ...(catalogDocument ? { version: catalogDocument.version } : {}),
      },
      supportsCreateFile: this.options.supportsCreateFile,
    }, params.context.diagnostics, params.context.only);
  }

  async codeLens(uri: string): Promise<CodeLens[]> {
    const found = await this.find(uri);
    if (!found) return [];
    const program = programDefinedIn(found.environment.model, found.file);
    if (!program) return [];
    return [programCodeLens(program, found.environment.resolutionOf(program.name, program.file), found.environment.catalog, uri, this.options.lensCommand)];
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    const found = await this.find(uri);
    if (!found) return [];
    const text = (await this.workspace.textOf(found.folder, found.file)) ?? '';
    const everywhere = this.workspace.allFolders().flatMap((folder) => folder.index.all.map((environment) => this.view(folder, environment)));
    return definitionAt(this.view(found.folder, found.environment), everywhere, found.file, text, position);
  }

  async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const found = await this.find(uri);
    return found ? referencesAt(this.view(found.folder, found.environment), found.file, position, includeDeclaration) : [];
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const found = await this.find(uri);
    return found ? documentSymbols(found.facts.units) : [];
  }

  async workspaceSymbols(query: string, log: (message: string) => void): Promise<SymbolInformation[]> {
    await this.workspace.whenReady();
    const files: SymbolFile[] = this.workspace.allFolders().flatMap((folder) =>
      [...folder.index.files()].map(([file, facts]) => ({ path: join(folder.path, file), containerName: file, facts, uri: () => this.workspace.uriOf(folder, file) })));
    return workspaceSymbols(files, query, log);
  }

  async folding(uri: string): Promise<FoldingRange[]> {
    const found = await this.find(uri);
    const document = this.documents.get(uri);
    if (!found || !document) return [];
    return foldingRanges(document.getText(), found.facts.units).map((fold) => ({
      startLine: fold.startLine,
      endLine: fold.endLine,
      kind: fold.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }));
  }

  // ---- diagnostics (pull) --------------------------------------------------------------------

  /**
   * A document's diagnostics, or `unchanged` when the client's previous result is still right
   * (the index's cached list and the settings are the same objects).
   */
  async documentDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    await this.workspace.whenReady();
    const located = await this.locateKnown(uri);
    if (!located) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = this.workspace.resultIdOf(located.folder, located.file);
    if (resultId !== undefined && resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, items: this.workspace.lspDiagnostics(located.folder, located.file), ...(resultId !== undefined ? { resultId } : {}) };
  }

  /**
   * Every file with diagnostics, and every file that had some in the last report and has none now:
   * a client keeps what a workspace report said of a file until another report names it, so a file
   * left out would keep its old diagnostics (a cleared log comparison's LGX019, a fixed problem of a
   * file no editor shows). A file whose diagnostics have not changed since the client's previous
   * result is reported `unchanged`: 2,000 damaged files are not converted and sent again.
   */
  async workspaceDiagnostics(previousResultIds: readonly { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport> {
    await this.workspace.whenReady();
    const previous = new Map(previousResultIds.map((entry) => [entry.uri, entry.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const folder of this.workspace.allFolders()) {
      for (const file of new Set([...folder.index.diagnosticsByFile.keys(), ...this.workspace.logComparisonFiles(folder)])) {
        const uri = this.workspace.uriOf(folder, file);
        const version = this.workspace.openDocument(uri)?.version ?? null;
        const resultId = this.workspace.resultIdOf(folder, file);
        if (resultId !== undefined && previous.get(uri) === resultId) {
          // Listed (diagnosticsByFile holds files with diagnostics only): still shown.
          reported.add(uri);
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
        } else {
          const diagnostics = this.workspace.lspDiagnostics(folder, file);
          if (diagnostics.length > 0) reported.add(uri);
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, items: diagnostics, ...(resultId !== undefined ? { resultId } : {}) });
        }
      }
    }
    const named = new Set(items.map((item) => item.uri));
    for (const uri of this.reportedInWorkspace) {
      if (!named.has(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: this.workspace.openDocument(uri)?.version ?? null, items: [] });
    }
    this.reportedInWorkspace = reported;
    return { items };
  }

  // ---- custom requests -----------------------------------------------------------------------

  async programInfo(params: ProgramInfoParams): Promise<ProgramInfoResult> {
    await this.workspace.whenReady();
    const found = await this.find(params.uri);
    const program = found ? programDefinedIn(found.environment.model, found.file) : undefined;
    if (!found || !program) return { menuKeys: [] };
    const resolution = found.environment.resolutionOf(program.name, program.file);
    const configured = found.environment.catalog.menu.get(program.name);
    // Besides the configured key and the final list (R9): PADRAO, the FRAMEWORK key a menu may
    // carry, and `?` (R11).
    const keys = new Set([...(configured ? [configured] : []), ...resolution.finalKeys.map((entry) => entry.key), 'PADRAO', NO_MENU_KEY]);
    return { program: program.name, menuKeys: [...keys], ...(configured ? { configuredMenuKey: configured } : {}) };
  }

  /**
   * The catalog file to propose for a workspace folder, from its root environment once its first
   * index is complete (a nested environment has a catalog file already); null for a URI in no
   * workspace folder. Nothing is written here: the client writes the file if the user asks.
   */
  async catalogProposal(params: CatalogProposalParams): Promise<CatalogProposalResult | null> {
    const folder = await this.indexedFolder(params.folderUri);
    if (!folder) return null;
    const environment = folder.index.root;
    return {
      exists: environment.catalogFile.text !== undefined || environment.catalogFile.unreadable !== undefined,
      catalogUri: this.workspace.uriOf(folder, environment.catalogFile.path),
      text: proposeCatalog(environment.model, builtInCatalog()),
      unknownKeys: unknownKeyUses(environment.model, environment.catalog),
    };
  }

  /**
   * An AppServer log against a workspace folder's predictions, once its first index is complete:
   * the report, and the disagreements as LGX019 diagnostics replacing those of the folder's
   * previous comparison. A log without a run changes nothing. Null outside every workspace folder.
   */
  async compareLog(params: CompareLogParams): Promise<CompareLogResult | null> {
    const folder = await this.indexedFolder(params.folderUri);
    if (!folder) return null;
    const read = await readLog(params.log, params.name);
    if ('error' in read) return compareError(read.error);
    const { report, diagnostics } = compareFolderLog(folder.index, read);
    const shown = this.workspace.replaceLogComparison(folder, diagnostics);
    const files = [...new Set(diagnostics.map((diagnostic) => this.workspace.uriOf(folder, diagnostic.file)))];
    return compareLogResult(report, { logName: read.name, folderName: folder.name, linkTo: (file, range) => this.linkTo(folder, file, range) }, shown, files);
  }

  /** Clears the LGX019 diagnostics of one folder's log comparison, or of every folder's. */
  clearLogComparison(params: ClearLogComparisonParams | null | undefined): ClearLogComparisonResult {
    return { cleared: this.workspace.clearLogComparisons(params?.folderUri) };
  }

  /**
   * What an AppServer log teaches the catalog file of a folder's root environment, as an edit of
   * the file on disk for the client to apply if the user picks it; nothing is written here.
   */
  async importLog(params: ImportLogParams): Promise<ImportLogResult | null> {
    const folder = await this.indexedFolder(params.folderUri);
    if (!folder) return null;
    const { path } = folder.index.root.catalogFile;
    // The disk's text now, not the index's: the edit must fit the file the client will edit.
    const read = readCatalogFile(join(folder.path, path));
    // A file that is there but cannot be read is never written over.
    const log = read.kind === 'unreadable' ? { error: t({ message: 'cannot read the catalog file {0}: {1}', args: [path, read.reason], comment: 'importing a log in the editor' }) } : await readLog(params.log, params.name);
    return importLogEdit(this.workspace.uriOf(folder, path), path, read.kind === 'text' ? read.text : undefined, log);
  }

  /** The license map of a workspace folder (the `report` data per environment), once its first index is complete. */
  async licenseMap(params: LicenseMapParams): Promise<LicenseMapResult | null> {
    const folder = await this.indexedFolder(params.folderUri);
    if (!folder) return null;
    let cache = this.reportCaches.get(folder);
    if (!cache) this.reportCaches.set(folder, (cache = new ReportCache()));
    return licenseMap(folder.index.all, (file) => this.workspace.uriOf(folder, file), params, cache);
  }

  async explain(params: ExplainParams): Promise<ExplainResult | null> {
    return (await this.explanation(params))?.result ?? null;
  }

  /**
   * The code lens's command run by the server (clients that do not run it themselves): the
   * explanation, with its text report for the editor to show.
   */
  async executeCommand(params: ExecuteCommandParams): Promise<{ result: ExplainResult; text: string } | null> {
    if (params.command !== SERVER_EXPLAIN_COMMAND) return null;
    const args = explainArguments(params.arguments);
    return args ? (await this.explanation(args)) ?? null : null;
  }

  private async explanation(params: ExplainParams): Promise<{ result: ExplainResult; text: string } | undefined> {
    await this.workspace.whenReady();
    const located = await this.locateKnown(params.uri);
    if (!located) return undefined;
    return explain(located.folder.index.environmentOf(located.file), located.file, params);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A workspace folder once its first index is complete; undefined for a URI that is none. */
  private async indexedFolder(folderUri: string): Promise<Folder | undefined> {
    // A settings reload may replace the folder while waiting: then wait for the new one.
    let located = await this.locateKnown(folderUri);
    while (located && located.folder.scanned) {
      await located.folder.indexed;
      const now = await this.locateKnown(folderUri);
      if (now?.folder === located.folder) break;
      located = now;
    }
    return located && located.folder.scanned ? located.folder : undefined;
  }

  private linkTo(folder: Folder, file: string, range: Range): string {
    return `${this.workspace.uriOf(folder, file)}#L${range.start.line + 1},${range.start.character + 1}`;
  }

  /** The document's place once its folder is known; undefined for URIs outside every folder that are not open. */
  private async locateKnown(uri: string) {
    // A settings reload may replace the folder while waiting: then wait for the new one.
    for (;;) {
      const located = this.workspace.locate(uri, false);
      if (!located) return undefined;
      await located.folder.known;
      const now = this.workspace.locate(uri, false);
      if (now?.folder === located.folder) return now;
    }
  }

  private async find(uri: string): Promise<Found | undefined> {
    const located = await this.locateKnown(uri);
    if (!located) return undefined;
    const environment = located.folder.index.environmentOf(located.file);
    const facts = environment.files.get(located.file);
    return facts ? { folder: located.folder, environment, file: located.file, facts } : undefined;
  }

  private view(folder: Folder, environment: EnvironmentIndex): EnvironmentView {
    return { files: environment.files, model: environment.model, catalog: environment.catalog, uriOf: (file) => this.workspace.uriOf(folder, file) };
  }
}
