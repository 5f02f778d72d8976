/** One file's bytes to its facts: decode, parse, and merge the problems of both steps. */
import type { FileFacts } from '../syntax/facts.js';
import { parseFacts } from '../syntax/parser.js';
import { decodeSource, DEFAULT_ENCODING } from './decode.js';

export function factsOfBytes(bytes: Uint8Array, encoding: string = DEFAULT_ENCODING, parse: (text: string) => FileFacts = parseFacts): FileFacts {
  const decoded = decodeSource(bytes, encoding);
  const facts = parse(decoded.text);
  return decoded.problems.length === 0 ? facts : { ...facts, problems: [...decoded.problems, ...facts.problems] };
}
