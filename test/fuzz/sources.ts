/**
 * 4GL sources for the fuzz campaign, as small printable recipes: fast-check generates and shrinks
 * the recipe (a realistic program, a file of the repository, or a hostile shape given by its size),
 * and `buildSource` expands it, so a 100,000-line file or a 1 MB line costs a few bytes to
 * generate, to send to the worker and to print.
 *
 * Damage is a list of mutations applied to the expanded text (truncation, insertions of quotes,
 * braces, NULs, unit keywords and license calls, deletions, duplications, byte replacements), then
 * line ends (LF, CRLF, lone CR, mixed) and a byte-order mark. A recipe read `asBytes` goes through
 * the Windows-1252 decoder, as a file read from disk does.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

/** Keys of every kind: built-in, invalid (SUPRIMEN), unverified, badly written, hostile. */
export const KEYS = [
  'MANENG', 'ESTOQ', 'SUPREC', 'SUPPLA', 'SUPCON', 'VDPPED', 'WMS', 'VDPLOG', 'VDPCON', 'PADRAO',
  'SUPRIMEN', 'NOTAKEY', 'ESPEC999', 'FINCRE', 'maneng', ' WMS ', '', 'MAN ENG', 'ÉÇÃ', '?', '*', 'X'.repeat(120),
];

/** Program names: documented ones, free programs (R12), prefixes of every area, oddities. */
export const PROGRAMS = ['man10021', 'man10022', 'sup3760', 'vdp1', 'log00083', 'job0001', 'fin0010', 'pol1000', 'f', 'main', 'MAN10021', 'x_y'];

const SEPARATORS = [',', ', ', ',,', ' ,', ';', '||'];

const STATEMENTS = [
  'DEFINE l_status SMALLINT', 'DEFINE lr_rec RECORD a CHAR(10), b INTEGER END RECORD', 'LET l_x = 1', 'CALL foo(l_x)',
  'CALL fin0010()', 'RETURN', 'WHENEVER ERROR CONTINUE', 'DECLARE cq CURSOR FOR SELECT * FROM t WHERE a = "x"',
  'IF l_x THEN', 'END IF', 'FOR l_i = 1 TO 10', 'END FOR', '# a comment', '-- a comment', '{ a comment }', '{ a comment',
  'over two lines }', 'DISPLAY "É ç ã € “quoted” –"', 'LET l_s = "a\\"b"', "LET l_s = 'it''s'", 'END', 'EXIT PROGRAM',
  'START REPORT r TO PIPE "lp"', 'PRINT "x"', 'CALL _ADVPL_set_property(l_form,"VISIBLE",TRUE)', 'END RECORD', '',
];

const KEY_LIST = fc.array(fc.constantFrom(...KEYS), { maxLength: 6 }).chain((keys) =>
  fc.constantFrom(...SEPARATORS).map((separator) => keys.join(separator === '||' ? ',' : separator)));

/** A string literal argument: one piece, or a `||` chain across lines, in either quote. */
const STRING_ARGUMENT = fc.tuple(KEY_LIST, fc.constantFrom('"', "'"), fc.nat(3)).map(([list, quote, cut]) => {
  if (cut === 0 || list.length < 2) return `${quote}${list}${quote}`;
  const at = Math.max(1, Math.floor((list.length * cut) / 4));
  return `${quote}${list.slice(0, at)}${quote}||\n      ${quote}${list.slice(at)}${quote}`;
});

const ARGUMENT = fc.oneof(
  { weight: 6, arbitrary: STRING_ARGUMENT },
  { weight: 1, arbitrary: fc.constantFrom('l_keys', 'l_keys CLIPPED', 'fn(l_x)', '"A" || l_x', '""', '"unterminated', ',', '(', 'NULL') },
);

