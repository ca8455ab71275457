import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMentionTokens } from '../../server/src/service/model/mentions';
import { US_STATE_CODES, isStateOrProvinceOfPlace } from '../../server/src/service/model/usStatePlaces';
import { undefinedKeys } from '../helpers/undefinedKeys';
import { createTerminologyService } from '../../server/src/service/index';

const service = createTerminologyService();
const mentionsOf = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);
/** The mentions other than the country, which is a mention (and needs no definition). */
const codesOf = (text: string) => mentionsOf(text).filter((m) => m !== 'USA');

describe('a US state postal code after a place name is part of an address', () => {
  test('the table holds the 50 states and DC, two capitals each', () => {
    assert.equal(US_STATE_CODES.size, 51);
    for (const code of US_STATE_CODES) assert.match(code, /^[A-Z]{2}$/);
  });

  const places: [string, string][] = [
    ['2. Department of Zoology, Lakeview University, Springfield, IL, USA.', 'an affiliation with the country'],
    ['Medical Centre, Jackson, MS 39216', 'a ZIP code'],
    ['Clinic of Tulsa, Tulsa, OK 74104-1234, USA', 'a ZIP+4 code'],
    ['patients were recruited in Boise, ID and Provo, UT.', 'two places joined by and'],
    ['recruited at Winston-Salem, NC from 2010 to 2012', 'a preposition after a hyphenated town'],
    ['three sites (Dover, DE; Reno, NV; Salem, OR).', 'places in a bracketed list'],
    ['the laboratory in Portland, ME.', 'a place ending the sentence'],
    ['based in Port St. Lucie, FL, and Mt. Vernon, WA, since 2013', 'a place name with a dotted short word'],
    ['Department of Zoology, Lakeview University, Glen Falls, MI', 'a town of two words after an affiliation'],
    ['recruited in Salt Lake City, UT, and Ann Arbor, MI.', 'towns of two and three words'],
    ['sites in Dover, DE, in the 2013 season through 2016 and Salem, OR, from 2016 on', 'a later site in a sentence that named an earlier one by its state'],
    ['counts went into a spreadsheet (Quillsoft, Redmond WA) for review.', "a supplier's bracket giving its town and state without a comma"],
    ['beads (Acme Bio, St. Louis MO, USA) were used.', "a supplier's town of two words, then the country"],
    ['the system (3Q, St Paul, MN) was used.', "a company's name opening with a digit"],
    ['hormone (Quarkchem, Oakville, ON) was added', "a Canadian province's code in a supplier's bracket"],
    ['swabs (Quarkware, Nanaimo, BC, Canada) were used', "a Canadian province's code, then the country"],
    ['libraries (Quarkmina, San Diego, CA USA) were sequenced', 'the country after the code without a comma'],
  ];
  for (const [text, why] of places) {
    test(`no mention: ${why}`, () => assert.deepEqual(codesOf(text), []));
  }

  const notPlaces: [string, string[], string][] = [
    ['However, MS was more common in older adults.', ['MS'], 'a sentence opener before the code'],
    ['In Boston, MS patients were enrolled.', ['MS'], 'a noun after the code: an abbreviation used in the sentence'],
    ['Results, PA.', ['PA'], 'a sentence-initial capitalised word'],
    ['However, NS was seen in most groups.', ['NS'], "a sentence opener before a province's letters"],
    ['detected by LC, MS and NMR.', ['LC', 'MS', 'NMR'], 'no capitalised place name before the code'],
    ['in two arms (Cohort A, patients with MS) alike.', ['MS'], 'lower-case words before the code in a bracket'],
    ['Between 2015 and 2019, Burkitt, FL, and mantle cell cases were pooled.', ['FL'], 'a year before the comma, no company'],
    ['beads (Acme, Redmond WA cells) were used.', ['WA'], 'words after the code before the bracket closes'],
    ['in the cohort, CT scans', ['CT'], 'a lower-case word before the comma'],
    ['Bern, UK.', ['UK'], 'not a US state code'],
    ['The disorders studied were Parkinson\'s, MS, and ALS.', ['MS', 'ALS'], 'a possessive is no place name'],
    ['Risk factors such as Diabetes, MI, or stroke were noted.', ['MI'], 'a capitalised term in a list is no place'],
    ['Sites were in Dover, DE. Later Hoechst, DC, and others stained.', ['DC'], 'a place in an earlier sentence says nothing of this one'],
    ['Risk factors such as Diabetes Mellitus, MI, or stroke were noted.', ['MI'], 'a term of two capitalised words in a list is no place'],
    ['Cells were imaged with Hoechst, DC, and T cells nearby.', ['DC'], 'a reagent in a list is no place'],
    ['We compared Western, CT and MRI.', ['CT', 'MRI'], 'a method in a list is no place'],
  ];
  for (const [text, expected, why] of notPlaces) {
    test(`still a mention: ${why}`, () => assert.deepEqual(mentionsOf(text), expected));
  }

  test('the reading looks at the code itself, not at its neighbours', () => {
    const text = 'Athens, GA, USA';
    assert.equal(isStateOrProvinceOfPlace(text, 8, 10, 'GA'), true);
    assert.equal(isStateOrProvinceOfPlace(text, 8, 10, 'XX'), false);
  });
});

describe('a state the document names after a place, alone elsewhere', () => {
  test('labels that site: no definition asked', () =>
    assert.deepEqual(undefinedKeys('Participants came from two sites (Port St. Lucie, FL, or Pittsburgh, PA) in 2019.\n\nOf them, 40 were from the FL site and 52 from the PA study site.'), []));
  test('a supplier\'s address does not make the letters a state elsewhere', () =>
    assert.deepEqual(undefinedKeys('Reagents came from Lifegen (Farmington, CT). Lesions were seen at CT, and in the FL cohort.\n\nKits came from Lifesci (Tampa, FL).'), ['CT', 'FL']));
  test('without the place anywhere, the letters stay an abbreviation', () =>
    assert.deepEqual(undefinedKeys('Of them, 40 were from the FL site and 52 from the PA site.'), ['FL', 'PA']));
  test('a document that defines the letters otherwise keeps its abbreviation', () => {
    const text = 'Sites were in Pittsburgh, PA and Reno, NV.\n\nThe PA recorded doses. A physician assistant (PA) saw each patient.';
    const found = service.lint({ uri: 'pa.md', version: 1, text }).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
    assert.ok(found.includes('used-before-definition PA'), found.join('\n'));
  });
});
