import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findTaxonDefinitions } from '../../server/src/service/model/taxonDefinitions';
import { undefinedKeys } from '../helpers/undefinedKeys';

describe('a virus code in brackets after its species\' binomial name in italics', () => {
  test('is defined there, its letters coined from the common name', () => {
    assert.deepEqual(undefinedKeys('Hosts carry *Quarkvirus lassaense* (QLASV) and _Zorbovirus seoulense_ (ZSEOV); QLASV and ZSEOV spread.\n'), []);
    const text = 'Hosts carry *Quarkvirus lassaense* (QLASV) here.';
    assert.deepEqual(
      findTaxonDefinitions(text, 0, text.length, []).map((d) => [text.slice(d.longStart, d.longEnd), text.slice(d.shortStart, d.shortEnd)]),
      [['Quarkvirus lassaense', 'QLASV']],
    );
  });
  test('a code ending in CoV and a number is a virus code too', () => {
    assert.deepEqual(undefinedKeys('The species *Quarkcoronavirus pandemicum* (QARS-CoV-2) spread; QARS-CoV-2 again.\n'), []);
  });
  test('other codes, a binomial not in italics, or a word between them, stay to define', () => {
    assert.deepEqual(undefinedKeys('Mice (*Mus musculus*) and *Quarkus zorbus* (QZM) bred; QZM again.\n'), ['QZM']);
    assert.deepEqual(undefinedKeys('Hosts carry Quarkvirus lassaense (ZNV) here; ZNV again.\n'), ['ZNV']);
    assert.deepEqual(undefinedKeys('Hosts carry *Quarkvirus lassaense* strains (ZNV) here; ZNV again.\n'), ['ZNV']);
    // A host's or a vector's binomial before a virus code defines nothing.
    assert.deepEqual(undefinedKeys('Reads from *Homo sapiens* (QZMV) hosts; QZMV again.\n'), ['QZMV']);
  });
});
