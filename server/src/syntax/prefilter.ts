/**
 * The cheap pre-filter before full lexing: which lines of a file the facts can depend on.
 *
 * Lexing every byte with chevrotain costs about 75 ns a token; most lines of a Logix program are
 * statements inside function bodies that yield no fact. One pass over the characters (tracking
 * only strings and comments, which is all that decides what is code) finds the lines that matter;
 * only those are lexed, the rest are never tokenised.
 *
 * Why the facts are identical (`parser.ts` is the other half of this argument; the test
 * `prefilter.test.ts` checks it on the synthetic workspace, the samples and random edits):
 *
 * - Token streams split at lines. Only `{ … }` comments and whitespace span lines (strings and
 *   line comments stop at the end of theirs), so lexing a run of whole lines that begins and ends
 *   in code yields exactly the tokens the whole text has there. Removed runs are trimmed until
 *   both their ends are in code.
 * - Outside the kept lines every token is quiet: the extractor steps over it with no effect.
 *   A token acts when it is a line-leading unit keyword, `END` before a unit keyword, `PRIVATE` or
 *   `PUBLIC` before one, a license function name, or an unterminated string or comment. Lines
 *   holding such a token (`trigger` lines) are kept; `END`, `PRIVATE` and `PUBLIC` are kept unless
 *   the next word on their line shows they are not followed by a unit keyword. An unterminated
 *   string or comment anywhere sends the whole file to the full lexer.
 * - What a trigger reads after itself (a unit's name and parameters, a call's arguments and
 *   RETURNING list, the word after `END`) ends at the latest at the next line-leading statement
 *   word (the extractor stops an argument list there, and never takes such a word for a unit's
 *   name), so every line after a trigger is kept up to and including the next line that begins
 *   with a statement word. That line is also the unit's first statement when the trigger opened
 *   a unit (A3).
 * - The statement a license call belongs to began at the last line-leading statement word before
 *   it, so the lines from there to the call are kept.
 * - A unit closed for a missing END takes its end from the token before the next unit; that case
 *   is a syntax problem, and `parseFacts` re-parses any file with a problem in full.
 */
import { LICENSE_FUNCTIONS } from './facts.js';
import { LineMap } from './positions.js';
import { STATEMENT_WORDS, UNIT_WORDS } from './words.js';

import type { Segment } from './lexer.js';

const TRIGGER = 2;
const CALL = 4;
const STARTS_IN_COMMENT = 8;
const ENDS_IN_COMMENT = 16;
const KEEP = 32;

const SPACE = 32;
const TAB = 9;
const CR = 13;

/**
 * What decides the lexical state, in the lexer's own terms (tokens.ts): strings (a string ends at
 * its closing quote, else at the end of its line), `{ }` comments (the capture is the `}`), line
 * comments, and the words that may act (a digit before a word still lets it start a token: `1end`
 * lexes as `1`, `end`). Matched left to right, a quote, `{`, `#` or `--` outside these is always
 * where such a token starts.
 *
 * Most of a file decides nothing: the first alternative takes a whole run of it at once (code,
 * closed strings, line comments, numbers and words that do not act), so that the loop below
 * runs once for every event, not for every string and comment. What ends a run is an event: an
 * unterminated string, a `{` comment, or a word that may act. A run is at most 256 pieces long
 * (a longer one continues in the next match): an unbounded one overflowed the regular-expression
 * engine's stack on a megabyte of words. Native regular-expression scanning is several times
 * faster than a loop over characters.
 */
const ACTING_WORD = `(?:end|private|public|${[...UNIT_WORDS, ...LICENSE_FUNCTIONS.keys()].join('|')})(?![A-Za-z0-9_])`;
const CLOSED_STRING = /"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*'/.source;
const LEXICAL = new RegExp(
  [
    `((?:[^"'{#\\-A-Za-z_0-9]+|${CLOSED_STRING}|(?:#|--)[^\\r\\n]*|-|[0-9]+|(?!${ACTING_WORD})[A-Za-z_][A-Za-z0-9_]*){1,256})`,
    /"(?:[^"\\\r\n]|\\[^\r\n])*|'(?:[^'\\\r\n]|\\[^\r\n])*/.source,
    /\{[^}]*(\})?/.source,
    ACTING_WORD,
  ].join('|'),
  'gi',
);

/**
 * The runs of lines to lex, in text order, or `undefined` when the whole text must be lexed (an
 * unterminated string or `{` comment: the full lexer and extractor report those).
 */
export function segmentsToLex(text: string, lines: LineMap = new LineMap(text)): Segment[] | undefined {
  const { lineStarts } = lines;
  const lineCount = lineStarts.length;
  const flags = new Uint8Array(lineCount);
  const lineEnd = (line: number): number => (line + 1 < lineCount ? lineStarts[line + 1]! - 1 : text.length);

  let line = 0;
  LEXICAL.lastIndex = 0;
  for (let match = LEXICAL.exec(text); match; match = LEXICAL.exec(text)) {
    if (match[1] !== undefined) continue; // a run that decides nothing
    const start = match.index;
    while (line + 1 < lineCount && lineStarts[line + 1]! <= start) line++;
    const first = text.charCodeAt(start);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      return undefined; // an unterminated string (closed ones are in runs)
    } else if (first === 123 /* { */) {
      if (match[2] === undefined) return undefined;
      const end = start + match[0].length;
      while (line + 1 < lineCount && lineStarts[line + 1]! < end) {
        flags[line]! |= ENDS_IN_COMMENT;
        flags[++line]! |= STARTS_IN_COMMENT;
      }
    } else {
      const word = match[0].toLowerCase();
      if (LICENSE_FUNCTIONS.has(word)) flags[line]! |= TRIGGER | CALL;
      else if (UNIT_WORDS.has(word)) {
        if (onlyBlanksBetween(text, lineStarts[line]!, start)) flags[line]! |= TRIGGER;
      } else if (mayPrecedeUnitWord(text, start + word.length, lineEnd(line))) flags[line]! |= TRIGGER;
    }
  }

  markKeptLines(flags, (line) => startsWithStatementWord(text, lineStarts[line]!, flags[line]!));
  return keptSegments(flags, lineStarts, text.length);
}

