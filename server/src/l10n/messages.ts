/**
 * Every sentence the server and the command-line tool say goes through `t` (from `@vscode/l10n`):
 * the English text is the key, with `{0}`, `{1}` where values go (a tagged template
 * t`… ${value} …` makes those for it), and a language's bundle maps each key to its text. A key a
 * bundle lacks is said in English, so a message is never lost, only untranslated; a test checks
 * that the pt-BR bundle has every key the sources use, with the same placeholders.
 *
 * The bundle is chosen once per process, before the first message is made: by the server from the
 * client's locale (`initialize`), by the CLI from `--lang` or the environment. Messages are made
 * when they are said, never kept in module-level constants, so that they are in that language.
 *
 * The pt-BR bundle is split by area (one JSON file each under `server/l10n/pt-br/`), merged here.
 */
import { config, t } from '@vscode/l10n';
import type { Language } from './language';
import { PT_BR } from './pt-br';

export { t };

let current: Language = 'en';

/** Speaks `language` from now on in this process (English when it has no bundle). */
export function useLanguage(language: Language): void {
  current = language;
  config({ contents: language === 'pt-br' ? PT_BR : {} });
}

/** The language `useLanguage` chose last. */
export function currentLanguage(): Language {
  return current;
}
