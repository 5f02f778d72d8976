/**
 * The params of each request, checked before its handler runs. A request whose params do not have
 * the shape LSP gives them (no `textDocument`, a `position` that is missing, negative, fractional or
 * beyond a uinteger, a string where a number goes) is answered `InvalidParams` with what is wrong,
 * instead of reaching a handler that would throw, log and answer empty. Only what the handlers read
 * is checked: properties they ignore may be anything. A notification of the wrong shape has no one
 * to answer: it is dropped with a warning in the log, and nothing runs.
 */
import { ErrorCodes, ResponseError, type Disposable, type TextDocuments } from 'vscode-languageserver/node';

/** What is wrong with some params, or undefined when nothing is. */
export type ParamsShape = (params: unknown) => string | undefined;

/** LSP's uinteger: 0 to 2^31 - 1. */
const MAX_UINTEGER = 2 ** 31 - 1;

type Record_ = Record<string, unknown>;

function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uinteger(value: unknown, name: string): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UINTEGER ? undefined : `${name} must be an integer from 0 to ${MAX_UINTEGER}`;
}

function positionProblem(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return `${name} must be an object { line, character }`;
  return uinteger(value['line'], `${name}.line`) ?? uinteger(value['character'], `${name}.character`);
}

function rangeProblem(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return `${name} must be an object { start, end }`;
  return positionProblem(value['start'], `${name}.start`) ?? positionProblem(value['end'], `${name}.end`);
}

function stringProblem(value: unknown, name: string, optional = false): string | undefined {
  return typeof value === 'string' || (optional && value === undefined) ? undefined : `${name} must be a string`;
}

