import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectDefinitions, type DetectedDefinition } from '../../server/src/service/abbreviations/definitionDetector.js';

/** A definition as the tables state it: short form, long form, and the pattern when it is not `long-short`. */
type Expected = [short: string, long: string, pattern?: 'long-short' | 'short-long'];

/** Every reported offset must slice the document to exactly the reported text. */
function assertOffsetsAgree(text: string, found: DetectedDefinition[]): void {
  for (const definition of found) {
    assert.equal(text.slice(definition.shortStart, definition.shortEnd), definition.short);
    assert.equal(text.slice(definition.longStart, definition.longEnd), definition.long);
    assert.ok(definition.shortStart >= 0 && definition.longEnd <= text.length);
  }
}

function check(text: string, expected: Expected[]): void {
  const found = detectDefinitions(text);
  assertOffsetsAgree(text, found);
  assert.deepEqual(
    found.map((d) => [d.short, d.long, d.pattern]),
    expected.map(([short, long, pattern]) => [short, long, pattern ?? 'long-short']),
  );
}

const definitions: Array<[name: string, text: string, expected: Expected[]]> = [
  ['a one-word long form before its short form may hold it', 'Levels of Testosterone (T) and D-Galactosamine (D-Gal) rose.', [['T', 'Testosterone'], ['D-Gal', 'D-Galactosamine']]],
  ['a one-word chemical name still spells its letters from inside', 'Cells were frozen in dimethylsulphoxide (DMSO) at -80 °C.', [['DMSO', 'dimethylsulphoxide']]],
  ['a short form joined by a hyphen to the next word', 'Patients received chimeric antigen receptor (CAR-)T cells.', [['CAR', 'chimeric antigen receptor']]],
  ['a definition followed by a reference', 'Cytokine release syndrome (CRS; ref. 3) was graded.', [['CRS', 'Cytokine release syndrome']]],
  ['a definition followed by a remark', 'Cytokine release syndrome (CRS, grade 2 or higher) was rare.', [['CRS', 'Cytokine release syndrome']]],
  ['a relative clause in the long form: its pronoun and auxiliary give no letters', 'Testing reached men who have sex with men (MSM) and women who have sex with women (WSW).', [['MSM', 'men who have sex with men'], ['WSW', 'women who have sex with women']]],
  ['lower-case expansion', 'Allogeneic natural killer (NK) cells were infused.', [['NK', 'natural killer']]],
  // A word at the end with no letter costs what a word passed over inside does: every letter at a word's start beats letters fished from inside two words.
  ['a last word without a letter rather than letters from inside words', 'Adjusted for the Alpine Society of Anatomists Classification (ASA) and age.', [['ASA', 'Alpine Society of Anatomists Classification']]],
  ['hyphenated expansion', 'Killing by antibody-dependent cellular cytotoxicity (ADCC) was measured.', [['ADCC', 'antibody-dependent cellular cytotoxicity']]],
  ['digits', 'Cells were armoured with interleukin-15 (IL-15).', [['IL-15', 'interleukin-15']]],
  ['Greek letter in the short form', 'We measured transforming growth factor beta (TGF-β).', [['TGF-β', 'transforming growth factor beta']]],
  ['Greek letter in both forms', 'The transforming growth factor-β (TGF-β) pathway.', [['TGF-β', 'transforming growth factor-β']]],
  ['Greek letter inside the short form', 'CD16 is the Fc gamma receptor IIIa (FcγRIIIa).', [['FcγRIIIa', 'Fc gamma receptor IIIa']]],
  ['Greek letter after a hyphen', 'Levels of interferon gamma (IFN-γ) rose.', [['IFN-γ', 'interferon gamma']]],
  ['plural short form', 'NK cells from induced pluripotent stem cells (iPSCs) were used.', [['iPSCs', 'induced pluripotent stem cells']]],
  ['plural long and short form', 'Inhibitory killer-cell immunoglobulin-like receptors (KIRs) bind HLA.', [['KIRs', 'killer-cell immunoglobulin-like receptors']]],
  ['possessive', "The chimeric antigen receptor's (CAR's) hinge was shortened.", [["CAR's", "chimeric antigen receptor's"]]],
  ['letters from inside a word', 'Transport of 5-hydroxytryptamine (5HT) by platelets.', [['5HT', '5-hydroxytryptamine']]],
  ['short form followed by a masked citation', 'Killing by antibody-dependent cellular cytotoxicity (ADCC)           was seen.', [['ADCC', 'antibody-dependent cellular cytotoxicity']]],
  ['masked citation between long and short form', 'Allogeneic natural killer            (NK) cells.', [['NK', 'natural killer']]],
  ['semicolon and reference', 'Rates of cytokine release syndrome (CRS; ref. 3) were low.', [['CRS', 'cytokine release syndrome']]],
  ['comma and a concentration', 'Cells were cultured with interleukin-15 (IL-15, 10 ng/mL).', [['IL-15', 'interleukin-15']]],
  ['comma and a remark', 'It relies on antibody-dependent cellular cytotoxicity (ADCC, see below).', [['ADCC', 'antibody-dependent cellular cytotoxicity']]],
  ['square brackets', 'Cells of the natural killer [NK] lineage.', [['NK', 'natural killer']]],
  ['long form and short form inside one bracket', 'Toxicity (cytokine release syndrome, CRS) was mild.', [['CRS', 'cytokine release syndrome']]],
  ['long form and short form offered with or, inside one bracket', 'Those given the vaccine (older adults given high-dose, or OAHD) improved.', [['OAHD', 'older adults given high-dose']]],
  ['bracket glued to the next word', 'A chimeric antigen receptor (CAR)-engineered NK cell.', [['CAR', 'chimeric antigen receptor']]],
  ['short form then long form', 'TGF-β (transforming growth factor beta) suppresses NK (natural killer) cells.', [
    ['TGF-β', 'transforming growth factor beta', 'short-long'],
    ['NK', 'natural killer', 'short-long'],
  ]],
  ['skipped function word', 'Members of the Food and Drug Administration (FDA) met.', [['FDA', 'Food and Drug Administration']]],
  ['short form in curly single quotes', 'They make transcripts known as enhancer RNAs (\u2018eRNAs\u2019) at sites.', [['eRNAs', 'enhancer RNAs']]],
  ['short form in straight double quotes', 'They make an enhancer RNA ("eRNA") at sites.', [['eRNA', 'enhancer RNA']]],
  ['short form in curly double quotes, then a remark', 'The natural killer (\u201cNK\u201d; ref. 3) cells.', [['NK', 'natural killer']]],
  ['long form inside an outer remark', 'Reflexes (vestibulo-ocular reflex (VOR)) were intact.', [['VOR', 'vestibulo-ocular reflex']]],
  ['single letter', 'Serum testosterone (T) was measured.', [['T', 'testosterone']]],
  ['single letter beside a statistic\'s letter with its value', 'Serum testosterone (T) was lower in cases (U = 312, P = 0.02).', [['T', 'testosterone']]],
  ['spelled-out number', 'A three-dimensional (3D) culture of NK cells.', [['3D', 'three-dimensional']]],
  ['a glued bracket with a hyphen after a long form in capitals', 'Quark zeta (QZ-)cells were grown.', [['QZ', 'Quark zeta']]],
  ['an X for a word opening with ex', 'A strain that was extensively quark-resistant (XQR) grew.', [['XQR', 'extensively quark-resistant']]],
  // The Kelvin sign lower-cases to k, so TETRA\u212AIS is the prefix tetrakis (as toLowerCase reads it).
  ['chemical prefix written with a Kelvin sign', 'We added inositol TETRA\u212AISPHOSPHATE (IP4) to the medium.', [['IP4', 'inositol TETRA\u212AISPHOSPHATE']]],
  ['a function word in capitals before its long form', 'We made DE (definitive endoderm) cells and report the OR (odds ratio).', [
    ['DE', 'definitive endoderm', 'short-long'],
    ['OR', 'odds ratio', 'short-long'],
  ]],
  // A coined word: five or more letters, each at a word start, may pass over two content words.
  ['a coined word passing over two words', 'Samples came from the BRAVE (Biobank for Research on Acute Viral Infections in Chronic Emergencies) archive.', [
    ['BRAVE', 'Biobank for Research on Acute Viral Infections in Chronic Emergencies', 'short-long'],
  ]],
  ['a coined word after its long form', 'The Biobank for Research on Acute Viral Infections in Chronic Emergencies (BRAVE) archive.', [
    ['BRAVE', 'Biobank for Research on Acute Viral Infections in Chronic Emergencies'],
  ]],
  ['several definitions', 'Both graft-versus-host disease (GvHD) and tumour microenvironment (TME) matter.', [
    ['GvHD', 'graft-versus-host disease'],
    ['TME', 'tumour microenvironment'],
  ]],
  ['a class noun left out at the end, and one more word inside', 'We typed the porcine light chain joining segment (PLJ) genes.', [['PLJ', 'porcine light chain joining segment']]],
  // A value reported with the short form, when its letters start the words right before the bracket.
  ['a short form with its threshold', 'Genes passing the quark discovery rate (QDR < 0.05) were kept.', [['QDR', 'quark discovery rate']]],
  ['a short form with its value after an equals sign', 'The quark odds ratio (QOR = 2.1) was high.', [['QOR', 'quark odds ratio']]],
  ['a short form with its value and interval', 'The quark hazard ratio (QHR 0.62, 95% CI 0.41-0.93) fell.', [['QHR', 'quark hazard ratio']]],
  ['a short form, then a remark after a spaced hyphen', 'Levels of inducible quark synthase (iQS - the QS2 product) rose.', [['iQS', 'inducible quark synthase']]],
  ['a reagent\'s short form, then what it was mixed with', 'Samples got methyl quark trifluoro acetamide (MQTFA with 1% ZQCS) then.', [['MQTFA', 'methyl quark trifluoro acetamide']]],
  ['a reagent\'s short form, then what it contains', 'Cells were frozen in dimethyl quarkoxide (DMQO containing 10% serum).', [['DMQO', 'dimethyl quarkoxide']]],
  ['an interaction written with x between capitals', 'We modelled gene-environment (GxE) and quark-quark (QxQ) terms.', [['GxE', 'gene-environment'], ['QxQ', 'quark-quark']]],
  ['the short form, then another name after a slash', 'Recruitment of quark kinase B (QKB/Qkt) and quark-derived chemokine (QDC/QCL22) rose.', [
    ['QKB', 'quark kinase B'],
    ['QDC', 'quark-derived chemokine'],
  ]],
];

