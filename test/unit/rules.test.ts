import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, createTerminologyService } from '../../server/src/service/index';
import { parseMarked } from '../helpers/marked';
import { undefinedKeys } from '../helpers/undefinedKeys';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { createDefinitionNeeds } from '../../server/src/service/model/definitionNeeds';
import { buildDocumentModel } from '../../server/src/service/model/documentModel';
import { runRules } from '../../server/src/service/rules/index';
import { ScopeDefinitions } from '../../server/src/service/model/scopeDefinitions';
import type { RuleContext } from '../../server/src/service/rules/types';

const service = createTerminologyService();
const root = join(__dirname, '..', '..');

/** Checks that `rule` reports exactly the «marked» ranges of `source` (a markdown document). */
function check(rule: string, source: string, uri = 'test.md'): void {
  const { text, ranges } = parseMarked(source);
  const diagnostics = service.lint({ uri, version: 1, text }).filter((d) => d.code === rule);
  assert.deepEqual(
    diagnostics.map((d) => `${text.slice(d.start, d.end)}@${d.start}`),
    ranges.map((r) => `${text.slice(r.start, r.end)}@${r.start}`),
    `${rule} in ${JSON.stringify(text)}:\n${diagnostics.map((d) => d.message).join('\n')}`,
  );
}

/** Applies the first fix of the first `rule` diagnostic and returns the text. */
function fixed(rule: string, text: string, fixIndex = 0): string {
  const diagnostic = service.lint({ uri: 'fix.md', version: 1, text }).find((d) => d.code === rule);
  assert.ok(diagnostic, `${rule} reported in ${JSON.stringify(text)}`);
  const fix = diagnostic.data?.fixes?.[fixIndex];
  assert.ok(fix, `${rule} offers fix ${fixIndex}`);
  const model = service.model({ uri: 'fix.md', version: 1, text });
  return applyEdits(text, fix.edits.map((e) => ({ start: model.lines.offsetAt(e.range.start), end: model.lines.offsetAt(e.range.end), newText: e.newText })));
}

/** Markdown constructs that hide whatever they contain from every rule. */
const HIDDEN = (inner: string) =>
  `---\nauthor: ${inner}\n---\n\nProse \`${inner}\` and <!-- ${inner} --> and [link](https://x.org/${encodeURIComponent(inner)}) [@${inner.replace(/\W/g, '')}2020] @fig-${inner.replace(/\W/g, '')} $${inner.replace(/\s/g, '')}$.\n\n\`\`\`\n${inner}\n\`\`\`\n`;

describe('conflicting-expansion', () => {
  test('differs from an earlier definition', () =>
    check('conflicting-expansion', 'Peripheral blood (PB) cells. Later the «piggyBac» (PB) transposon was used with PB.'));
  test('differs from every expansion the knowledge base accepts', () =>
    check('conflicting-expansion', 'We saw «immune cell-associated neurologic syndrome» (ICANS) and ICANS again.'));
  test('accepted variants: the other expansion, case, plural, hyphens and UK spelling', () => {
    check('conflicting-expansion', 'Antibody-dependent cell-mediated cytotoxicity (ADCC) rose; ADCC fell.');
    check('conflicting-expansion', 'Natural killer (NK) cells and NK cells.');
    check('conflicting-expansion', 'Tumour necrosis factor alpha (TNF-α) and TNF-α.');
    // The knowledge base's word-order variant of regulatory T cell.
    check('conflicting-expansion', 'Suppressor cells and T regulatory (Treg) cells; Tregs expand.');
  });
  test('another sense of the letters, with no word in common with the known expansions, is not a conflict', () => {
    check('conflicting-expansion', 'Each code change went through a pull request (PR), and every PR was reviewed.');
    check('conflicting-expansion', 'Carriers of Li-Fraumeni syndrome (LFS) were excluded; LFS is rare.');
    // A word in common: the same term, written wrongly.
    check('conflicting-expansion', 'Responses were «partial regressions» (PR); PR rates rose.');
  });
  test('a misspelt long form of a term the knowledge base knows (ARDS, GSVA)', () => {
    check('conflicting-expansion', 'Some developed «acute respiratory disease syndrome» (ARDS); ARDS was treated.');
    check('conflicting-expansion', 'Scores came from «gene set variant analysis» (GSVA); GSVA ranked them.');
    check('conflicting-expansion', 'Some developed acute respiratory distress syndrome (ARDS); ARDS was treated.');
    check('conflicting-expansion', 'Scores came from gene set variation analysis (GSVA); GSVA ranked them.');
  });
  test('a long form read without a leading word the short form takes no letter from is the same term', () => {
    check('conflicting-expansion', 'The common γ-chain (γ~c~) family binds; γ~c~ signals.');
    // A long form that ends like the known one but begins with another word is still a conflict.
    check('conflicting-expansion', 'We saw «immune cell-associated neurologic syndrome» (ICANS) and ICANS again.');
  });
  test('a conflict said once: a later definition repeating the conflicting expansion adds nothing; another one does', () => {
    check(
      'conflicting-expansion',
      '## Abstract\n\nQuark zonal transfer (QZT) helps.\n\n# Introduction\n\n«Quark zone transfer» (QZT) helps, and QZT again.\n\n**Table 1.** Quark zone transfer (QZT) outcomes, and QZT rates.\n\nLater, «quiet zonal transfer» (QZT) too.',
    );
  });
  test('not triggered by hidden constructs', () => check('conflicting-expansion', HIDDEN('immune cell-associated neurologic syndrome (ICANS)')));
  test('fix replaces the expansion (not applied automatically)', () => {
    const text = 'We saw immune cell-associated neurologic syndrome (ICANS) and ICANS again.';
    assert.equal(fixed('conflicting-expansion', text), 'We saw immune effector cell-associated neurotoxicity syndrome (ICANS) and ICANS again.');
  });
});

