/**
 * The editor's commands on AppServer debug logs: *Compare with AppServer log…* (the runs against
 * a folder's predictions, as `compare-log`: a Markdown report and the disagreements as LGX019
 * diagnostics) and *Import slots from AppServer log…* (what the log teaches the root
 * environment's catalog file, as `import-log`, as a WorkspaceEdit the client applies only if the
 * user picks it). The comparison, the plan and the edits are the CLI's (applog/); this module
 * reads the log the client sends and shapes the answers.
 */
import { MAX_LOG_BYTES, readRegularFile } from '../workspace/read-file.js';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { compareLog, compareLogToMarkdown, disagreementDiagnostics, type ComparedFolder, type CompareLogReport } from '../applog/compare-folder.js';
import { decodeLog } from '../applog/decode-log.js';
import { applyImport, importEdits, importLines, planImport } from '../applog/import.js';
import { readDebugLog, type LogReading } from '../applog/read-log.js';
import { t } from '../l10n/messages.js';
import { buildCatalog, parseCatalogFile } from '../license/catalog.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import { LineMap, type Range } from '../syntax/positions.js';
import type { CompareLogResult, ImportLogResult, LogContent } from './custom-messages.js';

/** A log read, or why it cannot be. */
export type LogRead = LogReadOk | { readonly error: string };
export interface LogReadOk {
  readonly reading: LogReading;
  /** The log's name as messages and reports show it. */
  readonly name: string;
}

/** The runs of the log the client sent (a file the server reads, bytes or text). */
export async function readLog(content: LogContent, name: string | undefined): Promise<LogRead> {
  let text: string;
  let shown = name;
  if ('uri' in content) {
    let path: string;
    try {
      path = fileURLToPath(content.uri);
    } catch {
      return { error: t`cannot read the log ${content.uri}: not a file URI` };
    }
    shown ??= basename(path);
    try {
      text = decodeLog(readRegularFile(path, MAX_LOG_BYTES)).text; // a named pipe must not hang the server
    } catch (error) {
      return { error: t({ message: 'cannot read the log file {0}: {1}', args: [path, (error as Error).message], comment: 'a log the editor sent' }) };
    }
  } else {
    text = 'base64' in content ? decodeLog(Buffer.from(content.base64, 'base64')).text : content.text;
  }
  shown ??= t('the log');
  const reading = readDebugLog(text);
  if (reading.runs.length === 0) {
    return {
      error: t({
        message: 'no program run found in {0}: no line "Aplicação <PROGRAM> - licenças … =" (the AppServer writes them with logix.license.debug = 1 in its profile)',
        args: [shown],
        comment: 'a log the editor sent',
      }),
    };
  }
  return { reading, name: shown };
}

/** The runs against the folder's environments as they are now (open documents included), and the disagreements as LGX019. */
export function compareFolderLog(folder: ComparedFolder, read: LogReadOk): { report: CompareLogReport; diagnostics: LicenseDiagnostic[] } {
  const report = compareLog(folder, read.reading.runs);
  return { report, diagnostics: disagreementDiagnostics(report, read.name) };
}

/** The answer: the Markdown report, with the LGX019 diagnostics shown and the files (URIs) they are on. */
export function compareLogResult(
  report: CompareLogReport,
  options: { readonly logName: string; readonly folderName: string; readonly linkTo: (file: string, range: Range) => string },
  shown: number,
  files: readonly string[],
): CompareLogResult {
  return { report: compareLogToMarkdown(report, { ...options, diagnostics: shown }), summary: report.summary, diagnostics: shown, files };
}

/** The answer when nothing was compared. */
export function compareError(error: string): CompareLogResult {
  return { error, report: `# ${t({ message: 'AppServer log comparison', comment: 'the heading of the report of a comparison that could not be made' })}\n\n${error}\n`, summary: { runs: 0, agree: 0, disagree: 0 }, diagnostics: 0, files: [] };
}

/**
 * What the log teaches the catalog file at `catalogUri` (its text on disk, undefined when there is
 * none): the lines `import-log` prints, and the additions as a WorkspaceEdit: text edits of the
 * file, or, when there is none, its creation and the whole text `import-log --write` would write.
 */
export function importLogEdit(catalogUri: string, catalogPath: string, text: string | undefined, read: LogRead): ImportLogResult {
  const base = { catalogUri, exists: text !== undefined };
  const empty = { runs: 0, changes: 0, lines: [], edit: null, plan: { keys: {}, menu: {}, conflicts: [], menuConflicts: [] } };
  if ('error' in read) return { ...base, ...empty, error: read.error };
  let catalog = buildCatalog(undefined);
  if (text !== undefined) {
    const parsed = parseCatalogFile(catalogPath, text);
    if (!parsed.file) {
      const first = parsed.problems[0]!;
      const where = `${catalogPath}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
      return { ...base, ...empty, runs: read.reading.runs.length, error: t({ message: '{0}: {1} (fix the catalog file first)', args: [where, first.message], comment: 'importing a log in the editor' }) };
    }
    catalog = buildCatalog(parsed.file);
  }
  const plan = planImport(read.reading.runs, catalog);
  const changes = plan.keys.size + plan.menu.size;
  let edit: WorkspaceEdit | null = null;
  if (changes > 0 && text !== undefined) {
    const lines = new LineMap(text);
    const edits = importEdits(text, plan).map((change): LspTextEdit => ({ range: lines.rangeOf(change.offset, change.offset + change.length), newText: change.content }));
    edit = { changes: { [catalogUri]: edits } };
  } else if (changes > 0) {
    // No file: created (the edit fails if one appears meanwhile), then its whole text inserted.
    const start = { line: 0, character: 0 };
    edit = {
      documentChanges: [
        { kind: 'create', uri: catalogUri },
        { textDocument: { uri: catalogUri, version: null }, edits: [{ range: { start, end: start }, newText: applyImport(undefined, plan) }] },
      ],
    };
  }
  return {
    ...base,
    runs: read.reading.runs.length,
    changes,
    lines: importLines(plan),
    edit,
    ...(text !== undefined ? { baseText: text } : {}),
    plan: {
      keys: Object.fromEntries([...plan.keys].map(([key, { slot, runs }]) => [key, { slot, runs }])),
      menu: Object.fromEntries(plan.menu),
      conflicts: plan.conflicts,
      menuConflicts: plan.menuConflicts,
    },
  };
}
