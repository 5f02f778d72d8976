/**
 * `diff`: what changes in license consumption between two trees, run as a real process on a base
 * tree and a head tree written by each test (the head is the base with one change).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

interface Catalog { keys: Record<string, { slot: number; area?: string }>; menu: Record<string, string>; invalidKeys?: string[] }
const CATALOG: Catalog = {
  keys: { WMS: { slot: 5087, area: 'LOG' }, MANPCP: { slot: 9101, area: 'PRD' } },
  menu: { man10021: 'WMS', xyz2000: '?' },
};

/** The base tree: man10021 as in TOTVS' example (declared list, SYSTEMKEY_LOG appends WMS), xyz2000 with a key the catalog does not list. */
function baseFiles(): Record<string, string> {
  return {
    'logix-license.json': JSON.stringify(CATALOG, null, 2),
    'adm/man10021.4gl': `# Programa de exemplo\n${program('man10021', '"MANENG,SUPPLA"', '  CALL man10021_tela()\n')}`,
    'adm/xyz2000.4gl': program('xyz2000', '"ESPEC1"'),
    'adm/sup0700.4gl': program('sup0700', '"ESTOQ"'),
    'systemkey/systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
  };
}

/** Runs diff between the base tree and the base with `change` applied (a file's new text, or null: deleted). */
function diffWith(change: Record<string, string | null>, args: string[] = []) {
  const base = tempWorkspace(baseFiles());
  const headFiles = { ...baseFiles() };
  for (const [path, text] of Object.entries(change)) {
    if (text === null) delete headFiles[path];
    else headFiles[path] = text;
  }
  const head = tempWorkspace(headFiles as Record<string, string>);
  const result = runCli(['diff', base, head, '--format', 'json', ...args]);
  const json = result.stdout ? JSON.parse(result.stdout) as DiffJson : undefined;
  return { base, head, result, json: json!, run: (extra: string[]) => runCli(['diff', base, head, ...extra]) };
}

interface Detail { what: string; key?: string; before: unknown; after: unknown; rule?: string; from?: string; note?: string }
interface State { finalKeys: string[]; defaultKey: string | null; defaultSlot: number | null; menuKey: string | null; consumedKey: string | null; menuSlot: number | null; consumes: string; blocked: boolean }
interface Change { program: string; file: string; environment: string; kind: string; before: State | null; after: State | null; details: Detail[] }
interface DiffJson { changes: Change[]; catalog: { key: string; what: string; before: unknown; after: unknown; programs: string[] }[]; summary: { added: number; removed: number; changed: number; failOn: string; failing: number } }

const details = (change: Change | undefined) => change?.details.map(({ what, key, before, after, rule }) => ({ what, ...(key ? { key } : {}), before, after, ...(rule ? { rule } : {}) }));

