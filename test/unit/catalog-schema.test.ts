/**
 * logix-license.json against its JSON Schema: the examples the product shows are valid, each
 * kind of mistake gets its message at the right place, and the schema and the code that reads the
 * file cannot drift apart (every field has a message, the reader reads exactly the schema's fields).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseCatalogFile, readCatalogJson } from '../../server/src/license/catalog.js';
import { CATALOG_SCHEMA, MAX_SLOT, NAME_MESSAGES, UNKNOWN_MESSAGES, VALUE_MESSAGES, type CatalogJson } from '../../server/src/license/catalog-schema.js';
import { useLanguage } from '../../server/src/l10n/messages.js';
import { marked, showRange } from '../helpers/markers.js';
import { examplesDir, repoRoot } from '../helpers/paths.js';

const parse = (text: string) => parseCatalogFile('logix-license.json', text);

interface SchemaNode {
  readonly type?: string | string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly propertyNames?: SchemaNode;
  readonly items?: SchemaNode;
}

/** Every field of the schema (`keys.*.slot`; `''` the file), with what it says of names and unknown properties. */
function schemaFields(): { values: string[]; names: string[]; closed: string[] } {
  const values: string[] = [];
  const names: string[] = [];
  const closed: string[] = [];
  const visit = (node: SchemaNode, field: string) => {
    values.push(field);
    if (node.propertyNames) names.push(field);
    if (node.additionalProperties === false) closed.push(field);
    const child = (step: string) => (field === '' ? step : `${field}.${step}`);
    for (const [name, property] of Object.entries(node.properties ?? {})) visit(property, child(name));
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, child('*'));
    // A list's items share the list's message (the item is pointed at); nothing nests below them.
    assert.ok(!node.items?.properties && !node.items?.items && node.items?.additionalProperties === undefined, `${field}: items with fields of their own`);
  };
  visit(CATALOG_SCHEMA as SchemaNode, '');
  return { values, names, closed };
}

/** The schema's field a concrete path of the file is in (`keys.WMS.slot` → `keys.*.slot`), or why it is none. */
function fieldOfPath(path: readonly string[]): string {
  let node: SchemaNode | undefined = CATALOG_SCHEMA as SchemaNode;
  const field: string[] = [];
  for (const step of path) {
    if (node?.properties?.[step]) {
      field.push(step);
      node = node.properties[step];
    } else if (typeof node?.additionalProperties === 'object') {
      field.push('*');
      node = node.additionalProperties;
    } else {
      return `${[...field, step].join('.')} (not in the schema)`;
    }
  }
  return field.join('.');
}

/** `value` whose objects record each property read (as its path) in `reads`. */
function recording<T>(value: T, reads: Set<string>, path: readonly string[] = []): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return new Proxy(value as object, {
    get(target, property, receiver) {
      const result: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string') return result;
      reads.add(fieldOfPath([...path, property]));
      return recording(result, reads, [...path, property]);
    },
  }) as T;
}

function catalogFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return catalogFiles(path);
    return name === 'logix-license.json' ? [path] : [];
  });
}

describe('the catalog schema', () => {
  it('is a valid draft-07 schema that ajv compiles in strict mode, as the build does', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    assert.equal(ajv.validateSchema(CATALOG_SCHEMA), true, JSON.stringify(ajv.errors));
    assert.doesNotThrow(() => ajv.compile(CATALOG_SCHEMA));
    assert.equal(MAX_SLOT, 999_999);
  });

  it('accepts every example catalog: the examples/ workspace\'s and the README\'s', () => {
    const files = catalogFiles(examplesDir).map((path) => ({ where: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));
    assert.ok(files.length >= 1, 'examples/logix-license.json');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match, index) => ({ where: `README.md json block ${index + 1}`, text: match[1]! }));
    assert.ok(blocks.length >= 2, 'the README shows a catalog and the start init writes');
    for (const { where, text } of [...files, ...blocks]) {
      const { file, problems } = parse(text);
      assert.deepEqual(problems, [], where);
      assert.ok(file, where);
    }
  });

  it('has a message for every field of the schema, and none for a field it does not have', () => {
    const { values, names, closed } = schemaFields();
    assert.deepEqual(Object.keys(VALUE_MESSAGES).sort(), [...values].sort(), 'a wrong value');
    assert.deepEqual(Object.keys(NAME_MESSAGES).sort(), [...names].sort(), 'a wrong name in a map');
    assert.deepEqual(Object.keys(UNKNOWN_MESSAGES).sort(), [...closed].sort(), 'an unknown property');
  });

  it('reads every field of the schema (but the ones for editors: $schema, $comment), and nothing else', () => {
    const full: CatalogJson = {
      $schema: './logix-license.schema.json',
      $comment: 'every field',
      logixVersion: '12.1.2301',
      keys: { WMS: { slot: 5087, area: 'LOG', description: 'WMS' } },
      areas: { LOG: { prefixes: ['WMS'], defaultKey: 'WMS' } },
      menu: { man10021: 'WMS' },
      devTest: false,
      replaceBuiltIn: false,
      complete: false,
      invalidKeys: ['SUPRIMEN'],
      freePrograms: { add: ['man10021'], remove: ['log00083'] },
    };
    assert.deepEqual(parse(JSON.stringify(full)).problems, [], 'the sample is a valid catalog');
    const reads = new Set<string>();
    readCatalogJson(recording(full, reads));
    const fields = schemaFields().values.filter((field) => field !== '' && !field.startsWith('$'));
    assert.deepEqual([...reads].sort(), fields.sort());
  });
});

