import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enumerationAround } from '../../server/src/service/model/enumerations';
import { createTerminologyService } from '../../server/src/service/index';

/** The enumeration count around the first occurrence of `token` in `text`. */
function around(text: string, token: string): number | undefined {
  const start = text.indexOf(token);
  return enumerationAround(text, start, start + token.length);
}

describe('a long enumeration of names', () => {
  const panel = 'The panel includes QL-1RA, QL-10, QL-1α, QL-6, QFN-α2, QNF/QNF-α, sQD40L, QL-12p40, QFN-γ, QL-12/QL-12p70, QL-4, and QEGF. Then QZT was measured.';
  test('an analyte of a panel list is one of its items', () => {
    assert.equal(around(panel, 'QL-6'), 12);
    assert.equal(around(panel, 'QEGF'), 12);
    assert.equal(around(panel, 'QL-12p70'), 12);
  });
  test('the sentence after the list is no part of it', () => assert.equal(around(panel, 'QZT'), undefined));
  test('a few commas make no enumeration', () =>
    assert.equal(around('Cells made QL-2, QL-4, QL-6 and QL-10 in culture.', 'QL-6'), undefined));
  test('a list of plain words with an abbreviation in it is a sentence', () =>
    assert.equal(around('We saw apples, pears, plums, figs, grapes, limes, kiwis, QRX, and melons.', 'QRX'), undefined));
  test('a long clause between commas is no item', () =>
    assert.equal(
      around('A1, B2, C3, D4, E5, F6, G7, and in the end the QRX cohort of children was enrolled in the trial.', 'QRX'),
      undefined,
    ));
  test('a list in brackets ends at the bracket', () =>
    assert.equal(around('Markers (QA1, QA2, QA3) and QA4, QA5, QA6, QA7, QA8 were high.', 'QA2'), undefined));

  const service = createTerminologyService();
  test('an undefined member is reported at information, with the list named in the message', () => {
    const diagnostics = service.lint({ uri: 'a.md', version: 1, text: panel }).filter((d) => d.code === 'undefined-abbreviation');
    const qegf = diagnostics.find((d) => panel.slice(d.start, d.end) === 'QEGF')!;
    assert.equal(qegf.severity, 'information');
    assert.match(qegf.message, /one of 12 names listed here/);
    const qzt = diagnostics.find((d) => panel.slice(d.start, d.end) === 'QZT')!;
    assert.equal(qzt.severity, 'warning');
  });
});
