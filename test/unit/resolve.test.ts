/** The worked examples of the rules (MAN10021, SUP3760, the debug log) as tests of the license engine. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainProgram, explanationToJson, renderDebugLog, renderExplanationMarkdown, renderExplanationText } from '../../server/src/license/explain.js';
import { systemKeyArea } from '../../server/src/license/model.js';
import { consume, resolveProgram } from '../../server/src/license/resolve.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

/** The MAN10021 worked example: MAN10021 and its registrations in SUP, VDP and LOG. */
function man10021Workspace(catalogJson?: object) {
  return workspace({
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
    'SYSTEMKEY_PRD.4gl': systemKey('PRD', [['MANENG', 'man10099']]),
    'SYSTEMKEY_SUP.4gl': systemKey('SUP', [['ESTOQ', 'sup0051,man10021'], ['SUPCON', 'man10021']]),
    'SYSTEMKEY_VDP.4gl': systemKey('VDP', [['VDPPED', 'vdp9100,man10021']]),
    'SYSTEMKEY_LOG.4gl': systemKey('LOG', [['WMS', 'man10021']]),
  }, catalogJson);
}

const keysOf = (resolution: { finalKeys: readonly { key: string }[] }) => resolution.finalKeys.map((entry) => entry.key).join(',');

describe('final key list (R4–R8)', () => {
  it('MAN10021: own list, then SUP, VDP, LOG appended in load order, duplicates kept (R5, R7, R8)', () => {
    const { model, catalog } = man10021Workspace();
    const resolution = resolveProgram('MAN10021', model, catalog);
    assert.equal(keysOf(resolution), 'MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS');
    assert.equal(resolution.defaultKey, 'MANENG');
    assert.deepEqual(resolution.steps.map((step) => step.rule), ['R5', 'R7', 'R7', 'R7', 'R8']);
  });

  it('SUP3760 with the invalid SUPRIMEN falls back to the area default ESTOQ (R2, R5, R6)', () => {
    const { model, catalog } = workspace({
      'sup3760.4gl': 'FUNCTION sup3760()\n  CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n',
    });
    const resolution = resolveProgram('sup3760', model, catalog);
    assert.equal(keysOf(resolution), 'ESTOQ');
    assert.deepEqual(resolution.droppedKeys, ['SUPRIMEN']);
    assert.equal(resolution.finalKeys[0]!.origin.rule, 'R6');
  });

  it('own area registration wins over LOG_initApp (R4); other areas still append (R7)', () => {
    const { model, catalog } = workspace({
      'sup0051.4gl': program('sup0051', '"SUPPLA"'),
      'systemkey_sup.4gl': systemKey('SUP', [['SUPREC', 'sup0051'], ['ESTOQ', 'sup0051']]),
      'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'sup0051']]),
    });
    const resolution = resolveProgram('sup0051', model, catalog);
    assert.equal(keysOf(resolution), 'SUPREC,ESTOQ,VDPPED');
    assert.equal(resolution.defaultKey, 'SUPREC');
    assert.equal(resolution.steps[0]!.rule, 'R4');
  });

  it('an own-area registration under invalid keys only does not override (R4 needs valid keys)', () => {
    const { model, catalog } = workspace({
      'sup0052.4gl': program('sup0052', '"SUPPLA"'),
      'systemkey_sup.4gl': systemKey('SUP', [['NOTAKEY', 'sup0052']]),
    }, { invalidKeys: ['NOTAKEY'] });
    assert.equal(keysOf(resolveProgram('sup0052', model, catalog)), 'SUPPLA');
  });

  it('other areas never change the default key, the area default stays first (R6, R7)', () => {
    const { model, catalog } = workspace({
      'man2000.4gl': program('man2000', '"NOTAKEY"'),
      'systemkey_log.4gl': systemKey('LOG', [['WMS', 'man2000']]),
    }, { complete: true });
    const resolution = resolveProgram('man2000', model, catalog);
    assert.equal(keysOf(resolution), 'MANENG,WMS');
    assert.equal(resolution.defaultKey, 'MANENG');
  });

  it('a prefix of no area and no valid key leaves the list empty (R6 cannot apply)', () => {
    const { model, catalog } = workspace({ 'xyz0001.4gl': program('xyz0001', '"XYZKEY"') }, { complete: true });
    const resolution = resolveProgram('xyz0001', model, catalog);
    assert.equal(keysOf(resolution), '');
    assert.equal(resolution.defaultKey, undefined);
  });

  it('a dynamic key argument is never guessed: it cannot be known statically (R1, R6)', () => {
    const { model, catalog } = workspace({ 'man3000.4gl': program('man3000', 'l_keys') });
    const resolution = resolveProgram('man3000', model, catalog);
    assert.equal(resolution.declaredKeys, null);
    assert.equal(keysOf(resolution), 'MANENG');
    assert.deepEqual([resolution.steps[0]!.rule, resolution.steps[1]!.rule], ['R1', 'R6']);
    assert.match(resolution.steps[0]!.text, /not a literal/);
  });

  it('R7 appends the other areas in load order SUP, FIN, CON, RHU, PRD, VDP, LOG, whatever the file order', () => {
    // vdp9000's own area is VDP; the six others register it. Files are added in an order unlike
    // the load order, and their paths sort unlike it too (con < fin < log < prd < rhu < sup).
    const registrations: [string, string, string][] = [
      ['logistica/systemkey_log.4gl', 'LOG', 'WMS'],
      ['adm_producao/systemkey_prd.4gl', 'PRD', 'MANENG'],
      ['relacoes_humanas/systemkey_rhu.4gl', 'RHU', 'RHUFOL'],
      ['controladoria/systemkey_con.4gl', 'CON', 'CONTAB'],
      ['financeiro/systemkey_fin.4gl', 'FIN', 'FINCRE'],
      ['suprimentos/systemkey_sup.4gl', 'SUP', 'ESTOQ'],
    ];
    const catalogJson = { keys: { RHUFOL: { area: 'RHU' }, CONTAB: { area: 'CON' }, FINCRE: { area: 'FIN' } } };
    for (const order of [registrations, [...registrations].reverse()]) {
      const files: Record<string, string> = { 'vendas/vdp9000.4gl': program('vdp9000', '"VDPPED"') };
      for (const [path, area, key] of order) files[path] = systemKey(area, [[key, 'vdp9000']]);
      const { model, catalog } = workspace(files, catalogJson);
      const resolution = resolveProgram('vdp9000', model, catalog);
      assert.equal(keysOf(resolution), 'VDPPED,ESTOQ,FINCRE,CONTAB,RHUFOL,MANENG,WMS');
      assert.deepEqual(resolution.finalKeys.map((entry) => entry.origin.rule === 'R7' ? entry.origin.area : entry.origin.rule),
        ['R5', 'SUP', 'FIN', 'CON', 'RHU', 'PRD', 'LOG']);
      const areaLines = renderDebugLog(explainProgram('vdp9000', model, catalog)).split('\n').filter((line) => / - licenças Área [A-Z]+ =/.test(line));
      assert.deepEqual(areaLines.map((line) => / Área ([A-Z]+) =/.exec(line)![1]), ['SUP', 'FIN', 'CON', 'RHU', 'PRD', 'LOG'], 'debug log in load order (R7)');
    }
  });

  it('the second argument of log001_acessa_usuario is not a key list (R2 reading): not validated, never appended', () => {
    const { model, catalog, diagnostics } = workspace({
      'sup3761.4gl': 'FUNCTION sup3761()\n  CALL log001_acessa_usuario("ESTOQ","LOGERP;LOGLQ2;WMS,VDPPED")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n',
    });
    const resolution = resolveProgram('sup3761', model, catalog);
    assert.deepEqual(resolution.declaredKeys, ['ESTOQ']);
    assert.equal(keysOf(resolution), 'ESTOQ', 'WMS and VDPPED of the second argument are not keys of the program');
    // Only the obsolete-call advice (A2): no LGX001 for LOGERP, LOGLQ2, no LGX014 for the list's form.
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['LGX005']);
  });

  it("SYSTEMKEY files: the area is the name's, in any case, and MAN programs' own file is SYSTEMKEY_PRD (R3 reading)", () => {
    assert.deepEqual(['suprimentos/systemkey_sup.4gl', 'SYSTEMKEY_VDP.4GL', 'x/Systemkey_Prd.4gl', 'systemkey_sup_old.4gl', 'my_systemkey_sup.4gl', 'systemkey_sup.txt'].map(systemKeyArea),
      ['SUP', 'VDP', 'PRD', undefined, undefined, undefined]);
    const { model, catalog } = workspace({
      'man4000.4gl': program('man4000', '"WMS"'),
      'SYSTEMKEY_PRD.4GL': systemKey('PRD', [['MANENG', 'man4000']]),
      'Systemkey_Vdp.4gl': systemKey('VDP', [['VDPPED', 'MAN4000']]),
    });
    const resolution = resolveProgram('man4000', model, catalog);
    assert.equal(keysOf(resolution), 'MANENG,VDPPED', 'PRD is the own area (R4, its list replaces WMS); VDP appends (R7)');
    assert.deepEqual(resolution.steps.map((step) => step.rule), ['R4', 'R7', 'R8']);
  });
});

