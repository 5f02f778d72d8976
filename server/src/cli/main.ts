/**
 * `logix-license` command line: `check` a workspace, `explain` one program, `init` its catalog
 * file, `compare-log` and `import-log` an AppServer debug log, `report` the license map of a tree
 * and `diff` two trees. Wiring only: the analysis is in workspace/ and license/, the log in
 * applog/, the renderings in check-report.ts, sarif.ts, compare-log.ts, import-log.ts,
 * report-render.ts and diff-render.ts.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import packageJson from '../../../package.json';
import { languageFromEnvironment } from '../l10n/language.js';
import { t, useLanguage } from '../l10n/messages.js';
import { builtInCatalog, CATALOG_FILE_NAME } from '../license/catalog.js';
import { keyUses, proposeCatalog } from '../license/catalog-init.js';
import { explainResolution, explanationToJson, renderDebugLog, renderExplanationText } from '../license/explain.js';
import { buildReport } from '../license/report.js';
import { diffReports, failing } from '../license/report-diff.js';
import { analyzeWorkspace, ConfigurationError, type WorkspaceAnalysis } from '../workspace/analysis.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';
import { contentHash } from '../workspace/facts-cache.js';
import { toPosix } from '../workspace/files.js';
import { DEFAULT_CACHE_FILE, parseArgs, requestedLanguage, usage, UsageError, type CheckCommand, type CompareLogCommand, type DiffCommand, type ExplainCommand, type InitCommand, type ReportCommand } from './args.js';
import { diffToJson, diffToMarkdown, diffToText } from './diff-render.js';
import { reportToCsv, reportToJson, reportToMarkdown, reportToText } from './report-render.js';
import { checkToJson, checkToText, summarize } from './check-report.js';
import { compareLog, compareLogToJson, compareLogToText } from './compare-log.js';
import { runImportLog } from './import-log.js';
import { readLogFile } from './log-file.js';
import { checkToSarif } from './sarif.js';

async function main(argv: readonly string[]): Promise<number> {
  // Before any word is said, usage errors included: `--lang`, else the environment's locale.
  useLanguage(requestedLanguage(argv) ?? languageFromEnvironment(process.env));
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        process.stdout.write(`${usage()}\n`);
        return 0;
      case 'check':
        return await runCheck(command);
      case 'explain':
        return await runExplain(command);
      case 'init':
        return await runInit(command);
      case 'compare-log':
        return await runCompareLog(command);
      case 'import-log':
        return runImportLog(command);
      case 'report':
        return await runReport(command);
      case 'diff':
        return await runDiff(command);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`logix-license: ${error.message}\n\n${usage()}\n`);
      return 2;
    }
    if (error instanceof ConfigurationError) {
      process.stderr.write(`logix-license: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function analyze(command: CheckCommand | ExplainCommand | InitCommand | CompareLogCommand | ReportCommand): Promise<WorkspaceAnalysis> {
  // Progress goes to stderr, only for a person watching a terminal (never into JSON or a pipe).
  const showProgress = process.stderr.isTTY === true;
  const analysis = await analyzeWorkspace(command.dir, {
    excludes: command.excludes,
    ...(command.command !== 'init' && command.configFile !== undefined ? { configFile: command.configFile } : {}),
    ...(command.command !== 'init' && command.logixVersion !== undefined ? { logixVersion: command.logixVersion } : {}),
    ...(command.encoding !== undefined ? { encoding: command.encoding } : {}),
    ...(command.command === 'explain' || command.command === 'compare-log' ? { diagnose: false, ...(command.devTest ? { devTest: true } : {}) } : {}),
    ...(command.command === 'init' || command.command === 'report' ? { diagnose: false } : {}),
    ...(command.command === 'check' && command.cache ? { cache: { file: cacheFile(command.cache.file), strategy: command.cache.strategy, build: toolBuild() } } : {}),
    onWarning: (message: string) => process.stderr.write(`logix-license: ${t`warning: ${message}`}\n`),
    // Progress arrives a batch of files at a time.
    ...(showProgress ? { onProgress: (done: number, total: number) => process.stderr.write(`\r${t`reading ${done}/${total} files`}`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  return analysis;
}

/** The cache file: PATH, or the default file inside PATH when it is a folder. */
function cacheFile(path: string): string {
  const absolute = resolve(path);
  try {
    if (statSync(absolute).isDirectory()) return join(absolute, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: the file to write.
  }
  return absolute;
}

/**
 * This tool's identity for the cache: its version and the content of its bundle (the parser
 * inside), not the bundle's time, which every install sets anew.
 */
function toolBuild(): string {
  try {
    return `${packageJson.version}-${contentHash(readFileSync(__filename))}`;
  } catch {
    return `${packageJson.version}-unknown`;
  }
}

async function runCheck(command: CheckCommand): Promise<number> {
  const started = performance.now();
  const analysis = await analyze(command);
  const summary = summarize(analysis, performance.now() - started);
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify(checkToJson(analysis, summary), null, 2)}\n`);
  } else if (command.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(checkToSarif(analysis, packageJson.version), null, 2)}\n`);
  } else {
    process.stdout.write(checkToText(analysis, summary));
  }
  return summary.errors > 0 ? 1 : 0;
}

