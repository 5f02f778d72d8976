/**
 * The license map of a tree: per environment, every key (catalog entry, status, the programs whose
 * final list holds it and how) and every program (final list, default key, what it consumes under
 * its configured menu key), with totals. One computation, many views: built from the engine's
 * `Resolution` (R4–R8) and `consume` (R9–R15) values, never re-deriving a rule; the CLI's
 * `report` renders it as text, JSON, Markdown or CSV, `diff` compares two of them
 * (report-diff.ts), and the language server answers the editor's license map with it.
 *
 * Pure: environments in, data out. Paths are relative to the analysed folder, `/`-separated.
 */
import { t } from '../l10n/messages.js';
import { canonicalArea, keyStatus, normalizeKey, type Catalog, type KeyStatus } from './catalog.js';
import { allSources, type LicenseModel, type ProgramSource } from './model.js';
import { consume, type Consumption, type FinalKey, type LicenseType, type ResolutionLookup, type Resolution, type RuleId, type SourceRef } from './resolve.js';

/** What the report needs of an environment (an `EnvironmentIndex` is one). */
export interface ReportEnvironmentInput {
  /** Relative to the analysed folder; `''` for the folder itself. */
  readonly root: string;
  readonly catalog: Catalog;
  readonly model: LicenseModel;
  readonly resolutionOf: ResolutionLookup;
}

/**
 * How a program's final list holds a key: its own declaration (R5), its area's default (R6), its
 * own area's SYSTEMKEY file (R4) or another area's (R7). `dropped`: the program writes an invalid
 * key, which the runtime leaves out (R5 for a declared one, R4 / R7 for a registration).
 */
export type Holding = 'declared' | 'area-default' | 'own-area-systemkey' | 'other-area-systemkey' | 'dropped';

export interface KeyHolder {
  readonly program: string;
  readonly displayName: string;
  readonly file: string;
  readonly how: Holding;
  readonly rule: RuleId;
  /** The SYSTEMKEY file's area (R4, R7), the area whose default was elected (R6). */
  readonly area?: string;
  /** 1-based place in the final list; null for a dropped key. A key held twice has two holders. */
  readonly position: number | null;
  /** The first key of the final list: the program's default key (R8). */
  readonly default: boolean;
  /**
   * Where it comes from: the key in the LOG_initApp / log001_acessa_usuario list (R5, dropped),
   * the program in the SYSTEMKEY list (R4, R7, dropped), the declaration or the main function
   * (R6).
   */
  readonly source?: SourceRef;
  /** Where the key itself is written: in the declaration's list, or the SYSTEMKEY call's key (absent for R6). */
  readonly keySource?: SourceRef;
}

export interface KeyReport {
  readonly key: string;
  readonly environment: string;
  /** Absent: nobody stated it; null: the catalog file lists it with its slot not filled in. */
  readonly slot?: number | null;
  readonly area?: string;
  readonly description?: string;
  readonly status: KeyStatus;
  /** Where the environment's catalog file declares the key, if it does. */
  readonly catalogEntry?: SourceRef;
  readonly programs: readonly KeyHolder[];
}

/** What a program consumes under its configured menu key (none configured: the menu without one). */
export type Consumes = 'slot' | 'free' | 'none' | 'blocked';

export interface ReportFinalKey {
  readonly key: string;
  readonly how: Exclude<Holding, 'dropped'>;
  readonly rule: RuleId;
  readonly area?: string;
  readonly slot?: number | null;
  readonly status: KeyStatus;
  readonly source?: SourceRef;
  readonly keySource?: SourceRef;
}

export interface ProgramReport {
  readonly program: string;
  readonly displayName: string;
  readonly file: string;
  readonly environment: string;
  readonly area?: string;
  readonly finalKeys: readonly ReportFinalKey[];
  readonly defaultKey?: string;
  readonly defaultSlot?: number | null;
  /** The menu key the catalog configures for the program (`?` included); absent when none is. */
  readonly menuKey?: string;
  /** Under that menu key, as a user launching the program from the menu gets (R8–R12, R15). */
  readonly consumption: {
    readonly key?: string;
    readonly slot?: number | null;
    readonly licenseType: LicenseType;
    readonly rule: RuleId;
    readonly reason: string;
    readonly menuKeyRejected: boolean;
  };
  /** `slot` a license is consumed; `free` a free program (R12); `none` it never asks (R1); `blocked` (R10, R11). */
  readonly consumes: Consumes;
  readonly blocked: boolean;
  /** The LOG_initApp / log001_acessa_usuario call, else the program's main function. */
  readonly declaration: SourceRef;
  /** Keys of the final list the partial catalog does not list: assumed to exist. */
  readonly assumed: readonly string[];
}

