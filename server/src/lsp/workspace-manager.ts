/**
 * The server's view of the user's workspace: one FolderIndex per workspace folder, filled from
 * disk at start (with work-done progress), kept current from open documents and file-watcher
 * events (coalesced: a `git checkout` of thousands of files is one batch), and the diagnostics of
 * the files each change affects published (push) or refreshed (pull).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type Diagnostic, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileFacts } from '../syntax/facts.js';
import { reparseFacts } from '../syntax/incremental.js';
import { parseFacts } from '../syntax/parser.js';
import { decodeText, decoderFor } from '../workspace/decode.js';
import { excludeMatcher, type ExcludeMatcher } from '../workspace/exclude.js';
import { FactsCache } from '../workspace/facts-cache.js';
import { findSourceFilesYielding, toPosix } from '../workspace/files.js';
import { FolderIndex } from '../workspace/folder-index.js';
import { buildInitialIndex, type InitialIndex } from '../workspace/initial-index.js';
import { parseFiles, type ParseOptions } from '../workspace/parse-pool.js';
import { factsOfFile } from '../workspace/source-file.js';
import { toLspDiagnostic } from './diagnostic-convert.js';
import { DEFAULT_SETTINGS, SettingsCache, type Settings } from './settings.js';

export interface Folder {
  readonly uri: string;
  readonly path: string;
  readonly name: string;
  readonly index: FolderIndex;
  settings: Settings;
  /** False for the implicit folder of a file opened outside every workspace folder. */
  readonly scanned: boolean;
}

/** A file's place: its folder and its path relative to the folder root (`/` separated). */
export interface Located {
  readonly folder: Folder;
  readonly file: string;
}

export interface WorkspaceOptions {
  /** Where the persisted index is kept (the editor's storage for the extension); none: not kept. */
  readonly cacheFolder?: string;
  /** Identity of this server build: a persisted index written by another build is not used. */
  readonly build: string;
}

/** Pause in edits before the files an edit affects get their diagnostics. */
const DEPENDENTS_AFTER_MS = 150;

/** Quiet time before the persisted index is written. */
const PERSIST_AFTER_QUIET_MS = 3000;

/** Events closer together than this are processed as one batch. */
const COALESCE_MS = 100;

export class WorkspaceManager {
  private readonly folders = new Map<string, Folder>();
  /**
   * Each open document by absolute path, with the text last parsed and its facts (the start of the
   * next incremental re-parse).
   */
  private readonly openDocuments = new Map<string, { document: TextDocument; text: string; facts: FileFacts }>();
  private pendingEvents: FileEvent[] = [];
  private eventTimer: NodeJS.Timeout | undefined;
  private readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private pullMode = false;
  private readonly saving = new Set<Promise<void>>();
  private readonly pendingPersists = new Map<Folder, InitialIndex>();
  /** Files whose diagnostics a change affected, published once edits pause. */
  private readonly pendingDependents = new Map<Folder, Set<string>>();
  private dependentsTimer: NodeJS.Timeout | undefined;
  private persistTimer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private readonly excludeMatchers = new WeakMap<Settings, ExcludeMatcher>();
  /** The files of each folder whose last published diagnostics were not empty (push mode). */
  private readonly published = new WeakMap<Folder, Set<string>>();
  private reloadQueued = false;

