/**
 * Workspace symbols ranked: exact names first, then prefixes, substrings and the query's letters
 * in order; shorter names first within a rank; then by file path and place in the file; GLOBALS
 * never; at most the limit, with the number that matched, and one log line when cut.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { matchRank, MatchRank, rankWorkspaceSymbols, workspaceSymbols, type SymbolFile } from '../../server/src/lsp/symbols.js';
import { parseFacts } from '../../server/src/syntax/parser.js';

/** A file of the given units (FUNCTION unless `GLOBALS`), at `path`. */
function file(path: string, names: string[]): SymbolFile {
  const text = names.map((name) => (name === 'GLOBALS' ? 'GLOBALS\nEND GLOBALS\n' : `FUNCTION ${name}()\nEND FUNCTION\n`)).join('');
  return { path, containerName: path, facts: parseFacts(text), uri: () => `file://${path}` };
}

describe('workspace symbol ranking', () => {
  it('ranks a name by how it matches the query', () => {
    assert.equal(matchRank('cust', 'cust'), MatchRank.exact);
    assert.equal(matchRank('cust_list', 'cust'), MatchRank.prefix);
    assert.equal(matchRank('my_cust', 'cust'), MatchRank.substring);
    assert.equal(matchRank('c_u_s_t', 'cust'), MatchRank.subsequence);
    assert.equal(matchRank('tsuc', 'cust'), undefined);
  });

  it('orders exact, prefix, substring and letters in order; shorter first; then by path and place; no GLOBALS', () => {
    const files = [
      file('/w/b.4gl', ['cust_c', 'c_u_s_t', 'my_cust', 'cust_list', 'GLOBALS', 'CUST']),
      file('/w/a.4gl', ['cust_b', 'x', 'cust_a', 'custom']),
    ];
    const { symbols, matched } = rankWorkspaceSymbols(files, 'Cust');
    assert.deepEqual(symbols.map((symbol) => `${symbol.name} ${symbol.containerName}`), [
      'CUST /w/b.4gl',
      // Prefixes: those of six letters by path (a.4gl first, though given second), then in their
      // file's order; then the longer one.
      'cust_b /w/a.4gl',
      'cust_a /w/a.4gl',
      'custom /w/a.4gl',
      'cust_c /w/b.4gl',
      'cust_list /w/b.4gl',
      'my_cust /w/b.4gl',
      'c_u_s_t /w/b.4gl',
    ]);
    assert.equal(matched, 8);
    assert.equal(symbols[0]!.location.uri, 'file:///w/b.4gl');
  });

  it('keeps the best ones up to the limit, counting every match', () => {
    const files = [file('/w/a.4gl', ['cust_1', 'cust_2', 'cust_3', 'xcust']), file('/w/z.4gl', ['cust'])];
    const { symbols, matched } = rankWorkspaceSymbols(files, 'cust', 2);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['cust', 'cust_1']);
    assert.equal(matched, 5);
  });

  it('logs once when it cuts, and not when everything fits', () => {
    const files = [file('/w/a.4gl', ['cust_1', 'cust_2', 'cust'])];
    const logged: string[] = [];
    assert.equal(workspaceSymbols(files, 'cust', (message) => logged.push(message), 2).length, 2);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /3 names match "cust"; the best 2 are answered/);
    assert.equal(workspaceSymbols(files, 'cust', (message) => logged.push(message), 3).length, 3);
    assert.equal(logged.length, 1);
  });
});
