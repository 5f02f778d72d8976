/**
 * R4–R8: the final key list of a program, and R9–R15: the license it consumes in a context.
 *
 * Both return data that records every step with its rule, so that every view (hover, code lens,
 * CLI, simulated AppServer log) renders the same computation (ARCHITECTURE.md, invariant 5).
 */
import { t } from '../l10n/messages.js';
import type { Range } from '../syntax/positions.js';
import { areaOfProgram, canonicalArea, catalogSourceText, DEV_TEST_SLOT, isValidKey, keyStatus, NO_MENU_KEY, type Catalog } from './catalog.js';
import { freeProgram, type FreeProgram } from './free-programs.js';
import { declaredKeys, type LicenseModel, type ProgramSource, type Registration } from './model.js';
import { quoteKeys, quoteSource } from './quote-source.js';
import { compareVersions } from './versions.js';

export type RuleId =
  | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8'
  | 'R9' | 'R10' | 'R11' | 'R12' | 'R13' | 'R14' | 'R15';

/** R7: the runtime loads the area files in this order. */
export const AREA_LOAD_ORDER = ['SUP', 'FIN', 'CON', 'RHU', 'PRD', 'VDP', 'LOG'] as const;

export interface SourceRef {
  readonly file: string;
  readonly range: Range;
}

export interface Step {
  readonly rule: RuleId;
  readonly text: string;
  /** Keys added by this step (or considered, for a step that drops). */
  readonly keys: readonly string[];
  readonly dropped?: readonly string[];
  readonly source?: SourceRef;
}

export type KeyOrigin =
  | { readonly rule: 'R4'; readonly area: string; readonly source: SourceRef }
  | { readonly rule: 'R5'; readonly source: SourceRef }
  | { readonly rule: 'R6'; readonly area: string }
  | { readonly rule: 'R7'; readonly area: string; readonly source: SourceRef };

export interface FinalKey {
  readonly key: string;
  readonly origin: KeyOrigin;
}

/**
 * A conclusion that rests on what the catalog cannot confirm: a key not in a partial catalog is
 * assumed to exist in the installation (kept where a valid key would be, its slot unknown).
 */
export interface Assumption {
  readonly key: string;
  readonly reason: string;
}

export interface Resolution {
  /** Lower case. */
  readonly program: string;
  readonly displayName: string;
  readonly source?: ProgramSource;
  readonly area?: string;
  readonly areaDefaultKey?: string;
  /** Keys of the LOG_initApp / log001_acessa_usuario call; null when dynamic or absent. */
  readonly declaredKeys: readonly string[] | null;
  readonly finalKeys: readonly FinalKey[];
  /** R8: the first key of the final list. */
  readonly defaultKey?: string;
  readonly free?: FreeProgram;
  /** Own-area registrations that replaced the declared list (R4), if any. */
  readonly ownAreaRegistrations: readonly Registration[];
  /**
   * The declared keys that are in the catalog, in order, whichever rule built the final list: what
   * R5 would keep (A1 compares an own-area registration with it).
   */
  readonly validDeclaredKeys: readonly string[];
  /** Keys of the declared list dropped as invalid when R5 applied. */
  readonly droppedKeys: readonly string[];
  /** The unverified keys of the final list, each assumed to exist. */
  readonly assumptions: readonly Assumption[];
  readonly steps: readonly Step[];
}

/**
 * A program's resolution: of the file that defines it when `file` is given (two files of one
 * environment may define the same name, each resolved from its own declaration), else of the
 * name's first source.
 */
export type ResolutionLookup = (program: string, file?: string) => Resolution;

