// `npm run test:e2e` (also the last step of `npm test`): the packaged .vsix in real VS Code.
//
// code-server (VS Code 1.100.3 for the browser, installed once into the user's cache) gets a
// fresh profile with the .vsix and the test-harness extension installed, and opens a copy of
// examples/ in Debian's Chromium. The harness runs the suite in the extension host and writes the
// results; the runner then drives the UI for the screenshots. Last, the harness reloads the window
// with two files open and, in the new extension host, checks them; the runner waits for those
// results and checks the restored lenses on screen. Then a second, shorter run: the same .vsix in
// a fresh code-server whose display language is pt-br (`--locale pt-br`, with a test language
// pack), where the pt-BR cases check that the client and the server speak Portuguese
// (test/e2e/suite/cases-pt-br.ts, expectations in expected-pt-br.ts). Everything it starts, it stops.
//
//   LOGIX_SKIP_E2E=1        skip (say so; for machines without Chromium and without root)
//   LOGIX_E2E_VSIX=FILE     test this .vsix instead of packaging one
//   LOGIX_E2E_CHROMIUM=BIN  another Chromium or Chrome
//   LOGIX_E2E_CACHE=DIR     where code-server is installed (default ~/.cache/logix-license-e2e)
//   LOGIX_E2E_KEEP=1        keep the temporary folder (profile, logs, workspace) after a pass
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVsix } from './package.mjs';
import { buildHarness } from '../test/e2e/runner/build-harness.mjs';
import { openWorkbench } from '../test/e2e/runner/browser.mjs';
import { ensureChromium } from '../test/e2e/runner/chromium.mjs';
import { installExtensions, instanceDirs, startCodeServer } from '../test/e2e/runner/code-server.mjs';
import { ensureCodeServer } from '../test/e2e/runner/code-server-install.mjs';
import { PT_BR, registerLanguagePack } from '../test/e2e/runner/language-pack.mjs';
import { CODE_SERVER_VERSION, screenshotsDir } from '../test/e2e/runner/paths.mjs';
import { tail } from '../test/e2e/runner/process.mjs';
import { printResults, printSummary } from '../test/e2e/runner/report.mjs';
import { checkRestoredLenses, runScenes } from '../test/e2e/runner/scenes.mjs';
import { Signals } from '../test/e2e/runner/signals.mjs';
import { createTestWorkspace } from '../test/e2e/runner/workspace.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`e2e [${elapsed()}] ${message}`);

function logTail(path) {
  try {
    return tail(readFileSync(path, 'utf8'));
  } catch {
    return '(no log)';
  }
}

/** The code-server running now: Ctrl+C does not reach it (its own process group), so it is stopped here. */
let running;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log(`e2e: ${signal}, stopping code-server`);
    void Promise.resolve(running?.stop()).finally(() => process.exit(130));
  });
}

/**
 * The pt-BR run in `root`: a fresh profile with the .vsix, the harness and the test language pack,
 * code-server started with `--locale pt-br`; the harness runs the pt-BR cases only.
 */
