/**
 * What the VS Code client says exists in pt-BR: every `vscode.l10n.t` of client/src has its text in
 * l10n/bundle.l10n.pt-br.json with the same placeholders, the bundle holds nothing the sources no
 * longer say, and package.json points VS Code at the folder.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { placeholders, quotedTokens, sourceMessages, textOf } from '../helpers/l10n-keys.js';
import { repoRoot } from '../helpers/paths.js';

type BundleText = string | { message: string; comment?: string[] };

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as unknown;

describe('client messages in pt-BR', () => {
  const { messages, unreadable } = sourceMessages(repoRoot, ['client/src']);
  const used = new Set(messages.map((message) => message.key));
  const bundle = readJson('l10n/bundle.l10n.pt-br.json') as Record<string, BundleText>;

  it('finds the client\'s messages, each with its text written in the call', () => {
    assert.deepEqual(unreadable, []);
    assert.ok(used.size >= 50, `${used.size} messages`);
  });

  it('has a pt-BR text for every message, with the same placeholders', () => {
    const missing = messages.filter((message) => !textOf(bundle[message.key])).map((message) => `${message.where}: ${message.key}`);
    assert.deepEqual([...new Set(missing)], [], 'messages without pt-BR text');
    for (const key of used) assert.deepEqual(placeholders(textOf(bundle[key])!), placeholders(key), `placeholders of "${key}"`);
  });

  it('keeps no pt-BR text the sources no longer say, and the keys sorted', () => {
    assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), [], 'pt-BR texts nobody says');
    const keys = Object.keys(bundle);
    assert.deepEqual(keys, [...keys].sort(), 'keys in alphabetical order');
  });

  it('keeps the codes, rule numbers, file names and backquoted names of the English text', () => {
    for (const key of used) assert.deepEqual(quotedTokens(textOf(bundle[key])!), quotedTokens(key), `"${key}"`);
  });

  it('is found by VS Code: package.json names the bundles\' folder', () => {
    const manifest = readJson('package.json') as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });
});
