/**
 * What a debug log teaches the catalog: the slot of each key a run consumed (`key → slot`) and the
 * menu key each program was launched under (`program → menu key`), and the text of
 * `logix-license.json` with what is new written in. Pure: runs and catalog in, plan and text out.
 *
 * Nothing is ever removed or overwritten: an unknown slot is filled, a missing key or menu entry is
 * added; a key the catalog gives another slot keeps it (and is reported); a key the log shows with
 * two slots is a conflict and is not written; nor is a program launched under several menu keys.
 * Slot 4007 is TOTVS Dev Test (R15): every consumption of a test environment goes there, so it
 * says nothing about a key.
 */
import { t } from '../l10n/messages.js';
import { DEV_TEST_SLOT, NO_MENU_KEY, type Catalog } from '../license/catalog.js';
import { addMenuEdit, applyTextEdit, applyTextEdits, composeTextEdits, setKeySlotEdit, type TextEdit } from '../license/catalog-edit.js';
import type { LoggedRun } from './read-log.js';

export interface ImportPlan {
  /** Keys whose slot is to be written: absent from the catalog, or there without a slot. */
  readonly keys: ReadonlyMap<string, { readonly slot: number; readonly runs: number; readonly known: boolean }>;
  /** Programs (lower case) whose menu key is to be written. */
  readonly menu: ReadonlyMap<string, string>;
  /** Keys the log shows consumed with several slots: not written. */
  readonly conflicts: readonly { readonly key: string; readonly slots: readonly number[] }[];
  /** Programs the log shows launched under several menu keys: not written. */
  readonly menuConflicts: readonly { readonly program: string; readonly keys: readonly string[] }[];
  /** Keys the catalog gives another slot than the log: kept. */
  readonly keptSlots: readonly { readonly key: string; readonly slot: number; readonly logged: number }[];
  /** Programs the catalog gives another menu key than the log: kept. */
  readonly keptMenu: readonly { readonly program: string; readonly menuKey: string; readonly logged: string }[];
  /** Keys and programs the catalog already has as the log shows them. */
  readonly confirmed: { readonly keys: readonly string[]; readonly menu: readonly string[] };
  /** Runs that teach no slot: no slot logged, no key consumed, or the dev-test slot. */
  readonly withoutSlot: number;
  readonly devTestRuns: number;
}

export function planImport(runs: readonly LoggedRun[], catalog: Catalog): ImportPlan {
  const slotsByKey = new Map<string, Map<number, number>>();
  const menuByProgram = new Map<string, Set<string>>();
  let withoutSlot = 0;
  let devTestRuns = 0;
  for (const run of runs) {
    if (run.menuKey !== undefined && isMenuKey(run.menuKey)) {
      const keys = menuByProgram.get(run.program) ?? new Set<string>();
      menuByProgram.set(run.program, keys.add(run.menuKey));
    }
    if (run.slot === undefined || run.consumedKey === undefined) withoutSlot += 1;
    else if (run.slot === DEV_TEST_SLOT) devTestRuns += 1;
    else {
      const slots = slotsByKey.get(run.consumedKey) ?? new Map<number, number>();
      slotsByKey.set(run.consumedKey, slots.set(run.slot, (slots.get(run.slot) ?? 0) + 1));
    }
  }

  const keys = new Map<string, { slot: number; runs: number; known: boolean }>();
  const conflicts: { key: string; slots: number[] }[] = [];
  const keptSlots: { key: string; slot: number; logged: number }[] = [];
  const confirmedKeys: string[] = [];
  for (const [key, slots] of slotsByKey) {
    if (slots.size > 1) {
      conflicts.push({ key, slots: [...slots.keys()] });
      continue;
    }
    const [[slot, count]] = [...slots] as [[number, number]];
    const entry = catalog.keys.get(key);
    // No slot, or `"slot": null` (listed, not filled in yet): the log fills it.
    if (entry?.slot === undefined || entry.slot === null) keys.set(key, { slot, runs: count, known: entry !== undefined });
    else if (entry.slot === slot) confirmedKeys.push(key);
    else keptSlots.push({ key, slot: entry.slot, logged: slot });
  }

  const menu = new Map<string, string>();
  const menuConflicts: { program: string; keys: string[] }[] = [];
  const keptMenu: { program: string; menuKey: string; logged: string }[] = [];
  const confirmedMenu: string[] = [];
  for (const [program, seen] of menuByProgram) {
    if (seen.size > 1) {
      menuConflicts.push({ program, keys: [...seen] });
      continue;
    }
    const [logged] = [...seen] as [string];
    const configured = catalog.menu.get(program);
    if (configured === undefined) menu.set(program, logged);
    else if (configured === logged) confirmedMenu.push(program);
    else keptMenu.push({ program, menuKey: configured, logged });
  }

  return { keys, menu, conflicts, menuConflicts, keptSlots, keptMenu, confirmed: { keys: confirmedKeys, menu: confirmedMenu }, withoutSlot, devTestRuns };
}

