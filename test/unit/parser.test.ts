/** The 4GL lexer and fact extractor against the shapes of real Logix code and hostile input. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeProblem } from '../../server/src/license/syntax-problems.js';
import type { FileFacts, LiteralArgument } from '../../server/src/syntax/facts.js';
import { lex } from '../../server/src/syntax/lexer.js';
import { parseFacts, parseFactsFully } from '../../server/src/syntax/parser.js';
import { decodeSource, decodeText } from '../../server/src/workspace/decode.js';
import { marked, showRange } from '../helpers/markers.js';
import { samplesDir } from '../helpers/paths.js';

/** Parses a marked source; returns the facts and the marked ranges. */
function parse(source: string): { facts: FileFacts; ranges: ReturnType<typeof marked>['ranges'] } {
  const { text, ranges } = marked(source);
  return { facts: parseFacts(text), ranges };
}

const literal = (facts: FileFacts, call = 0, argument = 0) => facts.licenseCalls[call]!.args[argument] as LiteralArgument;

/** The facts of one of the project's synthetic samples (test/fixtures/samples). */
const sample = (name: string) => parseFacts(decodeSource(readFileSync(join(samplesDir, name))).text);

describe('lexer', () => {
  it('is built with first-character optimisations (ensureOptimizations would throw otherwise)', () => {
    assert.ok(lex('x').tokens.length === 1);
  });

  it('reads all three comment forms, and --# lines as comments', () => {
    const { tokens, comments } = lex('# one\n-- two\n--# CALL x()\n{ three\n  lines }\nLET a = 1');
    // Line comments are skipped; block comments are kept (folding, unterminated-comment check).
    assert.deepEqual(comments.map((token) => token.tokenType.name), ['BlockComment']);
    assert.deepEqual(tokens.map((token) => token.image), ['LET', 'a', '=', '1']);
  });

  it('keeps # { and -- inside strings, with backslash escapes', () => {
    const { tokens, comments } = lex(`PRINT x USING "####&", ' {INT} ', "a -- b", "say \\"hi\\" # no"`);
    assert.equal(comments.length, 0);
    assert.deepEqual(tokens.filter((token) => token.tokenType.name === 'StringLiteral').map((token) => token.image),
      ['"####&"', "' {INT} '", '"a -- b"', '"say \\"hi\\" # no"']);
  });

  it('reads keywords in any case and keeps longer identifiers whole', () => {
    const names = lex('End Function end function FUNCTION function_x mainframe').tokens.map((token) => token.tokenType.name);
    assert.deepEqual(names, ['END', 'FUNCTION', 'END', 'FUNCTION', 'FUNCTION', 'Identifier', 'Identifier']);
  });
});

describe('program units', () => {
  it('finds MAIN, FUNCTION, PRIVATE FUNCTION, REPORT and GLOBALS, indented and in lower case', () => {
    const { facts } = parse([
      'GLOBALS', '  DEFINE p_user CHAR(8)', 'END GLOBALS',
      'GLOBALS "pol9001_glb.4gl"',
      'MAIN', '  CALL f()', 'END MAIN',
      '   function f()', '   end function',
      ' PRIVATE FUNCTION g(a, b)', ' END FUNCTION',
      'Report r(x)', 'End Report',
    ].join('\n'));
    assert.deepEqual(facts.units.map((unit) => `${unit.kind}:${unit.name}:${unit.isPrivate}:${unit.closed}`),
      ['globals:GLOBALS:false:true', 'main:MAIN:false:true', 'function:f:false:true', 'function:g:true:true', 'report:r:false:true']);
    assert.deepEqual(facts.globalsReferences.map((reference) => reference.file), ['pol9001_glb.4gl']);
    assert.deepEqual(facts.problems, []);
  });

  it('gives each unit its name range and whole range', () => {
    const { facts, ranges } = parse('⟦FUNCTION ⟦man1⟧()\n  RETURN\nEND FUNCTION⟧\n');
    assert.equal(showRange(facts.units[0]!.range), showRange(ranges[0]!));
    assert.equal(showRange(facts.units[0]!.nameRange), showRange(ranges[1]!));
  });

  it('reports a unit without END and keeps going', () => {
    const { facts } = parse('FUNCTION a()\n  RETURN\nFUNCTION b()\nEND FUNCTION\nFUNCTION c()\n');
    assert.deepEqual(facts.units.map((unit) => `${unit.name}:${unit.closed}`), ['a:false', 'b:true', 'c:false']);
    // Both missing ENDs in one problem, at the first (LGX016 once per kind).
    assert.deepEqual(facts.problems.map((problem) => [describeProblem(problem), problem.range.start.line]),
      [['2 units without their END in this file; the first here: missing END FUNCTION for a before this FUNCTION', 0]]);
  });

  it('finds the first statement, skipping DEFINE blocks and records', () => {
    const { facts, ranges } = parse('FUNCTION p()\n  DEFINE l_x RECORD\n     a CHAR(1)\n  END RECORD\n  DEFINE l_s SMALLINT\n  ⟦WHENEVER⟧ ERROR CONTINUE\nEND FUNCTION\n');
    assert.equal(showRange(facts.units[0]!.firstStatement!), showRange(ranges[0]!));
  });
});

