/** Settings from the client, read field by field into the shape the index uses. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, toSettings } from '../../server/src/lsp/settings.js';

describe('toSettings', () => {
  it('names the catalog file the way the index names files: relative, / separated, without ./', () => {
    for (const written of ['./config/license.json', 'config//license.json', 'other/../config/license.json']) {
      assert.equal(toSettings({ catalogPath: written }).catalogPath, 'config/license.json', written);
    }
  });

  it('falls back to the defaults for values of the wrong type, field by field', () => {
    const settings = toSettings({ catalogPath: 3, encoding: '', exclude: 'x', severity: { LGX001: 'loud', LGX002: 'off', other: 'error' }, devTest: 'yes' });
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, severity: { LGX002: 'off' } });
  });
});