const LICENSE_CALL = fc.oneof(
  ARGUMENT.map((arg) => `IF LOG_initApp(${arg}) <> 0 THEN\n    RETURN\n  END IF`),
  ARGUMENT.map((arg) => `CALL LOG_initApp(${arg})`),
  fc.tuple(ARGUMENT, fc.boolean()).map(([arg, returning]) => `CALL log001_acessa_usuario(${arg},"PRG")${returning ? ' RETURNING l_status' : ''}`),
  ARGUMENT.map((arg) => `IF NOT log001_acessa_usuario(${arg}, "") THEN RETURN END IF`),
  fc.tuple(fc.constantFrom(...KEYS), fc.array(fc.constantFrom(...PROGRAMS), { maxLength: 6 }), fc.constantFrom(...SEPARATORS))
    .map(([key, programs, separator]) => `CALL _ADVPL_SYSTEMKEY_setAppLicenseList("${key}","${programs.join(separator === '||' ? ',' : separator)}")`),
  ARGUMENT.map((arg) => `CALL _ADVPL_SYSTEMKEY_setAppLicenseList(${arg})`),
  fc.constantFrom('CALL LOG_initApp()', 'CALL LOG_initApp("A","B","C")', 'LET l_x = LOG_initApp("WMS"', 'call log_initapp("vdpped")', 'LOG_initApp'),
);

const UNIT_HEADER = fc.oneof(
  fc.constant('MAIN'),
  fc.constantFrom(...PROGRAMS).map((name) => `FUNCTION ${name}()`),
  fc.constantFrom(...PROGRAMS).map((name) => `PRIVATE FUNCTION ${name}(l_a, l_b)`),
  fc.constantFrom('REPORT r(l_x)', 'GLOBALS', 'GLOBALS "x.4gl"', 'function lower_case()', 'FUNCTION', 'PUBLIC FUNCTION p()', 'FUNCTION systemkey_sup()'),
);

const UNIT_END = fc.constantFrom('END MAIN', 'END FUNCTION', 'END FUNCTION', 'END REPORT', 'END GLOBALS', 'end function', '', 'END');

const UNIT = fc.tuple(
  UNIT_HEADER,
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...STATEMENTS) }, { weight: 2, arbitrary: LICENSE_CALL }), { maxLength: 6 }),
  UNIT_END,
  fc.constantFrom('  ', '', '\t'),
).map(([header, body, end, indent]) => [header, ...body.map((line) => `${indent}${line}`), end].join('\n'));

/** A realistic program: units with license calls, statements, comments and strings, some damaged. */
export const PROGRAM_TEXT = fc.array(fc.oneof({ weight: 5, arbitrary: UNIT }, { weight: 1, arbitrary: fc.constantFrom(...STATEMENTS) }), { maxLength: 8 })
  .map((parts) => `${parts.join('\n')}\n`);

/** What a mutation may insert: the characters and words that change how 4GL lexes. */
const SNIPPETS = [
  '"', "'", '{', '}', '#', '--', '(', ')', ',', '||', '\\', '\0', '\r', '\n', '\r\n', '\uFEFF', '\u2028', '\uD800', '😀',
  '\u0080', '\u009F', 'END FUNCTION\n', '\nFUNCTION extra()\n', 'END', 'MAIN\n', 'END MAIN\n', 'PRIVATE ',
  'LOG_initApp("', 'LOG_initApp("MANENG,WMS")', '_ADVPL_SYSTEMKEY_setAppLicenseList("WMS","', 'log001_acessa_usuario(', 'GLOBALS "',
];

export type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly op: 'byte'; readonly at: number; readonly code: number };

const AT = fc.nat(1 << 20);
const HIGH_BYTES = [0, 0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x9f, 0x22, 0x27, 0x7b, 0x7d, 0x0a, 0x0d, 0xa0, 0xff];

export const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: AT }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: AT, text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: AT, length: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: AT, length: fc.nat(200), times: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('byte' as const), at: AT, code: fc.oneof(fc.constantFrom(...HIGH_BYTES), fc.nat(255)) }) },
);

/** Hostile shapes, each given by its size. */
export type Shape =
  /** `unit` repeated `times` (100,000 lines of `FUNCTION f()` without END). */
  | { readonly kind: 'repeat'; readonly unit: string; readonly times: number }
  /** One line of `length` characters inside a function. */
  | { readonly kind: 'longLine'; readonly length: number; readonly fill: string }
  /** A LOG_initApp argument of `links` string pieces joined with `||`. */
  | { readonly kind: 'orChain'; readonly links: number; readonly perLine: boolean }
  /** A SYSTEMKEY registration of `times` programs: one repeated, or all distinct. */
  | { readonly kind: 'bigList'; readonly times: number; readonly distinct: boolean; readonly key: string }
  /** An unterminated string or comment opened early, with `lines` lines after it. */
  | { readonly kind: 'unterminated'; readonly opener: string; readonly lines: number };

