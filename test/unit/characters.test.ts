// The one set of character classes (text/characters.ts): each class checked against the Unicode
// expression it stands for, on every code unit of the Basic Multilingual Plane, so the ASCII
// tables and caches inside cannot drift from the meaning their names promise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isAsciiDigit, isHyphenUnit, isIdentifierCharacterAt, isLetterOrNumberAt, isLetterOrNumberUnit, isWhitespaceUnit,
  isWordCharacterAt,
} from '../../server/src/service/text/characters';

function unitsWhere(predicate: (unit: number) => boolean): number[] {
  const units: number[] = [];
  for (let unit = 0; unit < 0x10000; unit++) if (predicate(unit)) units.push(unit);
  return units;
}

test('letter or number: \\p{L} or \\p{N} on one code unit, and APL\'s alpha and omega typed for Greek; surrogate halves and positions outside the text are not', () => {
  const differ = unitsWhere((unit) => {
    const character = String.fromCharCode(unit);
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    return isLetterOrNumberUnit(unit) !== (!surrogate && /[\p{L}\p{N}\u2375\u237a]/u.test(character));
  });
  assert.deepEqual(differ, []);
  // Asked twice, the cached answer is the same.
  assert.equal(isLetterOrNumberUnit(0x3b2), true);
  assert.equal(isLetterOrNumberUnit(0x3b2), true);
  assert.equal(isLetterOrNumberAt('x¹', 1), true, 'a superscript digit is a number');
  assert.equal(isLetterOrNumberAt('e\u0301', 1), false, 'a combining mark is neither');
  assert.equal(isLetterOrNumberAt('ab', -1), false);
  assert.equal(isLetterOrNumberAt('ab', 2), false);
  assert.equal(isLetterOrNumberAt('𝛽', 0), false);
});

test('identifier character: a letter, a number or an underscore', () => {
  assert.equal(isIdentifierCharacterAt('a_b', 1), true);
  assert.equal(isIdentifierCharacterAt('a-b', 1), false);
  assert.equal(isIdentifierCharacterAt('β', 0), true);
  assert.equal(isIdentifierCharacterAt('_', 1), false);
});

test('white space: exactly what \\s matches, on every code unit', () => {
  assert.deepEqual(unitsWhere((unit) => isWhitespaceUnit(unit) !== /\s/u.test(String.fromCharCode(unit))), []);
  assert.equal(isWhitespaceUnit(Number.NaN), false);
});

test('a word character (letters, marks, decimal digits) differs from a letter or number on marks and other numbers', () => {
  assert.equal(isWordCharacterAt('e\u0301', 1), true);
  assert.equal(isWordCharacterAt('x¹', 1), false);
  assert.equal(isWordCharacterAt('𝛽', 0), true);
  assert.equal(isWordCharacterAt('IL-2R⍺', 5), true, 'APL alpha, typed for the Greek letter');
});

test('hyphens and ASCII digits', () => {
  assert.deepEqual(unitsWhere(isHyphenUnit), [0x2d, 0x2010, 0x2011]);
  assert.deepEqual([...'09a٣'].map(isAsciiDigit), [true, true, false, false]);
});
