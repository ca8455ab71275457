// Joined single letters used as abbreviations (issue 14, misses): `R/R` (relapsed/refractory),
// `A/I` (activating-to-inhibitory), `E:T` (effector-to-target). They are mentions when they stand
// as a word; labels (`cathepsins B/L`, `A/B testing`, figure panels) and shorthand (`w/v`) are
// not. Every example is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectDefinitions } from '../../server/src/service/abbreviations/definitionDetector.js';
import { createTerminologyService } from '../../server/src/service/index';
import { abbreviationKey, findMentionTokens } from '../../server/src/service/model/mentions';

const mentionsOf = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);
const service = createTerminologyService();
const lint = (text: string) => service.lint({ uri: 'joined.md', version: 1, text: `# Results\n\n${text}\n` });
const undefinedKeys = (text: string) => lint(text).filter((d) => d.code === 'undefined-abbreviation').map((d) => (d.data as { key: string }).key);

describe('joined single letters as mentions', () => {
  const cases: [string, string[]][] = [
    ['patients with R/R QZL and the A/I ratio', ['R/R', 'QZL', 'A/I']],
    ['at E:T ratios of 10:1 and an E/T of 5:1', ['E:T', 'E/T']],
    ['a three-letter X/Y/Z score', ['X/Y/Z']],
    // Labels of a family named before them, arms of a test, axes: not abbreviations.
    ['cathepsins B/L, protein A/G beads, hepatitis B/C and types A/B', []],
    ['an A/B testing plan on the X/Y axis', []],
    // Nucleotides by their codes: alternatives after a change, a base pair.
    ['C>(A/T/G) changes and G:C pairs', []],
    // Before a ratio's noun, the letters are its terms' abbreviations (albumin to globulin).
    ['the A/G ratio was low', ['A/G']],
    // Glued to something longer, or roman numerals.
    ['a 12/B region, W/X/Y/Z, x:y:z:w and phase I/II', []],
    // A hyphen after the group joins it into a longer name; its hyphenated part is read as before.
    ['the A/B-C form', ['B-C']],
    ['C57BL/6 and BALB/c mice', []],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(mentionsOf(text), expected));

  test('one key whatever the case: r/r and R/R are one abbreviation', () => {
    assert.equal(abbreviationKey('r/r'), 'R/R');
    assert.equal(abbreviationKey('E:T'), 'E:T');
    assert.equal(abbreviationKey('NK'), 'NK');
  });
});

describe('joined single letters in the document model', () => {
  test('an undefined R/R or A/I is reported; a defined one is not', () => {
    assert.deepEqual(undefinedKeys('Patients with R/R QZL responded; the A/I ratio rose.').filter((k) => k !== 'QZL'), ['R/R', 'A/I']);
    assert.deepEqual(undefinedKeys('Patients with relapsed/refractory (r/r) disease; later R/R and r/r patients.'), []);
    assert.deepEqual(undefinedKeys('The effector-to-target (E:T) ratio was 10:1; E:T ratios fell.'), []);
  });

  test('lower-case shorthand is no mention unless defined or known', () => {
    const model = service.model({ uri: 'w.md', version: 1, text: 'Dissolved at 5% w/v in buffer w/o salt; r/r AML.' });
    assert.deepEqual(model.mentions.map((m) => m.text).filter((t) => t.includes('/')), ['r/r']);
    const bare = createTerminologyService({ knowledge: { entries: [] } as never }).model({ uri: 'w.md', version: 1, text: 'Dissolved at 5% w/v; q/q here.' });
    assert.deepEqual(bare.mentions.map((m) => m.text), []);
  });

  test('conventional slash abbreviations need no definition', () => {
    assert.deepEqual(undefinedKeys('Medium with 1% P/S; N/A values were dropped; the M/F split.'), []);
  });

  test('a definition that unused-abbreviation can now see', () => {
    const unused = lint('The effector-to-target (E:T) ratio mattered.').filter((d) => d.code === 'unused-abbreviation');
    assert.equal(unused.length, 1);
  });
});

describe('a short form spelling out the head noun of its long form', () => {
  test('the abbreviation is the part before the noun, and later uses find it', () => {
    const model = service.model({ uri: 'h.md', version: 1, text: 'The effector-to-target ratio (E:T ratio) and mouse embryonic fibroblast cells (MEF cells); the E:T and MEF.' });
    assert.deepEqual(model.definitions.map((d) => [d.short, d.long, d.key]), [['E:T', 'effector-to-target', 'E:T'], ['MEF', 'mouse embryonic fibroblast', 'MEF']]);
    for (const d of model.definitions) assert.equal(model.text.slice(d.shortStart, d.shortEnd), d.short);
    for (const d of model.definitions) assert.equal(model.text.slice(d.longStart, d.longEnd), d.long);
    assert.deepEqual(undefinedKeys(model.text), []);
  });

  test('the noun may be joined by a hyphen: the part before it is the abbreviation', () => {
    const text = 'Most are extended-spectrum quark-lactamase producers (ESQL-producers); carriage of ESQL strains rose.';
    const model = service.model({ uri: 'h.md', version: 1, text });
    assert.deepEqual(model.definitions.map((d) => [d.short, d.long, d.key]), [['ESQL', 'extended-spectrum quark-lactamase', 'ESQL']]);
    assert.equal(model.text.slice(model.definitions[0]!.shortStart, model.definitions[0]!.shortEnd), 'ESQL');
    assert.deepEqual(undefinedKeys(text), []);
  });

  test('a method suffix after a hyphen is part of the name, not a head noun', () => {
    const text = 'Reads from single-cell QTAC-seq (scQTAC-seq) grew, and scQTAC-seq spread.';
    const model = service.model({ uri: 'h.md', version: 1, text });
    assert.deepEqual(model.definitions.map((d) => [d.short, d.long, d.key]), [['scQTAC-seq', 'single-cell QTAC-seq', 'scQTAC-seq']]);
  });

  test('a short form whose noun the long form does not end with is kept whole', () => {
    const model = service.model({ uri: 'h.md', version: 1, text: 'The quantum zeta ligand (QZL cells) is odd.' });
    assert.ok(model.definitions.every((d) => d.short !== 'QZL'));
  });
});

describe('a ratio named by its parts: ratio of … to … (X/Y ratio)', () => {
  const shortsOf = (text: string) => detectDefinitions(text).map((d) => [d.short, d.long]);
  test('the joined initials of the two sides', () => {
    assert.deepEqual(shortsOf('We took the ratio of the strongest activating receptor to that of the lone inhibitory receptor (A/I ratio) as a score.'), [
      ['A/I', 'ratio of the strongest activating receptor to that of the lone inhibitory receptor'],
    ]);
    assert.deepEqual(shortsOf('the ratio of effector to target cells (E:T ratio) was 5:1.'), [['E:T', 'ratio of effector to target cells']]);
  });
  test('letters that are no initials of their sides, another clause, or whole parts are left alone', () => {
    assert.deepEqual(shortsOf('the ratio of effector to target cells (Q/Z ratio) was high.'), []);
    assert.deepEqual(shortsOf('the ratio of activating receptors. Then inhibitory ones (A/I ratio) rose.'), []);
    assert.deepEqual(shortsOf('the ratio of CD4 to CD8 T cells (CD4/CD8 ratio) fell.'), []);
  });
  test('a known term written as a ratio of its parts is no conflicting expansion', () => {
    assert.deepEqual(lint('The ratio of effector to target cells (E:T ratio) was 5:1 and E:T fell.').map((d) => d.code), []);
  });
});
