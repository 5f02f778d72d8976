/**
 * The smallest test runner that works inside an extension host: cases run one after another
 * (they share one VS Code window), each under a time limit, and every result is data, so the
 * code-server harness can write it to a file and the @vscode/test-electron entry can throw.
 */
export interface TestCase {
  readonly name: string;
  readonly run: () => Promise<void>;
  readonly timeoutMs?: number;
  /** When it fails, the cases after it cannot mean anything (e.g. the extension did not activate). */
  readonly critical?: boolean;
}

export interface TestResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
  /** The case was not run because a critical case before it failed. */
  readonly notRun?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runCases(cases: readonly TestCase[], log: (line: string) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  let blockedBy: string | undefined;
  for (const testCase of cases) {
    if (blockedBy) {
      results.push({ name: testCase.name, ok: false, ms: 0, notRun: true, error: `not run: "${blockedBy}" failed` });
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(testCase.run(), testCase.timeoutMs ?? DEFAULT_TIMEOUT_MS, testCase.name);
      results.push({ name: testCase.name, ok: true, ms: Date.now() - started });
      log(`ok ${testCase.name}`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: testCase.name, ok: false, ms: Date.now() - started, error: message });
      log(`FAILED ${testCase.name}: ${message}`);
      if (testCase.critical) blockedBy = testCase.name;
    }
  }
  return results;
}
