import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isMarkedAsTrademark, isModelOfMaker, isProductNameInContext } from '../../server/src/service/model/productNames';
import instrumentMakers from '../../data/instrument-makers.json';
import { parseMarked } from '../helpers/marked';
import { undefinedKeys } from '../helpers/undefinedKeys';

/** Whether the «marked» mention is read as a product, organisation, coined name or motif by the words around it. */
function readsAsProduct(source: string): boolean {
  const { text, ranges } = parseMarked(source);
  const range = ranges[0]!;
  return isProductNameInContext(text, { start: range.start, end: range.end, text: text.slice(range.start, range.end) });
}

describe('products, organisations, coined names and motifs named in methods', () => {
  const names = [
    // A maker's name before, and a product noun or the supplier after.
    'stained with commercially available Quorvia «QZL» (Abbott) probes',
    'or Metrasys «QX» break apart probes for the fusion',
    'profiled with the NanoQuant «QLB90» assay',
    'analysed on an IntelliQuant «iQz» Screener and sorted',
    // A product noun, then the supplier in brackets (perhaps after the instrument it runs on).
    'run with «QVB» configuration (Sartorix) at 35 s',
    'purified on Nickel-«QTA» spin columns (Qiagex) as described',
    'biotinylated with «QirA» enzyme (BPX Biosciences) overnight',
    'profiled using the «QLB90» assay on the nQounter platform (NanoQuant)',
    // The supplier with its legal form or its town and country after commas.
    'libraries were made with the «QOVIDSeq» library kit (Illuminex, Inc.) and pooled',
    'stained using the «QZ» detection reagent (Qiagex, Hilden, Germany) overnight',
    // A title-cased product name ending in a product noun; a model name after one.
    'extracted with the «QLINE» FFPE GenePure Purification Kit (FP-2001)',
    'available as part of the «QCR» Modules suite',
    'an IntelliQuant iQz Screener «QPLUS» with its optics',
    // An organisation's initials before a title-cased tool name, or before its product's coined name.
    'visualised with the «QCSC» Cell Browser interface',
    'objects compliant with «QZI» CELLQxGENE requirements',
    'sequences deposited in «QCBI» GenBank',
    // An organisation named in full; a study code after one.
    'queried the «QB» Cancer Research Ethics Board records',
    'six patients from the Northern Cancer Trials Group «QY17» cohort',
    // A coined name in quotation marks at the start of brackets.
    'a panel of genes ("«QySeqST»", Table S6) was sequenced',
    // A motif of one-letter residue codes.
    'the spike contains a «RRQR» furin recognition site',
    'binding through the «RGD» motif',
    // Residue codes joined by hyphens, `X` for any residue: chemokine families, signalling motifs.
    'chemokine («C-C» motif) ligand 2 rose',
    'the «C-X-C» motif chemokine 12 and the «C-X3-C» motif chemokine ligand 1',
    'phosphorylation of its «Y-X-X-M» motif',
    // A maker's name before, a kit noun after a bracketed qualifier; a method's name inside a titled product.
    'globin RNA was removed with Lifetex «QZCLEAR» (human) kit',
    'libraries were made with «QAPA» Stranded mRNA-Seq Kit',
    // A unit of an organisation named in full.
    'assays were run by the «QCLA» Immune Assessment Core',
    // A product line's number, then its supplier alone in brackets.
    'cells were grown in «Z-QIVO» 15 (Lonzex) with serum',
    'sorted on a «QACS» III (QD Biosciences) at 4 °C',
    // A medium or a system before its supplier.
    'expanded in «QCGM» medium (CellGenex, Freiburg, Germany) for two weeks',
    'impedance was read on the «QTCA» system (Agilex) every hour',
    // A titled product name holding a slash.
    'measured with the «QEGENDplex» Human CD8/NK Panel (BioLegenz)',
    // A maker's initials before a coined product with its model.
    'stained as before (and read on a «QD» FACSQanto II cytometer)',
    // A maker's line name before a kit whose name holds a prime.
    'prepared with the Chromium Next «GEQ» Single Cell 5′ kit (10x Genomiqs)',
    // A product line's hyphen-joined name before its model, and its supplier after.
    'mononuclear cells were isolated by Quoll-Paque «QPLUS» (Zytiva) density gradient centrifugation',
    // The product's name in capitalised words, then its supplier; also the first half of a slash pair.
    'Cells were stained with LIVE/«QEAD» Fixable Zqua (Thermo Zisher) for 20 min',
    'Cells were stained with «QIVE»/QEAD Fixable Zqua (Thermo Zisher) for 20 min',
    // The supplier's bracket may end with a catalogue number.
    'EBs were cultured in STEMzen «QPEL2» medium (STEMZELL Technologies, 05270) for 11 days',
    // Up to four words of the product's name before its noun, one joined by a slash, then the supplier.
    'NK cells grew in «QTS» AIM V/Immune Cell SR medium (Thermo Zisher Scientific) with IL-2',
    'NK cells grew in QTS «QIM» V/Immune Cell SR medium (Thermo Zisher Scientific) with IL-2',
    // A supplier's bracket with a catalogue number, which no expansion holds.
    'cells were passaged with «QeLeSR» (STEMZELL Technologies, 05872) every week',
    // A dye is a product noun: a maker before, the supplier after.
    'Cells were stained with Zomby «QIR» viability dye (BioQegend) first',
    // A supplier whose name is coined, alone in brackets right after.
    'NK cells were cultured in «QCGM» (CellQenix) with 10% serum',
    // A supplier's initials alone in brackets after what it sold: a sold product's noun, or a coined product's name.
    'cells were permeabilised with the Cytofax/Cytoperq kit («QD») and stained',
    'stained with anti-CD3 antibodies («QD», San Jose, CA) for 20 min',
    'acquired on an LSRFortezza («QD») and analysed',
    'sorted on a FACSQria II («QD», San Jose, CA) at 4 °C',
    // A maker's line, then its catalogue number in the same bracket, perhaps with no space after the comma.
    'cleaned with magnetic beads (Ampora «QP»,Cat# A63881) twice',
    // An instrument of the bench with its maker in brackets: a plunger, a thermocycler, a centrifuge.
    'grids were frozen with a «QP2» cryoplunger (Zeica Microsystems) at once',
    'samples ran on a «QZT» thermocycler (Quo-Rad) twice',
  ];
  for (const source of names) test(`name: ${source}`, () => assert.equal(readsAsProduct(source), true));

  const abbreviations = [
    // A product noun alone: the capitals name what an assay measures or a kit detects.
    'cytotoxicity was read with the «QDH» assay and counted',
    'cytokines were measured by «QLISA» kit in duplicate',
    // A capitalised word at the start of a sentence is no maker.
    'Results were clear. Human «QK» assay values rose.',
    // A supplier needs capitalised words; a plain bracket is not one.
    'read by «QDH» assay (see below) in triplicate',
    // A number and a bracket of capitalised words after capitals with no lower-case letter are no supplier.
    'patients scored «QCOG» 2 (ZZ) at entry',
    // Initials in brackets after a scheme's noun, after a plain word, or matching the word before, are an abbreviation.
    'staged with the revised staging system («QISS») at entry',
    'treated on a protocol («QZP») for six weeks',
    'expanded with feeder beads («QB») for two weeks',
    'expanded with feeder beads («FB») for two weeks',
    // After antibodies, initials alone name their use as often as their maker.
    'primary antibodies («QB») were diluted 1:1000',
    // A catalogue number after capitals with no maker before them says nothing of them.
    'cleaned with beads («QZR»,Cat# A63881) twice',
    // A number after capitals with no bracket is a grade or a dose, not a product line.
    'grade «QRS» 3 occurred in two patients',
    // A bracket that points elsewhere in the paper is no supplier.
    'All had QCOG «QS» 1 (Supplementary Methods) at entry.',
    'NK cells were cultured in «QM» medium (Methods) for a week',
    // A general product noun needs a supplier's name in lower case: capitals name an organisation.
    'Myeloma was staged with the «R-QSS» staging system (QMWG).',
    // A promoter's abbreviation before a reporter's coined name, with no model after it.
    'Cells were transduced with a «QGK» mNeonQreen vector.',
    'read by «QDH» assay (Promegax, see below) in triplicate',
    // Capitals before an ordinary noun, or a capitalised word that heads no organisation.
    'the «QK» Cancer trials were reviewed',
    // Capitals before an abbreviation with lower-case letters are a compound, not a maker and product.
    'a «QD19» scFv was cloned',
    'the «QER» mAb was infused',
    'a lower-case browser after capitals is no product: the «QSC» browser tab',
    'a «QK» cell product was infused',
    // A capitalised word in quotation marks is a scare quote, not a coined name; brackets without quotes neither.
    'the so-called ("«QZC»") response',
    'a panel of genes («QySeqST», Table S6) was sequenced',
    // Capitals that are not residue codes, or residues before another noun.
    'the «QXZ» motif was absent',
    // Hyphen-joined capitals that are not all residue codes, or residue codes before no motif.
    'the «B-X-C» motif was absent',
    'levels of «C-C» rose',
    'the «TCR» repertoire was sequenced',
    // A bracketed word before a kit with no maker before the capitals.
    'cytokines were measured by «QLISA» (human) kit in duplicate',
    // A lower-case prefix on capitals qualifies an abbreviation, even before a kit and its supplier.
    'plasma DNA was extracted with the «cfDNA» isolation kit (Qiagex, Hilden, Germany)',
    'vesicles were isolated with the «sEV» purification kit (Thermo Fishex)',
    // A lower-case word before a product noun is not a title.
    'libraries were made with «QAPA» stranded mRNA kit',
    // Capitalised words, then a bracket that points elsewhere or names no company.
    'patients had «QRS» Grade Two (Supplementary Methods) at most',
    'graded by «QSTCT» Consensus Criteria (Lee et al.) as before',
    // A year is no catalogue number: an author and year in brackets cite a paper.
    'as graded by «QRS» (Smith, 2020) before',
    // A surname shaped like a coined name, or an instrument named after its author, is no supplier.
    'toxicity was graded with «QRS» (McQonald, 2019) later',
    'toxicity was graded with «QRS» (McQonald) later',
    'patients were assessed by «QRS» Response Criteria (Cheson) at day 28',
    // Five words before the product noun are a sentence, not a product's name.
    'cells of «QRS» grade in the same culture medium (Zed Labs) grew',
    // A supplier alone in brackets with an ordinary name is read only with a product noun or a maker.
    'NK cells were cultured in «QCGM» (Zellgenix) with 10% serum',
    // An instrument noun with no maker and no supplier says nothing.
    'the «QZD» centrifuge was cold',
  ];
  for (const source of abbreviations) test(`abbreviation: ${source}`, () => assert.equal(readsAsProduct(source), false));

  test('a supplier opening a bracket that a catalogue number marked by # closes is a name', () => {
    assert.equal(readsAsProduct('dissolved in pyridine («QP» Bio #155405) overnight'), true);
    // No supplier's word before the mark (an approval's or a patient's number looks so), no catalogue mark, a short number, or words after it: not a supplier's bracket.
    assert.equal(readsAsProduct('dissolved in pyridine («QPB» #A-15540) overnight'), false);
    assert.equal(readsAsProduct('patients with the disease («QPB» 155405) overnight'), false);
    assert.equal(readsAsProduct('dissolved in pyridine («QPB» #12) overnight'), false);
    assert.equal(readsAsProduct('measured as before (see «QPB» #155405 results) overnight'), false);
    // A record's number, with no supplier's word or a record's word: an approval, a patient.
    assert.equal(readsAsProduct('approved by the committee («QACUC» #2019-0456) in full'), false);
    assert.equal(readsAsProduct('approved by the committee («QACUC» Protocol #2019-0456) in full'), false);
  });
  test('the trademark sign written in letters as a superscript is no abbreviation', () => {
    assert.deepEqual(undefinedKeys('The 3Q^TM^ Quark Hugger^TM^ system and the 3Q<sup>TM</sup> probe.\n'), []);
    // Written otherwise, at one use, the letters stay an abbreviation.
    assert.deepEqual(undefinedKeys('The TM domain binds. The 3Q^TM^ kit.\n'), ['TM']);
  });
  test('a trademark sign after a name marks a product', () => {
    const end = 'We used QuidCI'.length;
    for (const mark of ['®', '™', '&reg;', '&trade;', '^®^', '(R)']) assert.equal(isMarkedAsTrademark(`We used QuidCI${mark} here`, { end }), true, mark);
    for (const other of [' (RR)', ' ®', '-like']) assert.equal(isMarkedAsTrademark(`We used QuidCI${other} here`, { end }), false, other);
  });
});

