/**
 * Re-parsing an edited file by the region around the edit only. Typing in a 30,000-line program
 * must not re-lex the whole file on every keystroke, and neither must a syntax problem elsewhere
 * in the file (an unterminated `{` near its end, a unit without its END, a string left open).
 *
 * The window. The edit is the text between the common prefix and suffix of the old and new
 * text. It is re-parsed from the start of the line after the last *anchor* before it to the start
 * of the line after the first anchor after it (or from the file's start, or to its end). An
 * anchor is a unit of the old facts closed by its `END …` whose closing word is the last token of
 * its line: after it only whitespace and comments, every `{` of them closed on that line.
 *
 * Why the facts are those of a full parse (`incremental.test.ts` compares both on thousands of
 * random edits of files with and without problems):
 *
 * - Lexing. Tokens never span a line break except whitespace and `{ }` comments (strings and line
 *   comments stop at the end of their line). At both window ends the lexer stands in code: after
 *   an anchor's line, by the anchor's definition; at the new window's end, because the window's
 *   own parse is checked the same way (its last unit closed by an `END …` whose closing word is
 *   the window's last token, nothing but closed comments after it). So the text before and after
 *   the window lexes to the tokens it had, and the window alone lexes to the whole text's tokens
 *   there. A window that runs to the end of the file needs no such check (a `{` left open in it
 *   runs to the end in both).
 * - Reading. The extractor is idle after the `END …` that closes a unit: no unit open, no
 *   statement begun, nothing read ahead. No read looks further than the token it stops at (an
 *   argument list or a RETURNING list stops at the token that ends it; `END`, `PRIVATE`, a unit
 *   keyword and a license function's name look at the next token only), and `END …` is read as
 *   a pair. So the reading before the window never looks into it, the window is read from the idle
 *   state as if it were a file of its own, and the reading after the window starts idle as before.
 *   The text before the window is unchanged; the text after it only moved down by the change in
 *   line count, and starts at a line start, so its columns are unchanged.
 * - Problems. The facts hold one problem per kind (parser.ts, `summariseProblems`). The reports
 *   behind them are kept beside the facts of an open document; every report made while reading
 *   a region lies in that region (a missing END is reported for a unit opened in the same region,
 *   since the extractor is idle at the window's ends), and reports are made region by region in
 *   reading order, but for unterminated `{` comments, which are all reported first. So the new
 *   reports are the old ones before the window, the window's, and the old ones after it moved
 *   down, with the comments' reports kept first; the summary follows. Facts whose reports are not
 *   known (parsed elsewhere, with problems) are parsed in full once, which records them.
 *
 * Only when no anchor stands on either side of the edit is the whole file parsed again.
 */
import type { FileFacts, GlobalsReference, LicenseCall, ProgramUnit } from './facts.js';
import { lex } from './lexer.js';
import { parseFactsDetailed, summariseProblems, type ProblemReport } from './parser.js';
import { LineMap, type Position, type Range } from './positions.js';

/** The problem reports behind facts made here (only facts with problems have an entry). */
const reportsOf = new WeakMap<FileFacts, readonly ProblemReport[]>();

/** The facts of a text that will be edited: what `reparseFacts` needs to re-parse by windows. */
export function parseForEditing(text: string): FileFacts {
  const { facts, reports } = parseFactsDetailed(text);
  if (reports.length > 0) reportsOf.set(facts, reports);
  return facts;
}

export function reparseFacts(oldText: string, oldFacts: FileFacts, newText: string): FileFacts {
  if (oldText === newText) return oldFacts;
  return reparseWindow(oldText, oldFacts, newText) ?? parseForEditing(newText);
}

/** The windowed re-parse alone: undefined when the edit does not qualify (tests count both paths). */
export function reparseWindow(oldText: string, oldFacts: FileFacts, newText: string): FileFacts | undefined {
  return reparseInWindow(oldText, oldFacts, newText)?.facts;
}