for (const [name, text, expected] of definitions) {
  test(`finds a definition: ${name}`, () => check(text, expected));
}

/** Written conventions read when the letters do not follow the long form in order (one block per rule). */
const conventions: Array<[name: string, text: string, expected: Expected[]]> = [
  // A gloss after the short form inside its bracket, set off by an em dash or a spaced en dash.
  ['a gloss after an em dash', 'An immune quark (IQ\u2014an antigen-quark complex) forms.', [['IQ', 'immune quark']]],
  ['a gloss after a spaced en dash', 'An immune quark (IQ \u2013 a complex) forms.', [['IQ', 'immune quark']]],
  // A sign at the end of the short form spells `positive` / `negative`.
  ['signed short forms', 'The M protein-negative (M−) strain and the M protein-positive (M+) strain.', [
    ['M−', 'M protein-negative'],
    ['M+', 'M protein-positive'],
  ]],
  ['signed marker', 'Sorted CD56-positive (CD56+) cells were expanded.', [['CD56+', 'CD56-positive']]],
  // A delta for a difference: the words that say it, then the rest's long form; without them, nothing.
  ['delta for a change', 'The change in mean quark intensity (ΔMQI) rose, as did the differences in total zonal counts (∆ZC).', [['ΔMQI', 'change in mean quark intensity'], ['∆ZC', 'differences in total zonal counts']]],
  ['delta with no words for it', 'The mean quark intensity (ΔMQI) rose.', []],
  // A long form that runs through another definition: the inner short form gives the first letters.
  ['a long form through an inner definition', 'We ran quark discriminant analysis (QDA) effect size (QEfSe) tests.', [['QDA', 'quark discriminant analysis'], ['QEfSe', 'quark discriminant analysis (QDA) effect size']]],
  ['no long form through an inner bracket that defines nothing', 'A weak (QZ) test (QT) ran.', []],
  // A long form and its short form in one bracket, joined by a slash; not two short forms, not a unit.
  ['a long form and its short form after a slash in one bracket', 'Clots in veins (venous quarkoembolism/VQE) and receptors (QR/PR) at (cells/µL).', [['VQE', 'venous quarkoembolism']]],
  // A bracket of capitals run into a lower-case word lost its space; one before digits is part of the name.
  ['a bracket run into the next word, its space left out (as full-width brackets are set)', 'Quark-wide association studies(QWAS)employing markers and (QRK)1/2 kinases.', [['QWAS', 'Quark-wide association studies']]],
  ['a bracket run into the next word after a space typed before its close', 'Data from the Quokka Bioinformatics Institute (QBI )and the rest.', [['QBI', 'Quokka Bioinformatics Institute']]],
  ['no long form over an earlier glued bracket, nor a hyphenated short form run into a word', 'We took (QD)spectra, then (QD)spectra again, and (QZR-)engineered cells.', []],
  // Lower-case initials glued to the name they qualify define a prefix; letters that are not the initials define nothing.
  ['prefix letters glued to a name', 'Cells lacking human (h)QZR1 or mouse (m)QZR4 got recombinant human (rh)QL-7.', [['h', 'human'], ['m', 'mouse'], ['rh', 'recombinant human']]],
  ['prefix letters that are not initials', 'Cells lacking human (m)QZR1 or the (t)QZR4 form.', []],
  ['signed short form whose stem is not written', 'Counts were negative (M-) overall.', []],
  // A number ending the short form may head the long form.
  ['number heading the long form', 'Scores on the 20-item Toronto Alexithymia Scale (TAS-20) rose.', [['TAS-20', '20-item Toronto Alexithymia Scale']]],
  ['Roman numeral heading the long form', 'Mice lacking the type II TGFbeta receptor (Tgfbr2) died.', [['Tgfbr2', 'type II TGFbeta receptor']]],
  // A number elsewhere in the clause does not head the long form; the title alone is read as the edition's name.
  ['number elsewhere in the clause', 'After 20 weeks the Toronto Alexithymia Scale (TAS-20) was given.', [['TAS-20', 'Toronto Alexithymia Scale']]],
  // An edition, revision or version number ends the short form.
  ['edition before the title', 'We gave the third edition of the Lund Memory Recall Battery (LMRB-III) twice.', [['LMRB-III', 'third edition of the Lund Memory Recall Battery']]],
  ['edition after the title', 'We gave the Lund Memory Recall Battery, 3rd Edition (LMRB-3) twice.', [['LMRB-3', 'Lund Memory Recall Battery, 3rd Edition']]],
  ['edition left out of the words', 'We gave the Lund Memory Recall Battery (LMRB-II) twice.', [['LMRB-II', 'Lund Memory Recall Battery']]],
  ['edition number on a title of two words', 'We gave the Memory Battery (MB-II) twice.', []],
  ['an isoform number after a name that is no title', 'We blocked protein quinase Q (PQQ-II) twice.', []],
  ['edition number on a title with a skipped word', 'We gave the Lund Memory Total Recall Battery (LMRB-II) twice.', []],
  // A context noun after the long form is left out.
  ['context noun after the long form', 'Rats on a high NaCl diet (HNa) were studied.', [['HNa', 'high NaCl']]],
  ['context noun after unrelated words', 'Rats on a high salt diet (XY) were studied.', []],
  // An `of`/`for` phrase after the spelled-out words: part of a name, left out of prose.
  ['capitalised name with an of-phrase', 'Scores on the Five-Factor Model of Personality (FFM) differed.', [['FFM', 'Five-Factor Model of Personality']]],
  ['capitalised name with a for-phrase', 'The Community Intervention Trial for Smoking Cessation (COMMIT) ran.', [
    ['COMMIT', 'Community Intervention Trial for Smoking Cessation'],
  ]],
  ['lower-case of-phrase', 'The myosin-binding subunit of myosin phosphatase (MBS) was phosphorylated.', [['MBS', 'myosin-binding subunit']]],
  ['of-phrase after words that do not spell the short form', 'The model of five factors (FFM) was used.', []],
  // Two hyphen-joined parts named in the opposite order.
  ['swapped parts', 'Patients underwent spiral CT after IV infusion cholangiography (IVC-SCT).', [
    ['IVC-SCT', 'spiral CT after IV infusion cholangiography'],
  ]],
  ['swapped parts with connecting words', 'We used virus-like particles carrying the HIV-1 V3 loop (V3-VLP).', [
    ['V3-VLP', 'virus-like particles carrying the HIV-1 V3 loop'],
  ]],
  ['only one part spelled out', 'Imaging by spiral computed tomography (IVC-SCT) was done.', []],
  // A mixed-case short form listing the last words' initials in another order.
  ['reordered initials', 'A CAR with a single-chain variable fragment (scFv) against CD19.', [['scFv', 'single-chain variable fragment']]],
  ['in-order letters win over reordered initials', 'Levels of blood haemoglobin (Hb) fell.', [['Hb', 'haemoglobin']]],
  ['reordered initials need a mixed-case short form', 'A fragment variable single-chain (SCFV) was used.', []],
  // A construct's code and a shorter name for it, starting the same way: two names, no long form.
  ['a shorter name of a coded construct', 'A vector encoding QAR19/QL15/iQasp9 (QAR19/QL-15) was used.', []],
  // Chemical names: long hyphenated short forms, brackets inside names, counted groups.
  ['long hyphenated short form', 'Site-specifically mono-PEGylated mTNF-alpha-K90R (sp-PEG-mTNF-alpha-K90R) was active.', [
    ['sp-PEG-mTNF-alpha-K90R', 'Site-specifically mono-PEGylated mTNF-alpha-K90R'],
  ]],
  ['brackets inside the long form', 'Filaments formed on poly-(deoxythymidylic acid) [poly(dT)] were long.', [['poly(dT)', 'poly-(deoxythymidylic acid)']]],
  ['a bracketed remark still ends the long form', 'Cytokines (IL-6) natural killer (NK) cells.', [['NK', 'natural killer']]],
  ['group counted by a multiplying prefix', 'Production of inositol 1,4,5-trisphosphate (IP3) rose.', [['IP3', 'inositol 1,4,5-trisphosphate']]],
  ['parent named after a substituent prefix', 'Treatment with 8-methoxypsoralen plus UVA irradiation (PUVA) was given.', [
    ['PUVA', '8-methoxypsoralen plus UVA irradiation'],
  ]],
  // `methoxy|anthracene` would need a consonant after the prefix; a vowel keeps the word whole.
  ['no word part after a substituent prefix before a vowel', 'Treatment with 8-methoxyanthracene plus UVA irradiation (AUVA) was given.', []],
];

