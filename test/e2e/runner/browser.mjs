// Debian's Chromium driven by playwright-core (Playwright's own browser download is out of reach
// here). The flags keep Chromium from calling home: on these machines every such connection is
// refused, and without them the browser retries many at once.
import { chromium } from 'playwright-core';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Screenshots are taken at this size (docs/ and the README show them). */
export const VIEWPORT = { width: 1440, height: 900 };

/** `configHome`: Chromium writes its crash database under $XDG_CONFIG_HOME, kept out of ~/.config. */
export async function openWorkbench(executablePath, url, folder, configHome) {
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS, env: { ...process.env, XDG_CONFIG_HOME: configHome } });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
    // The workbench is up when its editor area exists.
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
