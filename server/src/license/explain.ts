/**
 * The Explanation of one program in one context, and its renderings: readable text, the JSON of
 * the CLI, Markdown for the editor, and the AppServer debug log (`logix.license.debug = 1`). All are views over the
 * same value, worded by the describers below (which the hover and completion use too).
 */
import type { Catalog } from './catalog.js';
import type { LicenseModel } from './model.js';
import { quoteSource } from './quote-source.js';
import { AREA_LOAD_ORDER, consume, resolveProgram, type Assumption, type ConsumeOptions, type Consumption, type ExecutionContext, type FinalKey, type Resolution, type Step } from './resolve.js';

export interface Explanation {
  readonly resolution: Resolution;
  readonly consumption: Consumption;
  readonly context: ExecutionContext;
}

export function explainProgram(program: string, model: LicenseModel, catalog: Catalog, options: ConsumeOptions = {}): Explanation {
  return explainResolution(resolveProgram(program, model, catalog), catalog, options);
}

/** The explanation of a program already resolved (the language server keeps resolutions). */
export function explainResolution(resolution: Resolution, catalog: Catalog, options: ConsumeOptions = {}): Explanation {
  return { resolution, consumption: consume(resolution, catalog, options), context: options.context ?? 'menu' };
}

export const UNKNOWN_SLOT = 'slot unknown — add it to the catalog';

/** A key the catalog file lists with `"slot": null`: it exists, its slot is still to be written. */
export const SLOT_NOT_FILLED_IN = 'slot not filled in';

/**
 * A slot as every view words it: its number, not filled in (`null`: the catalog file lists the key
 * without its slot yet), or unknown, never invented (ARCHITECTURE.md, invariant 6).
 */
export function describeSlotNumber(slot: number | null | undefined): string {
  return slot === undefined ? UNKNOWN_SLOT : slot === null ? SLOT_NOT_FILLED_IN : `slot ${slot}`;
}

export function describeSlot(catalog: Catalog, key: string): string {
  return describeSlotNumber(catalog.keys.get(key)?.slot);
}

/** A slot in a table column headed "slot": the number, `not filled in`, or `unknown`. */
export function slotCell(catalog: Catalog, key: string): string {
  const slot = catalog.keys.get(key)?.slot;
  return slot === undefined ? 'unknown' : slot === null ? 'not filled in' : String(slot);
}

/** Where a final key comes from: the declaration (R5), an area default (R6) or a SYSTEMKEY file (R4, R7). */
export function describeOrigin(entry: FinalKey): string {
  const { origin } = entry;
  return origin.rule === 'R5' ? 'declared' : origin.rule === 'R6' ? `area ${origin.area} default` : `SYSTEMKEY_${origin.area}`;
}

/** What a consumption takes, in words; `formatKey` lets Markdown views set the key in code. */
export function describeConsumed(consumption: Consumption, formatKey: (key: string) => string = (key) => key): string {
  switch (consumption.licenseType) {
    case 'blocked':
      return 'access blocked';
    case 'none':
      return 'nothing';
    case 'slot':
      return `${formatKey(quoteSource(consumption.key ?? '?'))} (${describeSlotNumber(consumption.slot)})`;
    default:
      return `license type ${consumption.licenseType}${consumption.key ? ` (program key ${formatKey(quoteSource(consumption.key))})` : ''}`;
  }
}

/**
 * Every assumption the explanation rests on, once per key: the unverified keys of the final list
 * and of the consumption (a menu key consumed under R10 may be one too).
 */
export function assumptionsOf(explanation: Explanation): Assumption[] {
  const byKey = new Map<string, Assumption>();
  for (const each of [...explanation.resolution.assumptions, ...explanation.consumption.assumptions]) if (!byKey.has(each.key)) byKey.set(each.key, each);
  return [...byKey.values()];
}

/** The CLI's `explain --format json` shape (documented in the README). */
export function explanationToJson(explanation: Explanation) {
  const { resolution, consumption } = explanation;
  return {
    program: resolution.program,
    area: resolution.area ?? null,
    finalKeys: resolution.finalKeys.map((entry) => entry.key),
    defaultKey: resolution.defaultKey ?? null,
    assumptions: assumptionsOf(explanation).map(({ key, reason }) => ({ key, reason })),
    steps: [...resolution.steps, ...consumption.steps].map(stepToJson),
    consumed: {
      key: consumption.key ?? null,
      slot: consumption.slot ?? null,
      licenseType: consumption.licenseType,
      rule: consumption.rule,
      reason: consumption.reason,
    },
  };
}

