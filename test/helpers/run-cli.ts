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

/**
 * The environment of a run: the developer's, in the POSIX `C` locale (English) so that no test
 * depends on the machine's language; `env` changes it, a variable set to undefined is removed.
 */
export function cliEnvironment(env: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, LC_ALL: 'C', ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function runCli(args: readonly string[], cwd?: string, env: Readonly<Record<string, string | undefined>> = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: cliEnvironment(env) });
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
