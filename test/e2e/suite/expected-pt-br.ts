/**
 * What the pt-BR run must show: every expectation of the second end-to-end run, in one place.
 *
 * The client's texts are this repository's own bundle (l10n/bundle.l10n.pt-br.json), checked word
 * for word. The server's texts (diagnostics, hovers) come from its own pt-BR bundles
 * (server/l10n/pt-br/), written apart: they are checked loosely, by what only a Portuguese text can
 * hold and what only the English one does, so a rewording does not break the run. They assume that
 * the server chooses its language from the editor's (`InitializeParams.locale`, which the language
 * client fills from `vscode.env.language`), that LGX001 names the key, its rule (R5) and says
 * "chave", and that the program hover names the program and its keys in backquotes and says "chave"
 * (in its key table or its lines).
 */

/** `vscode.env.language` under `--locale pt-br` with the test language pack installed. */
export const PT_BR_LANGUAGE = 'pt-br';

/** The license map's WMS entry: the client's own words ("programas"). */
export const PT_BR_LICENSE_MAP_WMS = 'slot 5087 · LOG · 2 programas';

/** LGX001 on `SUPRIMEN` in sup3760.4gl (a key the built-in catalog lists as invalid). */
export const PT_BR_UNKNOWN_KEY = {
  file: 'sup3760.4gl',
  code: 'LGX001',
  key: 'SUPRIMEN',
  /** Each must be in the message. */
  portuguese: [/\bSUPRIMEN\b/, /\bchave\b/i, /\bR5\b/],
  /** None may be: the English message ("key SUPRIMEN is listed as invalid (…): the runtime drops it from the list (R5); did you mean …?"). */
  english: [/^key SUPRIMEN\b/, /\bthe runtime drops it\b/, /\bdid you mean\b/],
} as const;

/** The hover on man10021's LOG_initApp call. */
export const PT_BR_PROGRAM_HOVER = {
  file: 'man10021.4gl',
  anchor: 'LOG_initApp("',
  /** The hover is complete once it names WMS, which only SYSTEMKEY_LOG adds (R7): the folder is indexed. */
  ready: /`WMS`/,
  /** Each must be in the complete hover. */
  portuguese: [/MAN10021/i, /\bchave/i],
  /** None may be: the English hover's words. */
  english: [/\*\*From the menu\*\*/, /\| key \| slot \|/, /\(configured\)/],
} as const;
