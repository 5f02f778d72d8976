/**
 * Command-line parsing for `logix-license check | explain | init | compare-log | import-log | report | diff`,
 * with `node:util`'s parseArgs (strict: an option no command knows, a value missing or given to a
 * switch is refused). Usage errors are thrown as UsageError (exit code 2 with the message on
 * stderr); which command takes which option is checked here, per command.
 */
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import type { Language } from '../l10n/language.js';
import { t } from '../l10n/messages.js';
import { FAIL_ON, type FailOn } from '../license/report-diff.js';
import { EXECUTION_CONTEXTS, type ExecutionContext } from '../license/resolve.js';
import { isVersion } from '../license/versions.js';
import { CACHE_STRATEGIES, type CacheStrategy } from '../workspace/facts-cache.js';

export class UsageError extends Error {}

/** The usage text, in the language chosen (made when said: the language is chosen at start-up). */
export function usage(): string {
  return [
    t`Usage:`,
    `  logix-license check [DIR] [--config FILE] [--logix-version V] [--format text|json|sarif]
                      [--encoding ENC] [--exclude GLOB]... [--cache[=PATH]] [--cache-strategy metadata|content]
  logix-license explain PROGRAM [DIR] [--file PATH] [--menu-key KEY] [--context CONTEXT] [--app-license CODE] [--dev-test]
                      [--format text|json|log] [--config FILE] [--logix-version V] [--encoding ENC]
  logix-license init [DIR] [--stdout] [--encoding ENC] [--exclude GLOB]...
  logix-license compare-log LOGFILE [DIR] [--format text|json] [--dev-test]
                      [--config FILE] [--logix-version V] [--encoding ENC] [--exclude GLOB]...
  logix-license import-log LOGFILE [DIR] [--write] [--format text|json] [--config FILE]
  logix-license report [DIR] [--format text|json|markdown|csv] [--config FILE] [--logix-version V]
                      [--encoding ENC] [--exclude GLOB]...
  logix-license diff BASE_DIR HEAD_DIR [--format text|json|markdown] [--fail-on any|blocked|default-slot]
                      [--logix-version V] [--encoding ENC] [--exclude GLOB]...
  logix-license COMMAND … [--lang pt-BR|en]`,
    '',
    t`  DIR defaults to the current folder. CONTEXT is one of ${EXECUTION_CONTEXTS.join(', ')};
  with mingle, --app-license CODE is the license code registered for the app.
  A folder holding a logix-license.json is an environment of its own. --file PATH (relative to
  DIR) chooses among files that define the same program.`,
    t`  init writes DIR/logix-license.json from the keys DIR's programs use (exit 2 if it exists);
  --stdout prints it instead.`,
    t`  LOGFILE is an AppServer log written with logix.license.debug = 1 (Windows-1252, UTF-8 or
  UTF-16; thread prefixes, times and other lines may be there), or what explain --format log
  prints. compare-log compares each program run in it with the prediction for the same program
  and menu key; import-log learns each consumed key's slot and each program's menu key and shows
  what it would add to DIR's logix-license.json (or --config FILE); --write adds it, never
  changing or removing what is there.`,
    t`  report prints the license map: every key with the programs holding it and how, every program
  with its final list, default key and slot, and what it consumes under its configured menu key.
  diff compares two trees (e.g. the base branch checked out with git worktree add beside the
  change): programs added, removed, and changed in what they hold or consume; each tree is read
  with its own logix-license.json files.`,
    t`  check --cache keeps each file's facts in PATH (default: .logix-license-cache in the current
  folder) and parses only the files that changed since: by content (the default strategy, for CI
  checkouts) or by size and modification time (metadata). A cache that cannot be used is ignored
  with a warning.`,
    t`  --lang pt-BR|en chooses the language of the messages; by default it is the environment's
  (LC_ALL, LC_MESSAGES, LANG; C or none: English).`,
    t`  check exits 0 with no error-severity diagnostic, 1 with one; compare-log 0 when every run
  agrees, 1 when one disagrees; diff 0 when no change matches --fail-on (default any), 1 when
  one does; all exit 2 on usage or configuration errors, or an unreadable log or one without a
  run.`,
  ].join('\n');
}

interface CommonOptions {
  readonly dir: string;
  readonly configFile?: string;
  readonly logixVersion?: string;
  readonly encoding?: string;
  readonly excludes: readonly string[];
}

