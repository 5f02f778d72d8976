/**
 * The LSP campaign: the real built server over stdio (test/helpers/lsp-client.ts) on a generated
 * workspace, driven by a random sequence of actions: documents opened, edited (ranges in and out
 * of the text), replaced and closed; every request at random and out-of-range positions; params of
 * the wrong shape; unknown methods and notifications; cancellations; bursts of requests;
 * `workspace/didChangeConfiguration`; pauses where the server's state is compared with a fresh
 * analysis.
 *
 * Invariants, on every action: each request is answered within the bound (else: a hang; the
 * server is killed); a request whose params are malformed is answered InvalidParams, an unknown
 * method MethodNotFound, any other with a result (or RequestCancelled when cancelled); the server
 * logs no error (`window/logMessage` type 1: a handler failed) and writes nothing to stderr; an
 * open document's diagnostics are never published empty when a fresh analysis of every state the
 * workspace went through since the last pause has some. At each pause and at the end: the
 * diagnostics of every file, and the outline of every open document, equal a fresh analysis of
 * the same texts (the incremental state equals a fresh one); a program file has its code lens.
 * After the session: nothing in the workspace was written (the persisted index goes to the cache
 * folder only).
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';
import { catalogRecipe, catalogText, type CatalogRecipe } from './catalogs.js';
import type { CheckWorker } from './check-worker.js';
import { FILE_NAMES, POSITION, positionIn, type PositionRecipe, type ReferenceFile, type ReferenceInput } from './checks.js';
import { sourceBytes, sourceRecipe, sourceText, type SourceOptions, type SourceRecipe } from './sources.js';

// ---- the session recipe --------------------------------------------------------------------------

export const REQUEST_METHODS = [
  'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/codeAction',
  'textDocument/codeLens', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'workspace/symbol', 'textDocument/diagnostic',
  'workspace/diagnostic', 'logix/programInfo', 'logix/explain', 'logix/catalogProposal', 'workspace/executeCommand',
] as const;
type RequestMethod = (typeof REQUEST_METHODS)[number];

/** Ways to damage valid params: the whole value, or one property the method may read. */
const DAMAGE = [
  'null', 'none', 'string', 'number', 'array', 'empty', 'dropTextDocument', 'nullTextDocument', 'uriNumber', 'dropUri', 'dropPosition',
  'nullPosition', 'positionString', 'lineNegative', 'lineFloat', 'lineString', 'dropCharacter', 'characterHuge', 'dropRange', 'rangeReversed',
  'nullContext', 'diagnosticsString', 'onlyNumber', 'queryNumber', 'dropQuery', 'commandNumber', 'argumentsObject', 'extraProperty',
] as const;
type Damage = (typeof DAMAGE)[number];

interface RequestSpec {
  readonly method: RequestMethod;
  readonly doc: number;
  readonly position: PositionRecipe;
  readonly end: PositionRecipe;
  readonly query: string;
  readonly flag: boolean;
}

export type Action =
  | { readonly a: 'open'; readonly doc: number; readonly source: SourceRecipe }
  | { readonly a: 'edit'; readonly doc: number; readonly start: PositionRecipe; readonly end: PositionRecipe; readonly text: string }
  | { readonly a: 'close'; readonly doc: number }
  | { readonly a: 'request'; readonly request: RequestSpec }
  | { readonly a: 'cancel'; readonly request: RequestSpec; readonly delay: boolean }
  | { readonly a: 'burst'; readonly requests: readonly RequestSpec[] }
  | { readonly a: 'malformed'; readonly request: RequestSpec; readonly damage: Damage }
  | { readonly a: 'unknown'; readonly method: string; readonly notification: boolean }
  | { readonly a: 'notification'; readonly which: number; readonly doc: number }
  | { readonly a: 'config' }
  | { readonly a: 'settle' };

export interface SessionInput {
  readonly files: readonly { readonly path: string; readonly source: SourceRecipe }[];
  readonly catalog: CatalogRecipe | null;
  readonly actions: readonly Action[];
}

