/**
 * The stable diagnostic codes, declared once: severity, the rule each one
 * enforces, and tags. Views map these to their own types; quick fixes switch on the code.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type DiagnosticTag = 'deprecated' | 'unnecessary';

export interface CodeInfo {
  readonly severity: Severity;
  /**
   * In English, never localized: SARIF makes the rule's name from it, which code-scanning tools
   * key on, and a report must not change with the locale of the machine that ran the check.
   */
  readonly title: string;
  /** The rules the code enforces, for messages and the docs anchor. */
  readonly rules: readonly string[];
  readonly tags?: readonly DiagnosticTag[];
}

export const CODES = {
  LGX001: { severity: 'warning', title: 'invalid key', rules: ['R5', 'R6'] },
  LGX002: { severity: 'warning', title: 'no declared key is valid', rules: ['R6', 'R10'] },
  LGX003: { severity: 'warning', title: 'program declares no license', rules: ['R1'] },
  LGX004: { severity: 'hint', title: 'LOG_initApp is not the first statement', rules: ['A3'] },
  LGX005: { severity: 'hint', title: 'log001_acessa_usuario is obsolete', rules: ['A2', 'R2'], tags: ['deprecated'] },
  LGX006: { severity: 'information', title: 'LOG_initApp list ignored: own area registers the program', rules: ['R4'] },
  LGX007: { severity: 'hint', title: 'registration already covered by LOG_initApp', rules: ['A1'], tags: ['unnecessary'] },
  LGX008: { severity: 'warning', title: 'duplicate key or program', rules: ['R5', 'R3'] },
  LGX009: { severity: 'information', title: 'dynamic argument cannot be checked', rules: ['R1', 'R3'] },
  LGX010: { severity: 'warning', title: 'menu key not in the final list', rules: ['A4', 'R9'] },
  LGX011: { severity: 'error', title: 'menu key ? and no valid key: access blocked', rules: ['R11'] },
  LGX012: { severity: 'error', title: 'malformed license call or unknown area file', rules: ['R1', 'R2', 'R3'] },
  LGX013: { severity: 'information', title: 'free program', rules: ['R12'] },
  LGX014: { severity: 'warning', title: 'badly formed key list', rules: ['R1', 'R3'] },
  LGX015: { severity: 'error', title: 'logix-license.json is invalid', rules: [] },
  LGX016: { severity: 'warning', title: 'file could not be read cleanly', rules: [] },
  LGX017: { severity: 'information', title: 'program defined by more than one file of the environment', rules: [] },
  LGX018: { severity: 'information', title: 'key not in the partial catalog: assumed to exist', rules: ['R5'] },
  LGX019: { severity: 'warning', title: 'the AppServer log disagrees with the prediction', rules: ['R4', 'R5', 'R6', 'R7', 'R8', 'R9'] },
  LGX020: { severity: 'information', title: 'SYSTEMKEY file named after a program prefix of its area', rules: ['R3', 'R4'] },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;