export interface CheckCommand extends CommonOptions {
  readonly command: 'check';
  readonly format: 'text' | 'json' | 'sarif';
  /** `--cache`: where the facts of the last run are kept, and how a file is known unchanged. */
  readonly cache?: { readonly file: string; readonly strategy: CacheStrategy };
}

/** ESLint keeps `.eslintcache` in the current folder; this is its counterpart. */
export const DEFAULT_CACHE_FILE = '.logix-license-cache';

export interface ExplainCommand extends CommonOptions {
  readonly command: 'explain';
  readonly program: string;
  /** The file defining the program, relative to DIR, when several do. */
  readonly file?: string;
  /** Context `mingle`: the app's registered license code. */
  readonly appLicense?: string;
  readonly format: 'text' | 'json' | 'log';
  readonly menuKey?: string;
  readonly context: ExecutionContext;
  readonly devTest?: boolean;
}

/** `init`: the start of DIR's logix-license.json, written there or printed (`--stdout`). */
export interface InitCommand {
  readonly command: 'init';
  readonly dir: string;
  readonly stdout: boolean;
  readonly encoding?: string;
  readonly excludes: readonly string[];
}

export interface CompareLogCommand extends CommonOptions {
  readonly command: 'compare-log';
  readonly logFile: string;
  readonly format: 'text' | 'json';
  readonly devTest?: boolean;
}

export interface ImportLogCommand {
  readonly command: 'import-log';
  readonly logFile: string;
  readonly dir: string;
  /** The catalog file to read and write; DIR/logix-license.json by default. */
  readonly configFile?: string;
  readonly format: 'text' | 'json';
  readonly write: boolean;
}

/** `report`: the license map of DIR. */
export interface ReportCommand extends CommonOptions {
  readonly command: 'report';
  readonly format: 'text' | 'json' | 'markdown' | 'csv';
}

/** `diff`: what changes in consumption from BASE_DIR to HEAD_DIR, each with its own catalogs. */
export interface DiffCommand {
  readonly command: 'diff';
  readonly baseDir: string;
  readonly headDir: string;
  readonly format: 'text' | 'json' | 'markdown';
  readonly failOn: FailOn;
  readonly logixVersion?: string;
  readonly encoding?: string;
  readonly excludes: readonly string[];
}

export type Command = CheckCommand | ExplainCommand | InitCommand | CompareLogCommand | ImportLogCommand | ReportCommand | DiffCommand | { readonly command: 'help' };

/**
 * Every option of every command, as parseArgs reads them. The string options are `multiple` so
 * that one given twice is seen (and refused where only one makes sense) instead of the last
 * silently winning.
 */
