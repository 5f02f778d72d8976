/**
 * `compare-log`: which prediction each logged run is compared with, and the text and JSON reports.
 *
 * A program is looked up by name (the log names no file): in the root environment when it
 * defines it (its first file in path order, as every lookup by name), else in the one other
 * environment that does. Defined in several other environments and not in the root one, it is
 * ambiguous: the run gets an `unknown-program` cause saying so (compare from that environment's
 * folder instead). A program with no source anywhere gets one too: there is nothing to predict.
 */
import { compareRun, type RunComparison, type Prediction } from '../applog/compare.js';
import type { LoggedRun } from '../applog/read-log.js';
import type { WorkspaceAnalysis } from '../workspace/analysis.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';

export interface CompareLogReport {
  readonly runs: readonly RunComparison[];
  readonly summary: { readonly runs: number; readonly agree: number; readonly disagree: number };
}

export function compareLog(analysis: WorkspaceAnalysis, runs: readonly LoggedRun[]): CompareLogReport {
  const predictions = new Map<string, Prediction>();
  const compared = runs.map((run) => {
    let prediction = predictions.get(run.program);
    if (!prediction) predictions.set(run.program, (prediction = predictionFor(analysis, run.program)));
    return compareRun(run, prediction);
  });
  const agree = compared.filter((comparison) => comparison.agree).length;
  return { runs: compared, summary: { runs: compared.length, agree, disagree: compared.length - agree } };
}

export function predictionFor(analysis: WorkspaceAnalysis, program: string): Prediction {
  const root = analysis.folder.root;
  const defining = analysis.environments.filter((environment) => environment.model.sourcesOf(program).length > 0);
  const chosen = defining.includes(root) ? root : defining.length === 1 ? defining[0] : undefined;
  if (!chosen) {
    return defining.length > 1
      ? { unknown: `${program} is defined in ${defining.length} environments (${defining.map(nameOf).join(', ')}) and not in the root one: which one ran is unknown; compare the log from one of them (compare-log LOGFILE DIR/<environment>)` }
      : { unknown: `no source of ${program} under the folder (no ${program}.4gl with MAIN or FUNCTION ${program}): nothing to predict` };
  }
  const sources = chosen.model.sourcesOf(program);
  const notes: string[] = [];
  if (chosen !== root) notes.push(`compared in environment ${nameOf(chosen)}, the only one defining ${program}`);
  if (sources.length > 1) {
    notes.push(`${program} is defined by ${sources.length} files of ${chosen === root ? 'the root environment' : `environment ${nameOf(chosen)}`}; the first in path order, ${sources[0]!.file}, is compared (LGX017)`);
  }
  const others = defining.filter((environment) => environment !== chosen);
  if (others.length > 0) notes.push(`also defined in environment ${others.map(nameOf).join(', ')}: the root environment's is compared`);
  return { resolution: chosen.resolutionOf(program, sources[0]!.file), catalog: chosen.catalog, notes };
}

function nameOf(environment: EnvironmentIndex): string {
  return environment.root || '.';
}

export function compareLogToJson(report: CompareLogReport) {
  return { runs: report.runs, summary: report.summary };
}

export function compareLogToText(report: CompareLogReport, logFile: string): string {
  const { summary } = report;
  const lines = [`${logFile}: ${summary.runs} run${summary.runs === 1 ? '' : 's'}, ${summary.agree} agree${summary.agree === 1 ? 's' : ''}, ${summary.disagree} disagree${summary.disagree === 1 ? 's' : ''}`];
  for (const run of report.runs) {
    const where = [`line ${run.line}`, ...(run.thread !== undefined ? [`thread ${run.thread}`] : []), ...(run.menuKey !== null ? [`menu key ${run.menuKey}`] : [])];
    lines.push('', `${run.program} (${where.join(', ')}): ${run.agree ? 'agrees' : 'DISAGREES'}`);
    const { logged } = run;
    lines.push(`  log:        FINAL ${logged.finalKeys ? logged.finalKeys.join(',') || '(empty)' : '(not shown)'} · ${consumed(logged.key, logged.slot)}`);
    if (run.predicted) lines.push(`  prediction: FINAL ${run.predicted.finalKeys.join(',') || '(empty)'} · ${consumed(run.predicted.key, run.predicted.slot)}`);
    for (const cause of run.causes) lines.push(`  ${cause.kind}: ${cause.message}`);
    for (const note of run.notes) lines.push(`  note: ${note}`);
  }
  return lines.join('\n') + '\n';
}

function consumed(key: string | null, slot: number | null): string {
  if (key === null) return slot === null ? 'no slot' : `slot ${slot}`;
  return `${key}, ${slot === null ? 'slot unknown' : `slot ${slot}`}`;
}