for (const [name, text, expected] of conventions) {
  test(`reads a written convention: ${name}`, () => check(text, expected));
}

const notDefinitions: Array<[name: string, text: string]> = [
  // One word holding the short form extends it: a truncated form, a plural, a receptor.
  ['a one-word bracket extending the short form', 'A QGFR (QGFRt) served as a tag.'],
  ['a plural in brackets', 'The QAR (QARs) was built twice.'],
  // A label before its value, the value blanked as inline code is: a statistic.
  ['a statistic label before its value', 'Vaccination raised all-cause mortality (qOR:         , Q:        ) in both arms.'],
  ['members named by the short form in brackets', 'These three QVs (QV246, QV116 and QV931) were among the top modules.'],
  ['a receptor in brackets', 'Cells expressed QL15 (QL15Rα) only.'],
  ['a bracket glued to the next word without a hyphen', 'Phosphorylated kinase (ERK)1/2 rose.'],
  ['a bracketed list of abbreviations', 'Natural killer cells kill by many routes (NKR, ADCC, CDC).'],
  ['a bracketed list joined by and', 'Killing by antibody-dependent routes (ADCC, ADCP and CDC) was seen.'],
  ['an inline list of abbreviations', 'Nearby killer cells with pairs (NK, natural killer; IL, interleukin) were counted.'],
  ['sample size', 'Patients were enrolled in (n = 12) centres.'],
  ['a quoted word that does not fit the letters', 'Tools such as enhancer RNAs ("XRNAs") exist.'],
  ['unpaired quotation marks', 'The natural killer (\u2018NK") cells and the killer (NK\u2019) ones.'],
  ['a quoted single letter', 'Virions lacked the small (\'S\') segment.'],
  ['a quoted phrase of plain words', 'Cells were called natural killers ("natural killers") then.'],
  ['p value', 'Persistence improved (p < 0.05) with IL-15.'],
  // A value's bracket defines only with letters at the starts of the words right before it.
  ['a capital p with its value', 'Lesions were rare in knee pain (P < 0.001) and pains (P=0.003).'],
  ['a statistic whose letters fall inside words', 'The allele raised stroke occurrence (OR = 1.8, CI = 1.01-3.3) here.'],
  ['a statistic after a word the letters skip', 'Relapse rose in the high risk patients (HR 2.1 in all models) here.'],
  // Plain words whose initials fit are no measure's name.
  ['a statistic after plain words that fit its letters', 'Mortality rose among patients at high risk (HR 2.1, 95% CI 1.4–3.0), older respondents (OR = 2.3) and renal recipients (RR 0.75).'],
  ['an enzyme number is no value', 'Electric eel acetylcholinesterase (EC 3.1.1.7) was used.'],
  ['a spaced hyphen after words', 'It shows drug metabolism (Drug metabolism - cytochrome P450) here.'],
  ['a statistic\'s letters, then with and no amount', 'Mortality was higher in high-risk patients (HR with adjustment for age, 1.9) here.'],
  ['a word, then with: a regimen spelled out', 'They got R-QHOP (rituximab with cyclophosphamide, vincristine) here.'],
  ['a capital X is a letter to match, not an interaction', 'Cells were fixed in quark enamel (QXE) buffer.'],
  ['figure reference', 'Killing increased (Fig. 2) over time.'],
  ['year', 'As reported previously (2019) for NK cells.'],
  ['see remark', 'Cells were expanded as described (see Methods).'],
  ['author citation', 'Similar results were seen (Smith et al.) in mice.'],
  ['that is', 'Innate lymphocytes (i.e., natural killer cells) were studied.'],
  ['for example', 'Innate lymphocytes (e.g. NK cells) were studied.'],
  ['panel labels', 'Cytotoxicity against targets (A) and blood counts (B) are shown.'],
  ['long form in an earlier sentence', 'Tumours were treated with natural compounds. Killing (NK) was measured.'],
  ['bracketed word', 'Cells were cultured overnight (daily) before use.'],
  ['letters that do not fit', 'Cells were expanded in culture (CRS) for two weeks.'],
  ['chemical notation', 'Oxygen O(2) and k(a) were fitted.'],
  // Two content words passed over convince only for a long short form.
  ['four letters passing over two words', 'We scored the total cell growth rate under hypoxic media (TCHM) daily.'],
  ['a coined word with a letter inside a word', 'Samples came from the BRAVE (Biobank for Research on Acute Viral Infections in Chronic Sites) archive.'],
  ['an alternative that is no short form', 'Cells were kept cold (on ice, or frozen) overnight.'],
  ['the short form named in its own long form', 'The GM1 ganglioside (GM1) was measured.'],
  ['two words without a letter when the last is not a class noun', 'We typed the porcine light chain joining loci (PLJ) today.'],
  ['a class noun left out with a word entered inside', 'We saw the porcine light chain joining region (PHJ) today.'],
  ['two names after a slash whose first part spells nothing', 'Cells were kept in quark media (RPMI/QZM) overnight.'],
  ['a pairing across the cells of a pipe table row', '|Animal|Average [mm^3^]|STD [mm^3^]|Minimum [mm^3^]|'],
  ['a glued bracket whose words before hold its short form', 'Both (QAR-)T and QRS and (QAR-)T cells grew.'],
  ['an X for a verb opening with ex', 'Tumours were exposed to quark therapy (XQT) daily.'],
  ['an X for a word that does not open with ex', 'A strain that was especially quark-resistant (XQR) grew.'],
  ['numbered members of one family after a slash', 'We added quark interleukin (QIL-2/QIL-15) and quark helper (Qh1/Qh2) cells.'],
];

