/**
 * The license map's and the report comparison's words in pt-BR (the editor's *Logix Licenses*
 * view, `report` and `diff` in text and Markdown): said in the language chosen when they are made,
 * the same English as before otherwise.
 */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { useLanguage } from '../../server/src/l10n/messages.js';
import { explainProgram, renderExplanationMarkdown, renderExplanationText } from '../../server/src/license/explain.js';
import { buildReport, describeHolding, describeProgramConsumption, slotText } from '../../server/src/license/report.js';
import { describeDetail, describeState, diffReports } from '../../server/src/license/report-diff.js';
import { resolveProgram } from '../../server/src/license/resolve.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

function reportOf(files: Record<string, string>, catalogJson?: object) {
  const { model, catalog } = workspace(files, catalogJson);
  return buildReport([{ root: '', catalog, model, resolutionOf: (name, file) => resolveProgram(name, model, catalog, file) }]);
}

const files = (keys: string) => ({
  'man0001.4gl': program('man0001', keys),
  'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man0001']]),
});

/** What the map and a comparison say of man0001, made in `language`. */
function said(language: 'en' | 'pt-br') {
  useLanguage(language);
  const report = reportOf(files('"MANENG,VDPPED"'), { menu: { man0001: 'VDPPED' }, keys: { VDPPED: { slot: null } } });
  const [environment] = report.environments;
  const diff = diffReports(report, reportOf(files('"MANENG"'), { menu: { man0001: 'VDPPED' } }));
  const added = diffReports(reportOf({}), reportOf({ 'sup0001.4gl': program('sup0001', '"SUPRIMEN"') }));
  return {
    holdings: environment!.keys.find((key) => key.key === 'VDPPED')!.programs.map(describeHolding),
    consumed: describeProgramConsumption(environment!.programs[0]!),
    slots: [slotText(undefined), slotText(null), slotText(5087)],
    details: diff.changes[0]!.details.map(describeDetail),
    state: describeState(added.changes[0]!.after!),
  };
}

describe('the license map and the report comparison in pt-BR', () => {
  afterEach(() => useLanguage('en'));

  it('says how a key is held, what is consumed, the slots and the changes in Portuguese', () => {
    const pt = said('pt-br');
    assert.deepEqual(pt.holdings, ['declarada (R5)', 'SYSTEMKEY_VDP (R7)']);
    assert.equal(pt.consumed, 'VDPPED (slot não preenchido), R9');
    assert.deepEqual(pt.slots, ['desconhecido', 'não preenchido', '5087']);
    assert.deepEqual(pt.details, [
      'lista final: MANENG,VDPPED,VDPPED → MANENG,VDPPED',
      'VDPPED retirada da posição #2, declarada (R5), man0001.4gl:2',
    ]);
    // SUPRIMEN is invalid: the area default takes its place (R6).
    assert.equal(pt.state, 'ESTOQ · padrão ESTOQ (slot desconhecido) · chave do menu (nenhuma configurada) → ESTOQ (slot desconhecido)');
  });

  it('says the same English as before in English', () => {
    const en = said('en');
    assert.deepEqual(en.holdings, ['declared (R5)', 'SYSTEMKEY_VDP (R7)']);
    assert.equal(en.consumed, 'VDPPED (slot not filled in), R9');
    assert.deepEqual(en.slots, ['unknown', 'not filled in', '5087']);
    assert.deepEqual(en.details, ['final list: MANENG,VDPPED,VDPPED → MANENG,VDPPED', 'VDPPED removed from #2, declared (R5), man0001.4gl:2']);
    assert.equal(en.state, 'ESTOQ · default ESTOQ (slot unknown) · menu key (none configured) → ESTOQ (slot unknown)');
  });

  it('explains in Portuguese in text and Markdown, the program and key names as written', () => {
    useLanguage('pt-br');
    const { model, catalog } = workspace(files('"MANENG,VDPPED"'));
    const explanation = explainProgram('man0001', model, catalog, { menuKey: 'VDPPED' });
    const text = renderExplanationText(explanation, catalog);
    assert.match(text, /^Programa man0001 \(man0001\.4gl\)\n {2}área: PRD, chave padrão da área MANENG\n {2}declaradas: MANENG,VDPPED\n/);
    assert.match(text, /^Lista final de chaves:\n {3}1\. MANENG /m);
    assert.match(text, /^Consumo \(menu, chave do menu VDPPED\):$/m);
    const markdown = renderExplanationMarkdown(explanation, catalog);
    assert.match(markdown, /^# Licença de man0001\n\n- Fonte: `man0001\.4gl`\n- Área: PRD, chave padrão `MANENG`\n- Declaradas: `MANENG,VDPPED`\n- Contexto de execução: menu, chave do menu `VDPPED`\n/);
    assert.match(markdown, /^\| 3 \| `VDPPED` \| desconhecido \| SYSTEMKEY_VDP \(R7\) \|$/m);
  });
});
