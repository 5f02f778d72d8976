/**
 * Go to definition (a program of a SYSTEMKEY list → every file of its environment defining it; a
 * called function → its FUNCTION or REPORT in any file) and find references within the
 * environment (a key → every declaration and registration of it, and its entry in the
 * environment's logix-license.json when the client asks for the declaration; a program → its
 * registrations).
 */
import type { Location } from 'vscode-languageserver/node';
import { normalizeKey, type Catalog } from '../license/catalog.js';
import { normalizeProgram, programDefinedIn, type LicenseModel } from '../license/model.js';
import { findUnitIndex, unitAt } from '../syntax/packed-units.js';
import type { FileFacts } from '../syntax/facts.js';
import { calledFunctionAt, findAt } from '../syntax/find.js';
import type { Position } from '../syntax/positions.js';

/** One environment's files and model, and the URIs of its files. */
export interface EnvironmentView {
  readonly files: ReadonlyMap<string, FileFacts>;
  readonly model: LicenseModel;
  readonly uriOf: (file: string) => string;
  /** The environment's catalog: where its own logix-license.json declares each key. */
  readonly catalog?: Pick<Catalog, 'workspaceFile' | 'keyRanges'>;
}

/** Definition of what stands at `position` in `file` (whose text is `text`): programs within the environment, called functions `everywhere`. */
export function definitionAt(environment: EnvironmentView, everywhere: readonly EnvironmentView[], file: string, text: string, position: Position): Location[] {
  const facts = environment.files.get(file);
  const found = facts ? findAt(facts, position) : undefined;
  if (found?.kind === 'program') {
    return environment.model.sourcesOf(normalizeProgram(found.item.text)).map((source) => ({ uri: environment.uriOf(source.file), range: source.mainUnit.nameRange }));
  }
  if (found?.kind === 'call') return [];
  const word = calledFunctionAt(text, position);
  if (!word) return [];
  const locations: Location[] = [];
  for (const view of everywhere) {
    for (const [path, fileFacts] of view.files) {
      // Found in the packed units in place: unpacking every unit of 20,000 files per request was the cost.
      for (const kind of ['function', 'report'] as const) {
        const unit = unitAt(fileFacts, findUnitIndex(fileFacts, kind, word));
        if (unit) locations.push({ uri: view.uriOf(path), range: unit.nameRange });
      }
    }
  }
  return locations;
}

/**
 * References of what stands at `position`. A key's declaration is its entry in the environment's
 * catalog file: listed first, and only with `includeDeclaration` (a built-in key has none).
 */
export function referencesAt(environment: EnvironmentView, file: string, position: Position, includeDeclaration = false): Location[] {
  const facts = environment.files.get(file);
  const found = facts ? findAt(facts, position) : undefined;
  if (found?.kind === 'key') {
    const key = normalizeKey(found.item.text);
    return [...(includeDeclaration ? keyDeclaration(environment, key) : []), ...keyReferences(environment, key)];
  }
  if (found?.kind === 'program') return programReferences(environment, normalizeProgram(found.item.text));
  if (found?.kind === 'unit') {
    const program = programDefinedIn(environment.model, file);
    if (program?.mainUnitIndex === found.unitIndex) return programReferences(environment, program.name);
  }
  return [];
}

function keyDeclaration(environment: EnvironmentView, key: string): Location[] {
  const catalogFile = environment.catalog?.workspaceFile;
  const range = environment.catalog?.keyRanges.get(key);
  return catalogFile !== undefined && range ? [{ uri: environment.uriOf(catalogFile), range }] : [];
}

function keyReferences(environment: EnvironmentView, key: string): Location[] {
  if (key === '') return [];
  const locations: Location[] = [];
  for (const [path, facts] of environment.files) {
    for (const call of facts.licenseCalls) {
      const argument = call.args[0];
      if (argument?.kind !== 'literal') continue;
      for (const item of argument.items) {
        if (normalizeKey(item.text) === key) locations.push({ uri: environment.uriOf(path), range: item.range });
      }
    }
  }
  return locations;
}

function programReferences(environment: EnvironmentView, program: string): Location[] {
  return [
    ...environment.model.sourcesOf(program).map((source) => ({ uri: environment.uriOf(source.file), range: source.mainUnit.nameRange })),
    ...(environment.model.registrations.get(program) ?? []).map((registration) => ({ uri: environment.uriOf(registration.file), range: registration.programItem.range })),
  ];
}