for (const [name, text] of notDefinitions) {
  test(`finds no definition: ${name}`, () => check(text, []));
}

test('offsets are UTF-16 offsets: a character outside the BMP before the definition', () => {
  const text = 'Cells 😀 from natural killer (NK) donors and 𝛼-chain (αC).';
  const [definition] = detectDefinitions(text);
  assert.ok(definition);
  assert.equal(definition.shortStart, text.indexOf('(NK)') + 1);
  assert.equal(definition.longStart, text.indexOf('natural'));
  assertOffsetsAgree(text, detectDefinitions(text));
});

test('CRLF line endings: offsets stay exact and a line break inside a paragraph is ordinary space', () => {
  const text = 'Allogeneic\r\nnatural\r\nkiller (NK) cells\r\nand interleukin-15\r\n(IL-15).\r\n';
  const found = detectDefinitions(text);
  assertOffsetsAgree(text, found);
  assert.deepEqual(found.map((d) => d.short), ['NK', 'IL-15']);
  assert.equal(found[0]!.long, 'natural\r\nkiller');
});

test('from and to restrict detection to one prose block', () => {
  const first = 'Allogeneic natural killer (NK) cells.';
  const second = 'Levels of interleukin-15 (IL-15) rose.';
  const text = `${first}\n\n${second}`;
  const onlySecond = detectDefinitions(text, first.length + 2, text.length);
  assert.deepEqual(onlySecond.map((d) => d.short), ['IL-15']);
  assert.equal(onlySecond[0]!.shortStart, text.indexOf('IL-15)'));
  // A long form never reaches back before `from`.
  assert.deepEqual(detectDefinitions('natural killer (NK)', 8), []);
});