describe('license calls', () => {
  const positions = [
    ['CALL … RETURNING', 'CALL LOG_initApp("VDPLOG") RETURNING l_status'],
    ['IF … <> 0 THEN', 'IF LOG_initApp("VDPLOG") <> 0 THEN\n RETURN\n END IF'],
    ['IF NOT … THEN', "IF NOT LOG_initApp('VDPLOG') THEN\n RETURN\n END IF"],
    ['LET x = …', 'LET l_status = LOG_initApp("VDPLOG")'],
    ['mixed-case name', 'CALL LOG_initAPP("VDPLOG")'],
  ];
  for (const [label, statement] of positions) {
    it(`is found in ${label} (R1)`, () => {
      const { facts } = parse(`FUNCTION p()\n  ${statement}\nEND FUNCTION\n`);
      assert.equal(facts.licenseCalls.length, 1);
      const call = facts.licenseCalls[0]!;
      assert.equal(call.function, 'LOG_initApp');
      assert.equal(literal(facts).value, 'VDPLOG');
      assert.equal(call.inFirstStatement, true);
      assert.equal(call.unitIndex, 0);
    });
  }

  it('records the range of the call, of each argument and of each key inside the string (R1: one string of comma-separated keys)', () => {
    const { facts, ranges } = parse('MAIN\n  IF ⟦LOG_initApp(⟦"⟦MANENG⟧,⟦ESTOQ⟧"⟧)⟧ <> 0 THEN RETURN END IF\nEND MAIN\n');
    const call = facts.licenseCalls[0]!;
    assert.equal(showRange(call.range), showRange(ranges[0]!));
    assert.equal(showRange(literal(facts).range), showRange(ranges[1]!));
    assert.deepEqual(literal(facts).items.map((item) => showRange(item.range)), [showRange(ranges[2]!), showRange(ranges[3]!)]);
  });

  it('records RETURNING variables and both arguments of log001_acessa_usuario (R2)', () => {
    const { facts } = parse('MAIN\n CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n   RETURNING p_status, p_cod_empresa, mr.user\nEND MAIN\n');
    assert.deepEqual(facts.licenseCalls[0]!.returning?.variables, ['p_status', 'p_cod_empresa', 'mr.user']);
    assert.deepEqual(facts.licenseCalls.map((call) => [call.function, call.args.length]), [['log001_acessa_usuario', 2]]);
    assert.equal(literal(facts).value, 'SUPRIMEN');
  });

  it('folds SYSTEMKEY program lists built with || across lines, keeping each program range (R3)', () => {
    const { facts, ranges } = parse([
      'FUNCTION systemkey_vdp()',
      '  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPLOG","⟦vdp9100⟧,⟦vdp9150⟧,"||',
      '                                        "⟦vdp9152⟧,"|| # a comment between pieces',
      "                                        '⟦man10021⟧')",
      'END FUNCTION',
    ].join('\n'));
    const programs = literal(facts, 0, 1);
    assert.equal(programs.value, 'vdp9100,vdp9150,vdp9152,man10021');
    assert.equal(programs.pieces.length, 3);
    assert.deepEqual(programs.items.map((item) => showRange(item.range)), ranges.map(showRange));
  });

  it('maps item ranges through escapes', () => {
    const { facts, ranges } = parse('MAIN\n CALL LOG_initApp("A\\\\B,⟦KEY⟧")\nEND MAIN\n');
    assert.equal(literal(facts).value, 'A\\B,KEY');
    assert.equal(showRange(literal(facts).items[1]!.range), showRange(ranges[0]!));
  });

  it('keeps empty and spaced elements as written', () => {
    const { facts } = parse('MAIN\n CALL LOG_initApp("MANENG, estoq,,")\nEND MAIN\n');
    assert.deepEqual(literal(facts).items.map((item) => item.text), ['MANENG', ' estoq', '', '']);
  });

  it('records a non-literal argument as dynamic, never guessed', () => {
    const { facts } = parse('MAIN\n CALL LOG_initApp(l_keys CLIPPED)\n CALL LOG_initApp("A" || l_more)\n CALL LOG_initApp(fn("A"))\nEND MAIN\n');
    assert.deepEqual(facts.licenseCalls.map((call) => call.args[0]!.kind), ['dynamic', 'dynamic', 'dynamic']);
    assert.deepEqual(facts.licenseCalls.map((call) => (call.args[0]!.kind === 'dynamic' ? call.args[0]!.text : '')),
      ['l_keys CLIPPED', '"A" || l_more', 'fn("A")']);
  });

  it('ignores calls inside comments and strings', () => {
    const { facts } = parse([
      'MAIN',
      '  # CALL LOG_initApp("HASH")',
      '  -- CALL LOG_initApp("DASH")',
      '  { CALL LOG_initApp("BRACE")',
      '    CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","x") }',
      '  LET m = "LOG_initApp(\\"STRING\\")"',
      '  CALL LOG_initApp("REAL")',
      'END MAIN',
    ].join('\n'));
    assert.deepEqual(facts.licenseCalls.map((call) => literal({ ...facts, licenseCalls: [call] }).value), ['REAL']);
  });

  it('marks a call that is not the first statement (A3)', () => {
    const { facts } = parse('FUNCTION p()\n  DEFINE l_status SMALLINT\n  CALL fgl_setenv("ADVPL","1")\n  CALL LOG_initApp("VDPPED") RETURNING l_status\nEND FUNCTION\n');
    assert.equal(facts.licenseCalls[0]!.inFirstStatement, false);
  });

  it('stops an unterminated argument list at the next statement', () => {
    const { facts } = parse('MAIN\n  CALL LOG_initApp("MANENG"\n  CALL other()\n  CALL LOG_initApp("WMS")\nEND MAIN\n');
    assert.deepEqual(facts.licenseCalls.map((call) => call.complete), [false, true]);
    assert.equal(literal(facts).value, 'MANENG');
    assert.equal(facts.units[0]!.closed, true);
  });
});

