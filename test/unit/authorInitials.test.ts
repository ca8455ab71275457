import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { undefinedKeys } from '../helpers/undefinedKeys';

const frontMatter = '---\ntitle: A review\nauthor:\n  - name: Qara F Kasem\n  - name: Zeyd B Alqen\n  - Mira Elgen\n---\n\n';
const authorsSection = '# A review\n\n# Authors\n\nQara F Kasem^1^, Zeyd B Alqen^1^ ^\\*^, Rania QM Ahmed^2^\n\n# Methods\n\n';

describe('authors named by their initials', () => {
  test('initials of front-matter authors in a list, or after the word authors, are people', () => {
    assert.deepEqual(undefinedKeys(`${frontMatter}Two authors (QFK, ZBA, ME) screened the records. QFK and ZBA wrote the draft.`), []);
    assert.deepEqual(undefinedKeys(`${frontMatter}Disagreements were settled by a third reviewer, ME.`), []);
  });

  test('authors keyed by name with their degrees (scholarly-metadata), named in their parts after a colon', () => {
    const keyed = '---\ntitle: A review\nauthor:\n  - Qara Zonway PhD:\n      email: q@x.org\n  - Zeyd Bittner MD, PhD:\n      institute: [QU]\n  - Mira Elgen MScN:\n      institute: [QU]\n---\n\n';
    assert.deepEqual(undefinedKeys(`${keyed}Author contributions:\nQZ: study design, analysis; ZB: data extraction; ME: revised the manuscript.\n\nZB is supported by a merit award.\n`), []);
    // Not an author, or not at a part's start: an abbreviation still.
    assert.deepEqual(undefinedKeys(`${keyed}Author contributions:\nQX: study design; the QZ samples were lost.\n`), ['QX', 'QZ']);
    // A value after the colon, or a semicolon's part on a line no author's part opens: measures, not people.
    const plain = '---\nauthor:\n  - name: Laura Vance\n  - name: Eric Fox\n---\n\n';
    assert.deepEqual(undefinedKeys(`${plain}Sizes (QA: 35 mm; LV: 48 mm) were normal in all patients; EF: 58% (range 52-66%).\n`), ['QA', 'LV', 'EF']);
  });

  test('initials of an Authors section, whose names are no prose themselves', () => {
    assert.deepEqual(undefinedKeys(`${authorsSection}Two authors (QFK, RQMA) assessed each article; two reviewers (QK and ZA) resolved disputes.`), []);
  });

  test('letters that are no author, or an author\'s letters outside any list of authors, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys(`${frontMatter}Two authors (QFK, QXZ) screened; ME patients were counted.`), ['QXZ', 'ME']);
  });

  test('two-letter initials next to each other, or letters the knowledge base knows, stay terms', () => {
    const authors = '---\ntitle: A review\nauthor:\n  - Carla Tanaka\n  - Mario Rossi\n  - Quinn Zed\n---\n\n';
    assert.deepEqual(undefinedKeys(`${authors}Patients underwent QZ, MR and PET imaging; two reviewers screened CT trials.`), ['QZ', 'MR', 'PET', 'CT']);
  });
  test("a bold Authors line names the list, and an item opening with an author's initials and a colon gives that author's part", () => {
    const bold = '# A study\n\n**Authors**\n\n* W. Qane Billow$^{1,2}$ (ORCID: 0000-0002-0184-6134);\n* Amara L. Skell$^{3}$\n\n**Funding sources**:\n\n- WQB: none declared\n- ALS: funded by a trust\n\n# Introduction\n\nThe QXZ rose.\n';
    assert.deepEqual(undefinedKeys(bold), ['QXZ']);
    // Not an author's initials: an abbreviation.
    assert.deepEqual(undefinedKeys(bold.replace('- ALS: funded', '- QLS: funded')), ['QLS', 'QXZ']);
  });
  test('without an author list, initials alone in a role\'s bracket are people; elsewhere they are abbreviations', () => {
    assert.deepEqual(undefinedKeys('One reviewer (QL) screened titles; two authors (QFK, ZBA) checked them.'), []);
    assert.deepEqual(undefinedKeys('Two groups (QFK, ZBA) screened the records; reviewers (QR, 5 days) met.'), ['QFK', 'ZBA', 'QR']);
    // Not counted, the role's bracket may name a committee.
    assert.deepEqual(undefinedKeys('Progression was assessed by the investigators (QRC) and by central reviewers (QICR).'), ['QRC', 'QICR']);
  });
});

describe('authors named by their initials after a team or a screening role', () => {
  const twoLetterAuthors = '---\ntitle: A protocol\nauthor:\n  - name: "Dara Sel"\n    orcid: "0000-0000-0000-0000"\n  - name: "Rima Rowe"\n---\n\n';
  test('two-letter initials of authors after the study team, screeners or assessors are people', () => {
    assert.deepEqual(undefinedKeys(`${twoLetterAuthors}Assessments were made by two members of the study team (DS and RR). Then more.\n`), []);
    assert.deepEqual(undefinedKeys(`${twoLetterAuthors}Titles were read by the screeners (DS, RR) first.\n`), []);
  });
  test('without an author list, a team\'s bracket names the team as often as people: the letters stay', () => {
    assert.deepEqual(undefinedKeys('Two members of the study team (QD and QR) screened records.\n'), ['QD', 'QR']);
    assert.deepEqual(undefinedKeys('Two members of the care team (QCU) met; QCU again.\n'), ['QCU']);
  });
});