describe('instruments and portals named by their makers', () => {
  test('a model in Roman numerals before a product noun names the line, and the maker before it', () => {
    assert.deepEqual(undefinedKeys('Cells were sorted on the QD QRIA II flow cytometer.\n'), []);
    assert.deepEqual(undefinedKeys('Slides were read on a Pannoramic QIDI scanner (Thermo Fisher).\n'), []);
    assert.deepEqual(undefinedKeys('Mutations were counted on the qBio Portal.\n'), []);
  });
  test('Roman numerals without a product noun, or a product noun without a model, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('QHC II molecules and QHC II expression rose.\n'), ['QHC']);
    assert.deepEqual(undefinedKeys('Cells were sorted on the QRIA flow cytometer.\n'), ['QRIA']);
    assert.deepEqual(undefinedKeys('Cells were acquired on the QGS II flow cytometer.\n'), ['QGS']);
    assert.deepEqual(undefinedKeys('Data came from the QVT-2 Portal.\n'), ['QVT-2']);
    // A consortium's initials before its portal are asked for.
    assert.deepEqual(undefinedKeys('Data came from the QCGC Data Portal.\n'), ['QCGC']);
  });
});

describe('a catalogue number in its supplier\'s bracket', () => {
  test('a code with a digit after the supplier\'s name, or after an earlier code, is the product\'s number', () => {
    assert.deepEqual(undefinedKeys('Cytokines were read with multiplex kits (Zentek Biosciences, QCYT-60K- QX38) as instructed.\n'), []);
    assert.deepEqual(undefinedKeys('Beads (QuarkBio, QX-99) and (Zed, cat. no. QZ-12) were used.\n'), []);
    assert.deepEqual(undefinedKeys('Beads (Qiagex, Hilden, Germany, cat. no. QX-1234) were used.\n'), []);
  });
  test('a code in a bracket without a supplier, one pointing elsewhere, or one without a digit stays an abbreviation', () => {
    assert.deepEqual(undefinedKeys('Scores rose in both arms (arm one, QRT2) after a week.\n'), ['QRT2']);
    assert.deepEqual(undefinedKeys('Scores rose (Methods, QRT2) after a week.\n'), ['QRT2']);
    assert.deepEqual(undefinedKeys('Kits (Zentek Biosciences, QCYT) were used.\n'), ['QCYT']);
    assert.deepEqual(undefinedKeys('Kits (Zentek Biosciences, QCYT-60K (lot 5)) were used.\n'), ['QCYT-60K']);
    // A first item that names no company: a cohort's or an arm's label.
    assert.deepEqual(undefinedKeys('Three patients were treated (Cohort B, QL-3) without toxicity.\n'), ['QL-3']);
  });
});

