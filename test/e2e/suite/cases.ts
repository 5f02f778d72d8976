/**
 * The end-to-end cases: the installed .vsix in a real VS Code, seen through the extension API
 * (what the editor itself shows comes from the same providers). Each case states what a user
 * would see and fails with what was there instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestCase } from './framework';
import { EXPECTED_DIAGNOSTICS, EXTENSION_ID, FIXTURE_ACCENTED_LINE, FIXTURE_ACCENTED_WORDS, MAN10021_FINAL_KEYS } from './expected';
import { waitFor } from './wait';
import { closeAllEditorsDiscarding, codeOf, diagnosticsOf, diagnosticSummary, fileUri, markdownOf, positionOf, showFile, workspaceFolder } from './workbench';

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed`);
  return found;
}

/** The license map's provider and view, as the extension exports them (client/src/license-map.ts). */
export interface LicenseMapApi {
  readonly view: vscode.TreeView<unknown>;
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}

export function licenseMap(): LicenseMapApi {
  const exports = extension().exports as { licenseMap?: LicenseMapApi } | undefined;
  assert.ok(exports?.licenseMap, 'the extension exports its license map');
  return exports.licenseMap;
}

/** The explain command's read-only documents (scheme logix-explain). */
function explainDocuments(): { report?: vscode.TextDocument; log?: vscode.TextDocument } {
  const documents = vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'logix-explain');
  return { report: documents.find((document) => document.languageId === 'markdown'), log: documents.find((document) => document.languageId === 'logix-log') };
}

function explainTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'logix-explain');
}

/**
 * Runs the explain command for a program; two quick picks follow (context, then menu key):
 * accepts the first item of each, as Enter would (Menu, then the configured key), until it is done.
 */
async function runExplain(uri: vscode.Uri, program: string): Promise<void> {
  let settled = false;
  const explained = Promise.resolve(vscode.commands.executeCommand('logix.explainLicense', { uri: uri.toString(), program }))
    .finally(() => { settled = true; });
  await waitFor('the explain command to finish', async () => {
    if (settled) return true;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return undefined;
  }, () => 'quick picks still open', { intervalMs: 300 });
  await explained;
}

