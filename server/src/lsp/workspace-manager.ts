/**
 * The server's view of the user's workspace: one FolderIndex (a set of environments) per workspace
 * folder, and the open documents. One change pipeline: an opened, edited or closed document and a
 * change on disk all end in `FolderIndex.setFile` / `deleteFile` / `setCatalog`, whose affected
 * files are published.
 *
 * Timing never decides the answer. The folders named in `initialize` exist before any other
 * message is handled (`declareFolders`); a folder is *known* once its settings are read and its
 * catalog files loaded, and a document opened before that waits, parsed, and joins the folder's
 * index the moment it is known. Open documents' text always wins over the disk's, and their
 * diagnostics are published again once the folder's first index is complete. A file outside every
 * workspace folder gets a stand-in folder of its own, which never shadows a real one.
 */
import { existsSync } from 'node:fs';
import { readRegularFile } from '../workspace/read-file.js';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type Diagnostic, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n/messages.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { FileFacts } from '../syntax/facts.js';
import { parseForEditing, reparseFacts } from '../syntax/incremental.js';
import { isFile, readCatalogFile, type CatalogRead } from '../workspace/catalog-files.js';
import { decodeText, encodingOrDefault } from '../workspace/decode.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';
import { excludeMatcher, type ExcludeMatcher } from '../workspace/exclude.js';
import { FactsCache } from '../workspace/facts-cache.js';
import { discoverYielding, toPosix } from '../workspace/files.js';
import { FolderIndex } from '../workspace/folder-index.js';
import { buildInitialIndex } from '../workspace/initial-index.js';
import { parseFiles, type ParseOptions } from '../workspace/parse-pool.js';
import { factsOfFile } from '../workspace/source-file.js';
import { toLspDiagnostic } from './diagnostic-convert.js';
import { DiagnosticsPublisher, type PublishTarget } from './diagnostics-publisher.js';
import { LogComparisons } from './log-comparison.js';
import { PersistScheduler } from './persist-scheduler.js';
import { DEFAULT_SETTINGS, SettingsCache, type Settings } from './settings.js';

/**
 * Programs whose resolutions each environment keeps (FolderIndex.limitResolutions): enough for
 * what is being edited and the SYSTEMKEY files that register it, not one for each of 20,000
 * programs after the first diagnostics.
 */
const RESOLUTIONS_KEPT = 2_000;

export interface Folder {
  readonly uri: string;
  readonly path: string;
  readonly name: string;
  /** Empty until the folder is known; replaced by a settings reload (a new Folder). */
  index: FolderIndex;
  settings: Settings;
  /** False for the stand-in folder of a file opened outside every workspace folder. */
  readonly scanned: boolean;
  /** Resolves when the folder is known: settings read, catalog files found and loaded. */
  readonly known: Promise<void>;
  isKnown: boolean;
  /** Resolves when the folder's first index is complete. */
  readonly indexed: Promise<void>;
  /** How its diagnostics are published. */
  readonly target: PublishTarget;
}

/** A file's place: its folder, environment and path relative to the folder root (`/` separated). */
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

/** Events closer together than this are processed as one batch. */
const COALESCE_MS = 100;

interface OpenDocument {
  readonly document: TextDocument;
  /** The text last parsed and its facts: the start of the next incremental re-parse. */
  readonly text: string;
  readonly facts: FileFacts;
}

export class WorkspaceManager {
  private readonly folders = new Map<string, Folder>();
  /** Stand-ins for files outside every workspace folder, by their directory's URI. */
  private readonly standIns = new Map<string, Folder>();
  /** Each open document by absolute path. */
  private readonly openDocuments = new Map<string, OpenDocument>();
  private pendingEvents: FileEvent[] = [];
  private eventTimer: NodeJS.Timeout | undefined;
  private readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private reloading: Promise<void> = Promise.resolve();
  private reloadQueued = false;
  private readonly excludeMatchers = new WeakMap<Settings, ExcludeMatcher>();
  readonly publisher: DiagnosticsPublisher;
  private readonly persistence: PersistScheduler;
  /** The LGX019 diagnostics of each folder's last AppServer log comparison (log-comparison.ts). */
  private readonly logComparisons = new LogComparisons();

  private readonly options: WorkspaceOptions;
  /** Told, with the folder's URI, whenever a workspace folder's index changes (the license map's notification). */
  onFolderChanged: ((folderUri: string) => void) | undefined;