function stepToJson(step: Step) {
  return {
    rule: step.rule,
    text: step.text,
    keys: step.keys,
    file: step.source?.file ?? null,
    line: step.source ? step.source.range.start.line + 1 : null,
  };
}

/** A readable report: what the program declares, each step with its rule, and what is consumed. */
export function renderExplanationText(explanation: Explanation, catalog: Catalog): string {
  const { resolution, consumption } = explanation;
  const lines: string[] = [];
  lines.push(`Program ${quoteSource(resolution.displayName)}${resolution.source ? ` (${resolution.source.file})` : ''}`);
  lines.push(`  area: ${resolution.area ?? 'unknown (prefix not in the catalog)'}` +
    (resolution.areaDefaultKey ? `, area default key ${resolution.areaDefaultKey}` : ''));
  lines.push(`  declared: ${resolution.declaredKeys === null ? 'none or dynamic' : quoteSource(resolution.declaredKeys.join(',')) || '(empty)'}`);
  lines.push('', 'Steps:');
  for (const step of [...resolution.steps, ...consumption.steps]) {
    const where = step.source ? ` [${step.source.file}:${step.source.range.start.line + 1}]` : '';
    lines.push(`  ${step.rule.padEnd(3)} ${step.text}${where}`);
  }
  lines.push('', 'Final key list:');
  if (resolution.finalKeys.length === 0) lines.push('  (none)');
  resolution.finalKeys.forEach((entry, index) => {
    const catalogEntry = catalog.keys.get(entry.key);
    lines.push(`  ${String(index + 1).padStart(2)}. ${quoteSource(entry.key).padEnd(10)} ${describeSlot(catalog, entry.key).padEnd(38)} ${entry.origin.rule} ${describeOrigin(entry)}` +
      (catalogEntry?.description ? ` — ${catalogEntry.description}` : ''));
  });
  lines.push('', `Consumed (${explanation.context}${consumption.menuKey ? `, menu key ${quoteSource(consumption.menuKey)}` : ''}):`);
  lines.push(`  ${describeConsumed(consumption)} — ${consumption.rule}: ${consumption.reason}`);
  const assumptions = assumptionsOf(explanation);
  if (assumptions.length > 0) {
    lines.push('', 'Assumed (the catalog is partial; add these keys with their slots to check):');
    for (const each of assumptions) lines.push(`  ${quoteSource(each.key)}: ${each.reason}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The AppServer debug log (`logix.license.debug = 1`) as TOTVS' documentation shows it, thread ids and times
 * omitted. Lines the seed does not show (the R9 warning, an unknown slot) are written in the same
 * style and marked as this product's wording.
 */
export function renderDebugLog(explanation: Explanation): string {
  const { resolution, consumption } = explanation;
  const name = quoteSource(resolution.displayName.toUpperCase());
  const prefix = '[LOGIX] [LICENSE] [SYSTEMKEY]';
  const lines: string[] = [];
  for (const area of AREA_LOAD_ORDER) lines.push(`${prefix} Carregando licenças ${area}`);
  lines.push(`${prefix} Licenças carregadas`);
  const own = resolution.ownAreaRegistrations.map((registration) => registration.key).filter((key): key is string => key !== undefined);
  lines.push(`${prefix} Aplicação ${name} - licenças Área padrão ${resolution.area ?? '?'} =${own.length ? ` ${quoteSource(own.join(','))}` : ''}`);
  const declared = resolution.declaredKeys ?? [];
  lines.push(`${prefix} Aplicação ${name} - licenças da aplicação =${declared.length ? ` ${quoteSource(declared.join(','))}` : ''}`);
  const byArea = new Map<string, string[]>();
  for (const entry of resolution.finalKeys) {
    if (entry.origin.rule !== 'R7') continue;
    byArea.set(entry.origin.area, [...(byArea.get(entry.origin.area) ?? []), quoteSource(entry.key)]);
  }
  for (const [area, keys] of byArea) lines.push(`${prefix} Aplicação ${name} - licenças Área ${area} = ${keys.join(',')}`);
  lines.push(`${prefix} Aplicação ${name} - licenças FINAL =${resolution.finalKeys.length ? ` ${resolution.finalKeys.map((entry) => quoteSource(entry.key)).join(',')}` : ''}`);

  if (consumption.licenseType === 'none') {
    lines.push(`[LOGIX] [LICENSE] Nenhuma licença consumida: ${consumption.reason} (${consumption.rule})`);
    return lines.join('\n') + '\n';
  }
  if (consumption.menuKey) lines.push(`[LOGIX] [LICENSE] [GETMENUKEY] Licença menu = ${quoteSource(consumption.menuKey)}`);
  if (consumption.menuKeyRejected) {
    lines.push(`[LOGIX] [LICENSE] [GETMENUKEY] Chave de sistema ${quoteSource(consumption.menuKey ?? '')} do menu não é válida para a aplicação ${name}; será usada ${quoteSource(consumption.key ?? '')}`);
  }
  if (consumption.licenseType === 'blocked') {
    lines.push('[LOGIX] [LICENSE] Chave de sistema não detectada no controle de licenças: acesso bloqueado');
    return lines.join('\n') + '\n';
  }
  if (consumption.licenseType === 'T' || consumption.licenseType === 'I') {
    lines.push(`[LOGIX] [LICENSE] Consumo de licença tipo ${consumption.licenseType}`);
    return lines.join('\n') + '\n';
  }
  const slot = consumption.slot === undefined || consumption.slot === null
    ? `? (${quoteSource(consumption.key ?? '')}: ${describeSlotNumber(consumption.slot)})`
    : String(consumption.slot);
  lines.push(`[LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso ${slot}`);
  return lines.join('\n') + '\n';
}

/** The explanation as a Markdown report (the editor's "Explain license consumption" view). */
export function renderExplanationMarkdown(explanation: Explanation, catalog: Catalog): string {
  const { resolution, consumption } = explanation;
  const lines: string[] = [];
  lines.push(`# License of ${quoteSource(resolution.displayName)}`, '');
  lines.push(`- Source: ${resolution.source ? `\`${resolution.source.file}\`` : 'not in this workspace'}`);
  lines.push(`- Area: ${resolution.area ?? 'unknown (prefix not in the catalog)'}${resolution.areaDefaultKey ? `, default key \`${resolution.areaDefaultKey}\`` : ''}`);
  lines.push(`- Declared: ${resolution.declaredKeys === null ? 'none, or not a literal' : `\`${quoteSource(resolution.declaredKeys.join(','))}\``}`);
  lines.push(`- Context: ${explanation.context}${consumption.menuKey ? `, menu key \`${quoteSource(consumption.menuKey)}\`` : ''}`, '');
  lines.push('## Consumed', '');
  lines.push(`**${describeConsumed(consumption, (key) => `\`${key}\``)}** (${consumption.rule}): ${consumption.reason}.`, '');
  const assumptions = assumptionsOf(explanation);
  if (assumptions.length > 0) {
    lines.push('## Assumed', '', 'The catalog is partial: these conclusions rest on keys it does not list. Add them with their slots to check.', '');
    for (const each of assumptions) lines.push(`- \`${quoteSource(each.key)}\`: ${each.reason}`);
    lines.push('');
  }
  lines.push('## Final key list', '');
  if (resolution.finalKeys.length === 0) lines.push('No valid key.');
  else {
    lines.push('| # | key | slot | from |', '|---|---|---|---|');
    resolution.finalKeys.forEach((entry, index) => {
      lines.push(`| ${index + 1} | \`${quoteSource(entry.key)}\` | ${slotCell(catalog, entry.key)} | ${describeOrigin(entry)} (${entry.origin.rule}) |`);
    });
  }
  lines.push('', '## Steps', '');
  for (const step of [...resolution.steps, ...consumption.steps]) {
    const where = step.source ? ` — \`${step.source.file}:${step.source.range.start.line + 1}\`` : '';
    lines.push(`1. **${step.rule}** ${step.text}${where}`);
  }
  return lines.join('\n') + '\n';
}
