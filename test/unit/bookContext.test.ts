import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerminologyService, type BookContext } from '../../server/src/service/index';

// The service hook that multi-file projects use: definitions from earlier files, uses in later ones.
const service = createTerminologyService();
const chapter1 = { uri: 'file:///book/01-intro.qmd', version: 1, text: 'Natural killer (NK) cells and chimeric antigen receptor (CAR) designs.\n' };
const chapter3 = { uri: 'file:///book/03-results.qmd', version: 1, text: 'NK cells carrying a CAR killed targets.\n' };

describe('book context', () => {
  const fromChapter1 = (): BookContext => ({
    inherited: service.abbreviations(chapter1).definitions.map((d) => ({ short: d.short, long: d.long, key: d.key, uri: chapter1.uri, range: d.range })),
    usedLater: [],
  });

  test('without it, chapter 3 has undefined abbreviations; with it, none', () => {
    assert.deepEqual(service.lint(chapter3).map((d) => d.code), ['undefined-abbreviation', 'undefined-abbreviation']);
    assert.deepEqual(service.lint(chapter3, { book: fromChapter1() }), []);
  });

  test('uses in later chapters keep a definition from being unused', () => {
    assert.deepEqual(service.lint(chapter1).map((d) => d.code), ['unused-abbreviation', 'unused-abbreviation']);
    assert.deepEqual(service.lint(chapter1, { book: { inherited: [], usedLater: ['NK', 'CAR'] } }), []);
  });

  test('go to definition and hover reach the earlier file', () => {
    const position = { line: 0, character: 1 };
    const [target] = service.definition(chapter3, position, { book: fromChapter1() });
    assert.equal(target?.uri, chapter1.uri);
    assert.deepEqual(target?.range.start, { line: 0, character: 16 });
    const hover = service.hover(chapter3, position, { book: fromChapter1() });
    assert.match((hover?.contents as { value: string }).value, /Defined in 01-intro\.qmd on line 1/);
  });

  test('legends keep their own scope', () => {
    const withLegend = { uri: 'file:///book/04.qmd', version: 1, text: 'NK cells.\n\n**Figure 1.** NK cells.\n' };
    assert.deepEqual(service.lint(withLegend, { book: fromChapter1() }).map((d) => [d.code, d.range.start.line]), [['undefined-abbreviation', 2]]);
  });
});