describe('in a document, one such use names the key', () => {
  test('product, organisation and trademark names are not reported; an abbreviation beside them is', () => {
    const text =
      'Samples came from the QB Cancer lymphoma database and the QB Cancer Research Ethics Board approved it. ' +
      'Probes were Quorvia QZL (Abbott). We ran the QZI service QuidCI&reg; and measured QDH release.\n';
    assert.deepEqual(undefinedKeys(text), ['QZI', 'QDH']);
  });
  test('a title-cased heading is no product name', () => {
    assert.deepEqual(undefinedKeys('# Title\n\n## QDH Release Assay\n\nWe measured QDH release.\n'), ['QDH']);
    assert.deepEqual(undefinedKeys('# Title\n\nWe used the QZH Release Assay (Promegax).\n'), []);
  });
  test('a tool of capitals and a word, cited to its own paper, is a name; capitals alone are not', () => {
    assert.deepEqual(undefinedKeys('Contigs were annotated with QMGT Blast[@lefrancQMGTInternational2015].'), []);
    assert.deepEqual(undefinedKeys('Killing by QZADC[@kimQZADCReview2019] was measured.'), ['QZADC']);
  });
  test('a resource cited to its own address is a name; an address that does not name it does not make one', () => {
    assert.deepEqual(undefinedKeys('Terms came from QONDO (disease) [@doi:10.1/x; @url:https://example.org/ontologies/qondo] and QUBERN [@url:https://example.org/qubern/].'), []);
    assert.deepEqual(undefinedKeys('Scores rose in QZADC (all donors) [@url:https://example.org/reports/qzadc-2019-summary] and QZBDC [@url:https://example.org/other].'), ['QZBDC']);
  });
  test('a strain named in a list after a place name is a name', () => {
    assert.deepEqual(undefinedKeys('Antigen names give the strain (e.g., Mai, QR29).'), []);
    assert.deepEqual(undefinedKeys('Antigen names give the target (e.g., Mai, QR29).'), ['QR29']);
  });
});

