/** Edits of key and program lists that keep them well formed, `||` pieces included. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { normalizeKey } from '../../server/src/license/catalog.js';
import type { LiteralArgument } from '../../server/src/syntax/facts.js';
import { normalizeList, removeListItem } from '../../server/src/syntax/list-edits.js';
import { parseFacts } from '../../server/src/syntax/parser.js';
import { applyEdits } from '../helpers/edits.js';

function registration(programs: string): { text: string; argument: LiteralArgument } {
  const text = `FUNCTION systemkey_vdp()\n  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("VDPLOG",${programs})\nEND FUNCTION\n`;
  const argument = parseFacts(text).licenseCalls[0]!.args[1] as LiteralArgument;
  return { text, argument };
}

function valueAfter(text: string): string {
  return (parseFacts(text).licenseCalls[0]!.args[1] as LiteralArgument).value;
}

describe('removeListItem', () => {
  const cases: [string, number, string][] = [
    ['"a,b,c"', 0, 'b,c'],
    ['"a,b,c"', 1, 'a,c'],
    ['"a,b,c"', 2, 'a,b'],
    ['"a,b,"||\n    "c,d"', 1, 'a,c,d'],
    ['"a,b,"||\n    "c,d"', 2, 'a,b,d'],
    ['"a,b,"||\n    "c"', 2, 'a,b'],
    ['"a,"||\n    "b,"||\n    "c"', 1, 'a,c'],
    ["'a, b'", 1, 'a'],
  ];
  for (const [programs, index, expected] of cases) {
    it(`removes element ${index} of ${programs.replace(/\n\s*/g, ' ')}`, () => {
      const { text, argument } = registration(programs);
      const after = applyEdits(text, [removeListItem(text, argument, index)]);
      assert.equal(valueAfter(after), expected);
      assert.deepEqual(parseFacts(after).problems, []);
      assert.equal(after.split('\n').slice(-2).join('\n'), 'END FUNCTION\n', 'nothing outside the list changes');
    });
  }
});

describe('normalizeList', () => {
  it('normalises a one-piece key list', () => {
    const text = 'MAIN\n  CALL LOG_initApp("MANENG, estoq,,")\nEND MAIN\n';
    const argument = parseFacts(text).licenseCalls[0]!.args[0] as LiteralArgument;
    assert.equal(applyEdits(text, normalizeList(text, argument, normalizeKey)), 'MAIN\n  CALL LOG_initApp("MANENG,ESTOQ")\nEND MAIN\n');
  });

  it('normalises each piece of a || list in place, keeping its lines', () => {
    const { text, argument } = registration('"vdp1,, vdp2,"||\n    " vdp3 ,vdp4"');
    const after = applyEdits(text, normalizeList(text, argument, (element) => element.trim().toLowerCase()));
    assert.match(after, /"vdp1,vdp2,"\|\|\n {4}"vdp3,vdp4"/);
    assert.equal(valueAfter(after), 'vdp1,vdp2,vdp3,vdp4');
  });

  it('falls back to one string when pieces do not end with commas', () => {
    const { text, argument } = registration('"vd"||"p1, vdp2"');
    const after = applyEdits(text, normalizeList(text, argument, (element) => element.trim().toLowerCase()));
    assert.match(after, /LicenseList\("VDPLOG","vdp1,vdp2"\)/);
  });
});
