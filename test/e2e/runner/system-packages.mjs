// The Debian packages the end-to-end run needs. As root they are installed with apt-get (these
// machines start without them); as another user the run stops and says what to install, because
// a test run must not ask for a password.
import { existsSync } from 'node:fs';
import { run } from './process.mjs';

/** Each package with a file that shows it is installed, so non-Debian systems can satisfy it too. */
export const PACKAGES = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  ripgrep: ['/usr/bin/rg'],
  // Headers for the kerberos module that code-server's VS Code builds (npm rebuild).
  'libkrb5-dev': ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'],
};

export const SKIP_HINT = 'or skip the end-to-end tests with LOGIX_SKIP_E2E=1 (the unit, CLI and LSP tests still run)';

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function firstPresent(name) {
  return PACKAGES[name].find((path) => existsSync(path));
}

let aptUpdated = false;

/** Installs whichever of `names` is missing (root), or throws with the command to run (others). */
export async function ensureSystemPackages(names, log) {
  const missing = names.filter((name) => !firstPresent(name));
  if (missing.length === 0) return;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `The end-to-end tests need ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.\n` +
      `Install with: sudo apt-get install -y ${missing.join(' ')}\n` +
      `(with another browser: LOGIX_E2E_CHROMIUM=/path/to/chrome), ${SKIP_HINT}.`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    await run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  await run('apt-get', ['install', '-y', '-qq', ...missing], { env });
  const stillMissing = missing.filter((name) => !firstPresent(name));
  if (stillMissing.length > 0) throw new Error(`apt-get installed ${stillMissing.join(', ')} but none of ${stillMissing.map((name) => PACKAGES[name].join(', ')).join('; ')} exists`);
}
