/**
 * The incremental index against a from-scratch analysis: after every change, each file's
 * diagnostics equal those of a fresh whole-workspace pass, and every file whose diagnostics
 * changed is among the files the change reported as affected.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../server/src/license/catalog.js';
import { diagnoseWorkspace, type LicenseDiagnostic } from '../../server/src/license/diagnostics.js';
import { buildModel } from '../../server/src/license/model.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { FolderIndex } from '../../server/src/workspace/folder-index.js';
import { random } from '../helpers/random.js';
import { program, systemKey } from '../helpers/workspace.js';

/** A folder indexed from scratch: the catalogs first, then every file. */
function freshFolder(files: Map<string, string>, catalogs: Map<string, string>): FolderIndex {
  const folder = new FolderIndex();
  for (const [path, text] of catalogs) folder.setCatalog(path, text);
  for (const [path, text] of files) folder.setFile(path, parseFacts(text));
  return folder;
}

function fresh(files: Map<string, string>): Map<string, LicenseDiagnostic[]> {
  const model = buildModel([...files].map(([path, text]) => ({ path, facts: parseFacts(text) })));
  const byFile = new Map<string, LicenseDiagnostic[]>();
  for (const diagnostic of diagnoseWorkspace(model, buildCatalog(undefined))) {
    byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  }
  return byFile;
}

