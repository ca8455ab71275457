import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isOfficialGeneSymbol } from '../../server/src/service/knowledge/geneSymbols';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTerminologyService } from '../../server/src/service/index';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { hasCoinedShape, isCoinedWord } from '../../server/src/service/model/mentions';
import { isCitedByKeyCarrying, isCoinedToolName, toolReadingOf } from '../../server/src/service/model/toolNames';
import { parseMarked } from '../helpers/marked';
import { undefinedWithSeverity } from '../helpers/undefinedKeys';

const service = createTerminologyService();
/** For journals that want software and databases spelled out: a tool's name is reported, saying why. */
const spelledOut = { defineToolNames: true };

/** Every undefined-abbreviation diagnostic as `token severity`, with tool names reported (`defineToolNames`). */
function undefinedWhenSpelledOut(text: string): string[] {
  return service
    .lint({ uri: 'tools.md', version: 1, text }, spelledOut)
    .filter((d) => d.code === 'undefined-abbreviation')
    .map((d) => `${text.slice(d.start, d.end)} ${d.severity}`);
}

/** The «marked» mention's span and text in `source` with the marks removed. */
function marked(source: string): { text: string; mention: { start: number; end: number; text: string } } {
  const { text, ranges } = parseMarked(source);
  const range = ranges[0]!;
  return { text, mention: { start: range.start, end: range.end, text: text.slice(range.start, range.end) } };
}


describe('coined names read as tools and products by their context', () => {
  const names = [
    'Analyses ran in «QuarkStat» 2031.04.2 Build 77 on a laptop.',
    'Reads were trimmed with «zorbaQ» (v2.10.4) first.',
    'Calls came from «ZymCall» v3 and were merged.',
    'Calls came from «ZymCall» version 4.1 and were merged.',
    'Reactions were taken from the «ReactoBase» database.',
    'Reactions were taken from the «QSig» database, version 7.5.1.',
    'Counts were modelled with the «edgeQ» toolbox.',
    'Views came from the «ZymPhy» Cell Browser.',
    'extracted with the «RNquick» PowerSoil kit',
    'automated on the «QIArobo» (Zentek, Hilden, Germany) each day',
    'collected in tubes («OMNIvial» GUT, Zentek, Ottawa, Canada) at home',
    'collected in tubes (OMNIvial «GUT», Zentek, Ottawa, Canada) at home',
    'ran QuarkStat 2031.04.2 («MacZ», Apple version) here',
    'states were called using «ChromQMM» [@doi:10.1000/xyz] first.',
    'joined by the «TOPQuark» consortium later.',
    // A coined name with its supplier alone in brackets, perhaps after the model's name or number.
    'acquired on a «CytoQLEX» (Beckzan Coulter) at once',
    'sorted on a «FACSQria» III (QD Biosciences) and counted',
    'grown on the «ClinQMACS» Prodigy (Miltenzi Biotec) for 12 days',
    // A coined name after its maker's initials.
    'Data were acquired on a QD «LSRQortessa» and analysed.',
    'stained as before (QD «FACSQanto» II; Zlow v10)',
  ];
  for (const source of names) {
    test(`name: ${source}`, () => {
      const { text, mention } = marked(source);
      assert.equal(isCoinedToolName(text, mention, text), true);
    });
  }

  const abbreviations = [
    // Capitals in a tool context are read by toolReadingOf, never as a coined name.
    'Reactions were taken from the «SRA» database.',
    'clustered with the «EM» algorithm',
    // A sequencing method's name stays an abbreviation.
    'reads from the «ChIP-seq» pipeline',
    // No tool context: a coined shape alone is not enough.
    'levels of «PlGF» rose in plasma',
    'binding of «NeuQ» [@ref2020] was seen.',
    // A list of abbreviations in brackets is no product with its supplier.
    'several subsets (NK, «NKT», ILC) expanded',
    // Capitals before a maker-like bracket are read by the product readings, not as a coined name.
    'acquired on a «QFLEX» (Beckzan Coulter) at once',
    // A mixed-case abbreviation after capitals has no coined shape: no maker and product.
    'we measured CAR «scFv» binding',
    // A release with one dot after capitals (a guideline's edition) is not a coined name.
    'graded by «RECIST» 1.1 criteria',
    // Abbreviations in mixed case have no coined word's shape: a noun or a supplier after them proves nothing.
    'Plasma cfDNA was extracted with a «cfDNA» extraction kit.',
    'We isolated sEVs with the «sEV» isolation kit.',
    'Cells were made with the «MoDC» generation kit.',
    'Plasma «ctDNA» (Guardant Health, Redwood City, CA) was sequenced.',
    'Clones were matched with the «TcR» database of known receptors.',
    'Copies were counted with the «mtDNA» quantification kit.',
    'Binders were screened with the «scFv» library toolkit.',
    'Transcripts were profiled with the «lncRNA» profiling kit.',
    'Cells were enriched with the «Treg» isolation kit.',
    'Chromatin was precipitated with the «ChIP» assay kit.',
    'using «sEV» [@smith2020] as input',
    'collected in tubes («cfDNA», ctDNA, Maker, Town, Country) at home',
    // Names with an abbreviation's shape stay to define when only a noun names them.
    'Reactions were taken from the «BoGG» database.',
    'joined by the «TOPQed» consortium later.',
  ];
  for (const source of abbreviations) {
    test(`not a coined tool name: ${source}`, () => {
      const { text, mention } = marked(source);
      assert.equal(isCoinedToolName(text, mention, text), false);
    });
  }
});

