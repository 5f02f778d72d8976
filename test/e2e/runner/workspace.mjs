// The folder VS Code opens: a fresh copy of examples/ plus the e2e fixtures, so the cases can
// edit documents without touching the repository, and every run starts from the same files.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eRoot, repoRoot } from './paths.mjs';

export function createTestWorkspace(target) {
  mkdirSync(target, { recursive: true });
  cpSync(join(repoRoot, 'examples'), target, { recursive: true });
  const fixtures = join(e2eRoot, 'fixtures');
  for (const name of readdirSync(fixtures)) cpSync(join(fixtures, name), join(target, name), { recursive: true });
  return target;
}