describe('FolderIndex', () => {
  for (const limit of [Infinity, 2]) it(`stays equal to a fresh analysis through 300 random edits, reporting every affected file${limit === Infinity ? '' : ', keeping 2 programs\' resolutions'}`, () => {
    const next = random(1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const names = ['man1', 'man2', 'man3', 'sup1', 'sup2', 'vdp1', 'vdp2', 'xyz1'];
    // SUPRIMEN is invalid (documented), NOTAKEY unverified (assumed to exist): both kinds of unknown key.
    const keys = ['MANENG', 'ESTOQ', 'VDPPED', 'WMS', 'SUPRIMEN', 'NOTAKEY', 'MANENG,WMS', 'ESTOQ,SUPREC'];
    const areas = ['SUP', 'VDP', 'PRD', 'LOG'];
    const seen = new Set<string>();
    const files = new Map<string, string>();
    const index = new FolderIndex();
    // The language server bounds the resolutions kept: those dropped are computed again, the same.
    index.limitResolutions(limit);
    let before = new Map<string, readonly LicenseDiagnostic[]>();
    for (let step = 0; step < 300; step++) {
      const action = pick(['program', 'program', 'systemkey', 'systemkey', 'delete']);
      let path: string;
      let affected: Set<string>;
      if (action === 'program') {
        const name = pick(names);
        // Folders too: two files defining one program (the first in path order is its source).
        path = `${pick(['', 'a/', 'b/'])}${name}.4gl`;
        files.set(path, program(name, `"${pick(keys)}"`));
        affected = index.setFile(path, parseFacts(files.get(path)!));
      } else if (action === 'systemkey') {
        const area = pick(areas);
        path = `${pick(['', 'b/'])}systemkey_${area.toLowerCase()}.4gl`;
        const registrations: [string, string][] = [[pick(keys).split(',')[0]!, `${pick(names)},${pick(names)}`]];
        files.set(path, systemKey(area, registrations));
        affected = index.setFile(path, parseFacts(files.get(path)!));
      } else {
        path = pick([...files.keys(), 'none.4gl']);
        files.delete(path);
        affected = index.deleteFile(path);
      }
      const expected = fresh(files);
      const after = new Map<string, readonly LicenseDiagnostic[]>();
      for (const file of files.keys()) {
        const actual = index.diagnosticsOf(file);
        assert.deepEqual(actual, expected.get(file) ?? [], `step ${step} (${action} ${path}): ${file}`);
        after.set(file, actual);
        for (const diagnostic of actual) seen.add(diagnostic.code);
      }
      for (const file of new Set([...before.keys(), ...after.keys()])) {
        if (JSON.stringify(before.get(file) ?? []) !== JSON.stringify(after.get(file) ?? [])) {
          assert.ok(affected.has(file), `step ${step} (${action} ${path}): ${file} changed but was not reported`);
        }
      }
      before = after;
    }
    // The run must have exercised the cross-file codes, or it proves nothing about them.
    for (const code of ['LGX006', 'LGX007', 'LGX001', 'LGX002', 'LGX018']) assert.ok(seen.has(code), `${code} never occurred`);
  });

  it('stays equal to a folder indexed from scratch while nested catalogs come and go (environments)', () => {
    const next = random(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const names = ['man1', 'sup1', 'pol1', 'pol2'];
    const keys = ['MANENG', 'ESTOQ', 'ESPEC999', 'WMS', 'ACME'];
    const catalogTexts = [
      JSON.stringify({ keys: { ESPEC999: { slot: 9999 } } }),
      JSON.stringify({ keys: { ACME: { slot: 7001 } }, menu: { pol1: 'ACME' }, complete: true }),
      '{ "keys": ', // broken: LGX015, the built-in catalog
    ];
    const files = new Map<string, string>();
    const catalogs = new Map<string, string>();
    const folder = new FolderIndex();
    const seen = new Set<string>();
    let before = new Map<string, string>();
    for (let step = 0; step < 300; step++) {
      const action = pick(['program', 'program', 'systemkey', 'delete', 'catalog', 'uncatalog']);
      let affected: Set<string>;
      const where = pick(['', 'a/', 'a/b/', 'c/']);
      if (action === 'program') {
        const name = pick(names);
        const path = `${where}${name}.4gl`;
        files.set(path, program(name, `"${pick(keys)}"`));
        affected = folder.setFile(path, parseFacts(files.get(path)!));
      } else if (action === 'systemkey') {
        const path = `${where}systemkey_log.4gl`;
        files.set(path, systemKey('LOG', [['WMS', `${pick(names)},${pick(names)}`]]));
        affected = folder.setFile(path, parseFacts(files.get(path)!));
      } else if (action === 'delete') {
        const path = pick([...files.keys(), 'none.4gl']);
        files.delete(path);
        affected = folder.deleteFile(path);
      } else if (action === 'catalog') {
        const path = `${where}logix-license.json`;
        catalogs.set(path, pick(catalogTexts));
        affected = folder.setCatalog(path, catalogs.get(path));
      } else {
        const path = `${pick(['a/', 'a/b/', 'c/'])}logix-license.json`;
        catalogs.delete(path);
        affected = folder.setCatalog(path, undefined);
      }
      const expected = freshFolder(files, catalogs);
      const after = new Map<string, string>();
      for (const file of [...files.keys(), ...catalogs.keys()]) {
        const actual = folder.diagnosticsOf(file);
        assert.deepEqual(actual, expected.diagnosticsOf(file), `step ${step} (${action}): ${file}`);
        assert.equal(folder.environmentOf(file).root, expected.environmentOf(file).root, `step ${step}: environment of ${file}`);
        after.set(file, JSON.stringify(actual));
        for (const diagnostic of actual) seen.add(diagnostic.code);
      }
      for (const file of new Set([...before.keys(), ...after.keys()])) {
        if ((before.get(file) ?? '[]') !== (after.get(file) ?? '[]')) {
          assert.ok(affected.has(file), `step ${step} (${action}): ${file} changed but was not reported`);
        }
      }
      before = after;
    }
    for (const code of ['LGX001', 'LGX015', 'LGX017', 'LGX010']) assert.ok(seen.has(code), `${code} never occurred`);
  });

  it('keeps the root environment when the settings name another catalog and a top-level logix-license.json comes and goes', () => {
    const folder = new FolderIndex('config/license.json');
    folder.setCatalog('config/license.json', '{ "keys": ["MANENG"] }');
    folder.setFile('man1.4gl', parseFacts(program('man1', '"MANENG"')));
    const before = folder.diagnosticsOf('man1.4gl');
    // Not the root's catalog (the settings chose another) and not a nested root: it is ignored.
    assert.deepEqual([...folder.setCatalog('logix-license.json', '{ "keys": [] }')], []);
    assert.equal(folder.environmentOf('man1.4gl'), folder.root);
    assert.deepEqual([...folder.setCatalog('logix-license.json', undefined)], []);
    assert.equal(folder.all.length, 1);
    assert.deepEqual(folder.diagnosticsOf('man1.4gl'), before);
  });
});
