/**
 * License diagnostics (plain data) → LSP diagnostics: severity (with the user's overrides), tags,
 * a link to the code's documentation, related locations as URIs, and the fix data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Severity } from '../license/codes.js';
import type { LicenseDiagnostic } from '../license/diagnostics.js';
import type { Settings } from './settings.js';

/**
 * Where each code is documented: the README shipped beside the server (`server/out/server.js`
 * → `README.md`), at the code's section. A local file, so the link works offline and matches the
 * installed version.
 */
export const DOCS_BASE = pathToFileURL(shippedReadme()).href;

/** vsce stores the README as `readme.md` in a .vsix; a clone has `README.md`. */
function shippedReadme(): string {
  const folder = join(__dirname, '..', '..');
  return ['README.md', 'readme.md'].map((name) => join(folder, name)).find((path) => existsSync(path)) ?? join(folder, 'README.md');
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'logix-license';

/** Converts; returns undefined for a code the user turned off. */
export function toLspDiagnostic(diagnostic: LicenseDiagnostic, settings: Settings, uriOf: (file: string) => string): Diagnostic | undefined {
  const override = settings.severity[diagnostic.code];
  if (override === 'off') return undefined;
  const tags = diagnostic.tags?.map((tag) => (tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return {
    range: diagnostic.range,
    severity: SEVERITY[override ?? diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: `${DOCS_BASE}#${diagnostic.code.toLowerCase()}` },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(diagnostic.related && diagnostic.related.length > 0
      ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: uriOf(related.file), range: related.range }, message: related.message })) }
      : {}),
    data: diagnostic.data ?? { code: diagnostic.code },
  };
}
