/**
 * Diagnostics as data: every finding of the license rules over a workspace, with
 * its stable code, the ranges a fix needs (`data`) and the other file involved (`related`). The
 * CLI prints them; the language server converts them to LSP diagnostics.
 */
import { t } from '../l10n/messages.js';
import type { Argument, LicenseCall } from '../syntax/facts.js';
import type { Range } from '../syntax/positions.js';
import { areaOfProgram, canonicalArea, catalogSourceText, keyStatus, NO_MENU_KEY, normalizeKey, type Catalog, type CatalogProblem } from './catalog.js';
import { CODES, type DiagnosticCode, type DiagnosticTag, type Severity } from './codes.js';
import { declaredKeys, normalizeProgram, programDefinedIn, type LicenseModel, type ProgramSource, type Registration, type SystemKeyFile } from './model.js';
import { describeConsumed } from './explain.js';
import { consume, resolveProgram, type Resolution, type ResolutionLookup } from './resolve.js';
import { quoteKeys, quoteSource } from './quote-source.js';
import { nearKeys } from './suggest.js';
import { describeProblem } from './syntax-problems.js';

export interface RelatedInformation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** What a quick fix needs, by code. Ranges are in the diagnostic's own file. */
export type DiagnosticData =
  | { readonly code: 'LGX001' | 'LGX018'; readonly key: string; readonly suggestions: readonly string[]; readonly areaDefaultKey?: string; readonly listRange: Range }
  | { readonly code: 'LGX003'; readonly areaDefaultKey?: string; readonly mainUnitName: string }
  | { readonly code: 'LGX005'; readonly keyArgument?: string }
  | { readonly code: 'LGX007'; readonly program: string; readonly listRange: Range }
  | { readonly code: 'LGX008'; readonly duplicate: string; readonly listRange: Range }
  | { readonly code: 'LGX014'; readonly normalized: string; readonly listRange: Range }
  /** A disagreement of an AppServer log's runs with the prediction (lines 1-based, in the log). */
  | { readonly code: 'LGX019'; readonly program: string; readonly cause: 'final-list' | 'slot' | 'menu-key'; readonly logLines: readonly number[] };

export interface LicenseDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly tags?: readonly DiagnosticTag[];
  readonly related?: readonly RelatedInformation[];
  readonly data?: DiagnosticData;
}

const KEY_ARITY: Record<LicenseCall['function'], { min: number; max: number; usage: string }> = {
  LOG_initApp: { min: 1, max: 1, usage: 'LOG_initApp("KEY1,KEY2")' },
  log001_acessa_usuario: { min: 1, max: 2, usage: 'log001_acessa_usuario("KEY", "LIST")' },
  _ADVPL_SYSTEMKEY_setAppLicenseList: { min: 2, max: 2, usage: '_ADVPL_SYSTEMKEY_setAppLicenseList("KEY", "prog1,prog2")' },
};

/** Every file's diagnostics, resolving each program once (tests compare the index with it). */
export function diagnoseWorkspace(model: LicenseModel, catalog: Catalog): LicenseDiagnostic[] {
  const resolutions = new Map<string, Resolution>();
  const resolutionOf: ResolutionLookup = (program, file) => {
    const key = `${program}\u0000${file ?? ''}`;
    let resolution = resolutions.get(key);
    if (!resolution) resolutions.set(key, (resolution = resolveProgram(program, model, catalog, file)));
    return resolution;
  };
  return [...model.files.keys()].flatMap((file) => diagnoseFile(file, model, catalog, resolutionOf)).sort(compareDiagnostics);
}

/**
 * The diagnostics whose range lies in `file`. Depends on the file's own facts, and for a program
 * on its resolution, for a SYSTEMKEY file on the resolutions of the programs it registers (A1):
 * the index re-runs it for exactly the files a change can affect.
 */
