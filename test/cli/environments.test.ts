/**
 * Environments on the command line: a folder holding a `logix-license.json` is an installation of
 * its own (catalog, programs, SYSTEMKEY files, menu), never mixed with the one above; a program
 * name defined twice in one environment is reported (LGX017) and each file is still resolved.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

const catalog = (keys: Record<string, number>, menu: Record<string, string> = {}, complete = false) =>
  JSON.stringify({ keys: Object.fromEntries(Object.entries(keys).map(([key, slot]) => [key, { slot }])), menu, complete }, null, 2);

/** Three installations in one repository, one program name in each, and twice in the last. */
const consultancy = () => tempWorkspace({
  'logix-license.json': catalog({ ACME: 7001 }, { pol0001: 'ACME' }),
  'pol0001.4gl': program('pol0001', '"ACME"'),
  // clienteA's catalog is complete: a key it does not list is invalid there.
  'clienteA/logix-license.json': catalog({ ESPECA: 8001 }, { pol0001: 'ESPECA' }, true),
  'clienteA/pol0001.4gl': program('pol0001', '"ESPECA"'),
  // ACME is the root's key: environments do not inherit it.
  'clienteA/pol0002.4gl': program('pol0002', '"ACME"'),
  'clienteA/systemkey_log.4gl': systemKey('LOG', [['WMS', 'pol0001']]),
  'clienteB/logix-license.json': catalog({ ESPECB: 9001 }),
  'clienteB/fontes/pol0001.4gl': program('pol0001', '"ESPECB"'),
  'clienteB/outros/pol0001.4gl': program('pol0001', '"ESPECB,WMS"'),
});

interface ProgramEntry { program: string; file: string; environment: string; finalKeys: string[] }
interface DiagnosticEntry { file: string; code: string; message: string }

