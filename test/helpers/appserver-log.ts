/**
 * AppServer debug logs for the tests (`logix.license.debug = 1`): the documentation's MAN10021
 * run verbatim, runs written the way the AppServer writes them, a catalog file they are imported
 * into, and the bytes a console log has (Windows-1252, CRLF).
 */

/** The documentation's example, verbatim (\u00a0 marks its non-breaking spaces). */
export const DOCUMENTED = [
  'LOG DE PROCESSAMENTO DA ABERTURA DO PROGRAMA MAN10021',
  '',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças SUP 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças FIN 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças CON 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças RHU 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças PRD 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças VDP 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Carregando licenças LOG 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Licenças carregadas 12:53:05',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área padrão PRD =',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças da aplicação = MANENG,SUPPLA,VDPPED',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área SUP = ESTOQ,SUPCON',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área VDP = VDPPED',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 - licenças Área LOG = WMS',
  '[Thread 13576] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação MAN10021 -\u00a0licenças FINAL = MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS',
  '[Thread 13576] [LOGIX] [LICENSE] [LICENSE] INICIO - Checando consumo de licença...',
  '[Thread 13576] [LOGIX] [LICENSE] [LICENSE] Licença atual em uso = 0',
  '[Thread 13576] [LOGIX] [VERSION] Aplicação: LICLOGIX Versão: 12.1.26.55 Liberação: 26/01/16 18:00 Ult. Modificação: 2018-10-25 16:26:27',
  '[Thread 13576] [LOGIX] [LICENSE] Licença não é corporativa.',
  '[Thread 13576] [LOGIX] [LICENSE] [GETMENUKEY]\u00a0Licenþa menu = WMS',
  '[Thread 13576] [LOGIX] [LICENSE] Busca de informação (Tipo: fullDeterminado): {"method":"getInfo","information":"fullDeterminado"}',
  '[Thread 13576] [LOGIX] [LICENSE] Busca de informação (Retorno) :\u00a0 {"method":"getInfo","information":"fullDeterminado","value":"false"}',
  '[Thread 13576] [LOGIX] [LICENSE] Consumo de licença: {"method": "getLicense","version": "1.0","federalId": "53113791000122","userId": "cle","moduleId": "5087","routine":\u00a0 "man10021", "ownerThread":21612, "ownerClientIP":"192.168.99.1", "ownerClientPort":7085, "ownerServerIP":"192.168.99.1", "fullDeterminado":false}',
  '[Thread 13576] [LOGIX] [LICENSE] Consumo de licença (Retorno) :\u00a0 {"method":"getLicense","slotId":"5087","sucessful":true,"uniqueId":"MTYyODA=", "pendent":[]}',
  '[Thread 13576] [LOGIX] [LICENSE] [LICENSE][THREADID 13576]\u00a0Obtendo licença Cloud (5087)\u00a0STATUS = 0\u00a0 (ThreadID 21612 User cle Programa: man10021 IP 192.168.99.1 Port 7085 FederalID 53113791000122 Full Determinado false)',
  '[Thread 13576] [LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso 5087',
];

/** The documentation's run alone (the lines of its thread). */
export const DOCUMENTED_RUN: readonly string[] = DOCUMENTED.filter((line) => line.startsWith('[Thread 13576]'));

/** A run of `name` as the AppServer writes it, without the lists before FINAL; a line left out when its value is. */
export function run(thread: number, name: string, finalKeys: string, menuKey: string | undefined, slot: number | undefined): string[] {
  return [
    `[Thread ${thread}] [LOGIX] [LICENSE] [SYSTEMKEY] Aplicação ${name} - licenças FINAL = ${finalKeys}`,
    ...(menuKey !== undefined ? [`[Thread ${thread}] [LOGIX] [LICENSE] [GETMENUKEY] Licença menu = ${menuKey}`] : []),
    ...(slot !== undefined ? [`[Thread ${thread}] [LOGIX] [LICENSE] [LICENSESETACTUALSLOT] Slot atual em uso ${slot}`] : []),
  ];
}

/** A log's bytes as the AppServer's console writes them: CRLF, one byte a character (NBSP and þ fit Windows-1252). */
export function logBytes(lines: readonly string[], encoding: BufferEncoding = 'latin1'): Buffer {
  return Buffer.from(lines.join('\r\n') + '\r\n', encoding);
}

/** A catalog file to import into: MANENG without a slot, ESTOQ at 1001, man10021's menu key WMS. */
export const IMPORT_CATALOG = [
  '{',
  '  "keys": {',
  '    "MANENG": { "area": "PRD" },',
  '    "ESTOQ": { "slot": 1001 }',
  '  },',
  '  "menu": { "man10021": "WMS" }',
  '}',
  '',
].join('\n');
