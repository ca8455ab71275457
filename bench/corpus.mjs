// Builds benchmark manuscripts in memory from the example manuscripts, by repetition with
// varied section numbers and occasionally renamed figure and table labels, so that the
// inputs look like real long documents (many chapters, many legends) and never repeat
// byte for byte. Nothing here is written into the repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example manuscripts the corpus is made of, in the order chapters cycle through them. */
const SOURCES = ['car-nk-review.md', 'short-report.qmd', 'analysis-notes.Rmd'];

function readExamples(examplesDir) {
  return SOURCES.map((name) => splitFrontMatter(readFileSync(join(examplesDir, name), 'utf8')));
}

/** Splits a manuscript into its front matter (with fences, or '') and its body. */
function splitFrontMatter(text) {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? { frontMatter: match[0], body: text.slice(match[0].length) } : { frontMatter: '', body: text };
}

/** Counts words as whitespace-separated runs, as `wc -w` does. */
export function countWords(text) {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

/**
 * Rewrites one example body as chapter `chapter`: headings get chapter-section numbers,
 * and every third chapter renames its figure and table labels (the label and its
 * cross-references change together, so the document stays consistent).
 */
function asChapter(body, chapter) {
  let section = 0;
  let text = body.replace(/^(#{2,3}) (?!References\b)(.+)$/gm, (_line, hashes, title) => {
    section += 1;
    return `${hashes} ${chapter}.${section} ${title}`;
  });
  if (chapter % 3 === 0) {
    text = text.replace(/([#@])(fig|tbl)-([A-Za-z0-9_-]+)/g, (_m, sigil, kind, label) => `${sigil}${kind}-${label}-ch${chapter}`);
    text = text.replace(/\b(Figure|Table) (\d+)\./g, (_m, word, n) => `${word} ${chapter}.${n}.`);
  }
  return `# Chapter ${chapter}\n\n${varyParagraphs(text.trimEnd(), chapter)}\n\n`;
}

/**
 * Ends every prose paragraph with a sentence that names the chapter and paragraph, so
 * that no two paragraphs of the corpus are the same text: the document model caches
 * block analyses by text, and verbatim repetition would measure that cache instead of
 * the analysis. Code, math, comments, tables, headings and fences are left alone.
 */
function varyParagraphs(text, chapter) {
  const lines = text.split('\n');
  let inFence = false;
  let inMath = false;
  let inComment = false;
  let paragraph = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (/^\s*\$\$/.test(line)) inMath = !inMath;
    const touchesComment = line.includes('<!--') || line.includes('-->');
    if (line.includes('<!--')) inComment = !line.includes('-->');
    else if (inComment && line.includes('-->')) inComment = false;
    if (inFence || inMath || inComment || touchesComment) continue;
    const endsParagraph = (lines[i + 1] ?? '').trim() === '';
    const structural = /^\s*(#|\||```|~~~|:::|!\[|<|\{\{|\$\$|Table:)/.test(line);
    if (endsParagraph && !structural && /\p{L}/u.test(line)) {
      paragraph += 1;
      lines[i] = `${line.trimEnd()} Cohort ${chapter}-${paragraph} was analysed separately.`;
    }
  }
  return lines.join('\n');
}

/**
 * A manuscript of at least `targetWords` words: the front matter of the review, then
 * chapters cycling through the example bodies until the target is reached.
 *
 * @param examplesDir folder holding the example manuscripts
 * @param targetWords minimum number of words
 */
export function buildManuscript(examplesDir, targetWords) {
  const examples = readExamples(examplesDir);
  const parts = [examples[0].frontMatter, '\n'];
  let words = countWords(examples[0].frontMatter);
  for (let chapter = 1; words < targetWords; chapter++) {
    const source = examples[(chapter - 1) % examples.length];
    const part = asChapter(source.body, chapter);
    parts.push(part);
    words += countWords(part);
  }
  return parts.join('');
}

/**
 * An article of about `chars` characters: the manuscript of the smallest word count that
 * reaches the length, cut after the last paragraph that still fits.
 *
 * @param examplesDir folder holding the example manuscripts
 * @param chars length in UTF-16 code units (about bytes: the examples are nearly all ASCII)
 */
export function buildArticle(examplesDir, chars) {
  let words = Math.ceil(chars / 6);
  let text = buildManuscript(examplesDir, words);
  while (text.length < chars) text = buildManuscript(examplesDir, (words *= 1.5));
  const cut = text.lastIndexOf('\n\n', chars);
  return `${text.slice(0, cut > 0 ? cut : chars).trimEnd()}\n`;
}

/**
 * Writes a Quarto book of `chapters` chapter files (`index.qmd` then `chapter-NN.qmd`) and its
 * `_quarto.yml` into `folder`; each chapter is one example body as `asChapter` rewrites it.
 * Returns the chapter file names in reading order.
 */
export function writeBook(examplesDir, folder, chapters) {
  const examples = readExamples(examplesDir);
  mkdirSync(folder, { recursive: true });
  const names = [];
  for (let chapter = 1; chapter <= chapters; chapter++) {
    const name = chapter === 1 ? 'index.qmd' : `chapter-${String(chapter).padStart(2, '0')}.qmd`;
    writeFileSync(join(folder, name), asChapter(examples[(chapter - 1) % examples.length].body, chapter));
    names.push(name);
  }
  const yaml = ['project:', '  type: book', 'book:', '  title: "Benchmark book"', '  chapters:', ...names.map((n) => `    - ${n}`), ''].join('\n');
  writeFileSync(join(folder, '_quarto.yml'), yaml);
  return names;
}

/**
 * One paragraph (no line break) of `bytes` UTF-8 bytes that defines the same abbreviations
 * again and again: the input shape that was super-linear (issue 16).
 */
export function buildDefinitionParagraph(bytes) {
  const sentence =
    'Natural killer (NK) cells with a chimeric antigen receptor (CAR) kill targets; CAR-NK cells (CD56⁺CD3⁻) secrete interferon gamma (IFN-γ) and transforming growth factor beta (TGF-β) [@x]. ';
  const unit = Buffer.byteLength(sentence);
  return `${sentence.repeat(Math.ceil(bytes / unit))}\n`;
}
