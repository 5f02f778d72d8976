/**
 * Renderings of a `check` run: readable text for a terminal and the JSON of issue 2, item 7
 * (`file` relative with `/`, lines and columns 1-based, `program` lower case).
 */
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import { quoteSource } from '../license/quote-source.js';
import type { WorkspaceAnalysis } from '../workspace/analysis.js';

export interface CheckSummary {
  readonly files: number;
  readonly programs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly durationMs: number;
}

export function summarize(analysis: WorkspaceAnalysis, durationMs: number): CheckSummary {
  return {
    files: analysis.files.length,
    programs: analysis.model.programs.size,
    errors: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    durationMs: Math.round(durationMs),
  };
}

export function checkToJson(analysis: WorkspaceAnalysis, summary: CheckSummary) {
  const programs = [...analysis.model.programs.values()].map((program) => {
    const resolution = analysis.resolutions.get(program.name)!;
    return {
      program: program.name,
      file: program.file,
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
      lines.push(diagnostic.file);
    }
    lines.push(formatDiagnostic(diagnostic));
  }
  if (lines.length > 0) lines.push('');

  const programs = [...analysis.model.programs.values()];
  if (programs.length > 0) {
    lines.push('Programs (final key list, default key first):');
    const width = Math.max(...programs.map((program) => quoteSource(program.displayName).length));
    for (const program of programs) {
      const resolution = analysis.resolutions.get(program.name)!;
      const keys = resolution.free ? 'free program (R12)' : resolution.finalKeys.map((entry) => entry.key).join(',') || '(no valid key)';
      lines.push(`  ${quoteSource(program.displayName).padEnd(width)}  ${(resolution.area ?? '-').padEnd(3)}  ${keys}`);
    }
    lines.push('');
  }
  lines.push(`${summary.files} files, ${summary.programs} programs: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} (${summary.durationMs} ms)`);
  return lines.join('\n') + '\n';
}

function formatDiagnostic(diagnostic: LicenseDiagnostic): string {
  const position = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
  return `  ${position.padEnd(8)} ${diagnostic.severity.padEnd(11)} ${diagnostic.code}  ${diagnostic.message}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