describe('a Greek letter written in math inside a word', () => {
  test('reads as the letter: a definition and its uses hold together', () => {
    check('undefined-abbreviation', 'Quark factor kappa B (QF-$\\kappa$B) binds; later QF-$\\kappa$B and «IL-1$\\beta$» with the $\\beta$ chain and «QZB-$\\gamma$».');
    check('unused-abbreviation', 'Quark factor kappa B (QF-$\\kappa$B) binds; later QF-$\\kappa$B rose, and extended-spectrum $\\beta$-quarkase producers («ESBQ») stay.');
  });
  test('no message, datum, list or fix carries the masked text; a fix writes the letter', () => {
    const text = 'Quark factor kappa B (QF-$\\kappa$B) binds. Later quark factor kappa B (QF-$\\kappa$B) rose, and QZB-$\\gamma$ and QF-$\\kappa$B too.';
    const found = service.lint({ uri: 'g.md', version: 1, text });
    assert.deepEqual(found.map((d) => d.code).sort(), ['redefined-abbreviation', 'undefined-abbreviation']);
    assert.ok(!JSON.stringify(found).includes('\u034f'), JSON.stringify(found));
    assert.ok(found.some((d) => d.message.includes("'QF-κB'")) && found.some((d) => d.message.includes("'QZB-γ'")));
    const report = service.abbreviations({ uri: 'g.md', version: 1, text });
    assert.ok(!JSON.stringify(report).includes('\u034f'));
    const placeholder = service.prepareRename({ uri: 'g.md', version: 1, text }, { line: 0, character: 26 })?.placeholder;
    assert.equal(placeholder, 'QF-κB');
    const fixed = service.fixAll({ uri: 'g.md', version: 1, text }).text;
    assert.equal(fixed, 'Quark factor kappa B (QF-$\\kappa$B) binds. Later QF-κB rose, and QZB-$\\gamma$ and QF-$\\kappa$B too.');
  });
});

describe('a short form that spells its head noun in its bracket', () => {
  test('no fix moves or collapses it: the noun would be left behind', () => {
    for (const text of ['We saw QSBL first. Quark-spectrum beta-lactamase-producers (QSBL-producers) grew. QSBL rose.', 'We saw QEF first. Quark embryonic fibroblast cells (QEF cells) grew. QEF rose.']) {
      const found = service.lint({ uri: 'n.md', version: 1, text });
      assert.deepEqual(found.map((d) => d.code), ['used-before-definition'], text);
      assert.equal(found[0]!.data?.fixes, undefined, text);
      assert.ok(!found[0]!.message.includes("-'"), found[0]!.message);
      assert.equal(service.fixAll({ uri: 'n.md', version: 1, text }).text, text);
    }
  });
});

describe('a short form written as a citation prefix', () => {
  test('defines the abbreviation as a bracket would, and the later use is no first use', () =>
    check('undefined-abbreviation', 'We used Quark Health Surveys [QHS; @measure2012] and Quark Impact Assessment [QIA, @phia]. Both QHS and QIA collect data; «QZX» [see @x] does not.'));
});

describe('a family\'s short form before a subtype\'s label in one bracket', () => {
  const text =
    'Quokkomas (QK) vary. Posterior fossa quokkomas (QK, PF A) and myxopapillary quokkomas (QK, MQ) differ; ' +
    'quokkomas with myogenic differentiation (QK, MYD) too. MQ, MYD and QK grew.\n';
  test('is no second definition of the family', () => check('redefined-abbreviation', text));
  test('the words glossing such a bracket are no repeat of the family\'s long form', () => check('long-form-after-abbreviation', text));
  test('the label is introduced by the words before the bracket', () => check('undefined-abbreviation', text));
  test('a label the words do not spell leaves the bracket a redefinition; a bracket of the short form alone is no gloss', () => {
    check('redefined-abbreviation', 'Acute quokka leukaemia (AQL) was studied. Patients with acute quokka leukaemia («AQL», FLT3-ITD) relapsed; AQL again.\n');
    check('long-form-after-abbreviation', 'Minimal quokka disease (MQD) was low; MQD fell. We measured «minimal quokka disease» in every patient (MQD) after consolidation.\n');
  });
  test('a label written among the words before the bracket names the subtype too', () =>
    check('redefined-abbreviation', 'Quokkomas (QK) vary. We saw SHQ-activated quokkomas (QK, SHQ) and QK again.\n'));
  test('the labels after two undefined short forms are a list, not a subtype', () =>
    check('undefined-abbreviation', 'Cells got neurotrophic quokka factors («BQNF», «NQF») daily.\n'));
  test('a repeat with no label after it, and a long form the bracket does not gloss, still are', () => {
    check('redefined-abbreviation', 'Quokkomas (QK) vary. Later, spinal quokkomas («QK») were seen, and QK again.\n');
    check('long-form-after-abbreviation', 'Quokkomas (QK) vary; QK grew. Many «quokkomas» were seen (Figure 2), and QK again.\n');
  });
});

describe('a long form spelt out inside the expansion of a compound that holds its short form', () => {
  test('introduces the compound, as its definition must: no repeat', () => {
    check('long-form-after-abbreviation', 'Samples went through quokka spectrometry (QS). QS is fast. Sera were read by ultra liquid zorbography/tandem quokka spectrometry (ULZ-QS/QS) and by liquid zorbography-quokka spectrometry (LZ-QS).\n');
  });
  test('a line break before the bracket is white space; after a function word the words are a repeat', () => {
    check('long-form-after-abbreviation', 'Samples went through quokka spectrometry (QS). QS is fast. Sera were read by ultra liquid zorbography/tandem quokka spectrometry\n(ULZ-QS/QS). Cells were read by «quokka spectrometry» (LZ-QS).\n');
  });
  test('a bracket of the short form alone, or of a compound without it, leaves the words a repeat', () => {
    check('long-form-after-abbreviation', 'Samples went through quokka spectrometry (QS). QS is fast. Later «quokka spectrometry» (ZR-ZT) and «quokka spectrometry» (QSX) were used.\n');
  });
});

describe('a loose letter pairing the document contradicts is no definition', () => {
  // `quill types (QL)`: Q and L both from one word, the last word giving none; the document defines QL otherwise by its word starts.
  const contradicted =
    '# Methods\n\nWe mapped «QL» terms first. Ontologies exist for phenotypes (QPO) and quill types («QL»), which help. Many quill types were seen.\n\n' +
    'Terms were aligned to the Quill Lexicon (QL) and QL again. Some quill types grew; other quill types, and all quill types, shrank.\n';
  test('the firm definition is the definition: no conflict, no redefinition, no repeats of the loose words', () => {
    check('conflicting-expansion', contradicted.replace(/[«»]/gu, ''));
    check('redefined-abbreviation', contradicted.replace(/[«»]/gu, ''));
    check('long-form-after-abbreviation', contradicted.replace(/[«»]/gu, ''));
  });
  test('the uses before it, the bracket included, come before its definition', () => {
    const found = service.lint({ uri: 'test.md', version: 1, text: contradicted.replace(/[«»]/gu, '') }).filter((d) => d.code === 'used-before-definition');
    assert.deepEqual(found.map((d) => d.message), ["'QL' is used before it is defined in the main text (defined on line 5 as 'Quill Lexicon'; 2 uses come first)."]);
  });
  test('a loose pairing alone is a definition, and two firm definitions still conflict', () => {
    check('undefined-abbreviation', 'Ontologies exist for quill types (QL), which help; QL again.\n');
    check('conflicting-expansion', 'The Quill Lexicon (QL) helps; QL again. Later the «Quartz Layer» (QL) and QL.\n');
  });
  test('a loose pairing whose words are not written again, or a one-word reading against it, still conflicts', () => {
    // `Standardized FEV1 (SD)` beside `standard deviation (SD)`: the loose words are not prose the text repeats.
    check('conflicting-expansion', 'The Quantized QEV1 (QD) fell; QD rose. Values are mean and «quantum deviation» (QD); QD again.\n');
    // A one-word reading is no firmer than a loose one: `intraperitoneal injection (IP)` beside `immunoprecipitation (IP)`.
    check('conflicting-expansion', 'Mice got quintraperitoneal injection (QP) daily; QP dosing. Then «quimmunoprecipitation» (QP) and QP; quintraperitoneal injection again, quintraperitoneal injection twice, quintraperitoneal injection thrice.\n');
  });
});

