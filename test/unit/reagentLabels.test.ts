import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSubscriptedFormula } from '../../server/src/service/model/notation';
import { undefinedKeys } from '../helpers/undefinedKeys';

// Made-up clones, collections' accessions and formulas (issue 14): labels a methods section gives
// reagents, never defined by anyone.
describe('antibody clones in a staining panel', () => {
  test('each marker\'s clone is a name, in any of the bracket styles panels use', () => {
    const panel =
      'Cells were stained with antibodies against CD3 (QTX9) [Acme], CD56 (NQ16.4, Acme), NKG2D (1Z11; Bolt Bio), ' +
      'perforin (dQ7) and granzyme B (clone F99-2Q2) for 20 min.';
    assert.deepEqual(undefinedKeys(panel), []);
  });

  test('a cytometry panel without the word antibody is read by its other words', () => {
    const panel = 'The flow cytometry panel held CD16 (7Q8), CD57 (QNK-4) and KIR3DL1 (QX9).';
    assert.deepEqual(undefinedKeys(panel), []);
  });

  const kept: [string, string, string[]][] = [
    ['one marker with a bracket is no panel', 'Cells were stained for the receptor (NKR9) with an antibody.', ['NKR9']],
    ['without words of staining, brackets after terms are no panel', 'We compared arm A (QRT1), arm B (QRT2) and arm C (QRT3) in the trial.', ['QRT1', 'QRT2', 'QRT3']],
    ['a code without a digit is an abbreviation', 'Antibodies to CD3 (QTX9), CD56 (NQ16.4), CD16 (7Q8) and the killer receptor (QKR) were used.', ['QKR']],
    ['codes in italics are genes', 'Antibody receptors (_QCGR1_, _QRIM2_) and defence genes (_QAS1_, _QSMB8_) rose.', ['QCGR1', 'QRIM2', 'QAS1', 'QSMB8']],
    ['a code not first in its bracket is an abbreviation', 'Antibodies to CD3 (QTX9), CD56 (NQ16.4), CD16 (7Q8) and NKG2A (after QZB1 treatment) were used.', ['QZB1']],
  ];
  for (const [why, text, expected] of kept) test(why, () => assert.deepEqual(undefinedKeys(text), expected));
});

describe('the clone of one antibody named by its target', () => {
  test('a code with a digit first in the bracket after anti-X is its clone', () => {
    assert.deepEqual(undefinedKeys('Cells were co-cultured in the presence of anti-CD107a (Q4A3) for 5 h.'), []);
    // IL-15 itself is a cytokine's name, a note of its own; its antibody's clone is not reported.
    assert.deepEqual(undefinedKeys('Surface IL-15 was stained with anti-IL-15 (clone 3Q559; Zed Systems).'), ['IL-15']);
  });
  test('a bracket after an antibody named in words may gloss its target: an abbreviation', () => {
    // `gp100 (PMEL17)`, `5T4 antibody`: other names of the target, not clones (review of issue 14's readings).
    assert.deepEqual(undefinedKeys('Mice received antibodies against the melanoma antigen QP100 (QMEL17) weekly.'), ['QMEL17']);
    assert.deepEqual(undefinedKeys('Tumour cells were coated with a 5Q4 antibody.'), ['5Q4']);
  });
  test('a code without a digit, or not right after anti-X, is an abbreviation', () => {
    assert.deepEqual(undefinedKeys('Cells were treated with anti-CD107a (QKA) for 5 h.'), ['QKA']);
    assert.deepEqual(undefinedKeys('Cells were treated with anti-CD107a and then (Q4A3) for 5 h.'), ['Q4A3']);
  });
});

describe('culture collections and their accessions', () => {
  test('the collection and the accession it issued are where a line came from', () => {
    assert.deepEqual(undefinedKeys('Raji (lymphoma; ATCC QCL-86), REH (leukaemia; DSMZ QCC 128) and K562 (ATCC #QRL-3216) cells were grown.'), []);
  });
  test('a comma may stand between the collection and its accession', () => {
    assert.deepEqual(undefinedKeys('MOLM-13 (DSMZ, QCC 554), THP-1 (ATCC, QIB-202) and SKOV-3 (ATCC, QTB-77) cells were grown.'), []);
  });
  test('the same letters elsewhere are abbreviations', () => {
    assert.deepEqual(undefinedKeys('The ATCC guidance on QCL was followed.'), ['ATCC', 'QCL']);
    assert.deepEqual(undefinedKeys('Lines from the DSMZ were used.'), ['DSMZ']);
  });
});

describe('chemical formulas with their counts set as subscripts', () => {
  const at = (text: string, token: string) => isSubscriptedFormula(text, text.indexOf(token), text.indexOf(token) + token.length);
  test('pandoc and HTML subscripts, isotopes and charges', () => {
    assert.equal(at('labelled with Na~2~^51^CrO~4~ for 1 h', 'CrO'), true);
    assert.equal(at('in 5% CO~2~ at 37 °C', 'CO'), true);
    assert.equal(at('buffered with K~2~HPO~4~.', 'HPO'), true);
    assert.equal(at('with HCO~3~^−^ ions', 'HCO'), true);
    assert.equal(at('and MgSO<sub>4</sub> added', 'MgSO'), true);
  });
  test('not a formula: large or lettered subscripts, no subscript, other letters', () => {
    assert.equal(at('The IC~50~ was low.', 'IC'), false, 'a half-maximal concentration, not iodine and carbon');
    assert.equal(at('and T~reg~ cells', 'T'), false);
    assert.equal(at('in 5% CO2 at 37 °C', 'CO'), false, 'no subscript: read by the token rules');
    assert.equal(at('the QZ~2~ value', 'QZ'), false, 'not element symbols');
    assert.equal(at('CO~2~-independent growth', 'CO'), true);
  });
  test('formulas whose last count is a subscript, as a mention now ends on it', () => {
    assert.deepEqual(undefinedKeys('Buffer had NaHCO~3~, CuSO~4~, NaN~3~, SiO~2~ and CH~4~, with HCO~3~^−^ and SO~4~^2−^ and NH~4~^+^ ions.'), []);
  });
  test('no undefined-abbreviation for a subscripted formula in a document', () => {
    // The half-maximal concentration is reported by its whole name, its numbered subscript included.
    assert.deepEqual(undefinedKeys('Targets were labelled with Na~2~^51^CrO~4~ and kept in 5% CO~2~; the IC~50~ was low.'), ['IC~50~']);
  });
});
