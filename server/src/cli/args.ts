/**
 * Command-line parsing for `logix-license check | explain | init | compare-log | import-log | report | diff`. Usage errors are thrown as
 * UsageError (exit code 2 with the message on stderr).
 */
import { FAIL_ON, type FailOn } from '../license/report-diff.js';
import { EXECUTION_CONTEXTS, type ExecutionContext } from '../license/resolve.js';
import { isVersion } from '../license/versions.js';

export class UsageError extends Error {}

export const USAGE = `Usage:
  logix-license check [DIR] [--config FILE] [--logix-version V] [--format text|json|sarif]
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

  DIR defaults to the current folder. CONTEXT is one of ${EXECUTION_CONTEXTS.join(', ')};
  with mingle, --app-license CODE is the license code registered for the app.
  A folder holding a logix-license.json is an environment of its own. --file PATH (relative to
  DIR) chooses among files that define the same program.
  init writes DIR/logix-license.json from the keys DIR's programs use (exit 2 if it exists);
  --stdout prints it instead.
  LOGFILE is an AppServer log written with logix.license.debug = 1 (Windows-1252, UTF-8 or
  UTF-16; thread prefixes, times and other lines may be there), or what explain --format log
  prints. compare-log compares each program run in it with the prediction for the same program
  and menu key; import-log learns each consumed key's slot and each program's menu key and shows
  what it would add to DIR's logix-license.json (or --config FILE); --write adds it, never
  changing or removing what is there.
  report prints the license map: every key with the programs holding it and how, every program
  with its final list, default key and slot, and what it consumes under its configured menu key.
  diff compares two trees (e.g. the base branch checked out with git worktree add beside the
  change): programs added, removed, and changed in what they hold or consume; each tree is read
  with its own logix-license.json files.
  check --cache keeps each file's facts in PATH (default: .logix-license-cache in the current
  folder) and parses only the files that changed since: by content (the default strategy, for CI
  checkouts) or by size and modification time (metadata). A cache that cannot be used is ignored
  with a warning.
  check exits 0 with no error-severity diagnostic, 1 with one; compare-log 0 when every run
  agrees, 1 when one disagrees; diff 0 when no change matches --fail-on (default any), 1 when
  one does; all exit 2 on usage or configuration errors, or an unreadable log or one without a
  run.`;

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
  readonly cache?: { readonly file: string; readonly strategy: 'metadata' | 'content' };
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

