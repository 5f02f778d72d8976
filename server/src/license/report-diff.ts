/**
 * What changes in license consumption between two trees (a base and a head, e.g. a pull
 * request's target branch and the change): programs added and removed, final lists (keys added,
 * removed, moved, or held another way), default key and slot, the configured menu key and what
 * is consumed under it, programs becoming blocked or free, and the catalog changes behind them.
 * Compares two `LicenseReport`s (report.ts), so it restates no rule: whatever the engine computes
 * differently is a change, and nothing else is (a comment, code that does not touch the license
 * calls, a line moved: positions in the files are not compared).
 *
 * Programs are matched by file (the path relative to the tree's folder), whatever their
 * environment: a file that moves into a folder given its own logix-license.json is the same
 * program under another catalog. A file left without a match on each side that defines the same
 * program name in the same environment, alone on both sides, is the same program moved. A move
 * (or a change of environment) with nothing else changed is no change.
 */
import { t } from '../l10n/messages.js';
import { quoteKeys, quoteSource } from './quote-source.js';
import type { RuleId } from './resolve.js';
import { describeHolding, slotText, type Consumes, type EnvironmentReport, type LicenseReport, type ProgramReport, type ReportFinalKey } from './report.js';

/** A program's consumption as the diff compares it. */
export interface ProgramState {
  readonly environment: string;
  readonly finalKeys: readonly string[];
  readonly defaultKey: string | null;
  /** null: unknown (not in the catalog, or not filled in). */
  readonly defaultSlot: number | null;
  readonly menuKey: string | null;
  /** The key consumed under the configured menu key (none configured: the menu without one). */
  readonly consumedKey: string | null;
  readonly menuSlot: number | null;
  readonly consumes: Consumes;
  readonly blocked: boolean;
}

export type DetailKind =
  | 'file' | 'environment'
  | 'final-list' | 'key-added' | 'key-removed' | 'key-moved' | 'key-origin'
  | 'default-key' | 'default-slot' | 'menu-key' | 'consumed-key' | 'consumed-slot' | 'blocked' | 'consumes';

export interface ChangeDetail {
  readonly what: DetailKind;
  /** The key a `key-…` detail is about. */
  readonly key?: string;
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
  /** The rule behind the state after the change (before it, for what was removed). */
  readonly rule?: RuleId;
  /** Where the key comes from: `SYSTEMKEY_LOG (R7), systemkey_log.4gl:12` (after; before for a removed key). */
  readonly from?: string;
  /** Why, when the program's code did not change it: the catalog's slot of a key, its menu entry. */
  readonly note?: string;
}

export interface ProgramChange {
  readonly program: string;
  /** The head's file (the base's for a removed program). */
  readonly file: string;
  readonly environment: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: ProgramState | null;
  readonly after: ProgramState | null;
  /** For `changed` only: what changed, the final list first. */
  readonly details: readonly ChangeDetail[];
}

/** A key of a catalog whose slot or status changed, with the programs (of either tree) holding it. */
export interface CatalogChange {
  readonly environment: string;
  readonly key: string;
  readonly what: 'slot' | 'status';
  readonly before: string | number | null;
  readonly after: string | number | null;
  readonly programs: readonly string[];
}

export interface ReportDiff {
  readonly changes: readonly ProgramChange[];
  readonly catalog: readonly CatalogChange[];
  readonly summary: { readonly added: number; readonly removed: number; readonly changed: number };
}

export type FailOn = 'any' | 'blocked' | 'default-slot';
export const FAIL_ON: readonly FailOn[] = ['any', 'blocked', 'default-slot'];

