/**
 * Bytes of a `.4gl` file to text. Logix sources are Windows-1252 (SPEC samples); positions are
 * reported in the decoded text. Files with NUL bytes (binary files, NUL-padded sources) are
 * decoded and parsed anyway, with a problem saying so, so that nothing is silently skipped.
 */
import { TextDecoder } from 'node:util';
import type { SyntaxProblem } from '../syntax/facts.js';

export const DEFAULT_ENCODING = 'windows-1252';

const decoders = new Map<string, TextDecoder>();

/** Throws a RangeError naming the encoding when the runtime does not know it. */
export function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      throw new RangeError(`unknown encoding "${encoding}" (try windows-1252, utf-8, latin1)`);
    }
    decoders.set(encoding, decoder);
  }
  return decoder;
}

export interface DecodedSource {
  readonly text: string;
  readonly problems: readonly SyntaxProblem[];
}

export function decodeSource(bytes: Uint8Array, encoding: string = DEFAULT_ENCODING): DecodedSource {
  const text = decoderFor(encoding).decode(bytes);
  const problems: SyntaxProblem[] = [];
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let count = 0;
    for (const byte of bytes) if (byte === 0) count += 1;
    const start = { line: 0, character: 0 };
    problems.push({
      message: `the file holds ${count} NUL byte${count === 1 ? '' : 's'}: a binary or NUL-padded file; it was read as text and may hide code`,
      range: { start, end: start },
    });
  }
  return { text, problems };
}
