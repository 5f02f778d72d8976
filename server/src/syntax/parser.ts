/**
 * A tolerant fact extractor over the token stream of one 4GL file.
 *
 * It is not a full 4GL grammar: it recognises what the product needs (program units, the first
 * statement of each unit, the three license calls with their arguments) and steps over the rest
 * one token at a time. A hand-written scanner is the robust choice here: Logix code mixes SQL,
 * forms, reports and `_ADVPL_` calls, and an unknown statement must never hide the license call
 * after it. Any input yields facts plus problems; nothing throws (ARCHITECTURE.md, invariant 2).
 */
import type { IToken, TokenType } from 'chevrotain';
import { coversWholeText, lex, lexSegments, type LexedText } from './lexer.js';
import { segmentsToLex } from './prefilter.js';
import { comparePositions, LineMap, type Range } from './positions.js';
import {
  LICENSE_FUNCTIONS,
  type Argument,
  type FileFacts,
  type GlobalsReference,
  type LicenseCall,
  type LicenseFunction,
  type ListItem,
  type ProblemDetail,
  type ProgramUnit,
  type SyntaxProblem,
  type UnitKind,
} from './facts.js';
import * as T from './tokens.js';
import { STATEMENT_WORDS } from './words.js';

const UNIT_KEYWORDS: ReadonlyMap<TokenType, UnitKind> = new Map([
  [T.Main, 'main'],
  [T.FunctionKw, 'function'],
  [T.Report, 'report'],
  [T.Globals, 'globals'],
]);

/**
 * One problem as the extractor met it. The facts keep only the summary (`summariseProblems`): each
 * kind once per file with its count, since a binary or NUL-padded file has an unterminated string
 * on most lines and one warning per line would bury the file's other diagnostics. The incremental
 * re-parse keeps the reports of an open document to summarise them again after an edit that
 * re-parsed only part of the file. Problems are data; the diagnostic words them (LGX016).
 */
export type ProblemReport = ProblemDetail & { readonly range: Range };

/** A parse with its problem reports, in the order the extractor made them. */
export interface DetailedParse {
  readonly facts: FileFacts;
  readonly reports: readonly ProblemReport[];
  readonly lines: LineMap;
}

interface OpenUnit {
  kind: UnitKind;
  name: string;
  nameRange: Range;
  startOffset: number;
  isPrivate: boolean;
  firstStatementIndex: number;
  firstStatement?: Range;
}

/**
 * The facts of one file. Only the lines the facts can depend on are lexed (prefilter.ts); a file
 * with any syntax problem is parsed again in full, so that every problem and every range is the
 * one the whole text gives.
 */
export function parseFacts(text: string): FileFacts {
  return parseFactsDetailed(text).facts;
}

/** `parseFacts` with the problem reports behind the facts' summary, and the text's line map. */
export function parseFactsDetailed(text: string): DetailedParse {
  const lines = new LineMap(text);
  const segments = segmentsToLex(text, lines);
  // When every line is kept the pre-filtered parse is the full one: a problem found in it must not
  // cost a second, identical parse (a 100,000-line file without its END took twice as long).
  if (segments && !coversWholeText(segments, text)) {
    const parsed = new FactExtractor(text, lines, lexSegments(text, segments)).run();
    if (parsed.reports.length === 0) return { ...parsed, lines };
  }
  return { ...new FactExtractor(text, lines, lex(text)).run(), lines };
}

/** The facts from lexing every line: the reference the pre-filtered path must equal. */
export function parseFactsFully(text: string, lines: LineMap = new LineMap(text)): FileFacts {
  return new FactExtractor(text, lines, lex(text)).run().facts;
}

/**
 * The facts' problems from the reports: one per kind, kinds in the order of their first report,
 * each at its first occurrence in the text (the earlier report on a tie), with the count of its
 * kind when more than one.
 */
