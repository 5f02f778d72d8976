/**
 * Messages beyond LSP between the VS Code client and this server, declared once. Plain data only:
 * the client imports this file too.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';

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

/**
 * An AppServer log as the client sends it: a `file:` URI the server reads, its bytes (base64) or
 * its text (an editor's). Bytes are decoded as `compare-log` decodes a file (byte-order mark, else
 * UTF-8 when valid, else Windows-1252).
 */
export type LogContent = { readonly uri: string } | { readonly base64: string } | { readonly text: string };

/**
 * client → server request: compare the runs of an AppServer debug log with the predictions of a
 * workspace folder (as `compare-log`). The disagreements replace the folder's LGX019 diagnostics
 * (of its previous comparison); answered once the folder's first index is complete.
 */
export const CompareLogRequest = 'logix/compareLog';

export interface CompareLogParams {
  /** The workspace folder. */
  readonly folderUri: string;
  readonly log: LogContent;
  /** The log's name as the user knows it (its file name), for the report and the messages. */
  readonly name?: string;
}

export interface CompareLogResult {
  /** Why nothing was compared (the log holds no run); the previous comparison then stays. */
  readonly error?: string;
  /** The report, in Markdown. */
  readonly report: string;
  readonly summary: { readonly runs: number; readonly agree: number; readonly disagree: number };
  /** The LGX019 diagnostics the comparison left, and the files they are on. */
  readonly diagnostics: number;
  readonly files: readonly string[];
}

/** client → server request: clear the LGX019 diagnostics of one folder's log comparison, or of every folder's. */
export const ClearLogComparisonRequest = 'logix/clearLogComparison';

export interface ClearLogComparisonParams {
  /** The workspace folder; absent: every folder. */
  readonly folderUri?: string;
}

export interface ClearLogComparisonResult {
  /** How many diagnostics went. */
  readonly cleared: number;
}

/**
 * client → server request: what an AppServer debug log teaches the catalog file of a workspace
 * folder's root environment (as `import-log`), as an edit for the client to apply if the user
 * picks it. The server writes nothing.
 */
export const ImportLogRequest = 'logix/importLog';

export interface ImportLogParams {
  readonly folderUri: string;
  readonly log: LogContent;
  readonly name?: string;
}

export interface ImportLogResult {
  /** Why there is no plan: the log holds no run, or the catalog file is invalid. */
  readonly error?: string;
  /** The catalog file (`logix.catalogPath`) and whether it exists. */
  readonly catalogUri: string;
  readonly exists: boolean;
  /** The number of runs read. */
  readonly runs: number;
  /** Additions: slots filled, keys and menu entries added. */
  readonly changes: number;
  /** One line per addition, conflict, kept entry and note, as `import-log` prints them. */
  readonly lines: readonly string[];
  /** The additions as an LSP WorkspaceEdit (text edits, or a create and an insertion); null when nothing is added. */
  readonly edit: WorkspaceEdit | null;
  /** The text the edit was made for (the file's on disk); absent for a new file. */
  readonly baseText?: string;
  /** As `import-log --format json` prints them. */
  readonly plan: {
    readonly keys: Readonly<Record<string, { readonly slot: number; readonly runs: number }>>;
    readonly menu: Readonly<Record<string, string>>;
    readonly conflicts: readonly { readonly key: string; readonly slots: readonly number[] }[];
    readonly menuConflicts: readonly { readonly program: string; readonly keys: readonly string[] }[];
  };
}

/** The VS Code commands on AppServer logs (registered by the client). */
export const COMPARE_LOG_COMMAND = 'logix.compareLog';
export const CLEAR_LOG_COMPARISON_COMMAND = 'logix.clearLogComparison';
export const IMPORT_LOG_COMMAND = 'logix.importLog';

