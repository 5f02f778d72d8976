/**
 * The params of each request, checked before its handler runs. A request whose params do not have
 * the shape LSP gives them (no `textDocument`, a `position` that is missing, negative, fractional or
 * beyond a uinteger, a string where a number goes) is answered `InvalidParams` with what is wrong,
 * instead of reaching a handler that would throw, log and answer empty. Only what the handlers read
 * is checked: properties they ignore may be anything.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

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
  workspaceDiagnostic: object((params) => (Array.isArray(params['previousResultIds']) ? undefined : 'previousResultIds must be a list')),
  /** `{ uri, program?, menuKey?, context? }`: the custom explain and program info requests. */
  document: object((params) => stringProblem(params['uri'], 'uri'),
    ...['program', 'menuKey', 'context'].map((name) => (params: Record_) => stringProblem(params[name], name, true))),
  /** `{ folderUri }`: the catalog proposal. */
  folder: object((params) => stringProblem(params['folderUri'], 'folderUri')),
  /** `{ command, arguments? }`: workspace/executeCommand. */
  executeCommand: object((params) => stringProblem(params['command'], 'command'),
    (params) => (params['arguments'] === undefined || Array.isArray(params['arguments']) ? undefined : 'arguments must be a list')),
} as const satisfies Record<string, ParamsShape>;

/** `handler`, run only when the params have `shape`; otherwise the request is answered InvalidParams. */
export function validated<P, R, A extends unknown[], E = void>(shape: ParamsShape, handler: (params: P, ...rest: A) => R): (params: P, ...rest: A) => R | ResponseError<E> {
  return (params: P, ...rest: A) => {
    const problem = shape(params);
    return problem === undefined ? handler(params, ...rest) : new ResponseError<E>(ErrorCodes.InvalidParams, `invalid params: ${problem}`);
  };
}
