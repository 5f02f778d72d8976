/**
 * Renderings of `report`: the license map of a tree (license/report.ts) as text for a terminal,
 * the JSON documented in the README, Markdown tables for a wiki page or a pull-request comment,
 * and CSV with one row per (key, program). Paths are relative to DIR, lines 1-based; the root
 * environment is `""` in JSON and CSV, `.` in text and Markdown.
 */
import { t } from '../l10n/messages.js';
import { quoteSource } from '../license/quote-source.js';
import { describeHolding, describeProgramConsumption, slotText, type EnvironmentReport, type KeyHolder, type KeyReport, type LicenseReport, type ProgramReport, type ReportSummary, type SlotCount } from '../license/report.js';
import type { SourceRef } from '../license/resolve.js';

const lineOf = (source: SourceRef | undefined): number | null => (source ? source.range.start.line + 1 : null);
const slotOrNull = (slot: number | null | undefined): number | null => (typeof slot === 'number' ? slot : null);
const environmentName = (root: string): string => root || '.';
/** A catalog description (the user's JSON, not source text): shown whole, line breaks and control characters as spaces. */
const descriptionText = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');

export function reportToJson(report: LicenseReport) {
  const environments = report.environments;
  return {
    keys: environments.flatMap((environment) => environment.keys.map((key) => ({
      key: key.key,
      slot: slotOrNull(key.slot),
      area: key.area ?? null,
      description: key.description ?? null,
      environment: key.environment,
      status: key.status,
      programs: key.programs.map((holder) => ({
        program: holder.program,
        file: holder.file,
        how: holder.how,
        rule: holder.rule,
        area: holder.area ?? null,
        position: holder.position,
        default: holder.default,
        sourceFile: holder.source?.file ?? null,
        line: lineOf(holder.source),
      })),
    }))),
    programs: environments.flatMap((environment) => environment.programs.map((program) => ({
      program: program.program,
      file: program.file,
      environment: program.environment,
      area: program.area ?? null,
      finalKeys: program.finalKeys.map((entry) => entry.key),
      keyOrigins: program.finalKeys.map((entry) => ({ key: entry.key, how: entry.how, rule: entry.rule, area: entry.area ?? null, file: entry.source?.file ?? null, line: lineOf(entry.source) })),
      defaultKey: program.defaultKey ?? null,
      defaultSlot: slotOrNull(program.defaultSlot),
      menuKey: program.menuKey ?? null,
      consumedKey: program.consumption.key ?? null,
      menuSlot: slotOrNull(program.consumption.slot),
      licenseType: program.consumption.licenseType,
      rule: program.consumption.rule,
      consumes: program.consumes,
      blocked: program.blocked,
      free: program.consumes === 'free',
      assumed: program.assumed,
      line: lineOf(program.declaration),
    }))),
    environments: environments.map((environment) => ({
      environment: environment.root,
      catalog: environment.catalog,
      catalogFile: environment.catalogFile ?? null,
      complete: environment.complete,
      summary: summaryToJson(environment.summary),
    })),
    summary: { environments: report.summary.environments, ...summaryToJson(report.summary) },
  };
}

function summaryToJson(summary: ReportSummary) {
  return {
    programs: summary.programs,
    keys: summary.keys,
    keysHeld: summary.keysHeld,
    blocked: summary.blocked,
    free: summary.free,
    none: summary.none,
    withoutDefaultKey: summary.withoutDefaultKey,
    byDefaultSlot: summary.byDefaultSlot,
    byConsumedSlot: summary.byConsumedSlot,
  };
}

// ---- text ----------------------------------------------------------------------------------------

