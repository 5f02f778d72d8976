/**
 * A whole debug log against a workspace folder's environments: which prediction each logged run is
 * compared with, the disagreements as LGX019 diagnostics on the programs' license calls, and the
 * report the editor shows. Pure: the folder's environments (as the CLI and the server index them)
 * and the runs in; data and text out.
 *
 * A program is looked up by name (the log names no file): in the root environment when it
 * defines it (its first file in path order, as every lookup by name), else in the one other
 * environment that does. Defined in several other environments and not in the root one, it is
 * ambiguous: the run gets an `unknown-program` cause saying so (compare from that environment's
 * folder instead). A program with no source anywhere gets one too: there is nothing to predict.
 */
import { t } from '../l10n/messages.js';
import type { Catalog } from '../license/catalog.js';
import { CODES } from '../license/codes.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { LicenseModel, ProgramSource } from '../license/model.js';
import { quoteSource } from '../license/quote-source.js';
import type { ResolutionLookup } from '../license/resolve.js';
import type { Range } from '../syntax/positions.js';
import { compareRun, type CauseKind, type Prediction, type RunComparison } from './compare.js';
import type { LoggedRun } from './read-log.js';

/** What the comparison needs of an environment (the CLI's and the server's `EnvironmentIndex`). */
export interface ComparedEnvironment {
  /** Its folder relative to the workspace folder, `''` for the root environment. */
  readonly root: string;
  readonly model: LicenseModel;
  readonly catalog: Catalog;
  readonly resolutionOf: ResolutionLookup;
}

/** A workspace folder's environments (`FolderIndex`): the root one, and all of them, root first. */
export interface ComparedFolder {
  readonly root: ComparedEnvironment;
  readonly all: readonly ComparedEnvironment[];
}

export interface CompareLogReport {
  readonly runs: readonly RunComparison[];
  /** For each run (same order), the program file it was compared with; absent for `unknown-program`. */
  readonly sources: readonly (ProgramSource | undefined)[];
  readonly summary: { readonly runs: number; readonly agree: number; readonly disagree: number };
}

export function compareLog(folder: ComparedFolder, runs: readonly LoggedRun[]): CompareLogReport {
  const predictions = new Map<string, Prediction>();
  const compared = runs.map((run) => {
    let prediction = predictions.get(run.program);
    if (!prediction) predictions.set(run.program, (prediction = predictionFor(folder, run.program)));
    return { comparison: compareRun(run, prediction), source: 'resolution' in prediction ? prediction.resolution.source : undefined };
  });
  const agree = compared.filter(({ comparison }) => comparison.agree).length;
  return {
    runs: compared.map(({ comparison }) => comparison),
    sources: compared.map(({ source }) => source),
    summary: { runs: compared.length, agree, disagree: compared.length - agree },
  };
}

function predictionFor(folder: ComparedFolder, program: string): Prediction {
  const root = folder.root;
  const defining = folder.all.filter((environment) => environment.model.sourcesOf(program).length > 0);
  const chosen = defining.includes(root) ? root : defining.length === 1 ? defining[0] : undefined;
  if (!chosen) {
    return defining.length > 1
      ? { unknown: t`${program} is defined in ${defining.length} environments (${defining.map(nameOf).join(', ')}) and not in the root one: which one ran is unknown; compare the log from one of them (compare-log LOGFILE DIR/<environment>)` }
      : { unknown: t`no source of ${program} under the folder (no ${program}.4gl with MAIN or FUNCTION ${program}): nothing to predict` };
  }
  const sources = chosen.model.sourcesOf(program);
  const notes: string[] = [];
  if (chosen !== root) notes.push(t`compared in environment ${nameOf(chosen)}, the only one defining ${program}`);
  if (sources.length > 1) {
    notes.push(chosen === root
      ? t`${program} is defined by ${sources.length} files of the root environment; the first in path order, ${sources[0]!.file}, is compared (LGX017)`
      : t`${program} is defined by ${sources.length} files of environment ${nameOf(chosen)}; the first in path order, ${sources[0]!.file}, is compared (LGX017)`);
  }
  const others = defining.filter((environment) => environment !== chosen);
  if (others.length > 0) notes.push(t`also defined in environment ${others.map(nameOf).join(', ')}: the root environment's is compared`);
  return { resolution: chosen.resolutionOf(program, sources[0]!.file), catalog: chosen.catalog, notes };
}