describe('the shape of a coined word', () => {
  for (const word of ['RStudio', 'QIAcube', 'RNeasy', 'OMNIgene', 'ChromHMM', 'OpenPBTA', 'epiR', 'edgeR', 'bioRxiv', 'GraphPad', 'ZymPhy']) {
    test(`coined: ${word}`, () => assert.equal(hasCoinedShape(word), true));
  }
  for (const word of ['cfDNA', 'ctDNA', 'sEV', 'mtDNA', 'scFv', 'MoDC', 'TcR', 'ChIP', 'lncRNA', 'circRNA', 'Treg', 'PlGF', 'mAb', 'BiGG', 'TOPMed', 'MSig', 'CAR']) {
    test(`not coined: ${word}`, () => assert.equal(hasCoinedShape(word), false));
  }
});

describe('a citation whose key carries the name', () => {
  test('glued or after one space, case and punctuation ignored', () => {
    assert.equal(isCitedByKeyCarrying('GRIDSS2[@cameronGRIDSS2Comprehensive2021]', 7, 'GRIDSS2'), true);
    assert.equal(isCitedByKeyCarrying('VSEARCH [-@rognes_vsearch_2016]', 7, 'VSEARCH'), true);
  });
  test('not a key without the name, a name under four letters, or a citation further on', () => {
    assert.equal(isCitedByKeyCarrying('ADCC[@smith2020]', 4, 'ADCC'), false);
    assert.equal(isCitedByKeyCarrying('EM[@dempster1977em]', 2, 'EM'), false);
    assert.equal(isCitedByKeyCarrying('QXTREE runs [@minh2020QXTREE]', 6, 'QXTREE'), false);
  });
});

