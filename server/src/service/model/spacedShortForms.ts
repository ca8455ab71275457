/**
 * A short form written with a space before its number: `Risk of Bias 2 (RoB 2)`, `CheckMate 010
 * (CM 010)`. The token pass reads `RoB` and `2` as two words, and only `RoB` can be a mention, so
 * a later `the RoB 2 tool` would be a use of an undefined `RoB` and leave `RoB 2` unused. Where the
 * document defines such a short form, a mention of its head followed by a space and the same
 * number is a use of the whole.
 */

import { opensSentence } from './definitionSpans';
import type { AbbreviationDefinition, AbbreviationMention } from './documentModel';

/** A defined key: a head without spaces, one space, a number (`RoB 2`, `CM 010`, `ToL 1.2`). */
const SPACED_NUMBER_KEY = /^(\S+)[ \u00a0](\p{N}+(?:\.\p{N}+)*)$/u;

/** The head of a short form written with a space before its number (`CM` of `CM 010`), or undefined. */
export function headOfSpacedNumber(key: string): string | undefined {
  return SPACED_NUMBER_KEY.exec(key)?.[1];
}

/**
 * `mentions` with each mention of a defined spaced short form's head that is followed by a space
 * and that form's number (`RoB` in `RoB 2 tool`) replaced by a new mention of the whole (`RoB 2`);
 * the same array when the document defines no such short form. Mentions are never changed in
 * place: they are shared with the block cache.
 */
export function joinSpacedNumbers(
  mentions: AbbreviationMention[],
  definitions: readonly AbbreviationDefinition[],
  masked: string,
): AbbreviationMention[] {
  // Head -> number -> the defined key, spaced as the definition spaces it.
  const numbersByHead = keysByHead(definitions, SPACED_NUMBER_KEY);
  // Head -> number -> a key defined with a hyphen before its number (`IL-6`): written with a space
  // (`IL 6`), it is that abbreviation spelt another way, which the spelling check tells, not an
  // undefined `IL`.
  const hyphenedByHead = keysByHead(definitions, HYPHENED_NUMBER_KEY);
  if (numbersByHead.size === 0 && hyphenedByHead.size === 0) return mentions;
  return mentions.map((mention) => {
    const numbers = numbersByHead.get(mention.key);
    const hyphened = hyphenedByHead.get(mention.key);
    if ((numbers === undefined && hyphened === undefined) || mention.text !== mention.key) return mention;
    const number = NUMBER_AFTER.exec(masked.slice(mention.end, mention.end + 16))?.[1];
    if (number === undefined) return mention;
    const end = mention.end + 1 + number.length;
    const text = masked.slice(mention.start, end);
    const key = numbers?.get(number) ?? (hyphened?.has(number) ? text : undefined);
    return key === undefined ? mention : { ...mention, text, key, end };
  });
}
/** A defined key with a hyphen before its number (`IL-6`, `QF-12`): a head, the hyphen, the number. */
const HYPHENED_NUMBER_KEY = /^(\S+?)[-\u2010\u2011](\p{N}+)$/u;

/** One space (or a no-break space) and a number that ends there: not `RoB 2.5-fold` or `CM 0105`. */
const NUMBER_AFTER = /^[ \u00a0](\p{N}+(?:\.\p{N}+)*)(?![\p{L}\p{N}]|[.\-\u2010\u2011][\p{L}\p{N}])/u;

/** A defined key of two words without a number (`R/R AML`, `ECOG PS`): a head, one space, a tail. */
const SPACED_PAIR_KEY = /^(\S+)[ \u00a0](\S*\D)$/u;
/** A defined key of two parts joined by one slash (`HR/RR`, `WGS/WES`): a head, the slash, a tail. */
const SLASH_PAIR_KEY = /^([^\s/]+)\/([^\s/]+)$/u;

/**
 * `mentions` with each defined two-word short form written again (`R/R AML` after `relapsed or
 * refractory acute myeloid leukaemia (R/R AML)`) joined into one mention of the whole: its head
 * and tail, one space apart, are otherwise read as two undefined abbreviations and leave the
 * definition unused. Each word written alone stays a mention of its own. The same array when the
 * document defines no such short form; mentions are never changed in place.
 */
export function joinSpacedPairs(mentions: AbbreviationMention[], definitions: readonly AbbreviationDefinition[], masked: string): AbbreviationMention[] {
  return joinPairs(mentions, definitions, masked, SPACED_PAIR_KEY, (joiner) => joiner === ' ' || joiner === '\u00a0');
}

/**
 * The same for a short form of two parts joined by a slash (`heart-rate-to-respiratory-rate ratio
 * (HR/RR)`, then `a low HR/RR`): the token pass splits it at the slash into two mentions, which
 * would read as two undefined abbreviations (`HR` offered as hazard ratio) and leave the
 * definition unused. A part written alone stays a mention of its own.
 */
export function joinSlashPairs(mentions: AbbreviationMention[], definitions: readonly AbbreviationDefinition[], masked: string): AbbreviationMention[] {
  return joinPairs(mentions, definitions, masked, SLASH_PAIR_KEY, (joiner) => joiner === '/');
}