export function diffReports(base: LicenseReport, head: LicenseReport): ReportDiff {
  const before = base.environments.flatMap((environment) => environment.programs);
  const after = head.environments.flatMap((environment) => environment.programs);
  const beforeByFile = new Map(before.map((program) => [program.file, program]));
  const afterByFile = new Map(after.map((program) => [program.file, program]));
  const pairs: [ProgramReport, ProgramReport][] = [];
  const removed = before.filter((program) => !afterByFile.has(program.file));
  const added = after.filter((program) => !beforeByFile.has(program.file));
  for (const program of after) {
    const old = beforeByFile.get(program.file);
    if (old) pairs.push([old, program]);
  }
  // A file moved: the one unmatched file of a name and environment on each side.
  const byName = (list: readonly ProgramReport[]) => {
    const map = new Map<string, ProgramReport[]>();
    for (const program of list) {
      const id = `${program.environment}\0${program.program}`;
      map.set(id, [...(map.get(id) ?? []), program]);
    }
    return map;
  };
  const removedByName = byName(removed);
  const addedByName = byName(added);
  const moved = new Set<ProgramReport>();
  for (const [id, olds] of removedByName) {
    const news = addedByName.get(id);
    if (olds.length === 1 && news?.length === 1) {
      pairs.push([olds[0]!, news[0]!]);
      moved.add(olds[0]!).add(news[0]!);
    }
  }

  const changes: ProgramChange[] = [];
  for (const program of removed) {
    if (!moved.has(program)) changes.push({ program: program.program, file: program.file, environment: program.environment, kind: 'removed', before: stateOf(program), after: null, details: [] });
  }
  for (const program of added) {
    if (!moved.has(program)) changes.push({ program: program.program, file: program.file, environment: program.environment, kind: 'added', before: null, after: stateOf(program), details: [] });
  }
  const catalogs = { base: catalogsOf(base), head: catalogsOf(head) };
  for (const [old, now] of pairs) {
    const details = compareProgram(old, now, catalogs);
    if (details.length === 0) continue;
    const where: ChangeDetail[] = [
      ...(old.file !== now.file ? [{ what: 'file' as const, before: old.file, after: now.file }] : []),
      ...(old.environment !== now.environment ? [{ what: 'environment' as const, before: old.environment, after: now.environment }] : []),
    ];
    changes.push({ program: now.program, file: now.file, environment: now.environment, kind: 'changed', before: stateOf(old), after: stateOf(now), details: [...where, ...details] });
  }
  changes.sort((a, b) => compareText(a.environment, b.environment) || compareText(a.file, b.file));
  return {
    changes,
    catalog: catalogChanges(base, head),
    summary: {
      added: changes.filter((change) => change.kind === 'added').length,
      removed: changes.filter((change) => change.kind === 'removed').length,
      changed: changes.filter((change) => change.kind === 'changed').length,
    },
  };
}

/** The changes `--fail-on` counts: any; a program blocked now that was not (or new and blocked); a default or consumed key or slot changed. */
export function failing(diff: ReportDiff, failOn: FailOn): ProgramChange[] {
  switch (failOn) {
    case 'any':
      return [...diff.changes];
    case 'blocked':
      return diff.changes.filter((change) => change.after?.blocked === true && change.before?.blocked !== true);
    case 'default-slot':
      return diff.changes.filter((change) => change.details.some((detail) => ['default-key', 'default-slot', 'consumed-key', 'consumed-slot'].includes(detail.what)));
  }
}

export function stateOf(program: ProgramReport): ProgramState {
  return {
    environment: program.environment,
    finalKeys: program.finalKeys.map((entry) => entry.key),
    defaultKey: program.defaultKey ?? null,
    defaultSlot: typeof program.defaultSlot === 'number' ? program.defaultSlot : null,
    menuKey: program.menuKey ?? null,
    consumedKey: program.consumption.key ?? null,
    menuSlot: typeof program.consumption.slot === 'number' ? program.consumption.slot : null,
    consumes: program.consumes,
    blocked: program.blocked,
  };
}

type Catalogs = ReadonlyMap<string, ReadonlyMap<string, number | null | undefined>>;

/** Each environment's slots by key, to say when a slot changed in the catalog rather than in the code. */
function catalogsOf(report: LicenseReport): Catalogs {
  return new Map(report.environments.map((environment) => [environment.root, new Map(environment.keys.map((key) => [key.key, key.slot]))]));
}

function compareProgram(old: ProgramReport, now: ProgramReport, catalogs: { base: Catalogs; head: Catalogs }): ChangeDetail[] {
  const details: ChangeDetail[] = [...compareFinalLists(old, now)];
  const a = stateOf(old);
  const b = stateOf(now);
  const slotNote = (key: string | null, beforeKey: string | null) => {
    if (key === null || key !== beforeKey) return {};
    const wasSlot = catalogs.base.get(old.environment)?.get(key);
    const isSlot = catalogs.head.get(now.environment)?.get(key);
    return wasSlot !== isSlot ? { note: t`the catalog's slot of ${quoteSource(key)}: ${slotText(wasSlot)} → ${slotText(isSlot)}` } : {};
  };
  if (a.defaultKey !== b.defaultKey) details.push({ what: 'default-key', before: a.defaultKey, after: b.defaultKey, rule: 'R8' });
  if (a.defaultSlot !== b.defaultSlot) details.push({ what: 'default-slot', before: a.defaultSlot, after: b.defaultSlot, rule: 'R8', ...slotNote(b.defaultKey, a.defaultKey) });
  if (a.menuKey !== b.menuKey) details.push({ what: 'menu-key', before: a.menuKey, after: b.menuKey, note: t("the catalog's menu entry") });
  if (a.blocked !== b.blocked) {
    details.push({ what: 'blocked', before: a.blocked, after: b.blocked, rule: (b.blocked ? now : old).consumption.rule });
  } else if (a.consumes !== b.consumes) {
    details.push({ what: 'consumes', before: a.consumes, after: b.consumes, rule: now.consumption.rule });
  }
  if (a.consumedKey !== b.consumedKey) details.push({ what: 'consumed-key', before: a.consumedKey, after: b.consumedKey, rule: now.consumption.rule });
  if (a.menuSlot !== b.menuSlot) details.push({ what: 'consumed-slot', before: a.menuSlot, after: b.menuSlot, rule: now.consumption.rule, ...slotNote(b.consumedKey, a.consumedKey) });
  return details;
}

