/**
 * Bytes of a `.4gl` file to text. Logix sources are Windows-1252 (as real Logix sources are); positions are
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

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'windows1252', 'cp1252', 'x-cp1252']);

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F. Node decodes Latin-1 natively (several times faster
 * than the ICU-backed TextDecoder), so decode as Latin-1 and map the 32 differing bytes after,
 * only in files that have any. The five bytes the WHATWG table leaves undefined map to
 * themselves, as TextDecoder does (a test checks all 256 bytes against it).
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!) : text;
}

export function decodeText(bytes: Uint8Array, encoding: string = DEFAULT_ENCODING): string {
  // A UTF-8 byte-order mark says what the file is, whatever the setting (VS Code reads it so
  // too); read as Windows-1252 it became "ï»¿" before the first word and hid a FUNCTION on line 1.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return UTF8.decode(bytes.subarray(3));
  return WINDOWS_1252_LABELS.has(encoding.toLowerCase()) ? decodeWindows1252(bytes) : decoderFor(encoding).decode(bytes);
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeSource(bytes: Uint8Array, encoding: string = DEFAULT_ENCODING): DecodedSource {
  const text = decodeText(bytes, encoding);
  const problems: SyntaxProblem[] = [];
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let count = 0;
    for (const byte of bytes) if (byte === 0) count += 1;
    const start = { line: 0, character: 0 };
    problems.push({ kind: 'nulBytes', bytes: count, range: { start, end: start } });
  }
  return { text, problems };
}

/** An unknown encoding in the settings falls back to Windows-1252 rather than failing every file. */
export function encodingOrDefault(encoding: string): string {
  try {
    decoderFor(encoding);
    return encoding;
  } catch {
    return DEFAULT_ENCODING;
  }
}

/**
 * VS Code's name of an encoding (`files.encoding`: `windows1252`, `utf8`, `iso88591`) as the
 * WHATWG label the decoder takes; undefined for one the decoder has no equivalent of.
 */
export function encodingLabelOfEditor(name: string): string | undefined {
  const id = name.toLowerCase();
  if (id === 'utf8' || id === 'utf8bom') return 'utf-8';
  if (id === 'utf16le' || id === 'utf16be') return id.replace('utf16', 'utf-16');
  const windows = /^windows(125[0-8])$/.exec(id);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso8859(\d+)$/.exec(id);
  if (iso) return `iso-8859-${iso[1]}`;
  if (id === 'cp866') return 'ibm866';
  if (id === 'koi8r') return 'koi8-r';
  if (id === 'koi8u') return 'koi8-u';
  if (id === 'macroman') return 'macintosh';
  return undefined;
}
