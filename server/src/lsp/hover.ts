/**
 * Hovers: on a license call or a program's main function name, the program's whole license
 * picture; on a key, its catalog entry and place in the final list; on a program of a SYSTEMKEY
 * list, that program's final list. Markdown, short, every claim with its rule. A view over the
 * Resolution and Consumption values: no rule is re-derived here.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { t } from '../l10n/messages.js';
import { canonicalArea, catalogSourceText, isValidKey, keyStatus, normalizeKey, type Catalog } from '../license/catalog.js';
import { consumptionTable, type ContextRow, type MenuRow } from '../license/consumption-table.js';
import { exceededChecklistLine } from '../license/exceeded-checklist.js';
import { describeConsumed, describeOrigin, describeSlotNumber, slotCell } from '../license/explain.js';
import { normalizeProgram, programDefinedIn, systemKeyArea, type LicenseModel } from '../license/model.js';
import type { Consumption, ExecutionContext, FinalKey, ResolutionLookup } from '../license/resolve.js';
import { quoteSource } from '../license/quote-source.js';
import { nearKeys } from '../license/suggest.js';
import type { FileFacts } from '../syntax/facts.js';
import { findAt } from '../syntax/find.js';
import type { Position, Range } from '../syntax/positions.js';

export interface HoverContext {
  readonly file: string;
  readonly facts: FileFacts;
  readonly model: LicenseModel;
  readonly catalog: Catalog;
  readonly resolutionOf: ResolutionLookup;
  /** A link to a place of the folder, for Markdown. */
  readonly linkTo: (file: string, range: Range) => string;
}

