/**
 * The extension's contributions in English and Portuguese: every %placeholder% of package.json
 * has its English text, every English text its pt-BR one, and nothing is left over.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { quotedTokens } from '../helpers/l10n-keys.js';
import { repoRoot } from '../helpers/paths.js';

const read = (name: string) => readFileSync(join(repoRoot, name), 'utf8');

describe('package.nls', () => {
  it('has an English and a pt-BR text for every placeholder of package.json, and none left over', () => {
    const placeholders = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!));
    const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const portuguese = JSON.parse(read('package.nls.pt-br.json')) as Record<string, string>;
    assert.ok(placeholders.size >= 20, `${placeholders.size} placeholders`);
    assert.deepEqual([...placeholders].filter((key) => !(key in english)), [], 'placeholders without English text');
    assert.deepEqual(Object.keys(english).filter((key) => !placeholders.has(key)), [], 'English texts nobody uses');
    assert.deepEqual(Object.keys(english).filter((key) => !portuguese[key]), [], 'English texts without pt-BR');
    assert.deepEqual(Object.keys(portuguese).filter((key) => !(key in english)), [], 'pt-BR texts without English');
    // A code in backquotes, a rule number or a setting kept in one language is kept in the other.
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(quotedTokens(portuguese[key]!), quotedTokens(text), `${key}: the codes, rules and settings quoted`);
    }
  });
});
