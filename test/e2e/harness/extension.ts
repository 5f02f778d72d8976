/**
 * The end-to-end harness extension. Under code-server (LOGIX_E2E_DIR set) it runs the suite in
 * the extension host as soon as the window is up, writes the results for the runner, then sets
 * up the screenshot scenes one by one, and last opens the files of the reload case and reloads
 * the window: its next activation, in the new extension host, checks those editors and writes
 * the last results. In the pt-BR run (LOGIX_E2E_LANGUAGE set) it runs the pt-BR cases and stops
 * there. Under @vscode/test-electron it does nothing: the runner there calls the suite's `run()`
 * itself (no reload case: its extension host must live to the end).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runCases, type TestResult } from '../suite/framework';
import { runSuite } from '../suite/index';
import { AFTER_RELOAD_CASE, casesAfterReload, casesBeforeReload, type BeforeReload } from '../suite/reload';
import { waitFor } from '../suite/wait';
import { LANGUAGE_ENV, RELOAD_FILE, RELOAD_RESULTS_FILE, SCENES, SIGNAL_DIR_ENV } from './protocol';
import { setUpScene } from './scenes';

interface ReloadRecord {
  readonly results: TestResult[];
  readonly before?: BeforeReload;
}

function write(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

async function drive(dir: string, log: vscode.LogOutputChannel): Promise<void> {
  write(dir, 'started.json', { vscodeVersion: vscode.version, language: vscode.env.language });
  const results = await runSuite((line) => log.info(line));
  write(dir, 'results.json', { results });
  if (process.env[LANGUAGE_ENV]) {
    write(dir, 'finished.json', { ok: true });
    return;
  }
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
      write(dir, `scene-${scene}.ready`, { ok: false, error: errorText(error) });
      continue;
    }
    await waitFor(`the runner to finish scene ${scene}`, () => (existsSync(join(dir, `scene-${scene}.done`)) ? true : undefined), undefined, { timeoutMs: 180_000, intervalMs: 100 });
  }
  await reload(dir, log, blocked);
}

/** Opens the files of the reload case, records what they show, and reloads the window. */
async function reload(dir: string, log: vscode.LogOutputChannel, blocked: boolean): Promise<void> {
  let before: BeforeReload | undefined;
  const results = blocked ? [] : await runCases(casesBeforeReload((recorded) => { before = recorded; }), (line) => log.info(line));
  write(dir, RELOAD_FILE, { results, ...(before ? { before } : {}) } satisfies ReloadRecord);
  if (!before) {
    const why = blocked ? 'a critical case of the suite failed' : 'the state before the reload could not be recorded';
    write(dir, RELOAD_RESULTS_FILE, { results: [...results, { name: AFTER_RELOAD_CASE, ok: false, ms: 0, notRun: true, error: `not run: ${why}` }] });
    write(dir, 'finished.json', { ok: true });
    return;
  }
  log.info('reloading the window');
  // Developer: Reload Window. This extension host ends; the next one goes on in afterReload().
  await vscode.commands.executeCommand('workbench.action.reloadWindow');
}

async function afterReload(dir: string, log: vscode.LogOutputChannel): Promise<void> {
  const record = JSON.parse(readFileSync(join(dir, RELOAD_FILE), 'utf8')) as ReloadRecord;
  const results = await runCases(casesAfterReload(record.before!), (line) => log.info(line));
  // The lenses recorded before the reload: the runner looks for them on screen.
  const lenses = Object.values(record.before!.shown).flatMap((shown) => (shown.lens ? [shown.lens] : []));
  write(dir, RELOAD_RESULTS_FILE, { results: [...record.results, ...results], lenses });
  write(dir, 'finished.json', { ok: true });
}

export function activate(context: vscode.ExtensionContext): void {
  const dir = process.env[SIGNAL_DIR_ENV];
  if (!dir) return;
  const log = vscode.window.createOutputChannel('Logix E2E', { log: true });
  context.subscriptions.push(log);
  // The window was reloaded by the first activation: this is the second half.
  const reloaded = existsSync(join(dir, RELOAD_FILE)) && !existsSync(join(dir, RELOAD_RESULTS_FILE));
  (reloaded ? afterReload(dir, log) : drive(dir, log)).catch((error: unknown) => {
    log.error(String(error));
    // The runner waits for these next: say what went wrong there too.
    if (!existsSync(join(dir, RELOAD_FILE))) write(dir, RELOAD_FILE, { results: [] } satisfies ReloadRecord);
    if (!existsSync(join(dir, RELOAD_RESULTS_FILE))) {
      write(dir, RELOAD_RESULTS_FILE, { results: [{ name: reloaded ? 'the harness ran the reload case' : 'the harness reloaded the window', ok: false, ms: 0, error: errorText(error) }] });
    }
    write(dir, 'finished.json', { ok: false, error: errorText(error) });
  });
}

export function deactivate(): void {}
