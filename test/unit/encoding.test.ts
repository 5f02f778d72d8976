/** Encodings: the editor's names as decoder labels, and a byte-order mark that says UTF-8. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeText, encodingLabelOfEditor } from '../../server/src/workspace/decode.js';

describe('encodings', () => {
  it('maps VS Code\'s files.encoding names to the labels the decoder takes (the client sends them when logix.encoding is empty)', () => {
    assert.equal(encodingLabelOfEditor('windows1252'), 'windows-1252');
    assert.equal(encodingLabelOfEditor('utf8'), 'utf-8');
    assert.equal(encodingLabelOfEditor('utf8bom'), 'utf-8');
    assert.equal(encodingLabelOfEditor('iso88591'), 'iso-8859-1');
    assert.equal(encodingLabelOfEditor('cp866'), 'ibm866');
    // No decoder for it: undefined, and the server keeps its default.
    assert.equal(encodingLabelOfEditor('cp850'), undefined);
    // Every label given is one the decoder knows.
    for (const name of ['windows1250', 'windows1252', 'utf8', 'utf16le', 'iso88591', 'iso885915', 'koi8r', 'macroman']) {
      const label = encodingLabelOfEditor(name)!;
      assert.doesNotThrow(() => new TextDecoder(label), `${name} → ${label}`);
    }
  });

  it('reads a file with a UTF-8 byte-order mark as UTF-8, whatever the setting', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FUNCTION açúcar()', 'utf8')]);
    assert.equal(decodeText(bytes, 'windows-1252'), 'FUNCTION açúcar()');
  });
});