/** The windowed re-parse and its window, `[start, end)` in the new text (what tests measure). */
export function reparseInWindow(oldText: string, oldFacts: FileFacts, newText: string): { facts: FileFacts; window: readonly [number, number] } | undefined {
  const oldReports = oldFacts.problems.length === 0 ? [] : reportsOf.get(oldFacts);
  if (!oldReports) return undefined;
  const shortest = Math.min(oldText.length, newText.length);
  const prefix = commonPrefixLength(oldText, newText, shortest);
  const suffix = commonSuffixLength(oldText, newText, shortest - prefix);

  const oldLines = new LineMap(oldText);
  const { lineStarts } = oldLines;
  const lineStart = (line: number) => (line < lineStarts.length ? lineStarts[line]! : oldText.length);
  const offsetOf = (position: Position) => lineStarts[position.line]! + position.character;
  const firstLine = oldLines.positionAt(prefix).line;
  const lastLine = oldLines.positionAt(oldText.length - suffix).line;
  const units = oldFacts.units;
  const isAnchor = (unit: ProgramUnit) => unit.closed && endsInCode(oldText, offsetOf(unit.range.end), lineStart(unit.range.end.line + 1));

  // The last anchor ending before the edit's first line, the first ending on or after its last.
  let before = units.length - 1;
  while (before >= 0 && units[before]!.range.end.line >= firstLine) before--;
  while (before >= 0 && !isAnchor(units[before]!)) before--;
  let after = before + 1;
  while (after < units.length && units[after]!.range.end.line < lastLine) after++;
  while (after < units.length && !isAnchor(units[after]!)) after++;
  const toEnd = after === units.length;
  if (before < 0 && toEnd) return undefined; // the window would be the whole file

  const startLine = before < 0 ? 0 : units[before]!.range.end.line + 1;
  const oldEndLine = toEnd ? oldLines.lineCount : units[after]!.range.end.line + 1;
  const windowStart = lineStart(startLine);
  const oldWindowEnd = lineStart(oldEndLine);
  const newWindowEnd = oldWindowEnd + newText.length - oldText.length;
  // Always true by the choice of anchors; kept as the precondition the argument rests on.
  if (prefix < windowStart || oldText.length - suffix > oldWindowEnd || newWindowEnd < windowStart) return undefined;

  // A flat copy: names and texts sliced from the window must not keep this version of the whole
  // text alive after the next edit.
  const windowText = flatCopy(newText.slice(windowStart, newWindowEnd));
  const window = parseFactsDetailed(windowText);
  if (!toEnd) {
    // The window must end idle and in code, as the old one did.
    const last = window.facts.units[window.facts.units.length - 1];
    const lastEnd = last ? window.lines.offsetAt(last.range.end) : 0;
    if ((last && !last.closed) || !endsInCode(windowText, lastEnd, windowText.length)) return undefined;
  }

  const lineDelta = countLineBreaks(newText, prefix, newText.length - suffix) - countLineBreaks(oldText, prefix, oldText.length - suffix);
  // The old window's units: from the one after the first anchor through the last anchor.
  const afterWindow = toEnd ? units.length : after + 1;
  const unitDelta = window.facts.units.length - (afterWindow - before - 1);
  const region = (range: Range) => (range.start.line < startLine ? -1 : !toEnd && range.start.line >= oldEndLine ? 1 : 0);
  const unitIndexAfter = (call: LicenseCall) => (call.unitIndex === -1 ? -1 : call.unitIndex + unitDelta);

  const newUnits: ProgramUnit[] = [
    ...units.slice(0, before + 1),
    ...window.facts.units.map((unit) => shift(unit, startLine)),
    ...units.slice(afterWindow).map((unit) => shift(unit, lineDelta)),
  ];
  const calls = merge(oldFacts.licenseCalls, window.facts.licenseCalls, region, startLine, lineDelta,
    (call) => ({ ...call, unitIndex: call.unitIndex === -1 ? -1 : call.unitIndex + before + 1 }),
    (call) => ({ ...call, unitIndex: unitIndexAfter(call) }));
  const globalsReferences = merge<GlobalsReference>(oldFacts.globalsReferences, window.facts.globalsReferences, region, startLine, lineDelta);
  // Unterminated comments are reported first, the rest in text order (see the header).
  const isComment = (report: ProblemReport) => report.kind === 'unterminatedComment';
  const reports = [
    ...merge(oldReports.filter(isComment), window.reports.filter(isComment), region, startLine, lineDelta),
    ...merge(oldReports.filter((report) => !isComment(report)), window.reports.filter((report) => !isComment(report)), region, startLine, lineDelta),
  ];
  const facts: FileFacts = {
    units: newUnits,
    licenseCalls: calls,
    globalsReferences,
    problems: reports.length === 0 ? [] : summariseProblems(reports),
    lineCount: oldFacts.lineCount + lineDelta,
  };
  if (reports.length > 0) reportsOf.set(facts, reports);
  return { facts, window: [windowStart, newWindowEnd] };
}

/**
 * The old items before the window, the window's (moved to its first line), and the old items
 * after it (moved by the change in line count), in that order; the old items in the window go.
 */
function merge<T extends { readonly range: Range }>(
  old: readonly T[],
  windowItems: readonly T[],
  region: (range: Range) => number,
  startLine: number,
  lineDelta: number,
  fromWindow: (item: T) => T = (item) => item,
  fromAfter: (item: T) => T = (item) => item,
): T[] {
  const merged: T[] = [];
  let index = 0;
  while (index < old.length && region(old[index]!.range) < 0) merged.push(old[index++]!);
  for (const item of windowItems) merged.push(shift(fromWindow(item), startLine));
  for (; index < old.length; index++) {
    if (region(old[index]!.range) > 0) merged.push(shift(fromAfter(old[index]!), lineDelta));
  }
  return merged;
}

/**
 * True when `text` from `from` (where the lexer stands in code, right after a token) to `to` holds
 * no token, only whitespace and comments, every `{` of them closed: the lexer is in code at `to`.
 */
function endsInCode(text: string, from: number, to: number): boolean {
  let at = from;
  for (let char = text.charCodeAt(at); at < to && (char === 32 || char === 9 || char === 10 || char === 13); char = text.charCodeAt(++at));
  if (at >= to) return true;
  const lexed = lex(text.slice(at, to));
  return lexed.tokens.length === 0 && lexed.comments.every((comment) => comment.image.endsWith('}'));
}

function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** A string that shares no memory with the text it was sliced from. */
function flatCopy(text: string): string {
  return text.length < 16 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** A copy of plain fact data with every position moved down by `lines`. */
function shift<T>(value: T, lines: number): T {
  if (lines === 0) return value;
  return shiftValue(value, lines) as T;
}

function shiftValue(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftValue(item, lines));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record['line'] === 'number' && typeof record['character'] === 'number' && Object.keys(record).length === 2) {
    return { line: (record['line'] as number) + lines, character: record['character'] } satisfies Position;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) copy[key] = shiftValue(record[key], lines);
  return copy;
}

/**
 * Common prefix and suffix by blocks compared natively, then characters within the first block
 * that differs. A character loop over a 30,000-line text took 60 ms on the first edits, before
 * the JIT had compiled it.
 */
const BLOCK = 4096;

function commonPrefixLength(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + BLOCK <= limit && a.substring(at, at + BLOCK) === b.substring(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.substring(a.length - length - BLOCK, a.length - length) === b.substring(b.length - length - BLOCK, b.length - length)) {
    length += BLOCK;
  }
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}