describe('diff', () => {
  it('a SYSTEMKEY change: the key added to the final list, with where it comes from', () => {
    const { result, json } = diffWith({ 'systemkey/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021']]) });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(json.summary, { added: 0, removed: 0, changed: 1, failOn: 'any', failing: 1 });
    const [change] = json.changes;
    assert.deepEqual([change!.program, change!.file, change!.kind], ['man10021', 'adm/man10021.4gl', 'changed']);
    assert.deepEqual(details(change), [
      { what: 'final-list', before: 'MANENG,SUPPLA,WMS', after: 'MANENG,SUPPLA,ESTOQ,WMS' },
      // R7: SUP is loaded before LOG.
      { what: 'key-added', key: 'ESTOQ', before: null, after: 3, rule: 'R7' },
    ]);
    assert.match(change!.details[1]!.from!, /^SYSTEMKEY_SUP \(R7\), systemkey\/systemkey_sup\.4gl:2$/);
    // What it consumes under WMS does not change, nor its default: --fail-on default-slot passes.
    assert.equal(diffWith({ 'systemkey/systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021']]) }, ['--fail-on', 'default-slot']).result.status, 0);
  });

  it('a LOG_initApp reorder: keys moved and the default key changed (--fail-on default-slot fails)', () => {
    const reordered = { 'adm/man10021.4gl': `# Programa de exemplo\n${program('man10021', '"SUPPLA,MANENG"', '  CALL man10021_tela()\n')}` };
    const { json, run } = diffWith(reordered);
    assert.deepEqual(details(json.changes[0]), [
      { what: 'final-list', before: 'MANENG,SUPPLA,WMS', after: 'SUPPLA,MANENG,WMS' },
      { what: 'key-moved', key: 'SUPPLA', before: 2, after: 1, rule: 'R5' },
      { what: 'key-moved', key: 'MANENG', before: 1, after: 2, rule: 'R5' },
      { what: 'default-key', before: 'MANENG', after: 'SUPPLA', rule: 'R8' },
    ]);
    assert.equal(run(['--fail-on', 'default-slot']).status, 1);
    assert.equal(run(['--fail-on', 'blocked']).status, 0);
    const text = run([]);
    assert.match(text.stdout, /^changed {2}man10021 {2}\(adm\/man10021\.4gl\)$/m);
    assert.match(text.stdout, /^ {2}SUPPLA moved #2 → #1, declared \(R5\), adm\/man10021\.4gl:3$/m);
    assert.match(text.stdout, /^ {2}default key: MANENG → SUPPLA \(R8\)$/m);
  });

  it('a catalog slot change: the slot consumed under the menu key, the catalog change behind it', () => {
    const catalog = { ...CATALOG, keys: { ...CATALOG.keys, WMS: { slot: 5088, area: 'LOG' } } };
    const { json, run } = diffWith({ 'logix-license.json': JSON.stringify(catalog, null, 2) });
    assert.equal(json.changes.length, 1);
    assert.deepEqual(details(json.changes[0]), [{ what: 'consumed-slot', before: 5087, after: 5088, rule: 'R9' }]);
    assert.equal(json.changes[0]!.details[0]!.note, "the catalog's slot of WMS: 5087 → 5088");
    assert.deepEqual(json.catalog, [{ environment: '', key: 'WMS', what: 'slot', before: 5087, after: 5088, programs: ['man10021'] }]);
    assert.equal(run(['--fail-on', 'default-slot']).status, 1);
    assert.equal(run(['--fail-on', 'blocked']).status, 0);
    const markdown = run(['--format', 'markdown']);
    assert.match(markdown.stdout, /^<!-- logix-license-diff -->\n### Logix license changes\n/);
    assert.match(markdown.stdout, /^\| \*\*man10021\*\* \| `adm\/man10021\.4gl` \| slot consumed under the menu key \| 5087 \| 5088 — the catalog's slot of WMS: 5087 → 5088 \| R9 \|$/m);
    assert.match(markdown.stdout, /^- WMS: slot 5087 → 5088; held by man10021$/m);
  });

  it('a new program: added, with its state; a removed one: removed', () => {
    const { json, result, run } = diffWith({ 'adm/man30000.4gl': program('man30000', '"MANPCP"'), 'adm/sup0700.4gl': null });
    assert.equal(result.status, 1);
    assert.deepEqual(json.summary, { added: 1, removed: 1, changed: 0, failOn: 'any', failing: 2 });
    const added = json.changes.find((change) => change.kind === 'added')!;
    assert.deepEqual([added.program, added.file, added.before], ['man30000', 'adm/man30000.4gl', null]);
    assert.deepEqual(added.after, { environment: '', finalKeys: ['MANPCP'], defaultKey: 'MANPCP', defaultSlot: 9101, menuKey: null, consumedKey: 'MANPCP', menuSlot: 9101, consumes: 'slot', blocked: false });
    const removed = json.changes.find((change) => change.kind === 'removed')!;
    assert.deepEqual([removed.program, removed.after, removed.before!.finalKeys], ['sup0700', null, ['ESTOQ']]);
    assert.equal(run(['--fail-on', 'blocked']).status, 0, 'neither is blocked');
  });

  it('a program that becomes blocked under ?: its only key listed in invalidKeys (--fail-on blocked fails)', () => {
    const catalog = { ...CATALOG, invalidKeys: ['ESPEC1'] };
    const { json, run } = diffWith({ 'logix-license.json': JSON.stringify(catalog, null, 2) });
    const change = json.changes.find((candidate) => candidate.program === 'xyz2000');
    assert.deepEqual(details(change), [
      { what: 'final-list', before: 'ESPEC1', after: '' },
      { what: 'key-removed', key: 'ESPEC1', before: 1, after: null, rule: 'R5' },
      { what: 'default-key', before: 'ESPEC1', after: null, rule: 'R8' },
      { what: 'blocked', before: false, after: true, rule: 'R11' },
      { what: 'consumed-key', before: 'ESPEC1', after: null, rule: 'R11' },
    ]);
    assert.deepEqual([change!.before!.blocked, change!.after!.blocked, change!.after!.consumes], [false, true, 'blocked']);
    assert.deepEqual(json.catalog, [{ environment: '', key: 'ESPEC1', what: 'status', before: 'unverified', after: 'invalid', programs: ['xyz2000'] }]);
    assert.equal(run(['--fail-on', 'blocked']).status, 1);
    assert.match(run([]).stdout, /^ {2}now blocked \(R11\)$/m);
  });

  it('a change to comments and to code that does not touch the license calls: no change (exit 0)', () => {
    const edited = `# Programa de exemplo, revisado\n{ um comentário\n  de várias linhas }\n-- e outro\n${program('man10021', '"MANENG,SUPPLA"', '  # tela nova\n  CALL man10021_tela_nova()\n  LET l_x = 1\n')}`;
    const { json, result, run } = diffWith({ 'adm/man10021.4gl': edited });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(json.changes, []);
    assert.deepEqual(json.summary, { added: 0, removed: 0, changed: 0, failOn: 'any', failing: 0 });
    assert.match(run([]).stdout, /No change in license consumption\./);
    assert.match(run(['--format', 'markdown']).stdout, /No change in license consumption/);
  });

  it('a file moved: the same program (matched by name), reported only with what else changed', () => {
    const text = baseFiles()['adm/man10021.4gl']!;
    const moved = diffWith({ 'adm/man10021.4gl': null, 'novo/man10021.4gl': text });
    assert.equal(moved.result.status, 0, 'a move alone changes no consumption');
    assert.deepEqual(moved.json.changes, []);
    const movedAndChanged = diffWith({ 'adm/man10021.4gl': null, 'novo/man10021.4gl': text.replace('"MANENG,SUPPLA"', '"MANENG"') });
    assert.deepEqual(details(movedAndChanged.json.changes[0]), [
      { what: 'file', before: 'adm/man10021.4gl', after: 'novo/man10021.4gl' },
      { what: 'final-list', before: 'MANENG,SUPPLA,WMS', after: 'MANENG,WMS' },
      { what: 'key-removed', key: 'SUPPLA', before: 2, after: null, rule: 'R5' },
    ]);
  });

  it('exits 2 on usage and configuration errors', () => {
    const base = tempWorkspace(baseFiles());
    const cases: [string[], RegExp][] = [
      [['diff', base], /diff takes two folders/],
      [['diff', base, base, '--fail-on', 'sometimes'], /--fail-on must be one of any, blocked, default-slot/],
      [['diff', base, base, '--format', 'csv'], /--format must be one of text, json, markdown/],
      [['diff', base, base, '--config', 'x.json'], /--config does not apply to diff/],
      [['diff', base, '/no/such/folder'], /no such folder/],
      [['check', '.', '--fail-on', 'any'], /--fail-on does not apply to check/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
