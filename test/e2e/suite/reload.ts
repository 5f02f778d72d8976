/**
 * The reload cases (code-server only: the window reloads, so the extension host running them
 * ends halfway). Before the reload, each file of RESTORED_FILES is opened in an editor of its
 * own, long after the server indexed the folder, and what the editor shows (hover, code lens,
 * diagnostics with their messages) is recorded: a fresh analysis within its folder. The harness
 * then runs *Developer: Reload Window*; VS Code restores the editors, and the new extension host
 * starts the language server with those documents already open. After the reload the same
 * hover, lens and diagnostics must come back: a document opened before the server has
 * registered its workspace folder must not stay analysed outside it (built-in catalog, no
 * SYSTEMKEY files).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RESTORED_FILES, type RestoredFile } from './expected';
import type { TestCase } from './framework';
import { waitFor } from './wait';
import { closeAllEditorsDiscarding, diagnosticSummary, fileUri, markdownOf, positionOf, showFile } from './workbench';

/** What one editor shows. */
export interface Shown {
  readonly lens: string | undefined;
  readonly hover: string;
  /** `CODE@line:severity message`, sorted. */
  readonly diagnostics: readonly string[];
}

/** Recorded before the reload (the harness keeps it in a file across the reload). */
export interface BeforeReload {
  /** The extension host's process: after the reload it must be another one. */
  readonly extensionHostPid: number;
  readonly shown: Record<string, Shown>;
}

export const AFTER_RELOAD_CASE = 'after Developer: Reload Window, the restored editors show the same hover, code lens and diagnostics';

async function shownIn(file: RestoredFile): Promise<Shown> {
  const uri = fileUri(file.file);
  const document = await vscode.workspace.openTextDocument(uri);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, file.hoverAnchor).translate(0, 2));
  return { lens: lenses.map((lens) => lens.command?.title).join(' | ') || undefined, hover: markdownOf(hovers), diagnostics: diagnosticSummary(uri, { withMessages: true }) };
}

/** The keys of the hover's final-list table, in order. */
function hoverKeys(hover: string): string[] {
  return [...hover.matchAll(/^\| \d+ \| `([A-Z0-9]+)` \|/gm)].map((match) => match[1]!);
}

/** The hard-coded expectations (the CLI's answer on the same folder). */
function matchesExpected(file: RestoredFile, shown: Shown): boolean {
  const summary = shown.diagnostics.map((line) => line.slice(0, line.indexOf(' ')));
  return shown.lens === file.lens
    && JSON.stringify(hoverKeys(shown.hover)) === JSON.stringify(file.finalKeys)
    && JSON.stringify(summary) === JSON.stringify(file.diagnostics);
}

function sameAs(before: Shown, now: Shown): boolean {
  return now.lens === before.lens && now.hover === before.hover && JSON.stringify(now.diagnostics) === JSON.stringify(before.diagnostics);
}

/** What a failure prints: one line per thing that differs, not the whole hover. */
function differences(file: string, before: Shown | undefined, after: Shown | undefined): string[] {
  if (!before || !after) return [`${file}: ${before ? 'nothing seen yet' : 'nothing recorded before the reload'}`];
  const lines: string[] = [];
  if (after.lens !== before.lens) lines.push(`${file} lens: ${JSON.stringify(after.lens)}, before the reload ${JSON.stringify(before.lens)}`);
  if (after.hover === '') {
    lines.push(`${file} hover: none, before the reload keys [${hoverKeys(before.hover).join(',')}]`);
  } else if (after.hover !== before.hover) {
    const [beforeLines, afterLines] = [before.hover.split('\n'), after.hover.split('\n')];
    const at = afterLines.findIndex((line, index) => line !== beforeLines[index]);
    lines.push(`${file} hover keys: [${hoverKeys(after.hover).join(',')}], before the reload [${hoverKeys(before.hover).join(',')}]; ` +
      `first other line: ${JSON.stringify(afterLines[at] ?? '(none)')}, before the reload ${JSON.stringify(beforeLines[at] ?? '(none)')}`);
  }
  if (JSON.stringify(after.diagnostics) !== JSON.stringify(before.diagnostics)) {
    lines.push(`${file} diagnostics: ${JSON.stringify(after.diagnostics)}, before the reload ${JSON.stringify(before.diagnostics)}`);
  }
  return lines;
}

/** Run in the first window: opens the files, waits for their fresh analysis and records it. */
export function casesBeforeReload(record: (before: BeforeReload) => void): TestCase[] {
  return [{
    name: `before the reload: ${RESTORED_FILES.map((file) => file.file).join(' and ')} show the answer of their folder`,
    async run() {
      await closeAllEditorsDiscarding();
      const shown: Record<string, Shown> = {};
      for (const [index, file] of RESTORED_FILES.entries()) {
        // One editor group each: both stay visible, so both are restored by the reload.
        await showFile(file.file, undefined, index === 0 ? vscode.ViewColumn.One : vscode.ViewColumn.Beside);
        let seen: Shown | undefined;
        shown[file.file] = await waitFor(`${file.file} to show its lens, hover and diagnostics`, async () => {
          seen = await shownIn(file);
          return matchesExpected(file, seen) ? seen : undefined;
        }, () => ({ expected: { lens: file.lens, hoverKeys: file.finalKeys, diagnostics: file.diagnostics }, seen: seen && { lens: seen.lens, hoverKeys: hoverKeys(seen.hover), diagnostics: seen.diagnostics } }));
      }
      record({ extensionHostPid: process.pid, shown });
    },
  }];
}

/** Run in the window after the reload, by the harness' new activation. */
export function casesAfterReload(before: BeforeReload): TestCase[] {
  return [{
    name: AFTER_RELOAD_CASE,
    timeoutMs: 90_000,
    async run() {
      assert.notEqual(process.pid, before.extensionHostPid, 'the extension host was not restarted by the reload');
      // The premise: the reload restored the editors, so their documents were open when the
      // language client started (didOpen right after initialized).
      const restored = () => vscode.window.visibleTextEditors.map((editor) => vscode.workspace.asRelativePath(editor.document.uri, false)).sort();
      const expectedFiles = RESTORED_FILES.map((file) => file.file).sort();
      await waitFor('the reload to restore the editors', () => (expectedFiles.every((file) => restored().includes(file)) ? true : undefined), restored);
      // The server has indexed the folder once workspace symbols (answered after the initial
      // index) find a program of it. From then on a right answer shows within moments, and a
      // wrong one (the document analysed outside its folder) stays: the wait below is short.
      await waitFor('the server to index the folder', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'man10021');
        return symbols.some((symbol) => symbol.name.toLowerCase() === 'man10021') ? true : undefined;
      }, undefined, { timeoutMs: 60_000 });
      let seen: Record<string, Shown> = {};
      const differing = () => RESTORED_FILES.filter((file) => !seen[file.file] || !sameAs(before.shown[file.file]!, seen[file.file]!));
      await waitFor('the restored editors to show what they showed before the reload', async () => {
        seen = Object.fromEntries(await Promise.all(RESTORED_FILES.map(async (file) => [file.file, await shownIn(file)] as const)));
        return differing().length === 0 ? true : undefined;
      }, () => differing().flatMap((file) => differences(file.file, before.shown[file.file], seen[file.file])), { timeoutMs: 10_000 });
    },
  }];
}