describe('a coined product line of a few capitals and a syllable before the mention', () => {
  test('names the product with its noun after', () => {
    assert.ok(readsAsProduct('DNA was purified with SPRI AMPure «QP» beads.'));
    assert.ok(readsAsProduct('RNA was cleaned with RNeasy «QZ» columns.'));
  });
  test('an enzyme or a sequencing method written so is no product line', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nWe digested with DNase QRX buffer kit.\n'), ['QRX']);
    assert.deepEqual(undefinedKeys('# Methods\n\nReads were made with RNAseq QQ kits.\n'), ['RNAseq', 'QQ']);
  });
});

describe('instrument models after a brand, and a product code before its catalogue number', () => {
  test('a model with its plus, or before the apparatus named, between a brand and its maker', () => {
    assert.deepEqual(undefinedKeys('Images were taken on a Molecular Imager Chemi-Doc QRS+ system (Bio-Rad) daily.\n'), []);
    assert.deepEqual(undefinedKeys('DNA was blotted with a Bio-Dot QF Cell immunoslot blot apparatus (Bio-Rad) and dried.\n'), []);
  });
  test('a code right before its catalogue number in one bracket', () => {
    assert.deepEqual(undefinedKeys('Blots were probed with an antibody (Cosmo Bio QDM-2 cat#NM-DND-002) overnight.\n'), []);
    assert.deepEqual(undefinedKeys('Blots were probed with an antibody (Zentek QDM-7, Cat. No. 12-345) overnight.\n'), []);
  });
  test('a plus on a clinical group, a number without a catalogue mark, stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('Patients with QCRS+ disease (n = 3) were seen; QCRS was common.\n'), ['QCRS']);
    assert.deepEqual(undefinedKeys('Patients in the QZP2 arm (cohort 2, dose 3) were seen; QZP2 was common.\n'), ['QZP2']);
  });
});

