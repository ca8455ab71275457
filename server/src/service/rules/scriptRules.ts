import type { ProseBlock } from '../markdown/proseScanner';
import type { Finding, RuleContext } from './types';

// Letters of a script other than Latin and Greek (Greek letters are symbols in this field: IFN-γ, CD3ζ, μL).
const FOREIGN_RUN = /(?:(?![\p{Script=Latin}\p{Script=Greek}])\p{L}[\p{M}]*)+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const PLAIN_LATIN_OR_GREEK = /^[\p{Script=Latin}\p{Script=Greek}]+$/u;
/** Only letters of the Mathematical Alphanumeric Symbols block (U+1D400–U+1D7FF), not `µ` or `ℓ`. */
const MATHEMATICAL_LETTERS = /^[\u{1D400}-\u{1D7FF}]+$/u;
const SYMBOL_LETTERS = /^[\p{Script=Common}\p{Script=Inherited}]+$/u;
// A cheap first look: any character beyond Latin, Greek, and general punctuation or symbols.
const OTHER_SCRIPT = /[^\u0000-\u024F\u0370-\u03FF\u1E00-\u1FFF\u2000-\u2BFF]/u;
const GREEK_LOOK_ALIKE = /[οΟΑΒΕΖΗΙΚΜΝΡΤΥΧ]/u;
// Without the u flag: every character it looks for is one code unit (a surrogate half is one of them), and it scans ~5x faster.
const SUSPECT_CHARACTER = new RegExp(`${OTHER_SCRIPT.source}|${GREEK_LOOK_ALIKE.source}`, 'g');

/** Cyrillic and Greek letters that look like Latin ones, with the Latin letter meant. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D',
  ο: 'o', Ο: 'O', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'u');

/**
 * The blocks holding a letter beyond Latin and Greek or a Greek look-alike, in order. Most
 * documents hold only Latin and Greek, and the rest only a few such blocks: one scan of the
 * whole text finds them (blocks are sorted and never overlap).
 */
function blocksToExamine(blocks: readonly ProseBlock[], masked: string): ProseBlock[] {
  const found: ProseBlock[] = [];
  let index = 0;
  SUSPECT_CHARACTER.lastIndex = 0;
  for (let match = SUSPECT_CHARACTER.exec(masked); match !== null; match = SUSPECT_CHARACTER.exec(masked)) {
    while (index < blocks.length && blocks[index]!.end <= match.index) index++;
    if (index === blocks.length) break;
    const block = blocks[index]!;
    if (block.start <= match.index) {
      found.push(block);
      index++;
    }
    SUSPECT_CHARACTER.lastIndex = Math.max(SUSPECT_CHARACTER.lastIndex, index < blocks.length ? blocks[index]!.start : masked.length);
  }
  return found;
}

/** The sentence around `offset` within `[from, to)`. */
function sentenceAround(text: string, from: number, to: number, offset: number): string {
  let start = offset;
  while (start > from && !/[.!?。！？\n]/u.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < to && !/[.!?。！？\n]/u.test(text[end]!)) end++;
  return text.slice(start, end);
}

function countLetters(text: string, pattern: RegExp): number {
  let n = 0;
  for (const ch of text) if (pattern.test(ch)) n++;
  return n;
}

/**
 * `foreign-script`: a word in another script inside an English sentence (machine-translation
 * residue such as `通过` or `באמצעות`), and look-alike Cyrillic or Greek letters inside an
 * otherwise Latin word (`сytotoxicity` with a Cyrillic с). A sentence or quotation mostly in
 * another language, and Greek letters used as symbols, are left alone.
 */