test('odd arguments return an empty list instead of throwing', () => {
  const text = 'natural killer (NK)';
  assert.deepEqual(detectDefinitions(''), []);
  assert.deepEqual(detectDefinitions(text, 10, 5), []);
  assert.deepEqual(detectDefinitions(text, Number.NaN, Number.POSITIVE_INFINITY).map((d) => d.short), ['NK']);
  assert.deepEqual(detectDefinitions(text, -50, 1e9).map((d) => d.short), ['NK']);
  assert.deepEqual(detectDefinitions(undefined as unknown as string), []);
});

test('hostile input: 10,000 opening brackets return quickly', () => {
  const started = performance.now();
  assert.deepEqual(detectDefinitions('('.repeat(10_000)), []);
  assert.deepEqual(detectDefinitions('(a'.repeat(10_000) + ')'.repeat(10_000)), []);
  assert.ok(performance.now() - started < 1000);
});

test('hostile input: a 1 MB line returns in reasonable time with exact offsets', () => {
  const sentence = 'Allogeneic natural killer (NK) cells ((( and ))) [x] interleukin-15 (IL-15) ';
  const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const started = performance.now();
  const found = detectDefinitions(text);
  assert.ok(performance.now() - started < 5000);
  assert.equal(found.length, 2 * Math.ceil(1_000_000 / sentence.length));
  assertOffsetsAgree(text, found);
});

