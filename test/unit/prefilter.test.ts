/**
 * The pre-filter (only the lines the facts can depend on are lexed) gives exactly the facts of a
 * parse that lexes every line (correctness is unchanged): on the synthetic workspace, the
 * samples (test/fixtures/samples), the examples, and thousands of random edits aimed at its
 * reasoning (line breaks and lone CRs, comments and strings, END/PRIVATE before or not before a
 * unit keyword, license calls split over lines, statements that start lines before their call).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFacts, parseFactsFully } from '../../server/src/syntax/parser.js';
import { describeProblem } from '../../server/src/license/syntax-problems.js';
import { segmentsToLex } from '../../server/src/syntax/prefilter.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { generateWorkspace } from '../bench/generate.js';
import { random } from '../helpers/random.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';
import { examplesDir, samplesDir } from '../helpers/paths.js';

const SNIPPETS = [
  '\n', '\r\n', '\r', ' ', 'x', '1', '{', '}', '{ note }', '{\n', '"', "'", '"a#b{c"', '\\', '#', '--', '-',
  '(', ')', ',', '||', 'END', 'end ', 'END\n', ' FUNCTION', 'END FUNCTION\n', 'END IF\n', 'END RECORD',
  '1end function', 'PRIVATE ', 'PUBLIC\n', '\nPRIVATE FUNCTION p_x()\n', '\nFUNCTION extra()\n', 'MAIN\n',
  'END MAIN\n', 'GLOBALS\n', 'END GLOBALS\n', 'GLOBALS "g.4gl"\n', 'REPORT r(x)\n', 'END REPORT\n',
  '\n  CALL LOG_initApp("WMS")\n', 'LOG_initApp("MANENG,', '"VDPPED," ||\n  "VDPLOG"', ') RETURNING l_ok,\n l_x',
  '\n  LET l_status =\n     LOG_initApp("VDPPED")\n', '\n  IF NOT log001_acessa_usuario("VDP", "LOGERP")\n', 'LET ', 'CALL ',
  '\n   WHENEVER ERROR CONTINUE\n', 'END\nFUNCTION f_next()\n', 'PRIVATE\n FUNCTION p_y()\n', 'END {c}\nMAIN\n',
  '{ LET l_x = 1\nCALL f("\n', '\nCALL g() } END FUNCTION\n', '{\nLET l_y = 2\n} LOG_initApp("X")\n', 'DEFINE l_x SMALLINT\n', '_ADVPL_SYSTEMKEY_setAppLicenseList("p1", "K")',
];

type Origin = 'generated' | 'samples' | 'examples';

/** A program with an unterminated `{` near its end, a unit missing its END, NUL padding. */
function withProblems(name: string, text: string): { name: string; text: string }[] {
  const lastEnd = text.toUpperCase().lastIndexOf('END FUNCTION');
  const middleEnd = text.toUpperCase().indexOf('END FUNCTION', Math.floor(text.length / 2));
  return [
    { name: `${name} with an unterminated {`, text: `${text.slice(0, lastEnd)}{ sem fim\n${text.slice(lastEnd)}` },
    { name: `${name} missing an END`, text: text.slice(0, middleEnd) + text.slice(middleEnd + 'END FUNCTION'.length) },
    { name: `${name} with NUL padding`, text: text + '\0'.repeat(4096) },
  ];
}


/** The texts of the three folders, read into memory (the generated folder is removed at once). */
function allSources(): { origin: Origin; name: string; text: string }[] {
  const read = (origin: Origin, folder: string) => findSourceFiles(folder).map((file) => ({
    origin,
    name: file.absolute,
    text: decodeText(readFileSync(file.absolute)),
  }));
  const root = tempFolder('logix-prefilter-');
  try {
    generateWorkspace(root, 60, 7);
    return [...read('generated', root), ...read('samples', samplesDir), ...read('examples', examplesDir)];
  } finally {
    removeFolder(root);
  }
}

const is4gl = (name: string) => /\.4gl$/i.test(name);

