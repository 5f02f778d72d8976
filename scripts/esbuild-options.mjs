// The esbuild options every bundle of the project shares: scripts/build.mjs (CLI, server,
// extension, tests, benchmark) and test/e2e/runner/build-harness.mjs (the end-to-end suite and
// harness). Each adds its entry points, output folder, source maps and externals.
import { catalogValidator } from './catalog-validator.mjs';
import { repoRoot } from './repo-root.mjs';

/** @type {import('esbuild').BuildOptions} */
export const commonOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: repoRoot,
  // The catalog's JSON Schema compiled to its validator.
  plugins: [catalogValidator],
};
