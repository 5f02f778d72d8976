/**
 * `compare-log`: the text and JSON reports of a log compared with a folder's predictions (the
 * comparison itself, and which prediction each run is compared with, is applog/compare-folder.ts,
 * shared with the editor's *Compare with AppServer log*).
 */
import { t } from '../l10n/messages.js';
import { consumedText, type CompareLogReport } from '../applog/compare-folder.js';

export { compareLog, type CompareLogReport } from '../applog/compare-folder.js';

export function compareLogToJson(report: CompareLogReport) {
  return { runs: report.runs, summary: report.summary };
}

export function compareLogToText(report: CompareLogReport, logFile: string): string {
  const { summary } = report;
  const lines = [`${logFile}: ${runCounts(summary)}`];
  for (const run of report.runs) {
    const where = [t`line ${run.line}`, ...(run.thread !== undefined ? [t`thread ${run.thread}`] : []), ...(run.menuKey !== null ? [t`menu key ${run.menuKey}`] : [])];
    lines.push('', `${run.program} (${where.join(', ')}): ${run.agree ? t`agrees` : t`DISAGREES`}`);
    const { logged } = run;
    // The labels are padded to one width in each language: the two lists stand one above the other.
    const [logLabel, predictionLabel] = [t`log:`, t`prediction:`];
    const width = Math.max(logLabel.length, predictionLabel.length) + 1;
    lines.push(`  ${logLabel.padEnd(width)}FINAL ${logged.finalKeys ? logged.finalKeys.join(',') || t`(empty)` : t`(not shown)`} · ${consumedText(logged.key, logged.slot)}`);
    if (run.predicted) lines.push(`  ${predictionLabel.padEnd(width)}FINAL ${run.predicted.finalKeys.join(',') || t`(empty)`} · ${consumedText(run.predicted.key, run.predicted.slot)}`);
    for (const cause of run.causes) lines.push(`  ${cause.kind}: ${cause.message}`);
    for (const note of run.notes) lines.push(`  ${t`note: ${note}`}`);
  }
  return lines.join('\n') + '\n';
}

/** `1 run, 0 agree, 1 disagrees`: each count with its own words. */
function runCounts(summary: CompareLogReport['summary']): string {
  const runs = summary.runs === 1 ? t`1 run` : t`${summary.runs} runs`;
  const agree = summary.agree === 1 ? t`1 agrees` : t`${summary.agree} agree`;
  const disagree = summary.disagree === 1 ? t`1 disagrees` : t`${summary.disagree} disagree`;
  return `${runs}, ${agree}, ${disagree}`;
}
