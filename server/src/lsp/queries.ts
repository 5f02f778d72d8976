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
import { areaOfProgram, builtInCatalog, NO_MENU_KEY } from '../license/catalog.js';
import { proposeCatalog, unknownKeyUses } from '../license/catalog-init.js';
import { ReportCache } from '../license/report.js';
import { programDefinedIn, programNameOf } from '../license/model.js';
import type { FileFacts } from '../syntax/facts.js';
import { foldingRanges } from '../syntax/folding.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';
import { codeActionsFor } from './code-actions.js';
import { programCodeLens } from './code-lens.js';
import { completionsAt } from './completion.js';
import { SERVER_EXPLAIN_COMMAND, type ExplainParams, type ExplainResult, type ProgramInfoParams, type ProgramInfoResult } from './custom-messages.js';
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
      linkTo: (file, range) => `${this.workspace.uriOf(folder, file)}#L${range.start.line + 1},${range.start.character + 1}`,
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
      catalogFile: { uri: catalogUri, ...(text !== undefined ? { text } : {}), ...(catalogDocument ? { version: catalogDocument.version } : {}) },
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

  async documentDiagnostics(uri: string): Promise<DocumentDiagnosticReport> {
    await this.workspace.whenReady();
    const located = await this.locateKnown(uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: located ? this.workspace.lspDiagnostics(located.folder, located.file) : [] };
  }

  async workspaceDiagnostics(): Promise<WorkspaceDiagnosticReport> {
    await this.workspace.whenReady();
    const items = this.workspace.allFolders().flatMap((folder) =>
      [...folder.index.diagnosticsByFile.keys()].map((file): WorkspaceDocumentDiagnosticReport => ({
        kind: DocumentDiagnosticReportKind.Full,
        uri: this.workspace.uriOf(folder, file),
        version: this.workspace.openDocument(this.workspace.uriOf(folder, file))?.version ?? null,
        items: this.workspace.lspDiagnostics(folder, file),
      })));
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
      exists: environment.catalogFile.text !== undefined,
      catalogUri: this.workspace.uriOf(folder, environment.catalogFile.path),
      text: proposeCatalog(environment.model, builtInCatalog()),
      unknownKeys: unknownKeyUses(environment.model, environment.catalog),
    };
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