describe('long-form-after-abbreviation', () => {
  test('a long form that lends its head to a modifier before it is no repeat; one standing alone is', () => {
    check(
      'long-form-after-abbreviation',
      'We ran single-cell quokka sequencing (scQS) and scQS again. Later, single-nucleus and single-cell quokka sequencing, then multi-cell, single-cell quokka sequencing, and «single-cell quokka sequencing» alone, then tissue and «single-cell quokka sequencing» in turn, ' +
        'then bulk-tissue or «single-cell quokka sequencing», then QL-6 and «single-cell quokka sequencing». So scQS won.\n',
    );
  });
  test('an organisation as the author of a citation typed by hand keeps its name', () =>
    check(
      'long-form-after-abbreviation',
      'Data came from the Quokka Health Organisation (QHO); QHO reported. Its report (Quokka Health Organisation 2014) and Quokka Health Organisation (2015) say so (e.g. Quokka Health Organisation, 2016a; others). Later «Quokka Health Organisation» staff, and «Quokka Health Organisation» in 2014 too.\n',
    ));
  test('a template value is not a repeat', () =>
    check('long-form-after-abbreviation', 'Daratumumab (DARA) is given; {{trial_daratumumab_count}} and {{ daratumumab }} trials use DARA.'));
  test('a letter given to a quantity named by one common word is a symbol: the word later is no repeat', () =>
    check('long-form-after-abbreviation', 'A percentage (P) of visits is tested, P = 0.3. We report the percentage of alerts; the probability (Pr) of detection and the probability of error.'));
  test('a short form of two capitals for one word still has its repeats', () =>
    check('long-form-after-abbreviation', 'Quarkinoma (QK) grows; QK cells divide. Later «quarkinoma» cells, and «Quarkinoma» again.'));
  test('a work\'s title in italics or bold, or a bold run-in head of a list item, keeps its words', () =>
    check(
      'long-form-after-abbreviation',
      'Quarkinoma disease (QKD) is common; QKD recurs.\n\n' +
        '* Abbott S. *Exploring the effects of vaccination in patients with quarkinoma disease: a study*, Vaccine.\n' +
        '* **Explore global quarkinoma disease**: an app showing QKD data.\n\n' +
        'We saw «quarkinoma disease» again, and *«quarkinoma disease»* was stressed, as was **the «quarkinoma disease» here**.',
    ));
  test('a title in title case may be short and open with the long form; a stressed phrase of as many words is no title', () =>
    check(
      'long-form-after-abbreviation',
      'Quarkinoma Disease (QKD) is common; QKD recurs.\n\n' +
        'As reviewed in *Quarkinoma Disease in the Era of Cell Therapy* (2021), it fell. We saw *patients with «quarkinoma disease» overall* here.',
    ));
  test('after a heading\'s definition and uses of the short form, a long form is a repeat', () =>
    check(
      'long-form-after-abbreviation',
      '# Methods\n\n## Minimal Quokka Disease (MQD) Monitoring\n\nMQD was measured; MQD fell and MQD rose. Patients negative for «minimal quokka disease» did well.\n',
    ));
  test('after a definition in a heading, the text introduces the term once more; later repeats are repeats', () =>
    check(
      'long-form-after-abbreviation',
      '# Methods\n\n## Quark-Maximisation (QM) Algorithm\n\nWe follow an approach called _quark-maximisation_ or QM. Then QM ran, and «quark-maximisation» converged.\n',
    ));
  test('a repeat beside a template value still is', () =>
    check('long-form-after-abbreviation', 'Daratumumab (DARA) is given; {{trial_count}} trials use «daratumumab» with DARA.'));
  test('after an abbreviation never used, the unused finding speaks for the repeats: one problem, one diagnostic', () => {
    const text = 'The quark seroconversion rate (QSR) rose.\nThe quark seroconversion rate fell, and the quark seroconversion rate rose.';
    check('long-form-after-abbreviation', text);
    const found = service.lint({ uri: 'a.md', version: 1, text });
    const unused = found.filter((d) => d.code === 'unused-abbreviation');
    assert.equal(unused.length, 1);
    assert.match(unused[0]!.message, /its long form is written out 2 more times after it \(line 2\): use 'QSR' there, or drop it and write the long form alone\.$/u);
    const once = 'The quark seroconversion rate (QSR) rose. The quark seroconversion rate fell.\n\nAnd the quark seroconversion rate rose.';
    const alone = service.lint({ uri: 'a.md', version: 1, text: once });
    assert.deepEqual(alone.map((d) => d.code), ['unused-abbreviation']);
    assert.match(alone[0]!.message, /written out 2 more times after it \(lines 1 and 3\)/u);
    // With unused-abbreviation off, each repeat is reported as before.
    const off = service.lint({ uri: 'a.md', version: 1, text: once }, { rules: { 'unused-abbreviation': 'off' } });
    assert.deepEqual(off.map((d) => d.code), ['long-form-after-abbreviation', 'long-form-after-abbreviation']);
  });
  test('many repeats of a never-used abbreviation: five lines named, the rest counted', () => {
    const text = ['The quark seroconversion rate (QSR) rose.', ...Array.from({ length: 8 }, () => 'The quark seroconversion rate fell.')].join('\n\n');
    const unused = service.lint({ uri: 'a.md', version: 1, text }).filter((d) => d.code === 'unused-abbreviation');
    assert.match(unused[0]!.message, /8 more times after it \(lines 3, 5, 7, 9, 11 and 3 more\)/u);
  });
  test('a long form opening a sentence is the author\'s choice; in the middle of one it is a repeat', () => {
    check('long-form-after-abbreviation', 'Quark otitis media (QOM) is common. QOM recurs. Quark otitis media is the main outcome.\n\nQuark otitis media recurs; QOM again.');
    check('long-form-after-abbreviation', 'Quark otitis media (QOM) is common. QOM recurs, and «quark otitis media» is the main outcome; e.g. «quark otitis media» in infants.');
  });
  test('the long form again after the definition', () =>
    check('long-form-after-abbreviation', 'Cytokine release syndrome (CRS) occurs. CRS is graded. Severe «cytokine release syndrome» is rare.'));
  test('before the definition, in headings, and in other scopes: not reported', () =>
    check(
      'long-form-after-abbreviation',
      '---\nabstract: Cytokine release syndrome (CRS) is rare, and CRS is mild.\n---\n\n# Results\n\nCytokine release syndrome is first named here. Later cytokine release syndrome (CRS) was defined and CRS graded.\n\n## Cytokine release syndrome\n\nCRS again.',
    ));
  test('word boundaries: interleukin-21 is not interleukin-2', () =>
    check('long-form-after-abbreviation', 'Interleukin-2 (IL-2) and IL-2 help; interleukin-21 differs.'));
  test('word starts: not after a letter, digit, hyphen or astral letter; again after punctuation', () =>
    check(
      'long-form-after-abbreviation',
      'Cytokine release syndrome (CRS) occurs and CRS is graded. Xcytokine release syndrome, 2cytokine release syndrome, anti-cytokine release syndrome, \u0345cytokine release syndrome and \u{1D402}cytokine release syndrome are not it, but (“«cytokine release syndrome»”) is.',
    ));
  test('inside another definition’s long form: not reported', () =>
    check('long-form-after-abbreviation', 'Natural killer (NK) cells and NK cells differ from natural killer T (NKT) cells, and NKT cells.'));
  test('fix uses the abbreviation and keeps a plural', () => {
    assert.equal(
      fixed('long-form-after-abbreviation', 'Induced pluripotent stem cell (iPSC) lines and iPSC banks. Many induced pluripotent stem cells grew.'),
      'Induced pluripotent stem cell (iPSC) lines and iPSC banks. Many iPSCs grew.',
    );
  });
  test('not triggered by hidden constructs', () => check('long-form-after-abbreviation', 'Cytokine release syndrome (CRS) and CRS.\n\n' + HIDDEN('cytokine release syndrome')));
});

