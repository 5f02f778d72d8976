// Prints the results like node's spec reporter and closes with the one line CI reads:
// `e2e: N passed, N failed`.
export function printResults(title, results) {
  console.log(`\n▶ ${title}`);
  for (const result of results) {
    const time = `(${result.ms} ms)`;
    if (result.knownIssue?.stillFails) {
      console.log(`  ! ${result.name} ${time} — known issue, not counted: ${result.knownIssue.description}`);
      console.log(`      ${String(result.error).split('\n')[0]}`);
    } else if (result.knownIssue) {
      console.log(`  ✔ ${result.name} ${time} — marked as a known issue but passes now: remove its knownIssue mark`);
    } else if (result.ok) {
      console.log(`  ✔ ${result.name} ${time}`);
    } else {
      console.log(`  ✖ ${result.name} ${time}`);
      for (const line of String(result.error).split('\n').slice(0, 30)) console.log(`      ${line}`);
    }
  }
}

export function printSummary(results) {
  const failed = results.filter((result) => !result.ok).length;
  const known = results.filter((result) => result.knownIssue?.stillFails).length;
  console.log(`\ne2e: ${results.length - failed - known} passed, ${failed} failed${known > 0 ? `, ${known} skipped` : ''}`);
  return failed;
}
