/**
 * `npm run bench`: the speed figures on synthetic Logix workspaces, each printed on
 * one line with its target beside it. A benchmark, not a test: it reports, it does not fail.
 *
 *   npm run bench                 2,000 and 20,000 files
 *   npm run bench -- --sizes 2000 only the small workspace
 *
 * Workspaces are generated once (deterministic, seed 1) under ~/.cache/logix-license-bench.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Hover } from 'vscode-languageserver-protocol';
import { decodeText } from '../../server/src/workspace/decode.js';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { repoRoot } from '../helpers/paths.js';
import { EDITING_SHAPES, editingProgram, encodeLatin1, generateWorkspace, type EditingShape } from './generate.js';

/** Bump when the generator changes, so cached workspaces are made again. */
const GENERATOR_VERSION = 2;
const CACHE = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'logix-license-bench');

interface Workspace {
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
  readonly largest: string;
}

function workspace(count: number): Workspace {
  const root = join(CACHE, `ws-${count}-seed1-v${GENERATOR_VERSION}`);
  const marker = join(root, '.complete.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as Workspace;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  process.stderr.write(`generating ${count} files in ${root}…\n`);
  const generated = generateWorkspace(root, count, 1);
  const result: Workspace = { root, files: generated.files, bytes: generated.bytes, largest: generated.largest };
  writeFileSync(marker, JSON.stringify(result)); // written last: a half-made workspace has none
  return result;
}

function line(label: string, value: string, target: string, met?: boolean): void {
  const verdict = met === undefined ? '' : met ? '  ok' : '  MISSED';
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   target ${target}${verdict}`);
}

/** Runs the CLI's check in a fresh process; returns wall time and the child's peak RSS. */
async function coldCheck(root: string): Promise<{ ms: number; peakMb: number }> {
  const rssFile = join(CACHE, `rss-${process.pid}.txt`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', join(repoRoot, 'build', 'bench', 'report-rss.js'), join(repoRoot, 'server', 'out', 'cli.js'), 'check', root, '--format', 'json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LOGIX_BENCH_RSS_FILE: rssFile },
  });
  await new Promise((resolve) => child.on('exit', resolve));
  const ms = performance.now() - started;
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, peakMb };
}

/** The floor: read and decode every file, no lexing. */
function readAndDecode(root: string): number {
  const started = performance.now();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.4gl')) decodeText(readFileSync(path));
    }
  };
  walk(root);
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

interface LatencySamples {
  change: number[];
  hover: number[];
}

/**
 * Edits the largest program (its LOG_initApp key, alternating) and hovers its LOG_initApp call,
 * measuring didChange → its diagnostics and hover round trips, until `until` resolves (or for
 * `minimum` samples).
 */
async function measureEditing(client: TestClient, path: string, until: Promise<unknown> | undefined, minimum: number): Promise<LatencySamples> {
  const uri = uriOf(path);
  const original = decodeText(readFileSync(path));
  const initAppLine = original.split('\n').findIndex((text) => text.includes('LOG_initApp('));
  const character = original.split('\n')[initAppLine]!.indexOf('LOG_initApp') + 3;
  const samples: LatencySamples = { change: [], hover: [] };
  let done = false;
  void until?.then(() => (done = true));
  let version = 1;
  // The open is not what is measured: wait for its diagnostics before the first edit.
  const opened = new Promise<void>((resolve) => {
    const stop = client.onDiagnostics((published, _diagnostics, publishedVersion) => {
      if (published === uri && publishedVersion === version) {
        stop();
        resolve();
      }
    });
  });
  client.open(uri, original);
  await opened;
  // Edits are paced like fast typing (one every 100 ms) and sent as editors send them: the one
  // changed range, not the whole text.
  const keyAt = { line: initAppLine, character: original.split('\n')[initAppLine]!.indexOf('LOG_initApp("') + 'LOG_initApp("'.length };
  for (let sample = 0; until ? !done || sample < 3 : sample < minimum; sample++) {
    version += 1;
    const edit = version % 2 === 0
      ? { range: { start: keyAt, end: keyAt }, text: 'WMS,' }
      : { range: { start: keyAt, end: { line: keyAt.line, character: keyAt.character + 4 } }, text: '' };
    const paced = new Promise((resolve) => setTimeout(resolve, 100));
    const published = new Promise<void>((resolve) => {
      const stop = client.onDiagnostics((published, _diagnostics, publishedVersion) => {
        if (published === uri && publishedVersion === version) {
          stop();
          resolve();
        }
      });
    });
    const changeStarted = performance.now();
    client.changeRange(uri, edit.range, edit.text);
    await published;
    samples.change.push(performance.now() - changeStarted);
    const hoverStarted = performance.now();
    await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: initAppLine, character } });
    samples.hover.push(performance.now() - hoverStarted);
    await paced;
  }
  client.close(uri);
  return samples;
}

async function languageServer(ws: Workspace, large: boolean): Promise<void> {
  // A fresh storage folder: the cold start writes the persisted index, the warm start reads it.
  const cacheFolder = mkdtempSync(join(tmpdir(), 'logix-bench-storage-'));
  const client = new TestClient({ cacheFolder });
  const started = performance.now();
  await client.initialize([ws.root]);
  const indexed = client.whenIndexed().then(() => performance.now() - started);
  const during = await measureEditing(client, join(ws.root, ws.largest), indexed, 0);
  const indexMs = await indexed;
  // Read when the editing that ran during the index has stopped: the server holds the index and
  // that one open document.
  const rssIndexed = rssMb(client.pid);
  line(`LSP cold index to end of progress (${ws.files} files)`, `${(indexMs / 1000).toFixed(2)} s`, large ? '≤ 15 s' : '—', large ? indexMs <= 15000 : undefined);
  const after = await measureEditing(client, join(ws.root, ws.largest), undefined, 40);
  for (const [label, samples] of [['while indexing', during], ['after indexing', after]] as const) {
    if (process.env['LOGIX_BENCH_SAMPLES']) {
      console.log(`  ${label}: didChange ms ${samples.change.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`  ${label}: hover ms ${samples.hover.map((ms) => ms.toFixed(1)).join(' ')}`);
    }
    const changeP95 = percentile(samples.change, 95);
    line(`didChange → diagnostics, 30,000 lines, ${label} (n=${samples.change.length})`, `p95 ${changeP95.toFixed(1)} ms`, '≤ 50 ms', changeP95 <= 50);
    const hoverP50 = percentile(samples.hover, 50);
    const hoverP95 = percentile(samples.hover, 95);
    line(`hover on LOG_initApp, ${label}`, `p50 ${hoverP50.toFixed(1)} / p95 ${hoverP95.toFixed(1)} ms`, 'p95 ≤ 5 ms', hoverP95 <= 5);
  }
  line(`LSP server RSS after indexing (${ws.files} files)`, `${rssIndexed.toFixed(0)} MB`, large ? '≤ 300 MB' : '—', large ? rssIndexed <= 300 : undefined);
  line('LSP server RSS after the 40 edits and hovers above', `${rssMb(client.pid).toFixed(0)} MB`, '—');
  await client.stop();

  const warm = new TestClient({ cacheFolder });
  const warmStarted = performance.now();
  await warm.start([ws.root]);
  const warmMs = performance.now() - warmStarted;
  const counts = warm.logMessages.map((message) => /(\d+) files indexed, (\d+) from the persisted index/.exec(message)).find(Boolean);
  const reused = counts ? `${counts[2]} of ${counts[1]} files reused` : 'no index log';
  line(`LSP warm start, persisted index, to end of progress (${reused})`, `${(warmMs / 1000).toFixed(2)} s`, '≤ 1 s', warmMs <= 1000);
  await warm.stop();
  rmSync(cacheFolder, { recursive: true, force: true });
}

