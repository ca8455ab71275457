// One name written two ways (`IQ-Tree` and `IQ-TREE`, `MetaBAT 2` and `MetaBAT2`), issue 14: a
// name that is no abbreviation never becomes a mention, so only this reading sees it. Every
// example is made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookContexts, type BookLayout } from '../../server/src/node/bookAnalysis';
import { createTerminologyService } from '../../server/src/service/index';
import { differsAsName } from '../../server/src/service/rules/nameSpellings';
import { nameFormKey } from '../../server/src/service/model/nameForms';

const service = createTerminologyService();

/** The name-spelling findings of a made-up main text: `form -> kept`. */
function nameSpellings(paragraphs: string[]): string[] {
  const text = ['# Methods', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  return service
    .lint({ uri: 'names.md', version: 1, text }, {})
    .filter((d) => d.code === 'inconsistent-variants' && d.data?.name === true)
    .map((d) => `${text.slice(d.start, d.end)} -> ${d.data?.dominant}`);
}

describe('one name written two ways', () => {
  test('case inside a name is told, at the less written spelling, kept as written most', () =>
    assert.deepEqual(nameSpellings(['Trees were built with QuickTREE 3 times.', 'We ran QuickTREE on all bins.', 'Then QuickTree grouped them.']), [
      'QuickTree -> QuickTREE',
    ]));
  test('a hyphen, or the space before a number, is told', () => {
    assert.deepEqual(nameSpellings(['Reads were binned with BinMAKER2 first.', 'A second run of BinMAKER 2 agreed.', 'BinMAKER2 was then rerun.']), ['BinMAKER 2 -> BinMAKER2']);
    assert.deepEqual(nameSpellings(['Trees came from TreeFit-2 in two runs.', 'Both TreeFit-2 runs agreed, unlike TreeFit2.']), ['TreeFit2 -> TreeFit-2']);
  });
  test('a code with a letter in another case is told, with every use in the fix', () => {
    const text = '# Methods\n\nThe cocktail QR-CoV777 was given.\n\nQR-COV777 titres rose; QR-COV777 fell.\n\nQR-CoV777 and QR-CoV777 again.\n';
    const found = service.lint({ uri: 'c.md', version: 1, text }, {}).filter((d) => d.data?.name === true);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), 'QR-COV777');
    assert.deepEqual(found[0]!.data?.fixes?.[0]?.edits.map((e) => e.newText), ['QR-CoV777', 'QR-CoV777']);
    assert.equal(found[0]!.data?.fixes?.[0]?.safe, false);
    assert.equal(found[0]!.severity, 'information');
  });
  test('a number that runs on is not the name\'s (`Tool 2.0`, `2-fold`)', () =>
    assert.deepEqual(nameSpellings(['We used BinMAKER 2.0 here and BinMAKER2 there.', 'BinMAKER 2-fold more.']), []));
});

describe('a name with inner capitals written as a plain capitalised word', () => {
  test('mid-sentence, the plain word is told against the name, which is kept however rarely written', () => {
    assert.deepEqual(nameSpellings(['Counts came from QuorumMap, then more Quorummap data were added.']), ['Quorummap -> QuorumMap']);
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'We ran Zombat per site and Zombat again per donor.']), ['Zombat -> ZomBat']);
  });
  test('at a sentence\'s start, after a colon, beside another capitalised word, in small letters or in italics, it is left alone', () => {
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'Zombat was run per site.']), []);
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'Tools: Zombat and others.']), []);
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'The Initiative to Zombat Quiet Diseases paid.']), []);
    // A word in small letters that is English is another word (a made-up name in small letters is caseSpellings' to report).
    assert.deepEqual(nameSpellings(['Batches were merged with ComBat.', 'We worked to combat noise per site.']), []);
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'We ran *Zombat* per site.']), []);
    // A quoted word keeps its spelling; a label's noun before its number is the label's.
    assert.deepEqual(nameSpellings(['Batches were merged with ZomBat.', 'Users call it "Zombat" in forums.']), []);
    assert.deepEqual(nameSpellings(['We took the QEO DataSet QDS4879.', 'Results are in Dataset 2 and in Table 3.']), []);
  });
  test('a name whose only inner capital is its last letter has no plain twin (`Qlus` is a plural of `Qlu`)', () =>
    assert.deepEqual(nameSpellings(['The QluS subfamily is old.', 'Young Qlu elements and older Qlus differ.']), []));
});