describe('authors named by their initials in a funding statement', () => {
  const oneString = '---\ntitle: A trial\nauthor: "Quill Garr, Zana Bell, Dov Gale, and Ari Oko"\n---\n\n';
  test('an author string listing every name gives each author\'s initials; a funding verb after them names people', () => {
    assert.deepEqual(undefinedKeys(`${oneString}QG, ZB, and DG are partially supported by a grant. AO was funded by a trust. ZB is supported by a school.\n`), []);
  });
  test('an author who acknowledges funding, holds a fellowship or received a grant is a person', () => {
    assert.deepEqual(undefinedKeys(`${oneString}QG acknowledges funding from a trust. ZB gratefully acknowledges support from a school. DG holds a research fellowship; AO received a grant.\n`), []);
    assert.deepEqual(undefinedKeys(`${oneString}QG received funding from a trust. ZB holds an ERC Starting Grant. DG holds a Marie Curie fellowship. AO is the recipient of a grant.\n`), ['ERC']);
    // Letters that are no author's stay abbreviations.
    assert.deepEqual(undefinedKeys(`${oneString}QX acknowledges funding from a trust.\n`), ['QX']);
  });
  test('letters that are no author\'s stay abbreviations, however they are funded', () => {
    assert.deepEqual(undefinedKeys(`${oneString}QX and QG are supported by a grant. The QZP was funded by a trust.\n`), ['QX', 'QZP']);
  });
  test('after an article the letters name an institution, not an author', () => {
    const cole = '---\ntitle: A trial\nauthor: "Ana Maria Cole, Bo Tran and Rui Lin"\n---\n\n';
    assert.deepEqual(undefinedKeys(`${cole}Patients were recruited at the AMC. The AMC is funded by the state.\n`), ['AMC']);
  });
  test('without an author list the funding verb names nobody', () => {
    assert.deepEqual(undefinedKeys('QG and DG are partially supported by a grant.\n'), ['QG', 'DG']);
  });
});

describe('a contribution statement written with initials', () => {
  test('two statements or more in a paragraph name people, with or without an author list', () => {
    const text = '## Contributions\n\nQS conceived the project.\nQH, QB and QS performed the acquisition.\nQE and QH analyzed the data.\nQT and QS contributed to writing.\n';
    assert.deepEqual(undefinedKeys(text), []);
  });
  test('one such sentence alone, or letters that are no list of initials, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('QCT performed well in the cohort.\n'), ['QCT']);
    assert.deepEqual(undefinedKeys('QS conceived the project. The QPCR assay analyzed nothing.\n'), ['QS', 'QPCR']);
    // Methods and results write such verbs of their terms: without a verb only authors take, no statement.
    assert.deepEqual(undefinedKeys('QT performed at week 8 showed a response. QRI performed at baseline excluded spread. Response by QT held.\n'), ['QT', 'QRI']);
    assert.deepEqual(undefinedKeys('QSC generated here were co-cultured. QCR analyzed by sequencing was oligoclonal.\n'), ['QSC', 'QCR']);
  });
  test('with an author list, only its initials are read so', () => {
    const authors = '---\ntitle: A study\nauthor:\n  - Quin Sato\n  - Quentin Hale\n---\n\n';
    assert.deepEqual(undefinedKeys(`${authors}QS conceived the project. QH and QXT wrote the draft.\n`), ['QXT']);
  });
});

describe('the authors\' own organisation, named in their affiliations', () => {
  const withAffiliation = (affiliation: string, body: string) =>
    `---\ntitle: A study\nauthor:\n  - name: Ann Lee\n    affiliations:\n      - name: ${affiliation}\n---\n\n# Methods\n\n${body}\n`;
  test('capitals written in an affiliation with the words of its name are that organisation in the text', () =>
    assert.deepEqual(undefinedKeys(withAffiliation('QeMM Research Center for Molecular Medicine, Vienna', 'Libraries were sequenced at QeMM.')), []));
  test('a byline list of affiliations marked by superscripts counts too', () => {
    const text = '---\ntitle: A study\nauthor:\n  - Ann Lee^1^\n  - ^1^QNRS Institute of Biology, Paris, France\n---\n\n# Methods\n\nSamples were kept at QNRS.\n';
    assert.deepEqual(undefinedKeys(text), []);
  });
  test('capitals the affiliations do not write stay abbreviations, and so do the authors\' names', () =>
    assert.deepEqual(undefinedKeys(withAffiliation('QeMM Research Center, Vienna', 'Libraries were sequenced at QeMM and scored by QRX.')), ['QRX']));
  test('a key the knowledge base asks to define stays one', () =>
    assert.deepEqual(undefinedKeys(withAffiliation('CAR Research Center, Vienna', 'Cells carried a CAR.')), ['CAR']));
});
