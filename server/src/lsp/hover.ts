/**
 * Hovers: on a license call or a program's main function name, the program's whole license
 * picture; on a key, its catalog entry and place in the final list; on a program of a SYSTEMKEY
 * list, that program's final list. Markdown, short, every claim with its rule. A view over the
 * Resolution and Consumption values: no rule is re-derived here.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { isValidKey, NO_MENU_KEY, normalizeKey, type Catalog } from '../license/catalog.js';
import { describeConsumed, describeOrigin, describeSlotNumber, slotCell } from '../license/explain.js';
import { normalizeProgram, programDefinedIn, systemKeyArea, type LicenseModel } from '../license/model.js';
import { consume, type Consumption, type ExecutionContext, type FinalKey, type Resolution, type ResolutionLookup } from '../license/resolve.js';
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
  const lines: string[] = [];
  lines.push(`**${quoteSource(resolution.displayName)}** · area ${resolution.area ?? '— (prefix not in the catalog)'}` +
    (resolution.areaDefaultKey ? ` · area default ${code(resolution.areaDefaultKey)}` : ''));
  if (resolution.free) {
    lines.push('', `Free program: consumes no license (R12${resolution.free.since ? `, from ${resolution.free.since}` : ''})` +
      (resolution.free.assumed ? '; no `logixVersion` configured, the newest package is assumed' : '') + '.');
  }
  lines.push('', ...keyTable(context, resolution.finalKeys));
  if (resolution.droppedKeys.length > 0) {
    lines.push('', `Dropped, not in the catalog: ${resolution.droppedKeys.map((key) => code(quoteSource(key))).join(', ')} (R5).`);
  }
  if (resolution.ownAreaRegistrations.length > 0 && resolution.declaredKeys && resolution.finalKeys.some((entry) => entry.origin.rule === 'R4')) {
    lines.push('', `The ${code('LOG_initApp')} list is ignored: its own area's SYSTEMKEY file registers it (R4).`);
  }
  if (!resolution.free) {
    lines.push('', '**From the menu**', ...menuLines(context, resolution));
    lines.push('', `**Other contexts** (R13): ${otherContexts(context, resolution)}`);
  }
  if (catalog.devTest) lines.push('', `Dev test (R15): every consumption goes to slot 4007 (TOTVS Dev Test).`);
  return lines.join('\n');
}

function keyTable(context: HoverContext, finalKeys: readonly FinalKey[]): string[] {
  if (finalKeys.length === 0) return ['No valid key: the menu key is consumed (R10); under menu key `?` access is blocked (R11).'];
  const rows = ['| # | key | slot | description | from |', '|---|---|---|---|---|'];
  finalKeys.forEach((entry, index) => {
    const catalogEntry = context.catalog.keys.get(entry.key);
    const origin = entry.origin;
    const from = origin.rule === 'R6'
      ? `${describeOrigin(entry)} (R6)`
      : `[${describeOrigin(entry)}](${context.linkTo(origin.source.file, origin.source.range)}) (${origin.rule})`;
    rows.push(`| ${index + 1} | ${code(entry.key)} | ${slotCell(context.catalog, entry.key)} | ${escapeCell(catalogEntry?.description ?? '')} | ${from} |`);
  });
  return rows;
}

function menuLines(context: HoverContext, resolution: Resolution): string[] {
  const { catalog } = context;
  const configured = catalog.menu.get(resolution.program);
  const keys = [...new Set([...(configured && configured !== NO_MENU_KEY ? [configured] : []), ...resolution.finalKeys.map((entry) => entry.key)])];
  const lines = keys.map((menuKey) => {
    const consumption = consume(resolution, catalog, { menuKey, context: 'menu', devTest: false });
    const marker = menuKey === configured ? ' (configured)' : '';
    return `- menu key ${code(quoteSource(menuKey))}${marker} → ${describe(consumption)}, ${consumption.rule}`;
  });
  const question = consume(resolution, catalog, { menuKey: NO_MENU_KEY, context: 'menu', devTest: false });
  if (resolution.defaultKey) {
    // R9: a key outside the final list falls back to the default key, as `?` does (R11).
    lines.push(`- any other key or ${code('?')} → ${describe(question)}, R9, ${question.rule}`);
  } else {
    // R10: with no valid key of its own, any catalog key is consumed; `?` blocks (R11).
    lines.push('- any other key of the catalog → that key, R10', `- ${code('?')} → ${describe(question)}, ${question.rule}`);
  }
  return lines;
}

/** Collector, web/REST/SOAP, scheduler and EAI, each as `consume` computes it (R13). */
function otherContexts(context: HoverContext, resolution: Resolution): string {
  const contexts: [string, ExecutionContext][] = [
    ['collector', 'collector'], ['web/REST/SOAP', 'web'], [`scheduler (starts with ${code('PADRAO')})`, 'scheduler'], ['EAI', 'eai-in'],
  ];
  return contexts.map(([label, executionContext]) => {
    const consumption = consume(resolution, context.catalog, { context: executionContext, devTest: false });
    return `${label} → ${describe(consumption)}`;
  }).join(' · ');
}

