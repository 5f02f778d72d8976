/**
 * Renderings of `diff`: what changes in license consumption between two trees
 * (license/report-diff.ts) as text, the JSON documented in the README, and Markdown for a
 * pull-request comment (it starts with an HTML comment a CI step can find to update its last one).
 */
import { t } from '../l10n/messages.js';
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
  const lines = [`${base} → ${head}: ${t`${summary.added} added, ${summary.removed} removed, ${summary.changed} changed`}` +
    (diff.changes.length > 0 ? ` (${t`--fail-on ${failOn}: ${failingCount} failing`})` : '')];
  if (diff.changes.length === 0) {
    lines.push(t`No change in license consumption.`);
    return lines.join('\n') + '\n';
  }
  const kindWidth = Math.max(8, ...diff.changes.map((change) => kindLabel(change.kind).length));
  for (const change of diff.changes) {
    lines.push('', `${kindLabel(change.kind).padEnd(kindWidth)} ${quoteSource(change.program)}  (${where(change)})`);
    if (change.kind === 'added') lines.push(`  ${describeState(change.after!)}`);
    else if (change.kind === 'removed') lines.push(`  ${t({ message: 'was: {0}', args: [describeState(change.before!)], comment: 'diff' })}`);
    else for (const detail of change.details) lines.push(`  ${describeDetail(detail)}`);
  }
  if (diff.catalog.length > 0) {
    lines.push('', t`Catalog changes behind them:`);
    for (const change of diff.catalog) lines.push(`  ${catalogText(change)}`);
  }
  return lines.join('\n') + '\n';
}

export function diffToMarkdown(diff: ReportDiff, failOn: FailOn, failingCount: number): string {
  const { summary } = diff;
  const lines = [MARKDOWN_MARKER, `### ${t`Logix license changes`}`, ''];
  if (diff.changes.length === 0) {
    lines.push(t`No change in license consumption: every program keeps its final key list, default key and slot, and what it consumes under its menu key.`);
    return lines.join('\n') + '\n';
  }
  const failingText = failingCount === 1 ? t`1 matches \`--fail-on ${failOn}\`` : t`${failingCount} match \`--fail-on ${failOn}\``;
  lines.push(`**${t`${summary.added} added · ${summary.removed} removed · ${summary.changed} changed`}**` +
    (failingCount > 0 ? ` — ${failingText}` : ''), '');
  lines.push(t`| program | file | change | before | after | rule |`, '|---|---|---|---|---|---|');
  for (const change of diff.changes) {
    const name = `**${cell(change.program)}**${change.environment !== '' ? ` (${cell(change.environment)})` : ''}`;
    const file = `\`${cell(change.file)}\``;
    if (change.kind === 'added') {
      lines.push(`| ${name} | ${file} | ${kindLabel('added')} | | ${cell(describeState(change.after!), false)} | |`);
      continue;
    }
    if (change.kind === 'removed') {
      lines.push(`| ${name} | ${file} | ${kindLabel('removed')} | ${cell(describeState(change.before!), false)} | | |`);
      continue;
    }
    change.details.forEach((detail, index) => {
      const label = detailLabel(detail.what);
      const what = detail.key !== undefined ? `${label} \`${cell(detail.key)}\`` : label;
      const before = detailValue(detail.what, detail.before);
      const after = detailValue(detail.what, detail.after);
      const extra = [detail.from, detail.note].filter((text): text is string => text !== undefined).map((text) => cell(text, false)).join('; ');
      lines.push(`| ${index === 0 ? name : ''} | ${index === 0 ? file : ''} | ${what} | ${before} | ${after}${extra ? ` — ${extra}` : ''} | ${detail.rule ?? ''} |`);
    });
  }
  if (diff.catalog.length > 0) {
    lines.push('', `**${t`Catalog changes behind them`}**`, '');
    for (const change of diff.catalog) lines.push(`- ${cell(catalogText(change), false)}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The label of a detail in the Markdown table (made when said: the language is chosen at start-up). */
function detailLabel(what: DetailKind): string {
  switch (what) {
    case 'file': return t({ message: 'file moved', comment: 'diff' });
    case 'environment': return t({ message: 'environment', comment: 'diff' });
    case 'final-list': return t({ message: 'final list', comment: 'diff' });
    case 'key-added': return t({ message: 'key added', comment: 'diff' });
    case 'key-removed': return t({ message: 'key removed', comment: 'diff' });
    case 'key-moved': return t({ message: 'key moved', comment: 'diff' });
    case 'key-origin': return t({ message: 'key held another way', comment: 'diff' });
    case 'default-key': return t({ message: 'default key', comment: 'diff' });
    case 'default-slot': return t({ message: 'default slot', comment: 'diff' });
    case 'menu-key': return t({ message: 'configured menu key', comment: 'diff' });
    case 'consumed-key': return t({ message: 'key consumed under the menu key', comment: 'diff' });
    case 'consumed-slot': return t({ message: 'slot consumed under the menu key', comment: 'diff' });
    case 'blocked': return t({ message: 'blocked', comment: 'diff' });
    case 'consumes': return t({ message: 'consumes', comment: 'diff' });
  }
}

/** `added`, `removed`, `changed` as the text and Markdown say them (JSON keeps the value). */
function kindLabel(kind: ProgramChange['kind']): string {
  switch (kind) {
    case 'added': return t({ message: 'added', comment: 'diff' });
    case 'removed': return t({ message: 'removed', comment: 'diff' });
    case 'changed': return t({ message: 'changed', comment: 'diff' });
  }
}

function detailValue(what: string, value: string | number | boolean | null): string {
  if (value === null) return what.endsWith('slot') ? t({ message: 'unknown', comment: 'diff' }) : what.startsWith('key-') ? '' : t({ message: 'none', comment: 'diff' });
  if (typeof value === 'boolean') return value ? t({ message: 'yes', comment: 'diff' }) : t({ message: 'no', comment: 'diff' });
  if (typeof value === 'number') return what.startsWith('key-') ? `#${value}` : String(value);
  return value === '' ? t({ message: '(empty)', comment: 'diff' }) : `\`${cell(quoteList(value), false)}\``;
}

function where(change: ProgramChange): string {
  return change.environment !== '' ? `${change.file}, ${t({ message: 'environment {0}', args: [change.environment], comment: 'diff' })}` : change.file;
}

function catalogText(change: CatalogChange): string {
  const env = change.environment !== '' ? ` (${t({ message: 'environment {0}', args: [change.environment], comment: 'diff' })})` : '';
  const value = (text: string | number | null) => (text === null ? t({ message: 'unknown', comment: 'diff' }) : String(text));
  const what = change.what === 'slot' ? t({ message: 'slot', comment: 'diff' }) : t({ message: 'status', comment: 'diff' });
  return `${quoteList(change.key)}${env}: ${what} ${value(change.before)} → ${value(change.after)}; ${t({ message: 'held by {0}', args: [change.programs.map(quoteList).join(', ')], comment: 'diff' })}`;
}
