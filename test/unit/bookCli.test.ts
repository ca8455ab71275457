import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// `carnk lint` and `carnk abbreviations` on whole books, through the built CLI bundle.
const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const BOOKS = 'test/fixtures/books';

function carnk(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `file: [codes…]` per file of `carnk lint --format json`. */
function lintJson(args: string[], cwd = root): Record<string, string[]> {
  const { code, stdout, stderr } = carnk(['lint', '--format', 'json', ...args], cwd);
  assert.equal(code, 0, stderr);
  const results = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
  return Object.fromEntries(results.map((r) => [r.file, r.diagnostics.map((d) => d.code)]));
}

/** A copy of a fixture book in a temporary folder (tests that write must not touch the fixtures). */
function copyOf(book: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'carnk-book-'));
  cpSync(join(root, BOOKS, book), dir, { recursive: true });
  return dir;
}

describe('carnk lint on a book', () => {
  const cases: { name: string; args: string[]; expected: Record<string, string[]> }[] = [
    {
      name: 'a Quarto book folder: every chapter in reading order, definitions carried over',
      args: [`${BOOKS}/quarto-book`],
      expected: { [`${BOOKS}/quarto-book/index.qmd`]: [], [`${BOOKS}/quarto-book/02-methods.qmd`]: [], [`${BOOKS}/quarto-book/03-results.qmd`]: [] },
    },
    {
      name: 'its _quarto.yml with --chapters reset: each chapter must define again',
      args: [`${BOOKS}/quarto-book/_quarto.yml`, '--chapters', 'reset'],
      expected: {
        [`${BOOKS}/quarto-book/index.qmd`]: ['unused-abbreviation', 'unused-abbreviation', 'unused-abbreviation', 'unused-abbreviation'],
        [`${BOOKS}/quarto-book/02-methods.qmd`]: ['undefined-abbreviation', 'unused-abbreviation', 'undefined-abbreviation'],
        [`${BOOKS}/quarto-book/03-results.qmd`]: Array(5).fill('undefined-abbreviation'),
      },
    },
    {
      name: 'a bookdown folder: index.Rmd first, _drafts.Rmd and nothing else outside the book',
      args: [`${BOOKS}/bookdown/`],
      expected: { [`${BOOKS}/bookdown/index.Rmd`]: [], [`${BOOKS}/bookdown/01-background.Rmd`]: [], [`${BOOKS}/bookdown/02-discussion.Rmd`]: [] },
    },
    {
      name: 'a manuscript with includes: one diagnostic, for the missing include',
      args: [`${BOOKS}/includes`],
      expected: {
        [`${BOOKS}/includes/index.qmd`]: ['invalid-configuration'],
        [`${BOOKS}/includes/_introduction.qmd`]: [],
        [`${BOOKS}/includes/sections/_results.qmd`]: [],
        [`${BOOKS}/includes/sections/_safety.qmd`]: [],
      },
    },
    {
      name: 'the missing-include diagnostic follows rule settings',
      args: [`${BOOKS}/includes`, '--rule', 'invalid-configuration=off'],
      expected: {
        [`${BOOKS}/includes/index.qmd`]: [],
        [`${BOOKS}/includes/_introduction.qmd`]: [],
        [`${BOOKS}/includes/sections/_results.qmd`]: [],
        [`${BOOKS}/includes/sections/_safety.qmd`]: [],
      },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(lintJson(c.args), c.expected));

  test('stylish output names the include and its line', () => {
    const { code, stdout } = carnk(['lint', `${BOOKS}/includes`]);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      `${BOOKS}/includes/index.qmd\n  9:1  warning  included file '_discussion.qmd' not found; the rest of the book is checked without it.  invalid-configuration\n\n✖ 1 problem (0 errors, 1 warning)\n`,
    );
  });

  test('.carnkrc chapters: reset applies to the whole book; run from inside the project folder', () => {
    const dir = copyOf('quarto-book');
    writeFileSync(join(dir, '.carnkrc.yaml'), 'chapters: reset\n');
    const results = lintJson(['.'], dir);
    assert.deepEqual(Object.keys(results), ['index.qmd', '02-methods.qmd', '03-results.qmd']);
    assert.equal(results['03-results.qmd']!.length, 5);
  });

  test('--fix on a book inserts no definitions that an earlier chapter already made', () => {
    const dir = copyOf('quarto-book');
    const before = readFileSync(join(dir, '03-results.qmd'), 'utf8');
    assert.equal(carnk(['lint', '--fix', dir]).code, 0);
    assert.equal(readFileSync(join(dir, '03-results.qmd'), 'utf8'), before);
    // Linted alone, the same chapter must define its abbreviations. --fix leaves them to the author:
    // each is used once, and a definition at a single use would itself be unused.
    assert.match(carnk(['lint', join(dir, '03-results.qmd')]).stdout, /undefined-abbreviation/);
    carnk(['lint', '--fix', join(dir, '03-results.qmd')]);
    assert.equal(readFileSync(join(dir, '03-results.qmd'), 'utf8'), before);
  });

  test('a folder whose _quarto.yml is a website is linted file by file, as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carnk-site-'));
    writeFileSync(join(dir, '_quarto.yml'), 'project:\n  type: website\n');
    writeFileSync(join(dir, 'a.qmd'), 'Natural killer (NK) cells and NK cells.\n');
    writeFileSync(join(dir, 'b.qmd'), 'NK cells.\n');
    assert.deepEqual(lintJson(['.'], dir), { './a.qmd': [], './b.qmd': ['undefined-abbreviation'] });
    const { code, stderr } = carnk(['lint', '_quarto.yml'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /^carnk: '_quarto\.yml' is not a Quarto book or manuscript project/);
  });
});

