// Installs code-server (VS Code for the browser, from the npm registry) once per version and
// Node ABI into the user's cache, outside the clone, so CI's fresh clones reuse it.
//
// The npm package cannot be installed as-is here: its post-install builds native modules and
// downloads ripgrep from a host these machines cannot reach. So the scripts are skipped and the
// steps done by hand: native modules rebuilt from source, ripgrep taken from Debian.
//
// A half-finished install is never mistaken for a finished one: everything happens in a
// `.partial-<pid>` folder, the marker file is written last, and only then is the folder renamed
// into place. A folder without the marker is deleted and installed again.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, cacheRoot } from './paths.mjs';
import { run } from './process.mjs';
import { ensureSystemPackages, firstPresent } from './system-packages.mjs';

const MARKER = '.logix-e2e-complete.json';

/** Native modules are built for one Node ABI, so the folder is keyed by it as well. */
export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-abi${process.versions.modules}`);
}

export function codeServerEntry(dir = codeServerDir()) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function isComplete(dir) {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    return marker.version === CODE_SERVER_VERSION && marker.abi === process.versions.modules && existsSync(codeServerEntry(dir));
  } catch {
    return false;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Removes partial folders left by runs that died (their process is gone). */
function removeAbandonedPartials(finalDir) {
  const parent = join(finalDir, '..');
  const prefix = `${finalDir.slice(parent.length + 1)}.partial-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || !isAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Returns the folder of a complete install, installing it first when needed.
 * @param {(message: string) => void} log
 * @returns {Promise<{ dir: string, entry: string, installed: boolean }>}
 */
export async function ensureCodeServer(log) {
  const finalDir = codeServerDir();
  if (isComplete(finalDir)) return { dir: finalDir, entry: codeServerEntry(finalDir), installed: false };

  await ensureSystemPackages(['libkrb5-dev', 'ripgrep'], log);
  if (existsSync(finalDir)) {
    log(`${finalDir} has no completion marker: a half-finished install, removing it`);
    rmSync(finalDir, { recursive: true, force: true });
  }
  removeAbandonedPartials(finalDir);
  const staging = `${finalDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });

  const started = Date.now();
  const step = async (label, command, args, cwd, env = process.env) => {
    const stepStart = Date.now();
    log(`code-server install: ${label}`);
    await run(command, args, { cwd, env, label });
    log(`code-server install: ${label} done in ${((Date.now() - stepStart) / 1000).toFixed(0)} s`);
  };
  try {
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'logix-e2e-tools', private: true }, null, 2)}\n`);
    const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
    await step(`npm install code-server@${CODE_SERVER_VERSION} (scripts skipped)`, 'npm', ['install', ...quiet, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], staging);
    // argon2 (password hashing) is code-server's one native module of its own.
    await step('npm rebuild argon2', 'npm', ['rebuild', ...quiet, 'argon2'], staging);

    const vscodeDir = join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
    await step('npm install in lib/vscode (scripts skipped)', 'npm', ['install', ...quiet, '--omit=dev', '--ignore-scripts'], vscodeDir);
    // @vscode/ripgrep's install script would download rg: give it Debian's instead.
    const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(ripgrepBin, { recursive: true });
    copyFileSync(firstPresent('ripgrep'), join(ripgrepBin, 'rg'));
    // Builds node-pty, spdlog, kerberos, @parcel/watcher… from source; `yes` answers npx prompts.
    await step('npm rebuild in lib/vscode (native modules)', 'npm', ['rebuild', ...quiet], vscodeDir, { ...process.env, npm_config_yes: 'true' });

    // What code-server's own post-install would have linked.
    symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
    symlinkSync('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    symlinkSync('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
    await step('npm install in lib/vscode/extensions (built-in extensions)', 'npm', ['install', ...quiet, '--omit=dev'], join(vscodeDir, 'extensions'));

    // Written last: its presence means every step above finished.
    writeFileSync(join(staging, MARKER), `${JSON.stringify({ version: CODE_SERVER_VERSION, abi: process.versions.modules, node: process.version, installedAt: new Date().toISOString() }, null, 2)}\n`);
    try {
      renameSync(staging, finalDir);
    } catch (error) {
      // Another run finished first: use its install.
      if (!isComplete(finalDir)) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`code-server ${CODE_SERVER_VERSION} installed in ${finalDir} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { dir: finalDir, entry: codeServerEntry(finalDir), installed: true };
}
