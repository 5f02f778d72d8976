/**
 * `logix-license` command line: `check` a workspace or `explain` one program. Wiring only: the
 * analysis is in workspace/ and license/, the renderings in check-report.ts and sarif.ts.
 */
import { performance } from 'node:perf_hooks';
import packageJson from '../../../package.json';
import { explainProgram, explanationToJson, renderDebugLog, renderExplanationText } from '../license/explain.js';
import { analyzeWorkspace, ConfigurationError, type WorkspaceAnalysis } from '../workspace/analysis.js';
import { parseArgs, USAGE, UsageError, type CheckCommand, type ExplainCommand } from './args.js';
import { checkToJson, checkToText, summarize } from './check-report.js';
import { checkToSarif } from './sarif.js';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'check':
        return await runCheck(command);
      case 'explain':
        return await runExplain(command);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`logix-license: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigurationError) {
      process.stderr.write(`logix-license: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function analyze(command: CheckCommand | ExplainCommand): Promise<WorkspaceAnalysis> {
  // Progress goes to stderr, only for a person watching a terminal (never into JSON or a pipe).
  const showProgress = process.stderr.isTTY === true;
  const analysis = await analyzeWorkspace(command.dir, {
    excludes: command.excludes,
    ...(command.configFile !== undefined ? { configFile: command.configFile } : {}),
    ...(command.logixVersion !== undefined ? { logixVersion: command.logixVersion } : {}),
    ...(command.encoding !== undefined ? { encoding: command.encoding } : {}),
    ...(command.command === 'explain' ? { diagnose: false, ...(command.devTest ? { devTest: true } : {}) } : {}),
    // Progress arrives a batch of files at a time.
    ...(showProgress ? { onProgress: (done: number, total: number) => process.stderr.write(`\rreading ${done}/${total} files`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  return analysis;
}

async function runCheck(command: CheckCommand): Promise<number> {
  const started = performance.now();
  const analysis = await analyze(command);
  const summary = summarize(analysis, performance.now() - started);
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify(checkToJson(analysis, summary), null, 2)}\n`);
  } else if (command.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(checkToSarif(analysis, packageJson.version), null, 2)}\n`);
  } else {
    process.stdout.write(checkToText(analysis, summary));
  }
  return summary.errors > 0 ? 1 : 0;
}

async function runExplain(command: ExplainCommand): Promise<number> {
  const analysis = await analyze(command);
  const program = command.program.toLowerCase().replace(/\.4gl$/i, '');
  if (!analysis.model.programs.has(program) && !analysis.model.registrations.has(program)) {
    process.stderr.write(`logix-license: no program ${command.program} in ${analysis.root} (no ${program}.4gl with MAIN or FUNCTION ${program}, and no SYSTEMKEY registration)\n`);
    return 2;
  }
  const explanation = explainProgram(program, analysis.model, analysis.catalog, {
    context: command.context,
    ...(command.menuKey !== undefined ? { menuKey: command.menuKey } : {}),
    ...(command.devTest ? { devTest: true } : {}),
  });
  if (command.format === 'json') process.stdout.write(`${JSON.stringify(explanationToJson(explanation), null, 2)}\n`);
  else if (command.format === 'log') process.stdout.write(renderDebugLog(explanation));
  else process.stdout.write(renderExplanationText(explanation, analysis.catalog));
  return 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
