// Definitions written the way real manuscripts write them (issue 14, class 5): readings the
// letters-in-order alignment cannot make. Every example is made up; each reading has cases it
// must find and cases it must leave alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectDefinitions } from '../../server/src/service/abbreviations/definitionDetector.js';
import { createTerminologyService } from '../../server/src/service/index';

/** Short form, long form, and the shared words when a definition borrows them: `lead` before, `head` after. */
type Found = [short: string, long: string, shared?: { lead?: string; head?: string }];

function found(text: string): Found[] {
  return detectDefinitions(text).map((d) => {
    assert.equal(text.slice(d.shortStart, d.shortEnd), d.short);
    assert.equal(text.slice(d.longStart, d.longEnd), d.long);
    const shared = { ...(d.sharedLeadingWords ? { lead: d.sharedLeadingWords } : {}), ...(d.sharedTrailingWords ? { head: d.sharedTrailingWords } : {}) };
    return Object.keys(shared).length > 0 ? [d.short, d.long, shared] : [d.short, d.long];
  });
}

function check(cases: Array<[name: string, text: string, expected: Found[]]>): void {
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(found(text), expected));
}

describe('a single letter naming the word before a class noun', () => {
  check([
    ['the letter names the word before "glycoprotein"', 'The viral spike glycoprotein (S) binds the receptor.', [['S', 'spike']]],
    ['the same long form as the letter written before the class noun', 'The envelope (E) protein and the matrix protein (M) bind.', [['E', 'envelope'], ['M', 'matrix']]],
    ['a class noun that starts with the letter is read plainly', 'The viral envelope glycoprotein (G) binds.', [['G', 'glycoprotein']]],
    ['the word before the class noun does not start with the letter', 'The large envelope protein (S) binds.', []],
    ['a word that is not a class noun is not left out', 'The spike density (S) was high.', []],
  ]);
});

describe('a capitalised name closing with an and-part its short form leaves out', () => {
  check([
    ['the and-part stays in the name', 'Epitopes came from the Tumour Antigen Registry and Analysis Portal (TAR) online.', [['TAR', 'Tumour Antigen Registry and Analysis Portal']]],
    ['lower-case prose joins another thing with and', 'Epitopes came from the tumour antigen registry and analysis portal (TAR) online.', []],
    ['an and inside the name before an of-part still reads the of-part', 'Scores on the Five-Factor Model of Mood and Personality (FFM) fell.', [['FFM', 'Five-Factor Model of Mood and Personality']]],
  ]);
});

describe('a short form that carries its head noun spelled out, or its cell type', () => {
  check([
    ['the noun is the long form\'s own', 'We compared NK cells from peripheral blood (PB-NK cells) with others.', [['PB-NK', 'NK cells from peripheral blood']]],
    ['singular and plural name the same noun', 'NK cells isolated from cord blood (CB-NK cell) products were thawed.', [['CB-NK', 'NK cells isolated from cord blood']]],
    ['a noun outside the long form is not its head', 'The ratio of total antigen and bound antigen (TA-BA ratio) rose.', []],
    ['a noun the long form does not hold', 'We compared NK cells from cord blood (PB-NK cells) with others.', []],
    // Cells named by their source and the cell type's abbreviation, the type not in the words: the source is defined.
    ['the words spell the source, which the bracket defines', 'Killer cells were obtained from quartz lymph blood (QLB-NK) and used fresh.', [['QLB', 'quartz lymph blood']]],
    ['with the noun after the cell type', 'T cells came from quiet marrow (QM-T cells) only.', [['QM', 'quiet marrow']]],
    ['the cell type must be one', 'Cells came from quartz lymph blood (QLB-QZ) only.', []],
    ['the words must spell the source', 'NK cells were obtained from the donors (QLB-NK) and used fresh.', []],
  ]);
});

