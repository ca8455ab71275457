import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';

// Made-up abbreviations mistyped (issue 14: `PMBC` for PBMC was reported as undefined, asking for a definition).
const service = createTerminologyService();
const undefinedFindings = (text: string) =>
  service
    .lint({ uri: 'near.md', version: 1, text })
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => ({ token: text.slice(d.start, d.end), message: d.message, severity: d.severity }));

describe('an undefined abbreviation that is a known one mistyped', () => {
  test('two neighbouring letters swapped, the intended form defined: the message names it', () => {
    const text = 'Quiet blood monocytes (QBMC) were sorted. Later, QMBC counts rose.\n';
    const [finding] = undefinedFindings(text);
    assert.equal(finding?.token, 'QMBC');
    assert.match(finding!.message, /may be a misspelling of 'QBMC' \(which the document defines\): correct it, or define it at first use\./u);
    assert.equal(finding!.severity, 'warning');
  });

  test('its quick fix writes the intended form and is never applied unattended', () => {
    const text = 'Quiet blood monocytes (QBMC) were sorted. Later, QMBCs rose.\n';
    const fixed = service.fixAll({ uri: 'near.md', version: 1, text });
    assert.equal(fixed.text, text, 'a guess is no safe fix');
    const diagnostic = service.lint({ uri: 'near.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation')!;
    const actions = service.codeActions({ uri: 'near.md', version: 1, text }, diagnostic.range);
    const respell = actions.find((a) => a.title === "Change to 'QBMC'");
    assert.ok(respell, 'offered as a quick fix');
  });

  test('a space for the hyphen before the number, in a legend the main text\'s definition does not reach: the message names the hyphened form', () => {
    const text = 'Quark factor 6 (QF-6) rose and QF-6 fell.\n\n**Figure 1.** The QF 6 level.\n';
    const [finding] = undefinedFindings(text);
    assert.equal(finding?.token, 'QF 6');
    assert.match(finding!.message, /may be a misspelling of 'QF-6' \(which the document defines\): correct it, or define it at first use\./u);
    // A number the document never writes hyphened is no such slip.
    assert.deepEqual(undefinedFindings('Quark factor 6 (QF-6) rose.\n\n**Figure 1.** The QF 7 level.\n').map((f) => f.token), ['QF']);
  });

  test('one letter written wrongly in a longer code the document writes often', () => {
    const text = 'The QECA-EU cohort came first. QECA-EU data and QECA-EU samples were read. QECE-EU was not.\n';
    const found = undefinedFindings(text).find((f) => f.token === 'QECE-EU');
    assert.match(found!.message, /may be a misspelling of 'QECA-EU' \(which the document writes 3 times\)/u);
  });

  test('a capital left out of a form the document writes often', () => {
    const text = 'QOVID-19 was common. QOVID-19 again, and QOVID-19 a third time. In QOVD-19 patients we saw more.\n';
    const found = undefinedFindings(text).find((f) => f.token === 'QOVD-19');
    assert.match(found!.message, /may be a misspelling of 'QOVID-19' \(which the document writes 3 times\)/u);
  });

  const notTypos: [string, string][] = [
    // A changed digit, a changed last character and a short form are other members or other terms.
    ['a changed digit', 'Interleukin QL-7 (QL-7) rose. QL-9 levels fell.'],
    ['a changed last letter', 'The quiet receptor IIa (QRIIa) bound. QRIIa and QRIIb did not.'],
    ['a letter change in a form of few letters', 'QL-10 levels, QL-10 again and QP-10 levels.'],
    // A form the document uses once or twice only, undefined, is no intended form; nor is a form of three letters not defined.
    ['an intended form used only twice', 'The QMBC count and the QBMC count and QBMC again.'],
    ['three letters swapped into an undefined form', 'The QCM gel and QCM stiffness and QCM again; the QMC cohort.'],
    ['a code of one family differing in its last part', 'QCGA-QRCA, QCGA-QRCA and QCGA-QRCA; QCGA-QLCA too.'],
    ['a swapped digit', 'The QX12 clone, QX12 again and QX12 once more; QX21 too.'],
    // A capital left out of the last hyphen-joined part is another member of a family; a form of three characters stays its own.
    ['a capital left out of the last part', 'QCGA-QRCA, QCGA-QRCA and QCGA-QRCA; QCGA-QRA too.'],
    ['a short form one capital shorter', 'QRTS cells, QRTS again and QRTS; the QTS cohort.'],
    // A leading letter left out is a modifier's, another term (`NMIBC` and `MIBC`); four characters are too few to guess.
    ['the first letter left out', 'Quiet-muscle bladder cancer (QMIBC), QMIBC and QMIBC; QMIBC again. MIBC was excluded.'],
    ['a form of four characters one capital shorter', 'QAPDH levels, QAPDH again and QAPDH; QPDH too.'],
  ];
  for (const [why, text] of notTypos) {
    test(`no misspelling: ${why}`, () => {
      for (const finding of undefinedFindings(`${text}\n`)) assert.doesNotMatch(finding.message, /misspelling/u, finding.token);
    });
  }

  test('a reading that lowers the finding keeps it lowered, with the hint added', () => {
    const text = 'Lysis buffer held 1 mM QMSF. Later 1 µM QMFS was added. QMSF was fresh, QMSF again.\n';
    const found = service.lint({ uri: 'near.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation' && text.slice(d.start, d.end) === 'QMFS');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'information');
    assert.match(found[0]!.message, /Or it may be a misspelling of 'QMSF'/u);
  });

  test('a gene symbol or a term the knowledge base knows is its own form, never a typo', () => {
    // PBMC is defined; PMBC is no gene. But CCR5 beside a defined CCL5 is a gene of its own.
    const text = 'We found chemokine CCL5 (CCL5) in serum. CCR5 and FPKM values, then PFKM activity.\n';
    for (const finding of undefinedFindings(text)) assert.doesNotMatch(finding.message, /misspelling/u, finding.token);
  });
});
