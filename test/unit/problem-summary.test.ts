/**
 * LGX016 once per kind of problem per file: a binary or NUL-padded file has an unterminated string
 * on most of its lines, and gets one diagnostic that counts them, at the first.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../server/src/license/catalog.js';
import { diagnoseWorkspace } from '../../server/src/license/diagnostics.js';
import { buildModel } from '../../server/src/license/model.js';
import { parseFacts, parseFactsFully } from '../../server/src/syntax/parser.js';
import { factsOfBytes } from '../../server/src/workspace/source-file.js';
import { random } from '../helpers/random.js';

/** Bytes that neither end a line nor open or close a string or a comment. */
const JUNK = Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => !'\n\r"\'{}#-\\'.includes(String.fromCharCode(byte)));

/**
 * 75 lines of random bytes with NULs, 54 of them holding one `"` that nothing closes; returns the
 * bytes and where the first quote stands.
 */
function binaryish(): { bytes: Uint8Array; firstQuote: { line: number; character: number } } {
  const next = random(16);
  const junk = (length: number) => Array.from({ length }, () => (next() < 0.2 ? 0 : JUNK[Math.floor(next() * JUNK.length)]!));
  const lines: number[][] = [];
  let firstQuote: { line: number; character: number } | undefined;
  for (let line = 0; line < 75; line++) {
    const before = junk(5 + Math.floor(next() * 30));
    if (line % 4 === 3 || line >= 72) {
      lines.push(before); // 21 lines without a quote: 54 with one
      continue;
    }
    firstQuote ??= { line, character: before.length };
    lines.push([...before, 0x22, ...junk(Math.floor(next() * 30))]);
  }
  return { bytes: Uint8Array.from(lines.flatMap((line) => [...line, 0x0a])), firstQuote: firstQuote! };
}

function lgx016(file: string, facts: ReturnType<typeof parseFacts>) {
  const model = buildModel([{ path: file, facts }]);
  return diagnoseWorkspace(model, buildCatalog(undefined)).filter((diagnostic) => diagnostic.code === 'LGX016');
}

describe('LGX016 once per kind of problem per file', () => {
  it('counts 54 unterminated strings of a binary-ish file in one diagnostic, at the first', () => {
    const { bytes, firstQuote } = binaryish();
    const diagnostics = lgx016('bin0001.4gl', factsOfBytes(bytes));
    // One for the strings and one for the NUL bytes (the decoder's, already counted).
    const messages = diagnostics.map((diagnostic) => diagnostic.message).sort();
    assert.equal(messages.length, 2, messages.join(' | '));
    assert.equal(messages[0], '54 unterminated strings in this file; the first here');
    assert.match(messages[1]!, /^the file holds \d+ NUL bytes/);
    const strings = diagnostics.find((diagnostic) => diagnostic.message === messages[0])!;
    assert.deepEqual(strings.range.start, firstQuote);
  });

  it('keeps the first occurrence\'s own words when they name a unit', () => {
    // a and b run into the next FUNCTION, d into the end of the file; END MAIN closes c.
    const text = 'FUNCTION a()\nFUNCTION b()\nFUNCTION c()\nEND MAIN\nFUNCTION d()\n';
    assert.deepEqual(parseFacts(text), parseFactsFully(text));
    assert.deepEqual(lgx016('a.4gl', parseFacts(text)).map((diagnostic) => [diagnostic.message, diagnostic.range.start.line]), [
      ['3 units without their END in this file; the first here: missing END FUNCTION for a before this FUNCTION', 0],
      ['END MAIN closes FUNCTION c', 3],
    ]);
  });

  it('words a single problem as before', () => {
    assert.deepEqual(lgx016('a.4gl', parseFacts('MAIN\n  LET x = "abc\nEND MAIN\n')).map((diagnostic) => diagnostic.message),
      ['unterminated string: it ends at the end of the line']);
  });
});
