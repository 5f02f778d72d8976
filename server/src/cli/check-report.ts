/**
 * Renderings of a `check` run: readable text for a terminal and the JSON documented in the README
 * (`file` relative with `/`, lines and columns 1-based, `program` lower case).
 */
import { t } from '../l10n/messages.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { ProgramSource } from '../license/model.js';
import type { Resolution } from '../license/resolve.js';
import { quoteSource } from '../license/quote-source.js';
import type { WorkspaceAnalysis } from '../workspace/analysis.js';
import type { EnvironmentIndex } from '../workspace/environment-index.js';

export interface CheckSummary {
  readonly files: number;
  readonly programs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly durationMs: number;
  /** With `--cache`: files whose facts the cache gave, files parsed. */
  readonly cache?: { readonly reused: number; readonly parsed: number };
}

/** One entry per file that defines a program, environment by environment. */
interface ProgramEntry {
  readonly environment: EnvironmentIndex;
  readonly source: ProgramSource;
  readonly resolution: Resolution;
}

/**
 * Programs in the order of their first source's path, each with all its sources: the order of a
 * model filled in path order, whatever the order its files came in (`check --cache` sets the
 * changed files last).
 */
function programEntries(analysis: WorkspaceAnalysis): ProgramEntry[] {
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return analysis.environments.flatMap((environment) =>
    [...environment.model.programs.keys()]
      .map((name) => environment.model.sourcesOf(name))
      .filter((sources) => sources.length > 0)
      .sort((a, b) => byPath(a[0]!.file, b[0]!.file))
      .flat()
      .filter((source) => analysis.focus === undefined || source.file === analysis.focus)
      .map((source) => ({ environment, source, resolution: environment.resolutionOf(source.name, source.file) })));
}

export function summarize(analysis: WorkspaceAnalysis, durationMs: number): CheckSummary {
  return {
    files: analysis.files.length,
    programs: programEntries(analysis).length,
    errors: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    durationMs: Math.round(durationMs),
    ...(analysis.cache ? { cache: analysis.cache } : {}),
  };
}

export function checkToJson(analysis: WorkspaceAnalysis, summary: CheckSummary) {
  const programs = programEntries(analysis).map(({ environment, source, resolution }) => {
    return {
      program: source.name,
      file: source.file,
      environment: environment.root,
      area: resolution.area ?? null,
      declaredKeys: resolution.declaredKeys,
      finalKeys: resolution.finalKeys.map((entry) => entry.key),
      defaultKey: resolution.defaultKey ?? null,
      free: resolution.free !== undefined,
    };
  });
  const diagnostics = analysis.diagnostics.map((diagnostic) => ({
    file: diagnostic.file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  }));
  return { programs, diagnostics, summary };
}

export function checkToText(analysis: WorkspaceAnalysis, summary: CheckSummary): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = diagnostic.file;
      const environment = analysis.folder.environmentOf(diagnostic.file).root;
      lines.push(environment === '' ? diagnostic.file : `${diagnostic.file}  (${t({ message: 'environment {0}', args: [environment], comment: 'check' })})`);
    }
    lines.push(formatDiagnostic(diagnostic));
  }
  if (lines.length > 0) lines.push('');

  const entries = programEntries(analysis);
  if (entries.length > 0) {
    const width = Math.max(...entries.map(({ source }) => quoteSource(source.displayName).length));
    for (const environment of analysis.environments) {
      const inEnvironment = entries.filter((entry) => entry.environment === environment);
      if (inEnvironment.length === 0) continue;
      lines.push(environment.root === ''
        ? t`Programs (final key list, default key first):`
        : t`Programs of environment ${environment.root} (its own ${environment.catalogFile.path}):`);
      // A name defined twice in one environment (LGX017) is listed once per file, with the file.
      const repeated = new Set(inEnvironment.filter(({ source }) => environment.model.sourcesOf(source.name).length > 1).map(({ source }) => source.file));
      for (const { source, resolution } of inEnvironment) {
        const keys = resolution.free ? t({ message: 'free program (R12)', comment: 'check' }) : resolution.finalKeys.map((entry) => entry.key).join(',') || t({ message: '(no valid key)', comment: 'check' });
        lines.push(`  ${quoteSource(source.displayName).padEnd(width)}  ${(resolution.area ?? '-').padEnd(3)}  ${keys}${repeated.has(source.file) ? `  (${source.file})` : ''}`);
      }
      lines.push('');
    }
  }
  const { links, unreadable } = analysis.skipped;
  if (links.length > 0) lines.push(t`Not followed (symbolic links): ${firstTen(links)}`);
  if (unreadable.length > 0) lines.push(t`Could not be read (folders): ${firstTen(unreadable)}`);
  lines.push(summaryLine(summary, analysis.environments.length));
  return lines.join('\n') + '\n';
}

function formatDiagnostic(diagnostic: LicenseDiagnostic): string {
  const position = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
  return `  ${position.padEnd(8)} ${diagnostic.severity.padEnd(11)} ${diagnostic.code}  ${diagnostic.message}`;
}

/** The summary line: each count with its own sentence where the word changes with it. */
function summaryLine(summary: CheckSummary, environments: number): string {
  const { files, programs, errors, warnings, durationMs } = summary;
  const counted = environments > 1 ? t`${files} files, ${programs} programs in ${environments} environments` : t`${files} files, ${programs} programs`;
  const errorCount = errors === 1 ? t({ message: '1 error', comment: 'check' }) : t({ message: '{0} errors', args: [errors], comment: 'check' });
  const warningCount = warnings === 1 ? t({ message: '1 warning', comment: 'check' }) : t({ message: '{0} warnings', args: [warnings], comment: 'check' });
  const cache = summary.cache ? t`; cache: ${summary.cache.reused} reused, ${summary.cache.parsed} parsed` : '';
  return `${counted}: ${errorCount}, ${warningCount} (${durationMs} ms${cache})`;
}

/** The first ten names, and how many more. */
function firstTen(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? t`${shown}, and ${names.length - 10} more` : shown;
}
