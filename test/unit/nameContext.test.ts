import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isNameInContext, isReagentNotation } from '../../server/src/service/model/nameContext';
import { createTerminologyService } from '../../server/src/service/index';
import { parseMarked } from '../helpers/marked';
import { undefinedKeys, undefinedWithSeverity } from '../helpers/undefinedKeys';

/** Whether the «marked» mention is read as a name by the words around it. */
function readsAsName(source: string): boolean {
  const { text, ranges } = parseMarked(source);
  const range = ranges[0]!;
  return isNameInContext(text, { start: range.start, end: range.end, text: text.slice(range.start, range.end) });
}

describe('names written as such', () => {
  const names = [
    'One such antibody («QX-7») was reported.',
    'This antibody (now «ZZB-31D4») entered trials.',
    'Two antibody cocktails (AB-7 and «CD-P5») were authorised.',
    'Antibody cocktails such as AB-7, «CD-P5», and EF1234 exist.',
    'A candidate drug, «XR-17», is inhaled.',
    'Fictumab («LQ-2») binds the spike.',
    'A phase 2 trial («ZETA-1») began.',
    'close to bat coronavirus «RaTG99» in sequence',
    'related coronaviruses (bat-«SL-CoVQQ1» and others)',
    'related coronaviruses (bat-SL-CoVQQ1 and bat-«SL-CoVQQ2»)',
    'The «47Q11» antibody clone neutralised it.',
    'stained with clone «QK3»',
    'injected into «NSG» mice',
    'in «NOD»/SCID mice',
    'grown with «EL9» cells',
    'differentiated on «OQ9-DL1» stromal cells',
    'virus from «HEQ293T» producer cells',
    'the cell line «B99» and others',
    'variants were called with the «QLMS-4» pipeline',
    'fitted with the Python package «PyQZ3»',
    'peaks were tested with the «QESeq2» R package',
    'solved with the «SUNDOWN» solvers',
    'columns from «QE» Healthcare',
    'a kit from «ZPS» Bioscience',
    'a tag from «QBA» Life Sciences',
    'a standard from «QDN» Isotopes',
    'made by «QRX» GmbH',
    // A line named in brackets after the cells it is: `cancer cells (PANC-1), fibroblasts (MRC-5)`.
    'a co-culture of cancer cells («QANC-1»), fibroblasts (QRC-5) and more',
    'cancer cells (QANC-1), fibroblasts («QRC-5») and endothelial cells',
    // A plasmid, named as plasmids are (a small p before capitals), where the words say it is a vector.
    'the packaging plasmids psQAX2 and «pQD2.G»',
    'the packaging plasmids «psQAX2» and pQD2.G',
    'the CAR was cloned into «pQDH-EF1» and sequenced',
    'cells were co-transfected with «pcQNA3.1» and the reporter',
    'the «pQLVX» lentiviral vector',
    'an empty «pQKO.1» backbone',
  ];
  for (const source of names) test(`name: ${source}`, () => assert.equal(readsAsName(source), true));

  const abbreviations = [
    'a tyrosine kinase inhibitor («TKI») was added',
    'anti-PD-1 antibody («PD-1» blockade)',
    'the «PD-1» antibody pembrolizumab',
    '«IL-15» stimulated cells expanded',
    '«QZ12» activated cells expanded',
    'in «CD34» stromal cells',
    'lysed «FLT3-ITD» leukemia cells',
    'killed «QZ2» target cells',
    'expanded «CAR-T» cells',
    'a «CD19» CAR',
    'in «CD34» cells',
    'the human immunodeficiency virus («HIV») and more',
    'a phase 1 «CAR-NK» trial',
    'in line with «WHO» guidance',
    'each «iPSC» clone can be edited',
    'treated with mAbs\nCD16/FcγRIIIa and «NKG2D» pairs',
    'the «NK» Cancer trials',
    '«HSCT» recipient mice',
    'a «CAR» library',
    'antibodies such as anti-«PD-1» and others',
    // Not alone in the bracket, or no number: a description, or an abbreviation to define.
    'tumour cells («QZ2» positive) grew',
    'dendritic cells («DCQ») were pulsed',
    // The plasmid's shape alone, or a vector word with another shape, names nothing: a phosphorylated protein, a cell.
    'levels of «pQTAT5» rose after stimulation',
    'stained for «pQTAT5» after the cells were transfected',
    'the «QZR» lentiviral vector',
    'cells were transfected with «QZ19» CAR mRNA',
    // A small p on capitals alone, with no number or coined syllable, is an abbreviation: plasmid DNA, peptide-MHC.
    'cells were transfected with «pQNA» encoding the CAR',
    'co-transfected with «pQHC» constructs',
  ];
  for (const source of abbreviations) test(`abbreviation: ${source}`, () => assert.equal(readsAsName(source), false));
});

