/**
 * The engine's words in the user's language: diagnostics (LGX001 with its suggestion, the LGX016
 * summary of a syntax problem with its count, the cap on one code per file), the steps and reasons
 * of the rules and the exceeded-licenses checklist, said in pt-BR when the process speaks it, and
 * in English, unchanged, otherwise. The facts are data: the same facts are worded either way.
 */
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { useLanguage } from '../../server/src/l10n/messages.js';
import type { LicenseDiagnostic } from '../../server/src/license/diagnostics.js';
import { exceededChecklistLine } from '../../server/src/license/exceeded-checklist.js';
import { consume, resolveProgram } from '../../server/src/license/resolve.js';
import { program, workspace } from '../helpers/workspace.js';

const files = {
  // SUPRIMEN is invalid (R5), and near SUPREC; WMS, the menu key, is not in the final list (R9).
  'sup3760.4gl': program('sup3760', '"SUPRIMEN,ESTOQ"'),
  // Two units without their END: one LGX016 that counts them.
  'broken.4gl': 'FUNCTION a()\n  RETURN\nFUNCTION b()\nEND FUNCTION\nFUNCTION c()\n',
  // 102 invalid keys in one list: 100 LGX001, then one that says how many more.
  'vdp1000.4gl': program('vdp1000', `"${Array.from({ length: 102 }, () => 'ZZZ1').join(',')}"`),
};

/** Everything this test reads, worded in the language the process speaks now. */
function said() {
  const ws = workspace(files, { complete: true, menu: { sup3760: 'WMS' } });
  const of = (file: string, code: string): LicenseDiagnostic[] => ws.diagnostics.filter((each) => each.file === file && each.code === code);
  const resolution = resolveProgram('sup3760', ws.model, ws.catalog);
  const consumption = consume(resolution, ws.catalog);
  return {
    invalidKey: of('sup3760.4gl', 'LGX001')[0]!.message,
    syntax: of('broken.4gl', 'LGX016').map((each) => each.message),
    cap: of('vdp1000.4gl', 'LGX001').at(-1)!.message,
    steps: resolution.steps.map((step) => `${step.rule} ${step.text}`),
    reason: consumption.reason,
    checklist: exceededChecklistLine(consumption)!,
  };
}

describe('the engine in pt-BR', () => {
  after(() => useLanguage('en'));

  it('says diagnostics, steps and reasons in Portuguese, keeping codes, rules and names', () => {
    useLanguage('pt-br');
    try {
      const pt = said();
      assert.match(pt.invalidKey, /^a chave SUPRIMEN está listada como inválida \(.+\): na execução, ela é retirada da lista \(R5\); você quis dizer SUPREC(, [A-Z]+)*\?$/);
      assert.deepEqual(pt.syntax, ['2 unidades sem o seu END neste arquivo; a primeira está aqui: falta END FUNCTION para a antes deste FUNCTION']);
      assert.equal(pt.cap, 'mais 2 LGX001 neste arquivo daqui em diante, não listados um a um (os 100 primeiros estão listados)');
      assert.deepEqual(pt.steps.slice(0, 1), ['R5 LOG_initApp declara SUPRIMEN,ESTOQ; fora do catálogo, retiradas: SUPRIMEN']);
      assert.ok(pt.steps.includes('R8 lista final ESTOQ; chave padrão ESTOQ'), pt.steps.join('\n'));
      assert.equal(pt.reason, 'a chave do menu WMS não está na lista final: é consumida a chave padrão ESTOQ e o AppServer registra um aviso no log (A4)');
      assert.match(pt.checklist, /^\*Licenças excedidas\?\* Monitor de Licenças → \*Uso de Licenças\*: (slot \d+|o slot dele), \*Em Uso\* vs \*Total\*; TOTVS Application Monitor para ver quem está usando as licenças;.* O abono entre abas é decidido pelo License Server e pelo contrato\.$/);
    } finally {
      useLanguage('en');
    }
  });

  it('says the same in English, word for word as before, once English is spoken again', () => {
    useLanguage('pt-br');
    useLanguage('en');
    const en = said();
    assert.match(en.invalidKey, /^key SUPRIMEN is listed as invalid \(.+\): the runtime drops it from the list \(R5\); did you mean SUPREC(, [A-Z]+)*\?$/);
    assert.deepEqual(en.syntax, ['2 units without their END in this file; the first here: missing END FUNCTION for a before this FUNCTION']);
    assert.equal(en.cap, '2 more LGX001 in this file from here on, not listed one by one (the first 100 are)');
    assert.deepEqual(en.steps.slice(0, 1), ['R5 LOG_initApp declares SUPRIMEN,ESTOQ; not in the catalog, dropped: SUPRIMEN']);
    assert.ok(en.steps.includes('R8 final list ESTOQ; default key ESTOQ'), en.steps.join('\n'));
    assert.equal(en.reason, 'the menu key WMS is not in the final list: the default key ESTOQ is consumed and the AppServer logs a warning (A4)');
    assert.match(en.checklist, /^\*Licenças excedidas\?\* Monitor de Licenças → \*Uso de Licenças\*: (slot \d+|its slot), \*Em Uso\* vs \*Total\*; TOTVS Application Monitor for who holds it;/);
  });
});
