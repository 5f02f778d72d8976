/**
 * `compare-log`: the text and JSON reports of a log compared with a folder's predictions (the
 * comparison itself, and which prediction each run is compared with, is applog/compare-folder.ts,
 * shared with the editor's *Compare with AppServer log*).
 */
import type { CompareLogReport } from '../applog/compare-folder.js';

export { compareLog, type CompareLogReport } from '../applog/compare-folder.js';

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
