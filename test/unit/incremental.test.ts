/**
 * Re-parsing by the region around an edit gives exactly the facts of a full parse, over thousands
 * of random edits of a realistic program (inserted and deleted text, line breaks, braces, quotes,
 * unit keywords, license calls), also when the file has a syntax problem elsewhere: an
 * unterminated `{` near its end, a unit missing its END, NUL padding, a string left open. And the
 * region stays small: an edit far from the problem does not re-lex the file.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { describeProblem } from '../../server/src/license/syntax-problems.js';
import { parseForEditing, reparseFacts, reparseInWindow, reparseWindow } from '../../server/src/syntax/incremental.js';
import type { FileFacts } from '../../server/src/syntax/facts.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { parseFacts, parseFactsFully } from '../../server/src/syntax/parser.js';
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
  // What reads across lines: END, PRIVATE and a license function's name before the next token,
  // argument and RETURNING lists, GLOBALS before its file name; and what ends a line in a comment.
  'END\n', 'PRIVATE\n', 'PUBLIC ', 'LOG_initApp\n', '("A")\n', ') RETURNING l_ok,\n', 'RETURNING l_x\n', 'GLOBALS\n', '"g.4gl"\n',
  'END FUNCTION { note\n', '{ note }\n', '"abc\n', '\0\0\0', '\nLOG_initApp("X",\n', 'END FUNCTION # done\n', '\nREPORT r()\n',
];

function programs(): string[] {
  const root = tempFolder('logix-incremental-');
  try {
    generateWorkspace(root, 12, 5);
    return findSourceFiles(root).map((file) => decodeText(readFileSync(file.absolute)))
      .filter((source) => !source.includes('systemkey_'));
  } finally {
    removeFolder(root);
  }
}

/** A whole program (not the 30,000-line one), with enough units for edits to fall in many. */
function programOfAbout(lines: number, sources: readonly string[]): string {
  return [...sources].sort((a, b) => Math.abs(a.split('\n').length - lines) - Math.abs(b.split('\n').length - lines))[0]!;
}

/** The text with `line` inserted before line `at` (a fraction of the file). */
function insertLine(text: string, at: number, line: string): { text: string; offset: number } {
  const lines = text.split('\n');
  const index = Math.floor(lines.length * at);
  const offset = lines.slice(0, index).join('\n').length + (index > 0 ? 1 : 0);
  return { text: text.slice(0, offset) + line + text.slice(offset), offset };
}

/** The text with `line` inserted before the line of its last END FUNCTION (inside the last unit). */
function beforeLastEnd(text: string, line: string): { text: string; offset: number } {
  const offset = text.lastIndexOf(' END FUNCTION');
  assert.ok(offset > 0);
  return { text: text.slice(0, offset) + line + text.slice(offset), offset };
}

/** The program with one END FUNCTION removed, about `at` into the file. */
function withoutOneEnd(text: string, at: number): { text: string; offset: number } {
  const offset = text.indexOf(' END FUNCTION', Math.floor(text.length * at));
  assert.ok(offset > 0);
  return { text: text.slice(0, offset) + text.slice(offset + ' END FUNCTION'.length), offset };
}

interface Variant {
  readonly name: string;
  readonly text: string;
  /** Where the problem is, to aim edits before, at and after it. */
  readonly problemAt: number;
  /** What the parse must report of it (NUL padding parses with no problem: the decoder reports it). */
  readonly problem: RegExp | undefined;
}

function variants(program: string): Variant[] {
  const comment = beforeLastEnd(program, '   { comentário sem fim\n');
  const missing = withoutOneEnd(program, 0.5);
  const padded = program + '\0'.repeat(3000);
  const string = insertLine(program, 0.4, '   LET l_msg = "sem fim\n');
  const both = beforeLastEnd(withoutOneEnd(program, 0.3).text, '{ e um comentário sem fim\n');
  return [
    { name: 'an unterminated { near the end', text: comment.text, problemAt: comment.offset, problem: /unterminated '\{'/ },
    { name: 'a unit missing its END', text: missing.text, problemAt: missing.offset, problem: /missing END/ },
    { name: 'NUL padding', text: padded, problemAt: program.length, problem: undefined },
    { name: 'an unterminated string', text: string.text, problemAt: string.offset, problem: /unterminated string/ },
    { name: 'a missing END and an unterminated { at the end', text: both.text, problemAt: both.offset, problem: /missing END.*unterminated '\{'|unterminated '\{'.*missing END/ },
  ];
}

interface Run {
  readonly windowed: number;
  /** Windowed re-parses of a text that already had a problem. */
  readonly windowedWithProblem: number;
}

/**
 * Random edits of `original`, each re-parsed incrementally and compared with a full parse. Edits
 * fall before, at and after `problemAt` (followed through the edits); now and then the text goes
 * back to the original, so that the problem and the windowed path stay.
 */
