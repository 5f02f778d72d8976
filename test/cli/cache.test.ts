/**
 * `check --cache`: the built CLI on real temporary folders. A second run reuses every file's facts,
 * a changed file is parsed again (its new diagnostics shown), a deleted one is gone, a catalog
 * change re-checks everything with the new catalog; a damaged cache, one from another build or
 * for another folder is ignored with a warning and the output is still right. Every output is
 * compared with a run without the cache.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempWorkspace as makeWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests, tempFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

const track = removedAfterTests();

const CATALOG = { keys: { ACME: { slot: 7001, area: 'PRD' } }, areas: { PRD: { prefixes: ['MAN'], defaultKey: 'MANENG' } } };

function files(): Record<string, string> {
  return {
    'logix-license.json': JSON.stringify(CATALOG, null, 2),
    'man10001.4gl': program('man10001', '"MANENG,ACME"'),
    'man10002.4gl': program('man10002', '"WMS"'),
    'sub/man10003.4gl': program('man10003', '"MANENG"', '  CALL helper()\n'),
    'sub/man10004.4gl': `${program('man10004', '"ESTOQ"')}\nFUNCTION helper()\n  RETURN\nEND FUNCTION\n`,
    'systemkey_prd.4gl': systemKey('PRD', [['MANENG', 'man10002']]),
  };
}

interface Json {
  programs: unknown[];
  diagnostics: { file: string; code: string; message: string; severity: string }[];
  summary: { files: number; cache?: { reused: number; parsed: number } };
}

interface Run {
  readonly status: number | null;
  readonly json: Json;
  readonly stderr: string;
}

function check(root: string, args: readonly string[], cwd?: string): Run {
  const result = runCli(['check', root, '--format', 'json', ...args], cwd);
  assert.ok(result.stdout.startsWith('{'), `check printed no JSON (status ${result.status}): ${result.stderr}`);
  return { status: result.status, json: JSON.parse(result.stdout) as Json, stderr: result.stderr };
}

/** The same run without a cache: what every cached run must print. */
function assertAsWithoutCache(root: string, run: Run): void {
  const plain = check(root, []);
  assert.equal(run.status, plain.status);
  assert.deepEqual(run.json.programs, plain.json.programs);
  assert.deepEqual(run.json.diagnostics, plain.json.diagnostics);
  assert.equal(plain.json.summary.cache, undefined, 'no cache, no cache counts');
}

