// Finds the browser the tests drive: LOGIX_E2E_CHROMIUM, else a system Chromium or Chrome,
// installing Debian's chromium as root when there is none. Playwright's own browser download
// cannot be used here: these machines reach only the npm and Debian registries.
import { existsSync } from 'node:fs';
import { ensureSystemPackages, firstPresent, SKIP_HINT } from './system-packages.mjs';

export async function ensureChromium(log) {
  const configured = process.env.LOGIX_E2E_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`LOGIX_E2E_CHROMIUM=${configured} does not exist; unset it to use /usr/bin/chromium, ${SKIP_HINT}.`);
    return configured;
  }
  await ensureSystemPackages(['chromium'], log);
  return firstPresent('chromium');
}
