/**
 * The Explanation of one program in one context, and its renderings: readable text, the JSON of
 * the CLI, Markdown for the editor, and the AppServer debug log (`logix.license.debug = 1`). All are views over the
 * same value, worded by the describers below (which the hover and completion use too).
 */
import { t } from '../l10n/messages.js';
import type { Catalog } from './catalog.js';
import type { LicenseModel } from './model.js';
import { exceededChecklist } from './exceeded-checklist.js';
import { quoteKeys, quoteSource } from './quote-source.js';
import { slotText } from './report.js';
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

/**
 * A slot as every view words it: its number, not filled in (`null`: the catalog file lists the key
 * without its slot yet: it exists, its slot is still to be written), or unknown, never invented
 * (ARCHITECTURE.md, invariant 6).
 */
export function describeSlotNumber(slot: number | null | undefined): string {
  return slot === undefined ? t('slot unknown — add it to the catalog')
    : slot === null ? t('slot not filled in')
      : t({ message: 'slot {0}', args: [slot], comment: 'a slot number' });
}

export function describeSlot(catalog: Catalog, key: string): string {
  return describeSlotNumber(catalog.keys.get(key)?.slot);
}

/** A slot in a table column headed "slot": the number, `not filled in`, or `unknown`. */
export function slotCell(catalog: Catalog, key: string): string {
  return slotText(catalog.keys.get(key)?.slot);
}

/**
 * A final-key row worded once per distinct key and origin: a program registered 92,000 times under
 * one key has as many identical entries (duplicates are kept, R5), each worded anew took seconds.
 */
function rowsOnce(word: (entry: FinalKey) => string): (entry: FinalKey) => string {
  const worded = new Map<string, string>();
  return (entry) => {
    const id = `${entry.key}\u0000${entry.origin.rule}\u0000${'area' in entry.origin ? entry.origin.area : ''}`;
    let row = worded.get(id);
    if (row === undefined) worded.set(id, (row = word(entry)));
    return row;
  };
}

/** Where a final key comes from: the declaration (R5), an area default (R6) or a SYSTEMKEY file (R4, R7). */
export function describeOrigin(entry: FinalKey): string {
  const { origin } = entry;
  return origin.rule === 'R5' ? t({ message: 'declared', comment: 'where a key of the final list comes from' })
    : origin.rule === 'R6' ? t`area ${origin.area} default` : `SYSTEMKEY_${origin.area}`;
}

