import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { abbreviationKey, findMentionTokens, isAllCapitals } from '../../server/src/service/model/mentions';

const mentionsOf = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);

describe('what counts as a mention of an abbreviation', () => {
  const cases: [string, string[]][] = [
    ['NK cells and CAR-NK products', ['NK', 'CAR-NK']],
    ['IL-15, HLA-E, TGF-β, IFN-gamma, PD-L1 and 4-1BB', ['IL-15', 'HLA-E', 'TGF-β', 'IFN-gamma', 'PD-L1', '4-1BB']],
    ['iPSCs, mAb, scFv and CD3ζ', ['iPSC', 'mAb', 'scFv', 'CD3ζ']],
    ['NK-cell-mediated lysis of anti-CD19 targets', ['NK', 'CD19']],
    ['CD56⁺ CD56bright and CD16a', ['CD56', 'CD56', 'CD16a']],
    ["the CAR's hinge and the CARs' domains", ['CAR', 'CAR']],
    ['phase I/II trials in stage IV', []],
    ['HLA-A*02:01 donors', []],
    ['NCT01234567 and GSE123456', []],
    ['RESULTS: we found', []],
    ['THIS WAS SHOUTED LOUDLY here', []],
    ['GraphPad and FlowJo by McDonald on an iPhone', []],
    ['B-cell and T-cell subsets', []],
    ['B7-H3 and FcγRIIIa', ['B7-H3', 'FcγRIIIa']],
    ['Tabs\tNK\tcells 😀 ADCC', ['NK', 'ADCC']],
  ];
  for (const [input, expected] of cases) test(input, () => assert.deepEqual(mentionsOf(input), expected));

  test('ranges point at the abbreviation in the text, across a non-BMP character', () => {
    const text = '😀 iPSCs and 𝛾 NK-92.';
    for (const m of findMentionTokens(text, 0, text.length)) assert.equal(text.slice(m.start, m.end), m.text);
  });
});

describe('abbreviation keys', () => {
  const cases: [string, string][] = [
    ['iPSCs', 'iPSC'],
    ["iPSC's", 'iPSC'],
    ['CAR’s', 'CAR'],
    ['CD56+', 'CD56'],
    ['IL‐15', 'IL-15'],
    ['CRS', 'CRS'],
    ['NK', 'NK'],
  ];
  for (const [written, key] of cases) test(`${written} -> ${key}`, () => assert.equal(abbreviationKey(written), key));
});

describe('the all-capitals test behind shouting', () => {
  test('agrees with /^\\p{Lu}{2,}$/u on capitals, lower case, marks, astral letters and lone surrogates', () => {
    const pieces = ['A', 'Z', 'a', '1', '-', 'É', 'é', 'Σ', 'σ', 'Ж', '\u0301', '𝐂', '𝐜', '\ud835', '\udc02', ' ', 'ǅ'];
    const word = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''));
    const seed = Date.now() % 2 ** 31;
    fc.assert(
      fc.property(word, (text) => isAllCapitals(text) === /^\p{Lu}{2,}$/u.test(text)),
      { seed, numRuns: 2000 },
    );
  });
});
