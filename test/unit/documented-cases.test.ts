/**
 * The cases of TOTVS' "Consumo de licenças - LGX" that read loosely before, each with the
 * document's own words: the collector menu, TPD REST requests, Mingle apps, SYSTEMKEY_MAN.4GL,
 * the free-program list the Framework team maintains, and abono.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainProgram, explanationToJson, renderExplanationText } from '../../server/src/license/explain.js';
import { consume, resolveProgram } from '../../server/src/license/resolve.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

const keysOf = (resolution: { finalKeys: readonly { key: string }[] }) => resolution.finalKeys.map((entry) => entry.key).join(',');

function man10021(catalog: object = {}) {
  return workspace({
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
    'SYSTEMKEY_SUP.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
    'SYSTEMKEY_LOG.4gl': systemKey('LOG', [['WMS', 'man10021']]),
  }, catalog);
}

describe('the documented cases', () => {
  it('"As regras ... para coletores de dados permanecem exatamente as mesmas": the collector menu MEN3002 chooses the key by R9–R11, consumed as type T', () => {
    const { model, catalog } = man10021();
    const underWms = consume(resolveProgram('man10021', model, catalog), catalog, { context: 'collector', menuKey: 'WMS' });
    assert.deepEqual([underWms.licenseType, underWms.key, underWms.rule], ['T', 'WMS', 'R13']);
    assert.match(underWms.reason, /chosen as from the menu \(R9: the menu key WMS is in the final list/);
    // A key outside the final list: the default key, as from the menu (R9).
    const underPadrao = consume(resolveProgram('man10021', model, catalog), catalog, { context: 'collector', menuKey: 'PADRAO' });
    assert.deepEqual([underPadrao.licenseType, underPadrao.key], ['T', 'MANENG']);
    // Menu key ? and no valid key of its own: blocked, as from the menu (R11).
    const xyz = workspace({ 'xyz0001.4gl': program('xyz0001', '"XYZKEY"') }, { invalidKeys: ['XYZKEY'] });
    const blocked = consume(resolveProgram('xyz0001', xyz.model, xyz.catalog), xyz.catalog, { context: 'collector', menuKey: '?' });
    assert.deepEqual([blocked.licenseType, blocked.rule], ['blocked', 'R11']);
  });

  it('"Requisições API REST ... do TPD (TOTVS Privacidade de Dados) Válido a partir do pacote 12.1.2301": nothing from 12.1.2301, type I before (R12, R13)', () => {
    const recent = man10021({ logixVersion: '12.1.2301' });
    const free = consume(resolveProgram('man10021', recent.model, recent.catalog), recent.catalog, { context: 'rest-tpd' });
    assert.deepEqual([free.licenseType, free.rule], ['none', 'R12']);
    const older = man10021({ logixVersion: '12.1.2209' });
    const typeI = consume(resolveProgram('man10021', older.model, older.catalog), older.catalog, { context: 'rest-tpd' });
    assert.deepEqual([typeI.licenseType, typeI.rule], ['I', 'R13']);
    assert.equal(explanationToJson(explainProgram('man10021', recent.model, recent.catalog, { context: 'rest-tpd' })).consumed.rule, 'R12');
  });

  it('"o consumo será para o código de licença do APP ... caso não detecte este código ... licença tipo I": a Mingle app consumes its code\'s slot, else type I', () => {
    const { model, catalog } = man10021({ keys: { APPVENDAS: { slot: 9301 } } });
    const resolution = resolveProgram('man10021', model, catalog);
    const coded = consume(resolution, catalog, { context: 'mingle', appLicense: 'APPVENDAS' });
    assert.deepEqual([coded.licenseType, coded.key, coded.slot, coded.rule], ['slot', 'APPVENDAS', 9301, 'R13']);
    const unknownCode = consume(resolution, catalog, { context: 'mingle', appLicense: 'APPNADA' });
    assert.equal(unknownCode.licenseType, 'I');
    assert.match(unknownCode.reason, /APPNADA has no slot in the catalog, so type I/);
    assert.equal(consume(resolution, catalog, { context: 'mingle' }).licenseType, 'I');
  });

  it('"o fonte SYSTEMKEY_MAN.4GL não possui referências ao programa MAN10021": a file named after an area\'s program prefix is that area\'s own file (R4), LGX020 names the canonical file', () => {
    const ws = workspace({
      'man10021.4gl': program('man10021', '"MANENG"'),
      'SYSTEMKEY_MAN.4GL': systemKey('MAN', [['MANPCP', 'man10021']]),
    }, { keys: { MANPCP: { slot: 9101 } } });
    const resolution = resolveProgram('man10021', ws.model, ws.catalog);
    // PRD's own file registers it: its keys replace the LOG_initApp list (R4), not appended (R7).
    assert.equal(keysOf(resolution), 'MANPCP');
    assert.equal(resolution.finalKeys[0]!.origin.rule, 'R4');
    const codes = ws.diagnostics.filter((diagnostic) => diagnostic.file === 'SYSTEMKEY_MAN.4GL').map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes, ['LGX020']);
    assert.match(ws.diagnostics.find((diagnostic) => diagnostic.code === 'LGX020')!.message, /canonical name is SYSTEMKEY_PRD\.4gl/);
    assert.ok(ws.diagnostics.some((diagnostic) => diagnostic.code === 'LGX006' && diagnostic.file === 'man10021.4gl'), 'the LOG_initApp list is ignored (R4)');
  });

  it('"Esta lista de exceção ... é controlada exclusivamente pela equipe de desenvolvimento Framework Logix": the catalog adds and removes free programs; LOG1700 stays free (R12)', () => {
    const ws = workspace({
      'log00083.4gl': program('log00083', '"PADRAO"'),
      'pol0001.4gl': program('pol0001', '"ESPEC999"'),
      'log1700.4gl': program('log1700', '"PADRAO"'),
    }, { freePrograms: { add: ['POL0001'], remove: ['log00083'] } });
    assert.equal(resolveProgram('log00083', ws.model, ws.catalog).free, undefined, 'removed by the catalog');
    assert.deepEqual(resolveProgram('pol0001', ws.model, ws.catalog).free, { assumed: false, listedInCatalog: true });
    assert.equal(consume(resolveProgram('pol0001', ws.model, ws.catalog), ws.catalog).licenseType, 'none');
    // "LOG00111 → Antigo LOG1700": the old name stays free (reading).
    assert.ok(resolveProgram('log1700', ws.model, ws.catalog).free);
  });

  it('"A regra de abono ... orquestrada pelo servidor de licenças": explained where a slot is consumed, never computed', () => {
    const { model, catalog } = man10021();
    const text = renderExplanationText(explainProgram('man10021', model, catalog, { menuKey: 'WMS' }), catalog);
    assert.match(text, /\(abono\) is decided by the License Server and the contract, not by the program/);
  });
});
