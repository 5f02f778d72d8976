// The display language of the pt-BR run. VS Code shows a language only when a language pack for it
// is installed, and Microsoft's pack cannot be downloaded on these machines: the run installs
// test/e2e/language-pack (pt-br, with no translations, so the workbench itself stays English) and
// records it in `languagepacks.json` of the profile, the cache VS Code's own installer writes and
// reads at start-up to resolve `--locale`. code-server's `--install-extension` does not write that
// cache (only an install through the running server does), hence this step.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The display language the second run asks for, as VS Code spells it (`vscode.env.language`). */
export const PT_BR = 'pt-br';

/** Records the installed language pack(s) for `languageId` in `userData`/languagepacks.json. */
export function registerLanguagePack(dirs, languageId) {
  const packs = {};
  for (const folder of readdirSync(dirs.extensions, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const location = join(dirs.extensions, folder.name);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(location, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const localization of manifest.contributes?.localizations ?? []) {
      if (localization.languageId !== languageId) continue;
      const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
      // The hash names the folder VS Code caches the generated translations in.
      const hash = createHash('md5').update(id).update(manifest.version).digest('hex');
      const translations = Object.fromEntries(localization.translations.map((translation) => [translation.id, join(location, translation.path)]));
      packs[languageId] = { hash, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations, label: localization.localizedLanguageName ?? localization.languageName };
    }
  }
  if (!packs[languageId]) throw new Error(`no installed extension under ${dirs.extensions} is a language pack for ${languageId}`);
  writeFileSync(join(dirs.userData, 'languagepacks.json'), JSON.stringify(packs));
}