describe('a series of definitions sharing leading words', () => {
  check([
    [
      'later items leave the shared words out',
      'It mediates antibody-dependent cellular phagocytosis (ADCP), complement deposition (ADCD) and neutrophil phagocytosis (ADNP).',
      [
        ['ADCP', 'antibody-dependent cellular phagocytosis'],
        ['ADCD', 'complement deposition', { lead: 'antibody-dependent' }],
        ['ADNP', 'neutrophil phagocytosis', { lead: 'antibody-dependent' }],
      ],
    ],
    [
      'items separated by semicolons',
      'We predicted tumour-associated macrophage density (TAMD); neutrophil count (TANC).',
      [['TAMD', 'tumour-associated macrophage density'], ['TANC', 'neutrophil count', { lead: 'tumour-associated' }]],
    ],
    ['one shared letter is chance, not a series', 'We saw acute kidney injury (AKI), chronic disease (ACD) and more.', [['AKI', 'acute kidney injury']]],
    ['a short form that shares no leading letters', 'It mediates antibody-dependent cellular phagocytosis (ADCP), complement deposition (CDX).', [['ADCP', 'antibody-dependent cellular phagocytosis']]],
    ['the shared letters must be whole words of the first item', 'We measured adenosine deaminase (ADA), cell death (ADCD).', [['ADA', 'adenosine deaminase']]],
  ]);
});

describe('a lower-case prefix on an abbreviation', () => {
  check([
    ['the prefix is a word of the long form', 'Patients had CAR T-cell associated HLH (carHLH) after infusion.', [['carHLH', 'CAR T-cell associated HLH']]],
    ['the prefix is the initials of the qualifying words', 'Relapsed or refractory DLBCL (rrDLBCL) is common.', [['rrDLBCL', 'Relapsed or refractory DLBCL']]],
    ['a head noun names the abbreviation', 'Outcomes are poor in primary refractory or relapsed disease (rrDLBCL) after ASCT.', [['rrDLBCL', 'refractory or relapsed disease']]],
    ['one initial before a head noun is chance', 'We saw relapsed disease (rrDLBCL) twice.', []],
    ['nothing spells the prefix', 'The group with a very bad outcome (carHLH) died.', []],
    [
      'the abbreviation is defined inside the long form, a prepositional phrase after it',
      'In the progression of marginal zone lymphoma (MZL) to aggressive QLBL (pMZL), clones branch.',
      [['MZL', 'marginal zone lymphoma'], ['pMZL', 'progression of marginal zone lymphoma (MZL) to aggressive QLBL']],
    ],
    ['the inner long form does not spell the abbreviation', 'In the progression of lymphoma (MZ) to aggressive QLBL (pMZ), clones branch.', []],
    ['no prepositional phrase after the inner definition', 'In the progression of marginal zone lymphoma (MZL) aggressive QLBL (pMZL), clones branch.', [['MZL', 'marginal zone lymphoma']]],
    ['the prefix spells no word before', 'In the course of marginal zone lymphoma (MZL) to aggressive QLBL (pMZL), clones branch.', [['MZL', 'marginal zone lymphoma']]],
    // The qualifier written after the abbreviation, in a phrase a preposition opens.
    ['the prefix starts a word of a phrase after the written abbreviation', 'We split QLL with mutated QGHV genes (mQLL) from the rest.', [['mQLL', 'QLL with mutated QGHV genes']]],
    ['after the initials of the abbreviation and one head noun', 'We fit quasi least squares regression in tensor form (tQLS) to both.', [['tQLS', 'quasi least squares regression in tensor form']]],
    ['no preposition opens the qualifier', 'We split QLL mutated QGHV genes (mQLL) from the rest.', []],
    ['no word of the qualifier starts with the prefix', 'We split QLL with altered QGHV genes (mQLL) from the rest.', []],
    ['the words before the preposition do not spell the abbreviation', 'We fit quasi lean regression in tensor form (tQLS) to both.', []],
  ]);
});

