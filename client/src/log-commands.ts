/**
 * The commands on AppServer debug logs: *Logix: Compare with AppServer log…*, *Logix: Clear
 * AppServer log comparison* and *Logix: Import slots from AppServer log…*. The log is the file
 * given (the explorer's context menu, a test), else the active editor's document when it is a
 * log, else the file the user picks; the folder is the one holding the log, else the only one,
 * else the one the user picks.
 *
 * The server compares and plans (`logix/compareLog`, `logix/importLog`); this side shows the
 * report in a read-only view (a `logix-report:` document) and the import's summary in a modal,
 * and applies the import's edit only when the user picks *Apply*.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLEAR_LOG_COMPARISON_COMMAND,
  ClearLogComparisonRequest,
  COMPARE_LOG_COMMAND,
  CompareLogRequest,
  IMPORT_LOG_COMMAND,
  ImportLogRequest,
  type ClearLogComparisonParams,
  type ClearLogComparisonResult,
  type CompareLogParams,
  type CompareLogResult,
  type ImportLogParams,
  type ImportLogResult,
  type LogContent,
} from '../../server/src/lsp/custom-messages';
import { ReadOnlyDocuments } from './read-only-documents';

interface PickedLog {
  readonly content: LogContent;
  readonly name: string;
  /** Where it is, when it is a file or a document. */
  readonly uri?: vscode.Uri;
}

export class LogCommands {
  /** The comparison reports, read-only, one tab per folder updated by each comparison. */
  private readonly reports = new ReadOnlyDocuments('logix-report');

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable[] {
    return [
      this.reports,
      vscode.commands.registerCommand(COMPARE_LOG_COMMAND, (target?: unknown) => this.compare(target instanceof vscode.Uri ? target : undefined)),
      vscode.commands.registerCommand(CLEAR_LOG_COMPARISON_COMMAND, () => this.clear()),
      vscode.commands.registerCommand(IMPORT_LOG_COMMAND, (target?: unknown) => this.importLog(target instanceof vscode.Uri ? target : undefined)),
    ];
  }

