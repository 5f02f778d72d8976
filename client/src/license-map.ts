/**
 * The *Logix Licenses* view in the Explorer: each environment of each workspace folder → its keys
 * (slot, area, known / unverified / invalid, how many programs hold it) → the programs holding
 * each key (position, how: declared R5, area default R6, own-area SYSTEMKEY R4, another area's R7;
 * the default key marked). A click opens where the key comes from (the LOG_initApp list, the
 * SYSTEMKEY registration, the catalog entry); the context menu explains a program or finds the
 * references of a key; a filter narrows it; a command exports a folder's report as Markdown or
 * CSV into a new document.
 *
 * The data is the server's (`logix/licenseMap`, the CLI's `report` per environment, filtered there);
 * this side only shows it, asking for the keys first and for a key's programs when it is expanded,
 * so a folder of thousands of programs never travels whole. It is asked again when the server says
 * a folder changed (`logix/licenseMapChanged`, sent once changes pause) and only while the view is
 * visible: a hidden view is marked stale and asks when shown.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EXPLAIN_COMMAND,
  LicenseMapChangedNotification,
  LicenseMapRequest,
  type LicenseMapChangedParams,
  type LicenseMapEnvironment,
  type LicenseMapHolder,
  type LicenseMapKey,
  type LicenseMapLocation,
  type LicenseMapParams,
  type LicenseMapProgram,
  type LicenseMapResult,
} from '../../server/src/lsp/custom-messages';

export const LICENSE_MAP_VIEW = 'logixLicenses';

export const LICENSE_MAP_COMMANDS = {
  refresh: 'logix.licenseMap.refresh',
  filter: 'logix.licenseMap.filter',
  clearFilter: 'logix.licenseMap.clearFilter',
  explain: 'logix.licenseMap.explain',
  findReferences: 'logix.licenseMap.findReferences',
  export: 'logix.licenseMap.export',
} as const;

/** Context key: a filter is set (the view's title shows *Clear filter*). */
const FILTERED_CONTEXT = 'logix.licenseMap.filtered';

export interface EnvironmentNode {
  readonly kind: 'environment';
  readonly id: string;
  readonly folder: vscode.WorkspaceFolder;
  readonly environment: LicenseMapEnvironment;
}

export interface KeyNode {
  readonly kind: 'key';
  readonly id: string;
  readonly parent: EnvironmentNode;
  readonly key: LicenseMapKey;
}

export interface ProgramNode {
  readonly kind: 'program';
  readonly id: string;
  readonly parent: KeyNode;
  readonly holder: LicenseMapHolder;
  /** The program's own entry (final list, what it consumes), for the tooltip. */
  readonly program?: LicenseMapProgram;
}

export type LicenseMapNode = EnvironmentNode | KeyNode | ProgramNode;