function nameOf(environment: ComparedEnvironment): string {
  return environment.root || '.';
}

// ---- LGX019 ----------------------------------------------------------------------------------

/** Where a program's LGX019 stands: its LOG_initApp / log001_acessa_usuario name, else its main unit's name. */
export function licenseCallRange(source: ProgramSource): Range {
  return source.declaration?.nameRange ?? source.mainUnit.nameRange;
}

/** How many log lines a merged LGX019 names before it counts the rest. */
const LINES_NAMED = 5;

function causeLabel(kind: Exclude<CauseKind, 'unknown-program'>): string {
  switch (kind) {
    case 'final-list': return t({ message: 'final list', comment: 'compare-log' });
    case 'slot': return t({ message: 'slot', comment: 'compare-log' });
    case 'menu-key': return t({ message: 'menu key', comment: 'compare-log' });
  }
}

/**
 * The disagreements as LGX019 diagnostics, one per program file and cause: runs of one program
 * with the same cause (the same message) make one diagnostic naming their log lines. A run with
 * no source to predict from (`unknown-program`) has no file to stand on: the report names it.
 */
export function disagreementDiagnostics(report: CompareLogReport, logName: string): LicenseDiagnostic[] {
  const merged = new Map<string, { source: ProgramSource; kind: Exclude<CauseKind, 'unknown-program'>; message: string; runs: RunComparison[] }>();
  report.runs.forEach((run, index) => {
    const source = report.sources[index];
    if (run.agree || !source) return;
    for (const cause of run.causes) {
      if (cause.kind === 'unknown-program') continue;
      const id = `${source.file}\u0000${cause.kind}\u0000${cause.message}`;
      const entry = merged.get(id) ?? { source, kind: cause.kind, message: cause.message, runs: [] };
      entry.runs.push(run);
      merged.set(id, entry);
    }
  });
  const shownLog = quoteSource(logName);
  return [...merged.values()].map(({ source, kind, message, runs }): LicenseDiagnostic => {
    const lines = runs.map((run) => run.line);
    const [first] = runs as [RunComparison];
    const where = runs.length === 1
      ? t({ message: 'line {0}', args: [first.line], comment: 'compare-log' }) + runDetails(first)
      : t`lines ${namedLines(lines)} (${runs.length} runs)`;
    return {
      file: source.file,
      range: licenseCallRange(source),
      severity: CODES.LGX019.severity,
      code: 'LGX019',
      message: t`the AppServer log ${shownLog}, ${where}, disagrees with the prediction for ${source.name}: ${causeLabel(kind)} — ${message}`,
      data: { code: 'LGX019', program: source.name, cause: kind, logLines: lines },
    };
  });
}

/** ` (thread 13576, menu key WMS)`, or nothing. */
function runDetails(run: RunComparison): string {
  const details = [...(run.thread !== undefined ? [t({ message: 'thread {0}', args: [run.thread], comment: 'compare-log' })] : []), ...(run.menuKey !== null ? [t({ message: 'menu key {0}', args: [quoteSource(run.menuKey)], comment: 'compare-log' })] : [])];
  return details.length > 0 ? ` (${details.join(', ')})` : '';
}

function namedLines(lines: readonly number[]): string {
  const named = lines.slice(0, LINES_NAMED).join(', ');
  return lines.length > LINES_NAMED ? t`${named} and ${lines.length - LINES_NAMED} more` : named;
}

// ---- the report ------------------------------------------------------------------------------

export interface MarkdownReportOptions {
  /** The log's name as the user knows it (its file name). */
  readonly logName: string;
  /** The workspace folder's name. */
  readonly folderName: string;
  /** A link to a place in a file of the folder; none: files are named without links. */
  readonly linkTo?: (file: string, range: Range) => string;
  /** The number of LGX019 diagnostics the comparison left on the programs. */
  readonly diagnostics: number;
}

