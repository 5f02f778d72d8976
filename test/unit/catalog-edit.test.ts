/**
 * Adding a key to logix-license.json (the quick fix of LGX001): one insertion in the file's own
 * style, every other byte as it was. Each case gives the whole text before and after.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { addKeyEdit, addMenuEdit, applyTextEdit, applyTextEdits, composeTextEdits, setKeySlotEdit } from '../../server/src/license/catalog-edit.js';
import { LineMap } from '../../server/src/syntax/positions.js';
import { applyEdits } from '../helpers/edits.js';
import { random } from '../helpers/random.js';

/** The text after the edit, applied as the editor applies the quick fix's LSP edit. */
function withKey(text: string, key: string, entry: Record<string, string> = { area: 'SUP' }): string | undefined {
  const edit = addKeyEdit(text, key, entry);
  if (!edit) return undefined;
  const lines = new LineMap(text);
  return applyEdits(text, [{ range: lines.rangeOf(edit.offset, edit.offset + edit.length), newText: edit.content }]);
}

const lf = (lines: string[]) => lines.join('\n') + '\n';
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('adding a key to logix-license.json', () => {
  it('writes a one-line entry after one-line entries, two spaces', () => {
    const before = lf([
      '{',
      '  "logixVersion": "12.1.2301",',
      '  "keys": {',
      '    "WMS": { "slot": 5087, "area": "LOG", "description": "WMS" }',
      '  },',
      '  "menu": { "man10021": "WMS" }',
      '}',
    ]);
    assert.equal(withKey(before, 'SUPRIMEN'), lf([
      '{',
      '  "logixVersion": "12.1.2301",',
      '  "keys": {',
      '    "WMS": { "slot": 5087, "area": "LOG", "description": "WMS" },',
      '    "SUPRIMEN": { "area": "SUP" }',
      '  },',
      '  "menu": { "man10021": "WMS" }',
      '}',
    ]));
  });

  it('writes a multi-line entry after multi-line entries, with tabs', () => {
    const before = lf([
      '{',
      '\t"keys": {',
      '\t\t"WMS": {',
      '\t\t\t"slot": 5087,',
      '\t\t\t"area": "LOG"',
      '\t\t}',
      '\t}',
      '}',
    ]);
    assert.equal(withKey(before, 'SUPRIMEN'), lf([
      '{',
      '\t"keys": {',
      '\t\t"WMS": {',
      '\t\t\t"slot": 5087,',
      '\t\t\t"area": "LOG"',
      '\t\t},',
      '\t\t"SUPRIMEN": {',
      '\t\t\t"area": "SUP"',
      '\t\t}',
      '\t}',
      '}',
    ]));
  });

  it('keeps four spaces and CRLF, for multi-line and for one-line entries', () => {
    const multiLine = crlf([
      '{',
      '    "keys": {',
      '        "WMS": {',
      '            "slot": 5087',
      '        },',
      '        "ESTOQ": {',
      '            "slot": 5001',
      '        }',
      '    }',
      '}',
    ]);
    assert.equal(withKey(multiLine, 'SUPRIMEN'), crlf([
      '{',
      '    "keys": {',
      '        "WMS": {',
      '            "slot": 5087',
      '        },',
      '        "ESTOQ": {',
      '            "slot": 5001',
      '        },',
      '        "SUPRIMEN": {',
      '            "area": "SUP"',
      '        }',
      '    }',
      '}',
    ]));
    const oneLine = crlf([
      '{',
      '    "keys": {',
      '        "WMS": {"slot": 5087, "area": "LOG"}',
      '    }',
      '}',
    ]);
    assert.equal(withKey(oneLine, 'SUPRIMEN'), crlf([
      '{',
      '    "keys": {',
      '        "WMS": {"slot": 5087, "area": "LOG"},',
      '        "SUPRIMEN": {"area": "SUP"}',
      '    }',
      '}',
    ]));
  });

  it('adds a keys section in the file\'s style when there is none, its entry like the areas\'', () => {
    const before = crlf([
      '{',
      '    "logixVersion": "12.1.2301",',
      '    "areas": {',
      '        "PRD": { "prefixes": ["MAN"], "defaultKey": "MANENG" }',
      '    }',
      '}',
    ]);
    assert.equal(withKey(before, 'SUPRIMEN'), crlf([
      '{',
      '    "logixVersion": "12.1.2301",',
      '    "areas": {',
      '        "PRD": { "prefixes": ["MAN"], "defaultKey": "MANENG" }',
      '    },',
      '    "keys": {',
      '        "SUPRIMEN": { "area": "SUP" }',
      '    }',
      '}',
    ]));
    assert.equal(withKey('{"menu":{"man10021":"WMS"}}', 'SUPRIMEN'), '{"menu":{"man10021":"WMS"},"keys":{"SUPRIMEN":{"area":"SUP"}}}');
    assert.equal(withKey('{}', 'SUPRIMEN', {}), '{ "keys": { "SUPRIMEN": {} } }');
  });

  it('fills an empty keys object where it stands', () => {
    assert.equal(withKey(lf(['{', '  "keys": {},', '  "menu": {}', '}']), 'SUPRIMEN'), lf(['{', '  "keys": { "SUPRIMEN": { "area": "SUP" } },', '  "menu": {}', '}']));
    assert.equal(withKey(lf(['{', '  "keys": {', '  }', '}']), 'SUPRIMEN'), lf(['{', '  "keys": {', '    "SUPRIMEN": { "area": "SUP" }', '  }', '}']));
  });

  it('replaces only the entry of a key already there (one the catalog rejects)', () => {
    const before = lf(['{', '  "keys": {', '    "SUPRIMEN": { "slot": "12" },', '    "WMS": { "slot": 5087 }', '  }', '}']);
    assert.equal(withKey(before, 'SUPRIMEN'), lf(['{', '  "keys": {', '    "SUPRIMEN": { "area": "SUP" },', '    "WMS": { "slot": 5087 }', '  }', '}']));
  });

  it('leaves a file that is not one valid JSON object alone', () => {
    for (const text of ['{ "keys": { ', '[]', '{ "keys": [] }', '{ "keys": {}, // comment\n}', '']) {
      assert.equal(addKeyEdit(text, 'SUPRIMEN', { area: 'SUP' }), undefined, JSON.stringify(text));
    }
  });
});

