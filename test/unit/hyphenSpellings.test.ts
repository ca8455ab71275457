// One ordinary word written both closed and with a hyphen in one document (`upregulated` and
// `up-regulated`): inconsistent-variants, at the form written less. Every example is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();
let version = 0;

/** The hyphenation findings of `text`: the word reported as written, and the form its fix writes. */
function reported(text: string): Array<[written: string, kept: string]> {
  return service
    .lint({ uri: 'file:///h.md', version: ++version, text })
    .filter((d) => d.code === 'inconsistent-variants' && (d.data as { hyphenation?: boolean } | undefined)?.hyphenation)
    .map((d) => [text.slice(d.start, d.end), (d.data as { dominant: string }).dominant]);
}

describe('a word written with and without a hyphen', () => {
  test('the form written less is reported, naming the form written more', () => {
    assert.deepEqual(reported('Genes were quietregulated twice, quietregulated again, and one was quiet-regulated.\n'), [['quiet-regulated', 'quietregulated']]);
    assert.deepEqual(reported('The zonal-binding assay and zonal-binding cells; one zonalbinding site.\n'), [['zonalbinding', 'zonal-binding']]);
  });
  test('of two forms written as often, the first written is kept', () => {
    assert.deepEqual(reported('A quiet-sampled set and a quietsampled one.\n'), [['quietsampled', 'quiet-sampled']]);
  });
  test('a capital a sentence puts first counts for the word, and the fix keeps it', () => {
    assert.deepEqual(reported('Zonalprocessing took a day. Zonal-processing was slow. More zonalprocessing followed.\n'), [['Zonal-processing', 'zonalprocessing']]);
    const text = 'Zonalprocessing took a day. Zonal-processing was slow. More zonalprocessing followed.\n';
    const finding = service.lint({ uri: 'file:///h.md', version: ++version, text }).find((d) => (d.data as { hyphenation?: boolean } | undefined)?.hyphenation)!;
    assert.deepEqual(finding.data?.fixes?.[0]?.edits.map((e) => e.newText), ['Zonalprocessing']);
    assert.equal(finding.data?.fixes?.[0]?.safe, false);
  });
  test('the fix writes every use of the reported form', () => {
    const text = 'We saw quietsampled data, quiet-sampled cells and quiet-sampled mice; quietsampled, quietsampled.\n';
    const finding = service.lint({ uri: 'file:///h.md', version: ++version, text }).find((d) => (d.data as { hyphenation?: boolean } | undefined)?.hyphenation)!;
    // One line: a range's characters are offsets.
    const edits = finding.data?.fixes?.[0]?.edits ?? [];
    assert.deepEqual(edits.map((e) => [text.slice(e.range.start.character, e.range.end.character), e.newText]), [['quiet-sampled', 'quietsampled'], ['quiet-sampled', 'quietsampled']]);
  });
});

describe('what is no hyphenation variant', () => {
  test('a hyphen that makes another word: re- and un- are left out', () => {
    assert.deepEqual(reported('Cells were re-sorted and the team resorted to plan B; we re-cover the plate to recover it.\n'), []);
    assert.deepEqual(reported('Antigen re-presentation differs from representation; re-stored cells were restored; un-ionised and unionised.\n'), []);
  });
  test('a closed word in a file name, a call or a setting is code', () => {
    assert.deepEqual(reported('We did quiet-processing here and quiet-processing there; we ran quietprocessing.py, quietprocessing() and quietprocessing=TRUE.\n'), []);
  });
  test('the front matter\'s title is not counted', () => {
    assert.deepEqual(reported('---\ntitle: "Quiet-processing of zones"\n---\n\nWe did quietprocessing once and quiet-processing once.\n'), [['quiet-processing', 'quietprocessing']]);
  });
  test('capitals inside a part, digits, longer runs, suspended hyphens and identifiers', () => {
    assert.deepEqual(reported('In the Quiet-Sampled title and quietsampled prose.\n'), []);
    assert.deepEqual(reported('The zonal-quiet-sampled run and a zonalquiet one.\n'), []);
    assert.deepEqual(reported('Pre- and postquiet samples, and prequiet ones.\n'), []);
    assert.deepEqual(reported('See quiet-sampled.csv and the quietsampled file.\n'), []);
    assert.deepEqual(reported('The path zonal/quiet-sampled/ and quietsampled data.\n'), []);
  });
  test('a part of a longer hyphenated run is not the closed word', () => {
    assert.deepEqual(reported('Some non-quietsampled data and quiet-sampled data.\n'), []);
  });
  test('short words and parts of one letter', () => {
    assert.deepEqual(reported('An e-mail and an email; an x-ray and an xray.\n'), []);
  });
  test('code is not prose', () => {
    assert.deepEqual(reported('The `quietsampled` flag and quiet-sampled data.\n'), []);
  });
});
