/**
 * The pt-BR bundle: one JSON file per area of the product, so that each area's texts sit together;
 * a key must not appear in two files (a test checks it). The words are the ones Logix people use
 * in TOTVS's own documentation: chave de sistema, licença, slot, menu, área, programa, atalho.
 */
import type { l10nJsonFormat } from '@vscode/l10n';
import cli from '../../l10n/pt-br/cli.json';
import license from '../../l10n/pt-br/license.json';
import server from '../../l10n/pt-br/server.json';

/** Each area's bundle, by its file name (for the tests that check them). */
export const PT_BR_AREAS: Readonly<Record<string, l10nJsonFormat>> = { cli, license, server };

export const PT_BR: l10nJsonFormat = Object.assign({}, cli, license, server);
