/** Folding ranges of a 4GL text: program units and multi-line `{ }` comments. Pure. */
import type { ProgramUnit } from './facts.js';
import { LineMap } from './positions.js';
import { blockComments } from './prefilter.js';

export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'region' | 'comment';
}

export function foldingRanges(text: string, units: readonly ProgramUnit[]): Fold[] {
  const folds: Fold[] = units
    .filter((unit) => unit.range.end.line > unit.range.start.line)
    .map((unit) => ({ startLine: unit.range.start.line, endLine: unit.range.end.line, kind: 'region' as const }));
  const lines = new LineMap(text);
  // Found by the pre-filter's scan: lexing the whole file on every folding request cost what
  // typing saves by re-parsing only the edited unit.
  for (const [startOffset, endOffset] of blockComments(text)) {
    const start = lines.positionAt(startOffset).line;
    const end = lines.positionAt(endOffset).line;
    if (end > start) folds.push({ startLine: start, endLine: end, kind: 'comment' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
