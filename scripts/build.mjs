// Bundles every entry point with esbuild: the CLI, the parse worker, the language server, the
// extension, the unit/CLI/LSP tests, the benchmark and the fuzz campaign.
// Type checking is a separate step (`tsc -b`), so a bundle is never blocked by a type error and
// the type check never writes JavaScript. Output is CommonJS for Node 20 and the VS Code host.
//
// `--production DIR` builds only what the .vsix ships (the server and the extension), minified
// and without source maps, under DIR (scripts/package.mjs's staging folder), so the bundles the
// tests run and debug stay readable.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commonOptions } from './esbuild-options.mjs';
import { repoRoot as root } from './repo-root.mjs';

function testEntryPoints(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'out' || name === 'e2e' ? [] : testEntryPoints(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const common = { ...commonOptions, sourcemap: 'linked' };

const entries = [
  // The parse worker sits beside the CLI and the server, which start it from their own folder.
  { entryPoints: { cli: 'server/src/cli/main.ts', 'parse-worker': 'server/src/workspace/parse-worker.ts' }, outdir: 'server/out' },
  { entryPoints: { server: 'server/src/server.ts' }, outdir: 'server/out' },
  { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'client/out', external: ['vscode'] },
  // The benchmark and its RSS reporter go to build/, outside test/out/, so `node --test` never runs them.
  { entryPoints: { bench: 'test/bench/bench.ts', 'report-rss': 'test/bench/report-rss.ts' }, outdir: 'build/bench' },
  // The fuzz campaign (`npm run fuzz`) and its worker thread, which the slice in test/out/ starts too.
  { entryPoints: { fuzz: 'test/fuzz/main.ts', 'fuzz-worker': 'test/fuzz/worker.ts' }, outdir: 'build/fuzz' },
  { entryPoints: testEntryPoints(join(root, 'test')), outdir: 'test/out', outbase: 'test' },
];

const productionIndex = process.argv.indexOf('--production');
if (productionIndex >= 0) {
  const stage = process.argv[productionIndex + 1];
  if (!stage) throw new Error('--production needs the staging folder');
  // The extension's own folders, without the command-line tool, which the extension does not run.
  const shipped = entries.filter((entry) => entry.outdir === 'server/out' || entry.outdir === 'client/out').map((entry) => ({
    ...entry,
    entryPoints: Object.fromEntries(Object.entries(entry.entryPoints).filter(([name]) => name !== 'cli')),
  })).filter((entry) => Object.keys(entry.entryPoints).length > 0);
  await Promise.all(shipped.map((entry) => build({ ...common, ...entry, outdir: join(stage, entry.outdir), minify: true, sourcemap: false })));
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
