/**
 * Finds abbreviation definitions in prose: `natural killer (NK)`,
 * `interleukin-15 (IL-15)`, `TGF-β (transforming growth factor beta)`.
 *
 * The approach starts from Schwartz & Hearst (2003) — match the short form's
 * letters right to left against the words before the bracket, the first letter
 * at a word start — and Ab3P (Sohn et al. 2008) — prefer first letters of words,
 * allow skipped function words and a few letters from inside words, ranked by
 * how often each kind of match is right. Here those strategies are costs of a
 * single least-cost alignment, followed by an acceptance rule. A few written
 * conventions the letters cannot follow in order (`CD56-positive (CD56+)`,
 * `20-item … Scale (TAS-20)`, `single-chain variable fragment (scFv)`) are
 * recognised by their own small rules in `detector/readings/`.
 */

import { isConvincingCandidate, isSpelledAtWordStarts } from './detector/acceptance.js';
import { forEachDefinitionCandidate, pairingBefore, spelledOutAfter, type DefinitionCandidate } from './detector/definitionCandidates.js';
import { readingTokens } from './detector/precedingWords.js';
import { tokenize, type BlockTokens } from '../text/tokens.js';
import { hasTwoCapitals } from '../text/characters.js';

/** One abbreviation definition found in prose. Offsets are UTF-16 offsets into the text passed in. */
export interface DetectedDefinition {
  /** The short form exactly as written, e.g. `iPSCs`, `IL-15`, `TGF-β`. */
  short: string;
  /** Offset of the short form's first character. */
  shortStart: number;
  /** Offset just past the short form. */
  shortEnd: number;
  /** The long form exactly as written, e.g. `induced pluripotent stem cells`. */
  long: string;
  /** Offset of the long form's first character. */
  longStart: number;
  /** Offset just past the long form. */
  longEnd: number;
  /** `long-short` for `long form (SF)`, `short-long` for `SF (long form)`. */
  pattern: 'long-short' | 'short-long';
  /**
   * For an item of a series of definitions that leaves out the leading words it shares
   * with the first item (`antibody-dependent cellular cytotoxicity (ADCC), complement
   * deposition (ADCD)`): those words as written there (`antibody-dependent`). The full
   * expansion is these words followed by `long`.
   */
  sharedLeadingWords?: string;
  /**
   * For the first of two coordinated terms that share their head words (`whole genome
   * (WGS) or whole exome sequencing (WES)`): those words as written after the second
   * term (`sequencing`). The full expansion is `long` followed by these words.
   */
  sharedTrailingWords?: string;
  /**
   * Set when the long form is a list of items, one per letter of the short form
   * (`PICO (Population, Intervention, Comparison, Outcome)`): the short form names the thing,
   * and the list says what its letters stand for.
   */
  listsInitials?: true;
  /**
   * How the short form's letters were found in a `letters` pairing: `spelled` when each starts a
   * word of the long form and nothing is passed over (`Quill Lexicon (QL)`); `whole` when every
   * word of two or more gives a letter, some from inside (`Cell Ontology (CL)`; one word,
   * `immunoprecipitation (IP)`, is neither); `loose` when the last word gives no letter and some
   * come from inside words (`cell types (CL)`, `medial preoptic nucleus (MPO)`). Unset for the
   * other pairings. A loose pairing is a definition, unless the document spells the same letters
   * out otherwise and keeps writing the loose words as prose (see the document model's
   * `withoutContradictedLoosePairings`).
   */
  pairing?: 'spelled' | 'whole' | 'loose';
}

/**
 * Finds definitions in `text[from, to)` — one prose block of a masked document
 * (non-prose replaced by spaces). Sentences are split internally; a long form
 * never reaches back into an earlier sentence. `tokens`, when the caller has them,
 * are the token pass's over the whole of `text`. Never throws; linear-ish time.
 */
export function detectDefinitions(text: string, from?: number, to?: number, tokens?: BlockTokens): DetectedDefinition[] {
  try {
    const length = typeof text === 'string' ? text.length : 0;
    const start = clampOffset(from, 0, length);
    const end = clampOffset(to, length, length);
    if (end <= start) return [];
    const words = tokens ?? tokenize(text, start, end);
    const found: DetectedDefinition[] = [];
    // Each candidate is judged and read as it is found, so its alignment dies young (issue 16).
    readingTokens(text, words, () =>
      forEachDefinitionCandidate(text, words.marks, start, end, (candidate) => {
        if (!isConvincingCandidate(candidate) || isExtendedShortForm(text, candidate) || isCodeBeforeAlias(text, candidate)) return;
        const definition = detectedDefinition(text, candidate);
        if (!holdsItsShortForm(definition)) found.push(definition);
      }),
    );
    return withNestedLongForms(text, found.sort((a, b) => a.shortStart - b.shortStart));
  } catch {
    // A detector bug must never take the editor down; the document just shows no definitions.
    return [];
  }
}

