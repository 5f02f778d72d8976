/**
 * The token vocabulary of the Logix 4GL dialect, in the order the lexer tries them.
 *
 * The list covers every character: anything that is not whitespace, a comment, a string, a
 * number, a word or ASCII punctuation falls into `Unknown` (accented letters outside strings,
 * control bytes, NUL padding). So the lexer never reports an error and never throws, whatever
 * the input (ARCHITECTURE.md, invariant 2).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// `{ … }` comments span lines and do not nest. An unterminated one runs to the end of the file;
// the parser reports it (the closing brace is optional in the pattern so that nothing after it is
// misread as code).
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\{[^}]*\}?/,
  group: 'comments',
  line_breaks: true,
});

// `# …` and `-- …` (including the `--#` form) run to the end of the line. Nothing reads them
// after lexing, so they are skipped rather than kept as tokens.
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /(?:#|--)[^\r\n]*/,
  group: Lexer.SKIPPED,
});

// "…" and '…' with backslash escapes. A string stops at the end of its line; an unterminated one
// is reported by the parser. A `#`, `--` or `{` inside a string is just text, because the string
// is matched first from its opening quote.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"?|'(?:[^'\\\r\n]|\\[^\r\n])*'?/,
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:\.\d*)?|\.\d+/,
});

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
});

/** Parent category of the structural keywords, so a keyword can still serve as a name. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

function keyword(word: string): TokenType {
  // Keywords are case-insensitive in 4GL (`END FUNCTION`, `end function`, `End Function`).
  // `longer_alt` keeps `mainframe` or `end_date` whole identifiers.
  return createToken({
    name: word,
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    categories: [Keyword],
  });
}

// Only the words that delimit program units or calls are tokens of their own; the parser reads
// every other word (statement keywords included) from the image of an Identifier.
export const Main = keyword('MAIN');
export const End = keyword('END');
export const FunctionKw = keyword('FUNCTION');
export const Report = keyword('REPORT');
export const Globals = keyword('GLOBALS');
export const Private = keyword('PRIVATE');
export const Public = keyword('PUBLIC');
export const Returning = keyword('RETURNING');

export const Concat = createToken({ name: 'Concat', pattern: /\|\|/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });

/** Every other ASCII punctuation character, one or two at a time. */
export const Operator = createToken({
  name: 'Operator',
  pattern: /<>|<=|>=|!=|==|[-+*/=<>:;[\]!&|?@$%^~\\`}]/,
});

/** Runs of non-ASCII characters or control bytes outside strings and comments. */
export const Unknown = createToken({
  name: 'Unknown',
  pattern: /[\u0080-\uFFFF]+|[\x00-\x08\x0E-\x1F\x7F]+/,
});

/** Tried in this order; keywords before `Identifier`, `--` comments before `Operator`. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  BlockComment,
  LineComment,
  StringLiteral,
  NumberLiteral,
  Main,
  End,
  FunctionKw,
  Report,
  Globals,
  Private,
  Public,
  Returning,
  Keyword,
  Identifier,
  Concat,
  LParen,
  RParen,
  Comma,
  Dot,
  Operator,
  Unknown,
];