  constructor(
    options: WorkspaceOptions,
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
  ) {
    // A relative cacheFolder would be resolved against the server's working directory, often the
    // workspace itself: the persisted index would land in the user's tree. Refused, and said.
    const { cacheFolder, ...rest } = options;
    if (cacheFolder !== undefined && !isAbsolute(cacheFolder)) {
      connection.console.warn(`cacheFolder "${cacheFolder}" is not an absolute path: the index is not kept between sessions`);
    }
    this.options = cacheFolder !== undefined && isAbsolute(cacheFolder) ? { ...rest, cacheFolder } : rest;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    const inBackground = (what: string, work: Promise<unknown>) => this.inBackground(what, work);
    this.publisher = new DiagnosticsPublisher(connection, inBackground);
    this.persistence = new PersistScheduler(inBackground);
  }

  /** Resolves when the initial index of every folder named in `initialize` is built. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  allFolders(): Folder[] {
    return [...this.folders.values(), ...this.standIns.values()];
  }

  /** Runs work nobody awaits: a failure is logged, never left as an unhandled rejection. */
  inBackground(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) => this.connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  }

  /** Writes the pending persisted index now and resolves when it is on disk (at shutdown). */
  whenPersisted(): Promise<void> {
    return this.persistence.writeNow();
  }

  // ---- start-up ------------------------------------------------------------------------------

  /**
   * Called from `initialize`, before any other message is handled: the folders exist (not yet
   * known) so that a document opened at once waits for its own folder instead of being analysed
   * outside it.
   */
  declareFolders(workspaceFolders: readonly WorkspaceFolder[]): void {
    for (const workspaceFolder of workspaceFolders) if (this.isOnDisk(workspaceFolder)) this.declare(workspaceFolder);
  }

  /** Only folders on disk are indexed: a remote or virtual folder (not `file:`) is left out, said once. */
  private isOnDisk(workspaceFolder: WorkspaceFolder): boolean {
    if (workspaceFolder.uri.startsWith('file:')) return true;
    this.connection.console.warn(`${workspaceFolder.name}: not a folder on disk (${workspaceFolder.uri}), not indexed`);
    return false;
  }

  /** Indexes the declared folders, one after the other, under one progress. */
  async initialize(progressSupported: boolean): Promise<void> {
    const folders = [...this.folders.values()];
    const progress = progressSupported ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(t('Logix: indexing 4GL files'), 0, t('finding files…'), false);
    try {
      for (const folder of folders) {
        await this.index(folder, (done, total) => {
          progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), t`${folder.name}: ${done}/${total} files`);
        });
      }
    } finally {
      progress?.done();
      this.resolveReady();
    }
  }

  async addFolder(workspaceFolder: WorkspaceFolder): Promise<void> {
    if (this.isOnDisk(workspaceFolder)) await this.index(this.declare(workspaceFolder));
  }

  /** A folder leaves the workspace: what it showed is cleared, its log comparison forgotten. */
  removeFolder(uri: string): void {
    this.logComparisons.clear(uri);
    const folder = this.folders.get(uri);
    if (!folder) return;
    this.folders.delete(uri);
    this.publisher.clear(folder.target);
    // Whoever waits on it goes on, and finds it gone.
    knownResolvers.get(folder)?.();
    indexedResolvers.get(folder)?.();
  }

  private declare(workspaceFolder: WorkspaceFolder): Folder {
    let markKnown!: () => void;
    let markIndexed!: () => void;
    const known = new Promise<void>((resolve) => (markKnown = resolve));
    const indexed = new Promise<void>((resolve) => (markIndexed = resolve));
    const folder: Folder = {
      uri: workspaceFolder.uri,
      path: fileURLToPath(workspaceFolder.uri),
      name: workspaceFolder.name,
      index: new FolderIndex(),
      settings: DEFAULT_SETTINGS,
      scanned: true,
      known,
      isKnown: false,
      indexed,
      target: this.publishTarget(() => folder),
    };
    knownResolvers.set(folder, markKnown);
    indexedResolvers.set(folder, markIndexed);
    this.folders.set(folder.uri, folder);
    // A stand-in inside the new folder gives its files back: they are the folder's now.
    for (const [uri, standIn] of this.standIns) {
      if (isInside(standIn.path, folder.path)) {
        this.standIns.delete(uri);
        this.publisher.clear(standIn.target);
      }
    }
    return folder;
  }

  /**
   * A folder's first index (`buildIndex`). Whatever happens, whoever waits for the folder goes on:
   * a failure is logged, the folder is left as far as it got, and the next folder is indexed.
   */
  private async index(folder: Folder, onProgress?: (done: number, total: number) => void): Promise<void> {
    try {
      await this.buildIndex(folder, onProgress);
    } catch (error) {
      this.connection.console.error(`${folder.name}: indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      knownResolvers.get(folder)?.();
      indexedResolvers.get(folder)?.();
    }
  }

  /**
   * Settings, catalog files (the folder is then known and its open documents join), the persisted
   * index and the parse of the rest, then the first diagnostics.
   */
  private async buildIndex(folder: Folder, onProgress?: (done: number, total: number) => void): Promise<void> {
    const started = performance.now();
    const settings = await this.settings.get(folder.uri);
    const encoding = encodingOrDefault(settings.encoding);
    // Read while the folder is walked.
    const opening = this.options.cacheFolder ? FactsCache.open(this.options.cacheFolder, folder.path, encoding, this.options.build) : undefined;
    const discovery = existsSync(folder.path) ? await discoverYielding(folder.path, settings.exclude) : { sources: [], catalogs: [], skipped: { links: [], unreadable: [] } };
    logSkipped(this.connection, folder.name, discovery.skipped);
    const found = performance.now();
    const index = new FolderIndex(settings.catalogPath, overridesOf(settings));
    index.limitResolutions(RESOLUTIONS_KEPT);
    setCatalogFrom(index, settings.catalogPath, readCatalogFile(join(folder.path, settings.catalogPath)));
    for (const catalog of discovery.catalogs) {
      if (catalog.relative !== settings.catalogPath) setCatalogFrom(index, catalog.relative, readCatalogFile(catalog.absolute));
    }
    if (!this.isCurrent(folder)) return; // removed meanwhile
    folder.index = index;
    folder.settings = settings;
    folder.isKnown = true;
    knownResolvers.get(folder)!();
    // The documents opened so far join now, with what is known (the rest of the folder follows).
    const openHere = this.openFilesOf(folder);
    for (const file of openHere) index.setFile(file, this.openDocuments.get(join(folder.path, file))!.facts);
    for (const file of openHere) this.publisher.publishNow(folder.target, file);

    const cache = await opening;
    if (cache?.problem) this.connection.console.warn(`${cache.problem}; indexing from the sources`);
    const opened = performance.now();
    const initial = await buildInitialIndex(discovery.sources, {
      parse: this.parseOptions(settings),
      ...(cache ? { cache } : {}),
      onFacts: (file, facts) => {
        // An open document's text is newer than the disk's.
        if (!this.openDocuments.has(file.absolute)) index.setFile(file.relative, facts);
      },
      ...(onProgress ? { onProgress } : {}),
      onWarning: (message) => this.connection.console.warn(message),
    });
    // Nothing changed since the persisted index was written: its diagnostics are this index's,
    // except where an open document differs from the disk (set again, to drop what it affects).
    const seeded = initial.unchanged ? cache?.diagnosticsFor(index.fingerprint) : undefined;
    if (seeded) {
      index.seedDiagnostics(seeded);
      for (const file of this.openFilesOf(folder)) index.setFile(file, this.openDocuments.get(join(folder.path, file))!.facts);
    }
    const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
    const environments = index.all.length;
    this.connection.console.info(`${folder.name}: ${discovery.sources.length} files indexed, ${initial.reused} from the persisted index, ${initial.parsed} parsed, ` +
      `${environments} environment${environments === 1 ? '' : 's'} ` +
      `(${ms(started, performance.now())}: finding files ${ms(started, found)}, reading the persisted index ${ms(found, opened)})` +
      (seeded ? '; diagnostics from the persisted index' : ''));
    if (!this.isCurrent(folder)) return;

    const publishing = performance.now();
    // SYSTEMKEY files last: each checks every program it registers, whose resolutions the
    // programs' own files have computed by then.
    const systemKeyFiles = new Set(index.all.flatMap((environment) => [...environment.model.systemKeyFiles.keys()]));
    const files = [...index.all.flatMap((environment) => [environment.catalogFile.path, ...environment.files.keys()])]
      .sort((a, b) => Number(systemKeyFiles.has(a)) - Number(systemKeyFiles.has(b)));
    await this.publisher.publishAll(folder.target, files, new Set(this.openFilesOf(folder)));
    this.connection.console.info(`${folder.name}: first diagnostics in ${Math.round(performance.now() - publishing)} ms`);
    indexedResolvers.get(folder)!();
    this.changed(folder);
    // Written once the index is in use: it is for the next start.
    this.persistence.schedule(folder.uri, {
      stillCurrent: () => this.isCurrent(folder),
      write: () => {
        // Diagnostics are recorded only when they come from the disk's text (no open document).
        const recorded = this.openFilesOf(folder).length > 0 ? undefined : index.completeDiagnostics();
        return initial.persist(recorded ? { fingerprint: index.fingerprint, files: recorded } : undefined);
      },
    });
  }

  /**
   * Settings changed: re-read everything (encoding, excludes and catalogs may differ). Reloads run
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
    for (const old of [...this.folders.values()]) {
      // Removed while an earlier folder was re-indexed.
      if (this.folders.get(old.uri) !== old) continue;
      // The new folder replaces the old one at once (requests wait for it to be known) and takes
      // over what it showed: its first diagnostics replace the old ones, nothing is cleared first.
      const folder = this.declare({ uri: old.uri, name: old.name });
      this.publisher.handOver(old.target, folder.target);
      knownResolvers.get(old)?.();
      indexedResolvers.get(old)?.();
      await this.index(folder);
    }
  }

  // ---- documents -----------------------------------------------------------------------------

  /** An opened or edited document (one path for both: an opening is parsed and published once). */
  documentChanged(document: TextDocument): void {
    this.persistence.defer();
    const located = this.locate(document.uri, true);
    if (!located) return;
    const path = join(located.folder.path, located.file);
    const text = document.getText();
    // Typing re-parses only the region around the edit when it can (syntax/incremental.ts).
    const previous = this.openDocuments.get(path);
    const facts = previous ? reparseFacts(previous.text, previous.facts, text) : parseForEditing(text);
    this.openDocuments.set(path, { document, text, facts });
    // Before its folder is known, the document waits (the folder takes it in when it is).
    if (!located.folder.isKnown) return;
    this.publisher.publish(located.folder.target, located.folder.index.setFile(located.file, facts));
    this.changed(located.folder);
  }

  documentClosed(document: TextDocument): void {
    const located = this.locate(document.uri, false);
    if (!located) return;
    const path = join(located.folder.path, located.file);
    this.openDocuments.delete(path);
    const { folder, file } = located;
    if (!folder.isKnown) return;
    // The editor may close without saving: the disk is the truth again. Read at once (one file),
    // so that the next request already sees it.
    const onDisk = folder.scanned && isFile(path) && !this.isExcluded(folder, file);
    this.publisher.publish(folder.target, onDisk ? folder.index.setFile(file, factsOfFile(path, encodingOrDefault(folder.settings.encoding))) : folder.index.deleteFile(file));
    this.changed(folder);
  }

  // ---- file watcher --------------------------------------------------------------------------

  filesChanged(events: readonly FileEvent[]): void {
    this.persistence.defer();
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
    const affected = new Map<Folder, Set<string>>();
    const note = (folder: Folder, files: Iterable<string>) => {
      const set = affected.get(folder) ?? new Set<string>();
      for (const file of files) set.add(file);
      affected.set(folder, set);
    };
    const toRead = new Map<Folder, string[]>();
    // Catalog files first: a new environment takes its files before they are read.
    const ordered = [...lastByUri.values()].map((event) => ({ event, located: this.locate(event.uri, false) }))
      .filter((entry): entry is { event: FileEvent; located: Located } => entry.located !== undefined && entry.located.folder.scanned);
    for (const { located } of ordered) await located.folder.known;
    ordered.sort((a, b) => Number(!a.located.folder.index.isCatalogFile(a.located.file)) - Number(!b.located.folder.index.isCatalogFile(b.located.file)));
    for (const { event, located } of ordered) {
      const { folder, file } = located;
      if (!this.isCurrent(folder)) continue;
      const absolute = join(folder.path, file);
      if (folder.index.isCatalogFile(file)) {
        if (this.isExcluded(folder, file)) continue;
        note(folder, setCatalogFrom(folder.index, file, event.type === FileChangeType.Deleted ? { kind: 'absent' } : readCatalogFile(absolute)));
        continue;
      }
      if (!/\.4gl$/i.test(file) || this.isExcluded(folder, file) || this.openDocuments.has(absolute)) continue;
      if (event.type === FileChangeType.Deleted || !isFile(absolute)) {
        note(folder, folder.index.deleteFile(file));
      } else {
        const files = toRead.get(folder);
        if (files) files.push(file);
        else toRead.set(folder, [file]);
      }
    }
    // Changed files are parsed like the cold index: a checkout of thousands goes to the workers.
    for (const [folder, files] of toRead) {
      const facts = await parseFiles(files.map((file) => join(folder.path, file)), this.parseOptions(folder.settings));
      files.forEach((file, index) => {
        if (!this.openDocuments.has(join(folder.path, file))) note(folder, folder.index.setFile(file, facts[index]!));
      });
    }
    for (const [folder, files] of affected) {
      if (!this.isCurrent(folder)) continue;
      this.publisher.publish(folder.target, files);
      this.changed(folder);
    }
  }

  // ---- lookups -------------------------------------------------------------------------------

  /**
   * The folder and relative path of a URI: the innermost workspace folder containing it; for a
   * file outside every one, its stand-in (made when `create`).
   */
  locate(uri: string, create: boolean): Located | undefined {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined; // not a file URI (untitled:, unknown schemes)
    }
    let best: Folder | undefined;
    for (const folder of this.folders.values()) {
      if (isInside(path, folder.path) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    if (!best) {
      const folderPath = dirname(path);
      const folderUri = pathToFileURL(folderPath).href;
      best = this.standIns.get(folderUri);
      if (!best && create) {
        best = this.standIn(folderUri, folderPath);
        this.standIns.set(folderUri, best);
      }
    }
    return best ? { folder: best, file: toPosix(relative(best.path, path)) } : undefined;
  }

  /** A located file's environment (the folder must be known). */
  environmentOf(located: Located): EnvironmentIndex {
    return located.folder.index.environmentOf(located.file);
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
      return decodeText(readRegularFile(absolute), encodingOrDefault(folder.settings.encoding));
    } catch {
      return undefined;
    }
  }

  /** A file's diagnostics: the index's, then those of the folder's last AppServer log comparison (LGX019). */
  lspDiagnostics(folder: Folder, file: string): Diagnostic[] {
    const fromLog = this.logComparisons.diagnosticsOf(folder.uri, file, folder.index.environmentOf(file).model);
    const own = folder.index.diagnosticsOf(file);
    return (fromLog.length > 0 ? [...own, ...fromLog] : own)
      .map((diagnostic) => toLspDiagnostic(diagnostic, folder.settings, (other) => this.uriOf(folder, other)))
      .filter((diagnostic): diagnostic is Diagnostic => diagnostic !== undefined);
  }

  /**
   * An id that changes whenever a file's diagnostics may have (for pull clients' unchanged
   * reports): the identity of the index's cached list and of the settings that convert it.
   * Undefined for a file with log-comparison diagnostics, placed anew at each publication.
   */
  resultIdOf(folder: Folder, file: string): string | undefined {
    if (this.logComparisons.has(folder.uri, file)) return undefined;
    return `${identity(folder.index.diagnosticsOf(file))}.${identity(folder.settings)}`;
  }

  /** The files of a folder that show LGX019 diagnostics of a log comparison (for workspace pulls). */
  logComparisonFiles(folder: Folder): string[] {
    return this.logComparisons.filesOf(folder.uri);
  }

  /**
   * A folder's AppServer log comparison replaced by a new one (its LGX019 diagnostics); the files
   * that showed the old one or show the new one are published again. Returns how many are shown.
   */
  replaceLogComparison(folder: Folder, diagnostics: readonly LicenseDiagnostic[]): number {
    this.publisher.publish(folder.target, this.logComparisons.replace(folder.uri, diagnostics));
    return this.logComparisons.count(folder.uri);
  }

  /** Clears the log comparison of one folder (by URI), or of every folder; returns how many diagnostics went. */
  clearLogComparisons(folderUri?: string): number {
    let cleared = 0;
    for (const uri of folderUri !== undefined ? [folderUri] : this.logComparisons.folders()) {
      cleared += this.logComparisons.count(uri);
      const files = this.logComparisons.clear(uri);
      const folder = this.folders.get(uri);
      if (folder && files.size > 0) this.publisher.publish(folder.target, files);
    }
    return cleared;
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A workspace folder's index changed (stand-ins have no map). */
  private changed(folder: Folder): void {
    if (folder.scanned) this.onFolderChanged?.(folder.uri);
  }

  private standIn(uri: string, path: string): Folder {
    const folder: Folder = {
      uri, path, name: path,
      index: new FolderIndex(),
      // The settings of the first folder, if any: the closest thing to the user's choice.
      settings: this.folders.values().next().value?.settings ?? DEFAULT_SETTINGS,
      scanned: false,
      known: Promise.resolve(),
      isKnown: true,
      indexed: Promise.resolve(),
      target: this.publishTarget(() => folder),
    };
    return folder;
  }

  private publishTarget(folder: () => Folder): PublishTarget {
    return {
      current: () => this.isCurrent(folder()),
      diagnosticsOf: (file) => this.lspDiagnostics(folder(), file),
      uriOf: (file) => this.uriOf(folder(), file),
      versionOf: (file) => this.openDocuments.get(join(folder().path, file))?.document.version,
    };
  }

  /** The folder is still the one registered for its URI (not removed, not re-indexed). */
  private isCurrent(folder: Folder): boolean {
    return this.folders.get(folder.uri) === folder || this.standIns.get(folder.uri) === folder;
  }

  /** The open documents that belong to `folder`, by relative path. */
  private openFilesOf(folder: Folder): string[] {
    const files: string[] = [];
    for (const path of this.openDocuments.keys()) {
      const located = this.locate(pathToFileURL(path).href, false);
      if (located?.folder === folder) files.push(located.file);
    }
    return files;
  }

  /** How a folder's files are parsed: its encoding, on workers below the server's priority. */
  private parseOptions(settings: Settings): ParseOptions {
    // A core is kept for requests where there are cores to spare; on two, both parse (measured:
    // the 20,000-file index took 23 s on one worker, and requests were answered no slower on two).
    return { encoding: encodingOrDefault(settings.encoding), background: true, reserveCores: availableParallelism() > 2 ? 1 : 0 };
  }

  private isExcluded(folder: Folder, file: string): boolean {
    let excluded = this.excludeMatchers.get(folder.settings);
    if (!excluded) {
      excluded = excludeMatcher(folder.settings.exclude);
      this.excludeMatchers.set(folder.settings, excluded);
    }
    return excluded(file);
  }
}

/** A number for each object, the same for its life: result ids from cached values. */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}

/** Resolvers of each folder's promises, kept off the Folder value that requests read. */
const knownResolvers = new WeakMap<Folder, () => void>();
const indexedResolvers = new WeakMap<Folder, () => void>();

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** What discovery passed over, in the log (a few names, and how many). */
function logSkipped(connection: Connection, name: string, skipped: { readonly links: readonly string[]; readonly unreadable: readonly string[] }): void {
  const few = (paths: readonly string[]) => `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? `, and ${paths.length - 5} more` : ''}`;
  if (skipped.links.length > 0) connection.console.info(`${name}: ${skipped.links.length} symbolic link${skipped.links.length === 1 ? '' : 's'} not followed: ${few(skipped.links)}`);
  if (skipped.unreadable.length > 0) connection.console.warn(`${name}: ${skipped.unreadable.length} folder${skipped.unreadable.length === 1 ? '' : 's'} could not be read: ${few(skipped.unreadable)}`);
}

/** A catalog file as read (absent, its text, or why it cannot be read) into a folder's index. */
function setCatalogFrom(index: FolderIndex, path: string, read: CatalogRead): Set<string> {
  return index.setCatalog(path, read.kind === 'text' ? read.text : undefined, read.kind === 'unreadable' ? read.reason : undefined);
}

function overridesOf(settings: Settings): { logixVersion?: string; devTest?: boolean } {
  return {
    ...(settings.logixVersion ? { logixVersion: settings.logixVersion } : {}),
    ...(settings.devTest ? { devTest: true } : {}),
  };
}

