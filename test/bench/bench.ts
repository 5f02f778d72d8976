/**
 * `npm run bench`: the speed figures on synthetic Logix workspaces, each printed on one line with
 * its spread and its target beside it. A benchmark, not a test: it reports, it does not fail.
 *
 *   npm run bench                      2,000 and 20,000 files, then the editing figures
 *   npm run bench -- --sizes 2000      only the small workspace (and the editing figures)
 *   npm run bench -- --lsp-only        only the language-server figures
 *   npm run bench -- --editing-only    only the editing figures
 *   LOGIX_BENCH_SAMPLES=1              also print every latency sample
 *
 * Workspaces are generated once (deterministic, seed 1) under ~/.cache/logix-license-bench.
 *
 * The machines are shared: an absolute time says as much about the other jobs as about this code.
 * So every figure is measured several times and printed as `median (min–max)`, and a figure whose
 * target is relative (a multiple of the read-and-decode floor) is measured as a ratio within each
 * round, the floor read right before it.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Hover } from 'vscode-languageserver-protocol';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { repoRoot } from '../helpers/paths.js';
import { EDITING_SHAPES, editingProgram, encodeLatin1, generateWorkspace, type EditingShape } from './generate.js';

/** Bump when the generator changes, so cached workspaces are made again. */
const GENERATOR_VERSION = 2;
const CACHE = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'logix-license-bench');
/** Rounds of each repeated figure. */
const ROUNDS = 3;

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

// ---- printing ----------------------------------------------------------------------------------

function line(label: string, value: string, target: string, met?: boolean): void {
  const verdict = met === undefined ? '' : met ? '  ok' : '  MISSED';
  console.log(`${label.padEnd(60)} ${value.padStart(30)}   target ${target}${verdict}`);
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function median(values: readonly number[]): number {
  const ordered = sorted(values);
  return ordered.length % 2 === 1
    ? ordered[(ordered.length - 1) / 2]!
    : (ordered[ordered.length / 2 - 1]! + ordered[ordered.length / 2]!) / 2;
}

/** `median (min–max)` of repeated figures. */
function withSpread(values: readonly number[], digits: number, unit = ''): string {
  const ordered = sorted(values);
  const middle = median(values).toFixed(digits);
  return ordered.length === 1 ? `${middle}${unit}` : `${middle}${unit} (${ordered[0]!.toFixed(digits)}–${ordered[ordered.length - 1]!.toFixed(digits)})`;
}

function percentile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  return ordered[Math.min(ordered.length - 1, Math.floor((p / 100) * ordered.length))] ?? NaN;
}

// ---- measuring ---------------------------------------------------------------------------------

interface ProcessRun {
  readonly ms: number;
  readonly peakMb: number;
  readonly stdout: string;
}

/** Runs the CLI in a fresh process; returns its wall time, peak RSS and output. */
async function runCli(args: readonly string[]): Promise<ProcessRun> {
  const rssFile = join(CACHE, `rss-${process.pid}.txt`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', join(repoRoot, 'build', 'bench', 'report-rss.js'), join(repoRoot, 'server', 'out', 'cli.js'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOGIX_BENCH_RSS_FILE: rssFile },
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, peakMb, stdout: Buffer.concat(chunks).toString('utf8') };
}

/** A process that starts Node and ends: what every CLI run pays before its first line. */
async function nodeStart(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  return performance.now() - started;
}

/** The floor: read and decode every file, no lexing, in this process. */
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

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function cacheCounts(stdout: string): string {
  const summary = (JSON.parse(stdout) as { summary: { cache?: { reused: number; parsed: number } } }).summary;
  return summary.cache ? `${summary.cache.reused} reused, ${summary.cache.parsed} parsed` : 'no cache counts';
}

// ---- the command line --------------------------------------------------------------------------

/**
 * Cold check and `check --cache` against the floor, in rounds: floor, cold check; then with a
 * cache written, floor, nothing changed by content, nothing changed by metadata, one file changed.
 */
