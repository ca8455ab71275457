import { GREEK_STAND_INS, isWhitespaceUnit, isWordCharacterAt, isWordCharacterBefore, LIGATURES, LOOK_ALIKES, standsForGreekAt } from '../text/characters';
import { WordFlag } from '../text/tokens';
import type { Finding, RuleContext } from './types';

// Letters of a script other than Latin and Greek (Greek letters are symbols in this field: IFN-γ, CD3ζ, μL).
const FOREIGN_RUN = /(?:(?![\p{Script=Latin}\p{Script=Greek}])\p{L}[\p{M}]*)+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const PLAIN_LATIN_OR_GREEK = /^[\p{Script=Latin}\p{Script=Greek}]+$/u;
/** Only letters of the Mathematical Alphanumeric Symbols block (U+1D400–U+1D7FF), not `µ` or `ℓ`. */
const MATHEMATICAL_LETTERS = /^[\u{1D400}-\u{1D7FF}]+$/u;
const SYMBOL_LETTERS = /^[\p{Script=Common}\p{Script=Inherited}]+$/u;
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'u');
const LIGATURE = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'u');
const LETTERS = /[\p{L}\p{M}]+/gu;

/**
 * The words of a block (from the token pass) whose flags hold `flag`, as [text, offset in the
 * document]. Most blocks hold only Latin and Greek letters, which their flags' union says at once.
 */
