import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { createDefinitionNeeds } from '../../server/src/service/model/definitionNeeds';
import { journalListing } from '../../server/src/service/model/journalLists';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

const service = createTerminologyService();
const data = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'standard-abbreviations.json'), 'utf8')) as {
  sources: Record<string, { name: string; url: string }>;
  abbreviations: Record<string, { expansion: string; lists: string[] }>;
};

describe('abbreviations on immunology journals\' lists of standard abbreviations (data/standard-abbreviations.json)', () => {
  test('one left undefined is a note naming the lists, with the lists\' expansion offered', () => {
    const text = 'Groups were compared by ANOVA; ANOVA tables follow.\n';
    const found = service.lint({ uri: 'j.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'information');
    assert.match(found[0]!.message, /standard abbreviations that The Journal of Immunology, The Journal of Experimental Medicine and Oxford Journals print undefined \('analysis of variance'\)/);
    assert.match(found[0]!.message, /e\.g\. 'analysis of variance \(ANOVA\)'/);
    const fixed = service.fixAll({ uri: 'j.md', version: 1, text });
    assert.equal(fixed.text, text, 'the expansion is offered, never applied by itself');
  });

  test('a term the knowledge base asks to define is lowered too when the lists hold it; others stay warnings', () => {
    assert.deepEqual(undefinedWithSeverity('Cells were labelled with CFSE; QZFSE was not used; CFSE and QZFSE again.\n'), ['CFSE information', 'QZFSE warning']);
  });

  test('where the knowledge base gives the fix its own expansion, the message quotes none of the lists\'', () => {
    const found = service.lint({ uri: 'j.md', version: 1, text: 'Cells were labelled with CFSE; CFSE faded.\n' }).filter((d) => d.code === 'undefined-abbreviation');
    assert.doesNotMatch(found[0]!.message, /diacetate/);
  });

  test('the lists are read as written: another case is another abbreviation', () => {
    assert.equal(journalListing('Anova'), undefined);
    assert.ok(journalListing('ANOVA'));
  });

  test('every entry is on two lists or more, each list a named source with its address, none exempt already', () => {
    const needs = createDefinitionNeeds();
    for (const [key, entry] of Object.entries(data.abbreviations)) {
      assert.ok(entry.lists.length >= 2, key);
      for (const list of entry.lists) assert.ok(data.sources[list]?.url.startsWith('https://'), `${key}: ${list}`);
      assert.ok(entry.expansion.length > 2, key);
      assert.equal(needs.isExempt(key), false, key);
    }
  });
});