describe('a name misspelt in capitals is one report', () => {
  const codes = (text: string) => service.lint({ uri: 'n.md', version: 1, text }, {}).map((d) => `${d.code} ${text.slice(d.start, d.end)}`);
  test('no definition is asked of a name\'s other spelling: the name check tells it', () =>
    assert.deepEqual(codes('# Intro\n\nWe used Qas9 editing and Qas9 protein.\n\nThe QAS9 cut was clean.\n'), ['inconsistent-variants QAS9']));
  test('when the spelling kept lacks a definition too, the first-use check still asks for it', () => {
    const found = codes('# Intro\n\nWe used QZAB and QZAB again.\n\nThe Q-ZAB cut was clean.\n');
    assert.ok(found.includes('undefined-abbreviation QZAB'), found.join('; '));
  });
});

describe('spellings that are no inconsistency', () => {
  test('capitals a sentence or a title sets, and capitals for emphasis', () => {
    assert.equal(differsAsName('Anti-TNP', 'anti-TNP'), false);
    assert.equal(differsAsName('Cell-Specific', 'cell-specific'), false);
    assert.equal(differsAsName('PBMC-Derived', 'PBMC-derived'), false);
    assert.equal(differsAsName('CENTRAL', 'Central'), false);
    assert.equal(differsAsName('TCELL', 'T-cell'), false);
    assert.equal(differsAsName('p-Epitope', 'p-epitope'), true);
    assert.equal(differsAsName('IQ-Tree', 'IQ-TREE'), true);
    assert.equal(differsAsName('MetaBAT 2', 'MetaBAT2'), true);
  });
  test('sentence and title capitals give no finding', () =>
    assert.deepEqual(nameSpellings(['Anti-TNP titres rose in week two.', 'Then anti-TNP titres fell.']), []));
  test('a human gene symbol and its protein or mouse spelling are left to their conventions', () =>
    assert.deepEqual(nameSpellings(['BCL2 expression rose, and Bcl-2 protein followed.', 'FOXP3 and Foxp3 were both stained.']), []));
  test('spellings the knowledge base names are its readings\' to tell', () =>
    assert.deepEqual(nameSpellings(['Anti-CD19 CAR-NK cells were made.', 'The CAR-NK product and CAR NK cells differ.']), []));
  test('italic uses and headings keep their own spelling', () => {
    assert.deepEqual(nameSpellings(['The *QuickTREE* gene variant and QuickTree differ.']), []);
    const text = '# Methods\n\n## QuickTree Runs\n\nWe ran QuickTREE on all bins.\n';
    assert.deepEqual(service.lint({ uri: 'h.md', version: 1, text }, {}).filter((d) => d.data?.name === true), []);
  });
  test('dotted and underscored identifiers are written as their source writes them', () =>
    assert.deepEqual(nameSpellings(['Probes came from [pd.hg.u133b](https://example.org) and the U133B array.', 'The IDBA_UD and IDBA-ud outputs.']), []));
  test('forms too short to compare (`pH`, `10x`) are left alone', () => {
    assert.equal(nameFormKey('IQ-Tree'), 'iqtree');
    assert.deepEqual(nameSpellings(['At 10X and at 10x zoom.', 'The pH and PH values.']), []);
  });
  test('two spellings of an abbreviation the mention checks read give one finding, not two', () => {
    const text = '# Methods\n\nThe enzyme ZQX-4 was found in two isolates.\n\nBoth ZQX-4 genes sat on plasmids, unlike ZQX4.\n';
    const found = service.lint({ uri: 'g.md', version: 1, text }, {}).filter((d) => d.code === 'inconsistent-variants');
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.notEqual(found[0]!.data?.name, true);
  });
});

