// Standard gene symbols (issue 14): the derived data/gene-symbols.json, and an undefined standard
// symbol reported at most at information unless the journal wants every symbol defined.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { frontCode, geneSymbolsDocument, selectGeneSymbols } from '../../scripts/derive-gene-symbols.mjs';
import { aliasesBySymbol, selectProteinNames } from '../../scripts/derive-protein-names.mjs';
import { layerSettings } from '../../server/src/node/analysisContext';
import { isOfficialGeneSymbol, officialGeneSymbolsOf } from '../../server/src/service/knowledge/geneSymbols';
import { decodeGeneSymbols } from '../../server/src/service/knowledge/geneSymbolTable';
import { createTerminologyService, type AnalysisSettings, type TerminologyDiagnostic } from '../../server/src/service/index';
import { readSettings } from '../../server/src/settings';

const root = join(__dirname, '..', '..');
const humanGenesPath = process.env.CARNK_HUMAN_GENES ?? join(root, '..', 'shared', 'data', 'human-genes.tsv');
const service = createTerminologyService();

describe('data/gene-symbols.json', () => {
  test('is what scripts/derive-gene-symbols.mjs derives from human-genes.tsv', (t) => {
    if (!existsSync(humanGenesPath)) {
      t.skip(`reference table not found at ${humanGenesPath}; set CARNK_HUMAN_GENES to run this test`);
      return;
    }
    const derived = geneSymbolsDocument(selectGeneSymbols(readFileSync(humanGenesPath, 'utf8')));
    const committed = JSON.parse(readFileSync(join(root, 'data', 'gene-symbols.json'), 'utf8'));
    assert.equal(committed.count, derived.count);
    assert.equal(committed.symbols, derived.symbols, 'run node scripts/derive-gene-symbols.mjs');
  });

  test('selection: protein-coding official symbols of three characters or more; no aliases, no other types', () => {
    const table = [
      'ncbi_gene_id\tsymbol\tname\tgene_type\taliases',
      '1\tABC1\tmade-up protein one\tprotein-coding\tXYZ|CARX',
      '2\tQRS\tmade-up region\tother\t',
      '3\tQQ\tmade-up short one\tprotein-coding\t',
      '4\tHLA-Q\tmade-up complex\tprotein-coding\t',
      '5\tABC10\tmade-up protein ten\tprotein-coding\t',
    ].join('\n');
    assert.deepEqual(selectGeneSymbols(table), ['ABC1', 'ABC10', 'HLA-Q']);
  });

  test('front coding round-trips, also past nine shared characters', () => {
    const sorted = ['ABC1', 'ABC10', 'ABCDEFGHIJK1', 'ABCDEFGHIJK2', 'B2M', 'HLA-Q', 'HLA-QB1'];
    assert.equal(frontCode(sorted).split(' ')[1], '4' + '0');
    assert.deepEqual([...decodeGeneSymbols(frontCode(sorted))], sorted);
    assert.deepEqual([...decodeGeneSymbols('')], []);
  });

  const cases: [string, boolean][] = [
    ['BCL2', true], ['BRD4', true], ['NKRF', true], ['CCL5', true], ['CXCL8', true], ['LY6E', true], ['HLA-E', true], ['MYC', true],
    ['CAR', false], // an alias of several genes, never an official symbol
    ['ADCC', false],
    ['HR', false], // two characters: left out
    ['CDR3', false], // type "other"
    ['bcl2', false],
    ['Ly6a', false], // mouse
  ];
  for (const [symbol, official] of cases) test(`${symbol}: ${official ? 'official' : 'not official'}`, () => assert.equal(isOfficialGeneSymbol(symbol), official));

  test('a hyphenated key names symbols when each part is one', () => {
    assert.deepEqual(officialGeneSymbolsOf('GOLGA7-ZDHHC5'), ['GOLGA7', 'ZDHHC5']);
    assert.deepEqual(officialGeneSymbolsOf('HLA-E'), ['HLA-E']);
    assert.equal(officialGeneSymbolsOf('CAR-NK'), undefined);
    assert.equal(officialGeneSymbolsOf('BCL2-XQZ'), undefined);
    // A numbered range of one family, first and last both official: GOLGA2 to GOLGA5; not backwards, not a made-up stem.
    assert.deepEqual(officialGeneSymbolsOf('GOLGA2-5'), ['GOLGA2', 'GOLGA5']);
    assert.equal(officialGeneSymbolsOf('GOLGA5-2'), undefined);
    assert.equal(officialGeneSymbolsOf('QZRA2-5'), undefined);
    assert.equal(officialGeneSymbolsOf('SARS-CoV-2'), undefined);
  });
});

