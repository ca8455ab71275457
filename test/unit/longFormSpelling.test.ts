import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { compactExpansion, foldExpansion, isSameExpansion } from '../../server/src/service/model/expansions';

const service = createTerminologyService();

/** The long forms the document model records, in order. */
function longForms(text: string): string[] {
  return service.model({ uri: 'long.md', version: 1, text }).definitions.map((d) => d.long);
}

/** The rule ids `text` raises. */
function rules(text: string): string[] {
  return service.lint({ uri: 'long.md', version: 1, text }).map((d) => d.code as string);
}

describe('emphasis markers inside a long form', () => {
  test('are taken out, not left as spaces', () => {
    assert.deepEqual(longForms('We used QOD-*scid* gamma (QSG) mice. QSG mice.\n'), ['QOD-scid gamma']);
    assert.deepEqual(longForms('The *Qzrg*-null (QZN) strain. QZN.\n'), ['Qzrg-null']);
    assert.deepEqual(longForms('A __quorum__ sensing (QS) signal. QS.\n'), ['quorum sensing']);
  });

  test('a block masked alike but written without the markers is read afresh, not from the cache', () => {
    const editing = createTerminologyService();
    const uri = 'file:///edited.md';
    editing.model({ uri, version: 1, text: 'Female QOD-*scid* gamma (QSG) mice. QSG.\n' });
    const edited = editing.model({ uri, version: 2, text: 'Female QOD- scid  gamma (QSG) mice. QSG.\n' });
    assert.deepEqual(edited.definitions.map((d) => d.long), ['QOD- scid gamma']);
  });

  test('other masked markup still leaves one space between words', () => {
    assert.deepEqual(longForms('A quorum `x` sensing (QS) signal. QS.\n'), ['quorum sensing']);
  });
});

describe('spellings of one expansion', () => {
  test('a comma between coordinate words changes nothing', () => {
    assert.equal(foldExpansion('high-affinity, non-cleavable CD16'), foldExpansion('high affinity non-cleavable CD16'));
    assert.equal(isSameExpansion('quick, bright marker', 'quick bright marker'), true);
  });

  test('spaces, superscript markers and Greek names inside a word do not count when compacted', () => {
    assert.equal(compactExpansion('NOD-scid IL2Rγ^null^'), compactExpansion('NOD scid IL2Rγ null'));
    assert.equal(compactExpansion('NOD/SCID/IL2Rgamma-null'), compactExpansion('NOD scid IL2Rγ null'));
    assert.equal(isSameExpansion('quorum sensing', 'quorumsensing'), true);
    assert.notEqual(compactExpansion('NOD scid gamma'), compactExpansion('NOD scid'));
  });

  test('a strain written in its usual long spellings does not conflict with the knowledge base', () => {
    for (const long of ['NOD-*scid* IL2Rγ^null^', 'NOD/SCID/IL2Rgamma-null', 'NOD-scid Il2rg^null^', 'NOD scid gamma']) {
      assert.deepEqual(rules(`Tumours grew in ${long} (NSG) mice. NSG mice lost weight.\n`).filter((r) => r === 'conflicting-expansion'), [], long);
    }
  });

  test('a different expansion still conflicts with the knowledge base', () => {
    assert.ok(rules('Tumours grew in NOD severe gamma (NSG) mice. NSG mice lost weight.\n').includes('conflicting-expansion'));
  });

  test('a comma in a known expansion does not conflict with the knowledge base', () => {
    const text = 'NK cells carry a high-affinity, non-cleavable CD16 (hnCD16). The hnCD16 bound well.\n';
    assert.deepEqual(rules(text).filter((r) => r === 'conflicting-expansion'), []);
  });
});
