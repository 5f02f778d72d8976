/**
 * The editor features in process, on fixtures with cursor (`‸`) and range (`⟦…⟧`) markers: hover,
 * completion, code actions, definition and references, each given one environment of a
 * FolderIndex as the server gives it. The stdio tests (test/lsp/) are the integration layer.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { codeActionsFor } from '../../server/src/lsp/code-actions.js';
import { completionsAt } from '../../server/src/lsp/completion.js';
import { toLspDiagnostic } from '../../server/src/lsp/diagnostic-convert.js';
import { hoverAt } from '../../server/src/lsp/hover.js';
import { definitionAt, referencesAt, type EnvironmentView } from '../../server/src/lsp/navigation.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings.js';
import type { Position, Range } from '../../server/src/syntax/positions.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { FolderIndex } from '../../server/src/workspace/folder-index.js';
import { marked } from '../helpers/markers.js';
import { program, systemKey } from '../helpers/workspace.js';

interface Fixture {
  readonly folder: FolderIndex;
  readonly texts: Map<string, string>;
  readonly cursors: Map<string, Position[]>;
  readonly ranges: Map<string, Range[]>;
}

/** A folder from marked sources (`logix-license.json` files are catalogs). */
function fixture(files: Record<string, string>): Fixture {
  const folder = new FolderIndex();
  const texts = new Map<string, string>();
  const cursors = new Map<string, Position[]>();
  const ranges = new Map<string, Range[]>();
  for (const [path, source] of Object.entries(files)) if (path.endsWith('logix-license.json')) folder.setCatalog(path, source);
  for (const [path, source] of Object.entries(files)) {
    if (path.endsWith('logix-license.json')) continue;
    const mark = marked(source);
    texts.set(path, mark.text);
    cursors.set(path, mark.cursors);
    ranges.set(path, mark.ranges);
    folder.setFile(path, parseFacts(mark.text));
  }
  return { folder, texts, cursors, ranges };
}

const uriOf = (file: string) => `file:///ws/${file}`;
const view = (fx: Fixture, file: string): EnvironmentView => {
  const environment = fx.folder.environmentOf(file);
  return { files: environment.files, model: environment.model, uriOf };
};

function hover(fx: Fixture, file: string): string {
  const environment = fx.folder.environmentOf(file);
  const result = hoverAt({
    file, facts: environment.files.get(file)!, model: environment.model, catalog: environment.catalog,
    resolutionOf: environment.resolutionOf, linkTo: (target) => uriOf(target),
  }, fx.cursors.get(file)![0]!);
  return (result?.contents as { value: string } | undefined)?.value ?? '';
}

const FILES = {
  'logix-license.json': JSON.stringify({ keys: { ACME: { slot: 7001, area: 'PRD' } } }),
  'man0001.4gl': program('man0001', '"AC‸ME"'),
  'clienteA/logix-license.json': JSON.stringify({ keys: { ESPECA: { slot: 8001 } } }),
  'clienteA/pol0001.4gl': program('pol0001', '"ESPECA,‸"'),
  'clienteA/pol0002.4gl': program('pol0002', '"⟦ACME⟧"'),
  'clienteA/systemkey_log.4gl': systemKey('LOG', [['WMS', 'pol‸0001']]),
  'clienteA/funcoes.4gl': 'FUNCTION util_calc()\nEND FUNCTION\nFUNCTION caller()\n  CALL util_c‸alc()\nEND FUNCTION\n',
};

