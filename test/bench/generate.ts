/**
 * A synthetic Logix workspace of realistic shape, deterministic for a seed: programs of 50 to
 * 30,000 lines with banner comments, GLOBALS, DEFINE … RECORD blocks, `{ }` comments, strings
 * with `#` and `{`, SQL, `_ADVPL_` calls, reports, Windows-1252 accents, CRLF in a third of the
 * files, a LOG_initApp near the top, and the seven SYSTEMKEY files registering a tenth of the
 * programs. Written for the benchmark and for the fast-path/sequential equivalence test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../helpers/random.js';

const AREAS = [
  { area: 'PRD', folder: 'adm_producao', prefix: 'man', keys: ['MANENG', 'MANPCP'] },
  { area: 'CON', folder: 'controladoria', prefix: 'con', keys: ['CONTAB'] },
  { area: 'FIN', folder: 'financeiro', prefix: 'fin', keys: ['FINCRE', 'FINPAG'] },
  { area: 'LOG', folder: 'logistica', prefix: 'wms', keys: ['WMS'] },
  { area: 'RHU', folder: 'relacoes_humanas', prefix: 'rhu', keys: ['RHUFOL'] },
  { area: 'SUP', folder: 'suprimentos', prefix: 'sup', keys: ['ESTOQ', 'SUPREC', 'SUPPLA', 'SUPCON'] },
  { area: 'VDP', folder: 'vendas', prefix: 'vdp', keys: ['VDPPED', 'VDPLOG', 'VDPCON'] },
] as const;

export interface GeneratedWorkspace {
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
  /** The path (relative) of the largest program. */
  readonly largest: string;
}

/**
 * Writes `count` programs (plus the seven SYSTEMKEY files and a catalog) under `root`. Program
 * sizes follow a skewed distribution averaging about 1,100 lines (~47 KB), so 2,000 files make
 * about 90 MB; one program of each workspace has exactly 30,000 lines.
 */
export function generateWorkspace(root: string, count: number, seed = 1): GeneratedWorkspace {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const registrations = new Map<string, Map<string, string[]>>();
  let bytes = 0;
  let largest = '';
  for (let index = 0; index < count; index++) {
    const area = AREAS[index % AREAS.length]!;
    const name = `${area.prefix}${String(10000 + index)}`;
    const lines = index === 0 ? 30000 : Math.round(50 + 5200 * Math.pow(next(), 4.2));
    const keys = [...new Set([area.keys[0], ...(next() < 0.4 ? [pick(area.keys)] : []), ...(next() < 0.2 ? [pick(pick(AREAS).keys)] : [])])];
    const text = programText(name, keys.join(','), lines, next);
    const file = `${area.folder}/${name}.4gl`;
    const encoded = encode(index % 3 === 0 ? text.replace(/\n/g, '\r\n') : text);
    mkdirSync(join(root, area.folder), { recursive: true });
    writeFileSync(join(root, file), encoded);
    bytes += encoded.length;
    if (index === 0) largest = file;
    if (next() < 0.1) {
      const registering = next() < 0.5 ? area : pick(AREAS);
      const key = pick(registering.keys);
      const byKey = registrations.get(registering.area) ?? new Map<string, string[]>();
      byKey.set(key, [...(byKey.get(key) ?? []), name]);
      registrations.set(registering.area, byKey);
    }
  }
  for (const area of AREAS) {
    const text = systemKeyText(area.area, registrations.get(area.area) ?? new Map());
    const encoded = encode(text);
    writeFileSync(join(root, area.folder, `systemkey_${area.area.toLowerCase()}.4gl`), encoded);
    bytes += encoded.length;
  }
  const catalog = {
    logixVersion: '12.1.2301',
    keys: Object.fromEntries(AREAS.flatMap((area, areaIndex) => area.keys.map((key, keyIndex) => [key, { slot: 9000 + areaIndex * 10 + keyIndex, area: area.area }]))),
    areas: Object.fromEntries(AREAS.map((area) => [area.area, { prefixes: [area.prefix.toUpperCase()], defaultKey: area.keys[0] }])),
  };
  writeFileSync(join(root, 'logix-license.json'), JSON.stringify(catalog, null, 2));
  return { root, files: count + AREAS.length, bytes, largest };
}

/**
 * The shapes of file the editing figures are measured on: well formed, and with a syntax problem
 * that the extractor reports for the whole file (each keeps the same line count).
 */
export const EDITING_SHAPES = ['well-formed', 'unterminated-comment', 'missing-end', 'nul-padding'] as const;
export type EditingShape = (typeof EDITING_SHAPES)[number];

/**
 * One program of `lineCount` lines in a shape: `unterminated-comment` opens a `{` comment in its
 * last function that nothing closes; `missing-end` drops the END FUNCTION of a function in its
 * middle; `nul-padding` ends in NUL bytes up to the next 64 KiB (as a file whose end was
 * preallocated and never written).
 */
export function editingProgram(name: string, lineCount: number, shape: EditingShape, seed = 1): string {
  const text = programText(name, 'MANENG,WMS', lineCount, random(seed));
  switch (shape) {
    case 'well-formed':
      return text;
    case 'unterminated-comment': {
      const at = text.lastIndexOf(' END FUNCTION');
      return `${text.slice(0, at)}   { a comment nobody closed
${text.slice(text.indexOf('\n', at) + 1)}`;
    }
    case 'missing-end': {
      const at = text.indexOf(' END FUNCTION', Math.floor(text.length / 2));
      return `${text.slice(0, at)}   RETURN FALSE${text.slice(at + ' END FUNCTION'.length)}`;
    }
    case 'nul-padding':
      return text + '\0'.repeat(65_536 - (text.length % 65_536));
  }
}