export function diagnoseFile(
  file: string,
  model: LicenseModel,
  catalog: Catalog,
  resolutionOf: ResolutionLookup,
): LicenseDiagnostic[] {
  const facts = model.files.get(file);
  if (!facts) return [];
  const diagnostics: LicenseDiagnostic[] = [];
  const push: Push = (code, at, range, message, extra = {}) => {
    const info = CODES[code];
    diagnostics.push({
      file: at, range, code, message, severity: info.severity,
      ...('tags' in info ? { tags: info.tags } : {}),
      ...extra,
    });
  };

  for (const problem of facts.problems) push('LGX016', file, problem.range, describeProblem(problem));
  const program = programDefinedIn(model, file);
  const ownArea = program ? areaOfProgram(catalog, program.name)?.area : undefined;
  for (const call of facts.licenseCalls) diagnoseCall(call, file, catalog, ownArea, push);

  const systemKeyFile = model.systemKeyFiles.get(file);
  if (systemKeyFile) {
    const canonical = canonicalArea(catalog, systemKeyFile.area);
    const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (!canonical) {
      push('LGX012', file, systemKeyFile.calls[0]?.nameRange ?? firstLine,
        t`SYSTEMKEY_${quoteSource(systemKeyFile.area)}.4gl names an unknown area ${quoteSource(systemKeyFile.area)} (known: ${[...catalog.areas.keys()].join(', ')}); its registrations are still applied (R3, R7)`);
    } else if (canonical !== systemKeyFile.area) {
      push('LGX020', file, systemKeyFile.calls[0]?.nameRange ?? firstLine,
        t`SYSTEMKEY_${quoteSource(systemKeyFile.area)}.4gl is the file of area ${canonical} (${quoteSource(systemKeyFile.area)} is one of its program prefixes): its registrations are ${canonical}'s, the own area of ${canonical} programs (R4); its canonical name is SYSTEMKEY_${canonical}.4gl`);
    }
    diagnoseRegistrations(model, systemKeyFile, resolutionOf, push);
  }
  if (program) {
    diagnoseProgram(program, resolutionOf(program.name, program.file), catalog, push);
    diagnoseDuplicateDefinitions(model, program, push);
  }
  return capPerCode(diagnostics.sort(compareDiagnostics));
}

/** More of one code in one file than anyone reads: the rest is summed up in one more. */
const MAX_PER_CODE = 100;

/**
 * At most MAX_PER_CODE diagnostics of each code in a file, then one that says how many more there
 * are (100,000 `FUNCTION f()` without END gave 24 MB of JSON).
 */
function capPerCode(sorted: LicenseDiagnostic[]): LicenseDiagnostic[] {
  const counts = new Map<DiagnosticCode, number>();
  for (const diagnostic of sorted) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  if ([...counts.values()].every((count) => count <= MAX_PER_CODE)) return sorted;
  const kept: LicenseDiagnostic[] = [];
  const seen = new Map<DiagnosticCode, number>();
  for (const diagnostic of sorted) {
    const index = (seen.get(diagnostic.code) ?? 0) + 1;
    seen.set(diagnostic.code, index);
    if (index <= MAX_PER_CODE) kept.push(diagnostic);
    else if (index === MAX_PER_CODE + 1) {
      const more = counts.get(diagnostic.code)! - MAX_PER_CODE;
      kept.push({ file: diagnostic.file, range: diagnostic.range, code: diagnostic.code, severity: diagnostic.severity,
        message: t`${more} more ${diagnostic.code} in this file from here on, not listed one by one (the first ${MAX_PER_CODE} are)` });
    }
  }
  return kept;
}

/** LGX015: the problems of a broken `logix-license.json`. */
export function catalogDiagnostics(file: string, problems: readonly CatalogProblem[]): LicenseDiagnostic[] {
  const fatal = problems.some((problem) => !problem.warning);
  return problems.map((problem) => ({
    file,
    range: problem.range,
    severity: problem.warning ? 'warning' as const : CODES.LGX015.severity,
    code: 'LGX015' as const,
    message: problem.warning || !fatal ? problem.message : t`${problem.message}; the built-in catalog is used until this is fixed`,
  }));
}

type Push = (code: DiagnosticCode, file: string, range: Range, message: string, extra?: Partial<LicenseDiagnostic>) => void;

function diagnoseCall(call: LicenseCall, file: string, catalog: Catalog, ownArea: string | undefined, push: Push): void {
  const arity = KEY_ARITY[call.function];
  if (!call.complete) {
    push('LGX012', file, call.range, t`unterminated argument list of ${call.function}: missing ')' (R1–R3)`);
  } else if (call.args.length < arity.min || call.args.length > arity.max) {
    const expected = arity.min === arity.max ? `${arity.min}` : t({ message: '{0} or {1}', args: [arity.min, arity.max], comment: 'how many arguments a license function takes' });
    const rule = call.function === 'LOG_initApp' ? 'R1' : call.function === 'log001_acessa_usuario' ? 'R2' : 'R3';
    push('LGX012', file, call.argumentsRange, arity.max > 1
      ? t`${call.function} takes ${expected} arguments, found ${call.args.length}: ${arity.usage} (${rule})`
      : t`${call.function} takes ${expected} argument, found ${call.args.length}: ${arity.usage} (${rule})`);
  }
  if (call.function === 'log001_acessa_usuario') {
    const keyArgument = call.args[0]?.kind === 'literal' ? call.args[0].value : undefined;
    push('LGX005', file, call.nameRange, t`log001_acessa_usuario is obsolete: use LOG_initApp (A2)`, {
      data: { code: 'LGX005', ...(keyArgument !== undefined ? { keyArgument } : {}) },
    });
  }

  const [keyArgument, programsArgument] = call.args;
  if (keyArgument) diagnoseKeyList(keyArgument, call, file, catalog, ownArea, push);
  if (call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList' && programsArgument) {
    diagnoseProgramList(programsArgument, file, push);
  }
}

