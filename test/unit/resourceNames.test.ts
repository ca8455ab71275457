import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { isOfficialGeneSymbol } from '../../server/src/service/knowledge/geneSymbols';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { resourceNamed } from '../../server/src/service/model/resourceNames';
import { createDefinitionNeeds } from '../../server/src/service/model/definitionNeeds';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

const service = createTerminologyService();
const listed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'resources.json'), 'utf8')).resources as Record<string, { name: string; what: string }>;

function undefinedFindings(text: string) {
  return service.lint({ uri: 'r.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
}

describe('databases, archives and agencies named in capitals (data/resources.json)', () => {
  test('a listed name used undefined is a note that gives its full name, and offers it', () => {
    const text = 'Pathways were scored against QZKB sets and KEGG maps; KEGG maps were redrawn and QZKB sets kept.\n';
    const found = undefinedFindings(text);
    assert.deepEqual(found.map((d) => d.severity), ['warning', 'information']);
    const kegg = found[1]!;
    assert.match(kegg.message, /Kyoto Encyclopedia of Genes and Genomes, a database of pathways/);
    assert.match(kegg.message, /define it at first use, e\.g\. 'Kyoto Encyclopedia of Genes and Genomes \(KEGG\)'/);
  });

  test('a reporting guideline or appraisal framework is named in full too', () => {
    const found = undefinedFindings('Screening followed PRISMA and certainty was rated with GRADE; PRISMA and GRADE tables follow.\n');
    assert.deepEqual(found.map((d) => d.severity), ['information', 'information']);
    assert.match(found[0]!.message, /Preferred Reporting Items for Systematic Reviews and Meta-Analyses, a reporting guideline for systematic reviews/);
  });

  test('its fix writes the full name in, but is never applied by itself', () => {
    const text = 'Data were deposited in the GEO and the GEO accession is given.\n';
    const actions = service.codeActions({ uri: 'r.md', version: 1, text }, { start: { line: 0, character: 27 }, end: { line: 0, character: 30 } });
    const define = actions.find((a) => /Define at first use/.test(a.title));
    assert.ok(define, 'a define action is offered');
    const fixed = service.fixAll({ uri: 'r.md', version: 1, text });
    assert.equal(fixed.text, text, 'the safe fixes leave the name as it is');
  });

  test('a name whose own article is already written is not given a second one', () => {
    const found = undefinedFindings('Tumours from the TCGA were compared with TCGA normals.\n');
    assert.match(found[0]!.message, /e\.g\. 'Cancer Genome Atlas \(TCGA\)'/);
    const bare = undefinedFindings('Tumours from TCGA were compared with TCGA normals.\n');
    assert.match(bare[0]!.message, /e\.g\. 'The Cancer Genome Atlas \(TCGA\)'/);
  });

  test('capitals not listed keep their warning; a listed name the document defines is not reported', () => {
    assert.deepEqual(undefinedWithSeverity('Samples came from QZGA and QZGA cohorts.\n'), ['QZGA warning']);
    assert.deepEqual(undefinedWithSeverity('The Gene Expression Omnibus (GEO) holds the data; GEO series are listed.\n'), []);
  });

  test('a listed name spelled out with one word changed is a conflicting expansion; other words are another sense', () => {
    const conflicts = (text: string) => service.lint({ uri: 'r.md', version: 1, text }).filter((d) => d.code === 'conflicting-expansion');
    const found = conflicts('Data came from The Cancer Genome Analysis (TCGA); TCGA again.\n');
    assert.deepEqual(found.map((d) => d.message), ["'TCGA' names The Cancer Genome Atlas (" + listed.TCGA!.what + "), not 'The Cancer Genome Analysis'."]);
    assert.deepEqual(found[0]!.data?.fixes?.map((f: { title: string; safe: boolean }) => [f.title, f.safe]), [["Use 'The Cancer Genome Atlas'", false]]);
    // The name itself, with or without its article, is no conflict; nor are words of another sense or of another length.
    assert.deepEqual(conflicts('Data came from the Cancer Genome Atlas (TCGA) and TCGA again.\n'), []);
    assert.deepEqual(conflicts('Data came from the Gene Expression Omnibus (GEO) and GEO; then the Global Epidemic Outlook (GEO2) and GEO2.\n'), []);
    assert.deepEqual(conflicts('We used the Gene Expression Omnibus data (GEO) and GEO again.\n'), []);
  });

  test('the list is written in the case it names (a lower-case word is not the resource)', () => {
    assert.equal(resourceNamed(undefined, 'Kegg'), undefined);
    assert.equal(resourceNamed(undefined, 'ncbi'), undefined);
    assert.ok(resourceNamed(undefined, 'NCBI'));
  });

  test('a name the knowledge base asks to define keeps the knowledge base reading', () => {
    const knowledge = loadBuiltinKnowledge();
    for (const name of Object.keys(listed)) assert.deepEqual(resourceNamed(knowledge, name), listed[name], `${name} is not also a term to define`);
  });

  test('no listed name is an official gene symbol, nor exempt already, and each says what it is', () => {
    const needs = createDefinitionNeeds();
    for (const [key, resource] of Object.entries(listed)) {
      assert.equal(isOfficialGeneSymbol(key), false, key);
      assert.equal(needs.isExempt(key), false, key);
      assert.ok(resource.name.length > 5 && resource.what.length > 10, key);
    }
  });

  test('letters that name other things as often in this field are not listed', () => {
    for (const key of ['CDC', 'EMA', 'EGA', 'HPA', 'ICD', 'CMS', 'GO', 'ENA', 'SRA', 'PDB', 'FAIR']) assert.equal(listed[key], undefined, key);
  });

  test('a trial or study named by the same letters is the trial', () => {
    const found = undefinedFindings('In the SPIRIT 2 trial, two drugs were compared; the SPIRIT 2 data follow.\n');
    assert.doesNotMatch(found[0]!.message, /Standard Protocol Items/);
  });
});