describe('unused-abbreviation', () => {
  test('defined and never used', () => check('unused-abbreviation', 'Umbilical cord blood («UCB») units were thawed.'));
  test('a gene symbol after its official name is nomenclature, not an unused abbreviation; the same letters for another term are', () => {
    check('unused-abbreviation', 'Carriers of variants in paired box 6 (PAX6) were seen, and coronary artery disease («CAD») too.');
  });
  test('used later, used in a compound, or listed: not reported', () => {
    check('unused-abbreviation', 'Umbilical cord blood (UCB) units; UCB banks.');
    check('unused-abbreviation', 'Chimeric antigen receptor (CAR) and natural killer (NK) cells: CAR-NK cells.');
    check('unused-abbreviation', '**Figure 1.** Killing by NK cells. Abbreviations: NK, natural killer.');
  });
  test('a short form with a spaced number after it uses its head: the QuarkTrial (QT) 2 and QT 3 arms', () => {
    check('unused-abbreviation', 'Arms QuarkTrial 2 (QT 2) and QuarkTrial 3 (QT 3) were pooled; QT 2 was larger. Later, the QuarkTrial (QT) 2 and QT 3 arms differed.');
    check('unused-abbreviation', 'Relapsed or refractory quark leukaemia (R/R QKL) and quark leukaemia («QL») differ; R/R QKL was rare.');
  });
  test('a legend defining what its figure shows is not reported; the main text still is', () => {
    check('unused-abbreviation', '**Figure 2.** Quorum polymer assays (QPA) and zonal capture (ZNC) per donor.\n\nIn the text, quorum sensing («QRS») was low.');
  });
  test('a legend with one use is fine', () => check('unused-abbreviation', 'Main text.\n\n**Figure 2.** Natural killer (NK) cells kill; NK cells persist.'));
  test('fix drops the parenthesis', () => assert.equal(fixed('unused-abbreviation', 'Umbilical cord blood (UCB) units were thawed.'), 'Umbilical cord blood units were thawed.'));
  test('a citation in the parenthesis survives the fix', () =>
    assert.equal(fixed('unused-abbreviation', 'Umbilical cord blood (UCB; ref. 3) units.'), 'Umbilical cord blood (ref. 3) units.'));
});

describe('discouraged-variant', () => {
  test('TGF-beta and IFN-gamma; CAR NK is an accepted open form', () =>
    check('discouraged-variant', 'Transforming growth factor beta («TGF-beta») and «IFN-gamma» limit CAR NK cells.'));
  test('the preferred forms are fine', () => check('discouraged-variant', 'TGF-β and IFN-γ limit CAR-NK cells.'));
  test('a roman gene symbol used for the protein: two fixes, neither safe', () => {
    const text = 'Serum IL15 rose.';
    const [d] = service.lint({ uri: 'a.md', version: 1, text }).filter((x) => x.code === 'discouraged-variant');
    assert.ok(d, 'reported');
    assert.deepEqual(d.data?.fixes?.map((f) => [f.edits[0]!.newText, f.safe]), [['IL-15', false], ['*IL15*', false]]);
  });
  test('the italic gene, or the gene in a gene context, is not a discouraged protein form', () =>
    check('discouraged-variant', 'The *IL15* transgene and IL15 mRNA were measured.'));
  test('a symbol inside a longer emphasis is set in italics as written: it may be the gene', () =>
    check('discouraged-variant', '*The cluster shown is IL15 high and mostly NK cells.*\n\nOutside it, «IL15» rose in serum.'));
  test('not triggered by hidden constructs', () => check('discouraged-variant', HIDDEN('TGF-beta')));
  test('a term inside an identifier joined by underscores is data, not prose', () =>
    check('discouraged-variant', 'The QSE2770_IL15_AND_TGF-beta_UP gene set and {{ebm_TGF-beta_ct}}; then «IL15» in prose.'));
  test('fix writes the preferred form', () => assert.equal(fixed('discouraged-variant', 'Levels of TGF-beta fell.'), 'Levels of TGF-β fell.'));
});

describe('gene-not-italic', () => {
  test('gene contexts', () =>
    check('gene-not-italic', '«CISH» knockout, «TGFBR2» KO cells, «KLRC1»-deleted clones and sgRNAs targeting «CISH».'));
  test('italic symbols and protein uses are fine', () =>
    check('gene-not-italic', '*CISH* knockout and _TGFBR2_ KO; the CIS protein and CD19 expression on cells.'));
  test('not triggered by hidden constructs', () => check('gene-not-italic', HIDDEN('CISH knockout')));
  test('fix italicises', () => assert.equal(fixed('gene-not-italic', 'CISH knockout helps.'), '*CISH* knockout helps.'));
});

