/**
 * Read-only documents of one of this extension's own schemes (`logix-explain:`, `logix-report:`):
 * the text a command produced, shown in a tab that a new run updates in place, so runs never pile
 * up unsaved *Untitled* buffers.
 */
import * as vscode from 'vscode';

/** How long to wait for VS Code to take a document's new text before showing it anyway. */
const UPDATE_TIMEOUT_MS = 2_000;

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly scheme: string) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  /** The URI of the document named `path` (its tab's title is the last segment). */
  uriOf(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** The document with its new text (an open one is told to read it again, and awaited). */
  async set(uri: vscode.Uri, text: string, language: string): Promise<vscode.TextDocument> {
    this.contents.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && open.getText() !== text) {
      const updated = new Promise<void>((resolve) => {
        const timer = setTimeout(() => { subscription.dispose(); resolve(); }, UPDATE_TIMEOUT_MS);
        const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document.uri.toString() !== uri.toString() || event.document.getText() !== text) return;
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        });
      });
      this.changes.fire(uri);
      await updated;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    return document.languageId === language ? document : vscode.languages.setTextDocumentLanguage(document, language);
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }
}

/** The column of the tab already showing `uri`, if any: a new run reuses it. */
export function columnOf(uri: vscode.Uri): vscode.ViewColumn | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) return group.viewColumn;
    }
  }
  return undefined;
}