describe('an abbreviation written as the first word of a longer short form\'s long form', () => {
  check([
    ['lower-case initials after the inner abbreviation', 'Two reached QR with incomplete marrow recovery (QRi) by day 28.', [['QRi', 'QR with incomplete marrow recovery']]],
    ['a function word before the first initial, none after the last', 'Two reached QR with partial haematological recovery (QRh) then.', [['QRh', 'QR with partial haematological recovery']]],
    ['a capital after a hyphen', 'Cells were QK T cells (QK-T) from blood.', [['QK-T', 'QK T cells']]],
    ['the initials spell no word after it', 'Two reached QR with a marrow recovery (QRi) by day 28.', []],
    ['too many words run on after the last initial', 'Two reached QR with incomplete and slow marrow count recovery (QRi) by day 28.', []],
    ['the inner abbreviation is not written', 'Two reached remission with incomplete marrow recovery (QRi) by day 28.', []],
  ]);
});

describe('the symbol of a statistic named by its quantity', () => {
  check([
    ['a panel of a legend names the quantity', 'A) Percent variance explained (R2Y) versus the number of components.', [['R2Y', 'Percent variance explained']]],
    ['after a stop and an article', 'Errors fell. The fraction of variance predicted (Q2Z) rose.', [['Q2Z', 'fraction of variance predicted']]],
    ['no quantity named', 'A) Cells of the leukocyte type (H2Z) grew.', []],
    ['the name is a clause, not a quantity', 'We then saw that the percent of all cells that were seen (R3Z) rose.', []],
    ['not the shape of a statistic', 'A) Percent variance explained (PVZ) versus components.', []],
  ]);
});

describe('two coordinated terms sharing their head words', () => {
  check([
    [
      'the first term borrows the head of the second',
      'Tumours were profiled by whole genome (WGS, 20 patients) or whole exome sequencing (WES, 30 patients).',
      [['WGS', 'whole genome', { head: 'sequencing' }], ['WES', 'whole exome sequencing']],
    ],
    ['one word before the head', 'We measured total (TC) and free cholesterol (FC).', [['TC', 'total', { head: 'cholesterol' }], ['FC', 'free cholesterol']]],
    ['the short forms end differently', 'We studied tumour (TS) and normal cells (NC).', [['NC', 'normal cells']]],
    ['the second term is not written as a definition', 'We used whole genome (WGS) or exome data from the cohort.', []],
    [
      'a list: the next term after a comma writes the head',
      'We compared quiet (QS), zonal-related survival (ZRS) and more.',
      [['QS', 'quiet', { head: 'survival' }], ['ZRS', 'zonal-related survival']],
    ],
    [
      'a list: a later term writes the head for each before it',
      'We compared quiet (QS), zonal-related (ZRS) and relapse-free survival (RFS) here.',
      [['QS', 'quiet', { head: 'survival' }], ['ZRS', 'zonal-related', { head: 'survival' }], ['RFS', 'relapse-free survival']],
    ],
    ['a list whose terms share no head', 'We saw quiet kinetics (QK), zonal cells (ZC) and more.', [['QK', 'quiet kinetics'], ['ZC', 'zonal cells']]],
  ]);
});

describe('two coordinated terms sharing their head words, both short forms in one bracket', () => {
  check([
    [
      'lower-case initials before the shared head',
      'Infiltration by myeloid and plasmacytoid dendritic cells (mDC and pDC) rose.',
      [['mDC', 'myeloid', { head: 'dendritic cells' }], ['pDC', 'plasmacytoid dendritic cells']],
    ],
    ['joined by or', 'Tumours had whole genome or whole exome sequencing (WGS or WES) done.', [['WGS', 'whole genome', { head: 'sequencing' }], ['WES', 'whole exome sequencing']]],
    ['joined by a comma', 'We measured total and free cholesterol (TC, FC) twice.', [['TC', 'total', { head: 'cholesterol' }], ['FC', 'free cholesterol']]],
    ['joined by a slash', 'Methods like independent or quasi zone analysis (IZA/QZA) did well.', [['IZA', 'independent', { head: 'zone analysis' }], ['QZA', 'quasi zone analysis']]],
    ['a slash pair whose letters do not end alike', 'Methods like independent or quasi zone analysis (IZA/QZB) did well.', []],
    ['the head words are not written', 'Infiltration by myeloid and plasmacytoid cells (mDC and pDC) rose.', []],
    ['the short forms end differently', 'We studied tumour and normal cells (TS and NC) here.', []],
    ['no and before the second term', 'Infiltration by myeloid plasmacytoid dendritic cells (mDC and pDC) rose.', []],
    ['the pair followed by respectively', 'We report quiet and zonal-free survival (QS and ZFS, respectively) here.', [['QS', 'quiet', { head: 'survival' }], ['ZFS', 'zonal-free survival']]],
    ['a suspended hyphen: the head is the rest of the second word', 'We weighed quiet- and zonal-base substitution (QBS and ZBS, respectively) here.', [['QBS', 'quiet-', { head: 'base substitution' }], ['ZBS', 'zonal-base substitution']]],
    ['a suspended hyphen before one word', 'Patients in quiet- and zonal-dose (QD and ZD) cohorts.', [['QD', 'quiet-', { head: 'dose' }], ['ZD', 'zonal-dose']]],
    ['a suspended hyphen whose first letters do not fit', 'Patients in quiet- and zonal-dose (XD and ZD) cohorts.', []],
  ]);
});