/** Documents in the workspace folder (on disk or not), then URIs outside it or not URIs at all. */
const FOLDER_DOCS = ['man10021.4gl', 'sup3760.4gl', 'systemkey_log.4gl', 'SYSTEMKEY_SUP.4GL', 'vdp1.4gl', 'a/man10022.4gl', 'new1.4gl', 'f.4gl'];
const OTHER_URIS = ['untitled:Untitled-1', 'file:///nonexistent-logix-fuzz/x.4gl', 'not a uri', '', 'file:///', 'file:///tmp/../etc/passwd.4gl'];

const QUERY = fc.oneof(fc.constantFrom('', 'man', 'MAN10021', 'f', 'systemkey', 'zz', '*', '.*', '\\', 'é'), fc.string({ maxLength: 8 }));

export interface SessionLimits extends SourceOptions {
  readonly minActions: number;
  readonly maxActions: number;
}

function requestSpec(): fc.Arbitrary<RequestSpec> {
  return fc.record({
    method: fc.constantFrom(...REQUEST_METHODS),
    doc: fc.oneof({ weight: 6, arbitrary: fc.nat(FOLDER_DOCS.length - 1) }, { weight: 1, arbitrary: fc.integer({ min: FOLDER_DOCS.length, max: FOLDER_DOCS.length + OTHER_URIS.length - 1 }) }),
    position: POSITION,
    end: POSITION,
    query: QUERY,
    flag: fc.boolean(),
  });
}

/** Edit ranges: positions a client may send (uintegers), in the text or past it. */
const EDIT_POSITION = POSITION.map((recipe): PositionRecipe => (recipe.kind === 'edge' ? { ...recipe, line: recipe.line % 2, character: recipe.character % 2 } : recipe));

export function sessionInput(limits: SessionLimits): fc.Arbitrary<SessionInput> {
  const source = sourceRecipe(limits);
  const request = requestSpec();
  const doc = fc.oneof({ weight: 8, arbitrary: fc.nat(FOLDER_DOCS.length - 1) }, { weight: 1, arbitrary: fc.integer({ min: FOLDER_DOCS.length, max: FOLDER_DOCS.length + 1 }) });
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ a: fc.constant('open' as const), doc, source }) },
    { weight: 8, arbitrary: fc.record({ a: fc.constant('edit' as const), doc, start: EDIT_POSITION, end: EDIT_POSITION, text: fc.oneof(fc.constantFrom('', 'x', '\n', '"', '{', '}', 'END FUNCTION\n', 'FUNCTION g()\n', '  CALL LOG_initApp("WMS")\n', '\r\n', '\0', '€'), fc.string({ maxLength: 6 })) }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('close' as const), doc }) },
    { weight: 14, arbitrary: fc.record({ a: fc.constant('request' as const), request }) },
    { weight: 2, arbitrary: fc.record({ a: fc.constant('cancel' as const), request, delay: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ a: fc.constant('burst' as const), requests: fc.array(request, { minLength: 2, maxLength: 6 }) }) },
    { weight: 4, arbitrary: fc.record({ a: fc.constant('malformed' as const), request, damage: fc.constantFrom(...DAMAGE) }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('unknown' as const), method: fc.constantFrom('logix/nothing', 'textDocument/nothing', '$/nothing', 'workspace/executeCommandX', 'initialize2'), notification: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('notification' as const), which: fc.nat(BAD_NOTIFICATIONS - 1), doc }) },
    { weight: 1, arbitrary: fc.constant({ a: 'config' as const }) },
    { weight: 1, arbitrary: fc.constant({ a: 'settle' as const }) },
  );
  return fc.record({
    files: fc.uniqueArray(fc.record({ path: fc.oneof(fc.constantFrom(...FOLDER_DOCS.slice(0, 6)), fc.constantFrom(...FILE_NAMES)), source: sourceRecipe({ ...limits, shapeWeight: 0 }) }), { maxLength: 5, selector: (file) => file.path }),
    catalog: fc.option(catalogRecipe({ maxDepth: 20, maxEntries: 50 }), { nil: null, freq: 3 }),
    actions: fc.array(action, { minLength: limits.minActions, maxLength: limits.maxActions }),
  });
}

// ---- the params each request is sent with ----------------------------------------------------

