/**
 * The words the fact extractor and the pre-filter both read, declared once so that the two cannot
 * drift apart (the pre-filter's safety argument depends on it).
 */

/**
 * Words that begin a statement when they are the first token on their line. Used to find the
 * first statement of a unit (A3) and to stop reading an unterminated argument list.
 * `DEFINE` is deliberately absent: declarations are not actions.
 */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set([
  'call', 'let', 'if', 'case', 'for', 'foreach', 'while', 'return', 'exit', 'continue',
  'whenever', 'initialize', 'open', 'close', 'display', 'message', 'error', 'prompt', 'input',
  'construct', 'menu', 'prepare', 'declare', 'execute', 'select', 'insert', 'update', 'delete',
  'set', 'defer', 'options', 'run', 'sleep', 'start', 'finish', 'load', 'unload', 'begin',
  'commit', 'rollback', 'lock', 'unlock', 'create', 'drop', 'alter', 'goto', 'clear', 'scroll',
  'fetch', 'free', 'flush', 'put', 'need', 'pause', 'print', 'skip', 'validate', 'current',
  'label', 'database',
]);

/** The keywords that open a program unit (lower case). */
export const UNIT_WORDS: ReadonlySet<string> = new Set(['main', 'function', 'report', 'globals']);