export function reportToText(report: LicenseReport): string {
  const lines: string[] = [];
  const several = report.environments.length > 1;
  for (const environment of report.environments) {
    if (several || environment.root !== '') {
      const name = environmentName(environment.root);
      lines.push(environment.complete ? t`Environment ${name} (${environment.catalog}, complete)` : t`Environment ${name} (${environment.catalog}, partial)`, '');
    }
    lines.push(t`Keys (slot, area, status, programs holding it):`);
    // The slot and status columns as wide as their longest text in this language.
    const slotLabel = (key: KeyReport) => t({ message: 'slot {0}', args: [slotText(key.slot)], comment: 'report' });
    const slotWidth = Math.max(18, ...environment.keys.map((key) => slotLabel(key).length));
    const statusWidth = Math.max(10, ...environment.keys.map((key) => statusLabel(key.status).length));
    const width = Math.max(8, ...environment.keys.map((key) => quoteSource(key.key).length));
    for (const key of environment.keys) {
      // Programs, not positions: a program holding the key twice counts once.
      const held = new Set(key.programs.filter((holder) => holder.how !== 'dropped').map((holder) => holder.file)).size;
      const count = key.status === 'invalid' ? writtenBy(new Set(key.programs.map((holder) => holder.file)).size) : programCount(held);
      lines.push(`  ${quoteSource(key.key).padEnd(width)}  ${slotLabel(key).padEnd(slotWidth)} ${(key.area ?? '-').padEnd(4)} ${statusLabel(key.status).padEnd(statusWidth)} ${count}${key.description ? ` — ${descriptionText(key.description)}` : ''}`);
      const programWidth = Math.max(8, ...key.programs.map((holder) => quoteSource(holder.displayName).length));
      for (const holder of key.programs) {
        lines.push(`      ${quoteSource(holder.displayName).padEnd(programWidth)}  ${holder.position === null ? '  -' : `#${holder.position}`.padStart(3)}  ${describeHolding(holder)}${holder.default ? t({ message: ', default key', comment: 'report' }) : ''}${holderWhere(holder)}`);
      }
    }
    lines.push('', t`Programs (final key list; default key and slot; under the configured menu key):`);
    const width2 = Math.max(8, ...environment.programs.map((program) => quoteSource(program.displayName).length));
    const repeated = repeatedNames(environment);
    for (const program of environment.programs) {
      const keys = program.finalKeys.map((entry) => quoteSource(entry.key)).join(',') || t({ message: '(no valid key)', comment: 'report' });
      const defaults = program.defaultKey !== undefined ? t({ message: 'default {0} (slot {1})', args: [quoteSource(program.defaultKey), slotText(program.defaultSlot)], comment: 'report' }) : t({ message: 'no default key', comment: 'report' });
      const menuKey = program.menuKey !== undefined ? quoteSource(program.menuKey) : t({ message: '(none configured)', comment: 'report' });
      lines.push(`  ${quoteSource(program.displayName).padEnd(width2)}  ${(program.area ?? '-').padEnd(3)}  ${keys}` +
        `${repeated.has(program.program) ? `  (${program.file})` : ''}`);
      lines.push(`  ${''.padEnd(width2)}       ${defaults} · ${t({ message: 'menu key {0}', args: [menuKey], comment: 'report' })} → ${describeProgramConsumption(program)}`);
    }
    lines.push('', ...summaryText(environment.summary), '');
  }
  if (several) lines.push(t`All ${report.summary.environments} environments:`, ...summaryText(report.summary), '');
  return lines.join('\n');
}

function summaryText(summary: ReportSummary): string[] {
  const lines = [`${programCount(summary.programs)}, ${keyCount(summary.keys)} ` +
    t`(${summary.keysHeld} held by a program): ${summary.blocked} blocked, ${summary.free} free (R12), ${summary.none} never asking for a license (R1), ${summary.withoutDefaultKey} without a default key`];
  // One column for the slot in both tables, as wide as its longest label in this language.
  const slotWidth = Math.max(14, ...[...summary.byDefaultSlot, ...summary.byConsumedSlot].map((count) => slotCountLabel(count).length));
  const row = (count: SlotCount) => `    ${slotCountLabel(count).padEnd(slotWidth)} ${String(count.programs).padStart(5)}  (${count.keys.map(quoteSource).join(', ')})`;
  lines.push(`  ${t`programs per default slot:`}`);
  for (const count of summary.byDefaultSlot) lines.push(row(count));
  lines.push(`  ${t`programs per slot consumed under the configured menu key:`}`);
  for (const count of summary.byConsumedSlot) lines.push(row(count));
  return lines;
}

function slotCountLabel(count: SlotCount): string {
  return count.slot === null ? t({ message: 'slot unknown', comment: 'report' }) : t({ message: 'slot {0}', args: [count.slot], comment: 'report' });
}

function holderWhere(holder: KeyHolder): string {
  return holder.source ? `  [${holder.source.file}:${holder.source.range.start.line + 1}]` : '';
}

/** Program names defined by several files of one environment (LGX017): listed with their file. */
function repeatedNames(environment: EnvironmentReport): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const program of environment.programs) (seen.has(program.program) ? repeated : seen).add(program.program);
  return repeated;
}

// ---- Markdown ------------------------------------------------------------------------------------

export function reportToMarkdown(report: LicenseReport): string {
  const lines: string[] = [`# ${t({ message: 'License map', comment: 'report' })}`, ''];
  const several = report.environments.length > 1;
  if (several) {
    lines.push(t`${report.summary.environments} environments: ${report.environments.map((environment) => `\`${environmentName(environment.root)}\``).join(', ')}.`, '');
    lines.push(...summaryMarkdown(report.summary, '##'), '');
  }
  for (const environment of report.environments) {
    const heading = several ? '###' : '##';
    if (several) lines.push(`## ${t`Environment \`${cell(environmentName(environment.root))}\``}`, '');
    const catalog = cell(environment.catalog);
    lines.push(environment.complete ? t`Catalog: ${catalog} (complete).` : t`Catalog: ${catalog} (partial: keys it does not list are unverified, assumed to exist).`, '');
    if (!several) lines.push(...summaryMarkdown(environment.summary, heading), '');
    else lines.push(`${programCount(environment.summary.programs)}, ${keyCount(environment.summary.keys)}, ${t`${environment.summary.blocked} blocked.`}`, '');
    lines.push(`${heading} ${t({ message: 'Keys', comment: 'report' })}`, '');
    lines.push(t`| key | slot | area | status | description | programs (position, how) |`, '|---|---|---|---|---|---|');
    for (const key of environment.keys) lines.push(keyRow(key));
    lines.push('', `${heading} ${t({ message: 'Programs', comment: 'report' })}`, '');
    lines.push(t`| program | file | final keys | default key (slot) | menu key | consumed |`, '|---|---|---|---|---|---|');
    for (const program of environment.programs) lines.push(programRow(program));
    lines.push('');
  }
  lines.push(t`*How*: declared in LOG_initApp (R5), the area default (R6), its own area's SYSTEMKEY file (R4), another area's SYSTEMKEY file (R7); a key in **bold** is the program's default key (R8). *Consumed*: under the menu key the catalog configures (R9–R11), nothing for a free program (R12) or one that never asks (R1).`, '');
  return lines.join('\n');
}