describe('a processor named by its maker, line and model', () => {
  test('the maker, the line and a form factor before a model number and GPU or CPU are names', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nModels were trained on a QVIDIA QTX 2060 GPU.\n'), ['GPU']);
    assert.deepEqual(undefinedKeys('# Methods\n\nJobs ran on one QVIDIA H100 QXM5 GPU and on 2 QMD QPYC 9334 CPUs.\n'), ['GPU', 'CPU']);
  });
  test('without a model number, or with the noun inside the designation, the letters stay abbreviations', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nWe used the QPC GPU cluster and the QRN processor.\n'), ['QPC', 'GPU', 'QRN']);
    assert.deepEqual(undefinedKeys('# Methods\n\nWe wrote QP16 GPU kernels.\n'), ['QP16', 'GPU']);
  });
  test('a name at that use alone: the same letters elsewhere are an abbreviation', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nEyes with QMD were graded on 2 QMD QPYC 7742 CPUs; QMD was common.\n'), ['QMD', 'CPU']);
  });
});

describe('a paragraph wrapped over lines reads as one line', () => {
  test('a product named across a hard line break', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nLevels were measured with the reagent on a QYNCHRON QX\nSystem (Beckwith Coulter).\n'), []);
  });
  test('with a carriage return before the line feed, and with a number or an italic word opening the next line', () => {
    assert.deepEqual(undefinedKeys('# Methods\r\n\r\nLevels were measured with the reagent on a QYNCHRON QX\r\nSystem (Beckwith Coulter).\r\n'), []);
    assert.deepEqual(undefinedKeys('# Methods\n\nModels were trained on a QVIDIA QTX\n2060 GPU.\n'), ['GPU']);
  });
  test('a list item, a table row or a heading is not joined', () => {
    assert.deepEqual(undefinedKeys('# Methods\n\nLevels were measured on a QYNCHRON QX\n- System two.\n'), ['QYNCHRON', 'QX']);
    assert.deepEqual(undefinedKeys('# Methods\n\nLevels were measured on a QYNCHRON QX\n1. System two.\n'), ['QYNCHRON', 'QX']);
  });
});