/** A menu key the catalog file accepts: a key in upper case, or `?` (R11). */
function isMenuKey(text: string): boolean {
  return text === NO_MENU_KEY || /^[A-Z0-9_]+$/.test(text);
}

/** The text a new catalog file starts from, before the plan is written in. */
const NEW_CATALOG_TEXT = '{\n}\n';

/**
 * The plan written into the catalog's text, one insertion at a time in the file's own style, as
 * edits of that text (in order, not overlapping: what an editor applies at once); `text`
 * undefined: a new file, edits of NEW_CATALOG_TEXT. The text must be a catalog the catalog reader
 * accepts (`parseCatalogFile`); an entry it cannot take (already there) is left as it is.
 */
export function importEdits(text: string | undefined, plan: ImportPlan): TextEdit[] {
  const base = text ?? NEW_CATALOG_TEXT;
  let result = base;
  const sequential: TextEdit[] = [];
  const add = (edit: TextEdit | undefined) => {
    if (!edit) return;
    sequential.push(edit);
    result = applyTextEdit(result, edit);
  };
  for (const [key, { slot }] of plan.keys) add(setKeySlotEdit(result, key, slot));
  for (const [program, menuKey] of plan.menu) add(addMenuEdit(result, program, menuKey));
  return composeTextEdits(base, sequential);
}

/** The text of the catalog with the plan written in (`importEdits` applied); `text` undefined: a new file. */
export function applyImport(text: string | undefined, plan: ImportPlan): string {
  return applyTextEdits(text ?? NEW_CATALOG_TEXT, importEdits(text, plan));
}

/**
 * What the plan adds, and what it reports without writing, one line each (the CLI's text report
 * and the editor's summary): `fill  slot of MANENG: 9001 (1 run)`, `conflict: …`.
 */
export function importLines(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const runs = (count: number) => (count === 1 ? t({ message: '1 run', comment: 'import-log' }) : t({ message: '{0} runs', args: [count], comment: 'import-log' }));
  for (const [key, { slot, runs: count, known }] of plan.keys) {
    lines.push(known ? t`fill  slot of ${key}: ${slot} (${runs(count)})` : t`add   key ${key}, slot ${slot} (${runs(count)})`);
  }
  for (const [program, key] of plan.menu) lines.push(t`add   menu ${program}: ${key}`);
  for (const { key, slots } of plan.conflicts) lines.push(t`conflict: ${key} consumed with slots ${slots.join(', ')}: not written`);
  for (const { program, keys } of plan.menuConflicts) lines.push(t`several menu keys: ${program} launched under ${keys.join(', ')}: not written`);
  for (const { key, slot, logged } of plan.keptSlots) lines.push(t`kept: ${key} has slot ${slot} in the catalog; the log shows ${logged} (not overwritten)`);
  for (const { program, menuKey, logged } of plan.keptMenu) lines.push(t`kept: menu ${program} is ${menuKey} in the catalog; the log shows ${logged} (not overwritten)`);
  if (plan.confirmed.keys.length + plan.confirmed.menu.length > 0) {
    lines.push(t`already in the catalog as logged: ${[...plan.confirmed.keys.map((key) => t({ message: 'key {0}', args: [key], comment: 'import-log' })), ...plan.confirmed.menu.map((program) => t({ message: 'menu {0}', args: [program], comment: 'import-log' }))].join(', ')}`);
  }
  if (plan.withoutSlot > 0) {
    lines.push(plan.withoutSlot === 1
      ? t`1 run with no slot or no consumed key in the log: no slot learnt from it`
      : t`${plan.withoutSlot} runs with no slot or no consumed key in the log: no slot learnt from them`);
  }
  if (plan.devTestRuns > 0) {
    lines.push(plan.devTestRuns === 1
      ? t`1 run in slot ${DEV_TEST_SLOT} (TOTVS Dev Test, R15): no slot learnt from it`
      : t`${plan.devTestRuns} runs in slot ${DEV_TEST_SLOT} (TOTVS Dev Test, R15): no slot learnt from them`);
  }
  return lines;
}
