/**
 * The explain command's two documents, read-only (`logix-explain:`): the Markdown report and the
 * simulated AppServer debug log, updated in the tabs of the last run when they are open.
 */
import * as vscode from 'vscode';
import { columnOf, ReadOnlyDocuments } from './read-only-documents';

export class ExplainDocuments implements vscode.Disposable {
  private readonly documents = new ReadOnlyDocuments('logix-explain');
  /** The tabs' titles, in the user's language (chosen before the extension starts). */
  private readonly reportUri = this.documents.uriOf(`/${vscode.l10n.t('License report')}.md`);
  private readonly logUri = this.documents.uriOf(`/${vscode.l10n.t('AppServer debug')}.log`);

  /** Shows the report beside the active editor and the log beside it, in the tabs of the last run if open. */
  async show(report: string, log: string): Promise<void> {
    const reportDocument = await this.documents.set(this.reportUri, report, 'markdown');
    await vscode.window.showTextDocument(reportDocument, { viewColumn: columnOf(this.reportUri) ?? vscode.ViewColumn.Beside, preview: false });
    const logDocument = await this.documents.set(this.logUri, log, 'logix-log');
    await vscode.window.showTextDocument(logDocument, { viewColumn: columnOf(this.logUri) ?? vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  dispose(): void {
    this.documents.dispose();
  }
}
