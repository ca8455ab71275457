import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMentionTokens } from '../../server/src/service/model/mentions';
import { isChemicalFormula, isLowerCaseGeneSegment, isNotation } from '../../server/src/service/model/notation';
import { undefinedKeys } from '../helpers/undefinedKeys';

const mentionsOf = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);

describe('notations are not abbreviations', () => {
  const notations = [
    // A primer's sequence, degenerate codes and its 3′ end marked.
    'TCGTCGGCAGCGTCAGATGTGTATAAGAG',
    'GTCTCGTGGGCTCGGAGATGTGTATAAGAGACAGTACNVGGGTATCTAATCC-3',
    // Chemical formulas with a two-letter element and a count.
    'TcO4', 'MgCl2', 'NaN3', 'CuSO4', 'ZnCl2',
    // Glycine–serine linkers.
    'G4S', 'G3S',
    // IgG glycoforms.
    'G0F', 'G1FB', 'G2FS1', 'G2S2', 'G0B',
    // Genome builds.
    'GRCh37', 'GRCm39', 'GRCz11',
    // Camel-cased software with its version; a kit chemistry version.
    'QuarTect2', 'FlowMix10', '10Xv3',
    // Histone residues (Brno nomenclature), with or without the modification.
    'H3K36', 'H3K27', 'H3K4me3', 'H2AK119', 'H3.3K27',
    // A number with one capital: counts with a multiplier, coverage, dimensions, numbered clades.
    '27K', '450K', '1.5M', '10X', '3D', '20A', '22F',
    // Numbers in E notation.
    '1.59E-8', '3E+5', '2.1E10',
    // Cell-cycle transitions written without their slash.
    'G2M', 'G1S', 'G0G1',
    // Dinucleotides with their phosphodiester's p.
    'TpG', 'CpA', 'ApU',
    // Antibodies named by their target and fluorochrome, and tandem dyes.
    'CD3-APC', 'CD19-PE-Cy7', 'NKG2D-BV421', 'CD16-FITC', 'PerCP-Cy5.5', 'HLA-DR-BUV395', 'CD8-AF647', 'CD4-APC-H7',
    // A hydrolysis probe's reporter and quencher written onto its bases, with the ends' positions.
    '6-VIC-CCT', 'G-MGB', 'FAM-ACCCCGCATTACGTTTGG-BHQ1-3', '5-HEX-AGTC', 'TGCA-BHQ2', 'ROX-GGA-IBFQ',
    // MicroRNAs as miRBase names them, with a species code, an arm, a paralogue, a star; the let-7 family; a hyphen left out.
    'miR-155', 'miR-34c-5p', 'miR-181a-2-3p', 'miR-21*', 'hsa-miR-21-5p', 'mmu-miR-881-3p', 'mir-17', 'let-7a', 'let-7f-2-3p', 'miR34c-5p',
    // Alu subfamilies and their branches.
    'AluY', 'AluS', 'AluJ', 'AluSx', 'AluJb', 'AluYa5', 'AluSz6',
  ];
  for (const text of notations) test(`notation: ${text}`, () => assert.equal(isNotation(text), true));

  const abbreviations = [
    // Eleven base codes or fewer, or another letter among them: abbreviations (`GATA`, a factor's family).
    'GATA',
    'ACGTACGTACG',
    'ACGTACGTACGTQ',
    // Gene symbols that spell one-letter elements, and pairs with one count.
    'CYP2B6', 'B7H3', 'NOS2', 'HSP90B1', 'NK1', 'HSV1', 'CO2', 'KH2PO4',
    // Cell-cycle phases and a gene that look like glycoforms; more sialic acids than galactoses.
    'G1', 'G0S2', 'G0S1', 'G1S2',
    // Linkers are glycine–serine units of a few residues; other G…S codes are not.
    'G6S', 'G12S',
    // Capitals are not a genome build, nor a camel word without a version.
    'GRCH37', 'QuarTect', 'CoV2', 'IgG1', 'HepG2',
    // A fluorochrome's letters alone, or with a word after them, may be an abbreviation (antigen-presenting cell).
    'APC', 'PE', 'APC-like', 'PE-QZ',
    // Not histones: a histone number outside H1–H4, a residue letter no amino acid of a mark.
    'H5K36', 'H3Q12',
    // Not a number with one capital: two capitals, letters before the number, E notation without its exponent.
    '27BK', 'K27', '5FU', 'E10', '1.5E-',
    // Phases out of their order, or a phase with another code, are not a transition.
    'G1M', 'G3M', 'G2MS', 'G0G2',
    // Not a dinucleotide: a letter no nucleotide's code.
    'TpQ', 'QpG',
    // A probe label alone, or beside letters that are no bases or another word.
    'FAM', 'VIC', 'FAM-ZQX', 'HEX-like', 'TET-ON', 'ROX-1',
    // A reporter's name with a letter or two of base codes after it: an abbreviation (hexosaminidase A, a TET domain).
    'HEX-A', 'HEX-B', 'TET-DM',
    // Not a microRNA: no number after `miR`, an arm other than 3p or 5p, a species code of capitals.
    'miR', 'miRNA', 'miR-34c-4p', 'HSA-miR-21',
    // Not an Alu subfamily: another family letter, or capitals after it.
    'AluQ', 'AluYAB',
  ];
  for (const text of abbreviations) test(`not notation: ${text}`, () => assert.equal(isNotation(text), false));

  test('a combining form on an abbreviation that needs no definition makes a word; a clipped word does not', () => {
    assert.deepEqual(undefinedKeys('Levels of microRNA and microDNA at CpG sites; circRNA and lncRNA too.'), ['circRNA', 'lncRNA']);
  });

  test('a formula needs every part to be an element', () => {
    assert.equal(isChemicalFormula('TcO4'), true);
    assert.equal(isChemicalFormula('TqO4'), false);
    assert.equal(isChemicalFormula('Tc'), false);
  });

  test('in prose, notations give no mention and no undefined-abbreviation', () => {
    assert.deepEqual(mentionsOf('a (G4S)3 linker, (99m)TcO4- uptake, G0F and G2FS1 glycans on GRCh38 with QuarTect2'), []);
    assert.deepEqual(undefinedKeys('The fusion used a (G4S)4 linker and reads went to GRCh37 and the G1FB glycoform.'), []);
  });
  test('a cell-cycle transition in prose is no undefined abbreviation', () => {
    assert.deepEqual(undefinedKeys('Cells arrested at G2M, and the G2M checkpoint and G1S genes rose.'), []);
    assert.deepEqual(undefinedKeys('Cells arrested at G2M while QZM rose.'), ['QZM']);
  });
  test('a probe written with its labels on its bases gives no undefined abbreviation; a label in prose still may', () => {
    assert.deepEqual(undefinedKeys('The probe (6-VIC-CCT ACC GAA GCA AAT G-MGB, 10 uM) and the QZP mix were added.'), ['QZP']);
  });
  test('an abbreviation beside notation is still reported', () => {
    assert.deepEqual(undefinedKeys('The QZL fusion used a (G4S)4 linker.'), ['QZL']);
  });
});