export function summariseProblems(reports: readonly ProblemReport[]): SyntaxProblem[] {
  const byKind = new Map<ProblemReport['kind'], { first: ProblemReport; count: number }>();
  for (const report of reports) {
    const seen = byKind.get(report.kind);
    if (!seen) byKind.set(report.kind, { first: report, count: 1 });
    else {
      seen.count += 1;
      if (comparePositions(report.range.start, seen.first.range.start) < 0) seen.first = report;
    }
  }
  return [...byKind.values()].map(({ first, count }) => (count === 1 ? first : { ...first, count }));
}

class FactExtractor {
  private readonly tokens: IToken[];
  private readonly comments: IToken[];
  private readonly units: ProgramUnit[] = [];
  private readonly licenseCalls: LicenseCall[] = [];
  private readonly globalsReferences: GlobalsReference[] = [];
  /** Every problem met, in order (summarised into the facts' problems at the end). */
  private readonly reports: ProblemReport[] = [];
  private open: OpenUnit | undefined;
  /** Token index where the current statement began (its first line-leading statement word). */
  private statementIndex = -1;

  constructor(
    private readonly text: string,
    private readonly lines: LineMap,
    lexed: LexedText,
  ) {
    this.tokens = lexed.tokens;
    this.comments = lexed.comments;
  }

  run(): { facts: FileFacts; reports: readonly ProblemReport[] } {
    this.checkComments();
    let index = 0;
    while (index < this.tokens.length) {
      index = this.step(index);
    }
    if (this.open) {
      this.problem({ kind: 'missingEnd', open: this.open.kind, name: this.open.name }, this.open.nameRange);
      this.closeUnit(this.text.length, false);
    }
    const facts: FileFacts = {
      units: this.units,
      licenseCalls: this.licenseCalls,
      globalsReferences: this.globalsReferences,
      problems: this.reports.length === 0 ? [] : summariseProblems(this.reports),
      lineCount: this.lines.lineCount,
    };
    return { facts, reports: this.reports };
  }

  /** Reads what starts at `index` and returns the index of the next token to read. */
  private step(index: number): number {
    const token = this.tokens[index]!;
    const type = token.tokenType;

    if (type === T.StringLiteral) {
      this.checkString(token);
      return index + 1;
    }
    if (type === T.End) return this.readEnd(index);
    if (type === T.Private || type === T.Public) {
      const next = this.tokens[index + 1];
      if (next && (next.tokenType === T.FunctionKw || next.tokenType === T.Report)) {
        return this.readUnitHeader(index + 1, type === T.Private, token.startOffset);
      }
      return index + 1;
    }
    const unitKind = UNIT_KEYWORDS.get(type);
    if (unitKind && this.startsLine(token)) {
      return this.readUnitHeader(index, false, token.startOffset);
    }
    if (type === T.Identifier) {
      this.noteStatementStart(index);
      const next = this.tokens[index + 1];
      if (next?.tokenType === T.LParen) {
        const licenseFunction = LICENSE_FUNCTIONS.get(token.image.toLowerCase());
        if (licenseFunction) return this.readLicenseCall(index, licenseFunction);
      }
    }
    return index + 1;
  }

  private noteStatementStart(index: number): void {
    const token = this.tokens[index]!;
    // startsLine first: it is cheap and false for most words, which spares a toLowerCase each.
    if (!this.startsLine(token) || !STATEMENT_WORDS.has(token.image.toLowerCase())) return;
    this.statementIndex = index;
    if (this.open && this.open.firstStatementIndex === -1) {
      this.open.firstStatementIndex = index;
      this.open.firstStatement = this.range(token);
    }
  }

  // ---- units ---------------------------------------------------------------------------------