/** `mentions` with each head and tail of a defined key of `shape`, one `isJoiner` character apart in one block, joined into one mention of the key. */
function joinPairs(mentions: AbbreviationMention[], definitions: readonly AbbreviationDefinition[], masked: string, shape: RegExp, isJoiner: (character: string) => boolean): AbbreviationMention[] {
  // Head -> tail -> the defined key.
  const tailsByHead = keysByHead(definitions, shape);
  if (tailsByHead.size === 0) return mentions;
  const joined: AbbreviationMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    const next = mentions[i + 1];
    const key = next === undefined ? undefined : tailsByHead.get(mention.key)?.get(next.key);
    if (key === undefined || next!.start !== mention.end + 1 || !isJoiner(masked.charAt(mention.end)) || next!.block !== mention.block || mention.definition !== undefined) {
      joined.push(mention);
      continue;
    }
    joined.push({ ...mention, text: masked.slice(mention.start, next!.end), key, end: next!.end });
    i++;
  }
  return joined;
}

/** The defined keys `shape` splits in two (its first group the head, its second the rest), by head and then by rest. */
function keysByHead(definitions: readonly AbbreviationDefinition[], shape: RegExp): Map<string, Map<string, string>> {
  const byHead = new Map<string, Map<string, string>>();
  for (const definition of definitions) {
    const parts = shape.exec(definition.key);
    if (parts === null) continue;
    const rests = byHead.get(parts[1]!) ?? new Map<string, string>();
    rests.set(parts[2]!, definition.key);
    byHead.set(parts[1]!, rests);
  }
  return byHead;
}

/** A defined key with a lower-case prefix and a hyphen (`allo-HCT`, `auto-SCT`): the prefix, then the rest. */
const PREFIXED_KEY = /^(\p{Ll}{2,}[-\u2010])(\p{Lu}\S*)$/u;

/**
 * `mentions` with each use of a defined short form that opens with a lower-case prefix (`allo-HCT`
 * after `allogeneic haematopoietic cell transplantation (allo-HCT)`) read whole: the token pass
 * starts a mention at its first capital, so `allo-HCT` would be a use of an undefined `HCT` and
 * leave the definition unused. The same array when the document defines no such short form.
 */
export function joinPrefixedShortForms(mentions: AbbreviationMention[], definitions: readonly AbbreviationDefinition[], masked: string): AbbreviationMention[] {
  // Prefix -> rest -> the defined key.
  const restsByPrefix = keysByHead(definitions, PREFIXED_KEY);
  if (restsByPrefix.size === 0) return mentions;
  return mentions.map((mention) => {
    for (const [prefix, rests] of restsByPrefix) {
      const key = rests.get(mention.key);
      if (key === undefined || !masked.startsWith(prefix, mention.start - prefix.length)) continue;
      // The prefix starts a word: `allo-HCT`, not `metallo-HCT`.
      if (/[\p{L}\p{N}]/u.test(masked.charAt(mention.start - prefix.length - 1))) continue;
      const start = mention.start - prefix.length;
      return { ...mention, text: masked.slice(start, mention.end), key, start };
    }
    return mention;
  });
}

/**
 * A short form that opens with a word in small letters (`microCT`, `nanoLC`, `cryoEM`) takes a
 * capital where a sentence or a legend's title starts (`MicroCT imaging is …`, `**MicroangioCT
 * of the tibia.**`): the same abbreviation, so such a use takes the key the document writes in
 * small letters, where the document defines that key or writes it elsewhere. A name coined in
 * that shape (`NanoString`) is written so everywhere and keeps its key.
 */
export function readSentenceCapitals(mentions: AbbreviationMention[], definitions: readonly AbbreviationDefinition[], text: string): AbbreviationMention[] {
  const lowerKeys = new Set<string>();
  for (const definition of definitions) if (SMALL_WORD_FIRST.test(definition.key)) lowerKeys.add(definition.key);
  for (const mention of mentions) if (SMALL_WORD_FIRST.test(mention.key)) lowerKeys.add(mention.key);
  if (lowerKeys.size === 0) return mentions;
  return mentions.map((mention) => {
    if (!CAPITALISED_WORD_FIRST.test(mention.key)) return mention;
    const key = mention.key.charAt(0).toLowerCase() + mention.key.slice(1);
    return lowerKeys.has(key) && opensSentenceOrTitle(text, mention.start) ? { ...mention, key } : mention;
  });
}
/** A word of three small letters or more, then a capital: `microCT`, `nanoLC`. */
const SMALL_WORD_FIRST = /^\p{Ll}{3,}\p{Lu}/u;
/** The same with its first letter a capital: `MicroCT`. */
const CAPITALISED_WORD_FIRST = /^\p{Lu}\p{Ll}{2,}\p{Lu}/u;

/** Whether `offset` starts a sentence, or the title of an image's caption (`![**Title`). */
function opensSentenceOrTitle(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === '*' || text[i] === '_')) i--;
  return (text[i] === '[' && text[i - 1] === '!') || opensSentence(text, offset);
}
