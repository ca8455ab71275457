import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryListing } from '../helpers/memoryFiles';
import {
  bookContaining,
  findIncludeShortcodes,
  findProjectFile,
  readBookProject,
  readIncludeTree,
  readNumberedSections,
  type BookProject,
  type ProjectFileSystem,
} from '../../server/src/node/bookProject';

/** An in-memory project: absolute paths to texts; folders are implied by the paths. */
function memoryFileSystem(files: Record<string, string>): ProjectFileSystem {
  return {
    readText: (path) => files[path],
    isFile: (path) => path in files,
    list: (folder) => memoryListing(files, folder),
  };
}

/** Reading order as paths relative to /p, with the chapter index of each. */
const order = (book: BookProject | undefined) => book?.files.map((f) => `${f.chapter}:${f.path.replace('/p/', '')}`);
const problems = (book: BookProject | undefined) => book?.problems.map((p) => `${p.file.replace('/p/', '')}:${p.line}:${p.character}-${p.endCharacter} ${p.message}`);

/** A bookdown case: its `_bookdown.yml`, its chapter files (empty), the reading order and problems expected. */
function bookdownCase(name: string, yaml: string, chapters: string[], order: string[], problems: string[]) {
  return { name, project: '/p/_bookdown.yml', files: { '/p/_bookdown.yml': yaml, ...Object.fromEntries(chapters.map((chapter) => [`/p/${chapter}`, ''])) }, order, problems };
}