describe('two terms written in full, then their short forms in one bracket', () => {
  check([
    ['joined by and, with respectively', 'We report quiet survival and zonal-free survival (QS and ZFS, respectively) here.', [['QS', 'quiet survival'], ['ZFS', 'zonal-free survival']]],
    ['joined by or, without respectively', 'Rates of quiet response or zonal response (QR or ZR) were high.', [['QR', 'quiet response'], ['ZR', 'zonal response']]],
    ['the first term does not spell its short form: neither is defined', 'We saw tumour and normal cells (TS and NC) here.', []],
    ['a term holding its own and', 'Signalling through quiet kinase and signal zonal and activator of transcription 3 (QK and SZAT3) rose.', [['QK', 'quiet kinase'], ['SZAT3', 'signal zonal and activator of transcription 3']]],
    ['two short forms joined by and are never one short form', 'We report quiet survival and zonal-free survival (QS and ZFS) here, then (QS and ZFS, respectively).', [['QS', 'quiet survival'], ['ZFS', 'zonal-free survival']]],
  ]);
});

describe('a long form, then or and the short form, without brackets', () => {
  check([
    ['a word a letter, plural short form', 'The method uses quiet zonal variables or QZVs as modules.', [['QZVs', 'quiet zonal variables']]],
    ['a hyphen splits a word; the last letter from inside the last word', 'We applied the quasi-level zonal extractor or QLZER [@x] first.', [['QLZER', 'quasi-level zonal extractor']]],
    ['the short form in quotation marks', "Nextflow (a quasi-specific-language or 'QSL', for pipelines) ran.", [['QSL', 'quasi-specific-language']]],
    ['the short form first, then a comma, or and the long form', 'QMD-MA, or Quasi Mean Distance - Manifold Alignment, is unsupervised.', [['QMD-MA', 'Quasi Mean Distance - Manifold Alignment']]],
    ['a comma and or before words that do not spell it', 'QMD-MA, or a method of alignment, is unsupervised.', []],
    ['two terms joined by or', 'Cells were T cells or QK cells.', []],
    ['a list before or', 'We used rituximab, cyclophosphamide or QC here.', []],
    ['a function word among the spelling words', 'Levels of the quiet zone or QZA were low.', []],
  ]);
});

describe('a name called by one of its words in capitals', () => {
  check([
    [
      'a register inside an outer bracket',
      'We searched databases (Cochrane Central Register of Controlled Trials (CENTRAL), MEDLINE) and indexes.',
      [['CENTRAL', 'Cochrane Central Register of Controlled Trials']],
    ],
    ['a leading article stays out', 'The Heart Rhythm Outcomes Registry (RHYTHM) enrolled adults.', [['RHYTHM', 'Heart Rhythm Outcomes Registry']]],
    ['the word is not in the name', 'We searched the Cochrane Register of Controlled Trials (CENTRAL) too.', []],
    ['a word alone is no name', 'Data came from Central (CENTRAL) only.', []],
    ['a short word in capitals is an ordinary abbreviation', 'We used the Cell Atlas Registry (CELL) data.', [['CELL', 'Cell Atlas Registry']]],
    ['three letters are too few', 'We used the Sun Trial Registry (SUN) data.', []],
  ]);
});