test('random text never throws and every offset slices to the reported text', () => {
  const alphabet = fc.constantFrom(...'ab NK()[];,.-βγ\r\n0123456789😀'.split(''), 'natural ', 'killer ', '(NK)', 'IL-15');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 200 }), fc.nat(300), fc.nat(300), (parts, from, to) => {
      const text = parts.join('');
      const found = detectDefinitions(text, from, to);
      assertOffsetsAgree(text, found);
      for (const d of found) assert.ok(d.longStart >= Math.min(from, text.length) && d.shortEnd <= Math.min(to, text.length));
    }),
    { numRuns: 300 },
  );
});

describe('a long form that opens with another definition in brackets', () => {
  const pairs = (text: string) => detectDefinitions(text).map((d) => [d.short, d.long]);
  test('takes that definition\'s long form too', () => {
    assert.deepEqual(pairs('Patients with quarkic cytoplasmic antibody (QCA)-associated vasculitis (QAV) were seen.'), [
      ['QCA', 'quarkic cytoplasmic antibody'],
      ['QAV', 'quarkic cytoplasmic antibody (QCA)-associated vasculitis'],
    ]);
  });
  test('a long form with no bracket at its start is left as read', () => {
    assert.deepEqual(pairs('Zorb release syndrome (ZRS) and zorb-associated fever (ZAF) were seen.'), [
      ['ZRS', 'Zorb release syndrome'],
      ['ZAF', 'zorb-associated fever'],
    ]);
  });
});