/**
 * Whether a long form holds its own short form, or the short form's first word when a noun
 * follows it in the bracket, as a word (`The output of MTA is a score (MTA score)` read as `MTA
 * is a score`): words that use the letters do not say what they stand for.
 */
function holdsItsShortForm(definition: DetectedDefinition): boolean {
  const letters = SHORT_FORM_AND_NOUN.exec(definition.short)?.[1] ?? definition.short;
  return letters.length >= 2 && definition.long.includes(letters) && definition.long.split(/[^\p{L}\p{N}-]+/u).includes(letters);
}
/** A short form of two capitals or more and a noun in small letters after it in the bracket (`MTA score`). */
const SHORT_FORM_AND_NOUN = /^(\S*\p{Lu}\S*\p{Lu}\S*)\s+\p{Ll}+$/u;

/**
 * Whether the short form at `[shortStart, shortEnd)` of a block's text (`tokens` its token pass),
 * written in the bracket opened at `open`, is spelled by the words before the bracket, each
 * letter in order and the first at a word's start, as Schwartz & Hearst match, though perhaps
 * not convincingly enough to read a definition: `Kidney Clear Cell Carcinoma (KIRC)`,
 * `extracellular matrix protein turnover (ECM)`, `total pathway perturbation (tA)`,
 * `myxopapillary ependymomas (EPN, MPE)`. The author introduced the letters there in words,
 * loosely; a copy-editor asks for a tidier long form, not for a definition. In a letter
 * alignment half the letters at least must start words; a written convention of `readings/`
 * checked itself where it was built. Nothing reads this as an expansion: the long form's bounds
 * are a guess.
 */
export function isSpelledBeforeItsBracket(text: string, tokens: BlockTokens, open: number, shortStart: number, shortEnd: number): boolean {
  try {
    const candidate = readingTokens(text, tokens, () => pairingBefore(text, open, { start: shortStart, end: shortEnd }));
    if (candidate === undefined || candidate.pattern !== 'long-short') return false;
    // Half the letters at least start words: a chance match takes its letters from inside words (`status, owing to proper containment procedures (SARS)`).
    return candidate.construction !== 'letters' || 2 * candidate.alignment.wordStartMatches >= candidate.shortLetterCount;
  } catch {
    return false;
  }
}

/**
 * Whether the short form at `[shortStart, shortEnd)` of a block's text (`tokens` its token pass),
 * written with no bracket, comes right after words that spell it, every letter at a word's start,
 * no word passed over, three letters at least: `Integrated Nested Laplace Approximation INLA`,
 * `Random walk with Restart on Multiplex RWR-M`. The author introduced the letters in words and
 * left out the brackets; a copy-editor asks for the brackets, not for a definition. Two letters
 * fit too many pairs of words by chance (`cell lines CL`).
 */
export function isSpelledRightBefore(text: string, tokens: BlockTokens, shortStart: number, shortEnd: number): boolean {
  if (!followsWordAndSpace(text, shortStart)) return false;
  try {
    const candidate = readingTokens(text, tokens, () => pairingBefore(text, shortStart - 1, { start: shortStart, end: shortEnd }));
    return candidate?.construction === 'letters' && isSpelledAtWordStarts(candidate) && candidate.shortLetterCount > MOST_CHANCE_LETTERS;
  } catch {
    return false;
  }
}
/** Whether `text` holds a letter or digit and then one space right before `at`: where a spelling right before a short form can end. */
export function followsWordAndSpace(text: string, at: number): boolean {
  return /^[ \u00a0]$/u.test(text.charAt(at - 1)) && /[\p{L}\p{N}]/u.test(text.charAt(at - 2));
}
/**
 * Whether the short form at `[shortStart, shortEnd)` of a block's text is glossed after a colon,
 * an equals sign or a spaced dash by words that spell it convincingly, up to the end of the
 * clause: `TISig: Tumor Inflammation Signature,` in a list of signatures, `MAE = median absolute
 * error.` and `EF - etiological fraction;` in a legend. The author introduced the letters in
 * words there (a list of such keys, `HR: hazard ratio; CI: …`, is an abbreviation list and read
 * as one).
 */
export function isGlossedAfterMark(text: string, shortStart: number, shortEnd: number): boolean {
  const window = text.slice(shortEnd, shortEnd + MOST_GLOSS_LENGTH);
  const gloss = GLOSS_AFTER_MARK.exec(window);
  // A gloss cut by the window, not ended by its clause, is no gloss read whole.
  if (gloss === null || (gloss[0].length === window.length && shortEnd + window.length < text.length)) return false;
  const start = shortEnd + gloss[0].length - gloss[1]!.length;
  try {
    const candidate = spelledOutAfter(text, { start: shortStart, end: shortEnd }, { start, end: start + gloss[1]!.length });
    return candidate !== undefined && isConvincingCandidate(candidate);
  } catch {
    return false;
  }
}
/** A colon, an equals sign or a spaced dash, then words up to a clause's end (a comma, a semicolon, a bracket's close, a stop, a line's or the text's end). */
const GLOSS_AFTER_MARK = /^(?::|[ \u00a0]*=|[ \u00a0]+[-\u2013\u2014])[ \u00a0]+([\p{L}\p{N}][^,;:()[\]\n]*?)(?=[ \u00a0]*(?:[,;)\]]|[.](?:\s|$)|\r?\n|$))/u;
const MOST_GLOSS_LENGTH = 120;

