// A short form written with a space before its number (`Risk of Bias 2 (RoB 2)`, issue 14): later
// uses written the same way are uses of it. Every example is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { buildDocumentModel } from '../../server/src/service/model/documentModel';

const service = createTerminologyService();

/** `code token` for each abbreviation diagnostic of a made-up main text. */
function findings(paragraphs: string[]): string[] {
  const text = ['# Methods', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  return service
    .lint({ uri: 'spaced.md', version: 1, text }, {})
    .filter((d) => /abbreviation|definition/.test(d.code))
    .map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
}

describe('a spaced short form with its number', () => {
  test('a later use with the number is a use, neither undefined nor leaving the definition unused', () => {
    assert.deepEqual(findings(['Two authors used the Risk of Bias 2 (RoB 2) tool.', 'We assessed bias with the RoB 2 tool.']), []);
  });
  test('two numbered forms of one head are told apart by their numbers', () => {
    const found = findings(['Samples came from the CheckMate 010 (CM 010) and CheckMate 025 (CM 025) studies.', 'Values (CM 010) were scaled.']);
    assert.deepEqual(found, ['unused-abbreviation CM 025']);
  });
  test('the head with another number is not a use of the defined form', () => {
    const found = findings(['Two authors used the Risk of Bias 2 (RoB 2) tool.', 'Others preferred RoB 1 then.']);
    assert.ok(found.includes('unused-abbreviation RoB 2'), found.join(', '));
    assert.ok(found.some((f) => f.startsWith('undefined-abbreviation RoB')), found.join(', '));
  });
  test('a number that goes on (a decimal, a longer number) is no use', () => {
    const found = findings(['Two authors used the Risk of Bias 2 (RoB 2) tool.', 'Others preferred RoB 2.5 and RoB 20 then.']);
    assert.ok(found.includes('unused-abbreviation RoB 2'), found.join(', '));
  });
});

describe('a legend key of spaced short forms with their numbers', () => {
  const legend = (key: string) =>
    ['# Results', '', 'Samples came from two trials.', '', `![Survival by trial. ${key}. Shown are CM 010 and CM 025.](fig.png){#fig:a}`, ''].join('\n');
  const listed = (text: string) => buildDocumentModel('legend.md', 1, text).definitions.filter((d) => d.pattern === 'list').map((d) => `${d.short}=${d.long}`);
  test('the key defines each numbered short form', () => {
    assert.deepEqual(listed(legend('CM 010: CheckMate 010; CM 025: CheckMate 025')), ['CM 010=CheckMate 010', 'CM 025=CheckMate 025']);
  });
  test('a number after an ordinary word is no entry', () => {
    assert.deepEqual(listed(legend('Panel 2: responders; Day 3: late samples')), []);
  });
  test('the legend then uses them defined', () => {
    const text = legend('CM 010: CheckMate 010; CM 025: CheckMate 025');
    const found = service.lint({ uri: 'legend.md', version: 1, text }, {}).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => text.slice(d.start, d.end)), []);
  });
});

// A two-word short form written again (issue 14): one use of the whole, not two undefined words.
describe('a defined short form of two words', () => {
  const codes = (text: string) => service.lint({ uri: 'pair.md', version: 1, text }, {}).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
  test('written again, it is a use of the whole: nothing undefined, the definition used', () => {
    assert.deepEqual(codes('Adults with relapsed or refractory quiet myeloid leukaemia (R/R QML) enrolled. Adults with R/R QML received cells.'), []);
    assert.deepEqual(codes('The Quiet Cooperative Oncology Group performance status (QCOG PS) was 1; QCOG PS 0 was rare.'), []);
  });
  test('a word of it written alone is still its own mention; the pair split by more than a space is two', () => {
    assert.deepEqual(codes('Adults with relapsed or refractory quiet myeloid leukaemia (R/R QML) enrolled; R/R QML and QML rose.'), ['undefined-abbreviation QML']);
    assert.deepEqual(codes('Adults with relapsed or refractory quiet myeloid leukaemia (R/R QML) enrolled. R/R, QML.').filter((c) => c.startsWith('undefined')), ['undefined-abbreviation R/R', 'undefined-abbreviation QML']);
  });
});

// A short form opening with a lower-case prefix (issue 14): the token pass starts at the capital.
describe('a defined short form with a lower-case prefix', () => {
  const codes = (text: string) => service.lint({ uri: 'prefix.md', version: 1, text }, {}).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
  test('written again, it is a use of the whole: nothing undefined, the definition used', () => {
    assert.deepEqual(codes('Patients relapsed after allogeneic quiet cell transplantation (allo-QCT). Six relapsed after allo-QCT.'), []);
  });
  test('the rest written alone, or after another word, is its own mention', () => {
    assert.deepEqual(codes('Patients relapsed after allogeneic quiet cell transplantation (allo-QCT); then allo-QCT, QCT and metallo-QCT.'), ['undefined-abbreviation QCT']);
  });
});

// A short form of two parts joined by a slash (issue 14): the token pass splits it at the slash.
describe('a defined short form of two parts joined by a slash', () => {
  const codes = (text: string) => service.lint({ uri: 'slash.md', version: 1, text }, {}).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
  test('written again, it is a use of the whole: no part undefined, the definition used', () => {
    assert.deepEqual(codes('A quark-rate-to-zebra-rate ratio (QR/ZR) below 3 was rare. A low QR/ZR lowered it.'), []);
  });
  test('a part written alone, or the parts joined otherwise, are mentions of their own', () => {
    assert.deepEqual(codes('A quark-rate-to-zebra-rate ratio (QR/ZR) below 3 was rare; QR/ZR, QR and ZR-QR rose.').filter((c) => c.startsWith('undefined')), ['undefined-abbreviation QR', 'undefined-abbreviation ZR-QR']);
  });
});