export function resolveProgram(programName: string, model: LicenseModel, catalog: Catalog, file?: string): Resolution {
  const program = programName.toLowerCase();
  const source = (file !== undefined ? model.programIn(file) : undefined) ?? model.programs.get(program);
  const area = areaOfProgram(catalog, program);
  const steps: Step[] = [];
  const finalKeys: FinalKey[] = [];
  // A file named after a prefix of an area (SYSTEMKEY_MAN.4GL) is that area's file (R3, R4).
  const registrations = (model.registrations.get(program) ?? []).map((registration) => {
    const canonical = canonicalArea(catalog, registration.area);
    return canonical && canonical !== registration.area ? { ...registration, area: canonical } : registration;
  });

  const declaration = source?.declaration;
  const declared = declaredKeys(declaration);
  const declarationRef = declaration && source ? { file: source.file, range: declaration.range } : undefined;
  if (!source) {
    steps.push({ rule: 'R1', text: t`no source of ${quoteSource(program)} in the workspace: only its SYSTEMKEY registrations are known`, keys: [] });
  } else if (!declaration) {
    steps.push({ rule: 'R1', text: t`${quoteSource(source.displayName)} calls neither LOG_initApp nor log001_acessa_usuario`, keys: [] });
  } else if (declared === null) {
    steps.push({
      rule: declaration.function === 'LOG_initApp' ? 'R1' : 'R2',
      text: t`the key argument of ${declaration.function} is not a literal: it cannot be known before run time`,
      keys: [],
      ...(declarationRef ? { source: declarationRef } : {}),
    });
  }

  // R4: the program's own area file wins when it registers valid keys for it.
  const ownArea = area?.area;
  const ownAreaRegistrations = registrations.filter((registration) => registration.area === ownArea);
  const ownValid = ownAreaRegistrations.filter((registration) => registration.key !== undefined && isValidKey(catalog, registration.key));
  const validDeclaredKeys = (declared ?? []).filter((key) => isValidKey(catalog, key));
  const droppedKeys: string[] = [];
  const ownValidSet = new Set(ownValid); // a program may be registered 100,000 times: no quadratic lookups
  const ownInvalid = ownAreaRegistrations.filter((registration) => !ownValidSet.has(registration));
  if (ownInvalid.length > 0) {
    // A key that is not a literal cannot be known before run time (never guessed); it
    // counts as no key here, like one not in the catalog (reading).
    steps.push({
      rule: 'R4',
      text: t`SYSTEMKEY_${ownArea!} registers it under ${ownInvalid.map((registration) => (registration.key !== undefined ? quoteSource(registration.key) : t`a key that is not a literal (unknown before run time)`)).join(',')}, not a catalog key: ignored`,
      keys: [],
      dropped: ownInvalid.map((registration) => registration.key ?? '?'),
      source: refOf(ownInvalid[0]!),
    });
  }
  if (ownValid.length > 0) {
    for (const registration of ownValid) {
      finalKeys.push({ key: registration.key!, origin: { rule: 'R4', area: ownArea!, source: refOf(registration) } });
    }
    steps.push({
      rule: 'R4',
      text: declared && declared.length > 0
        ? t`SYSTEMKEY_${ownArea!} (the program's own area) registers it under ${quoteKeys(ownValid.map((registration) => registration.key!))}; the list of ${declaration!.function} (${quoteKeys(declared)}) is ignored`
        : t`SYSTEMKEY_${ownArea!} (the program's own area) registers it under ${quoteKeys(ownValid.map((registration) => registration.key!))}`,
      keys: ownValid.map((registration) => registration.key!),
      source: refOf(ownValid[0]!),
    });
  } else if (declared && declared.length > 0) {
    // R5: the declared keys, valid ones kept in order, invalid ones dropped one by one (reading).
    const valid = validDeclaredKeys;
    const validSet = new Set(valid);
    droppedKeys.push(...declared.filter((key) => !validSet.has(key)));
    for (const key of valid) finalKeys.push({ key, origin: { rule: 'R5', source: declarationRef! } });
    steps.push({
      rule: 'R5',
      text: droppedKeys.length > 0
        ? t`${declaration!.function} declares ${quoteKeys(declared)}; not in the catalog, dropped: ${quoteKeys(droppedKeys)}`
        : t`${declaration!.function} declares ${quoteKeys(declared)}`,
      keys: valid,
      ...(droppedKeys.length > 0 ? { dropped: droppedKeys } : {}),
      source: declarationRef!,
    });
  }

  // R6: no valid key of its own: the area default is elected.
  if (finalKeys.length === 0) {
    if (area?.defaultKey) {
      finalKeys.push({ key: area.defaultKey, origin: { rule: 'R6', area: area.area } });
      steps.push({ rule: 'R6', text: t`no valid key of its own: area ${area.area}'s default key ${area.defaultKey} is elected`, keys: [area.defaultKey] });
    } else {
      steps.push({
        rule: 'R6',
        text: area
          ? t`no valid key of its own, and area ${area.area} has no default key in the catalog`
          : t`no valid key of its own, and prefix ${quoteSource(program.slice(0, 3).toUpperCase())} belongs to no area of the catalog: no default key`,
        keys: [],
      });
    }
  }

  // R7: the other areas append their keys, in the runtime's load order; duplicates are kept.
  for (const otherArea of otherAreasInLoadOrder(registrations, ownArea)) {
    const appended = registrations.filter((registration) =>
      registration.area === otherArea && registration.key !== undefined && isValidKey(catalog, registration.key));
    if (appended.length === 0) continue;
    for (const registration of appended) {
      finalKeys.push({ key: registration.key!, origin: { rule: 'R7', area: otherArea, source: refOf(registration) } });
    }
    steps.push({
      rule: 'R7',
      text: t`SYSTEMKEY_${otherArea} appends ${quoteKeys(appended.map((registration) => registration.key!))}`,
      keys: appended.map((registration) => registration.key!),
      source: refOf(appended[0]!),
    });
  }

  const defaultKey = finalKeys[0]?.key;
  if (defaultKey) {
    steps.push({ rule: 'R8', text: t`final list ${quoteKeys(finalKeys.map((entry) => entry.key))}; default key ${quoteSource(defaultKey)}`, keys: [defaultKey] });
  }

  const free = freeProgram(program, catalog.logixVersion, catalog.freePrograms);
  const assumed = [...new Set(finalKeys.map((entry) => entry.key).filter((key) => keyStatus(catalog, key) === 'unverified'))];
  return {
    program,
    displayName: source?.displayName ?? program,
    ...(source ? { source } : {}),
    ...(area ? { area: area.area } : {}),
    ...(area?.defaultKey ? { areaDefaultKey: area.defaultKey } : {}),
    declaredKeys: declared,
    finalKeys,
    ...(defaultKey ? { defaultKey } : {}),
    ...(free ? { free } : {}),
    ownAreaRegistrations,
    validDeclaredKeys,
    droppedKeys,
    assumptions: assumed.map((key) => assumption(catalog, key)),
    steps,
  };
}

