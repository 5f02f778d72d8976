/**
 * The fuzz campaign: each kind of input (parser, incremental re-parse, catalog, engine, LSP) run
 * with fast-check for a budget of inputs, in chunks of consecutive seeds so that one failure does
 * not end the kind: the next chunk goes on (up to `maxFailures` per kind). Each failure is shrunk
 * within a time budget and reported with its seed, its fast-check path, the shrunk input and the
 * command that replays it; the full counterexample is written to build/fuzz/failures/.
 *
 * `npm run fuzz` (main.ts) and the bounded slice of `npm test` (slice.test.ts) both run it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers/paths.js';
import { CheckWorker } from './check-worker.js';
import { catalogInput, engineInput, incrementalInput, parserInput, type CheckKind } from './checks.js';
import { describeCatalog } from './catalogs.js';
import { describeSession, peakRssKiB, runSession, SessionFailure, sessionInput, type SessionInput, type SessionStats } from './lsp.js';
import { describeSource } from './sources.js';

export const KINDS = ['parser', 'incremental', 'catalog', 'engine', 'lsp'] as const;
export type Kind = (typeof KINDS)[number];

export interface Budget {
  /** Inputs per in-process kind; sessions for `lsp`. */
  readonly runs: Readonly<Record<Kind, number>>;
  /** Actions of one LSP session. */
  readonly actions: readonly [min: number, max: number];
  /** Size of hostile shapes (repetitions, line length, list size). */
  readonly maxSize: number;
  /** Nesting depth and entry count of hostile catalogs. */
  readonly maxDepth: number;
  readonly maxEntries: number;
  /** Time to shrink one failure. */
  readonly shrinkMs: number;
}

export const BUDGETS = {
  /** `npm test`: about a minute on two shared cores. */
  slice: { runs: { parser: 2_000, incremental: 600, catalog: 1_200, engine: 600, lsp: 12 }, actions: [60, 100], maxSize: 100_000, maxDepth: 10_000, maxEntries: 5_000, shrinkMs: 10_000 },
  /** `npm run fuzz`: a few minutes. */
  default: { runs: { parser: 5_000, incremental: 1_500, catalog: 3_000, engine: 1_500, lsp: 20 }, actions: [80, 140], maxSize: 100_000, maxDepth: 20_000, maxEntries: 20_000, shrinkMs: 60_000 },
  /** `npm run fuzz -- --long`: at least 100,000 inputs and 20,000 LSP actions. */
  long: { runs: { parser: 65_000, incremental: 15_000, catalog: 12_000, engine: 12_000, lsp: 125 }, actions: [170, 220], maxSize: 100_000, maxDepth: 20_000, maxEntries: 20_000, shrinkMs: 60_000 },
} as const satisfies Record<string, Budget>;

export interface CampaignOptions {
  readonly seed: number;
  readonly budget: Budget;
  readonly kinds: readonly Kind[];
  /** Replays one input: the fast-check path of a failure (with its seed and kind). */
  readonly path?: string;
  /** A request (LSP) or a check (in process) not answered within this is a hang. */
  readonly hangMs: number;
  /** Failures after which a kind stops. */
  readonly maxFailures: number;
  readonly log: (line: string) => void;
}

export interface Failure {
  readonly kind: Kind;
  readonly seed: number;
  readonly path: string;
  readonly message: string;
  readonly hang: boolean;
  readonly exception: boolean;
  readonly input: string;
  readonly file: string;
  readonly replay: string;
}

export interface KindReport {
  readonly kind: Kind;
  inputs: number;
  shrinks: number;
  /** LSP: actions and requests sent. */
  actions: number;
  requests: number;
  slowestMs: number;
  slowestInput: string;
  ms: number;
  readonly failures: Failure[];
  /** The failures found (by signature), and how often one found before came back (not shrunk again). */
  readonly seen: Set<string>;
  repeats: number;
  repeatedHangs: number;
  repeatedExceptions: number;
}

export interface CampaignReport {
  readonly seed: number;
  readonly kinds: KindReport[];
  readonly failures: Failure[];
  readonly exceptions: number;
  readonly hangs: number;
  readonly fuzzPeakRssKiB: number;
  readonly serverPeakRssKiB: number;
  readonly ms: number;
}

/** A kind's runs in chunks, each with its own seed (seed, seed + 1, …). */
const CHUNKS = 8;