describe('names need a naming context, never a definition', () => {
  test('a key the document defines is an abbreviation, even beside a naming word', async () => {
    const { createTerminologyService } = await import('../../server/src/service/index');
    const service = createTerminologyService();
    const text = 'Quick x-ray 2 (QX-2) was named.\n\n**Figure 1.** The coronavirus QX-2 in QX-2 cells.\n';
    const codes = service.lint({ uri: 'x.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(codes, ['QX-2']);
  });
});

describe('a tool cited to the paper that introduced it', () => {
  test('a name glued to a citation whose key carries it is a name', () => {
    const text = 'Clones were called with QuarkSV2[@smithQuarkSV2Fast2021] and ZymPhy-VI [@leeZymPhyVIScalable2020].';
    assert.deepEqual(undefinedKeys(text), []);
  });
  test('capitals, another key, a citation further on, or a known term stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('Killing by QZADC[@kimQZADCReview2019] was measured.'), ['QZADC']);
    assert.deepEqual(undefinedKeys('Calls were made with QKSV2[@smith2021].'), ['QKSV2']);
    assert.deepEqual(undefinedKeys('Calls made with QKSV2 were filtered [@smithQKSV2Fast2021].'), ['QKSV2']);
    assert.deepEqual(undefinedKeys('Products were made from iPSCs[@parkIPSCsReview2020] and iPSCs again.'), ['iPSC']);
  });
});

describe('software named as such', () => {
  test('right after package, or in italics next to a software noun, a name is the software', () => {
    assert.deepEqual(undefinedKeys('Scores came from the R package QZVA and the package _QiGGR_ [@lee2015].'), []);
    assert.deepEqual(undefinedKeys('Pathways were scored with the _QPIA_ algorithm and the library *QZLIB*.'), []);
    assert.deepEqual(undefinedKeys('Plots were made with the toolbox _QVIZ_ and the *QZPLOT* toolbox.'), []);
  });
  test('a plain word of capitals by algorithm or library, or italics alone, stays an abbreviation', () => {
    assert.deepEqual(undefinedKeys('Clusters came from the QEM algorithm and a QRISPR library.'), ['QEM', 'QRISPR']);
    assert.deepEqual(undefinedKeys('Expression of _QXCL9_ rose in the package room.'), ['QXCL9']);
    assert.deepEqual(undefinedKeys('The package was sent and QZVA was measured.'), ['QZVA']);
  });
  test('a package noun joined by a hyphen, or a release after a comma, names the program', () => {
    assert.deepEqual(undefinedKeys('Wrapper functions for the qzpcR-package were written.'), []);
    // Only `package` joins so: `QDE-solvers` names the kind of equation.
    assert.deepEqual(undefinedKeys('It was integrated with standard QDE-solvers in R.'), ['QDE']);
    assert.deepEqual(undefinedKeys('Reads were aligned (QZSAT2, version 2.1.0; QZEM, version 1.3.1 [@ref]).'), []);
    assert.deepEqual(undefinedKeys('Scores fell (QZEM, 2.1.3) and QZEM, v2 rose.'), ['QZEM']);
  });
  test('a known term named as a package is the package', () => {
    assert.deepEqual(undefinedKeys('Scores were computed with the R package GSVA.'), []);
  });
  test('a name with its repository address in brackets is the software there', () => {
    assert.deepEqual(undefinedKeys('Tests used _QxDA_ (https://github.com/someone/QxDA) and QZDB (https://example.org/data).'), ['QZDB']);
  });
});

describe('a supplier or reagent named in brackets with its catalogue or lot number', () => {
  test('is a name', () => {
    assert.deepEqual(undefinedKeys('Cells (QZCC, PCS-800-011, lot#81115172) were thawed.'), []);
    assert.deepEqual(undefinedKeys('Media (QZG, cat. no. 11875) were used.'), []);
    assert.deepEqual(undefinedKeys('Probes (QZA D-6030-100-TC; QZB 01N63-020) were used.'), []);
  });
  test('a span of years, a count of patients, or a known term is no catalogue context', () => {
    assert.deepEqual(undefinedKeys('Patients had QZR (QZR, 2019-2021) here.'), ['QZR']);
    assert.deepEqual(undefinedKeys('We saw QZR (QZR, 120 patients) here.'), ['QZR']);
    assert.deepEqual(undefinedKeys('Cells showed ADCC (ADCC, 11875-093) and ADCC again.'), ['ADCC']);
  });
});

describe('T-cell receptor transgenic mouse lines', () => {
  test('are names journals print as they are, never abbreviations to define', () => {
    assert.deepEqual(undefinedKeys('We transferred OT-I CD8 T cells and OT-II CD4 T cells; Pmel-1, DO11.10 and SMARTA cells followed, with QT-II cells.\n'), ['QT-II']);
  });
});

describe('a company\'s legal form in a supplier\'s bracket', () => {
  test('is part of the company\'s name at that use', () => {
    assert.deepEqual(undefinedKeys('Buffer (Quark Laboratories AB, Oslo Norway), dye (Quarkmedica AG, Bern, Switzerland), needles (Bard Quark AS, Oslo, Norway) and kits (Quark Diagnostics GmbH., Mannheim).'), []);
  });
  test('letters that name conditions too need a company noun before them or the town and country after them', () => {
    assert.deepEqual(undefinedKeys('Dye (Quarkmedica AG, Zorbania) was used.'), ['AG']);
    assert.deepEqual(undefinedKeys('Groups (Controls, Moderate AS, Severe AS) and cases (Normal AG, High AG) and (Recurrent BV, Candidiasis) differed.'), ['AS', 'AG', 'BV']);
  });
  test('the same letters elsewhere are still abbreviations to define', () => {
    assert.deepEqual(undefinedKeys('Dye (Quarkmedica AG, Bern, Switzerland) was used. Patients with AG and AS were seen.'), ['AG', 'AS']);
    assert.deepEqual(undefinedKeys('Titres of AG (Quarkmedica) rose; (the AG, Bern) too.'), ['AG']);
    assert.deepEqual(undefinedKeys('Volunteers got a quarkovirus strain (GI.1 NV) at four doses.'), ['NV']);
  });
});

describe('a maker named in its address, a bracket that ends with the country', () => {
  test('its name, legal form and codes are names at that use', () => {
    assert.deepEqual(undefinedKeys('Dye (Quarkmedica AG, Switzerland) was used.'), []);
    assert.deepEqual(undefinedKeys('A dynamometer (Study II: Quarx Norm, QSMi, Stoughton, MA, USA) and a needle (Bard Magnum, Bard Quark AS, Norway) and a camera (Quarx Edge 4.2, QCO, Kelheim, Germany) were used.'), []);
  });
  test('a bare term first in the bracket, a bracket without a country, and the same letters elsewhere stay to define', () => {
    assert.deepEqual(undefinedKeys('Plates were coated (QELISA, Quark Systems, Minneapolis, MN, USA). Cells (Quarkmedica AG, Zorbania) grew.'), ['QELISA', 'AG']);
    assert.deepEqual(undefinedKeys('Dye (Quarkmedica AG, Bern, Switzerland) was used. Patients with AG were seen.'), ['AG']);
    assert.deepEqual(undefinedKeys('Patients (QRS, n = 12, Germany) were enrolled.'), ['QRS']);
  });
  test('a bracket of counts, periods or a term before the country is no address', () => {
    assert.deepEqual(undefinedKeys('Cases (n = 45, QML, Germany), stays (2015-2018, QCU, Denmark), a cohort (Cohort A, QT2D, Sweden) and (Severe QOPD, Norway) were seen.'), ['QML', 'QCU', 'QT2D', 'QOPD']);
  });
});

describe('a function called by name', () => {
  test('is a name where it is called, and only there', () => {
    assert.deepEqual(undefinedKeys('Randomisation used the QANDBETWEEN() function in a spreadsheet.'), []);
    assert.deepEqual(undefinedKeys('Scores came from the QRS() function. QRS were higher in cases.'), ['QRS']);
  });
});

describe('OR as a Boolean operator', () => {
  test('in a search or a rule is no abbreviation: beside AND or NOT, between bracketed or numbered operands, or called an operator', () => {
    assert.deepEqual(undefinedKeys('Criteria:\n\n1. Rodent OR Shrew sampling AND\n2. (SpotON) OR (Temple Probe), and 1 OR 2.\n\nThe gene~A~ OR gene~B~ operator gave a mean.\n'), []);
  });
  test('an odds ratio after words and before its value is still to define', () => {
    assert.deepEqual(undefinedKeys('The OR was 2.1 (95% QI 1.2-3.0), and the adjusted OR (1.8) was lower.\n'), ['OR', 'QI']);
  });
});

describe('a name given in words to what the sentence describes', () => {
  test('a naming participle before the name, at the end of its clause, introduces it', () => {
    assert.deepEqual(undefinedKeys('The variance was then computed on held-out values only, and indicated as Q2Z.\n'), []);
    assert.deepEqual(undefinedKeys('This score, denoted as QSZ, rose; the ratio was termed QRZ.\n'), []);
  });
  test('`is called` with the name in quotes gives a label; unquoted, the letters stay to define', () => {
    assert.deepEqual(undefinedKeys('Another clone did not persist, which is called "9.1-QZ". Later 9.1-QZ waned.\n'), []);
    assert.deepEqual(undefinedKeys('This systemic reaction is called QRS. Later QRS was graded.\n'), ['QRS']);
  });
  test('`known as` names what the letters abbreviate: they stay to define (`a syndrome known as CRS`)', () => {
    assert.deepEqual(undefinedKeys('A systemic syndrome known as QRS followed. Later, QRS was graded.\n'), ['QRS']);
  });
  test('a name given in the plural before a citation names its numbered members too', () => {
    assert.deepEqual(undefinedKeys('The lines, termed QXDs [@a]. Each QXD was typed, and QXD68 too.\n'), []);
  });
  test('a name that runs on, or a plain verb before it, is no introduction', () => {
    assert.deepEqual(undefinedKeys('Values were indicated as QSZ values in the table.\n'), ['QSZ']);
  });

  test('a list after the colon whose items spell the letters in order gives the long form', () => {
    // Made-up genera: one item a letter, in italics, the last with `spp.`; then a later use.
    const text = 'This includes the QZAKE pathogens: _Quercia alba_, _Zettia minor_, _Ambra lenta_, _Kolla rosea_, and _Eppia_ spp. [@x]. QZAKE strains spread.\n';
    assert.deepEqual(undefinedKeys(text), []);
  });

  test('a long form, then or and the short form, defines it without brackets', () => {
    // Made up: a word a letter; the last letter from inside the last word; a plural.
    assert.deepEqual(undefinedKeys('The method uses quiet zonal variables or QZVs as modules. QZVs rose.\n'), []);
    assert.deepEqual(undefinedKeys('We applied the quasi-level zonal extractor or QLZER [@x]. QLZER worked.\n'), []);
  });

  test('the short form with its citation, then a comma, or and the long form, defines it', () => {
    assert.deepEqual(undefinedKeys('**QMD-MA** [@doi:10.1101/1], or Quasi Mean Distance - Manifold Alignment, is unsupervised. QMD-MA won.\n'), []);
  });

  test('the letters, a verb of meaning and the words they stand for define them in words', () => {
    assert.deepEqual(undefinedKeys('Table: Counts. {#tbl:x}\n\nQR means quiet ratio (cases vs controls); QR above 1 is a rise. QDF indicates the quiet degrees of freedom lost.\n'), []);
    assert.deepEqual(undefinedKeys('QR refers to the pooled quiet ratio, and QR rose.\n'), []);
    // A participle after a comma, the words perhaps quoted.
    assert.deepEqual(undefinedKeys('**QDCA**, denoting "Quark deep cycle attention model", fits; QDCA won.\n'), []);
    assert.deepEqual(undefinedKeys('The QOR, denoting the quark odds ratio, rose.\n'), []);
    assert.deepEqual(undefinedKeys('The QZ, denoting a change, rose; QZ fell.\n'), ['QZ']);
    // A hyphen-joined word spells one letter, or each of its parts one.
    assert.deepEqual(undefinedKeys('**QCCA**, denoting "Quark cross-omics cycle attention model", fits; QCCA won.\n'), []);
    assert.deepEqual(undefinedKeys('QTCR means quark T-cell receptor, and QTCR rose.\n'), []);
    // `is` with an article: a copula that names what the letters stand for, when the words spell them.
    assert.deepEqual(undefinedKeys('Table 1. Plasmids used. QOI is the quark of interest; QOI copies vary.\n'), []);
    assert.deepEqual(undefinedKeys('QZB is the main driver of binding here; QZB rose.\n'), ['QZB']);
    assert.deepEqual(undefinedKeys('QOI is quark of interest; QOI rose.\n'), ['QOI']);
  });
  test('a verb that says only what the letters stand for needs no spelling, in a relative clause too', () => {
    assert.deepEqual(undefinedKeys('The ligand QXCL12, which stands for Q-X-C motif quietin 12, rose; QXCL12 fell.\n'), []);
    assert.deepEqual(undefinedKeys('Here QZB stands for the quiet Brazilian health system. QZB data were used.\n'), []);
    assert.deepEqual(undefinedKeys('QZC is short for quiet cells. QZC grew.\n'), []);
    assert.deepEqual(undefinedKeys('QZD is an abbreviation of quiet zone data. QZD again.\n'), []);
    // The verb with nothing after it, or one word, names nothing.
    assert.deepEqual(undefinedKeys('We asked what QZE stands for.\n'), ['QZE']);
    assert.deepEqual(undefinedKeys('The QZF, which stands for quietness.\n'), ['QZF']);
    // Words that do not start with the first letter, or a gloss after the letters were used, are no introduction.
    assert.deepEqual(undefinedKeys('QZG, which stands for the overall status of the patient, was 1.\n'), ['QZG']);
    assert.deepEqual(undefinedKeys('QZH rose. Later QZH fell.\n\nThe marker QZH, which stands for quiet zone height, matters.\n'), ['QZH']);
  });

  test('a verb of meaning before other words is no definition', () => {
    assert.deepEqual(undefinedKeys('QR means that the cells grew. QZ indicates a change.\n'), ['QR', 'QZ']);
    // Letters the knowledge base knows, spelt by chance with the clause going on after them, stay undefined.
    assert.deepEqual(undefinedKeys('The HR indicates a higher risk in group two.\n'), ['HR']);
  });

  test('a definition in words holds for its own scope only', () => {
    const text = '# Results\n\nThe QR was 2.1 here. The QR was 1.4.\n\n**Figure 1.** Forest plot. QR means quiet ratio.\n';
    assert.deepEqual(undefinedKeys(text), ['QR']);
  });

  test('or between two terms, or after a list, is no definition', () => {
    assert.deepEqual(undefinedKeys('Cells were T cells or QK cells. We used rituximab, cyclophosphamide or QC here.\n'), ['QK', 'QC']);
    assert.deepEqual(undefinedKeys('Levels of the quiet zone or QZA were low.\n'), ['QZA']);
  });

  test('a list that does not spell the letters, or spells them with an item left over, is no long form', () => {
    assert.deepEqual(undefinedKeys('The QZA pathogens: _Quercia alba_, _Ambra lenta_ and _Zettia minor_ grew.\n'), ['QZA']);
    assert.deepEqual(undefinedKeys('The QZA pathogens: _Quercia alba_, _Zettia minor_, _Ambra lenta_ and _Kolla rosea_ grew.\n'), ['QZA']);
    assert.deepEqual(undefinedKeys('Two groups, QZ: _Quercia alba_ and _Zettia minor_, grew.\n'), ['QZ']);
    assert.deepEqual(undefinedKeys('The variance was measured as QSZ.\n'), ['QSZ']);
  });
  test('a bracket opened by `labelled`, `called` or `named` introduces the name for its scope', () => {
    assert.deepEqual(undefinedKeys('Controls were a positive control (labelled QOS) and sterile swabs (labeled QSC). QOS and QSC rose.\n'), []);
    assert.deepEqual(undefinedKeys('Cells (called QZC hereafter) grew.\n'), []);
    // Not a stain (`labelled with`), nor words after the name in the bracket.
    assert.deepEqual(undefinedKeys('Cells (labelled with QFSE dye) grew.\n'), ['QFSE']);
  });
  test('`referred as` without `to`, and an adverb of the text after the name, still introduce it', () => {
    assert.deepEqual(undefinedKeys('A catalog of 9,368 variants (referred as QVPOP below) was used; QVPOP is large.\n'), []);
    assert.deepEqual(undefinedKeys('The pooled set, referred to as QPS hereafter, and the rest, termed QRS in this study, differ.\n'), []);
    assert.deepEqual(undefinedKeys('The cohort (hereafter QCZ for short) was followed.\n'), []);
  });
  test('letters alone in a bracket after words that spell them loosely are introduced there', () => {
    // Every letter in order, half of them at word starts, yet no reading convincing enough for a definition.
    assert.deepEqual(undefinedKeys('We used counts for the Quiet Zebra Clear Cell Carcinoma (QZRC) project. QZRC grew.\n'), []);
    assert.deepEqual(undefinedKeys('Scores rose for total pathway quietening (tQ) in each arm; tQ fell later.\n'), []);
    assert.deepEqual(undefinedKeys('We used the Quokka and Zebu Behavioural, Sero-status and Media Survey (QZBSSM). QZBSSM ran twice.\n'), []);
  });
  test('letters right after words that spell each of them at a word start, with no bracket, are introduced there', () => {
    assert.deepEqual(undefinedKeys('Models were fitted with Integrated Nested Quokka Approximation INQA throughout. INQA was fast.\n'), []);
    assert.deepEqual(undefinedKeys('We ran Random walk with Restart on Quiet Multiplex RWR-QM on each graph.\n'), []);
    // Two letters fit too many pairs of words by chance; a letter from inside a word, or a word passed over, is no spelling.
    assert.deepEqual(undefinedKeys('Counts of quiet zebras QZ rose.\n'), ['QZ']);
    assert.deepEqual(undefinedKeys('Counts of the quiet zebra cohort QZCX rose.\n'), ['QZCX']);
    assert.deepEqual(undefinedKeys('Samples from quiet and noisy zebra herds QNZ rose.\n'), ['QNZ']);
    // Only at the scope's first use.
    assert.deepEqual(undefinedKeys('QZB rose. Then Quiet Zebra Behaviour QZB fell.\n'), ['QZB']);
  });
  test('letters glossed after a colon by words that spell them are introduced there', () => {
    assert.deepEqual(undefinedKeys('Signatures were compared (Exhaustion Signature, QISig: Quiet Inflammation Signature, Cytotoxic Signature). QISig rose.\n'), []);
    assert.deepEqual(undefinedKeys('Scores are shown. QES-CD: quiet endoscopic score for Crohn disease.\n'), []);
    // An equals sign or a spaced dash glosses the same way, as legends do.
    assert.deepEqual(undefinedKeys('Errors are shown per clock. QAE = quiet absolute error.\n'), []);
    assert.deepEqual(undefinedKeys('Fractions are shown. QF - quiet fraction; bars are means.\n'), []);
    // A list item's line ends the gloss.
    assert.deepEqual(undefinedKeys('Errors:\n\n- QAE = quiet absolute error\n- QRSE = quiet root squared error\n\nQAE and QRSE fell.\n'), []);
    // Words after the colon that do not spell the letters, or a value after the sign, introduce nothing.
    assert.deepEqual(undefinedKeys('The panel was scored. QZV: results were mixed.\n'), ['QZV']);
    assert.deepEqual(undefinedKeys('The error was small (QAE = 0.5 years).\n'), ['QAE']);
  });
  test('letters alone in a bracket after words that open with their first letter are introduced there: not reported', () => {
    // The words are read as the long form (`glycated hemoglobin (HbA1c)`), as a copy-editor reads them.
    const severities = (text: string) => undefinedWithSeverity(text);
    assert.deepEqual(severities('Levels of glazed quellin (GqZ9) rose; GqZ9 fell later.\n'), []);
    assert.deepEqual(severities('Uptake was read as the diffusion quota for zinc oxide (DLZO), and DLZO fell.\n'), []);
    // A paragraph's line feed is a space.
    assert.deepEqual(severities('Uptake was read as the diffusion quota for\nzinc oxide (DLZO), and DLZO fell.\n'), []);
    assert.deepEqual(severities('Scores rose, with Quill\'s index (IQZ) in the top half.\n'), []);
    // Past a sign, the letters start at the first letter; a plural `s` may close the bracket.
    assert.deepEqual(severities('Means and their standard quotas ($\\Delta$SQZ) were shown.\n'), []);
    assert.deepEqual(severities('Proteases and their tissue quenchers (TXZs) were measured.\n'), []);
    // A one-letter word, the small letter the key opens with.
    assert.deepEqual(severities('We used Benjamini-Hochberg-corrected q values (qZDR) throughout.\n'), []);
    // A subtype's label after the short form of a family the document defines.
    assert.deepEqual(severities('Quellomas (QLM) were split. Some were classed as papillary (QLM, PXZ).\n'), []);
    // Only at the bracket: a use before it is still undefined there.
    assert.deepEqual(severities('GqZ9 rose first. Levels of glazed quellin (GqZ9) rose.\n'), ['GqZ9 warning']);
  });
  test('a bracket after words none of which opens with the first letter is still a warning', () => {
    const severities = (text: string) => undefinedWithSeverity(text);
    // Only the noun phrase that ends at the bracket: not words before an auxiliary or a preposition.
    assert.deepEqual(severities('Tumours were staged by the pathologist (TQM) at resection.\n'), ['TQM warning']);
    assert.deepEqual(severities('Patients were treated at our centre (PQMCH) in 2015.\n'), ['PQMCH warning']);
    // Only a function word, or another name of capitals, opens with it: no long form is there.
    assert.deepEqual(severities('Cells were stained against the melanoma antigen QRP1 (TZ99) and sorted.\n'), ['QRP1 warning', 'TZ99 warning']);
    assert.deepEqual(severities('Cells were grown as endothelial cells (HQVEC) for a week.\n'), ['HQVEC warning']);
    assert.deepEqual(severities('Counts of T cells (TQX) fell.\n'), ['TQX warning']);
    // The clause ends at a comma: words before it are not the bracket's.
    assert.deepEqual(severities('In Quebec, owing to proper containment (QXVW) was kept.\n'), ['QXVW warning']);
    // A list in the bracket, or words after the letters, is no introduction.
    assert.deepEqual(severities('Signals from quiet ligands (QZL, QZM) rose.\n'), ['QZL warning', 'QZM warning']);
    assert.deepEqual(severities('Levels of glazed quellin (GqZ9 units) rose.\n'), ['GqZ9 warning']);
    // A term the knowledge base knows keeps its warning: its long form is known and not written.
    assert.deepEqual(severities('Cells were killed in assays of death (ADCC) today.\n'), ['ADCC warning']);
  });
  test('a chance spelling from inside words, a list, or a first use before the spelling is still undefined', () => {
    // Only one letter starts a word: `status, owing to proper containment procedures` spells SARS by chance.
    assert.deepEqual(undefinedKeys('Neither reached that status, owing to proper containment procedures (SNRS) elsewhere.\n'), ['SNRS']);
    // Items listed in the bracket: examples, not the words' letters (`right perform better … added` spells RPBA by chance).
    assert.deepEqual(undefinedKeys('Points to the right perform better using the added data type (RPBA, microRNA, and mutation).\n'), ['RPBA']);
    assert.deepEqual(undefinedKeys('Signalling begins with extracellular ligands (EGQ, NGQ) binding.\n'), ['EGQ', 'NGQ']);
    // Used in an earlier paragraph than the loose spelling: the first use lacks its definition; in the same paragraph it has it.
    assert.deepEqual(undefinedKeys('Agonists such as QZRC were used.\n\nWe used the Quiet Zebra Clear Cell Carcinoma (QZRC) set.\n'), ['QZRC']);
    assert.deepEqual(undefinedKeys('Tumours with a "QZRC" label were called Quiet Zebra Clear Cell Carcinoma (QZRC).\n'), []);
    // An earlier use in the same paragraph, outside quotation marks, is the first use.
    assert.deepEqual(undefinedKeys('Most QZRC samples went, and the rest of the Quiet Zebra Clear Cell Carcinoma (QZRC) set stayed.\n'), ['QZRC']);
  });
  test('a name given in words covers its own scope: a legend is told, as for a bracketed definition, at information', () => {
    const text = '# Results\n\nA catalog of 9,368 variants (referred as QVPOP below) was used; QVPOP is large.\n\n**Figure 1.** Recall on the QVPOP panel.\n';
    const found = createTerminologyService().lint({ uri: 'test.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => [text.slice(d.start, d.end), d.severity]), [['QVPOP', 'information']]);
    assert.match(found[0]!.message, /named in words on line 3/);
  });
  test('`labelled … as` names what the sentence labels, each of a series', () => {
    assert.deepEqual(undefinedKeys('We labeled the limit of $15 \\times 10^3$ copies as QM1, and $40 \\times 10^6$ as QM2. Above QM2 all counts.\n'), []);
    assert.deepEqual(undefinedKeys('Cells were labelled with dye and gated as QZQ cells today.\n'), ['QZQ']);
    // A stain, or a verb of another clause between, names nothing: the letters are a measure's.
    assert.deepEqual(undefinedKeys('Target cells were labelled with a dye, and degranulation was then quantified as QFI.\n'), ['QFI']);
    assert.deepEqual(undefinedKeys('Tumours were labelled in vivo, and burden was expressed as QBL.\n'), ['QBL']);
  });
  test('a first use that names the term in words comes before no definition: the later gloss adds one', () => {
    const text = 'Limits were 15,000 copies (termed QL1 in the following). Then QL1 held.\n\nOnset crossed the lower limit of quantitation, QL1.\n';
    const found = createTerminologyService().lint({ uri: 'test.md', version: 1, text }).filter((d) => d.code === 'used-before-definition');
    assert.deepEqual(found, []);
    const plain = 'Limits were 15,000 copies. Then QL1 held.\n\nOnset crossed the quantitation limit (QL1).\n';
    assert.deepEqual(createTerminologyService().lint({ uri: 'test.md', version: 1, text: plain }).filter((d) => d.code === 'used-before-definition').map((d) => plain.slice(d.start, d.end)), ['QL1']);
  });
  test('capitals that a file name close by carries as its extension name the format', () => {
    assert.deepEqual(undefinedKeys('Open and run the QMD script `main_text.qmd` first.\n'), []);
    // Letters a file name shares by chance, or a file noun without such a file, leave an abbreviation.
    assert.deepEqual(undefinedKeys('Wells with QC were used as background. The plate map is in plate_layout.qc.\n'), ['QC']);
    assert.deepEqual(undefinedKeys('Run the QZC script first; see `other.qmd`.\n'), ['QZC']);
    assert.deepEqual(undefinedKeys('Run the QMD script.\n\nThe file is `main_text.qmd`.\n'), ['QMD']);
    assert.deepEqual(undefinedKeys('Run the QMD script.\r\n\r\nThe file is `main_text.qmd`.\r\n'), ['QMD']);
    assert.deepEqual(undefinedKeys('Counts are in the QLSX workbook `counts.qlsx`.\n'), []);
    assert.deepEqual(undefinedKeys('The QMD rose.\n\nLater, much later, we wrote more prose about other matters entirely, and then more prose again, far away from it.\n\nSee `notes.qmd`.\n'), ['QMD']);
  });
  test('a journal named in its publisher\'s capitals', () => {
    assert.deepEqual(undefinedKeys('This manuscript is published in PLOS ONE; see also PLoS Biology. ONE more QONE.\n'), ['ONE', 'QONE']);
  });
  test('a site label with other sites between it and `sites`', () => {
    assert.deepEqual(undefinedKeys('The first site was Pittsburgh, PA, USA (PA site). The PA and FL study sites opened; Port St. Lucie, FL, USA.\n'), []);
  });
  test('a name followed by other words, or `referred` without `as`, introduces nothing', () => {
    assert.deepEqual(undefinedKeys('Patients were referred as QVZ patients below the threshold.\n'), ['QVZ']);
    assert.deepEqual(undefinedKeys('Samples were referred to QLAB below.\n'), ['QLAB']);
    assert.deepEqual(undefinedKeys('Cells were referred as QTZ beloved lines.\n'), ['QTZ']);
  });
});

describe('placeholders in a draft', () => {
  test('runs of different capitals next to each other hold a place', () => {
    assert.deepEqual(undefinedKeys('![**Killing.** QQQ. RRR. SSS.](f.svg){#fig:a}\n'), []);
  });
  test('a run alone may be an abbreviation', () => {
    assert.deepEqual(undefinedKeys('The QQQ repair was done. QQQ again.\n'), ['QQQ']);
    assert.deepEqual(undefinedKeys('The QQQ repair was done. QQQ again, then QQQ and QQQ.\n'), ['QQQ']);
    assert.deepEqual(undefinedKeys('Patients with QQQ and RRR were excluded.\n'), ['QQQ', 'RRR']);
  });
});

describe('a draft note in brackets, anywhere in a line', () => {
  test('a remark a draft marker opens is the authors\' note, not prose', () => {
    assert.deepEqual(undefinedKeys('There are three clades (TODO: look at QSNPs and put QKL in the results?). The end.\n'), []);
    assert.deepEqual(undefinedKeys('The cohort grew [FIXME add the QRS numbers (see QTT)] in 2020.\n'), []);
  });
  test('the words around the note stay prose, and a marker that opens no note is no note', () => {
    assert.deepEqual(undefinedKeys('QZA grew (TODO: check) and QZB fell; QZA and QZB again.\n'), ['QZA', 'QZB']);
    assert.deepEqual(undefinedKeys('The TODO list (QZC items) was long; QZC again.\n'), ['QZC']);
  });
});

describe('a line named before the words cell line', () => {
  test('a cell type the knowledge base asks to define stays an abbreviation before cell lines', () => {
    assert.deepEqual(undefinedKeys('Two QHM cell lines and LAK cell lines were grown.\n'), ['LAK']);
  });
  test('a name followed by cells alone needs a number to be a line', () => {
    assert.deepEqual(undefinedKeys('The QHM cells were grown.\n'), ['QHM']);
  });
  test('a name written only before cells or cell lines is a line, without a number', () => {
    assert.deepEqual(undefinedKeys('A genome built from two QHM cell lines; the QAP cell line and QAP cells were grown.\n'), []);
  });
  test('a name before cells that a bracket says are a cell line is a line', () => {
    assert.deepEqual(undefinedKeys('Contact with QK cells (a stromal cell line) helps. QK cells again.\n'), []);
    assert.deepEqual(undefinedKeys('Contact with QK cells (a stromal subset) helps. QK cells again.\n'), ['QK']);
  });
  test('letters also written elsewhere are an abbreviation, even before cell lines', () => {
    assert.deepEqual(undefinedKeys('QSCC patients were enrolled. Three QSCC cell lines were grown.\n'), ['QSCC']);
  });
});

describe('dates, draft markers and disease names', () => {
  test('an era after a year or a century, or AD before a year, is part of a date', () => {
    assert.deepEqual(undefinedKeys('Graves from 1300 BC and AD 541 and the 6th century CE were dated.'), []);
  });

  test('the same letters elsewhere are abbreviations', () => {
    assert.deepEqual(undefinedKeys('The BC cohort and CE marking and AD patients were studied.'), ['BC', 'CE', 'AD']);
  });

  test('the ABO blood group system and group AB, named so once, are blood groups everywhere', () => {
    assert.deepEqual(undefinedKeys('We studied ABO blood groups. Group counts: AB:21 (3.1%), not AB:661. The AB blood group fared best.\n'), []);
  });

  test('AB without a blood group named is an abbreviation', () => {
    assert.deepEqual(undefinedKeys('The AB titre rose; AB levels fell.\n'), ['AB']);
    // One blood-group phrase in a text that never names the ABO system leaves other uses abbreviations.
    assert.deepEqual(undefinedKeys('Donors with the AB blood group were excluded. The AB was diluted 1:200.\n'), ['AB']);
  });

  test('a ship\'s prefix before its name is part of the name', () => {
    // Made-up ships: in italics, or after words of a ship (the name perhaps on the next line).
    assert.deepEqual(undefinedKeys('Cases occurred on the MV *Qorvald*. The research vessel RV\nQuessant sailed, and the crew aboard HMS Zephaly too.'), []);
  });

  test('the same letters before no name, or before a word of capitals, are abbreviations', () => {
    assert.deepEqual(undefinedKeys('The MV burden rose; RV QZA function fell; FV levels were low.'), ['MV', 'RV', 'QZA', 'FV']);
  });

  test('a capitalised word after them is no ship without italics or words of a ship: `RV Function`', () => {
    assert.deepEqual(undefinedKeys('The RV was dilated and the RV wall was thin.\n\n## RV Function\n\nMV Replacement was planned.\n'), ['RV', 'MV']);
  });

  test('draft markers and COVID need no definition', () => {
    assert.deepEqual(undefinedKeys('Long COVID rates are TBD; see PLACEHOLDER and TODO notes.'), []);
    // An author's note to co-authors, `NOTE: …`, is a label an editor removes.
    assert.deepEqual(undefinedKeys('Tests were rapid [@x] _**NOTE: the QZN profile may change**_'), ['QZN']);
    // A reference still to be found: `(REF, …)`, `[**CITATION**]`.
    assert.deepEqual(undefinedKeys('A probe kit was used (REF, agency 2020) as before [**CITATION**] with the QZR kit.'), ['QZR']);
  });

  test('a number written onto a unit is a quantity; onto anything else, not', () => {
    assert.deepEqual(undefinedKeys('Pressure of 65mmHg, 20mM salt and 2.5kDa tags; see the DOI. But 5QFU and 7QZ were given.'), ['5QFU', '7QZ']);
  });

  test('milliequivalents, milliosmoles and milli-international units are units', () => {
    assert.deepEqual(undefinedKeys('| Base deficit | 0 to –2 mEq/L | 290 mOsm/kg | 5 mIU/mL | QZB |'), ['QZB']);
  });

  test('three or more numbered labels of one stem after a word naming groups are a clustering\'s labels', () => {
    assert.deepEqual(undefinedKeys('# Results\n\nEvery QD8 subcluster was rarer (QD8T1, 6%; QD8T2, 1%; QD8T3, 1%). QD8T2 grew.\n'), ['QD8']);
    // Without the group word in the paragraph, or with two members only, or with one defined, they are abbreviations.
    assert.deepEqual(undefinedKeys('# Results\n\nEvery subcluster was rare.\n\nThe QZR1, QZR2 and QZR3 receptors bound.\n'), ['QZR1', 'QZR2', 'QZR3']);
    assert.deepEqual(undefinedKeys('# Results\n\nTwo clusters (QC1, QC2) grew.\n'), ['QC1', 'QC2']);
    // The group word is a whole word: `programming`, `reinstated` and `clustering` name no groups.
    assert.deepEqual(undefinedKeys('# Methods\n\nIn programming (QP1, QP2, QP3) we reinstated QR1, QR2 and QR3 by clustering QK1, QK2, QK3.\n'), ['QP1', 'QP2', 'QP3', 'QR1', 'QR2', 'QR3', 'QK1', 'QK2', 'QK3']);
    assert.deepEqual(undefinedKeys('# Results\n\nThree subsets (QS1, QS2, QS3) grew; quokka subset 1 (QS1) led.\n'), ['QS2', 'QS3']);
  });

  test('megadaltons and the currents of a beam are units', () => {
    assert.deepEqual(undefinedKeys('A 4 MDa complex was imaged at 1 nA, 50 pA and 2 μA beam currents with the QZM stage.'), ['QZM']);
  });

  test('a placeholder of X runs inside a name and a FlowRepository accession need none', () => {
    assert.deepEqual(undefinedKeys('Mixtures of XXX with FcγRXXX [CITE]; data in FR-FCM-ZZ9H; but the QXZ assay.'), ['QXZ']);
  });
});

describe('a program named by its version', () => {
  test('a version with a dot right after the name, or after a few words of its full name', () => {
    assert.deepEqual(undefinedKeys('Lineages came from QUSHER v1.22 and the DRAGX COVID Lineage v.3.5.9 app, then XTAR version 2.7.10 ran.'), []);
  });

  test('a version without a dot, or one after lower-case words, does not make a name', () => {
    assert.deepEqual(undefinedKeys('The QCAR v2 construct and the QZV cells of release v1.5 were compared.'), ['QCAR', 'QZV']);
  });
});

describe('a model named with its plus-joined terms', () => {
  test('the terms after plus signs, then the word model', () => {
    assert.deepEqual(undefinedKeys('Model selection chose the Q3Pu+F+I model, and a QTR+G model was also fitted.'), []);
  });

  test('plus signs without the word model, or a model without plus-joined terms, make no name', () => {
    assert.deepEqual(undefinedKeys('We gave QZB+QZC to the mice and fitted the QHM model to the counts.'), ['QZB', 'QZC', 'QHM']);
  });
});

/** Whether the «marked» use is part of a reagent's or a strain's written name, at this use only. */
function readsAsNotation(source: string): boolean {
  const { text, ranges } = parseMarked(source);
  const range = ranges[0]!;
  return isReagentNotation(text, { start: range.start, end: range.end, text: text.slice(range.start, range.end) }, text);
}

describe('uses that are part of a reagent or a strain, read one by one', () => {
  const notation = [
    // The blood group of the donors, before what is drawn from them.
    'supplemented with 5% human «AB» serum',
    'thawed in pooled «AB» plasma',
    // The acetoxymethyl ester after the dye it loads.
    'targets were loaded with calcein-«AM» for 30 min',
    'cells were loaded with calcein «AM» and washed',
    'calcium was read with Fura-2 «AM» at 37 °C',
    'pH was read with BCECF-«AM» overnight',
    // A part of a mouse strain's official designation.
    'NSG mice (NOD.Cg-Prkdc^scid^ Il2rg^tm1Wjl^/«SzJ») were used',
    'NSG mice («NOD».Cg-*Prkdc*^*scid*^ *Il2rg*^*tm1Wjl*^/SzJ) were used',
    'NSG mice (NOD.Cg-Prkdc^scid^ Il2rg^«tm1Wjl»^/SzJ) were used',
  ];
  for (const source of notation) test(`notation: ${source}`, () => assert.equal(readsAsNotation(source), true));

  const abbreviations = [
    // Another word of two capitals before serum is an abbreviation (a test, a marker).
    'measured in «CA» serum samples',
    // AM standing alone, after a plain word, or after a short prefix is an abbreviation (alveolar macrophages).
    'lavage yielded «AM» and neutrophils',
    'the murine «AM» population expanded',
    'Lung «AM» numbers fell',
    'while Mo-«AM» expanded',
    // A strain written without its designation's marks is an abbreviation to define.
    'female «NOD» scid gamma mice were used',
  ];
  for (const source of abbreviations) test(`abbreviation: ${source}`, () => assert.equal(readsAsNotation(source), false));
});

describe('labels given in brackets to a series of values', () => {
  test('two or more labels of one stem, each after a quantity in one sentence, name their values', () => {
    assert.deepEqual(undefinedKeys('Three levels were tested: 1 × 10^6^ (QL1), 3 × 10^6^ (QL2) and 1 × 10^7^ (QL3) cells/kg. Two at QL2 responded.\n'), []);
    assert.deepEqual(undefinedKeys('Doses were 10 mg (QD1) or 20 mg (QD2). Six received QD2.\n'), []);
  });
  test('one label, labels in other sentences, other stems or no quantity before them stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('One level was tested: 1 × 10^6^ (QL1). Two at QL1 responded.\n'), ['QL1']);
    assert.deepEqual(undefinedKeys('The first was 1 × 10^6^ (QL1). The second was 3 × 10^6^ (QL2).\n'), ['QL1', 'QL2']);
    assert.deepEqual(undefinedKeys('Levels were 1 × 10^6^ (QL1) and 3 × 10^6^ (QM2).\n'), ['QL1', 'QM2']);
    assert.deepEqual(undefinedKeys('Cells were typed (QL1) and (QL2) at once.\n'), ['QL1', 'QL2']);
  });
});

describe('package lists', () => {
  test('items in brackets after a language and its release are packages', () => {
    assert.deepEqual(undefinedKeys('Analyses ran in R 4.5.2 (Qiotto 4.2.2, scran, QNN, arrow) and Python 3.10+ (anndata, QIL).\n'), []);
    assert.deepEqual(undefinedKeys('Models were fitted in Julia v1.9 (QZB, Plots).\n'), []);
  });
  test('a bracket without the language and release, or words before the item, is no package list', () => {
    assert.deepEqual(undefinedKeys('Samples (QNN, QZB) were run in R.\n'), ['QNN', 'QZB']);
    assert.deepEqual(undefinedKeys('We used R 4.2 (see QZB, the QNN data) here.\n'), ['QZB', 'QNN']);
    assert.deepEqual(undefinedKeys('Group R 4 (QZB) was small.\n'), ['QZB']);
  });
});

describe('registry numbers and phages', () => {
  test('capitals before a number in the CAS Registry\'s shape, and a phage named after its noun, are names', () => {
    assert.deepEqual(undefinedKeys('Hormone (Quarkchem, CAS 55-06-1) and the QAS #6106-07-6 salt were used.\n'), []);
    assert.deepEqual(undefinedKeys('mRNAs were bound by the bacteriophage QS2 coat protein; QS2 rose.\n'), []);
  });
  test('capitals before another number, or a phage\'s noun elsewhere, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('The QAS 55-06 ratio and the QPH assay of phages.\n'), ['QAS', 'QPH']);
  });
});

describe('genotypes and chemical notation', () => {
  test('capitals among allele pairs in a genotype\'s brackets are genetic notation', () => {
    assert.deepEqual(undefinedKeys('Strain QY4743 (MATa/α, his3/his3, leu2/leu2, qet15/QET15, qys2/QYS2) was used.\n'), []);
    assert.deepEqual(undefinedKeys('Strain QY1 (MATα, his3Δ1/his3Δ1, ura3Δ0/ura3Δ0) was used.\n'), []);
  });
  test('one pair, or pairs of different names, make no genotype', () => {
    assert.deepEqual(undefinedKeys('Ratios (QET15/QET15, NK/T cells) were used.\n'), ['QET15', 'NK']);
    assert.deepEqual(undefinedKeys('Markers (CD4/CD8, QZ1/QY2, QAB) were used.\n'), ['QZ1', 'QY2', 'QAB']);
  });
  test('letters after a chemical group\'s name, or in a homopolymer\'s brackets, are chemical notation', () => {
    assert.deepEqual(undefinedKeys('The enzyme moves a group from malonyl-CoA to the carrier, and acetyl-CoA builds up.\n'), []);
    assert.deepEqual(undefinedKeys('RNA was purified with oligo(dT) beads, and poly(I:C) was added.\n'), []);
    // `CoA` in chemistry is coenzyme A, whatever the knowledge base's certificate of analysis says.
    assert.deepEqual(undefinedKeys('It moves malonyl groups from malonyl-CoA to the carrier.\n'), []);
  });
  test('a use outside the notation keeps the letters an abbreviation, at that use and at the others', () => {
    assert.deepEqual(undefinedKeys('The CoA was signed before malonyl-CoA was added.\n'), ['CoA']);
    assert.deepEqual(undefinedKeys('The dQ (bead) and the poly-QoA (gel) differ.\n'), ['dQ', 'QoA']);
    // Only coenzyme A after an acyl group, only a nucleotide in a homopolymer's brackets.
    assert.deepEqual(undefinedKeys('Macrophages took up acetyl-QDL. Serum QDL rose.\n'), ['QDL']);
    assert.deepEqual(undefinedKeys('Cells were coated with poly(QEMA) and QEMA release was measured.\n'), ['QEMA']);
    // Other items of a genotype's bracket are abbreviations, here and later.
    assert.deepEqual(undefinedKeys('Carriers scored lower (qpo3/QPO3 and qpo4/QPO4 genotypes, QMSE below 24). QMSE fell.\n'), ['QMSE']);
  });
});

describe('promoters and karyotypes', () => {
  test('letters before promoter name a construct\'s part; sex chromosomes after a count are a karyotype', () => {
    assert.deepEqual(undefinedKeys('The cassette was expressed under a QAG promoter; QAG-driven expression held. The clone had a normal 46,XY karyotype.\n'), []);
  });
  test('the same letters elsewhere are abbreviations', () => {
    assert.deepEqual(undefinedKeys('QAG levels rose, and XY plots were drawn.\n'), ['QAG', 'XY']);
  });
});

describe('letters joined to a capitalised word: a styled product name', () => {
  test('written only so, the letters are the first part of a name', () => {
    assert.deepEqual(undefinedKeys('Trees were built with QX-Tree [@a] and checked. QX-Tree agreed.'), []);
    assert.deepEqual(undefinedKeys('Cells were aligned with ZUNION-Com before clustering.'), []);
  });
  test('written alone once, or joined to a word in small letters, they stay an abbreviation', () => {
    assert.deepEqual(undefinedKeys('Trees were built with QX-Tree, and QX alone.'), ['QX']);
    assert.deepEqual(undefinedKeys('We used ZQ-engineered cells.'), ['ZQ']);
    assert.deepEqual(undefinedKeys('Maps came from ZQ-Seq data.'), ['ZQ-Seq']);
  });
  test('a key the knowledge base asks to define is never a name by this reading', () =>
    assert.deepEqual(undefinedKeys('Cells with a CAR-Tethered cytokine were made.'), ['CAR']));
});

describe('licences and isolates named by their letters', () => {
  test('an open licence\'s letters before `license` or `licence`, perhaps with a version, name the licence', () => {
    assert.deepEqual(undefinedKeys('Code is released under the MIT license and data under a CC0 licence.\n'), []);
    assert.deepEqual(undefinedKeys('Figures are shared under a CC BY 4.0 license; the tool under GPL-3 licenses.\n'), []);
    assert.deepEqual(undefinedKeys('Published under a CC BY-NC-ND 4.0 licence, data under CC BY-SA 4.0 license.\n'), []);
    assert.deepEqual(undefinedKeys('All scripts are available under the open-source BSD 3-clause license.\n'), []);
  });
  test('a licence\'s identifier with its version, as SPDX writes it, names the licence wherever it stands', () => {
    assert.deepEqual(undefinedKeys('The text is under CC0-1.0, the code under GPL-3.0 and LGPL-2.1, figures under CC-BY-4.0.\n'), []);
    assert.deepEqual(undefinedKeys('Scores of QPL-3.0 and GPL-3 were seen in the cohort.\n'), ['QPL-3.0', 'GPL-3']);
  });
  test('an open licence\'s letters as the value of a licence field name the licence', () => {
    assert.deepEqual(undefinedKeys('* Programming language: Python 3\n* License: MIT\n'), []);
    assert.deepEqual(undefinedKeys('Licence: GPL-3 (see the repository).\n'), []);
    assert.deepEqual(undefinedKeys('License: QTA was granted.\n'), ['QTA']);
  });
  test('other capitals before `licence` are a regulator\'s or a permit\'s, to spell out', () => {
    assert.deepEqual(undefinedKeys('Tissue was held under a QTA licence and the QUA license.\n'), ['QTA', 'QUA']);
  });
  test('a year after a slash designates an isolate named by place and number', () => {
    assert.deepEqual(undefinedKeys('Cells were infected with QSA-WA1/2020 for a day.\n'), []);
    assert.deepEqual(undefinedKeys('Tumours came from QDX-17/2021.\n'), ['QDX-17']);
  });
  test('the same letters before other words stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('The QIT score and the QC0 group were compared.\n'), ['QIT', 'QC0']);
    assert.deepEqual(undefinedKeys('Cells were infected with QSA-WA1 for a day.\n'), ['QSA-WA1']);
  });
  test('capitals before a long or zero-led number, or alone with one in brackets, are an identifier\'s prefix; before a year or a count they stay', () => {
    assert.deepEqual(undefinedKeys('Members of the pathway (QSA 04650) and (QSA 04062) were counted.\n'), []);
    assert.deepEqual(undefinedKeys('Patients joined the trial (QTN 1703) and series QSE 147507.\n'), []);
    assert.deepEqual(undefinedKeys('Tumours were graded by QHO 2016 criteria.\n'), ['QHO']);
    assert.deepEqual(undefinedKeys('Patients with QVT 3000 exposure and doses of QSA 100 mg were seen.\n'), ['QVT', 'QSA']);
  });
  test('a program named in apposition before a colon, as a paper\'s title names it', () => {
    assert.deepEqual(undefinedKeys('We wrote getQBinR: an R package for data, and QZP: a pipeline for reads.\n'), []);
    assert.deepEqual(undefinedKeys('The QZB: an abbreviation of the quartz band.\n'), ['QZB']);
  });
  test('capitals before `workflow` are a lab method as often as a program: they stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('Peptides were read with the QIA workflow.\n'), ['QIA']);
  });
});

