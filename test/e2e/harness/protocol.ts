/**
 * The harness ↔ runner protocol: files in the folder named by LOGIX_E2E_DIR (set by the runner
 * on the code-server process, inherited by the extension host). Each side polls for the other's
 * files, so neither depends on timing.
 *
 *   started.json             harness is up: { vscodeVersion }
 *   results.json             suite finished: { results: TestResult[] }
 *   scene-<name>.ready       harness set the scene up (JSON: what the runner should expect)
 *   scene-<name>.done        runner took its screenshot
 *   reload.json              harness opened the files of the reload case and recorded what they
 *                            show: { results, before }; it then reloads the window, and its next
 *                            activation (a new extension host) finds this file and goes on. Without
 *                            `before` (nothing to record) there is no reload: reload-results.json
 *                            follows at once
 *   reload-results.json      reload case finished: { results: TestResult[] } (before and after),
 *                            with `lenses`, the lens titles the runner must then see on screen
 *   finished.json            harness has nothing more to do
 */
export const SIGNAL_DIR_ENV = 'LOGIX_E2E_DIR';
/**
 * Set (to `pt-br`) on the second run, whose VS Code shows that display language: the harness then
 * runs only the pt-BR cases (suite/cases-pt-br.ts), writes started.json (with `language`, what
 * `vscode.env.language` says), results.json and finished.json: no scenes, no reload.
 */
export const LANGUAGE_ENV = 'LOGIX_E2E_LANGUAGE';

/** In this order; the runner's scenes.mjs drives the same names. */
export const SCENES = ['hover', 'quick-fix', 'explain', 'accents', 'license-map'] as const;
export type SceneName = (typeof SCENES)[number];

export const RELOAD_FILE = 'reload.json';
export const RELOAD_RESULTS_FILE = 'reload-results.json';
