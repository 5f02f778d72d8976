/**
 * `import-log`: the catalog file read, the plan of what the log teaches it, the reports, and with
 * `--write` the file written (created when absent). The plan and the edits are pure
 * (applog/import.ts, license/catalog-edit.ts); this is the IO around them.
 */
import { t } from '../l10n/messages.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { applyImport, importLines, planImport, type ImportPlan } from '../applog/import.js';
import { buildCatalog, CATALOG_FILE_NAME, parseCatalogFile } from '../license/catalog.js';
import { ConfigurationError } from '../workspace/analysis.js';
import { toPosix } from '../workspace/files.js';
import type { ImportLogCommand } from './args.js';
import { readLogFile } from './log-file.js';

export function runImportLog(command: ImportLogCommand): number {
  const reading = readLogFile(command.logFile);
  const dir = resolve(command.dir);
  if (!existsSync(dir)) throw new ConfigurationError(t`no such folder: ${command.dir}`);
  const path = command.configFile !== undefined ? resolve(command.configFile) : resolve(dir, CATALOG_FILE_NAME);
  const text = readCatalogText(path);
  let catalog = buildCatalog(undefined);
  if (text !== undefined) {
    const parsed = parseCatalogFile(toPosix(path), text);
    if (!parsed.file) {
      const first = parsed.problems[0]!;
      throw new ConfigurationError(`${path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${t`${first.message} (fix the catalog file first)`}`);
    }
    catalog = buildCatalog(parsed.file);
  }
  const plan = planImport(reading.runs, catalog);
  const changes = plan.keys.size + plan.menu.size;
  const written = command.write && changes > 0;
  if (written) writeFileSync(path, applyImport(text, plan));
  // Shown relative to DIR when it lies there, as the other commands show paths.
  const shown = relative(dir, path);
  const name = shown.startsWith('..') || isAbsolute(shown) ? path : toPosix(shown);
  if (command.format === 'json') process.stdout.write(`${JSON.stringify(importToJson(plan, name, written), null, 2)}\n`);
  else process.stdout.write(importToText(plan, name, reading.runs.length, { write: command.write, created: text === undefined }));
  return 0;
}

function readCatalogText(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(t`cannot read the catalog file ${path}: ${(error as Error).message}`);
  }
}

function importToJson(plan: ImportPlan, path: string, written: boolean) {
  return {
    catalog: path,
    written,
    keys: Object.fromEntries([...plan.keys].map(([key, { slot, runs }]) => [key, { slot, runs }])),
    menu: Object.fromEntries(plan.menu),
    conflicts: plan.conflicts,
    menuConflicts: plan.menuConflicts,
    kept: { keys: plan.keptSlots, menu: plan.keptMenu },
  };
}

function writtenText(created: boolean, changes: number): string {
  if (created) return changes === 1 ? t`Created: 1 addition.` : t`Created: ${changes} additions.`;
  return changes === 1 ? t`Written: 1 addition.` : t`Written: ${changes} additions.`;
}

function importToText(plan: ImportPlan, path: string, runs: number, { write, created }: { write: boolean; created: boolean }): string {
  const name = created ? t`${path} (no such file yet)` : path;
  const lines = [runs === 1 ? t`${name}: what 1 run of the log teaches` : t`${name}: what ${runs} runs of the log teach`];
  lines.push(...importLines(plan).map((line) => `  ${line}`));
  const changes = plan.keys.size + plan.menu.size;
  if (changes === 0) lines.push(t`Nothing to add.`);
  else if (write) lines.push(writtenText(created, changes));
  else lines.push(changes === 1 ? t`Nothing written: run again with --write to add it.` : t`Nothing written: run again with --write to add them.`);
  return lines.join('\n') + '\n';
}
