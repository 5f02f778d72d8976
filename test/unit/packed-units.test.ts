/** Packed units unpack to exactly the units the parser produced. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compactFacts, packUnits, unpackUnits } from '../../server/src/syntax/packed-units.js';
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
});
