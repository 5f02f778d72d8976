/** The facts of a file that cannot be read: none, and the reason as a problem (LGX016). */
import type { FileFacts } from '../syntax/facts.js';

export function unreadableFacts(error: unknown): FileFacts {
  const start = { line: 0, character: 0 };
  const reason = error instanceof Error ? error.message : String(error);
  return { units: [], licenseCalls: [], globalsReferences: [], lineCount: 0, problems: [{ kind: 'unreadable', reason, range: { start, end: start } }] };
}

/** Facts made by `unreadableFacts`: a readable file has at least one line. */
export function isUnreadable(facts: FileFacts): boolean {
  return facts.lineCount === 0;
}