export class LicenseMapView implements vscode.TreeDataProvider<LicenseMapNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<LicenseMapNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  readonly view: vscode.TreeView<LicenseMapNode>;
  /** The answers asked so far (each folder's keys, each expanded key's programs), until the folder changes. */
  private readonly answers = new Map<string, Promise<LicenseMapResult | null>>();
  /** Folders that changed while the view was hidden. */
  private readonly stale = new Set<string>();
  private filterText = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined, private readonly output: vscode.LogOutputChannel) {
    this.view = vscode.window.createTreeView(LICENSE_MAP_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changes,
      this.view.onDidChangeVisibility((event) => {
        if (event.visible && this.stale.size > 0) this.refreshFolders([...this.stale]);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.refresh, () => this.refresh()),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.filter, (text?: string) => this.askFilter(text)),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.clearFilter, () => this.setFilter('')),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.explain, (node?: LicenseMapNode) => this.explain(node)),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.findReferences, (node?: LicenseMapNode) => this.findReferences(node)),
      vscode.commands.registerCommand(LICENSE_MAP_COMMANDS.export, (node?: LicenseMapNode | vscode.Uri, format?: 'markdown' | 'csv') => this.export(node, format)),
    );
  }

  /** Follows the server's index: called once the language client runs (and again after a restart). */
  listen(client: LanguageClient): vscode.Disposable {
    const subscription = client.onNotification(LicenseMapChangedNotification, (params: LicenseMapChangedParams) => this.changed(params.folderUri));
    this.refresh();
    return subscription;
  }

  /** A folder's map may have changed: asked again now if the view shows it, else when it is shown. */
  changed(folderUri: string): void {
    if (this.view.visible) this.refreshFolders([folderUri]);
    else {
      this.stale.add(folderUri);
      this.forget(folderUri);
    }
  }

  refresh(): void {
    this.answers.clear();
    this.stale.clear();
    this.changes.fire(undefined);
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.view.description = this.filterText ? vscode.l10n.t('filter: {0}', this.filterText) : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    this.answers.clear();
    this.changes.fire(undefined);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  // ---- the tree ------------------------------------------------------------------------------

  async getChildren(node?: LicenseMapNode): Promise<LicenseMapNode[]> {
    if (!node) return this.environments();
    if (node.kind === 'environment') {
      return node.environment.keys.map((key) => ({ kind: 'key', id: `${node.id}|key|${key.key}`, parent: node, key }));
    }
    if (node.kind === 'key') {
      const folderUri = node.parent.folder.uri.toString();
      const answer = await this.ask({ folderUri, key: { environment: node.parent.environment.root, key: node.key.key } });
      const environment = answer?.environments.find((candidate) => candidate.root === node.parent.environment.root);
      const key = environment?.keys.find((candidate) => candidate.key === node.key.key);
      const programs = new Map((environment?.programs ?? []).map((program) => [program.file, program]));
      return (key?.programs ?? []).map((holder, index) => ({
        kind: 'program', id: `${node.id}|${holder.file}|${holder.position ?? `x${index}`}`, parent: node, holder,
        ...(programs.has(holder.file) ? { program: programs.get(holder.file)! } : {}),
      }));
    }
    return [];
  }

  getParent(node: LicenseMapNode): LicenseMapNode | undefined {
    return node.kind === 'environment' ? undefined : node.parent;
  }

  getTreeItem(node: LicenseMapNode): vscode.TreeItem {
    switch (node.kind) {
      case 'environment':
        return this.environmentItem(node);
      case 'key':
        return this.keyItem(node);
      case 'program':
        return this.programItem(node);
    }
  }

  private environmentItem(node: EnvironmentNode): vscode.TreeItem {
    const { environment, folder } = node;
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const label = environment.root === '' ? folder.name : multiRoot ? `${folder.name}/${environment.root}` : environment.root;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const { summary } = environment;
    const held = summary.keysHeld === 1 ? vscode.l10n.t('1 key held') : vscode.l10n.t('{0} keys held', summary.keysHeld);
    item.description = `${programCount(summary.programs)} · ${held}${summary.blocked > 0 ? ` · ${vscode.l10n.t('{0} blocked', summary.blocked)}` : ''}`;
    const completeness = environment.complete ? vscode.l10n.t('complete') : vscode.l10n.t('partial: keys it does not list are assumed to exist');
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(label)}**: ${escapeMarkdown(environment.catalog)} (${completeness})`);
    item.iconPath = new vscode.ThemeIcon(environment.root === '' ? 'root-folder' : 'folder-library');
    item.contextValue = 'logixEnvironment';
    return item;
  }

  private keyItem(node: KeyNode): vscode.TreeItem {
    const { key } = node;
    const item = new vscode.TreeItem(key.key, key.written > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const status = key.status === 'known' ? '' : ` · ${key.status === 'unverified' ? vscode.l10n.t('unverified') : vscode.l10n.t('invalid')}`;
    const count = key.status === 'invalid'
      ? key.written === 1 ? vscode.l10n.t('written by 1 program') : vscode.l10n.t('written by {0} programs', key.written)
      : programCount(key.held);
    item.description = `${vscode.l10n.t('slot {0}', key.slotText)}${key.area ? ` · ${key.area}` : ''}${status} · ${count}`;
    const slot = key.area ? vscode.l10n.t('slot {0}, area {1}', key.slotText, key.area) : vscode.l10n.t('slot {0}', key.slotText);
    const lines = [
      `**${escapeMarkdown(key.key)}** — ${slot}`,
      ...(key.description ? [escapeMarkdown(key.description)] : []),
      key.status === 'known' ? vscode.l10n.t('In the catalog.') : key.status === 'unverified'
        ? vscode.l10n.t('Not in the catalog, which is partial: assumed to exist, slot unknown (LGX018).')
        : vscode.l10n.t('Invalid: the runtime drops it (R5) or ignores the registration (R4, R7).'),
      `${count}.`,
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    item.iconPath = key.status === 'known' ? new vscode.ThemeIcon('key')
      : key.status === 'unverified' ? new vscode.ThemeIcon('question')
        : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.contextValue = 'logixKey';
    if (key.catalogLocation) item.command = openCommand(key.catalogLocation, vscode.l10n.t('Open {0} in the catalog', key.key));
    return item;
  }

  private programItem(node: ProgramNode): vscode.TreeItem {
    const { holder, program } = node;
    const item = new vscode.TreeItem(holder.displayName, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `${holder.position === null ? '' : `#${holder.position} · `}${holder.howText}${holder.default ? ` · ${vscode.l10n.t('default key')}` : ''}`;
    const how = `${escapeMarkdown(node.parent.key.key)}: ${escapeMarkdown(holder.howText)}`;
    const lines = [`**${escapeMarkdown(holder.displayName)}** — \`${escapeMarkdown(holder.file)}\``, holder.default ? vscode.l10n.t('{0}, its default key (R8)', how) : how];
    if (program) {
      lines.push(vscode.l10n.t('Final list: {0}', program.finalKeys.map((key) => `\`${key}\``).join(', ') || vscode.l10n.t('no valid key')));
      const consumed = escapeMarkdown(program.consumed);
      lines.push(program.menuKey ? vscode.l10n.t('Menu key `{0}` → {1}', program.menuKey, consumed) : vscode.l10n.t('Menu key (none configured) → {0}', consumed));
    }
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    item.iconPath = holder.how === 'dropped' ? new vscode.ThemeIcon('circle-slash')
      : holder.default ? new vscode.ThemeIcon('star-full') : new vscode.ThemeIcon('symbol-function');
    item.contextValue = 'logixProgram';
    item.resourceUri = programUri(node);
    const location = holder.location ?? program?.location;
    if (location) item.command = openCommand(location, vscode.l10n.t('Open where {0} gets {1}', holder.displayName, node.parent.key.key));
    return item;
  }

  private async environments(): Promise<EnvironmentNode[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const nodes: EnvironmentNode[] = [];
    for (const folder of folders) {
      const map = await this.ask({ folderUri: folder.uri.toString(), keysOnly: true });
      for (const environment of map?.environments ?? []) {
        if (this.filterText && environment.keys.length === 0) continue;
        nodes.push({ kind: 'environment', id: `${folder.uri.toString()}|${environment.root}`, folder, environment });
      }
    }
    this.view.message = folders.length === 0 ? vscode.l10n.t('Open a folder of Logix sources to see its license map.')
      : nodes.length === 0 && this.filterText ? vscode.l10n.t('Nothing matches "{0}".', this.filterText) : undefined;
    return nodes;
  }

  /** A part of a folder's map (with the filter), asked once until the folder changes. */
  private ask(params: LicenseMapParams): Promise<LicenseMapResult | null> {
    const full = { ...params, ...(this.filterText ? { filter: this.filterText } : {}) };
    const id = JSON.stringify(full);
    let answer = this.answers.get(id);
    if (!answer) {
      answer = this.request(full).then((result) => {
        // A server stopped or restarted meanwhile: asked again next time.
        if (!result) this.answers.delete(id);
        return result;
      });
      this.answers.set(id, answer);
    }
    return answer;
  }

  private async request(params: LicenseMapParams): Promise<LicenseMapResult | null> {
    const client = this.client();
    if (!client) return null;
    try {
      return await client.sendRequest<LicenseMapResult | null>(LicenseMapRequest, params);
    } catch (error) {
      this.output.warn(`license map of ${params.folderUri}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** Drops what was asked about a folder. */
  private forget(folderUri: string): void {
    for (const id of [...this.answers.keys()]) if ((JSON.parse(id) as LicenseMapParams).folderUri === folderUri) this.answers.delete(id);
  }

  private refreshFolders(folderUris: readonly string[]): void {
    for (const uri of folderUris) {
      this.forget(uri);
      this.stale.delete(uri);
    }
    this.changes.fire(undefined);
  }

  // ---- commands ------------------------------------------------------------------------------

  private async askFilter(text?: string): Promise<void> {
    const value = text ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter the license map'),
      prompt: vscode.l10n.t('Keys, slots, areas, descriptions or programs containing this text (empty: no filter)'),
      value: this.filterText,
    });
    if (value !== undefined) this.setFilter(value);
  }

  private async explain(node?: LicenseMapNode): Promise<void> {
    if (node?.kind !== 'program') return;
    await vscode.commands.executeCommand(EXPLAIN_COMMAND, { uri: programUri(node).toString(), program: node.holder.program });
  }

  /**
   * The references of a key, asked of the language server where a program writes it (every
   * LOG_initApp list and SYSTEMKEY call of the environment, and its catalog entry), shown in the
   * references peek. Resolves to them (for tests).
   */
  private async findReferences(node?: LicenseMapNode): Promise<vscode.Location[]> {
    const key = node?.kind === 'key' ? node.key : node?.kind === 'program' ? node.parent.key : undefined;
    if (!key) return [];
    if (!key.writtenAt) {
      const message = key.catalogLocation
        ? vscode.l10n.t('No program writes {0} (its catalog entry is its only place): it is held as an area default (R6) or not at all.', key.key)
        : vscode.l10n.t('No program writes {0} (no file writes it): it is held as an area default (R6) or not at all.', key.key);
      void vscode.window.showInformationMessage(message);
      return [];
    }
    const uri = vscode.Uri.parse(key.writtenAt.uri);
    const position = new vscode.Position(key.writtenAt.range.start.line, key.writtenAt.range.start.character);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position) ?? [];
    await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
    return locations;
  }

  /**
   * The report of a folder (Markdown or CSV, as `report --format` prints it) in a new document the
   * user saves where they like. Resolves to that document (for tests).
   */
  private async export(target?: LicenseMapNode | vscode.Uri, format?: 'markdown' | 'csv'): Promise<vscode.TextDocument | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = target instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(target)
      : target ? folderOf(target)
        : folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Export the license map of which folder?') });
    if (!folder) return undefined;
    const chosen = format ?? (await vscode.window.showQuickPick(
      [
        { label: 'Markdown', format: 'markdown' as const, description: vscode.l10n.t('tables for a wiki page or a pull request') },
        { label: 'CSV', format: 'csv' as const, description: vscode.l10n.t('one row per key and program, for a spreadsheet') },
      ],
      { title: vscode.l10n.t('Export the license map of {0}', folder.name) }))?.format;
    if (!chosen) return undefined;
    const map = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Logix: building the license map') },
      () => this.request({ folderUri: folder.uri.toString(), format: chosen, keysOnly: true }));
    if (!map?.text) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Logix: the language server could not build the license map of {0}; see the Logix License output.', folder.name));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: chosen === 'markdown' ? 'markdown' : 'plaintext', content: map.text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }
}

/** The file of the program a node holds the key. */
function programUri(node: ProgramNode): vscode.Uri {
  return node.program ? vscode.Uri.parse(node.program.uri) : vscode.Uri.joinPath(node.parent.parent.folder.uri, ...node.holder.file.split('/'));
}

function folderOf(node: LicenseMapNode): vscode.WorkspaceFolder {
  return node.kind === 'environment' ? node.folder : node.kind === 'key' ? node.parent.folder : node.parent.parent.folder;
}

function openCommand(location: LicenseMapLocation, title: string): vscode.Command {
  const { start, end } = location.range;
  return {
    command: 'vscode.open',
    title,
    arguments: [vscode.Uri.parse(location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character), preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function programCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 program') : vscode.l10n.t('{0} programs', count);
}
