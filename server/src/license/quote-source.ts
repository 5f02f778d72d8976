/**
 * Text taken from the user's files (keys, program names, argument texts, list values) as messages,
 * hovers and reports show it. That text can be anything a binary or NUL-padded file holds: a
 * "key" of ten thousand NULs must neither fill a message nor hide in it as invisible characters.
 */

/** The most characters of source text one quotation shows, the ellipsis included. */
export const MAX_QUOTED = 40;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional controls:
 * characters that are invisible, break a line or reorder what follows them.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * `text` with those characters escaped (`\t`, `\n`, `\r`, `\x00`, `\u2028`), cut with `…` so
 * that at most MAX_QUOTED characters show. Adds no quote marks: the message has its own.
 */
export function quoteSource(text: string): string {
  // The usual case, a short plain key, costs one test and no copy.
  if (text.length <= MAX_QUOTED && !UNPRINTABLE.test(text)) return text;
  let quoted = '';
  /** Where to cut if more follows: the end of the last piece that leaves room for the ellipsis. */
  let cut = 0;
  // By code points, so neither an escape nor a surrogate pair is ever cut in two.
  for (const char of text) {
    const shown = UNPRINTABLE.test(char) ? escape(char) : char;
    if (quoted.length + shown.length > MAX_QUOTED) return `${quoted.slice(0, cut)}…`;
    quoted += shown;
    if (quoted.length < MAX_QUOTED) cut = quoted.length;
  }
  return quoted;
}

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  return NAMED[char] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

/**
 * A list of keys (or program names) as messages show it: each quoted on its own and joined with
 * commas, so that a long list is never cut, only an element that is too long or unprintable.
 */
export function quoteKeys(keys: readonly string[]): string {
  return keys.map(quoteSource).join(',');
}
