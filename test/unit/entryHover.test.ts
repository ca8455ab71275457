// What hover says about an entry beyond its definition: a cell line's origin and accession, a
// misidentified line's warning, and the sources of checkable facts as links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEntry } from '../../server/src/service/features/hover';
import type { TermEntry } from '../../server/src/service/knowledge/types';

const base: TermEntry = {
  id: 'qz-7',
  preferred: 'QZ-7',
  expansions: [],
  variants: [],
  discouraged: [],
  definition: 'A made-up leukaemia line used only in this test.',
  category: 'cell-lines',
  genes: [],
  related: [],
  needsDefinition: false,
};

test('a cell line: species, tissue and a linked accession', () => {
  const text = describeEntry({ ...base, cellLine: { species: 'human', tissue: 'acute myeloid leukaemia, peripheral blood', cellosaurus: 'CVCL_Z999' } }, undefined).join('\n');
  assert.match(text, /Cell line: human, acute myeloid leukaemia, peripheral blood · Cellosaurus \[CVCL_Z999\]\(https:\/\/www\.cellosaurus\.org\/CVCL_Z999\)/);
  assert.doesNotMatch(text, /Misidentified/);
});

test('a misidentified line says what it really is; no accession, no link', () => {
  const text = describeEntry({ ...base, cellLine: { species: 'human', tissue: 'said to be liver', misidentified: 'Shown by STR profiling to be a cervical carcinoma line.' } }, undefined).join('\n');
  assert.match(text, /\*\*Misidentified line:\*\* Shown by STR profiling/);
  assert.doesNotMatch(text, /cellosaurus\.org/);
});

test('sources become PubMed, doi.org and ClinicalTrials.gov links with what they support', () => {
  const sources = [
    { id: 'PMID:12345678', supports: 'first report' },
    { id: 'doi:10.1000/xyz-1', supports: 'grading scale' },
    { id: 'NCT01234567', supports: 'phase 1 trial' },
  ];
  const text = describeEntry({ ...base, sources }, undefined).join('\n');
  assert.match(text, /\[PMID 12345678\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/12345678\/\) \(first report\)/);
  assert.match(text, /\[doi:10\.1000\/xyz-1\]\(https:\/\/doi\.org\/10\.1000\/xyz-1\) \(grading scale\)/);
  assert.match(text, /\[NCT01234567\]\(https:\/\/clinicaltrials\.gov\/study\/NCT01234567\) \(phase 1 trial\)/);
});

test('an entry without them shows neither', () => {
  const text = describeEntry(base, undefined).join('\n');
  assert.doesNotMatch(text, /Cell line:|Sources:/);
});