/** The undefined-abbreviation diagnostic on `key` in `text`, if any. */
function undefinedUse(text: string, key: string, settings: AnalysisSettings = {}): TerminologyDiagnostic | undefined {
  return service.lint({ uri: 'genes.md', version: 1, text }, settings).find((d) => d.code === 'undefined-abbreviation' && text.slice(d.start, d.end) === key);
}

describe('undefined standard gene symbols', () => {
  const lowered: [string, string][] = [
    ['BRD4', 'The viral protein binds BRD4 in infected cells.'],
    ['NKRF', 'It interacts with NKRF in the nucleus.'],
    ['LY6E', 'Cells expressing LY6E resisted entry.'],
    ['GOLGA7-ZDHHC5', 'The GOLGA7-ZDHHC5 complex palmitoylates the protein.'],
  ];
  for (const [key, text] of lowered) {
    test(`${key}: information, saying it is a standard gene symbol`, () => {
      const found = undefinedUse(text, key);
      assert.equal(found?.severity, 'information');
      assert.match(found.message, /standard gene symbol/);
      assert.match(found.message, /some journals ask/);
    });
  }

  const kept: [string, string, string][] = [
    ['XQZV', 'Cells expressing XQZV resisted entry.', 'not a gene symbol'],
    ['EFS', 'The EFS was longer in the treated arm.', 'the knowledge base knows it as another term (event-free survival)'],
    ['MSC', 'The MSC dose mattered, and MSCs were added twice.', 'written in the plural, so an ordinary abbreviation'],
    ['BRD4', '---\nabstract: Bromodomain protein 4 (BRD4) was measured.\n---\n\nThe viral protein binds BRD4.', 'the document defines it (in another scope)'],
  ];
  for (const [key, text, why] of kept) {
    test(`${key}: warning (${why})`, () => assert.equal(undefinedUse(text, key)?.severity, 'warning'));
  }

  test('a key only a later file of the book defines is used before its definition, a warning', () => {
    const text = 'The viral protein binds BRD4.';
    const later = { short: 'BRD4', long: 'bromodomain-containing protein 4', key: 'BRD4', uri: 'file:///book/09.md', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } } };
    const [before] = service.lint({ uri: 'genes.md', version: 1, text }, { book: { inherited: [], usedLater: ['BRD4'], definedLater: [later] } });
    assert.deepEqual([before?.code, before?.severity], ['used-before-definition', 'warning']);
    assert.equal(undefinedUse(text, 'BRD4', { book: { inherited: [], usedLater: ['BRD4'], definedLater: [] } })?.severity, 'information');
  });

  test('defineGeneSymbols restores the warning: settings and front matter', () => {
    const text = 'The viral protein binds BRD4.';
    assert.equal(undefinedUse(text, 'BRD4', { defineGeneSymbols: true })?.severity, 'warning');
    assert.equal(undefinedUse(`---\ncarnk:\n  defineGeneSymbols: true\n---\n\n${text}`, 'BRD4')?.severity, 'warning');
    assert.equal(undefinedUse(`---\ncarnk:\n  defineGeneSymbols: false\n---\n\n${text}`, 'BRD4', { defineGeneSymbols: true })?.severity, 'information');
  });

  test('the cap only lowers: a rule set to hint stays hint, off stays off, error becomes information', () => {
    const text = 'The viral protein binds BRD4.';
    assert.equal(undefinedUse(text, 'BRD4', { rules: { 'undefined-abbreviation': 'hint' } })?.severity, 'hint');
    assert.equal(undefinedUse(text, 'BRD4', { rules: { 'undefined-abbreviation': 'off' } }), undefined);
    assert.equal(undefinedUse(text, 'BRD4', { rules: { 'undefined-abbreviation': 'error' } })?.severity, 'information');
    assert.equal(undefinedUse(text, 'BRD4', { rules: { 'undefined-abbreviation': 'error' }, defineGeneSymbols: true })?.severity, 'error');
  });

  test('a wrong value in the front matter is invalid-configuration', () => {
    const text = '---\ncarnk:\n  defineGeneSymbols: yes please\n---\n\nThe viral protein binds BRD4.';
    const problems = service.lint({ uri: 'genes.md', version: 1, text }).filter((d) => d.code === 'invalid-configuration');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /defineGeneSymbols' must be true or false/);
  });

  test('layering: flag over .carnkrc over editor; editor settings validated', () => {
    assert.equal(layerSettings([{ defineGeneSymbols: true }, {}]).defineGeneSymbols, true);
    assert.equal(layerSettings([{ defineGeneSymbols: true }, { defineGeneSymbols: false }]).defineGeneSymbols, false);
    assert.equal(layerSettings([{}, { defineGeneSymbols: false }, { defineGeneSymbols: true }]).defineGeneSymbols, true);
    assert.equal(layerSettings([{}, {}]).defineGeneSymbols, undefined);
    assert.equal(readSettings({ defineGeneSymbols: true }).settings.defineGeneSymbols, true);
    assert.equal(readSettings({}).settings.defineGeneSymbols, false);
    assert.deepEqual(readSettings({ defineGeneSymbols: 'yes' }).problems, ['carnk.defineGeneSymbols must be true or false, got "yes"']);
  });

  test('CLI: --define-gene-symbols', () => {
    const cli = join(root, 'dist', 'cli.js');
    const run = (args: string[]) =>
      JSON.parse(spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--no-config', ...args, '-'], { input: 'The viral protein binds BRD4.', encoding: 'utf8' }).stdout);
    assert.equal(run([])[0].diagnostics[0].severity, 'information');
    assert.equal(run(['--define-gene-symbols'])[0].diagnostics[0].severity, 'warning');
  });
});

