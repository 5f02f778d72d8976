// Bundles the suite and the harness extension (TypeScript, run inside the extension host) and
// packs the harness as a .vsix, so code-server installs it exactly like the extension under test;
// packs the test pt-br language pack (test/e2e/language-pack) the same way.
// esbuild does not check types: `tsc -b` (npm run build) checks test/e2e with the other projects.
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from '../../../scripts/esbuild-options.mjs';
import { e2eOut, e2eRoot, repoRoot } from './paths.mjs';

const common = { ...commonOptions, sourcemap: 'inline', external: ['vscode'] };

/** @returns {Promise<{ harnessDir: string, harnessVsix: string, suiteEntry: string, languagePackVsix: string }>} */
export async function buildHarness() {
  rmSync(e2eOut, { recursive: true, force: true });
  const harnessDir = join(e2eOut, 'harness');
  const suiteDir = join(e2eOut, 'suite');
  await Promise.all([
    build({ ...common, entryPoints: { extension: join(e2eRoot, 'harness', 'extension.ts') }, outdir: harnessDir }),
    // The @vscode/test-electron entry (extensionTestsPath).
    build({ ...common, entryPoints: { index: join(e2eRoot, 'suite', 'index.ts') }, outdir: suiteDir }),
  ]);
  mkdirSync(harnessDir, { recursive: true });
  copyFileSync(join(e2eRoot, 'harness', 'package.json'), join(harnessDir, 'package.json'));
  copyFileSync(join(repoRoot, 'LICENSE'), join(harnessDir, 'LICENSE'));
  const harnessVsix = join(e2eOut, 'logix-license-e2e-harness.vsix');
  const { createVSIX } = await import('@vscode/vsce');
  await createVSIX({ cwd: harnessDir, packagePath: harnessVsix, dependencies: false, allowMissingRepository: true, quiet: true });
  const languagePackDir = join(e2eOut, 'language-pack');
  cpSync(join(e2eRoot, 'language-pack'), languagePackDir, { recursive: true });
  copyFileSync(join(repoRoot, 'LICENSE'), join(languagePackDir, 'LICENSE'));
  const languagePackVsix = join(e2eOut, 'logix-license-e2e-pt-br.vsix');
  await createVSIX({ cwd: languagePackDir, packagePath: languagePackVsix, dependencies: false, allowMissingRepository: true, quiet: true });
  return { harnessDir, harnessVsix, suiteEntry: join(suiteDir, 'index.js'), languagePackVsix };
}
