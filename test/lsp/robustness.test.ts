/**
 * What a hostile editor or a hostile tree found in the language server: a position far past the
 * line, a settings change while a file is open, a catalog broken at start-up, a catalog that is
 * not a file, a relative cache folder, a folder not on disk. Each case failed before its fix.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeLens, DocumentSymbol, Location } from 'vscode-languageserver-protocol';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests } from '../helpers/temp.js';
import { program } from '../helpers/workspace.js';

const track = removedAfterTests();
const workspaceOf = (files: Record<string, string>) => {
  const root = tempWorkspace(files);
  track(root);
  return root;
};

/** `promise`, or a rejection naming `what` after `ms`: a hang fails the test instead of stalling it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('language server robustness', () => {
  it('indexes the folders on disk beside a virtual one (a URI that is not file:), which it leaves out', async (t) => {
    const root = workspaceOf({ 'man1.4gl': program('man1', '"MANENG,ESPEC999"') });
    const client = new TestClient();
    t.after(() => client.stop());
    await within(client.start(['vscode-vfs://github/acme/logix', root]), 10_000, 'initialize and index');
    assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(join(root, 'man1.4gl')))), ['LGX018']);
  });

  it('answers a definition request at character 2^31 - 1 of a short line at once (positions clamp to the line)', async (t) => {
    const root = workspaceOf({ 'man1.4gl': 'FUNCTION man1()\n  CALL helper()\nEND FUNCTION\n' });
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    const uri = uriOf(join(root, 'man1.4gl'));
    const located = await within(client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 2147483647 } }), 3000, 'definition');
    assert.deepEqual(located, []);
    // And the server still answers others.
    const symbols = await within(client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), 3000, 'symbols');
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['man1']);
  });

  it('keeps an open document\'s diagnostics, lens and symbols through a settings change', async (t) => {
    const text = program('man1', '"MANENG,ESPEC999"');
    const root = workspaceOf({ 'man1.4gl': text });
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    const uri = uriOf(join(root, 'man1.4gl'));
    client.open(uri, text);
    assert.deepEqual(codes(await client.waitForVersion(uri, 1)), ['LGX018']);
    const published: string[][] = [];
    const stop = client.onDiagnostics((publishedUri, diagnostics) => {
      if (publishedUri === uri) published.push(codes(diagnostics));
    });
    client.notify('workspace/didChangeConfiguration', { settings: null });
    // The reload republishes the open document from its own text: never an empty list.
    await client.waitForDiagnostics(uri, () => published.length > 0 && published.at(-1)!.length > 0);
    stop();
    assert.ok(published.every((list) => list.length > 0), `publications after the change: ${JSON.stringify(published)}`);
    const lens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lens.length, 1);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['man1']);
  });

  it('never publishes empty diagnostics for a document opened while settings reload', async (t) => {
    const files: Record<string, string> = { 'man1.4gl': program('man1', '"MANENG,ESPEC999"') };
    for (let index = 0; index < 300; index++) files[`sub/man${index + 100}.4gl`] = program(`man${index + 100}`, '"MANENG"');
    const root = workspaceOf(files);
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    const uri = uriOf(join(root, 'man1.4gl'));
    const published: string[][] = [];
    client.onDiagnostics((publishedUri, diagnostics) => {
      if (publishedUri === uri) published.push(codes(diagnostics));
    });
    const logged = client.logMessages.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    client.open(uri, files['man1.4gl']!);
    // The reload ends with the folder's first diagnostics; then look at everything published meanwhile.
    await client.waitForLog(/first diagnostics in/, 20_000, logged);
    assert.ok(published.every((list) => list.length > 0), `publications: ${JSON.stringify(published)}`);
    assert.deepEqual(published.at(-1), ['LGX018']);
  });

  it('answers a request the client cancels while the index is built with RequestCancelled, at once', async (t) => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 2000; index++) files[`f${index % 20}/man${index + 100}.4gl`] = program(`man${index + 100}`, '"MANENG"');
    const root = workspaceOf(files);
    const client = new TestClient();
    t.after(() => client.stop());
    await client.initialize([root]);
    // References wait for the whole index; the user gives up before it ends.
    const uri = uriOf(join(root, 'f0/man100.4gl'));
    const { result, cancel } = client.cancellableRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 10 }, context: { includeDeclaration: true } });
    cancel();
    const answer = await within(result.then(() => 'answered', (error: { code?: number }) => error.code), 10_000, 'the cancelled request');
    assert.equal(answer, -32800, 'RequestCancelled');
    await client.whenIndexed();
    // The server goes on: the same request, not cancelled, answers.
    assert.ok(Array.isArray(await client.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 10 }, context: { includeDeclaration: true } })));
  });

  it('answers log commands and workspace diagnostics of the wrong shape InvalidParams, before any handler runs', async (t) => {
    const root = workspaceOf({ 'man1.4gl': program('man1', '"MANENG"') });
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([root]);
    const codeOf = (request: Promise<unknown>) => request.then(() => 'answered', (error: { code?: number }) => error.code);
    const folderUri = uriOf(root);
    for (const [method, params] of [
      ['logix/compareLog', { folderUri }],
      ['logix/compareLog', { folderUri, log: 5 }],
      ['logix/importLog', { folderUri, log: { uri: 'file:///a', text: 'both' } }],
      ['logix/clearLogComparison', { folderUri: 3 }],
      ['workspace/diagnostic', { previousResultIds: [null] }],
    ] as const) {
      assert.equal(await codeOf(client.request(method, params)), -32602, `${method} ${JSON.stringify(params)}`);
    }
    assert.deepEqual(await client.request('logix/clearLogComparison', null), { cleared: 0 });
    assert.ok(!client.logMessages.some((message) => / failed: /.test(message)), 'no handler failed');
  });

  it('reports a catalog broken at start-up (push), and one that is a folder, keeping the built-in catalog', async (t) => {
    const broken = workspaceOf({ 'logix-license.json': '{ "keys": ', 'man1.4gl': program('man1', '"MANENG"') });
    const folderCatalog = workspaceOf({ 'man1.4gl': program('man1', '"MANENG"') });
    mkdirSync(join(folderCatalog, 'logix-license.json'));
    const client = new TestClient();
    t.after(() => client.stop());
    await client.start([broken, folderCatalog]);
    const first = await client.waitForDiagnostics(uriOf(join(broken, 'logix-license.json')), (diagnostics) => diagnostics.length > 0);
    assert.ok(codes(first).every((code) => code === 'LGX015'), JSON.stringify(codes(first)));
    const second = await client.waitForDiagnostics(uriOf(join(folderCatalog, 'logix-license.json')), (diagnostics) => diagnostics.length > 0);
    assert.match(String(second[0]!.message), /cannot read the catalog file: not a regular file \(a folder\)/);
    // The programs are still checked, with the built-in catalog.
    const lens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(join(folderCatalog, 'man1.4gl')) } });
    assert.match(lens[0]!.command!.title, /^License: MANENG/);
  });

  it('does not hang on a named pipe called logix-license.json', async (t) => {
    const root = workspaceOf({ 'man1.4gl': program('man1', '"MANENG"') });
    execFileSync('mkfifo', [join(root, 'logix-license.json')]);
    const client = new TestClient();
    t.after(() => client.stop());
    await within(client.start([root]), 10_000, 'start with a FIFO catalog');
    const diagnostics = await client.waitForDiagnostics(uriOf(join(root, 'logix-license.json')), (list) => list.length > 0);
    assert.match(String(diagnostics[0]!.message), /not a regular file \(a named pipe\)/);
  });

  it('refuses a relative cacheFolder instead of writing the persisted index into the workspace', async (t) => {
    const root = workspaceOf({ 'man1.4gl': program('man1', '"MANENG"') });
    const before = readdirSync(root).sort();
    const client = new TestClient({ cacheFolder: '.cache/logix', cwd: root });
    t.after(() => client.stop());
    await client.start([root]);
    await client.stop();
    assert.ok(client.logMessages.some((message) => /cacheFolder "\.cache\/logix" is not an absolute path/.test(message)));
    assert.equal(existsSync(join(root, '.cache')), false);
    assert.deepEqual(readdirSync(root).sort(), before);
  });
});
