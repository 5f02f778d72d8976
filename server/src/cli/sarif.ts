/**
 * SARIF 2.1.0 output of `check`, for code-scanning tools: one rule per LGX code, one result per
 * diagnostic, locations relative to the checked folder (`%SRCROOT%`).
 */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingConfiguration } from 'sarif';
import { CODES, type Severity } from '../license/codes.js';
import type { WorkspaceAnalysis } from '../workspace/analysis.js';

const LEVEL: Record<Severity, NonNullable<ReportingConfiguration['level']>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function checkToSarif(analysis: WorkspaceAnalysis, version: string): Log {
  const ruleIds = Object.keys(CODES) as (keyof typeof CODES)[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'logix-license',
            version,
            rules: ruleIds.map((id) => ({
              id,
              name: CODES[id].title.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()),
              shortDescription: { text: CODES[id].title },
              defaultConfiguration: { level: LEVEL[CODES[id].severity] },
              properties: { rules: CODES[id].rules },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(analysis.root + '/').href } },
        results: analysis.diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.code,
          ruleIndex: ruleIds.indexOf(diagnostic.code),
          level: LEVEL[diagnostic.severity],
          message: { text: diagnostic.message },
          ...environmentOf(analysis, diagnostic.file),
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(diagnostic.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: diagnostic.range.start.line + 1,
                  startColumn: diagnostic.range.start.character + 1,
                  endLine: diagnostic.range.end.line + 1,
                  endColumn: diagnostic.range.end.character + 1,
                },
              },
            },
          ],
          ...(diagnostic.related && diagnostic.related.length > 0
            ? {
                relatedLocations: diagnostic.related.map((related, index) => ({
                  id: index,
                  message: { text: related.message },
                  physicalLocation: {
                    artifactLocation: { uri: relativeUri(related.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: related.range.start.line + 1, startColumn: related.range.start.character + 1 },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
}

/** The environment of a file that is not in the root one, as a result property. */
function environmentOf(analysis: WorkspaceAnalysis, file: string): { properties?: { environment: string } } {
  const root = analysis.folder.environmentOf(file).root;
  return root === '' ? {} : { properties: { environment: root } };
}

/**
 * A `/`-separated relative path as a relative URI reference: each segment percent-encoded, so
 * that `c#d/x.4gl` is not read as folder `c` with a fragment, nor `e%20f` as `e f`.
 */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
