/**
 * The persisted index file on its own: what is saved is what is read back (facts, stamps,
 * diagnostics), and a file written by another build, for another folder, or damaged is not used
 * as if it were good.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { useLanguage } from '../../server/src/l10n/messages.js';
import { describeProblem } from '../../server/src/license/syntax-problems.js';
import { compactFacts } from '../../server/src/syntax/packed-units.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { contentHash, FactsCache } from '../../server/src/workspace/facts-cache.js';
import { findSourceFiles } from '../../server/src/workspace/files.js';
import { examplesDir } from '../helpers/paths.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';

function exampleFiles() {
  return findSourceFiles(examplesDir).map((file, index) => {
    const bytes = readFileSync(file.absolute);
    return { relative: file.relative, stamp: { size: bytes.length, mtimeMs: 1_000 + index }, hash: contentHash(bytes), facts: compactFacts(parseFacts(decodeText(bytes))) };
  });
}

const noRead = () => {
  throw new Error('not expected to read the file');
};

describe('facts cache', () => {
  it('reads back what it saved: facts, by stamp or by content hash, and diagnostics', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    const files = exampleFiles();
    assert.ok(files.some((file) => file.facts.licenseCalls.length > 0 && file.facts.units.length > 0));
    const diagnostics = { fingerprint: 'catalog-1', files: [[files[0]!.relative, []]] as const };
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save(files, diagnostics));

    const cache = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    assert.equal(cache.problem, undefined);
    assert.equal(cache.size, files.length);
    for (const file of files) {
      const reused = cache.reuse(file.relative, file.stamp, noRead);
      assert.ok(reused, file.relative);
      assert.deepEqual(reused.facts, file.facts, file.relative);
      assert.equal(reused.touched, false);
    }
    const [first] = files;
    const bytes = readFileSync(join(examplesDir, first!.relative));
    assert.equal(cache.reuse(first!.relative, { ...first!.stamp, mtimeMs: 5 }, () => bytes)?.touched, true, 'same content, new time');
    assert.equal(cache.reuse(first!.relative, { ...first!.stamp, mtimeMs: 5 }, () => Buffer.from('changed')), undefined);
    assert.equal(cache.reuse(first!.relative, { ...first!.stamp, size: first!.stamp.size + 1 }, noRead), undefined);
    assert.deepEqual([...cache.diagnosticsFor('catalog-1')!.keys()], [first!.relative]);
    assert.equal(cache.diagnosticsFor('catalog-2'), undefined);
  });

  it('uses the recorded diagnostics only in the language they were said in', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    const files = exampleFiles();
    const diagnostics = { fingerprint: 'catalog-1', files: [[files[0]!.relative, []]] as const };
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save(files, diagnostics));
    const cache = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    useLanguage('pt-br');
    try {
      assert.equal(cache.diagnosticsFor('catalog-1'), undefined, 'said in English, not reused in Portuguese');
      assert.ok(cache.reuse(files[0]!.relative, files[0]!.stamp, noRead), 'the facts are reused whatever the language');
    } finally {
      useLanguage('en');
    }
    assert.ok(cache.diagnosticsFor('catalog-1'));
  });

  it('keeps syntax problems as data, with no words in any language', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    const text = 'FUNCTION a()\n  RETURN\nFUNCTION b()\nEND FUNCTION\nFUNCTION c()\n';
    const facts = compactFacts(parseFacts(text));
    const file = { relative: 'broken.4gl', stamp: { size: text.length, mtimeMs: 1 }, hash: contentHash(Buffer.from(text)), facts };
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save([file]));
    const [name] = readdirSync(folder);
    assert.doesNotMatch(readFileSync(join(folder, name!), 'latin1'), /units without|missing END /, 'no sentence in the file');
    const cache = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    const [problem] = cache.reuse('broken.4gl', file.stamp, noRead)!.facts.problems;
    assert.deepEqual({ ...problem, range: undefined }, { kind: 'missingEnd', open: 'function', name: 'a', before: 'function', count: 2, range: undefined });
    assert.equal(describeProblem(problem!), '2 units without their END in this file; the first here: missing END FUNCTION for a before this FUNCTION');
  });

  it('writes facts it read back as they were, copying what it never had to parse', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    const files = exampleFiles();
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save(files));
    const first = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    // Saved again from the facts as read (their calls still serialised), then read once more.
    const reread = files.map((file) => ({ ...file, facts: first.reuse(file.relative, file.stamp, noRead)!.facts }));
    await first.save(reread);
    const second = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    for (const file of files) assert.deepEqual(second.reuse(file.relative, file.stamp, noRead)!.facts, file.facts, file.relative);
  });

  it('ignores a cache of another build or folder, and says why', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save(exampleFiles()));
    const otherBuild = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-2');
    assert.equal(otherBuild.size, 0);
    assert.match(otherBuild.problem!, /another version/);
    const otherFolder = await FactsCache.open(folder, '/elsewhere', 'windows-1252', 'build-1');
    assert.equal(otherFolder.size, 0, 'another folder has its own file');
    assert.equal(otherFolder.problem, undefined);
  });

  it('turns a damaged entry into a problem on the file, not an error', async (t) => {
    const folder = tempFolder('logix-cache-');
    t.after(() => removeFolder(folder));
    const files = exampleFiles();
    await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1').then((cache) => cache.save(files));
    const [name] = readdirSync(folder);
    const bytes = readFileSync(join(folder, name!));
    // The serialised calls, globals references and problems come last: damage their end.
    bytes.fill(0x7b, bytes.length - 200);
    writeFileSync(join(folder, name!), bytes);
    const cache = await FactsCache.open(folder, '/ws', 'windows-1252', 'build-1');
    const damaged = files.map((file) => cache.reuse(file.relative, file.stamp, noRead)!.facts)
      .filter((facts) => facts.problems.some((problem) => /persisted index entry of this file is damaged/.test(describeProblem(problem))));
    assert.ok(damaged.length >= 1);
    assert.deepEqual(damaged[0]!.licenseCalls, []);
  });
});