  private readUnitHeader(index: number, isPrivate: boolean, startOffset: number): number {
    const keywordToken = this.tokens[index]!;
    const kind = UNIT_KEYWORDS.get(keywordToken.tokenType)!;
    let next = index + 1;

    if (kind === 'globals') {
      const fileToken = this.tokens[next];
      if (fileToken?.tokenType === T.StringLiteral) {
        // `GLOBALS "file.4gl"` names a globals file; it opens no unit.
        this.checkString(fileToken);
        this.globalsReferences.push({ file: unquote(fileToken.image), range: this.range(fileToken) });
        return next + 1;
      }
    }

    let name = keywordToken.image.toUpperCase();
    let nameRange = this.range(keywordToken);
    if (kind === 'function' || kind === 'report') {
      const nameToken = this.tokens[next];
      // A statement word that begins a later line begins a statement, not the name: a comment
      // took the rest of the keyword's line (`FUNCTION-----`). The pre-filter relies on this: the
      // lines it keeps after a unit keyword end at the first line-leading statement word.
      if (nameToken && isWord(nameToken) && nameToken.tokenType !== T.End && !this.isStatementStart(nameToken)) {
        name = nameToken.image;
        nameRange = this.range(nameToken);
        next += 1;
      } else {
        this.problem({ kind: 'unnamedUnit', unit: kind }, this.range(keywordToken));
      }
    }

    if (this.open) {
      this.problem({ kind: 'missingEnd', open: this.open.kind, name: this.open.name, before: kind }, this.open.nameRange);
      this.closeUnit(this.previousEnd(index), false);
    }
    this.open = { kind, name, nameRange, startOffset, isPrivate, firstStatementIndex: -1 };
    this.statementIndex = -1;

    // Skip the parameter list: its names are not statements.
    if (this.tokens[next]?.tokenType === T.LParen) {
      const close = this.findClosingParen(next);
      next = close.complete ? close.index + 1 : close.index;
    }
    return next;
  }

  private readEnd(index: number): number {
    const endToken = this.tokens[index]!;
    const next = this.tokens[index + 1];
    const kind = next ? UNIT_KEYWORDS.get(next.tokenType) : undefined;
    if (!next || !kind) return index + 1; // END IF, END RECORD, END CASE…
    if (!this.open) {
      this.problem({ kind: 'unmatchedEnd', unit: kind }, this.rangeOf(endToken, next));
    } else if (this.open.kind !== kind) {
      this.problem({ kind: 'mismatchedEnd', unit: kind, open: this.open.kind, name: this.open.name }, this.rangeOf(endToken, next));
      this.closeUnit(endOf(next), true);
    } else {
      this.closeUnit(endOf(next), true);
    }
    return index + 2;
  }

  private closeUnit(endOffset: number, closed: boolean): void {
    const open = this.open!;
    const unit: ProgramUnit = {
      kind: open.kind,
      name: open.name,
      nameRange: open.nameRange,
      range: this.lines.rangeOf(open.startOffset, endOffset),
      isPrivate: open.isPrivate,
      closed,
      ...(open.firstStatement ? { firstStatement: open.firstStatement } : {}),
    };
    this.units.push(unit);
    this.open = undefined;
    this.statementIndex = -1;
  }

  // ---- license calls -------------------------------------------------------------------------

  private readLicenseCall(nameIndex: number, licenseFunction: LicenseFunction): number {
    const nameToken = this.tokens[nameIndex]!;
    const openParen = nameIndex + 1;
    const close = this.findClosingParen(openParen);
    const args = close.argumentSlices.map((slice) => this.readArgument(slice));
    // An unterminated list is not a syntax problem here: `complete: false` lets the license
    // layer report it as a malformed call (LGX012).
    const lastToken = this.tokens[close.complete ? close.index : close.index - 1] ?? this.tokens[openParen]!;

    let next = close.complete ? close.index + 1 : close.index;
    let returning: LicenseCall['returning'];
    if (this.tokens[next]?.tokenType === T.Returning) {
      const read = this.readReturning(next);
      returning = read.returning;
      next = read.next;
    }

    const statementToken = this.tokens[this.statementIndex] ?? nameToken;
    const unitIndex = this.open ? this.units.length : -1;
    this.licenseCalls.push({
      function: licenseFunction,
      nameRange: this.range(nameToken),
      range: this.rangeOf(nameToken, lastToken),
      argumentsRange: this.rangeOf(this.tokens[openParen]!, lastToken),
      args,
      complete: close.complete,
      unitIndex,
      inFirstStatement: this.open !== undefined && this.statementIndex !== -1 &&
        this.open.firstStatementIndex === this.statementIndex,
      statementRange: this.rangeOf(statementToken, this.tokens[next - 1] ?? lastToken),
      ...(returning ? { returning } : {}),
    });
    return next;
  }

