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

  constructor(text: string) {
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

  offsetAt(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.starts.length - 1);
    return this.starts[line]! + Math.max(position.character, 0);
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
