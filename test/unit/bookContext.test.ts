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

  test('so do uses in earlier chapters, which used it before its definition', () => {
    assert.deepEqual(service.lint(chapter1, { book: { inherited: [], usedLater: [], usedEarlier: ['NK', 'CAR'] } }), []);
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

  test('an abbreviation an earlier file already used undefined is reported there only', () => {
    const later = { uri: 'file:///book/05.qmd', version: 1, text: 'TME cells and NK cells.\n' };
    assert.deepEqual(service.lint(later, { book: { ...fromChapter1(), usedEarlier: ['TME'] } }), []);
    assert.deepEqual(service.lint(later, { book: fromChapter1() }).map((d) => d.code), ['undefined-abbreviation']);
  });

  test('a compound of parts an earlier file used undefined adds no missing definition', () => {
    // Made up: QRK and WXV are reported where an earlier file uses them; QRK-WXV names the same two.
    const later = { uri: 'file:///book/05.qmd', version: 1, text: 'The QRK-WXV axis was active.\n' };
    assert.deepEqual(service.lint(later, { book: { ...fromChapter1(), usedEarlier: ['QRK', 'WXV'] } }), []);
    // A part the earlier files never used is still missing: the compound is reported.
    assert.deepEqual(service.lint(later, { book: { ...fromChapter1(), usedEarlier: ['QRK'] } }).map((d) => d.code), ['undefined-abbreviation']);
    // Nor does a compound the knowledge base knows (JAK-STAT) whose parts came before undefined: they were reported there.
    const known = { uri: 'file:///book/06.qmd', version: 1, text: 'JAK-STAT signalling began.\n' };
    assert.deepEqual(service.lint(known, { book: { ...fromChapter1(), usedEarlier: ['JAK', 'STAT'] } }), []);
    assert.deepEqual(service.lint(known, { book: fromChapter1() }).map((d) => d.code), ['undefined-abbreviation']);
  });

  test('a prefixed short form an earlier file defined is defined in the later ones', () => {
    // Made up: `quasi-QM` defined in chapter 1, written again in chapter 2.
    const first = { uri: 'file:///book/01.qmd', version: 1, text: 'Quasi-quantum mapping (quasi-QM) helps; quasi-QM again.\n' };
    const later = { uri: 'file:///book/02.qmd', version: 1, text: 'We then ran quasi-QM on cells.\n' };
    const inherited = service.abbreviations(first).definitions.map((d) => ({ short: d.short, long: d.long, key: d.key, uri: first.uri, range: d.range }));
    assert.deepEqual(inherited.map((d) => d.key), ['quasi-QM']);
    assert.deepEqual(service.lint(later, { book: { inherited, usedLater: [] } }), []);
    // Without the book the letters are undefined; a prefix no earlier file defines with them is no cover.
    assert.deepEqual(service.lint(later).map((d) => d.code), ['undefined-abbreviation']);
    const other = { uri: 'file:///book/03.qmd', version: 1, text: 'We then ran semi-QM on cells.\n' };
    assert.deepEqual(service.lint(other, { book: { inherited, usedLater: [] } }).map((d) => d.code), ['undefined-abbreviation']);
  });

  test('another spelling of what an earlier file used undefined is no new first use, but an inconsistency', () => {
    const later = { uri: 'file:///book/06.qmd', version: 1, text: 'QRN-Seq data, then QRN-Seq again.\n' };
    const found = service.lint(later, { book: { ...fromChapter1(), usedEarlier: ['QRNseq'] } });
    assert.deepEqual(found.map((d) => [d.code, d.range.start.character]), [['inconsistent-variants', 0]]);
    assert.match(found[0]!.message, /'QRN-Seq' is written 'QRNseq' in an earlier file of the manuscript/u);
    // With inconsistent-variants off, nothing is said; without the earlier use, the first use is reported.
    assert.deepEqual(service.lint(later, { book: { ...fromChapter1(), usedEarlier: ['QRNseq'] }, rules: { 'inconsistent-variants': 'off' } }), []);
    assert.deepEqual(service.lint(later, { book: fromChapter1() }).map((d) => d.code), ['undefined-abbreviation']);
  });

  test('a long form written out again after an earlier file defined the abbreviation, naming that file', () => {
    const later = { uri: 'file:///book/07.qmd', version: 1, text: 'We saw natural killer cells and NK cells.\n' };
    const found = service.lint(later, { book: fromChapter1() }).filter((d) => d.code === 'long-form-after-abbreviation');
    assert.deepEqual(found.map((d) => d.range.start.character), [7]);
    assert.match(found[0]!.message, /after 'NK' was introduced in 01-intro\.qmd on line 1; use 'NK'/u);
    // Not after an earlier file's list of abbreviations, which journals let the text spell out.
    const listed: BookContext = { inherited: fromChapter1().inherited.map((d) => ({ ...d, listed: true })), usedLater: [] };
    assert.deepEqual(service.lint(later, { book: listed }).filter((d) => d.code === 'long-form-after-abbreviation'), []);
  });

  test('a use before the file that defines it is used-before-definition, naming that file', () => {
    const intro = { uri: 'file:///book/00.qmd', version: 1, text: 'NK cells matter.\n' };
    const book: BookContext = { inherited: [], usedLater: [], definedLater: [{ short: 'NK', long: 'natural killer', key: 'NK', uri: chapter1.uri, range: { start: { line: 0, character: 16 }, end: { line: 0, character: 18 } } }] };
    const [diagnostic, ...rest] = service.lint(intro, { book });
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.code, 'used-before-definition');
    assert.match(diagnostic!.message, /defined in 01-intro\.qmd on line 1 as 'natural killer'/);
  });

  test('a definition an earlier file made is a repeat, or a conflict when the expansion differs', () => {
    const again = { uri: 'file:///book/06.qmd', version: 1, text: 'Natural killer (NK) cells, then chimeric antigen receptors (CARs) on NK cells with a CAR.\n' };
    const other = { uri: 'file:///book/07.qmd', version: 1, text: 'Nuclear kinase (NK) assays on NK extracts.\n' };
    const lint = (doc: typeof again) => service.lint(doc, { book: fromChapter1() }).map((d) => [d.code, d.message]);
    assert.deepEqual(lint(again).map(([code]) => code), ['redefined-abbreviation', 'redefined-abbreviation']);
    assert.match(lint(again)[0]![1]!, /already defined in the main text in 01-intro\.qmd on line 1 as 'Natural killer'/);
    assert.deepEqual(lint(other).map(([code]) => code), ['conflicting-expansion']);
    // Defined again and never used after: the repeat is reported, not an unused definition.
    const once = { uri: 'file:///book/08.qmd', version: 1, text: 'Natural killer (NK) cells grew.\n' };
    assert.deepEqual(lint(once).map(([code]) => code), ['redefined-abbreviation']);
  });
});
