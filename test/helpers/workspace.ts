/** In-memory workspaces for engine tests: file name → 4GL text (with optional range markers). */
import { buildCatalog, parseCatalogFile, type Catalog } from '../../server/src/license/catalog.js';
import { diagnoseWorkspace, type LicenseDiagnostic } from '../../server/src/license/diagnostics.js';
import { buildModel, type LicenseModel } from '../../server/src/license/model.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import type { Range } from '../../server/src/syntax/positions.js';
import { marked } from './markers.js';

export interface TestWorkspace {
  readonly model: LicenseModel;
  readonly catalog: Catalog;
  readonly diagnostics: LicenseDiagnostic[];
  /** The marked ranges of each file. */
  readonly ranges: ReadonlyMap<string, Range[]>;
}

export function workspace(files: Record<string, string>, catalogJson?: object): TestWorkspace {
  const ranges = new Map<string, Range[]>();
  const sources = Object.entries(files).map(([path, source]) => {
    const { text, ranges: marks } = marked(source);
    ranges.set(path, marks);
    return { path, facts: parseFacts(text) };
  });
  let catalog = buildCatalog(undefined);
  if (catalogJson) {
    const parsed = parseCatalogFile('logix-license.json', JSON.stringify(catalogJson, null, 2));
    if (!parsed.file) throw new Error(`test catalog is invalid: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
    catalog = buildCatalog(parsed.file);
  }
  const model = buildModel(sources);
  return { model, catalog, diagnostics: diagnoseWorkspace(model, catalog), ranges };
}

/** A program file whose main function declares `keys` as its first statement. */
export function program(name: string, initApp: string, body = ''): string {
  return `FUNCTION ${name}()\n  IF LOG_initApp(${initApp}) <> 0 THEN\n    RETURN\n  END IF\n${body}END FUNCTION\n`;
}

/** A SYSTEMKEY file with one registration per [key, programs] pair. */
export function systemKey(area: string, registrations: [string, string][]): string {
  const calls = registrations.map(([key, programs]) => `  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("${key}","${programs}")\n`).join('');
  return `FUNCTION systemkey_${area.toLowerCase()}()\n${calls}END FUNCTION\n`;
}
