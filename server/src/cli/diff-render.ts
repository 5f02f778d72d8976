/**
 * Renderings of `diff`: what changes in license consumption between two trees
 * (license/report-diff.ts) as text, the JSON documented in the README, and Markdown for a
 * pull-request comment (it starts with an HTML comment a CI step can find to update its last one).
 */
import { quoteSource } from '../license/quote-source.js';
import { describeDetail, describeState, quoteList, type CatalogChange, type DetailKind, type FailOn, type ProgramChange, type ReportDiff } from '../license/report-diff.js';
import { cell } from './report-render.js';

/** The first line of the Markdown comment: a CI step finds its previous comment by it. */
const MARKDOWN_MARKER = '<!-- logix-license-diff -->';

export function diffToJson(diff: ReportDiff, failOn: FailOn, failingCount: number) {
  return {
    changes: diff.changes,
    catalog: diff.catalog,
    summary: { ...diff.summary, failOn, failing: failingCount },
  };
}

export function diffToText(diff: ReportDiff, base: string, head: string, failOn: FailOn, failingCount: number): string {
  const { summary } = diff;
  const lines = [`${base} → ${head}: ${summary.added} added, ${summary.removed} removed, ${summary.changed} changed` +
    (diff.changes.length > 0 ? ` (--fail-on ${failOn}: ${failingCount} failing)` : '')];
  if (diff.changes.length === 0) {
    lines.push('No change in license consumption.');
    return lines.join('\n') + '\n';
  }
  for (const change of diff.changes) {
    lines.push('', `${change.kind.padEnd(8)} ${quoteSource(change.program)}  (${where(change)})`);
    if (change.kind === 'added') lines.push(`  ${describeState(change.after!)}`);
    else if (change.kind === 'removed') lines.push(`  was: ${describeState(change.before!)}`);
    else for (const detail of change.details) lines.push(`  ${describeDetail(detail)}`);
  }
  if (diff.catalog.length > 0) {
    lines.push('', 'Catalog changes behind them:');
    for (const change of diff.catalog) lines.push(`  ${catalogText(change)}`);
  }
  return lines.join('\n') + '\n';
}

export function diffToMarkdown(diff: ReportDiff, failOn: FailOn, failingCount: number): string {
  const { summary } = diff;
  const lines = [MARKDOWN_MARKER, '### Logix license changes', ''];
  if (diff.changes.length === 0) {
    lines.push('No change in license consumption: every program keeps its final key list, default key and slot, and what it consumes under its menu key.');
    return lines.join('\n') + '\n';
  }
  lines.push(`**${summary.added} added · ${summary.removed} removed · ${summary.changed} changed**` +
    (failingCount > 0 ? ` — ${failingCount} ${failingCount === 1 ? 'matches' : 'match'} \`--fail-on ${failOn}\`` : ''), '');
  lines.push('| program | file | change | before | after | rule |', '|---|---|---|---|---|---|');
  for (const change of diff.changes) {
    const name = `**${cell(change.program)}**${change.environment !== '' ? ` (${cell(change.environment)})` : ''}`;
    const file = `\`${cell(change.file)}\``;
    if (change.kind === 'added') {
      lines.push(`| ${name} | ${file} | added | | ${cell(describeState(change.after!), false)} | |`);
      continue;
    }
    if (change.kind === 'removed') {
      lines.push(`| ${name} | ${file} | removed | ${cell(describeState(change.before!), false)} | | |`);
      continue;
    }
    change.details.forEach((detail, index) => {
      const label = DETAIL_LABELS[detail.what];
      const what = detail.key !== undefined ? `${label} \`${cell(detail.key)}\`` : label;
      const before = detailValue(detail.what, detail.before);
      const after = detailValue(detail.what, detail.after);
      const extra = [detail.from, detail.note].filter((text): text is string => text !== undefined).map((text) => cell(text, false)).join('; ');
      lines.push(`| ${index === 0 ? name : ''} | ${index === 0 ? file : ''} | ${what} | ${before} | ${after}${extra ? ` — ${extra}` : ''} | ${detail.rule ?? ''} |`);
    });
  }
  if (diff.catalog.length > 0) {
    lines.push('', '**Catalog changes behind them**', '');
    for (const change of diff.catalog) lines.push(`- ${cell(catalogText(change), false)}`);
  }
  lines.push('');
  return lines.join('\n');
}

const DETAIL_LABELS: Record<DetailKind, string> = {
  'file': 'file moved',
  'environment': 'environment',
  'final-list': 'final list',
  'key-added': 'key added',
  'key-removed': 'key removed',
  'key-moved': 'key moved',
  'key-origin': 'key held another way',
  'default-key': 'default key',
  'default-slot': 'default slot',
  'menu-key': 'configured menu key',
  'consumed-key': 'key consumed under the menu key',
  'consumed-slot': 'slot consumed under the menu key',
  'blocked': 'blocked',
  'consumes': 'consumes',
};

function detailValue(what: string, value: string | number | boolean | null): string {
  if (value === null) return what.endsWith('slot') ? 'unknown' : what.startsWith('key-') ? '' : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return what.startsWith('key-') ? `#${value}` : String(value);
  return value === '' ? '(empty)' : `\`${cell(quoteList(value), false)}\``;
}

function where(change: ProgramChange): string {
  return change.environment !== '' ? `${change.file}, environment ${change.environment}` : change.file;
}

function catalogText(change: CatalogChange): string {
  const env = change.environment !== '' ? ` (environment ${change.environment})` : '';
  const value = (text: string | number | null) => (text === null ? 'unknown' : String(text));
  return `${quoteList(change.key)}${env}: ${change.what} ${value(change.before)} → ${value(change.after)}; held by ${change.programs.map(quoteList).join(', ')}`;
}