const VALUE_FLAGS = new Set(['--config', '--logix-version', '--format', '--encoding', '--exclude', '--menu-key', '--context', '--file', '--app-license', '--fail-on', '--cache-strategy']);
const SWITCHES = new Set(['--dev-test', '--stdout', '--write', '--help', '-h']);
/** Flags whose value is optional and given only as `--flag=value` (a separate word is DIR). */
const OPTIONAL_VALUE_FLAGS = new Set(['--cache']);

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (OPTIONAL_VALUE_FLAGS.has(flag)) {
      if (inline === '') throw new UsageError(`${flag}= needs a path`);
      values.set(flag, [...(values.get(flag) ?? []), inline ?? '']);
    } else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++index];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, [...(values.get(flag) ?? []), value]);
    } else if (SWITCHES.has(flag)) {
      switches.add(flag);
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      positional.push(arg);
    }
  }
  if (switches.has('--help') || switches.has('-h') || positional.length === 0) return { command: 'help' };

  const single = (flag: string): string | undefined => {
    const list = values.get(flag);
    if (list && list.length > 1) throw new UsageError(`${flag} given more than once`);
    return list?.[0];
  };
  const logixVersion = single('--logix-version');
  if (logixVersion !== undefined && !isVersion(logixVersion)) {
    throw new UsageError(`--logix-version must look like 12.1.2301, not "${logixVersion}"`);
  }
  const configFile = single('--config');
  const encoding = single('--encoding');
  const common = {
    excludes: values.get('--exclude') ?? [],
    ...(configFile !== undefined ? { configFile } : {}),
    ...(logixVersion !== undefined ? { logixVersion } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };

  const [command, ...rest] = positional;
  if (command === 'check') {
    if (rest.length > 1) throw new UsageError(`check takes one folder, got: ${rest.join(' ')}`);
    rejectFlags(values, switches, ['--menu-key', '--context', '--dev-test', '--file', '--stdout', '--write', '--app-license', '--fail-on'], 'check');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json', 'sarif'] as const, '--format');
    const cacheFile = single('--cache');
    const strategy = single('--cache-strategy');
    if (strategy !== undefined && cacheFile === undefined) throw new UsageError('--cache-strategy applies with --cache only');
    const cache = cacheFile === undefined ? {} : {
      cache: { file: cacheFile || DEFAULT_CACHE_FILE, strategy: oneOf(strategy ?? 'content', ['content', 'metadata'] as const, '--cache-strategy') },
    };
    return { command, format, dir: rest[0] ?? '.', ...common, ...cache };
  }
  if (command === 'explain') {
    if (rest.length === 0) throw new UsageError('explain needs a PROGRAM, e.g. explain man10021');
    if (rest.length > 2) throw new UsageError(`explain takes a program and one folder, got: ${rest.join(' ')}`);
    rejectFlags(values, switches, ['--exclude', '--stdout', '--write', '--fail-on', '--cache', '--cache-strategy'], 'explain');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json', 'log'] as const, '--format');
    const context = oneOf(single('--context') ?? 'menu', EXECUTION_CONTEXTS, '--context');
    const menuKey = single('--menu-key');
    const file = single('--file');
    const appLicense = single('--app-license');
    if (appLicense !== undefined && context !== 'mingle') throw new UsageError('--app-license applies to --context mingle only');
    return {
      command, program: rest[0]!, dir: rest[1] ?? '.', format, context, ...common,
      ...(menuKey !== undefined ? { menuKey } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(appLicense !== undefined ? { appLicense } : {}),
      ...(switches.has('--dev-test') ? { devTest: true } : {}),
    };
  }
  if (command === 'init') {
    if (rest.length > 1) throw new UsageError(`init takes one folder, got: ${rest.join(' ')}`);
    // The file starts from the built-in catalog: no other catalog, version or format applies.
    rejectFlags(values, switches, ['--config', '--logix-version', '--format', '--menu-key', '--context', '--dev-test', '--file', '--write', '--app-license', '--fail-on', '--cache', '--cache-strategy'], 'init');
    return {
      command, dir: rest[0] ?? '.', stdout: switches.has('--stdout'), excludes: common.excludes,
      ...(encoding !== undefined ? { encoding } : {}),
    };
  }
  if (command === 'compare-log') {
    if (rest.length === 0) throw new UsageError('compare-log needs a LOGFILE, e.g. compare-log appserver.log');
    if (rest.length > 2) throw new UsageError(`compare-log takes a log file and one folder, got: ${rest.join(' ')}`);
    rejectFlags(values, switches, ['--menu-key', '--context', '--file', '--write', '--stdout', '--app-license', '--fail-on', '--cache', '--cache-strategy'], 'compare-log');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json'] as const, '--format');
    return { command, logFile: rest[0]!, dir: rest[1] ?? '.', format, ...common, ...(switches.has('--dev-test') ? { devTest: true } : {}) };
  }
  if (command === 'import-log') {
    if (rest.length === 0) throw new UsageError('import-log needs a LOGFILE, e.g. import-log appserver.log');
    if (rest.length > 2) throw new UsageError(`import-log takes a log file and one folder, got: ${rest.join(' ')}`);
    rejectFlags(values, switches, ['--menu-key', '--context', '--file', '--dev-test', '--logix-version', '--encoding', '--exclude', '--stdout', '--app-license', '--fail-on', '--cache', '--cache-strategy'], 'import-log');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json'] as const, '--format');
    return {
      command, logFile: rest[0]!, dir: rest[1] ?? '.', format, write: switches.has('--write'),
      ...(configFile !== undefined ? { configFile } : {}),
    };
  }
  if (command === 'report') {
    if (rest.length > 1) throw new UsageError(`report takes one folder, got: ${rest.join(' ')}`);
    rejectFlags(values, switches, ['--menu-key', '--context', '--dev-test', '--file', '--stdout', '--write', '--app-license', '--fail-on', '--cache', '--cache-strategy'], 'report');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json', 'markdown', 'csv'] as const, '--format');
    return { command, format, dir: rest[0] ?? '.', ...common };
  }
  if (command === 'diff') {
    if (rest.length !== 2) throw new UsageError(`diff takes two folders, BASE_DIR and HEAD_DIR, got: ${rest.length === 0 ? 'none' : rest.join(' ')}`);
    // Each tree is read with its own catalogs: one --config for both would hide a catalog change.
    rejectFlags(values, switches, ['--config', '--menu-key', '--context', '--dev-test', '--file', '--stdout', '--write', '--app-license', '--cache', '--cache-strategy'], 'diff');
    const format = oneOf(single('--format') ?? 'text', ['text', 'json', 'markdown'] as const, '--format');
    const failOn = oneOf(single('--fail-on') ?? 'any', FAIL_ON, '--fail-on');
    return {
      command, baseDir: rest[0]!, headDir: rest[1]!, format, failOn, excludes: common.excludes,
      ...(logixVersion !== undefined ? { logixVersion } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
    };
  }
  throw new UsageError(`unknown command "${command}" (expected check, explain, init, compare-log, import-log, report or diff)`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

function rejectFlags(values: Map<string, string[]>, switches: Set<string>, flags: string[], command: string): void {
  for (const flag of flags) {
    if (values.has(flag) || switches.has(flag)) throw new UsageError(`${flag} does not apply to ${command}`);
  }
}