describe('setting a slot and adding a menu entry (import-log)', () => {
  const apply = (text: string, edit: ReturnType<typeof setKeySlotEdit>) => (edit ? applyTextEdit(text, edit) : undefined);

  it('appends the slot to an entry that has none, in its own layout, and never overwrites one', () => {
    const before = crlf([
      '{',
      '\t"keys": {',
      '\t\t"MANENG": {',
      '\t\t\t"area": "PRD"',
      '\t\t},',
      '\t\t"ESTOQ": {},',
      '\t\t"WMS": { "slot": 5087 }',
      '\t}',
      '}',
    ]);
    assert.equal(apply(before, setKeySlotEdit(before, 'MANENG', 9001)), crlf([
      '{',
      '\t"keys": {',
      '\t\t"MANENG": {',
      '\t\t\t"area": "PRD",',
      '\t\t\t"slot": 9001',
      '\t\t},',
      '\t\t"ESTOQ": {},',
      '\t\t"WMS": { "slot": 5087 }',
      '\t}',
      '}',
    ]));
    assert.match(apply(before, setKeySlotEdit(before, 'ESTOQ', 1001))!, /"ESTOQ": \{ "slot": 1001 \},/);
    assert.equal(setKeySlotEdit(before, 'WMS', 6000), undefined, 'a slot already there is never overwritten');
    assert.equal(setKeySlotEdit(before, 'WMS', 5087), undefined);
    assert.match(apply(before, setKeySlotEdit(before, 'MANPCP', 9101))!, /"WMS": \{ "slot": 5087 \},\r\n\t\t"MANPCP": \{ "slot": 9101 \}\r\n\t\}/);
  });

  it('adds a menu entry after the others, or a menu section in the file\'s style, never a second entry for a program', () => {
    const before = lf(['{', '    "menu": {', '        "man10021": "WMS"', '    }', '}']);
    assert.equal(apply(before, addMenuEdit(before, 'man10022', '?')), lf(['{', '    "menu": {', '        "man10021": "WMS",', '        "man10022": "?"', '    }', '}']));
    assert.equal(addMenuEdit(before, 'MAN10021', 'PADRAO'), undefined, 'program names are read in lower case');
    const noMenu = lf(['{', '  "keys": { "WMS": { "slot": 5087 } }', '}']);
    assert.equal(apply(noMenu, addMenuEdit(noMenu, 'man10021', 'WMS')), lf(['{', '  "keys": { "WMS": { "slot": 5087 } },', '  "menu": {', '    "man10021": "WMS"', '  }', '}']));
    assert.equal(apply('{"keys":{}}', addMenuEdit('{"keys":{}}', 'man10021', 'WMS')), '{"keys":{},"menu":{"man10021":"WMS"}}');
    for (const text of ['{ "menu": ', '{ "menu": [] }', '[]']) assert.equal(addMenuEdit(text, 'man10021', 'WMS'), undefined, text);
  });
});

describe('edits made one after another, as edits of the original text', () => {
  it('gives what the sequence gives, with an edit inside an earlier insertion joined to it', () => {
    const before = lf(['{', '  "keys": { "MANENG": { "slot": null } }', '}']);
    const sequential = [] as { offset: number; length: number; content: string }[];
    let text = before;
    const add = (edit: { offset: number; length: number; content: string } | undefined) => {
      assert.ok(edit);
      sequential.push(edit);
      text = applyTextEdit(text, edit);
    };
    add(setKeySlotEdit(text, 'MANENG', 9001)); // replaces null
    add(addMenuEdit(text, 'man10021', 'WMS')); // a new menu section
    add(addMenuEdit(text, 'man10022', '?')); // inside the section just inserted
    add(setKeySlotEdit(text, 'MANPCP', 9002)); // a new key, before the menu
    const composed = composeTextEdits(before, sequential);
    assert.equal(applyTextEdits(before, composed), text);
    assert.deepEqual(composed.map((edit) => before.slice(edit.offset, edit.offset + edit.length)), ['null', '', ''],
      'three edits of the original: the slot, the new key, the menu section with both entries');
    for (let index = 1; index < composed.length; index++) {
      assert.ok(composed[index - 1]!.offset + composed[index - 1]!.length <= composed[index]!.offset, 'in order, not overlapping');
    }
  });

  it('composes random insertions, replacements and removals exactly', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const original = 'abcdefghijklmnopqrstuvwxyz'.slice(0, Math.floor(next() * 26));
      let text = original;
      const sequential = [];
      for (let step = Math.floor(next() * 6); step > 0; step--) {
        const offset = Math.floor(next() * (text.length + 1));
        const length = Math.floor(next() * Math.min(4, text.length - offset + 1));
        const edit = { offset, length, content: next() < 0.3 ? '' : `<${round}.${step}>` };
        sequential.push(edit);
        text = applyTextEdit(text, edit);
      }
      assert.equal(applyTextEdits(original, composeTextEdits(original, sequential)), text, JSON.stringify({ original, sequential }));
    }
  });
});
