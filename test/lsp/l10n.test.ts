/**
 * The server speaks the language of the client's `InitializeParams.locale`: the real server over
 * stdio, started three times on one workspace — `pt-br` (VS Code in Portuguese), `en`, and no
 * locale at all. The hover, a quick fix's title, the code lens and the indexing progress come in
 * Portuguese for the first; the other two say the very same English. The simulated AppServer debug
 * log is the AppServer's own text whatever the language.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from '../helpers/lsp-client.js';
import { runCli, tempWorkspace } from '../helpers/run-cli.js';
import { removeFolder, tempFolder } from '../helpers/temp.js';
import { program, systemKey } from '../helpers/workspace.js';

function files() {
  return {
    'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
    'sup3760.4gl': program('sup3760', '"SUPRIMEN,SUPPLA"'),
    'systemkey_log.4gl': systemKey('LOG', [['WMS', 'man10021']]),
    'logix-license.json': JSON.stringify({ menu: { man10021: 'WMS' } }),
  };
}

/** What a client is told, in the order of the assertions below. */
interface Said {
  readonly hover: string;
  readonly keyHover: string;
  readonly actions: readonly string[];
  readonly lens: string;
  readonly progress: string;
  readonly report: string;
  readonly shown: string;
  readonly log: string;
}

describe('the server in the client\'s language', () => {
  let root: string;
  const clients = new Map<string, TestClient>();
  const said = new Map<string, Said>();
  const uri = (file: string) => uriOf(join(root, file));

  async function ask(client: TestClient): Promise<Said> {
    const at = (file: string, line: number, character: number) => ({ textDocument: { uri: uri(file) }, position: { line, character } });
    // The second line of a program() file is its LOG_initApp call: `  IF LOG_initApp("SUPRIMEN,…") <> 0 THEN`.
    const hover = await client.request<Hover>('textDocument/hover', at('man10021.4gl', 1, 8));
    const keyHover = await client.request<Hover>('textDocument/hover', at('sup3760.4gl', 1, 20));
    const diagnostics = (await client.waitForDiagnostics(uri('sup3760.4gl'))).filter((diagnostic) => diagnostic.code === 'LGX001');
    // Quick fixes edit the document the editor has open.
    client.open(uri('sup3760.4gl'), files()['sup3760.4gl']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('sup3760.4gl') }, range: diagnostics[0]!.range, context: { diagnostics } });
    client.close(uri('sup3760.4gl'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('man10021.4gl') } });
    const explained = await client.request<{ report: string; log: string }>('workspace/executeCommand', { command: lenses[0]!.command!.command, arguments: lenses[0]!.command!.arguments });
    // The server shows the report (window/showMessage) before it answers the command.
    const shown = client.shownMessages.at(-1)!.message;
    return {
      hover: (hover.contents as { value: string }).value,
      keyHover: (keyHover.contents as { value: string }).value,
      actions: actions.map((action) => action.title),
      lens: lenses[0]!.command!.title,
      progress: client.progress.find((value) => value.kind === 'begin')!.title!,
      report: explained.report,
      shown,
      log: explained.log,
    };
  }

  before(async () => {
    root = tempWorkspace(files());
    for (const [name, locale] of [['pt-br', 'pt-br'], ['en', 'en'], ['none', undefined]] as const) {
      clients.set(name, new TestClient(locale === undefined ? {} : { locale }));
    }
    await Promise.all([...clients.values()].map((client) => client.start([root])));
    for (const [name, client] of clients) said.set(name, await ask(client));
  });
  after(async () => {
    await Promise.all([...clients.values()].map((client) => client.stop()));
    removeFolder(root);
  });

  it('says the hovers in Portuguese to a pt-br client', () => {
    const pt = said.get('pt-br')!;
    assert.match(pt.hover, /^\*\*man10021\*\* · área PRD/);
    assert.match(pt.hover, /\| # \| chave \| slot \| descrição \| origem \|/);
    assert.match(pt.hover, /- chave do menu `WMS` \(configurada\) → `WMS` \(slot 5087\), R9/);
    assert.match(pt.hover, /\*\*Outros contextos de execução\*\* \(R13\): coletor de dados → licença tipo T \(chave do programa `WMS`\)/);
    assert.match(pt.hover, /chamado por outro programa \(R14\) → nada novo; a licença em uso pode trocar para `WMS`/);
    assert.match(pt.keyHover, /^\*\*SUPRIMEN\*\* está listada como inválida/);
    assert.match(pt.keyHover, /Na execução, ela é retirada da lista \(R5\)\./);
  });

  it('titles the quick fixes, the code lens and the indexing progress in Portuguese', () => {
    const pt = said.get('pt-br')!;
    assert.ok(pt.actions.includes('Acrescentar SUPRIMEN ao logix-license.json'), pt.actions.join(' | '));
    assert.ok(pt.actions.includes('Remover SUPRIMEN da lista'), pt.actions.join(' | '));
    assert.equal(pt.lens, 'Licença: MANENG (slot desconhecido) · 4 chaves');
    assert.equal(pt.progress, 'Logix: indexando os arquivos 4GL');
  });

  it('explains in Portuguese, and writes the debug log as the AppServer does whatever the language', () => {
    const pt = said.get('pt-br')!;
    assert.match(pt.report, /^# Licença de man10021\n/);
    assert.match(pt.report, /^## Lista final de chaves$/m);
    assert.match(pt.report, /^\| # \| chave \| slot \| origem \|$/m);
    assert.match(pt.shown, /^Programa man10021 \(man10021\.4gl\)\n {2}área: PRD/);
    assert.match(pt.shown, /^Lista final de chaves:$/m);
    assert.equal(pt.log, said.get('en')!.log);
    assert.match(pt.log, /^\[LOGIX\] \[LICENSE\] \[SYSTEMKEY\] Aplicação MAN10021 - licenças FINAL = MANENG,SUPPLA,VDPPED,WMS$/m);
  });

  it('says the same English to an en client and to a client that sends no locale', () => {
    const en = said.get('en')!;
    assert.deepEqual(said.get('none'), en);
    assert.match(en.hover, /^\*\*man10021\*\* · area PRD/);
    assert.match(en.hover, /- menu key `WMS` \(configured\) → `WMS` \(slot 5087\), R9/);
    assert.match(en.keyHover, /^\*\*SUPRIMEN\*\* is listed as invalid/);
    assert.ok(en.actions.includes('Add SUPRIMEN to logix-license.json'), en.actions.join(' | '));
    assert.ok(en.actions.includes('Remove SUPRIMEN from the list'), en.actions.join(' | '));
    assert.equal(en.lens, 'License: MANENG (slot unknown) · 4 keys');
    assert.equal(en.progress, 'Logix: indexing 4GL files');
    assert.match(en.report, /^# License of man10021\n/);
    assert.match(en.shown, /^Program man10021 \(man10021\.4gl\)\n {2}area: PRD/);
  });

  it('says in English what the command line says by default, word for word', () => {
    // The server's Explain report as text is the CLI's `explain` output (the same renderer).
    const cli = runCli(['explain', 'man10021', root]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(said.get('en')!.shown, cli.stdout);
  });
});

describe('the persisted index in another language', () => {
  it('says the diagnostics anew when the editor restarts in another language, and reuses them in the same one', async (t) => {
    const root = tempWorkspace(files());
    const cacheFolder = tempFolder('logix-storage-');
    t.after(() => {
      removeFolder(root);
      removeFolder(cacheFolder);
    });
    /** Whether a start in `locale` took its diagnostics from the persisted index (nothing changed on disk). */
    const reusesDiagnostics = async (locale: string) => {
      const client = new TestClient({ cacheFolder, locale });
      try {
        await client.start([root]);
        await client.waitForLog(/files indexed/);
        return client.logMessages.some((message) => message.includes('diagnostics from the persisted index'));
      } finally {
        await client.stop();
      }
    };
    assert.equal(await reusesDiagnostics('en'), false, 'the first start parses everything');
    assert.equal(await reusesDiagnostics('en'), true, 'the same language: reused');
    assert.equal(await reusesDiagnostics('pt-br'), false, 'recorded in English: said again in Portuguese');
    assert.equal(await reusesDiagnostics('pt-br'), true, 'recorded in Portuguese: reused');
  });
});
