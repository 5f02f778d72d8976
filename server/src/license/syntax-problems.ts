/**
 * The words of a syntax problem (LGX016). The facts hold problems as data, made in parse worker
 * threads and kept in the persisted index where no language is chosen; they are worded here, when
 * the diagnostic is made, in the language of the process.
 */
import { t } from '../l10n/messages.js';
import type { ProblemDetail, SyntaxProblem, UnitKind } from '../syntax/facts.js';

/** The problem's message: the first occurrence's own words, or its kind counted when there are more. */
export function describeProblem(problem: SyntaxProblem): string {
  const count = problem.count ?? 1;
  if (count === 1) return describeOne(problem);
  switch (problem.kind) {
    case 'unterminatedString':
      return t`${count} unterminated strings in this file; the first here`;
    case 'unterminatedComment':
      return t`${count} unterminated '{' comments in this file; the first here`;
    case 'missingEnd':
      return t`${count} units without their END in this file; the first here: ${describeOne(problem)}`;
    case 'unnamedUnit':
      return t`${count} FUNCTION or REPORT lines without a name in this file; the first here: ${describeOne(problem)}`;
    case 'unmatchedEnd':
      return t`${count} END lines without a matching unit in this file; the first here: ${describeOne(problem)}`;
    case 'mismatchedEnd':
      return t`${count} END lines that close another kind of unit in this file; the first here: ${describeOne(problem)}`;
    default:
      // Decoding and reading problems come one per file.
      return describeOne(problem);
  }
}

/** One occurrence of a problem. Unit kinds are 4GL keywords, written as the code writes them. */
function describeOne(problem: ProblemDetail): string {
  switch (problem.kind) {
    case 'unterminatedString':
      return t`unterminated string: it ends at the end of the line`;
    case 'unterminatedComment':
      return t`unterminated '{' comment: it runs to the end of the file`;
    case 'missingEnd':
      return problem.before === undefined
        ? t`missing END ${keyword(problem.open)} for ${problem.name}`
        : t`missing END ${keyword(problem.open)} for ${problem.name} before this ${keyword(problem.before)}`;
    case 'unnamedUnit':
      return t`${keyword(problem.unit)} without a name`;
    case 'unmatchedEnd':
      return t`END ${keyword(problem.unit)} without a matching ${keyword(problem.unit)}`;
    case 'mismatchedEnd':
      return t`END ${keyword(problem.unit)} closes ${keyword(problem.open)} ${problem.name}`;
    case 'nulBytes':
      return problem.bytes === 1
        ? t`the file holds ${problem.bytes} NUL byte: a binary or NUL-padded file; it was read as text and may hide code`
        : t`the file holds ${problem.bytes} NUL bytes: a binary or NUL-padded file; it was read as text and may hide code`;
    case 'unreadable':
      return t`cannot read the file: ${problem.reason}`;
    case 'damagedCacheEntry':
      return t`the persisted index entry of this file is damaged: save the file to read it again`;
  }
}

function keyword(kind: UnitKind): string {
  return kind.toUpperCase();
}
