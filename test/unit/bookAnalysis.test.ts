import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { abbreviationKeyAt, bookContexts, firstPositionOfKey, type BookLayout, type ChaptersMode } from '../../server/src/node/bookAnalysis';
import { readBookProject, type BookProject } from '../../server/src/node/bookProject';
import { createTerminologyService, type BookContext } from '../../server/src/service/index';

const service = createTerminologyService();
const BOOKS = join(__dirname, '..', 'fixtures', 'books');

/** Lints every file of a book with its context: the undefined abbreviations and unused definitions per file name. */
function lintBook(book: BookLayout, texts: (path: string) => string, mode: ChaptersMode) {
  const documentOf = (path: string) => ({ uri: path, version: 1, text: texts(path) });
  const contexts = bookContexts(book, (path) => ({ uri: path, model: service.model(documentOf(path)) }), mode);
  const report: Record<string, string[]> = {};
  for (const file of book.files) {
    const diagnostics = service.lint(documentOf(file.path), { book: contexts.get(file.path)! });
    report[file.path.replace(/^.*\//, '')] = diagnostics
      .filter((d) => d.code === 'undefined-abbreviation' || d.code === 'unused-abbreviation' || d.code === 'used-before-definition')
      .map((d) => `${d.code === 'undefined-abbreviation' ? 'undefined' : d.code === 'unused-abbreviation' ? 'unused' : 'before'} ${d.message.match(/^'([^']+)'/)?.[1]}`);
  }
  return report;
}

const onDisk = (path: string) => readFileSync(path, 'utf8');

describe('fixture books (acceptance of issue 10)', () => {
  const quarto = readBookProject(join(BOOKS, 'quarto-book', '_quarto.yml'))!;
  const bookdown = readBookProject(join(BOOKS, 'bookdown', '_bookdown.yml'))!;
  const includes = readBookProject(join(BOOKS, 'includes', '_quarto.yml'))!;

  const cases: { name: string; book: BookProject; mode: ChaptersMode; expected: Record<string, string[]> }[] = [
    {
      name: 'Quarto book, continue: chapter 3 uses what chapter 1 defines; nothing is undefined or unused',
      book: quarto,
      mode: 'continue',
      expected: { 'index.qmd': [], '02-methods.qmd': [], '03-results.qmd': [] },
    },
    {
      name: 'Quarto book, reset: each chapter must define again, and chapter 1 definitions used only later are unused',
      book: quarto,
      mode: 'reset',
      expected: {
        'index.qmd': ['unused NK', 'unused CAR', 'unused TGF-β', 'unused TME'],
        '02-methods.qmd': ['undefined CAR-NK', 'unused IL-15', 'undefined NK'],
        '03-results.qmd': ['undefined NK', 'undefined CAR', 'undefined IL-15', 'undefined TGF-β', 'undefined TME'],
      },
    },
    {
      name: 'bookdown, continue: index.Rmd is read first although its name sorts last',
      book: bookdown,
      mode: 'continue',
      expected: { 'index.Rmd': [], '01-background.Rmd': [], '02-discussion.Rmd': [] },
    },
    {
      name: 'bookdown, reset',
      book: bookdown,
      mode: 'reset',
      expected: {
        'index.Rmd': ['unused NK', 'unused CAR'],
        '01-background.Rmd': ['undefined CAR', 'undefined NK', 'unused GMP'],
        '02-discussion.Rmd': ['undefined NK', 'undefined CAR', 'undefined GMP'],
      },
    },
    {
      name: 'include tree, continue: included files read in place inherit from those read before them',
      book: includes,
      mode: 'continue',
      expected: { 'index.qmd': [], '_introduction.qmd': [], '_results.qmd': [], '_safety.qmd': [] },
    },
    {
      name: 'include tree, reset: an article is one chapter, so its includes still share definitions',
      book: includes,
      mode: 'reset',
      expected: { 'index.qmd': [], '_introduction.qmd': [], '_results.qmd': [], '_safety.qmd': [] },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(lintBook(c.book, onDisk, c.mode), c.expected));

  test('the include fixture has exactly one problem: the missing include', () => {
    assert.deepEqual(
      includes.problems.map((p) => [p.file.replace(/^.*\/books\//, ''), p.line, p.message]),
      [['includes/index.qmd', 8, "included file '_discussion.qmd' not found; the rest of the book is checked without it."]],
    );
    assert.deepEqual([quarto.problems, bookdown.problems], [[], []]);
  });
});

describe('definitions around include points', () => {
  // chapter.qmd includes _part.qmd in the middle; next.qmd is the following chapter.
  const texts: Record<string, string> = {
    '/b/chapter.qmd': 'Natural killer (NK) cells.\n\n{{< include _part.qmd >}}\n\nThe CAR and IL-15 again, with NK.\n',
    '/b/_part.qmd': 'NK cells with a chimeric antigen receptor (CAR) and interleukin-15 (IL-15).\n',
    '/b/next.qmd': 'NK and CAR and IL-15.\n',
  };
  const layout: BookLayout = {
    files: [
      { path: '/b/chapter.qmd', chapter: 0, includes: [{ offset: texts['/b/chapter.qmd']!.indexOf('{{<'), path: '/b/_part.qmd' }] },
      { path: '/b/_part.qmd', chapter: 0, includes: [] },
      { path: '/b/next.qmd', chapter: 1, includes: [] },
    ],
  };
  const contexts = (mode: ChaptersMode) => {
    const all = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), mode);
    // A compound's parts count as uses too (`IL` of `IL-15`), as they do within one file.
    const shown = (c: BookContext | undefined) => ({ inherited: c?.inherited.map((d) => `${d.key}@${d.uri}`), usedLater: c?.usedLater.filter((k) => /^[A-Z]/.test(k)) });
    return Object.fromEntries(layout.files.map((f) => [f.path, shown(all.get(f.path))]));
  };

  test('continue: the included file inherits what precedes the include; its includer sees what it defines and uses', () => {
    assert.deepEqual(contexts('continue'), {
      '/b/chapter.qmd': { inherited: ['CAR@/b/_part.qmd', 'IL-15@/b/_part.qmd'], usedLater: ['CAR', 'IL', 'IL-15', 'NK'] },
      '/b/_part.qmd': { inherited: ['NK@/b/chapter.qmd'], usedLater: ['CAR', 'IL', 'IL-15', 'NK'] },
      '/b/next.qmd': { inherited: ['NK@/b/chapter.qmd', 'CAR@/b/_part.qmd', 'IL-15@/b/_part.qmd'], usedLater: [] },
    });
  });

  test('reset: the next chapter starts empty; the included file still inherits from its includer', () => {
    assert.deepEqual(contexts('reset'), {
      // Only _part.qmd is read after the chapter's own definition of NK within the chapter.
      '/b/chapter.qmd': { inherited: ['CAR@/b/_part.qmd', 'IL-15@/b/_part.qmd'], usedLater: ['NK'] },
      '/b/_part.qmd': { inherited: ['NK@/b/chapter.qmd'], usedLater: ['CAR', 'IL', 'IL-15', 'NK'] },
      '/b/next.qmd': { inherited: [], usedLater: [] },
    });
  });

  test('the whole book lints clean under continue', () => {
    assert.deepEqual(lintBook(layout, (p) => texts[p]!, 'continue'), { 'chapter.qmd': [], '_part.qmd': [], 'next.qmd': [] });
  });

  test('a use typed in one chapter leaves the contexts of the others unchanged (the service keeps their findings)', () => {
    const before = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
    const edited: Record<string, string> = { ...texts, '/b/chapter.qmd': texts['/b/chapter.qmd']!.replace('again', 'again and NK') };
    const after = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 2, text: edited[path]! }) }), 'continue');
    assert.deepEqual(after.get('/b/next.qmd'), before.get('/b/next.qmd'));
    assert.deepEqual(after.get('/b/_part.qmd'), before.get('/b/_part.qmd'));
  });
});

