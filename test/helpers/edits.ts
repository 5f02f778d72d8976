/** Applies LSP text edits to a text, as an editor would (all ranges refer to the original text). */
import { LineMap, type Range } from '../../server/src/syntax/positions.js';

export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineMap(text);
  const sorted = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