export type Base =
  | { readonly kind: 'generated'; readonly text: string }
  | { readonly kind: 'corpus'; readonly index: number }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'shape'; readonly shape: Shape };

export interface SourceRecipe {
  readonly base: Base;
  readonly mutations: readonly Mutation[];
  readonly eol: 'lf' | 'crlf' | 'cr' | 'mixed';
  readonly bom: boolean;
  /** Read as bytes through the Windows-1252 decoder (a file on disk) rather than as editor text. */
  readonly asBytes: boolean;
}

export interface ShapeLimits {
  /** The largest repetition count, line length or list size a shape may have. */
  readonly maxSize: number;
}

export function shapeArbitrary(limits: ShapeLimits): fc.Arbitrary<Shape> {
  const size = (cap: number) => fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: Math.max(1, Math.min(cap, limits.maxSize)) }));
  return fc.oneof(
    fc.record({ kind: fc.constant('repeat' as const), unit: fc.constantFrom('FUNCTION f()\n', 'FUNCTION f()\r\n', 'MAIN\n', 'END FUNCTION\n', '{\n', '"\n', 'CALL LOG_initApp("MANENG")\n', 'x\n', '\n', '}'), times: size(100_000) }),
    fc.record({ kind: fc.constant('longLine' as const), length: size(1_048_576), fill: fc.constantFrom('x', ' ', '"', 'a,', '{', '€', '\t') }),
    fc.record({ kind: fc.constant('orChain' as const), links: size(20_000), perLine: fc.boolean() }),
    fc.record({ kind: fc.constant('bigList' as const), times: size(100_000), distinct: fc.boolean(), key: fc.constantFrom('WMS', 'MANENG', 'NOTAKEY', 'SUPRIMEN') }),
    fc.record({ kind: fc.constant('unterminated' as const), opener: fc.constantFrom('"', "'", '{', 'LOG_initApp("', 'FUNCTION f(', '_ADVPL_SYSTEMKEY_setAppLicenseList("WMS","'), lines: size(100_000) }),
  );
}

export interface SourceOptions extends ShapeLimits {
  /** Weight of hostile shapes among the bases, against 10 for generated programs, 4 for the corpus, 1 for random bytes (0: none). */
  readonly shapeWeight: number;
  readonly maxMutations: number;
}

export function sourceRecipe(options: SourceOptions): fc.Arbitrary<SourceRecipe> {
  const bases: fc.WeightedArbitrary<Base>[] = [
    { weight: 100, arbitrary: PROGRAM_TEXT.map((text) => ({ kind: 'generated' as const, text })) },
    { weight: 40, arbitrary: fc.nat(corpus().length - 1).map((index) => ({ kind: 'corpus' as const, index })) },
    { weight: 10, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HIGH_BYTES), fc.nat(255)), { maxLength: 600 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  ];
  if (options.shapeWeight > 0) bases.push({ weight: Math.round(options.shapeWeight * 10), arbitrary: shapeArbitrary(options).map((shape) => ({ kind: 'shape' as const, shape })) });
  return fc.record({
    base: fc.oneof(...bases),
    mutations: fc.array(MUTATION, { maxLength: options.maxMutations }),
    eol: fc.constantFrom('lf', 'lf', 'lf', 'crlf', 'cr', 'mixed'),
    bom: fc.boolean(),
    asBytes: fc.boolean(),
  });
}

let corpusFiles: { readonly path: string; readonly bytes: Buffer }[] | undefined;

