/**
 * One run of the debug log against the product's prediction for the same program and menu key: the
 * FINAL list (R4–R8, key by key, with where each predicted key comes from), the slot (R9–R15) and
 * the menu key the catalog configures. Pure: a run, a resolution and a catalog in; data out.
 *
 * The log records menu launches, so the prediction is the menu context's. A slot the catalog does
 * not know is no disagreement (nothing invents a slot): the comparison says so in a note.
 */
import { t } from '../l10n/messages.js';
import { DEV_TEST_SLOT, type Catalog } from '../license/catalog.js';
import { debugLogLists, describeOrigin, explainResolution } from '../license/explain.js';
import type { FinalKey, Resolution } from '../license/resolve.js';
import type { LoggedList, LoggedRun } from './read-log.js';

export type CauseKind = 'final-list' | 'slot' | 'unknown-program' | 'menu-key';

export interface KeyOriginJson {
  readonly key: string;
  readonly rule: string;
  readonly area: string | null;
  readonly file: string | null;
  /** 1-based. */
  readonly line: number | null;
}

export interface Cause {
  readonly kind: CauseKind;
  readonly message: string;
  /** final-list: the keys only the log has, and only the prediction has (duplicates counted). */
  readonly onlyLogged?: readonly string[];
  readonly onlyPredicted?: readonly string[];
  /** final-list: where each predicted key comes from. */
  readonly origins?: readonly KeyOriginJson[];
}

export interface RunComparison {
  readonly program: string;
  readonly thread?: string;
  readonly line: number;
  /** The menu key of the run (`Licença menu = …`), else null. */
  readonly menuKey: string | null;
  readonly logged: { readonly finalKeys: readonly string[] | null; readonly slot: number | null; readonly key: string | null };
  /** Null when there is nothing to predict from (no source). */
  readonly predicted: { readonly finalKeys: readonly string[]; readonly slot: number | null; readonly key: string | null } | null;
  readonly agree: boolean;
  readonly causes: readonly Cause[];
  /** What the reader should know that is no disagreement (an unknown slot, the file compared). */
  readonly notes: readonly string[];
}

/** What the run is compared with: a program's resolution in its environment, or why there is none. */
export type Prediction =
  | { readonly resolution: Resolution; readonly catalog: Catalog; readonly notes?: readonly string[] }
  | { readonly unknown: string };

export function compareRun(run: LoggedRun, prediction: Prediction): RunComparison {
  const base = {
    program: run.program,
    ...(run.thread !== undefined ? { thread: run.thread } : {}),
    line: run.line,
    menuKey: run.menuKey ?? null,
    logged: { finalKeys: run.finalKeys ?? null, slot: run.slot ?? null, key: run.consumedKey ?? null },
  };
  if ('unknown' in prediction) {
    return { ...base, predicted: null, agree: false, causes: [{ kind: 'unknown-program', message: prediction.unknown }], notes: [] };
  }
  const { resolution, catalog } = prediction;
  const { consumption } = explainResolution(resolution, catalog, { context: 'menu', ...(run.menuKey !== undefined ? { menuKey: run.menuKey } : {}) });
  const predictedKeys = resolution.finalKeys.map((entry) => entry.key);
  const causes: Cause[] = [];
  const notes: string[] = [...(prediction.notes ?? [])];

  const configured = catalog.menu.get(run.program);
  if (run.menuKey === undefined && consumption.menuKey !== undefined) {
    notes.push(t`the log shows no menu key; the catalog's ${consumption.menuKey} is assumed`);
  } else if (run.menuKey !== undefined && configured !== undefined && configured !== run.menuKey) {
    causes.push({
      kind: 'menu-key',
      message: t`the catalog gives ${run.program} the menu key ${configured}; the run was launched under ${run.menuKey} (the prediction uses the run's)`,
    });
  }

  if (run.finalKeys === undefined) {
    notes.push(t`the log shows no FINAL list for this run: the lists are not compared`);
  } else if (!sameList(run.finalKeys, predictedKeys)) {
    causes.push(finalListCause(run, resolution));
  }

  const slotCause = compareSlot(run, consumption.licenseType, consumption.key, consumption.slot ?? undefined, consumption.rule, consumption.reason, notes);
  if (slotCause) causes.push(slotCause);

  return {
    ...base,
    predicted: {
      finalKeys: predictedKeys,
      slot: consumption.licenseType === 'slot' ? consumption.slot ?? null : null,
      key: consumption.licenseType === 'slot' ? consumption.key ?? null : null,
    },
    agree: causes.length === 0,
    causes,
    notes,
  };
}