  private readReturning(index: number): { returning: NonNullable<LicenseCall['returning']>; next: number } {
    const variables: string[] = [];
    let next = index + 1;
    let last = this.tokens[index]!;
    let current = '';
    while (next < this.tokens.length) {
      const token = this.tokens[next]!;
      const type = token.tokenType;
      const continuesName = type === T.Dot || (current !== '' && type === T.Operator && token.image === '*');
      if ((isWord(token) && (current === '' || current.endsWith('.'))) || continuesName) {
        if (isWord(token) && current === '' && this.isStatementStart(token)) break;
        current += token.image;
      } else if (type === T.Comma && current !== '') {
        variables.push(current);
        current = '';
      } else {
        break;
      }
      last = token;
      next += 1;
    }
    if (current !== '') variables.push(current);
    return { returning: { range: this.rangeOf(this.tokens[index]!, last), variables }, next };
  }

  /**
   * From an opening parenthesis, finds its partner and the token slices of the top-level
   * arguments. A missing `)` is recognised when a new statement, unit or `RETURNING` starts, so
   * that one broken call does not swallow the rest of the file.
   */
  private findClosingParen(openIndex: number): { index: number; complete: boolean; argumentSlices: [number, number][] } {
    const slices: [number, number][] = [];
    let depth = 0;
    let argumentStart = openIndex + 1;
    for (let index = openIndex; index < this.tokens.length; index++) {
      const token = this.tokens[index]!;
      const type = token.tokenType;
      if (type === T.LParen) {
        depth += 1;
      } else if (type === T.RParen) {
        depth -= 1;
        if (depth === 0) {
          if (index > argumentStart || slices.length > 0) slices.push([argumentStart, index]);
          return { index, complete: true, argumentSlices: slices };
        }
      } else if (type === T.Comma && depth === 1) {
        slices.push([argumentStart, index]);
        argumentStart = index + 1;
      } else if (index > openIndex && this.endsExpression(token)) {
        if (index > argumentStart) slices.push([argumentStart, index]);
        return { index, complete: false, argumentSlices: slices };
      }
    }
    if (this.tokens.length > argumentStart) slices.push([argumentStart, this.tokens.length]);
    return { index: this.tokens.length, complete: false, argumentSlices: slices };
  }

  private endsExpression(token: IToken): boolean {
    const type = token.tokenType;
    if (type === T.Returning || type === T.End || UNIT_KEYWORDS.has(type)) return true;
    return type === T.Identifier && this.isStatementStart(token);
  }

  private isStatementStart(token: IToken): boolean {
    return this.startsLine(token) && STATEMENT_WORDS.has(token.image.toLowerCase());
  }