describe('a lower-case gene after a hyphen belongs to the name', () => {
  test('two consonants that are not a unit or prose abbreviation', () => {
    assert.equal(isLowerCaseGeneSegment('tk'), true);
    for (const word of ['vs', 'ng', 'bp', 'of', 'to', 'neo', 'cell']) assert.equal(isLowerCaseGeneSegment(word), false, word);
  });
  test('the mention runs over it; ordinary words still cut the token', () => {
    assert.deepEqual(mentionsOf('the QSV1-tk and QSV-tk reporters; CAR-vs-TCR; NK-cell lysis; IL-2-ng doses'), ['QSV1-tk', 'QSV-tk', 'CAR', 'TCR', 'NK', 'IL-2']);
  });
  test('reported once, whatever the case of the gene', () => {
    assert.deepEqual(undefinedKeys('The QSV1-tk reporter and the QSV1-TK gene.'), ['QSV1-tk']);
  });
});

describe("a matrix's dimensions set as its subscript", () => {
  test('single capitals joined by x or × in a subscript on a symbol, pandoc or HTML, are notation', () => {
    assert.deepEqual(undefinedKeys('We build a matrix A<sub>CxE</sub> and T~ExF~ and M<sub>N×K</sub> for all cells.\n'), []);
  });
  test('other subscripts are read as before: a capital with a word (T~reg~); a number glued to a name reads as the name written plain', () => {
    assert.deepEqual(undefinedKeys('With T~reg~ cells, QZ<sub>50</sub> values and a free-standing QxZ label.\n'), ['T~reg~', 'QxZ']);
    assert.deepEqual(undefinedKeys('With T~reg~ cells, QZ50 values and a free-standing QxZ label.\n'), ['T~reg~', 'QxZ']);
  });
  test('a subscript standing apart from a symbol is prose', () => {
    assert.deepEqual(undefinedKeys('The label <sub>QxZ</sub> was small.\n'), ['QxZ']);
  });
});