export function hoverAt(context: HoverContext, position: Position): Hover | undefined {
  const found = findAt(context.facts, position);
  if (!found) return undefined;
  switch (found.kind) {
    case 'key':
      return markdown(keyHover(context, normalizeKey(found.item.text), found.call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList'), found.item.range);
    case 'program': {
      const program = normalizeProgram(found.item.text);
      return program ? markdown(registeredProgramHover(context, program), found.item.range) : undefined;
    }
    case 'call': {
      if (found.call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList') return undefined;
      const program = programOfFile(context);
      return program ? markdown(programHover(context, program), found.call.nameRange) : undefined;
    }
    case 'unit': {
      const program = programOfFile(context);
      const source = program ? context.model.programIn(context.file) : undefined;
      return source && source.mainUnitIndex === found.unitIndex ? markdown(programHover(context, program!), found.unit.nameRange) : undefined;
    }
  }
}

function programOfFile(context: HoverContext): string | undefined {
  return programDefinedIn(context.model, context.file)?.name;
}

// ---- program ---------------------------------------------------------------------------------

/** The picture of the program `context.file` defines (resolved from this file's own declaration). */
function programHover(context: HoverContext, program: string): string {
  const resolution = context.resolutionOf(program, context.file);
  const { catalog } = context;
  const table = consumptionTable(resolution, catalog);
  const lines: string[] = [];
  const name = quoteSource(resolution.displayName);
  const area = resolution.area ?? t('— (prefix not in the catalog)');
  lines.push(resolution.areaDefaultKey
    ? t`**${name}** · area ${area} · area default ${code(resolution.areaDefaultKey)}`
    : t`**${name}** · area ${area}`);
  if (resolution.free || table.fromMenu.rule === 'R1') lines.push('', t`Consumes nothing: ${table.fromMenu.reason} (${table.fromMenu.rule}).`);
  lines.push('', ...keyTable(context, resolution.finalKeys));
  if (resolution.droppedKeys.length > 0) {
    const dropped = resolution.droppedKeys.map((key) => code(quoteSource(key))).join(', ');
    lines.push('', catalog.complete ? t`Dropped as invalid (not in the complete catalog): ${dropped} (R5).` : t`Dropped as invalid (listed as invalid): ${dropped} (R5).`);
  }
  if (resolution.ownAreaRegistrations.length > 0 && resolution.declaredKeys && resolution.finalKeys.some((entry) => entry.origin.rule === 'R4')) {
    lines.push('', t("The `LOG_initApp` list is ignored: its own area's SYSTEMKEY file registers it (R4)."));
  }
  if (resolution.assumptions.length > 0) {
    const keys = resolution.assumptions.map((each) => code(quoteSource(each.key))).join(', ');
    lines.push('', resolution.assumptions.length === 1
      ? t`**Assumed** (the catalog is partial): ${keys} is not in ${catalogSourceText(catalog.description)}; taken to exist in the installation, slot unknown. Add it with the slot to check.`
      : t`**Assumed** (the catalog is partial): ${keys} are not in ${catalogSourceText(catalog.description)}; taken to exist in the installation, slot unknown. Add them with the slot to check.`);
  }
  if (!resolution.free && table.fromMenu.rule !== 'R1') {
    lines.push('', t('**From the menu**'), ...table.menu.map(menuLine));
    lines.push('', t`**Other contexts** (R13): ${table.contexts.map(contextPart).join(' · ')}`);
  }
  if (catalog.devTest) lines.push('', t("Dev test (R15, from TOTVS' License Server documentation): every consumption goes to slot 4007 (TOTVS Dev Test)."));
  const checklist = exceededChecklistLine(table.fromMenu);
  if (checklist) lines.push('', checklist);
  return lines.join('\n');
}

function keyTable(context: HoverContext, finalKeys: readonly FinalKey[]): string[] {
  if (finalKeys.length === 0) return [t('No valid key: the menu key is consumed (R10); under menu key `?` access is blocked (R11).')];
  const rows = [t('| # | key | slot | description | from |'), '|---|---|---|---|---|'];
  finalKeys.forEach((entry, index) => {
    const catalogEntry = context.catalog.keys.get(entry.key);
    const origin = entry.origin;
    const from = origin.rule === 'R6'
      ? `${describeOrigin(entry)} (R6)`
      : `[${describeOrigin(entry)}](${context.linkTo(origin.source.file, origin.source.range)}) (${origin.rule})`;
    const description = catalogEntry?.description ?? (keyStatus(context.catalog, entry.key) === 'unverified' ? t('_assumed: not in the catalog_') : '');
    rows.push(`| ${index + 1} | ${code(quoteSource(entry.key))} | ${slotCell(context.catalog, entry.key)} | ${escapeCell(description)} | ${from} |`);
  });
  return rows;
}

/** One row of the menu table, as the engine computed it. */
function menuLine(row: MenuRow): string {
  switch (row.kind) {
    case 'key':
      return row.configured
        ? t`- menu key ${code(quoteSource(row.menuKey))} (configured) → ${describe(row.consumption)}, ${row.consumption.rule}`
        : t`- menu key ${code(quoteSource(row.menuKey))} → ${describe(row.consumption)}, ${row.consumption.rule}`;
    case 'any-other':
      return t`- any other key or \`?\` → ${describe(row.consumption)}, R9, ${row.consumption.rule}`;
    case 'any-catalog-key':
      return t('- any other key of the catalog → that key, R10');
    case 'no-menu-key':
      return `- ${code('?')} → ${describe(row.consumption)}, ${row.consumption.rule}`;
  }
}

/** The contexts of the table's last line, as a user names them (made when said: in the client's language). */
function contextLabel(context: ExecutionContext): string {
  switch (context) {
    case 'collector': return t('collector');
    case 'web': return 'web/REST/SOAP';
    case 'rest-tpd': return 'TPD REST';
    case 'mingle': return t('Mingle app');
    case 'scheduler': return t('scheduler (starts with `PADRAO`)');
    case 'eai-in': return 'EAI';
    case 'called': return t('called by another program (R14)');
    default: return context;
  }
}

function contextPart(row: ContextRow): string {
  if (row.context === 'called') {
    // R14: nothing new; the license in use may switch to what this program consumes.
    const label = contextLabel('called');
    return row.consumption.key
      ? t`${label} → nothing new, the license in use may switch to ${code(quoteSource(row.consumption.key))}`
      : t`${label} → nothing new`;
  }
  return `${contextLabel(row.context)} → ${describe(row.consumption)}`;
}

function describe(consumption: Consumption): string {
  const words = describeConsumed(consumption, code);
  return consumption.licenseType === 'blocked' ? `**${words}**` : words;
}

// ---- key -------------------------------------------------------------------------------------

function keyHover(context: HoverContext, key: string, inRegistration: boolean): string {
  const { catalog } = context;
  if (key === '') return t('Empty element: badly formed list (LGX014).');
  const entry = catalog.keys.get(key);
  const program = inRegistration ? undefined : programOfFile(context);
  const lines: string[] = [];
  if (entry) {
    lines.push(`**${quoteSource(key)}** · ${describeSlotNumber(entry.slot)}` +
      (entry.area ? t` · area ${entry.area}` : '') + (entry.description ? ` · ${escapeCell(entry.description)}` : '') + ` _(${catalogSourceText(entry.origin)})_`);
  } else {
    const area = program ? context.resolutionOf(program, context.file).area : undefined;
    const suggestions = nearKeys(catalog, key, area);
    const didYouMean = suggestions.length > 0 ? ` ${t`Did you mean ${suggestions.map(code).join(', ')}?`}` : '';
    const name = quoteSource(key);
    if (keyStatus(catalog, key) === 'unverified') {
      // A partial catalog says nothing of run time: the key is assumed to exist.
      lines.push(t`**${name}** is not in the catalog (${catalogSourceText(catalog.description)}), which is partial: **assumed** to exist in the installation, slot unknown.`);
      lines.push('', t('Add it to `logix-license.json` with its slot to check it.') + didYouMean);
    } else {
      lines.push(catalog.invalidKeys.has(key)
        ? t`**${name}** is listed as invalid (${catalogSourceText(catalog.description)}).`
        : t`**${name}** is not in the complete catalog (${catalogSourceText(catalog.description)}).`);
      lines.push('', (inRegistration ? t('The runtime ignores this registration (R4, R7).') : t('The runtime drops it from the list (R5).')) + didYouMean);
    }
  }

  if (program && isValidKey(catalog, key)) {
    const resolution = context.resolutionOf(program, context.file);
    const positions = resolution.finalKeys.flatMap((finalKey, index) => (finalKey.key === key ? [index + 1] : []));
    const name = quoteSource(resolution.displayName);
    const at = positions.map(String).reduce((list, position) => (list ? t({ message: '{0} and {1}', args: [list, position], comment: 'positions in a list: 1 and 3' }) : position), '');
    const count = resolution.finalKeys.length;
    lines.push('', positions.length === 0
      ? t`Not in ${name}'s final list: its own area's SYSTEMKEY registration replaces this list (R4).`
      : positions[0] === 1
        ? t`Position ${at} of ${count} in ${name}'s final list: the default key (R8).`
        : t`Position ${at} of ${count} in ${name}'s final list.`);
  } else if (program && !isValidKey(catalog, key)) {
    const resolution = context.resolutionOf(program, context.file);
    const fallback = resolution.finalKeys.find((entry) => entry.origin.rule === 'R6');
    if (fallback) lines.push('', t`With no valid key left, the area default ${code(fallback.key)} replaces it (R6).`);
  } else if (inRegistration) {
    const area = systemKeyArea(context.file);
    const count = context.model.systemKeyFiles.get(context.file)?.calls
      .filter((call) => call.args[0]?.kind === 'literal' && normalizeKey(call.args[0].value) === key)
      .reduce((sum, call) => sum + (call.args[1]?.kind === 'literal' ? call.args[1].items.filter((item) => item.text.trim()).length : 0), 0) ?? 0;
    if (area) lines.push('', count === 1 ? t`SYSTEMKEY_${area} registers ${count} program under it here (R3).` : t`SYSTEMKEY_${area} registers ${count} programs under it here (R3).`);
  }
  return lines.join('\n');
}

// ---- program in a SYSTEMKEY list -------------------------------------------------------------

function registeredProgramHover(context: HoverContext, program: string): string {
  const resolution = context.resolutionOf(program);
  const source = resolution.source;
  const lines = [source
    ? `**${quoteSource(resolution.displayName)}** — [${source.file}](${context.linkTo(source.file, source.mainUnit.nameRange)})`
    : t`**${quoteSource(program)}** — no source in this environment`];
  const others = context.model.sourcesOf(program).slice(1);
  if (others.length > 0) {
    const links = others.map((other) => `[${other.file}](${context.linkTo(other.file, other.mainUnit.nameRange)})`).join(', ');
    lines.push('', t`Also defined in ${links} (LGX017): each file is resolved on its own; this is the first in path order.`);
  }
  const keys = resolution.finalKeys.map((entry) => code(quoteSource(entry.key))).join(', ') || t('no valid key');
  lines.push('', resolution.defaultKey
    ? t`Final list (R4–R8): ${keys}; default ${code(quoteSource(resolution.defaultKey))}`
    : t`Final list (R4–R8): ${keys}`);
  const area = systemKeyArea(context.file);
  if (area && resolution.area === canonicalArea(context.catalog, area)) lines.push('', t("This is the program's own area: this registration replaces its `LOG_initApp` list (R4)."));
  else if (area) lines.push('', t("Another area: this registration appends its key to the program's list (R7)."));
  return lines.join('\n');
}

// ---- helpers ---------------------------------------------------------------------------------

function markdown(value: string, range: Range): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range };
}

function code(text: string): string {
  return `\`${text}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
