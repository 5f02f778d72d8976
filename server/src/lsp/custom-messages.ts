/**
 * Messages beyond LSP between the VS Code client and this server, declared once. Plain data only:
 * the client imports this file too.
 */

/** client → server request: explain a program's license consumption. */
export const ExplainRequest = 'logix/explain';

export interface ExplainParams {
  /** A document of the program (or any document of its folder when `program` is given). */
  readonly uri: string;
  /** The program; defaults to the program of `uri`. */
  readonly program?: string;
  readonly menuKey?: string;
  readonly context?: string;
}

export interface ExplainResult {
  readonly program: string;
  /** A readable Markdown report. */
  readonly report: string;
  /** The simulated AppServer debug log (`logix.license.debug = 1`). */
  readonly log: string;
}

/** client → server request: the menu keys to offer for a program before explaining it. */
export const ProgramInfoRequest = 'logix/programInfo';

export interface ProgramInfoParams {
  readonly uri: string;
}

export interface ProgramInfoResult {
  readonly program?: string;
  /** Menu keys worth offering in a picker: the configured one, the final list, PADRAO, `?`. */
  readonly menuKeys: readonly string[];
  readonly configuredMenuKey?: string;
}

/**
 * client → server request: the `logix-license.json` to propose for a workspace folder (its root
 * environment), what `logix-license init` would write, and the keys its programs use that its
 * catalog does not hold. Answered once the folder's first index is complete.
 */
export const CatalogProposalRequest = 'logix/catalogProposal';

export interface CatalogProposalParams {
  /** The workspace folder. */
  readonly folderUri: string;
}

export interface CatalogProposalResult {
  /** Whether the folder's catalog file (`logix.catalogPath`) exists. */
  readonly exists: boolean;
  /** That file's URI: where to create it. */
  readonly catalogUri: string;
  /** The proposed file's text. */
  readonly text: string;
  /** Keys used by the folder's programs and not in its catalog, most used first, with the number of programs using each. */
  readonly unknownKeys: readonly { readonly key: string; readonly programs: number }[];
}

/** The VS Code command that creates a folder's `logix-license.json` from the proposal (registered by the client). */
export const CREATE_CATALOG_COMMAND = 'logix.createCatalog';

/** The VS Code command the code lens runs (registered by the client). */
export const EXPLAIN_COMMAND = 'logix.explainLicense';

/**
 * The server's own command the code lens runs in clients that do not run EXPLAIN_COMMAND
 * themselves (workspace/executeCommand; arguments as EXPLAIN_COMMAND's). A name of its own: a
 * client library that registers every command of the server as an editor command (VS Code's
 * does) would otherwise collide with the client's EXPLAIN_COMMAND.
 */
export const SERVER_EXPLAIN_COMMAND = 'logix.server.explainLicense';

/** The initialization options the VS Code client sends (other clients may send any of them). */
export interface InitializationOptions {
  /** Where the persisted index is kept: the editor's storage for the extension. */
  readonly cacheFolder?: string;
  /** Commands the client runs itself: the VS Code client lists EXPLAIN_COMMAND (its pickers and views). */
  readonly clientCommands?: readonly string[];
}
