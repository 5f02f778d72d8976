/**
 * The server watching the workspace folders itself, for clients that cannot watch files for it
 * (no dynamic registration of `workspace/didChangeWatchedFiles`, e.g. Neovim 0.7): the changes of
 * 4GL files and of the catalog file become the same file events a client would send, one
 * FolderWatcher per workspace folder, closed when the folder is removed or the server shuts down.
 */
import { basename, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import { CATALOG_FILE_NAME } from '../license/catalog.js';
import { toPosix } from '../workspace/files.js';
import { FolderWatcher, type ChangeKind } from '../workspace/folder-watcher.js';

export interface WatchLog {
  info(message: string): void;
  warn(message: string): void;
}

const TYPES: Record<ChangeKind, FileChangeType> = {
  created: FileChangeType.Created,
  changed: FileChangeType.Changed,
  deleted: FileChangeType.Deleted,
};

/** Whether a client watches files for the server: else the server watches the folders itself. */
export function clientWatchesFiles(capabilities: { workspace?: { didChangeWatchedFiles?: { dynamicRegistration?: boolean } } }): boolean {
  return capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
}

export class FolderWatchers {
  private readonly watchers = new Map<string, { name: string; watcher: FolderWatcher }>();

  /**
   * `onEvents` gets each batch as file events; `catalogPathOf` gives a folder's catalog path
   * setting (relative to the folder) when it is known, read at each change.
   */
  constructor(
    private readonly log: WatchLog,
    private readonly onEvents: (events: FileEvent[]) => void,
    private readonly catalogPathOf: (folderUri: string) => string | undefined,
  ) {}

  watch(folder: WorkspaceFolder): void {
    if (this.watchers.has(folder.uri)) return;
    let root: string;
    try {
      root = fileURLToPath(folder.uri);
    } catch {
      this.log.warn(`${folder.name}: not a folder on disk (${folder.uri}), so changes on disk are not seen`);
      return;
    }
    const isCatalog = (path: string) => basename(path) === CATALOG_FILE_NAME ||
      toPosix(relative(root, path)) === toPosix(this.catalogPathOf(folder.uri) ?? CATALOG_FILE_NAME);
    const watcher = FolderWatcher.start(root, {
      accept: (path) => /\.4gl$/i.test(path) || isCatalog(path),
      onChanges: (changes) => this.onEvents(changes.map((change) => ({ uri: pathToFileURL(change.path).href, type: TYPES[change.kind] }))),
      onError: (message) => this.log.warn(`${folder.name}: ${message}`),
    });
    this.watchers.set(folder.uri, { name: folder.name, watcher });
    this.log.info(`${folder.name}: watching the folder for changes on disk (the client does not watch files)`);
  }

  unwatch(uri: string): void {
    const watched = this.watchers.get(uri);
    if (!watched) return;
    this.watchers.delete(uri);
    watched.watcher.close();
    this.log.info(`${watched.name}: no longer watched`);
  }

  closeAll(): void {
    for (const uri of [...this.watchers.keys()]) this.unwatch(uri);
  }
}
