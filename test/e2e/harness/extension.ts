/**
 * The end-to-end harness extension. Under code-server (LOGIX_E2E_DIR set) it runs the suite in
 * the extension host as soon as the window is up, writes the results for the runner, then sets
 * up the screenshot scenes one by one. Under @vscode/test-electron it does nothing: the runner
 * there calls the suite's `run()` itself.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runSuite } from '../suite/index';
import { waitFor } from '../suite/wait';
import { SCENES, SIGNAL_DIR_ENV } from './protocol';
import { setUpScene } from './scenes';

function write(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}

async function drive(dir: string, log: vscode.LogOutputChannel): Promise<void> {
  write(dir, 'started.json', { vscodeVersion: vscode.version });
  const results = await runSuite((line) => log.info(line));
  write(dir, 'results.json', { results });
  // After a critical failure (the extension did not activate) no scene can be set up.
  const blocked = results.some((result) => result.notRun);
  for (const scene of SCENES) {
    if (blocked) {
      write(dir, `scene-${scene}.ready`, { ok: false, error: 'not set up: a critical case of the suite failed' });
      continue;
    }
    try {
      write(dir, `scene-${scene}.ready`, { ok: true, ...(await setUpScene(scene)) });
    } catch (error) {
      write(dir, `scene-${scene}.ready`, { ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      continue;
    }
    await waitFor(`the runner to finish scene ${scene}`, () => (existsSync(join(dir, `scene-${scene}.done`)) ? true : undefined), undefined, { timeoutMs: 180_000, intervalMs: 100 });
  }
  write(dir, 'finished.json', { ok: true });
}

export function activate(context: vscode.ExtensionContext): void {
  const dir = process.env[SIGNAL_DIR_ENV];
  if (!dir) return;
  const log = vscode.window.createOutputChannel('Logix E2E', { log: true });
  context.subscriptions.push(log);
  drive(dir, log).catch((error: unknown) => {
    log.error(String(error));
    write(dir, 'finished.json', { ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  });
}

export function deactivate(): void {}
