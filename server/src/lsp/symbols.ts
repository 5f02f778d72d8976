/**
 * Document symbols (the outline) and workspace symbols, from the units of the facts. Workspace
 * symbols are ranked (exact name, prefix, substring, letters in order; shorter names first; then
 * by path) and the best WORKSPACE_SYMBOL_LIMIT answered.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { FileFacts, ProgramUnit, UnitKind } from '../syntax/facts.js';

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

export function workspaceSymbol(unit: ProgramUnit, uri: string, containerName: string): SymbolInformation {
  return { name: unit.name, kind: KIND[unit.kind], location: { uri, range: unit.nameRange }, containerName };
}

// ---- workspace symbols, ranked -------------------------------------------------------------------

/** The most symbols one workspace/symbol answer holds: the best-ranked ones. */
export const WORKSPACE_SYMBOL_LIMIT = 5000;

/** Match ranks, best first. */
export const MatchRank = { exact: 0, prefix: 1, substring: 2, subsequence: 3 } as const;

/**
 * How a name matches a query, both in lower case: the whole name, its start, somewhere inside, or
 * the query's characters in order (as VS Code matches); undefined when it does not match.
 */
export function matchRank(lowerName: string, lowerQuery: string): number | undefined {
  if (lowerName === lowerQuery) return MatchRank.exact;
  if (lowerName.startsWith(lowerQuery)) return MatchRank.prefix;
  if (lowerName.includes(lowerQuery)) return MatchRank.substring;
  let index = 0;
  for (const char of lowerQuery) {
    index = lowerName.indexOf(char, index);
    if (index === -1) return undefined;
    index += 1;
  }
  return MatchRank.subsequence;
}

export interface SymbolFile {
  /** The file's place, for the order of names ranked alike (its absolute path). */
  readonly path: string;
  /** Shown beside each of its symbols (its path relative to its folder). */
  readonly containerName: string;
  readonly facts: Pick<FileFacts, 'units'>;
  readonly uri: () => string;
}

/** Names this long or longer rank alike by length (4GL names are far shorter). */
const LONGEST_RANKED = 255;

/**
 * The units (GLOBALS aside) whose names match `query`, best first: by match rank, then shorter
 * names, then by file path and place in the file. At most `limit`; `matched` says how many
 * matched in all. One counting pass, so that a one-letter query over 600,000 units is not a sort.
 */
export function rankWorkspaceSymbols(files: readonly SymbolFile[], query: string, limit = WORKSPACE_SYMBOL_LIMIT): { symbols: SymbolInformation[]; matched: number } {
  const lowerQuery = query.toLowerCase();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const bucketCount = (MatchRank.subsequence + 1) * (LONGEST_RANKED + 1);
  const counts = new Int32Array(bucketCount);
  const buckets: number[] = [];
  const units: ProgramUnit[] = [];
  const fileOf: number[] = [];
  ordered.forEach((file, fileIndex) => {
    for (const unit of file.facts.units) {
      if (unit.kind === 'globals') continue;
      const rank = matchRank(unit.name.toLowerCase(), lowerQuery);
      if (rank === undefined) continue;
      const bucket = rank * (LONGEST_RANKED + 1) + Math.min(unit.name.length, LONGEST_RANKED);
      counts[bucket]! += 1;
      buckets.push(bucket);
      units.push(unit);
      fileOf.push(fileIndex);
    }
  });
  // Stable counting sort: within a bucket, the order found (file path, then place in the file).
  const starts = new Int32Array(bucketCount);
  for (let bucket = 1; bucket < bucketCount; bucket++) starts[bucket] = starts[bucket - 1]! + counts[bucket - 1]!;
  const kept = Math.min(limit, units.length);
  const chosen = new Array<number>(kept);
  buckets.forEach((bucket, match) => {
    const at = starts[bucket]!;
    starts[bucket] = at + 1;
    if (at < kept) chosen[at] = match;
  });
  const uris = new Map<number, string>();
  const symbols = chosen.map((match) => {
    const fileIndex = fileOf[match]!;
    let uri = uris.get(fileIndex);
    if (uri === undefined) uris.set(fileIndex, (uri = ordered[fileIndex]!.uri()));
    return workspaceSymbol(units[match]!, uri, ordered[fileIndex]!.containerName);
  });
  return { symbols, matched: units.length };
}

/** The ranked symbols; when more matched than are answered, says so once in `log`. */
export function workspaceSymbols(files: readonly SymbolFile[], query: string, log: (message: string) => void, limit = WORKSPACE_SYMBOL_LIMIT): SymbolInformation[] {
  const { symbols, matched } = rankWorkspaceSymbols(files, query, limit);
  if (matched > symbols.length) {
    log(`workspace symbols: ${matched} names match "${query}"; the best ${symbols.length} are answered (exact names first, then prefixes, substrings and the query's letters in order; shorter names first)`);
  }
  return symbols;
}