/**
 * The final lists compared key by key. Occurrences are paired by key and origin first (a key held
 * twice, declared and appended, keeps each pairing), then by key; a pair whose order among the
 * paired keys changed is moved (a key inserted before others does not move them), one held
 * another way has a new origin.
 */
function compareFinalLists(old: ProgramReport, now: ProgramReport): ChangeDetail[] {
  const before = old.finalKeys;
  const after = now.finalKeys;
  const same = (x: readonly ReportFinalKey[], y: readonly ReportFinalKey[]) => x.length === y.length && x.every((entry, index) => entry.key === y[index]!.key && originOf(entry) === originOf(y[index]!));
  if (same(before, after)) return [];
  const pairs: [number, number][] = [];
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  for (const sameOrigin of [true, false]) {
    after.forEach((entry, j) => {
      if (usedAfter.has(j)) return;
      const i = before.findIndex((candidate, index) => !usedBefore.has(index) && candidate.key === entry.key && (!sameOrigin || originOf(candidate) === originOf(entry)));
      if (i === -1) return;
      pairs.push([i, j]);
      usedBefore.add(i);
      usedAfter.add(j);
    });
  }
  const beforeKeys = before.map((entry) => entry.key).join(',');
  const afterKeys = after.map((entry) => entry.key).join(',');
  // The same keys held another way: only the origins changed.
  const details: ChangeDetail[] = beforeKeys === afterKeys ? [] : [{ what: 'final-list', before: beforeKeys, after: afterKeys }];
  before.forEach((entry, i) => {
    if (!usedBefore.has(i)) details.push({ what: 'key-removed', key: entry.key, before: i + 1, after: null, rule: entry.rule, from: fromText(entry) });
  });
  after.forEach((entry, j) => {
    if (!usedAfter.has(j)) details.push({ what: 'key-added', key: entry.key, before: null, after: j + 1, rule: entry.rule, from: fromText(entry) });
  });
  const rankBefore = new Map([...pairs].sort((x, y) => x[0] - y[0]).map((pair, rank) => [pair, rank]));
  const byAfter = [...pairs].sort((x, y) => x[1] - y[1]);
  byAfter.forEach((pair, rank) => {
    const [i, j] = pair;
    const was = before[i]!;
    const is = after[j]!;
    if (rankBefore.get(pair) !== rank) details.push({ what: 'key-moved', key: is.key, before: i + 1, after: j + 1, rule: is.rule, from: fromText(is) });
    if (originOf(was) !== originOf(is)) details.push({ what: 'key-origin', key: is.key, before: describeHolding(was), after: describeHolding(is), rule: is.rule, from: fromText(is) });
  });
  return details;
}

function originOf(entry: ReportFinalKey): string {
  return `${entry.rule}:${entry.area ?? ''}`;
}

function fromText(entry: ReportFinalKey): string {
  return `${describeHolding(entry)}${entry.source ? `, ${entry.source.file}:${entry.source.range.start.line + 1}` : ''}`;
}

/** Slots and statuses of the keys some program of either tree holds (or writes), per environment present in both. */
function catalogChanges(base: LicenseReport, head: LicenseReport): CatalogChange[] {
  const result: CatalogChange[] = [];
  const baseByRoot = new Map(base.environments.map((environment) => [environment.root, environment]));
  for (const environment of head.environments) {
    const old = baseByRoot.get(environment.root);
    if (!old) continue;
    const oldKeys = keysOf(old);
    for (const [name, key] of keysOf(environment)) {
      const was = oldKeys.get(name);
      if (!was) continue;
      const programs = [...new Set([...was.programs, ...key.programs].map((holder) => holder.program))].sort();
      if (programs.length === 0) continue;
      if (slotValue(was.slot) !== slotValue(key.slot)) result.push({ environment: environment.root, key: name, what: 'slot', before: slotValue(was.slot), after: slotValue(key.slot), programs });
      if (was.status !== key.status) result.push({ environment: environment.root, key: name, what: 'status', before: was.status, after: key.status, programs });
    }
  }
  return result;
}

