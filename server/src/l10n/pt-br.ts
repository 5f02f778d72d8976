/**
 * The pt-BR bundle: one JSON file per area of the product, so that each area's texts sit together;
 * a key must not appear in two files (a test checks it). The words are the ones Logix people use
 * in TOTVS's own documentation: chave de sistema, licença, slot, menu, área, programa, atalho.
 *
 * - catalog: reading and validating `logix-license.json`
 * - cli: the command-line tool (usage, summaries, the log commands' texts)
 * - license: diagnostics, the engine's reasons and steps, suggestions, the consumption table
 * - report: explain reports, the license map's texts, report comparisons
 * - server: hovers, code actions, lenses, completion, progress, notifications
 * - syntax: the parser's problems (LGX016)
 */
import type { l10nJsonFormat } from '@vscode/l10n';
import catalog from '../../l10n/pt-br/catalog.json';
import cli from '../../l10n/pt-br/cli.json';
import license from '../../l10n/pt-br/license.json';
import report from '../../l10n/pt-br/report.json';
import server from '../../l10n/pt-br/server.json';
import syntax from '../../l10n/pt-br/syntax.json';

/** Each area's bundle, by its file name (for the tests that check them). */
export const PT_BR_AREAS: Readonly<Record<string, l10nJsonFormat>> = { catalog, cli, license, report, server, syntax };

export const PT_BR: l10nJsonFormat = Object.assign({}, ...Object.values(PT_BR_AREAS));
