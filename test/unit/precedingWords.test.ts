// The detector's walk back from a bracket over the words that may hold a long form (issue 16):
// it jumps over the token pass's words instead of reading their characters. With no words to
// jump over, the same walk reads every character: both must find the same words, on any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectPrecedingWords, readingTokens } from '../../server/src/service/abbreviations/detector/precedingWords';
import { tokenize, type BlockTokens } from '../../server/src/service/text/tokens';

const NO_WORDS: BlockTokens = {
  count: 0,
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  flags: new Int32Array(0),
  foldedHashes: new Uint32Array(0),
  flagsUnion: 0,
  marks: new Int32Array(0),
};

/** Pieces prose is made of, brackets, quotes, dashes, Greek, a surrogate pair and white space among them. */
const piece = fc.constantFrom(
  'natural', 'killer', 'NK', 'cells', 'IL-15', 'CAR-T', 'of', 'the', ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0',
  '(', ')', '[', ']', '"', '\u201c', '\u201d', "'", ',', ';', ':', '.', 'e.g.', '-', '\u2013', '/', '&', '+',
  'β', 'γ', '𝛽', '2', '10', 'poly-(dT)', 'x(', 'AB', 'Q', 'é', '\u0301',
);

test('the walk that jumps over the token pass\'s words finds the words the character walk finds', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 12 }), (pieces, a, b, maxWords) => {
      const text = pieces.join('');
      const before = text.length === 0 ? 0 : a % (text.length + 1);
      const blockStart = before === 0 ? 0 : b % (before + 1);
      const jumped = readingTokens(text, tokenize(text), () => collectPrecedingWords(text, blockStart, before, maxWords));
      const read = readingTokens(text, NO_WORDS, () => collectPrecedingWords(text, blockStart, before, maxWords));
      assert.deepEqual(jumped, read);
    }),
    { numRuns: 2000 },
  );
});

test('the words before a bracket, stopped at the previous sentence', () => {
  const text = 'Cells died. The natural killer (NK) cells';
  const words = readingTokens(text, tokenize(text), () => collectPrecedingWords(text, 0, text.indexOf('('), 8));
  assert.deepEqual(words.map((w) => text.slice(w.start, w.end)), ['The', 'natural', 'killer']);
});