const OPTIONS = {
  'config': { type: 'string', multiple: true },
  'logix-version': { type: 'string', multiple: true },
  'format': { type: 'string', multiple: true },
  'encoding': { type: 'string', multiple: true },
  'exclude': { type: 'string', multiple: true },
  'menu-key': { type: 'string', multiple: true },
  'context': { type: 'string', multiple: true },
  'file': { type: 'string', multiple: true },
  'app-license': { type: 'string', multiple: true },
  'fail-on': { type: 'string', multiple: true },
  'cache': { type: 'string', multiple: true },
  'cache-strategy': { type: 'string', multiple: true },
  'lang': { type: 'string', multiple: true },
  'dev-test': { type: 'boolean' },
  'stdout': { type: 'boolean' },
  'write': { type: 'boolean' },
  'help': { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof readArgv>['values'];

/** `--lang` values, as the user writes them, and the language each names. */
const LANG_VALUES: Readonly<Record<string, Language>> = { 'pt-BR': 'pt-br', 'en': 'en' };

/**
 * The language `--lang` asks for, read before anything is said (usage errors included); undefined
 * when it is absent or not one of the accepted values (then `parseArgs` reports it, in the
 * environment's language). Never throws.
 */
export function requestedLanguage(argv: readonly string[]): Language | undefined {
  const { tokens } = parseArgv({ args: withCacheValues(argv), options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const given = tokens.filter((token) => token.kind === 'option' && token.name === 'lang').map((token) => ('value' in token ? token.value : undefined));
  return given.length === 1 && given[0] !== undefined ? languageOfValue(given[0]) : undefined;
}

function languageOfValue(value: string): Language | undefined {
  const name = Object.keys(LANG_VALUES).find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  return name === undefined ? undefined : LANG_VALUES[name];
}

/**
 * parseArgs has no option whose value is optional: `--cache` alone is the default file, and
 * `--cache PATH` must leave PATH as the folder to check. So `--cache` alone is given its value
 * before parseArgs reads it (options end at `--`).
 */
function withCacheValues(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) => (arg === '--cache' && (end === -1 || index < end) ? `--cache=${DEFAULT_CACHE_FILE}` : arg));
}

function readArgv(args: string[]) {
  return parseArgv({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** The arguments read; an option parseArgs refuses is a UsageError naming it. */
function readArguments(argv: readonly string[]): { values: Values; positionals: string[] } {
  const args = withCacheValues(argv);
  let read: ReturnType<typeof readArgv>;
  try {
    read = readArgv(args);
  } catch (error) {
    throw refusal(args, error as Error);
  }
  // An empty `--cache=` names no file (`--cache` alone is the default one).
  if (read.values.cache?.includes('')) throw new UsageError(t`--cache= needs a path`);
  return read;
}

/**
 * What parseArgs refused, in our words: its own errors are English and point at its syntax, so
 * the arguments are read again leniently to find the option it refused and why.
 */
function refusal(args: string[], error: Error): UsageError {
  const { tokens } = parseArgv({ args, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (OPTIONS as Record<string, { readonly type: 'string' | 'boolean' }>)[token.name];
    if (!option) return new UsageError(t`unknown option ${token.rawName}`);
    if (option.type === 'boolean' && token.value !== undefined) return new UsageError(t`${token.rawName} takes no value, got "${token.value}"`);
    if (option.type === 'string' && token.value === undefined) return new UsageError(t`${token.rawName} needs a value`);
    if (option.type === 'string' && !token.inlineValue && token.value!.startsWith('-')) {
      return new UsageError(t`${token.rawName} needs a value; for one that starts with -, write ${token.rawName}=${token.value!}`);
    }
  }
  return new UsageError(error.message);
}

export function parseArgs(argv: readonly string[]): Command {
  const { values, positionals: positional } = readArguments(argv);
  const lang = single(values, 'lang');
  if (lang !== undefined && languageOfValue(lang) === undefined) oneOf(lang, Object.keys(LANG_VALUES), '--lang');
  if (values.help || positional.length === 0) return { command: 'help' };

  const logixVersion = single(values, 'logix-version');
  if (logixVersion !== undefined && !isVersion(logixVersion)) {
    throw new UsageError(t`--logix-version must look like 12.1.2301, not "${logixVersion}"`);
  }
  const configFile = single(values, 'config');
  const encoding = single(values, 'encoding');
  const common = {
    excludes: values.exclude ?? [],
    ...(configFile !== undefined ? { configFile } : {}),
    ...(logixVersion !== undefined ? { logixVersion } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };

  const [command, ...rest] = positional;
  if (command === 'check') {
    if (rest.length > 1) throw new UsageError(t`check takes one folder, got: ${rest.join(' ')}`);
    rejectOptions(values, ['menu-key', 'context', 'dev-test', 'file', 'stdout', 'write', 'app-license', 'fail-on'], 'check');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json', 'sarif'] as const, '--format');
    const cacheFile = single(values, 'cache');
    const strategy = single(values, 'cache-strategy');
    if (strategy !== undefined && cacheFile === undefined) throw new UsageError(t`--cache-strategy applies with --cache only`);
    const cache = cacheFile === undefined ? {} : {
      cache: { file: cacheFile, strategy: oneOf(strategy ?? 'content', CACHE_STRATEGIES, '--cache-strategy') },
    };
    return { command, format, dir: rest[0] ?? '.', ...common, ...cache };
  }
  if (command === 'explain') {
    if (rest.length === 0) throw new UsageError(t`explain needs a PROGRAM, e.g. explain man10021`);
    if (rest.length > 2) throw new UsageError(t`explain takes a program and one folder, got: ${rest.join(' ')}`);
    rejectOptions(values, ['exclude', 'stdout', 'write', 'fail-on', 'cache', 'cache-strategy'], 'explain');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json', 'log'] as const, '--format');
    const context = oneOf(single(values, 'context') ?? 'menu', EXECUTION_CONTEXTS, '--context');
    const menuKey = single(values, 'menu-key');
    const file = single(values, 'file');
    const appLicense = single(values, 'app-license');
    if (appLicense !== undefined && context !== 'mingle') throw new UsageError(t`--app-license applies to --context mingle only`);
    return {
      command, program: rest[0]!, dir: rest[1] ?? '.', format, context, ...common,
      ...(menuKey !== undefined ? { menuKey } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(appLicense !== undefined ? { appLicense } : {}),
      ...(values['dev-test'] ? { devTest: true } : {}),
    };
  }
  if (command === 'init') {
    if (rest.length > 1) throw new UsageError(t`init takes one folder, got: ${rest.join(' ')}`);
    // The file starts from the built-in catalog: no other catalog, version or format applies.
    rejectOptions(values, ['config', 'logix-version', 'format', 'menu-key', 'context', 'dev-test', 'file', 'write', 'app-license', 'fail-on', 'cache', 'cache-strategy'], 'init');
    return {
      command, dir: rest[0] ?? '.', stdout: values.stdout === true, excludes: common.excludes,
      ...(encoding !== undefined ? { encoding } : {}),
    };
  }
  if (command === 'compare-log') {
    if (rest.length === 0) throw new UsageError(t`compare-log needs a LOGFILE, e.g. compare-log appserver.log`);
    if (rest.length > 2) throw new UsageError(t`compare-log takes a log file and one folder, got: ${rest.join(' ')}`);
    rejectOptions(values, ['menu-key', 'context', 'file', 'write', 'stdout', 'app-license', 'fail-on', 'cache', 'cache-strategy'], 'compare-log');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json'] as const, '--format');
    return { command, logFile: rest[0]!, dir: rest[1] ?? '.', format, ...common, ...(values['dev-test'] ? { devTest: true } : {}) };
  }
  if (command === 'import-log') {
    if (rest.length === 0) throw new UsageError(t`import-log needs a LOGFILE, e.g. import-log appserver.log`);
    if (rest.length > 2) throw new UsageError(t`import-log takes a log file and one folder, got: ${rest.join(' ')}`);
    rejectOptions(values, ['menu-key', 'context', 'file', 'dev-test', 'logix-version', 'encoding', 'exclude', 'stdout', 'app-license', 'fail-on', 'cache', 'cache-strategy'], 'import-log');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json'] as const, '--format');
    return {
      command, logFile: rest[0]!, dir: rest[1] ?? '.', format, write: values.write === true,
      ...(configFile !== undefined ? { configFile } : {}),
    };
  }
  if (command === 'report') {
    if (rest.length > 1) throw new UsageError(t`report takes one folder, got: ${rest.join(' ')}`);
    rejectOptions(values, ['menu-key', 'context', 'dev-test', 'file', 'stdout', 'write', 'app-license', 'fail-on', 'cache', 'cache-strategy'], 'report');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json', 'markdown', 'csv'] as const, '--format');
    return { command, format, dir: rest[0] ?? '.', ...common };
  }
  if (command === 'diff') {
    if (rest.length !== 2) {
      throw new UsageError(rest.length === 0 ? t`diff takes two folders, BASE_DIR and HEAD_DIR, got: none` : t`diff takes two folders, BASE_DIR and HEAD_DIR, got: ${rest.join(' ')}`);
    }
    // Each tree is read with its own catalogs: one --config for both would hide a catalog change.
    rejectOptions(values, ['config', 'menu-key', 'context', 'dev-test', 'file', 'stdout', 'write', 'app-license', 'cache', 'cache-strategy'], 'diff');
    const format = oneOf(single(values, 'format') ?? 'text', ['text', 'json', 'markdown'] as const, '--format');
    const failOn = oneOf(single(values, 'fail-on') ?? 'any', FAIL_ON, '--fail-on');
    return {
      command, baseDir: rest[0]!, headDir: rest[1]!, format, failOn, excludes: common.excludes,
      ...(logixVersion !== undefined ? { logixVersion } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
    };
  }
  throw new UsageError(t`unknown command "${command}" (expected check, explain, init, compare-log, import-log, report or diff)`);
}

/** The one value of a string option, or undefined; given twice, a usage error. */
function single(values: Values, name: Exclude<OptionName, 'dev-test' | 'stdout' | 'write' | 'help'>): string | undefined {
  const list = values[name];
  if (list && list.length > 1) throw new UsageError(t`--${name} given more than once`);
  return list?.[0];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(t`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

function rejectOptions(values: Values, names: readonly OptionName[], command: string): void {
  for (const name of names) {
    if (values[name] !== undefined) throw new UsageError(t`--${name} does not apply to ${command}`);
  }
}