export const cases: readonly TestCase[] = [
  {
    name: 'the installed extension activates when a .4gl file is opened',
    critical: true,
    async run() {
      const installed = extension();
      // The runner says where it installed the .vsix: the case must test that copy, not a checkout.
      const extensionsDir = process.env.LOGIX_E2E_EXTENSIONS_DIR;
      if (extensionsDir) assert.ok(installed.extensionPath.startsWith(extensionsDir), `${installed.extensionPath} is not under ${extensionsDir}`);
      const editor = await showFile('man10021.4gl');
      assert.equal(editor.document.languageId, '4gl');
      await waitFor('the extension to be active', () => (installed.isActive ? true : undefined), () => ({ isActive: installed.isActive }));
      // Resolves at once when active; rethrows the activation error otherwise.
      await installed.activate();
    },
  },
  {
    name: 'language id 4gl for .4gl files, whatever the case of the file name',
    async run() {
      assert.ok((await vscode.languages.getLanguages()).includes('4gl'));
      for (const name of ['man10021.4gl', 'SYSTEMKEY_FIN.4gl', 'man10090.4gl']) {
        const document = await vscode.workspace.openTextDocument(fileUri(name));
        assert.equal(document.languageId, '4gl', name);
      }
    },
  },
  {
    name: 'diagnostics with the expected LGX codes, lines and severities on every file',
    timeoutMs: 90_000,
    async run() {
      // Pull diagnostics are asked for open documents: open every file of the workspace.
      const files = await vscode.workspace.findFiles('**/*.{4gl,4GL}');
      const names = files.map((uri) => uri.path.slice(workspaceFolder().uri.path.length + 1)).sort();
      assert.deepEqual(names, Object.keys(EXPECTED_DIAGNOSTICS).sort(), 'the test workspace holds other files than expected');
      for (const uri of files) await vscode.workspace.openTextDocument(uri);
      const differences = () => names
        .map((name) => ({ name, expected: EXPECTED_DIAGNOSTICS[name], actual: diagnosticSummary(fileUri(name)) }))
        .filter((entry) => JSON.stringify(entry.actual) !== JSON.stringify(entry.expected));
      await waitFor('every file to show its expected diagnostics', () => (differences().length === 0 ? true : undefined), differences, { timeoutMs: 60_000 });
    },
  },
  {
    name: 'each diagnostic code links to its section of the README shipped in the .vsix',
    async run() {
      const uri = fileUri('xyz0001.4gl');
      await vscode.workspace.openTextDocument(uri);
      await diagnosticsOf('xyz0001.4gl', EXPECTED_DIAGNOSTICS['xyz0001.4gl']!);
      const lgx011 = vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'LGX011');
      const code = lgx011?.code;
      assert.ok(code && typeof code === 'object', 'LGX011 has a code with a link');
      assert.equal(code.target.fragment, 'lgx011');
      // Ctrl+click opens this file: it must exist in the installed extension.
      const readme = code.target.with({ fragment: '' });
      assert.ok(readme.path.startsWith(extension().extensionUri.path), `${readme.path} is not in the extension`);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(readme));
      assert.match(text, /<a id="lgx011"><\/a>LGX011/);
    },
  },
  {
    name: 'the hover on LOG_initApp shows the final key list',
    async run() {
      const editor = await showFile('man10021.4gl');
      // The call, not the header comment that names it.
      const position = positionOf(editor.document, 'LOG_initApp("').translate(0, 3);
      let seen = '';
      const markdown = await waitFor('a hover with a key table', async () => {
        seen = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
        return /\| 1 \| `MANENG` \|/.test(seen) ? seen : undefined;
      }, () => seen);
      const keys = [...markdown.matchAll(/^\| (\d+) \| `([A-Z0-9]+)` \|/gm)].map((match) => match[2]);
      assert.deepEqual(keys, MAN10021_FINAL_KEYS, markdown);
      assert.match(markdown, /\*\*MAN10021\*\*/i);
      assert.match(markdown, /menu key `WMS` \(configured\) → `WMS` \(slot 5087\), R9/);
    },
  },
  {
    name: 'the quick fix for an unknown key replaces it in the document',
    async run() {
      const editor = await showFile('sup3760.4gl');
      await diagnosticsOf('sup3760.4gl', EXPECTED_DIAGNOSTICS['sup3760.4gl']!);
      const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((candidate) => codeOf(candidate) === 'LGX001');
      assert.ok(diagnostic, 'LGX001 on SUPRIMEN');
      assert.equal(editor.document.getText(diagnostic.range), 'SUPRIMEN');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((action) => action.title);
      const replace = actions.find((action) => action.title === 'Replace SUPRIMEN with SUPREC');
      assert.ok(replace?.edit, `no "Replace SUPRIMEN with SUPREC" among ${JSON.stringify(titles)}`);
      assert.ok(titles.includes('Replace SUPRIMEN with the area default ESTOQ (R6)'), JSON.stringify(titles));
      const lineBefore = editor.document.lineAt(diagnostic.range.start.line).text;
      assert.ok(await vscode.workspace.applyEdit(replace.edit));
      if (replace.command) await vscode.commands.executeCommand(replace.command.command, ...(replace.command.arguments ?? []));
      assert.equal(editor.document.lineAt(diagnostic.range.start.line).text, lineBefore.replace('"SUPRIMEN"', '"SUPREC"'));
      assert.equal(editor.document.isDirty, true);
      // The server follows the unsaved edit: SUPREC is a valid key, so LGX001 and LGX002 go.
      await diagnosticsOf('sup3760.4gl', ['LGX005@16:hint']);
      await closeAllEditorsDiscarding();
      await diagnosticsOf('sup3760.4gl', EXPECTED_DIAGNOSTICS['sup3760.4gl']!);
    },
  },
  {
    name: 'a code lens above the main function runs the explain command',
    async run() {
      const editor = await showFile('man10021.4gl');
      const mainLine = positionOf(editor.document, 'FUNCTION man10021()').line;
      const lenses = await waitFor('a code lens', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(lenses.length, 1);
      const [lens] = lenses;
      assert.equal(lens!.range.start.line, mainLine);
      assert.equal(lens!.command?.title, `License: MANENG (slot unknown) · ${MAN10021_FINAL_KEYS.length} keys`);
      assert.equal(lens!.command?.command, 'logix.explainLicense');
    },
  },
  {
    name: 'document symbols list the units of the program',
    async run() {
      const editor = await showFile('man10021.4gl');
      const symbols = await waitFor('document symbols', async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return found && found.length > 0 ? found : undefined;
      });
      const functions = symbols.filter((symbol) => symbol.kind === vscode.SymbolKind.Function).map((symbol) => symbol.name);
      assert.deepEqual(functions, ['man10021', 'man10021_consulta', 'man10021_version_info']);
      assert.ok(symbols.some((symbol) => symbol.kind === vscode.SymbolKind.Namespace), 'GLOBALS is in the outline');
    },
  },
  {
    name: 'a Windows-1252 file opens with its accents',
    async run() {
      const editor = await showFile('man10090.4gl');
      const { document } = editor;
      assert.equal(document.encoding, 'windows1252');
      const text = document.getText();
      assert.equal(text.includes('\uFFFD'), false, 'no replacement characters');
      assert.equal(document.lineAt(2).text, FIXTURE_ACCENTED_LINE);
      for (const words of FIXTURE_ACCENTED_WORDS) assert.ok(text.includes(words), words);
      // The server decodes the same way: its range covers exactly the key the catalog lacks (LGX018).
      await diagnosticsOf('man10090.4gl', EXPECTED_DIAGNOSTICS['man10090.4gl']!);
      const [diagnostic] = vscode.languages.getDiagnostics(document.uri).filter((candidate) => candidate.source === 'logix-license');
      assert.equal(document.getText(diagnostic!.range), 'PRECO');
    },
  },
  {
    name: 'the explain command opens the report and the AppServer debug log, read-only, in the same two tabs on every run',
    async run() {
      await closeAllEditorsDiscarding();
      const editor = await showFile('man10021.4gl');
      const before = new Set(vscode.workspace.textDocuments);
      await runExplain(editor.document.uri, 'man10021');
      const untitled = vscode.workspace.textDocuments.filter((document) => !before.has(document) && document.uri.scheme === 'untitled');
      assert.deepEqual(untitled.map((document) => document.uri.toString()), [], 'no Untitled buffer');
      const { report, log } = explainDocuments();
      assert.ok(report && log, `report and log opened (got ${vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'logix-explain').map((document) => document.languageId).join(', ')})`);
      for (const document of [report, log]) {
        assert.equal(document.isUntitled, false, `${document.uri} is not untitled`);
        assert.equal(document.isDirty, false, `${document.uri} is not dirty`);
      }
      assert.match(report.getText(), /^# License of man10021$/im);
      assert.match(report.getText(), /\*\*`WMS` \(slot 5087\)\*\* \(R9\)/);
      for (const key of new Set(MAN10021_FINAL_KEYS)) assert.match(report.getText(), new RegExp(`\\| \`${key}\` \\|`));
      assert.match(log.getText(), new RegExp(`licenças FINAL = ${MAN10021_FINAL_KEYS.join(',')}`));
      assert.match(log.getText(), /Licença menu = WMS/);
      assert.match(log.getText(), /Slot atual em uso 5087/);
      assert.deepEqual(explainTabs().map((tab) => tab.isDirty), [false, false], 'two clean tabs');

      // Another program: the same two tabs show its report, nothing is added.
      const other = await showFile('man10022.4gl', undefined, vscode.ViewColumn.One);
      await runExplain(other.document.uri, 'man10022');
      await waitFor('the report of man10022 in the same tab', () => (/^# License of man10022$/im.test(explainDocuments().report?.getText() ?? '') ? true : undefined),
        () => explainDocuments().report?.getText().split('\n')[0]);
      assert.match(explainDocuments().log!.getText(), /Aplicação MAN10022 - licenças FINAL = MANENG,MANPCP/);
      assert.equal(explainTabs().length, 2, `still two tabs: ${explainTabs().map((tab) => tab.label).join(', ')}`);
      assert.deepEqual(explainTabs().map((tab) => tab.isDirty), [false, false]);
      await closeAllEditorsDiscarding();
    },
  },
  {
    name: 'the Logix Licenses view lists slot 5087\'s programs, and a click opens where each gets the key',
    async run() {
      await closeAllEditorsDiscarding();
      await vscode.commands.executeCommand('logixLicenses.focus');
      const map = licenseMap();
      await waitFor('the view to be visible', () => (map.view.visible ? true : undefined));
      const environments = await waitFor('the license map of the workspace', async () => {
        const found = await map.getChildren();
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(environments.map((node) => map.getTreeItem(node).label), [workspaceFolder().name], 'one environment: the folder');
      const keys = await map.getChildren(environments[0]);
      const wms = keys.find((node) => map.getTreeItem(node).label === 'WMS');
      assert.ok(wms, `WMS among ${keys.map((node) => map.getTreeItem(node).label).join(', ')}`);
      assert.equal(map.getTreeItem(wms).description, 'slot 5087 · LOG · 2 programs');
      const holders = (await map.getChildren(wms)).map((node) => map.getTreeItem(node));
      // man10021 gets WMS from SYSTEMKEY_LOG (R7), as `report examples` says.
      assert.deepEqual(holders.map((item) => [item.label, item.description]), [['man10021', '#7 · SYSTEMKEY_LOG (R7)'], ['vdp9110', '#5 · SYSTEMKEY_LOG (R7)']]);
      assert.equal(holders[0]!.contextValue, 'logixProgram', 'Explain is in its context menu');

      // The click: the registration in systemkey_log.4gl.
      const click = holders[0]!.command!;
      await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
      const registration = await waitFor('the registration to open', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.path.endsWith('/systemkey_log.4gl') ? active : undefined;
      }, () => vscode.window.activeTextEditor?.document.uri.toString());
      assert.equal(registration.document.getText(registration.selection), 'man10021');
      assert.match(registration.document.lineAt(registration.selection.start.line).text, /_ADVPL_SYSTEMKEY_setAppLicenseList\("WMS"/);

      // A default key (R8), declared (R5): the click opens the key in the LOG_initApp list.
      const maneng = keys.find((node) => map.getTreeItem(node).label === 'MANENG')!;
      const man10021 = (await map.getChildren(maneng)).map((node) => map.getTreeItem(node)).find((item) => item.label === 'man10021')!;
      assert.equal(man10021.description, '#1 · declared (R5) · default key');
      await vscode.commands.executeCommand(man10021.command!.command, ...(man10021.command!.arguments ?? []));
      const declaration = await waitFor('the declaration to open', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.path.endsWith('/man10021.4gl') ? active : undefined;
      });
      assert.equal(declaration.document.getText(declaration.selection), 'MANENG');
      assert.match(declaration.document.lineAt(declaration.selection.start.line).text, /LOG_initApp\("MANENG,SUPPLA,VDPPED"\)/);

      // The filter, shown in the view's description.
      await vscode.commands.executeCommand('logix.licenseMap.filter', '5087');
      assert.equal(map.view.description, 'filter: 5087');
      const filtered = await map.getChildren((await map.getChildren())[0]);
      assert.deepEqual(filtered.map((node) => map.getTreeItem(node).label), ['WMS']);
      await vscode.commands.executeCommand('logix.licenseMap.clearFilter');
      assert.equal(map.view.description, undefined);

      // Find references of the key: every place the environment writes it, and its catalog entry.
      const references = await vscode.commands.executeCommand<vscode.Location[]>('logix.licenseMap.findReferences', wms);
      const places = references.map((location) => location.uri.path.split('/').pop()).sort();
      assert.deepEqual(places, ['logix-license.json', 'systemkey_log.4gl'], JSON.stringify(places));
      await vscode.commands.executeCommand('closeReferenceSearch');

      // The export: the report as CSV in a new document.
      const exported = await vscode.commands.executeCommand<vscode.TextDocument>('logix.licenseMap.export', workspaceFolder().uri, 'csv');
      const rows = exported.getText().split('\r\n');
      assert.equal(rows[0], 'environment,key,slot,area,status,description,program,file,how,rule,position,default');
      assert.ok(rows.includes(',WMS,5087,LOG,known,WMS,man10021,man10021.4gl,other-area-systemkey,R7,7,no'), rows.filter((row) => row.includes('WMS')).join('\n'));
      await closeAllEditorsDiscarding();
    },
  },
  {
    name: 'Create logix-license.json only opens the catalog the workspace already has',
    async run() {
      await closeAllEditorsDiscarding();
      assert.ok((await vscode.commands.getCommands(true)).includes('logix.createCatalog'), 'the command is registered');
      const catalog = fileUri('logix-license.json');
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog));
      const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('logix.createCatalog', workspaceFolder().uri);
      assert.equal(opened?.toString(), catalog.toString(), 'the server names the folder\'s catalog file');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), catalog.toString(), 'and it is opened');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog)), before, 'unchanged');
      // Its message ("already exists") goes, so that no screenshot shows it.
      await vscode.commands.executeCommand('notifications.clearAll');
      await closeAllEditorsDiscarding();
    },
  },
  {
    name: 'Compare with AppServer log opens the report and puts LGX019 on the program; clearing takes it away',
    async run() {
      await closeAllEditorsDiscarding();
      // Pull diagnostics are asked for open documents.
      await vscode.workspace.openTextDocument(fileUri('man10022.4gl'));
      await diagnosticsOf('man10022.4gl', EXPECTED_DIAGNOSTICS['man10022.4gl']!);
      // The fixture's man10022 run logs WMS in its FINAL list, which no file of the workspace adds.
      const result = await vscode.commands.executeCommand<{ summary: unknown; diagnostics: number } | undefined>('logix.compareLog', fileUri('appserver.log'));
      assert.ok(result, 'the command answers');
      assert.deepEqual([result.summary, result.diagnostics], [{ runs: 1, agree: 0, disagree: 1 }, 1]);
      const report = vscode.window.activeTextEditor?.document;
      assert.equal(report?.uri.scheme, 'logix-report', `the report view is active (got ${report?.uri.toString()})`);
      assert.equal(report.languageId, 'markdown');
      assert.match(report.getText(), /^# AppServer log comparison\n/);
      assert.match(report.getText(), /\| 3 \| man10022 \| 13576 \|  \| MANENG,MANPCP,WMS · MANENG, slot 7150 \|/);
      await diagnosticsOf('man10022.4gl', ['LGX019@17:warning']);
      const [message] = diagnosticSummary(fileUri('man10022.4gl'), { withMessages: true });
      assert.match(message!, /the AppServer log appserver\.log, line 3 \(thread 13576\), disagrees with the prediction for man10022: final list — .*only in the log: WMS \(Área LOG\)/);
      assert.equal(await vscode.commands.executeCommand('logix.clearLogComparison'), 1);
      await diagnosticsOf('man10022.4gl', EXPECTED_DIAGNOSTICS['man10022.4gl']!);
      await closeAllEditorsDiscarding();
    },
  },
];
