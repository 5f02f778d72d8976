/** The key catalog: built-in facts only, workspace extension and replacement, clear errors. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { areaOfProgram, buildCatalog, builtInCatalog, keyStatus, parseCatalogFile } from '../../server/src/license/catalog.js';
import { nearKeys } from '../../server/src/license/suggest.js';
import { marked } from '../helpers/markers.js';
import { compareVersions } from '../../server/src/license/versions.js';

function parse(text: string) {
  return parseCatalogFile('logix-license.json', text);
}

describe('built-in catalog', () => {
  it('holds the documented keys, with the only stated slot (WMS 5087) and no invented ones', () => {
    const catalog = builtInCatalog();
    for (const key of ['PADRAO', 'MANENG', 'ESTOQ', 'SUPREC', 'SUPPLA', 'SUPCON', 'VDPPED', 'WMS', 'VDPLOG', 'VDPCON']) {
      assert.ok(catalog.keys.has(key), key);
    }
    assert.equal(catalog.keys.has('SUPRIMEN'), false, 'SUPRIMEN is the documented example of an invalid key');
    const slots = [...catalog.keys.values()].filter((entry) => entry.slot !== undefined).map((entry) => `${entry.key}=${entry.slot}`);
    assert.deepEqual(slots, ['WMS=5087']);
  });

  it('maps prefixes to areas and default keys (R3: areas by program prefix)', () => {
    const catalog = builtInCatalog();
    assert.deepEqual(['man10021', 'VDP9100', 'sup3760'].map((program) => areaOfProgram(catalog, program)?.defaultKey), ['MANENG', 'VDPPED', 'ESTOQ']);
    assert.equal(areaOfProgram(catalog, 'pol9001'), undefined);
    assert.deepEqual([...catalog.areas.keys()].sort(), ['CON', 'FIN', 'LOG', 'PRD', 'RHU', 'SUP', 'VDP']);
  });
});

describe('logix-license.json', () => {
  const example = JSON.stringify({
    logixVersion: '12.1.2301',
    keys: { WMS: { slot: 5087, area: 'LOG', description: 'WMS' }, MANPCP: { slot: 9101, area: 'PRD' } },
    areas: { LOG: { prefixes: ['WMS', 'LOG'], defaultKey: 'WMS' } },
    menu: { MAN10021: 'WMS', man10022: '?' },
    devTest: false,
    replaceBuiltIn: false,
  }, null, 2);

  it('extends the built-in catalog', () => {
    const { file, problems } = parse(example);
    assert.deepEqual(problems, []);
    const catalog = buildCatalog(file);
    assert.equal(catalog.keys.get('MANPCP')?.slot, 9101);
    assert.equal(catalog.keys.get('MANENG')?.origin, 'built-in catalog');
    assert.equal(catalog.keys.get('MANPCP')?.origin, 'logix-license.json');
    assert.equal(areaOfProgram(catalog, 'wms0001')?.area, 'LOG');
    assert.equal(catalog.menu.get('man10021'), 'WMS', 'program names compare in lower case');
    assert.equal(catalog.menu.get('man10022'), '?');
    assert.equal(catalog.logixVersion, '12.1.2301');
    assert.equal(catalog.description, 'built-in catalog + logix-license.json');
  });

  it('records where each of its keys is declared: the name in "keys", quotes excluded', () => {
    const { text, ranges } = marked('{\n  "menu": { "man1": "WMS" },\n  "keys": {\n    "⟦WMS⟧": { "slot": 5087 },\n    "⟦MANPCP⟧": {}\n  }\n}');
    const catalog = buildCatalog(parse(text).file);
    assert.deepEqual([...catalog.keyRanges], [['WMS', ranges[0]], ['MANPCP', ranges[1]]]);
    assert.equal(builtInCatalog().keyRanges.size, 0, 'built-in keys are declared in no file of the workspace');
  });

  it('replaces the built-in keys and prefixes with replaceBuiltIn', () => {
    const { file } = parse('{ "replaceBuiltIn": true, "keys": { "ONLY": {} } }');
    const catalog = buildCatalog(file);
    assert.deepEqual([...catalog.keys.keys()], ['ONLY']);
    assert.equal(areaOfProgram(catalog, 'man10021'), undefined);
    assert.equal(catalog.description, 'logix-license.json');
  });

  it('reads "slot": null as a key that exists with its slot not filled in, over a built-in slot too', () => {
    const { file, problems } = parse('{\n  "keys": {\n    "ESPEC999": { "slot": null, "description": "used by 119 programs" },\n    "WMS": { "slot": null }\n  }\n}');
    assert.deepEqual(problems, []);
    const catalog = buildCatalog(file);
    assert.ok(catalog.keys.has('ESPEC999'), 'a valid key');
    assert.equal(catalog.keys.get('ESPEC999')?.slot, null);
    assert.equal(catalog.keys.get('WMS')?.slot, null, 'the file says the slot is still to be written');
    assert.equal(catalog.keys.get('WMS')?.area, 'LOG', 'the rest of the built-in entry stays');
    assert.equal(catalog.keys.get('MANENG')?.slot, undefined, 'a built-in key without a slot stays unknown, not null');
  });

  it('keeps "complete" and "invalidKeys" on the catalog; absent, the catalog is partial and only the documented SUPRIMEN is invalid', () => {
    const catalog = buildCatalog(parse('{ "complete": false, "invalidKeys": ["SUPRIMEN", "MANEGN"], "keys": {} }').file);
    assert.equal(catalog.complete, false);
    assert.deepEqual([...catalog.invalidKeys], ['SUPRIMEN', 'MANEGN']);
    assert.equal(buildCatalog(parse('{ "complete": true }').file).complete, true);
    const plain = buildCatalog(parse('{ "keys": {} }').file);
    assert.equal(plain.complete, false);
    assert.deepEqual([...plain.invalidKeys], ['SUPRIMEN']);
    assert.equal(builtInCatalog().complete, false);
    assert.deepEqual([...builtInCatalog().invalidKeys], ['SUPRIMEN']);
  });

  const broken: [string, string, RegExp, number][] = [
    ['a syntax error', '{\n  "keys": {\n    "WMS": { "slot": 5087 },\n  }\n}', /invalid JSON: property name expected/, 3],
    ['not an object', '[1, 2]', /one JSON object/, 0],
    ['a bad slot', '{\n "keys": { "WMS": { "slot": -1 } } }', /slot of "WMS" must be a positive whole number/, 1],
    ['a lower-case key', '{ "keys": { "wms": {} } }', /"wms" must be written in upper case/, 0],
    ['a bad version', '{ "logixVersion": "twelve" }', /logixVersion/, 0],
    ['a bad menu key', '{ "menu": { "man1": "wms" } }', /menu key of "man1"/, 0],
    ['bad prefixes', '{ "areas": { "LOG": { "prefixes": ["LOGX"] } } }', /3-letter program prefixes/, 0],
    ['a slot written as a string', '{ "keys": { "WMS": { "slot": "null" } } }', /slot of "WMS" must be a positive whole number/, 0],
    ['a "complete" that is not a boolean', '{\n "complete": "no" }', /"complete" must be true .* or false/, 1],
    ['"invalidKeys" that are not upper-case keys', '{ "invalidKeys": ["suprimen"] }', /"invalidKeys" must be a list of system keys/, 0],
  ];
  it('warns of an unknown top-level property (a newer version\'s file) and keeps the rest of the file', () => {
    const { file, problems } = parse('{\n\n "kyes": {}, "keys": { "ACME": { "slot": 7001 } } }');
    assert.ok(file, 'the file is still used');
    assert.equal(file.keys.get('ACME')?.slot, 7001);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.warning, true);
    assert.match(problems[0]!.message, /unknown property "kyes" is ignored/);
    assert.equal(problems[0]!.range.start.line, 2);
  });

  it('reads completeness and invalid keys: a partial catalog assumes, a complete one or invalidKeys invalidate', () => {
    const partial = buildCatalog(parse('{ "keys": { "ACME": { "slot": 7001 } } }').file);
    assert.deepEqual([keyStatus(partial, 'ACME'), keyStatus(partial, 'ESPEC999'), keyStatus(partial, 'SUPRIMEN')], ['known', 'unverified', 'invalid']);
    const complete = buildCatalog(parse('{ "complete": true, "keys": { "ACME": { "slot": 7001 } } }').file);
    assert.deepEqual([keyStatus(complete, 'ACME'), keyStatus(complete, 'ESPEC999'), keyStatus(complete, 'WMS')], ['known', 'invalid', 'known']);
    const listed = buildCatalog(parse('{ "invalidKeys": ["ESPEC999"] }').file);
    assert.equal(keyStatus(listed, 'ESPEC999'), 'invalid');
    // A key the file lists exists, even one the built-in data names invalid.
    assert.equal(keyStatus(buildCatalog(parse('{ "keys": { "SUPRIMEN": {} } }').file), 'SUPRIMEN'), 'known');
    assert.equal(keyStatus(buildCatalog(undefined), 'ESPEC999'), 'unverified', 'the built-in catalog is partial');
  });

  for (const [label, text, message, line] of broken) {
    it(`reports ${label} with its line, and yields no catalog`, () => {
      const { file, problems } = parse(text);
      assert.equal(file, undefined);
      assert.match(problems[0]!.message, message);
      assert.equal(problems[0]!.range.start.line, line);
    });
  }
});

describe('near keys and versions', () => {
  it('suggests the nearest keys first, at most three, none when nothing is near (LGX001)', () => {
    const catalog = builtInCatalog();
    assert.equal(nearKeys(catalog, 'SUPRIMEN', 'SUP')[0], 'SUPREC');
    assert.equal(nearKeys(catalog, 'ESTOK', 'SUP')[0], 'ESTOQ');
    // Four candidates: SUPPLA, SUPREC, VDPPED 2 edits away, SUPCON 3 (same prefix); the farthest is left out.
    assert.deepEqual(nearKeys(catalog, 'SUPPED', 'SUP'), ['SUPREC', 'SUPPLA', 'VDPPED']);
    assert.deepEqual(nearKeys(catalog, 'SUPPED', 'SUP', 4), ['SUPREC', 'SUPPLA', 'VDPPED', 'SUPCON']);
    assert.deepEqual(nearKeys(catalog, 'QQQQQQQQQQ', undefined), []);
  });

  it('puts keys of the own area first among keys equally near', () => {
    const { file } = parse(JSON.stringify({ keys: { SUPCON: { area: 'SUP' }, VDPCON: { area: 'VDP' } } }));
    const catalog = buildCatalog(file);
    // VUPCON is one edit from both SUPCON and VDPCON.
    assert.deepEqual(nearKeys(catalog, 'VUPCON', 'SUP').slice(0, 2), ['SUPCON', 'VDPCON']);
    assert.deepEqual(nearKeys(catalog, 'VUPCON', 'VDP').slice(0, 2), ['VDPCON', 'SUPCON']);
    assert.deepEqual(nearKeys(catalog, 'VUPCON', undefined).slice(0, 2), ['SUPCON', 'VDPCON'], 'no area: alphabetical');
  });

  it('compares Logix versions component by component (R12)', () => {
    assert.ok(compareVersions('12.1.29', '12.1.2209') < 0);
    assert.ok(compareVersions('12.1.2209', '12.1.2301') < 0);
    assert.equal(compareVersions('12.1.2301', '12.1.2301'), 0);
  });
});