async function runExplain(command: ExplainCommand): Promise<number> {
  const analysis = await analyze(command);
  const program = command.program.toLowerCase().replace(/\.4gl$/i, '');
  const chosen = chooseProgram(analysis, program, command.file);
  if (typeof chosen === 'string') {
    process.stderr.write(`logix-license: ${chosen}\n`);
    return 2;
  }
  const { environment, file } = chosen;
  const explanation = explainResolution(environment.resolutionOf(program, file), environment.catalog, {
    context: command.context,
    ...(command.menuKey !== undefined ? { menuKey: command.menuKey } : {}),
    ...(command.appLicense !== undefined ? { appLicense: command.appLicense } : {}),
    ...(command.devTest ? { devTest: true } : {}),
  });
  if (command.format === 'json') process.stdout.write(`${JSON.stringify(explanationToJson(explanation), null, 2)}\n`);
  else if (command.format === 'log') process.stdout.write(renderDebugLog(explanation));
  else process.stdout.write(renderExplanationText(explanation, environment.catalog));
  return 0;
}

async function runCompareLog(command: CompareLogCommand): Promise<number> {
  // The log first: an unreadable one, or one without a run, is said before the workspace is read.
  const reading = readLogFile(command.logFile);
  const report = compareLog((await analyze(command)).folder, reading.runs);
  if (command.format === 'json') process.stdout.write(`${JSON.stringify(compareLogToJson(report), null, 2)}\n`);
  else process.stdout.write(compareLogToText(report, command.logFile));
  return report.summary.disagree > 0 ? 1 : 0;
}

/** `report`: the license map of DIR, every environment's keys and programs. */
async function runReport(command: ReportCommand): Promise<number> {
  const report = buildReport((await analyze(command)).environments);
  switch (command.format) {
    case 'json':
      process.stdout.write(`${JSON.stringify(reportToJson(report), null, 2)}\n`);
      break;
    case 'markdown':
      process.stdout.write(reportToMarkdown(report));
      break;
    case 'csv':
      process.stdout.write(reportToCsv(report));
      break;
    default:
      process.stdout.write(reportToText(report));
  }
  return 0;
}

/**
 * `diff`: the license map of each tree, each read with its own catalogs, compared. Exit 1 when a
 * change matches `--fail-on`.
 */
async function runDiff(command: DiffCommand): Promise<number> {
  const options = { command: 'report' as const, format: 'json' as const, excludes: command.excludes,
    ...(command.logixVersion !== undefined ? { logixVersion: command.logixVersion } : {}),
    ...(command.encoding !== undefined ? { encoding: command.encoding } : {}) };
  const base = buildReport((await analyze({ ...options, dir: command.baseDir })).environments);
  const head = buildReport((await analyze({ ...options, dir: command.headDir })).environments);
  const diff = diffReports(base, head);
  const failingCount = failing(diff, command.failOn).length;
  if (command.format === 'json') process.stdout.write(`${JSON.stringify(diffToJson(diff, command.failOn, failingCount), null, 2)}\n`);
  else if (command.format === 'markdown') process.stdout.write(diffToMarkdown(diff, command.failOn, failingCount));
  else process.stdout.write(diffToText(diff, command.baseDir, command.headDir, command.failOn, failingCount));
  return failingCount > 0 ? 1 : 0;
}