/** Params that are an object, then the checks of its properties in order. */
function object(...checks: ((params: Record_) => string | undefined)[]): ParamsShape {
  return (params) => {
    if (!isObject(params)) return 'params must be an object';
    for (const check of checks) {
      const problem = check(params);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

const textDocument = (params: Record_) =>
  isObject(params['textDocument']) ? stringProblem(params['textDocument']['uri'], 'textDocument.uri') : 'textDocument must be an object { uri }';

/** The shapes of the server's requests. */
export const Params = {
  /** `{ textDocument }`: code lens, symbols, folding, pull diagnostics. */
  textDocument: object(textDocument),
  /** `{ textDocument, position }`: hover, completion, definition. */
  position: object(textDocument, (params) => positionProblem(params['position'], 'position')),
  /** `{ textDocument, position, context? }`: references. */
  references: object(textDocument, (params) => positionProblem(params['position'], 'position'),
    (params) => (params['context'] === undefined || isObject(params['context']) ? undefined : 'context must be an object { includeDeclaration }')),
  /** `{ textDocument, range, context: { diagnostics, only? } }`: code actions. */
  codeAction: object(textDocument, (params) => rangeProblem(params['range'], 'range'), (params) => {
    const context = params['context'];
    if (!isObject(context) || !Array.isArray(context['diagnostics'])) return 'context must be an object { diagnostics: [] }';
    if (!context['diagnostics'].every(isObject)) return 'context.diagnostics must be a list of diagnostics';
    const only = context['only'];
    return only === undefined || (Array.isArray(only) && only.every((kind) => typeof kind === 'string')) ? undefined : 'context.only must be a list of strings';
  }),
  /** `{ query }`: workspace symbols. */
  workspaceSymbol: object((params) => stringProblem(params['query'], 'query')),
  /** `{ previousResultIds }`: workspace diagnostics. */
  workspaceDiagnostic: object((params) => {
    const previous = params['previousResultIds'];
    if (!Array.isArray(previous)) return 'previousResultIds must be a list';
    return previous.every((entry) => isObject(entry) && typeof entry['uri'] === 'string' && typeof entry['value'] === 'string')
      ? undefined : 'each previousResultIds entry must be { uri, value }';
  }),
  /** `{ uri, program?, menuKey?, context? }`: the custom explain and program info requests. */
  document: object((params) => stringProblem(params['uri'], 'uri'),
    ...['program', 'menuKey', 'context'].map((name) => (params: Record_) => stringProblem(params[name], name, true))),
  /** `{ folderUri }`: the catalog proposal. */
  folder: object((params) => stringProblem(params['folderUri'], 'folderUri')),
  /** `{ folderUri, log: { uri } | { base64 } | { text }, name? }`: compare and import an AppServer log. */
  log: object((params) => stringProblem(params['folderUri'], 'folderUri'), (params) => stringProblem(params['name'], 'name', true), (params) => {
    const log = params['log'];
    const given = isObject(log) ? ['uri', 'base64', 'text'].filter((name) => typeof log[name] === 'string') : [];
    return given.length === 1 ? undefined : 'log must be one of { uri }, { base64 }, { text } with a string';
  }),
  /** `{ folderUri? }`: clear the log comparisons (of one folder, or all). */
  optionalFolder: (params) => (params === undefined || params === null ? undefined : object((given) => stringProblem(given['folderUri'], 'folderUri', true))(params)),
  /** `{ command, arguments? }`: workspace/executeCommand. */
  executeCommand: object((params) => stringProblem(params['command'], 'command'),
    (params) => (params['arguments'] === undefined || Array.isArray(params['arguments']) ? undefined : 'arguments must be a list')),
} as const satisfies Record<string, ParamsShape>;

// ---- notifications ---------------------------------------------------------------------------

const contentChange = (value: unknown): string | undefined => {
  if (!isObject(value)) return 'each content change must be an object { range?, text }';
  return stringProblem(value['text'], 'contentChanges[].text') ?? (value['range'] === undefined ? undefined : rangeProblem(value['range'], 'contentChanges[].range'));
};

/** The shapes of the notifications the server acts on. */
export const NotificationParams = {
  didOpen: object((params) => {
    const document = params['textDocument'];
    if (!isObject(document)) return 'textDocument must be an object { uri, languageId, version, text }';
    return stringProblem(document['uri'], 'textDocument.uri') ?? stringProblem(document['text'], 'textDocument.text') ??
      (typeof document['version'] === 'number' ? undefined : 'textDocument.version must be a number');
  }),
  didChange: object((params) => {
    const document = params['textDocument'];
    if (!isObject(document)) return 'textDocument must be an object { uri, version }';
    const problem = stringProblem(document['uri'], 'textDocument.uri') ?? (typeof document['version'] === 'number' ? undefined : 'textDocument.version must be a number');
    if (problem) return problem;
    const changes = params['contentChanges'];
    if (!Array.isArray(changes)) return 'contentChanges must be a list';
    for (const change of changes) {
      const changeProblem = contentChange(change);
      if (changeProblem) return changeProblem;
    }
    return undefined;
  }),
  /** didClose, willSave, didSave. */
  textDocument: object(textDocument),
  /** `{ changes: [{ uri, type }] }`: workspace/didChangeWatchedFiles. */
  watchedFiles: object((params) => {
    const changes = params['changes'];
    if (!Array.isArray(changes)) return 'changes must be a list';
    return changes.every((change) => isObject(change) && typeof change['uri'] === 'string' && [1, 2, 3].includes(change['type'] as number))
      ? undefined : 'each change must be { uri, type: 1, 2 or 3 }';
  }),
} as const satisfies Record<string, ParamsShape>;

/** `handler`, run only when the notification's params have `shape`; otherwise `warn` says why it was dropped. */
export function validatedNotification<P, A extends unknown[]>(method: string, shape: ParamsShape, warn: (message: string) => void, handler: (params: P, ...rest: A) => void): (params: P, ...rest: A) => void {
  return (params: P, ...rest: A) => {
    const problem = shape(params);
    if (problem === undefined) handler(params, ...rest);
    else warn(`${method} ignored, invalid params: ${problem}`);
  };
}

type TextDocumentConnection = Parameters<TextDocuments<{ uri: string }>['listen']>[0];

/**
 * The connection as `TextDocuments.listen` sees it: the same, but each document notification is
 * checked first (a `didOpen` without `textDocument` would throw inside the library's handler).
 */
export function validatedDocumentEvents(connection: TextDocumentConnection, warn: (message: string) => void): TextDocumentConnection {
  const checked = <P>(method: string, shape: ParamsShape, register: (handler: (params: P) => void) => Disposable) =>
    (handler: (params: P) => void) => register(validatedNotification(method, shape, warn, handler));
  const events: TextDocumentConnection = {
    onDidOpenTextDocument: checked('textDocument/didOpen', NotificationParams.didOpen, (handler) => connection.onDidOpenTextDocument(handler)),
    onDidChangeTextDocument: checked('textDocument/didChange', NotificationParams.didChange, (handler) => connection.onDidChangeTextDocument(handler)),
    onDidCloseTextDocument: checked('textDocument/didClose', NotificationParams.textDocument, (handler) => connection.onDidCloseTextDocument(handler)),
    onWillSaveTextDocument: checked('textDocument/willSave', NotificationParams.textDocument, (handler) => connection.onWillSaveTextDocument(handler)),
    onDidSaveTextDocument: checked('textDocument/didSave', NotificationParams.textDocument, (handler) => connection.onDidSaveTextDocument(handler)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(validated(Params.textDocument, handler)),
  };
  // TextDocuments.listen records its sync kind on the connection it is given: pass it through.
  Object.defineProperty(events, '__textDocumentSync', {
    get: () => (connection as unknown as Record<string, unknown>)['__textDocumentSync'],
    set: (value: unknown) => { (connection as unknown as Record<string, unknown>)['__textDocumentSync'] = value; },
  });
  return events;
}

/** `handler`, run only when the params have `shape`; otherwise the request is answered InvalidParams. */
export function validated<P, R, A extends unknown[], E = void>(shape: ParamsShape, handler: (params: P, ...rest: A) => R): (params: P, ...rest: A) => R | ResponseError<E> {
  return (params: P, ...rest: A) => {
    const problem = shape(params);
    return problem === undefined ? handler(params, ...rest) : new ResponseError<E>(ErrorCodes.InvalidParams, `invalid params: ${problem}`);
  };
}