/** Bump when the editing files change. */
const EDITING_VERSION = 1;
const EDITING_SIZES = [17_000, 30_000] as const;

/** A small workspace of one program per size and shape (editing figures), generated once. */
function editingWorkspace(): { root: string; files: { shape: EditingShape; lines: number; path: string }[] } {
  const root = join(CACHE, `editing-v${EDITING_VERSION}`);
  const files = EDITING_SIZES.flatMap((lines) => EDITING_SHAPES.map((shape) => ({ shape, lines, path: join(root, `man${lines}_${shape.replace(/-/g, '_')}.4gl`) })));
  const marker = join(root, '.complete');
  if (!existsSync(marker)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const file of files) {
      const name = file.path.slice(root.length + 1, -'.4gl'.length);
      writeFileSync(file.path, encodeLatin1(editingProgram(name, file.lines, file.shape)));
    }
    writeFileSync(marker, '');
  }
  return { root, files };
}

/** Sorted copy. */
function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** `median (min–max)` of repeated figures. */
function withSpread(values: readonly number[], digits: number, unit = ''): string {
  const ordered = sorted(values);
  const median = ordered[Math.floor((ordered.length - 1) / 2)]!;
  return ordered.length === 1 ? `${median.toFixed(digits)}${unit}` : `${median.toFixed(digits)}${unit} (${ordered[0]!.toFixed(digits)}–${ordered[ordered.length - 1]!.toFixed(digits)})`;
}