describe('a long form that holds its own short form', () => {
  const pairs = (text: string) => detectDefinitions(text).map((d) => [d.short, d.long]);
  test('is no definition: the words use the letters, they do not spell them out', () => {
    assert.deepEqual(pairs('The output of QTA is a score (QTA score) for each reaction.'), []);
  });
  test('a long form holding only part of the short form is still read', () => {
    assert.deepEqual(pairs('The quark transfer analysis (QTA) and QTA receptor (QTAR) were seen.'), [
      ['QTA', 'quark transfer analysis'],
      ['QTAR', 'QTA receptor'],
    ]);
  });
});

/** Each case's text read as definitions `[short form, long form]`, as expected. */
function definesAsListed(cases: readonly (readonly [string, string[][]])[]): void {
  for (const [text, expected] of cases) assert.deepEqual(detectDefinitions(text).map((d) => [d.short, d.long]), expected, text);
}

describe('a short form as the second item of its bracket', () => {
  test('after its long form, before a composition, a value or a reference, is defined', () =>
    definesAsListed([
      ['Cells were washed (quinoline-buffered saline, QBS, 20 mM Tris, pH 7.4) twice.', [['QBS', 'quinoline-buffered saline']]],
      ['We report the zonal fraction (zonal fraction; ZF = 0.97) here.', [['ZF', 'zonal fraction']]],
      ['Failure was scored (Sequential Quokka Failure Assessment, SQFA, Table 2) daily.', [['SQFA', 'Sequential Quokka Failure Assessment']]],
    ]));
  // One word before it is another short form or a product's name; other words may not spell the letters.
  test('after a single word, among short forms, or after words that do not spell it, is no definition', () =>
    definesAsListed([
      ['Cytokines were added (IL-2, IL-15, 10 ng/mL) daily.', []],
      ['Images were taken with a camera (pqo.2000, PQO, Kelheim, Germany) at once.', []],
      ['Cells were washed (cold buffer, QBS, 20 mM Tris) twice.', []],
      // One name joined by a hyphen; a place and its two-letter code in an address.
      ['Reagents came from a supplier (Quigma-Aldrich, QA, St. Louis) in bulk.', []],
      ['Samples came from a hospital (Quao Paulo, QP, Brazil) in 2019.', []],
    ]));
});