describe('consumption (R9–R15)', () => {
  it('MAN10021 launched under WMS consumes WMS, slot 5087 (R9)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { menuKey: 'WMS' });
    assert.deepEqual([consumption.key, consumption.slot, consumption.licenseType, consumption.rule], ['WMS', 5087, 'slot', 'R9']);
  });

  it('MAN10021 launched under PADRAO consumes its default key MANENG (R9, A4)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { menuKey: 'PADRAO' });
    assert.equal(consumption.key, 'MANENG');
    assert.equal(consumption.slot, undefined, 'MANENG has no known slot: never invented');
    assert.equal(consumption.menuKeyRejected, true);
  });

  it('no valid key at all: the menu key is consumed (R10)', () => {
    const { model, catalog } = workspace({ 'xyz0001.4gl': program('xyz0001', '"XYZKEY"') }, { complete: true });
    const consumption = consume(resolveProgram('xyz0001', model, catalog), catalog, { menuKey: 'WMS' });
    assert.deepEqual([consumption.key, consumption.slot, consumption.rule], ['WMS', 5087, 'R10']);
  });

  it('menu key ? and no valid key: access blocked (R11)', () => {
    const { model, catalog } = workspace({ 'xyz0001.4gl': program('xyz0001', '"XYZKEY"') }, { invalidKeys: ['XYZKEY'] });
    const consumption = consume(resolveProgram('xyz0001', model, catalog), catalog, { menuKey: '?' });
    assert.equal(consumption.licenseType, 'blocked');
    assert.equal(consumption.rule, 'R11');
  });

  it('a partial catalog keeps an unverified key where a valid one would be: FINCRE under menu key FINCRE consumes FINCRE, one assumption', () => {
    const { model, catalog } = workspace({ 'fin0001.4gl': program('fin0001', '"FINCRE"') });
    const resolution = resolveProgram('fin0001', model, catalog);
    assert.equal(keysOf(resolution), 'FINCRE');
    assert.deepEqual(resolution.assumptions.map((each) => each.key), ['FINCRE']);
    const consumption = consume(resolution, catalog, { menuKey: 'FINCRE' });
    assert.deepEqual([consumption.key, consumption.slot, consumption.licenseType, consumption.rule], ['FINCRE', undefined, 'slot', 'R9']);
    assert.deepEqual(consumption.assumptions.map((each) => each.key), ['FINCRE']);
    const json = explanationToJson(explainProgram('fin0001', model, catalog, { menuKey: 'FINCRE' }));
    assert.deepEqual(json.assumptions.map((each) => each.key), ['FINCRE']);
    assert.match(json.assumptions[0]!.reason, /partial: it is assumed to exist in the installation, slot unknown/);
    // The same with a complete catalog: FINCRE is invalid, dropped (R5); the menu key is consumed (R10).
    const complete = workspace({ 'fin0001.4gl': program('fin0001', '"FINCRE"') }, { complete: true });
    const strict = consume(resolveProgram('fin0001', complete.model, complete.catalog), complete.catalog, { menuKey: 'FINCRE' });
    assert.deepEqual([strict.licenseType, strict.rule], ['blocked', 'R10']);
  });

  it('a program that calls neither LOG_initApp nor log001_acessa_usuario consumes nothing (R1)', () => {
    const { model, catalog } = workspace({ 'sup0530.4gl': 'FUNCTION sup0530()\n  DISPLAY "x"\nEND FUNCTION\n' }, { menu: { sup0530: 'ESTOQ' } });
    const consumption = consume(resolveProgram('sup0530', model, catalog), catalog);
    assert.deepEqual([consumption.licenseType, consumption.rule], ['none', 'R1']);
    assert.match(consumption.reason, /never asks for a license/);
    assert.equal(explanationToJson(explainProgram('sup0530', model, catalog)).consumed.licenseType, 'none');
  });

  it('a program called by another consumes nothing new; the license in use may switch to what it would consume (R14)', () => {
    const { model, catalog } = man10021Workspace({ menu: { man10021: 'WMS' } });
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { context: 'called' });
    assert.deepEqual([consumption.licenseType, consumption.rule, consumption.key], ['none', 'R14', 'WMS']);
    assert.match(consumption.reason, /nothing new is consumed; the license in use may switch to WMS \(slot 5087\)/);
    assert.match(renderDebugLog(explainProgram('man10021', model, catalog, { context: 'called' })), /^# Chamado por outro programa: nada novo é consumido; a licença em uso pode trocar para WMS \(R14\)$/m);
  });

  it('where a slot is consumed, the "Licenças excedidas" checklist for that slot (A5, A6) and the abono note; none when nothing is consumed', () => {
    const { model, catalog } = man10021Workspace();
    const text = renderExplanationText(explainProgram('man10021', model, catalog, { menuKey: 'WMS' }), catalog);
    assert.match(text, /If users see "Licenças excedidas":\n  - Monitor de Licenças of the License Server, tab Uso de Licenças: for slot 5087 \(WMS\), is Em Uso equal to Total\?/);
    assert.match(text, /TopConnect: Excedeu Licenças" is about DBAccess \(TOTVS TEC\) licenses instead: counted per user, or per core as processors × cores per processor, Hyper-Threading not counted \(A5, A6\)/);
    assert.match(text, /\(abono\) is decided by the License Server and the contract/);
    const markdown = renderExplanationMarkdown(explainProgram('man10021', model, catalog, { menuKey: 'WMS' }), catalog);
    assert.match(markdown, /## If users see "Licenças excedidas"/);
    const free = workspace({ 'log00083.4gl': program('log00083', '"PADRAO"') });
    assert.doesNotMatch(renderExplanationText(explainProgram('log00083', free.model, free.catalog), free.catalog), /Licenças excedidas/);
  });

  it('menu key ? with a valid key of its own consumes the default key (R11)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { menuKey: '?' });
    assert.deepEqual([consumption.key, consumption.licenseType, consumption.rule], ['MANENG', 'slot', 'R11']);
  });

  it('free programs by Logix version (R12)', () => {
    const files = { 'log00119.4gl': program('log00119', '"PADRAO"'), 'log00083.4gl': program('log00083', '"PADRAO"') };
    const old = workspace(files, { logixVersion: '12.1.2209' });
    const recent = workspace(files, { logixVersion: '12.1.2301' });
    assert.equal(consume(resolveProgram('log00119', old.model, old.catalog), old.catalog).licenseType, 'slot');
    assert.equal(consume(resolveProgram('log00119', recent.model, recent.catalog), recent.catalog).licenseType, 'none');
    const always = consume(resolveProgram('log00083', old.model, old.catalog), old.catalog);
    assert.deepEqual([always.licenseType, always.rule], ['none', 'R12']);
  });

  it('the data collector always consumes license type T (R13)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { context: 'collector', menuKey: 'WMS' });
    assert.deepEqual([consumption.licenseType, consumption.rule], ['T', 'R13']);
  });

  it('REST, SOAP and web portals consume type I from 12.1.29 (R13)', () => {
    const typeIn = (logixVersion: string | undefined, context: 'rest' | 'soap' | 'web') => {
      const { model, catalog } = man10021Workspace(logixVersion ? { logixVersion } : undefined);
      return consume(resolveProgram('man10021', model, catalog), catalog, { context });
    };
    for (const context of ['rest', 'soap', 'web'] as const) {
      // "From 12.1.29" includes 12.1.29 itself; 12.1.2209 is later (R12 comparison), no version is the newest.
      for (const version of ['12.1.29', '12.1.2209', '12.1.2301', undefined]) {
        const consumption = typeIn(version, context);
        assert.deepEqual([consumption.licenseType, consumption.key, consumption.rule], ['I', 'MANENG', 'R13'], `${context} on ${version}`);
      }
      // Before 12.1.29 (the engine's reading: nothing is consumed; the rule only says "from 12.1.29").
      for (const version of ['12.1.28', '12.1.27']) {
        const consumption = typeIn(version, context);
        assert.equal(consumption.licenseType, 'none', `${context} on ${version}`);
        assert.match(consumption.reason, /applies from 12\.1\.29/);
      }
    }
  });

  it('EAI messages consume nothing (R13)', () => {
    const { model, catalog } = man10021Workspace();
    for (const context of ['eai-in', 'eai-out'] as const) {
      assert.equal(consume(resolveProgram('man10021', model, catalog), catalog, { context }).licenseType, 'none');
    }
  });

  it('the scheduler starts with PADRAO and switches to the task program key (R13)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { context: 'scheduler' });
    assert.deepEqual(consumption.steps[0]!.keys, ['PADRAO']);
    assert.equal(consumption.key, 'MANENG');
    const orchestrator = workspace({ 'job0001.4gl': program('job0001', '"PADRAO"') });
    assert.equal(consume(resolveProgram('job0001', orchestrator.model, orchestrator.catalog), orchestrator.catalog, { context: 'scheduler' }).licenseType, 'none');
  });

  it('dev test sends every consumption to slot 4007 (R15)', () => {
    const { model, catalog } = man10021Workspace();
    const consumption = consume(resolveProgram('man10021', model, catalog), catalog, { menuKey: 'WMS', devTest: true });
    assert.deepEqual([consumption.key, consumption.slot, consumption.rule], ['WMS', 4007, 'R15']);
    const fromCatalog = man10021Workspace({ devTest: true });
    assert.equal(consume(resolveProgram('man10021', fromCatalog.model, fromCatalog.catalog), fromCatalog.catalog).slot, 4007);
  });

  it('the configured menu key of logix-license.json is used when none is given', () => {
    const { model, catalog } = man10021Workspace({ menu: { man10021: 'WMS' } });
    assert.equal(consume(resolveProgram('man10021', model, catalog), catalog).slot, 5087);
  });
});