function compareSlot(
  run: LoggedRun, licenseType: string, key: string | undefined, slot: number | undefined, rule: string, reason: string, notes: string[],
): Cause | undefined {
  const logged = run.slot;
  const devTestHint = logged === DEV_TEST_SLOT && slot !== DEV_TEST_SLOT
    ? ` (${t`${DEV_TEST_SLOT} is the TOTVS Dev Test slot: does the AppServer run with logix.license.LSDevTest = 1? See --dev-test, R15`})`
    : '';
  if (licenseType !== 'slot') {
    if (logged === undefined) return undefined;
    return { kind: 'slot', message: t`the log shows slot ${logged} in use; the prediction consumes no slot (${rule}: ${reason})` + devTestHint };
  }
  if (slot === undefined) {
    notes.push(logged === undefined
      ? t`the slot of ${String(key)} is unknown to the catalog and the log shows none: not a disagreement`
      : t`the slot of ${String(key)} is unknown to the catalog: not a disagreement; the log shows ${logged} (import-log can add it)`);
    return undefined;
  }
  if (logged === undefined) {
    return { kind: 'slot', message: t`the prediction consumes ${String(key)} (slot ${slot}, ${rule}); the log shows no slot for this run (not written, or the log is cut short)` };
  }
  if (logged === slot) return undefined;
  const shown = run.consumedKey && run.consumedKey !== key
    ? t`the catalog gives ${String(key)} slot ${slot} (${rule}); the log shows slot ${logged} consumed for ${run.consumedKey}`
    : t`the catalog gives ${String(key)} slot ${slot} (${rule}); the log shows slot ${logged}`;
  return { kind: 'slot', message: shown + devTestHint };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** The keys of `a` that `b` lacks, duplicates counted (VDPPED twice against once leaves one). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const count = left.get(key) ?? 0;
    if (count === 0) return true;
    left.set(key, count - 1);
    return false;
  });
}

function finalListCause(run: LoggedRun, resolution: Resolution): Cause {
  const logged = run.finalKeys!;
  const predicted = resolution.finalKeys.map((entry) => entry.key);
  const onlyLogged = minus(logged, predicted);
  const onlyPredicted = minus(predicted, logged);
  const parts = [t`the log's FINAL list is ${show(logged)}; the prediction is ${show(predicted)}`];
  if (onlyLogged.length === 0 && onlyPredicted.length === 0) parts.push(t({ message: 'same keys in another order', comment: 'compare-log' }));
  if (onlyLogged.length > 0) parts.push(t`only in the log: ${onlyLogged.map((key) => `${key}${whereLogged(run.lists, key)}`).join(', ')}`);
  if (onlyPredicted.length > 0) {
    parts.push(t`only predicted: ${onlyPredicted.map((key) => `${key} (${describeKeyOrigin(resolution.finalKeys.find((entry) => entry.key === key)!)})`).join(', ')}`);
  }
  const lists = listDifferences(run.lists, resolution);
  if (lists.length > 0) parts.push(t`lists that differ: ${lists.join('; ')}`);
  parts.push(t`predicted keys from: ${resolution.finalKeys.map((entry) => `${entry.key} (${describeKeyOrigin(entry)})`).join(', ') || t({ message: 'none', comment: 'compare-log' })}`);
  return {
    kind: 'final-list',
    message: parts.join('; '),
    onlyLogged,
    onlyPredicted,
    origins: resolution.finalKeys.map(originJson),
  };
}

function show(keys: readonly string[]): string {
  return keys.length > 0 ? keys.join(',') : t({ message: '(empty)', comment: 'compare-log' });
}

/** ` (Área LOG)`: the logged list a key stands in, when the log shows one. */
function whereLogged(lists: readonly LoggedList[], key: string): string {
  const list = lists.find((candidate) => candidate.keys.includes(key));
  return list ? ` (${listLabel(list.kind, list.area)})` : '';
}

function listLabel(kind: LoggedList['kind'], area: string | undefined): string {
  return kind === 'own-area' ? `Área padrão ${area}` : kind === 'declared' ? 'da aplicação' : `Área ${area}`;
}

/** The per-area lists the log shows against those the simulated log would show, where they differ. */
function listDifferences(logged: readonly LoggedList[], resolution: Resolution): string[] {
  if (logged.length === 0) return [];
  const lists = debugLogLists(resolution);
  const predicted = new Map<string, readonly string[]>([
    [listLabel('own-area', lists.ownArea.area), lists.ownArea.keys],
    [listLabel('declared', undefined), lists.declared],
    ...lists.otherAreas.map(({ area, keys }): [string, readonly string[]] => [listLabel('other-area', area), keys]),
  ]);
  const seen = new Map<string, readonly string[]>(logged.map((list) => [listLabel(list.kind, list.area), list.keys]));
  const differences: string[] = [];
  for (const label of new Set([...seen.keys(), ...predicted.keys()])) {
    const inLog = seen.get(label) ?? [];
    const ours = predicted.get(label) ?? [];
    if (!sameList(inLog, ours)) differences.push(t`${label}: log ${show(inLog)}, predicted ${show(ours)}`);
  }
  return differences;
}

/** `R5 declared, man10021.4gl:3`, `R7 SYSTEMKEY_SUP, suprimentos/systemkey_sup.4gl:2`, `R6 area SUP default`. */
function describeKeyOrigin(entry: FinalKey): string {
  const { origin } = entry;
  const at = 'source' in origin ? `, ${origin.source.file}:${origin.source.range.start.line + 1}` : '';
  return `${origin.rule} ${describeOrigin(entry)}${at}`;
}

function originJson(entry: FinalKey): KeyOriginJson {
  const { origin } = entry;
  return {
    key: entry.key,
    rule: origin.rule,
    area: 'area' in origin ? origin.area : null,
    file: 'source' in origin ? origin.source.file : null,
    line: 'source' in origin ? origin.source.range.start.line + 1 : null,
  };
}
