/**
 * The command line's language: `--lang pt-BR|en`, else the environment's locale (LC_ALL, then
 * LC_MESSAGES, then LANG; `C` and none mean English). Only the words change: exit codes, JSON
 * fields and values, codes and rule ids are the same in both languages.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENTED_RUN, logBytes, run } from '../helpers/appserver-log.js';
import { examplesDir } from '../helpers/paths.js';
import { runCli, tempWorkspaces } from '../helpers/run-cli.js';
import { program, systemKey } from '../helpers/workspace.js';

const tempWorkspace = tempWorkspaces();

/** Only the locale variables the test names: the developer's own are not inherited. */
const locale = (env: Record<string, string>) => ({ LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env });

const ENGLISH_SUMMARY = /^22 files, 16 programs: 2 errors, 10 warnings \(\d+ ms\)$/m;
const PORTUGUESE_SUMMARY = /^arquivos: 22, programas: 16: 2 erros, 10 avisos \(\d+ ms\)$/m;

describe('the command line in pt-BR', () => {
  it('says check\'s summary and program list in Portuguese with --lang pt-BR, with the same exit code', () => {
    const english = runCli(['check', examplesDir]);
    const portuguese = runCli(['check', examplesDir, '--lang', 'pt-BR']);
    assert.equal(portuguese.status, english.status);
    assert.equal(english.status, 1, english.stderr);
    assert.match(english.stdout, ENGLISH_SUMMARY);
    assert.match(portuguese.stdout, PORTUGUESE_SUMMARY);
    assert.match(portuguese.stdout, /^Programas \(lista final de chaves, a chave padrão primeiro\):$/m);
    assert.match(portuguese.stdout, /^ {2}xyz0001\s+-\s+\(nenhuma chave válida\)$/m);
    // The lines of the diagnostics keep their codes and positions.
    const codes = (text: string) => [...text.matchAll(/^ {2}(\d+:\d+)\s+(error|warning|information|hint)\s+(LGX\d{3})/gm)].map((match) => match.slice(1).join(' '));
    assert.deepEqual(codes(portuguese.stdout), codes(english.stdout));
  });

  it('says a usage error and the usage in Portuguese, with exit 2', () => {
    const result = runCli(['check', '--format', 'xml', '--lang', 'pt-BR'], tempWorkspace({}));
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^logix-license: --format deve ser um de text, json, sarif, não "xml"\n\nUso:\n/);
    // An option parseArgs refuses is named in Portuguese too, whatever comes after --lang.
    const unknown = runCli(['--lang=pt-BR', 'check', '--frobnicate'], tempWorkspace({}));
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^logix-license: opção desconhecida --frobnicate\n/);
  });

  it('takes the language from LANG alone, and LC_ALL before it', () => {
    const fromLang = runCli(['check', examplesDir], undefined, locale({ LANG: 'pt_BR.UTF-8' }));
    assert.match(fromLang.stdout, PORTUGUESE_SUMMARY);
    const fromMessages = runCli(['check', examplesDir], undefined, locale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'pt_BR' }));
    assert.match(fromMessages.stdout, PORTUGUESE_SUMMARY);
    const posix = runCli(['check', examplesDir], undefined, locale({ LC_ALL: 'C', LANG: 'pt_BR.UTF-8' }));
    assert.match(posix.stdout, ENGLISH_SUMMARY);
    const none = runCli(['check', examplesDir], undefined, locale({}));
    assert.match(none.stdout, ENGLISH_SUMMARY);
  });

  it('lets --lang en override a Portuguese environment, usage errors included', () => {
    const portugueseEnvironment = locale({ LC_ALL: 'pt_BR.UTF-8' });
    assert.match(runCli(['check', examplesDir, '--lang', 'en'], undefined, portugueseEnvironment).stdout, ENGLISH_SUMMARY);
    const usage = runCli(['explain', '--lang', 'en'], undefined, portugueseEnvironment);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^logix-license: explain needs a PROGRAM, e\.g\. explain man10021\n\nUsage:\n/);
    assert.match(runCli(['--help', '--lang', 'en'], undefined, portugueseEnvironment).stdout, /^Usage:\n/);
    assert.match(runCli(['--help'], undefined, portugueseEnvironment).stdout, /^Uso:\n/);
  });

  it('refuses a --lang it does not know, naming the accepted values (exit 2), in the environment\'s language', () => {
    const english = runCli(['check', examplesDir, '--lang', 'fr']);
    assert.equal(english.status, 2);
    assert.match(english.stderr, /^logix-license: --lang must be one of pt-BR, en, not "fr"\n/);
    const portuguese = runCli(['check', examplesDir, '--lang', 'fr'], undefined, locale({ LANG: 'pt_BR.UTF-8' }));
    assert.equal(portuguese.status, 2);
    assert.match(portuguese.stderr, /^logix-license: --lang deve ser um de pt-BR, en, não "fr"\n/);
    const twice = runCli(['check', examplesDir, '--lang', 'en', '--lang', 'pt-BR']);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /--lang given more than once/);
    const missing = runCli(['check', examplesDir, '--lang']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^logix-license: --lang needs a value\n/);
  });
});

describe('JSON in either language', () => {
  /** The document with every human text (`message`, `notes`) and the run's duration left out. */
  function withoutWords(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutWords);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value)
      .filter(([key]) => key !== 'message' && key !== 'notes' && key !== 'durationMs')
      .map(([key, inner]) => [key, withoutWords(inner)]));
  }

  function bothLanguages(args: string[]): { english: unknown; portuguese: unknown } {
    const english = runCli(args);
    const portuguese = runCli([...args, '--lang', 'pt-BR']);
    assert.equal(portuguese.status, english.status, portuguese.stderr);
    return { english: JSON.parse(english.stdout), portuguese: JSON.parse(portuguese.stdout) };
  }

  it('check --format json and sarif differ only in message texts', () => {
    for (const format of ['json', 'sarif']) {
      const { english, portuguese } = bothLanguages(['check', examplesDir, '--format', format]);
      assert.deepEqual(withoutWords(portuguese), withoutWords(english), format);
    }
  });

  it('compare-log --format json differs only in message texts, and they are Portuguese', () => {
    const root = tempWorkspace({
      'man10021.4gl': program('man10021', '"MANENG,SUPPLA,VDPPED"'),
      'systemkey_sup.4gl': systemKey('SUP', [['ESTOQ', 'man10021'], ['SUPCON', 'man10021']]),
      'systemkey_vdp.4gl': systemKey('VDP', [['VDPPED', 'man10021']]),
      'logix-license.json': '{ "keys": { "WMS": { "slot": 5087 } } }',
      'app.log': logBytes([...DOCUMENTED_RUN, ...run(7, 'MAN10099', 'MANENG', 'MANENG', 9001)]),
    });
    const { english, portuguese } = bothLanguages(['compare-log', join(root, 'app.log'), root, '--format', 'json']);
    assert.deepEqual(withoutWords(portuguese), withoutWords(english));
    const texts = (json: unknown) => (json as { runs: { causes: { message: string }[] }[] }).runs.flatMap((entry) => entry.causes.map((cause) => cause.message));
    assert.ok(texts(english).length > 0);
    assert.notDeepEqual(texts(portuguese), texts(english));
    assert.ok(texts(portuguese).some((text) => /nenhum fonte de man10099 na pasta/.test(text)), texts(portuguese).join('\n'));
  });
});
