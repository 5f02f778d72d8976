/**
 * The harness side of the screenshot scenes: it puts the editor in a state through the API
 * (file, cursor, hover, quick-fix menu); the runner then waits for that state in the page,
 * checks it, takes the screenshot and says done.
 */
import * as vscode from 'vscode';
import { EXPECTED_DIAGNOSTICS } from '../suite/expected';
import { EXTENSION_ID } from '../suite/expected';
import { waitFor } from '../suite/wait';
import { closeAllEditorsDiscarding, diagnosticsOf, positionOf, showFile } from '../suite/workbench';
import type { SceneName } from './protocol';

/** The license map's provider and view, as the extension exports them. */
interface LicenseMapApi {
  readonly view: vscode.TreeView<unknown>;
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}

async function showWithDiagnostics(name: string, anchor: string): Promise<vscode.TextEditor> {
  const editor = await showFile(name);
  await diagnosticsOf(name, EXPECTED_DIAGNOSTICS[name]!);
  const position = positionOf(editor.document, anchor).translate(0, 2);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Sets the scene up; returns what the runner should find in the page. */
export async function setUpScene(scene: SceneName): Promise<Record<string, unknown>> {
  await closeAllEditorsDiscarding();
  switch (scene) {
    case 'hover':
      // A program whose declaration has three findings: the hover shows them and the final list.
      await showWithDiagnostics('sup3760.4gl', 'log001_acessa_usuario(');
      await vscode.commands.executeCommand('editor.action.showHover');
      return { file: 'sup3760.4gl' };
    case 'quick-fix':
      await showWithDiagnostics('sup3760.4gl', '"SUPRIMEN"');
      await vscode.commands.executeCommand('editor.action.quickFix');
      return { file: 'sup3760.4gl' };
    case 'explain':
      // The runner clicks the code lens and answers the two quick picks as a user would. The
      // report and the log open in two more columns: the explorer would leave them no room.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await showWithDiagnostics('man10021.4gl', 'LOG_initApp("');
      return { file: 'man10021.4gl' };
    case 'accents':
      await showWithDiagnostics('man10090.4gl', '"MANENG,PRECO"');
      return { file: 'man10090.4gl' };
    case 'license-map': {
      // The Explorer with the license map, WMS (slot 5087) expanded: the runner clicks man10021.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
      await vscode.commands.executeCommand('logixLicenses.focus');
      const map = (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { licenseMap: LicenseMapApi }).licenseMap;
      const [environment] = await waitFor('the license map', async () => {
        const found = await map.getChildren();
        return found.length > 0 ? found : undefined;
      });
      const wms = (await map.getChildren(environment)).find((node) => map.getTreeItem(node).label === 'WMS');
      if (!wms) throw new Error('no WMS in the license map');
      await map.view.reveal(wms, { expand: true, select: true, focus: true });
      return { key: 'WMS' };
    }
  }
}