export interface SlotCount {
  /** null: the slot is unknown (not in the catalog, or not filled in). */
  readonly slot: number | null;
  readonly keys: readonly string[];
  readonly programs: number;
}

export interface ReportSummary {
  readonly programs: number;
  /** Keys in the inventory: the catalog's, the unverified ones programs hold, the invalid ones they write. */
  readonly keys: number;
  /** Keys at least one final list holds. */
  readonly keysHeld: number;
  readonly blocked: number;
  readonly free: number;
  /** Programs that never ask for a license (R1). */
  readonly none: number;
  /** Programs with no default key (an empty final list). */
  readonly withoutDefaultKey: number;
  /** Programs per slot of their default key (R8), known slots first in slot order. */
  readonly byDefaultSlot: readonly SlotCount[];
  /** Programs per slot they consume under their configured menu key, the same way. */
  readonly byConsumedSlot: readonly SlotCount[];
}

export interface EnvironmentReport {
  readonly root: string;
  /** Where its keys come from ("built-in catalog + logix-license.json"). */
  readonly catalog: string;
  readonly catalogFile?: string;
  readonly complete: boolean;
  readonly keys: readonly KeyReport[];
  readonly programs: readonly ProgramReport[];
  readonly summary: ReportSummary;
}

export interface LicenseReport {
  readonly environments: readonly EnvironmentReport[];
  readonly summary: ReportSummary & { readonly environments: number };
}

/**
 * What a report computed per program, kept while the program's `Resolution` is the same object
 * under the same catalog: an index that keeps resolutions until a change touches them (the
 * language server's) then rebuilds only the programs a change touched. Weakly held: a dropped
 * resolution takes its entry with it.
 */
interface ProgramEntry {
  readonly program: ProgramReport;
  readonly held: readonly { readonly key: string; readonly holder: KeyHolder }[];
}

export class ReportCache {
  private readonly byResolution = new WeakMap<Resolution, { readonly catalog: Catalog; readonly root: string } & ProgramEntry>();

  /** The program's entry and every key it holds (each position of its final list) or writes invalid. */
  programOf(root: string, source: ProgramSource, resolution: Resolution, catalog: Catalog, model: LicenseModel): ProgramEntry {
    const cached = this.byResolution.get(resolution);
    if (cached && cached.catalog === catalog && cached.root === root && cached.program.file === source.file) return cached;
    const program = programReport(root, source, resolution, catalog, model);
    const held = program.finalKeys.map((entry, index) => ({
      key: entry.key,
      holder: {
        program: source.name, displayName: resolution.displayName, file: source.file,
        how: entry.how, rule: entry.rule, ...(entry.area ? { area: entry.area } : {}),
        position: index + 1, default: index === 0, ...(entry.source ? { source: entry.source } : {}),
        ...(entry.keySource ? { keySource: entry.keySource } : {}),
      } satisfies KeyHolder,
    }));
    const entry = { catalog, root, program, held: [...held, ...droppedKeys(source, resolution, model, catalog)] };
    this.byResolution.set(resolution, entry);
    return entry;
  }
}

export function buildReport(environments: readonly ReportEnvironmentInput[], cache = new ReportCache()): LicenseReport {
  const reports = environments.map((environment) => environmentReport(environment, cache));
  const programs = reports.flatMap((environment) => environment.programs);
  const keys = reports.flatMap((environment) => environment.keys);
  return { environments: reports, summary: { environments: reports.length, ...summarize(keys, programs) } };
}

function environmentReport(environment: ReportEnvironmentInput, cache = new ReportCache()): EnvironmentReport {
  const { catalog, model, root } = environment;
  const sources = allSources(model);
  const programs: ProgramReport[] = [];
  const holders = new Map<string, KeyHolder[]>();
  const hold = (key: string, holder: KeyHolder) => {
    let list = holders.get(key);
    if (!list) holders.set(key, (list = []));
    list.push(holder);
  };
  for (const source of sources) {
    const resolution = environment.resolutionOf(source.name, source.file);
    const { program, held } = cache.programOf(root, source, resolution, catalog, model);
    programs.push(program);
    for (const each of held) hold(each.key, each.holder);
  }
  const names = new Set([...catalog.keys.keys(), ...holders.keys()]);
  const keys = [...names].sort().map((key): KeyReport => {
    const entry = catalog.keys.get(key);
    const range = catalog.keyRanges.get(key);
    return {
      key, environment: root,
      ...(entry && entry.slot !== undefined ? { slot: entry.slot } : {}),
      ...(entry?.area ? { area: entry.area } : {}),
      ...(entry?.description ? { description: entry.description } : {}),
      status: keyStatus(catalog, key),
      ...(range && catalog.workspaceFile !== undefined ? { catalogEntry: { file: catalog.workspaceFile, range } } : {}),
      programs: holders.get(key) ?? [],
    };
  });
  return {
    root,
    catalog: catalog.description,
    ...(catalog.workspaceFile !== undefined ? { catalogFile: catalog.workspaceFile } : {}),
    complete: catalog.complete,
    keys,
    programs,
    summary: summarize(keys, programs),
  };
}

