/**
 * Source text in messages: at most MAX_QUOTED characters, control characters escaped, in every
 * diagnostic, hover and explanation that quotes a key, a program, an argument or a list.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainProgram, renderDebugLog, renderExplanationMarkdown, renderExplanationText } from '../../server/src/license/explain.js';
import { MAX_QUOTED, quoteSource } from '../../server/src/license/quote-source.js';
import { resolveProgram } from '../../server/src/license/resolve.js';
import { hoverAt } from '../../server/src/lsp/hover.js';
import { marked } from '../helpers/markers.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

const NUL = '\u0000';

describe('quoteSource', () => {
  it('leaves short plain text alone', () => {
    assert.equal(quoteSource('MANENG'), 'MANENG');
    assert.equal(quoteSource(''), '');
    assert.equal(quoteSource('x'.repeat(MAX_QUOTED)), 'x'.repeat(MAX_QUOTED));
  });

  it('cuts a NUL-padded key after the escapes that fit, with an ellipsis', () => {
    // 'PAD' and nine `\x00` (39 characters) leave room for the ellipsis only.
    assert.equal(quoteSource(`PAD${NUL.repeat(5000)}`), `PAD${'\\x00'.repeat(9)}…`);
    assert.equal(quoteSource(`PAD${NUL.repeat(5000)}`).length, MAX_QUOTED);
  });

  it('cuts a 10,000-character argument to MAX_QUOTED characters', () => {
    assert.equal(quoteSource('l_'.padEnd(10_000, 'x')), `l_${'x'.repeat(MAX_QUOTED - 3)}…`);
    assert.equal(quoteSource('y'.repeat(MAX_QUOTED + 1)), `${'y'.repeat(MAX_QUOTED - 1)}…`);
  });

  it('escapes tabs, line ends, other controls, separators and bidirectional controls', () => {
    assert.equal(quoteSource('a\tb\nc\rd'), 'a\\tb\\nc\\rd');
    assert.equal(quoteSource(`${NUL}\u001b\u007f\u0081`), '\\x00\\x1B\\x7F\\x81');
    assert.equal(quoteSource('A\u2028B\u202eC'), 'A\\u2028B\\u202EC');
    assert.equal(quoteSource('ação ESTOQ'), 'ação ESTOQ', 'accents are text');
  });

  it('never cuts an escape or a surrogate pair in two, nor the end of a text that fits', () => {
    assert.equal(quoteSource(`${'x'.repeat(37)}${NUL}`), `${'x'.repeat(37)}…`, '37 + 4 would be 41');
    assert.equal(quoteSource(`${'x'.repeat(36)}${NUL}`), `${'x'.repeat(36)}\\x00`, '36 + 4 fits exactly');
    assert.equal(quoteSource(`${'x'.repeat(38)}😀😀`), `${'x'.repeat(38)}…`);
  });
});

describe('source text quoted in messages, hovers and explanations', () => {
  const padded = `PAD${NUL.repeat(3000)}`;
  const longName = 'l_'.padEnd(10_000, 'x');
  const files = {
    'sup4000.4gl': program('sup4000', `"${padded}"`),
    'sup4001.4gl': program('sup4001', longName),
    'sup4002.4gl': program('sup4002', `"ESTOQ, ${'b'.repeat(10_000)},"`),
    'systemkey_sup.4gl': systemKey('SUP', [[`K${NUL.repeat(200)}`, `sup4000,${'p'.repeat(10_000)},${'p'.repeat(10_000)}`]]),
  };
  // Partial (the unknown keys are assumed and reach every view) and complete (they are invalid).
  const ws = workspace(files, { menu: { sup4000: 'WMS' } });
  const strict = workspace(files, { menu: { sup4000: 'WMS' }, complete: true });

  /** No control character but the renderings' own line ends, and no quotation longer than allowed. */
  function assertQuoted(text: string, what: string): void {
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/, `${what}: ${JSON.stringify(text.slice(0, 200))}`);
    for (const run of text.match(/[^\s,;:()"`*|]+/g) ?? []) assert.ok(run.length <= MAX_QUOTED, `${what}: ${run.length}-character run ${JSON.stringify(run.slice(0, 60))}…`);
  }

  it('bounds and escapes every diagnostic message and related message', () => {
    const diagnostics = [...ws.diagnostics, ...strict.diagnostics];
    const seen = new Set<string>(diagnostics.map((diagnostic) => diagnostic.code));
    for (const code of ['LGX001', 'LGX002', 'LGX008', 'LGX009', 'LGX014', 'LGX018']) assert.ok(seen.has(code), `${code} among ${[...seen].join(', ')}`);
    for (const diagnostic of diagnostics) {
      assertQuoted(diagnostic.message, `${diagnostic.code} ${diagnostic.file}`);
      for (const related of diagnostic.related ?? []) assertQuoted(related.message, `${diagnostic.code} related`);
    }
    const lgx002 = strict.diagnostics.find((diagnostic) => diagnostic.code === 'LGX002' && diagnostic.file === 'sup4000.4gl')!;
    assert.match(lgx002.message, /^none of the declared keys \(PAD(\\x00){9}…\) is valid/);
  });

  it('bounds and escapes the explanation in every rendering', () => {
    for (const name of ['sup4000', 'sup4001', 'p'.repeat(10_000)]) {
      const explanation = explainProgram(name, ws.model, ws.catalog, { menuKey: `W${NUL.repeat(100)}` });
      assertQuoted(renderExplanationText(explanation, ws.catalog), 'text');
      assertQuoted(renderExplanationMarkdown(explanation, ws.catalog), 'markdown');
      assertQuoted(renderDebugLog(explanation), 'debug log');
    }
  });

  it('bounds and escapes hovers on a key, a program and a registered program', () => {
    const context = (file: string) => ({
      file, facts: ws.model.files.get(file)!, model: ws.model, catalog: ws.catalog,
      resolutionOf: (name: string) => resolveProgram(name, ws.model, ws.catalog), linkTo: () => 'file:///x',
    });
    const hovers: [string, string][] = [
      ['sup4000.4gl', program('sup4000', `"PA‸D${padded.slice(3)}"`)],
      ['sup4000.4gl', program('sup4000', `"${padded}"`).replace('LOG_initApp', 'LOG_in‸itApp')],
      ['systemkey_sup.4gl', files['systemkey_sup.4gl'].replace('pppp', 'pp‸pp')],
    ];
    for (const [file, source] of hovers) {
      const hover = hoverAt(context(file), marked(source).cursors[0]!);
      assert.ok(hover, `a hover in ${file}`);
      assertQuoted((hover.contents as { value: string }).value, `hover in ${file}`);
    }
  });
});