describe('a buffer given with its recipe in brackets', () => {
  test('an amount in molar or percent units, then what is dissolved: the recipe says what it is', () => {
    assert.deepEqual(undefinedKeys('Beads were washed with QTE (10 mM Tris-Cl (pH 8.0), 1 mM EDTA) and eluted in buffer QEB (10 mM Tris-Cl).\n'), []);
    assert.deepEqual(undefinedKeys('Cells were lysed in QRB (50 mM Tris-HCl, 0.5% sodium deoxycholate) on ice.\n'), []);
    assert.deepEqual(undefinedKeys('Reads were written as QBED files and the QGFF format.\n'), []);
    assert.deepEqual(undefinedKeys('An input file (QBED, FASTA or narrowPeak format) is split.\n'), []);
    assert.deepEqual(undefinedKeys('Patients with QBED were excluded; QBED again.\n'), ['QBED']);
    assert.deepEqual(undefinedKeys('Genomes came from the QRA database in FASTQ format; QRA again.\n'), ['QRA']);
  });
  test('a bare amount is a dose of the thing named, which still needs its definition', () => {
    assert.deepEqual(undefinedKeys('Cells were given QZK (10 mM) daily and QZL (5%) weekly; QZK and QZL were kept.\n'), ['QZK', 'QZL']);
    assert.deepEqual(undefinedKeys('Cells were given QZM (10 ng/ml) daily.\n'), ['QZM']);
    // A percentage says how many as often: `(1% of cases)`.
    assert.deepEqual(undefinedKeys('QDLT (10% of patients) and QPRCA (1% of cases) were noted; QDLT and QPRCA again.\n'), ['QDLT', 'QPRCA']);
  });
});