describe('pre-filter', () => {
  const sources = allSources();

  it('gives the facts of a full parse on the synthetic workspace, the samples and the examples', () => {
    const count = (origin: Origin) => sources.filter((source) => source.origin === origin).length;
    assert.equal(count('generated'), 60 + 7, '60 programs and the seven SYSTEMKEY files');
    assert.equal(count('samples'), readdirSync(samplesDir).filter(is4gl).length);
    assert.equal(count('examples'), readdirSync(examplesDir).filter(is4gl).length);
    assert.ok(count('samples') >= 4 && count('examples') >= 12, `${count('samples')} samples, ${count('examples')} examples`);
    for (const { name, text } of sources) {
      assert.deepEqual(parseFacts(text), parseFactsFully(text), name);
    }
  });

  it('skips most lines of realistic programs (so the fast path is not the full one)', () => {
    let kept = 0;
    let total = 0;
    for (const { text } of sources) {
      const segments = segmentsToLex(text);
      total += text.length;
      kept += segments ? segments.reduce((sum, [start, end]) => sum + end - start, 0) : text.length;
    }
    assert.ok(kept / total < 0.5, `kept ${((100 * kept) / total).toFixed(1)}% of the text`);
  });

  it('lexes the whole text when a string or a { comment does not end', () => {
    assert.equal(segmentsToLex('MAIN\n  LET x = "open\nEND MAIN\n'), undefined);
    assert.equal(segmentsToLex('MAIN\n  { never closed\nEND MAIN\n'), undefined);
    assert.equal(segmentsToLex('MAIN\n  LET x = "a\\"\nEND MAIN\n'), undefined);
    assert.deepEqual(segmentsToLex('MAIN\n  LET x = "a\\\\"\nEND MAIN\n')?.length, 1);
  });

  it('takes long runs of code, strings and comments without exhausting the regular-expression stack', () => {
    // The scan takes a run of what decides nothing in one match: unbounded, a run of a million
    // words threw "Maximum call stack size exceeded" (parsing must never throw).
    for (const text of ['abc '.repeat(1_000_000), '"x" '.repeat(1_000_000), '# c\n'.repeat(1_000_000), '- '.repeat(1_000_000),
      `${'LET a = "b" # c\n'.repeat(250_000)}FUNCTION f()\n  CALL LOG_initApp("A")\nEND FUNCTION\n`]) {
      assert.deepEqual(parseFacts(text), parseFactsFully(text), text.slice(0, 20));
    }
  });

  it('keeps the statement a call belongs to and the lines its arguments run over', () => {
    const body = Array.from({ length: 20 }, (_, index) => `  LET l_${index} = ${index}\n`).join('');
    const text = `MAIN\n  CALL a()\n${body}  LET l_ok =\n\n     LOG_initApp("A," ||\n  "B")\n${body}END MAIN\n`;
    const segments = segmentsToLex(text)!;
    const kept = segments.map(([start, end]) => text.slice(start, end)).join('');
    assert.ok(kept.includes('LET l_ok =\n\n     LOG_initApp("A," ||\n  "B")\n'), kept);
    assert.ok(!kept.includes('LET l_10 = 10'), 'a body line far from any trigger is skipped');
    assert.deepEqual(parseFacts(text), parseFactsFully(text));
  });

  it('takes a line-leading statement word after a bare unit keyword for a statement, not the name', () => {
    // A `--` comment right after FUNCTION leaves the line without a name; the next line's RETURN
    // begins a statement (the window of kept lines ends there), so the unit has no name: a
    // problem, which sends the file to the full parse.
    const body = Array.from({ length: 20 }, (_, index) => `  LET l_${index} = ${index}\n`).join('');
    for (const header of ['FUNCTION-----   IF LOG_initApp("PADRAO") <> 0 THEN', 'REPORT # no name', 'FUNCTION']) {
      const text = `${header}\n      RETURN\n   END IF\n\n   CALL f()\n${body}END FUNCTION\n`;
      const facts = parseFacts(text);
      assert.deepEqual(facts, parseFactsFully(text), header);
      assert.equal(facts.units[0]!.name, header.slice(0, header.search(/[^A-Z]|$/)), 'the unit is named after its keyword');
      assert.match(facts.problems.map(describeProblem).join('\n'), /without a name/);
    }
  });

  it('gives the facts of a full parse after each of 4,000 random edits', () => {
    const next = random(23);
    const wellFormed = sources.filter(({ text }) => text.length > 2_000 && text.length < 60_000);
    assert.ok(wellFormed.length > 5);
    // Beside them, the same programs with a syntax problem: edits may close it (a `}` after the
    // open `{`, an END typed back), and what then takes the pre-filtered path must be exact too.
    const programs = [...wellFormed, ...wellFormed.slice(0, 6).flatMap(({ name, text }) => withProblems(name, text))];
    let prefiltered = 0;
    for (let round = 0; round < 4_000; round++) {
      let text = programs[Math.floor(next() * programs.length)]!.text;
      for (let edit = 1 + Math.floor(next() * 4); edit > 0; edit--) {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.3 ? Math.floor(next() * 40) : 0;
        text = text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)]! + text.slice(at + removed);
      }
      const fast = parseFacts(text);
      assert.deepEqual(fast, parseFactsFully(text), `round ${round}`);
      if (segmentsToLex(text) && fast.problems.length === 0) prefiltered += 1;
    }
    // The edits must leave many texts on the pre-filtered path, or the comparison proves little.
    assert.ok(prefiltered > 1_000, `${prefiltered} of 4,000 edited texts took the pre-filtered path`);
  });
});
