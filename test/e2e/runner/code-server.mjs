// One code-server instance for one run: a fresh user-data and extensions folder, the .vsix files
// installed with code-server's own CLI, then the server on a free loopback port. The server runs
// in its own process group so that stopping it also ends its extension host and language server.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { poll } from './poll.mjs';
import { run } from './process.mjs';
import { createProfile } from './settings.mjs';

/**
 * Folders of one instance under `root`: the profile, plus a config file that keeps code-server
 * away from ~/.config (and turns authentication off), and `data` (its XDG_DATA_HOME: logs,
 * heartbeat) away from ~/.local/share.
 */
export function instanceDirs(root) {
  const dirs = { ...createProfile(root), config: join(root, 'code-server.yaml'), log: join(root, 'code-server.log'), data: join(root, 'data') };
  writeFileSync(dirs.config, 'auth: none\n');
  return dirs;
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function environment(dirs, extra = {}) {
  return { ...process.env, XDG_DATA_HOME: dirs.data, ...extra };
}

export async function installExtensions(entry, dirs, vsixFiles) {
  const output = await run(process.execPath, [entry, ...commonArgs(dirs), ...vsixFiles.flatMap((vsix) => ['--install-extension', vsix]), '--force'], { env: environment(dirs), label: 'code-server --install-extension' });
  const installed = (output.match(/successfully installed/g) ?? []).length;
  if (installed !== vsixFiles.length) throw new Error(`code-server installed ${installed} of ${vsixFiles.length} extensions:\n${output}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForHealth(url, child, timeoutMs) {
  return poll(async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before serving`);
    try {
      const response = await fetch(new URL('healthz', url));
      return response.ok ? true : undefined;
    } catch {
      return undefined; // not listening yet
    }
  }, { timeoutMs, intervalMs: 250, timeoutMessage: () => `code-server did not answer ${url}healthz within ${timeoutMs} ms` });
}

/**
 * `locale`: the display language (`--locale`), for a language whose pack is installed.
 * @returns {Promise<{ url: string, stop: () => Promise<void>, exited: () => boolean }>}
 */
export async function startCodeServer(entry, dirs, folder, env, { locale } = {}) {
  const port = await freePort();
  const args = [entry, ...commonArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, ...(locale ? ['--locale', locale] : []),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', folder];
  const log = createWriteStream(dirs.log);
  const child = spawn(process.execPath, args, { env: environment(dirs, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killGroup = () => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is gone */ }
    };
    const timer = setTimeout(killGroup, 5000);
    await exited;
    clearTimeout(timer);
    // The extension host or language server may outlive code-server by a moment.
    killGroup();
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, exited: () => child.exitCode !== null };
}