/** The assumption a conclusion about `key` rests on (the key is unverified). */
export function assumption(catalog: Catalog, key: string): Assumption {
  return { key, reason: t`${quoteSource(key)} is not in the catalog (${catalogSourceText(catalog.description)}), which is partial: it is assumed to exist in the installation, slot unknown` };
}

/** The areas other than the program's own that register it, in R7 load order (then others). */
function otherAreasInLoadOrder(registrations: readonly Registration[], ownArea: string | undefined): string[] {
  const areas = new Set(registrations.map((registration) => registration.area).filter((area) => area !== ownArea));
  const ordered: string[] = AREA_LOAD_ORDER.filter((area) => areas.has(area));
  // Areas that only a workspace catalog knows are loaded after the seven, alphabetically (reading).
  ordered.push(...[...areas].filter((area) => !(AREA_LOAD_ORDER as readonly string[]).includes(area)).sort());
  return ordered;
}

function refOf(registration: Registration): SourceRef {
  return { file: registration.file, range: registration.programItem.range };
}


// ---- consumption (R9–R15) ------------------------------------------------------------------------

export type ExecutionContext = 'menu' | 'collector' | 'web' | 'rest' | 'rest-tpd' | 'soap' | 'mingle' | 'scheduler' | 'eai-in' | 'eai-out' | 'called';

export const EXECUTION_CONTEXTS: readonly ExecutionContext[] = ['menu', 'collector', 'web', 'rest', 'rest-tpd', 'soap', 'mingle', 'scheduler', 'eai-in', 'eai-out', 'called'];