describe('positions for navigation across files', () => {
  const text = 'CAR-NK cells.\tNatural killer (NK) cells, TGF-β and NK again.\r\n';
  const model = service.model({ uri: 'file:///b/x.qmd', version: 1, text });
  const cases: { name: string; character: number; key: string | undefined }[] = [
    { name: 'inside a compound: the compound', character: 2, key: 'CAR-NK' },
    { name: 'at the end of a word', character: 32, key: 'NK' },
    { name: 'a Greek letter', character: 43, key: 'TGF-β' },
    { name: 'plain prose', character: 20, key: undefined },
  ];
  for (const c of cases) test(`abbreviationKeyAt: ${c.name}`, () => assert.equal(abbreviationKeyAt(model, { line: 0, character: c.character }), c.key));
  test('firstPositionOfKey: the first place the key itself is written', () => {
    assert.deepEqual(firstPositionOfKey(model, 'NK'), { line: 0, character: 30 });
    assert.equal(firstPositionOfKey(model, 'GMP'), undefined);
  });
});

describe('first use across files', () => {
  /** A book of in-memory chapters, in order. */
  const book = (texts: Record<string, string>) => {
    const paths = Object.keys(texts);
    const layout: BookLayout = { files: paths.map((path, chapter) => ({ path, chapter, includes: [] })) };
    const all = (code: string) => {
      const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
      return Object.fromEntries(
        paths.map((path) => [path.slice(1), service.lint({ uri: path, version: 1, text: texts[path]! }, { book: contexts.get(path)! }).filter((d) => d.code === code).map((d) => texts[path]!.slice(d.start, d.end))]),
      );
    };
    return all;
  };

  test('an undefined abbreviation is reported at its first use in the book only', () => {
    assert.deepEqual(book({ '/01.md': 'The QTX grows.\n', '/02.md': 'Later QTX again.\n' })('undefined-abbreviation'), { '01.md': ['QTX'], '02.md': [] });
  });

  test('a use in a heading is no first use: the next file still reports it', () => {
    assert.deepEqual(book({ '/01.md': '## QTX and tumours\n\nText.\n', '/02.md': 'The QTX grows.\n' })('undefined-abbreviation'), { '01.md': [], '02.md': ['QTX'] });
  });

  test('a list of abbreviations in one file and a definition in the text of another may both stand', () => {
    const lint = book({ '/01.md': 'Abbreviations: QTX, quiet tumour xenograft; ZRB, zonal ribbon.\n', '/02.md': 'A quiet tumour xenograft (QTX) grew; QTX and ZRB.\n' });
    assert.deepEqual(lint('redefined-abbreviation'), { '01.md': [], '02.md': [] });
  });

  test('after a list, a second definition in the text repeats the text\'s first, in the same file or a later one', () => {
    const list = 'Abbreviations: QTX, quiet tumour xenograft.\n';
    const later = book({ '/01.md': list, '/02.md': 'A quiet tumour xenograft (QTX) grew.\n', '/03.md': 'Each quiet tumour xenograft (QTX) was cut.\n' });
    assert.deepEqual(later('redefined-abbreviation'), { '01.md': [], '02.md': [], '03.md': ['QTX'] });
    const same = book({ '/01.md': list, '/02.md': 'A quiet tumour xenograft (QTX) grew.\n\nEach quiet tumour xenograft (QTX) was cut.\n' });
    assert.deepEqual(same('redefined-abbreviation'), { '01.md': [], '02.md': ['QTX'] });
    // The message names the text's definition, not the list.
    const text = 'Abbreviations: QTX, quiet tumour xenograft.\n\nA quiet tumour xenograft (QTX) grew.\n\nEach quiet tumour xenograft (QTX) was cut.\n';
    const [repeat] = service.lint({ uri: 'one.md', version: 1, text }).filter((d) => d.code === 'redefined-abbreviation');
    assert.match(repeat!.message, /on line 3 as 'quiet tumour xenograft'/u);
  });

  test('after a list, a text definition with another expansion conflicts, and is no first definition to repeat', () => {
    const lint = book({
      '/01.md': 'Abbreviations: QTX, quiet tumour xenograft.\n',
      '/02.md': 'The quick test exchange (QTX) ran.\n',
      '/03.md': 'Each quiet tumour xenograft (QTX) was cut.\n',
    });
    assert.deepEqual(lint('redefined-abbreviation'), { '01.md': [], '02.md': [], '03.md': [] });
    assert.deepEqual(lint('conflicting-expansion'), { '01.md': [], '02.md': ['quick test exchange'], '03.md': [] });
  });

  test('in a chapter book, a chapter defining again at its own first use after a list and another chapter\'s definition is a note', () => {
    const texts: Record<string, string> = {
      '/b/index.qmd': 'Abbreviations: QTX, quiet tumour xenograft.\n',
      '/b/intro.qmd': 'A quiet tumour xenograft (QTX) grew.\n',
      '/b/results.qmd': 'Each quiet tumour xenograft (QTX) was cut.\n',
    };
    const paths = Object.keys(texts);
    const layout: BookLayout = { kind: 'quarto-book', files: paths.map((path, chapter) => ({ path, chapter, includes: [] })) };
    const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
    const found = service.lint({ uri: '/b/results.qmd', version: 1, text: texts['/b/results.qmd']! }, { book: contexts.get('/b/results.qmd')! }).filter((d) => d.code === 'redefined-abbreviation');
    assert.deepEqual(found.map((d) => d.severity), ['information']);
    assert.match(found[0]!.message, /a chapter may define it again at its first use/u);
  });

  test('a name written as such in one file is a name in every file of the book, if it has a name\'s shape', () => {
    // `QaTG13 mice` in the second file names a strain; the first file's bare use is that name too.
    assert.deepEqual(book({ '/01.md': 'Closest to QaTG13 and QZK.\n', '/02.md': 'We bred QaTG13 mice for this.\n' })('undefined-abbreviation'), { '01.md': ['QZK'], '02.md': [] });
    // A word of capitals read as a name in one file may be an abbreviation in another: it does not carry.
    assert.deepEqual(book({ '/01.md': 'The QZV grows.\n', '/02.md': 'We bred QZV mice for this.\n' })('undefined-abbreviation'), { '01.md': ['QZV'], '02.md': [] });
  });

  test('a word of capitals an earlier file names as a program (`the X pipeline`) is a name in later files', () => {
    assert.deepEqual(book({ '/01.md': 'We ran the QAGER pipeline.\n', '/02.md': 'QAGER was fast.\n' })('undefined-abbreviation'), { '01.md': [], '02.md': [] });
    // A strain's reading stays in its file: a later bare use is the first use there; so does a kind of solver.
    assert.deepEqual(book({ '/01.md': 'We bred QZV mice.\n', '/02.md': 'The QZV grows.\n' })('undefined-abbreviation'), { '01.md': [], '02.md': ['QZV'] });
    assert.deepEqual(book({ '/01.md': 'It ran with standard QDE solvers.\n', '/02.md': 'The QDE model fitted.\n' })('undefined-abbreviation'), { '01.md': [], '02.md': ['QDE'] });
  });

  test('a legend\'s use of what another file defines is an abbreviation, though a file links it as a name', () => {
    const legend = '![Samples gathered by QONC and ARC.](f.png){#fig:a}\n\nSee @fig:a.\n';
    const linked = 'Samples came from the [QONC](https://qonc.example.org) biobank and ARC.\n\n' + legend;
    // Defined in the first file: the legend is reported (information, leaning on the main text),
    // and ARC, also a gene symbol, as what the book defines it to be.
    const defined = book({ '/01.md': 'The Quiet Oncology Network (QONC) and the Apex Research Consortium (ARC) gathered samples.\n', '/02.md': linked });
    assert.deepEqual(defined('undefined-abbreviation'), { '01.md': [], '02.md': ['QONC', 'ARC'] });
    const texts: Record<string, string> = { '/01.md': 'The Apex Research Consortium (ARC) gathered samples.\n', '/02.md': linked };
    const layout: BookLayout = { files: Object.keys(texts).map((path, chapter) => ({ path, chapter, includes: [] })) };
    const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
    const messages = service.lint({ uri: '/02.md', version: 1, text: linked }, { book: contexts.get('/02.md')! }).map((d) => d.message);
    assert.ok(messages.some((m) => /^'ARC' is not defined in the legend 'fig:a'; the main text defines it \(in 01\.md/.test(m)), messages.join('\n'));
    // Defined nowhere: the linked name stays a name, in the legend too; ARC is a gene symbol in each scope.
    assert.deepEqual(book({ '/01.md': 'Samples were gathered.\n', '/02.md': linked })('undefined-abbreviation'), { '01.md': [], '02.md': ['ARC', 'ARC'] });
  });

  test('a list of abbreviations in the last file covers the files before it', () => {
    const lint = book({ '/01.md': 'The QTX grows; QTX again.\n', '/99.md': 'Abbreviations: QTX, quiet tumour xenograft.\n' });
    assert.deepEqual(lint('used-before-definition'), { '01.md': [], '99.md': [] });
    assert.deepEqual(lint('undefined-abbreviation'), { '01.md': [], '99.md': [] });
  });
});

describe('a tool named as such in one file of a book', () => {
  const texts: Record<string, string> = {
    '/t/01.intro.md': '# Introduction\n\nBinners such as QCONC [@a] and QSCAP [@b] differ.\n',
    '/t/02.methods.md': '# Methods\n\nBins came from QCONC (v0.4.2) with default settings.\n',
  };
  const layout: BookLayout = { files: [{ path: '/t/01.intro.md', chapter: 0, includes: [] }, { path: '/t/02.methods.md', chapter: 0, includes: [] }] };
  test('is a name in the other files too (reported only where tool names are spelled out); a name never so named stays a warning', () => {
    const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
    assert.deepEqual(contexts.get('/t/01.intro.md')?.tools, ['QCONC']);
    const undefinedIn = (settings: { defineToolNames?: boolean }) =>
      service
        .lint({ uri: '/t/01.intro.md', version: 1, text: texts['/t/01.intro.md']! }, { book: contexts.get('/t/01.intro.md')!, ...settings })
        .filter((d) => d.code === 'undefined-abbreviation')
        .map((d) => `${d.message.match(/^'([^']+)'/)?.[1]} ${d.severity}`);
    assert.deepEqual(undefinedIn({}), ['QSCAP warning']);
    assert.deepEqual(undefinedIn({ defineToolNames: true }), ['QCONC warning', 'QSCAP warning']);
  });
});

describe('spelling across the files of a book', () => {
  const texts: Record<string, string> = {
    '/s/01.intro.md': '# Introduction\n\nThe tumour was labelled, the colour noted, the tumour mobilised, the cells mobilised and the centre informed.\n',
    '/s/02.results.md': '# Results\n\nCells were labeled; the tumor grew and mobilized.\n',
  };
  const layout: BookLayout = { files: [{ path: '/s/01.intro.md', chapter: 0, includes: [] }, { path: '/s/02.results.md', chapter: 0, includes: [] }] };
  const spellingAdvice = (path: string, withBook: boolean) => {
    const contexts = bookContexts(layout, (p) => ({ uri: p, model: service.model({ uri: p, version: 1, text: texts[p]! }) }), 'continue');
    const found = service.lint({ uri: path, version: 1, text: texts[path]! }, withBook ? { book: contexts.get(path)! } : {});
    return found.filter((d) => d.code === 'inconsistent-variants').map((d) => d.message);
  };
  test('one manuscript has one majority: the smaller file follows the book, not its own count', () => {
    assert.deepEqual(spellingAdvice('/s/01.intro.md', true), []);
    const advice = spellingAdvice('/s/02.results.md', true);
    assert.equal(advice.length, 3, advice.join('\n'));
    assert.ok(advice.every((m) => /American spelling, and this manuscript otherwise spells the British way|written both ways in this manuscript \(1 and 2 times\)/.test(m)), advice.join('\n'));
    assert.ok(advice.some((m) => m.startsWith("'labeled' is American spelling")));
  });
  test('alone, each file judges by its own count', () =>
    assert.deepEqual(spellingAdvice('/s/02.results.md', false), []));
});

describe('a short form written with math, carried to another file of a book', () => {
  test("the other file's messages name it as printed, without the masked text's fill", () => {
    const texts: Record<string, string> = {
      '/g/01.md': '# One\n\nQuark factor kappa B (QF-$\\kappa$B) binds; QF-$\\kappa$B rises.\n',
      '/g/02.md': '# Two\n\nThe quark factor kappa B pathway runs.\n',
    };
    const layout: BookLayout = { files: [{ path: '/g/01.md', chapter: 0, includes: [] }, { path: '/g/02.md', chapter: 0, includes: [] }] };
    const contexts = bookContexts(layout, (p) => ({ uri: p, model: service.model({ uri: p, version: 1, text: texts[p]! }) }), 'continue');
    assert.equal(contexts.get('/g/02.md')?.inherited[0]?.short, 'QF-κB');
    const found = service.lint({ uri: '/g/02.md', version: 1, text: texts['/g/02.md']! }, { book: contexts.get('/g/02.md')! });
    assert.ok(found.length > 0 && !JSON.stringify(found).includes('\u034f'), JSON.stringify(found));
  });
});

describe('an abstract in a file of its own (Manubot), and the main text after it', () => {
  const abstract = '## Abstract {.page_break_before}\n\nPlasmids carry the New Delhi beta-lactamase (NDM) and the Klebsiella pneumoniae carbapenemase (KPC). NDM and KPC spread.\n';
  const layout: BookLayout = { files: [{ path: '/m/01.abstract.md', chapter: 0, includes: [] }, { path: '/m/02.introduction.md', chapter: 0, includes: [] }] };
  /** The definition diagnostics of the introduction, read after the abstract file. */
  const introduction = (text: string) => {
    const texts: Record<string, string> = { '/m/01.abstract.md': abstract, '/m/02.introduction.md': text };
    const contexts = bookContexts(layout, (p) => ({ uri: p, model: service.model({ uri: p, version: 1, text: texts[p]! }) }), 'continue');
    return service
      .lint({ uri: '/m/02.introduction.md', version: 1, text }, { book: contexts.get('/m/02.introduction.md')! })
      .filter((d) => d.code === 'conflicting-expansion' || d.code === 'redefined-abbreviation' || d.code === 'undefined-abbreviation')
      .map((d) => `${d.code}: ${d.message}`);
  };
  test('a main-text expansion that differs from the abstract\'s conflicts, naming the abstract\'s file', () =>
    assert.deepEqual(introduction('## Introduction\n\nThe New Delhi metallo-beta-lactamase (NDM) and the Klebsiella pneumoniae carbapenemase (KPC) spread. NDM and KPC rose.\n'), [
      "conflicting-expansion: 'NDM' is defined here as 'New Delhi metallo-beta-lactamase' but in 01.abstract.md on line 3 as 'New Delhi beta-lactamase'.",
    ]));
  test('the abstract defines nothing for the main text, and defining again there is no redefinition', () =>
    assert.deepEqual(introduction('## Introduction\n\nThe New Delhi beta-lactamase (NDM) spread. NDM and KPC rose.\n'), [
      "undefined-abbreviation: 'KPC' is not defined in the main text; define it at first use.",
    ]));
});

describe('a definition made again at the first use in a later chapter of a book or thesis', () => {
  const texts: Record<string, string> = {
    '/t/01-intro.Rmd': '# Introduction\n\nQuarkosis (QKS) is common; QKS spreads.\n',
    '/t/02-background.Rmd': '# Background\n\nQuarkosis (QKS) is described again; QKS grows.\n',
    '/t/03-methods.Rmd': '# Methods\n\nCases of QKS were counted. Quarkosis (QKS) was then typed.\n',
  };
  const redefinitions = (kind: BookLayout['kind']) => {
    const layout: BookLayout = { kind, files: Object.keys(texts).map((path, chapter) => ({ path, chapter, includes: [] })) };
    const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: texts[path]! }) }), 'continue');
    return layout.files.flatMap((file) =>
      service
        .lint({ uri: file.path, version: 1, text: texts[file.path]! }, { book: contexts.get(file.path)! })
        .filter((d) => d.code === 'redefined-abbreviation')
        .map((d) => `${file.path.replace(/^.*\//, '')} ${d.severity}`),
    );
  };

  test('in a bookdown or Quarto book: information at the chapter\'s first use, a warning after the chapter used it', () => {
    assert.deepEqual(redefinitions('bookdown'), ['02-background.Rmd information', '03-methods.Rmd warning']);
    assert.deepEqual(redefinitions('quarto-book'), ['02-background.Rmd information', '03-methods.Rmd warning']);
  });

  test('a chapter that used it in its own text before an included file defines it again: a warning', () => {
    const withInclude: Record<string, string> = {
      '/q/01-intro.qmd': '# Introduction\n\nQuarkosis (QKS) is common; QKS spreads.\n',
      '/q/02-methods.qmd': '# Methods\n\nQKS was graded.\n\n{{< include _sub.qmd >}}\n',
      '/q/_sub.qmd': 'Quarkosis (QKS) was typed again; QKS rose.\n',
    };
    const layout: BookLayout = {
      kind: 'quarto-book',
      files: [
        { path: '/q/01-intro.qmd', chapter: 0, includes: [] },
        { path: '/q/02-methods.qmd', chapter: 1, includes: [{ offset: withInclude['/q/02-methods.qmd']!.indexOf('{{<'), path: '/q/_sub.qmd' }] },
        { path: '/q/_sub.qmd', chapter: 1, includes: [] },
      ],
    };
    const contexts = bookContexts(layout, (path) => ({ uri: path, model: service.model({ uri: path, version: 1, text: withInclude[path]! }) }), 'continue');
    const found = service.lint({ uri: '/q/_sub.qmd', version: 1, text: withInclude['/q/_sub.qmd']! }, { book: contexts.get('/q/_sub.qmd')! }).filter((d) => d.code === 'redefined-abbreviation');
    assert.deepEqual(found.map((d) => d.severity), ['warning']);
  });

  test('in a Manubot manuscript the files are sections of one paper: a warning', () => {
    assert.deepEqual(redefinitions('manubot'), ['02-background.Rmd warning', '03-methods.Rmd warning']);
  });
});

