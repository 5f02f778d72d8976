/**
 * Text edits on comma-separated lists inside string arguments (`"A,B"` or `"a,"||"b"` across
 * lines) that keep the list well formed. Pure: the document text and the argument's facts in,
 * offset edits out. Used by the quick fixes (remove a key or program, normalise a list).
 */
import type { LiteralArgument } from './facts.js';
import { LineMap, type Range } from './positions.js';

export interface TextReplacement {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Removes element `index` with one neighbouring comma. Deleting from inside one string to inside
 * another (across `" || "`) joins the two strings, which stays well formed; the only element is
 * removed by emptying the whole argument to `""`.
 */
export function removeListItem(text: string, argument: LiteralArgument, index: number): TextReplacement {
  const lines = new LineMap(text);
  const items = argument.items;
  const item = items[index]!;
  if (items.length === 1) return { range: argument.range, newText: quoteOf(text, lines, argument).repeat(2) };
  if (index < items.length - 1) {
    return { range: { start: item.range.start, end: items[index + 1]!.range.start }, newText: '' };
  }
  return { range: { start: items[index - 1]!.range.end, end: item.range.end }, newText: '' };
}

/**
 * Rewrites the list with each element normalised by `normalize` and empty elements dropped.
 * When every piece but the last ends with a comma (the Logix style of `||` lists), each piece is
 * rewritten in place, keeping the line breaks; otherwise the argument becomes one string.
 */
export function normalizeList(text: string, argument: LiteralArgument, normalize: (element: string) => string): TextReplacement[] {
  const lines = new LineMap(text);
  const contents = argument.pieces.map((piece) => {
    const start = lines.offsetAt(piece.start) + 1;
    const end = lines.offsetAt(piece.end) - 1;
    return { piece, quote: text[start - 1]!, content: text.slice(start, Math.max(start, end)), start, end };
  });
  const clean = (parts: string[]) => parts.map(normalize).filter((part) => part !== '');
  const perPiece = contents.length > 1 &&
    contents.every((entry, index) => !entry.content.includes('\\') && !entry.content.startsWith(',') &&
      (index === contents.length - 1 || entry.content.endsWith(',')));
  if (perPiece) {
    const replacements = contents.map((entry, index) => {
      const last = index === contents.length - 1;
      const parts = clean(entry.content.split(','));
      const content = parts.join(',') + (!last && parts.length > 0 ? ',' : '');
      return { range: lines.rangeOf(entry.start, entry.end), newText: content, empty: parts.length === 0 };
    });
    if (!replacements.at(-1)!.empty) {
      return replacements.filter((replacement, index) => replacement.newText !== contents[index]!.content)
        .map(({ range, newText }) => ({ range, newText }));
    }
  }
  const quote = contents[0]?.quote ?? '"';
  const value = clean(argument.value.split(',')).join(',');
  return [{ range: argument.range, newText: `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}` }];
}

function quoteOf(text: string, lines: LineMap, argument: LiteralArgument): string {
  const quote = text[lines.offsetAt(argument.range.start)];
  return quote === "'" ? "'" : '"';
}
