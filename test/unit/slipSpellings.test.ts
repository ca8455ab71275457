import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { tokenize } from '../../server/src/service/text/tokens';

const service = createTerminologyService();

/** The slips reported in `text`, as `written -> intended`. */
function slips(text: string): string[] {
  return service
    .lint({ uri: 'slips.md', version: 1, text })
    .filter((d) => d.code === 'inconsistent-variants' && /looks like a slip/.test(d.message))
    .map((d) => `${text.slice(d.start, d.end)} -> ${/a slip for '([^']+)'/.exec(d.message)![1]}`);
}

/** A paragraph writing `word` three times, then `slip`. */
const written = (word: string, slip: string) => `We ${word} one, ${word} two and ${word} three; then ${slip} four.\n`;

describe('slips of the keys against the document\'s own words', () => {
  test('a letter left out, or two inner neighbours swapped', () => {
    assert.deepEqual(slips(written('quarkified', 'quarkfied')), ['quarkfied -> quarkified']);
    assert.deepEqual(slips(written('quarkified', 'quarkfiied')), ['quarkfiied -> quarkified']);
  });

  test('a letter added inside the word, or one vowel written for another', () => {
    assert.deepEqual(slips(written('quarkified', 'quarxkified')), ['quarxkified -> quarkified']);
    assert.deepEqual(slips(written('quarkified', 'quarkofied')), ['quarkofied -> quarkified']);
  });

  test('a sentence\'s capital counts for the word, and the fix keeps it', () => {
    const text = 'Quarkified one, quarkified two, quarkified three.\n\nQuarkfied four.\n';
    assert.deepEqual(slips(text), ['Quarkfied -> Quarkified']);
    const [finding] = service.lint({ uri: 's.md', version: 1, text }).filter((d) => d.code === 'inconsistent-variants');
    assert.deepEqual(finding!.data?.fixes?.[0]?.edits.map((e) => e.newText), ['Quarkified']);
    assert.equal(finding!.data?.fixes?.[0]?.safe, false);
  });

  test('the message names the word as the fix writes it, not as a sentence opened it', () => {
    assert.deepEqual(slips('Quarkably, one. Quarkably, two. Quarkably, three; and then quarkeably four.\n'), ['quarkeably -> quarkably']);
  });

  test('two uses of the slip are one finding whose fix writes both', () => {
    const text = 'Quarkified cells, quarkified rods, quarkified beads, quarkified films, quarkified dust and quarkified foam; quarkfied ink and quarkfied wax.\n';
    const found = service.lint({ uri: 's.md', version: 1, text }).filter((d) => d.code === 'inconsistent-variants');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.data?.fixes?.[0]?.edits.length, 2);
  });

  const notSlips: [string, string][] = [
    ['a vowel changed near the end, where endings differ', written('quarkified', 'quarkifiod')],
    ['a letter added near the end', written('quarkified', 'quarkifiead')],
    ['a consonant changed makes other words too', written('quarkified', 'quarkitied')],
    ['a vowel of a suffix changed names another compound (-ose, -ase)', written('quarkulose', 'quarkulase')],
    ['a letter doubled is a spelling', written('quarkified', 'quarkiffied')],
    ['a vowel changed in a word of seven letters', written('quakine', 'quokine')],
    ['a slip in the first two letters', written('quarkified', 'qaurkified')],
    ['a slip in the last two letters, where endings differ', written('quarkified', 'quarkifide')],
    ['a doubled letter written once is a spelling', written('quarkallized', 'quarkalized')],
    ['British and American forms are spellings', written('haematology', 'hematology')],
    ['a word before -ment with and without its e', written('quarkjudgement', 'quarkjudgment')],
    ['words shorter than seven letters', written('quarks', 'qarks')],
    ['the word written twice is no majority', 'We quarkified one and quarkified two; then quarkfied three.\n'],
    ['a hyphen-joined part keeps its spelling', written('quarkified', 'pre-quarkfied')],
    ['capitals inside a word', written('quarkified', 'QuarkFied')],
    ['a call in code-like prose', written('quarkified', 'quarkfied()')],
  ];
  for (const [name, text] of notSlips) test(`no slip: ${name}`, () => assert.deepEqual(slips(text), []));

  test('a name is read too: a genus written once with a letter left out', () => {
    assert.deepEqual(slips('Quarkobacter grew; Quarkobacter spread; Quarkobacter died. Later Quarkbacter returned.\n'), ['Quarkbacter -> Quarkobacter']);
  });

  test('a form the knowledge base knows is left to its rules', () => {
    // `allogenic` is a discouraged spelling of allogeneic: discouraged-variant speaks for it.
    assert.deepEqual(slips(`${written('allogeneic', 'allogenic')}`), []);
  });

  test('a slip two words could give is read as neither', () => {
    // `quarkiing` is `quarkiting` and `quarkiking` with a letter left out.
    const text = `${written('quarkiting', 'quarkiing')}${written('quarkiking', 'quarkiing')}`;
    assert.deepEqual(slips(text), []);
  });
});

describe('words counted by hash', () => {
  test('two words that share a folded hash are neither counted as the other', () => {
    // `lgjulnca` and `patients` share the token pass's FNV-1a hash.
    const { foldedHashes } = tokenize('lgjulnca patients');
    assert.equal(foldedHashes[0], foldedHashes[1]);
    assert.deepEqual(slips('One of our patients relapsed. The lgjulnca and lgjulnca values rose; pateints left.\n'), []);
    assert.deepEqual(slips('Our patients relapsed, patients stayed, patients left; pateints came.\n'), ['pateints -> patients']);
  });
});

describe('words written on purpose', () => {
  test('an English word that is one slip from another is never guessed at', () => {
    assert.deepEqual(slips('Counts decreased, decreased again and decreased once more; two patients were deceased by day 100.\n'), []);
    assert.deepEqual(slips('NK depletion, depletion again and depletion once more; deletion of the receptor followed.\n'), []);
  });
  test('words of the sciences one letter apart are written on purpose too', () => {
    assert.deepEqual(slips('Cystine rose, cystine fell, cystine again and cystine once more; cysteine stayed.\n'), []);
    assert.deepEqual(slips('After thoracotomy, thoracotomy wounds and thoracotomy pain, a tube thoracostomy was placed.\n'), []);
  });
  test('an English word a vowel or an added letter away from another is never guessed at', () => {
    assert.deepEqual(slips('The dependent variable, the dependent term and the dependent count; one dependant too.\n'), []);
  });
  test('a ligature\'s letter added is a spelling, not a slip', () => {
    assert.deepEqual(slips('Leukemia, leukemia and leukemia were seen; leukaemia once.\n'), []);
  });
  test('a ligature\'s letter or an -ium left out is a spelling, not a slip', () => {
    assert.deepEqual(slips('Anaesthesia, anaesthesia and anaesthesia were given. The Department of Anesthesia agreed.\n'), []);
    assert.deepEqual(slips('Aluminium, aluminium and aluminium were used; aluminum too.\n'), []);
  });
});
