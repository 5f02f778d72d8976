/** Runs the real built CLI (`server/out/cli.js`) as a child process. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliPath } from './paths.js';
import { removedAfterTests, tempFolder } from './temp.js';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd?: string): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Writes files (path → text or bytes) into a new temporary folder and returns its path; the
 * caller removes it (temp.ts's removeFolder).
 */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = tempFolder('logix-license-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** For one test file: `tempWorkspace`, each folder removed once the file's tests end. */
export function tempWorkspaces(): (files: Record<string, string | Uint8Array>) => string {
  const track = removedAfterTests();
  return (files) => track(tempWorkspace(files));
}
