/**
 * The bytes of an AppServer log to text. The AppServer writes Windows-1252; a log pasted into an
 * editor and saved again is often UTF-8 or UTF-16 instead. A byte-order mark decides; without
 * one, text that is valid UTF-8 is read as UTF-8 (Windows-1252 text with accents almost never is),
 * anything else as Windows-1252. Damage done before (a wrong code page at copy time) is the
 * reader's to tolerate. Pure: bytes in, text out.
 */
import { TextDecoder } from 'node:util';
import { decodeText } from '../workspace/decode.js';

export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeLog(bytes: Uint8Array): { text: string; encoding: LogEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeText(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}