describe('a name written two ways across the files of a book', () => {
  const intro = '# Introduction\n\nTrees were built with QuickTREE.\n';
  const methods = '# Methods\n\nWe ran QuickTree on all bins.\n';
  const results = '# Results\n\nQuickTree grouped the bins; QuickTree agreed.\n';
  /** The name-spelling messages of each file of a book of `files` (name -> text), in order. */
  const lintBook = (files: [string, string][]) => {
    const texts = new Map(files);
    const layout: BookLayout = { files: files.map(([path]) => ({ path, chapter: 0, includes: [] })) };
    const contexts = bookContexts(layout, (p) => ({ uri: p, model: service.model({ uri: p, version: 1, text: texts.get(p)! }) }), 'continue');
    return files.map(([path, text]) => service.lint({ uri: path, version: 1, text }, { book: contexts.get(path)! }).filter((d) => d.data?.name === true).map((d) => d.message));
  };
  test('written once each, the later file tells its spelling, naming the other file; the earlier keeps its own', () =>
    assert.deepEqual(lintBook([['/n/01.intro.md', intro], ['/n/02.methods.md', methods]]), [
      [],
      ["'QuickTree' and 'QuickTREE' (another file of this manuscript) are one name written two ways. Use one form."],
    ]));
  test('the spelling written most across the book is kept, wherever it stands', () =>
    assert.deepEqual(lintBook([['/n/01.intro.md', intro], ['/n/02.methods.md', methods], ['/n/03.results.md', results]]), [
      ["'QuickTREE' and 'QuickTree' (another file of this manuscript) are one name written two ways. Use one form."],
      [],
      [],
    ]));
  test('a name written one way adds nothing to the other files\' contexts, so an edit adding one re-lints none of them', () => {
    const contextOf = (introText: string) => {
      const texts = new Map([['/n/01.intro.md', introText], ['/n/02.methods.md', methods]]);
      const layout: BookLayout = { files: [...texts.keys()].map((path) => ({ path, chapter: 0, includes: [] })) };
      return JSON.stringify(bookContexts(layout, (p) => ({ uri: p, model: service.model({ uri: p, version: 2, text: texts.get(p)! }) }), 'continue').get('/n/02.methods.md'));
    };
    assert.equal(contextOf('# Introduction\n\nTrees were built.\n'), contextOf('# Introduction\n\nTrees were built by the McCoy-Lab team.\n'));
    assert.notEqual(contextOf('# Introduction\n\nTrees were built.\n'), contextOf('# Introduction\n\nTrees were built with QuickTREE.\n'));
  });
  test('a name in a path or a quantity is written as its source writes it', () => {
    const text = '# Methods\n\nWe built bins with MetaBIN 2.\n\nCode is in data/MetaBIN2/out; we added 10-mL and 10-ml.\n';
    assert.deepEqual(service.lint({ uri: 'p.md', version: 1, text }, {}).filter((d) => d.data?.name === true), []);
  });
  test('two names joined by a slash are no path: each is compared', () =>
    assert.deepEqual(nameSpellings(['Cocktails (QR-CoV555/QR-COV016) were given.', 'Later QR-CoV016 alone.', 'And QR-CoV016 again.']), ['QR-COV016 -> QR-CoV016']));
  test('a capital a sentence puts first counts for the small-letter spelling, which the fix writes', () =>
    assert.deepEqual(nameSpellings(['Anti-TNQ was used. Anti-TNQ was used. Anti-TNQ again.', 'We used anti-TNQ and anti-Tnq.']), ['anti-Tnq -> anti-TNQ']));
  test('one abbreviation spelt three ways gets the mention checks\' finding only', () => {
    const text = '# Methods\n\nWe scored ZCOG 2 and ZCOG-2 and ZCOG2 patients.\n';
    const found = service.lint({ uri: 'z.md', version: 1, text }, {}).filter((d) => d.code === 'inconsistent-variants');
    assert.ok(found.every((d) => d.data?.name !== true || text.slice(d.start, d.end) !== 'ZCOG2'), found.map((d) => d.message).join('\n'));
  });
  test('a file alone has nothing to compare', () =>
    assert.deepEqual(service.lint({ uri: '/n/02.methods.md', version: 1, text: methods }, {}).filter((d) => d.data?.name === true), []));
});