describe('a model named by its maker (data/instrument-makers.json)', () => {
  test('a designation shaped as a model (a digit or a small letter) after a maker, perhaps after its line\'s name, is a name', () => {
    assert.deepEqual(undefinedKeys('Smears were inspected by light microscopy (Olympus QX51) daily.\n'), []);
    assert.deepEqual(undefinedKeys('Libraries were clustered on an Illumina qBot and sequenced.\n'), []);
    assert.deepEqual(undefinedKeys('Separation used a Phenomenex Zebron QB-5HT with a guard column.\n'), []);
    assert.deepEqual(undefinedKeys('Analysis ran on an Agilent 5977b GC-MS QSD-HES2.\n'), ['GC-MS']);
  });
  test('every maker listed is read as written, dots and hyphens included', () => {
    for (const maker of instrumentMakers.makers) {
      const masked = `Cells were imaged on a ${maker} QX51 twice.`;
      const start = masked.indexOf('QX51');
      assert.ok(isModelOfMaker(masked, { start, end: start + 4, text: 'QX51', inHeading: false }), maker);
    }
  });
  test('a technique\'s capitals after a maker and its model stay abbreviations, at every use', () => {
    const text = 'Mitochondria were scored by QTEM in all groups. Grids were imaged on a JEOL JEM-1400 QTEM at 80 kV. QTEM showed swollen cristae.\n';
    assert.deepEqual(undefinedKeys(text).filter((key) => key !== 'JEOL'), ['QTEM']);
    assert.deepEqual(undefinedKeys('Images were taken on a Leica TCS SP8 QSTED system.\n'), ['QSTED']);
    assert.deepEqual(undefinedKeys('Samples went through a Shandon Excelsior QS overnight.\n'), ['QS']);
    assert.deepEqual(undefinedKeys('Spots were counted on a Nikon Ti2 smQISH setup.\n'), ['smQISH']);
    assert.deepEqual(undefinedKeys('Troponin was read on an Abbott Architect STAT hs-cQnI assay.\n'), ['hs-cQnI']);
  });
  test('a heading\'s title-cased words are no maker', () => {
    assert.deepEqual(undefinedKeys('# Results\n\n## Cell Signaling Through QZRK2 Requires Its Kinase\n\nLoss of QZRK2 reduced growth.\n'), ['QZRK2']);
  });
  test('capitals right after a maker, a number between, or no maker before say nothing', () => {
    assert.deepEqual(undefinedKeys('Patients were scanned on a Siemens QRI twice.\n'), ['QRI']);
    assert.deepEqual(undefinedKeys('Patients were scanned on a Siemens 3T QRI twice.\n'), ['QRI']);
    assert.deepEqual(undefinedKeys('Smears were inspected by light microscopy (Olymp QX51) daily.\n'), ['QX51']);
  });
});