describe('a title-cased Tool in a heading', () => {
  test('is the heading\'s capitals, not a tool: the body\'s uses stay warnings', () => {
    const text = '## Validation of the QADQ Tool\n\nThe QADQ scores rose.\n';
    const found = service.lint({ uri: 'h.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => d.severity), ['warning']);
  });
});

describe('capitals named as a tool are read as names', () => {
  const tools: [string, string][] = [
    ['Pathways were scored by the «QXIA» algorithm.', 'QXIA algorithm'],
    ['compared with hierarchical and «KQEANS» clustering algorithms', 'KQEANS clustering algorithms'],
    ['genotyped with the «QMRT-SV» v2 Genotyper', 'QMRT-SV v2'],
    ['across ten runs of «QXTREE» [@minh2020QXTREENewModels] in all', 'QXTREE, cited to its own paper'],
    ['assembled with «QDBA-UD» (v1.1.3) and binned', 'QDBA-UD (v1.1.3'],
    ['searched with «QLASTN» 2.9.0 against', 'QLASTN 2.9.0'],
    ['clustered with «QD-HIT» version 4.8.1 at 90%', 'QD-HIT version 4.8.1'],
    ['trees were built with «QQ-TREE» multicore version 1.6.9 [@x]', 'QQ-TREE multicore version 1.6.9'],
    ['bins were combined with «QAS» Tool [@x]', 'QAS Tool'],
    ['exploited by GI prediction tools such as «QIGI-HMM» [@pmid:1], and others', 'QIGI-HMM, cited as an example of such programs'],
    // The program a method ran, cited at once.
    ['Peak calling was performed with «QACS2»[@zhang2008] first', 'QACS2, the program a method ran, cited'],
    ['tested on simulations using «QOSim» [@doi:10.1101/421834] and', 'QOSim, the program a method ran, cited'],
  ];
  for (const [source, phrase] of tools) {
    test(`tool: ${source}`, () => {
      const { text, mention } = marked(source);
      assert.equal(toolReadingOf(text, mention, text)?.phrase, phrase);
    });
  }

  const abbreviations = [
    'Reads were deposited in the «QRA» database.',
    'Samples came from the «QCGC» Data Portal.',
    'Samples came from the «QCGC» Genome browser.',
    'graded by «QTCAE» 1.1 criteria',
    'tested by «QERMANOVA» [@anderson2013] in R',
    // A condition or a regimen after `with`, or a program named without its citation, is no such reading.
    'children with «QIS-C» [@smith2021] were enrolled',
    'patients treated with «QOLFIRI» [@x] relapsed',
    'peaks were called with «QACS» and then merged',
    // A statistical method cited after its verb, and a form's edition, are abbreviations to define.
    'Counts were normalised with «QMM» [@robinson2010] first',
    'models were fitted with «QLMM» [@bates2015] here',
    // Methods named as examples are often abbreviations to define; programs named without a citation say less.
    'penalised methods such as «QASSO» [@tibshirani1996] were tried',
    'prediction tools such as «QIGI» and others',
    'reads were fetched with the «QRA» Toolkit',
    // A clinical measure named as an example of predictors is no program.
    'independent predictors such as «QLR» [@lee2019] and age',
    'The «QRF» form version 1.0.2 was used',
    'the «QMRT» v2.1 release',
    'graded by «QTCAE» v5.0 criteria',
    // A word between the name and a release needs the release's mark: `in 2.1.3` is no build.
    'the «QRS» cohort 2.1.3 was read',
    'the «QRS» criteria version 5.0 were read',
    'a «QBC» 1.2.3a lot',
    'an enzyme («QEC» 3.4.21.4) cleaves',
    'visited on «QZV» 12.05.2019 again',
    // A clinical scheme is no program: a word between must name a computation, and `program` is no program noun.
    'Patients with grade 2 QRS were treated by the «QRS» management algorithm.',
    'The drug is available only through a «QEMS» program.',
    'Patients in the «QTFU» program were seen yearly.',
  ];
  for (const source of abbreviations) {
    test(`no tool reading: ${source}`, () => {
      const { text, mention } = marked(source);
      assert.equal(toolReadingOf(text, mention, text), undefined);
    });
  }

  test('an algorithm\'s noun names a method as often as a program: the first use is a note, saying why', () => {
    const text = 'Pathways were scored with _QXIA_ [@tarca2009].\n\nLater, the QXIA algorithm ranked them.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['QXIA information']);
    const finding = service.lint({ uri: 'tools.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation')!;
    assert.match(finding.message, /names a tool or resource \('QXIA algorithm'\)/u);
  });

  test('a firm reading at the first use is not reported; journals that want it spelled out get the warning, saying why', () => {
    const text = 'Reads were mapped with the QXIA aligner [@tarca2009].\n\nLater, QXIA ran again.\n';
    assert.deepEqual(undefinedWithSeverity(text), []);
    assert.deepEqual(undefinedWhenSpelledOut(text), ['QXIA warning']);
    const finding = service.lint({ uri: 'tools.md', version: 1, text }, spelledOut).find((d) => d.code === 'undefined-abbreviation')!;
    assert.match(finding.message, /names a tool or resource \('QXIA aligner'\)/u);
  });

  test('a reading at another use is only a suggestion here', () => {
    // `the QSV simulator` simulates structural variants: it does not make `QSV burden` a program's name.
    assert.deepEqual(undefinedWithSeverity('QSV burden rose in relapse.\n\nReads came from the QSV aligner.\n'), ['QSV information']);
    assert.deepEqual(undefinedWithSeverity('Scores came from the QXIA algorithm.\n\nThe QXIA v2 run was later.\n'), ['QXIA information']);
  });

  test('words a scale, a registry or a section fit as well are tentative: a note', () => {
    const text = 'Cognition was assessed using QMSE [@folstein1975]. Cases came from the QEER database, per QAP 4.2.1.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['QMSE information', 'QEER information', 'QAP information']);
    assert.deepEqual(undefinedWithSeverity('Reads were assembled with QDBA-UD (v1.1.3) and QLASTN version 2.9.0.\n'), []);
  });

  test('a citation names only the use it follows: an earlier uncited use stays a warning', () => {
    const text = 'Groups differed by QERMANOVA.\n\nWe ran QERMANOVA [@smith2013qermanova] again.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['QERMANOVA warning']);
  });

  test('a coined name in a tool context is not reported at all', () => {
    const text = 'Analyses ran in QuarkStat 2031.04.2 and used the ReactoBase database with UniQef90s.\n';
    assert.deepEqual(undefinedWithSeverity(text), []);
  });

  test('a key the knowledge base asks to define is never read as a tool', () => {
    assert.deepEqual(undefinedWithSeverity('Patients with grade 2 CRS were treated by the CRS algorithm.\n'), ['CRS warning']);
  });

  test('clinical schemes stay warnings', () => {
    assert.deepEqual(undefinedWithSeverity('Patients had grade 2 CRS; the CRS management algorithm was followed.\n'), ['CRS warning']);
    assert.deepEqual(undefinedWithSeverity('The drug is available only through a REMS program.\n'), ['REMS warning']);
    assert.deepEqual(undefinedWithSeverity('Patients in the LTFU program were seen yearly.\n'), ['LTFU warning']);
  });

  test('mixed-case abbreviations in a kit, supplier or database context are reported', () => {
    for (const [text, expected] of [
      ['Plasma cfDNA was extracted with a cfDNA extraction kit.\n', 'cfDNA warning'],
      ['We isolated sEVs with the sEV isolation kit.\n', 'sEV warning'],
      ['Cells were made with the MoDC generation kit.\n', 'MoDC warning'],
      ['Plasma ctDNA (Guardant Health, Redwood City, CA) was sequenced.\n', 'ctDNA warning'],
      ['Clones were matched with the TcR database of known receptors.\n', 'TcR warning'],
    ] as const) {
      assert.deepEqual(undefinedWithSeverity(text), [expected], text);
    }
  });

  test('one naming context does not silence the key elsewhere', () => {
    const text = 'Levels of sEV rose after therapy.\n\nWe isolated them with the sEV isolation kit and stored them in the sEV database.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['sEV warning']);
  });

  test('an abbreviation heading a database noun is still a warning', () => {
    assert.deepEqual(undefinedWithSeverity('Reads were deposited in the QRA database.\n'), ['QRA warning']);
  });

  test('four capitals or more before a resource noun name the resource: a note, as registries are written so too', () => {
    const text = 'Motifs came from the QASPAR database and the QEME suite; tracks from the QLUEPRINT project.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['QASPAR information', 'QEME information', 'QLUEPRINT information']);
    assert.deepEqual(undefinedWhenSpelledOut(text), ['QASPAR warning', 'QEME warning', 'QLUEPRINT warning']);
  });

  test('a resource noun after three capitals, or after mixed case, leaves a warning', () =>
    assert.deepEqual(undefinedWithSeverity('Motifs were scored with the QME tool and the TqR database.\n'), ['QME warning', 'TqR warning']));
});

describe('a coined word is a name wherever it stands', () => {
  test('coined products, programs and projects are not reported, in any context', () => {
    const text =
      'Cells grew in medium with 2 mM QlutaMAX. Counts were normalised with SCQuantify and scored with ZCell; ' +
      'doublets were removed (scDupFinder). Data came from the OpenQRTA cohort and the ZetaHIT project.\n';
    assert.deepEqual(undefinedWithSeverity(text), []);
    for (const word of ['QlutaMAX', 'SCQuantify', 'ZCell', 'scDupFinder', 'OpenQRTA', 'ZetaHIT']) assert.equal(isCoinedWord(word), true, word);
    // A word with a capital at its end, and a camel-cased name with its release run on.
    for (const word of ['edgeQ', 'limmaQ', 'mapQamage2', 'zapQuant3']) assert.equal(isCoinedWord(word), true, word);
  });

  test('shapes abbreviations take too stay abbreviations', () => {
    for (const word of ['apoQ', 'vitQ', 'recQ', 'edgeQR', 'QE2', 'QESeq2', 'TGFbeta', 'NF-kappaQ', 'QTPase', 'QEPCase', 'QROseq', 'QNase-seq', 'NKcells', 'QBVneg', 'QLAhigh', 'QIRpos', 'QHCclass']) {
      assert.equal(isCoinedWord(word), false, word);
    }
    assert.deepEqual(undefinedWithSeverity('Plasma apoQ and QROseq signals rose.\n'), ['apoQ warning', 'QROseq warning']);
    assert.deepEqual(undefinedWithSeverity('Cells were QZXneg in all donors; QZXneg cells expanded.\n'), ['QZXneg warning']);
  });

});

describe('published programs named in capitals (data/programs.json)', () => {
  const listed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'programs.json'), 'utf8')).programs as Record<string, string>;

  test('a listed program used undefined is a tool\'s name: not reported, or said what it does when asked for', () => {
    const text = 'Counts were tested with DESeq2 and reads aligned with HISAT2.\n';
    assert.deepEqual(undefinedWithSeverity(text), []);
    const found = service.lint({ uri: 'p.md', version: 1, text }, spelledOut).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => d.severity), ['warning', 'warning']);
    assert.match(found[0]!.message, /a published program for differential expression analysis/);
  });

  test('a release run on a listed name reads as the name (`GATK4`)', () => {
    assert.deepEqual(undefinedWithSeverity('Variants were called with GATK4.\n'), []);
    assert.deepEqual(undefinedWhenSpelledOut('Variants were called with GATK4.\n'), ['GATK4 warning']);
  });

  test('letters that name other things as often are not listed (an amplification, a statistic)', () => {
    assert.equal(listed['SPIA'], undefined);
    assert.equal(listed['RSEM'], undefined);
  });

  test('capitals not listed, and a listed name the document defines, keep their own reading', () => {
    assert.deepEqual(undefinedWithSeverity('Counts were tested with QESeq2.\n'), ['QESeq2 warning']);
    assert.deepEqual(undefinedWithSeverity('Gene set variation analysis (GSVA) scored samples; GSVA scores rose.\n'), []);
  });

  test('no listed name is an official gene symbol, nor already read as a coined word', () => {
    for (const name of Object.keys(listed)) {
      assert.equal(isCoinedWord(name), false, name);
      assert.ok(listed[name]!.length > 10, name);
    }
    for (const name of Object.keys(listed)) assert.equal(isOfficialGeneSymbol(name), false, name);
  });
});