describe('a short form of two parts joined by a slash, defined in an earlier file', () => {
  test('a later file writing it again uses the whole: neither part is undefined there', () => {
    const texts: Record<string, string> = {
      '/s/one.qmd': 'A quark-rate-to-zebra-rate ratio (QR/ZR) below 3 was rare; a low QR/ZR lowered it.\n',
      '/s/two.qmd': 'Again a low QR/ZR lowered it, as QX did.\n',
    };
    const layout: BookLayout = { files: [{ path: '/s/one.qmd', chapter: 0, includes: [] }, { path: '/s/two.qmd', chapter: 0, includes: [] }] };
    assert.deepEqual(lintBook(layout, (p) => texts[p]!, 'continue'), { 'one.qmd': [], 'two.qmd': ['undefined QX'] });
    // Parts joined by hyphens (`QD-1/QD-L1`) are matched whole.
    const hyphenated: Record<string, string> = {
      '/s/one.qmd': 'The quiet death 1 and quiet death ligand 1 axis (QD-1/QD-L1) was blocked; QD-1/QD-L1 rose.\n',
      '/s/two.qmd': 'Again the QD-1/QD-L1 axis was blocked.\n',
    };
    assert.deepEqual(lintBook(layout, (p) => hyphenated[p]!, 'continue'), { 'one.qmd': [], 'two.qmd': [] });
  });
});