describe('explanation renderings', () => {
  it('renders the AppServer debug log for MAN10021 under WMS', () => {
    const { model, catalog } = man10021Workspace();
    const log = renderDebugLog(explainProgram('man10021', model, catalog, { menuKey: 'WMS' }));
    assert.equal(log, [
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças SUP',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças FIN',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças CON',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças RHU',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças PRD',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças VDP',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças LOG',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Licenças carregadas',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área padrão PRD =',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças da aplicação = MANENG,SUPPLA,VDPPED',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área SUP = ESTOQ,SUPCON',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área VDP = VDPPED',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área LOG = WMS',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças FINAL = MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS',
      '[LOGIX] [LICENSE] [LICENSE] INICIO - Checando consumo de licença...',
      '[LOGIX] [LICENSE] [GETMENUKEY] Licença menu = WMS',
      '[LOGIX] [LICENSE] [LICENSE] Obtendo licença Cloud (5087) STATUS = 0',
      '[LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso 5087',
      '',
    ].join('\n'));
  });

  it('JSON explanation has the documented shape, with file and line of each step', () => {
    const { model, catalog } = man10021Workspace();
    const json = explanationToJson(explainProgram('man10021', model, catalog, { menuKey: 'WMS' }));
    assert.equal(json.program, 'man10021');
    assert.equal(json.area, 'PRD');
    assert.equal(json.defaultKey, 'MANENG');
    const { reason, ...consumed } = json.consumed;
    assert.deepEqual(consumed, { key: 'WMS', slot: 5087, licenseType: 'slot', rule: 'R9' });
    assert.match(reason, /^the menu key WMS is in the final list: its slot is consumed$/);
    assert.deepEqual(json.finalKeys, ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS']);
    assert.deepEqual(json.steps.map((step) => step.rule), ['R5', 'R7', 'R7', 'R7', 'R8', 'R9']);
    const sup = json.steps.find((step) => step.text.startsWith('SYSTEMKEY_SUP'))!;
    assert.deepEqual([sup.rule, sup.file, sup.line], ['R7', 'SYSTEMKEY_SUP.4gl', 2]);
  });
});
