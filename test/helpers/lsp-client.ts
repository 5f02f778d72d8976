/**
 * A small LSP client for tests: spawns the real built server (`server/out/server.js --stdio`)
 * and talks to it over stdio with vscode-languageserver-protocol's connection. Waits are on real
 * events (progress end, published diagnostics), never on fixed sleeps. If the server process ends
 * early, the waits reject at once with its exit status and the end of its stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths.js';

export interface ClientOptions {
  /** Settings answered to `workspace/configuration` for section `logix`. */
  readonly settings?: Record<string, unknown>;
  /** The editor's `files.exclude`, answered for that section. */
  readonly filesExclude?: Record<string, boolean>;
  /** Declare pull diagnostics support (else the server pushes). */
  readonly pullDiagnostics?: boolean;
  /** The folder for the persisted index (initializationOptions.cacheFolder, as the VS Code client sends). */
  readonly cacheFolder?: string;
  /**
   * Called when the server sends a request (`client/registerCapability`, `workspace/configuration`,
   * `window/workDoneProgress/create`), before it is answered: a test acts at that very moment of
   * the server's start-up.
   */
  readonly onServerRequest?: (method: string) => void;
  /** The server process's working directory (default: this process's). */
  readonly cwd?: string;
  /**
   * Whether the client watches files for the server (dynamic registration of
   * workspace/didChangeWatchedFiles, as VS Code); false: it declares nothing of the kind, as
   * Neovim 0.7. Default true.
   */
  readonly watchesFiles?: boolean;
  /** Commands the client runs itself (initializationOptions.clientCommands, as the VS Code client sends). */
  readonly clientCommands?: readonly string[];
  /** The editor's display language (InitializeParams.locale, `pt-br` from a Portuguese VS Code); absent: none is sent. */
  readonly locale?: string;
}