describe('logix-license.json checked against the schema', () => {
  // Each: the file, the place marked ⟦…⟧, the message said there.
  const broken: [label: string, source: string, message: string][] = [
    ['a syntax error', '{\n  "keys": {}\n  ⟦"devTest"⟧: true\n}', 'invalid JSON: comma expected'],
    ['a comment', '{ ⟦// no comments in JSON⟧\n}', 'invalid JSON: invalid comment token'],
    ['not an object', '⟦[1, 2]⟧', 'the file must hold one JSON object'],
    ['a negative slot', '{\n "keys": { "WMS": { "slot": ⟦-1⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['slot 0', '{ "keys": { "WMS": { "slot": ⟦0⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a slot past 999999', '{ "keys": { "WMS": { "slot": ⟦1000000⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a slot too large for a number', '{ "keys": { "WMS": { "slot": ⟦1e400⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a fractional slot', '{ "keys": { "WMS": { "slot": ⟦50.5⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a slot written as a string', '{ "keys": { "WMS": { "slot": ⟦"null"⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a lower-case key', '{ "keys": { ⟦"wms"⟧: {} } }', '"keys": "wms" must be written in upper case letters, digits and _'],
    ['a key that is not an object', '{ "keys": { "WMS": ⟦5087⟧ } }', 'key "WMS" must be an object such as { "slot": 5087, "area": "LOG", "description": "…" }'],
    ['a misspelt property of a key', '{ "keys": { "WMS": { ⟦"slto"⟧: 5087 } } }', 'unknown property "slto" of key "WMS" (expected slot, area, description)'],
    ['a lower-case area of a key', '{ "keys": { "WMS": { "area": ⟦"log"⟧ } } }', 'area of "WMS" must be an area code in upper case such as "SUP"'],
    ['a description that is no string', '{ "keys": { "WMS": { "description": ⟦["WMS"]⟧ } } }', 'description of "WMS" must be a string'],
    ['"keys" that is a list', '{ "keys": ⟦["WMS"]⟧ }', '"keys" must be an object'],
    ['a lower-case area', '{ "areas": { ⟦"log"⟧: {} } }', '"areas": "log" must be written in upper case letters, digits and _'],
    ['an area that is not an object', '{ "areas": { "LOG": ⟦true⟧ } }', 'area "LOG" must be an object such as { "prefixes": ["MAN"], "defaultKey": "MANENG" }'],
    ['a bad prefix, pointed at in the list', '{ "areas": { "LOG": { "prefixes": ["WMS", ⟦"LOGX"⟧] } } }', 'prefixes of area "LOG" must be a list of 3-letter program prefixes such as ["MAN"]'],
    ['prefixes that are no list', '{ "areas": { "LOG": { "prefixes": ⟦"WMS"⟧ } } }', 'prefixes of area "LOG" must be a list of 3-letter program prefixes such as ["MAN"]'],
    ['a lower-case default key', '{ "areas": { "LOG": { "defaultKey": ⟦"wms"⟧ } } }', 'defaultKey of area "LOG" must be a system key in upper case'],
    ['a misspelt property of an area', '{ "areas": { "LOG": { ⟦"prefix"⟧: ["WMS"] } } }', 'unknown property "prefix" of area "LOG" (expected prefixes, defaultKey)'],
    ['a bad menu key', '{ "menu": { "man1": ⟦"wms"⟧ } }', 'menu key of "man1" must be a system key in upper case or "?"'],
    ['"menu" that is a string', '{ "menu": ⟦"WMS"⟧ }', '"menu" must be an object'],
    ['a program name holding / and ~ (a JSON pointer\'s escapes)', '{ "menu": { "a/b~c": ⟦1⟧ } }', 'menu key of "a/b~c" must be a system key in upper case or "?"'],
    ['a bad version', '{ "logixVersion": ⟦"twelve"⟧ }', '"logixVersion" must be a version string such as "12.1.2301"'],
    ['"devTest" that is a string', '{\n  "devTest": ⟦"yes"⟧\n}', '"devTest" must be true or false'],
    ['"replaceBuiltIn" that is a number', '{ "replaceBuiltIn": ⟦1⟧ }', '"replaceBuiltIn" must be true or false'],
    ['a "complete" that is not a boolean', '{\n "complete": ⟦"no"⟧ }', '"complete" must be true (the keys are all the installation has) or false'],
    ['a lower-case invalid key, pointed at in the list', '{ "invalidKeys": ["MANEGN", ⟦"suprimen"⟧] }', '"invalidKeys" must be a list of system keys in upper case, such as ["SUPRIMEN"]'],
    ['free programs that are no list', '{ "freePrograms": { "add": ⟦"man1"⟧ } }', '"freePrograms" must be { "add": ["prog1"], "remove": ["prog2"] }: program names added to or removed from the free programs (R12)'],
    ['a misspelt list of free programs', '{ "freePrograms": { ⟦"added"⟧: [] } }', 'unknown property "added" of "freePrograms" (expected add, remove)'],
    ['a $comment that is no string', '{ "$comment": ⟦["a", "list"]⟧ }', '"$comment" must be a string'],
    ['a name written twice: the last one is read and pointed at', '{ "keys": { "WMS": { "slot": 1 }, "WMS": { "slot": ⟦-1⟧ } } }', 'slot of "WMS" must be a positive whole number up to 999999'],
    ['a BOM before the file: positions are the text\'s', '\ufeff{ "devTest": ⟦"no"⟧ }', '"devTest" must be true or false'],
    ['a file nested too deep', `⟦⟧{ "keys": ${'['.repeat(100)}${']'.repeat(100)} }`, 'the file nests objects and lists 101 levels deep; a catalog needs at most 4 (at most 64 are read)'],
    // The parser ends a string at its line's end and skips a quote in a comment: the depth is counted
    // as it sees them (counted past such a quote, 5,000 nested lists overflowed the recursive parse).
    ['lists nested too deep after a string that runs to its line\'s end', `⟦⟧{ "a": "x\n${'['.repeat(5000)}`, 'the file nests objects and lists 5001 levels deep; a catalog needs at most 4 (at most 64 are read)'],
    ['lists nested too deep after a quote in a comment', `⟦⟧{ /* " */ "a": ${'['.repeat(5000)} "`, 'the file nests objects and lists 5001 levels deep; a catalog needs at most 4 (at most 64 are read)'],
  ];
  for (const [label, source, message] of broken) {
    it(`reports ${label} there, and yields no catalog`, () => {
      const { text, ranges } = marked(source);
      const { file, problems } = parse(text);
      assert.equal(file, undefined);
      assert.deepEqual(problems.map((problem) => problem.message), [message]);
      assert.equal(showRange(problems[0]!.range), showRange(ranges[0]!));
      assert.equal(problems[0]!.warning, undefined, 'an error');
    });
  }

  it('reports every problem of the file at once, each at its place', () => {
    const { text, ranges } = marked('{\n  "keys": { "A": { "slot": ⟦0⟧ }, "B": { "slot": ⟦"7"⟧ } },\n  "devTest": ⟦null⟧\n}');
    const { problems } = parse(text);
    assert.deepEqual(problems.map((problem) => showRange(problem.range)), ranges.map(showRange));
    assert.deepEqual(problems.map((problem) => problem.message), [
      'slot of "A" must be a positive whole number up to 999999',
      'slot of "B" must be a positive whole number up to 999999',
      '"devTest" must be true or false',
    ]);
  });

  it('warns of an unknown top-level property, naming what this version knows, and reads the rest', () => {
    const { text, ranges } = marked('{ ⟦"kyes"⟧: {}, "keys": { "ACME": { "slot": 7001 } } }');
    const { file, problems } = parse(text);
    assert.equal(file?.keys.get('ACME')?.slot, 7001);
    assert.deepEqual(problems, [{
      message: 'unknown property "kyes" is ignored (this version knows logixVersion, keys, areas, menu, devTest, replaceBuiltIn, complete, invalidKeys, freePrograms)',
      range: ranges[0],
      warning: true,
    }]);
  });

  it('accepts $schema and $comment, a byte-order mark, slot null and the slots 1 and 999999', () => {
    const text = '\ufeff{ "$schema": "./s.json", "$comment": "a note", "keys": { "A": { "slot": null }, "B": { "slot": 1 }, "C": { "slot": 999999 } } }';
    const { file, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.deepEqual([...file!.keys.values()].map((entry) => entry.slot), [null, 1, 999_999]);
  });

  it('shortens and escapes a name from the file in its message', () => {
    const { problems } = parse(JSON.stringify({ menu: { [`a\nb${'x'.repeat(100)}`]: 1 } }));
    assert.match(problems[0]!.message, /^menu key of "a\\nbx{35}…" must be/);
  });

  it('speaks pt-BR when asked, with the same places', () => {
    useLanguage('pt-br');
    try {
      const { problems } = parse('{ "keys": { "WMS": { "slot": -1 } }, "kyes": 1 }');
      assert.deepEqual(problems.map((problem) => problem.message), [
        'a propriedade desconhecida "kyes" é ignorada (esta versão conhece logixVersion, keys, areas, menu, devTest, replaceBuiltIn, complete, invalidKeys, freePrograms)',
        'o slot de "WMS" deve ser um número inteiro positivo de até 999999',
      ]);
    } finally {
      useLanguage('en');
    }
  });
});