async function checkFigures(ws: Workspace, large: boolean): Promise<void> {
  readAndDecode(ws.root); // once, so that every figure reads from the page cache
  const floors: number[] = [];
  const cold: ProcessRun[] = [];
  const coldRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const floor = readAndDecode(ws.root);
    const run = await runCli(['check', ws.root, '--format', 'json']);
    floors.push(floor);
    cold.push(run);
    coldRatios.push(run.ms / floor);
  }
  const starts = [await nodeStart(), await nodeStart(), await nodeStart()];
  line('floor: read + decode, no lexing (in process)', withSpread(floors.map((ms) => ms / 1000), 2, ' s'), '—');
  line('Node start and exit, nothing run (for scale)', withSpread(starts, 0, ' ms'), '—');
  const coldMs = cold.map((run) => run.ms);
  line('cold check, wall', withSpread(coldMs.map((ms) => ms / 1000), 2, ' s'), large ? '≤ 15 s' : '≤ 1.5 s', median(coldMs) <= (large ? 15_000 : 1_500));
  line('cold check / floor (each round its own floor)', withSpread(coldRatios, 1, '×'), '≤ 5×', median(coldRatios) <= 5);
  line('cold check, peak RSS (highest)', `${Math.max(...cold.map((run) => run.peakMb)).toFixed(0)} MB`, large ? '≤ 600 MB' : '—', large ? Math.max(...cold.map((run) => run.peakMb)) <= 600 : undefined);

  const cacheFolder = mkdtempSync(join(tmpdir(), 'logix-bench-cache-'));
  const cacheFile = join(cacheFolder, 'facts');
  const written = await runCli(['check', ws.root, '--format', 'json', `--cache=${cacheFile}`]);
  line(`check --cache, first run (writes ${(statSync(cacheFile).size / 1e6).toFixed(1)} MB)`, `${(written.ms / 1000).toFixed(2)} s`, '—');
  // The file changed: a middle-sized program, one line appended, put back afterwards.
  const changedPath = join(ws.root, ws.largest.replace(/\d+\.4gl$/, '10007.4gl'));
  const original = readFileSync(changedPath);
  const content: number[] = [];
  const contentRatios: number[] = [];
  const metadata: number[] = [];
  const metadataRatios: number[] = [];
  const changed: number[] = [];
  let counts = { content: '', metadata: '', changed: '' };
  for (let round = 0; round < ROUNDS; round++) {
    const floor = readAndDecode(ws.root);
    const byContent = await runCli(['check', ws.root, '--format', 'json', `--cache=${cacheFile}`]);
    const byMetadata = await runCli(['check', ws.root, '--format', 'json', `--cache=${cacheFile}`, '--cache-strategy', 'metadata']);
    content.push(byContent.ms);
    contentRatios.push(byContent.ms / floor);
    metadata.push(byMetadata.ms);
    metadataRatios.push(byMetadata.ms / floor);
    appendFileSync(changedPath, `# changed by the benchmark, round ${round}\n`);
    try {
      const oneChanged = await runCli(['check', ws.root, '--format', 'json', `--cache=${cacheFile}`]);
      changed.push(oneChanged.ms);
      counts = { content: cacheCounts(byContent.stdout), metadata: cacheCounts(byMetadata.stdout), changed: cacheCounts(oneChanged.stdout) };
    } finally {
      writeFileSync(changedPath, original);
    }
    // Back to the cache of the unchanged sources for the next round.
    await runCli(['check', ws.root, '--format', 'json', `--cache=${cacheFile}`]);
  }
  const small = !large;
  line(`check --cache, nothing changed, by content (${counts.content})`, withSpread(content.map((ms) => ms / 1000), 2, ' s'), '—');
  line('  the same / floor (each round its own floor)', withSpread(contentRatios, 1, '×'), small ? '≤ 1.5×' : '—', small ? median(contentRatios) <= 1.5 : undefined);
  line(`check --cache, nothing changed, by metadata (${counts.metadata})`, withSpread(metadata.map((ms) => ms / 1000), 2, ' s'), small ? '≤ 0.3 s' : '—', small ? median(metadata) <= 300 : undefined);
  line('  the same / floor', withSpread(metadataRatios, 1, '×'), '—');
  // The changed file parsed alone, in this process (its parse is what the change should cost).
  const fileParses = [0, 1, 2].map(() => {
    const started = performance.now();
    parseFacts(decodeText(readFileSync(changedPath)));
    return performance.now() - started;
  });
  line(`check --cache, one file changed (${counts.changed})`, withSpread(changed.map((ms) => ms / 1000), 2, ' s'), '—');
  line(`  its median more than nothing changed; the file alone parses in ${withSpread(fileParses, 0, ' ms')}`, `${(median(changed) - median(content)).toFixed(0)} ms`, 'that file');
  rmSync(cacheFolder, { recursive: true, force: true });
}

