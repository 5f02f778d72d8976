/**
 * What the extension must show for the test workspace: examples/ (the expected results the CLI
 * tests check too, test/helpers/examples-expected.ts) plus the fixtures of test/e2e/fixtures/.
 */
import { EXAMPLE_DIAGNOSTICS, EXAMPLE_PROGRAMS } from '../../helpers/examples-expected';

export const EXTENSION_ID = 'logix-tools.logix-license';

/** `CODE@line:severity`, sorted, per file; files not listed must have none. */
export const EXPECTED_DIAGNOSTICS: Record<string, readonly string[]> = {
  ...EXAMPLE_DIAGNOSTICS,
  // test/e2e/fixtures: Windows-1252 with characters Latin-1 does not have.
  'man10090.4gl': ['LGX018@10:information'],
  // test/e2e/fixtures: in a subfolder; FINCRE is a key of logix-license.json.
  'fin/fin0010.4gl': [],
};

/** The MAN10021 worked example: man10021's final list (R5 + R7 from SUP, VDP, LOG). */
export const MAN10021_FINAL_KEYS = EXAMPLE_PROGRAMS.man10021!.finalKeys;

/** A line of the fixture as it reads when decoded as Windows-1252 (en dash, quotes, euro sign). */
export const FIXTURE_ACCENTED_LINE = '# OBS.....: “aspas”, – e € só existem em Windows-1252, não em Latin-1';
export const FIXTURE_ACCENTED_WORDS = ['MANUTENÇÃO DE PREÇOS', 'Atualização de preços concluída.'];

/** A file the reload case (reload.ts) has open in an editor when the window reloads. */
export interface RestoredFile {
  readonly file: string;
  /** The code lens title above the program's main function. */
  readonly lens: string;
  /** The keys of the hover's final-list table. */
  readonly finalKeys: readonly string[];
  /** The hover is asked a little after this text (a license call). */
  readonly hoverAnchor: string;
  readonly diagnostics: readonly string[];
}

/**
 * Answers that need the folder (`check examples` on the test workspace gives the same). fin0010,
 * in a subfolder: FINCRE and its slot 9102 come from logix-license.json, the second FINCRE from
 * SYSTEMKEY_FIN.4gl (R5 + R7); analysed alone, FINCRE is only assumed (LGX018: slot unknown, one
 * key). sup3760, at the root: LGX001 names "built-in catalog + logix-license.json".
 */
export const RESTORED_FILES: readonly RestoredFile[] = [
  { file: 'fin/fin0010.4gl', lens: 'License: FINCRE (slot 9102) · 2 keys', finalKeys: ['FINCRE', 'FINCRE'], hoverAnchor: 'LOG_initApp("', diagnostics: EXPECTED_DIAGNOSTICS['fin/fin0010.4gl']! },
  { file: 'sup3760.4gl', lens: 'License: ESTOQ (slot unknown) · 1 key', finalKeys: EXAMPLE_PROGRAMS.sup3760!.finalKeys, hoverAnchor: 'log001_acessa_usuario(', diagnostics: EXPECTED_DIAGNOSTICS['sup3760.4gl']! },
];
