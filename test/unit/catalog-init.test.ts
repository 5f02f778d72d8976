/**
 * The start of a logix-license.json (catalog-init.ts), and how every view words a key listed with
 * `"slot": null`: "slot not filled in", where a key nobody gave a slot stays "slot unknown — add it
 * to the catalog".
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildCatalog, builtInCatalog, parseCatalogFile } from '../../server/src/license/catalog.js';
import { keyUses, proposeCatalog, unknownKeyUses } from '../../server/src/license/catalog-init.js';
import { describeSlot, describeSlotNumber, explainProgram, renderDebugLog, slotCell } from '../../server/src/license/explain.js';
import { resolveProgram } from '../../server/src/license/resolve.js';
import { lensTitle } from '../../server/src/lsp/code-lens.js';
import { hoverAt } from '../../server/src/lsp/hover.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { FolderIndex } from '../../server/src/workspace/folder-index.js';
import { marked } from '../helpers/markers.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

describe('keys used by an environment', () => {
  it('counts distinct programs per key, from declarations and SYSTEMKEY registrations, most used first then by name', () => {
    const { model } = workspace({
      'pol0001.4gl': program('pol0001', '"ESPEC999,MANENG"'),
      'a/pol0002.4gl': program('pol0002', '"ESPEC999"'),
      // A second file defining pol0002: still one program.
      'b/pol0002.4gl': program('pol0002', '"ESPEC999"'),
      'man0001.4gl': program('man0001', '"MANENG, zeta"'),
      // Registered and declared by pol0001: one program; pol0009 has no source but is registered.
      'systemkey_log.4gl': systemKey('LOG', [['ESPEC999', 'pol0001,pol0009'], ['ALFA', 'pol0009']]),
      // Not literals, and a malformed name: left out.
      'pol0003.4gl': program('pol0003', 'l_keys'),
      'pol0004.4gl': program('pol0004', '"SUP-REC"'),
    });
    assert.deepEqual(keyUses(model), [
      { key: 'ESPEC999', programs: 3 },
      { key: 'MANENG', programs: 2 },
      { key: 'ALFA', programs: 1 },
      { key: 'ZETA', programs: 1 },
    ]);
    assert.deepEqual(unknownKeyUses(model, builtInCatalog()).map((use) => use.key), ['ESPEC999', 'ALFA', 'ZETA']);
  });
});

describe('proposeCatalog', () => {
  const { model } = workspace({
    'man0001.4gl': program('man0001', '"MANENG,WMS"'),
    'man0002.4gl': program('man0002', '"MANEGN"'),
    'vdp0001.4gl': program('vdp0001', '"1234,ESPEC999"'),
    'vdp0002.4gl': program('vdp0002', '"ESPEC999"'),
    'pol0001.4gl': program('pol0001', '"ESPEC999"'),
  });
  const text = proposeCatalog(model, builtInCatalog());
  const json = JSON.parse(text);

  it('lists every key used, most used first, a key named by digits included in its place', () => {
    assert.deepEqual(Object.keys(json.keys).sort(), ['1234', 'ESPEC999', 'MANEGN', 'MANENG', 'WMS']);
    // JSON.parse puts "1234" first in the object: read the order from the text.
    const keysText = text.slice(text.indexOf('"keys": {'), text.indexOf('"areas": {'));
    const order = [...keysText.matchAll(/^ {4}"([A-Z0-9_]+)": \{/gm)].map((match) => match[1]);
    assert.deepEqual(order, ['ESPEC999', '1234', 'MANEGN', 'MANENG', 'WMS']);
  });

  it('writes slot null unless the built-in catalog knows the slot, and says how many programs use each key', () => {
    assert.deepEqual(json.keys.ESPEC999, { slot: null, description: 'used by 3 programs' });
    assert.deepEqual(json.keys.WMS, { slot: 5087, area: 'LOG', description: 'WMS — used by 1 program' });
    assert.deepEqual(json.keys.MANENG, { slot: null, area: 'PRD', description: 'Engenharia — used by 1 program' });
    assert.equal(json.keys.MANEGN.description, 'used by 1 program; close to MANENG: a typo?');
  });

  it('lists the areas whose prefixes the programs have, with their default keys, and the prefixes no area has', () => {
    assert.deepEqual(json.areas, { PRD: { prefixes: ['MAN'], defaultKey: 'MANENG' }, VDP: { prefixes: ['VDP'], defaultKey: 'VDPPED' } });
    assert.match(json.$comment, /Program prefixes in no area yet: POL \(1 program\)/);
    assert.equal(json.complete, false);
  });

  it('is laid out as JSON.stringify with 2 spaces, ends with a newline, and is a valid catalog file', () => {
    const plain = proposeCatalog(workspace({ 'man0001.4gl': program('man0001', '"MANENG,ESPEC999"') }).model, builtInCatalog());
    assert.equal(plain, `${JSON.stringify(JSON.parse(plain), null, 2)}\n`);
    const parsed = parseCatalogFile('logix-license.json', text);
    assert.deepEqual(parsed.problems, []);
    const catalog = buildCatalog(parsed.file);
    assert.equal(catalog.complete, false);
    assert.deepEqual(unknownKeyUses(model, catalog), [], 'every key used is now in the catalog');
  });

  it('writes empty keys and areas for a folder without programs', () => {
    const empty = JSON.parse(proposeCatalog(workspace({}).model, builtInCatalog()));
    assert.deepEqual([empty.keys, empty.areas, empty.complete], [{}, {}, false]);
  });
});

describe('a key listed with "slot": null', () => {
  const catalogText = JSON.stringify({ keys: { ESPEC999: { slot: null }, MANENG: { slot: null } } });

  it('reads "slot not filled in"; a key nobody gave a slot still reads "slot unknown — add it to the catalog"', () => {
    const catalog = buildCatalog(parseCatalogFile('logix-license.json', catalogText).file);
    assert.equal(describeSlotNumber(null), 'slot not filled in');
    assert.equal(describeSlotNumber(undefined), 'slot unknown — add it to the catalog');
    assert.equal(describeSlotNumber(5087), 'slot 5087');
    assert.equal(describeSlot(catalog, 'ESPEC999'), 'slot not filled in');
    assert.equal(describeSlot(catalog, 'SUPREC'), 'slot unknown — add it to the catalog');
    assert.equal(describeSlot(catalog, 'NOTAKEY'), 'slot unknown — add it to the catalog');
    assert.equal(slotCell(catalog, 'ESPEC999'), 'not filled in');
    assert.equal(slotCell(catalog, 'SUPREC'), 'unknown');
  });

  it('reads so in the code lens, the hover, the explanation and the simulated debug log', () => {
    const folder = new FolderIndex();
    folder.setCatalog('logix-license.json', catalogText);
    const source = marked(program('pol0001', '"ESPEC‸999"'));
    folder.setFile('pol0001.4gl', parseFacts(source.text));
    folder.setFile('sup0001.4gl', parseFacts(program('sup0001', '"SUPREC"')));
    const environment = folder.root;
    const { model, catalog } = environment;
    assert.equal(lensTitle(resolveProgram('pol0001', model, catalog), catalog), 'License: ESPEC999 (slot not filled in) · 1 key');
    assert.equal(lensTitle(resolveProgram('sup0001', model, catalog), catalog), 'License: SUPREC (slot unknown) · 1 key');
    const hover = hoverAt({
      file: 'pol0001.4gl', facts: environment.files.get('pol0001.4gl')!, model, catalog,
      resolutionOf: environment.resolutionOf, linkTo: (file) => file,
    }, source.cursors[0]!);
    assert.match((hover?.contents as { value: string }).value, /\*\*ESPEC999\*\* · slot not filled in/);
    const explanation = explainProgram('pol0001', model, catalog, { menuKey: '?' });
    assert.match(renderDebugLog(explanation), /# Chave consumida ESPEC999: slot não preenchido no catálogo \(logix-license.json\)\n$/);
    assert.match(renderDebugLog(explainProgram('sup0001', model, catalog)), /# Chave consumida SUPREC: slot desconhecido — acrescente-o ao catálogo \(logix-license.json\)\n$/);
  });
});
