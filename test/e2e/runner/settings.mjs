// A fresh test profile (code-server or VS Code desktop): an extensions folder and user settings
// for a quiet, deterministic workbench, with no welcome page, tips, update checks or trust
// prompts in the screenshots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
};

/** Creates `root`/user-data (with the settings) and `root`/extensions. */
export function createProfile(root) {
  const profile = { userData: join(root, 'user-data'), extensions: join(root, 'extensions') };
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  writeFileSync(join(profile.userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  mkdirSync(profile.extensions, { recursive: true });
  return profile;
}