describe('environments (nested logix-license.json)', () => {
  it('lists one program entry per defining file, each with its environment and its own final list', () => {
    const result = runCli(['check', consultancy(), '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { programs: ProgramEntry[]; diagnostics: DiagnosticEntry[]; summary: { programs: number } };
    const pol0001 = json.programs.filter((entry) => entry.program === 'pol0001').map(({ file, environment, finalKeys }) => ({ file, environment, finalKeys }));
    assert.deepEqual(pol0001, [
      { file: 'pol0001.4gl', environment: '', finalKeys: ['ACME'] },
      // R7: clienteA's own SYSTEMKEY_LOG appends WMS, to clienteA's program only.
      { file: 'clienteA/pol0001.4gl', environment: 'clienteA', finalKeys: ['ESPECA', 'WMS'] },
      { file: 'clienteB/fontes/pol0001.4gl', environment: 'clienteB', finalKeys: ['ESPECB'] },
      { file: 'clienteB/outros/pol0001.4gl', environment: 'clienteB', finalKeys: ['ESPECB', 'WMS'] },
    ]);
    assert.equal(json.summary.programs, 5);
    const codesOf = (file: string) => json.diagnostics.filter((diagnostic) => diagnostic.file === file).map((diagnostic) => diagnostic.code).sort();
    // Each environment checks against its own catalog: ACME is not in clienteA's complete one (R5, R6).
    assert.deepEqual(codesOf('clienteA/pol0002.4gl'), ['LGX001', 'LGX002']);
    assert.deepEqual(codesOf('pol0001.4gl'), []);
    assert.deepEqual(codesOf('clienteA/pol0001.4gl'), []);
    // The name twice in clienteB: LGX017 on both files, naming the other.
    const lgx017 = json.diagnostics.filter((diagnostic) => diagnostic.code === 'LGX017');
    assert.deepEqual(lgx017.map((diagnostic) => diagnostic.file), ['clienteB/fontes/pol0001.4gl', 'clienteB/outros/pol0001.4gl']);
    assert.match(lgx017[0]!.message, /also defined in clienteB\/outros\/pol0001\.4gl/);
  });

  it('names the environment in text and SARIF output where it is not the root', () => {
    const root = consultancy();
    const text = runCli(['check', root]);
    assert.match(text.stdout, /^clienteA\/pol0002\.4gl {2}\(environment clienteA\)$/m);
    assert.match(text.stdout, /^Programs of environment clienteB /m);
    assert.match(text.stdout, /in 3 environments/);
    const sarif = JSON.parse(runCli(['check', root, '--format', 'sarif']).stdout);
    const results = sarif.runs[0].results as { ruleId: string; properties?: { environment: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const lgx001 = results.find((result) => result.ruleId === 'LGX001')!;
    assert.equal(lgx001.locations[0]!.physicalLocation.artifactLocation.uri, 'clienteA/pol0002.4gl');
    assert.deepEqual(lgx001.properties, { environment: 'clienteA' });
  });

  it('explain --file chooses among the files of one name; each consumes its own environment\'s slot', () => {
    const root = consultancy();
    const ambiguous = runCli(['explain', 'pol0001', root]);
    assert.equal(ambiguous.status, 2);
    assert.match(ambiguous.stderr, /defined by 4 files; choose one with --file/);
    assert.match(ambiguous.stderr, /--file clienteB\/outros\/pol0001\.4gl/);
    const explain = (file: string) => {
      const result = runCli(['explain', 'pol0001', root, '--file', file, '--format', 'json']);
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout) as { finalKeys: string[]; consumed: { key: string; slot?: number } };
    };
    // The configured menu key of each environment's own catalog (R9), with its own slot.
    assert.deepEqual([explain('pol0001.4gl').consumed.key, explain('pol0001.4gl').consumed.slot], ['ACME', 7001]);
    assert.deepEqual([explain('clienteA/pol0001.4gl').consumed.key, explain('clienteA/pol0001.4gl').consumed.slot], ['ESPECA', 8001]);
    assert.deepEqual(explain('clienteB/outros/pol0001.4gl').finalKeys, ['ESPECB', 'WMS']);
    const wrong = runCli(['explain', 'pol0001', root, '--file', 'clienteA/pol0002.4gl']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /does not define program pol0001/);
  });

  it('lists every file with a license call of a tree shaped like a consultancy repository', () => {
    // Customer folders with repeated program names, Windows-1252 banners, CRLF, MAIN programs and
    // FUNCTION programs, the obsolete call; two customers have a catalog, the others do not.
    const files: Record<string, string | Uint8Array> = {};
    const withCall = new Set<string>();
    const customers = ['Adere', 'Albras', 'Cibrapel', 'Ethos', 'Pamcary', 'Petrom'];
    customers.forEach((customer, customerIndex) => {
      if (customerIndex % 3 === 0) files[`${customer}/logix-license.json`] = catalog({ ESPEC999: 9999 });
      for (let number = 0; number < 8; number++) {
        const name = `pol${1000 + number}`;
        const path = `${customer}/${number % 2 === 0 ? 'fontes/' : ''}${name}.4gl`;
        const banner = '#-------------------------------------------------------#\r\n# PROGRAMA: ' + name.toUpperCase() + ' - Relatório de pedidos\r\n#-------------------------------------------------------#\r\n';
        const body = number % 3 === 0
          ? `MAIN\r\n  CALL log001_acessa_usuario("ESPEC999","LOGERP")\r\n    RETURNING p_status, p_cod_empresa, p_user\r\nEND MAIN\r\n`
          : number % 3 === 1
            ? `MAIN\r\n  IF LOG_initApp("ESPEC999") <> 0 THEN\r\n    RETURN\r\n  END IF\r\nEND MAIN\r\n`
            : program(name, '"ESPEC999,VDP"').replace(/\n/g, '\r\n');
        files[path] = Buffer.from(banner + body, 'latin1');
        withCall.add(path);
      }
      files[`${customer}/funcoes/${customer.toLowerCase()}_util.4gl`] = 'FUNCTION util_data()\r\n  RETURN TODAY\r\nEND FUNCTION\r\n';
    });
    const result = runCli(['check', tempWorkspace(files), '--format', 'json']);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const json = JSON.parse(result.stdout) as { programs: ProgramEntry[] };
    assert.deepEqual(json.programs.map((entry) => entry.file).sort(), [...withCall].sort());
    const environments = new Set(json.programs.map((entry) => entry.environment));
    assert.deepEqual([...environments].sort(), ['', 'Adere', 'Ethos']);
  });
});
