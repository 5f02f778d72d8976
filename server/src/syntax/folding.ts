/** Folding ranges of a 4GL text: program units and multi-line `{ }` comments. Pure. */
import type { ProgramUnit } from './facts.js';
import { lex } from './lexer.js';
import { LineMap } from './positions.js';
import { BlockComment } from './tokens.js';

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
  for (const comment of lex(text).comments) {
    if (comment.tokenType !== BlockComment) continue;
    const start = lines.positionAt(comment.startOffset).line;
    const end = lines.positionAt(comment.startOffset + comment.image.length).line;
    if (end > start) folds.push({ startLine: start, endLine: end, kind: 'comment' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