function summaryMarkdown(summary: ReportSummary, heading: string): string[] {
  const lines = [`${heading} ${t({ message: 'Summary', comment: 'report' })}`, '', t`| programs | keys | keys held | blocked | free (R12) | never asking (R1) | without a default key |`, '|---|---|---|---|---|---|---|'];
  lines.push(`| ${summary.programs} | ${summary.keys} | ${summary.keysHeld} | ${summary.blocked} | ${summary.free} | ${summary.none} | ${summary.withoutDefaultKey} |`, '');
  lines.push(t`| default slot | keys | programs |`, '|---|---|---|');
  for (const count of summary.byDefaultSlot) lines.push(`| ${count.slot ?? t({ message: 'unknown', comment: 'report' })} | ${count.keys.map((key) => `\`${cell(key)}\``).join(', ')} | ${count.programs} |`);
  return lines;
}

function keyRow(key: KeyReport): string {
  const holders = key.programs.map((holder) => {
    const name = cell(holder.displayName);
    return `${holder.default ? `**${name}**` : name} (${holder.position === null ? '-' : `#${holder.position}`}, ${cell(describeHolding(holder))})`;
  }).join(', ');
  return `| \`${cell(key.key)}\` | ${slotText(key.slot)} | ${cell(key.area ?? '')} | ${statusLabel(key.status)} | ${cell(descriptionText(key.description ?? ''), false)} | ${holders || '—'} |`;
}

function programRow(program: ProgramReport): string {
  const keys = program.finalKeys.map((entry) => `\`${cell(entry.key)}\``).join(', ') || t({ message: '(no valid key)', comment: 'report' });
  const defaults = program.defaultKey !== undefined ? `\`${cell(program.defaultKey)}\` (${slotText(program.defaultSlot)})` : '—';
  const menu = program.menuKey !== undefined ? `\`${cell(program.menuKey)}\`` : t({ message: '(none)', comment: 'report' });
  return `| ${cell(program.displayName)} | \`${cell(program.file)}\` | ${keys} | ${defaults} | ${menu} | ${cell(describeProgramConsumption(program))} |`;
}

/** Text in a Markdown table cell: source text quoted as the reports quote it (`fromSource`), pipes escaped, backticks (which would end a code span) as '. */
export function cell(text: string, fromSource = true): string {
  return (fromSource ? quoteSource(text) : text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'");
}

// ---- CSV -----------------------------------------------------------------------------------------

const CSV_HEADER = ['environment', 'key', 'slot', 'area', 'status', 'description', 'program', 'file', 'how', 'rule', 'position', 'default'] as const;

/**
 * One row per (key, program holding or writing it); a key held twice by a program has a row per
 * position; a key no program holds has one row with the program columns empty. RFC 4180: CRLF,
 * fields with a comma, quote or line break quoted.
 */
export function reportToCsv(report: LicenseReport): string {
  const rows: (string | number | null)[][] = [[...CSV_HEADER]];
  for (const environment of report.environments) {
    for (const key of environment.keys) {
      const base = [environment.root, key.key, slotOrNull(key.slot), key.area ?? '', key.status, key.description ?? ''];
      if (key.programs.length === 0) rows.push([...base, '', '', '', '', '', '']);
      for (const holder of key.programs) {
        rows.push([...base, holder.program, holder.file, holder.how, holder.rule, holder.position, holder.default ? 'yes' : 'no']);
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---- words ---------------------------------------------------------------------------------------

/** A key's status as the text and Markdown say it (JSON and CSV keep the value). */
function statusLabel(status: KeyReport['status']): string {
  switch (status) {
    case 'known':
      return t({ message: 'known', comment: 'report' });
    case 'unverified':
      return t({ message: 'unverified', comment: 'report' });
    case 'invalid':
      return t({ message: 'invalid', comment: 'report' });
  }
}

function programCount(count: number): string {
  return count === 1 ? t({ message: '1 program', comment: 'report' }) : t({ message: '{0} programs', args: [count], comment: 'report' });
}

function keyCount(count: number): string {
  return count === 1 ? t({ message: '1 key', comment: 'report' }) : t({ message: '{0} keys', args: [count], comment: 'report' });
}

function writtenBy(count: number): string {
  return count === 1 ? t`written by 1 program` : t`written by ${count} programs`;
}
