// Legends that take their abbreviations from other legends (`Abbreviations as in Table 1.`): made-up tables.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { undefinedKeys } from '../helpers/undefinedKeys';

const FIRST = '**Table 1.** Quark counts. QZ, quiet zone; QB, quark burden.\n\n';

describe('a legend that refers its abbreviations to other legends', () => {
  test('is covered by what they define, whichever way the note is written', () => {
    assert.deepEqual(undefinedKeys(`${FIRST}**Table 2.** Quark sites by QZ and QB. Abbreviations as in Table 1.\n`), []);
    assert.deepEqual(undefinedKeys(`${FIRST}**Table 2.** Quark sites by QZ and QB. See Table 1 for abbreviations.\n`), []);
    const three = '**Table 2.** Zebra counts. ZQ, zebra quota.\n\n**Table 3.** QZ, QB and ZQ by site. Abbreviations as in Tables 1 and 2.\n';
    assert.deepEqual(undefinedKeys(`${FIRST}${three}`), []);
  });
  test('a cross-reference id names the table, as pandoc-crossref writes it', () => {
    const text = '| Stage | Abbr | Count |\n|---|---|---|\n| Quiet Zone | QZ | 3 |\n\nTable: **Stages.** Counts. {#tbl:stages}\n\n| Site | Stage |\n|---|---|\n| Lung | QZ |\n\nTable: **Sites.** Stages as per the abbreviations in Table @tbl:stages. {#tbl:sites}\n';
    assert.deepEqual(undefinedKeys(text), []);
  });
  test('a figure written Fig. and a Quarto id name the same legends', () => {
    assert.deepEqual(undefinedKeys('**Fig. 1.** Quark counts. QZ, quiet zone.\n\n**Fig. 2.** Sites by QZ. Abbreviations as in Fig. 1.\n'), []);
    const quarto = '| Stage | Abbr | Count |\n|---|---|---|\n| Quiet Zone | QZ | 3 |\n\n: **Stages.** Counts. {#tbl-stages}\n\n| Site | Stage |\n|---|---|\n| Lung | QZ |\n\n: **Sites.** Abbreviations as in @tbl-stages. {#tbl-sites}\n';
    assert.deepEqual(undefinedKeys(quarto), []);
  });
  test('a table the document lacks, a key the table leaves out, or a legend with no such note is still told', () => {
    assert.deepEqual(undefinedKeys(`${FIRST}**Table 2.** Sites by QZ. Abbreviations as in Table 9.\n`), ['QZ']);
    assert.deepEqual(undefinedKeys(`${FIRST}**Table 2.** Sites by QZ and QX. Abbreviations as in Table 1.\n`), ['QX']);
    assert.deepEqual(undefinedKeys(`${FIRST}**Table 2.** Sites by QZ, as in Table 1.\n`), ['QZ']);
    // The main text is no legend: a table's key does not define for it.
    assert.deepEqual(undefinedKeys(`${FIRST}The QZ rose (abbreviations as in Table 1).\n`), ['QZ']);
  });
});