/** The params of a request on the document `uri` (lines: its text's lines, as the client counts them). */
function validParams(spec: RequestSpec, uri: string, lines: readonly string[], diagnostics: readonly Diagnostic[], folderUri: string): unknown {
  const textDocument = { uri };
  const position = positionIn(spec.position, lines);
  switch (spec.method) {
    case 'textDocument/hover':
    case 'textDocument/definition':
    case 'textDocument/completion':
      return { textDocument, position };
    case 'textDocument/references':
      return { textDocument, position, context: { includeDeclaration: spec.flag } };
    case 'textDocument/codeAction': {
      const end = positionIn(spec.end, lines);
      const [start, last] = position.line < end.line || (position.line === end.line && position.character <= end.character) ? [position, end] : [end, position];
      return { textDocument, range: { start, end: last }, context: { diagnostics, ...(spec.flag ? { only: ['source.fixAll.logix'] } : {}) } };
    }
    case 'textDocument/codeLens':
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
    case 'textDocument/diagnostic':
      return { textDocument };
    case 'workspace/symbol':
      return { query: spec.query };
    case 'workspace/diagnostic':
      return { previousResultIds: [] };
    case 'logix/programInfo':
      return { uri };
    case 'logix/explain':
      return { uri, ...(spec.flag ? { menuKey: 'WMS', context: spec.query || 'menu' } : {}) };
    case 'logix/catalogProposal':
      return { folderUri: spec.flag ? folderUri : uri };
    case 'workspace/executeCommand':
      return { command: spec.flag ? 'logix.server.explainLicense' : 'logix.unknownCommand', arguments: [{ uri, context: spec.query }] };
  }
}

function damaged(params: unknown, damage: Damage): unknown {
  if (damage === 'null') return null;
  if (damage === 'none') return undefined;
  if (damage === 'string') return 'params';
  if (damage === 'number') return 42;
  if (damage === 'array') return [params];
  if (damage === 'empty') return {};
  const copy = JSON.parse(JSON.stringify(params)) as Record<string, any>;
  const position = copy['position'] ?? copy['range']?.start;
  switch (damage) {
    case 'dropTextDocument': delete copy['textDocument']; break;
    case 'nullTextDocument': copy['textDocument'] = null; break;
    case 'uriNumber': if (copy['textDocument']) copy['textDocument'].uri = 7; else copy['uri'] = 7; break;
    case 'dropUri': if (copy['textDocument']) delete copy['textDocument'].uri; else delete copy['uri']; break;
    case 'dropPosition': delete copy['position']; break;
    case 'nullPosition': copy['position'] = null; break;
    case 'positionString': copy['position'] = '1:1'; break;
    case 'lineNegative': if (position) position.line = -1; break;
    case 'lineFloat': if (position) position.line = 0.5; break;
    case 'lineString': if (position) position.line = '0'; break;
    case 'dropCharacter': if (position) delete position.character; break;
    case 'characterHuge': if (position) position.character = 2 ** 31; break;
    case 'dropRange': delete copy['range']; break;
    case 'rangeReversed': if (copy['range']) copy['range'] = { start: copy['range'].end, end: copy['range'].start }; break;
    case 'nullContext': copy['context'] = null; break;
    case 'diagnosticsString': if (typeof copy['context'] === 'object') copy['context'].diagnostics = 'all'; break;
    case 'onlyNumber': if (typeof copy['context'] === 'object') copy['context'].only = 3; break;
    case 'queryNumber': copy['query'] = 3; break;
    case 'dropQuery': delete copy['query']; break;
    case 'commandNumber': if ('command' in copy) copy['command'] = 1; break;
    case 'argumentsObject': if ('command' in copy) copy['arguments'] = { uri: 'x' }; break;
    case 'extraProperty': copy['unexpected'] = { deep: [1, 2, 3] }; break;
  }
  return copy;
}

/**
 * What LSP says of a request's params, written apart from the server's own check
 * (server/src/lsp/params.ts): undefined when valid, else what is wrong.
 */