/**
 * The `[start, end)` offsets of every `{ }` comment, as the lexer finds them (an unterminated one
 * runs to the end of the text), without lexing: what folding needs on each request.
 */
export function blockComments(text: string): Segment[] {
  const comments: Segment[] = [];
  LEXICAL.lastIndex = 0;
  for (let match = LEXICAL.exec(text); match; match = LEXICAL.exec(text)) {
    if (text.charCodeAt(match.index) === 123 /* { */) comments.push([match.index, match.index + match[0].length]);
  }
  return comments;
}

/**
 * Sets KEEP on the lines to lex. `isStatementStart` is asked only about the lines the windows reach
 * (most lines are never asked: checking every line's leading word cost as much as the rest).
 */
function markKeptLines(flags: Uint8Array, isStatementStart: (line: number) => boolean): void {
  // The statement each license call belongs to, from its line-leading word to the call.
  for (let line = 0; line < flags.length; line++) {
    if ((flags[line]! & CALL) === 0) continue;
    let start = line;
    while (start > 0 && !isStatementStart(start)) start--;
    for (let kept = start; kept <= line; kept++) flags[kept] = flags[kept]! | KEEP;
  }
  // Every trigger line, and the lines after it through the next line-leading statement word.
  let window = false;
  for (let line = 0; line < flags.length; line++) {
    const flag = flags[line]!;
    if (flag & TRIGGER) {
      flags[line] = flag | KEEP;
      window = true;
    } else if (window) {
      flags[line] = flag | KEEP;
      if (isStatementStart(line)) window = false;
    }
  }
  // Removed runs must begin and end in code, so that the kept runs lex as in the whole text.
  for (let line = 0; line < flags.length; line++) {
    if (flags[line]! & KEEP) continue;
    let last = line;
    while (last + 1 < flags.length && (flags[last + 1]! & KEEP) === 0) last++;
    for (let first = line; first <= last && flags[first]! & STARTS_IN_COMMENT; first++) flags[first] = flags[first]! | KEEP;
    for (let end = last; end >= line && (flags[end]! & (KEEP | ENDS_IN_COMMENT)) === ENDS_IN_COMMENT; end--) {
      flags[end] = flags[end]! | KEEP;
    }
    line = last;
  }
}

function keptSegments(flags: Uint8Array, lineStarts: readonly number[], textLength: number): Segment[] {
  const segments: Segment[] = [];
  for (let line = 0; line < flags.length; line++) {
    if ((flags[line]! & KEEP) === 0) continue;
    const start = lineStarts[line]!;
    while (line + 1 < flags.length && flags[line + 1]! & KEEP) line++;
    segments.push([start, line + 1 < lineStarts.length ? lineStarts[line + 1]! : textLength]);
  }
  return segments;
}

/**
 * False only when the next word on the same line is known not to be a unit keyword; anything
 * else (end of line, a comment, punctuation) counts as "maybe", which keeps the line.
 */
function mayPrecedeUnitWord(text: string, from: number, lineEnd: number): boolean {
  let at = from;
  for (let char = text.charCodeAt(at); at < lineEnd && (char === SPACE || char === TAB); char = text.charCodeAt(++at));
  if (at >= lineEnd || !isWordStart(text.charCodeAt(at))) return true;
  return UNIT_WORDS.has(text.slice(at, wordEnd(text, at)).toLowerCase());
}

/**
 * Whether the line begins with a statement word, where only spaces, tabs or CRs stand before it
 * (the extractor's `startsLine`). A line that starts inside a comment has none: saying yes wrongly
 * would end a window early, the one unsafe mistake here.
 */
function startsWithStatementWord(text: string, lineStart: number, flag: number): boolean {
  if (flag & STARTS_IN_COMMENT) return false;
  let first = lineStart;
  for (let char = text.charCodeAt(first); char === SPACE || char === TAB || char === CR; char = text.charCodeAt(++first));
  if (!isWordStart(text.charCodeAt(first))) return false;
  const end = wordEnd(text, first);
  return end - first >= 2 && end - first <= 10 && STATEMENT_WORDS.has(text.slice(first, end).toLowerCase());
}

function onlyBlanksBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const char = text.charCodeAt(at);
    if (char !== SPACE && char !== TAB && char !== CR) return false;
  }
  return true;
}

function isWordStart(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || char === 95;
}

function wordEnd(text: string, start: number): number {
  let at = start + 1;
  for (let char = text.charCodeAt(at); isWordStart(char) || (char >= 48 && char <= 57); char = text.charCodeAt(++at));
  return at;
}
