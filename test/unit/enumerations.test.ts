import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();

/** The severity of the undefined-abbreviation report on each undefined key, in order of first use. */
function severities(text: string): Array<[string, string]> {
  return service
    .lint({ uri: 'a.md', version: 1, text })
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => [text.slice(d.start, d.end), d.severity]);
}

describe('an assay panel of many names', () => {
  const panel = 'The panel includes QL-1RA, QL-10, QL-1α, QL-6, QFN-α2, QNF/QNF-α, sQD40L, QL-12p40, QFN-γ, QL-12/QL-12p70, QL-4, and QEGF. Then QZT was measured.';
  test('a member used nowhere else is a note, with the list named in the message', () => {
    const found = severities(panel);
    assert.deepEqual(found.find(([key]) => key === 'QEGF'), ['QEGF', 'information']);
    assert.deepEqual(found.find(([key]) => key === 'QL-12p70'), ['QL-12p70', 'information']);
    const message = service.lint({ uri: 'a.md', version: 1, text: panel }).find((d) => panel.slice(d.start, d.end) === 'QEGF')!.message;
    assert.match(message, /used only in a list of 12 names an assay measures/);
  });
  test('the sentence after the list is no part of it', () =>
    assert.deepEqual(severities(panel).find(([key]) => key === 'QZT'), ['QZT', 'warning']));
  test('a member also used in the prose is a warning at its first use', () => {
    const found = severities(`${panel} QL-6 rose threefold.`);
    assert.deepEqual(found.find(([key]) => key === 'QL-6'), ['QL-6', 'warning']);
  });
  test('a list that names no assay is prose', () =>
    assert.deepEqual(
      severities('Adverse events were QRS, QCANS, QLH, QLS, QEC-HS, QvHD, QMV, and QRM.').map(([, severity]) => severity),
      Array(8).fill('warning'),
    ));
  test('a few commas make no enumeration', () =>
    assert.deepEqual(severities('The panel measured QL-2, QL-4, QL-6 and QL-10 in culture.').map(([, severity]) => severity), Array(4).fill('warning')));
  test('a list of plain words with an abbreviation in it is a sentence', () =>
    assert.deepEqual(severities('The panel held apples, pears, plums, figs, grapes, limes, kiwis, QRX, and melons.'), [['QRX', 'warning']]));
  test('a long clause between commas is no item', () =>
    assert.deepEqual(
      severities('The panel held A1, B2, C3, D4, E5, F6, G7, and in the end the QRX cohort of many children who were enrolled.'),
      [['QRX', 'warning']],
    ));
  test('a list in brackets ends at the bracket', () =>
    assert.deepEqual(severities('Panel markers (QA1, QA2, QA3) and QA4, QA5, QA6, QA7, QA8 were high.').map(([, severity]) => severity), Array(8).fill('warning')));
});
