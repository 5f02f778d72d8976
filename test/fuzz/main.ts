/**
 * `npm run fuzz`: the fuzz campaign (campaign.ts) from the command line.
 *
 *   npm run fuzz [-- --seed N] [--long | --slice] [--kind parser,incremental,catalog,engine,lsp]
 *                [--runs N] [--path P] [--hang-ms MS] [--max-failures N]
 *   npm run fuzz -- --replay build/fuzz/failures/FILE.json
 *
 * Without --seed, the seed is the time; it is printed first, and every failure prints the command
 * that replays it. Exits 1 when any invariant broke, 2 on a usage error.
 */
import { BUDGETS, formatReport, KINDS, replay, runCampaign, type Budget, type Kind } from './campaign.js';

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--seed N] [--long | --slice] [--kind ${KINDS.join(',')}] [--runs N] [--path P] [--hang-ms MS] [--max-failures N] | --replay FILE\n`);
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  let seed = Date.now() % 2 ** 31;
  let budget: Budget = BUDGETS.default;
  let kinds: Kind[] = [...KINDS];
  let runs: number | undefined;
  let path: string | undefined;
  let hangMs = 5_000;
  let maxFailures: number | undefined;
  let replayFile: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => args[++index] ?? usage(`${arg} needs a value`);
    const number = () => {
      const parsed = Number(value());
      if (!Number.isInteger(parsed) || parsed < 0) usage(`${arg} needs a whole number`);
      return parsed;
    };
    if (arg === '--seed') seed = number();
    else if (arg === '--long') budget = BUDGETS.long;
    else if (arg === '--slice') budget = BUDGETS.slice;
    else if (arg === '--kind') {
      kinds = value().split(',') as Kind[];
      for (const kind of kinds) if (!KINDS.includes(kind)) usage(`unknown kind ${kind}`);
    } else if (arg === '--runs') runs = number();
    else if (arg === '--path') path = value();
    else if (arg === '--hang-ms') hangMs = number();
    else if (arg === '--max-failures') maxFailures = Math.max(1, number());
    else if (arg === '--replay') replayFile = value();
    else usage(`unknown argument ${arg}`);
  }
  if (replayFile) {
    replay(replayFile, hangMs, (line) => process.stdout.write(`${line}\n`)).then((passed) => process.exit(passed ? 0 : 1), (error: unknown) => {
      process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    });
    return;
  }
  if (path && kinds.length !== 1) usage('--path replays one input: give its --kind and --seed too');
  if (runs !== undefined) budget = { ...budget, runs: Object.fromEntries(KINDS.map((kind) => [kind, runs])) as Record<Kind, number> };
  process.stdout.write(`fuzz: seed ${seed} (replay the whole campaign with: npm run fuzz -- --seed ${seed}${budget === BUDGETS.long ? ' --long' : ''})\n`);
  // The long campaign goes on past more distinct failures: it is the one that measures.
  maxFailures ??= budget === BUDGETS.long ? 20 : 3;
  runCampaign({ seed, budget, kinds, ...(path ? { path } : {}), hangMs, maxFailures, log: (line) => process.stdout.write(`${line}\n`) }).then((report) => {
    process.stdout.write(`\n${formatReport(report)}\n`);
    process.exit(report.failures.length > 0 ? 1 : 0);
  }, (error: unknown) => {
    process.stderr.write(`fuzz: the campaign itself failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

main();