// Demerec's bacterial gene names in italics (`*tcdB*`, `*recA*`) are genes, not abbreviations (issue 14).
describe('bacterial genes written in italics', () => {
  for (const [key, text] of [
    ['qzrB', 'PCR for the *qzrB* gene was run.'],
    ['qxmA1', 'Strains carried _qxmA1_ and grew.'],
  ] as const) {
    test(`${key}: information, named as a gene in that style`, () => {
      const found = undefinedUse(text, key);
      assert.equal(found?.severity, 'information');
      assert.match(found!.message, /in italics as a gene name \(lower-case letters and a capital, as bacterial genes are named\)/);
    });
  }
  for (const [key, text, why] of [
    ['qzrB', 'PCR for the qzrB gene was run.', 'roman type'],
    ['QzrB', 'The toxin *QzrB* was measured.', 'a capital first: a protein or another name'],
    ['qzrIIIA', 'Operon *qzrIIIA* was deleted.', 'no numeral locus of this shape'],
  ] as const) {
    test(`${key}: warning (${why})`, () => assert.equal(undefinedUse(text, key)?.severity, 'warning'));
  }
});

// Italics mark a human gene symbol, whether or not it is a protein-coding one the official list holds (issue 14).
describe('gene symbols written in italics', () => {
  const noted: [string, string][] = [
    ['QRTL1', 'The deleted region holds *QRTL1*, a non-coding gene.'],
    ['TXRC', 'Scores correlated with _TXRC_ (R = 0.6) in the cohort.'],
    ['MIRX9A', 'The cluster *MIRX9A–MIRX9-1* is lost.'],
    ['MIRX9-1', 'The cluster *MIRX9A–MIRX9-1* is lost.'],
    ['ZRF', 'Targets of the _ZRF_ family rose.'],
  ];
  for (const [key, text] of noted) {
    test(`${key}: information, asking to check the spelling`, () => {
      const found = undefinedUse(text, key);
      assert.equal(found?.severity, 'information');
      assert.match(found!.message, /written in italics as a gene symbol/);
      assert.match(found!.message, /check its spelling/);
    });
  }

  const kept: [string, string, string][] = [
    ['QRTL1', 'The deleted region holds **QRTL1**, a non-coding gene.', 'bold is no gene notation'],
    ['QRTL1', 'The point is *that QRTL1 matters* here.', 'italics over a phrase are emphasis'],
    ['QRTL1', 'We saw *QRTL1* twice, and QRTLs elsewhere; QRTL1s are common.', 'written in the plural'],
    ['QRTL1', '---\nabstract: Quantitative trait locus 1 (QRTL1) was mapped.\n---\n\nWe saw *QRTL1* here.', 'the document defines it, in another scope'],
    ['QRTL1', 'We saw QRTL1 first, and *QRTL1* only later.', 'the first use is in roman type'],
    ['ADCC', 'Killing by *ADCC* rose.', 'a knowledge-base term, whose entry decides'],
  ];
  for (const [key, text, why] of kept) {
    test(`${key}: warning (${why})`, () => assert.equal(undefinedUse(text, key)?.severity, 'warning'));
  }

  test('a mixed-case word in italics is no gene symbol of this reading', () => {
    assert.notEqual(undefinedUse('The *QrtL1* marker rose.', 'QrtL1')?.severity, 'information');
  });

  test('defineGeneSymbols restores the warning', () => {
    assert.equal(undefinedUse('The region holds *QRTL1*.', 'QRTL1', { defineGeneSymbols: true })?.severity, 'warning');
  });
});

