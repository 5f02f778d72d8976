/** Packed units unpack to exactly the units the parser produced. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compactFacts, findUnitIndex, packUnits, unitAt, unpackUnits } from '../../server/src/syntax/packed-units.js';
import { parseFacts } from '../../server/src/syntax/parser.js';

describe('packed units', () => {
  it('round-trips every unit kind and flag', () => {
    const facts = parseFacts([
      'GLOBALS', 'END GLOBALS', 'MAIN', '  CALL x()', 'END MAIN',
      ' PRIVATE FUNCTION f()', ' END FUNCTION', 'REPORT r(a)', '  DEFINE a CHAR(1)', 'END REPORT', 'FUNCTION open_one()',
    ].join('\n'));
    assert.ok(facts.units.some((unit) => !unit.closed) && facts.units.some((unit) => unit.isPrivate));
    assert.deepEqual(unpackUnits(packUnits(facts.units)), facts.units);
    assert.deepEqual(compactFacts(facts), facts);
  });

  it('finds and reads one unit in place, packed or not', () => {
    const facts = parseFacts('FUNCTION a()\nEND FUNCTION\nMAIN\n  CALL a()\nEND MAIN\nREPORT r()\nEND REPORT\n');
    const packed = compactFacts(facts);
    for (const form of [facts, packed]) {
      assert.equal(findUnitIndex(form, 'main'), 1);
      assert.equal(findUnitIndex(form, 'report', 'R'), 2);
      assert.equal(findUnitIndex(form, 'function', 'b'), -1);
      assert.equal(findUnitIndex(form, 'globals'), -1);
      assert.deepEqual(unitAt(form, 1), facts.units[1]);
      assert.deepEqual(unitAt(form, 2), facts.units[2]);
      assert.equal(unitAt(form, 3), undefined);
    }
  });
});