describe('radiolabels, nucleotides and file formats need no definition', () => {
  test('a nuclide by its mass number and element, bracketed or with its position', () => {
    assert.deepEqual(undefinedKeys('Lysis was read by 51Cr release; [α-32P]dCTP and [3H]thymidine labelled DNA, and 99mTc and 125I traced it.\n'), []);
  });
  test('a number before letters that are no element stays an abbreviation to define', () => {
    assert.deepEqual(undefinedKeys('Cells were sorted for 5QZ before use.\n'), ['5QZ']);
  });
  test('deoxynucleotides and cyclic nucleotides, as the journals\' standard lists give ATP and its kin', () => {
    assert.deepEqual(undefinedKeys('Reactions held dNTPs, dATP and dUTP; cAMP and cGMP rose.\n'), []);
  });
  test('purinoceptors by their IUPHAR names, plain or with a numbered subscript', () => {
    assert.deepEqual(undefinedKeys('Platelets express P2Y~1~ and P2Y12; P2X7 gates pores, as P2X receptors and P2Y receptors do.\n'), []);
    assert.deepEqual(undefinedKeys('The P2Q4 and QY12 sites bound.\n'), ['P2Q4', 'QY12']);
  });
  test('a numbered subscript is part of the name: the definition covers the later uses', () => {
    assert.deepEqual(undefinedKeys('Platelets made thromboxane A~2~ (TxA~2~); TxA~2~[@ref] and TxA~2~ rose, and QP~3~ fell.\n'), ['QP~3~']);
  });
  test('a decimal subscript is part of the name too: the mention is not cut before it', () => {
    assert.deepEqual(undefinedKeys('Quark matter QM~2.5~ rose; QM~2.5~ fell, and QZ~0.5~ too.\n'), ['QM~2.5~', 'QZ~0.5~']);
  });
  test('a number set as a subscript in TeX math or HTML is part of the name too', () => {
    assert.deepEqual(undefinedKeys('Quark matter QM$_{2.5}$ rose; QM<sub>2.5</sub> fell, QZ$_{10}$ too, and $x_2$ and QY$_{i}$ stayed.\n'), ['QM$_{2.5}$', 'QZ$_{10}$', 'QY']);
  });
  test('a number set as a pandoc subscript is part of the name too; a struck-out run is no subscript', () => {
    assert.deepEqual(undefinedKeys('Pressure was 5 cmH~2~O and 8 cmH<sub>2</sub>O; quark matter QM~2.5~ rose.\n'), ['QM~2.5~']);
    assert.deepEqual(undefinedKeys('Quark matter QM~~2~~ rose.\n'), ['QM']);
  });
  test('a number set as a subscript with LaTeX\'s text command is part of the name too', () => {
    assert.deepEqual(undefinedKeys('Quark matter QM\\textsubscript{2.5} rose, NO\\textsubscript{2} was given, and \\textsubscript{3} alone stayed.\n'), ['QM\\textsubscript{2.5}']);
    assert.deepEqual(undefinedKeys('Expression quiet-fold (log\\textsubscript{2} QF) was computed; QF rose.\n'), []);
  });
  test('a formula whose counts are set in TeX math or HTML is notation, as with pandoc\'s subscripts', () => {
    assert.deepEqual(undefinedKeys('We added MgSO<sub>4</sub>, NO<sub>2</sub>, NO$_2$, SO$_{2}$ and K$_2$HPO$_4$.\n'), []);
  });
  test('the symbols of gas exchange spell elements by chance and stay abbreviations, plain or with a subscript', () => {
    assert.deepEqual(undefinedKeys('Gases gave PaO2 and PaCO2; VO2 and VCO2 rose; SpO2 fell.\n'), ['PaO2', 'PaCO2', 'VO2', 'VCO2', 'SpO2']);
    assert.deepEqual(undefinedKeys('Gases gave PaO$_2$ and VO~2~, with NO$_2$ and MgSO<sub>4</sub> added.\n'), ['PaO$_2$', 'VO~2~']);
  });
  test('a binary unit of storage is a unit wherever it stands', () => {
    assert.deepEqual(undefinedKeys('Memory usage (in GiB) and 80 GiB HBM on a 2 TiB disk; QiB stayed.\n'), ['HBM', 'QiB']);
  });
  test('a roman numeral and a capital after a word naming the kind of label is a label; the shape alone is not', () => {
    assert.deepEqual(undefinedKeys('Fibres were Type I, Type IIA (brown), IIX or Type IIA/IIX hybrids, and stage IIIB tumours grew; QIIA, IVF and IVC too.\n'), ['QIIA', 'IVF', 'IVC']);
  });
  test('a nucleotide after oligo and a hyphen names the primer, as in brackets', () => {
    assert.deepEqual(undefinedKeys('Oligo-dT primers, oligo-dT and oligo(dT) were used; a QdT primer too.\n'), ['QdT']);
  });
  test('letters ending a case reference or opening a permit number are part of it', () => {
    assert.deepEqual(undefinedKeys('Approved (Study I, 36930/3/QL; Study II, 51549/3/QH) under permit number QB 55/16; QX 55/16 and CD4/QZ stayed.\n'), ['QX', 'QZ']);
    // One number before the slash is a ratio or a year: `1/MIC`, `2022/ICC`.
    assert.deepEqual(undefinedKeys('Criteria of 2022/QCC were used and 1/QIC values compared.\n'), ['QCC', 'QIC']);
  });
  test('a forward and reverse primer of one stem are names; a ligand and its receptor stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('Primers QAPDHF/QAPDHR, QT1F/QT1R and QAEMNF/QAEMNR2 were used, as were QLF/Q762R; QGF/QGFR signalling rose.\n'), ['QLF', 'QGF', 'QGFR']);
  });
  test('nucleotide pairs set equal are a substitution model\'s rates', () => {
    assert.deepEqual(undefinedKeys('The model (AC=CG, AT = GT) fitted; AT rich QC.\n'), ['AT', 'QC']);
  });
  test('a panel and its primed twin are a range of panels', () => {
    assert.deepEqual(undefinedKeys('Vessels after decalcification (B-B\u2032) and (C\u2013C\u2019) and (D-D\') differ from QB-QC.\n'), ['QB-QC']);
  });
  test('a subtype labelled by a roman numeral and a letter is no abbreviation', () => {
    assert.deepEqual(undefinedKeys('A phase IIb trial used integrin α~IIb~ and stage IIIa tumours; QIIb and FcγRIIb stayed.\n'), ['QIIb', 'FcγRIIb']);
  });
  test('image formats, a README, MATLAB and electronvolt units', () => {
    assert.deepEqual(undefinedKeys('Images were saved as JPG, PNG and TIFF files with MATLAB, as the README says; the beam had 21 keV.\n'), []);
    // Letters that name other things as often stay to define: MeV the measles virus, SVG a saphenous vein graft.
    assert.deepEqual(undefinedKeys('Cells were infected with MeV at 12 h; GIF and SVG were measured.\n'), ['MeV', 'GIF', 'SVG']);
  });
  test('genomic interval files by their format names', () => {
    assert.deepEqual(undefinedKeys('Peaks were written as BED files and reads as CRAM files, variants as BCF.\n'), []);
  });
});
