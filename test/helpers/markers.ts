/**
 * Range markers for data-driven tests: `⟦` and `⟧` around a span of a source text mark a range
 * (nested and repeated markers are fine); `‸` marks a cursor position. The markers are removed
 * and the positions are computed in the clean text.
 */
import { LineMap, type Position, type Range } from '../../server/src/syntax/positions.js';

export interface Marked {
  readonly text: string;
  readonly ranges: Range[];
  readonly cursors: Position[];
}

export function marked(source: string): Marked {
  let text = '';
  const opens: number[] = [];
  const spans: [number, number][] = [];
  const cursorOffsets: number[] = [];
  for (const char of source) {
    if (char === '⟦') opens.push(text.length);
    else if (char === '⟧') spans.push([opens.pop()!, text.length]);
    else if (char === '‸') cursorOffsets.push(text.length);
    else text += char;
  }
  const lines = new LineMap(text);
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    text,
    ranges: spans.map(([start, end]) => lines.rangeOf(start, end)),
    cursors: cursorOffsets.map((offset) => lines.positionAt(offset)),
  };
}

/** `line:character-line:character`, 0-based, for readable assertion messages. */
export function showRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