// A cytokine's receptor in systematic notation after the cytokine is defined (issue 14): journals differ.
describe('receptor chains of a defined cytokine', () => {
  const text = 'Interleukin-7 (IL-7) signals through IL-7Rα and the IL-7R complex; IL-9R and IL-7RA are other names.';
  test('are information, naming the cytokine; others stay warnings', () => {
    const chain = undefinedUse(text, 'IL-7Rα');
    assert.equal(chain?.severity, 'information');
    assert.match(chain!.message, /a receptor of IL-7 \(defined on line 1\)/);
    assert.equal(undefinedUse(text, 'IL-7R')?.severity, 'information');
    // Beside IL-7Rα it is that chain's other spelling, told as such; its missing definition is told once, at IL-7Rα.
    assert.equal(undefinedUse(text, 'IL-7RA'), undefined);
    assert.equal(undefinedUse(text.replace('IL-7Rα and ', ''), 'IL-7RA')?.severity, 'warning', 'not the receptor notation');
  });
  test("a chain of a cytokine's standard name left undefined throughout is information, as the name is", () => {
    const nine = undefinedUse(text, 'IL-9R');
    assert.equal(nine?.severity, 'information');
    assert.match(nine!.message, /a receptor of IL-9 \(a cytokine's standard name, left undefined here\)/);
    assert.equal(undefinedUse('Cells carried QL-2Rα only.', 'QL-2Rα')?.severity, 'warning', 'not a cytokine');
    assert.equal(undefinedUse(text, 'IL-9R', { defineGeneSymbols: true })?.severity, 'warning');
    // The author defines IL-9 (here in the abstract only): an abbreviation of theirs, whose chains the main text must define.
    const defined = '---\nabstract: Interleukin-9 (IL-9) helped; IL-9 again.\n---\n\nSignalling through IL-9R rose.';
    assert.equal(undefinedUse(defined, 'IL-9R')?.severity, 'warning');
  });
  test('a use before the cytokine is defined stays a warning; defineGeneSymbols restores the warning', () => {
    assert.equal(undefinedUse('IL-7Rα is needed. Interleukin-7 (IL-7) binds it; IL-7 again.', 'IL-7Rα')?.severity, 'warning');
    assert.equal(undefinedUse(text, 'IL-7Rα', { defineGeneSymbols: true })?.severity, 'warning');
  });
  test('in a legend, a chain of a cytokine the main text defines is information; either setting restores the warning', () => {
    const legend = `${text}\n\n![Signalling through IL-7Rα and IL-9R over 24 h.](fig1.png){#fig:signal}\n`;
    const chainIn = (settings: AnalysisSettings = {}) => service.lint({ uri: 'legend.md', version: 1, text: legend }, settings).find((d) => d.code === 'undefined-abbreviation' && legend.slice(d.start, d.end) === 'IL-7Rα' && d.start > text.length);
    assert.equal(chainIn()?.severity, 'information');
    assert.match(chainIn()!.message, /a receptor of IL-7 \(defined in the main text on line 1\)/);
    assert.equal(chainIn({ defineGeneSymbols: true })?.severity, 'warning');
    assert.equal(chainIn({ defineInLegends: true })?.severity, 'warning');
  });
});

// A gene symbol written with a hyphen before its number, as proteins are (issue 14): journals differ.
describe('an official gene symbol written with a hyphen before its number', () => {
  test('is information, naming the symbol; defineGeneSymbols restores the warning', () => {
    const text = 'Levels of BCL-2 and MCL-1 rose in the tumours.';
    const bcl = undefinedUse(text, 'BCL-2');
    assert.equal(bcl?.severity, 'information');
    assert.match(bcl!.message, /the gene symbol BCL2 written with a hyphen before its number/u);
    assert.equal(undefinedUse(text, 'MCL-1', { defineGeneSymbols: true })?.severity, 'warning');
  });
  test('not a symbol without the hyphen, nor one the author defines', () => {
    assert.equal(undefinedUse('Levels of QZL-2 rose.', 'QZL-2')?.severity, 'warning');
    const defined = '---\nabstract: B-cell lymphoma 2 (BCL-2) rose; BCL-2 again.\n---\n\nLevels of BCL-2 rose.';
    assert.equal(undefinedUse(defined, 'BCL-2')?.severity, 'warning');
  });
});

// A cytokine's standard name left undefined throughout (issue 14): journals differ.
describe("a cytokine's standard name", () => {
  const noted: [string, string][] = [
    ['IL-15', 'Cells were armoured with IL-15 and grew.'],
    ['IL-1β', 'Monocytes released IL-1β after stimulation.'],
    ['IL-17A', 'Levels of IL-17A rose.'],
    ['IFN-γ', 'NK cells secreted IFN-γ on contact.'],
    ['TNF-α', 'Blocking TNF-α reduced the fever.'],
    ['TGF-β1', 'Tumours secreted TGF-β1 into the niche.'],
  ];
  for (const [key, text] of noted) {
    test(`${key}: information, saying journals differ`, () => {
      const found = undefinedUse(text, key);
      assert.equal(found?.severity, 'information');
      assert.match(found!.message, /cytokine's standard name/);
    });
  }
  test('defined anywhere, the author treats it as an abbreviation: the abstract use stays a warning', () => {
    const text = '---\nabstract: IL-15 armouring helped.\n---\n\nInterleukin-15 (IL-15) armouring helped; IL-15 again.';
    const abstractUse = service.lint({ uri: 'c.md', version: 1, text }).find((d) => d.code === 'undefined-abbreviation' && text.slice(d.start, d.end) === 'IL-15');
    assert.equal(abstractUse?.severity, 'warning');
  });
  test('not a cytokine name: a receptor its gene record names is a protein name; another ligand stays a warning', () => {
    const receptor = undefinedUse('Cells expressed TIM-3 and DNAM-1.', 'TIM-3');
    assert.equal(receptor?.severity, 'information');
    assert.match(receptor?.message ?? '', /names the protein of HAVCR2 by a symbol its gene record lists/u);
    assert.equal(undefinedUse('Feeders carried 4-1BBL.', '4-1BBL')?.severity, 'warning');
  });
  test('defineGeneSymbols restores the warning', () => {
    assert.equal(undefinedUse('Cells were armoured with IL-15.', 'IL-15', { defineGeneSymbols: true })?.severity, 'warning');
  });
});

// A qualifier written only as a superscript on a name is genotype notation (issue 14).
describe('a superscript qualifier on a name', () => {
  test('information when every use in the scope is a superscript', () => {
    const text = 'The *CISH*^QO^ cells and Raji-CD19^QO^ targets, and CD38<sup>QO</sup> lines.';
    const found = undefinedUse(text, 'QO');
    assert.equal(found?.severity, 'information');
    assert.match(found!.message, /superscript/);
  });
  test('the label may carry its genotype\'s other allele: `Braf^CAT/+^`', () => {
    const found = undefinedUse('Tumours of _Qraf^QAT/+^_ and Qraf^QAT/fl^ lungs grew.', 'QAT');
    assert.equal(found?.severity, 'information');
    assert.match(found!.message, /superscript/);
    // The close must follow the other allele: a longer tail is no genotype.
    assert.equal(undefinedUse('Tumours of Qraf^QAT/QZYXWV and^ lungs grew.', 'QAT')?.severity, 'warning');
  });
  test('a warning when the scope also writes it in the prose, or the superscript stands apart', () => {
    assert.equal(undefinedUse('The *CISH*^QO^ cells; QO cells died.', 'QO')?.severity, 'warning');
    assert.equal(undefinedUse('Cells were ^QO^ here.', 'QO')?.severity, 'warning');
  });
});

// A protein written by a symbol of its gene's record (issue 14): the in-field judges called
// `DNAM-1`, `STAT5` and `SHP-1` house style, as the issue asks of any standard nomenclature.
describe('data/protein-names.json and protein names in the gene nomenclature', () => {
  test('is what scripts/derive-protein-names.mjs derives from human-genes.tsv and the knowledge base', (t) => {
    if (!existsSync(humanGenesPath)) {
      t.skip(`reference table not found at ${humanGenesPath}; set CARNK_HUMAN_GENES to run this test`);
      return;
    }
    const derived = selectProteinNames(JSON.parse(readFileSync(join(root, 'out', 'generated', 'knowledge.json'), 'utf8')), aliasesBySymbol(readFileSync(humanGenesPath, 'utf8')));
    const committed = JSON.parse(readFileSync(join(root, 'data', 'protein-names.json'), 'utf8'));
    assert.deepEqual(committed.names, derived, 'run node scripts/derive-protein-names.mjs');
  });

  test('selection: an alias of the entry\'s own gene, the symbol with a hyphen, or the stem of its genes; never an alias of another gene', () => {
    const table = ['ncbi_gene_id\tsymbol\tname\tgene_type\taliases', '1\tQRS1\tone\tprotein-coding\tQX-1|QXA', '2\tQRS2A\ttwo a\tprotein-coding\t', '3\tQRS2B\ttwo b\tprotein-coding\t', '4\tZZZ9\tother\tprotein-coding\tQY-1'].join('\n');
    const knowledge = {
      entries: [
        // `QXA` is an alias too, but a word of capitals has other senses: only a symbol's shape is kept.
        { id: 'one', preferred: 'QX-1', variants: ['QRS-1', 'QRS1', 'QXA', 'QXB'], genes: [{ symbol: 'QRS1' }], needsDefinition: true },
        { id: 'two', preferred: 'QRS2', variants: [], genes: [{ symbol: 'QRS2A' }, { symbol: 'QRS2B' }], needsDefinition: true },
        { id: 'other', preferred: 'QY-1', variants: [], genes: [{ symbol: 'QRS1' }], needsDefinition: true },
      ],
    };
    assert.deepEqual(selectProteinNames(knowledge, aliasesBySymbol(table)), { 'QRS-1': 'QRS1', QRS2: 'QRS2A, QRS2B', 'QX-1': 'QRS1' });
  });

  const severities = (text: string, settings?: AnalysisSettings) =>
    service
      .lint({ uri: 'proteins.md', version: 1, text }, settings)
      .filter((d: TerminologyDiagnostic) => d.code === 'undefined-abbreviation')
      .map((d) => `${text.slice(d.start, d.end)} ${d.severity}`);

  test('undefined throughout, such a name is a note, which defineGeneSymbols lifts', () => {
    const text = 'NK cells use DNAM-1 and lose SHP-1 signals.\n';
    assert.deepEqual(severities(text).filter((s) => !s.startsWith('NK')), ['DNAM-1 information', 'SHP-1 information']);
    assert.deepEqual(severities(text, { defineGeneSymbols: true }).filter((s) => !s.startsWith('NK')), ['DNAM-1 warning', 'SHP-1 warning']);
  });

  test('a gene record\'s alias of letters alone keeps its warning: it has other senses in clinical text', () => {
    assert.deepEqual(severities('Patients were treated with TACE before surgery. TACE was repeated.\n'), ['TACE warning']);
  });
  test('a name the document defines somewhere is an abbreviation, used before its definition or not', () => {
    const text = '## Abstract\n\nDNAM-1 rose.\n\n## Introduction\n\nDNAX accessory molecule-1 (DNAM-1) binds CD155.\n';
    assert.deepEqual(severities(text), ['DNAM-1 warning']);
  });
});

describe('a non-coding RNA gene named after its host gene, as HGNC names them', () => {
  test('an antisense RNA reads as its host symbol', () => {
    assert.deepEqual(officialGeneSymbolsOf('FHAD1-AS1'), ['FHAD1']);
    // Other suffixes are not confirmed by the protein-coding table: left to read as written.
    assert.equal(officialGeneSymbolsOf('TP53-IT1'), undefined);
    assert.equal(officialGeneSymbolsOf('KRAS-DT'), undefined);
    assert.equal(officialGeneSymbolsOf('QZX-AS1'), undefined);
    assert.equal(officialGeneSymbolsOf('FHAD1-AS'), undefined);
  });
  test('left undefined, one is a note saying whose symbol it is named after', () => {
    const found = createTerminologyService().lint({ uri: 'g.md', version: 1, text: 'Levels of FHAD1-AS1 fell.\n' }).filter((d) => d.code === 'undefined-abbreviation');
    assert.equal(found[0]!.severity, 'information');
    assert.match(found[0]!.message, /antisense RNA gene named after the standard gene symbol FHAD1/);
  });
});
