// Runs a command to completion, streaming nothing unless asked: a failing step throws with the
// command, its exit code and the tail of its output, so an install failure explains itself.
import { spawn } from 'node:child_process';

/** The last `lines` lines of a command's output or a log: what explains a failure. */
export function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, verbose?: boolean, label?: string }} [options]
 * @returns {Promise<string>} the combined output
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (options.verbose) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(output);
      reject(new Error(`${options.label ?? `${command} ${args.join(' ')}`} failed (${signal ?? `exit ${code}`}) in ${options.cwd ?? process.cwd()}:\n${tail(output)}`));
    });
  });
}
