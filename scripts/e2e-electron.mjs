// `npm run test:e2e:electron`: the same end-to-end suite in VS Code desktop, with the standard
// runner @vscode/test-electron, for contributors whose machine can download VS Code (these CI
// machines cannot: they use scripts/e2e.mjs and code-server).
//
// As with code-server, the packaged .vsix is installed into a fresh extensions folder and the
// suite runs in the extension host of the harness (the extension under development here), on a
// fresh copy of examples/ plus the fixtures. No screenshots: those come from the code-server run.
// Then the pt-BR cases, in a fresh profile with the test language pack and `--locale pt-br`.
//
//   LOGIX_E2E_VSCODE_VERSION=1.100.3   the VS Code version to download (default: stable)
//   LOGIX_E2E_VSIX=FILE                test this .vsix instead of packaging one
// On Linux without a display: xvfb-run -a npm run test:e2e:electron
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { packageVsix } from './package.mjs';
import { buildHarness } from '../test/e2e/runner/build-harness.mjs';
import { PT_BR, registerLanguagePack } from '../test/e2e/runner/language-pack.mjs';
import { createProfile } from '../test/e2e/runner/settings.mjs';
import { createTestWorkspace } from '../test/e2e/runner/workspace.mjs';

async function main() {
  const vsix = process.env.LOGIX_E2E_VSIX ?? (await packageVsix()).path;
  const harness = await buildHarness();
  const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.LOGIX_E2E_VSCODE_VERSION ?? 'stable');

  const root = mkdtempSync(join(tmpdir(), 'logix-e2e-electron-'));
  const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
  /** One run in a fresh profile under `folder`; rejects when the suite's run() throws, i.e. when a case failed. */
  const runIn = async (folder, { extensions, locale }) => {
    mkdirSync(folder, { recursive: true });
    const profile = createProfile(folder);
    const workspace = createTestWorkspace(join(folder, 'workspace'));
    for (const extension of extensions) {
      execFileSync(cli, ['--extensions-dir', profile.extensions, '--user-data-dir', profile.userData, '--install-extension', extension, '--force'], { stdio: 'inherit', shell: process.platform === 'win32' });
    }
    if (locale) registerLanguagePack(profile, locale);
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: harness.harnessDir,
      extensionTestsPath: harness.suiteEntry,
      extensionTestsEnv: { LOGIX_E2E_EXTENSIONS_DIR: profile.extensions, ...(locale ? { LOGIX_E2E_LANGUAGE: locale } : {}) },
      launchArgs: [workspace, '--extensions-dir', profile.extensions, '--user-data-dir', profile.userData, ...(locale ? ['--locale', locale] : []),
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  };
  try {
    await runIn(join(root, 'en'), { extensions: [vsix] });
    await runIn(join(root, PT_BR), { extensions: [vsix, harness.languagePackVsix], locale: PT_BR });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`e2e (VS Code desktop): ${error.message}`);
  process.exitCode = 1;
});
