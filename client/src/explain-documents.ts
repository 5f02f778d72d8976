/**
 * The explain command's two documents, read-only and of this extension's own scheme
 * (`logix-explain:`): the Markdown report and the simulated AppServer debug log. A new run
 * replaces their text in the tabs already open, so runs never pile up unsaved *Untitled* buffers.
 */
import * as vscode from 'vscode';

const EXPLAIN_SCHEME = 'logix-explain';

/** How long to wait for VS Code to take a document's new text before showing it anyway. */
const UPDATE_TIMEOUT_MS = 2_000;

export class ExplainDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly registration: vscode.Disposable;
  /** The tabs' titles, in the user's language (chosen before the extension starts). */
  private readonly reportUri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${vscode.l10n.t('License report')}.md` });
  private readonly logUri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${vscode.l10n.t('AppServer debug')}.log` });

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows the report beside the active editor and the log beside it, in the tabs of the last run if open. */
  async show(report: string, log: string): Promise<void> {
    const reportDocument = await this.set(this.reportUri, report, 'markdown');
    await vscode.window.showTextDocument(reportDocument, { viewColumn: columnOf(this.reportUri) ?? vscode.ViewColumn.Beside, preview: false });
    const logDocument = await this.set(this.logUri, log, 'logix-log');
    await vscode.window.showTextDocument(logDocument, { viewColumn: columnOf(this.logUri) ?? vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }

  /** The document with its new text (an open one is told to read it again, and awaited). */
  private async set(uri: vscode.Uri, text: string, language: string): Promise<vscode.TextDocument> {
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
}

/** The column of the tab already showing `uri`, if any: a new run reuses it. */
function columnOf(uri: vscode.Uri): vscode.ViewColumn | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) return group.viewColumn;
    }
  }
  return undefined;
}
