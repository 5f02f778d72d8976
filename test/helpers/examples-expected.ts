/**
 * What the tool must find in examples/, computed by hand from the MAN10021 worked example (examples/README.md is the
 * oracle: "codes expected (line)"). Checked by the CLI tests (test/cli/examples.test.ts) and, in
 * VS Code, by the end-to-end suite (test/e2e/suite/expected.ts adds its fixture). Lines are 1-based.
 */

export interface ExpectedProgram {
  /** The final key list, in the AppServer's order, duplicates kept (R5, R7, R8). */
  readonly finalKeys: readonly string[];
  readonly defaultKey: string | null;
}

const program = (finalKeys: string, defaultKey: string | null): ExpectedProgram =>
  ({ finalKeys: finalKeys === '' ? [] : finalKeys.split(','), defaultKey });

/** Every program of examples/. */
export const EXAMPLE_PROGRAMS: Record<string, ExpectedProgram> = {
  man10021: program('MANENG,SUPPLA,VDPPED,ESTOQ,SUPCON,VDPPED,WMS', 'MANENG'),
  man10022: program('MANENG,MANPCP', 'MANENG'),
  man10040: program('MANENG,MANPCP,MANENG', 'MANENG'),
  man10050: program('MANENG', 'MANENG'),
  man10060: program('MANENG,ESTOQ', 'MANENG'),
  sup0530: program('ESTOQ', 'ESTOQ'),
  sup0620: program('SUPREC,VDPLOG', 'SUPREC'),
  sup0700: program('SUPPLA', 'SUPPLA'),
  sup3760: program('ESTOQ', 'ESTOQ'),
  vdp9110: program('VDPPED,VDPLOG,ESTOQ,FINCRE,WMS', 'VDPPED'),
  vdp9120: program('VDPPED,VDPCON', 'VDPPED'),
  vdp9140: program('VDPPED,MANENG', 'VDPPED'),
  vdp9300: program('VDPPED', 'VDPPED'),
  vdp9400: program('VDPESP', 'VDPESP'),
  xyz0001: program('', null),
  log00083: program('PADRAO', 'PADRAO'),
};

/** `CODE@line:severity`, sorted, for every file of examples/ (an empty list: no diagnostic). */
export const EXAMPLE_DIAGNOSTICS: Record<string, readonly string[]> = {
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
  'vdp9400.4gl': ['LGX018@17:information'],
  'xyz0001.4gl': ['LGX001@11:warning', 'LGX002@11:warning', 'LGX011@11:error'],
  'log00083.4gl': ['LGX013@8:information'],
  'funcoes_comuns.4gl': [],
  'systemkey_sup.4gl': ['LGX008@23:warning'],
  'systemkey_vdp.4gl': ['LGX007@12:hint', 'LGX007@15:hint'],
  'systemkey_log.4gl': [],
  'systemkey_prd.4gl': ['LGX001@15:warning'],
  'SYSTEMKEY_FIN.4gl': [],
};