type DiagnosticsListener = (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void;

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  /** The last diagnostics published for each URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The document version of the last diagnostics published for each URI (open documents only). */
  private readonly publishedVersions = new Map<string, number | undefined>();
  private readonly listeners = new Set<DiagnosticsListener>();
  private indexed!: Promise<void>;
  /** What the server wrote to stderr, for the messages of failed waits. */
  readonly stderr: string[] = [];
  /** Rejects when the server process has ended and its stderr is read (a normal stop too); never resolves. */
  private readonly exited: Promise<never>;
  private versions = new Map<string, number>();
  /** Messages the server logged (window/logMessage). */
  readonly logMessages: string[] = [];
  private readonly logListeners = new Set<(message: string) => void>();
  /** Messages the server asked to show (window/showMessage). */
  readonly shownMessages: { type: number; message: string }[] = [];
  /** The server's answer to initialize (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /** The work-done progress the server reported (`$/progress` values: begin, report, end), in order. */
  readonly progress: { kind: string; title?: string; message?: string; percentage?: number }[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [join(repoRoot, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(options.cwd ? { cwd: options.cwd } : {}) });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    // A write to a server that has ended fails the request that wrote, not the test process.
    this.process.stdin!.on('error', () => {});
    this.exited = new Promise<never>((_, reject) => {
      this.process.once('close', (code, signal) => reject(new Error(`the server exited (${signal ?? `code ${code}`})${this.stderrTail()}`)));
    });
    this.exited.catch(() => {}); // observed by the waits that race it
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[]; version?: number }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishedVersions.set(params.uri, params.version);
      for (const listener of this.listeners) listener(params.uri, params.diagnostics, params.version);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logMessages.push(params.message);
      for (const listener of this.logListeners) listener(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.options.onServerRequest?.('workspace/configuration');
      return params.items.map((item) => (item.section === 'files.exclude' ? this.options.filesExclude ?? {} : this.options.settings ?? {}));
    });
    this.connection.onRequest('client/registerCapability', () => {
      this.options.onServerRequest?.('client/registerCapability');
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => {
      this.options.onServerRequest?.('window/workDoneProgress/create');
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  /**
   * Initializes with one workspace folder per path (or URI, for a folder not on disk) and resolves when indexing has ended; rejects
   * if the server exits first.
   */
  async start(folders: readonly string[]): Promise<void> {
    try {
      await this.unlessExited(this.initialize(folders).then(() => this.indexed), 'before indexing ended');
    } catch (error) {
      // A write to a server that has died fails (EPIPE) before its end is seen: name the end.
      const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2_000).unref());
      const exit = await Promise.race([this.exited.catch((exited: Error) => exited), timeout]);
      throw exit ? new Error(exit.message.replace('the server exited', 'the server exited before indexing ended')) : error;
    }
  }

  /** Resolves when the initial index has ended (after `initialize`); rejects if the server exits first. */
  whenIndexed(): Promise<void> {
    return this.unlessExited(this.indexed, 'before indexing ended');
  }

  /** Calls `listener` for every published diagnostics until the returned function is called. */
  onDiagnostics(listener: DiagnosticsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server's process id, to read its memory from /proc. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Sends initialize and initialized; does not wait for the index. */
  async initialize(folders: readonly string[]): Promise<void> {
    let progressEnded!: () => void;
    this.indexed = new Promise((resolve) => (progressEnded = resolve));
    this.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      this.progress.push(params.value);
      if (params.value.kind === 'end') progressEnded();
    });
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        ...(this.options.watchesFiles === false ? {} : { didChangeWatchedFiles: { dynamicRegistration: true } }),
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      },
      window: { workDoneProgress: true },
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        ...(this.options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    const initializationOptions = {
      ...(this.options.cacheFolder ? { cacheFolder: this.options.cacheFolder } : {}),
      ...(this.options.clientCommands ? { clientCommands: this.options.clientCommands } : {}),
    };
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      ...(this.options.locale !== undefined ? { locale: this.options.locale } : {}),
      workspaceFolders: folders.map((folder, index) => ({ uri: /^[a-z-]+:\/\//.test(folder) ? folder : uriOf(folder), name: `folder${index}` })),
      ...(Object.keys(initializationOptions).length > 0 ? { initializationOptions } : {}),
    });
    this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `accept` (at once if the last ones do). */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitFor(uri, (diagnostics) => accept(diagnostics), 'matching diagnostics', timeoutMs);
  }

  /**
   * Resolves with the diagnostics published for the open document `uri` at `version` (as `open` and
   * `change` number them): the server's answer to that very text, not an earlier publication.
   */
  waitForVersion(uri: string, version: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitFor(uri, (_, published) => published === version, `diagnostics of version ${version}`, timeoutMs);
  }

  /** Resolves with the next diagnostics published for `uri` after this call, never the last ones. */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    let fresh = false;
    const published = this.waitFor(uri, () => fresh, 'new diagnostics', timeoutMs);
    fresh = true;
    return published;
  }

  private waitFor(uri: string, accept: (diagnostics: Diagnostic[], version: number | undefined) => boolean, what: string, timeoutMs: number): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && accept(current, this.publishedVersions.get(uri))) return Promise.resolve(current);
    const published = new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${what} for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.map((d) => d.code))}` +
          ` (version ${this.publishedVersions.get(uri)})${this.stderrTail()}`));
      }, timeoutMs);
      const listener: DiagnosticsListener = (publishedUri, diagnostics, version) => {
        if (publishedUri !== uri || !accept(diagnostics, version)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(diagnostics);
      };
      this.listeners.add(listener);
    });
    return this.unlessExited(published, `while waiting for diagnostics of ${uri}`);
  }

  /** Resolves with the first message the server logged (or logs) that matches `pattern`, from the `since`-th message on. */
  waitForLog(pattern: RegExp, timeoutMs = 10_000, since = 0): Promise<string> {
    const logged = this.logMessages.slice(since).find((message) => pattern.test(message));
    if (logged !== undefined) return Promise.resolve(logged);
    const found = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.logListeners.delete(listener);
        reject(new Error(`no log message matching ${pattern} within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      const listener = (message: string) => {
        if (!pattern.test(message)) return;
        clearTimeout(timer);
        this.logListeners.delete(listener);
        resolve(message);
      };
      this.logListeners.add(listener);
    });
    return this.unlessExited(found, `while waiting for a log message matching ${pattern}`);
  }

  /** `promise`, unless the server process exits first (then an error naming `when`). */
  private unlessExited<T>(promise: Promise<T>, when: string): Promise<T> {
    return Promise.race([promise, this.exited.catch((error: Error) => {
      throw new Error(error.message.replace('the server exited', `the server exited ${when}`));
    })]);
  }

  /** The last lines the server wrote to stderr, for error messages. */
  private stderrTail(): string {
    const text = this.stderr.join('').trim();
    return text ? `; stderr:\n${text.split('\n').slice(-20).join('\n')}` : '; nothing on stderr';
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    this.publishedVersions.delete(uri); // a publication for an earlier opening is not this one's
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: '4gl', version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replaces one range of an open document (an incremental change, as editors send). */
  changeRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** A request the test can cancel (`$/cancelRequest`), as an editor does when the user moves on. */
  cancellableRequest<R>(method: string, params: unknown): { result: Promise<R>; cancel: () => void } {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest(method, params, source.token) as Promise<R>;
    return { result, cancel: () => source.cancel() };
  }

  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params);
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve(undefined);
      else this.process.once('exit', resolve);
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill(); // already broken: make sure it ends
    }
    await exited;
    this.connection.dispose();
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The codes of some diagnostics, sorted, for comparisons that ignore order. */
export function codes(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map((diagnostic) => String(diagnostic.code)).sort();
}
