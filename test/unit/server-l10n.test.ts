/**
 * What the server and the CLI say exists in pt-BR: every message of server/src has its pt-BR text
 * with the same placeholders, the bundle holds nothing the sources no longer say, and the locale
 * tags of editors and shells choose the right language.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { languageFromEnvironment, languageOf } from '../../server/src/l10n/language.js';
import { t, useLanguage } from '../../server/src/l10n/messages.js';
import { PT_BR, PT_BR_AREAS } from '../../server/src/l10n/pt-br.js';
import { placeholders, quotedTokens, sourceMessages, textOf } from '../helpers/l10n-keys.js';
import { repoRoot } from '../helpers/paths.js';


describe('server messages in pt-BR', () => {
  const { messages, unreadable } = sourceMessages(repoRoot, ['server/src']);
  const used = new Set(messages.map((message) => message.key));

  it('says every message with its text written in the call', () => {
    assert.deepEqual(unreadable, []);
  });

  it('has a pt-BR text for every message, with the same placeholders', () => {
    const missing = messages.filter((message) => !textOf(PT_BR[message.key])).map((message) => `${message.where}: ${message.key}`);
    assert.deepEqual([...new Set(missing)], [], 'messages without pt-BR text');
    for (const key of used) {
      assert.deepEqual(placeholders(textOf(PT_BR[key])!), placeholders(key), `placeholders of "${key}"`);
    }
  });

  it('keeps no pt-BR text the sources no longer say, and each in one area only', () => {
    assert.deepEqual(Object.keys(PT_BR).filter((key) => !used.has(key)), [], 'pt-BR texts nobody says');
    const areas = Object.entries(PT_BR_AREAS).flatMap(([area, bundle]) => Object.keys(bundle).map((key) => ({ area, key })));
    const twice = areas.filter((entry, index) => areas.findIndex((other) => other.key === entry.key) !== index);
    assert.deepEqual(twice, [], 'keys in two areas');
  });

  it('keeps the codes, rule numbers and backquoted names of the English text', () => {
    for (const key of used) assert.deepEqual(quotedTokens(textOf(PT_BR[key])!), quotedTokens(key), `"${key}"`);
  });
});

describe('the language', () => {
  it('reads editor and POSIX locale tags', () => {
    for (const tag of ['pt-br', 'pt-BR', 'pt_BR.UTF-8', 'pt', 'pt_PT', 'PT-BR']) assert.equal(languageOf(tag), 'pt-br', tag);
    for (const tag of ['en', 'en-US', 'C', 'POSIX', 'C.UTF-8', '', undefined, 'es', 'ptx']) assert.equal(languageOf(tag), 'en', String(tag));
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG, an empty one counting as unset', () => {
    assert.equal(languageFromEnvironment({}), 'en');
    assert.equal(languageFromEnvironment({ LANG: 'pt_BR.UTF-8' }), 'pt-br');
    assert.equal(languageFromEnvironment({ LANG: 'pt_BR.UTF-8', LC_MESSAGES: 'C' }), 'en');
    assert.equal(languageFromEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'pt_BR' }), 'pt-br');
    assert.equal(languageFromEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'pt_BR', LANG: 'pt_BR' }), 'en');
    assert.equal(languageFromEnvironment({ LC_ALL: '', LANG: 'pt_BR' }), 'pt-br');
  });

  it('falls back to English for a message the bundle lacks, and formats either way', () => {
    useLanguage('pt-br');
    try {
      assert.equal(t`a message no bundle has: ${42}`, 'a message no bundle has: 42');
    } finally {
      useLanguage('en');
    }
  });
});