describe('a long form written with spaced hyphens', () => {
  check([
    ['quoted, hyphens with spaces', "Rules followed the 'gene - protein - reaction' (GPR) principle.", [['GPR', 'gene - protein - reaction']]],
    ['en dashes with spaces', 'Staging used the tumour – node – metastasis (TNM) system.', [['TNM', 'tumour – node – metastasis']]],
    ['a dash that sets off a remark leaves the long form after it', 'We sorted the cells - natural killer (NK) cells - by CD56.', [['NK', 'natural killer']]],
    ['letters that do not fit across the dash', 'We sorted the cells - all of them (GPR) - by CD56.', []],
  ]);
});

describe('a regimen spelling out its listed drugs', () => {
  check([
    ['one letter per drug', 'All patients received GDP (gemcitabine, dexamethasone, cisplatin) before ASCT.', [['GDP', 'gemcitabine, dexamethasone, cisplatin']]],
    ['drugs that do not spell the short form', 'All patients received GDP (rituximab, oxaliplatin, and etoposide) before ASCT.', []],
  ]);
  test('the regimen is written before its drugs', () => {
    assert.deepEqual(detectDefinitions('Patients received GDP (gemcitabine, dexamethasone, cisplatin).').map((d) => d.pattern), ['short-long']);
  });
});

describe('what the document makes of the borrowed words', () => {
  const service = createTerminologyService();
  const lint = (text: string) => service.lint({ uri: 'series.md', version: 1, text }, {});
  test('a series item and a later full definition agree: a repeat, not a conflict', () => {
    const text = [
      '# Results',
      '',
      'It mediates antibody-dependent cellular phagocytosis (ADCP) and complement deposition (ADCD).',
      '',
      'Later, antibody-dependent complement deposition (ADCD) was measured; ADCD and ADCP rose.',
      '',
    ].join('\n');
    const codes = lint(text).map((d) => d.code);
    assert.ok(!codes.includes('conflicting-expansion'), codes.join(', '));
    assert.ok(codes.includes('redefined-abbreviation'), codes.join(', '));
  });
  test('a legend key whose last pair carries a remark defines that pair too', () => {
    const text = [
      '# Results',
      '',
      'Groups differed.',
      '',
      '![Groups. EC: elite controller, VC: viraemic controller (see methods). Shown are EC and VC.](fig1.png){#fig:groups}',
      '',
    ].join('\n');
    const undefinedKeys = lint(text).filter((d) => d.code === 'undefined-abbreviation').map((d) => text.slice(d.start, d.end));
    assert.deepEqual(undefinedKeys, []);
  });
});

describe('a short form spelled by the initials of a bracketed list', () => {
  check([
    ['capitalised items, one per letter', 'Questions followed PICO (Population, Intervention, Comparison, Outcome) throughout.', [['PICO', 'Population, Intervention, Comparison, Outcome']]],
    ['the noun the short form names may stand between', 'Data follow the ZANE principles (Zoned, Annotated, Normalised, Exported data) here.', [['ZANE', 'Zoned, Annotated, Normalised, Exported data']]],
    ['small-letter items and a closing and', 'Goals were QUIRK (quick, useful, inexpensive, repeatable and kind) for all.', [['QUIRK', 'quick, useful, inexpensive, repeatable and kind']]],
    ['items opening with emphasis', 'The BEK group (_Borrelia burgdorferi_, _Escherichia coli_, _Klebsiella oxytoca_) grew.', [['BEK', '_Borrelia burgdorferi_, _Escherichia coli_, _Klebsiella oxytoca_']]],
    ['a list one item short defines nothing', 'Goals were QUIRK (quick, useful, inexpensive and kind) for all.', []],
    ['an item out of step defines nothing', 'Questions followed PICO (Intervention, Population, Comparison, Outcome) throughout.', []],
    ['a list of symbols after a short form defines nothing', 'We tested CAR constructs (CD19, CD22, and CD20) in mice.', []],
    ['two nouns between short form and list define nothing', 'Data follow the ZANE data principles (Zoned, Annotated, Normalised, Exported) here.', []],
  ]);
});