/** The comparison as Markdown: a summary, a table of the runs, then each disagreement and the notes. */
export function compareLogToMarkdown(report: CompareLogReport, options: MarkdownReportOptions): string {
  const { summary } = report;
  const counts = [
    summary.runs === 1 ? t({ message: '1 run', comment: 'compare-log' }) : t({ message: '{0} runs', args: [summary.runs], comment: 'compare-log' }),
    summary.agree === 1 ? t({ message: '1 agrees', comment: 'compare-log' }) : t({ message: '{0} agree', args: [summary.agree], comment: 'compare-log' }),
    summary.disagree === 1 ? t({ message: '1 disagrees', comment: 'compare-log' }) : t({ message: '{0} disagree', args: [summary.disagree], comment: 'compare-log' }),
  ].join(', ');
  const lines = [
    `# ${t`AppServer log comparison`}`,
    '',
    t`**${escape(options.logName)}** against the folder **${escape(options.folderName)}**: ${counts}.`,
    '',
    options.diagnostics === 0
      ? t`No disagreement is shown on a program.`
      : options.diagnostics === 1
        ? t`The disagreements are shown as 1 LGX019 warning on the programs' license calls until they are cleared (*Logix: Clear AppServer log comparison*) or another comparison replaces them.`
        : t`The disagreements are shown as ${options.diagnostics} LGX019 warnings on the programs' license calls until they are cleared (*Logix: Clear AppServer log comparison*) or another comparison replaces them.`,
    '',
    t`| log line | program | thread | menu key | log: FINAL · consumed | prediction: FINAL · consumed | result |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const run of report.runs) {
    const logged = `${finalOf(run.logged.finalKeys)} · ${consumedText(run.logged.key, run.logged.slot)}`;
    const predicted = run.predicted ? `${finalOf(run.predicted.finalKeys)} · ${consumedText(run.predicted.key, run.predicted.slot)}` : '—';
    const result = run.agree ? t({ message: 'agrees', comment: 'compare-log' }) : t`**disagrees**: ${[...new Set(run.causes.map((cause) => cause.kind))].join(', ')}`;
    lines.push(`| ${run.line} | ${cell(run.program)} | ${cell(run.thread ?? '')} | ${cell(run.menuKey ?? '')} | ${cell(logged)} | ${cell(predicted)} | ${result} |`);
  }
  report.runs.forEach((run, index) => {
    if (run.agree && run.notes.length === 0) return;
    const source = report.sources[index];
    const where = [t({ message: 'log line {0}', args: [run.line], comment: 'compare-log' }), ...(run.thread !== undefined ? [t({ message: 'thread {0}', args: [escape(run.thread)], comment: 'compare-log' })] : []), ...(run.menuKey !== null ? [t({ message: 'menu key {0}', args: [escape(run.menuKey)], comment: 'compare-log' })] : [])];
    lines.push('', `## ${escape(run.program)} (${where.join(', ')}): ${run.agree ? t({ message: 'agrees', comment: 'compare-log' }) : t({ message: 'disagrees', comment: 'compare-log' })}`, '');
    if (source) {
      const name = `${source.file}:${licenseCallRange(source).start.line + 1}`;
      lines.push(`- ${t`compared with ${options.linkTo ? `[${escape(name)}](${options.linkTo(source.file, licenseCallRange(source))})` : escape(name)}`}`);
    }
    for (const cause of run.causes) lines.push(`- **${cause.kind}**: ${escape(cause.message)}`);
    for (const note of run.notes) lines.push(`- ${t({ message: 'note: {0}', args: [escape(note)], comment: 'compare-log' })}`);
  });
  return lines.join('\n') + '\n';
}

function finalOf(keys: readonly string[] | null): string {
  return keys === null ? t({ message: '(not shown)', comment: 'compare-log' }) : keys.join(',') || t({ message: '(empty)', comment: 'compare-log' });
}

/** What a run consumed, logged or predicted: `MANENG, slot 7150`, `slot unknown`, `no slot`. */
export function consumedText(key: string | null, slot: number | null): string {
  const slotShown = slot === null ? t({ message: 'slot unknown', comment: 'compare-log' }) : t({ message: 'slot {0}', args: [slot], comment: 'compare-log' });
  if (key === null) return slot === null ? t({ message: 'no slot', comment: 'compare-log' }) : slotShown;
  return `${key}, ${slotShown}`;
}

/** Text from the log as plain Markdown: its punctuation never formats. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`);
}

function cell(text: string): string {
  return escape(text.replace(/[\r\n]+/g, ' '));
}