export function invalidParams(method: RequestMethod, params: unknown): string | undefined {
  const object = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const uinteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2147483647;
  const position = (value: unknown) => object(value) && uinteger(value['line']) && uinteger(value['character']);
  if (!object(params)) return 'not an object';
  const textDocument = object(params['textDocument']) && typeof params['textDocument']['uri'] === 'string';
  switch (method) {
    case 'textDocument/hover':
    case 'textDocument/definition':
    case 'textDocument/completion':
      return textDocument && position(params['position']) ? undefined : 'textDocument and position';
    case 'textDocument/references':
      return textDocument && position(params['position']) && (params['context'] === undefined || object(params['context'])) ? undefined : 'textDocument, position, context';
    case 'textDocument/codeAction': {
      const range = params['range'];
      const context = params['context'];
      const ok = textDocument && object(range) && position(range['start']) && position(range['end']) && object(context) &&
        Array.isArray(context['diagnostics']) && context['diagnostics'].every(object) &&
        (context['only'] === undefined || (Array.isArray(context['only']) && context['only'].every((kind: unknown) => typeof kind === 'string')));
      return ok ? undefined : 'textDocument, range, context';
    }
    case 'textDocument/codeLens':
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
    case 'textDocument/diagnostic':
      return textDocument ? undefined : 'textDocument';
    case 'workspace/symbol':
      return typeof params['query'] === 'string' ? undefined : 'query';
    case 'workspace/diagnostic':
      return Array.isArray(params['previousResultIds']) &&
        params['previousResultIds'].every((entry: unknown) => object(entry) && typeof entry['uri'] === 'string' && typeof entry['value'] === 'string')
        ? undefined : 'previousResultIds';
    case 'logix/programInfo':
    case 'logix/explain':
      return typeof params['uri'] === 'string' && ['program', 'menuKey', 'context'].every((name) => params[name] === undefined || typeof params[name] === 'string') ? undefined : 'uri';
    case 'logix/catalogProposal':
      return typeof params['folderUri'] === 'string' ? undefined : 'folderUri';
    case 'workspace/executeCommand':
      return typeof params['command'] === 'string' && (params['arguments'] === undefined || Array.isArray(params['arguments'])) ? undefined : 'command';
  }
}

/** Notifications a client should not send (or sends wrong), which must change nothing and log no error. */
const BAD_NOTIFICATION_PARAMS: ((uri: string) => [string, unknown])[] = [
  (uri) => ['textDocument/didChange', { textDocument: { uri: `${uri}.unopened.4gl`, version: 9 }, contentChanges: [{ text: 'x' }] }],
  (uri) => ['textDocument/didClose', { textDocument: { uri: `${uri}.unopened.4gl` } }],
  () => ['textDocument/didOpen', { textDocument: null }],
  () => ['textDocument/didChange', null],
  (uri) => ['textDocument/didSave', { textDocument: { uri } }],
  () => ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }, { uri: 'file:///nonexistent-logix-fuzz/x.4gl', type: 3 }] }],
  () => ['workspace/didChangeWatchedFiles', { changes: null }],
  () => ['$/setTrace', { value: 'verbose' }],
  () => ['$/cancelRequest', { id: 999_999 }],
  () => ['workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: 'file:///nonexistent-logix-fuzz', name: 'x' }] } }],
];
const BAD_NOTIFICATIONS = BAD_NOTIFICATION_PARAMS.length;

// ---- running a session -------------------------------------------------------------------------

export interface SessionStats {
  actions: number;
  requests: number;
  slowestMs: number;
  slowestWhat: string;
  serverPeakRssKiB: number;
  logErrors: number;
}

export class SessionFailure extends Error {
  constructor(message: string, readonly hang = false, readonly exception = false) {
    super(message);
  }
}