describe('a short form defined by the initials of a list, in a manuscript', () => {
  const service = createTerminologyService();
  const codes = (text: string) => service.lint({ uri: 'i.md', version: 1, text: `# Methods\n\n${text}\n` }, {}).map((d) => d.code);
  test('a use later is a use of the definition', () =>
    assert.deepEqual(codes('Questions followed PICO (Population, Intervention, Comparison, Outcome). Each PICO element was coded.'), []));
  test('named once, the short form is not unused: it names the thing, the list only spells its letters', () =>
    assert.deepEqual(codes('Data follow the ZANE principles (Zoned, Annotated, Normalised, Exported data) here.'), []));
});

describe('a rate whose short form leaves out what its unit counts', () => {
  check([
    ['the counted words after the unit', 'Expression was given as quarks per kilobase per million mapped quarks (QPKM) here.', [['QPKM', 'quarks per kilobase per million mapped quarks']]],
    ['one counted word', 'Counts were scaled to zorbs per million zorbs (ZPM) first.', [['ZPM', 'zorbs per million zorbs']]],
    ['the other way round, the long form in the bracket', 'We report the QPKM (quarks per kilobase per million mapped quarks) values here.', [['QPKM', 'quarks per kilobase per million mapped quarks']]],
    ['no per before the unit: no rate, no reading', 'We used the QZB (quick zebra barrel mapped reads) here.', []],
    ['three words after the unit are more than a count noun', 'Counts were zorbs per million of all mapped zorbs (ZPM) here.', []],
    ['a capitalised word after the unit is not what it counts', 'Counts were zorbs per million Quark Reads (ZPM) here.', []],
  ]);
});

describe('a long form and its short form inside one bracket', () => {
  check([
    ['the bracket holds the long form, a comma and the short form', 'Signalling rose (interleukin-15, IL-15) in cells.', [['IL-15', 'interleukin-15']]],
    ['a hyphen-joined long form with a short form inside it', 'Reads came (ChIP-sequencing, CS) from cells.', [['CS', 'ChIP-sequencing']]],
    ['two abbreviations listed are no long form and its short form', 'Signalling rose (pQTAT5, pQ6) and (CD56, CD) in cells.', []],
  ]);
});

describe('a short form with its program\'s release in the bracket', () => {
  check([
    ['a release after the short form', 'Variants were annotated by the Quiet Effect Predictor (QEP v105) tool.', [['QEP', 'Quiet Effect Predictor']]],
    ['a release written as a word', 'Reads were aligned with Quiet Transcript Aligner (QTA version 2.7.9a).', [['QTA', 'Quiet Transcript Aligner']]],
    ['a word after the short form is no release', 'Reads came from the Quiet Transcript Aligner (QTA vendor) pipeline.', []],
  ]);
});

describe('a method run in tandem, its capitals on both sides of a slash', () => {
  check([
    ['tandem as its own word inside the long form', 'We used Quiet Chromatography with Tandem Zonal Spectrometry (QC-ZS/ZS) here.', [['QC-ZS/ZS', 'Quiet Chromatography with Tandem Zonal Spectrometry']]],
    ['tandem joined to the method before it', 'We used quiet chromatography-tandem zonal spectrometry (QC-ZS/ZS) here.', [['QC-ZS/ZS', 'quiet chromatography-tandem zonal spectrometry']]],
    ['tandem opens the long form', 'We used tandem zonal spectrometry (ZS/ZS) here.', [['ZS/ZS', 'tandem zonal spectrometry']]],
    ['no tandem written: no definition', 'We used quiet chromatography zonal spectrometry (QC-ZS/ZS) here.', []],
    ['tandem not next to the words spelled', 'We used tandem repeats of zonal spectrometry (ZS/ZS) here.', []],
  ]);
});
