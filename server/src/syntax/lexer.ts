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
 */
export function lexSegments(text: string, segments: readonly Segment[]): LexedText {
  if (segments.length === 1 && segments[0]![0] === 0 && segments[0]![1] === text.length) return lex(text);
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const lexer = theLexer();
  for (const [start, end] of segments) {
    const result = lexer.tokenize(text.slice(start, end));
    for (const token of result.tokens) {
      token.startOffset += start;
      tokens.push(token);
    }
    for (const comment of result.groups['comments'] ?? []) {
      comment.startOffset += start;
      comments.push(comment);
    }
  }
  return { tokens, comments };
}