describe('programs Debian Med packages (data/distributed-programs.json)', () => {
  const listed: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'distributed-programs.json'), 'utf8')).programs;
  const knowledge = loadBuiltinKnowledge();

  test('a packaged program used undefined, in any case, is a tool\'s name: a note, not a missing definition', () => {
    assert.deepEqual(undefinedWithSeverity('Reads were checked with FASTQC, trimmed with FASTP and mapped with BBMap.\n'), ['FASTQC information', 'FASTP information', 'BBMap information']);
  });

  test('what the list leaves out stays an abbreviation: short letters, a method, a known term', () => {
    assert.deepEqual(undefinedWithSeverity('We ran ATAC and scRNAseq and QFASTQC.\n'), ['ATAC warning', 'scRNAseq warning', 'QFASTQC warning']);
  });

  test('every name is a package name of five characters or more, never a known term, a gene symbol or a sequencing method', () => {
    assert.ok(listed.length > 500);
    for (const name of listed) {
      assert.match(name, /^[a-z][a-z0-9.+-]{4,}$/, name);
      assert.equal(knowledge.lookup(name), undefined, name);
      assert.equal(knowledge.lookup(name.toUpperCase()), undefined, name);
      assert.equal(isOfficialGeneSymbol(name.toUpperCase()), false, name);
      assert.doesNotMatch(name, /(?:-seq|(?:rna|dna|chip|atac)seq)$/u, name);
    }
  });
});

