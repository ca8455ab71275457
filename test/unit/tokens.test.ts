// The token pass (text/tokens.ts) and the readers built on it: words and their flags, marks,
// the folded hash the term matcher's prefilter compares, and the per-scope long-form matcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize, WordFlag, FNV_OFFSET, foldedHashStep } from '../../server/src/service/text/tokens';
import { isWordCharacterAt, isWordCharacterBefore } from '../../server/src/service/text/characters';
import { createPhraseMatcher } from '../../server/src/service/knowledge/termMatcher';
import { propertySeed } from '../helpers/propertySeed';

function words(text: string): string[] {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.count }, (_, k) => text.slice(tokens.starts[k], tokens.ends[k]));
}

function flagsOf(text: string): number[] {
  return Array.from(tokenize(text).flags);
}

test('words are runs of letters, marks and decimal digits; punctuation and symbols separate them', () => {
  assert.deepEqual(words('IL-15 (interleukin 15) acts on NK1.1+ cells.'), ['IL', '15', 'interleukin', '15', 'acts', 'on', 'NK1', '1', 'cells']);
  assert.deepEqual(words('TGF-β, CD3ζ and 10 µL'), ['TGF', 'β', 'CD3ζ', 'and', '10', 'µL']);
  // Superscript digits (citation marks) and signs are not word characters.
  assert.deepEqual(words('CD56⁺ cells¹²'), ['CD56', 'cells']);
  // A letter outside the Basic Multilingual Plane is one character of a word.
  assert.deepEqual(words('a 𝛽 b'), ['a', '𝛽', 'b']);
  assert.deepEqual(words(''), []);
});

test('flags say what a word holds: capitals, lower case, digits, Greek, another script, look-alikes', () => {
  const [nk, il15, beta, cyrillic, lookAlike] = flagsOf('NK il15 β 通过 сytotoxicity');
  assert.equal(nk, WordFlag.letter | WordFlag.upper);
  assert.equal(il15, WordFlag.letter | WordFlag.lower | WordFlag.digit);
  assert.equal(beta! & (WordFlag.greek | WordFlag.nonAscii | WordFlag.lower), WordFlag.greek | WordFlag.nonAscii | WordFlag.lower);
  assert.ok((cyrillic! & WordFlag.otherScript) !== 0);
  assert.ok((lookAlike! & WordFlag.lookAlike) !== 0 && (lookAlike! & WordFlag.otherScript) !== 0);
  // µ is a letter of no script (Common): another script by the flags, which foreign-script then reads as a symbol.
  assert.ok((tokenize('10 µL').flags[1]! & WordFlag.otherScript) !== 0);
  assert.equal(tokenize('plain Latin text only').flagsUnion & (WordFlag.otherScript | WordFlag.lookAlike | WordFlag.nonAscii), 0);
});

test('marks are the brackets and line feeds, in order; a range tokenizes only that range', () => {
  const text = 'a (b) [c]\nd';
  assert.deepEqual(Array.from(tokenize(text).marks), [2, 4, 6, 8, 9]);
  const part = tokenize(text, 3, 8);
  assert.deepEqual(Array.from(part.marks), [4, 6]);
  assert.deepEqual(Array.from(part.starts), [3, 7]);
  // A range ending inside a surrogate pair ends its last word there.
  assert.deepEqual(Array.from(tokenize('ab 𝛽c', 0, 4).ends), [2, 4]);
});

test('each word hash is its units folded to lower case: NK, nk and Nk hash alike, NKG2D does not', () => {
  const hashOf = (word: string) => [...word].reduce((hash, ch) => foldedHashStep(hash, ch.charCodeAt(0)), FNV_OFFSET);
  const tokens = tokenize('NK nk Nk NKG2D');
  assert.equal(tokens.foldedHashes[0], hashOf('nk'));
  assert.equal(tokens.foldedHashes[1], hashOf('nk'));
  assert.equal(tokens.foldedHashes[2], hashOf('nk'));
  assert.notEqual(tokens.foldedHashes[3], hashOf('nk'));
});

test('property: words are exactly the maximal runs of word characters, for any text', () => {
  const alphabet = fc.constantFrom('a', 'Z', '7', '-', ' ', '(', ']', '\n', 'β', 'é', '\u0301', '¹', '通', '𝛽', '\uD800', '.');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }), (characters) => {
      const text = characters.join('');
      const tokens = tokenize(text);
      let k = 0;
      for (let i = 0; i < text.length; i++) {
        const isStart = isWordCharacterAt(text, i) && !isWordCharacterBefore(text, i) && !(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff);
        if (!isStart) continue;
        assert.equal(tokens.starts[k], i, `word ${k} of ${JSON.stringify(text)}`);
        let end = i;
        while (end < text.length && isWordCharacterAt(text, end)) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
        assert.equal(tokens.ends[k], end);
        k++;
      }
      assert.equal(tokens.count, k);
    }),
    { seed: propertySeed(), numRuns: 500 },
  );
});

test('long-form matcher: any case, wrapped lines, a hyphen written as a space, a plural -s', () => {
  const matcher = createPhraseMatcher(['natural killer cell', 'natural killer', 'T-cell receptor']);
  const find = (text: string) => matcher.findInTokens(text, tokenize(text)).map((o) => `${text.slice(o.start, o.end)}|${o.phrase}|${o.plural}`);
  assert.deepEqual(find('Natural Killer cells and natural\nkiller'), ['Natural Killer cells|0|true', 'natural\nkiller|1|false']);
  assert.deepEqual(find('the T cell receptor, the T-cell receptors'), ['T cell receptor|2|false', 'T-cell receptors|2|true']);
});

test('long-form matcher: only at the start of a word not joined by a hyphen, and only whole words', () => {
  const matcher = createPhraseMatcher(['killer cell']);
  const find = (text: string) => matcher.findInTokens(text, tokenize(text)).map((o) => text.slice(o.start, o.end));
  assert.deepEqual(find('NK-killer cell'), []);
  assert.deepEqual(find('prekiller cell'), []);
  assert.deepEqual(find('killer cellular'), []);
  assert.deepEqual(find('(killer cell)'), ['killer cell']);
  // A paragraph break is not a space between two words of a long form.
  assert.deepEqual(find('killer\n\ncell'), []);
});
