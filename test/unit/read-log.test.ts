/**
 * The reader of the AppServer debug log: the MAN10021 run as TOTVS' documentation prints it
 * (copied verbatim, non-breaking spaces and the `Licenþa` damage included), a Windows-1252 console
 * log with two threads interleaved, and text damaged by wrong code pages.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeLog } from '../../server/src/applog/decode-log.js';
import { consumedKeyOf, readDebugLog } from '../../server/src/applog/read-log.js';
import { DOCUMENTED } from '../helpers/appserver-log.js';


const MAN10021_FINAL = ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS'];

describe('reading the AppServer debug log', () => {
  it('reads the documentation\'s MAN10021 run: lists, FINAL, menu key, slot, consumed key', () => {
    const { runs } = readDebugLog(DOCUMENTED.join('\n'));
    assert.equal(runs.length, 1);
    const run = runs[0]!;
    assert.deepEqual({ ...run, lists: undefined }, {
      program: 'man10021', thread: '13576', line: 11, endLine: 27, lists: undefined,
      finalKeys: MAN10021_FINAL, menuKey: 'WMS', slot: 5087, slotEvidence: 'slot-in-use', consumedKey: 'WMS',
    });
    assert.deepEqual(run.lists, [
      { kind: 'own-area', area: 'PRD', keys: [], line: 11 },
      { kind: 'declared', keys: ['MANENG', 'SUPPLA', 'VDPPED'], line: 12 },
      { kind: 'other-area', area: 'SUP', keys: ['ESTOQ', 'SUPCON'], line: 13 },
      { kind: 'other-area', area: 'VDP', keys: ['VDPPED'], line: 14 },
      { kind: 'other-area', area: 'LOG', keys: ['WMS'], line: 15 },
    ]);
  });

  it('takes the slot from the strongest line present: Slot atual em uso, Obtendo licença Cloud, slotId, moduleId', () => {
    const without = (...needles: string[]) => DOCUMENTED.filter((line) => !needles.some((needle) => line.includes(needle))).join('\n');
    const withSlot = (text: string, slot: string) => text.replaceAll('5087', slot);
    // Each stronger line carries another number, so the one read is known.
    const text = DOCUMENTED.map((line) => line.includes('Slot atual') ? withSlot(line, '1') : line.includes('Obtendo') ? withSlot(line, '2') : line.includes('(Retorno)') ? withSlot(line, '3') : line.includes('getLicense') ? withSlot(line, '4') : line);
    const slotOf = (log: string) => { const run = readDebugLog(log).runs[0]!; return [run.slot, run.slotEvidence]; };
    assert.deepEqual(slotOf(text.join('\n')), [1, 'slot-in-use']);
    assert.deepEqual(slotOf(without('Slot atual')), [5087, 'cloud']);
    assert.deepEqual(slotOf(without('Slot atual', 'Obtendo')), [5087, 'slot-id']);
    assert.deepEqual(slotOf(without('Slot atual', 'Obtendo', '(Retorno) :\u00a0 {"method":"getLicense"')), [5087, 'module-id']);
    assert.deepEqual(slotOf(without('Slot atual', 'Obtendo', 'Consumo de')), [undefined, undefined]);
  });

  it('separates two threads interleaved in a Windows-1252 console log with CRLF, times and other subsystems', () => {
    const lines = [
      '[Thread 7] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças SUP 09:00:01',
      '[Thread 7] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação SUP3760 - licenças Área padrão SUP = 09:00:01',
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área padrão PRD =',
      '[Thread 7] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação SUP3760 - licenças da aplicação = SUPRIMEN 09:00:01',
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças da aplicação = MANENG,SUPPLA,VDPPED',
      '[Thread 3] [DBACCESS] Conexão estabelecida com o banco 09:00:02',
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área LOG = WMS',
      '[Thread 7] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação SUP3760 - licenças FINAL = ESTOQ 09:00:02',
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças FINAL = MANENG,SUPPLA,VDPPED,WMS 09:00:02',
      '[Thread 9] [LOGIX] [LICENSE] [GETMENUKEY] Licença menu = PADRAO',
      '[Thread 7] [LOGIX] [LICENSE] [GETMENUKEY] Licença menu = ?',
      '[Thread 7] [LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso 7001 09:00:03',
      '[Thread 9] [LOGIX] [LICENSE] [LICENSE][THREADID 9] Obtendo licença Cloud (7002) STATUS = 0  (ThreadID 1 User x Programa: man10021)',
      // Thread 9 starts another run before any slot line: the first ends there.
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação VDP9110 - licenças Área padrão VDP =',
      '[Thread 9] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação VDP9110 - licenças FINAL = VDPPED',
      // After thread 7's run has ended, its lines belong to no run.
      '[Thread 7] [LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso 9999',
    ];
    // Windows-1252: ç, ã, Á are single bytes there (as in Latin-1), invalid as UTF-8.
    const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
    const { text, encoding } = decodeLog(bytes);
    assert.equal(encoding, 'windows-1252');
    const summary = readDebugLog(text).runs.map((run) => [run.program, run.thread, run.line, run.finalKeys?.join(','), run.menuKey, run.slot, run.consumedKey]);
    assert.deepEqual(summary, [
      ['sup3760', '7', 2, 'ESTOQ', '?', 7001, 'ESTOQ'],
      ['man10021', '9', 3, 'MANENG,SUPPLA,VDPPED,WMS', 'PADRAO', 7002, 'MANENG'],
      ['vdp9110', '9', 14, 'VDPPED', undefined, undefined, 'VDPPED'],
    ]);
    const sup3760 = readDebugLog(text).runs[0]!;
    assert.deepEqual(sup3760.lists.map((list) => [list.kind, list.area, list.keys.join(',')]), [['own-area', 'SUP', ''], ['declared', undefined, 'SUPRIMEN']],
      'a time after an empty list is not a key');
  });

  it('reads text damaged by wrong code pages, question marks, dropped accents and no thread prefix', () => {
    const forms: Record<string, (word: string) => string> = {
      // UTF-8 read as Windows-1252.
      'UTF-8 as Windows-1252': (word) => Buffer.from(word, 'utf8').toString('latin1').replace(/\u0081/g, ''),
      // Windows-1252 shown in code page 850 (the documentation's Licenþa).
      'Windows-1252 as code page 850': (word) => word.replace(/ç/g, 'þ').replace(/ã/g, 'ò').replace(/Á/g, '┴').replace(/é/g, 'Ú'),
      'question marks': (word) => word.replace(/[çãÁé]/g, '?'),
      'replacement characters': (word) => word.replace(/[çãÁé]/g, '\uFFFD'),
      'accents dropped': (word) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    };
    for (const [name, damage] of Object.entries(forms)) {
      const log = [
        '[LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças SUP',
        '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área padrão PRD =',
        '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças da aplicação = MANENG,SUPPLA,VDPPED',
        '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área SUP = ESTOQ,SUPCON',
        '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças FINAL = MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,WMS',
        '[LOGIX] [LICENSE] Licença não é corporativa.',
        '[LOGIX] [LICENSE] [GETMENUKEY] Licença menu = WMS',
        '[LOGIX] [LICENSE] [LICENSE] Obtendo licença Cloud (5087) STATUS = 0',
      ].map(damage).join('\r\n');
      assert.notEqual(log.includes('licença'), true, `${name}: the text is damaged`);
      const { runs } = readDebugLog(log);
      assert.equal(runs.length, 1, name);
      const run = runs[0]!;
      assert.equal(run.thread, undefined, name);
      assert.deepEqual(run.lists.map((list) => `${list.kind} ${list.area ?? '-'} ${list.keys.join(',')}`),
        ['own-area PRD ', 'declared - MANENG,SUPPLA,VDPPED', 'other-area SUP ESTOQ,SUPCON'], name);
      assert.deepEqual([run.finalKeys?.join(','), run.menuKey, run.slot, run.consumedKey], ['MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,WMS', 'WMS', 5087, 'WMS'], name);
    }
  });

  it('skips the product\'s own lines, starting with #', () => {
    const { runs } = readDebugLog([
      '# Contexto: menu',
      '[LOGIX] [LICENSE] [SYSTEMKEY] Aplicação XYZ0001 - licenças FINAL =',
      '[LOGIX] [LICENSE] [GETMENUKEY] Licença menu = ?',
      '# Slot atual em uso 1234 (not the AppServer\'s)',
    ].join('\n'));
    assert.deepEqual(runs.map((run) => [run.program, run.finalKeys, run.menuKey, run.slot, run.consumedKey]), [['xyz0001', [], '?', undefined, undefined]]);
  });

  it('decodes UTF-8, UTF-16 with a byte-order mark, and Windows-1252', () => {
    const text = 'Aplicação MAN10021 - licenças FINAL = WMS\n';
    assert.deepEqual(decodeLog(Buffer.from(text, 'utf8')), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeLog(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeLog(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { text, encoding: 'utf-16le' });
    assert.deepEqual(decodeLog(Buffer.from(`${text}€`, 'latin1').map((byte, index, all) => (index === all.length - 1 ? 0x80 : byte))), { text: `${text}€`, encoding: 'windows-1252' });
  });

  it('consumes by R9: the menu key when in FINAL, else FINAL\'s first key; an empty FINAL: the menu key but ?', () => {
    assert.equal(consumedKeyOf(['MANENG', 'WMS'], 'WMS'), 'WMS');
    assert.equal(consumedKeyOf(['MANENG', 'WMS'], 'PADRAO'), 'MANENG');
    assert.equal(consumedKeyOf(['MANENG', 'WMS'], undefined), 'MANENG');
    assert.equal(consumedKeyOf([], 'WMS'), 'WMS');
    assert.equal(consumedKeyOf([], '?'), undefined);
  });
});