describe('positions and encodings', () => {
  it('decodes the Windows-1252 bytes 0x80–0x9F (Node 20\'s TextDecoder reads them as Latin-1)', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    const text = decodeText(bytes);
    assert.equal(text.length, 256);
    // Spot checks against the WHATWG windows-1252 index, plus the undefined bytes kept as is.
    const expected: [number, number][] = [[0x80, 0x20ac], [0x85, 0x2026], [0x8a, 0x0160], [0x93, 0x201c], [0x96, 0x2013], [0x9c, 0x0153], [0x9f, 0x0178], [0x81, 0x81], [0x8d, 0x8d], [0x90, 0x90]];
    for (const [byte, codePoint] of expected) assert.equal(text.charCodeAt(byte), codePoint, `byte 0x${byte.toString(16)}`);
    for (let byte = 0; byte < 256; byte++) if (byte < 0x80 || byte > 0x9f) assert.equal(text.charCodeAt(byte), byte);
    assert.equal(decodeText(Buffer.from('a\u00e7\u00e3o', 'latin1'), 'utf-8'), 'a\ufffd\ufffdo', 'other encodings go through TextDecoder');
  });

  it('reports the same positions with CRLF and LF line ends', () => {
    const source = 'MAIN\n  CALL LOG_initApp("MANENG,WMS")\nEND MAIN\n';
    const lf = parseFacts(source);
    const crlf = parseFacts(source.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.licenseCalls[0]!.range, lf.licenseCalls[0]!.range);
    assert.deepEqual(crlf.units[0]!.range.start, lf.units[0]!.range.start);
    assert.deepEqual((crlf.licenseCalls[0]!.args[0] as LiteralArgument).items, (lf.licenseCalls[0]!.args[0] as LiteralArgument).items);
  });

  it('decodes Windows-1252 bytes and counts positions in decoded characters', () => {
    // "# Situação" then a call: ç and ã are one byte each in cp1252 and one character decoded.
    const bytes = Buffer.concat([Buffer.from('MAIN # Situa'), Buffer.from([0xe7, 0xe3]), Buffer.from('o\n  CALL LOG_initApp("ESTOQ") # pre\xe7o\nEND MAIN\n', 'latin1')]);
    const { text, problems } = decodeSource(bytes);
    assert.equal(problems.length, 0);
    assert.match(text, /Situação/);
    assert.match(text, /preço/);
    const facts = parseFacts(text);
    assert.deepEqual(facts.licenseCalls[0]!.nameRange.start, { line: 1, character: 7 });
  });

  it('parses the synthetic Logix samples without problems, each unit named where it is', () => {
    const names = readdirSync(samplesDir).filter((name) => /\.4gl$/i.test(name));
    assert.ok(names.length >= 4, names.join(', '));
    for (const name of names) {
      const bytes = readFileSync(join(samplesDir, name));
      // Windows-1252, as real sources: the accents are single bytes, not valid UTF-8.
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), TypeError, name);
      const { text, problems } = decodeSource(bytes);
      assert.deepEqual(problems, [], name);
      assert.ok(text.includes('sintético'), name);
      const facts = parseFacts(text);
      assert.deepEqual(facts.problems, [], name);
      assert.ok(facts.units.length > 0, name);
      // Positions hold across CRLF, LF and a mix of both.
      const lines = text.split(/\r?\n/);
      assert.equal(facts.lineCount, lines.length, name);
      for (const { name: unitName, nameRange: { start, end } } of facts.units) {
        assert.equal(lines[start.line]!.slice(start.character, end.character).toLowerCase(), unitName.toLowerCase(), `${name}: ${unitName}`);
      }
    }
  });

  it('finds the license call of each sample program, and not the one in a { } comment', () => {
    const classic = sample('sup8712.4gl');
    assert.deepEqual(classic.licenseCalls.map((call) => [call.function, (call.args[0] as LiteralArgument).value, call.inFirstStatement]),
      [['LOG_initApp', 'SUPREC,ESTOQ', true]], 'the first statement of MAIN; LOG_initApp("SUPCON") is in a comment');
    assert.deepEqual(classic.units.map((unit) => unit.kind), ['globals', 'main', 'function', 'function', 'function', 'function', 'report']);

    // Set-up calls come before LOG_initApp: the call is not the unit's first statement (A3).
    const metadata = sample('man8830.4gl');
    assert.equal(metadata.licenseCalls.length, 1);
    const [call] = metadata.licenseCalls;
    assert.deepEqual(literal(metadata).items.map((item) => item.text), ['MANENG', 'MANPCP']);
    assert.deepEqual([call!.inFirstStatement, call!.returning?.variables, metadata.units[call!.unitIndex]!.name], [false, ['l_status'], 'man8830']);
    assert.deepEqual(metadata.units.filter((unit) => unit.isPrivate).map((unit) => unit.name), ['man8830_valida_tipo', 'man8830_valida_horario']);

    // The obsolete call (R2) under tabs and mixed line endings, and a GLOBALS file reference.
    const tabbed = sample('vdp8845.4gl');
    assert.deepEqual(tabbed.licenseCalls.map((call) => [call.function, call.args.map((argument) => (argument as LiteralArgument).value), call.returning?.variables]),
      [['log001_acessa_usuario', ['VDPPED', 'LOGERP;LOGLQ2'], ['p_status', 'p_cod_empresa', 'p_user']]]);
    assert.deepEqual(tabbed.globalsReferences.map((reference) => reference.file), ['vdp8845_glb.4gl']);
  });

  it('reads the registry sample: a list joined with || over four lines, the registration inside { } left out', () => {
    const registry = sample('systemkey_prd.4gl');
    assert.deepEqual(registry.licenseCalls.map((call) => (call.args[0] as LiteralArgument).value), ['MANENG', 'MANPCP', 'MANCHA'], 'MANCUS is commented out');
    const joined = literal(registry, 1, 1);
    assert.equal(joined.pieces.length, 4);
    assert.deepEqual([joined.range.start.line, joined.range.end.line], [14, 17]);
    assert.deepEqual(joined.items.map((item) => item.text), ['man8830', 'man8850', 'man8851', 'man8852', 'man8853', 'man8860', 'man8861', 'man8870', 'sup8712']);
    assert.equal(literal(registry, 2, 1).value, 'man8890', 'spaces around the arguments');
  });
});