describe('hyphenated CD names', () => {
  test('any CD number with a hyphen is a discouraged variant, not an undefined abbreviation', () => {
    check('discouraged-variant', 'Both «CD-8» and «CD-123» cells, and CD-19 too; CD8 is fine.'.replace('CD-19 too', '«CD-19» too'));
    check('undefined-abbreviation', 'Both CD-8 and CD-123 cells.');
    assert.equal(fixed('discouraged-variant', 'Both CD-8 cells.'), 'Both CD8 cells.');
    check('discouraged-variant', 'Female CD-1 mice and a CD-1 strain.');
  });
});

describe('inconsistent-variants', () => {
  test('a short form opening with a word in small letters takes a capital where a sentence or a legend title starts', () => {
    check(
      'inconsistent-variants',
      'We used quarko-computed tomography (quarkoCT). QuarkoCT imaging is fast; later quarkoCT again, and a «QuarkoCT» scan mid-sentence.\n\n![**QuarkoCT of a bone.** A tibia.](f.png){#fig:1}\n',
    );
    check('undefined-abbreviation', 'We used quarko-computed tomography (quarkoCT). QuarkoCT imaging is fast.\n');
    // Undefined, it is still reported: the capital does not make it a coined name.
    check('undefined-abbreviation', 'To verify our «quarkangioCT» approach we scanned. QuarkangioCT is fast.\n');
  });
  test('two accepted forms of one term, the less used one reported', () =>
    check('inconsistent-variants', 'CD16a binds IgG. CD16a is cleaved. «FcγRIIIa» signals.'));
  test('saying they are the same is fine', () => check('inconsistent-variants', 'CD16a (FcγRIIIa) binds IgG. CD16a is cleaved. FcγRIIIa signals.'));
  test('a slash pair of both forms says they are the same', () => {
    check('inconsistent-variants', 'The panel held CD16a/FcγRIIIa. CD16a is cleaved. FcγRIIIa signals.');
    check('inconsistent-variants', 'The panel held CD16a / ITGB2. CD16a is cleaved. «FcγRIIIa» signals.');
  });
  test('saying so with the gene in italics is fine too', () => {
    check('inconsistent-variants', '_CD16a_ (FcγRIIIa) binds IgG. CD16a is cleaved. FcγRIIIa signals.');
    check('inconsistent-variants', '*CD16a* [FcγRIIIa] binds IgG. CD16a is cleaved. FcγRIIIa signals.');
  });
  test('one form throughout is fine', () => check('inconsistent-variants', 'CD16a binds IgG. CD16a is cleaved.'));
  test('a less used form is reported once, its fix rewrites every use', () => {
    const text = 'CD16a binds IgG. CD16a is cleaved. CD16a again. FcγRIIIa signals and FcγRIIIa binds.';
    check('inconsistent-variants', 'CD16a binds IgG. CD16a is cleaved. CD16a again. «FcγRIIIa» signals and FcγRIIIa binds.');
    const [diagnostic] = service.lint({ uri: 'x.md', version: 1, text }).filter((d) => d.code === 'inconsistent-variants');
    assert.equal(diagnostic!.data!.fixes![0]!.edits.length, 2);
  });
  test('a protein and its phosphorylated form are two terms', () => check('inconsistent-variants', 'STAT5 is a factor; STAT5 binds. pSTAT5 was measured.'));
  test('a second form in the definition\'s bracket glosses the first', () =>
    check('inconsistent-variants', 'DNAX accessory molecule-1 (DNAM-1, CD226) binds CD155. DNAM-1 signals. CD226 is cleaved.'));
  test('the gene\'s symbol, in italics or in a gene context, is no spelling of its protein\'s name', () => {
    check('inconsistent-variants', 'CIS restrains IL-15 signalling. CIS rose. Guides targeting exon 2 of CISH were used.');
    check('inconsistent-variants', 'CIS restrains IL-15 signalling. CIS rose. We deleted *CISH* in iPSCs.');
  });
  test('not triggered by hidden constructs', () => check('inconsistent-variants', 'CD16a binds IgG.\n\n' + HIDDEN('FcγRIIIa')));
  test('an undefined abbreviation written two ways: the less written spelling, once, and its missing definition once', () => {
    check('inconsistent-variants', 'We ran QROseq twice; QROseq again, then «QRO-seq». The QcγR bound and the «QcgR» rose.');
    const text = 'We ran QROseq twice; QROseq again, then QRO-seq. The QcγR bound and the QcgR rose.';
    const undefinedKeys = service.lint({ uri: 'x.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(undefinedKeys, ['QROseq', 'QcγR']);
    const message = service.lint({ uri: 'x.md', version: 1, text }).find((d) => d.code === 'inconsistent-variants')!.message;
    assert.match(message, /^'QRO-seq' and 'QROseq' \(line 1\) are one abbreviation written two ways/u);
  });
  test('a short form defined with a hyphen before its number, written with a space: its other spelling, not an undefined head', () => {
    check('inconsistent-variants', 'Quark factor 6 (QF-6) rose. Later «QF 6» fell and QF-6 rose again.');
    const text = 'Quark factor 6 (QF-6) rose. Later QF 6 fell and QF 7 rose.';
    const undefinedTexts = service.lint({ uri: 'x.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    // Another number is another member: its head stays undefined.
    assert.deepEqual(undefinedTexts, ['QF']);
  });
  test('an undefined abbreviation written in another case: its definition is missing once, told at the spelling kept', () => {
    // A gene symbol (reported as a note) and its protein written in another case: the other spelling's own report is the same missing definition.
    const text = 'Proteins of the complex (PABPN1, SRSF3) were enriched. Later pabPN1 fell.\n';
    const found = service.lint({ uri: 'x.md', version: 1, text }).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
    assert.deepEqual(found.filter((f) => /PABPN1/iu.test(f)), ['undefined-abbreviation PABPN1', 'inconsistent-variants pabPN1']);
    // In another scope (a legend) each spelling is that scope's own.
    const legend = 'Proteins of the complex (PABPN1, SRSF3) were enriched.\n\n**Figure 1.** The pabPN1 level fell.\n';
    const inLegend = service.lint({ uri: 'x.md', version: 1, text: legend }).map((d) => `${d.code} ${legend.slice(d.start, d.end)}`);
    assert.ok(inLegend.includes('undefined-abbreviation pabPN1'), inLegend.join('; '));
  });
  test('not for a gene in italics beside its protein, nor an exempt name (discouraged-variant tells CD-8)', () => {
    check('inconsistent-variants', 'The *QXCR4* gene and the QXCR-4 protein; QXCR-4 again.');
    check('inconsistent-variants', 'The CD8 and CD-8 cells.');
  });
});

describe('foreign-script', () => {
  test('the issue sentences: exactly one diagnostic each', () => {
    check('foreign-script', 'introducing CARs into NK cells «באמצעות» genetic engineering');
    check('foreign-script', 'NK cells«通过» CAR transduction');
    check('foreign-script', 'a Cyrillic look-alike in «с»ytotoxicity');
  });
  test('Greek symbols are not stray', () => check('foreign-script', 'Add 10 μL of IFN-γ to CD3ζ constructs; TGF-β and α-CD19.'));
  test('a quoted sentence wholly in another language is fine', () => check('foreign-script', 'The label read “Натуральные киллеры уничтожают опухоль”.'));
  test('not triggered by hidden constructs', () => check('foreign-script', HIDDEN('通过')));
  test('fix swaps in the Latin letter', () => assert.equal(fixed('foreign-script', 'Strong сytotoxicity.'), 'Strong cytotoxicity.'));
  test('a mathematical letter is reported once, as such, and fixed to the plain letter', () => {
    check('foreign-script', 'Inhaled IFN-«𝛽»-1a and a «𝐂𝐀𝐑» label.');
    assert.equal(fixed('foreign-script', 'Inhaled IFN-𝛽-1a.'), 'Inhaled IFN-β-1a.');
    const diagnostic = service.lint({ uri: 'x.md', version: 1, text: 'Inhaled IFN-𝛽-1a.' }).find((d) => d.code === 'foreign-script');
    check('foreign-script', 'A µ and ℓ with «𝛽».');
    assert.match(diagnostic!.message, /mathematical letters .* write 'β'/);
  });
  test('a Latin ligature copied from a PDF is reported in its word and fixed to the letters it stands for', () => {
    check('foreign-script', 'The score quanti«ﬁ»es the most speci«ﬁ»c «ﬂ»ow.');
    assert.equal(fixed('foreign-script', 'The ﬁrst effect.'), 'The first effect.');
    assert.equal(fixed('foreign-script', 'An eﬀect.'), 'An effect.');
    const diagnostic = service.lint({ uri: 'x.md', version: 1, text: 'A speciﬁc term.' }).find((d) => d.code === 'foreign-script');
    assert.match(diagnostic!.message, /^'speciﬁc' contains the ligature 'ﬁ' \(U\+FB01\) for 'fi', .*write 'specific'/);
    // Two ligatures in one word: one finding, naming the word as written with both.
    const both = service.lint({ uri: 'x.md', version: 1, text: 'An eﬀecﬁve term.' }).filter((d) => d.code === 'foreign-script');
    assert.equal(both.length, 1);
    assert.match(both[0]!.message, /ligatures 'ﬀ' .* 'ﬁ' .*write 'effecfive'/);
    assert.equal(fixed('foreign-script', 'An eﬀecﬁve term.'), 'An effecfive term.');
    check('foreign-script', 'The first effect was significant.');
  });
  test('a character typed for a Greek letter is reported over its term and fixed to the letter', () => {
    check('foreign-script', 'TGF-«ß» and IL-1«ß» and IFN-«ɣ» rose; IL-2R«⍺» and Fc«ϵ»RI bind; «ß»-catenin and «ß»2M too.');
    assert.equal(fixed('foreign-script', 'Serum TGF-ß rose.'), 'Serum TGF-β rose.');
    assert.equal(fixed('foreign-script', 'Serum TNF-ɑ rose.'), 'Serum TNF-α rose.');
    assert.equal(fixed('foreign-script', 'Serum IL-2R⍺ rose.'), 'Serum IL-2Rα rose.');
    const diagnostic = service.lint({ uri: 'x.md', version: 1, text: 'Serum (TGF-ß) rose.' }).find((d) => d.code === 'foreign-script');
    assert.match(diagnostic!.message, /^'TGF-ß' types the Greek letter .*'ß' \(U\+00DF\) for 'β': write 'TGF-β'/);
  });
  test("the undefined term's definition fix writes the Greek letter, as the foreign-script fix does", () => {
    const text = 'Serum IL-1ß rose; IL-1ß fell.';
    const undefinedUse = service.lint({ uri: 'x.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation');
    assert.match(undefinedUse!.message, /e\.g\. 'interleukin-1β \(IL-1β\)'/u);
  });
  test('German words keep their sharp s, and IPA letters inside words stay', () =>
    check('foreign-script', 'Klinikum Großhadern, Hauptstraße 5, STRAßE 3, and the Fußball field.'));
  test('a character typed for a Greek letter counts as that letter for definitions', () => {
    const text = 'Transforming growth factor beta (TGF-β) matters. Serum TGF-ß rose.';
    const codes = service.lint({ uri: 'x.md', version: 1, text }).map((d) => d.code);
    assert.deepEqual(codes.filter((code) => code !== 'foreign-script'), []);
  });
});

describe('first-use rules with the knowledge base', () => {
  test('undefined: the fix inserts the expansion, plural and sentence case kept', () => {
    assert.equal(fixed('undefined-abbreviation', 'We made iPSCs.'), 'We made induced pluripotent stem cells (iPSCs).');
    assert.equal(fixed('undefined-abbreviation', 'ADCC rose.'), 'Antibody-dependent cellular cytotoxicity (ADCC) rose.');
  });
  test('used before definition: the fix moves the definition', () =>
    assert.equal(
      fixed('used-before-definition', 'ADCC kills targets. Later, antibody-dependent cellular cytotoxicity (ADCC) was measured.'),
      'Antibody-dependent cellular cytotoxicity (ADCC) kills targets. Later, ADCC was measured.',
    ));
  test('redefinition: the fix keeps the short form and a citation', () =>
    assert.equal(
      fixed('redefined-abbreviation', 'Graft-versus-host disease (GvHD) is rare. Later graft-versus-host disease (GvHD; ref. 4) again, and GvHD.'),
      'Graft-versus-host disease (GvHD) is rare. Later GvHD (ref. 4) again, and GvHD.',
    ));
  test('terms that need no definition', () => check('undefined-abbreviation', 'NK-92 and K562 cells; CD19 and CD56; 4-1BB; DNA and PCR.'));
  test('immunoglobulin subclasses, mouse and human, need none', () => check('undefined-abbreviation', 'Mouse IgG2a, IgG2b and IgG2c isotypes, and human IgA1 and IgA2.'));
  test('culture media known by their trade abbreviation need none', () => check('undefined-abbreviation', 'Cells grew in MEM-α, α-MEM, EMEM or MEM, and in RPMI-1640 with FBS.'));
  test('databases, review registries and GRADE ratings in capitals need none', () =>
    check('undefined-abbreviation', 'We searched MEDLINE, SCOPUS and CINAHL, registered in PROSPERO; certainty was HIGH, MODERATE, LOW or VERY LOW.'));
  test('a discouraged form is not also undefined', () => check('undefined-abbreviation', 'TGF-beta rose.'));
  test('a term the knowledge base says needs defining is not excused by parts that need none (TNF-α)', () => {
    check('undefined-abbreviation', 'Levels of «TNF-α» rose; TNF-α fell.');
    check('undefined-abbreviation', 'Levels of «TNF$\\alpha$» rose.');
    check('undefined-abbreviation', 'Tumor necrosis factor-α (TNF-α) rose; TNF-α fell.');
    check('undefined-abbreviation', 'Levels of «TNF-α» rose. Later tumor necrosis factor-α (TNF-α) and TNF-α fell.'.replace(/«|»/g, ''));
    // A compound of exempt parts that is no such term still needs no definition.
    check('undefined-abbreviation', 'A 33.8-kDa band and DNA-RNA hybrids.');
  });
  test('a capital with a subscript (T~reg~) is an abbreviation: defined by its known expansion, undefined otherwise', () => {
    check('undefined-abbreviation', 'Regulatory T cells (T~reg~) expand, and T~reg~s suppress; the K~d~ was low.');
    check('undefined-abbreviation', 'Regulatory T cells (Tregs) expand, and T~reg~s suppress.');
    check('undefined-abbreviation', 'Many «T~reg~»s expand; the K~d~ and R~0~ were low.');
    check('undefined-abbreviation', 'Regulatory T cells (T~reg~) expand.\n\n![Responses of «NK» and «T~reg~» cells.](f.png){#fig:a}\n\nAs @fig:a shows.');
  });
  test("the abstract's sentence-opening capital is not carried into the main text's fix; a name's capital is", () => {
    const text = '---\nabstract: Chimeric antigen receptor (CAR) cells help; CAR again.\n---\n\n# Intro\n\nThe first CARs were simple.\n';
    const car = service.lint({ uri: 'a.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation');
    assert.match(car!.message, /e\.g\. 'chimeric antigen receptors \(CARs\)'/u);
    const named = '---\nabstract: Quarkin-Barr virus (QBV) spreads; QBV again.\n---\n\n# Intro\n\nThe QBV spreads.\n';
    const qbv = service.lint({ uri: 'a.md', version: 1, text: named }).find((d) => d.code === 'undefined-abbreviation');
    assert.match(qbv!.message, /e\.g\. 'Quarkin-Barr virus \(QBV\)'/u);
  });
  test("a term the knowledge base asks to define, inside another definition's long form, is used there; a name's part is not", () => {
    check('undefined-abbreviation', 'Deleting it in «iPSC»-derived natural killer (iNK) cells helps; iNK cells grew from iPSC lines.');
    check('undefined-abbreviation', 'The QNAX-activating protein 10 (QAP10) adaptor; QAP10 signals.');
  });
  test('scFv defined by its knowledge-base expansion', () => check('undefined-abbreviation', 'A single-chain variable fragment (scFv) binds; the scFv is humanised.'));
  test('a long form opening with another definition (`(ANCA)-associated vasculitis`) is read whole, no conflict', () => {
    check('conflicting-expansion', 'Patients with anti-neutrophil cytoplasmic antibody (ANCA)-associated vasculitis (AAV) were seen; AAV relapsed.');
  });
  test('a short form glossed by another name of the same term (a knowledge-base variant) is defined, with no conflict', () => {
    check('undefined-abbreviation', 'Blood was profiled by mass cytometry (CyTOF); CyTOF panels held 40 markers.');
    check('conflicting-expansion', 'Blood was profiled by mass cytometry (CyTOF); CyTOF panels held 40 markers.');
    check('undefined-abbreviation', 'Transcripts were measured by real-time PCR (qPCR); qPCR was run twice.');
  });
  test('a knowledge-base expansion counted in words, hyphen or space alike', () => {
    check('undefined-abbreviation', 'A single chain variable fragment (scFv) binds; the scFv is humanised.');
    check('undefined-abbreviation', 'Its "single chain variable fragment" (scFv) binds; the scFv is humanised.');
    // Fewer words before the bracket than the expansion has: no definition.
    check('undefined-abbreviation', 'Fragment («scFv») binds; the scFv is humanised.');
  });
});

describe('inline disables and front-matter settings', () => {
  test('disable-next-line for one rule', () =>
    check('undefined-abbreviation', '<!-- carnk-disable-next-line undefined-abbreviation -->\nWe saw GMP here.\nAnd «GLP» here.'));
  test('disable … enable', () =>
    check('undefined-abbreviation', '<!-- carnk-disable -->\nWe saw GMP here.\n<!-- carnk-enable -->\n\nAnd «GLP» here.'));
  test('front matter carnk: rules switches a rule off', () => check('undefined-abbreviation', '---\ncarnk:\n  rules:\n    undefined-abbreviation: "off"\n---\n\nWe saw GMP.'));
  test('front matter carnk: with a wrong value gives one message and the defaults go on', () => {
    const text = '---\ncarnk:\n  scopes: everywhere\n---\n\nWe saw GMP.';
    const codes = service.lint({ uri: 'a.md', version: 1, text }).map((d) => d.code);
    assert.deepEqual(codes, ['invalid-configuration', 'undefined-abbreviation']);
  });
});

describe('fixes keep the text intact (review findings)', () => {
  test('a conflicting expansion written with emphasis gets no fix that would unbalance it', () => {
    const text = '# Methods\n\nWe found the Zorbex gene flimase (ZGF) once. ZGF rose.\n\nLater the _Zorbex gene_ flimmase (ZGF) fell. ZGF again.\n';
    const [d] = service.lint({ uri: 'a.md', version: 1, text }).filter((x) => x.code === 'conflicting-expansion');
    assert.ok(d, 'the conflict is reported');
    assert.equal(d.data?.fixes, undefined);
    assert.ok(fixed('conflicting-expansion', text.replace('_Zorbex gene_', 'Zorbex gene')).includes('the Zorbex gene flimase (ZGF) fell'));
  });
  test('a long form interrupted by a comment or code is not a repeat', () => {
    check('long-form-after-abbreviation', 'We used natural killer (NK) cells and NK cells. Then natural <!-- note --> killer cells and natural `x` killer cells.');
  });
  test('a plural definition is repeated in the plural', () =>
    assert.equal(
      fixed('long-form-after-abbreviation', 'Induced pluripotent stem cells (iPSCs) and iPSCs. Later, induced pluripotent stem cells were edited.'),
      'Induced pluripotent stem cells (iPSCs) and iPSCs. Later, iPSCs were edited.',
    ));
  test('a soft line break is not a sentence start', () =>
    assert.equal(
      fixed('used-before-definition', 'We expanded the\nNK cells in vitro. Later, natural killer (NK) cells grew.'),
      'We expanded the\nnatural killer (NK) cells in vitro. Later, NK cells grew.',
    ));
  test('removing a stray word keeps a neighbouring code span whole', () => {
    const text = 'We ran the `assay`通过 with many more English words in this sentence.';
    const [d] = service.lint({ uri: 'a.md', version: 1, text }).filter((x) => x.code === 'foreign-script');
    const model = service.model({ uri: 'a.md', version: 1, text });
    const edit = d!.data!.fixes![0]!.edits[0]!;
    const result = applyEdits(text, [{ start: model.lines.offsetAt(edit.range.start), end: model.lines.offsetAt(edit.range.end), newText: edit.newText }]);
    assert.equal(result, 'We ran the `assay` with many more English words in this sentence.');
  });
  test('the abbreviation list replaces a whole CRLF table and keeps CRLF', () => {
    const text = 'Natural killer (NK) cells and NK.\r\n\r\n## Abbreviations\r\n\r\n| Abbreviation | Definition |\r\n|---|---|\r\n| NK | natural killer |\r\n';
    const list = service.abbreviationList({ uri: 'a.md', version: 1, text }, 'table');
    assert.deepEqual(list.replace?.start, { line: 4, character: 0 });
    assert.ok(!/[^\r]\n/u.test(list.text), 'CRLF line endings');
  });
});

// Issue 16: severity is resolved before the rules run, and a check whose rules are all off does not run.
describe('rules that are off do not run', () => {
  const text = 'We measured ADCC. Cells were from a сlinical lot and TGF-beta was added.';
  const model = buildDocumentModel('off.md', 1, text, { knowledge: loadBuiltinKnowledge() });
  const context: RuleContext = { model, needs: createDefinitionNeeds(), scopes: new ScopeDefinitions(model), knowledge: loadBuiltinKnowledge(), spelling: 'en-US' };

  test('runRules runs only the checks with a rule on (it does not filter what it found)', () => {
    const all = new Set(runRules(context).map((f) => f.rule));
    assert.ok(all.has('undefined-abbreviation') && all.has('foreign-script') && all.has('discouraged-variant'), [...all].join(', '));
    const onlyScript = runRules(context, (rule) => rule === 'foreign-script');
    assert.deepEqual([...new Set(onlyScript.map((f) => f.rule))], ['foreign-script']);
    assert.deepEqual(runRules(context, () => false), []);
  });

  test('the service turns a rule off and on again without stale findings', () => {
    const document = { uri: 'off.md', version: 1, text };
    const codes = (rules: Record<string, 'off' | 'warning'>) => new Set(service.lint(document, { rules }).map((d) => d.code));
    assert.ok(codes({}).has('undefined-abbreviation'));
    assert.ok(!codes({ 'undefined-abbreviation': 'off', 'used-before-definition': 'off' }).has('undefined-abbreviation'));
    assert.ok(codes({ 'used-before-definition': 'off' }).has('undefined-abbreviation'), 'one rule of a check still on: the check runs');
    assert.ok(codes({}).has('undefined-abbreviation'), 'back on: found again');
  });

  test('a check reporting two rules, one off, finds exactly what it finds with both on, less the off rule', () => {
    const documents = ['examples', 'test/manuscripts'].flatMap((dir) =>
      readdirSync(join(root, dir)).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(root, dir, name), 'utf8')),
    );
    documents.push('ADCC rose. Antibody-dependent cellular cytotoxicity (ADCC) and ADCC (antibody-dependent cell cytotoxicity) were seen; ADCC (antibody-dependent cellular cytotoxicity) again.');
    const twoRuleChecks = ['undefined-abbreviation', 'used-before-definition', 'redefined-abbreviation', 'conflicting-expansion'];
    for (const [n, text] of documents.entries()) {
      const document = { uri: `two-${n}.md`, version: 1, text };
      const seen = (rules: Record<string, 'off'>) => service.lint(document, { rules }).map((d) => `${d.code}@${d.start}:${d.severity}:${d.message}`);
      const all = seen({});
      for (const off of twoRuleChecks) {
        assert.deepEqual(seen({ [off]: 'off' }), all.filter((d) => !d.startsWith(`${off}@`)), `${off} off in document ${n}`);
      }
    }
  });
});

// Issue 14: the same missing definition written in two cases is one problem, reported at its first use.
describe('an undefined abbreviation written in two cases', () => {
  test('is reported once, at the first use', () => {
    assert.deepEqual(undefinedKeys('The QzvTK reporter was imaged. The QZVTK signal rose.'), ['QzvTK']);
  });
  test('two keys that differ in more than case stay two problems; another scope has its own', () => {
    assert.deepEqual(undefinedKeys('The QzvTK reporter was imaged. The QZXTK signal rose.'), ['QzvTK', 'QZXTK']);
    const legend = 'The QzvTK reporter was imaged.\n\n**Figure 1.** The QZVTK signal.\n';
    assert.deepEqual(undefinedKeys(legend), ['QzvTK', 'QZVTK']);
  });
});

// One undefined root said once (issue 14): a compound made only of abbreviations already reported adds nothing.
describe('a compound of abbreviations already reported undefined', () => {
  test('is not reported again; a part written alone and compounds that make another term still are', () => {
    assert.deepEqual(undefinedKeys('QAR and QK cells were made. The QAR-QK cells grew.'), ['QAR', 'QK']);
    assert.deepEqual(undefinedKeys('QAR and QK cells were made. The QAR-QK cells grew; QAR-QB cells too.'), ['QAR', 'QK', 'QAR-QB']);
    assert.deepEqual(undefinedKeys('QD-1 was blocked; QD-L1 too.'), ['QD-1', 'QD-L1'], 'a code part makes another term');
    assert.deepEqual(undefinedKeys('QB-ALLQ rose; QALLQ-QB fell.'), ['QB-ALLQ', 'QALLQ-QB'], 'nothing reported before: each is a first use');
  });
  test('nor is one whose other part is a protein named by a word and its number', () => {
    assert.deepEqual(undefinedKeys('A QRISPQ screen ran. QRISPQ-Qas9 editing followed.'), ['QRISPQ']);
    // First written inside the compound, the part is reported there, once.
    assert.deepEqual(undefinedKeys('QRISPQ-Qas9 editing came first; QRISPQ later.'), ['QRISPQ']);
  });
});

describe('the abbreviations report reads names as lint does', () => {
  test('a strain, a plasmid in a vector and a named pipeline are not listed undefined; an abbreviation is', () => {
    const text = 'QZN mice were injected. The CAR was cloned into the pQZ2 vector. We used the QQZ pipeline and QRS assays.';
    const report = service.abbreviations({ uri: 'names.md', version: 1, text });
    assert.deepEqual(report.undefined.map((u) => u.short), ['CAR', 'QRS']);
    const linted = service.lint({ uri: 'names.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(linted, ['CAR', 'QRS']);
  });
});