describe('book discovery', () => {
  const cases: { name: string; project: string; files: Record<string, string>; order?: string[]; problems?: string[] }[] = [
    {
      name: 'Quarto book: chapters, a part with a page, a part with a title, appendices; notebooks skipped',
      project: '/p/_quarto.yml',
      files: {
        '/p/_quarto.yml': [
          'project:',
          '  type: book',
          'book:',
          '  chapters:',
          '    - index.qmd',
          '    - part: part1.qmd',
          '      chapters: [a.qmd, notebook.ipynb]',
          '    - part: "Results"',
          '      chapters:',
          '        - b.md',
          '  appendices:',
          '    - app.qmd',
        ].join('\n'),
        '/p/index.qmd': '',
        '/p/part1.qmd': '',
        '/p/a.qmd': '',
        '/p/notebook.ipynb': '{}',
        '/p/b.md': '',
        '/p/app.qmd': '',
      },
      order: ['0:index.qmd', '1:part1.qmd', '2:a.qmd', '3:b.md', '4:app.qmd'],
      problems: [],
    },
    {
      name: 'Quarto book: index.qmd comes first even when the list leaves it out; a missing chapter is one problem on its line',
      project: '/p/_quarto.yml',
      files: { '/p/_quarto.yml': 'project:\n  type: book\nbook:\n  chapters:\n    - intro.qmd\n    - gone.qmd\n', '/p/index.qmd': '', '/p/intro.qmd': '' },
      order: ['0:index.qmd', '1:intro.qmd'],
      problems: ["_quarto.yml:5:6-14 chapter 'gone.qmd' listed in _quarto.yml not found."],
    },
    {
      name: 'Quarto manuscript: the article (index.qmd by default) and what it includes',
      project: '/p/_quarto.yml',
      files: { '/p/_quarto.yml': 'project:\n  type: manuscript\n', '/p/index.qmd': 'Intro.\n\n{{< include _methods.qmd >}}\n', '/p/_methods.qmd': '', '/p/other.qmd': '' },
      order: ['0:index.qmd', '0:_methods.qmd'],
      problems: [],
    },
    {
      name: 'Quarto manuscript with a named article that is missing',
      project: '/p/_quarto.yml',
      files: { '/p/_quarto.yml': 'project:\n  type: manuscript\nmanuscript:\n  article: paper.qmd\n' },
      order: [],
      problems: ["_quarto.yml:3:11-20 article 'paper.qmd' of the manuscript not found."],
    },
    {
      name: 'Quarto website: not a book',
      project: '/p/_quarto.yml',
      files: { '/p/_quarto.yml': 'project:\n  type: website\n', '/p/index.qmd': '' },
    },
    {
      name: 'Manubot: content/*.md in file-name order, one chapter each; metadata.yaml and other files left out',
      project: '/p/content/metadata.yaml',
      files: { '/p/content/metadata.yaml': 'title: x\n', '/p/content/10.results.md': '', '/p/content/02.intro.md': '', '/p/content/01.abstract.md': '', '/p/content/images/a.md': '', '/p/content/notes.txt': '', '/p/README.md': '' },
      order: ['0:content/01.abstract.md', '1:content/02.intro.md', '2:content/10.results.md'],
      problems: [],
    },
    {
      name: 'bookdown default: .Rmd files by name, index.Rmd first, names starting with _ and other extensions left out',
      project: '/p/_bookdown.yml',
      files: { '/p/_bookdown.yml': 'book_filename: thesis\n', '/p/index.Rmd': '', '/p/02-b.Rmd': '', '/p/01-a.rmd': '', '/p/_skip.Rmd': '', '/p/notes.md': '', '/p/sub/03-c.Rmd': '' },
      order: ['0:index.Rmd', '1:01-a.rmd', '2:02-b.Rmd'],
      problems: [],
    },
    {
      name: 'bookdown rmd_subdir: true adds .Rmd files in subfolders',
      project: '/p/_bookdown.yml',
      files: { '/p/_bookdown.yml': 'rmd_subdir: true\n', '/p/index.Rmd': '', '/p/sub/03-c.Rmd': '', '/p/sub/_x.Rmd': '' },
      order: ['0:index.Rmd', '1:sub/03-c.Rmd'],
      problems: [],
    },
    {
      name: 'bookdown rmd_files: the listed order, listed files starting with _ included',
      project: '/p/_bookdown.yml',
      files: { '/p/_bookdown.yml': 'rmd_files: ["index.Rmd", "z.Rmd", "_a.Rmd", "gone.Rmd"]\n', '/p/index.Rmd': '', '/p/z.Rmd': '', '/p/_a.Rmd': '' },
      order: ['0:index.Rmd', '1:z.Rmd', '2:_a.Rmd'],
      problems: ["_bookdown.yml:0:44-54 chapter 'gone.Rmd' listed in _bookdown.yml not found."],
    },
    // bookdown's files as R's YAML reader takes them, and files it cannot read at all.
    bookdownCase('bookdown rmd_files as a flow list whose items start in the first column, as R reads it (problems point where the file writes the item)',
      'book_filename: x\nrmd_files: [\n"index.Rmd",\n"b.Rmd",\n"gone.Rmd"\n]\nnew_session: false\n', ['index.Rmd', 'b.Rmd', 'a.Rmd'],
      ['0:index.Rmd', '1:b.Rmd'], ["_bookdown.yml:4:0-10 chapter 'gone.Rmd' listed in _bookdown.yml not found."]),
    bookdownCase('an unreadable _bookdown.yml is a problem, and every .Rmd is read by name, index.Rmd first',
      'rmd_files: [\n  "b.Rmd",\n  "a.Rmd"\nnew_session: : false\n', ['index.Rmd', 'b.Rmd', 'a.Rmd'],
      ['0:index.Rmd', '1:a.Rmd', '2:b.Rmd'], ['_bookdown.yml:3:0-1 _bookdown.yml could not be read as YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); every .Rmd file is read by name instead, index.Rmd first.']),
    bookdownCase('bookdown rmd_files per output format, the items in the first column: the html list, as R reads it',
      'rmd_files:\n  html: [\n"index.Rmd",\n"web.Rmd",\n"gone.Rmd"\n]\n', ['index.Rmd', 'web.Rmd', '03-extra.Rmd'],
      ['0:index.Rmd', '1:web.Rmd'], ["_bookdown.yml:4:0-10 chapter 'gone.Rmd' listed in _bookdown.yml not found."]),
    bookdownCase('another error in _bookdown.yml: the problem is reported and the chapter list, parsed whole, still read',
      'rmd_files: ["index.Rmd", "b.Rmd"]\nbook_filename: x\nbook_filename: y\n', ['index.Rmd', 'b.Rmd', 'a.Rmd'],
      ['0:index.Rmd', '1:b.Rmd'], ['_bookdown.yml:2:0-1 _bookdown.yml could not be read as YAML (Map keys must be unique); its rmd_files list is read as written.']),
    {
      name: 'bookdown rmd_files per output format: the html list',
      project: '/p/_bookdown.yml',
      files: { '/p/_bookdown.yml': 'rmd_files:\n  html: [index.Rmd, web.Rmd]\n  latex: [index.Rmd, print.Rmd]\n', '/p/index.Rmd': '', '/p/web.Rmd': '', '/p/print.Rmd': '' },
      order: ['0:index.Rmd', '1:web.Rmd'],
      problems: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const book = readBookProject(c.project, memoryFileSystem(c.files));
      assert.deepEqual(order(book), c.order);
      assert.deepEqual(problems(book), c.problems);
    });
  }
});

describe('numbered sections of one manuscript', () => {
  const sections = (files: Record<string, string>) => order(readNumberedSections('/p', memoryFileSystem(files)));
  test('numbered files, the first with the title: one manuscript in name order', () => {
    assert.deepEqual(sections({ '/p/02A_Results.md': 'R', '/p/01_Intro.md': '---\ntitle: T\n---\nI', '/p/10_Methods.md': 'M', '/p/notes.txt': '' }), [
      '0:01_Intro.md',
      '1:02A_Results.md',
      '2:10_Methods.md',
    ]);
  });
  test('separate documents: each with its own front matter, no title, an unnumbered file, or one file', () => {
    assert.equal(sections({ '/p/01.md': '---\ntitle: A\n---\n', '/p/02.md': '---\ntitle: B\n---\n' }), undefined);
    assert.equal(sections({ '/p/01.md': '---\nauthor: A\n---\n', '/p/02.md': 'x' }), undefined);
    assert.equal(sections({ '/p/01.md': '---\ntitle: A\n---\n', '/p/notes.md': 'x' }), undefined);
    assert.equal(sections({ '/p/01.md': '---\ntitle: A\n---\n' }), undefined);
  });
});