describe('hostile input never throws', () => {
  const messages = (facts: FileFacts) => facts.problems.map(describeProblem);
  const units = (facts: FileFacts) => facts.units.map((unit) => `${unit.kind}:${unit.closed}`);
  // Each case: the text, and one fact of it that must hold (besides fast parse = full parse).
  const cases: [string, string, (facts: FileFacts) => void][] = [
    ['an empty file', '', (facts) => assert.deepEqual([facts.units.length, facts.licenseCalls.length, facts.problems.length], [0, 0, 0])],
    ['binary data', String.fromCharCode(...Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)), (facts) => {
      assert.deepEqual(facts.licenseCalls, []);
      assert.deepEqual(messages(facts).map((message) => message.replace(/^\d+/, 'N')), ['N unterminated strings in this file; the first here']);
    }],
    ['NUL padding after code', `MAIN\n CALL LOG_initApp("WMS")\nEND MAIN\n${'\u0000'.repeat(10000)}`, (facts) => {
      assert.equal(literal(facts).value, 'WMS');
      assert.deepEqual(units(facts), ['main:true']);
    }],
    ['an unterminated { comment', 'MAIN\n { never closed\n CALL LOG_initApp("X")\n', (facts) => {
      assert.deepEqual(facts.licenseCalls, [], 'the call is inside the comment');
      assert.match(messages(facts).join(), /unterminated '\{' comment/);
    }],
    ['an unterminated string', 'MAIN\n CALL LOG_initApp("MANENG\nEND MAIN\n', (facts) => {
      assert.deepEqual([literal(facts).value, facts.licenseCalls[0]!.complete], ['MANENG', false]);
      assert.deepEqual(units(facts), ['main:true'], 'END MAIN is still found on the next line');
    }],
    ['only END lines', 'END FUNCTION\nEND MAIN\nEND REPORT\n', (facts) => {
      assert.deepEqual(facts.units, []);
      assert.deepEqual(messages(facts), ['3 END lines without a matching unit in this file; the first here: END FUNCTION without a matching FUNCTION']);
    }],
    ['a lone call name', 'LOG_initApp(', (facts) => assert.deepEqual(facts.licenseCalls.map((call) => [call.function, call.complete, call.args.length]), [['LOG_initApp', false, 0]])],
    ['deep parentheses', `MAIN\n CALL LOG_initApp(${'('.repeat(5000)}\nEND MAIN`, (facts) => {
      assert.deepEqual(facts.licenseCalls.map((call) => [call.complete, call.args[0]?.kind]), [[false, 'dynamic']], 'never guessed');
      assert.deepEqual(units(facts), ['main:true']);
    }],
  ];
  for (const [label, text, check] of cases) {
    it(`handles ${label}`, () => {
      const facts = parseFacts(text);
      assert.deepEqual(facts, parseFactsFully(text));
      check(facts);
    });
  }

  it('reports unterminated comments and strings', () => {
    assert.match(parseFacts('MAIN\n { never closed\n').problems.map(describeProblem).join(), /unterminated '\{' comment/);
    assert.match(parseFacts('MAIN\n LET x = "abc\nEND MAIN').problems.map(describeProblem).join(), /unterminated string/);
  });

  it('reads the NUL-padded file as text and says so', () => {
    const { problems } = decodeSource(Buffer.concat([Buffer.from('MAIN\nEND MAIN\n'), Buffer.alloc(512)]));
    assert.match(describeProblem(problems[0]!), /512 NUL bytes/);
  });

  it('parses a 30,000-line program with all its units and calls', () => {
    const lines = ['FUNCTION big()', '  IF LOG_initApp("MANENG") <> 0 THEN RETURN END IF', 'END FUNCTION'];
    for (let index = 0; lines.length < 30000; index++) {
      lines.push(`FUNCTION big_${index}()`, '  DEFINE l_x CHAR(10) # note', '  { block', '    comment }',
        '  LET l_x = "a # b {c}"', '  SELECT x INTO l_x FROM t WHERE y = 1', 'END FUNCTION');
    }
    const facts = parseFacts(lines.join('\n'));
    assert.equal(facts.units.length, 1 + Math.ceil((30000 - 3) / 7));
    assert.equal(facts.licenseCalls.length, 1);
    assert.deepEqual(facts.problems, []);
    assert.equal(facts.lineCount, lines.length);
  });
});
