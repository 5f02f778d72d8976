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
    const where = [t({ message: 'line {0}', args: [run.line], comment: 'compare-log' }), ...(run.thread !== undefined ? [t({ message: 'thread {0}', args: [run.thread], comment: 'compare-log' })] : []), ...(run.menuKey !== null ? [t({ message: 'menu key {0}', args: [run.menuKey], comment: 'compare-log' })] : [])];
    lines.push('', `${run.program} (${where.join(', ')}): ${run.agree ? t({ message: 'agrees', comment: 'compare-log' }) : t({ message: 'DISAGREES', comment: 'compare-log' })}`);
    const { logged } = run;
    // The labels are padded to one width in each language: the two lists stand one above the other.
    const [logLabel, predictionLabel] = [t({ message: 'log:', comment: 'compare-log' }), t({ message: 'prediction:', comment: 'compare-log' })];
    const width = Math.max(logLabel.length, predictionLabel.length) + 1;
    lines.push(`  ${logLabel.padEnd(width)}FINAL ${logged.finalKeys ? logged.finalKeys.join(',') || t({ message: '(empty)', comment: 'compare-log' }) : t({ message: '(not shown)', comment: 'compare-log' })} · ${consumedText(logged.key, logged.slot)}`);
    if (run.predicted) lines.push(`  ${predictionLabel.padEnd(width)}FINAL ${run.predicted.finalKeys.join(',') || t({ message: '(empty)', comment: 'compare-log' })} · ${consumedText(run.predicted.key, run.predicted.slot)}`);
    for (const cause of run.causes) lines.push(`  ${cause.kind}: ${cause.message}`);
    for (const note of run.notes) lines.push(`  ${t({ message: 'note: {0}', args: [note], comment: 'compare-log' })}`);
  }
  return lines.join('\n') + '\n';
}

/** `1 run, 0 agree, 1 disagrees`: each count with its own words. */
function runCounts(summary: CompareLogReport['summary']): string {
  const runs = summary.runs === 1 ? t({ message: '1 run', comment: 'compare-log' }) : t({ message: '{0} runs', args: [summary.runs], comment: 'compare-log' });
  const agree = summary.agree === 1 ? t({ message: '1 agrees', comment: 'compare-log' }) : t({ message: '{0} agree', args: [summary.agree], comment: 'compare-log' });
  const disagree = summary.disagree === 1 ? t({ message: '1 disagrees', comment: 'compare-log' }) : t({ message: '{0} disagree', args: [summary.disagree], comment: 'compare-log' });
  return `${runs}, ${agree}, ${disagree}`;
}
