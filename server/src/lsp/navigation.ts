/**
 * Go to definition (a program of a SYSTEMKEY list → its source; a called function → its
 * FUNCTION or REPORT in any file) and find references (a key → every declaration and
 * registration of it, and its entry in the folder's logix-license.json when the client asks for
 * the declaration; a program → its registrations).
 */
import type { Location } from 'vscode-languageserver/node';
import { normalizeKey, type Catalog } from '../license/catalog.js';
import { normalizeProgram, programDefinedIn, type LicenseModel } from '../license/model.js';
import { findUnitIndex, unitAt } from '../syntax/packed-units.js';
import type { FileFacts } from '../syntax/facts.js';
import { findAt } from '../syntax/find.js';
import { LineMap, type Position } from '../syntax/positions.js';

export interface FolderView {
  readonly files: ReadonlyMap<string, FileFacts>;
  readonly model: LicenseModel;
  readonly uriOf: (file: string) => string;
  /** The folder's catalog: where its workspace file declares each key. */
  readonly catalog?: Pick<Catalog, 'workspaceFile' | 'keyRanges'>;
}

/** Definition of what stands at `position` in `file` (whose text is `text`), across `folders`. */
export function definitionAt(folder: FolderView, allFolders: readonly FolderView[], file: string, text: string, position: Position): Location[] {
  const facts = folder.files.get(file);
  const found = facts ? findAt(facts, position) : undefined;
  if (found?.kind === 'program') {
    const source = folder.model.programs.get(normalizeProgram(found.item.text));
    return source ? [{ uri: folder.uriOf(source.file), range: source.mainUnit.nameRange }] : [];
  }
  if (found?.kind === 'call') return [];
  const word = calledFunctionAt(text, position);
  if (!word) return [];
  const locations: Location[] = [];
  for (const view of allFolders) {
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
 * References of what stands at `position`. A key's declaration is its entry in the folder's
 * catalog file: listed first, and only with `includeDeclaration` (a built-in key has none).
 */
export function referencesAt(folder: FolderView, file: string, position: Position, includeDeclaration = false): Location[] {
  const facts = folder.files.get(file);
  const found = facts ? findAt(facts, position) : undefined;
  if (found?.kind === 'key') {
    const key = normalizeKey(found.item.text);
    return [...(includeDeclaration ? keyDeclaration(folder, key) : []), ...keyReferences(folder, key)];
  }
  if (found?.kind === 'program') return programReferences(folder, normalizeProgram(found.item.text));
  if (found?.kind === 'unit') {
    const program = programDefinedIn(folder.model, file);
    if (program?.mainUnitIndex === found.unitIndex) return programReferences(folder, program.name);
  }
  return [];
}

function keyDeclaration(folder: FolderView, key: string): Location[] {
  const catalogFile = folder.catalog?.workspaceFile;
  const range = folder.catalog?.keyRanges.get(key);
  return catalogFile !== undefined && range ? [{ uri: folder.uriOf(catalogFile), range }] : [];
}

function keyReferences(folder: FolderView, key: string): Location[] {
  if (key === '') return [];
  const locations: Location[] = [];
  for (const [path, facts] of folder.files) {
    for (const call of facts.licenseCalls) {
      const argument = call.args[0];
      if (argument?.kind !== 'literal') continue;
      for (const item of argument.items) {
        if (normalizeKey(item.text) === key) locations.push({ uri: folder.uriOf(path), range: item.range });
      }
    }
  }
  return locations;
}

function programReferences(folder: FolderView, program: string): Location[] {
  const source = folder.model.programs.get(program);
  return [
    ...(source ? [{ uri: folder.uriOf(source.file), range: source.mainUnit.nameRange }] : []),
    ...(folder.model.registrations.get(program) ?? []).map((registration) => ({ uri: folder.uriOf(registration.file), range: registration.programItem.range })),
  ];
}

/** The identifier under the cursor when a `(` follows it: a call of a function. */
function calledFunctionAt(text: string, position: Position): string | undefined {
  const offset = new LineMap(text).offsetAt(position);
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) start -= 1;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end += 1;
  if (start === end || !/^[A-Za-z_]/.test(text[start]!)) return undefined;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after += 1;
  return text[after] === '(' ? text.slice(start, end).toLowerCase() : undefined;
}