describe('a file format named before its files', () => {
  test('capitals joined to files by a hyphen, as by a space, name the format', () => {
    assert.deepEqual(undefinedKeys('Unprocessed QDAT-files and QBAM files were read.\n'), []);
    assert.deepEqual(undefinedKeys('Unprocessed QDAT-filed records were read.\n'), ['QDAT']);
  });
});

describe('a reference cited by author and year in the prose', () => {
  test('a journal or a meeting named inside an author-year bracket is the reference, not prose', () => {
    assert.deepEqual(undefinedKeys('Eight of 11 patients responded (Lium et al., QEJM 2020).'), []);
    assert.deepEqual(undefinedKeys('Carriers fared worse (Rasqer et al., 2024; QHA Abstract 4142554).'), []);
    assert.deepEqual(undefinedKeys('Carriers fared worse（Rasqer et al., 2024; QHA Abstract 4142554）.'), []);
  });
  test('a bracket without author and year, or the words outside it, stay prose', () => {
    assert.deepEqual(undefinedKeys('Eight patients responded (QEJM cohort, 2020) as reported.'), ['QEJM']);
    assert.deepEqual(undefinedKeys('As Lium et al. showed in 2020, QZR rose (Table 1).'), ['QZR']);
    assert.deepEqual(undefinedKeys('Patients had QZR (as noted by Lium et al.) in 2020.'), ['QZR']);
    assert.deepEqual(undefinedKeys('Treatment was blockade (Smith et al., 2020; QCB) and QCB stopped.'), ['QCB']);
  });
});

