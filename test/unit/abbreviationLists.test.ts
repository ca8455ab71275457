import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanProse } from '../../server/src/service/markdown/proseScanner';
import { findAbbreviationLists } from '../../server/src/service/model/abbreviationLists';
import { createTerminologyService } from '../../server/src/service/index';
import { undefinedKeys } from '../helpers/undefinedKeys';

const builtin = createTerminologyService();

/** Every listed pair of `text` as `SF = long form`, in order, each checked against the offsets it claims. */
function listedPairs(text: string): string[] {
  const prose = scanProse(text, 'markdown');
  const pairs: string[] = [];
  for (const list of findAbbreviationLists(text, prose).values()) {
    for (const entry of list.entries) {
      assert.equal(text.slice(entry.shortStart, entry.shortEnd), entry.short, 'short-form offsets');
      assert.equal(text.slice(entry.longStart, entry.longEnd), entry.long, 'long-form offsets');
      pairs.push(`${entry.short} = ${entry.long}`);
    }
  }
  return pairs;
}

describe('abbreviation lists: `SF = long form` pairs', () => {
  const cases: { name: string; input: string; pairs: string[] }[] = [
    {
      name: 'an Abbreviations section whose entries run on after full stops, as sentences',
      input: '## Abbreviations\nQAG, Quark assembled genome. QGE, quark genetic element. QI: quark island.\n',
      pairs: ['QAG = Quark assembled genome', 'QGE = quark genetic element', 'QI = quark island'],
    },
    {
      name: 'an entry whose long form holds `i.e.` or `cf.` before a comma is not cut there',
      input: '## Abbreviations\nQKM, quark mass, i.e. QD56, per cell. QFT, quark flux, cf. QRX, in bulk.\n',
      pairs: ['QKM = quark mass, i.e. QD56, per cell', 'QFT = quark flux, cf. QRX, in bulk'],
    },
    {
      name: 'an Abbreviations section entry whose long form holds a full stop stays whole',
      input: '## Abbreviations\nQSJ, quark St. John units\n',
      pairs: ['QSJ = quark St. John units'],
    },
    {
      name: 'a legend list joined by commas, the legend going on after it',
      input: '![**Tumours.** A, Counts. Abbreviations: GNG = ganglioglioma, PA = pilocytic astrocytoma, DMG = diffuse midline glioma). C, Overview of GNG.](f.png){#fig:a}',
      pairs: ['GNG = ganglioglioma', 'PA = pilocytic astrocytoma', 'DMG = diffuse midline glioma'],
    },
    {
      name: 'a word the long form starts with stays out of the short form',
      input: '**Figure 1.** Groups. Abbreviations: Other LGG = other low-grade glioma, Other ET = other embryonal tumor.',
      pairs: ['LGG = low-grade glioma', 'ET = embryonal tumor'],
    },
    {
      name: 'a Glossary section',
      input: '## Glossary\n\nQRADE: Quading of Recommendations\n\nQOA = Quarks of Agreement\n',
      pairs: ['QRADE = Quading of Recommendations', 'QOA = Quarks of Agreement'],
    },
    {
      name: 'entries one to a paragraph under a label in bold, up to the first paragraph that holds none',
      input: '**Glossary of terms:**\n\nQRADE = Quading of Recommendations\n\nQOA = Quarks of Agreement\n\nThen QZ cells, grown in QXM medium, were counted.\n\nQZB = quark base\n',
      pairs: ['QRADE = Quading of Recommendations', 'QOA = Quarks of Agreement'],
    },
    {
      name: 'under a bold label, a prose paragraph is no entry, nor anything after a table',
      input: '**Abbreviations:**\n\nQAE = quark adverse event\n\nNK cells, unlike T cells, rarely cause CRS. In QLBCL, the response was durable.\n\nQZB = quark base\n',
      pairs: ['QAE = quark adverse event'],
    },
    {
      name: 'pairs joined by semicolons',
      input: 'Main text.\n\nAbbreviations: NK = natural killer; CAR = chimeric antigen receptor.',
      pairs: ['NK = natural killer', 'CAR = chimeric antigen receptor'],
    },
    {
      name: 'a legend key without an introduction',
      input: '**Figure 2.** Killing by subsets. EC = elite controller, TP = treated progressor.',
      pairs: ['EC = elite controller', 'TP = treated progressor'],
    },
    {
      name: 'a legend key whose pairs are joined by spaced dashes, hyphen or en dash',
      input: '**Figure 2.** Timeline of quarkosis treatment. QCG - Quark Calmette vaccine; QB \u2013 Quarkosis; QDOTS - Quark Observed Treatment.',
      pairs: ['QCG = Quark Calmette vaccine', 'QB = Quarkosis', 'QDOTS = Quark Observed Treatment'],
    },
    {
      name: 'one pair in parentheses in a table caption',
      input: '| a |\n|---|\n| b |\n\nTable: **Patients.** Cancer predisposition (CMMRD = constitutional mismatch repair deficiency) is shown. {#tbl:p}',
      pairs: ['CMMRD = constitutional mismatch repair deficiency'],
    },
    {
      name: 'the existing comma form is unchanged',
      input: 'Main text.\n\nAbbreviations: NK, natural killer; CAR, chimeric antigen receptor.',
      pairs: ['NK = natural killer', 'CAR = chimeric antigen receptor'],
    },
    {
      name: 'the existing colon key is unchanged',
      input: '**Figure 3.** Groups. EC: elite controller, TP: treated progressor.',
      pairs: ['EC = elite controller', 'TP = treated progressor'],
    },
    {
      name: 'a colour, marker or line a key gives a group is its style, not its long form',
      input: '**Figure 4.** Network of QCLL and mQCLL (QCLL: blue; mQCLL: light orange; QZ = open circles; QY: dashed line).',
      pairs: [],
    },
    {
      name: 'a key one pair to a line, a bracketed word inside a long form, a long form of seven words',
      input: '**Figure 6.** Traits.\nQDW: red cell (erythrocyte) distribution width;\nQH2DB: two carbon groups to double bonds ratio;\nQMI: body mass index.',
      pairs: ['QDW = red cell (erythrocyte) distribution width', 'QH2DB = two carbon groups to double bonds ratio', 'QMI = body mass index'],
    },
    {
      name: 'a colour word inside a long form is still one',
      input: '**Figure 5.** Groups. QB: blue light exposure, QR: red cell mass.',
      pairs: ['QB = blue light exposure', 'QR = red cell mass'],
    },
    {
      name: 'a legend key of bracketed pairs joined by semicolons, letters spelled or not',
      input: '**Figure 7.** Scores by stage. hQSC (human stem cell); DQ (definitive endoderm); GQ (primitive gut tube).',
      pairs: ['hQSC = human stem cell', 'DQ = definitive endoderm', 'GQ = primitive gut tube'],
    },
    {
      name: 'a long form holding its short form defines the short form with the word before it',
      input: '**Figure 11.** Cells. mQC: myeloid queue cells, act mQC: activated mQC; pQC: plasmacytoid queue cells.',
      pairs: ['mQC = myeloid queue cells', 'act mQC = activated mQC', 'pQC = plasmacytoid queue cells'],
    },
    {
      name: 'pairs written with a semicolon, joined by commas, each spelling its letters',
      input: '![Method overview. QSSM; Quark-specific scoring matrix, QSPL; Quark scanning peptide library](f.svg){#fig:m}',
      pairs: ['QSSM = Quark-specific scoring matrix', 'QSPL = Quark scanning peptide library'],
    },
    {
      name: 'one semicolon pair is prose, as are pairs whose words do not spell the letters',
      input: '**Figure 13.** Runs. QSSM; then more runs. QZ; quiet night, QY; many runs.',
      pairs: [],
    },
    {
      name: 'a pair opening a table note, its long form the words that spell it, the sentence going on',
      input: '| a |\n|---|\n| QESS |\n\n: Runs. {#tbl:r}\n\n*QESS: quark effective sample size out of 4000 total samples.*',
      pairs: ['QESS = quark effective sample size'],
    },
    {
      name: 'a sentence of a legend that is one pair, its words holding the letters, some left unspelled',
      input: '![Fitted quark load. Lines show limits. QUC: quark under virus concentration curve. Onset: time to rise.](f.png)',
      pairs: ['QUC = quark under virus concentration curve'],
    },
    {
      name: 'a sentence of a legend that is one pair written with an equals sign',
      input: '![Quark counts per mouse. QOD = Quark of detection. -Lost- marks lost mice.](f.png)',
      pairs: ['QOD = Quark of detection'],
    },
    {
      name: 'a sentence pair whose words do not hold the letters, or that goes on as a sentence, is prose',
      input: '![Quark load. QZC: a long sentence about nothing at all. Note: QZB is high. QZD: quiet zone detector, as shown before.](f.png)',
      pairs: [],
    },
    {
      name: 'a key pair may carry a bracketed qualifier after its short form and a bracketed note after its long form',
      input: '![Cells by trait. QPT = quark plateletcrit, QLT (F) = quark level total (channel F), QLT (I) = quark level total (impedance channel), QSC = quark side count.](f.png)',
      pairs: ['QPT = quark plateletcrit', 'QLT = quark level total', 'QLT = quark level total', 'QSC = quark side count'],
    },
    {
      name: 'a legend key goes on after a pair that is no entry',
      input: '**Figure 12.** Cells. QA: queue alpha; QB: queue beta; B: B cells; NQ: natural queue cells; NQT: natural queue T cells.',
      pairs: ['QA = queue alpha', 'QB = queue beta', 'NQ = natural queue cells', 'NQT = natural queue T cells'],
    },
    {
      name: 'a long `;` list keeps its long forms of more than six words',
      input: 'Main text.\n\nAbbreviations: ADCC: antibody-dependent cellular cytotoxicity mediated by natural killer cells in vitro; NK: natural killer.',
      pairs: ['ADCC = antibody-dependent cellular cytotoxicity mediated by natural killer cells in vitro', 'NK = natural killer'],
    },
    {
      name: 'a key pair in small letters counts when its words spell it, so one pair before it makes a key',
      input: '![Samples cluster by line. QZ = quark zone, vst = variance stabilizing transformation [@a]. \\label{fig}](f.png)',
      pairs: ['QZ = quark zone', 'vst = variance stabilizing transformation'],
    },
    {
      name: 'a key goes on through words clipped from their long forms',
      input: '![Cells by group. QM: QuarkMate, Mono: monocytes, Neutro: neutrophils, qDC: quark dendritic cells.](f.png)',
      pairs: ['QM = QuarkMate', 'Mono = monocytes', 'Neutro = neutrophils', 'qDC = quark dendritic cells'],
    },
    {
      name: 'a capitalised word that is no clipping of its long form is no pair',
      input: '![Cells by group. QM: QuarkMate, Left: monocytes, qDC: quark dendritic cells.](f.png)',
      // `Left` breaks the key: two single pairs, neither a key of its own.
      pairs: [],
    },
    {
      name: 'small letters whose words do not spell them are no pair',
      input: '![Samples cluster by line. QZ = quark zone, ab = every sample.](f.png)',
      pairs: [],
    },
    {
      name: 'a comma list of short forms is no pair, though its words spell the first by chance',
      input: '**Figure 21.** IQANS, iPQCs and the nodes. Induced pluripotent quark cells (iPQCs) were used.',
      pairs: [],
    },
    {
      name: 'a comma pair whose long form opens with a short form that is part of its own is a pair',
      input: '**Figure 22.** Killing. QNFR, QNF receptor; HQV-TK, HQV thymidine kinase.',
      pairs: ['QNFR = QNF receptor', 'HQV-TK = HQV thymidine kinase'],
    },
    {
      name: 'a legend key written with commas, joined by semicolons',
      input: '**Figure 14.** Killing over time. QFI, queue fluorescence intensity; E:Q, effector-to-queue ratio.',
      pairs: ['QFI = queue fluorescence intensity', 'E:Q = effector-to-queue ratio'],
    },
    {
      name: 'one comma pair after a panel sentence, and one closing a table caption',
      input: '**Figure 15.** (B) Expression by flow cytometry; QFI, queue fluorescence intensity. (C) QFI rose.\n\n| a |\n|---|\n| b |\n\nTable: Donors. QIR, queue immunoglobulin-like receptor. {#tbl:d}',
      pairs: ['QFI = queue fluorescence intensity', 'QIR = queue immunoglobulin-like receptor'],
    },
    {
      name: 'a comma key broken over two lines, and one ending at an image caption\'s bracket',
      input: '**Figure 20.** Killing. QFI, queue fluorescence intensity;\nQLI, queue luminescence imaging.\n\n# Results\n\nText.\n\n![Killing. QFI, queue fluorescence intensity; QLI, queue luminescence imaging](f.png){#fig:a}',
      pairs: ['QFI = queue fluorescence intensity', 'QLI = queue luminescence imaging', 'QFI = queue fluorescence intensity', 'QLI = queue luminescence imaging'],
    },
    {
      name: 'a comma pair with a numbered short form',
      input: '**Figure 16.** Persistence. QLI, queue luminescence imaging; IQ-15, interqueue-15.',
      pairs: ['QLI = queue luminescence imaging', 'IQ-15 = interqueue-15'],
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(listedPairs(c.input), c.pairs));

  const none: { name: string; input: string }[] = [
    { name: 'a label and words after a spaced dash that do not open with its letter are no pair', input: '![Expression in QCC - tumour and adjacent tissue, QBMC - healthy donors.](f.png)' },
    { name: 'statistics in a legend are not pairs', input: '**Figure 4.** Survival (HR = 0.35, 95% CI = 0.2 - 0.62, N = 42).' },
    { name: 'one pair in the middle of a legend is not a key', input: '**Figure 5.** We set FDR = false discovery rate thresholds and then compared groups.' },
    { name: 'pairs in the main text without an introduction are not a list', input: 'We wrote EC = elite controller, TP = treated progressor in our notes.' },
    { name: 'a single capital is not a short form', input: '**Figure 6.** Counts (N = number of samples).' },
    { name: 'a pair whose long form holds its short form alone is no entry', input: '**Figure 13.** Cells. QB: QB cells; QC: QC cells.' },
    { name: 'one bracketed pair in a legend is prose, for the detector', input: '**Figure 8.** Scores of GQ (primitive gut tube); counts below.' },
    { name: 'a comma list of markers in a legend is no key', input: '**Figure 17.** Staining. QD56, QD16 and NKQ2D.' },
    { name: 'comma pairs whose words do not spell the short form are no key', input: '**Figure 18.** Groups. QK, all donors; QT, treated patients.' },
    { name: 'comma pairs in the main text are no key', input: 'Main text. QFI, queue fluorescence intensity.' },
    { name: 'a comma pair in the middle of a sentence is no key', input: '**Figure 19.** In QFI, queue fluorescence intensity.' },
    { name: 'bracketed remarks joined by semicolons are no key', input: '**Figure 9.** Cells QA (see below); QB (left panel); QC (10 ng/ml).' },
    { name: 'bracketed pairs joined by commas are an enumeration', input: '**Figure 10.** Stages QA (early stage), QB (late stage), QC (final stage).' },
    { name: 'symbols and colours a legend draws with are no key', input: '**Figure 14.** Growth. QT (open circles); QK (filled circles); QFP (green); QRP (red).' },
    { name: 'bracketed pairs in the main text are no key', input: 'We compared DQ (definitive endoderm); GQ (primitive gut tube) cells.' },
  ];
  for (const c of none) test(c.name, () => assert.deepEqual(listedPairs(c.input), []));
});

describe('abbreviation lists: a legend key defines for its legend', () => {
  test('uses before and after the key are defined; what the key leaves out is not', () => {
    const text = 'Main text.\n\n![**Tumours.** A, Counts of GNG, PXA and DMG. Abbreviations: GNG = ganglioglioma, DMG = diffuse midline glioma). C, More DMG.](f.png){#fig:a}\n';
    assert.deepEqual(undefinedKeys(text), ['PXA']);
  });
  test('a key of bracketed pairs defines for its legend, once: no second definition where the detector reads a pair too', () => {
    const text = 'Main text.\n\n![**Stages.** Scores of hQSC, DQ, GQ and FQ. hQSC (human stem cell); DQ (definitive endoderm); GQ (primitive gut tube).](f.png){#fig:s}\n';
    const found = builtin.lint({ uri: 'stages.md', version: 1, text }).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
    assert.deepEqual(found, ['undefined-abbreviation FQ']);
  });
  test('a number set as a subscript (TeX math or HTML) inside a key\'s pairs keeps the key whole', () => {
    const text = 'Main text.\n\n![**Traits.** QGBS, QH2DB, QO2 and HDL differ.\nQGBS: Quimby Golabi Behmel Syndrome;\nQH2DB: CH<sub>2</sub> groups to double bonds ratio;\nQO$_2$: quark dioxide;\nHDL: high-density lipoprotein.](f.png){#fig:t}\n';
    assert.deepEqual(undefinedKeys(text), []);
  });
  test('three comma pairs in a row joined by semicolons are a key whatever their words; a pair its words do not spell is cut to the words its letters come from', () => {
    const text = 'Main text.\n\n![**Zones.** Cores by depth. Zones: Top, surface mud; QR, upper quartz-rich mud; QMT, quartz–mica transition zone; QG, quarzogenic mud; Bottom, deep mud. Use of QR, QMT and QG.](f.png){#fig:z}\n';
    assert.deepEqual(undefinedKeys(text), []);
    assert.deepEqual(listedPairs(text), ['QR = quartz-rich', 'QMT = quartz–mica transition zone', 'QG = quarzogenic mud']);
  });
  test('a loose pair takes the fewest leading words that spell it, or its initials without function words or codes', () => {
    const text = 'Main text.\n\n![**Arms.** Arms. QT, quadrotherapy given at the time of relapse; ZT, zonotherapy; QS, quiet surgery; CQ, clone Q4 from Dako. Use of QT, ZT, QS and CQ.](f.png){#fig:z}\n';
    assert.deepEqual(listedPairs(text), ['QT = quadrotherapy', 'ZT = zonotherapy', 'QS = quiet surgery']);
    assert.deepEqual(undefinedKeys(text), ['CQ']);
  });
  test('two such pairs, or pairs joined by full stops, are prose unless their words spell the letters', () => {
    assert.deepEqual(undefinedKeys('Main text.\n\n![**Zones.** Cores. QR, upper quartz-rich mud; QMT, quartz–mica transition zone. Use of QR and QMT.](f.png){#fig:z}\n'), ['QR']);
    assert.deepEqual(undefinedKeys('Main text.\n\n![**Zones.** Cores. QR, upper quartz-rich mud. QX, the mica. QZ, deep mud. Use of QR, QX and QZ.](f.png){#fig:z}\n'), ['QR', 'QX', 'QZ']);
  });
  test('a table caption defining one key in parentheses', () => {
    const text = '| Predisposition |\n|---|\n| none |\n\nTable: **Patients.** Predisposition (CMMRD = constitutional mismatch repair deficiency) and TMB. {#tbl:p}\n';
    assert.deepEqual(undefinedKeys(text), ['TMB']);
  });
});

describe('abbreviation lists: a table with a column of abbreviations', () => {
  test('in a captioned table, each row defines its short form for the table by the cell that spells it, in any column', () => {
    const text = '# Results\n\n| Node kind | Abbr | Nodes |\n|---|---|---|\n| Quark Process | QP | 11,381 |\n| Zebra–binds–Quark | ZbQ | 12 |\n\nTable: **Nodes.** Kinds. {#tbl:nodes}\n\nAbbrev. | Len. | Path\n--- | --- | ---\nZbQaD | 2 | Zebra–binds–Quark–associates–Disease\n\nTable: **Paths.** Paths. {#tbl:paths}\n';
    assert.deepEqual(listedPairs(text), ['QP = Quark Process', 'ZbQ = Zebra–binds–Quark', 'ZbQaD = Zebra–binds–Quark–associates–Disease']);
  });
  test('a pipe escaped in a cell is the cell\'s text, not a column', () => {
    const text = '| Note | Name | Abbr |\n|---|---|---|\n| a \\| b | Quark zebra factor | QZF |\n\nTable: **Factors.** Counts. {#tbl:f}\n';
    assert.deepEqual(listedPairs(text), ['QZF = Quark zebra factor']);
  });
  test('a table in the running text does not define for the text after it', () => {
    const text = '# Results\n\n| Patient | Abbreviation | Diagnosis |\n|---|---|---|\n| P1 | QML | Quark myeloid leukaemia |\n\nQML patients rose.\n';
    assert.deepEqual(listedPairs(text), []);
  });
  test('a table without such a column, a header cell alone, or cells that spell nothing define nothing', () => {
    assert.deepEqual(listedPairs('| Name | Code | Count |\n|---|---|---|\n| Quark Process | QP | 3 |\n'), []);
    assert.deepEqual(listedPairs('| Abbr | Count |\n|---|---|\n| QP | 3 |\n| ZQ | 4 |\n'), []);
    assert.deepEqual(listedPairs('| Source | Abbr | Licence |\n|---|---|---|\n| Open Archive | QP | CC BY 4.0 |\n'), []);
  });
});