describe('editor features in process, per environment', () => {
  const fx = fixture(FILES);

  it('hover on a key: its entry in the file\'s own environment\'s catalog and its place in the final list', () => {
    const value = hover(fx, 'man0001.4gl');
    assert.match(value, /\*\*ACME\*\* · slot 7001/);
    assert.match(value, /Position 1 of 1 in man0001's final list: the default key \(R8\)/);
  });

  it('hover on a program of a SYSTEMKEY list: its final list within the environment (R5, R7)', () => {
    const value = hover(fx, 'clienteA/systemkey_log.4gl');
    assert.match(value, /\*\*pol0001\*\* — \[clienteA\/pol0001\.4gl\]/);
    assert.match(value, /Final list \(R4–R8\): `ESPECA`, `WMS`; default `ESPECA`/);
  });

  it('completes the keys of the file\'s environment, not the root\'s', () => {
    const file = 'clienteA/pol0001.4gl';
    const environment = fx.folder.environmentOf(file);
    const labels = completionsAt({ facts: environment.files.get(file)!, catalog: environment.catalog, model: environment.model }, fx.cursors.get(file)![0]!)
      .map((item) => item.label);
    assert.ok(labels.includes('ESPECA'));
    assert.ok(!labels.includes('ACME'), 'ACME is the root environment\'s key');
  });

  it('offers to add an unverified key to the environment\'s own catalog file, preferred (LGX018)', () => {
    const file = 'clienteA/pol0002.4gl';
    const environment = fx.folder.environmentOf(file);
    const diagnostics: Diagnostic[] = environment.diagnosticsOf(file)
      .map((diagnostic) => toLspDiagnostic(diagnostic, DEFAULT_SETTINGS, uriOf)!)
      .filter((diagnostic) => diagnostic.code === 'LGX018');
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.range), fx.ranges.get(file));
    const catalogFile = environment.catalogFile;
    const actions = codeActionsFor({
      document: TextDocument.create(uriOf(file), '4gl', 1, fx.texts.get(file)!),
      facts: environment.files.get(file)!,
      catalogFile: { uri: uriOf(catalogFile.path), ...(catalogFile.text !== undefined ? { text: catalogFile.text } : {}) },
      supportsCreateFile: true,
    }, diagnostics);
    const add = actions.find((action) => action.title === 'Add ACME to logix-license.json');
    assert.ok(add, actions.map((action) => action.title).join(' | '));
    assert.equal(add.isPreferred, true);
    assert.ok(!actions.some((action) => action.title.startsWith('Remove')), 'an assumed key is never removed');
    assert.deepEqual((add.edit!.documentChanges as { textDocument: { uri: string } }[]).map((change) => change.textDocument.uri), [uriOf('clienteA/logix-license.json')]);
    // A catalog file that exists but cannot be read is never created over: no key is added.
    const unreadable = codeActionsFor({
      document: TextDocument.create(uriOf(file), '4gl', 1, fx.texts.get(file)!),
      facts: environment.files.get(file)!,
      catalogFile: { uri: uriOf(catalogFile.path), unreadable: true },
      supportsCreateFile: true,
    }, diagnostics);
    assert.deepEqual(unreadable.filter((action) => action.title.startsWith('Add')), []);
  });

  it('goes to a program of a SYSTEMKEY list in its environment, and to a called function anywhere', () => {
    const everywhere = fx.folder.all.map((environment) => ({ files: environment.files, model: environment.model, uriOf }));
    const systemKeyFile = 'clienteA/systemkey_log.4gl';
    assert.deepEqual(definitionAt(view(fx, systemKeyFile), everywhere, systemKeyFile, fx.texts.get(systemKeyFile)!, fx.cursors.get(systemKeyFile)![0]!)
      .map((location) => location.uri), [uriOf('clienteA/pol0001.4gl')]);
    const caller = 'clienteA/funcoes.4gl';
    const found = definitionAt(view(fx, caller), everywhere, caller, fx.texts.get(caller)!, fx.cursors.get(caller)![0]!);
    assert.deepEqual(found.map((location) => [location.uri, location.range.start.line]), [[uriOf(caller), 0]]);
  });

  it('finds a key\'s references within its environment only', () => {
    const file = 'man0001.4gl';
    const locations = referencesAt(view(fx, file), file, fx.cursors.get(file)![0]!);
    // clienteA/pol0002.4gl also writes ACME, but it is another installation.
    assert.deepEqual(locations.map((location) => location.uri), [uriOf('man0001.4gl')]);
  });
});
