/** `logix-license init`: the start of a folder's logix-license.json, run as a real process on real folders. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

/**
 * A customer's tree: ESPEC999 declared by four programs and registered for a fifth, VDPX by two,
 * MANENG and WMS by one; a nested environment (its own logix-license.json) whose key is not counted.
 */
function customerTree(): string {
  const files: Record<string, string> = {
    'adm_producao/man0001.4gl': program('man0001', '"MANENG,WMS"'),
    'vendas/vdp0001.4gl': program('vdp0001', '"VDPX"'),
    'vendas/vdp0002.4gl': program('vdp0002', '"VDPX,ESPEC999"'),
    'logistica/systemkey_log.4gl': systemKey('LOG', [['ESPEC999', 'pol0001,esp0005']]),
    'cliente/logix-license.json': JSON.stringify({ keys: { NESTED: { slot: 7001 } } }),
    'cliente/pol9000.4gl': program('pol9000', '"NESTED,ESPEC999"'),
  };
  for (const name of ['pol0001', 'pol0002', 'pol0003']) files[`especificos/${name}.4gl`] = program(name, '"ESPEC999"');
  return tempWorkspace(files);
}

describe('init', () => {
  it('writes DIR/logix-license.json: every key of the root environment by use, slot null unless built in, areas, complete false', () => {
    const root = customerTree();
    const result = runCli(['init', root]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /wrote .*logix-license\.json: 4 keys used by 6 programs \(1 folder below with a logix-license\.json of its own not counted\)/);
    const text = readFileSync(join(root, 'logix-license.json'), 'utf8');
    assert.ok(text.endsWith('}\n'), 'a trailing newline');
    assert.match(text, /^\{\n {2}"/, '2-space indent');
    const json = JSON.parse(text);
    assert.deepEqual(Object.keys(json.keys), ['ESPEC999', 'VDPX', 'MANENG', 'WMS'], 'most used first, then by name; the nested environment\'s NESTED is not there');
    assert.deepEqual(json.keys.ESPEC999, { slot: null, description: 'used by 5 programs' });
    assert.deepEqual(json.keys.VDPX, { slot: null, description: 'used by 2 programs' });
    assert.equal(json.keys.MANENG.slot, null);
    assert.equal(json.keys.WMS.slot, 5087, 'the built-in slot is kept');
    assert.match(json.keys.WMS.description, /used by 1 program$/);
    assert.deepEqual(json.areas, { PRD: { prefixes: ['MAN'], defaultKey: 'MANENG' }, VDP: { prefixes: ['VDP'], defaultKey: 'VDPPED' } });
    assert.equal(json.complete, false);
    assert.match(json.$comment, /Program prefixes in no area yet: POL \(3 programs\)/);

    // The file is a valid catalog that knows every key used: no LGX015, no LGX001 in the root environment.
    const check = JSON.parse(runCli(['check', root, '--format', 'json']).stdout);
    const codes = check.diagnostics.filter((diagnostic: { file: string }) => !diagnostic.file.startsWith('cliente/')).map((diagnostic: { code: string }) => diagnostic.code);
    assert.ok(!codes.includes('LGX015') && !codes.includes('LGX001'), codes.join(' '));
  });

  it('exits 2 and leaves an existing logix-license.json untouched', () => {
    const original = '{ "keys": { "WMS": { "slot": 5087 } } }\n';
    const root = tempWorkspace({ 'pol0001.4gl': program('pol0001', '"ESPEC999"'), 'logix-license.json': original });
    const before = statSync(join(root, 'logix-license.json')).mtimeMs;
    const result = runCli(['init', root]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /logix-license\.json already exists; nothing written/);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), original);
    assert.equal(statSync(join(root, 'logix-license.json')).mtimeMs, before);
  });

  it('--stdout prints the file and writes nothing, with or without an existing file', () => {
    const root = customerTree();
    const printed = runCli(['init', root, '--stdout']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.equal(existsSync(join(root, 'logix-license.json')), false, 'nothing written');
    assert.deepEqual(Object.keys(JSON.parse(printed.stdout).keys), ['ESPEC999', 'VDPX', 'MANENG', 'WMS']);
    // The same text init writes.
    assert.equal(runCli(['init', root]).status, 0);
    const written = readFileSync(join(root, 'logix-license.json'), 'utf8');
    assert.equal(printed.stdout, written);
    const again = runCli(['init', root, '--stdout']);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, written);
    assert.equal(readFileSync(join(root, 'logix-license.json'), 'utf8'), written);
  });

  it('reports usage errors with exit 2: a missing folder, an option that does not apply', () => {
    const missing = runCli(['init', join(customerTree(), 'nope')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such folder/);
    const format = runCli(['init', customerTree(), '--format', 'json']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format does not apply to init/);
  });
});