export function checkForeignScript(context: RuleContext): Finding[] {
  const { model } = context;
  const masked = model.prose.masked;
  const findings: Finding[] = [];
  for (const block of blocksToExamine(model.prose.blocks, masked)) {
    const slice = masked.slice(block.start, block.end);
    // Look-alike letters inside Latin words (only blocks holding one need their words read).
    for (const word of LOOK_ALIKE.test(slice) ? slice.matchAll(/[\p{L}\p{M}]+/gu) : []) {
      const letters = word[0];
      if (!LATIN_LETTER.test(letters) || !LOOK_ALIKE.test(letters)) continue;
      const latin = countLetters(letters, /\p{Script=Latin}/u);
      if (latin < 2) continue;
      let offset = 0;
      for (const ch of letters) {
        const meant = LOOK_ALIKES[ch];
        // A Greek letter counts only where a Latin letter is surely meant: between Latin letters.
        const isGreek = /\p{Script=Greek}/u.test(ch);
        const prev = letters[offset - 1];
        const next = letters[offset + ch.length];
        const between = prev !== undefined && next !== undefined && LATIN_LETTER.test(prev) && LATIN_LETTER.test(next);
        if (meant && (!isGreek || between)) {
          const start = block.start + word.index! + offset;
          findings.push({
            rule: 'foreign-script',
            start,
            end: start + ch.length,
            message: `'${letters}' contains the ${isGreek ? 'Greek' : 'Cyrillic'} letter '${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), which looks like the Latin '${meant}'.`,
            data: { letter: ch, latin: meant },
            fixes: [{ title: `Replace with the Latin letter '${meant}'`, edits: [{ start, end: start + ch.length, newText: meant }], safe: true }],
          });
        }
        offset += ch.length;
      }
    }
    // Whole words in another script.
    for (const run of slice.matchAll(FOREIGN_RUN)) {
      const start = block.start + run.index!;
      const end = start + run[0].length;
      // Mathematical letters (`𝛽`, `𝐂𝐀𝐑`, U+1D400–U+1D7FF) are styled Latin or Greek, not another script.
      const plain = run[0].normalize('NFKC');
      if (plain !== run[0] && MATHEMATICAL_LETTERS.test(run[0]) && PLAIN_LATIN_OR_GREEK.test(plain)) {
        const codePoint = run[0].codePointAt(0)!.toString(16).toUpperCase();
        findings.push({
          rule: 'foreign-script',
          start,
          end,
          message: `'${run[0]}' is written with mathematical letters (U+${codePoint}…), not the ordinary letters: write '${plain}'.`,
          data: { word: run[0], plain },
          fixes: [{ title: `Replace with '${plain}'`, edits: [{ start, end, newText: plain }], safe: true }],
        });
        continue;
      }
      // Letter-like symbols of no script (`µ`, `ℓ`, `℃`) are units and symbols, not another language.
      if (SYMBOL_LETTERS.test(run[0])) continue;
      const before = masked[start - 1] ?? ' ';
      const after = masked[end] ?? ' ';
      if (LATIN_LETTER.test(before) || LATIN_LETTER.test(after)) {
        // Part of a mixed word: look-alikes were handled above; other mixtures are reported as stray too.
        if (LOOK_ALIKE.test(run[0]) && [...run[0]].every((ch) => LOOK_ALIKES[ch])) continue;
      }
      const sentence = sentenceAround(masked, block.start, block.end, start);
      const foreignLetters = countLetters(sentence, /(?![\p{Script=Latin}\p{Script=Greek}])\p{L}/u);
      const latinLetters = countLetters(sentence, /\p{Script=Latin}/u);
      if (foreignLetters >= latinLetters) continue; // a sentence in another language, quoted on purpose
      if (/^["“«„「『]/u.test(sentence.trim()) && foreignLetters * 2 >= latinLetters) continue;
      findings.push({
        rule: 'foreign-script',
        start,
        end,
        message: `'${run[0]}' is a stray word in another script inside an English sentence (machine-translation residue?).`,
        data: { word: run[0] },
        // Remove one neighbouring space with the word, so no double space is left (never before the text's start).
        fixes: [{ title: `Remove '${run[0]}'`, edits: [{ start: start > 0 && model.text[start - 1] === ' ' && model.text[end] === ' ' ? start - 1 : start, end, newText: '' }], safe: false }],
      });
    }
  }
  return findings;
}