  constructor(
    private readonly options: WorkspaceOptions,
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Resolves when the initial index of every folder is built. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  usePullDiagnostics(enabled: boolean): void {
    this.pullMode = enabled;
  }

  allFolders(): Folder[] {
    return [...this.folders.values()];
  }

  // ---- start-up ------------------------------------------------------------------------------

  async initialize(workspaceFolders: readonly WorkspaceFolder[], progressSupported: boolean): Promise<void> {
    const progress = progressSupported ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Logix: indexing 4GL files', 0, 'finding files…', false);
    const indexed: { folder: Folder; index: InitialIndex }[] = [];
    try {
      for (const workspaceFolder of workspaceFolders) {
        const { folder, index } = await this.indexFolder(workspaceFolder, (done, total) => {
          progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${workspaceFolder.name}: ${done}/${total} files`);
        });
        indexed.push({ folder, index });
        await this.publishInitial(folder);
      }
    } finally {
      progress?.done();
      this.resolveReady();
    }
    // Written once the index is in use: it is for the next start.
    for (const { folder, index } of indexed) this.schedulePersist(folder, index);
  }

  async addFolder(workspaceFolder: WorkspaceFolder): Promise<void> {
    const { folder, index } = await this.indexFolder(workspaceFolder);
    await this.publishInitial(folder);
    this.schedulePersist(folder, index);
  }

  /**
   * The persisted index is written once the server has been quiet for a moment: serialising
   * 20,000 files allocates tens of megabytes, which must not slow the first edits after the index.
   */
  private schedulePersist(folder: Folder, index: InitialIndex): void {
    this.pendingPersists.set(folder, index);
    this.deferPersist();
  }

  /** Activity (an edit, a change on disk) pushes a pending write back. */
  private deferPersist(): void {
    if (this.pendingPersists.size === 0) return;
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.inBackground('writing the persisted index', this.persistPending()), PERSIST_AFTER_QUIET_MS);
  }

  private async persistPending(): Promise<void> {
    clearTimeout(this.persistTimer);
    const pending = [...this.pendingPersists];
    this.pendingPersists.clear();
    // A folder removed (or re-indexed by a settings change) since has nothing current to write.
    for (const [folder, index] of pending) if (this.folders.get(folder.uri) === folder) this.persist(folder, index);
    await Promise.all([...this.saving]);
  }

  /**
   * Writes the persisted index, with the diagnostics when every file's are known and come from the
   * disk's text (no document of the folder is open).
   */
  private persist(folder: Folder, index: InitialIndex): void {
    const anyOpen = [...this.openDocuments.keys()].some((path) => this.locate(pathToFileURL(path).href, false)?.folder === folder);
    const files = anyOpen ? undefined : folder.index.completeDiagnostics();
    const saving = index.persist(files ? { fingerprint: folder.index.fingerprint, files } : undefined);
    this.saving.add(saving);
    void saving.finally(() => this.saving.delete(saving));
  }

  /** Runs work nobody awaits: a failure is logged, never left as an unhandled rejection. */
  inBackground(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) => this.connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  }

  /** Writes what is pending now and resolves when it is on disk (the server waits at shutdown). */
  async whenPersisted(): Promise<void> {
    await this.persistPending();
  }

  private async indexFolder(workspaceFolder: WorkspaceFolder, onProgress?: (done: number, total: number) => void): Promise<{ folder: Folder; index: InitialIndex }> {
    const path = fileURLToPath(workspaceFolder.uri);
    const settings = await this.settings.get(workspaceFolder.uri);
    const folder: Folder = { uri: workspaceFolder.uri, path, name: workspaceFolder.name, index: new FolderIndex(), settings, scanned: true };
    this.folders.set(workspaceFolder.uri, folder);
    const started = performance.now();
    const encoding = encodingOrDefault(settings.encoding);
    // Read while the folder is walked.
    const opening = this.options.cacheFolder ? FactsCache.open(this.options.cacheFolder, path, encoding, this.options.build) : undefined;
    await this.loadCatalog(folder);
    const files = existsSync(path) ? await findSourceFilesYielding(path, settings.exclude) : [];
    const found = performance.now();
    const cache = await opening;
    if (cache?.problem) this.connection.console.warn(cache.problem);
    const opened = performance.now();
    const index = await buildInitialIndex(files, {
      parse: this.parseOptions(folder),
      ...(cache ? { cache } : {}),
      onFacts: (file, facts) => {
        // An open document's text is newer than the disk's.
        if (!this.openDocuments.has(file.absolute)) folder.index.setFile(file.relative, facts);
      },
      ...(onProgress ? { onProgress } : {}),
      onWarning: (message) => this.connection.console.warn(message),
    });
    // Nothing changed since the persisted index was written: its diagnostics are this index's,
    // except where an open document differs from the disk (set again, to drop what it affects).
    const seeded = index.unchanged ? cache?.diagnosticsFor(folder.index.fingerprint) : undefined;
    if (seeded) {
      folder.index.seedDiagnostics(seeded);
      for (const file of files) {
        const open = this.openDocuments.get(file.absolute);
        if (open) folder.index.setFile(file.relative, open.facts);
      }
    }
    const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
    this.connection.console.info(`${folder.name}: ${files.length} files indexed, ${index.reused} from the persisted index, ${index.parsed} parsed ` +
      `(${ms(started, performance.now())}: finding files ${ms(started, found)}, reading the persisted index ${ms(found, opened)})` +
      (seeded ? '; diagnostics from the persisted index' : ''));
    return { folder, index };
  }

  /**
   * The first diagnostics of a folder: only files that have some (nothing was shown before), and
   * a pause every fifty files so that requests on open documents are answered meanwhile.
   */
  private async publishInitial(folder: Folder): Promise<void> {
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    const started = performance.now();
    let count = 0;
    // SYSTEMKEY files last: each checks every program it registers, whose resolutions the
    // programs' own files have computed by then (first, they made one 200 ms task each).
    const systemKeyFiles = folder.index.model.systemKeyFiles;
    const files = [...folder.index.files.keys()].sort((a, b) => Number(systemKeyFiles.has(a)) - Number(systemKeyFiles.has(b)));
    for (const file of files) {
      const diagnostics = this.lspDiagnostics(folder, file);
      if (diagnostics.length > 0) this.send(folder, file, diagnostics);
      if (++count % 50 === 0) await nextTurn();
    }
    this.connection.console.info(`${folder.name}: first diagnostics in ${Math.round(performance.now() - started)} ms`);
  }

  removeFolder(uri: string): void {
    const folder = this.folders.get(uri);
    if (!folder) return;
    this.folders.delete(uri);
    if (!this.pullMode) {
      // Clear what was shown, without computing every file's diagnostics to find it.
      for (const file of this.published.get(folder) ?? []) this.connection.sendDiagnostics({ uri: this.uriOf(folder, file), diagnostics: [] });
    }
  }

  /**
   * Settings changed: re-read everything (encoding, excludes and catalog may differ). Reloads run
   * one at a time; changes that arrive during one are served by a single next reload.
   */
  reloadAll(): Promise<void> {
    if (this.reloadQueued) return this.reloading;
    this.reloadQueued = true;
    this.reloading = this.reloading.catch(() => undefined).then(() => {
      this.reloadQueued = false;
      return this.reloadNow();
    });
    return this.reloading;
  }

  private async reloadNow(): Promise<void> {
    this.settings.clear();
    const folders = [...this.folders.values()].filter((folder) => folder.scanned);
    for (const folder of folders) {
      this.removeFolder(folder.uri);
      await this.addFolder({ uri: folder.uri, name: folder.name });
    }
    if (this.pullMode) this.refreshPull();
  }

  // ---- documents -----------------------------------------------------------------------------

  documentChanged(document: TextDocument): void {
    this.deferPersist();
    const located = this.locate(document.uri);
    if (!located) return;
    const path = join(located.folder.path, located.file);
    const text = document.getText();
    // Typing re-parses only the unit being edited when it can (syntax/incremental.ts).
    const previous = this.openDocuments.get(path);
    const facts = previous ? reparseFacts(previous.text, previous.facts, text) : parseFacts(text);
    this.openDocuments.set(path, { document, text, facts });
    const affected = located.folder.index.setFile(located.file, facts);
    this.publish(located.folder, affected);
  }

  documentClosed(document: TextDocument): void {
    const located = this.locate(document.uri);
    if (!located) return;
    const path = join(located.folder.path, located.file);
    this.openDocuments.delete(path);
    // The editor may close without saving: the disk is the truth again. Read at once (one file),
    // so that the next request already sees it.
    const { folder, file } = located;
    const onDisk = folder.scanned && isFile(path);
    this.publish(folder, onDisk ? folder.index.setFile(file, this.readFactsNow(path, folder.settings)) : folder.index.deleteFile(file));
  }

  // ---- file watcher --------------------------------------------------------------------------

  filesChanged(events: readonly FileEvent[]): void {
    this.deferPersist();
    this.pendingEvents.push(...events);
    if (this.eventTimer) clearTimeout(this.eventTimer);
    this.eventTimer = setTimeout(() => {
      this.eventTimer = undefined;
      const batch = this.pendingEvents;
      this.pendingEvents = [];
      this.inBackground('processing file changes', this.processEvents(batch));
    }, COALESCE_MS);
  }

  private async processEvents(events: readonly FileEvent[]): Promise<void> {
    // The last event of a file wins: created-then-deleted is deleted.
    const lastByUri = new Map<string, FileEvent>();
    for (const event of events) lastByUri.set(event.uri, event);
    const affectedByFolder = new Map<Folder, Set<string>>();
    const toRead = new Map<Folder, string[]>();
    const note = (folder: Folder, files: Iterable<string>) => {
      const set = affectedByFolder.get(folder) ?? new Set<string>();
      for (const file of files) set.add(file);
      affectedByFolder.set(folder, set);
    };
    for (const event of lastByUri.values()) {
      const located = this.locate(event.uri, false);
      if (!located || !located.folder.scanned) continue;
      const { folder, file } = located;
      const absolute = join(folder.path, file);
      if (file === toPosix(folder.settings.catalogPath)) {
        note(folder, await this.loadCatalog(folder));
        continue;
      }
      if (!/\.4gl$/i.test(file) || this.isExcluded(folder, file) || this.openDocuments.has(absolute)) continue;
      if (event.type === FileChangeType.Deleted || !isFile(absolute)) {
        note(folder, folder.index.deleteFile(file));
      } else {
        toRead.set(folder, [...(toRead.get(folder) ?? []), file]);
      }
    }
    // Changed files are parsed like the cold index: a checkout of thousands goes to the workers.
    for (const [folder, files] of toRead) {
      const facts = await parseFiles(files.map((file) => join(folder.path, file)), this.parseOptions(folder));
      files.forEach((file, index) => {
        if (!this.openDocuments.has(join(folder.path, file))) note(folder, folder.index.setFile(file, facts[index]!));
      });
    }
    for (const [folder, files] of affectedByFolder) this.publish(folder, files);
  }

  // ---- lookups -------------------------------------------------------------------------------

  /**
   * The folder and relative path of a URI: the innermost workspace folder containing it, or, for
   * a file outside every folder, an implicit folder of its own (with no scan) when `create`.
   */
  locate(uri: string, create = true): Located | undefined {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined; // not a file URI (untitled:, unknown schemes)
    }
    let best: Folder | undefined;
    for (const folder of this.folders.values()) {
      if ((path === folder.path || path.startsWith(folder.path + sep)) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    if (!best && create) {
      const folderPath = dirname(path);
      const folderUri = pathToFileURL(folderPath).href;
      best = this.folders.get(folderUri) ?? { uri: folderUri, path: folderPath, name: folderPath, index: new FolderIndex(), settings: this.defaultSettings(), scanned: false };
      this.folders.set(folderUri, best);
    }
    return best ? { folder: best, file: toPosix(relative(best.path, path)) } : undefined;
  }

  uriOf(folder: Folder, file: string): string {
    return pathToFileURL(join(folder.path, file)).href;
  }

  openDocument(uri: string): TextDocument | undefined {
    const located = this.locate(uri, false);
    return located ? this.openDocuments.get(join(located.folder.path, located.file))?.document : undefined;
  }

  /** The text of a file: the editor's when open, else the disk's (decoded per settings). */
  async textOf(folder: Folder, file: string): Promise<string | undefined> {
    const absolute = join(folder.path, file);
    const open = this.openDocuments.get(absolute);
    if (open) return open.document.getText();
    try {
      return decodeText(await readFile(absolute), encodingOrDefault(folder.settings.encoding));
    } catch {
      return undefined;
    }
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  lspDiagnostics(folder: Folder, file: string): Diagnostic[] {
    return folder.index.diagnosticsOf(file)
      .map((diagnostic) => toLspDiagnostic(diagnostic, folder.settings, (other) => this.uriOf(folder, other)))
      .filter((diagnostic): diagnostic is Diagnostic => diagnostic !== undefined);
  }

  private publish(folder: Folder, files: Set<string>): void {
    if (this.pullMode) {
      this.refreshPull();
      return;
    }
    // The changed file now; the files it affects (a SYSTEMKEY file re-checks every program it
    // registers) once typing pauses, one per turn: computing them at once would hold back the
    // diagnostics of the file being typed in and the hover that follows.
    const [first, ...rest] = files;
    if (first !== undefined) this.publishOne(folder, first);
    if (rest.length === 0) return;
    const pending = this.pendingDependents.get(folder) ?? new Set<string>();
    for (const file of rest) pending.add(file);
    this.pendingDependents.set(folder, pending);
    clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => this.inBackground('publishing diagnostics', this.publishDependents()), DEPENDENTS_AFTER_MS);
  }

  private async publishDependents(): Promise<void> {
    const pending = [...this.pendingDependents];
    this.pendingDependents.clear();
    for (const [folder, files] of pending) {
      for (const file of files) {
        this.publishOne(folder, file);
        await nextTurn();
      }
    }
  }

  private publishOne(folder: Folder, file: string): void {
    if (this.folders.get(folder.uri) !== folder) return; // removed meanwhile
    this.send(folder, file, this.lspDiagnostics(folder, file));
  }

  /** Sends a file's diagnostics, with the version of its open document if it is open. */
  private send(folder: Folder, file: string, diagnostics: Diagnostic[]): void {
    let published = this.published.get(folder);
    if (!published) this.published.set(folder, (published = new Set()));
    if (diagnostics.length > 0) published.add(file);
    else published.delete(file);
    const document = this.openDocuments.get(join(folder.path, file))?.document;
    this.connection.sendDiagnostics({ uri: this.uriOf(folder, file), diagnostics, ...(document ? { version: document.version } : {}) });
  }

  private refreshTimer: NodeJS.Timeout | undefined;

  /** Asks a pull client to re-pull; coalesced so that a burst of edits asks once. */
  private refreshPull(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, 20);
  }

  // ---- IO ------------------------------------------------------------------------------------

  private async loadCatalog(folder: Folder): Promise<Set<string>> {
    const catalogPath = toPosix(folder.settings.catalogPath);
    const absolute = join(folder.path, catalogPath);
    let text: string | undefined;
    try {
      text = isFile(absolute) ? await readFile(absolute, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    const overrides = {
      ...(folder.settings.logixVersion ? { logixVersion: folder.settings.logixVersion } : {}),
      ...(folder.settings.devTest ? { devTest: true } : {}),
    };
    return folder.index.setCatalog(catalogPath, text, overrides);
  }

  private readFactsNow(absolute: string, settings: Settings): FileFacts {
    return factsOfFile(absolute, encodingOrDefault(settings.encoding));
  }

  /** How this folder's files are parsed: its encoding, on workers below the server's priority. */
  private parseOptions(folder: Folder): ParseOptions {
    // A core is kept for requests where there are cores to spare; on two, both parse (measured:
    // the 20,000-file index took 23 s on one worker, and requests were answered no slower on two).
    return { encoding: encodingOrDefault(folder.settings.encoding), background: true, reserveCores: availableParallelism() > 2 ? 1 : 0 };
  }

  private isExcluded(folder: Folder, file: string): boolean {
    let excluded = this.excludeMatchers.get(folder.settings);
    if (!excluded) {
      excluded = excludeMatcher(folder.settings.exclude);
      this.excludeMatchers.set(folder.settings, excluded);
    }
    return excluded(file);
  }

  private defaultSettings(): Settings {
    return this.folders.values().next().value?.settings ?? DEFAULT_SETTINGS;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** An unknown encoding in the settings falls back to Windows-1252 rather than failing every file. */
function encodingOrDefault(encoding: string): string {
  try {
    decoderFor(encoding);
    return encoding;
  } catch {
    return 'windows-1252';
  }
}
