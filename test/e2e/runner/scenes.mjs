// The runner's side of the screenshot scenes: once the harness has set a scene up, wait for what
// a user would see in the page, check it, and take the screenshot. Each scene is also a test: the
// hover, the quick-fix menu, the code lens and the explain report must really be on screen.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from './poll.mjs';

const TIMEOUT = 30_000;

/** Editor text as shown: VS Code renders spaces as no-break spaces. */
async function visibleText(locator) {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Waits until the locator shows every part: hovers and menus fill in as providers answer. */
async function waitForText(locator, expected, what) {
  let text = '';
  let missing = expected;
  await poll(async () => {
    text = await visibleText(locator);
    missing = expected.filter((part) => !text.includes(part));
    return missing.length === 0 ? true : undefined;
  }, { timeoutMs: TIMEOUT, intervalMs: 200, timeoutMessage: () => `${what} does not show ${missing.map((part) => `"${part}"`).join(', ')}; it shows: ${text.slice(0, 800)}` });
}

/** name → [test name, drive(page)] — same order as SCENES in test/e2e/harness/protocol.ts. */
export const SCENES = [
  ['hover', 'UI: the hover shows the diagnostics and the final key list', async (page) => {
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'LGX005' });
    await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
    // The diagnostic (A2) and the program's picture: its key list, elected by R6, and the menu.
    await waitForText(hover, ['log001_acessa_usuario is obsolete', 'ESTOQ', 'area SUP default (R6)', 'From the menu'], 'the hover');
  }],
  ['quick-fix', 'UI: the quick-fix menu lists the fixes of the unknown key', async (page) => {
    const menu = page.locator('.action-widget').filter({ hasText: 'Replace SUPRIMEN with SUPREC' });
    await menu.waitFor({ state: 'visible', timeout: TIMEOUT });
    await waitForText(menu, ['Replace SUPRIMEN with the area default ESTOQ (R6)'], 'the quick-fix menu');
  }],
  ['explain', 'UI: the code lens opens the explain report beside the debug log', async (page) => {
    const lens = page.locator('.codelens-decoration a').filter({ hasText: 'License: MANENG' });
    await lens.waitFor({ state: 'visible', timeout: TIMEOUT });
    await lens.click();
    // Two quick picks: the execution context (Menu first), then the menu key (the configured WMS first).
    for (const title of ['execution context', 'menu key']) {
      const picker = page.locator('.quick-input-widget').filter({ hasText: title });
      await picker.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await picker.waitFor({ state: 'hidden', timeout: TIMEOUT });
    }
    const report = page.locator('.editor-instance .view-lines').filter({ hasText: 'License of MAN10021' });
    await report.waitFor({ state: 'visible', timeout: TIMEOUT });
    const log = page.locator('.editor-instance .view-lines').filter({ hasText: 'Licença menu = WMS' });
    await log.waitFor({ state: 'visible', timeout: TIMEOUT });
    await waitForText(report, ['WMS', 'slot 5087'], 'the explain report');
  }],
  ['accents', 'UI: the Windows-1252 file shows its accents', async (page) => {
    const lines = page.locator('.editor-instance .view-lines').filter({ hasText: 'man10090' });
    await lines.waitFor({ state: 'visible', timeout: TIMEOUT });
    await waitForText(lines, ['MANUTENÇÃO DE PREÇOS', '“aspas”, – e € só existem em Windows-1252'], 'the editor');
  }],
  ['license-map', 'UI: the Logix Licenses view lists slot 5087\'s programs, and a click opens the registration', async (page) => {
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Logix Licenses' }) });
    await pane.waitFor({ state: 'visible', timeout: TIMEOUT });
    // The workspace's files above it take the room: collapse their pane (a click on its title, left
    // of the header's actions), and widen the side bar for the descriptions (slot, area, how).
    const files = page.locator('.pane-header[aria-expanded="true"]').filter({ hasNotText: 'Logix Licenses' }).filter({ hasText: 'workspace' });
    if (await files.count() > 0) await files.first().click({ position: { x: 12, y: 10 } });
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar && sidebar.width < 480) {
      const edge = { x: sidebar.x + sidebar.width - 1, y: sidebar.y + sidebar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 480, edge.y, { steps: 8 });
      await page.mouse.up();
    }
    const body = pane.locator('.pane-body');
    await waitForText(body, ['WMS', 'slot 5087 · LOG · 2 programs', 'man10021', '#7 · SYSTEMKEY_LOG (R7)', 'vdp9110'], 'the license map');
    await body.locator('.monaco-list-row').filter({ hasText: '#7 · SYSTEMKEY_LOG (R7)' }).click();
    const editor = page.locator('.editor-instance .view-lines').filter({ hasText: 'setAppLicenseList' });
    await editor.waitFor({ state: 'visible', timeout: TIMEOUT });
    await waitForText(editor, ['("WMS","wms0001,wms0002,man10021,vdp9110")'], 'the registration');
  }],
];

/**
 * @param {import('playwright-core').Page} page
 * @param {import('./signals.mjs').Signals} signals
 * @returns {Promise<{ name: string, ok: boolean, ms: number, error?: string }[]>}
 */
export async function runScenes(page, signals, screenshotsDir) {
  // Only this run's pictures, so a stale failure screenshot never lingers beside a pass.
  rmSync(screenshotsDir, { recursive: true, force: true });
  mkdirSync(screenshotsDir, { recursive: true });
  const results = [];
  for (const [scene, name, drive] of SCENES) {
    const started = Date.now();
    try {
      const ready = await signals.waitFor(`scene-${scene}.ready`, 120_000);
      if (!ready.ok) throw new Error(`the harness could not set the scene up: ${ready.error}`);
      await drive(page);
      await page.screenshot({ path: join(screenshotsDir, `${scene}.png`) });
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      await page.screenshot({ path: join(screenshotsDir, `${scene}-failed.png`) }).catch(() => {});
      results.push({ name, ok: false, ms: Date.now() - started, error: error.stack ?? error.message });
    } finally {
      signals.write(`scene-${scene}.done`, { at: new Date().toISOString() });
    }
  }
  return results;
}

/**
 * After the window reload: the restored editors show, on screen, the code lenses they showed
 * before it (`lenses`, recorded by the harness). A wrong lens is on screen as soon as the server
 * answers, so the wait is short.
 * @param {import('playwright-core').Page} page
 * @param {string[]} lenses
 * @returns {Promise<{ name: string, ok: boolean, ms: number, error?: string }>}
 */
export async function checkRestoredLenses(page, lenses, screenshotsDir) {
  const name = `UI: after the reload, the restored editors show ${lenses.map((lens) => `"${lens}"`).join(' and ')}`;
  const started = Date.now();
  let shown = [];
  try {
    await poll(async () => {
      shown = (await page.locator('.codelens-decoration a').allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));
      return lenses.every((lens) => shown.includes(lens)) ? true : undefined;
    }, { timeoutMs: 10_000, intervalMs: 200, timeoutMessage: () => `the code lenses on screen are ${JSON.stringify(shown)}` });
    await page.screenshot({ path: join(screenshotsDir, 'reload.png') });
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    await page.screenshot({ path: join(screenshotsDir, 'reload-failed.png') }).catch(() => {});
    return { name, ok: false, ms: Date.now() - started, error: error.stack ?? error.message };
  }
}
