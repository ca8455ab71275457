import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();
const definitions = (text: string) => service.model({ uri: 'l.md', version: 1, text }).definitions.map((d) => [d.short, d.long, d.pattern]);
const codes = (text: string) => service.lint({ uri: 'l.md', version: 1, text }).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);

describe('a bracketed label that is a link to a place in the document', () => {
  const text = [
    '* <div id="q1">(Q1) Quark counts are the same in beads and cells.</div>',
    '',
    'We rely on assumption [(Q1)](#q1) here, and on our assumption [(Q1)](#q1) again later.',
    '',
  ].join('\n');
  test('is a reference to the label, not a definition of the words before it', () => {
    assert.deepEqual(definitions(text), []);
    assert.deepEqual(codes(text).filter((c) => c.startsWith('redefined')), []);
  });
  test('a link to another place still defines (`Consortium [(QPTC)](https://…)`)', () => {
    assert.deepEqual(definitions('The Quark Preclinical Testing Consortium [(QPTC)](https://example.org) tested it; QPTC grew.\n'), [['QPTC', 'Quark Preclinical Testing Consortium', 'long-short']]);
  });
});

describe('a list of abbreviations written as the text defines', () => {
  const text = [
    '# Results',
    '',
    'We fitted a generalized quark model (GQM) and the GQM held.',
    '',
    '# List of Abbreviations',
    '',
    '* Generalized Quark Model (GQM)',
    '* Quark Discovery Rate (QDR)',
    '',
  ].join('\n');
  test('its entries are list entries: no repeat of the text\'s definition', () => {
    assert.deepEqual(definitions(text).map(([short, , pattern]) => `${short} ${pattern}`), ['GQM long-short', 'GQM list', 'QDR list']);
    assert.deepEqual(codes(text).filter((c) => c.startsWith('redefined')), []);
  });
});

describe('a numbered label given at the head of a line', () => {
  test('`our assumption (Q1)` refers to the label `(Q1) …`, listed with or without an anchor', () => {
    const listed = '* (Q1) Quark counts are the same in beads and cells.\n* (Q2) Each cell holds one quark.\n\nOur assumption (Q1) holds, and assumption (Q2) too; assumption (Q1) again.\n';
    assert.deepEqual(definitions(listed), []);
    const anchored = "* <div id='q1'>(Q1) Quark counts are the same.</div>\n\nOur assumption (Q1) holds; our assumption (Q1) again.\n";
    assert.deepEqual(definitions(anchored), []);
    assert.deepEqual(codes(anchored).filter((c) => /^(redefined|long-form)/.test(c)), []);
  });
  test('without such a label, the same words define as before', () => {
    assert.deepEqual(definitions('Our quark hypothesis one (QH1) holds; QH1 again.\n'), [['QH1', 'quark hypothesis one', 'long-short']]);
    // A label in running text is no label at a line's head.
    assert.deepEqual(definitions('See item (Q1) Quark counts. Then quark one (Q1) was seen; Q1 rose.\n').map(([short]) => short), ['Q1']);
  });
});

describe('units', () => {
  test('a processor\'s clock in GHz is a unit, as MHz is', () => {
    assert.deepEqual(codes('Runs took 10 s on a laptop with a 2.3 GHz processor and a 900 MHz bus.\n').filter((c) => c.startsWith('undefined')), []);
  });
  test('base pairs by the thousand, million and billion, spaced or run onto the number', () => {
    assert.deepEqual(codes('Windows of 41.8Mbp, 300 kbp and 1.2 Gbp were read.\n').filter((c) => c.startsWith('undefined')), []);
  });
});

describe('the reviewer\'s cases (made-up)', () => {
  test('a short form linked to a glossary anchor still defines; only a numbered label is a reference', () => {
    assert.deepEqual(definitions('Natural quark [(NQ)](#glossary) cells lyse targets; NQ cells grew.\n'), [['NQ', 'Natural quark', 'long-short']]);
  });
  test('labels written in bold or with a colon are labels too', () => {
    assert.deepEqual(definitions('- **(Q1)** Quark counts are the same.\n- (Q2): Each cell holds one quark.\n\nOur assumption (Q1) holds, as does assumption (Q2).\n'), []);
  });
  test('a closing list entry that starts with a digit is a list entry', () => {
    const text = '# Results\n\nWe gave 5-quarkuracil (5-QU) and 5-QU worked.\n\n# List of Abbreviations\n\n* 5-quarkuracil (5-QU)\n';
    assert.deepEqual(codes(text).filter((c) => c.startsWith('redefined')), []);
  });
  test('an outcome reported with its value defines with three letters, or with two before an outcome\'s noun', () => {
    assert.deepEqual(definitions('Median quark-free survival (QFS 8.1 months; 95% CI 6.2-10.4) was long. Quark remission (QR 42.5%) was frequent.\n').map(([short]) => short), ['QFS', 'QR']);
  });
});

describe('an address in a supplier\'s bracket', () => {
  test('a state\'s code after its city defines nothing (`Minneapolis, MN`)', () => {
    const text = 'DNA was isolated with the Quarkgene kit (Quark Systems, Inc., Minneapolis, MN) and the Zeta kit (Zeta, Inc., Minneapolis, MN).\n';
    assert.deepEqual(definitions(text), []);
    assert.deepEqual(codes(text), []);
  });
  test('the same letters spelled by their words elsewhere still define', () => {
    assert.deepEqual(definitions('Patients with quark malignancy (QM) and multiple neuropathy (MN) were seen; MN rose.\n').map(([short]) => short), ['QM', 'MN']);
  });
});

describe('the time of day', () => {
  test('AM and PM after an hour are a clock time; elsewhere they may be abbreviations', () => {
    assert.deepEqual(codes('Traps ran from 12 AM to 6 AM, and from 7:30 PM on.\n').filter((c) => c.startsWith('undefined')), []);
    assert.deepEqual(codes('Alveolar macrophages (AM) grew; AM counts rose. PM exposure was high.\n').filter((c) => c.startsWith('undefined')), ['undefined-abbreviation PM']);
  });
});

describe('two conditions abbreviated as a pair joined by a plus sign', () => {
  const text = 'Groups were combined impaired quark glucose and impaired quark tolerance (IQG+IQT). Those with IQG+IQT, and IQT alone, grew.\n';
  test('each abbreviation is defined by the words that spell it, before and after `and`', () => {
    assert.deepEqual(definitions(text), [['IQG', 'impaired quark glucose', 'long-short'], ['IQT', 'impaired quark tolerance', 'long-short']]);
    assert.deepEqual(codes(text), []);
  });
  test('words that do not spell each part leave the pair as it was read', () => {
    assert.deepEqual(definitions('Groups were quark glucose and tolerance (IQG+IQT) here.\n').map(([short]) => short).filter((s) => s !== 'IQG+IQT'), []);
  });
});