function diagnoseKeyList(argument: Argument, call: LicenseCall, file: string, catalog: Catalog, ownArea: string | undefined, push: Push): void {
  if (argument.kind === 'dynamic') {
    if (argument.text === '') return; // an empty argument is already LGX012
    push('LGX009', file, argument.range,
      t`the key argument ${quoteSource(argument.text)} of ${call.function} is not a literal: the keys cannot be checked before run time`);
    return;
  }
  const isRegistration = call.function === '_ADVPL_SYSTEMKEY_setAppLicenseList';
  checkListForm(argument, file, 'key', push);
  const seen = new Set<string>();
  for (const item of argument.items) {
    const key = normalizeKey(item.text);
    if (key === '') continue;
    if (seen.has(key)) {
      push('LGX008', file, item.range, t`key ${quoteSource(key)} appears twice in this list; the runtime keeps both (R5)`, {
        data: { code: 'LGX008', duplicate: key, listRange: argument.range },
      });
    }
    seen.add(key);
    const status = keyStatus(catalog, key);
    if (status === 'known') continue;
    const area = isRegistration ? undefined : ownArea;
    const suggestions = nearKeys(catalog, key, area);
    const areaDefaultKey = area ? catalog.areas.get(area)?.defaultKey : undefined;
    const didYouMean = suggestions.length > 0 ? t`; did you mean ${suggestions.join(', ')}?` : '';
    const data = { key, suggestions, listRange: argument.range, ...(areaDefaultKey ? { areaDefaultKey } : {}) };
    if (status === 'unverified') {
      // A partial catalog cannot say the key does not exist: nothing about run time is claimed.
      push('LGX018', file, item.range,
        t`key ${quoteSource(key)} is not in the catalog (${catalogSourceText(catalog.description)}), which is partial: it is assumed to exist in the installation, slot unknown; add it with its slot to check it${didYouMean}`, {
          data: { code: 'LGX018', ...data },
        });
      continue;
    }
    // Invalid: listed as not existing, or absent from a complete catalog. Now the runtime's
    // behaviour follows.
    const consequence = isRegistration ? t`the runtime ignores this registration (R4, R7)` : t`the runtime drops it from the list (R5)`;
    const message = catalog.invalidKeys.has(key)
      ? t`key ${quoteSource(key)} is listed as invalid (${catalogSourceText(catalog.description)}): ${consequence}${didYouMean}`
      : t`key ${quoteSource(key)} is not in the complete catalog (${catalogSourceText(catalog.description)}): ${consequence}${didYouMean}`;
    push('LGX001', file, item.range, message, {
      data: { code: 'LGX001', ...data },
    });
  }
}

function diagnoseProgramList(argument: Argument, file: string, push: Push): void {
  if (argument.kind === 'dynamic') {
    if (argument.text !== '') {
      push('LGX009', file, argument.range, t`the program list ${quoteSource(argument.text)} is not a literal: it cannot be checked before run time`);
    }
    return;
  }
  checkListForm(argument, file, 'program', push);
}

/**
 * LGX014: empty elements, spaces around names, lower-case keys. The runtime may trim or may not;
 * either way the list does not say what it means. Programs are conventionally lower case.
 */
function checkListForm(argument: Extract<Argument, { kind: 'literal' }>, file: string, kind: 'key' | 'program', push: Push): void {
  const faults: string[] = [];
  if (argument.items.some((item) => item.text.trim() === '')) faults.push(t({ message: 'an empty element', comment: 'a fault of a key or program list' }));
  if (argument.items.some((item) => item.text !== item.text.trim() || /\s/.test(item.text.trim()))) faults.push(t({ message: 'spaces', comment: 'a fault of a key or program list' }));
  if (kind === 'key' && argument.items.some((item) => item.text.trim() !== item.text.trim().toUpperCase())) faults.push(t({ message: 'lower case', comment: 'a fault of a key list' }));
  if (faults.length === 0) return;
  const normalized = argument.items
    .map((item) => (kind === 'key' ? normalizeKey(item.text) : normalizeProgram(item.text)))
    .filter((text) => text !== '')
    .join(',');
  const value = quoteSource(argument.value);
  const written = quoteSource(normalized);
  push('LGX014', file, argument.range, kind === 'key'
    ? t`badly formed key list "${value}": ${faults.join(', ')}; write it as "${written}"`
    : t`badly formed program list "${value}": ${faults.join(', ')}; write it as "${written}"`, {
      data: { code: 'LGX014', normalized, listRange: argument.range },
    });
}

