// Where the end-to-end run keeps things: the repository, the per-user tools cache (outside the
// clone, so a fresh CI clone reuses it) and the git-ignored output folders inside the clone.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/repo-root.mjs';

export { repoRoot };
export const e2eRoot = join(repoRoot, 'test', 'e2e');
/** Bundles of the suite and the harness extension (git-ignored). */
export const e2eOut = join(e2eRoot, 'out');
/** Screenshots of the last run (git-ignored); the chosen ones are copied to docs/ by hand. */
export const screenshotsDir = join(e2eRoot, 'screenshots');

/** code-server 4.100.3 ships VS Code 1.100.3, the newest that runs on Node 20 (newer need Node 24). */
export const CODE_SERVER_VERSION = '4.100.3';

/** `$LOGIX_E2E_CACHE`, else `$XDG_CACHE_HOME/logix-license-e2e`, else `~/.cache/logix-license-e2e`. */
export function cacheRoot() {
  if (process.env.LOGIX_E2E_CACHE) return process.env.LOGIX_E2E_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'logix-license-e2e');
}