function describeInput(kind: Kind, input: unknown): string {
  switch (kind) {
    case 'parser':
    case 'incremental': {
      const { source, ...rest } = input as { source: Parameters<typeof describeSource>[0] };
      return `${describeSource(source)}; ${JSON.stringify(rest).slice(0, 800)}`;
    }
    case 'catalog':
      return describeCatalog((input as { catalog: Parameters<typeof describeCatalog>[0] }).catalog);
    case 'engine': {
      const { files, catalogs, ...rest } = input as { files: { path: string; source: Parameters<typeof describeSource>[0] }[]; catalogs: { path: string; catalog: Parameters<typeof describeCatalog>[0] }[] };
      return [...files.map((file) => `${file.path}: ${describeSource(file.source)}`), ...catalogs.map((entry) => `${entry.path}: ${describeCatalog(entry.catalog)}`), JSON.stringify(rest).slice(0, 1500)].join('\n    ');
    }
    case 'lsp':
      return describeSession(input as SessionInput);
  }
}

function arbitraryOf(kind: Kind, budget: Budget): fc.Arbitrary<unknown> {
  const sources = { maxSize: budget.maxSize, shapeWeight: 1, maxMutations: 6 };
  const catalogs = { maxDepth: budget.maxDepth, maxEntries: budget.maxEntries };
  switch (kind) {
    case 'parser':
      return parserInput(sources);
    case 'incremental':
      return incrementalInput(sources);
    case 'catalog':
      return catalogInput(catalogs);
    case 'engine':
      // Catalogs of 20,000 entries are the catalog kind's to parse; here each is parsed several times.
      return engineInput({ ...sources, ...catalogs, maxEntries: Math.min(catalogs.maxEntries, 2_000) });
    case 'lsp':
      // Sessions stay small enough to compare with a fresh analysis at every pause.
      return sessionInput({ maxSize: 20_000, shapeWeight: 0.3, maxMutations: 4, minActions: budget.actions[0], maxActions: budget.actions[1] });
  }
}

/** Runs one saved input again (a file `npm run fuzz` wrote under build/fuzz/failures/). */
export async function replay(file: string, hangMs: number, log: (line: string) => void): Promise<boolean> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { kind: Kind; input: unknown; error: string };
  log(`replaying a ${saved.kind} input that failed with: ${saved.error.split('\n')[0]}`);
  log(`input: ${describeInput(saved.kind, saved.input)}`);
  const worker = new CheckWorker();
  try {
    if (saved.kind === 'lsp') {
      await runSession(saved.input as SessionInput, worker, hangMs, { actions: 0, requests: 0, slowestMs: 0, slowestWhat: '', serverPeakRssKiB: 0, logErrors: 0 });
      log('passed');
      return true;
    }
    const outcome = await worker.run(saved.kind, saved.input, hangMs);
    log(outcome.ok ? `passed in ${outcome.ms.toFixed(0)} ms` : `failed: ${outcome.error}`);
    return outcome.ok;
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    await worker.close();
  }
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = performance.now();
  const worker = new CheckWorker();
  const kinds: KindReport[] = [];
  const session: SessionStats = { actions: 0, requests: 0, slowestMs: 0, slowestWhat: '', serverPeakRssKiB: 0, logErrors: 0 };
  try {
    for (const kind of options.kinds) {
      const report: KindReport = { kind, inputs: 0, shrinks: 0, actions: 0, requests: 0, slowestMs: 0, slowestInput: '', ms: 0, failures: [], seen: new Set(), repeats: 0, repeatedHangs: 0, repeatedExceptions: 0 };
      kinds.push(report);
      const kindStarted = performance.now();
      const runs = options.path ? 1 : options.budget.runs[kind];
      const chunkSize = Math.ceil(runs / CHUNKS);
      // A chunk ends at its first new failure; the next one (next seed) goes on until the kind's
      // budget of inputs is spent, so failures never shorten the campaign.
      for (let chunk = 0; report.inputs < runs && report.failures.length < options.maxFailures; chunk++) {
        const seed = (options.seed + chunk) >>> 0;
        await runChunk(kind, seed, Math.min(chunkSize, runs - report.inputs), options, worker, report, session);
        if (options.path) break;
      }
      report.ms = performance.now() - kindStarted;
      if (kind === 'lsp') {
        report.actions = session.actions;
        report.requests = session.requests;
        report.slowestMs = session.slowestMs;
        report.slowestInput = session.slowestWhat;
      }
      options.log(summaryLine(report));
    }
  } finally {
    await worker.close();
  }
  const failures = kinds.flatMap((kind) => kind.failures);
  return {
    seed: options.seed,
    kinds,
    failures,
    exceptions: failures.filter((failure) => failure.exception).length + kinds.reduce((sum, kind) => sum + kind.repeatedExceptions, 0),
    hangs: failures.filter((failure) => failure.hang).length + kinds.reduce((sum, kind) => sum + kind.repeatedHangs, 0),
    fuzzPeakRssKiB: peakRssKiB('self'),
    serverPeakRssKiB: session.serverPeakRssKiB,
    ms: performance.now() - started,
  };
}

