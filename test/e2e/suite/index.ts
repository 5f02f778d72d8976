/**
 * Entry points of the suite. `runSuite` returns the results (the code-server harness writes them
 * to a file for the runner); `run` is the `extensionTestsPath` contract of @vscode/test-electron:
 * it prints each result and rejects when one failed. With LOGIX_E2E_LANGUAGE set (the pt-BR run)
 * both run the pt-BR cases instead.
 */
import { LANGUAGE_ENV } from '../harness/protocol';
import { cases } from './cases';
import { portugueseCases } from './cases-pt-br';
import { runCases, type TestResult } from './framework';

export function runSuite(log: (line: string) => void): Promise<TestResult[]> {
  return runCases(process.env[LANGUAGE_ENV] ? portugueseCases : cases, log);
}

export async function run(): Promise<void> {
  const results = await runSuite((line) => console.log(line));
  const failed = results.filter((result) => !result.ok);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) throw new Error(`${failed.length} end-to-end case(s) failed: ${failed.map((result) => result.name).join('; ')}`);
}
