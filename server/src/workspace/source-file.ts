/** One file's bytes to its facts: decode, parse, and merge the problems of both steps. */
import type { FileFacts } from '../syntax/facts.js';
import { compactFacts } from '../syntax/packed-units.js';
import { parseFacts } from '../syntax/parser.js';
import { decodeSource, DEFAULT_ENCODING } from './decode.js';
import { readRegularFile } from './read-file.js';
import { unreadableFacts } from './unreadable.js';

export function factsOfBytes(bytes: Uint8Array, encoding: string = DEFAULT_ENCODING, parse: (text: string) => FileFacts = parseFacts): FileFacts {
  const decoded = decodeSource(bytes, encoding);
  const facts = parse(decoded.text);
  return decoded.problems.length === 0 ? facts : { ...facts, problems: [...decoded.problems, ...facts.problems] };
}

/**
 * A file's facts, read now and compacted for keeping; a file that cannot be read gets facts that
 * say why (LGX016). `onBytes` sees the bytes read (the persisted index hashes them).
 */
export function factsOfFile(path: string, encoding: string, onBytes?: (bytes: Uint8Array) => void): FileFacts {
  try {
    const bytes = readRegularFile(path);
    onBytes?.(bytes);
    return compactFacts(factsOfBytes(bytes, encoding));
  } catch (error) {
    return unreadableFacts(error);
  }
}