function keysOf(environment: EnvironmentReport) {
  return new Map(environment.keys.map((key) => [key.key, key]));
}

function slotValue(slot: number | null | undefined): number | null {
  return typeof slot === 'number' ? slot : null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A detail in words, as the text and Markdown views show it. */
export function describeDetail(detail: ChangeDetail): string {
  const value = (text: string | number | boolean | null) => (text === null ? t({ message: 'none', comment: 'a key, a list of keys' }) : typeof text === 'string' ? quoteList(text) : String(text));
  const slot = (text: string | number | boolean | null) => (text === null ? t({ message: 'unknown', comment: 'a slot' }) : String(text));
  const empty = () => t({ message: '(empty)', comment: 'a list of keys' });
  const rule = detail.rule ? ` (${detail.rule})` : '';
  const note = detail.note ? `; ${detail.note}` : '';
  const from = detail.from ? `, ${detail.from}` : '';
  switch (detail.what) {
    case 'file': return t`file moved: ${value(detail.before)} → ${value(detail.after)}`;
    case 'environment': return t`environment: ${detail.before || '.'} → ${detail.after || '.'}`;
    case 'final-list': return t`final list: ${value(detail.before) || empty()} → ${value(detail.after) || empty()}`;
    case 'key-added': return t`${quoteList(detail.key ?? '')} added at #${String(detail.after)}${from}`;
    case 'key-removed': return t`${quoteList(detail.key ?? '')} removed from #${String(detail.before)}${from}`;
    case 'key-moved': return t`${quoteList(detail.key ?? '')} moved #${String(detail.before)} → #${String(detail.after)}${from}`;
    case 'key-origin': return t`${quoteList(detail.key ?? '')} held another way: ${value(detail.before)} → ${value(detail.after)}`;
    case 'default-key': return t`default key: ${value(detail.before)} → ${value(detail.after)}${rule}`;
    case 'default-slot': return t`default slot: ${slot(detail.before)} → ${slot(detail.after)}${rule}${note}`;
    case 'menu-key': return t`configured menu key: ${value(detail.before)} → ${value(detail.after)}${note}`;
    case 'consumed-key': return t`key consumed under the menu key: ${value(detail.before)} → ${value(detail.after)}${rule}`;
    case 'consumed-slot': return t`slot consumed under the menu key: ${slot(detail.before)} → ${slot(detail.after)}${rule}${note}`;
    case 'blocked': return detail.after === true ? t`now blocked${rule}` : t`no longer blocked${rule}`;
    case 'consumes': return t`consumes: ${consumesText(detail.before)} → ${consumesText(detail.after)}${rule}`;
  }
}

function consumesText(consumes: string | number | boolean | null): string {
  switch (consumes) {
    case 'slot': return t('a license');
    case 'free': return t('nothing, free program (R12)');
    case 'none': return t('nothing, never asks (R1)');
    case 'blocked': return t({ message: 'access blocked', comment: 'what a program consumes' });
    default: return String(consumes);
  }
}

/** A program's state in one line: `MANENG,WMS · default MANENG (slot unknown) · menu WMS → WMS (slot 5087)`. */
export function describeState(state: ProgramState): string {
  const unknown = () => t({ message: 'unknown', comment: 'a slot' });
  const keys = state.finalKeys.map(quoteSource).join(',') || t('(no valid key)');
  const defaults = state.defaultKey !== null ? t`default ${quoteSource(state.defaultKey)} (slot ${state.defaultSlot ?? unknown()})` : t('no default key');
  const consumed = state.blocked ? t({ message: 'access blocked', comment: 'what a program consumes' })
    : state.consumes === 'free' ? t('nothing, free program (R12)')
      : state.consumes === 'none' ? t('nothing, never asks (R1)')
        : `${quoteSource(state.consumedKey ?? '?')} (slot ${state.menuSlot ?? unknown()})`;
  const menuKey = state.menuKey !== null ? quoteSource(state.menuKey) : t('(none configured)');
  return t`${keys} · ${defaults} · menu key ${menuKey} → ${consumed}`;
}

/** Keys or a comma-separated list of keys as messages quote source text: key by key, never cut as a whole. */
export function quoteList(text: string): string {
  return quoteKeys(text.split(','));
}
