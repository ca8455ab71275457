import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { abbreviationKey, findMentionTokens, isAllCapitals } from '../../server/src/service/model/mentions';
import { propertySeed } from '../helpers/propertySeed';
import { undefinedKeys } from '../helpers/undefinedKeys';

const mentionsOf = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);

describe('what counts as a mention of an abbreviation', () => {
  const cases: [string, string[]][] = [
    ['NK cells and CAR-NK products', ['NK', 'CAR-NK']],
    ['IL-15, HLA-E, TGF-β, IFN-gamma, PD-L1 and 4-1BB', ['IL-15', 'HLA-E', 'TGF-β', 'IFN-gamma', 'PD-L1', '4-1BB']],
    ['iPSCs, mAb, scFv and CD3ζ', ['iPSC', 'mAb', 'scFv', 'CD3ζ']],
    ['NK-cell-mediated lysis of anti-CD19 targets', ['NK', 'CD19']],
    ['CD56⁺ CD56bright and CD16a', ['CD56', 'CD56', 'CD16a']],
    // A word-forming ending on capitals uses the abbreviation as a stem; a plain word on capitals does not.
    ['QEGylated beads, QABAergic cells, a QEGylation step; QEGlike and QABAic stay whole', ['QEG', 'QABA', 'QEG', 'QEGlike', 'QABAic']],
    // An English prefix glued to capitals names a group or time by the abbreviation; other lower-case starts are part of it.
    ['nonQBD donors, postQSCT relapse, an antiQZ clone; mAb, lncRNA and preB stay whole', ['QBD', 'QSCT', 'QZ', 'mAb', 'lncRNA', 'preB']],
    ["the CAR's hinge and the CARs' domains", ['CAR', 'CAR']],
    ['phase I/II trials in stage IV', []],
    ['HLA-A*02:01 donors', []],
    ['NCT01234567 and GSE123456', []],
    ['RESULTS: we found', []],
    ['- SUPPLEMENTARY NOTE 1 - rules; see APPENDIX B', ['NOTE']],
    ['THIS WAS SHOUTED LOUDLY here', []],
    // A list of abbreviations, or capitals that meet across a line break, is not shouting.
    ['killing by ADCC, CDC, ADCP and NK', ['ADCC', 'CDC', 'ADCP', 'NK']],
    ['with ADCC\nCRES CAR in the next line', ['ADCC', 'CRES', 'CAR']],
    // Two words of capitals holding an English function word are an author's shouted note; not `OR`, an abbreviation too.
    ['identical affinity (DO THEY?) and QFC, LINK HERE, then QIM 2QREPRINT WHEN WE GET IT', ['QFC']],
    ['an HR OR, a QKD AND', ['HR', 'OR']],
    // Function words that are abbreviations here too (immunological synapse, immunofluorescence) are no shouting.
    ['the CAR IS was small; the GFP IF panel', ['CAR', 'IS', 'GFP', 'IF']],
    // A Boolean operator between quoted, bracketed or truncated search terms is syntax; an odds ratio is no operator.
    ['("quark" OR "gluon") AND (QKD) and trans* NOT child; the OR was 2', ['QKD', 'OR']],
    // Search steps combined by number, and a chain of words joined by one operator; one OR between words is an odds ratio's.
    ['3. 1 OR 2\n6. Accuracy OR precision OR validity', []],
    ['Smokers OR never smokers; the OR was 2', ['OR', 'OR']],
    ['| 2. shrew OR quarkophila |\n9. (exp “errors” / OR (accura* OR reliab*)\n1. The OR was high', ['OR']],
    // Odds ratios written AMA style, with a stop after them, or at a line's end in a CRLF file: not search syntax.
    ['Smoking (OR, 1.8; 95% CI, 1.1-2.9) and transplant (OR, 2.3) counted', ['OR', 'CI', 'OR']],
    ['reported as OR with 95% CI; OR were adjusted', ['OR', 'CI', 'OR']],
    ['as OR and, for pooled data, as OR\r\nfrom models', ['OR', 'OR']],
    ['GraphPad and FlowJo by McDonald on an iPhone', []],
    // `-seq` abbreviates sequencing: part of the method's name, which the key writes one way.
    ['RNA-seq, scRNA-seq and QITE-Seq data; NK-cell sequencing', ['RNA-seq', 'scRNA-seq', 'QITE-Seq', 'NK']],
    // Capitals inside a lower-case word, three letters or more on each side: a coined tool name.
    ['cells scored by quanTIseq and deconQZseq; but scRNA, mAbs and lncRNAs', ['scRNA', 'mAb', 'lncRNA']],
    // The same with a capital first (a name opening with a capital); fewer lower-case letters before the capitals stay abbreviations.
    ['cells scored by QuanTIseq and DeconQZseq; but ChIPseq and ScRNAseq', ['ChIPseq', 'ScRNAseq']],
    ['B-cell and T-cell subsets', []],
    // A capital with a pandoc subscript of two or more letters is a name; a symbol with a
    // one-letter or numeric subscript is a quantity; a hyphen-joined part is left to the hyphen rules.
    ['T~reg~ cells, T~FH~s and C~max~; but K~d~, R~0~, k~on~, T~β~ and CD4-T~reg~ or T~1~', ['T~reg~', 'T~FH~', 'C~max~', 'CD4-T']],
    // A lower-case word of five letters or more in the subscript names the thing in words; clipped ones (four at most) stay names.
    ['T~helper~ and T~effector~ cells, C~trough~, T~naïve~; but T~conv~, T~stem~ and T~eff~', ['T~conv~', 'T~stem~', 'T~eff~']],
    ['B7-H3 and FcγRIIIa', ['B7-H3', 'FcγRIIIa']],
    ['Tabs\tNK\tcells 😀 ADCC', ['NK', 'ADCC']],
    // Catalogue and nomenclature names: identifiers ending in three or more digits, perhaps
    // with a letter or two after them; influenza subtypes; amino-acid substitutions.
    ['the XYZ123 compound, Ab-CoV987, K562 and HEK293T cells, miR-221', []],
    ['H3N2 and H7N9 strains; the V158F and D614G variants', []],
    ['lot 417Q22, catalogue Z-7730-200-QX and patent US20990123456A1', []],
    ['RNase A, DNase I and DNAse; the tag MKTAYIAKQR; but PRISMA and CONSORT', ['PRISMA', 'CONSORT']],
    // A residue written with its count is a tag's notation; capitals or another word are not.
    ['a 6xHis tag, a His6 tag and 10×His; but the HIS group and 6xQZV', ['HIS', '6xQZV']],
    // A construct named by its parts joined with dots is one name: only its first part may be a mention.
    ['a QZ19.BB.z-CAR and the QZ19.28.ζ construct. NK cells', ['QZ19', 'QZ19.28', 'NK']],
    ['binding to 2Rα and 15Rα; IL-4, -7 and -9R chains', ['IL-4']],
    ['IL-15 and IL-2, NK-92, TLR4, HER2 and T2D', ['IL-15', 'IL-2', 'NK-92', 'TLR4', 'HER2', 'T2D']],
    // Words joined by underscores are an identifier from data or code (a patient or sample id), with what is joined to them.
    ['patients PT_XQ7KD2Z9 and PT_ABC, cluster CD8_T-EM, the QZR_v2 run; but QZR and CD8 T cells', ['QZR', 'CD8']],
    // A file named with its extension is a file, not an abbreviation; a full stop ending a sentence is not an extension.
    ['the QZorS.py script, QCR.R and QRCh38.fa; but QZV. Then QZW.', ['QZV', 'QZW']],
    // In either case, and the folders of a path that ends in a file's name; a slash pair without an extension is two uses.
    ['see QRPACKS.TSV and QDEV_FILES/QFIGS/QRPACKS.TSV; QFIG/out/plot.png; but QZA/QZB and QZC/QZD.Then', ['QZA', 'QZB', 'QZC', 'QZD']],
    // Markdown escapes the underscore (`\\_`) where it would open emphasis: still one identifier; a lone backslash is not a join.
    ['the QZAB\\_UV assembler and PT\\_ABC; but QZAB \\ UV and QZAB\\-UV', ['QZAB', 'UV', 'QZAB', 'UV']],
    ['CD123, CD-137 and CD107a are CD markers', ['CD123', 'CD-137', 'CD107a', 'CD']],
    // A decimal point between digits is part of the number or name.
    ['a 41.5-kDa protein, NK1.1 and MM.1S', ['41.5-kDa', 'NK1.1', 'MM.1S']],
    // One capital after a point closes a plasmid's name that opens with a small letter; after capitals the point ends a sentence.
    ['the pQZ2.G plasmid, QZ7.A subset and Figure 2.B', ['pQZ2.G', 'QZ7']],
    // A tandem method's capitals on both sides of a slash are one name; other capitals there are two uses.
    ['by LC-MS/MS and MS/MS, but QC/QS and QK/QK', ['LC-MS/MS', 'MS/MS', 'QC', 'QS', 'QK', 'QK']],
    // Letters numbered with two or more dotted numbers name an isolate.
    ['the isolate QSK.2.78 grew; QSK cells did not', ['QSK']],
    // An ontology's prefix on a term's identifier is part of the identifier; a ratio or a time is no identifier.
    ['terms HP:0033127, GO:0006955 and QZO:1612 were enriched; QZR:2 and QZT 10:1 at 12:30', ['QZR', 'QZT']],
    // A number that goes on (a ratio, a decimal, a thousands separator) is no identifier's, however many digits it starts with.
    ['QZA:10000:1 ratios, QZB:12500.5 and QZC:25000,000', ['QZA', 'QZB', 'QZC']],
    // A slash before a strain part joins it; before a second abbreviation it does not.
    ['C57BL/6J, BALB/c and BALB/cByJ mice', []],
    ['CD4/CD8 ratio, HER2/neu, CD16/FcγRIIIa and BCR/ABL', ['CD4', 'CD8', 'HER2', 'CD16', 'FcγRIIIa', 'BCR', 'ABL']],
    // A citation number after a full stop opens a new sentence (or runs on to more numbers); a dotted number
    // with the sentence going on after it designates a lineage or genotype, one name.
    ['10 PFU/mL, IL-4/13 and the TME.12 Next, as in QRS.3,4 and QRS.5-7 Then', ['PFU', 'mL', 'IL-4', 'TME', 'QRS', 'QRS']],
    ['lineages QA.2 and XQB.1.5 spread; genotypes QII.4 and QI.1 strains (QI.1), QI.1/QII.4 and QII.4-specific QI.1 IgG', ['IgG']],
    ["the BOLT'ed cells and the CAR's hinge", ['CAR']],
    // A unit of digital storage with its number or quantity is a unit; a count of patients or tumors is not.
    ['runs took 32 GB of memory, 1.5 TB, 64GB and 2 KiB per file; peak memory in GB and file size (MB)', []],
    ['the 12 QB tumors and 3 TB patients; MB and GB cohorts', ['QB', 'TB', 'MB', 'GB']],
    // A methods section named after a journal's format, and a section heading in capitals, are names of the paper's parts.
    ['see QSTAR Methods and (see **QSTAR METHODS**); the RESULTS and METHODS', []],
    ['the QSTAR protein and QSTAR levels; NK methods', ['QSTAR', 'QSTAR', 'NK']],
    // Two words of four or more capitals joined by a lower-case letter: a coined product name.
    ['resources such as QELLxGENE and DATAxPORT; but TGFbRII, IFNgR1, mAb and ssDNA', ['TGFbRII', 'IFNgR1', 'mAb', 'ssDNA']],
  ];
  for (const [input, expected] of cases) test(input, () => assert.deepEqual(mentionsOf(input), expected));

  test('ranges point at the abbreviation in the text, across a non-BMP character', () => {
    const text = '😀 iPSCs and 𝛾 NK-92.';
    for (const m of findMentionTokens(text, 0, text.length)) assert.equal(text.slice(m.start, m.end), m.text);
  });
});