/** The repository's own 4GL files: the examples, the e2e fixtures, the grammar tests. */
export function corpus(): readonly { readonly path: string; readonly bytes: Buffer }[] {
  if (!corpusFiles) {
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(join(repoRoot, folder), { withFileTypes: true })) {
        const path = `${folder}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.4gl$/i.test(entry.name)) found.push(path);
      }
    };
    for (const folder of ['examples', 'test/e2e/fixtures', 'grammars/tests']) walk(folder);
    found.sort();
    corpusFiles = found.map((path) => ({ path, bytes: readFileSync(join(repoRoot, path)) }));
  }
  return corpusFiles;
}

function expandShape(shape: Shape): string {
  switch (shape.kind) {
    case 'repeat':
      return shape.unit.repeat(shape.times);
    case 'longLine':
      return `FUNCTION f()\n  LET l_x = "${shape.fill.repeat(Math.ceil(shape.length / shape.fill.length)).slice(0, shape.length)}"\nEND FUNCTION\n`;
    case 'orChain': {
      const links = Array.from({ length: shape.links }, (_, index) => `"${KEYS[index % 10]},"`).join(shape.perLine ? '||\n    ' : '||');
      return `FUNCTION man10021()\n  IF LOG_initApp(${links}) <> 0 THEN RETURN END IF\nEND FUNCTION\n`;
    }
    case 'bigList': {
      const programs = Array.from({ length: shape.times }, (_, index) => (shape.distinct ? `man${index}` : 'man10021')).join(',');
      return `FUNCTION systemkey_log()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("${shape.key}","${programs}")\nEND FUNCTION\n`;
    }
    case 'unterminated':
      return `FUNCTION f()\n  LET l_x = ${shape.opener}${'  CALL LOG_initApp("MANENG")\n'.repeat(shape.lines)}`;
  }
}

function position(at: number, length: number): number {
  return at % (length + 1);
}

function mutate(text: string, mutation: Mutation): string {
  const at = position(mutation.at, text.length);
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + mutation.length).repeat(mutation.times + 1) + text.slice(at + mutation.length);
    case 'byte':
      return text.slice(0, at) + String.fromCharCode(mutation.code) + text.slice(at + 1);
  }
}

function withLineEnds(text: string, eol: SourceRecipe['eol']): string {
  if (eol === 'lf') return text;
  if (eol === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (eol === 'cr') return text.replace(/\r?\n/g, '\r');
  let line = 0;
  return text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][line++ % 3]!);
}

/** The text of a recipe as an editor would hold it (characters beyond U+00FF kept). */
export function sourceText(recipe: SourceRecipe): string {
  let text: string;
  switch (recipe.base.kind) {
    case 'generated':
      text = recipe.base.text;
      break;
    case 'corpus': {
      const files = corpus();
      text = files[recipe.base.index % files.length]!.bytes.toString('latin1');
      break;
    }
    case 'bytes':
      text = String.fromCharCode(...recipe.base.bytes);
      break;
    case 'shape':
      text = expandShape(recipe.base.shape);
      break;
  }
  for (const mutation of recipe.mutations) text = mutate(text, mutation);
  text = withLineEnds(text, recipe.eol);
  return recipe.bom ? `\uFEFF${text}` : text;
}

/**
 * The bytes of a recipe as a file on disk holds them: the text's characters as Windows-1252 bytes
 * (a character beyond U+00FF keeps its low byte, which is as good as any damage), the BOM as UTF-8's.
 */
export function sourceBytes(recipe: SourceRecipe): Buffer {
  const text = sourceText({ ...recipe, bom: false });
  const body = Buffer.from(text, 'latin1');
  return recipe.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** A short description of a recipe for reports: its base, size and mutations, never a megabyte of text. */
export function describeSource(recipe: SourceRecipe): string {
  const base = recipe.base.kind === 'generated' ? `generated ${JSON.stringify(preview(recipe.base.text, 200))}`
    : recipe.base.kind === 'corpus' ? `corpus ${corpus()[recipe.base.index % corpus().length]!.path}`
      : recipe.base.kind === 'bytes' ? `${recipe.base.bytes.length} random bytes`
        : `shape ${JSON.stringify(recipe.base.shape)}`;
  return `${base}; ${recipe.mutations.length} mutation(s) ${JSON.stringify(recipe.mutations).slice(0, 400)}; eol ${recipe.eol}${recipe.bom ? '; BOM' : ''}${recipe.asBytes ? '; read as Windows-1252 bytes' : ''}`;
}

export function preview(text: string, length = 300): string {
  return text.length <= length ? text : `${text.slice(0, length)}… (${text.length} characters)`;
}
