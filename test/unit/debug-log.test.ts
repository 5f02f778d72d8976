/**
 * The simulated AppServer debug log (`explain --format log`): the lines TOTVS' documentation shows
 * are written as the AppServer writes them (thread ids, times and run-specific details left out);
 * every other line is the product's, in Portuguese, starting with `#`.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainProgram, renderDebugLog } from '../../server/src/license/explain.js';
import type { ConsumeOptions } from '../../server/src/license/resolve.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

const ws = workspace({
  'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
  'sup3760.4gl': 'FUNCTION sup3760()\n  CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")\n    RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n',
  'xyz0001.4gl': program('xyz0001', '"NOKEY"'),
  'log00083.4gl': program('log00083', '"PADRAO"'),
  'SYSTEMKEY_SUP.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
  'SYSTEMKEY_VDP.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
  'SYSTEMKEY_LOG.4gl': systemKey('LOG', [['WMS', 'man10021']]),
}, { logixVersion: '12.1.2301', invalidKeys: ['NOKEY'] });

const log = (name: string, options: ConsumeOptions = {}) => renderDebugLog(explainProgram(name, ws.model, ws.catalog, options));
const ours = (text: string) => text.split('\n').filter((line) => line.startsWith('#'));

/** The shapes of the documentation's lines, with `[Thread N] ` and the times removed. */
const APPSERVER_LINES = [
  /^\[LOGIX\] \[LICENSE\] \[SYSTEMKEY\] Carregando licenças (SUP|FIN|CON|RHU|PRD|VDP|LOG)$/,
  /^\[LOGIX\] \[LICENSE\] \[SYSTEMKEY\] Licenças carregadas$/,
  /^\[LOGIX\] \[LICENSE\] \[SYSTEMKEY\] Aplicação [A-Z0-9]+ - licenças (Área padrão [A-Z?]+|da aplicação|Área [A-Z]+|FINAL) =( [A-Z0-9,]+)?$/,
  /^\[LOGIX\] \[LICENSE\] \[LICENSE\] INICIO - Checando consumo de licença\.\.\.$/,
  /^\[LOGIX\] \[LICENSE\] \[GETMENUKEY\] Licença menu = ([A-Z0-9]+|\?)$/,
  /^\[LOGIX\] \[LICENSE\] \[LICENSE\] Obtendo licença Cloud \(\d+\) STATUS = 0$/,
  /^\[LOGIX\] \[LICENSE\] \[LICENSESETACTUALSLOT\] Slot atual em uso \d+$/,
];

describe('the simulated AppServer debug log', () => {
  it('writes only the documentation\'s lines, and lines of its own starting with #, whatever the case', () => {
    const cases: [string, ConsumeOptions][] = [
      ['man10021', { menuKey: 'WMS' }], ['man10021', { menuKey: 'PADRAO' }], ['man10021', { menuKey: '?' }], ['man10021', {}],
      ['man10021', { menuKey: 'WMS', devTest: true }], ['sup3760', { menuKey: 'ESTOQ' }], ['xyz0001', { menuKey: '?' }],
      ['xyz0001', { menuKey: 'WMS' }], ['xyz0001', {}], ['log00083', { menuKey: 'WMS' }],
      ...(['collector', 'web', 'rest', 'soap', 'scheduler', 'eai-in', 'eai-out'] as const).map((context): [string, ConsumeOptions] => ['man10021', { context, menuKey: 'WMS' }]),
    ];
    for (const [name, options] of cases) {
      const text = log(name, options);
      assert.ok(text.endsWith('\n'));
      for (const line of text.slice(0, -1).split('\n')) {
        assert.ok(line.startsWith('# ') || APPSERVER_LINES.some((shape) => shape.test(line)), `${name} ${JSON.stringify(options)}: ${line}`);
      }
    }
  });

  it('marks an unknown slot as the product\'s and writes no slot the AppServer would', () => {
    const text = log('sup3760', { menuKey: 'ESTOQ' });
    assert.match(text, /licenças FINAL = ESTOQ\n\[LOGIX\] \[LICENSE\] \[LICENSE\] INICIO - Checando consumo de licença\.\.\.\n\[LOGIX\] \[LICENSE\] \[GETMENUKEY\] Licença menu = ESTOQ\n/);
    assert.deepEqual(ours(text), ['# Chave consumida ESTOQ: slot desconhecido — acrescente-o ao catálogo (logix-license.json)']);
    assert.doesNotMatch(text, /Obtendo licença|Slot atual em uso/);
  });

  it('writes a rejected menu key as the product\'s note, then the default key\'s slot line only if known', () => {
    const text = log('man10021', { menuKey: 'PADRAO' });
    assert.deepEqual(ours(text), [
      '# Aviso do AppServer (texto não documentado): a chave de sistema PADRAO do menu não é válida para a aplicação MAN10021; é consumida a chave padrão MANENG (R9, A4)',
      '# Chave consumida MANENG: slot desconhecido — acrescente-o ao catálogo (logix-license.json)',
    ]);
  });

  it('writes a free program, a context, dev test and blocked access as the product\'s lines', () => {
    assert.deepEqual(ours(log('log00083', { menuKey: 'WMS' })), ['# Programa livre: LOG00083 não consome licença (R12)']);
    const collector = log('man10021', { context: 'collector', menuKey: 'WMS' });
    assert.equal(collector.split('\n')[0], '# Contexto: coletor de dados (menu MEN3002, telnet) (R13)');
    // The collector's menu MEN3002 follows the standard menu's rules: WMS, in the final list, is the key (R9), consumed as type T.
    assert.equal(ours(collector)[1], '# Coletor de dados: a chave é escolhida como no menu (R9–R11); consumo de licença tipo T (chave do programa WMS) (R13)');
    assert.deepEqual(ours(log('man10021', { context: 'eai-in' })), ['# Contexto: mensagem EAI recebida (R13)', '# Mensagem EAI recebida: isenta de consumo de licença (R13)']);
    const devTest = log('man10021', { menuKey: 'WMS', devTest: true });
    assert.deepEqual(ours(devTest), ['# Ambiente de teste (logix.license.LSDevTest = 1): o consumo de WMS vai para o slot 4007 (TOTVS Dev Test) (R15)']);
    assert.match(devTest, /Obtendo licença Cloud \(4007\) STATUS = 0\n.*Slot atual em uso 4007\n$/);
    assert.deepEqual(ours(log('xyz0001', { menuKey: '?' })), [
      '# Acesso bloqueado: a chave do menu ? não sugere chave e XYZ0001 não tem chave válida própria — "chave de sistema não detectada no controle de licenças" (R11)',
    ]);
  });
});