  private readArgument([start, end]: [number, number]): Argument {
    if (start >= end) {
      // `f("A",)`: an empty argument. Recorded as dynamic with no text, reported by the engine.
      const at = this.tokens[Math.min(start, this.tokens.length - 1)]!;
      const position = this.lines.positionAt(at.startOffset);
      return { kind: 'dynamic', text: '', range: { start: position, end: position } };
    }
    const first = this.tokens[start]!;
    const last = this.tokens[end - 1]!;
    const range = this.rangeOf(first, last);

    // A literal argument is `"…"` or `"…" || "…" || …`, nothing else (R3: lists over lines).
    const isLiteral = (end - start) % 2 === 1 && this.tokens.slice(start, end).every((token, offset) =>
      offset % 2 === 0 ? token.tokenType === T.StringLiteral : token.tokenType === T.Concat);
    if (!isLiteral) {
      return { kind: 'dynamic', text: this.text.slice(first.startOffset, endOf(last)), range };
    }

    const pieces: Range[] = [];
    const valueChars: string[] = [];
    // Source offset of each value character, plus one entry for "just after the last one".
    const sourceOffsets: number[] = [];
    for (let index = start; index < end; index += 2) {
      const piece = this.tokens[index]!;
      this.checkString(piece);
      pieces.push(this.range(piece));
      const image = piece.image;
      const quote = image[0]!;
      const contentEnd = image.length > 1 && image.endsWith(quote) && !isEscapedQuote(image) ? image.length - 1 : image.length;
      for (let offset = 1; offset < contentEnd; offset++) {
        if (image[offset] === '\\' && offset + 1 < contentEnd) offset += 1;
        valueChars.push(image[offset]!);
        sourceOffsets.push(piece.startOffset + offset);
      }
      sourceOffsets.push(piece.startOffset + contentEnd); // the closing quote of this piece
      if (index + 2 < end) sourceOffsets.pop(); // only the last piece's end is "after the value"
    }
    const value = valueChars.join('');
    return { kind: 'literal', value, range, pieces, items: this.splitItems(value, sourceOffsets) };
  }

  private splitItems(value: string, sourceOffsets: number[]): ListItem[] {
    const items: ListItem[] = [];
    let itemStart = 0;
    for (let index = 0; index <= value.length; index++) {
      if (index === value.length || value[index] === ',') {
        const startOffset = sourceOffsets[itemStart]!;
        const endOffset = index > itemStart ? sourceOffsets[index - 1]! + 1 : startOffset;
        items.push({ text: value.slice(itemStart, index), range: this.lines.rangeOf(startOffset, endOffset) });
        itemStart = index + 1;
      }
    }
    return items;
  }

  // ---- lexical checks ------------------------------------------------------------------------

  private checkComments(): void {
    for (const comment of this.comments) {
      if (!comment.image.endsWith('}')) { // the only comments kept are { } ones (tokens.ts)
        this.problem({ kind: 'unterminatedComment' }, this.range(comment));
      }
    }
  }

  private checkString(token: IToken): void {
    const image = token.image;
    if (image.length < 2 || !image.endsWith(image[0]!) || isEscapedQuote(image)) {
      this.problem({ kind: 'unterminatedString' }, this.range(token));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** True when only whitespace stands between the start of the line and the token. */
  private startsLine(token: IToken): boolean {
    for (let offset = token.startOffset - 1; offset >= 0; offset--) {
      const char = this.text.charCodeAt(offset);
      if (char === 10) return true;
      if (char !== 32 && char !== 9 && char !== 13) return false;
    }
    return true;
  }

  private previousEnd(index: number): number {
    const previous = this.tokens[index - 1];
    return previous ? endOf(previous) : this.tokens[index]!.startOffset;
  }

  private range(token: IToken): Range {
    return this.lines.rangeOf(token.startOffset, endOf(token));
  }

  private rangeOf(first: IToken, last: IToken): Range {
    return this.lines.rangeOf(first.startOffset, endOf(last));
  }

  private problem(detail: ProblemDetail, range: Range): void {
    this.reports.push({ ...detail, range });
  }
}

/** The offset just after the token (the lexer tracks start offsets only). */
function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

function isWord(token: IToken): boolean {
  return token.tokenType === T.Identifier || token.tokenType.CATEGORIES?.includes(T.Keyword) === true;
}

/** `"abc\"` ends with a quote that is escaped: the string is unterminated. */
function isEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let index = image.length - 2; index > 0 && image[index] === '\\'; index--) backslashes += 1;
  return backslashes % 2 === 1;
}

function unquote(image: string): string {
  const quote = image[0]!;
  const end = image.length > 1 && image.endsWith(quote) ? image.length - 1 : image.length;
  return image.slice(1, end);
}
