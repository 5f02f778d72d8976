/**
 * The license map (report.ts) and the comparison of two (report-diff.ts) on in-memory
 * workspaces: how final lists are compared key by key, and what counts for --fail-on.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildReport } from '../../server/src/license/report.js';
import { describeDetail, diffReports, failing } from '../../server/src/license/report-diff.js';
import { resolveProgram } from '../../server/src/license/resolve.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

function reportOf(files: Record<string, string>, catalogJson?: object) {
  const { model, catalog } = workspace(files, catalogJson);
  return buildReport([{ root: '', catalog, model, resolutionOf: (name, file) => resolveProgram(name, model, catalog, file) }]);
}

const what = (diff: ReturnType<typeof diffReports>) => diff.changes.flatMap((change) => change.details.map((detail) => `${detail.what}${detail.key ? ` ${detail.key}` : ''} ${detail.before}→${detail.after}`));

describe('report', () => {
  it('gives each program what it consumes under the catalog\'s menu key, and each key its holders in final-list order', () => {
    const report = reportOf({
      'man0001.4gl': program('man0001', '"MANENG,VDPPED"'),
      'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man0001']]),
    }, { menu: { man0001: 'VDPPED' } });
    const [environment] = report.environments;
    const man0001 = environment!.programs[0]!;
    assert.deepEqual([man0001.consumption.key, man0001.consumption.rule, man0001.consumes, man0001.menuKey], ['VDPPED', 'R9', 'slot', 'VDPPED']);
    const vdpped = environment!.keys.find((key) => key.key === 'VDPPED')!;
    assert.deepEqual(vdpped.programs.map((holder) => [holder.position, holder.how, holder.rule]), [[2, 'declared', 'R5'], [3, 'other-area-systemkey', 'R7']]);
    // Where the key is written: the second item of the LOG_initApp list, and the SYSTEMKEY call's key.
    assert.deepEqual(vdpped.programs.map((holder) => [holder.keySource?.file, holder.keySource?.range.start.line]), [['man0001.4gl', 1], ['systemkey_vdp.4gl', 1]]);
  });
});

describe('diffReports', () => {
  const base = { 'man0001.4gl': program('man0001', '"MANENG,MANPCP"') };

  it('a key inserted before others adds it without moving them; a reorder moves both', () => {
    const inserted = diffReports(reportOf(base), reportOf({ 'man0001.4gl': program('man0001', '"ESTOQ,MANENG,MANPCP"') }));
    assert.deepEqual(what(inserted), ['final-list MANENG,MANPCP→ESTOQ,MANENG,MANPCP', 'key-added ESTOQ null→1', 'default-key MANENG→ESTOQ', 'consumed-key MANENG→ESTOQ']);
    const reordered = diffReports(reportOf(base), reportOf({ 'man0001.4gl': program('man0001', '"MANPCP,MANENG"') }));
    assert.deepEqual(what(reordered).filter((text) => text.startsWith('key-')), ['key-moved MANPCP 2→1', 'key-moved MANENG 1→2']);
    assert.equal(failing(reordered, 'default-slot').length, 1);
    assert.equal(failing(reordered, 'blocked').length, 0);
  });

  it('pairs a key held twice by origin: dropping the declared one removes it, the appended one stays', () => {
    const files = (keys: string) => ({
      'man0001.4gl': program('man0001', keys),
      'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man0001']]),
    });
    const diff = diffReports(reportOf(files('"MANENG,VDPPED"')), reportOf(files('"MANENG"')));
    assert.deepEqual(what(diff), ['final-list MANENG,VDPPED,VDPPED→MANENG,VDPPED', 'key-removed VDPPED 2→null']);
    assert.equal(describeDetail(diff.changes[0]!.details[1]!), 'VDPPED removed from #2, declared (R5), man0001.4gl:2');
  });

  it('a key held another way: the declaration replaced by the own area\'s SYSTEMKEY file (R4)', () => {
    const diff = diffReports(
      reportOf({ 'sup0001.4gl': program('sup0001', '"ESTOQ"') }),
      reportOf({ 'sup0001.4gl': program('sup0001', '"ESTOQ"'), 'systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'sup0001']]) }),
    );
    assert.deepEqual(what(diff), ['key-origin ESTOQ declared (R5)→own area SYSTEMKEY_SUP (R4)']);
  });

  it('the same reports: no change', () => {
    assert.deepEqual(diffReports(reportOf(base), reportOf(base)), { changes: [], catalog: [], summary: { added: 0, removed: 0, changed: 0 } });
  });
});
