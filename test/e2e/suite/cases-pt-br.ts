/**
 * The second end-to-end run: the same installed .vsix in a VS Code whose display language is
 * pt-br. It checks that the editor says so to the extension, that the client's own texts come
 * from its bundle, and that the server answers in Portuguese (a diagnostic, a hover). What each
 * case expects is in expected-pt-br.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, licenseMap } from './cases';
import { PT_BR_LANGUAGE, PT_BR_LICENSE_MAP_WMS, PT_BR_PROGRAM_HOVER, PT_BR_UNKNOWN_KEY } from './expected-pt-br';
import type { TestCase } from './framework';
import { waitFor } from './wait';
import { closeAllEditorsDiscarding, codeOf, fileUri, markdownOf, positionOf, showFile } from './workbench';

function failures(text: string, expected: { readonly portuguese: readonly RegExp[]; readonly english: readonly RegExp[] }): string[] {
  return [
    ...expected.portuguese.filter((pattern) => !pattern.test(text)).map((pattern) => `lacks ${pattern}`),
    ...expected.english.filter((pattern) => pattern.test(text)).map((pattern) => `has the English ${pattern}`),
  ];
}

export const portugueseCases: readonly TestCase[] = [
  {
    name: 'pt-BR: VS Code runs in pt-br, and the installed extension activates',
    critical: true,
    async run() {
      assert.equal(vscode.env.language, PT_BR_LANGUAGE, 'the display language the language client sends the server as its locale');
      const installed = extension();
      await showFile('man10021.4gl');
      await waitFor('the extension to be active', () => (installed.isActive ? true : undefined));
    },
  },
  {
    name: 'pt-BR: the Logix Licenses view describes a key in Portuguese (the client\'s bundle)',
    async run() {
      await vscode.commands.executeCommand('logixLicenses.focus');
      const map = licenseMap();
      const environments = await waitFor('the license map of the workspace', async () => {
        const found = await map.getChildren();
        return found.length > 0 ? found : undefined;
      });
      const keys = await map.getChildren(environments[0]);
      const wms = keys.find((node) => map.getTreeItem(node).label === 'WMS');
      assert.ok(wms, `WMS among ${keys.map((node) => map.getTreeItem(node).label).join(', ')}`);
      assert.equal(map.getTreeItem(wms).description, PT_BR_LICENSE_MAP_WMS);
    },
  },
  {
    name: 'pt-BR: the diagnostic of an unknown key is in Portuguese',
    async run() {
      const { file, code, key } = PT_BR_UNKNOWN_KEY;
      const editor = await showFile(file);
      const found = () => vscode.languages.getDiagnostics(fileUri(file)).find((diagnostic) => diagnostic.source === 'logix-license' && codeOf(diagnostic) === code);
      const diagnostic = await waitFor(`${code} on ${file}`, found, () => vscode.languages.getDiagnostics(fileUri(file)).map((each) => `${codeOf(each)} ${each.message}`));
      assert.equal(editor.document.getText(diagnostic.range), key);
      assert.deepEqual(failures(diagnostic.message, PT_BR_UNKNOWN_KEY), [], diagnostic.message);
    },
  },
  {
    name: 'pt-BR: the hover on LOG_initApp is in Portuguese',
    async run() {
      const { file, anchor, ready } = PT_BR_PROGRAM_HOVER;
      const editor = await showFile(file);
      const position = positionOf(editor.document, anchor).translate(0, 3);
      let seen = '';
      await waitFor('the hover of the indexed folder', async () => {
        seen = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
        return ready.test(seen) ? seen : undefined;
      }, () => seen);
      assert.deepEqual(failures(seen, PT_BR_PROGRAM_HOVER), [], seen);
      await closeAllEditorsDiscarding();
    },
  },
];
