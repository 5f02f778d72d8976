/**
 * workspace/symbol over stdio on a workspace with more matches than one answer holds: the exact
 * name comes first although its file is the last by path, the answer stops at the limit, and the
 * server's log says how many matched.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { WORKSPACE_SYMBOL_LIMIT } from '../../server/src/lsp/symbols.js';
import { TestClient } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';

describe('workspace symbols over stdio', () => {
  it('answers the best matches, exact name first, and logs how many matched when it cuts', async (t) => {
    const prefixed = WORKSPACE_SYMBOL_LIMIT + 100;
    const functions = Array.from({ length: prefixed }, (_, index) => `FUNCTION cust_${String(index).padStart(4, '0')}()\nEND FUNCTION\n`).join('');
    // Found in path order, the prefixes of aaa.4gl alone would fill the answer.
    const root = tempWorkspace({
      'aaa.4gl': functions,
      'zzz/my_cust.4gl': 'FUNCTION my_cust()\nEND FUNCTION\n',
      'zzz/last.4gl': 'FUNCTION helper()\nEND FUNCTION\nFUNCTION CUST()\nEND FUNCTION\n',
    });
    const client = new TestClient();
    t.after(async () => {
      await client.stop();
      removeFolder(root);
    });
    await client.start([root]);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'cust' });
    assert.equal(symbols.length, WORKSPACE_SYMBOL_LIMIT);
    assert.deepEqual(symbols.slice(0, 3).map((symbol) => `${symbol.name} ${symbol.containerName}`), ['CUST zzz/last.4gl', 'cust_0000 aaa.4gl', 'cust_0001 aaa.4gl']);
    assert.ok(!symbols.some((symbol) => symbol.name === 'my_cust'), 'a substring ranks below the prefixes that fill the answer');
    const logged = await client.waitForLog(/^workspace symbols: /);
    assert.match(logged, new RegExp(`^workspace symbols: ${prefixed + 2} names match "cust"; the best ${WORKSPACE_SYMBOL_LIMIT} are answered`));
    // A query that fits logs nothing more.
    assert.deepEqual((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'helper' })).map((symbol) => symbol.name), ['helper']);
    assert.equal(client.logMessages.filter((message) => message.startsWith('workspace symbols: ')).length, 1);
  });
});
