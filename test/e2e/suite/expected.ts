/**
 * What the extension must show for the test workspace: examples/ (the expected results the CLI
 * tests check too, test/helpers/examples-expected.ts) plus the fixture of test/e2e/fixtures/.
 */
import { EXAMPLE_DIAGNOSTICS, EXAMPLE_PROGRAMS } from '../../helpers/examples-expected';

export const EXTENSION_ID = 'logix-tools.logix-license';

/** `CODE@line:severity`, sorted, per file; files not listed must have none. */
export const EXPECTED_DIAGNOSTICS: Record<string, readonly string[]> = {
  ...EXAMPLE_DIAGNOSTICS,
  // test/e2e/fixtures: Windows-1252 with characters Latin-1 does not have.
  'man10090.4gl': ['LGX001@10:warning'],
};

/** The MAN10021 worked example: man10021's final list (R5 + R7 from SUP, VDP, LOG). */
export const MAN10021_FINAL_KEYS = EXAMPLE_PROGRAMS.man10021!.finalKeys;

/** A line of the fixture as it reads when decoded as Windows-1252 (en dash, quotes, euro sign). */
export const FIXTURE_ACCENTED_LINE = '# OBS.....: “aspas”, – e € só existem em Windows-1252, não em Latin-1';
export const FIXTURE_ACCENTED_WORDS = ['MANUTENÇÃO DE PREÇOS', 'Atualização de preços concluída.'];
