/**
 * The bounded slice of the fuzz campaign that `npm test` runs (about a minute): every kind of
 * input (parser, incremental re-parse, catalogs, engine, the language server over stdio) with a
 * fixed seed, so a failure here replays with the command it prints. LOGIX_FUZZ_SEED=N runs
 * another seed. `npm run fuzz` runs more; `npm run fuzz -- --long` the long campaign.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { BUDGETS, formatFailure, formatReport, KINDS, runCampaign } from './campaign.js';

const SEED = Number(process.env['LOGIX_FUZZ_SEED'] ?? 20_261_123);

describe('fuzz slice', () => {
  it(`finds no exception, hang, leak or wrong answer (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const report = await runCampaign({ seed: SEED, budget: BUDGETS.slice, kinds: KINDS, hangMs: 5_000, maxFailures: 1, log: () => {} });
    console.log(formatReport(report));
    assert.equal(report.failures.length, 0, report.failures.map(formatFailure).join('\n\n'));
  });
});
