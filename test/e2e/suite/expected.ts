/**
 * What the extension must show for the test workspace: examples/ (its README is the oracle,
 * "codes expected (line)") plus the fixture of test/e2e/fixtures/. Lines are 1-based, as there.
 */
export const EXTENSION_ID = 'logix-tools.logix-license';

/** `CODE@line:severity`, sorted, per file; files not listed must have none. */
export const EXPECTED_DIAGNOSTICS: Record<string, readonly string[]> = {
  'man10021.4gl': [],
  'man10022.4gl': [],
  'man10040.4gl': ['LGX008@17:warning'],
  'man10050.4gl': ['LGX010@13:warning'],
  'man10060.4gl': ['LGX014@16:warning'],
  'sup0530.4gl': ['LGX003@16:warning'],
  'sup0620.4gl': ['LGX006@24:information'],
  'sup0700.4gl': ['LGX009@18:information'],
  'sup3760.4gl': ['LGX001@16:warning', 'LGX002@16:warning', 'LGX005@16:hint'],
  'vdp9110.4gl': ['LGX004@30:hint'],
  'vdp9120.4gl': [],
  'vdp9140.4gl': [],
  'vdp9300.4gl': ['LGX012@16:error'],
  'xyz0001.4gl': ['LGX001@11:warning', 'LGX002@11:warning', 'LGX011@11:error'],
  'log00083.4gl': ['LGX013@8:information'],
  'funcoes_comuns.4gl': [],
  'systemkey_sup.4gl': ['LGX008@23:warning'],
  'systemkey_vdp.4gl': ['LGX007@12:hint', 'LGX007@15:hint'],
  'systemkey_log.4gl': [],
  'systemkey_prd.4gl': ['LGX001@15:warning'],
  'SYSTEMKEY_FIN.4gl': [],
  // test/e2e/fixtures: Windows-1252 with characters Latin-1 does not have.
  'man10090.4gl': ['LGX001@10:warning'],
};

/** SPEC §3 worked example: man10021's final list (R5 + R7 from SUP, VDP, LOG). */
export const MAN10021_FINAL_KEYS = ['MANENG', 'SUPPLA', 'VDPPED', 'ESTOQ', 'SUPCON', 'VDPPED', 'WMS'];

/** A line of the fixture as it reads when decoded as Windows-1252 (en dash, quotes, euro sign). */
export const FIXTURE_ACCENTED_LINE = '# OBS.....: “aspas”, – e € só existem em Windows-1252, não em Latin-1';
export const FIXTURE_ACCENTED_WORDS = ['MANUTENÇÃO DE PREÇOS', 'Atualização de preços concluída.'];