/**
 * client → server request: the license map of a workspace folder, the data of the CLI's `report`
 * per environment, with the locations to open (LSP ranges, 0-based). Answered once the folder's
 * first index is complete; null for a URI that is no workspace folder. With `format`, `text` is the
 * report rendered as `report --format markdown|csv` prints it (for the export command).
 *
 * A tree asks in parts, so that a folder of 20,000 programs never travels whole: `keysOnly` for
 * the keys with their counts (no holders, no programs), then `key` for one key's holders and their
 * programs. `filter` keeps the keys whose name, slot, area, description or status contains the
 * text, or one of whose programs (name or file) does; a key kept for a program only keeps only the
 * matching programs.
 */
export const LicenseMapRequest = 'logix/licenseMap';

export interface LicenseMapParams {
  /** The workspace folder. */
  readonly folderUri: string;
  readonly format?: 'markdown' | 'csv';
  readonly keysOnly?: boolean;
  readonly key?: { readonly environment: string; readonly key: string };
  readonly filter?: string;
}

export interface LicenseMapLocation {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** A program holding (or writing, `how: 'dropped'`) a key. */
export interface LicenseMapHolder {
  readonly program: string;
  readonly displayName: string;
  /** The program's file, relative to the folder. */
  readonly file: string;
  readonly how: 'declared' | 'area-default' | 'own-area-systemkey' | 'other-area-systemkey' | 'dropped';
  readonly rule: string;
  readonly area?: string;
  /** 1-based in the final list; null for a dropped key. */
  readonly position: number | null;
  readonly default: boolean;
  /** `declared (R5)`, `SYSTEMKEY_LOG (R7)`, … */
  readonly howText: string;
  /** Where it comes from: the key in the LOG_initApp list, the program in the SYSTEMKEY list, or the declaration (R6). */
  readonly location?: LicenseMapLocation;
}

export interface LicenseMapKey {
  readonly key: string;
  /** null: unknown or not filled in (`slotText` says which). */
  readonly slot: number | null;
  /** `5087`, `unknown`, `not filled in`. */
  readonly slotText: string;
  readonly area?: string;
  readonly description?: string;
  readonly status: 'known' | 'unverified' | 'invalid';
  /** Its entry in the environment's logix-license.json, if there. */
  readonly catalogLocation?: LicenseMapLocation;
  /** A place a program writes the key (a LOG_initApp list, a SYSTEMKEY call): where to ask for its references. */
  readonly writtenAt?: LicenseMapLocation;
  /** Programs whose final list holds it (a program holding it twice counts once), and those writing it when invalid. */
  readonly held: number;
  readonly written: number;
  /** Empty with `keysOnly`, and for the keys other than `key`. */
  readonly programs: readonly LicenseMapHolder[];
}

export interface LicenseMapProgram {
  readonly program: string;
  readonly displayName: string;
  readonly file: string;
  readonly uri: string;
  readonly finalKeys: readonly string[];
  readonly defaultKey?: string;
  readonly defaultSlotText: string;
  readonly menuKey?: string;
  /** What it consumes under its configured menu key, in words. */
  readonly consumed: string;
  readonly consumes: 'slot' | 'free' | 'none' | 'blocked';
  readonly blocked: boolean;
  /** Its LOG_initApp / log001_acessa_usuario call, else its main function. */
  readonly location: LicenseMapLocation;
}

export interface LicenseMapEnvironment {
  /** Relative to the folder; `''` for the folder itself. */
  readonly root: string;
  readonly catalog: string;
  readonly complete: boolean;
  readonly keys: readonly LicenseMapKey[];
  /** Every program; with `keysOnly` none, with `key` those holding that key. */
  readonly programs: readonly LicenseMapProgram[];
  readonly summary: { readonly programs: number; readonly keys: number; readonly keysHeld: number; readonly blocked: number };
}

export interface LicenseMapResult {
  readonly folderUri: string;
  readonly environments: readonly LicenseMapEnvironment[];
  /** With `format`: the rendered report. */
  readonly text?: string;
}

/**
 * server → client notification: what the license map of a folder shows may have changed (an
 * edit, a file changed on disk, a catalog, the first index). Sent once changes pause (about
 * 500 ms), so a client re-asks at most that often, and only if it shows the map.
 */
export const LicenseMapChangedNotification = 'logix/licenseMapChanged';

export interface LicenseMapChangedParams {
  readonly folderUri: string;
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
