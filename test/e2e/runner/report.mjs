// Prints the results like node's spec reporter and closes with the one line CI reads:
// `e2e: N passed, N failed`.
export function printResults(title, results) {
  console.log(`\n▶ ${title}`);
  for (const result of results) {
    const time = `(${result.ms} ms)`;
    if (result.ok) {
      console.log(`  ✔ ${result.name} ${time}`);
    } else {
      console.log(`  ✖ ${result.name} ${time}`);
      for (const line of String(result.error).split('\n').slice(0, 30)) console.log(`      ${line}`);
    }
  }
}

export function printSummary(results) {
  const failed = results.filter((result) => !result.ok).length;
  console.log(`\ne2e: ${results.length - failed} passed, ${failed} failed`);
  return failed;
}
