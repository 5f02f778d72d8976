/**
 * The one 4GL lexer instance of the process. Chevrotain lexers are stateless between calls, so a
 * module-level singleton avoids re-running its (costly) validations for every file.
 */
import { Lexer, type IToken } from 'chevrotain';
import { allTokens } from './tokens.js';

const lexer = new Lexer(allTokens, {
  // Lines and columns are computed lazily from offsets (see positions.ts): cheaper to lex.
  positionTracking: 'onlyOffset',
  // Fail loudly at start-up if a token pattern defeats the first-character optimisation.
  ensureOptimizations: true,
});

export interface LexedText {
  /** Code tokens, comments and whitespace removed. */
  readonly tokens: IToken[];
  /** `{ … }` comment tokens, in text order (line comments are skipped). */
  readonly comments: IToken[];
}

export function lex(text: string): LexedText {
  const result = lexer.tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [] };
}