function programReport(root: string, source: ProgramSource, resolution: Resolution, catalog: Catalog, model: LicenseModel): ProgramReport {
  const consumption: Consumption = consume(resolution, catalog, { context: 'menu' });
  const menuKey = catalog.menu.get(resolution.program);
  const declaration: SourceRef = source.declaration
    ? { file: source.file, range: source.declaration.range }
    : { file: source.file, range: source.mainUnit.nameRange };
  const declaredSeen = new Map<string, number>();
  const finalKeys = resolution.finalKeys.map((entry): ReportFinalKey => {
    const slot = catalog.keys.get(entry.key)?.slot;
    let where: SourceRef | undefined;
    let keySource: SourceRef | undefined;
    if (entry.origin.rule === 'R5') {
      // The n-th declared occurrence of the key is its n-th item in the list (R5 keeps the order).
      const nth = declaredSeen.get(entry.key) ?? 0;
      declaredSeen.set(entry.key, nth + 1);
      keySource = keyItemIn(source, entry.key, nth);
      where = keySource ?? entry.origin.source;
    } else if (entry.origin.rule === 'R6') {
      where = declaration;
    } else {
      where = entry.origin.source;
      keySource = registrationKeyAt(model, source.name, where);
    }
    return {
      key: entry.key, how: holdingOf(entry), rule: entry.origin.rule,
      ...(entry.origin.rule !== 'R5' ? { area: entry.origin.area } : {}),
      ...(slot !== undefined ? { slot } : {}),
      status: keyStatus(catalog, entry.key),
      source: where,
      ...(keySource ? { keySource } : {}),
    };
  });
  const defaultSlot = resolution.defaultKey !== undefined ? catalog.keys.get(resolution.defaultKey)?.slot : undefined;
  return {
    program: resolution.program,
    displayName: resolution.displayName,
    file: source.file,
    environment: root,
    ...(resolution.area ? { area: resolution.area } : {}),
    finalKeys,
    ...(resolution.defaultKey !== undefined ? { defaultKey: resolution.defaultKey } : {}),
    ...(defaultSlot !== undefined ? { defaultSlot } : {}),
    ...(menuKey !== undefined ? { menuKey } : {}),
    consumption: {
      ...(consumption.key !== undefined && consumption.licenseType !== 'none' && consumption.licenseType !== 'blocked' ? { key: consumption.key } : {}),
      ...(consumption.slot !== undefined && consumption.licenseType !== 'none' && consumption.licenseType !== 'blocked' ? { slot: consumption.slot } : {}),
      licenseType: consumption.licenseType,
      rule: consumption.rule,
      reason: consumption.reason,
      menuKeyRejected: consumption.menuKeyRejected === true,
    },
    consumes: consumesOf(consumption),
    blocked: consumption.licenseType === 'blocked',
    declaration,
    assumed: resolution.assumptions.map((each) => each.key),
  };
}

function holdingOf(entry: FinalKey): Exclude<Holding, 'dropped'> {
  switch (entry.origin.rule) {
    case 'R4': return 'own-area-systemkey';
    case 'R5': return 'declared';
    case 'R6': return 'area-default';
    case 'R7': return 'other-area-systemkey';
  }
}

function consumesOf(consumption: Consumption): Consumes {
  if (consumption.licenseType === 'blocked') return 'blocked';
  if (consumption.licenseType === 'none') return consumption.rule === 'R12' ? 'free' : 'none';
  return 'slot';
}

/** The n-th item of the declaration's key list that names `key`. */
function keyItemIn(source: ProgramSource, key: string, nth: number): SourceRef | undefined {
  const argument = source.declaration?.args[0];
  if (argument?.kind !== 'literal') return undefined;
  const item = argument.items.filter((candidate) => normalizeKey(candidate.text) === key)[nth];
  return item ? { file: source.file, range: item.range } : undefined;
}

/** The key of the registration whose program item is at `where` (a final key's R4 / R7 origin). */
function registrationKeyAt(model: LicenseModel, program: string, where: SourceRef): SourceRef | undefined {
  const registration = (model.registrations.get(program) ?? []).find((candidate) =>
    candidate.file === where.file && candidate.programItem.range.start.line === where.range.start.line && candidate.programItem.range.start.character === where.range.start.character);
  return registration?.keyItem ? { file: registration.file, range: registration.keyItem.range } : undefined;
}