/** A workspace folder's files: path, size, content hash (the persisted index must not land here). */
function listing(root: string): string[] {
  const result: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else result.push(`${path.slice(root.length)} ${statSync(path).size} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(root);
  return result.sort();
}

/** A process's peak resident memory (`VmHWM`), in KiB; 0 where /proc cannot tell. */
export function peakRssKiB(pid: number | 'self' | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

interface Sent {
  readonly method: string;
  readonly promise: Promise<unknown>;
}

/** The most a language server may hold for one session's workspace (the 20,000-file target is 300 MB). */
const SERVER_RSS_BOUND_KIB = 400 * 1024;

const REQUEST_CANCELLED = -32800;
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

function compact(list: readonly { code?: unknown; message: unknown; range: unknown }[]): string[] {
  return list.map((diagnostic) => `${String(diagnostic.code)} ${JSON.stringify(diagnostic.range)} ${typeof diagnostic.message === 'string' ? diagnostic.message : JSON.stringify(diagnostic.message)}`).sort();
}

export class Session {
  private readonly root = tempFolder('logix-fuzz-lsp-');
  private readonly folder = join(this.root, 'workspace');
  private readonly cache = join(this.root, 'cache');
  private client!: TestClient;
  /** Disk files (path → bytes as Latin-1) and catalogs (path → text). */
  private readonly disk = new Map<string, string>();
  private readonly diskCatalogs = new Map<string, string>();
  /** Open documents, as the server holds them: the same updates applied. */
  private readonly open = new Map<string, TextDocument>();
  /** The last version sent for each URI: a document opened again goes on from it. */
  private readonly versions = new Map<string, number>();
  /** The states the workspace went through since the last pause (for published empty diagnostics). */
  private states: ReferenceInput[] = [];
  private readonly emptyPublications: { path: string; from: number; to: number; version: number | undefined }[] = [];
  private readonly errors: string[] = [];
  private stderrSeen = 0;
  private before: string[] = [];
  private readonly referenceCache = new Map<ReferenceInput, Record<string, ReferenceFile> | undefined>();

  constructor(
    private readonly worker: CheckWorker,
    private readonly hangMs: number,
    readonly stats: SessionStats,
  ) {}

  /** A notification; writing to a server that has just ended is no failure of the session. */
  private notify(method: string, params: unknown): void {
    this.client.connection.sendNotification(method, params).catch(() => undefined);
  }

  private uriOfDoc(doc: number): string {
    if (doc < FOLDER_DOCS.length) return uriOf(join(this.folder, FOLDER_DOCS[doc]!));
    return OTHER_URIS[(doc - FOLDER_DOCS.length) % OTHER_URIS.length]!;
  }

  private pathOfUri(uri: string): string | undefined {
    const prefix = `${uriOf(this.folder)}/`;
    return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
  }

  private state(): ReferenceInput {
    const files: [string, string, 'text' | 'bytes'][] = [];
    const openPaths = new Set<string>();
    for (const [uri, document] of this.open) {
      const path = this.pathOfUri(uri);
      if (path === undefined || !/\.4gl$/i.test(path)) continue;
      openPaths.add(path);
      files.push([path, document.getText(), 'text']);
    }
    for (const [path, bytes] of this.disk) if (!openPaths.has(path)) files.push([path, bytes, 'bytes']);
    files.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return { files, catalogs: [...this.diskCatalogs] };
  }

  private async referenceOf(state: ReferenceInput): Promise<Record<string, ReferenceFile> | undefined> {
    if (this.referenceCache.has(state)) return this.referenceCache.get(state);
    const outcome = await this.worker.run('reference', state, this.hangMs * 4);
    // The engine failing here is the in-process campaign's finding; this one then compares nothing.
    const result = outcome.ok ? (outcome.result as Record<string, ReferenceFile>) : undefined;
    this.referenceCache.set(state, result);
    return result;
  }

  private changed(): void {
    this.states.push(this.state());
  }

  async start(input: SessionInput): Promise<void> {
    mkdirSync(this.folder, { recursive: true });
    for (const file of input.files) {
      const bytes = sourceBytes(file.source);
      mkdirSync(dirname(join(this.folder, file.path)), { recursive: true });
      writeFileSync(join(this.folder, file.path), bytes);
      this.disk.set(file.path, bytes.toString('latin1'));
    }
    if (input.catalog) {
      const text = catalogText(input.catalog);
      writeFileSync(join(this.folder, 'logix-license.json'), text);
      this.diskCatalogs.set('logix-license.json', readFileSync(join(this.folder, 'logix-license.json'), 'utf8'));
    }
    this.before = listing(this.folder);
    this.client = new TestClient({ cacheFolder: this.cache });
    this.client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      // JSON-RPC's own refusal of params that are not an object (sent as `[null]`) runs no handler: not an exception.
      if (params.type === 1 && !/defines parameters by name but received parameters by position/.test(params.message)) this.errors.push(params.message);
    });
    this.client.onDiagnostics((uri, diagnostics, version) => {
      const path = this.pathOfUri(uri);
      if (diagnostics.length > 0 || path === undefined || !this.open.has(uri)) return;
      this.emptyPublications.push({ path, from: 0, to: this.states.length - 1, version });
    });
    await this.bounded(this.client.start([this.folder]), 'the first index', this.hangMs * 6);
    this.states = [this.state()];
    this.checkLog('start');
  }

  /** `promise` within `ms`, else a hang (the server is killed: it may be stuck in a loop). */
  private async bounded<T>(promise: Promise<T>, what: string, ms = this.hangMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SessionFailure(`hang: ${what} not answered within ${ms} ms`, true)), ms);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      if (elapsed > this.stats.slowestMs) {
        this.stats.slowestMs = elapsed;
        this.stats.slowestWhat = what;
      }
    }
  }

  private checkLog(when: string): void {
    const stderr = this.client.stderr.join('');
    if (this.errors.length > 0) {
      this.stats.logErrors += this.errors.length;
      throw new SessionFailure(`the server logged an error (${when}): ${this.errors[0]!.slice(0, 2000)}`, false, true);
    }
    if (stderr.length > this.stderrSeen) throw new SessionFailure(`the server wrote to stderr (${when}): ${stderr.slice(this.stderrSeen, this.stderrSeen + 2000)}`, false, true);
  }

  private linesOfUri(uri: string): string[] {
    const document = this.open.get(uri);
    if (document) return document.getText().split('\n');
    const path = this.pathOfUri(uri);
    const bytes = path !== undefined ? this.disk.get(path) : undefined;
    return bytes !== undefined ? bytes.split('\n') : [''];
  }

  /** Sends a request and checks its answer against what its params call for. */
  private send(spec: RequestSpec, damage?: Damage, cancel?: 'now' | 'later'): Sent {
    const uri = this.uriOfDoc(spec.doc);
    const valid = validParams(spec, uri, this.linesOfUri(uri), this.client.diagnostics.get(uri) ?? [], uriOf(this.folder));
    const params = damage ? damaged(valid, damage) : valid;
    const invalid = invalidParams(spec.method, params);
    const what = `${spec.method} ${JSON.stringify(params)?.slice(0, 300)}${cancel ? ' (cancelled)' : ''}`;
    const source = cancel ? new CancellationTokenSource() : undefined;
    this.stats.requests += 1;
    // A token only when there is one: an undefined last argument would be sent as a parameter.
    const args: unknown[] = [...(params === undefined ? [] : [params]), ...(source ? [source.token] : [])];
    const request = (this.client.connection.sendRequest as (method: string, ...rest: unknown[]) => Promise<unknown>)(spec.method, ...args);
    if (source) {
      if (cancel === 'now') source.cancel();
      else setImmediate(() => source.cancel());
    }
    const promise = this.bounded(request.then(
      (result) => {
        if (invalid !== undefined) throw new SessionFailure(`${what}: malformed params (${invalid}) answered ${JSON.stringify(result)?.slice(0, 200)}, not InvalidParams`);
        this.checkResult(spec.method, result, what);
      },
      (error: { code?: number; message?: string }) => {
        if (error instanceof SessionFailure) throw error;
        if (invalid !== undefined && error.code === INVALID_PARAMS) return;
        if (cancel && error.code === REQUEST_CANCELLED) return;
        throw new SessionFailure(`${what}: answered error ${error.code} ${error.message}${invalid !== undefined ? ` (expected InvalidParams: ${invalid})` : ''}`);
      },
    ), what);
    return { method: spec.method, promise };
  }

  private checkResult(method: RequestMethod, result: unknown, what: string): void {
    const list = (value: unknown) => Array.isArray(value) ? value : [];
    const range = (value: any, where: string) => {
      const ok = (position: any) => position && Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0;
      assert.ok(value && ok(value.start) && ok(value.end), `${what}: ${where} has no valid range: ${JSON.stringify(value)}`);
    };
    switch (method) {
      case 'textDocument/definition':
      case 'textDocument/references':
        for (const location of list(result)) {
          assert.equal(typeof location.uri, 'string', `${what}: a location without uri`);
          range(location.range, 'a location');
        }
        break;
      case 'textDocument/foldingRange':
        for (const fold of list(result)) assert.ok(fold.startLine <= fold.endLine, `${what}: folding range ${JSON.stringify(fold)} ends before it starts`);
        break;
      case 'textDocument/documentSymbol':
        for (const symbol of list(result)) range(symbol.range, `symbol ${symbol.name}`);
        break;
      case 'textDocument/hover':
        if (result !== null && result !== undefined) assert.ok((result as { contents?: unknown }).contents !== undefined, `${what}: a hover without contents`);
        break;
    }
  }

  async act(action: Action): Promise<void> {
    this.stats.actions += 1;
    switch (action.a) {
      case 'open': {
        const uri = this.uriOfDoc(action.doc);
        const text = sourceText(action.source);
        const document = this.open.get(uri);
        if (document) {
          const version = document.version + 1;
          TextDocument.update(document, [{ text }], version);
          this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        } else {
          const version = (this.versions.get(uri) ?? 0) + 1;
          this.open.set(uri, TextDocument.create(uri, '4gl', version, text));
          this.notify('textDocument/didOpen', { textDocument: { uri, languageId: '4gl', version, text } });
        }
        this.versions.set(uri, this.open.get(uri)!.version);
        this.changed();
        break;
      }
      case 'edit': {
        const uri = this.uriOfDoc(action.doc);
        const document = this.open.get(uri);
        if (!document) break;
        const lines = document.getText().split('\n');
        const range = { start: positionIn(action.start, lines), end: positionIn(action.end, lines) };
        const version = document.version + 1;
        TextDocument.update(document, [{ range, text: action.text }], version);
        this.versions.set(uri, version);
        this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: action.text }] });
        this.changed();
        break;
      }
      case 'close': {
        const uri = this.uriOfDoc(action.doc);
        if (!this.open.has(uri)) break;
        this.open.delete(uri);
        this.notify('textDocument/didClose', { textDocument: { uri } });
        this.changed();
        break;
      }
      case 'request':
        await this.send(action.request).promise;
        break;
      case 'cancel':
        await this.send(action.request, undefined, action.delay ? 'later' : 'now').promise;
        break;
      case 'burst':
        await Promise.all(action.requests.map((request) => this.send(request).promise));
        break;
      case 'malformed':
        await this.send(action.request, action.damage).promise;
        break;
      case 'unknown': {
        if (action.notification) {
          this.notify(action.method, { x: 1 });
          break;
        }
        await this.bounded(this.client.connection.sendRequest(action.method, { x: 1 }).then(
          (result) => { throw new SessionFailure(`unknown method ${action.method} answered ${JSON.stringify(result)}, not MethodNotFound`); },
          (error: { code?: number }) => { if (error instanceof SessionFailure) throw error; assert.equal(error.code, METHOD_NOT_FOUND, `unknown method ${action.method}: error ${error.code}`); },
        ), `unknown method ${action.method}`);
        break;
      }
      case 'notification': {
        const [method, params] = BAD_NOTIFICATION_PARAMS[action.which % BAD_NOTIFICATIONS]!(this.uriOfDoc(action.doc));
        this.notify(method, params);
        break;
      }
      case 'config':
        // The same settings again (the client answers the same): nothing an open document shows may change.
        this.notify('workspace/didChangeConfiguration', { settings: null });
        break;
      case 'settle':
        await this.settle();
        break;
    }
    this.checkLog(`after ${action.a}`);
  }

  /**
   * Waits until the server has published every open document's last version and its diagnostics
   * equal a fresh analysis of the same state, then compares outlines and code lenses.
   */
  async settle(): Promise<void> {
    const state = this.state();
    for (const [uri, document] of this.open) {
      if (this.pathOfUri(uri) === undefined) continue;
      await this.bounded(this.client.waitForVersion(uri, document.version, this.hangMs * 2), `diagnostics of ${uri} version ${document.version}`, this.hangMs * 2 + 100);
    }
    const expected = await this.referenceOf(state);
    await this.checkEmptyPublications();
    if (!expected) return;
    const deadline = performance.now() + this.hangMs;
    let mismatch: string | undefined;
    for (;;) {
      mismatch = undefined;
      for (const [path, file] of Object.entries(expected)) {
        if (!/\.4gl$/i.test(path)) continue;
        const published = compact(this.client.diagnostics.get(uriOf(join(this.folder, path))) ?? []);
        const wanted = compact(file.diagnostics);
        if (JSON.stringify(published) !== JSON.stringify(wanted)) {
          mismatch = `the diagnostics of ${path} differ from a fresh analysis of the same files:\n  server: ${JSON.stringify(published).slice(0, 1500)}\n  fresh:  ${JSON.stringify(wanted).slice(0, 1500)}`;
          break;
        }
      }
      if (!mismatch || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (mismatch) throw new SessionFailure(mismatch);
    for (const uri of this.open.keys()) {
      const path = this.pathOfUri(uri);
      const file: ReferenceFile | undefined = path !== undefined ? expected[path] : undefined;
      if (!file) continue;
      const symbols = await this.bounded(this.client.request('textDocument/documentSymbol', { textDocument: { uri } }), `documentSymbol of ${path}`);
      assert.deepEqual(symbols, file.symbols, `the outline of ${path} differs from a fresh parse of its text`);
      const lenses = await this.bounded(this.client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } }), `codeLens of ${path}`);
      assert.equal(lenses.length > 0, file.definesProgram, `${path} ${file.definesProgram ? 'defines a program but has no code lens' : 'has a code lens but defines no program'}`);
    }
    this.states = [this.state()];
    this.emptyPublications.length = 0;
  }

  /** Each empty publication for an open document: some state since the last pause must have none. */
  private async checkEmptyPublications(): Promise<void> {
    for (const event of this.emptyPublications) {
      let found = false;
      const shown: string[] = [];
      for (let index = event.from; index <= Math.min(event.to, this.states.length - 1) && !found; index++) {
        const expected = await this.referenceOf(this.states[index]!);
        const diagnostics = expected?.[event.path]?.diagnostics;
        if (!expected || !diagnostics || diagnostics.length === 0) found = true;
        else shown.push(diagnostics.map((diagnostic) => diagnostic.code).join(','));
      }
      if (!found) {
        throw new SessionFailure(`the open document ${event.path} had its diagnostics published empty (version ${event.version}), while a fresh analysis of every state since the last pause gives some (${shown.join(' | ')})`);
      }
    }
  }

  async finish(): Promise<void> {
    await this.settle();
    this.checkLog('at the end');
    const rss = peakRssKiB(this.client.pid);
    if (rss > this.stats.serverPeakRssKiB) this.stats.serverPeakRssKiB = rss;
    // A session's workspace is a few files: a server that needs more than this keeps what it should drop.
    assert.ok(rss <= SERVER_RSS_BOUND_KIB, `the server's peak RSS is ${Math.round(rss / 1024)} MB for a workspace of a few files (bound ${SERVER_RSS_BOUND_KIB / 1024} MB): a leak?`);
    await this.bounded(this.client.stop(), 'shutdown and exit');
    const after = listing(this.folder);
    assert.deepEqual(after, this.before, 'the server wrote in the workspace (the persisted index belongs to the cache folder)');
    const outside = readdirSync(this.root).filter((name) => name !== 'workspace' && name !== 'cache');
    assert.deepEqual(outside, [], 'the server wrote beside the workspace');
  }

  /** Ends the server however it is (a hang leaves it busy) and removes the session's folders. */
  dispose(): void {
    const pid = this.client?.pid;
    if (pid !== undefined && this.client.exitCode === null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.client?.connection.dispose();
    removeFolder(this.root);
  }
}

/** One session: start, every action, the final comparison; throws the first broken invariant. */
export async function runSession(input: SessionInput, worker: CheckWorker, hangMs: number, stats: SessionStats): Promise<void> {
  const session = new Session(worker, hangMs, stats);
  let done = 0;
  try {
    await session.start(input);
    for (const action of input.actions) {
      await session.act(action);
      done += 1;
    }
    await session.finish();
  } catch (error) {
    if (error instanceof Error) {
      error.message += done < input.actions.length ? `\n(at action ${done + 1} of ${input.actions.length}: ${JSON.stringify(input.actions[done])?.slice(0, 600)})` : `\n(at the end, after ${done} actions)`;
    }
    throw error;
  } finally {
    session.dispose();
  }
}

export function describeSession(input: SessionInput): string {
  const text = JSON.stringify(input);
  return text.length > 6000 ? `${text.slice(0, 6000)}… (${text.length} characters)` : text;
}