describe('abbreviation keys', () => {
  const cases: [string, string][] = [
    ['iPSCs', 'iPSC'],
    ["iPSC's", 'iPSC'],
    ['CAR’s', 'CAR'],
    ['CD56+', 'CD56'],
    ['IL‐15', 'IL-15'],
    ['CRS', 'CRS'],
    ['NK', 'NK'],
    ['mAbs', 'mAb'],
    ['scFvs', 'scFv'],
    ['ACEis', 'ACEi'],
    ['Fas', 'Fas'],
    ['Ras', 'Ras'],
    ['DARPins', 'DARPin'],
    // A pandoc subscript is typesetting: `T~reg~` and `Treg` are one name.
    ['T~reg~', 'Treg'],
    ['T~FH~', 'TFH'],
    ['γ~c~', 'γc'],
    // A character typed for a Greek letter is that letter (made-up forms and real ones).
    ['TGF-ß', 'TGF-β'],
    ['IL-1ß', 'IL-1β'],
    ['IL-2R⍺', 'IL-2Rα'],
    ['IFN-ɣ', 'IFN-γ'],
    ['FcϵRI', 'FcεRI'],
    ['XQß', 'XQβ'],
    // Not inside a Latin word written in capitals.
    ['STRAßE', 'STRAßE'],
  ];
  for (const [written, key] of cases) test(`${written} -> ${key}`, () => assert.equal(abbreviationKey(written), key));
});

