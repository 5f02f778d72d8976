/**
 * The one 4GL lexer instance of the process. Chevrotain lexers are stateless between calls, so a
 * singleton avoids re-running its (costly) validations for every file. It is made on first use:
 * a `check --cache` that finds every file unchanged never lexes, and its start-up is shorter.
 */
import { Lexer, type IToken } from 'chevrotain';
import { allTokens } from './tokens.js';

let instance: Lexer | undefined;

function theLexer(): Lexer {
  instance ??= new Lexer(allTokens, {
    // Lines and columns are computed lazily from offsets (see positions.ts): cheaper to lex.
    positionTracking: 'onlyOffset',
    // Fail loudly if a token pattern defeats the first-character optimisation.
    ensureOptimizations: true,
  });
  return instance;
}

export interface LexedText {
  /** Code tokens, comments and whitespace removed. */
  readonly tokens: IToken[];
  /** `{ … }` comment tokens, in text order (line comments are skipped). */
  readonly comments: IToken[];
}

export function lex(text: string): LexedText {
  const result = theLexer().tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [] };
}

/** `[start, end)` offsets of a run of whole lines to lex. */
export type Segment = readonly [start: number, end: number];

/**
 * Lexes only the given runs of whole lines (see prefilter.ts), with offsets into the whole text.
 * Each run must begin and end in code, so that its tokens are the whole text's tokens there.
 *
 * The runs are lexed as one text, joined: a call to the lexer costs as much as a few hundred
 * tokens, and a file has a run for every unit. Joining changes nothing: a run ends with its line's
 * `\n` (or at the end of the text) and begins a line, in code, and no token but whitespace and
 * `{ }` comments spans a line break.
 */
/** Whether the runs to lex are the whole text (the pre-filter kept every line). */
export function coversWholeText(segments: readonly Segment[], text: string): boolean {
  return segments.length === 1 && segments[0]![0] === 0 && segments[0]![1] === text.length;
}

export function lexSegments(text: string, segments: readonly Segment[]): LexedText {
  if (coversWholeText(segments, text)) return lex(text);
  const joinedStarts: number[] = [];
  let joinedLength = 0;
  const pieces: string[] = [];
  for (const [start, end] of segments) {
    joinedStarts.push(joinedLength);
    pieces.push(text.slice(start, end));
    joinedLength += end - start;
  }
  const result = theLexer().tokenize(pieces.join(''));
  const comments = result.groups['comments'] ?? [];
  toTextOffsets(result.tokens, segments, joinedStarts);
  toTextOffsets(comments, segments, joinedStarts);
  return { tokens: result.tokens, comments };
}

/** Moves tokens (in order) from offsets in the joined runs to offsets in the whole text. */
function toTextOffsets(tokens: IToken[], segments: readonly Segment[], joinedStarts: readonly number[]): void {
  let segment = 0;
  for (const token of tokens) {
    while (segment + 1 < joinedStarts.length && joinedStarts[segment + 1]! <= token.startOffset) segment++;
    token.startOffset += segments[segment]![0] - joinedStarts[segment]!;
  }
}
