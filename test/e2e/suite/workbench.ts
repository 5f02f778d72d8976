/** Small helpers over the VS Code API shared by the cases: files of the test workspace, editors. */
import * as vscode from 'vscode';
import { waitFor } from './wait';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner opens the test workspace');
  return folder;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export async function showFile(name: string, selection?: vscode.Range, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(document, { preview: false, ...(selection ? { selection } : {}), ...(viewColumn ? { viewColumn } : {}) });
}

/** The position of the `occurrence`-th match of `text` in the document (0-based occurrence). */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = document.getText().indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`"${text}" (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(offset);
}

/**
 * Closes every editor, discarding changes: the cases edit documents and the explain command
 * opens untitled reports, and closing those normally asks whether to save.
 */
export async function closeAllEditorsDiscarding(): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!tab.isDirty) continue;
      const input = tab.input;
      if (input instanceof vscode.TabInputText) {
        await vscode.window.showTextDocument(input.uri, { viewColumn: group.viewColumn, preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

/**
 * `CODE@line:severity` (1-based line) of this extension's diagnostics on a file, sorted; with
 * `withMessages`, each followed by a space and its message.
 */
export function diagnosticSummary(uri: vscode.Uri, { source = 'logix-license', withMessages = false } = {}): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === source)
    .map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line + 1}:${SEVERITY[diagnostic.severity]}${withMessages ? ` ${diagnostic.message}` : ''}`)
    .sort();
}

/** Waits until the server has analysed `name` (its diagnostics match `expected`). */
export async function diagnosticsOf(name: string, expected: readonly string[]): Promise<void> {
  const uri = fileUri(name);
  await waitFor(`diagnostics ${JSON.stringify(expected)} on ${name}`,
    () => (JSON.stringify(diagnosticSummary(uri)) === JSON.stringify(expected) ? true : undefined),
    () => diagnosticSummary(uri));
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n---\n');
}