/** LGX008 (a program twice under one key in this file) and LGX007 (A1) for this file's registrations. */
function diagnoseRegistrations(model: LicenseModel, systemKeyFile: SystemKeyFile, resolutionOf: ResolutionLookup, push: Push): void {
  const { file } = systemKeyFile;
  const seen = new Set<string>();
  for (const registrations of systemKeyFile.registrations.values()) {
    for (const registration of registrations) {
      if (registration.key === undefined) continue;
      const id = `${registration.key}\u0000${registration.program}`;
      if (seen.has(id)) {
        push('LGX008', file, registration.programItem.range,
          t`${quoteSource(registration.program)} is registered twice under ${quoteSource(registration.key)} in this file (R3)`, {
            data: { code: 'LGX008', duplicate: registration.program, listRange: listRangeOf(registration) },
          });
      }
      seen.add(id);
    }
  }
  for (const name of systemKeyFile.registrations.keys()) {
    const program = model.programs.get(name);
    if (!program?.declaration) continue;
    // With two files defining the name, the registration is redundant only if it is for both.
    const others = model.sourcesOf(name).filter((source) => source !== program);
    if (others.some((other) => !other.declaration || !isRedundantRegistration(resolutionOf(name, other.file)))) continue;
    const resolution = resolutionOf(name, program.file);
    if (!isRedundantRegistration(resolution)) continue;
    const declared = resolution.validDeclaredKeys;
    for (const registration of resolution.ownAreaRegistrations) {
      if (registration.file !== file) continue;
      push('LGX007', file, registration.programItem.range,
        t`${quoteSource(program.displayName)}'s LOG_initApp already declares ${quoteKeys(declared)}: this registration in its own area can be removed (A1)`, {
          related: [{ file: program.file, range: program.declaration.range, message: t`the declaration that already covers it` }],
          data: { code: 'LGX007', program: registration.program, listRange: listRangeOf(registration) },
        });
    }
  }
}

function diagnoseProgram(program: ProgramSource, resolution: Resolution, catalog: Catalog, push: Push): void {
  const file = program.file;
  const declaration = program.declaration;
  const anchor = declaration?.nameRange ?? program.mainUnit.nameRange;

  if (resolution.free) {
    const name = quoteSource(program.displayName);
    const since = resolution.free.since;
    const assumed = resolution.free.assumed ? t` (no logixVersion configured: the newest package is assumed)` : '';
    push('LGX013', file, program.mainUnit.nameRange, since
      ? t`${name} is a free program from Logix ${since}: it consumes no license (R12)${assumed}`
      : t`${name} is a free program: it consumes no license (R12)${assumed}`);
  }

  if (!declaration) {
    push('LGX003', file, program.mainUnit.nameRange,
      t`${quoteSource(program.displayName)} calls neither LOG_initApp nor log001_acessa_usuario: every program must call LOG_initApp first (R1, A3); as written it never asks for a license, so it consumes none`, {
        data: { code: 'LGX003', mainUnitName: program.mainUnit.name, ...(resolution.areaDefaultKey ? { areaDefaultKey: resolution.areaDefaultKey } : {}) },
      });
  } else if (declaration.unitIndex !== program.mainUnitIndex || !declaration.inFirstStatement) {
    const main = quoteSource(program.mainUnit.name);
    const message = declaration.unitIndex !== program.mainUnitIndex
      ? t`${declaration.function} is called outside ${main}: it must be the program's first action (A3)`
      : t`${declaration.function} is not the first statement of ${main}: it must be the program's first action (A3)`;
    push('LGX004', file, declaration.nameRange, message,
      program.mainUnit.firstStatement ? { related: [{ file, range: program.mainUnit.firstStatement, message: t({ message: 'the first statement', comment: 'where LOG_initApp should be' }) }] } : {});
  }

  const declared = declaredKeys(declaration);
  if (declaration && declared && declared.length > 0) {
    if (resolution.ownAreaRegistrations.length > 0 && resolution.finalKeys.some((entry) => entry.origin.rule === 'R4')) {
      diagnoseOwnAreaOverride(program, resolution, push);
    } else if (resolution.validDeclaredKeys.length === 0) {
      const fallback = resolution.finalKeys.find((entry) => entry.origin.rule === 'R6');
      const text = fallback
        ? t`area ${resolution.area ?? ''}'s default key ${fallback.key} is elected (R6)`
        : t`there is no area default, so the menu key is consumed (R10), and a menu key ? blocks access (R11)`;
      push('LGX002', file, declaration.args[0]?.range ?? anchor, t`none of the declared keys (${quoteKeys(declared)}) is valid: ${text}`);
    }
  }

  const menuKey = catalog.menu.get(program.name);
  const menuRange = catalog.menuRanges.get(program.name);
  const menuRelated = menuRange && menuKey !== undefined && catalog.workspaceFile
    ? { related: [{ file: catalog.workspaceFile, range: menuRange, message: t`menu key ${quoteSource(menuKey)} configured here` }] }
    : {};
  if (!menuKey) return;
  // What the menu launch consumes, as the engine computes it (free and R1 programs: nothing).
  const fromMenu = consume(resolution, catalog, { menuKey, context: 'menu', devTest: false });
  const finalKeys = resolution.finalKeys.map((entry) => entry.key);
  if (menuKey === NO_MENU_KEY && fromMenu.licenseType === 'blocked') {
    push('LGX011', file, anchor,
      t`${quoteSource(program.displayName)} is launched under menu key ? and has no valid key of its own: access would be blocked (R11)`, menuRelated);
  } else if (menuKey !== NO_MENU_KEY && fromMenu.licenseType !== 'none' && !finalKeys.includes(menuKey)) {
    const consumed = describeConsumed(fromMenu);
    const outcome = fromMenu.menuKeyRejected
      ? t`${consumed} is consumed (${fromMenu.rule}) and the AppServer logs a warning`
      : t`${consumed} is consumed (${fromMenu.rule})`;
    push('LGX010', file, anchor,
      t`the menu key ${quoteSource(menuKey)} configured for ${quoteSource(program.displayName)} is not in its final list (${quoteKeys(finalKeys) || t({ message: 'empty', comment: 'a final key list without keys' })}): ${outcome} (A4)`, menuRelated);
  }
}