/**
 * The invalid keys a program writes, which its final list leaves out: declared ones the engine
 * dropped (R5), and its registrations under a key the catalog says is invalid (R4 for its own
 * area's file, R7 for another's).
 */
function droppedKeys(source: ProgramSource, resolution: Resolution, model: LicenseModel, catalog: Catalog): { key: string; holder: KeyHolder }[] {
  const base = { program: source.name, displayName: resolution.displayName, file: source.file, how: 'dropped' as const, position: null, default: false };
  const result: { key: string; holder: KeyHolder }[] = [];
  const seen = new Map<string, number>();
  for (const key of resolution.droppedKeys) {
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const where = keyItemIn(source, key, nth);
    result.push({ key, holder: { ...base, rule: 'R5', ...(where ? { source: where, keySource: where } : {}) } });
  }
  for (const registration of model.registrations.get(source.name) ?? []) {
    if (registration.key === undefined || keyStatus(catalog, registration.key) !== 'invalid') continue;
    const area = canonicalArea(catalog, registration.area) ?? registration.area;
    result.push({
      key: registration.key,
      holder: {
        ...base, rule: area === resolution.area ? 'R4' : 'R7', area, source: { file: registration.file, range: registration.programItem.range },
        ...(registration.keyItem ? { keySource: { file: registration.file, range: registration.keyItem.range } } : {}),
      },
    });
  }
  return result;
}

function summarize(keys: readonly KeyReport[], programs: readonly ProgramReport[]): ReportSummary {
  return {
    programs: programs.length,
    keys: keys.length,
    keysHeld: keys.filter((entry) => entry.programs.some((holder) => holder.how !== 'dropped')).length,
    blocked: programs.filter((program) => program.consumes === 'blocked').length,
    free: programs.filter((program) => program.consumes === 'free').length,
    none: programs.filter((program) => program.consumes === 'none').length,
    withoutDefaultKey: programs.filter((program) => program.defaultKey === undefined).length,
    byDefaultSlot: countBySlot(programs.flatMap((program) => (program.defaultKey !== undefined ? [{ key: program.defaultKey, slot: program.defaultSlot }] : []))),
    byConsumedSlot: countBySlot(programs.flatMap((program) => (program.consumes === 'slot' && program.consumption.key !== undefined
      ? [{ key: program.consumption.key, slot: program.consumption.slot }]
      : []))),
  };
}

function countBySlot(entries: readonly { key: string; slot: number | null | undefined }[]): SlotCount[] {
  const bySlot = new Map<number | null, { keys: Set<string>; programs: number }>();
  for (const { key, slot } of entries) {
    const at = typeof slot === 'number' ? slot : null;
    const count = bySlot.get(at) ?? { keys: new Set<string>(), programs: 0 };
    count.keys.add(key);
    count.programs++;
    bySlot.set(at, count);
  }
  return [...bySlot]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([slot, count]) => ({ slot, keys: [...count.keys].sort(), programs: count.programs }));
}

/** A slot as a report cell: the number, `not filled in` (null), or `unknown`. */
export function slotText(slot: number | null | undefined): string {
  return slot === undefined ? t({ message: 'unknown', comment: 'a slot in a column headed "slot"' })
    : slot === null ? t({ message: 'not filled in', comment: 'a slot in a column headed "slot"' }) : String(slot);
}

/** How a key is held, in words: `declared (R5)`, `SYSTEMKEY_LOG (R7)`, `area SUP default (R6)`. */
export function describeHolding(holder: Pick<KeyHolder, 'how' | 'rule' | 'area'>): string {
  switch (holder.how) {
    case 'declared': return t('declared (R5)');
    case 'area-default': return t`area ${holder.area ?? '?'} default (R6)`;
    case 'own-area-systemkey': return t`own area SYSTEMKEY_${holder.area ?? '?'} (R4)`;
    case 'other-area-systemkey': return `SYSTEMKEY_${holder.area ?? '?'} (R7)`;
    case 'dropped': return holder.rule === 'R5' ? t('declared, invalid: dropped (R5)') : t`SYSTEMKEY_${holder.area ?? '?'}, invalid: ignored (${holder.rule})`;
  }
}

/** What a program consumes under its menu key, in words: `WMS (slot 5087), R9`. */
export function describeProgramConsumption(program: ProgramReport): string {
  switch (program.consumes) {
    case 'blocked': return t`access blocked (${program.consumption.rule})`;
    case 'free': return t('nothing: free program (R12)');
    case 'none': return t('nothing: never asks for a license (R1)');
    case 'slot': return `${program.consumption.key ?? '?'} (slot ${slotText(program.consumption.slot)}), ${program.consumption.rule}`;
  }
}
