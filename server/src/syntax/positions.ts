/**
 * Offsets to line/character positions. The lexer tracks offsets only; facts carry line and
 * character (0-based, UTF-16 code units of the decoded text) because that is what every view
 * (CLI, LSP) needs, and a closed file's text is not kept to convert them later.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // A line ends at `\n`; a CRLF's `\r` stays the last character of its line.
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  /** The offset where each line starts (the first is 0). */
  get lineStarts(): readonly number[] {
    return this.starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.starts[low]! };
  }

  /**
   * The offset of a position, clamped as LSP says: a line past the last is the last, a character
   * past the line's end is its end (before `\n` or `\r\n`). An unclamped character of 2^31 sent
   * every lookup that follows far beyond the text.
   */
  offsetAt(position: Position): number {
    const line = Math.min(Math.max(Math.trunc(position.line) || 0, 0), this.starts.length - 1);
    const start = this.starts[line]!;
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13 && line + 1 < this.starts.length) end -= 1;
    return Math.min(start + Math.max(Math.trunc(position.character) || 0, 0), end);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** True when `position` lies inside `range` (both ends included, as a cursor may sit at either). */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
