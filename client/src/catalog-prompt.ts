/**
 * The start of a folder's `logix-license.json`: the command *Logix: Create logix-license.json from
 * this workspace*, and, once the server has indexed a folder without one whose programs use keys
 * the catalog does not hold, one notification offering to create it (per folder and session; "Don't
 * ask again" is kept in the extension's global state, per folder).
 *
 * The server computes the file and the counts (`logix/catalogProposal`); this side only asks, and
 * writes the file when the user picks *Create* or runs the command, never otherwise.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CatalogProposalRequest, type CatalogProposalParams, type CatalogProposalResult } from '../../server/src/lsp/custom-messages';

/** Global state: the folder URIs whose notification the user turned off for good. */
const NEVER_ASK_KEY = 'logix.catalogPrompt.neverAsk';
/** Keys named in the notification; the rest are counted. */
const KEYS_SHOWN = 3;

export class CatalogPrompt {
  /** Folders asked about in this session (a restarted server does not ask again). */
  private readonly asked = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Offers the file for every folder open now and for folders added later. */
  watchFolders(): vscode.Disposable {
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.offer(folder);
    return vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.added) void this.offer(folder);
    });
  }

  /**
   * The notification for one folder, when it has no catalog file and its programs use keys the
   * catalog does not know. The server answers once the folder's first index is complete.
   */
  async offer(folder: vscode.WorkspaceFolder): Promise<void> {
    const id = folder.uri.toString();
    if (this.asked.has(id) || this.neverAsk().includes(id)) return;
    this.asked.add(id);
    // A folder with its catalog file is not asked about: the server then reads no declaration for it.
    const catalogPath = vscode.workspace.getConfiguration('logix', folder.uri).get<string>('catalogPath') || 'logix-license.json';
    if (await exists(vscode.Uri.joinPath(folder.uri, catalogPath))) return;
    const proposal = await this.proposal(folder);
    if (!proposal || proposal.exists || proposal.unknownKeys.length === 0) return;
    const create = vscode.l10n.t('Create logix-license.json');
    const never = vscode.l10n.t("Don't ask again");
    const choice = await vscode.window.showInformationMessage(notificationText(proposal, folder), create, never);
    if (choice === create) await this.create(folder);
    else if (choice === never) await this.context.globalState.update(NEVER_ASK_KEY, [...this.neverAsk(), id]);
  }

  /**
   * The command: creates the catalog file of the folder given (the explorer, or a test), of the
   * only folder, or of the folder the user picks; opens it. Resolves to the file opened, if any.
   */
  async runCommand(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = target
      ? vscode.workspace.getWorkspaceFolder(target)
      : folders.length === 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Create logix-license.json in which folder?') });
    if (!folder) {
      if (folders.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of Logix sources to create its logix-license.json.'));
      return undefined;
    }
    return this.create(folder);
  }

  /** Writes the proposed file (unless one exists: it is opened as it is) and opens it. */
  private async create(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    const proposal = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Logix: reading the keys the programs use') },
      () => this.proposal(folder),
    );
    if (!proposal) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Logix: the language server could not propose a logix-license.json for {0}; see the Logix License output.', folder.name));
      return undefined;
    }
    const uri = vscode.Uri.parse(proposal.catalogUri);
    if (proposal.exists || (await exists(uri))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: it is opened as it is.', vscode.workspace.asRelativePath(uri)));
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(proposal.text));
      this.output.info(`created ${uri.fsPath} with ${proposal.unknownKeys.length} key(s) the built-in catalog did not hold`);
    }
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }

  private async proposal(folder: vscode.WorkspaceFolder): Promise<CatalogProposalResult | undefined> {
    const client = this.client();
    if (!client) return undefined;
    try {
      return (await client.sendRequest<CatalogProposalResult | null>(CatalogProposalRequest, { folderUri: folder.uri.toString() } satisfies CatalogProposalParams)) ?? undefined;
    } catch (error) {
      // A server stopped or restarted while it indexed: nothing to offer now.
      this.output.warn(`catalog proposal for ${folder.name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private neverAsk(): string[] {
    return this.context.globalState.get<string[]>(NEVER_ASK_KEY, []);
  }
}

/** "12 keys used here are not in the catalog (ESPEC999 ×119, VDP ×30, POL ×4, …)". */
function notificationText(proposal: Pick<CatalogProposalResult, 'unknownKeys'>, folder: { name: string }, multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1): string {
  const keys = proposal.unknownKeys;
  const shown = keys.slice(0, KEYS_SHOWN).map((use) => `${use.key} ×${use.programs}`);
  if (keys.length > KEYS_SHOWN) shown.push('…');
  const list = shown.join(', ');
  if (multiRoot) {
    return keys.length === 1
      ? vscode.l10n.t('1 key used in {0} is not in the catalog ({1}). Start a logix-license.json with it, to fill in its slot?', folder.name, list)
      : vscode.l10n.t('{0} keys used in {1} are not in the catalog ({2}). Start a logix-license.json with them, to fill in their slots?', keys.length, folder.name, list);
  }
  return keys.length === 1
    ? vscode.l10n.t('1 key used here is not in the catalog ({0}). Start a logix-license.json with it, to fill in its slot?', list)
    : vscode.l10n.t('{0} keys used here are not in the catalog ({1}). Start a logix-license.json with them, to fill in their slots?', keys.length, list);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