// ---- the language server -----------------------------------------------------------------------

interface LatencySamples {
  change: number[];
  hover: number[];
}

/**
 * Edits a program (its LOG_initApp key, alternating) and hovers its LOG_initApp call, measuring
 * didChange → its diagnostics and hover round trips, until `until` resolves (or for `minimum`
 * samples).
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

interface ServerRun {
  readonly indexMs: number;
  readonly during: LatencySamples;
  readonly after: LatencySamples;
  readonly rssIndexed: number;
  readonly rssAfterEdits: number;
  /** Once the persisted index is written (3 s after the last edit), and a second more. */
  readonly rssPersisted: number;
  readonly warmMs: number;
  readonly warmReused: string;
}

/** One cold start (a fresh storage folder: it writes the persisted index), then a warm start. */
async function serverRun(ws: Workspace): Promise<ServerRun> {
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
  const after = await measureEditing(client, join(ws.root, ws.largest), undefined, 40);
  const rssAfterEdits = rssMb(client.pid);
  const persistedBy = performance.now() + 30_000;
  while (!readdirSync(cacheFolder).some((name) => name.endsWith('.bin')) && performance.now() < persistedBy) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssPersisted = rssMb(client.pid);
  await client.stop();

  const warm = new TestClient({ cacheFolder });
  const warmStarted = performance.now();
  await warm.start([ws.root]);
  const warmMs = performance.now() - warmStarted;
  const counts = warm.logMessages.map((message) => /(\d+) files indexed, (\d+) from the persisted index/.exec(message)).find(Boolean);
  await warm.stop();
  rmSync(cacheFolder, { recursive: true, force: true });
  return { indexMs, during, after, rssIndexed, rssAfterEdits, rssPersisted, warmMs, warmReused: counts ? `${counts[2]} of ${counts[1]} reused` : 'no index log' };
}