/** Windows-1252 bytes of a text that holds only Latin-1 characters. */
export function encodeLatin1(text: string): Buffer {
  return encode(text);
}

function programText(name: string, keys: string, lineCount: number, next: () => number): string {
  const lines: string[] = [
    '#-------------------------------------------------------------------#',
    `# SISTEMA.: LOGIX - programa sintético ${name}                        #`,
    '# OBJETIVO: manutenção de informações (gerado para benchmark)       #',
    '#-------------------------------------------------------------------#',
    'DATABASE logix',
    '',
    'GLOBALS',
    '   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,',
    '          p_user          LIKE usuario.nom_usuario,',
    '          p_status        SMALLINT',
    'END GLOBALS',
    '',
    'DEFINE mr_tela RECORD',
    '          cod_item      LIKE item.cod_item,',
    '          den_item      LIKE item.den_item,',
    '          qtd_saldo     DECIMAL(15,3)',
    '       END RECORD',
    '',
    `#${'-'.repeat(name.length + 10)}#`,
    ` FUNCTION ${name}()`,
    `#${'-'.repeat(name.length + 10)}#`,
    `   IF LOG_initApp("${keys}") <> 0 THEN`,
    '      RETURN',
    '   END IF',
    '   CALL log1400_isolation()',
    `   CALL ${name}_menu()`,
    'END FUNCTION',
    '',
  ];
  // Whole functions while they fit, then comment lines up to the exact size: every file stays
  // well formed whatever its length.
  for (let functionIndex = 1; ; functionIndex++) {
    const body = bodyLines(name, functionIndex, next);
    if (lines.length + body.length > lineCount) break;
    lines.push(...body);
  }
  while (lines.length < lineCount) lines.push(`# ${'-'.repeat(20)} fim do fonte ${name} ${'-'.repeat(20)}`);
  return `${lines.join('\n')}\n`;
}

function bodyLines(name: string, index: number, next: () => number): string[] {
  const function_ = `${name}_f${index}`;
  if (index % 9 === 0) {
    return [
      `#${'-'.repeat(30)}#`,
      ` REPORT ${function_}(lr_item)`,
      `#${'-'.repeat(30)}#`,
      '   DEFINE lr_item RECORD',
      '             cod_item  CHAR(15),',
      '             qtd_saldo DECIMAL(15,3)',
      '          END RECORD',
      '   OUTPUT LEFT MARGIN 0',
      '   FORMAT',
      '      PAGE HEADER',
      '         PRINT COLUMN 001, "RELATÓRIO DE SALDOS { por item }",',
      '               COLUMN 060, "PÁG. ", PAGENO USING "####&"',
      '      ON EVERY ROW',
      '         PRINT COLUMN 001, lr_item.cod_item, COLUMN 020, lr_item.qtd_saldo USING "###,##&.&&"',
      ' END REPORT',
      '',
    ];
  }
  const lines = [
    `#${'-'.repeat(30)}#`,
    ` FUNCTION ${function_}(l_cod)`,
    `#${'-'.repeat(30)}#`,
    '   DEFINE l_cod      CHAR(15),',
    '          l_den      CHAR(76),',
    '          l_sql      CHAR(800),',
    '          l_ind      SMALLINT',
    '',
    '   { comentário de bloco: a consulta abaixo é montada com vírgulas',
    '     e CLIPPED, como é comum no Logix }',
    '   WHENEVER ERROR CONTINUE',
    '   SELECT den_item INTO l_den FROM item',
    '    WHERE cod_empresa = p_cod_empresa',
    '      AND cod_item    = l_cod',
    '   WHENEVER ERROR STOP',
    '   IF sqlca.sqlcode <> 0 THEN',
    '      CALL log003_err_sql("SELECT", "item") # registra o erro',
    '      RETURN FALSE',
    '   END IF',
  ];
  const extra = Math.floor(next() * 30);
  for (let line = 0; line < extra; line++) {
    switch (line % 6) {
      case 0: lines.push(`   LET l_sql = "SELECT cod_local, SUM(qtd_saldo) FROM estoque_lote WHERE cod_item = '", l_cod CLIPPED, "' # não é comentário"`); break;
      case 1: lines.push('   CALL _ADVPL_set_property(m_form, "ADD_VALID_FIELD", "cod_item", "valida_item")'); break;
      case 2: lines.push(`   -- observação: situação ${line} verificada`); break;
      case 3: lines.push('   LET l_ind = l_ind + 1'); break;
      case 4: lines.push('   DISPLAY "Situação: {pendente}" AT 1,1'); break;
      default: lines.push(`   CALL ${function_}_aux(l_ind, "#${line}")`); break;
    }
  }
  lines.push('   RETURN TRUE', ' END FUNCTION', '');
  return lines;
}

function systemKeyText(area: string, byKey: Map<string, string[]>): string {
  const lines = [
    '#---------------------------------------------------------------#',
    `# Programas por chave de sistema - área ${area} (sintético)          #`,
    '#---------------------------------------------------------------#',
    'DATABASE logix',
    '',
    ` FUNCTION systemkey_${area.toLowerCase()}()`,
  ];
  for (const [key, programs] of byKey) {
    lines.push(`  # ${key}`);
    for (let start = 0; start < programs.length; start += 8) {
      const chunk = programs.slice(start, start + 8).join(',');
      if (start === 0) lines.push(`  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("${key}","${chunk}${programs.length > 8 ? ',"||' : '")'}`);
      else lines.push(`                                          "${chunk}${start + 8 < programs.length ? ',"||' : '")'}`);
    }
  }
  lines.push(' END FUNCTION', '');
  return lines.join('\n');
}

/** Windows-1252 bytes of a text that holds only Latin-1 characters. */
function encode(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