function describe(consumption: Consumption): string {
  const words = describeConsumed(consumption, code);
  return consumption.licenseType === 'blocked' ? `**${words}**` : words;
}

// ---- key -------------------------------------------------------------------------------------

function keyHover(context: HoverContext, key: string, inRegistration: boolean): string {
  const { catalog } = context;
  if (key === '') return 'Empty element: badly formed list (LGX014).';
  const entry = catalog.keys.get(key);
  const program = inRegistration ? undefined : programOfFile(context);
  const lines: string[] = [];
  if (entry) {
    lines.push(`**${quoteSource(key)}** · ${describeSlotNumber(entry.slot)}` +
      (entry.area ? ` · area ${entry.area}` : '') + (entry.description ? ` · ${escapeCell(entry.description)}` : '') + ` _(${entry.origin})_`);
  } else {
    const area = program ? context.resolutionOf(program, context.file).area : undefined;
    const suggestions = nearKeys(catalog, key, area);
    lines.push(`**${quoteSource(key)}** is not in the catalog (${catalog.description}).`);
    lines.push('', inRegistration
      ? 'The runtime ignores this registration (R4, R7).'
      : 'The runtime drops it from the list (R5).' + (suggestions.length > 0 ? ` Did you mean ${suggestions.map(code).join(', ')}?` : ''));
  }

  if (program && isValidKey(catalog, key)) {
    const resolution = context.resolutionOf(program, context.file);
    const positions = resolution.finalKeys.flatMap((finalKey, index) => (finalKey.key === key ? [index + 1] : []));
    lines.push('', positions.length > 0
      ? `Position ${positions.join(' and ')} of ${resolution.finalKeys.length} in ${quoteSource(resolution.displayName)}'s final list` +
        (positions[0] === 1 ? ': the default key (R8).' : '.')
      : `Not in ${quoteSource(resolution.displayName)}'s final list: its own area's SYSTEMKEY registration replaces this list (R4).`);
  } else if (program && !isValidKey(catalog, key)) {
    const resolution = context.resolutionOf(program, context.file);
    const fallback = resolution.finalKeys.find((entry) => entry.origin.rule === 'R6');
    if (fallback) lines.push('', `With no valid key left, the area default ${code(fallback.key)} replaces it (R6).`);
  } else if (inRegistration) {
    const area = systemKeyArea(context.file);
    const count = context.model.systemKeyFiles.get(context.file)?.calls
      .filter((call) => call.args[0]?.kind === 'literal' && normalizeKey(call.args[0].value) === key)
      .reduce((sum, call) => sum + (call.args[1]?.kind === 'literal' ? call.args[1].items.filter((item) => item.text.trim()).length : 0), 0) ?? 0;
    if (area) lines.push('', `SYSTEMKEY_${area} registers ${count} program${count === 1 ? '' : 's'} under it here (R3).`);
  }
  return lines.join('\n');
}

// ---- program in a SYSTEMKEY list -------------------------------------------------------------

function registeredProgramHover(context: HoverContext, program: string): string {
  const resolution = context.resolutionOf(program);
  const source = resolution.source;
  const lines = [source
    ? `**${quoteSource(resolution.displayName)}** — [${source.file}](${context.linkTo(source.file, source.mainUnit.nameRange)})`
    : `**${quoteSource(program)}** — no source in this environment`];
  const others = context.model.sourcesOf(program).slice(1);
  if (others.length > 0) lines.push('', `Also defined in ${others.map((other) => `[${other.file}](${context.linkTo(other.file, other.mainUnit.nameRange)})`).join(', ')} (LGX017): each file is resolved on its own; this is the first in path order.`);
  lines.push('', `Final list (R4–R8): ${resolution.finalKeys.map((entry) => code(entry.key)).join(', ') || 'no valid key'}` +
    (resolution.defaultKey ? `; default ${code(resolution.defaultKey)}` : ''));
  const area = systemKeyArea(context.file);
  if (area && resolution.area === area) lines.push('', `This is the program's own area: this registration replaces its ${code('LOG_initApp')} list (R4).`);
  else if (area) lines.push('', `Another area: this registration appends its key to the program's list (R7).`);
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