describe('the all-capitals test behind shouting', () => {
  test('agrees with /^\\p{Lu}{2,}$/u on capitals, lower case, marks, astral letters and lone surrogates', () => {
    const pieces = ['A', 'Z', 'a', '1', '-', 'É', 'é', 'Σ', 'σ', 'Ж', '\u0301', '𝐂', '𝐜', '\ud835', '\udc02', ' ', 'ǅ'];
    const word = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''));
    const seed = propertySeed();
    fc.assert(
      fc.property(word, (text) => isAllCapitals(text) === /^\p{Lu}{2,}$/u.test(text)),
      { seed, numRuns: 2000 },
    );
  });
});

describe('a numeric locant in brackets glued to a name', () => {
  const keys = (text: string) => findMentionTokens(text, 0, text.length).map((m) => `${m.text}=${m.key}`);
  test('is part of the name, one key however bracketed', () => {
    assert.deepEqual(keys('Repair of (6-4)QP and [6-4]QP and 6-4QP differs.'), ['(6-4)QP=6-4QP', '[6-4]QP=6-4QP', '6-4QP=6-4QP']);
  });
  test('not a bracket glued to a word before it, nor one holding letters or a single number', () => {
    assert.deepEqual(keys('Cells were CD8(+)QT and (S)-QMCPG and f(1)QAB here.'), ['CD8=CD8', 'QT=QT', 'QMCPG=QMCPG', 'QAB=QAB']);
    // A citation's range glued to a word ascends: no locant.
    assert.deepEqual(keys('Cells (1-3)QNK and [4,5]QCAR and (1,2)QIL-15 here.'), ['QNK=QNK', 'QCAR=QCAR', 'QIL-15=QIL-15']);
  });
  test('defined with one bracket and used with the other: one abbreviation, defined', () => {
    assert.deepEqual(undefinedKeys('Lesions such as 6-4 quark-pyrimidone ([6-4]QP) form; (6-4)QP repair was fast.\n'), []);
  });
});

describe('a logarithm glued to an abbreviated quantity', () => {
  const keys = (text: string) => findMentionTokens(text, 0, text.length).map((m) => m.text);
  test('the quantity is the mention; a single letter left is a symbol', () => {
    assert.deepEqual(keys('Values of log2QFC, log10QCFU and lnQHR, and -log10P.'), ['QFC', 'QCFU', 'QHR']);
  });
  test('a defined quantity under its logarithm is a use of it', () => {
    assert.deepEqual(undefinedKeys('The quark change (QC) was large; log2QC values are shown.\n'), []);
  });
  test('words that only start with the letters stay as they are', () => {
    assert.deepEqual(keys('Logistic QZ models and a LogQT score.'), ['QZ', 'LogQT']);
  });
});