/** What a consumption takes, in words; `formatKey` lets Markdown views set the key in code. */
export function describeConsumed(consumption: Consumption, formatKey: (key: string) => string = (key) => key): string {
  switch (consumption.licenseType) {
    case 'blocked':
      return t({ message: 'access blocked', comment: 'what a program consumes' });
    case 'none':
      return t({ message: 'nothing', comment: 'what a program consumes' });
    case 'slot':
      return `${formatKey(quoteSource(consumption.key ?? '?'))} (${describeSlotNumber(consumption.slot)})`;
    default:
      return consumption.key
        ? t`license type ${consumption.licenseType} (program key ${formatKey(quoteSource(consumption.key))})`
        : t({ message: 'license type {0}', args: [consumption.licenseType], comment: 'what a program consumes: T or I' });
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
  const name = quoteSource(resolution.displayName);
  lines.push(resolution.source ? t`Program ${name} (${resolution.source.file})` : t`Program ${name}`);
  const area = resolution.area ?? t('unknown (prefix not in the catalog)');
  lines.push(`  ${resolution.areaDefaultKey ? t`area: ${area}, area default key ${resolution.areaDefaultKey}` : t`area: ${area}`}`);
  const declared = resolution.declaredKeys === null ? t('none or dynamic') : quoteKeys(resolution.declaredKeys) || t({ message: '(empty)', comment: 'a list of keys' });
  lines.push(`  ${t`declared: ${declared}`}`);
  lines.push('', t('Steps:'));
  for (const step of [...resolution.steps, ...consumption.steps]) {
    const where = step.source ? ` [${step.source.file}:${step.source.range.start.line + 1}]` : '';
    lines.push(`  ${step.rule.padEnd(3)} ${step.text}${where}`);
  }
  lines.push('', t('Final key list:'));
  if (resolution.finalKeys.length === 0) lines.push(`  ${t({ message: '(none)', comment: 'a final key list' })}`);
  const row = rowsOnce((entry) => {
    const catalogEntry = catalog.keys.get(entry.key);
    return `${quoteSource(entry.key).padEnd(10)} ${describeSlot(catalog, entry.key).padEnd(38)} ${entry.origin.rule} ${describeOrigin(entry)}` +
      (catalogEntry?.description ? ` — ${catalogEntry.description}` : '');
  });
  resolution.finalKeys.forEach((entry, index) => lines.push(`  ${String(index + 1).padStart(2)}. ${row(entry)}`));
  lines.push('', consumption.menuKey ? t`Consumed (${explanation.context}, menu key ${quoteSource(consumption.menuKey)}):` : t`Consumed (${explanation.context}):`);
  lines.push(`  ${describeConsumed(consumption)} — ${consumption.rule}: ${consumption.reason}`);
  const assumptions = assumptionsOf(explanation);
  if (assumptions.length > 0) {
    lines.push('', t('Assumed (the catalog is partial; add these keys with their slots to check):'));
    for (const each of assumptions) lines.push(`  ${quoteSource(each.key)}: ${each.reason}`);
  }
  const checklist = exceededChecklist(consumption);
  if (checklist.length > 0) {
    lines.push('', t('If users see "Licenças excedidas":'));
    for (const item of checklist) lines.push(`  - ${item.replace(/\*/g, '')}`);
  }
  return lines.join('\n') + '\n';
}

/** The lists the AppServer prints before FINAL, as the debug log prints them (and `compare-log` reads them back). */
export interface DebugLogLists {
  /** `Área padrão <area>`: the registrations of the program's own area file, valid or not. */
  readonly ownArea: { readonly area: string; readonly keys: readonly string[] };
  /** `da aplicação`: the keys of its LOG_initApp / log001_acessa_usuario call, as written. */
  readonly declared: readonly string[];
  /** `Área <area>`: each other area that appends keys (R7), in load order. */
  readonly otherAreas: readonly { readonly area: string; readonly keys: readonly string[] }[];
  readonly finalKeys: readonly string[];
}

export function debugLogLists(resolution: Resolution): DebugLogLists {
  const own = resolution.ownAreaRegistrations.map((registration) => registration.key).filter((key): key is string => key !== undefined);
  const byArea = new Map<string, string[]>();
  for (const entry of resolution.finalKeys) {
    if (entry.origin.rule !== 'R7') continue;
    // Raw keys, as the log reader returns them (compare-log compares them); the renderer quotes.
    const keys = byArea.get(entry.origin.area);
    if (keys) keys.push(entry.key);
    else byArea.set(entry.origin.area, [entry.key]);
  }
  return {
    ownArea: { area: resolution.area ?? '?', keys: own },
    declared: resolution.declaredKeys ?? [],
    otherAreas: [...byArea].map(([area, keys]) => ({ area, keys })),
    finalKeys: resolution.finalKeys.map((entry) => entry.key),
  };
}

/** The execution contexts in the debug log's language. */
const CONTEXT_PT: Record<ExecutionContext, string> = {
  menu: 'menu',
  collector: 'coletor de dados (menu MEN3002, telnet)',
  web: 'portal web',
  rest: 'requisição REST',
  'rest-tpd': 'requisição REST do TOTVS Privacidade de Dados (TPD)',
  soap: 'requisição SOAP',
  mingle: 'app Mingle',
  scheduler: 'agendador de tarefas',
  'eai-in': 'mensagem EAI recebida',
  'eai-out': 'mensagem EAI enviada',
  called: 'chamado por outro programa',
};

/**
 * The AppServer debug log (`logix.license.debug = 1`) as TOTVS' documentation shows it, thread
 * ids, times and what only the run knows (user, IP, the License Server's answers) omitted. The
 * lines the documentation shows are written exactly as the AppServer writes them; every other line
 * (the context, a free program, a rejected menu key, an unknown slot, access blocked, dev test) is
 * the product's own, in Portuguese like the rest of the log, and starts with `#`.
 */
export function renderDebugLog(explanation: Explanation): string {
  const { resolution, consumption, context } = explanation;
  const name = quoteSource(resolution.displayName.toUpperCase());
  const prefix = '[LOGIX] [LICENSE] [SYSTEMKEY]';
  const lines: string[] = [];
  const ours = (text: string) => lines.push(`# ${text}`);
  if (context !== 'menu') ours(`Contexto: ${CONTEXT_PT[context]} (R13)`);
  for (const area of AREA_LOAD_ORDER) lines.push(`${prefix} Carregando licenças ${area}`);
  lines.push(`${prefix} Licenças carregadas`);
  const lists = debugLogLists(resolution);
  // Key by key, so a long list is never cut (each key is bounded and escaped on its own).
  const list = (keys: readonly string[]) => (keys.length ? ` ${quoteKeys(keys)}` : '');
  lines.push(`${prefix} Aplicação ${name} - licenças Área padrão ${lists.ownArea.area} =${list(lists.ownArea.keys)}`);
  lines.push(`${prefix} Aplicação ${name} - licenças da aplicação =${list(lists.declared)}`);
  for (const { area, keys } of lists.otherAreas) lines.push(`${prefix} Aplicação ${name} - licenças Área ${area} =${list(keys)}`);
  lines.push(`${prefix} Aplicação ${name} - licenças FINAL =${list(lists.finalKeys)}`);

  // What the prediction assumes: keys the partial catalog does not list.
  for (const each of assumptionsOf(explanation)) {
    ours(`Suposição: a chave ${quoteSource(each.key)} não está no catálogo, que é parcial; supõe-se que exista na instalação, slot desconhecido`);
  }
  const done = () => lines.join('\n') + '\n';
  if (consumption.licenseType === 'none') {
    ours(nothingConsumed(explanation, name));
    return done();
  }
  const checked = consumption.licenseType === 'slot' || consumption.licenseType === 'blocked';
  if (checked) lines.push('[LOGIX] [LICENSE] [LICENSE] INICIO - Checando consumo de licença...');
  if (consumption.menuKey) lines.push(`[LOGIX] [LICENSE] [GETMENUKEY] Licença menu = ${quoteSource(consumption.menuKey)}`);
  if (consumption.licenseType === 'T' || consumption.licenseType === 'I') {
    const key = consumption.key ? ` (chave do programa ${consumption.key})` : '';
    ours(consumption.licenseType === 'T'
      ? `Coletor de dados: a chave é escolhida como no menu (R9–R11); consumo de licença tipo T${key} (R13)`
      : `${capitalize(CONTEXT_PT[context])}: licença tipo I (Internet)${key}; um app Mingle consome o código de licença registrado para ele (R13)`);
    return done();
  }
  if (consumption.licenseType === 'blocked') {
    ours(consumption.rule === 'R11'
      ? `Acesso bloqueado: a chave do menu ? não sugere chave e ${name} não tem chave válida própria — "chave de sistema não detectada no controle de licenças" (R11)`
      : `Acesso bloqueado: ${name} não tem chave válida e ${consumption.menuKey ? `a chave do menu ${quoteSource(consumption.menuKey)} não está no catálogo` : 'nenhuma chave de menu foi dada'} (R10)`);
    return done();
  }
  const key = quoteSource(consumption.key ?? '?');
  if (consumption.menuKeyRejected) {
    ours(`Aviso do AppServer (texto não documentado): a chave de sistema ${quoteSource(consumption.menuKey ?? '')} do menu não é válida para a aplicação ${name}; é consumida a chave padrão ${key} (R9, A4)`);
  }
  const rule = consumption.steps.find((step) => step.rule !== 'R15')?.rule;
  if (context === 'scheduler') {
    ours(resolution.defaultKey
      ? `Agendador: o gatilho começa consumindo PADRAO e troca para a chave da tarefa ${key} (R13)`
      : `Agendador: o gatilho consome PADRAO; ${name} não tem chave válida para a troca (R13)`);
  } else if (rule === 'R10') {
    ours(`${name} não tem chave válida: é consumida a chave do menu ${key} (R10)`);
  } else if (rule === 'R11') {
    ours(`A chave do menu ? não sugere chave: é consumida a chave padrão ${key} (R11)`);
  } else if (rule === 'R8') {
    ours(`Sem chave de menu: é consumida a chave padrão ${key} (R8)`);
  }
  if (consumption.rule === 'R15') ours(`Ambiente de teste (logix.license.LSDevTest = 1): o consumo de ${key} vai para o slot ${consumption.slot} (TOTVS Dev Test) (R15)`);
  if (consumption.slot === undefined || consumption.slot === null) {
    ours(consumption.slot === null
      ? `Chave consumida ${key}: slot não preenchido no catálogo (logix-license.json)`
      : `Chave consumida ${key}: slot desconhecido — acrescente-o ao catálogo (logix-license.json)`);
    return done();
  }
  lines.push(`[LOGIX] [LICENSE] [LICENSE] Obtendo licença Cloud (${consumption.slot}) STATUS = 0`);
  lines.push(`[LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso ${consumption.slot}`);
  return done();
}

/** Why nothing is consumed (R12, R13), in the debug log's language. */
function nothingConsumed(explanation: Explanation, name: string): string {
  const { resolution, context } = explanation;
  if (explanation.consumption.rule === 'R14') {
    const key = explanation.consumption.key;
    return `Chamado por outro programa: nada novo é consumido${key ? `; a licença em uso pode trocar para ${quoteSource(key)}` : ''} (R14)`;
  }
  if (explanation.consumption.rule === 'R12' && context === 'rest-tpd') return 'Requisição REST do TOTVS Privacidade de Dados (TPD): não consome licença a partir da 12.1.2301 (R12)';
  if (explanation.consumption.rule === 'R1') return `${name} não chama LOG_initApp nem log001_acessa_usuario: nunca pede licença, nada é consumido (R1)`;
  if (resolution.free) {
    const since = resolution.free.since
      ? resolution.free.assumed
        ? ` (livre a partir da ${resolution.free.since}; sem versão do Logix configurada, assume-se o pacote mais novo)`
        : ` (livre a partir da ${resolution.free.since})`
      : '';
    return `Programa livre: ${name} não consome licença${since} (R12)`;
  }
  switch (context) {
    case 'eai-in':
      return 'Mensagem EAI recebida: isenta de consumo de licença (R13)';
    case 'eai-out':
      return 'Mensagem EAI enviada: nada a mais é consumido; o programa que a envia já tem a sua licença (R13)';
    default:
      return `${capitalize(CONTEXT_PT[context])}: o consumo tipo I vale a partir da 12.1.29; a versão configurada não consome nada (R13)`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The explanation as a Markdown report (the editor's "Explain license consumption" view). */
export function renderExplanationMarkdown(explanation: Explanation, catalog: Catalog): string {
  const { resolution, consumption } = explanation;
  const lines: string[] = [];
  lines.push(`# ${t`License of ${quoteSource(resolution.displayName)}`}`, '');
  lines.push(`- ${t`Source: ${resolution.source ? `\`${resolution.source.file}\`` : t('not in this workspace')}`}`);
  const area = resolution.area ?? t('unknown (prefix not in the catalog)');
  lines.push(`- ${resolution.areaDefaultKey ? t`Area: ${area}, default key \`${resolution.areaDefaultKey}\`` : t`Area: ${area}`}`);
  lines.push(`- ${t`Declared: ${resolution.declaredKeys === null ? t('none, or not a literal') : `\`${quoteKeys(resolution.declaredKeys)}\``}`}`);
  lines.push(`- ${consumption.menuKey ? t`Context: ${explanation.context}, menu key \`${quoteSource(consumption.menuKey)}\`` : t`Context: ${explanation.context}`}`, '');
  lines.push(`## ${t({ message: 'Consumed', comment: 'a heading' })}`, '');
  lines.push(`**${describeConsumed(consumption, (key) => `\`${key}\``)}** (${consumption.rule}): ${consumption.reason}.`, '');
  const assumptions = assumptionsOf(explanation);
  if (assumptions.length > 0) {
    lines.push(`## ${t({ message: 'Assumed', comment: 'a heading' })}`, '', t('The catalog is partial: these conclusions rest on keys it does not list. Add them with their slots to check.'), '');
    for (const each of assumptions) lines.push(`- \`${quoteSource(each.key)}\`: ${each.reason}`);
    lines.push('');
  }
  const checklist = exceededChecklist(consumption);
  if (checklist.length > 0) {
    lines.push(`## ${t('If users see "Licenças excedidas"')}`, '');
    for (const item of checklist) lines.push(`- ${item}`);
    lines.push('');
  }
  lines.push(`## ${t({ message: 'Final key list', comment: 'a heading' })}`, '');
  if (resolution.finalKeys.length === 0) lines.push(t('No valid key.'));
  else {
    lines.push(t('| # | key | slot | from |'), '|---|---|---|---|');
    const row = rowsOnce((entry) => `\`${quoteSource(entry.key)}\` | ${slotCell(catalog, entry.key)} | ${describeOrigin(entry)} (${entry.origin.rule})`);
    resolution.finalKeys.forEach((entry, index) => lines.push(`| ${index + 1} | ${row(entry)} |`));
  }
  lines.push('', `## ${t({ message: 'Steps', comment: 'a heading' })}`, '');
  for (const step of [...resolution.steps, ...consumption.steps]) {
    const where = step.source ? ` — \`${step.source.file}:${step.source.range.start.line + 1}\`` : '';
    lines.push(`1. **${step.rule}** ${step.text}${where}`);
  }
  return lines.join('\n') + '\n';
}