describe('letters spelt by emphasised initials right after the use', () => {
  test('bold or italic initials in order introduce the letters for the scope', () => {
    assert.deepEqual(undefinedKeys('Data meet the QAIR principles of **Q**uietness, **A**ccess, **I**nterplay and **R**euse.\n'), []);
    assert.deepEqual(undefinedKeys('They form the **QIM** mnemonic [@x]: *Q* is for quiet rate, *I* is for irregular beats and *M* is for mild effort.\n'), []);
  });
  test('initials in another order, too few, or far after the use introduce nothing', () => {
    assert.deepEqual(undefinedKeys('The QZR rose while **Q**, **Z** and **X** were listed.\n'), ['QZR']);
    assert.deepEqual(undefinedKeys('The QZR rose while **Q** and **Z** were listed.\n'), ['QZR']);
    assert.deepEqual(undefinedKeys(`The QZR rose. ${'Words go on here. '.repeat(15)}Then **Q**, **Z** and **R** were listed.\n`), ['QZR']);
  });
});

describe('a release labelled beside the word that names it', () => {
  test('a label holding a digit after `version` or `release` is a name', () => {
    assert.deepEqual(undefinedKeys('Effects came from the file (version 23Q2), and expression from release 22Q9.\n'), []);
  });
  test('a label holding a digit before `release` or `version` is a name', () => {
    assert.deepEqual(undefinedKeys('Expression came from the 22Q9 release of the atlas.\n'), []);
    // A protein's release is its secretion: the symbol stays an abbreviation.
    assert.deepEqual(undefinedKeys('Cells showed more QZL2 release after stimulation.\n'), ['QZL2']);
    assert.deepEqual(undefinedKeys('Platelet 2-QG release and 12-QETE release rose; later 2-QG and 12-QETE levels were pooled.\n'), ['2-QG', '12-QETE']);
  });
  test('letters without a digit, or a label after another word, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('Effects came from the QZR version and the 22Q9 file.\n'), ['QZR', '22Q9']);
  });
});