async function portugueseRun({ codeServer, chromiumPath, vsix, harness, root }) {
  mkdirSync(root);
  const dirs = instanceDirs(root);
  const signalDir = join(root, 'signals');
  mkdirSync(signalDir);
  const workspace = createTestWorkspace(join(root, 'workspace'));
  await installExtensions(codeServer.entry, dirs, [vsix, harness.harnessVsix, harness.languagePackVsix]);
  registerLanguagePack(dirs, PT_BR);
  const results = [];
  const server = await startCodeServer(codeServer.entry, dirs, workspace,
    { LOGIX_E2E_DIR: signalDir, LOGIX_E2E_EXTENSIONS_DIR: dirs.extensions, LOGIX_E2E_LANGUAGE: PT_BR }, { locale: PT_BR });
  running = server;
  let browser;
  try {
    const opened = await openWorkbench(chromiumPath, server.url, workspace, join(root, 'chromium-config'));
    browser = opened.browser;
    let pageError;
    opened.page.on('crash', () => { pageError = 'the page crashed'; });
    const signals = new Signals(signalDir, () => (server.exited() ? 'code-server exited' : pageError));
    const started = await signals.waitFor('started.json', 120_000);
    log(`VS Code ${started.vscodeVersion} in display language ${started.language}: the pt-BR cases run in its extension host`);
    const suite = await signals.waitFor('results.json', 5 * 60_000);
    printResults(`pt-BR (VS Code in ${started.language}, --locale ${PT_BR})`, suite.results);
    results.push(...suite.results);
    const finished = await signals.waitFor('finished.json', 60_000);
    if (!finished.ok) results.push({ name: 'pt-BR: the harness finished cleanly', ok: false, ms: 0, error: finished.error });
  } catch (error) {
    results.push({ name: 'pt-BR: the end-to-end run completed', ok: false, ms: 0, error: `${error.stack ?? error.message}\n--- code-server log (${dirs.log}) ---\n${logTail(dirs.log)}` });
    printResults('pt-BR run', results.slice(-1));
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  return results;
}

async function main() {
  if (process.env.LOGIX_SKIP_E2E === '1') {
    console.log('e2e: skipped (LOGIX_SKIP_E2E=1): the .vsix was not tested in VS Code');
    return 0;
  }
  // The runner installs Debian's Chromium and builds code-server's native modules: Linux only.
  if (process.platform !== 'linux') {
    console.log(`e2e: skipped on ${process.platform}: this runner needs Linux (Debian's chromium, code-server); ` +
      'run the same suite in VS Code desktop with `npm run test:e2e:electron` instead');
    return 0;
  }
  const chromiumPath = await ensureChromium(log);
  const codeServer = await ensureCodeServer(log);
  log(`${codeServer.installed ? 'installed' : 'cached'} code-server ${CODE_SERVER_VERSION}: ${codeServer.dir}`);
  const vsix = process.env.LOGIX_E2E_VSIX ?? (await packageVsix({ log })).path;
  const harness = await buildHarness();
  log(`testing ${vsix}`);

  const root = mkdtempSync(join(tmpdir(), 'logix-e2e-'));
  const dirs = instanceDirs(root);
  const signalDir = join(root, 'signals');
  mkdirSync(signalDir);
  const workspace = createTestWorkspace(join(root, 'workspace'));
  await installExtensions(codeServer.entry, dirs, [vsix, harness.harnessVsix]);

  const server = await startCodeServer(codeServer.entry, dirs, workspace, { LOGIX_E2E_DIR: signalDir, LOGIX_E2E_EXTENSIONS_DIR: dirs.extensions });
  running = server;
  let browser;
  let results = [];
  try {
    const opened = await openWorkbench(chromiumPath, server.url, workspace, join(root, 'chromium-config'));
    browser = opened.browser;
    const { page } = opened;
    let pageError;
    page.on('crash', () => { pageError = 'the page crashed'; });
    const signals = new Signals(signalDir, () => (server.exited() ? 'code-server exited' : pageError));
    const startedInfo = await signals.waitFor('started.json', 120_000);
    log(`VS Code ${startedInfo.vscodeVersion} (code-server ${CODE_SERVER_VERSION}) is up; the suite runs in its extension host`);
    const suite = await signals.waitFor('results.json', 15 * 60_000);
    printResults(`extension API (in the extension host of VS Code ${startedInfo.vscodeVersion})`, suite.results);
    const ui = await runScenes(page, signals, screenshotsDir);
    printResults(`UI (Chromium, screenshots in ${screenshotsDir})`, ui);
    results = [...suite.results, ...ui];
    // The page stays open across the reload: the harness' next activation writes these.
    const reloading = await signals.waitFor('reload.json', 120_000);
    if (reloading.before) log('the harness reloads the window (Developer: Reload Window) with the files of the reload case open');
    const reloaded = await signals.waitFor('reload-results.json', 180_000);
    const ranAfterReload = reloaded.results.length > 0 && !reloaded.results.at(-1).notRun;
    const onScreen = ranAfterReload && reloaded.lenses ? [await checkRestoredLenses(page, reloaded.lenses, screenshotsDir)] : [];
    printResults('after Developer: Reload Window (a new extension host, the editors restored)', [...reloaded.results, ...onScreen]);
    results.push(...reloaded.results, ...onScreen);
    const finished = await signals.waitFor('finished.json', 60_000);
    if (!finished.ok) results.push({ name: 'the harness finished cleanly', ok: false, ms: 0, error: finished.error });
  } catch (error) {
    results.push({ name: 'the end-to-end run completed', ok: false, ms: Date.now() - started, error: `${error.stack ?? error.message}\n--- code-server log (${dirs.log}) ---\n${logTail(dirs.log)}` });
    printResults('run', results.slice(-1));
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  log(`the pt-BR run: code-server --locale ${PT_BR}`);
  results.push(...(await portugueseRun({ codeServer, chromiumPath, vsix, harness, root: join(root, PT_BR) })));
  const passed = results.every((result) => result.ok);
  if (passed && process.env.LOGIX_E2E_KEEP !== '1') rmSync(root, { recursive: true, force: true });
  else log(`profile, logs and workspace kept in ${root}`);
  log('finished');
  const failed = printSummary(results); // last: CI reads the closing line
  return failed === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`e2e: ${error.message}`);
  printSummary([{ name: 'the end-to-end run started', ok: false }]);
  process.exitCode = 1;
});
