/**
 * The languages the product speaks and how a locale names one. English is the fallback: any
 * locale that is not Portuguese, and the POSIX `C` locale, mean English.
 */
export type Language = 'en' | 'pt-br';

/**
 * The language of a locale tag as editors and shells write it: `pt-br` and `pt-BR` (VS Code,
 * LSP `InitializeParams.locale`), `pt_BR.UTF-8` (POSIX), `pt` alone. Portugal's Portuguese is
 * served the Brazilian text, closer than English.
 */
export function languageOf(locale: string | undefined): Language {
  const tag = (locale ?? '').trim().toLowerCase();
  return /^pt(?:$|[-_.@])/.test(tag) ? 'pt-br' : 'en';
}

/**
 * The language of a command-line run from the environment, as POSIX orders it: `LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`; the first one set decides (an empty one counts as unset).
 */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return languageOf(locale);
}
