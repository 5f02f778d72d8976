// Bundles every entry point with esbuild: the CLI, the language server and the unit/LSP tests.
// Type checking is a separate step (`tsc -b`), so a bundle is never blocked by a type error and
// the type check never writes JavaScript. Output is CommonJS for Node 20 and the VS Code host.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function testEntryPoints(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'out' || name === 'e2e' ? [] : testEntryPoints(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'server/out' },
];
if (existsSync(join(root, 'server/src/server.ts'))) {
  entries.push({ entryPoints: { server: 'server/src/server.ts' }, outdir: 'server/out' });
}
if (existsSync(join(root, 'client/src/extension.ts'))) {
  entries.push({ entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'client/out', external: ['vscode'] });
}
// The benchmark and its RSS reporter go to build/, outside test/out/, so `node --test` never runs them.
entries.push({ entryPoints: { bench: 'test/bench/bench.ts', 'report-rss': 'test/bench/report-rss.ts' }, outdir: 'build/bench' });
const tests = testEntryPoints(join(root, 'test'));
if (tests.length > 0) {
  entries.push({ entryPoints: tests, outdir: 'test/out', outbase: 'test' });
}

await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