function editRandomly(original: string, problemAt: number, steps: number, seed: number): Run {
  let text = original;
  let facts = parseForEditing(text);
  assert.deepEqual(facts, parseFactsFully(text), 'the first parse');
  let problem = problemAt;
  const next = random(seed);
  let windowed = 0;
  let windowedWithProblem = 0;
  for (let step = 0; step < steps; step++) {
    const aim = next();
    const at = aim < 0.4
      ? Math.floor(next() * problem)
      : aim < 0.7
        ? Math.max(0, Math.min(text.length, problem + Math.floor((next() - 0.5) * 400)))
        : problem + Math.floor(next() * (text.length - problem));
    const removed = next() < 0.4 ? Math.floor(next() * 12) : 0;
    const inserted = next() < 0.7 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)]! : '';
    const edited = text.slice(0, at) + inserted + text.slice(at + removed);
    const incremental = reparseFacts(text, facts, edited);
    const full = parseFacts(edited);
    assert.deepEqual(incremental, full, `step ${step}: insert ${JSON.stringify(inserted)} remove ${removed} at ${at}`);
    if (reparseWindow(text, facts, edited) !== undefined) {
      windowed++;
      if (facts.problems.length > 0) windowedWithProblem++;
    }
    if (at < problem) problem = Math.max(at, problem + inserted.length - Math.min(removed, text.length - at));
    text = edited;
    facts = incremental;
    if (next() < 0.08) {
      text = original;
      facts = parseForEditing(text);
      problem = problemAt;
    }
  }
  return { windowed, windowedWithProblem };
}

describe('incremental re-parse', () => {
  const sources = programs();
  const program = programOfAbout(PROGRAM_LINES, sources);

  it('equals a full parse after each of 3,000 random edits', () => {
    assert.ok(parseFacts(program).units.length >= 10, 'a program of many units');
    const run = editRandomly(program, Math.floor(program.length / 2), 3000, 11);
    assert.ok(run.windowed > 1500, `the windowed path ran ${run.windowed} times`);
  });

  for (const [index, variant] of variants(program).entries()) {
    it(`equals a full parse after each of 1,500 random edits of a file with ${variant.name}`, () => {
      const problems = parseFacts(variant.text).problems.map(describeProblem).join('; ');
      if (variant.problem) assert.match(problems, variant.problem);
      else assert.equal(problems, '');
      const run = editRandomly(variant.text, variant.problemAt, 1500, 100 + index);
      // Without a window in a file that has a problem, every edit would parse the whole file.
      assert.ok(run.windowedWithProblem > 400, `the windowed path ran ${run.windowedWithProblem} times on a text with a problem (${run.windowed} in all)`);
    });
  }

  it('re-parses a small region when the problem is far from the edit, in a 20,000-line file', () => {
    const large = sources.reduce((a, b) => (a.length >= b.length ? a : b));
    const body = large.split('\n').slice(0, 20_000).join('\n');
    const cases = [
      { name: 'an unterminated { at the end', text: `${body}\n{ comentário sem fim\n   LET l_x = 1\n` },
      { name: 'a unit missing its END in the middle', text: withoutOneEnd(body, 0.5).text },
      { name: 'NUL padding', text: `${body}\n${'\0'.repeat(65_536)}` },
      { name: 'an unterminated string at the end', text: `${body}\n   LET l_msg = "sem fim\n` },
    ];
    for (const { name, text } of cases) {
      const facts = parseForEditing(text);
      for (const fraction of [0.01, 0.3, 0.7]) {
        // A key typed into a call in the middle of a function body.
        const at = text.indexOf('   LET l_ind = l_ind + 1', Math.floor(text.length * fraction));
        assert.ok(at > 0);
        const edited = `${text.slice(0, at)}   CALL LOG_initApp("WMS")\n${text.slice(at)}`;
        const result = reparseInWindow(text, facts, edited);
        assert.ok(result, `${name}, edit at ${fraction}: windowed`);
        const [start, end] = result.window;
        assert.ok(end - start < text.length / 50, `${name}, edit at ${fraction}: a window of ${end - start} of ${text.length} characters`);
        assert.deepEqual(result.facts, parseFacts(edited), `${name}, edit at ${fraction}`);
      }
    }
  });

  it('keeps what reads across lines before the region exact (a call left open, END, PRIVATE before a unit)', () => {
    const unit = (name: string) => `FUNCTION ${name}()\n  LET l_x = 1\nEND FUNCTION\n`;
    const cases: [string, string, string][] = [
      // [text before the unit, the unit's first line as edited, what the edit inserts there]
      ['LOG_initApp("A",\n', '', '"abc"\n'],
      ['LOG_initApp("A")\n', '', 'RETURNING l_x\n'],
      ['LOG_initApp\n', '', '("A")\n'],
      ['END\n', 'PRIVATE ', ''],
      ['PRIVATE\n', '', '\n'],
    ];
    for (const [before, prefix, inserted] of cases) {
      const original = `${unit('a')}${before}${prefix}${unit('b')}${unit('c')}`;
      const edited = original.replace(`${prefix}${unit('b')}`, `${inserted}${unit('b')}`);
      assert.notEqual(edited, original);
      const facts = parseForEditing(original);
      assert.deepEqual(facts, parseFactsFully(original));
      assert.deepEqual(reparseFacts(original, facts, edited), parseFactsFully(edited), JSON.stringify({ before, prefix, inserted }));
    }
  });

  it('parses in full once the facts of a file with a problem came from elsewhere, then by windows', () => {
    const text = `${program}{ sem fim\n`;
    const fromElsewhere: FileFacts = JSON.parse(JSON.stringify(parseFacts(text))) as FileFacts;
    const at = text.indexOf('   LET l_ind = l_ind + 1');
    const edited = `${text.slice(0, at)}   LET l_y = 2\n${text.slice(at)}`;
    assert.equal(reparseWindow(text, fromElsewhere, edited), undefined, 'the reports behind the problems are not known');
    const facts = reparseFacts(text, fromElsewhere, edited);
    assert.deepEqual(facts, parseFacts(edited));
    const again = `${edited.slice(0, at)}   LET l_z = 3\n${edited.slice(at)}`;
    assert.deepEqual(reparseWindow(edited, facts, again), parseFacts(again));
  });
});