describe('aligners, read simulators and assemblers named by their noun', () => {
  test('capitals before an aligner or an assembler name a program; before a simulator, perhaps what it simulates', () => {
    const text = 'Reads were mapped with the QZAL aligner and simulated by the QZSIM simulator; QZASM Assembler runs followed.\n';
    assert.deepEqual(undefinedWithSeverity(text), ['QZSIM information']);
    assert.deepEqual(undefinedWhenSpelledOut(text), ['QZAL warning', 'QZSIM warning', 'QZASM warning']);
  });
  test('a gene symbol that this use names as a program is the program, not the gene', () => {
    const text = 'Reads were aligned using STAR Aligner 2.6.1a with default settings.\n';
    assert.deepEqual(undefinedWithSeverity(text), []);
    const found = service.lint({ uri: 'p.md', version: 1, text }, spelledOut).filter((d) => d.code === 'undefined-abbreviation');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /names a tool or resource \('STAR Aligner'\)/);
  });
  test('a citation, a short release or a title-cased Tool after a gene symbol still names the gene', () => {
    for (const text of ['Inhibition of MTOR [@saxton_mtor_2017] slowed growth.\n', 'Clones carried DNMT3A v2 here.\n', 'The MYC Tool was used.\n']) {
      const found = service.lint({ uri: 'p.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
      assert.match(found[0]!.message, /standard gene symbol/, text);
    }
  });
  test('the same symbol in a sentence about the gene keeps the gene reading', () => {
    const found = service.lint({ uri: 'p.md', version: 1, text: 'STAR expression rose in the adrenal gland.\n' }).filter((d) => d.code === 'undefined-abbreviation');
    assert.match(found[0]!.message, /standard gene symbol/);
  });
  test('an abbreviation before another noun is still one to define', () => {
    assert.deepEqual(undefinedWithSeverity('The QZAL protocol was used twice; QZAL samples grew.\n'), ['QZAL warning']);
  });
});

describe('a resource\'s letters that another use names as a program', () => {
  test('`TCGA Assembler` names a program; TCGA itself still names the resource, a note that spells it out', () => {
    const text = 'Data were fetched with TCGA Assembler [@zhu2014].\n\nThe TCGA cohort held 500 tumours.\n';
    const found = service.lint({ uri: 'r.md', version: 1, text }).filter((d) => d.code === 'undefined-abbreviation');
    assert.deepEqual(found.map((d) => `${text.slice(d.start, d.end)} ${d.severity}`), ['TCGA information']);
    assert.match(found[0]!.message, /names The Cancer Genome Atlas/u);
  });
});

describe('defineToolNames, for journals that want software and databases spelled out', () => {
  const text = 'Counts were tested with DESeq2 [@love2014].\n';
  test('front matter and .carnkrc-style settings turn it on; a later layer turns it off', () => {
    assert.deepEqual(undefinedWithSeverity(`---\ncarnk:\n  defineToolNames: true\n---\n\n${text}`), ['DESeq2 warning']);
    const off = service.lint({ uri: 'p.md', version: 1, text: `---\ncarnk:\n  defineToolNames: false\n---\n\n${text}` }, spelledOut);
    assert.deepEqual(off.filter((d) => d.code === 'undefined-abbreviation'), []);
  });
  test('the rule\'s own severity holds once lifted, and `off` stays off', () => {
    const found = (rules: Record<string, 'error' | 'off'>) =>
      service.lint({ uri: 'p.md', version: 1, text }, { ...spelledOut, rules: { 'undefined-abbreviation': rules.u! } }).filter((d) => d.code === 'undefined-abbreviation').map((d) => d.severity);
    assert.deepEqual(found({ u: 'error' }), ['error']);
    assert.deepEqual(found({ u: 'off' }), []);
  });
  test('a malformed value is named and the built-in behaviour continues', () => {
    const problems = service.lint({ uri: 'p.md', version: 1, text: `---\ncarnk:\n  defineToolNames: sometimes\n---\n\n${text}` });
    assert.deepEqual(problems.filter((d) => d.code === 'undefined-abbreviation'), []);
    assert.ok(problems.some((d) => /defineToolNames' must be true or false/.test(d.message)), JSON.stringify(problems.map((d) => d.message)));
  });
});

describe('a method named at the head of its sentence, its paper cited, said to do something', () => {
  test('is a note: journals differ on spelling out a published method\'s name', () => {
    assert.deepEqual(undefinedWithSeverity('# Review\n\nMany models exist. QIMKL [@doi:10.1/x] combines network and pathway data. QRRANN [@doi:10.1/y], which was applied to the same data, differs.\n'), ['QIMKL information', 'QRRANN information']);
  });
  test('mid-sentence, without its citation, or before another verb, it stays an abbreviation to define', () => {
    assert.deepEqual(undefinedWithSeverity('# Review\n\nWe ran QIMKL [@doi:10.1/x] combines. QRRANN combines data. QZAP [@doi:10.1/z] was poor.\n'), ['QIMKL warning', 'QRRANN warning', 'QZAP warning']);
  });
});

describe('a method cited at its sentence head once, then used again', () => {
  test('stays an abbreviation to define: only a name every use writes so is a note', () => {
    assert.deepEqual(undefinedWithSeverity('# Review\n\nOrdination came next. QERMANOVA [@x2001] uses a pseudo-F statistic. Later QERMANOVA was run again.\n'), ['QERMANOVA warning']);
    assert.deepEqual(undefinedWithSeverity('# Review\n\nWe used factorisations, e.g. QMF [@x1999] learns parts.\n'), ['QMF warning']);
  });
});