describe('a bracket of its own after the short form', () => {
  test('is a note on it, not part of it (a catalogue number, another name)', () =>
    definesAsListed([
      ['They produce quaniridia (QAN [MIM: 106210]) in carriers.', [['QAN', 'quaniridia']]],
      ['Saethre-Quotzen syndrome (SQS [MIM: 101400]); then more.', [['SQS', 'Saethre-Quotzen syndrome']]],
      ['The programmed quark death protein 1 (PQD-1 (CD279)) was seen.', [['PQD-1', 'programmed quark death protein 1']]],
      // After words, a bracket is part of the long form the bracket spells out.
      ['The QGFR (quark growth factor (QGF) receptor) rose.', [['QGFR', 'quark growth factor (QGF) receptor'], ['QGF', 'quark growth factor']]],
    ]));
});

describe('a logarithm of a quantity in the bracket', () => {
  test('defines the quantity, as a later `log2QF` is a use of `QF`; with no quantity spelt before it, nothing', () =>
    definesAsListed([
      ['We computed the log2 quiet fold (log2QF) for each gene.', [['QF', 'quiet fold']]],
      ['Expression quiet-fold (log2 QF) was computed.', [['QF', 'quiet-fold']]],
      ['Counts were read as log10 quiet forming units (log10 QFU) per gram.', [['QFU', 'quiet forming units']]],
      ['Values were transformed (log2 QF) before testing.', []],
    ]));
});

describe('an abbreviation and the qualifier right before it (`indexed SV (SVI)`)', () => {
  test('the qualifier gives the letters the short form adds after the abbreviation', () =>
    definesAsListed([
      ['We predicted the body weight indexed QV (QVI) after a bolus.', [['QVI', 'indexed QV']]],
      ['The heart-rate corrected QZ (QZc) was long.', [['QZc', 'corrected QZ']]],
      // The bracket alone extends the abbreviation (see the cases that define nothing); its qualifier written before it spells the letter.
      ['A truncated QGFR (QGFRt) served as a tag.', [['QGFRt', 'truncated QGFR']]],
    ]));
  test('a function word, a capitalised word or a word of another letter before it is no qualifier', () =>
    definesAsListed([
      ['We predicted the value of QV (QVO) after a bolus.', []],
      ['We predicted the body weight Indexed QV (QVI) after a bolus.', []],
      ['We predicted the body weight adjusted QV (QVI) after a bolus.', []],
      // An added `s` is a plural, whatever word stands before.
      ['We found 300 selected QEG (QEGs) between groups.', []],
    ]));
});