describe('carnk on a Manubot manuscript', () => {
  const manubot = `${BOOKS}/manubot`;
  const expected = { [`${manubot}/content/01.abstract.md`]: [], [`${manubot}/content/02.introduction.md`]: [], [`${manubot}/content/10.results.md`]: [] };
  test('the project folder, the content folder and metadata.yaml each lint content/*.md as one manuscript', () => {
    for (const input of [manubot, `${manubot}/content`, `${manubot}/content/metadata.yaml`]) assert.deepEqual(lintJson([input]), expected, input);
    // File by file, the results would use NK and ADCC without a definition.
    assert.deepEqual(lintJson(['--', `${manubot}/content/10.results.md`]), { [`${manubot}/content/10.results.md`]: ['undefined-abbreviation', 'undefined-abbreviation'] });
  });
  test('one list of abbreviations whose file is content/metadata.yaml', () => {
    const { code, stdout } = carnk(['abbreviations', manubot]);
    assert.equal(code, 0);
    const [book] = JSON.parse(stdout) as { file: string; definitions: { key: string; file: string }[] }[];
    assert.equal(book!.file, `${manubot}/content/metadata.yaml`);
    assert.deepEqual(
      book!.definitions.map((d) => [d.key, d.file.replace(`${manubot}/`, '')]),
      [
        ['NK', 'content/01.abstract.md'],
        ['NK', 'content/02.introduction.md'],
        ['ADCC', 'content/02.introduction.md'],
        ['IL-15', 'content/10.results.md'],
      ],
    );
  });
});

describe('carnk abbreviations on a book', () => {
  test('one list for the book: file is the project file, each entry names its own file', () => {
    const { code, stdout } = carnk(['abbreviations', `${BOOKS}/quarto-book`]);
    assert.equal(code, 0);
    const [book, ...rest] = JSON.parse(stdout) as { file: string; definitions: { key: string; file: string; range: { start: { line: number } } }[]; undefined: unknown[] }[];
    assert.equal(rest.length, 0);
    assert.equal(book!.file, `${BOOKS}/quarto-book/_quarto.yml`);
    assert.deepEqual(
      book!.definitions.map((d) => [d.key, d.file.replace(`${BOOKS}/quarto-book/`, ''), d.range.start.line]),
      [
        ['NK', 'index.qmd', 2],
        ['CAR', 'index.qmd', 2],
        ['TGF-β', 'index.qmd', 2],
        ['TME', 'index.qmd', 2],
        ['IL-15', '02-methods.qmd', 2],
      ],
    );
    assert.deepEqual(book!.undefined, []);
  });
});
