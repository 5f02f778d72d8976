/** Document symbols (the outline) and workspace symbols, from the units of the facts. */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { ProgramUnit, UnitKind } from '../syntax/facts.js';

const KIND: Record<UnitKind, SymbolKind> = {
  main: SymbolKind.Module,
  function: SymbolKind.Function,
  report: SymbolKind.Event,
  globals: SymbolKind.Namespace,
};

const DETAIL: Record<UnitKind, string> = { main: 'MAIN', function: 'FUNCTION', report: 'REPORT', globals: 'GLOBALS' };

export function documentSymbols(units: readonly ProgramUnit[]): DocumentSymbol[] {
  return units.map((unit) => ({
    name: unit.name,
    detail: unit.isPrivate ? `PRIVATE ${DETAIL[unit.kind]}` : DETAIL[unit.kind],
    kind: KIND[unit.kind],
    range: unit.range,
    selectionRange: unit.nameRange,
  }));
}

/** Units whose name contains the query's characters in order (case-insensitive), like VS Code. */
export function matchesQuery(name: string, query: string): boolean {
  const lowerName = name.toLowerCase();
  let index = 0;
  for (const char of query.toLowerCase()) {
    index = lowerName.indexOf(char, index);
    if (index === -1) return false;
    index += 1;
  }
  return true;
}

export function workspaceSymbol(unit: ProgramUnit, uri: string, containerName: string): SymbolInformation {
  return { name: unit.name, kind: KIND[unit.kind], location: { uri, range: unit.nameRange }, containerName };
}