/**
 * didChange → its diagnostics on programs of 17,000 and 30,000 lines, well formed and with a
 * syntax problem, in a server that has indexed only them: three rounds of 30 edits each, paced
 * like fast typing, the key of the LOG_initApp call near the top typed and removed.
 */
async function editingFigures(): Promise<void> {
  const { root, files } = editingWorkspace();
  console.log(`\nediting (${root}): didChange → diagnostics, 3 rounds of 30 edits a file; p95 spread is over the rounds`);
  const cacheFolder = mkdtempSync(join(tmpdir(), 'logix-bench-storage-'));
  const client = new TestClient({ cacheFolder });
  await client.start([root]);
  for (const file of files) {
    const rounds: number[][] = [];
    for (let round = 0; round < 3; round++) rounds.push((await measureEditing(client, file.path, undefined, 30)).change);
    const all = rounds.flat();
    const p95s = rounds.map((samples) => percentile(samples, 95));
    const p95 = percentile(all, 95);
    line(`${file.lines.toLocaleString('en')} lines, ${file.shape}`,
      `p50 ${percentile(all, 50).toFixed(1)} / p95 ${p95.toFixed(1)} / max ${Math.max(...all).toFixed(1)} ms (p95 ${withSpread(p95s, 1)})`, 'p95 ≤ 20 ms', p95 <= 20);
  }
  await client.stop();
  rmSync(cacheFolder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg === -1 ? [2000, 20000] : process.argv[sizesArg + 1]!.split(',').map(Number);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  if (process.argv.includes('--editing-only')) {
    await editingFigures();
    return;
  }
  for (const size of sizes) {
    const ws = workspace(size);
    const large = size >= 20000;
    console.log(`\n${ws.files} files, ${(ws.bytes / 1e6).toFixed(0)} MB (${ws.root})`);
    readAndDecode(ws.root); // once, so that both figures below read from the page cache
    if (process.argv.includes('--lsp-only')) {
      await languageServer(ws, large);
      continue;
    }
    const floor = readAndDecode(ws.root);
    // The median of three runs: one run on these shared machines varies by ±15%.
    const checks = [await coldCheck(ws.root), await coldCheck(ws.root), await coldCheck(ws.root)].sort((a, b) => a.ms - b.ms);
    const check = { ms: checks[1]!.ms, peakMb: Math.max(...checks.map((run) => run.peakMb)) };
    line('floor: read + decode, no lexing', `${(floor / 1000).toFixed(2)} s`, '—');
    line('cold check, wall (median of 3)', `${(check.ms / 1000).toFixed(2)} s`, large ? '≤ 15 s' : '≤ 1.5 s', check.ms <= (large ? 15000 : 1500));
    line('cold check / floor', `${(check.ms / floor).toFixed(1)}×`, '≤ 5×', check.ms / floor <= 5);
    line('cold check, peak RSS (highest of 3)', `${check.peakMb.toFixed(0)} MB`, large ? '≤ 600 MB' : '—', large ? check.peakMb <= 600 : undefined);
    await languageServer(ws, large);
  }
}

void main();