/**
 * `init`: DIR's logix-license.json from the keys its programs use. Only the root environment's
 * programs count: a folder below holding a logix-license.json is an environment with its own file.
 * An existing file is never touched (exit 2); `--stdout` prints the text and writes nothing.
 */
async function runInit(command: InitCommand): Promise<number> {
  const target = join(command.dir, CATALOG_FILE_NAME);
  if (!command.stdout && existsSync(target)) {
    process.stderr.write(`logix-license: ${t`${target} already exists; nothing written (--stdout prints what init would write)`}\n`);
    return 2;
  }
  const analysis = await analyze(command);
  const model = analysis.folder.root.model;
  const text = proposeCatalog(model, builtInCatalog());
  if (command.stdout) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    process.stderr.write(`logix-license: ${t`cannot write ${target}: ${(error as Error).message}`}\n`);
    return 2;
  }
  const uses = keyUses(model);
  const nested = analysis.environments.length - 1;
  process.stdout.write(`${initSummary(target, uses.length, model.programs.size, nested)}\n`);
  return 0;
}

/** What init says it wrote; each count picks its own sentence (the plural is the language's). */
function initSummary(target: string, keys: number, programs: number, nested: number): string {
  const counts = keys === 1
    ? programs === 1 ? t`wrote ${target}: 1 key used by 1 program` : t`wrote ${target}: 1 key used by ${programs} programs`
    : programs === 1 ? t`wrote ${target}: ${keys} keys used by 1 program` : t`wrote ${target}: ${keys} keys used by ${programs} programs`;
  const below = nested === 0 ? ''
    : nested === 1 ? t` (1 folder below with a ${CATALOG_FILE_NAME} of its own not counted)` : t` (${nested} folders below with a ${CATALOG_FILE_NAME} of their own not counted)`;
  return counts + below + t`; fill in each "slot", then set "complete" to true`;
}

/**
 * The environment and file of the program to explain: the one file defining it, the one `--file`
 * names, or (no source anywhere) the one environment whose SYSTEMKEY files register it. Several
 * candidates and no `--file`: a message listing them.
 */
function chooseProgram(analysis: WorkspaceAnalysis, program: string, file: string | undefined): { environment: EnvironmentIndex; file?: string } | string {
  if (file !== undefined) {
    const path = toPosix(file).replace(/^\.\//, '');
    const environment = analysis.folder.environmentOf(path);
    if (environment.model.programIn(path)?.name !== program) return t`${file} does not define program ${program}`;
    return { environment, file: path };
  }
  const sources = analysis.environments.flatMap((environment) => environment.model.sourcesOf(program).map((source) => ({ environment, file: source.file })));
  if (sources.length === 1) return sources[0]!;
  if (sources.length > 1) {
    return t`program ${program} is defined by ${sources.length} files; choose one with --file:` + `\n${sources.map((source) => `  --file ${source.file}`).join('\n')}`;
  }
  const registered = analysis.environments.filter((environment) => environment.model.registrations.has(program));
  if (registered.length === 1) return { environment: registered[0]! };
  if (registered.length > 1) {
    return t`program ${program} has no source and is registered in ${registered.length} environments (${registered.map((environment) => environment.root || '.').join(', ')}); explain it from one of them: explain ${program} DIR/ENVIRONMENT`;
  }
  return t`no program ${program} in ${analysis.root} (no ${program}.4gl with MAIN or FUNCTION ${program}, and no SYSTEMKEY registration)`;
}

// `check … | head` closes the pipe early: that is the reader's choice, not an error to crash on.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