async function serverFigures(ws: Workspace, large: boolean): Promise<void> {
  // The 20,000-file index takes about ten seconds a run: two runs; three of the small one.
  const runs: ServerRun[] = [];
  for (let round = 0; round < (large ? 2 : ROUNDS); round++) runs.push(await serverRun(ws));
  console.log(`  (${runs.length} server runs; a latency is the p95 of all samples, with the range of each run's p95)`);
  line(`LSP cold index to end of progress (${ws.files} files)`, withSpread(runs.map((run) => run.indexMs / 1000), 2, ' s'), large ? '≤ 15 s' : '—', large ? median(runs.map((run) => run.indexMs)) <= 15_000 : undefined);
  for (const [label, pick] of [['while indexing', (run: ServerRun) => run.during], ['after indexing', (run: ServerRun) => run.after]] as const) {
    const change = runs.flatMap((run) => pick(run).change);
    const hover = runs.flatMap((run) => pick(run).hover);
    if (process.env['LOGIX_BENCH_SAMPLES']) {
      console.log(`  ${label}: didChange ms ${change.map((ms) => ms.toFixed(0)).join(' ')}`);
      console.log(`  ${label}: hover ms ${hover.map((ms) => ms.toFixed(1)).join(' ')}`);
    }
    const spread = (values: (run: ServerRun) => number[]) => withSpread(runs.map((run) => percentile(values(run), 95)), 1);
    line(`didChange → diagnostics, 30,000 lines, ${label} (n=${change.length})`,
      `p95 ${percentile(change, 95).toFixed(1)} ms (${spread((run) => pick(run).change)})`, '≤ 50 ms', percentile(change, 95) <= 50);
    line(`hover on LOG_initApp, ${label}`,
      `p50 ${percentile(hover, 50).toFixed(1)} / p95 ${percentile(hover, 95).toFixed(1)} ms (${spread((run) => pick(run).hover)})`, 'p95 ≤ 5 ms', percentile(hover, 95) <= 5);
  }
  const rss = runs.map((run) => run.rssIndexed);
  line(`LSP server RSS after indexing (${ws.files} files)`, withSpread(rss, 0, ' MB'), large ? '≤ 300 MB' : '—', large ? median(rss) <= 300 : undefined);
  line('LSP server RSS after 40 more edits and hovers', withSpread(runs.map((run) => run.rssAfterEdits), 0, ' MB'), '—');
  line('LSP server RSS once the persisted index is written', withSpread(runs.map((run) => run.rssPersisted), 0, ' MB'), '—');
  line(`LSP warm start, persisted index, to end of progress (${runs[0]!.warmReused})`, withSpread(runs.map((run) => run.warmMs / 1000), 2, ' s'), '≤ 1 s', median(runs.map((run) => run.warmMs)) <= 1_000);
}

// ---- editing files of every shape --------------------------------------------------------------

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

/**
 * didChange → its diagnostics on programs of 17,000 and 30,000 lines, well formed and with a
 * syntax problem, in a server that has indexed only them: three rounds of 30 edits each, paced
 * like fast typing, the key of the LOG_initApp call near the top typed and removed.
 */
async function editingFigures(): Promise<void> {
  const { root, files } = editingWorkspace();
  console.log(`\nediting, one program at a time (${root}): didChange → diagnostics, ${ROUNDS} rounds of 30 edits a file`);
  console.log('  (p50 / p95 / max of all samples, with the range of each round\'s p95)');
  const cacheFolder = mkdtempSync(join(tmpdir(), 'logix-bench-storage-'));
  const client = new TestClient({ cacheFolder });
  await client.start([root]);
  for (const file of files) {
    const rounds: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push((await measureEditing(client, file.path, undefined, 30)).change);
    const all = rounds.flat();
    if (process.env['LOGIX_BENCH_SAMPLES']) console.log(`  ${file.shape} ${file.lines}: didChange ms ${all.map((ms) => ms.toFixed(1)).join(' ')}`);
    const p95 = percentile(all, 95);
    line(`${file.lines.toLocaleString('en')} lines, ${file.shape}`,
      `${percentile(all, 50).toFixed(1)} / ${p95.toFixed(1)} / ${Math.max(...all).toFixed(1)} ms (${withSpread(rounds.map((samples) => percentile(samples, 95)), 1)})`, 'p95 ≤ 20 ms', p95 <= 20);
  }
  await client.stop();
  rmSync(cacheFolder, { recursive: true, force: true });
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg === -1 ? [2000, 20000] : process.argv[sizesArg + 1]!.split(',').map(Number);
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load} at the start`);
  if (!process.argv.includes('--editing-only')) {
    for (const size of sizes) {
      const ws = workspace(size);
      const large = size >= 20000;
      console.log(`\n${ws.files} files, ${(ws.bytes / 1e6).toFixed(0)} MB (${ws.root})`);
      if (!process.argv.includes('--lsp-only')) await checkFigures(ws, large);
      await serverFigures(ws, large);
    }
  }
  if (!process.argv.includes('--lsp-only')) await editingFigures();
  console.log(`\nload average ${loadavg().map((value) => value.toFixed(1)).join(' ')} at the end`);
}

void main();