export type LicenseType = 'slot' | 'T' | 'I' | 'none' | 'blocked';

export interface ConsumeOptions {
  /** The menu shortcut's key; defaults to the catalog's configured menu key for the program. */
  readonly menuKey?: string;
  readonly context?: ExecutionContext;
  /** Overrides the catalog's `devTest` (R15). */
  readonly devTest?: boolean;
  /** Context `mingle`: the license code registered for the app (R13). */
  readonly appLicense?: string;
}

export interface Consumption {
  readonly key?: string;
  /** The key's slot in the catalog: absent when unknown, `null` when the catalog lists the key with its slot not filled in. */
  readonly slot?: number | null;
  readonly licenseType: LicenseType;
  readonly rule: RuleId;
  readonly reason: string;
  /** The menu key the computation used, if any. */
  readonly menuKey?: string;
  /** A warning the AppServer logs (R9, A4): the menu key is not valid for the program. */
  readonly menuKeyRejected?: boolean;
  /** What this consumption rests on: the consumed key, or a menu key, unverified. */
  readonly assumptions: readonly Assumption[];
  readonly steps: readonly Step[];
}

/** R12: REST requests of TOTVS Privacidade de Dados consume nothing from this package on. */
const TPD_FREE_SINCE = '12.1.2301';

/** R13: web portals, REST and SOAP consume type I from this package on. */
const INTERNET_LICENSE_SINCE = '12.1.29';

