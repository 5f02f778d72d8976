/**
 * Folding: program units and multi-line `{ }` comments, the comments found by the pre-filter's
 * scan exactly where the lexer finds them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../server/src/syntax/folding.js';
import { lex } from '../../server/src/syntax/lexer.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { blockComments } from '../../server/src/syntax/prefilter.js';
import { BlockComment } from '../../server/src/syntax/tokens.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { generateWorkspace } from '../bench/generate.js';
import { examplesDir, samplesDir } from '../helpers/paths.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';

describe('folding', () => {
  it('folds units and multi-line comments, not one-line ones nor braces in strings', () => {
    const text = [
      'MAIN', // 0
      '  { one line }', // 1
      '  LET x = "{ not a comment"', // 2
      '  { two', // 3
      '    lines }', // 4
      'END MAIN', // 5
      'FUNCTION f()', // 6
      "  DISPLAY '# {'", // 7
      'END FUNCTION', // 8
      '{ never closed', // 9
      'x', // 10
    ].join('\n');
    assert.deepEqual(foldingRanges(text, parseFacts(text).units), [
      { startLine: 0, endLine: 5, kind: 'region' },
      { startLine: 3, endLine: 4, kind: 'comment' },
      { startLine: 6, endLine: 8, kind: 'region' },
      { startLine: 9, endLine: 10, kind: 'comment' },
    ]);
  });

  it('folds the samples\' multi-line { } comments, a disabled registration among them, and no { in a string or a line comment', () => {
    // 0-based lines: sup8712's note on the query, systemkey_prd's disabled MANCUS registration.
    const expected: Record<string, [number, number][]> = {
      'man8830.4gl': [],
      'sup8712.4gl': [[103, 107]],
      'systemkey_prd.4gl': [[19, 21]],
      'vdp8845.4gl': [],
    };
    for (const [name, ranges] of Object.entries(expected)) {
      const text = decodeText(readFileSync(join(samplesDir, name)));
      const lines = text.split(/\r?\n/);
      const comments = foldingRanges(text, parseFacts(text).units).filter((range) => range.kind === 'comment');
      assert.deepEqual(comments, ranges.map(([startLine, endLine]) => ({ startLine, endLine, kind: 'comment' })), name);
      for (const [startLine, endLine] of ranges) {
        assert.match(lines[startLine]!, /^\s*\{/, `${name}: the comment opens on line ${startLine}`);
        assert.match(lines[endLine]!, /\}\s*$/, `${name}: the comment closes on line ${endLine}`);
      }
    }
  });

  it('finds the comments the lexer finds, in the samples, the examples and a generated workspace', () => {
    const generated = tempFolder('logix-folding-');
    generateWorkspace(generated, 20, 11);
    const files = [...findSourceFiles(samplesDir), ...findSourceFiles(examplesDir), ...findSourceFiles(generated)];
    let comments = 0;
    for (const file of files) {
      const text = decodeText(readFileSync(file.absolute));
      const lexed = lex(text).comments.filter((token) => token.tokenType === BlockComment).map((token) => [token.startOffset, token.startOffset + token.image.length]);
      assert.deepEqual(blockComments(text), lexed, file.relative);
      comments += lexed.length;
    }
    removeFolder(generated);
    assert.ok(comments > 100, `${comments} comments compared`);
  });
});
