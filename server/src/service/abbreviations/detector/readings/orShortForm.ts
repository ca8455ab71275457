/**
 * `latent variables or LVs`, `the pathway-level information extractor or PLIER`, `a
 * domain-specific-language or 'DSL'`: a long form,
 * then `or` and the short form, as some authors define without brackets. Read only when the words
 * right before `or` spell the short form a word a letter, in order, none of them a function word
 * (a hyphen splits a word in two: `pathway-level`), the last letter perhaps from the end of the
 * last word (`extractoR`); the short form is two to ten capitals, perhaps with a plural `s`. `T cells
 * or NK cells` and `rituximab, cyclophosphamide or RC` spell nothing, and define nothing. The other
 * order too: the short form, a comma, `or` and a long form up to the next comma that spells it
 * (`MMD-MA, or Maximum Mean Discrepancy - Manifold Alignment, is …`).
 */
import type { ConstructedCandidate } from '../candidate.js';
import { FUNCTION_WORDS } from '../wordLists.js';

/** `or` and the opening quotation mark a short form may carry (`or 'DSL'`). */
const OR_AND_QUOTE = String.raw`or[ \u00a0]+['"\u2018\u201c]?`;
/** `or`, then two to ten capitals (and a plural `s`) standing alone, perhaps in quotation marks (`or 'DSL'`), after a word. */
const OR_SHORT_FORM = new RegExp(String.raw`(?<=[\p{L}\p{N}][ \u00a0]+)${OR_AND_QUOTE}(\p{Lu}{2,10})(s?)(?![\p{L}\p{N}\-\u2010])`, 'gu');
const OR_GAP = new RegExp(String.raw`^[ \u00a0]+${OR_AND_QUOTE}$`, 'u');

/** True for the words between a long form and its short form that this reading reads: ` or `, perhaps a quotation mark. */
export function isOrGap(between: string): boolean {
  return OR_GAP.test(between);
}

/** Both readings (`long form or SF`, `SF, or long form,`) over `text[from, to)`, the block read once. */
export function forEachOrDefinition(text: string, from: number, to: number, visit: (candidate: ConstructedCandidate) => void): void {
  const slice = text.slice(from, to);
  forEachOrShortFormDefinition(text, slice, from, visit);
  forEachShortFormOrDefinition(text, slice, from, to, visit);
}
/** A character of a long form's words: a letter, a digit, or a hyphen between them. */
const WORD_CHARACTER = /[\p{L}\p{N}\-\u2010]/u;

/** Each `long form or SF` definition in `slice`, which is `text` from `from`, handed to `visit`. */
function forEachOrShortFormDefinition(text: string, slice: string, from: number, visit: (candidate: ConstructedCandidate) => void): void {
  if (!/ or[ \u00a0]+['"\u2018\u201c]?\p{Lu}/u.test(slice)) return;
  OR_SHORT_FORM.lastIndex = 0;
  for (let match = OR_SHORT_FORM.exec(slice); match !== null; match = OR_SHORT_FORM.exec(slice)) {
    const orStart = from + match.index;
    const shortStart = orStart + match[0].length - match[1]!.length - match[2]!.length;
    const longStart = spelledBefore(text, from, orStart, match[1]!);
    if (longStart === undefined) continue;
    let longEnd = orStart;
    while (longEnd > longStart && /[ \u00a0]/u.test(text[longEnd - 1]!)) longEnd--;
    visit({ construction: 'or-short-form', short: { start: shortStart, end: orStart + match[0].length }, long: { start: longStart, end: longEnd }, pattern: 'long-short' });
  }
}

/** A short form of capitals (perhaps hyphen-joined), a comma, then `or`: `MMD-MA [@ref], or …`. */
const SHORT_FORM_COMMA_OR = /(?<![\p{L}\p{N}\-])(\p{Lu}[\p{Lu}\-]{1,12}\p{Lu})[ \u00a0]*,[ \u00a0]+or[ \u00a0]+(?=\p{L})/gu;
/** A long form after `, or` ends at a comma, a stop or a bracket. */
const LONG_FORM_AFTER_END = /[,.;:()[\]]/u;

/**
 * `MMD-MA, or Maximum Mean Discrepancy - Manifold Alignment, is …`: the short form first, then `,
 * or` and a long form up to the next comma whose words spell it a word a letter, in order, none a
 * function word (a lone hyphen between words is no word).
 */
function forEachShortFormOrDefinition(text: string, slice: string, from: number, to: number, visit: (candidate: ConstructedCandidate) => void): void {
  if (!/,[ \u00a0]+or[ \u00a0]/u.test(slice)) return;
  SHORT_FORM_COMMA_OR.lastIndex = 0;
  for (let match = SHORT_FORM_COMMA_OR.exec(slice); match !== null; match = SHORT_FORM_COMMA_OR.exec(slice)) {
    const letters = match[1]!.replace(/-/gu, '');
    if (letters.length > 10) continue;
    const longStart = from + match.index + match[0].length;
    const rest = text.slice(longStart, Math.min(to, longStart + 200));
    const stop = rest.search(LONG_FORM_AFTER_END);
    if (stop <= 0) continue;
    const phrase = rest.slice(0, stop).replace(/[ \u00a0]+$/u, '');
    const words = phrase.split(/[ \u00a0\-\u2010]+/u).filter((word) => word !== '');
    if (words.length !== letters.length || words.some((word) => FUNCTION_WORDS.has(word.toLowerCase()))) continue;
    if (!words.every((word, k) => word[0]!.toLowerCase() === letters[k]!.toLowerCase())) continue;
    const shortStart = from + match.index;
    visit({ construction: 'or-short-form', short: { start: shortStart, end: shortStart + match[1]!.length }, long: { start: longStart, end: longStart + phrase.length }, pattern: 'short-long' });
  }
}

/** Where the words that spell `letters` start, ending before `before` (see the module comment), or undefined. */
function spelledBefore(text: string, blockStart: number, before: number, letters: string): number | undefined {
  // The words before `or`, nearest first, within the clause: punctuation ends them.
  const words: { start: number; end: number }[] = [];
  let i = before;
  while (words.length < letters.length) {
    while (i > blockStart && /[ \u00a0]/u.test(text[i - 1]!)) i--;
    const end = i;
    while (i > blockStart && WORD_CHARACTER.test(text[i - 1]!)) i--;
    if (i === end) break;
    // A hyphen splits a word: each part is a word of its own.
    const parts = text.slice(i, end).split(/[-\u2010]/u);
    let partEnd = end;
    for (let p = parts.length - 1; p >= 0; p--) {
      const partStart = partEnd - parts[p]!.length;
      if (parts[p] !== '') words.push({ start: partStart, end: partEnd });
      partEnd = partStart - 1;
    }
  }
  for (const inside of [0, 1]) {
    const count = letters.length - inside;
    if (count < 2 || words.length < count) continue;
    const spelling = words.slice(0, count).reverse();
    if (spelling.some((word) => FUNCTION_WORDS.has(text.slice(word.start, word.end).toLowerCase()))) continue;
    if (!spelling.every((word, k) => text[word.start]!.toLowerCase() === letters[k]!.toLowerCase())) continue;
    const last = spelling[count - 1]!;
    // The last letter from the end of the last word (`extractoR`), not from anywhere in it.
    if (inside === 1 && !text.slice(Math.max(last.start + 1, last.end - 3), last.end).toLowerCase().includes(letters[count]!.toLowerCase())) continue;
    return spelling[0]!.start;
  }
  return undefined;
}
