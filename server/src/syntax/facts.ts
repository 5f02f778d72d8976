/**
 * Per-file facts: everything the rest of the product needs to know about one 4GL file, small and
 * plain (no tokens, no text), so the workspace index can keep them for every file (ARCHITECTURE.md,
 * invariant 3). Ranges are 0-based line/character positions in the decoded text.
 */
import type { Range } from './positions.js';

/** The three calls that declare license keys (R1, R2, R3). */
export type LicenseFunction = 'LOG_initApp' | 'log001_acessa_usuario' | '_ADVPL_SYSTEMKEY_setAppLicenseList';

export const LICENSE_FUNCTIONS: ReadonlyMap<string, LicenseFunction> = new Map([
  ['log_initapp', 'LOG_initApp'],
  ['log001_acessa_usuario', 'log001_acessa_usuario'],
  ['_advpl_systemkey_setapplicenselist', '_ADVPL_SYSTEMKEY_setAppLicenseList'],
] as const);

/** One element of a comma-separated list inside a string argument, exactly as written. */
export interface ListItem {
  /** The raw text between separators, spaces included (`" estoq"`), never unescaped further. */
  readonly text: string;
  readonly range: Range;
}

/** A string argument, possibly built from several literals joined with `||` across lines. */
export interface LiteralArgument {
  readonly kind: 'literal';
  /** The folded value of all pieces, escapes resolved. */
  readonly value: string;
  /** The whole argument, first quote to last quote. */
  readonly range: Range;
  /** Each string literal of the argument, quotes included. */
  readonly pieces: readonly Range[];
  /** The value split on `,`, with the source range of each element. */
  readonly items: readonly ListItem[];
}

/** Anything that is not a string literal: a variable, a call, an expression. Never guessed. */
export interface DynamicArgument {
  readonly kind: 'dynamic';
  readonly text: string;
  readonly range: Range;
}

export type Argument = LiteralArgument | DynamicArgument;

export interface LicenseCall {
  readonly function: LicenseFunction;
  /** The function name as written in the source. */
  readonly nameRange: Range;
  /** From the function name to the closing parenthesis (or to where the call was cut short). */
  readonly range: Range;
  /** The range of the parentheses and everything in them. */
  readonly argumentsRange: Range;
  readonly args: readonly Argument[];
  /** False when the closing parenthesis is missing. */
  readonly complete: boolean;
  /** Index into `FileFacts.units` of the unit holding the call, or -1 outside any unit. */
  readonly unitIndex: number;
  /** True when the call belongs to the first statement of its unit (A3). */
  readonly inFirstStatement: boolean;
  /** The range of the statement the call belongs to (from its first keyword). */
  readonly statementRange: Range;
  /** `RETURNING a, b` right after the call, if any. */
  readonly returning?: { readonly range: Range; readonly variables: readonly string[] };
}

export type UnitKind = 'main' | 'function' | 'report' | 'globals';

export interface ProgramUnit {
  readonly kind: UnitKind;
  /** The name as written; `MAIN` and `GLOBALS` for those units. */
  readonly name: string;
  readonly nameRange: Range;
  /** From the opening keyword (or PRIVATE) to the end of its `END …`, or to where it was cut. */
  readonly range: Range;
  readonly isPrivate: boolean;
  /** False when the unit has no matching `END …`. */
  readonly closed: boolean;
  /** The first executable statement, declarations (`DEFINE`) excluded. */
  readonly firstStatement?: Range;
}

/** `GLOBALS "file.4gl"` references. */
export interface GlobalsReference {
  readonly file: string;
  readonly range: Range;
}

/**
 * What went wrong reading a file, as data: the diagnostic (LGX016) words it where it is made, in
 * the user's language, while the facts, the parse workers and the persisted index stay
 * language-free. `unit` is the kind of the unit an `END` or a keyword names; `name` the unit's.
 */
export type ProblemDetail =
  | { readonly kind: 'unterminatedString' }
  | { readonly kind: 'unterminatedComment' }
  /** `open` (named `name`) has no END; `before` is the unit keyword that started the next one. */
  | { readonly kind: 'missingEnd'; readonly open: UnitKind; readonly name: string; readonly before?: UnitKind }
  | { readonly kind: 'unnamedUnit'; readonly unit: UnitKind }
  | { readonly kind: 'unmatchedEnd'; readonly unit: UnitKind }
  /** `END unit` closes `open` (named `name`). */
  | { readonly kind: 'mismatchedEnd'; readonly unit: UnitKind; readonly open: UnitKind; readonly name: string }
  /** Decoding: the bytes hold `bytes` NUL bytes. */
  | { readonly kind: 'nulBytes'; readonly bytes: number }
  /** The file could not be read; `reason` is the system's own words. */
  | { readonly kind: 'unreadable'; readonly reason: string }
  /** The persisted index's entry of the file is damaged. */
  | { readonly kind: 'damagedCacheEntry' };

/**
 * One problem per kind in a file (parser.ts, `summariseProblems`): the first occurrence's detail
 * and range, and how many the file has when more than one.
 */
export type SyntaxProblem = ProblemDetail & {
  readonly range: Range;
  readonly count?: number;
};

export interface FileFacts {
  readonly units: readonly ProgramUnit[];
  readonly licenseCalls: readonly LicenseCall[];
  readonly globalsReferences: readonly GlobalsReference[];
  /**
   * Lexical and structural problems: unterminated comments or strings, unbalanced units. One per
   * kind, at its first occurrence, counting the others (parser.ts).
   */
  readonly problems: readonly SyntaxProblem[];
  readonly lineCount: number;
}