async function runChunk(kind: Kind, seed: number, numRuns: number, options: CampaignOptions, worker: CheckWorker, report: KindReport, session: SessionStats): Promise<void> {
  let failedAt: number | undefined;
  let lastError: { hang: boolean; exception: boolean } = { hang: false, exception: false };
  let firstSignature: string | undefined;
  /**
   * A failure: a new one fails the property (fast-check shrinks it); one found before passes, counted
   * as a repeat, so that a known defect does not end the kind and the campaign goes on looking.
   */
  const failed = (message: string, hang: boolean, exception: boolean): boolean => {
    const known = report.seen.has(signature(message));
    if (known && failedAt === undefined) {
      report.repeats += 1;
      if (hang) report.repeatedHangs += 1;
      if (exception) report.repeatedExceptions += 1;
      return false;
    }
    if (known) return false;
    if (failedAt === undefined) {
      failedAt = performance.now();
      firstSignature = signature(message);
    }
    lastError = { hang, exception };
    return true;
  };
  const property = fc.asyncProperty(arbitraryOf(kind, options.budget), async (input: unknown) => {
    if (failedAt === undefined) report.inputs += 1;
    else {
      // Shrinking: within its time budget; past it, every candidate passes and shrinking ends.
      if (performance.now() - failedAt > options.budget.shrinkMs) return;
      report.shrinks += 1;
    }
    if (kind === 'lsp') {
      // Shrinking sessions count apart: the report counts the actions of the campaign's own inputs.
      const stats = failedAt === undefined ? session : { ...session, actions: 0, requests: 0 };
      try {
        await runSession(input as SessionInput, worker, options.hangMs, stats);
      } catch (error) {
        session.serverPeakRssKiB = Math.max(session.serverPeakRssKiB, stats.serverPeakRssKiB);
        const message = error instanceof Error ? error.message : String(error);
        if (failed(message, error instanceof SessionFailure && error.hang, error instanceof SessionFailure && error.exception)) throw error;
      }
      return;
    }
    const outcome = await worker.run(kind as CheckKind, input, options.hangMs);
    if (outcome.ms > report.slowestMs && failedAt === undefined) {
      report.slowestMs = outcome.ms;
      report.slowestInput = describeInput(kind, input).slice(0, 300);
    }
    if (!outcome.ok && failed(outcome.error, outcome.hang, !outcome.hang && !outcome.error.startsWith('AssertionError'))) throw new Error(outcome.error);
  });
  // A session costs a server start: fast-check's shrinking, one element at a time, would take
  // minutes; sessions are cut short and reduced by halves instead (minimizeSession).
  const details = await fc.check(property, { seed, numRuns, ...(options.path ? { path: options.path } : {}), endOnFailure: kind === 'lsp' });
  if (!details.failed || !details.counterexample) return;
  let input = details.counterexample[0];
  const path = details.counterexamplePath ?? '';
  let error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  if (kind === 'lsp') {
    const minimized = await minimizeSession(input as SessionInput, error, worker, options, report);
    input = minimized.input;
    error = minimized.error;
  }
  const folder = join(repoRoot, 'build', 'fuzz', 'failures');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${kind}-seed${seed}-run${path.split(':')[0]}.json`);
  writeFileSync(file, JSON.stringify({ kind, seed, path, error, input }, null, 1));
  const failure: Failure = {
    kind,
    seed,
    path: kind === 'lsp' ? `${path} (then reduced)` : path,
    message: error,
    hang: lastError.hang || /^hang: /.test(error),
    exception: lastError.exception,
    input: describeInput(kind, input),
    file,
    replay: `npm run fuzz -- --replay ${file}   (or: --kind ${kind} --seed ${seed} --path ${path})`,
  };
  report.failures.push(failure);
  report.seen.add(signature(error));
  if (firstSignature) report.seen.add(firstSignature);
  options.log(formatFailure(failure));
}

/** What a failure is, without the details a smaller input changes (paths, positions, counts). */
function signature(message: string): string {
  return message.split('\n')[0]!.replace(/file:\/\/\S*|\/tmp\/\S*|\S+\.4gl/gi, '').replace(/\{.*\}/, '{}').replace(/\d+/g, 'N').slice(0, 120);
}

/**
 * A failing session made smaller within the shrink budget: cut after the failing action, then
 * halves, quarters, … of the actions removed while the same failure remains, then each workspace
 * file and the catalog.
 */
async function minimizeSession(input: SessionInput, error: string, worker: CheckWorker, options: CampaignOptions, report: KindReport): Promise<{ input: SessionInput; error: string }> {
  const started = performance.now();
  const wanted = signature(error);
  let best = input;
  let bestError = error;
  const scratch: SessionStats = { actions: 0, requests: 0, slowestMs: 0, slowestWhat: '', serverPeakRssKiB: 0, logErrors: 0 };
  const fails = async (candidate: SessionInput): Promise<boolean> => {
    if (performance.now() - started > options.budget.shrinkMs) return false;
    report.shrinks += 1;
    try {
      await runSession(candidate, worker, options.hangMs, scratch);
      return false;
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      if (signature(message) !== wanted) return false;
      best = candidate;
      bestError = message;
      return true;
    }
  };
  const at = /\(at action (\d+) of \d+/.exec(error);
  if (at && Number(at[1]) < input.actions.length) await fails({ ...input, actions: input.actions.slice(0, Number(at[1])) });
  for (let size = Math.ceil(best.actions.length / 2); size >= 1 && performance.now() - started < options.budget.shrinkMs; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let start = 0; start < best.actions.length && performance.now() - started < options.budget.shrinkMs;) {
      const candidate = { ...best, actions: [...best.actions.slice(0, start), ...best.actions.slice(start + size)] };
      if (!(await fails(candidate))) start += size;
    }
  }
  for (let index = best.files.length - 1; index >= 0; index--) await fails({ ...best, files: best.files.filter((_, other) => other !== index) });
  if (best.catalog) await fails({ ...best, catalog: null });
  return { input: best, error: bestError };
}

function summaryLine(report: KindReport): string {
  const what = report.kind === 'lsp' ? `${report.inputs} sessions, ${report.actions} actions (${report.requests} requests)` : `${report.inputs} inputs`;
  return `  ${report.kind.padEnd(12)} ${what}, ${report.failures.length} failure(s)${report.repeats ? ` (+${report.repeats} inputs failing the same way)` : ''}, slowest ${report.slowestMs.toFixed(0)} ms, ${(report.ms / 1000).toFixed(1)} s${report.shrinks ? `, ${report.shrinks} shrink steps` : ''}`;
}

export function formatFailure(failure: Failure): string {
  return [
    `FAIL ${failure.kind} (seed ${failure.seed}, path ${failure.path})${failure.hang ? ' [hang]' : failure.exception ? ' [exception]' : ''}`,
    `  ${failure.message.split('\n').slice(0, 14).join('\n  ')}`,
    `  input (shrunk): ${failure.input.slice(0, 3000)}`,
    `  full counterexample: ${failure.file}`,
    `  replay: ${failure.replay}`,
  ].join('\n');
}

export function formatReport(report: CampaignReport): string {
  const inputs = report.kinds.filter((kind) => kind.kind !== 'lsp').reduce((sum, kind) => sum + kind.inputs, 0);
  const lsp = report.kinds.find((kind) => kind.kind === 'lsp');
  const slowest = [...report.kinds].sort((a, b) => b.slowestMs - a.slowestMs)[0];
  return [
    `fuzz: seed ${report.seed}, ${(report.ms / 1000).toFixed(1)} s`,
    ...report.kinds.map(summaryLine),
    `inputs: ${inputs} in process${lsp ? `, ${lsp.inputs} LSP sessions with ${lsp.actions} actions (${lsp.requests} requests)` : ''}`,
    `exceptions: ${report.exceptions}, hangs: ${report.hangs}, failures: ${report.failures.length}`,
    slowest ? `slowest: ${slowest.slowestMs.toFixed(0)} ms (${slowest.kind}: ${slowest.slowestInput.slice(0, 200)})` : 'slowest: -',
    `peak RSS: fuzz process ${(report.fuzzPeakRssKiB / 1024).toFixed(0)} MB, language server ${(report.serverPeakRssKiB / 1024).toFixed(0)} MB`,
    `fuzz: ${inputs + (lsp?.actions ?? 0) - report.failures.length} passed, ${report.failures.length} failed`,
  ].join('\n');
}