/**
 * LGX017: another file of the same environment defines the same program. The AppServer runs one
 * object per name, so only one of them can be what runs; each is still resolved on its own.
 */
function diagnoseDuplicateDefinitions(model: LicenseModel, program: ProgramSource, push: Push): void {
  const others = model.sourcesOf(program.name).filter((source) => source.file !== program.file);
  if (others.length === 0) return;
  push('LGX017', program.file, program.mainUnit.nameRange,
    t`program ${program.name} is also defined in ${others.map((other) => other.file).join(', ')}: the AppServer runs one object per name`, {
      related: others.map((other) => ({ file: other.file, range: other.mainUnit.nameRange, message: t`${program.name} is also defined here` })),
    });
}

/**
 * Reading of A1: an own-area registration is redundant only when removing it leaves the same
 * list in the same order (otherwise the default key, and so the consumed slot, would change).
 */
function isRedundantRegistration(resolution: Resolution): boolean {
  const registered = resolution.finalKeys.filter((entry) => entry.origin.rule === 'R4').map((entry) => entry.key);
  return registered.length > 0 && sameList(registered, resolution.validDeclaredKeys);
}

/** LGX006 on the declaration whose list an own-area registration replaces (R4), unless A1 applies. */
function diagnoseOwnAreaOverride(program: ProgramSource, resolution: Resolution, push: Push): void {
  if (isRedundantRegistration(resolution)) return; // LGX007 on the registration says it better
  const registered = resolution.finalKeys.filter((entry) => entry.origin.rule === 'R4').map((entry) => entry.key);
  const firstRegistration = resolution.ownAreaRegistrations[0]!;
  push('LGX006', program.file, program.declaration!.args[0]?.range ?? program.declaration!.nameRange,
    t`this list is ignored: SYSTEMKEY_${firstRegistration.area} (the program's own area) registers ${quoteSource(program.displayName)} under ${quoteKeys(registered)} (R4)`, {
      related: resolution.ownAreaRegistrations.map((registration) => ({
        file: registration.file, range: registration.programItem.range,
        message: registration.key !== undefined ? t`registered under ${quoteSource(registration.key)}` : t`registered under a dynamic key`,
      })),
    });
}

function listRangeOf(registration: Registration): Range {
  const programs = registration.call.args[1];
  return programs ? programs.range : registration.programItem.range;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

export function compareDiagnostics(a: LicenseDiagnostic, b: LicenseDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1);
}

