/**
 * `logix/licenseMap` over stdio: the `report` data of a workspace folder per environment, with the
 * locations the editor's tree opens, and `logix/licenseMapChanged` once changes pause.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { runCli, tempWorkspace } from '../helpers/run-cli.js';
import { removedAfterTests } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

interface Location { uri: string; range: { start: { line: number; character: number } } }
interface Holder { program: string; file: string; how: string; rule: string; position: number | null; default: boolean; howText: string; location?: Location }
interface Key { key: string; slot: number | null; slotText: string; status: string; held: number; written: number; catalogLocation?: Location; writtenAt?: Location; programs: Holder[] }
interface ProgramEntry { program: string; uri: string; finalKeys: string[]; consumed: string; blocked: boolean; location: Location }
interface Environment { root: string; keys: Key[]; programs: ProgramEntry[]; summary: { programs: number } }
interface LicenseMap { folderUri: string; environments: Environment[]; text?: string }

const track = removedAfterTests();

function folder(): string {
  const root = tempWorkspace({
    'logix-license.json': JSON.stringify({ keys: { WMS: { slot: 5087, area: 'LOG' } }, menu: { man10021: 'WMS' } }, null, 2),
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA"'),
    'logistica/systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
    'cliente/logix-license.json': JSON.stringify({ keys: { ESPEC: { slot: 8001 } } }),
    'cliente/pol0001.4gl': program('pol0001', '"ESPEC"'),
  });
  track(root);
  return root;
}

describe('logix/licenseMap', () => {
  it('answers the report per environment, with the declaration, the registration and the catalog entry to open', async (t) => {
    const root = folder();
    const client = new TestClient();
    t.after(() => client.stop());
    await client.initialize([root]);
    // Asked at once: the answer waits for the folder's first index.
    const map = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root) });
    assert.deepEqual(map.environments.map((environment) => [environment.root, environment.summary.programs]), [['', 1], ['cliente', 1]]);
    const wms = map.environments[0]!.keys.find((key) => key.key === 'WMS')!;
    assert.deepEqual([wms.slot, wms.slotText, wms.status], [5087, '5087', 'known']);
    const [holder] = wms.programs;
    assert.deepEqual([holder!.program, holder!.how, holder!.rule, holder!.position, holder!.default, holder!.howText], ['man10021', 'other-area-systemkey', 'R7', 3, false, 'SYSTEMKEY_LOG (R7)']);
    assert.equal(holder!.file, 'man10021.4gl');
    // A click opens the registration: the program in SYSTEMKEY_LOG's list (line 2, 0-based 1).
    assert.deepEqual([holder!.location!.uri, holder!.location!.range.start.line], [uriOf(join(root, 'logistica/systemkey_log.4gl')), 1]);
    assert.deepEqual([wms.writtenAt!.uri, wms.writtenAt!.range.start.line], [uriOf(join(root, 'logistica/systemkey_log.4gl')), 1], 'where the key is written: references are asked there');
    assert.deepEqual([wms.catalogLocation!.uri, wms.catalogLocation!.range.start.line], [uriOf(join(root, 'logix-license.json')), 2]);
    const maneng = map.environments[0]!.keys.find((key) => key.key === 'MANENG')!;
    assert.deepEqual([maneng.programs[0]!.location!.uri, maneng.programs[0]!.location!.range.start.line, maneng.programs[0]!.default], [uriOf(join(root, 'man10021.4gl')), 1, true], 'the LOG_initApp line');
    const man10021 = map.environments[0]!.programs[0]!;
    assert.deepEqual([man10021.finalKeys, man10021.consumed, man10021.location.range.start.line], [['MANENG', 'SUPPLA', 'WMS'], 'WMS (slot 5087), R9', 1]);
    assert.deepEqual(map.environments[1]!.keys.find((key) => key.key === 'ESPEC')!.programs.map((entry) => entry.program), ['pol0001']);

    // The export: the same report as the CLI prints.
    const markdown = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), format: 'markdown' });
    assert.equal(markdown.text, runCli(['report', root, '--format', 'markdown']).stdout);
    const csv = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), format: 'csv' });
    assert.equal(csv.text, runCli(['report', root, '--format', 'csv']).stdout);
    assert.equal(await client.request('logix/licenseMap', { folderUri: uriOf(join(root, '..', 'elsewhere')) }), null);

    // A tree asks in parts: the keys with their counts, then one key's programs.
    const keysOnly = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), keysOnly: true });
    const wmsOnly = keysOnly.environments[0]!.keys.find((key) => key.key === 'WMS')!;
    assert.deepEqual([wmsOnly.held, wmsOnly.written, wmsOnly.programs, keysOnly.environments[0]!.programs], [1, 1, [], []]);
    assert.ok(wmsOnly.writtenAt, 'where to ask for references, without the programs');
    const part = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), key: { environment: '', key: 'WMS' } });
    assert.deepEqual(part.environments[0]!.keys.filter((key) => key.programs.length > 0).map((key) => key.key), ['WMS']);
    assert.deepEqual(part.environments[0]!.programs.map((entry) => entry.program), ['man10021']);
    assert.deepEqual(part.environments[1]!.keys.flatMap((key) => key.programs), [], 'the other environment\'s WMS is not asked');
    // The filter: keys whose fields match, or whose programs do.
    const bySlot = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), keysOnly: true, filter: '5087' });
    // WMS is built in (slot 5087): both environments have it.
    assert.deepEqual(bySlot.environments.map((environment) => environment.keys.map((key) => key.key)), [['WMS'], ['WMS']]);
    const byProgram = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root), keysOnly: true, filter: 'POL0001' });
    assert.deepEqual(byProgram.environments.map((environment) => environment.keys.map((key) => key.key)), [[], ['ESPEC']]);
  });

  it('notifies once a burst of edits pauses, and the map then shows the edit', async (t) => {
    const root = folder();
    const client = new TestClient();
    t.after(() => client.stop());
    const notified: string[] = [];
    let seen: () => void = () => {};
    client.connection.onNotification('logix/licenseMapChanged', (params: { folderUri: string }) => {
      notified.push(params.folderUri);
      seen();
    });
    const next = () => new Promise<void>((resolve) => { seen = resolve; });
    const first = next();
    await client.initialize([root]);
    await client.whenIndexed();
    await first; // the first index
    assert.deepEqual(notified, [uriOf(root)]);

    const uri = uriOf(join(root, 'man10021.4gl'));
    const burst = next();
    client.open(uri, program('man10021', '"MANENG,SUPPLA"'));
    for (const keys of ['"MANENG,S"', '"MANENG,SU"', '"MANENG,SUPPLA,ESTOQ"']) client.change(uri, program('man10021', keys));
    await burst;
    assert.equal(notified.length, 2, 'one notification for the opening and three edits');
    const map = await client.request<LicenseMap>('logix/licenseMap', { folderUri: uriOf(root) });
    assert.deepEqual(map.environments[0]!.programs[0]!.finalKeys, ['MANENG', 'SUPPLA', 'ESTOQ', 'WMS']);
  });
});
