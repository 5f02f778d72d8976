/**
 * The server over stdio with a client that cannot watch files for it (no dynamic registration of
 * workspace/didChangeWatchedFiles, as Neovim 0.7): it watches the folders itself, and what is
 * changed on disk shows in hovers and diagnostics without one event from the client. A client that
 * watches files gets no second, server-side watch.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { inotifyWatches } from '../helpers/inotify.js';
import { codes, TestClient, uriOf } from '../helpers/lsp-client.js';
import { marked } from '../helpers/markers.js';
import { tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder } from '../helpers/temp.js';
import { program } from '../helpers/workspace.js';

const WATCHING = /^folder0: watching the folder for changes on disk/;
const catalog = (slot: number) => JSON.stringify({ keys: { NEWKEY: { slot, area: 'PRD' } } });

describe('language server watching the folders itself (client without dynamic file watching)', () => {
  it('follows a key\'s slot edited in logix-license.json, and 4GL files created and deleted on disk, with no event from the client', async (t) => {
    const source = program('man10021', '"MANENG,NEWKEY"');
    const root = tempWorkspace({ 'man10021.4gl': source, 'logix-license.json': catalog(4242) });
    const client = new TestClient({ watchesFiles: false });
    t.after(async () => {
      await client.stop();
      removeFolder(root);
    });
    await client.start([root]);
    await client.waitForLog(WATCHING);
    const watches = inotifyWatches(client.pid!);
    if (watches !== undefined) assert.ok(watches > 0, 'the server holds system watches');

    const man = uriOf(join(root, 'man10021.4gl'));
    const { cursors } = marked(source.replace('NEWKEY', 'NEW‸KEY'));
    const hover = async () => ((await client.request<Hover>('textDocument/hover', { textDocument: { uri: man }, position: cursors[0] })).contents as { value: string }).value;
    assert.match(await hover(), /\*\*NEWKEY\*\* · slot 4242/);

    // The catalog file's own diagnostics are published when it has been read again.
    const catalogUri = uriOf(join(root, 'logix-license.json'));
    const reread = client.nextDiagnostics(catalogUri);
    writeFileSync(join(root, 'logix-license.json'), catalog(4343));
    await reread;
    assert.match(await hover(), /\*\*NEWKEY\*\* · slot 4343/);

    writeFileSync(join(root, 'logix-license.json'), '{}');
    // NEWKEY is no longer in the (now partial, built-in) catalog: assumed to exist, LGX018.
    await client.waitForDiagnostics(man, (diagnostics) => codes(diagnostics).includes('LGX018'));

    // A folder made after the start, with a file written into it at once, then removed.
    mkdirSync(join(root, 'new', 'deep'), { recursive: true });
    const vdp = join(root, 'new', 'deep', 'vdp7000.4gl');
    writeFileSync(vdp, 'FUNCTION vdp7000()\n  CALL x()\nEND FUNCTION\n');
    assert.deepEqual(codes(await client.waitForDiagnostics(uriOf(vdp), (diagnostics) => diagnostics.length > 0)), ['LGX003']);
    removeFolder(join(root, 'new'));
    await client.waitForDiagnostics(uriOf(vdp), (diagnostics) => diagnostics.length === 0);
  });

  it('stops watching a workspace folder that is removed', async (t) => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG"') });
    const client = new TestClient({ watchesFiles: false });
    t.after(async () => {
      await client.stop();
      removeFolder(root);
    });
    await client.start([root]);
    await client.waitForLog(WATCHING);
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(root), name: 'folder0' }] } });
    await client.waitForLog(/^folder0: no longer watched$/);
    if (process.platform === 'linux') assert.equal(inotifyWatches(client.pid!), 0, 'every system watch is released');
  });
});

describe('language server with a client that watches files', () => {
  it('does not watch the folders itself', async (t) => {
    const root = tempWorkspace({ 'man1.4gl': program('man1', '"MANENG"') });
    const client = new TestClient();
    t.after(async () => {
      await client.stop();
      removeFolder(root);
    });
    await client.start([root]);
    // The server's start-up messages all come before the index ends (start() waited for it).
    assert.ok(client.logMessages.some((message) => /files indexed/.test(message)), client.logMessages.join('\n'));
    assert.ok(!client.logMessages.some((message) => WATCHING.test(message)), client.logMessages.join('\n'));
    if (process.platform === 'linux') assert.equal(inotifyWatches(client.pid!), 0, 'no system watch');
  });
});
