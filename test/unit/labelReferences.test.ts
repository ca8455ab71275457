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