/** Letters that words before a short form spell by chance often enough that no bracket means no introduction. */
const MOST_CHANCE_LETTERS = 2;

/**
 * A long form that opens with another definition's bracketed short form (`antineutrophil
 * cytoplasmic antibody (ANCA)-associated vasculitis (AAV)`, read as `(ANCA)-associated
 * vasculitis`) takes that definition's long form too: the reader's long form is the whole phrase.
 */
function withNestedLongForms(text: string, found: DetectedDefinition[]): DetectedDefinition[] {
  for (let i = 1; i < found.length; i++) {
    const outer = found[i]!;
    const opener = text.charCodeAt(outer.longStart);
    if (outer.pattern !== 'long-short' || (opener !== 0x28 && opener !== 0x5b)) continue;
    const inner = found[i - 1]!;
    if (inner.pattern !== 'long-short' || inner.shortStart !== outer.longStart + 1 || inner.longEnd > outer.longStart) continue;
    found[i] = { ...outer, longStart: inner.longStart, long: text.slice(inner.longStart, outer.longEnd) };
  }
  return found;
}

/**
 * A bracketed word of capitals that holds the short form before it extends that abbreviation
 * rather than spelling it out: `EGFR (EGFRt)`, `CAR (CARs)` and `IL15 (IL15Rα)` name a truncated
 * form, a plural, a receptor. A long form written before its short form may hold it as the start
 * of a word (`Testosterone (T)`, `D-Galactosamine (D-Gal)`), and a word with one capital is a word.
 */
function isExtendedShortForm(text: string, candidate: DefinitionCandidate): boolean {
  const { long, short } = candidate;
  if (candidate.pattern !== 'short-long') return false;
  const written = text.slice(long.start, long.end);
  return !/\s/u.test(written) && hasTwoCapitals(written) && written.includes(text.slice(short.start, short.end));
}

/** Whether the detector reads `long (short)` as a definition whose long form is all of `long`. */
export function readsAsDefinition(long: string, short: string): boolean {
  return detectDefinitions(`${long} (${short})`).some((found) => found.short === short && found.longStart === 0 && found.longEnd === long.length);
}

/**
 * A code of capitals and digits with no white space before a bracket that gives a shorter name
 * for it, starting the same way (`CAR19/IL15/iCasp9 (CAR19/IL-15)`): two names of one construct,
 * not a long form spelled out. A name the bracket shortens otherwise is still one (`C57BL/6 (B6)`,
 * `3-hydroxy-3-methylglutaryl-CoA (HMG-CoA)`).
 */
function isCodeBeforeAlias(text: string, candidate: DefinitionCandidate): boolean {
  if (candidate.pattern !== 'long-short') return false;
  const written = text.slice(candidate.long.start, candidate.long.end);
  const short = text.slice(candidate.short.start, candidate.short.end);
  // A word of four lower-case letters spells something out (`CD56-positive (CD56+)`).
  return !/\s/u.test(written) && !/\p{Ll}{4}/u.test(written) && hasTwoCapitals(written) && /\p{N}/u.test(written) && short.length >= 3 && written.startsWith(short.slice(0, 3));
}

/** The definition a convincing candidate makes. */
function detectedDefinition(text: string, candidate: DefinitionCandidate): DetectedDefinition {
  const found: DetectedDefinition = {
    short: text.slice(candidate.short.start, candidate.short.end),
    shortStart: candidate.short.start,
    shortEnd: candidate.short.end,
    long: text.slice(candidate.long.start, candidate.long.end),
    longStart: candidate.long.start,
    longEnd: candidate.long.end,
    pattern: candidate.pattern,
  };
  if (candidate.construction === 'letters') {
    const { alignment } = candidate;
    if (isSpelledAtWordStarts(candidate)) found.pairing = 'spelled';
    else if (alignment.skippedTrailingToken && alignment.innerLetters > 0) found.pairing = 'loose';
    else if (alignment.skippedContentTokens === 0 && !alignment.skippedTrailingToken && !alignment.spansOneToken) found.pairing = 'whole';
  } else {
    const { sharedLeadingWords: leading, sharedTrailingWords: trailing } = candidate;
    if (leading !== undefined) found.sharedLeadingWords = text.slice(leading.start, leading.end);
    if (trailing !== undefined) found.sharedTrailingWords = text.slice(trailing.start, trailing.end);
    if (candidate.construction === 'initials-list') found.listsInitials = true;
  }
  return found;
}

function clampOffset(value: number | undefined, fallback: number, length: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), 0), length);
}
