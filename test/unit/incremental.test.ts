/**
 * Re-parsing by the changed unit gives exactly the facts of a full parse, over thousands of random
 * edits of a realistic program (inserted and deleted text, line breaks, braces, quotes, unit
 * keywords, license calls).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { reparseFacts, reparseWindow } from '../../server/src/syntax/incremental.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { generateWorkspace } from '../bench/generate.js';
import { random } from '../helpers/random.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';

/** About 500 lines: many units to edit across (seed 5 gives 628 lines, 19 units), a full parse per step stays cheap. */
const PROGRAM_LINES = 500;

const SNIPPETS = [
  'x', ' ', '\n', '\r\n', '{', '}', '"', "'", '#', '--', '(', ')', ',', '||',
  'END FUNCTION\n', '\nFUNCTION extra()\n', 'END', ' FUNCTION', '\n  CALL LOG_initApp("WMS")\n',
  'LOG_initApp("MANENG,', '\n  IF LOG_initApp("VDPPED") <> 0 THEN RETURN END IF\n', 'DEFINE l_x SMALLINT\n', 'MAIN\n', 'END MAIN\n',
];

describe('incremental re-parse', () => {
  it('equals a full parse after each of 3,000 random edits', () => {
    const root = tempFolder('logix-incremental-');
    let sources: string[];
    try {
      generateWorkspace(root, 12, 5);
      sources = findSourceFiles(root).map((file) => decodeText(readFileSync(file.absolute)));
    } finally {
      removeFolder(root);
    }
    // A whole program (not the 30,000-line one), with enough units for edits to fall in many.
    sources = sources.filter((source) => !source.includes('systemkey_'))
      .sort((a, b) => Math.abs(a.split('\n').length - PROGRAM_LINES) - Math.abs(b.split('\n').length - PROGRAM_LINES));
    const original = sources[0]!;
    assert.ok(parseFacts(original).units.length >= 10, 'a program of many units');
    let text = original;
    let facts = parseFacts(text);
    const next = random(11);
    let windowed = 0;
    for (let step = 0; step < 3000; step++) {
      // Keep edits near a moving focus, as typing does, with a jump now and then.
      const at = Math.floor(next() * text.length);
      const removed = next() < 0.4 ? Math.floor(next() * 12) : 0;
      const inserted = next() < 0.7 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)]! : '';
      const edited = text.slice(0, at) + inserted + text.slice(at + removed);
      const incremental = reparseFacts(text, facts, edited);
      const full = parseFacts(edited);
      assert.deepEqual(incremental, full, `step ${step}: insert ${JSON.stringify(inserted)} remove ${removed} at ${at}`);
      if (reparseWindow(text, facts, edited) !== undefined) windowed++;
      text = edited;
      facts = incremental;
      // Now and then, return to a clean file so that the windowed path keeps being exercised.
      if (facts.problems.length > 0 && next() < 0.3) {
        text = original;
        facts = parseFacts(text);
      }
    }
    assert.ok(windowed > 500, `the windowed path ran ${windowed} times`);
  });
});