export function consume(resolution: Resolution, catalog: Catalog, options: ConsumeOptions = {}): Consumption {
  const context = options.context ?? 'menu';
  const devTest = options.devTest ?? catalog.devTest;
  const menuKey = options.menuKey?.trim().toUpperCase() || catalog.menu.get(resolution.program);
  const steps: Step[] = [];
  const slotOf = (key: string | undefined) => (key ? catalog.keys.get(key)?.slot : undefined);
  const finalKeys = resolution.finalKeys.map((entry) => entry.key);

  const done = (partial: Omit<Consumption, 'steps' | 'assumptions'>): Consumption => {
    const assumed = partial.key !== undefined && partial.licenseType !== 'none' && keyStatus(catalog, partial.key) === 'unverified' ? [assumption(catalog, partial.key)] : [];
    const result = { ...partial, assumptions: assumed };
    steps.push({ rule: result.rule, text: result.reason, keys: result.key ? [result.key] : [] });
    if (devTest && (result.licenseType === 'slot' || result.licenseType === 'T' || result.licenseType === 'I')) {
      // R15: in a test environment every consumption goes to the TOTVS Dev Test slot.
      const reason = t`dev test environment (logix.license.LSDevTest = 1): the consumption goes to slot ${DEV_TEST_SLOT} (TOTVS Dev Test) instead`;
      steps.push({ rule: 'R15', text: reason, keys: result.key ? [result.key] : [] });
      return { ...result, slot: DEV_TEST_SLOT, licenseType: 'slot', rule: 'R15', reason: `${result.reason}; ${reason}`, steps };
    }
    return { ...result, steps };
  };
  const withMenuKey = menuKey ? { menuKey } : {};

  if (resolution.free) {
    const since = resolution.free.since
      ? resolution.free.assumed
        ? t` (free from ${resolution.free.since}; no Logix version configured, the newest package is assumed)`
        : t` (free from ${resolution.free.since})`
      : '';
    const listed = resolution.free.listedInCatalog ? t` (listed as free by the catalog file)` : '';
    return done({ licenseType: 'none', rule: 'R12', reason: t`${quoteSource(resolution.displayName)} is a free program: it consumes no license${since}${listed}`, ...withMenuKey });
  }

  if (resolution.source && !resolution.source.declaration) {
    // Reading: the license is asked for by LOG_initApp (or its predecessor); a program that
    // calls neither never asks, so nothing is consumed (and R1 is broken: LGX003).
    return done({ licenseType: 'none', rule: 'R1', reason: t`${quoteSource(resolution.displayName)} calls neither LOG_initApp nor log001_acessa_usuario: it never asks for a license, so it consumes none` });
  }

  switch (context) {
    case 'called': {
      // R14: started by another program, which already holds a license. What this program would
      // consume from the menu is what the license in use may switch to.
      const own = consume(resolution, catalog, { ...options, context: 'menu' });
      const switchTo = own.key && own.licenseType === 'slot'
        ? own.slot !== undefined && own.slot !== null
          ? t`; the license in use may switch to ${quoteSource(own.key)} (slot ${own.slot}), what ${quoteSource(resolution.displayName)} would consume from the menu`
          : t`; the license in use may switch to ${quoteSource(own.key)} (slot unknown), what ${quoteSource(resolution.displayName)} would consume from the menu`
        : '';
      return done({ licenseType: 'none', rule: 'R14', reason: t`started by another program: nothing new is consumed${switchTo}`, ...(own.key ? { key: own.key } : {}) });
    }
    case 'eai-in':
      return done({ licenseType: 'none', rule: 'R13', reason: t`incoming EAI messages are exempt from license consumption` });
    case 'eai-out':
      return done({ licenseType: 'none', rule: 'R13', reason: t`outgoing EAI messages consume nothing extra: the calling program already holds its license` });
    case 'collector': {
      // The collector's menu (MEN3002) follows the same rules as the standard menu: the key is
      // chosen by R9–R11 with the menu key, then consumed as license type T (R13).
      const fromMenu = consume(resolution, catalog, { ...options, context: 'menu', devTest: false });
      if (fromMenu.licenseType === 'blocked') {
        return done({ ...fromMenu, reason: t`data collector (menu MEN3002, telnet), as from the menu: ${fromMenu.reason}` });
      }
      return done({
        licenseType: 'T', rule: 'R13', ...withMenuKey,
        ...(fromMenu.key ? { key: fromMenu.key } : {}),
        reason: t`data collector (menu MEN3002, telnet): the key is chosen as from the menu (${fromMenu.rule}: ${fromMenu.reason}) and consumed as license type T`,
      });
    }
    case 'rest-tpd': {
      // R12: REST requests of TOTVS Privacidade de Dados are free from 12.1.2301 (with no version
      // configured, the newest package is assumed, as for free programs).
      if (!catalog.logixVersion || compareVersions(catalog.logixVersion, TPD_FREE_SINCE) >= 0) {
        const assumed = catalog.logixVersion ? '' : t` (no Logix version configured: the newest package is assumed)`;
        return done({ licenseType: 'none', rule: 'R12', reason: t`REST request of TOTVS Privacidade de Dados (TPD): consumes no license from ${TPD_FREE_SINCE}${assumed}` });
      }
      return consume(resolution, catalog, { ...options, context: 'rest' });
    }
    case 'web':
    case 'rest':
    case 'soap':
    case 'mingle': {
      // Labels that start a reason: their comments keep them apart from other areas' texts.
      const label = context === 'web' ? t({ message: 'web portal', comment: 'the start of a consumption reason' })
        : context === 'rest' ? t({ message: 'REST request', comment: 'the start of a consumption reason' })
        : context === 'soap' ? t({ message: 'SOAP request', comment: 'the start of a consumption reason' })
        : t({ message: 'Mingle app', comment: 'the start of a consumption reason' });
      if (catalog.logixVersion && compareVersions(catalog.logixVersion, INTERNET_LICENSE_SINCE) < 0) {
        // Reading: before 12.1.29 these requests did not consume a license.
        return done({ licenseType: 'none', rule: 'R13', reason: t`${label}: type I consumption applies from ${INTERNET_LICENSE_SINCE}; ${catalog.logixVersion} consumes nothing` });
      }
      const code = options.appLicense?.trim().toUpperCase();
      const codeSlot = code ? catalog.keys.get(code)?.slot : undefined;
      if (context === 'mingle' && code && typeof codeSlot === 'number') {
        return done({ licenseType: 'slot', key: code, slot: codeSlot, rule: 'R13', reason: t`Mingle app: it consumes the license code registered for the app, ${quoteSource(code)}` });
      }
      const mingle = context !== 'mingle' ? '' : code
        ? t`; the app's license code ${quoteSource(code)} has no slot in the catalog, so type I is shown`
        : t`; no license code of the app given (--app-license), so type I`;
      return done({
        licenseType: 'I', rule: 'R13',
        ...(resolution.defaultKey ? { key: resolution.defaultKey } : {}),
        reason: t`${label}: license type I (Internet)${context === 'mingle' ? mingle : t`; a Mingle app consumes its own registered license code, else type I`}`,
      });
    }
    case 'scheduler': {
      steps.push({ rule: 'R13', text: t`a scheduler trigger starts consuming PADRAO`, keys: ['PADRAO'] });
      if (!resolution.defaultKey) {
        return done({ licenseType: 'slot', key: 'PADRAO', ...slotField(slotOf('PADRAO')), rule: 'R13', reason: t`the scheduler trigger consumes PADRAO; ${quoteSource(resolution.displayName)} has no valid key to switch to` });
      }
      return done({
        licenseType: 'slot', key: resolution.defaultKey, ...slotField(slotOf(resolution.defaultKey)), rule: 'R13',
        reason: t`the scheduler trigger starts with PADRAO and switches to the task's key ${quoteSource(resolution.defaultKey)} (R8 default key of ${quoteSource(resolution.displayName)})`,
      });
    }
    case 'menu':
      break;
  }

  // Menu launch.
  if (menuKey === NO_MENU_KEY) {
    if (!resolution.defaultKey) {
      return done({
        licenseType: 'blocked', rule: 'R11', menuKey,
        reason: t`menu key ? suggests no key and ${quoteSource(resolution.displayName)} has no valid key of its own: access is blocked ("chave de sistema não detectada no controle de licenças")`,
      });
    }
    return done({
      licenseType: 'slot', key: resolution.defaultKey, ...slotField(slotOf(resolution.defaultKey)), rule: 'R11', menuKey,
      reason: t`menu key ? suggests no key: the program's default key ${quoteSource(resolution.defaultKey)} is consumed`,
    });
  }
  if (!resolution.defaultKey) {
    if (menuKey && isValidKey(catalog, menuKey)) {
      return done({
        licenseType: 'slot', key: menuKey, ...slotField(slotOf(menuKey)), rule: 'R10', menuKey,
        reason: t`${quoteSource(resolution.displayName)} has no valid key at all: the menu key ${quoteSource(menuKey)} is consumed`,
      });
    }
    // Reading: with no valid key anywhere, nothing can be consumed and LOG_initApp refuses access.
    return done({
      licenseType: 'blocked', rule: 'R10', ...withMenuKey,
      reason: menuKey
        ? t`${quoteSource(resolution.displayName)} has no valid key and the menu key ${quoteSource(menuKey)} is not in the catalog: access is blocked`
        : t`${quoteSource(resolution.displayName)} has no valid key and no menu key is given: access is blocked`,
    });
  }
  if (!menuKey) {
    return done({
      licenseType: 'slot', key: resolution.defaultKey, ...slotField(slotOf(resolution.defaultKey)), rule: 'R8',
      reason: t`no menu key: the default key ${quoteSource(resolution.defaultKey)} is consumed`,
    });
  }
  if (finalKeys.includes(menuKey)) {
    return done({
      licenseType: 'slot', key: menuKey, ...slotField(slotOf(menuKey)), rule: 'R9', menuKey,
      reason: t`the menu key ${quoteSource(menuKey)} is in the final list: its slot is consumed`,
    });
  }
  return done({
    licenseType: 'slot', key: resolution.defaultKey, ...slotField(slotOf(resolution.defaultKey)), rule: 'R9', menuKey, menuKeyRejected: true,
    reason: t`the menu key ${quoteSource(menuKey)} is not in the final list: the default key ${quoteSource(resolution.defaultKey)} is consumed and the AppServer logs a warning (A4)`,
  });
}

function slotField(slot: number | null | undefined): { slot?: number | null } {
  return slot === undefined ? {} : { slot };
}