function wordsFlagged(model: RuleContext['model'], index: number, flag: number): [string, number][] {
  const tokens = model.blockTokens[index]!;
  if ((tokens.flagsUnion & flag) === 0) return [];
  const block = model.prose.blocks[index]!;
  const words: [string, number][] = [];
  for (let k = 0; k < tokens.count; k++) {
    if ((tokens.flags[k]! & flag) === 0) continue;
    words.push([model.prose.masked.slice(block.start + tokens.starts[k]!, block.start + tokens.ends[k]!), block.start + tokens.starts[k]!]);
  }
  return words;
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

/** `masked[start, end)` without the punctuation around a term (`(TGF-ß,` is `TGF-ß`). */
function trimmedTerm(masked: string, start: number, end: number): { text: string; start: number } {
  while (start < end && !isWordCharacterAt(masked, start)) start++;
  while (end > start && !isWordCharacterBefore(masked, end)) end--;
  return { text: masked.slice(start, end), start };
}

/**
 * A word that types a Greek letter with a character that only looks like it (`TGF-ß`, `IL-2R⍺`,
 * `IFN-ɣ`): one finding over the word, whose fix writes each Greek letter meant. Search, hover and
 * other readers' copy of the text see `ß` as a different character from `β`.
 */
function greekStandInFinding(word: string, offset: number): Finding | undefined {
  const edits: { start: number; end: number; newText: string }[] = [];
  const typed = new Set<string>();
  let meant = '';
  for (let i = 0; i < word.length; i++) {
    if (!standsForGreekAt(word, i)) {
      meant += word[i]!;
      continue;
    }
    const letter = GREEK_STAND_INS[word[i]!]!;
    edits.push({ start: offset + i, end: offset + i + 1, newText: letter });
    typed.add(word[i]!);
    meant += letter;
  }
  if (edits.length === 0) return undefined;
  const which = [...typed].map((ch) => `'${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) for '${GREEK_STAND_INS[ch]}'`).join(', ');
  return {
    rule: 'foreign-script',
    start: edits[0]!.start,
    end: edits[edits.length - 1]!.end,
    message: `'${word}' types the Greek letter with a character that only looks like it, ${which}: write '${meant}'.`,
    data: { word, plain: meant },
    fixes: [{ title: `Replace with '${meant}'`, edits, safe: true }],
  };
}

/**
 * The Latin ligatures in a word's letters (`speciﬁc`, `eﬀecﬁve`), one finding for the word, which
 * names the letters each stands for and the word as written with them; a safe fix writes them.
 */
function ligatureFindings(letters: string, lettersStart: number): Finding[] {
  let written = '';
  const edits: { start: number; end: number; newText: string }[] = [];
  const ligatures: string[] = [];
  for (let offset = 0; offset < letters.length; offset++) {
    const ch = letters[offset]!;
    const meant = LIGATURES[ch];
    written += meant ?? ch;
    if (meant === undefined) continue;
    edits.push({ start: lettersStart + offset, end: lettersStart + offset + 1, newText: meant });
    ligatures.push(`'${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) for '${meant}'`);
  }
  if (edits.length === 0) return [];
  const first = edits[0]!;
  return [
    {
      rule: 'foreign-script',
      start: first.start,
      end: edits[edits.length - 1]!.end,
      message: `'${letters}' contains the ${edits.length > 1 ? 'ligatures' : 'ligature'} ${ligatures.join(', ')}, one character for two or three letters, as text copied from a PDF keeps it: write '${written}'.`,
      data: { letter: letters[first.start - lettersStart]!, latin: first.newText },
      fixes: [{ title: `Write '${written}'`, edits, safe: true }],
    },
  ];
}

/**
 * `foreign-script`: a word in another script inside an English sentence (machine-translation
 * residue such as `通过` or `באמצעות`), and look-alike Cyrillic or Greek letters inside an
 * otherwise Latin word (`сytotoxicity` with a Cyrillic с), and Latin ligatures copied from a PDF
 * (`speciﬁc`). A sentence or quotation mostly in another language, and Greek letters used as
 * symbols, are left alone.
 */
export function checkForeignScript(context: RuleContext): Finding[] {
  const { model } = context;
  const masked = model.prose.masked;
  const findings: Finding[] = [];
  for (let index = 0; index < model.prose.blocks.length; index++) {
    const block = model.prose.blocks[index]!;
    // Look-alike letters inside Latin words: the letter runs of words holding one.
    const lettersWithLookAlike: [string, number][] = [];
    for (const [word, offset] of wordsFlagged(model, index, WordFlag.lookAlike)) {
      for (const run of word.matchAll(LETTERS)) lettersWithLookAlike.push([run[0], offset + run.index!]);
    }
    for (const [letters, lettersStart] of lettersWithLookAlike) {
      findings.push(...ligatureFindings(letters, lettersStart));
      if (!LATIN_LETTER.test(letters) || !LOOK_ALIKE.test(letters)) continue;
      // A ligature counts as the letters it stands for (`Оﬀ` holds three Latin letters around its Cyrillic О).
      const latin = countLetters(letters, /\p{Script=Latin}/u) + countLetters(letters, LIGATURE);
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
          const start = lettersStart + offset;
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
    // Each term once: the words of one term (`TGF-ß/IL-1ß`) all lead to it.
    let termEnd = -1;
    for (const [, offset] of wordsFlagged(model, index, WordFlag.greekStandIn)) {
      if (offset < termEnd) continue;
      // The whole term the word is part of (`TGF-ß`, not `ß`), up to white space or the block's ends.
      let start = offset;
      while (start > block.start && !isWhitespaceUnit(masked.charCodeAt(start - 1))) start--;
      let end = offset;
      while (end < block.end && !isWhitespaceUnit(masked.charCodeAt(end))) end++;
      termEnd = end;
      const term = trimmedTerm(masked, start, end);
      const finding = greekStandInFinding(term.text, term.start);
      if (finding) findings.push(finding);
    }
    // Whole words in another script: the runs of such letters in words holding one.
    const foreignRuns: [RegExpMatchArray, number][] = [];
    for (const [word, offset] of wordsFlagged(model, index, WordFlag.otherScript)) {
      for (const run of word.matchAll(FOREIGN_RUN)) foreignRuns.push([run, offset + run.index!]);
    }
    for (const [run, start] of foreignRuns) {
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
