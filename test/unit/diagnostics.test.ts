/**
 * Every diagnostic code: one case that produces it exactly at the marked ranges (⟦…⟧) and one
 * correct case where it is absent.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { DiagnosticCode } from '../../server/src/license/codes.js';
import { catalogDiagnostics } from '../../server/src/license/diagnostics.js';
import { parseCatalogFile } from '../../server/src/license/catalog.js';
import { showRange } from '../helpers/markers.js';
import { program, systemKey, workspace } from '../helpers/workspace.js';

interface Case {
  readonly files: Record<string, string>;
  readonly catalog?: object;
}

/** Asserts that `code` is reported exactly at the marked ranges of each file, and returns them. */
function expectCode(code: DiagnosticCode, { files, catalog }: Case) {
  const ws = workspace(files, catalog);
  const found = ws.diagnostics.filter((diagnostic) => diagnostic.code === code);
  for (const [file, ranges] of ws.ranges) {
    assert.deepEqual(
      found.filter((diagnostic) => diagnostic.file === file).map((diagnostic) => showRange(diagnostic.range)),
      ranges.map(showRange),
      `${code} in ${file}: ${JSON.stringify(found.map((diagnostic) => diagnostic.message))}`,
    );
  }
  return found;
}

function expectAbsent(code: DiagnosticCode, { files, catalog }: Case): void {
  const found = workspace(files, catalog).diagnostics.filter((diagnostic) => diagnostic.code === code);
  assert.deepEqual(found.map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`), []);
}

const cleanWorkspace: Case = {
  files: {
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
    'systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021']]),
    'sup0051.4gl': program('sup0051', '"ESTOQ"'),
  },
  catalog: { menu: { man10021: 'ESTOQ' } },
};

describe('diagnostics', () => {
  it('LGX001: an invalid key (listed as invalid, or absent from a complete catalog: dropped by R5, ignored by R4/R7), with near keys of the own area first', () => {
    const [diagnostic, registration] = expectCode('LGX001', {
      files: {
        'sup3760.4gl': program('sup3760', '"⟦SUPRIMEN⟧,ESTOQ"'),
        'systemkey_log.4gl': systemKey('LOG', [['WMZ', 'sup3760']]).replace('"WMZ"', '"⟦WMZ⟧"'),
      },
      catalog: { complete: true },
    });
    assert.match(diagnostic!.message, /SUPRIMEN is listed as invalid \(built-in catalog \+ logix-license\.json\): the runtime drops it from the list \(R5\)/);
    assert.match(registration!.message, /WMZ is not in the complete catalog .*: the runtime ignores this registration \(R4, R7\)/);
    assert.match(diagnostic!.message, /did you mean SUPREC/);
    assert.equal(diagnostic!.data?.code, 'LGX001');
    if (diagnostic!.data?.code === 'LGX001') assert.equal(diagnostic!.data.areaDefaultKey, 'ESTOQ');
    expectAbsent('LGX001', cleanWorkspace);
  });

  it('LGX001 names the workspace catalog when there is one, and its invalidKeys count whatever the completeness', () => {
    const [diagnostic] = expectCode('LGX001', { files: { 'man1.4gl': program('man1', '"⟦MANXYZ⟧"') }, catalog: { keys: { MANPCP: { slot: 9101 } }, invalidKeys: ['MANXYZ'] } });
    assert.match(diagnostic!.message, /MANXYZ is listed as invalid \(built-in catalog \+ logix-license\.json\)/);
  });

  it('LGX018, not LGX001/LGX002: a key not in a partial catalog is assumed to exist, and nothing about run time is claimed', () => {
    const files = {
      'man1.4gl': program('man1', '"⟦ESPEC999⟧"'),
      'systemkey_log.4gl': systemKey('LOG', [['WMZ', 'man1']]).replace('"WMZ"', '"⟦WMZ⟧"'),
    };
    const [declared, registered] = expectCode('LGX018', { files });
    assert.equal(declared!.severity, 'information');
    assert.match(declared!.message, /ESPEC999 is not in the catalog \(built-in catalog\), which is partial: it is assumed to exist in the installation, slot unknown; add it with its slot to check it/);
    assert.doesNotMatch(declared!.message, /runtime|drops|blocked/);
    assert.match(registered!.message, /did you mean WMS\?/);
    expectAbsent('LGX001', { files });
    expectAbsent('LGX002', { files });
    // The same keys with a complete catalog: invalid, and the run-time consequences follow.
    expectAbsent('LGX018', { files, catalog: { complete: true } });
    expectAbsent('LGX018', cleanWorkspace);
  });

  it('LGX002: no declared key is valid, saying which fallback applies', () => {
    const [r6] = expectCode('LGX002', { files: { 'sup3760.4gl': program('sup3760', '⟦"SUPRIMEN"⟧') } });
    assert.match(r6!.message, /default key ESTOQ is elected \(R6\)/);
    const [r10] = expectCode('LGX002', { files: { 'xyz0001.4gl': program('xyz0001', '⟦"XYZKEY"⟧') }, catalog: { invalidKeys: ['XYZKEY'] } });
    assert.match(r10!.message, /menu key is consumed \(R10\)/);
    expectAbsent('LGX002', cleanWorkspace);
  });

  it('LGX003: a program without LOG_initApp or log001_acessa_usuario (R1, R2; MAIN or FUNCTION named like the file)', () => {
    expectCode('LGX003', {
      files: {
        'man5000.4gl': 'FUNCTION ⟦man5000⟧()\n  CALL man5000_menu()\nEND FUNCTION\n',
        'pol0001.4gl': '⟦MAIN⟧\n  DISPLAY "x"\nEND MAIN\n',
        'helpers.4gl': 'FUNCTION helper_a()\nEND FUNCTION\n',
      },
    });
    expectAbsent('LGX003', cleanWorkspace);
  });

  it('LGX004: LOG_initApp is not the first statement of the main function (A3)', () => {
    expectCode('LGX004', {
      files: {
        'vdp9100.4gl': 'FUNCTION vdp9100()\n  DEFINE l_status SMALLINT\n  CALL fgl_setenv("ADVPL","1")\n  CALL ⟦LOG_initApp⟧("VDPPED") RETURNING l_status\nEND FUNCTION\n',
        'vdp9101.4gl': 'FUNCTION vdp9101()\n  CALL vdp9101_init()\nEND FUNCTION\nFUNCTION vdp9101_init()\n  CALL ⟦LOG_initApp⟧("VDPPED")\nEND FUNCTION\n',
      },
    });
    expectAbsent('LGX004', cleanWorkspace);
  });

  it('LGX005: log001_acessa_usuario is obsolete (A2), tagged deprecated', () => {
    const [diagnostic] = expectCode('LGX005', {
      files: { 'sup3760.4gl': 'FUNCTION sup3760()\n  CALL ⟦log001_acessa_usuario⟧("ESTOQ","LOGERP;LOGWMS") RETURNING p_status, p_cod_empresa, p_user\nEND FUNCTION\n' },
    });
    assert.deepEqual(diagnostic!.tags, ['deprecated']);
    expectAbsent('LGX005', cleanWorkspace);
  });

  it('LGX006: the LOG_initApp list is ignored because the own area registers the program (R4)', () => {
    const [diagnostic] = expectCode('LGX006', {
      files: {
        'sup0051.4gl': program('sup0051', '⟦"SUPPLA"⟧'),
        'systemkey_sup.4gl': systemKey('SUP', [['SUPREC', 'sup0051']]),
      },
    });
    assert.equal(diagnostic!.related?.[0]?.file, 'systemkey_sup.4gl');
    assert.equal(diagnostic!.related?.[0]?.range.start.line, 1);
    expectAbsent('LGX006', cleanWorkspace);
  });

  it('LGX007: an own-area registration that LOG_initApp already covers (A1), tagged unnecessary', () => {
    const [diagnostic] = expectCode('LGX007', {
      files: {
        'sup0051.4gl': program('sup0051', '"SUPREC,ESTOQ"'),
        'systemkey_sup.4gl': 'FUNCTION systemkey_sup()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("SUPREC","sup0001,⟦sup0051⟧")\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("ESTOQ","⟦sup0051⟧")\nEND FUNCTION\n',
      },
    });
    assert.deepEqual(diagnostic!.tags, ['unnecessary']);
    // Same keys in another order change the default key: not redundant (reading of A1).
    expectAbsent('LGX007', {
      files: { 'sup0051.4gl': program('sup0051', '"ESTOQ,SUPREC"'), 'systemkey_sup.4gl': systemKey('SUP', [['SUPREC', 'sup0051'], ['ESTOQ', 'sup0051']]) },
    });
    expectAbsent('LGX007', cleanWorkspace);
  });

  it('LGX007, not LGX006: the declared list compared without its invalid keys (R5 reading, A1)', () => {
    // R4 wins here, but removing the registration leaves R5's list, SUPREC alone: the same list.
    const redundant = {
      files: {
        'sup0051.4gl': program('sup0051', '"SUPREC,NOTAKEY"'),
        'systemkey_sup.4gl': 'FUNCTION systemkey_sup()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("SUPREC","⟦sup0051⟧")\nEND FUNCTION\n',
      },
      catalog: { complete: true },
    };
    expectCode('LGX007', redundant);
    expectAbsent('LGX006', redundant);
  });

  it('LGX008: a key twice in one list (R1), a program twice under one key in a || list (R3)', () => {
    expectCode('LGX008', {
      files: {
        'man1.4gl': program('man1', '"MANENG,WMS,⟦MANENG⟧"'),
        'systemkey_log.4gl': 'FUNCTION systemkey_log()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","man1,vdp1,"||\n     "⟦man1⟧")\nEND FUNCTION\n',
      },
    });
    expectAbsent('LGX008', cleanWorkspace);
  });

  it('LGX009: a dynamic key or program argument, never guessed (R1, R6)', () => {
    expectCode('LGX009', {
      files: {
        'man1.4gl': program('man1', '⟦l_keys⟧'),
        'systemkey_log.4gl': 'FUNCTION systemkey_log()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList(⟦m_key⟧,⟦m_programs CLIPPED⟧)\nEND FUNCTION\n',
      },
    });
    expectAbsent('LGX009', cleanWorkspace);
  });

  it('LGX010: the configured menu key is not in the final list (A4, R9), pointing at the menu entry', () => {
    const [diagnostic] = expectCode('LGX010', {
      files: { 'man10021.4gl': 'FUNCTION man10021()\n  IF ⟦LOG_initApp⟧("MANENG") <> 0 THEN RETURN END IF\nEND FUNCTION\n' },
      catalog: { menu: { man10021: 'WMS' } },
    });
    assert.match(diagnostic!.message, /MANENG \(slot unknown — add it to the catalog\) is consumed \(R9\) and the AppServer logs a warning \(A4\)/);
    assert.equal(diagnostic!.related?.[0]?.file, 'logix-license.json');
    expectAbsent('LGX010', { files: { 'man10021.4gl': program('man10021', '"MANENG,WMS"') }, catalog: { menu: { man10021: 'WMS' } } });
  });

  it('LGX011: menu key ? and no valid key of its own (R11)', () => {
    const [diagnostic] = expectCode('LGX011', {
      files: { 'xyz0001.4gl': 'FUNCTION xyz0001()\n  IF ⟦LOG_initApp⟧("XYZKEY") <> 0 THEN RETURN END IF\nEND FUNCTION\n' },
      catalog: { menu: { xyz0001: '?' }, invalidKeys: ['XYZKEY'] },
    });
    assert.equal(diagnostic!.severity, 'error');
    expectAbsent('LGX011', { files: { 'man1.4gl': program('man1', '"XYZKEY"') }, catalog: { menu: { man1: '?' }, invalidKeys: ['XYZKEY'] } });
    // Unverified, XYZKEY is assumed to exist: the program has a key of its own, nothing is blocked.
    expectAbsent('LGX011', { files: { 'xyz0001.4gl': program('xyz0001', '"XYZKEY"') }, catalog: { menu: { xyz0001: '?' } } });
  });

  it('LGX012: wrong number of arguments (R1), an unterminated list, an unknown area file (R3)', () => {
    expectCode('LGX012', {
      files: {
        'man1.4gl': 'FUNCTION man1()\n  IF LOG_initApp⟦("MANENG","WMS")⟧ <> 0 THEN RETURN END IF\nEND FUNCTION\n',
        'man2.4gl': 'FUNCTION man2()\n  CALL ⟦LOG_initApp("MANENG"⟧\n  CALL x()\nEND FUNCTION\n',
        'systemkey_xyz.4gl': 'FUNCTION systemkey_xyz()\n  CALL ⟦_ADVPL_SYSTEMKEY_setAppLicenseList⟧("WMS","man1")\nEND FUNCTION\n',
      },
    });
    expectAbsent('LGX012', cleanWorkspace);
  });

  it('LGX013: a free program for the configured version (R12)', () => {
    expectCode('LGX013', { files: { 'log00083.4gl': program('⟦log00083⟧', '"PADRAO"') } });
    expectAbsent('LGX013', { files: { 'log00119.4gl': program('log00119', '"PADRAO"') }, catalog: { logixVersion: '12.1.2209' } });
    expectCode('LGX013', { files: { 'log00119.4gl': program('⟦log00119⟧', '"PADRAO"') }, catalog: { logixVersion: '12.1.2301' } });
  });

  it('LGX014: a badly formed list (R1 keys, R3 programs), with its normalised form as data', () => {
    const [diagnostic] = expectCode('LGX014', {
      files: {
        'man1.4gl': program('man1', '⟦"MANENG, estoq,,"⟧'),
        'systemkey_log.4gl': 'FUNCTION systemkey_log()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS",⟦"man1,, vdp1"⟧)\nEND FUNCTION\n',
      },
    });
    assert.deepEqual(diagnostic!.data, { code: 'LGX014', normalized: 'MANENG,ESTOQ', listRange: diagnostic!.range });
    expectAbsent('LGX014', cleanWorkspace);
  });

  it('LGX015: an invalid logix-license.json, with line and column', () => {
    const { problems } = parseCatalogFile('logix-license.json', '{\n  "keys": {\n    "WMS": { "slot": "5087" }\n  }\n}\n');
    const [diagnostic] = catalogDiagnostics('logix-license.json', problems);
    assert.equal(diagnostic!.code, 'LGX015');
    assert.deepEqual(diagnostic!.range.start, { line: 2, character: 21 });
    assert.match(diagnostic!.message, /slot of "WMS" must be a positive whole number up to 999999; the built-in catalog is used/);
    assert.deepEqual(parseCatalogFile('logix-license.json', '{ "keys": { "WMS": { "slot": 5087 } } }').problems, []);
  });

  it('LGX016: a file that cannot be read cleanly (unterminated comment)', () => {
    // The comment swallows END FUNCTION, so the unit is reported unclosed too.
    expectCode('LGX016', { files: { 'man1.4gl': 'FUNCTION ⟦man1⟧()\n  CALL LOG_initApp("MANENG")\n  ⟦{ never closed\nEND FUNCTION\n⟧' } });
    expectAbsent('LGX016', cleanWorkspace);
  });
});