  /** Compares the log with the folder's predictions and opens the report; resolves to the server's answer. */
  async compare(target?: vscode.Uri): Promise<CompareLogResult | undefined> {
    const client = this.client();
    if (!client) return undefined;
    const log = await pickLog(target, vscode.l10n.t('Compare with AppServer log'));
    if (!log) return undefined;
    const folder = await pickFolder(log.uri, vscode.l10n.t('Compare the log with the programs of which folder?'));
    if (!folder) return undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Logix: comparing {0} with {1}', log.name, folder.name) },
      () => this.request<CompareLogResult | null>(client, CompareLogRequest, { folderUri: folder.uri.toString(), log: log.content, name: log.name } satisfies CompareLogParams),
    );
    if (!result) return undefined;
    if (result.error) {
      void vscode.window.showWarningMessage(`Logix: ${result.error}`);
      return result;
    }
    this.output.info(`compared ${log.name} with ${folder.name}: ${result.summary.runs} run(s), ${result.summary.disagree} disagree(s), ${result.diagnostics} LGX019`);
    const report = await this.reports.set(this.reports.uriOf(`/${folder.name}/${vscode.l10n.t('AppServer log comparison')}.md`), result.report, 'markdown');
    await vscode.window.showTextDocument(report, { preview: false });
    return result;
  }

  /** Clears every folder's LGX019 diagnostics; resolves to how many went. */
  async clear(): Promise<number> {
    const client = this.client();
    if (!client) return 0;
    const result = await this.request<ClearLogComparisonResult>(client, ClearLogComparisonRequest, {} satisfies ClearLogComparisonParams);
    if (!result) return 0;
    // The warnings going away is the answer; only nothing to clear is said.
    if (result.cleared === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Logix: no AppServer log comparison to clear.'));
    else this.output.info(`cleared ${result.cleared} LGX019 of the AppServer log comparisons`);
    return result.cleared;
  }

  /**
   * What the log teaches the folder's logix-license.json, shown in a modal; the edit is applied
   * (and the file saved) only when the user picks *Apply*. Resolves to whether it was applied.
   */
  async importLog(target?: vscode.Uri): Promise<boolean> {
    const client = this.client();
    if (!client) return false;
    const log = await pickLog(target, vscode.l10n.t('Import slots from AppServer log'));
    if (!log) return false;
    const folder = await pickFolder(log.uri, vscode.l10n.t('Import into the logix-license.json of which folder?'));
    if (!folder) return false;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Logix: reading {0}', log.name) },
      () => this.request<ImportLogResult | null>(client, ImportLogRequest, { folderUri: folder.uri.toString(), log: log.content, name: log.name } satisfies ImportLogParams),
    );
    if (!result) return false;
    if (result.error) {
      void vscode.window.showWarningMessage(`Logix: ${result.error}`);
      return false;
    }
    const catalogUri = vscode.Uri.parse(result.catalogUri);
    const catalogName = vscode.workspace.asRelativePath(catalogUri);
    const one = result.runs === 1;
    if (!result.edit || result.changes === 0) {
      const nothing = one
        ? vscode.l10n.t('Logix: 1 run of {0} adds nothing to {1}. {2}', log.name, catalogName, result.lines.join('; '))
        : vscode.l10n.t('Logix: {0} runs of {1} add nothing to {2}. {3}', result.runs, log.name, catalogName, result.lines.join('; '));
      void vscode.window.showInformationMessage(nothing);
      return false;
    }
    const question = result.exists
      ? one ? vscode.l10n.t('Add to {0} what 1 run of {1} teaches?', catalogName, log.name) : vscode.l10n.t('Add to {0} what {1} runs of {2} teach?', catalogName, result.runs, log.name)
      : one ? vscode.l10n.t('Create {0} with what 1 run of {1} teaches?', catalogName, log.name) : vscode.l10n.t('Create {0} with what {1} runs of {2} teach?', catalogName, result.runs, log.name);
    // Modal: VS Code adds Cancel; closing the dialog is Cancel too.
    const apply = vscode.l10n.t('Apply');
    const choice = await vscode.window.showInformationMessage(question, { modal: true, detail: result.lines.join('\n') }, apply);
    if (choice !== apply) return false;
    // The edit fits the text the server read: an editor with other text would be edited wrongly.
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === catalogUri.toString());
    if (open && (open.isDirty || (result.baseText !== undefined && open.getText() !== result.baseText))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Logix: {0} has changed since the log was read (unsaved changes?): save it and run the command again. Nothing was written.', catalogName));
      return false;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Logix: {0} could not be edited (it was created or changed meanwhile?). Nothing was written.', catalogName));
      return false;
    }
    const document = await vscode.workspace.openTextDocument(catalogUri);
    await document.save();
    await vscode.window.showTextDocument(document, { preview: false });
    this.output.info(`${catalogName}: ${result.changes} addition(s) from ${log.name}`);
    return true;
  }

  private async request<R>(client: LanguageClient, method: string, params: unknown): Promise<R | undefined> {
    try {
      return await client.sendRequest<R>(method, params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.warn(`${method}: ${message}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Logix: the language server could not answer ({0}); see the Logix License output.', message));
      return undefined;
    }
  }
}

/** A document that is a log: the log language modes, or a `.log` file. */
function isLog(document: vscode.TextDocument): boolean {
  return document.languageId === 'logix-log' || document.languageId === 'log' || /\.log$/i.test(document.uri.path);
}

/** The log given, else the active editor's when it is one, else the file the user picks. */
async function pickLog(target: vscode.Uri | undefined, title: string): Promise<PickedLog | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (!target && active && isLog(active)) {
    // Only an untitled log is sent as the editor's text: a saved one is read as bytes, decoded
    // as the AppServer wrote it, not as VS Code's files.encoding shows it.
    if (active.isUntitled) return { content: { text: active.getText() }, name: nameOf(active.uri), uri: active.uri };
    target = active.uri;
  }
  if (!target) {
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Read this log'),
      filters: { [vscode.l10n.t('AppServer logs')]: ['log', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    target = picked?.[0];
    if (!target) return undefined;
  }
  // An open document with unsaved changes: its text is what the user sees.
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
  if (open?.isDirty) return { content: { text: open.getText() }, name: nameOf(target), uri: target };
  // A file the server can read itself; else its bytes (decoded by the server, as compare-log does).
  if (target.scheme === 'file') return { content: { uri: target.toString() }, name: nameOf(target), uri: target };
  const bytes = await vscode.workspace.fs.readFile(target);
  return { content: { base64: Buffer.from(bytes).toString('base64') }, name: nameOf(target), uri: target };
}

/** The folder holding the log, else the only one, else the one the user picks. */
async function pickFolder(log: vscode.Uri | undefined, placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const holding = log ? vscode.workspace.getWorkspaceFolder(log) : undefined;
  if (holding) return holding;
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the folder of the Logix sources the log is about first.'));
    return undefined;
  }
  return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick({ placeHolder });
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