describe('check --cache', () => {
  it('writes .logix-license-cache in the current folder, and the next run reuses every file', () => {
    const root = track(makeWorkspace(files()));
    const cwd = track(tempFolder('logix-cache-cwd-'));
    const first = check(root, ['--cache'], cwd);
    assert.deepEqual(first.json.summary.cache, { reused: 0, parsed: 5 });
    assert.equal(first.stderr, '');
    assert.ok(existsSync(join(cwd, '.logix-license-cache')), 'the default cache file');
    assertAsWithoutCache(root, first);

    const second = check(root, ['--cache'], cwd);
    assert.deepEqual(second.json.summary.cache, { reused: 5, parsed: 0 });
    assert.equal(second.stderr, '');
    assertAsWithoutCache(root, second);
    // The text output says it too.
    assert.match(runCli(['check', root, '--cache'], cwd).stdout, /cache: 5 reused, 0 parsed\)/);
  });

  it('reuses by content whatever the times (a CI checkout), and re-parses a file changed without changing size or time', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    check(root, [`--cache=${cache}`]);
    // A fresh checkout: every time is new.
    for (const name of Object.keys(files())) utimesSync(join(root, name), new Date(), new Date(Date.now() + 60_000));
    assert.deepEqual(check(root, [`--cache=${cache}`]).json.summary.cache, { reused: 5, parsed: 0 });

    // Same size, same time, other content: only the content strategy sees it. (A metadata run
    // first, which records the new times.)
    assert.deepEqual(check(root, [`--cache=${cache}`, '--cache-strategy', 'metadata']).json.summary.cache, { reused: 5, parsed: 0 });
    const path = join(root, 'man10002.4gl');
    const before = statSync(path);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"WMS"', '"XYZ"'));
    utimesSync(path, before.atime, before.mtime);
    assert.deepEqual(check(root, [`--cache=${cache}`, '--cache-strategy', 'metadata']).json.summary.cache, { reused: 5, parsed: 0 }, 'metadata trusts size and time');
    const byContent = check(root, [`--cache=${cache}`]);
    assert.deepEqual(byContent.json.summary.cache, { reused: 4, parsed: 1 });
    assert.ok(byContent.json.diagnostics.some((diagnostic) => diagnostic.file === 'man10002.4gl' && diagnostic.message.includes('XYZ')), 'the new key is reported');
    assertAsWithoutCache(root, byContent);
  });

  it('parses a changed file again and shows its new diagnostics; a deleted file is gone; a new one is parsed', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    for (const strategy of ['content', 'metadata']) {
      rmSync(cache, { force: true });
      writeFileSync(join(root, 'man10001.4gl'), program('man10001', '"MANENG,ACME"'));
      rmSync(join(root, 'man10009.4gl'), { force: true });
      check(root, [`--cache=${cache}`, '--cache-strategy', strategy]);

      writeFileSync(join(root, 'man10001.4gl'), program('man10001', '"MANENG,SUPRIMEN"'));
      const changed = check(root, [`--cache=${cache}`, '--cache-strategy', strategy]);
      assert.deepEqual(changed.json.summary.cache, { reused: 4, parsed: 1 }, strategy);
      assert.ok(changed.json.diagnostics.some((diagnostic) => diagnostic.file === 'man10001.4gl' && diagnostic.message.includes('SUPRIMEN')), strategy);
      assertAsWithoutCache(root, changed);

      rmSync(join(root, 'man10001.4gl'));
      writeFileSync(join(root, 'man10009.4gl'), program('man10009', '"MANENG"'));
      const moved = check(root, [`--cache=${cache}`, '--cache-strategy', strategy]);
      assert.deepEqual(moved.json.summary.cache, { reused: 4, parsed: 1 }, strategy);
      assert.ok(!moved.json.diagnostics.some((diagnostic) => diagnostic.file === 'man10001.4gl'), strategy);
      assertAsWithoutCache(root, moved);
      assert.deepEqual(check(root, [`--cache=${cache}`, '--cache-strategy', strategy]).json.summary.cache, { reused: 5, parsed: 0 }, strategy);
    }
  });

  it('re-checks the files a change affects: a SYSTEMKEY registration changes other programs\' keys and diagnostics', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    const first = check(root, [`--cache=${cache}`]);
    writeFileSync(join(root, 'systemkey_prd.4gl'), systemKey('PRD', [['MANENG', 'man10002'], ['ACME', 'man10001,man10004']]));
    const second = check(root, [`--cache=${cache}`]);
    assert.deepEqual(second.json.summary.cache, { reused: 4, parsed: 1 });
    assert.notDeepEqual(second.json.programs, first.json.programs, 'the registered programs\' keys changed');
    assertAsWithoutCache(root, second);
    rmSync(join(root, 'systemkey_prd.4gl'));
    const third = check(root, [`--cache=${cache}`]);
    assert.deepEqual(third.json.summary.cache, { reused: 4, parsed: 0 });
    assertAsWithoutCache(root, third);
  });

  it('re-checks everything when the catalog changes: the diagnostics follow the new catalog', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    const first = check(root, [`--cache=${cache}`]);
    assert.ok(!first.json.diagnostics.some((diagnostic) => diagnostic.code === 'LGX001'));
    // ACME leaves the keys and becomes invalid: man10001's declaration is now wrong.
    writeFileSync(join(root, 'logix-license.json'), JSON.stringify({ ...CATALOG, keys: {}, invalidKeys: ['ACME'] }, null, 2));
    const second = check(root, [`--cache=${cache}`]);
    assert.deepEqual(second.json.summary.cache, { reused: 5, parsed: 0 }, 'the facts do not depend on the catalog');
    assert.ok(second.json.diagnostics.some((diagnostic) => diagnostic.code === 'LGX001' && diagnostic.file === 'man10001.4gl'));
    assertAsWithoutCache(root, second);
    // And so do the command-line overrides of the catalog.
    const overridden = check(root, [`--cache=${cache}`, '--logix-version', '12.1.27']);
    const plain = check(root, ['--logix-version', '12.1.27']);
    assert.deepEqual(overridden.json.diagnostics, plain.json.diagnostics);
  });

  it('ignores a damaged cache with a warning, checks every file, and writes a good one', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    check(root, [`--cache=${cache}`]);
    const bytes = readFileSync(cache);
    for (const damaged of [bytes.subarray(0, bytes.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(cache, damaged);
      const run = check(root, [`--cache=${cache}`]);
      assert.match(run.stderr, /^logix-license: warning: the cache is not used \(.*\); every file is parsed\n$/);
      assert.deepEqual(run.json.summary.cache, { reused: 0, parsed: 5 });
      assertAsWithoutCache(root, run);
      assert.deepEqual(check(root, [`--cache=${cache}`]).json.summary.cache, { reused: 5, parsed: 0 }, 'rewritten');
    }
  });

  it('ignores a cache written by another build or for another folder, with a warning', () => {
    const root = track(makeWorkspace(files()));
    const cache = join(track(tempFolder('logix-cache-')), 'facts');
    check(root, [`--cache=${cache}`]);
    // Another build of the tool: the header names the build that wrote it.
    const bytes = readFileSync(cache);
    const headerLength = bytes.readUInt32LE(4);
    const header = bytes.toString('latin1', 8, 8 + headerLength);
    const build = /"build":"([^"]*)"/.exec(header)![1]!;
    const other = `${'x'.repeat(build.length)}`;
    writeFileSync(cache, Buffer.concat([bytes.subarray(0, 8), Buffer.from(header.replace(build, other), 'latin1'), bytes.subarray(8 + headerLength)]));
    const otherBuild = check(root, [`--cache=${cache}`]);
    assert.match(otherBuild.stderr, /warning: the cache is not used \(.*written by another version\)/);
    assert.deepEqual(otherBuild.json.summary.cache, { reused: 0, parsed: 5 });
    assertAsWithoutCache(root, otherBuild);

    // The same sources in another folder.
    const copy = track(tempFolder('logix-cache-copy-'));
    cpSync(root, copy, { recursive: true });
    const otherFolder = check(copy, [`--cache=${cache}`]);
    assert.match(otherFolder.stderr, /warning: the cache is not used \(.*written for another folder or encoding\)/);
    assert.deepEqual(otherFolder.json.summary.cache, { reused: 0, parsed: 5 });
    assertAsWithoutCache(copy, otherFolder);
    // And for another encoding.
    const otherEncoding = check(copy, [`--cache=${cache}`, '--encoding', 'utf-8']);
    assert.match(otherEncoding.stderr, /written for another folder or encoding/);
  });

  it('puts the cache file inside PATH when PATH is a folder, and refuses what does not apply', () => {
    const root = track(makeWorkspace(files()));
    const folder = track(tempFolder('logix-cache-dir-'));
    mkdirSync(join(folder, 'ci'));
    check(root, [`--cache=${join(folder, 'ci')}`]);
    assert.ok(existsSync(join(folder, 'ci', '.logix-license-cache')));
    for (const args of [['check', root, '--cache-strategy', 'content'], ['check', root, '--cache=x', '--cache-strategy', 'mtime'], ['check', root, '--cache='], ['explain', 'man10001', root, '--cache']]) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /--cache/, args.join(' '));
    }
  });
});