describe('include shortcodes', () => {
  test('forms: bare, quoted, spaced; the escaped form is not an include', () => {
    const text = '{{< include a.qmd >}}\n{{<include "b c.qmd">}}\n{{< include \'d.qmd\' >}}\n{{{< include e.qmd >}}}\n';
    assert.deepEqual(
      findIncludeShortcodes(text).map((s) => [s.target, text.slice(s.start, s.end)]),
      [
        ['a.qmd', '{{< include a.qmd >}}'],
        ['b c.qmd', '{{<include "b c.qmd">}}'],
        ['d.qmd', "{{< include 'd.qmd' >}}"],
      ],
    );
  });

  test('resolved relative to the including file, or to the project root with a leading /; nested includes in reading order', () => {
    const fs = memoryFileSystem({
      '/p/doc.qmd': 'A\n{{< include sections/_one.qmd >}}\nB\n{{< include _two.qmd >}}\n',
      '/p/sections/_one.qmd': '{{< include _deep.qmd >}}\n{{< include /_two.qmd >}}\n',
      '/p/sections/_deep.qmd': 'deep',
      '/p/_two.qmd': 'two',
    });
    const book = readIncludeTree('/p/doc.qmd', fs);
    assert.deepEqual(order(book), ['0:doc.qmd', '0:sections/_one.qmd', '0:sections/_deep.qmd', '0:_two.qmd']);
    assert.deepEqual(
      book.files.map((f) => f.includes.map((i) => [i.offset, i.path.replace('/p/', '')])),
      [[[2, 'sections/_one.qmd'], [38, '_two.qmd']], [[0, 'sections/_deep.qmd'], [26, '_two.qmd']], [], []],
    );
    assert.deepEqual(book.files[1]!.includedBy, { path: '/p/doc.qmd', offset: 2 });
    assert.deepEqual(problems(book), []);
  });

  test('a missing include and a cycle each give one problem at the shortcode; the rest goes on', () => {
    const fs = memoryFileSystem({
      '/p/doc.qmd': 'Text.\r\n{{< include _a.qmd >}}\r\n\t{{< include _missing.qmd >}}\r\n',
      '/p/_a.qmd': 'A.\n{{< include _b.qmd >}}\n',
      '/p/_b.qmd': 'β 𝛼 B.\n  {{< include _a.qmd >}}\n',
    });
    const book = readIncludeTree('/p/doc.qmd', fs);
    assert.deepEqual(order(book), ['0:doc.qmd', '0:_a.qmd', '0:_b.qmd']);
    assert.deepEqual(problems(book), [
      '_b.qmd:1:2-24 include cycle: _a.qmd → _b.qmd → _a.qmd; this include is skipped.',
      "doc.qmd:2:1-29 included file '_missing.qmd' not found; the rest of the book is checked without it.",
    ]);
  });
});

describe('includes of files that are not prose', () => {
  test('a script included in a code block must exist but is not part of the book', () => {
    const fs = memoryFileSystem({
      '/p/doc.qmd': 'Text.\n\n```python\n{{< include _demo.py >}}\n```\n\n```r\n{{< include _gone.R >}}\n```\n\n{{< include _part.qmd >}}\n',
      '/p/_demo.py': 'NK = load()  # not prose\n',
      '/p/_part.qmd': 'Part.\n',
    });
    const book = readIncludeTree('/p/doc.qmd', fs);
    assert.deepEqual(order(book), ['0:doc.qmd', '0:_part.qmd']);
    assert.deepEqual(book.files[0]!.includes.map((i) => i.path.replace('/p/', '')), ['_part.qmd']);
    assert.deepEqual(problems(book), ["doc.qmd:7:0-23 included file '_gone.R' not found; the rest of the book is checked without it."]);
  });
});

describe('finding the book of a document', () => {
  const fs = memoryFileSystem({
    '/p/_quarto.yml': 'project:\n  type: book\nbook:\n  chapters: [index.qmd, ch/one.qmd]\n',
    '/p/index.qmd': '',
    '/p/ch/one.qmd': '',
    '/p/ch/notes.qmd': 'Notes {{< include one.qmd >}}',
    '/p/ch/lone.qmd': '',
  });
  test('the project file is found upwards', () => {
    assert.equal(findProjectFile('/p/ch', fs), '/p/_quarto.yml');
    assert.equal(findProjectFile('/elsewhere', fs), undefined);
  });
  test('a listed chapter belongs to the book; an unlisted file with includes is its own include tree; others to none', () => {
    assert.equal(bookContaining('/p/ch/one.qmd', fs)?.kind, 'quarto-book');
    assert.deepEqual(order(bookContaining('/p/ch/notes.qmd', fs)), ['0:ch/notes.qmd', '0:ch/one.qmd']);
    assert.equal(bookContaining('/p/ch/lone.qmd', fs), undefined);
  });
});
