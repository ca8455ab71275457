import { bondLocantAt } from '../text/locants';
import type { Span } from '../markdown/inlineExclusions';
import { CharacterClass, characterClassAt, GREEK_STAND_INS, isWordCharacterBefore, NUMBER_JUST_BEFORE, standsForGreekAt, withoutGlyphFill } from '../text/characters';
import { tokenize, WordFlag, type BlockTokens } from '../text/tokens';
import { isAlleleNotation, isChemicalNotation, isLowerCaseGeneSegment, isNotation } from './notation';
import { isStateOrProvinceOfPlace } from './usStatePlaces';

/** One written use of something that looks like an abbreviation. */
export interface MentionToken extends Span {
  /** The abbreviation as written, without a plural `s` or possessive (`iPSC` in `iPSCs'`). */
  text: string;
  /** The normalised key that ties uses and definitions together (see `abbreviationKey`). */
  key: string;
}

const GREEK_NAME = /^(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega)$/i;
const ROMAN = /^[IVX]+$/;
const ROMAN_SUBTYPE = /^[IVX]+[a-d]$/;
/** A roman numeral and a capital: `IIA`, `IIIB`, `IIX`. */
const ROMAN_CAPITAL_SUBTYPE = /^[IVX]+[A-DX]$/;
/** A word naming a kind of label right before one, perhaps after earlier labels of a list (`type I, `, `stage IIA or `). */
const LABEL_KIND_BEFORE = /(?<![\p{L}\p{N}])(?:[Tt]ypes?|[Ss]tages?|[Pp]hases?|[Gg]rades?|[Cc]lass(?:es)?|[Ss]ubtypes?)[ \u00a0]+(?:[IVX]+[A-Da-dX]?(?:[ \u00a0]*[,/][ \u00a0]*|[ \u00a0]+(?:and|or)[ \u00a0]+|[ \u00a0]*\([^()]{0,20}\),?[ \u00a0]+(?:and[ \u00a0]+|or[ \u00a0]+)?))*$/u;
// Camel-cased words (`GraphPad`, `iPhone`), coined names with capitals inside a lower-case word of
// three or more letters on each side, its first letter perhaps a capital (`quanTIseq`, `QuanTIseq`), and the mirror of those: two words of four or
// more capitals run together through one or two lower-case Latin letters (`CELLxGENE`), as a product
// is styled; an abbreviation's lower-case letters stand at its start or after three capitals or
// fewer (`mAb`, `TGFbRII`, `IFNgR1`). Names, not abbreviations.
const CAMEL_WORD = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$|^\p{Ll}+\p{Lu}\p{Ll}{3,}$|^\p{Lu}?\p{Ll}{3,}\p{Lu}{2,3}\p{Ll}{3,}$|^\p{Lu}{4,}[a-z]{1,2}\p{Lu}{4,}$/u;

/** True for a camel-cased or coined name (`GraphPad`, `quanTIseq`, `CELLxGENE`): a name, not an abbreviation. */
export function isCoinedName(word: string): boolean {
  return CAMEL_WORD.test(word);
}
/** A capital and three lower-case letters: the syllable a coined word holds. */
const SYLLABLE = /\p{Lu}(?=\p{Ll}{3})/gu;
const CAPITAL = /\p{Lu}/u;

/**
 * A capital and three or more lower-case letters, with another capital before or after them
 * (`RStudio`, `QIAcube`, `ChromHMM`, `OpenPBTA`; not `Treg`). Read in one pass: an expression
 * with a run of anything between the two capitals backtracks quadratically on a long word.
 */
function hasCapitalAndSyllable(word: string): boolean {
  const firstCapital = word.search(CAPITAL);
  if (firstCapital < 0) return false;
  let lastCapital = -1;
  for (let i = word.length - 1; i >= 0; i--) {
    if (CAPITAL.test(word[i]!)) {
      lastCapital = i;
      break;
    }
  }
  for (const syllable of word.matchAll(SYLLABLE)) if (firstCapital < syllable.index || lastCapital > syllable.index) return true;
  return false;
}
/** Three or more lower-case letters, then one capital that no capital follows (`epiR`, `edgeR`, `bioRxiv`; not `lncRNA`). */
const SYLLABLE_AND_CAPITAL = /^\p{Ll}{3,}\p{Lu}(?!\p{Lu})/u;
/**
 * Names of programs and products are coined from syllables (`RStudio`, `QIAcube`, `RNeasy`,
 * `OMNIgene`, `ChromHMM`, `epiR`) or camel-cased words (`GraphPad`). The lower-case letters of an
 * abbreviation are a prefix of one or two letters on capitals (`cfDNA`, `sEV`, `mtDNA`, `scFv`), a
 * clipped word before capitals (`lncRNA`, `circRNA`), or one or two letters among capitals
 * (`MoDC`, `TcR`, `ChIP`). Some names have that shape too (`BiGG`, `TOPMed`): a noun or a supplier
 * after them cannot tell them from an abbreviation, so they are left to be defined.
 */
export function hasCoinedShape(word: string): boolean {
  return hasCapitalAndSyllable(word) || SYLLABLE_AND_CAPITAL.test(word) || isCoinedName(word);
}

/**
 * A Greek letter's name spelt out (`TGFbeta`, `NF-kappaB`) or an enzyme's `-ase` (`ATPase`,
 * `PEPCase`): an abbreviation's lower-case letters. Unanchored on purpose: a name holding `beta`
 * or `delta` anywhere is left to be reported, the safe side.
 */
const SPELT_OUT_PART = /(?:alpha|beta|gamma|delta|epsilon|zeta|theta|kappa|lambda|sigma|omega|ases?$)/u;
/**
 * Capitals with a qualifier run on in lower case (`EBVneg`, `HLAhigh`, `KIRpos`, `MHCclass`): an
 * abbreviation with a flow or expression qualifier, not a coined name.
 */
const QUALIFIED_CAPITALS = /^\p{Lu}{2,}[\p{Lu}\p{N}]*(?:neg|pos|high|low|hi|lo|dim|bright|null|int|mut|plus|minus|class|type|like|only|free)$/u;
/** A space left out before `cell(s)` (`NKcells`): an abbreviation run into a word, not a name. */
const RUN_INTO_CELLS = /\p{Lu}cells?$/u;
/** A sequencing method's name (`GROseq`, `DNase-seq`): an abbreviation to define. */
const SEQUENCING_METHOD = /seq$/iu;

/**
 * True for a word coined as a product's, a program's or a project's name: a part of it has a
 * capital beside a syllable of three or more lower-case letters (`GlutaMAX`, `SCTransform`,
 * `UCell`, `scDblFinder`, `OpenPBTA`), is camel-cased (`GraphPad`, `mapDamage2` with its release)
 * or is a word with a capital at its end (`edgeR`). Journals do not ask
 * authors to define such names. Not a shape abbreviations take too: a prefix of lower-case
 * letters on a capital (`apoB`, `vitD`), a Greek letter or an enzyme's ending spelt out
 * (`TGFbeta`, `ATPase`), a sequencing method (`GROseq`), capitals run into `cells`, or capitals
 * with a qualifier run on (`EBVneg`, `HLAhigh`).
 */
export function isCoinedWord(word: string): boolean {
  if (SPELT_OUT_PART.test(word) || RUN_INTO_CELLS.test(word) || SEQUENCING_METHOD.test(word)) return false;
  const parts = word.split(/[-\u2010\u2011]/u);
  if (parts.some((part) => QUALIFIED_CAPITALS.test(part))) return false;
  return parts.some((part) => {
    // A release number run on (`mapDamage2`) leaves the name's shape as it was.
    const name = withoutReleaseNumber(part);
    return hasCapitalAndSyllable(name) || isCoinedName(name) || WORD_AND_CAPITAL.test(name);
  });
}
const TRAILING_DIGITS = /\p{N}+$/u;

/** A name without the release number run on it (`mapDamage2` -> `mapDamage`, `GATK4` -> `GATK`). */
export function withoutReleaseNumber(name: string): string {
  return name.replace(TRAILING_DIGITS, '');
}
/**
 * A word of four or more lower-case letters with one capital at its end (`edgeR`, `limmaR`): a
 * program's name. Three letters are a prefix an abbreviation takes (`apoB`, `vitD`, `recA`).
 */
const WORD_AND_CAPITAL = /^\p{Ll}{4,}\p{Lu}$/u;

// A plural `s` after a capital or digit (`CARs`, `4-1BBs`), or after a lower-case letter in a
// form with a capital after its first letter (`mAbs`, `nAbs`, `scFvs`, `ACEis`, `DARPins`; not `Fas`).
const PLURAL_S = /(?<=[\p{Lu}\p{N}])s$|(?<=^\p{L}+\p{Lu}[\p{L}\p{N}]*\p{Ll})s$/u;
/**
 * Names that have the shape of an abbreviation but come from a nomenclature or a catalogue,
 * which journals do not ask to define: identifiers holding three or more digits in a row
 * (`NCT01234567`, `SNG001`, `K562`, `HEK293T`, `miR-155`, `LY-CoV555`, lot `322B15`),
 * influenza subtypes (`H1N1`, `H5N1`) and amino-acid substitutions (`F158V`, `D614G`).
 * CD markers (`CD123`, `CD-137`) are abbreviations, kept for the CD rules.
 */
const CATALOGUE_NUMBER = /\p{N}{3,}/u;
/** `2Rα`, `15Rα`, `9R`: a receptor chain with its cytokine's name left out (`IL-2, -7 and -9R`). */
const ELIDED_RECEPTOR_CHAIN = /^\p{N}+R[\u03b1-\u03c9]?$/u;
const CD_MARKER = /^CD[-\u2010\u2011]?\p{N}/u;

/** True for a cluster-of-differentiation name (`CD19`, `CD-123`, `CD107a`): an abbreviation, never a catalogue or line name. */
export function isClusterOfDifferentiationName(text: string): boolean {
  return CD_MARKER.test(text);
}
const INFLUENZA_SUBTYPE = /^H\d{1,2}N\d{1,2}$/;
const AMINO_ACID_SUBSTITUTION = /^[ACDEFGHIKLMNPQRSTVWY]\d{2,4}[ACDEFGHIKLMNPQRSTVWY]$/;

const HYPHEN = /[-\u2010\u2011]/u;
const UPPER_AFTER_FIRST = /.\p{Lu}/su;

type SegmentKind = 'word' | 'digits' | 'abbr' | 'short';

/** How many characters of `text` (a surrogate pair is one) have every bit of `bits`. */
function countOf(text: string, bits: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair, read with the first
    if ((characterClassAt(text, i) & bits) === bits) n++;
  }
  return n;
}

function upperCount(segment: string): number {
  return countOf(segment, CharacterClass.upper);
}

/**
 * True when one hyphen-free segment looks like an abbreviation: two or more capitals
 * (`NK`, `CD3ζ`, `IgG`), or a capital after the first letter (`mAb`, `scFv`, `iPSC`),
 * but not a camel-cased word (`GraphPad`, `McDonald`, `iPhone`).
 */
export function isAbbreviationSegment(segment: string): boolean {
  const upper = upperCount(segment);
  if (upper === 0) return false;
  if (upper === 1 && /^\p{Lu}/u.test(segment)) return false;
  // Counted without the fill that stands for the rest of markup printing one letter (`TCR&alpha;&beta;`).
  if (segment.length > 15 && withoutGlyphFill(segment).length > 15) return false;
  return !CAMEL_WORD.test(segment);
}

function classify(segment: string): SegmentKind {
  let characters = 0;
  let digits = 0;
  let greek = 0;
  // A letter, then one or more lower-case letters (`cell`, `Cells`, `βeta`).
  let wordShape = true;
  for (let i = 0; i < segment.length; i += segment.charCodeAt(i) >= 0xd800 && segment.charCodeAt(i) <= 0xdbff ? 2 : 1) {
    const bits = characterClassAt(segment, i);
    // A decimal point only ever stands between digits here (see `joinsNext`): `33.8` is a number.
    if ((bits & CharacterClass.digit) !== 0 || segment.charCodeAt(i) === 0x2e) digits++;
    if ((bits & CharacterClass.greek) !== 0) greek++;
    wordShape &&= (bits & (characters === 0 ? CharacterClass.letter : CharacterClass.lower)) !== 0;
    characters++;
  }
  if (characters > 0 && digits === characters) return 'digits';
  if (isAbbreviationSegment(segment)) return 'abbr';
  if (GREEK_NAME.test(segment) || (greek === characters && characters <= 2)) return 'short';
  // A gene with a lower-case name after a hyphen (`HSV1-tk`) is part of the token, not a word.
  if (isSequencingSuffix(segment)) return 'short';
  return wordShape && characters >= 2 && !isLowerCaseGeneSegment(segment) ? 'word' : 'short';
}

/**
 * `seq` or `Seq` (sequencing): itself an abbreviation, the last part of a method's name
 * (`RNA-seq`, `CITE-seq`), never a word after an abbreviation; keys write it `seq`.
 */
export function isSequencingSuffix(segment: string): boolean {
  return segment === 'seq' || segment === 'Seq';
}

/** A mention of `masked[start, end)` written `text`; its key reads a Greek letter written in math as the letter (`NF-κB`). */
function mentionToken(start: number, end: number, text: string): MentionToken {
  return { start, end, text, key: abbreviationKey(text) };
}

/**
 * The key under which an abbreviation's uses and definitions meet: hyphen variants
 * unified, a trailing plural `s` or possessive dropped (`iPSCs`, `iPSC's`, `CARs'` ->
 * `iPSC`, `CAR`), case kept (NK and nk are different things).
 */
export function abbreviationKey(written: string): string {
  let key = keyCache.get(written);
  if (key !== undefined) return key;
  key = withoutGlyphFill(written).normalize('NFC').replace(/[\u2010\u2011\u2012\u2013]/g, '-').trim();
  // A locant in brackets glued to the name is one way of writing it: `(6-4)PP`, `[6-4]PP` and `6-4PP`.
  if (key.charCodeAt(0) === 0x28 || key.charCodeAt(0) === 0x5b) {
    const locant = bondLocantAt(key);
    if (locant) key = `${locant[1]}-${locant[2]}${key.slice(locant[0].length)}`;
  }
  // `TGF-ß` and `IL-2R⍺` are `TGF-β` and `IL-2Rα` typed with a look-alike (reported by `foreign-script`).
  if (GREEK_STAND_IN.test(key)) key = withGreekLetters(key);
  // A pandoc subscript is how the name is typeset, not part of its spelling: `T~reg~` is `Treg`.
  if (key.includes('~')) key = key.replace(SUBSCRIPT_MARKUP, '$1');
  key = key.replace(/['\u2019]s?$/u, '');
  key = key.replace(PLURAL_S, '');
  key = key.replace(/[+\-\u207a\u207b]+$/u, '');
  // `RNA-Seq` and `RNA-seq` are one method's name, written in two cases.
  if (key.endsWith('-Seq')) key = `${key.slice(0, -3)}seq`;
  // `relapsed/refractory (r/r)` and a later `R/R` are one abbreviation: joined single letters carry no case distinction.
  if (LETTERS_JOINED.test(key)) key = key.toUpperCase();
  // A document uses a few hundred abbreviations many times each; the cache stays small.
  if (keyCache.size >= 10_000) keyCache.clear();
  keyCache.set(written, key);
  return key;
}
const keyCache = new Map<string, string>();
const GREEK_STAND_IN = new RegExp(`[${Object.keys(GREEK_STAND_INS).join('')}]`, 'u');

/** `written` with each character typed for a Greek letter (see `standsForGreekAt`) replaced by that letter. */
export function withGreekLetters(written: string): string {
  let plain = '';
  for (let i = 0; i < written.length; i++) plain += standsForGreekAt(written, i) ? GREEK_STAND_INS[written[i]!]! : written[i]!;
  return plain;
}
/** Two or three single letters joined by a slash or a colon: `R/R`, `E:T`, `r/r`. */
const LETTERS_JOINED = /^(?:[A-Z](?:\/[A-Z]){1,2}|[A-Z](?::[A-Z]){1,2}|[a-z](?:\/[a-z]){1,2}|[a-z](?::[a-z]){1,2})$/;
const SUBSCRIPT_MARKUP = /~([^~\s]+)~/gu;

/** The sections of a paper written in capitals, as a cross-reference or a label names them (`see METHODS`, `SUPPLEMENTARY NOTE 1`). */
const SECTION_IN_CAPITALS = /^(?:ABSTRACT|SUMMARY|INTRODUCTION|BACKGROUND|METHODS|RESULTS|DISCUSSION|CONCLUSIONS?|REFERENCES|ACKNOWLEDG(?:E)?MENTS|SUPPLEMENTARY|SUPPLEMENTAL|SUPPLEMENT|APPENDIX|APPENDICES)$/;
/** `Methods` after a word of capitals: a methods section named after a journal's format (`STAR Methods`, `STAR METHODS`). */
const METHODS_AFTER = /^[ \u00a0]+(?:Methods|METHODS)(?![\p{L}\p{N}])/u;

/**
 * True for a section of the paper named as such: a section heading in capitals (`METHODS`), or
 * the capitals that name a journal's methods format before it (Cell Press's `STAR Methods`): the
 * name of a part of the paper, not an abbreviation to define.
 */
function isSectionName(masked: string, end: number, text: string): boolean {
  return SECTION_IN_CAPITALS.test(text) || (isAllCapitals(text) && METHODS_AFTER.test(masked.slice(end, end + 10)));
}

/** True for an all-capital word of five or more letters: a label such as `RESULTS` or shouting, not an abbreviation. */
function isCapitalisedWord(run: string): boolean {
  return /^\p{Lu}{5,}$/u.test(run);
}

/**
 * Finds abbreviation-like tokens in `masked[start, end)`. What counts (stated in
 * ARCHITECTURE.md): a run of hyphen-joined segments that contains a segment with two
 * capitals or an inner capital, extended over digits, single capitals and Greek letters
 * (`IL-15`, `HLA-E`, `TGF-β`, `4-1BB`, `CAR-NK`), cut at ordinary words (`NK-cell` ->
 * `NK`). Not counted: roman numerals (`II`, `IV`), identifiers ending in four or more
 * digits (`NCT01234567`), HLA alleles (`HLA-A*02:01`), capitalised labels (`RESULTS:`)
 * and runs of three or more all-capital words (shouting).
 */
export function findMentionTokens(masked: string, start: number, end: number): MentionToken[] {
  return mentionTokensFrom(masked, tokenize(masked, start, Math.min(end, masked.length)));
}

/** True when the words ending at `end` and starting at `next` are joined by an underscore, perhaps escaped (`_`, `\\_`). */
function isUnderscoreJoin(masked: string, end: number, next: number): boolean {
  if (next === end + 1) return masked.charCodeAt(end) === 0x5f; /* _ */
  return next === end + 2 && masked.charCodeAt(end) === 0x5c /* \\ */ && masked.charCodeAt(end + 1) === 0x5f;
}

/**
 * The mention tokens of `masked`, read from the token pass's words: words joined by a hyphen,
 * a decimal point between digits (`33.8-kDa`, `NK1.1`) or in a line name (`MM.1S`; not a
 * citation number after a word, `TME.12`), or a slash after a letter that starts a strain part
 * (`C57BL/6J`, `BALB/c`, `BALB/cByJ`) rather than a unit, synonym or second abbreviation
 * (`PFU/mL`, `IL-4/13`, `CD4/CD8`, `CD16/FcγRIIIa`, `HER2/neu`), are one token; only tokens
 * holding a capital can be mentions.
 */
export function mentionTokensFrom(masked: string, tokens: BlockTokens): MentionToken[] {
  const found: MentionToken[] = [];
  const { count, starts, ends, flags } = tokens;
  let first = 0;
  let hasUpper = false;
  // Words joined by underscores (`PT_0SPKM4S8`, `sample_CD8_T`, or escaped as markdown writes
  // them, `IDBA\_UD`) are an identifier: a name from data or code, never an abbreviation, and so
  // are the words joined to them.
  let identifier = false;
  for (let k = 0; k < count; k++) {
    hasUpper ||= (flags[k]! & WordFlag.upper) !== 0;
    if (k + 1 < count && isUnderscoreJoin(masked, ends[k]!, starts[k + 1]!)) {
      identifier = true;
      continue;
    }
    if (k + 1 < count && joinsNext(masked, starts[k]!, ends[k]!, starts[k + 1]!, ends[k + 1]!)) continue;
    if (first === k && k + 1 < count && ends[k]! - starts[k]! === 1) {
      const joined = joinedLettersAt(masked, tokens, k);
      if (joined > 0) {
        const start = starts[k]!;
        const end = ends[k + joined - 1]!;
        const text = masked.slice(start, end);
        if (isLetterAbbreviationInContext(masked, start, end, text)) {
          // Lower-case letters (`r/r`) are mostly shorthand (`w/v`, `w/o`): the document model keeps
          // such a mention only when the document defines its key or the knowledge base knows it.
          found.push(mentionToken(start, end, text));
        }
        k += joined - 1;
        first = k + 1;
        hasUpper = false;
        identifier = false;
        continue;
      }
    }
    if (first === k && k + 1 < count && isSubscriptedCapital(masked, tokens, k)) {
      const start = starts[k]!;
      const end = ends[k + 1]! + 1;
      const text = masked.slice(start, end);
      found.push(mentionToken(start, end, text));
      k++;
      first = k + 1;
      hasUpper = false;
      identifier = false;
      continue;
    }
    // Most words with a capital are sentence starts (`The`): never a mention, passed over without slicing.
    if (hasUpper && !identifier && !(first === k && isPlainCapitalisedWord(masked, starts[k]!, ends[k]!))) tokenise(masked, starts[first]!, ends[k]!, found);
    first = k + 1;
    hasUpper = false;
    identifier = false;
  }
  return dropShouting(masked, withoutLogarithms(withSubscriptNumbers(masked, withLocants(masked, found))));
}

/** A pandoc subscript number right after a mention, standing alone after it: `~2~` of `TxA~2~`, `~2.5~` of `PM~2.5~`. */
const SUBSCRIPT_NUMBER_AFTER = /^~\p{N}{1,3}(?:\.\p{N}{1,2})?~(?![\p{L}\p{N}])/u;

/**
 * Mentions typeset with a numbered subscript (`TxA~2~`, `IP~3~`, `EC~50~`, `P2Y~12~`): the number
 * is part of the name, written `TxA2` just as well, so the mention runs over it and its key is
 * the name's (`TxA2`), the key a definition `thromboxane A~2~ (TxA~2~)` is given.
 */
function withSubscriptNumbers(masked: string, found: MentionToken[]): MentionToken[] {
  for (let i = 0; i < found.length; i++) {
    const mention = found[i]!;
    if (masked.charCodeAt(mention.end) !== 0x7e /* ~ */) continue;
    const subscript = SUBSCRIPT_NUMBER_AFTER.exec(masked.slice(mention.end, mention.end + 9));
    if (subscript) found[i] = mentionToken(mention.start, mention.end + subscript[0].length, masked.slice(mention.start, mention.end + subscript[0].length));
  }
  return found;
}

/** A logarithm's name glued to a quantity (`log2FC`, `log10CFU`, `lnHR`): the quantity is the mention. */
const LOGARITHM = /^(?:log(?:2|10)?|ln)(?=\p{Lu})/u;

/**
 * Mentions that are a logarithm of an abbreviated quantity (`log2FC` after `fold change (FC)`):
 * the quantity's abbreviation is what the reader needs defined, so the mention is that part; a
 * single letter left (`-log10P`) is a symbol, no mention.
 */
function withoutLogarithms(found: MentionToken[]): MentionToken[] {
  let kept: MentionToken[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const mention = found[i]!;
    const log = mention.text.charCodeAt(0) === 0x6c /* l */ ? LOGARITHM.exec(mention.text) : null;
    if (!log) {
      kept?.push(mention);
      continue;
    }
    kept ??= found.slice(0, i);
    const rest = mention.text.slice(log[0].length);
    if (rest.length >= 2) kept.push(mentionToken(mention.start + log[0].length, mention.end, rest));
  }
  return kept ?? found;
}

/**
 * Mentions glued to a bond's locant in brackets before them (`(6-4)PP`, `[6-4]PP`, photoproducts
 * named by the positions they join): the locant is part of the name, as in `6-4PP`. Not a
 * bracket glued to a word before it (`CD8(+)T`), one holding letters (`(S)-MCPG`), nor a
 * citation's range (`(1-3)NK`).
 */
function withLocants(masked: string, found: MentionToken[]): MentionToken[] {
  for (let i = 0; i < found.length; i++) {
    const mention = found[i]!;
    const close = masked.charCodeAt(mention.start - 1);
    if (close !== 0x29 && close !== 0x5d) continue;
    const open = locantBefore(masked, mention.start - 1, close === 0x29 ? '(' : '[');
    if (open !== undefined) found[i] = mentionToken(open, mention.end, masked.slice(open, mention.end));
  }
  return found;
}

/** The offset of the bracket that opens a bond's locant closing at `close` (see {@link bondLocantAt}), when nothing word-like is glued before it. */
function locantBefore(masked: string, close: number, opener: string): number | undefined {
  const open = close - 4;
  if (open < 0 || masked[open] !== opener || bondLocantAt(masked.slice(open, close + 2)) === undefined) return undefined;
  return open > 0 && /[\p{L}\p{N})\]]/u.test(masked.charAt(open - 1)) ? undefined : open;
}

/** Letters from which a lower-case subscript is a word written out rather than clipped. */
const SUBSCRIPT_WORD = 5;

/**
 * A capital letter alone with a pandoc subscript of two or more letters (`T~reg~`, `T~FH~`,
 * `C~max~`): the subscript makes the letter a name, an abbreviation like any other. A symbol
 * with a one-letter or numeric subscript (`K~d~`, `R~0~`) is a quantity, a lower-case word
 * written out (`T~helper~`) names the thing in words, and a word glued to either side
 * (`EC~50~`, `IL-2R~β~`) is read as before.
 */
function isSubscriptedCapital(masked: string, tokens: BlockTokens, k: number): boolean {
  const start = tokens.starts[k]!;
  const end = tokens.ends[k]!;
  const next = tokens.starts[k + 1]!;
  const nextEnd = tokens.ends[k + 1]!;
  if (end - start !== 1 || next !== end + 1 || masked.charCodeAt(end) !== 0x7e /* ~ */ || masked.charCodeAt(nextEnd) !== 0x7e) return false;
  if (nextEnd - next < 2 || (tokens.flags[k + 1]! & (WordFlag.digit | WordFlag.greek | WordFlag.otherScript)) !== 0) return false;
  // A whole word in lower case (`T~helper~`, `C~trough~`) names the thing in words, as `helper T cell` does; clipped
  // subscripts (`reg`, `eff`, `conv`, `max`) are four letters at most.
  if (nextEnd - next >= SUBSCRIPT_WORD && (tokens.flags[k + 1]! & WordFlag.upper) === 0) return false;
  if ((tokens.flags[k]! & WordFlag.upper) === 0) return false;
  // Part of a longer name on either side (`CD4-T~reg~`, `T~reg~-like`): left to the hyphen rules.
  const before = masked.charCodeAt(start - 1);
  return !(before === 0x2d || before === 0x2010 || before === 0x2011 || before === 0x2e || before === 0x2f);
}

/** Characters that glue a letter to its neighbour into something longer than a standalone group (`C57BL/6`, `x:y:z`, `1A/B`). */
const GLUE = new Set([0x2f /* / */, 0x3a /* : */, 0x2d, 0x2010, 0x2011, 0x2013, 0x2e /* . */, 0x27, 0x2019, 0x5f /* _ */, 0x7e /* ~ */, 0x5e /* ^ */, 0x29, 0x5d, 0x7d /* ) ] } */]);

/** True for a single ASCII letter of the case `upper` asks for, at `text[start, end)`. */
function isLetterOfCase(text: string, start: number, end: number, upper: boolean): boolean {
  if (end - start !== 1) return false;
  const code = text.charCodeAt(start);
  return upper ? code >= 0x41 && code <= 0x5a : code >= 0x61 && code <= 0x7a;
}

/**
 * How many words, from word `k`, make a group of two or three single letters of one case joined
 * by one slash or colon each (`R/R`, `A/I`, `E:T`, `r/r`), standing as a word: nothing glued
 * before or after (not `1A/B`, `x/y/z/w`, `A/B-C`, a panel after a cross-reference `]A/B`). 0 when none.
 */
function joinedLettersAt(masked: string, tokens: BlockTokens, k: number): number {
  const { count, starts, ends } = tokens;
  const start = starts[k]!;
  const first = masked.charCodeAt(start);
  const upper = first >= 0x41 && first <= 0x5a;
  if (!isLetterOfCase(masked, start, ends[k]!, upper) || (start > 0 && (GLUE.has(masked.charCodeAt(start - 1)) || isWordCharacterBefore(masked, start)))) return 0;
  const joiner = masked.charCodeAt(ends[k]!);
  if (joiner !== 0x2f && joiner !== 0x3a) return 0;
  let last = k;
  while (last + 1 < count && last - k < 2 && starts[last + 1] === ends[last]! + 1 && masked.charCodeAt(ends[last]!) === joiner && isLetterOfCase(masked, starts[last + 1]!, ends[last + 1]!, upper)) last++;
  if (last === k) return 0;
  const after = masked.charCodeAt(ends[last]!);
  if (GLUE.has(after) && after !== 0x2e && after !== 0x29 && after !== 0x5d && after !== 0x27 && after !== 0x2019) return 0;
  if (after === 0x2e && (characterClassAt(masked, ends[last]! + 1) & CharacterClass.word) !== 0) return 0;
  if ((characterClassAt(masked, ends[last]!) & CharacterClass.word) !== 0) return 0;
  return last - k + 1;
}

/**
 * The family a letter names a member of, right before it: `cathepsins B/L`, `protein A/G`,
 * `hepatitis B/C`, `influenza A/B`, `types A/B`, `panels A/B`, `groups A/B`. Protein families by
 * their endings (`-ase`, `-sin`, `-tin`, `-rin`, `-ein`: kinases, cathepsins, selectins, integrins,
 * proteins); the other heads are the nouns that take letter labels.
 */
const LETTER_FAMILY_BEFORE = /(?:^|[^\p{L}\p{N}])(?:\p{L}{2,}(?:ase|[strei]in)s?|panels?|figures?|figs?\.|types?|subtypes?|serotypes?|groups?|class(?:es)?|categor(?:y|ies)|vitamins?|hepatitis|influenza|chains?|sites?|arms?|cohorts?|lanes?|plates?|wells?|strands?|isoforms?|forms?|blood)[ \u00a0]+$/iu;
/** A ratio's noun after joined letters: the letters are its terms' abbreviations. */
const RATIO_AFTER = /^[ \u00a0]+ratios?(?![\p{L}])/u;
/** What makes joined letters a pair of labels: `A/B testing`, `X/Y axis`, `x:y coordinates`. */
const LETTER_LABELS_AFTER = /^[ \u00a0]+(?:testing|tests?|split|axis|axes|planes?|coordinates?)(?![\p{L}\p{N}])/u;

/**
 * True when joined single letters are an abbreviation (`R/R DLBCL`, `the A/I ratio`, `E:T ratios
 * of 10:1`, `relapsed/refractory (r/r)`) rather than labels: members of a family named before them
 * (`cathepsins B/L`), the arms of a test or axes (`A/B testing`), roman numerals (`I/V`),
 * nucleotides by their codes (`A/T/G`, `G:C`), or a homopolymer's (`poly(I:C)`).
 */
function isLetterAbbreviationInContext(masked: string, start: number, end: number, text: string): boolean {
  if (/^[IVXivx](?:[/:][IVXivx])+$/.test(text) || isChemicalNotation(masked, start, end, text)) return false;
  // Nucleotides by their codes: alternatives (`C>(A/T/G)`) or a base pair (`G:C`); not a ratio (`the A/G ratio`, albumin to globulin).
  if (/^[ACGTU](?:[/:][ACGTU])+$/.test(text) && !RATIO_AFTER.test(masked.slice(end, end + 12))) return false;
  if (LETTER_FAMILY_BEFORE.test(masked.slice(Math.max(0, start - 24), start))) return false;
  return !LETTER_LABELS_AFTER.test(masked.slice(end, end + 16));
}

/** An ASCII capital followed by ASCII lower-case letters only (`The`, `Cells`). */
export function isPlainCapitalisedWord(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

/**
 * Whether the word `[start, end)` and the next (`[nextStart, nextEnd)`) are joined into one token
 * by the one character between them: a hyphen; a point between digits (`NK1.1`), between a capital
 * and a digit that a capital follows (`MM.1S`), or before one capital closing a name that opens
 * with a small letter and ends with a digit (`pMD2.G`, a plasmid's name; not `CD16.A subset`, a
 * space left out, nor `Fig. 2.B`); a slash before a strain part or a number (see below), or
 * between the two halves of a tandem method (`MS/MS`).
 */
function joinsNext(masked: string, start: number, end: number, nextStart: number, nextEnd: number): boolean {
  if (nextStart !== end + 1) return false;
  const joiner = masked.charCodeAt(end);
  if (joiner === 0x2d || joiner === 0x2010 || joiner === 0x2011) return true;
  if (joiner === 0x2e /* . */) {
    const before = characterClassBefore(masked, end);
    const after = characterClassAt(masked, nextStart);
    if ((before & CharacterClass.digit) !== 0 && (after & CharacterClass.digit) !== 0) return true;
    // A plasmid's name opens with a small letter (`pMD2.G`); after capitals the point ends a sentence whose space was left out (`CD16.A subset`).
    if ((before & CharacterClass.digit) !== 0 && (after & CharacterClass.upper) !== 0 && nextEnd === nextStart + 1) {
      return (characterClassAt(masked, start) & CharacterClass.lower) !== 0;
    }
    return (before & CharacterClass.upper) !== 0 && (after & CharacterClass.digit) !== 0 && nextStart + 1 < nextEnd && (characterClassAt(masked, nextStart + 1) & CharacterClass.upper) !== 0;
  }
  if (joiner === 0x2f /* / */) {
    if ((characterClassBefore(masked, end) & (CharacterClass.upper | CharacterClass.lower | CharacterClass.greek | CharacterClass.otherScript)) === 0) return false;
    // A tandem method: `MS/MS` of `LC-MS/MS`, `TOF/TOF`. Other capitals repeated round a slash are two uses (`NK/NK fratricide`, `WT/WT`).
    if (TANDEM_PARTS.has(masked.slice(start, end)) && masked.slice(nextStart, nextEnd) === masked.slice(start, end)) return true;
    return (characterClassAt(masked, nextStart) & CharacterClass.digit) !== 0 || STRAIN_PART.test(masked.slice(nextStart, nextEnd));
  }
  return false;
}
/** The methods run in tandem and written with their capitals on both sides of a slash: mass spectrometry, time of flight. */
const TANDEM_PARTS: ReadonlySet<string> = new Set(['MS', 'TOF']);
/** A strain part after a slash: `c` alone or with a capitalised suffix (`BALB/c`, `BALB/cByJ`). */
const STRAIN_PART = /^c(?:[A-Z][A-Za-z]*)?$/;

function characterClassBefore(text: string, position: number): number {
  const unit = text.charCodeAt(position - 1);
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff && position >= 2;
  return characterClassAt(text, isLowSurrogate ? position - 2 : position - 1);
}

/** A numbered name right before a slash: letters, then the number (`JAK1/`, `ERK1/`). */
const NUMBERED_NAME_BEFORE_SLASH = /\p{L}[\p{L}\p{N}]*\p{N}\/$/u;

/**
 * True when `segment`, at `start`, is a number of one or two digits right after a numbered name
 * and a slash, and the token goes on with a letter (the `2` of `JAK1/2-STAT1`): the name's
 * sibling, JAK2. A number that opens the next name stays in it (`CD28/4-1BB`, `5/5-FU`).
 */
function isSiblingNumberAt(masked: string, start: number, segments: readonly string[]): boolean {
  if (!/^\d{1,2}$/u.test(segments[0]!) || !/^\p{L}/u.test(segments[1] ?? '')) return false;
  return NUMBERED_NAME_BEFORE_SLASH.test(masked.slice(Math.max(0, start - 16), start));
}

/** Adds the mentions of one token `masked[tokenStart, tokenEnd)`: its runs of segments that are not ordinary words. */
function tokenise(masked: string, tokenStart: number, tokenEnd: number, found: MentionToken[]): void {
  const token = masked.slice(tokenStart, tokenEnd);
  // Most tokens are ordinary words: one leading capital and no hyphen.
  if (!HYPHEN.test(token) && !UPPER_AFTER_FIRST.test(token)) return;
  const segments = token.split(/[-\u2010\u2011]/u);
  const kinds: SegmentKind[] = [];
  for (const segment of segments) kinds.push(classify(segment));
  // A number after a numbered name and a slash (`JAK1/2-STAT1`, `ERK1/2-dependent`) is that name's sibling, JAK2: not a part of what follows.
  if (segments.length > 1 && isSiblingNumberAt(masked, tokenStart, segments)) kinds[0] = 'word';
  const bounds: number[] = [];
  for (let s = 0; s < segments.length; s++) bounds.push(s === 0 ? tokenStart : bounds[s - 1]! + segments[s - 1]!.length + 1);
  let runFirst = -1;
  for (let s = 0; s <= segments.length; s++) {
    const isWord = s === segments.length || kinds[s] === 'word';
    if (!isWord && runFirst < 0) runFirst = s;
    if (isWord && runFirst >= 0) {
      const mention = mentionFromRun(masked, segments, kinds, bounds, runFirst, s);
      if (mention) found.push(mention);
      runFirst = -1;
    }
  }
}

/**
 * Removes shouted text, which is no abbreviation: runs of three or more all-capital words in a
 * row on one line, separated by spaces only, and runs of two or more words of capitals (digits
 * allowed) holding an English function word (`(DO THEY?)`, `LINK HERE`, `CITE AIM 2PREPRINT
 * WHEN WE`), as an author's notes to co-authors are written. A list (`ADCC, CDC, ADCP`) or
 * words that meet across a line break are abbreviations.
 */
function dropShouting(masked: string, mentions: MentionToken[]): MentionToken[] {
  const shouted = new Set<number>();
  markRuns(masked, mentions, isAllCapitals, (from, to) => to - from >= 3, shouted);
  if (mentions.some((mention) => SHOUTED_FUNCTION_WORDS.has(mention.text))) {
    markRuns(masked, mentions, (text) => CAPITALS_AND_DIGITS.test(text), (from, to) => to - from >= 2 && mentions.slice(from, to).some((m) => SHOUTED_FUNCTION_WORDS.has(m.text)), shouted);
  }
  return shouted.size === 0 ? mentions : mentions.filter((_, k) => !shouted.has(k));
}

/**
 * English function words written in capitals, which only shouted text holds. Not those that are
 * abbreviations in this field too: `OR` (odds ratio), `IT` (intrathecal), `IS` (immunological
 * synapse), `IF` (immunofluorescence), `ALL`, `WAS`, `ARE`, `AS`, `AT`, `NO`, `IN`, `ON`, `AN`,
 * `DO`, `BE`, `HAS`, `CAN`, `WE`.
 */
const SHOUTED_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'THE', 'AND', 'OF', 'TO', 'FOR', 'WITH', 'FROM', 'BY', 'BEEN', 'DOES', 'THEY', 'THEM', 'OUR', 'YOU',
  'THIS', 'THAT', 'THESE', 'THOSE', 'HERE', 'THERE', 'WHEN', 'WHERE', 'WHAT', 'WHICH', 'WHY', 'HOW', 'NOT', 'BUT',
  'WILL', 'WOULD', 'SHOULD', 'COULD', 'GET', 'HAVE', 'ALSO', 'JUST', 'STILL', 'NEED',
]);
/** A word of capitals, perhaps with digits (`2PREPRINT`). */
const CAPITALS_AND_DIGITS = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u;

/** Adds to `marked` the mentions of each run of `member`s joined by spaces on one line for which `isShouted(from, to)` holds. */
function markRuns(masked: string, mentions: MentionToken[], member: (text: string) => boolean, isShouted: (from: number, to: number) => boolean, marked: Set<number>): void {
  let runStart = 0;
  let previousIsMember = mentions.length > 0 && member(mentions[0]!.text);
  for (let i = 1; i <= mentions.length; i++) {
    const isMember = i < mentions.length && member(mentions[i]!.text);
    const joined = isMember && previousIsMember && /^[ \t]+$/u.test(masked.slice(mentions[i - 1]!.end, mentions[i]!.start));
    if (!joined) {
      if (previousIsMember && isShouted(runStart, i)) for (let k = runStart; k < i; k++) marked.add(k);
      runStart = i;
    }
    previousIsMember = isMember;
  }
}

/** A search term's end before a Boolean operator: a closing quote, a bracket or a truncation star, then spaces. */
const SEARCH_TERM_BEFORE = /["\u201d)*][ \u00a0]+$/u;
/** A search term's start after it: spaces, then an opening quote or bracket. */
const SEARCH_TERM_AFTER = /^[ \u00a0]+["\u201c(]/u;
const TRUNCATION_BEFORE = /\*[ \u00a0]+$/u;
const WORD_AFTER = /^[ \u00a0]+\p{L}/u;

/**
 * A Boolean operator of a search string between quoted or bracketed terms (`"meta-analysis" OR
 * "systematic review"`, `(PTCy) AND (GVHD)`, `transplant* NOT pediatric`), between search steps'
 * numbers (`3 OR 4`), or in a chain of words joined by it (`accuracy OR precision OR validity`):
 * syntax, not an abbreviation, so `OR` there is no first use of odds ratio.
 */
function isSearchOperator(masked: string, start: number, end: number, text: string): boolean {
  if (text !== 'OR' && text !== 'AND' && text !== 'NOT') return false;
  // Search steps combined by their numbers (`3 OR 4`), or a line of terms joined by the operator (`bias OR mean difference OR limit of agreement`).
  if (STEP_NUMBERS.test(masked.slice(Math.max(0, start - 4), end + 4)) || isOperatorLine(masked, start, text)) return true;
  const before = masked.slice(Math.max(0, start - 4), start);
  if (!SEARCH_TERM_BEFORE.test(before)) return false;
  const after = masked.slice(end, end + 4);
  // After a truncated term (`transplant* NOT pediatric`), a plain word is a search term too.
  return SEARCH_TERM_AFTER.test(after) || (TRUNCATION_BEFORE.test(before) && WORD_AFTER.test(after));
}
/** An operator between two search steps' numbers: `1 OR 2`. */
const STEP_NUMBERS = /(?<![\p{L}\p{N}.])\p{N}{1,2}[ \t]+(?:OR|AND|NOT)[ \t]+\p{N}{1,2}(?![\p{L}\p{N}.])/u;
/**
 * Whether the line of the operator at `start` joins terms with it twice or more, or once in a
 * search strategy's numbered step, and no use of it there reads as an odds ratio's: after an
 * article, a qualifier or a bracket (`the OR`, `adjusted OR`, `(OR, 1.8; …)`), or before a value,
 * a stop or the line's end (`OR 2.1`, `OR = 1.4`, `OR, 1.8`, `OR (95% CI …)`); nor a line that
 * reports a confidence interval or a p value. Only a line within reach of the use is read (a
 * paragraph written on one line is no search string).
 */
function isOperatorLine(masked: string, start: number, text: string): boolean {
  const from = Math.max(0, start - OPERATOR_LINE_LONGEST);
  const before = masked.slice(from, start);
  const lineStart = before.lastIndexOf('\n');
  if (lineStart < 0 && from > 0) return false;
  const after = masked.slice(start, start + OPERATOR_LINE_LONGEST);
  const lineEnd = after.indexOf('\n');
  if (lineEnd < 0 && start + OPERATOR_LINE_LONGEST < masked.length) return false;
  const line = before.slice(lineStart + 1) + (lineEnd < 0 ? after : after.slice(0, lineEnd));
  if (STATISTICS_IN_LINE.test(line)) return false;
  let uses = 0;
  for (const use of line.matchAll(OPERATOR_USES[text as 'OR' | 'AND' | 'NOT'])) {
    const preceding = line.slice(Math.max(0, use.index - 14), use.index);
    const following = line.slice(use.index + text.length, use.index + text.length + 6);
    if (QUALIFIER_BEFORE.test(preceding) || VALUE_OR_STOP_AFTER.test(following)) return false;
    uses++;
  }
  return uses >= 2 || (uses === 1 && SEARCH_STEP_LINE.test(line));
}
/** Each operator's uses on a line, as words. */
const OPERATOR_USES = {
  OR: /(?<![\p{L}\p{N}])OR(?![\p{L}\p{N}])/gu,
  AND: /(?<![\p{L}\p{N}])AND(?![\p{L}\p{N}])/gu,
  NOT: /(?<![\p{L}\p{N}])NOT(?![\p{L}\p{N}])/gu,
};
/** A search strategy's numbered step, perhaps in a table's cell: `2. shrew OR …`, `| 2. shrew OR …`. */
const SEARCH_STEP_LINE = /^[ \t]*(?:\|[ \t]*)?\p{N}{1,2}[.)][ \t]/u;
/** How far a search string's line reaches either side of a use. */
const OPERATOR_LINE_LONGEST = 400;
/** A confidence interval or a p value on the line: statistics reported, where `OR` is an odds ratio. */
const STATISTICS_IN_LINE = /(?<![\p{L}])(?:CI|p[ \t]*[<=>])(?![\p{L}])|%[ \t]*CI/u;
/** What an odds ratio follows: an article, a qualifier or a bracket. */
const QUALIFIER_BEFORE = /(?:(?<![\p{L}])(?:the|an|a|each|per|as|adjusted|pooled|crude|summary|overall|unadjusted|multivariable|multivariate|univariate|univariable)[ \t]+|\([ \t]*)$/iu;
/** What an odds ratio comes before: a value, an equals sign, a stop, a bracket opening on a number, or the line's end. */
const VALUE_OR_STOP_AFTER = /^(?:[ \t]*[=<>\p{N},;:)]|[ \t]*\([ \t]*\p{N}|[ \t\r]*$)/u;

/** Two or more upper-case letters and nothing else. */
export function isAllCapitals(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) {
    if ((characterClassAt(text, i) & CharacterClass.upper) === 0) return false;
    letters++;
  }
  return letters >= 2;
}

/** How many characters at the end of `text` (counted in units) have every bit of `bits`. */
function trailingUnitsOf(text: string, end: number, bits: number): number {
  let i = end;
  while (i > 0) {
    const low = text.charCodeAt(i - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
    if ((characterClassAt(text, start) & bits) !== bits) break;
    i = start;
  }
  return end - i;
}

/** For text ending in a digit and three or more lower-case letters (`56bright`): how many units those letters take; else 0. */
function lowerCaseSuffixAfterDigit(text: string): number {
  const letters = trailingUnitsOf(text, text.length, CharacterClass.lower);
  return letters >= 3 && trailingUnitsOf(text, text.length - letters, CharacterClass.digit) > 0 ? letters : 0;
}

/** A word-forming ending on capitals (`PEGylated`, `GABAergic`): the abbreviation used as a stem. */
const DERIVATIONAL_SUFFIX = /(?<=\p{Lu}{2})(?:ylated|ylation|ylating|ergic)$/u;

/** For text of two or more capitals and a word-forming ending: how many units the ending takes (the use is of the stem); else 0. */
function derivationalSuffix(text: string): number {
  return DERIVATIONAL_SUFFIX.exec(text)?.[0].length ?? 0;
}

/**
 * The local number of a compact identifier, right after its prefix's colon: four digits or more
 * with nothing after them that makes a number go on (`:0033127`, `:1612`), not a ratio or a time
 * (`1:10`, `E:T 10:1`, `12:30`), which has fewer digits or another number after it.
 */
const IDENTIFIER_NUMBER_AFTER = /^:\d{4,}(?!\d)(?![.:,]\d|\p{L})/u;
/**
 * A primer named in a forward and reverse pair of one stem, joined by a slash: the stem, then `F`
 * and `R`, perhaps with a number after (`GAPDHF/GAPDHR`, `BT1F/BT1R`, `HAEMNF/HAEMNR2`). Names
 * from a primer table, not abbreviations. A pair of two stems is left: a ligand and its receptor
 * are written so (`EGF/EGFR`, `M-CSF/CSF1R`).
 */
function isPrimerOfPair(masked: string, start: number, end: number, text: string): boolean {
  if (masked.charCodeAt(end) === 0x2f /* / */) {
    const forward = PRIMER.exec(text);
    const reverse = PRIMER.exec(PRIMER_WORD.exec(masked.slice(end + 1, end + 32))?.[0] ?? '');
    return forward?.[2] === 'F' && reverse?.[2] === 'R' && forward[1] === reverse[1];
  }
  if (masked.charCodeAt(start - 1) === 0x2f /* / */) {
    const reverse = PRIMER.exec(text);
    const forward = PRIMER.exec(PRIMER_WORD_BEFORE.exec(masked.slice(Math.max(0, start - 33), start - 1))?.[0] ?? '');
    return forward?.[2] === 'F' && reverse?.[2] === 'R' && forward[1] === reverse[1];
  }
  return false;
}
/** A primer's name: its stem (capitals, digits, hyphens, with a capital) in group 1, `F` or `R` in group 2, perhaps a number. */
const PRIMER = /^([\p{Lu}\p{N}-]*\p{Lu}[\p{Lu}\p{N}-]*?)([FR])\p{N}{0,2}$/u;
const PRIMER_WORD = /^[\p{Lu}\p{N}-]+(?![\p{L}\p{N}])/u;
const PRIMER_WORD_BEFORE = /(?<![\p{L}\p{N}-])[\p{Lu}\p{N}-]+$/u;

/** Two nucleotides set equal to two others, as substitution models write their rates (`AC=CG`, `AT = GT`). */
function isNucleotidePairRate(masked: string, start: number, end: number, text: string): boolean {
  if (!NUCLEOTIDE_PAIR.test(text)) return false;
  return PAIR_RATE_AFTER.test(masked.slice(end, end + 6)) || PAIR_RATE_BEFORE.test(masked.slice(Math.max(0, start - 6), start));
}
const NUCLEOTIDE_PAIR = /^[ACGTU]{2}$/u;
const PAIR_RATE_AFTER = /^[ \u00a0]?=[ \u00a0]?[ACGTU]{2}(?![\p{L}\p{N}])/u;
const PAIR_RATE_BEFORE = /(?<![\p{L}\p{N}])[ACGTU]{2}[ \u00a0]?=[ \u00a0]?$/u;

/** A prime mark: the apostrophe, the right single quotation mark or the prime. */
const PRIME = /['\u2019\u2032]/u;
/** One capital, a dash, the same capital (`B-B`, `C–C`). */
const SAME_LETTER_RANGE = /^(\p{Lu})[-\u2010\u2013]\1$/u;
/** Two numbers or more joined by slashes right before the letters, as a case or file reference ends (`36930/3/LB`; not `1/MIC`, `2022/ICC`). */
const REFERENCE_NUMBERS_BEFORE = /(?<![\p{L}\p{N}/-])\p{N}+(?:\/\p{N}+)+\/$/u;
/** A permit's, a licence's or a case's number named before the letters that open it (`permit number BE 55/16`). */
const REFERENCE_NUMBER_WORDS_BEFORE = /(?<![\p{L}])(?:permit|licen[cs]e|approval|authori[sz]ation|reference|case|file|protocol)[ \u00a0]+(?:no\.?|nr\.?|number|#)[ \u00a0]*$/iu;
/** The number after such letters: digits, perhaps slash- or hyphen-joined to more (`55/16`). */
const REFERENCE_NUMBER_AFTER = /^[ \u00a0]?\p{N}+(?:[/-]\p{N}+)*(?![\p{L}\p{N}])/u;

/** Two or more dotted numbers right after a name (`.2.78` of `MSK.2.78`); one (`MM.1S`, `NK1.1`) is part of the name. */
const DOTTED_NUMBERS_AFTER = /^\.\d+\.\d/u;
/**
 * One dotted number and the sentence going on (`BA.2 and`, `GII.4 strains`, `GI.1 IgG`, `(GI.1)`, `GI.1/GII.4`, `GII.4-specific`):
 * a lineage or genotype designated by letters and a number, one name. A citation number after a full stop
 * (`the TME.12 Next`, `TME.12,13`, `TME.12-14`) is followed by a new sentence or more citation numbers instead.
 */
const DESIGNATION_NUMBER_AFTER = /^\.\d{1,3}(?:[ \u00a0]+(?:\p{Ll}|\p{Lu}[\p{L}\p{N}-]*\p{Lu})|[),;/-](?!\d))/u;

/**
 * A file's extension after the name (`endorS.py`, `QC_report.R`, `GRCh38.fa`, `sample.bam`): a file
 * named, not an abbreviation. The extensions of scripts, data and documents a methods section names,
 * in either case (`RPACKS.TSV` in a draft note written in capitals).
 */
const FILE_EXTENSION_AFTER = /^\.(?:py|R|r|sh|pl|js|ts|jl|nf|ipynb|cpp|java|json|ya?ml|toml|txt|csv|tsv|xlsx?|bam|sam|cram|vcf|bcf|bed|gtf|gff3?|fa|fasta|fna|fq|fastq|gz|zip|tar|h5|h5ad|rds|RData|Rmd|qmd|md|html|pdf|png|svg|tiff?)(?![\p{L}\p{N}])/iu;

/** Up to four more folders, then a file's name and extension, after a slash. */
const PATH_TO_FILE_AFTER = /^(?:\/[\p{L}\p{N}_.-]+){0,4}\/[\p{L}\p{N}_-]+$/u;
/** How far a path after a folder is read. */
const PATH_REACH = 120;

/** Whether the slash at `slash` begins the rest of a path that ends in a file's name with an extension (see {@link FILE_EXTENSION_AFTER}). */
function isFolderOfFile(masked: string, slash: number): boolean {
  const rest = /^[\p{L}\p{N}_./-]+/u.exec(masked.slice(slash, slash + PATH_REACH))?.[0];
  if (rest === undefined) return false;
  // The file's extension is the last dot's; a sentence's full stop after the path is left off.
  const trimmed = rest.replace(/\.$/u, '');
  const dot = trimmed.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSION_AFTER.test(trimmed.slice(dot)) && PATH_TO_FILE_AFTER.test(trimmed.slice(0, dot));
}

/** An English prefix glued to capitals (`nonIBD`, `postHSCT`): a group or time named by the abbreviation, used as a stem. */
const DERIVATIONAL_PREFIX = /^(?:non|pre|post|anti|semi|pseudo|multi|hyper|hypo|inter|intra|trans)(?=\p{Lu}{2})/u;

/** For text of an English prefix and two or more capitals: how many units the prefix takes (the use is of the rest); else 0. */
function derivationalPrefix(text: string): number {
  return DERIVATIONAL_PREFIX.exec(text)?.[0].length ?? 0;
}

/**
 * Ends in `s` after a capital or a digit (`CARs`, `4-1BBs`), or after a lower-case letter
 * when a capital after the first letter comes before it (`mAbs`, `scFvs`, `ACEis`; not `Fas`).
 */
function isPlural(text: string): boolean {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x73 /* s */) return false;
  const before = characterClassAt(text, text.length - 2);
  if ((before & (CharacterClass.upper | CharacterClass.digit)) !== 0) return true;
  if ((before & CharacterClass.lower) === 0) return false;
  // A capital after the first letter: `mAbs`, `ACEis`, but not `Fas` or `Ras`.
  return upperCount(text.slice(1, -2)) > 0;
}

/** An enzyme named by its substrate (`RNase`, `DNase`, `RNases`): a word, not an abbreviation. */
const ENZYME_NAME = /^\p{Lu}+(?:A|\p{Ll}*a)ses?$/u;
/** Eight or more one-letter amino-acid codes in a row: a peptide sequence (`GLNDIFEAQK…`), not an abbreviation. */
const PEPTIDE_SEQUENCE = /^[ACDEFGHIKLMNPQRSTVWY]{8,}$/;
/** The IUPAC three-letter amino-acid codes. */
const RESIDUE = '(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)';
/** A run of one residue written with its count (`6xHis`, `10×His`, `His6`): a tag's notation, not an abbreviation. */
const RESIDUE_REPEAT = new RegExp(`^(?:\\d{1,2}[x\u00d7]${RESIDUE}|${RESIDUE}\\d{1,2})$`, 'u');

/** A unit of digital storage: `kB`, `KB`, `MB`, `GB`, `TB`, `PB`, and the binary `KiB` to `PiB`. */
const BYTE_UNIT = /^(?:[kKMGTP]B|[KMGTP]iB)$/;
/** A binary unit of storage, `KiB` to `PiB`. */
const BINARY_BYTE_UNIT = /^[KMGTP]iB$/;
/** A storage unit glued to its number: `32GB`, `1.5TB`. */
const BYTE_QUANTITY = /^\p{N}+(?:\.\p{N}+)?(?:[kKMGTP]B|[KMGTP]iB)$/u;
/** A quantity of data measured in the unit: `memory in GB`, `file size (MB)`. */
const QUANTITY_BEFORE = /(?:^|[^\p{L}])(?:memory|RAM|storage|disk|space|sizes?)[ \u00a0]+(?:in[ \u00a0]+|\()$/iu;
/**
 * What follows a quantity of data: punctuation, the end, a number, or a word that goes with an
 * amount (`32 GB of memory`, `32 GB RAM`, `2 TB per sample`). A noun that counts things does not:
 * `12 MB tumors` are twelve medulloblastomas, `3 TB patients` three with tuberculosis.
 */
const AFTER_BYTE_UNIT = /^(?:[ \u00a0]*(?:[^\p{L}\p{N}\s]|\n|$)|[ \u00a0]+(?:\p{N}|(?:of|per|and|or|to|vs\.?|versus|memory|RAM|storage|disk|space|files?|each)(?![\p{L}\p{N}])))/u;

/**
 * True for a unit of digital storage written as a quantity (`32 GB of memory`, `32GB`, `peak
 * memory in GB`): a unit, not an abbreviation. `MB` or `TB` elsewhere may be one
 * (medulloblastoma, tuberculosis), so the unit is read only with its number or quantity.
 */
function isByteQuantity(masked: string, start: number, end: number, text: string): boolean {
  // A binary unit (`GiB`, `MiB`) names nothing else: a unit wherever it stands.
  if (BYTE_QUANTITY.test(text) || BINARY_BYTE_UNIT.test(text)) return true;
  if (!BYTE_UNIT.test(text)) return false;
  const before = masked.slice(Math.max(0, start - 20), start);
  return QUANTITY_BEFORE.test(before) || (NUMBER_JUST_BEFORE.test(before) && AFTER_BYTE_UNIT.test(masked.slice(end, end + 12)));
}

/** `AM` or `PM` right after an hour on a 12-hour clock (`12 AM`, `7:30 PM`, `9pm` aside): the time of day, not an abbreviation. */
function isClockTime(masked: string, start: number, text: string): boolean {
  return (text === 'AM' || text === 'PM') && HOUR_BEFORE.test(masked.slice(Math.max(0, start - 7), start));
}
const HOUR_BEFORE = /(?<![\p{N}.:])(?:1[0-2]|0?[1-9])(?::[0-5]\p{N})?[ \u00a0]?$/u;

/** True for an amino-acid substitution written in one-letter codes (`G12D`, `D614G`): a mutation's name, never an abbreviation. */
export function isAminoAcidSubstitution(text: string): boolean {
  return AMINO_ACID_SUBSTITUTION.test(text);
}

/** A tandem method's capitals, the same on both sides of the slash (`MS/MS`, `LC-MS/MS`): an abbreviation, not a strain. */
const TANDEM_METHOD = /(?:^|[-\u2010\u2011])(\p{Lu}{2,})\/\1$/u;

/** True for catalogue and nomenclature names shaped like abbreviations (see CATALOGUE_NUMBER); a strain with a slash (`C57BL/6`) too. */
function isCatalogueName(text: string): boolean {
  if (text.includes('/')) return !TANDEM_METHOD.test(text);
  if (ENZYME_NAME.test(text) || PEPTIDE_SEQUENCE.test(text) || RESIDUE_REPEAT.test(text) || isNotation(text)) return true;
  if (CATALOGUE_NUMBER.test(text) && !CD_MARKER.test(text)) return true;
  return INFLUENZA_SUBTYPE.test(text) || AMINO_ACID_SUBSTITUTION.test(text) || ELIDED_RECEPTOR_CHAIN.test(text);
}

function mentionFromRun(
  masked: string,
  segments: string[],
  kinds: SegmentKind[],
  bounds: number[],
  first: number,
  stop: number,
): MentionToken | undefined {
  // Leading digits belong only if an abbreviation follows (`4-1BB`).
  let hasAbbr = false;
  let uppercase = 0;
  for (let s = first; s < stop; s++) {
    if (kinds[s] === 'abbr') hasAbbr = true;
    uppercase += upperCount(segments[s]!);
  }
  if (!hasAbbr && !(stop - first >= 2 && uppercase >= 2)) return undefined;
  // A run may not end in a bare number after a dash that reads as a range (`CD19-20`)?
  // Hyphenated numbers are kept: `IL-15`, `NK-92`, `PD-1`.
  let allRoman = true;
  for (let s = first; s < stop && allRoman; s++) allRoman = ROMAN.test(segments[s]!);
  if (allRoman) return undefined;
  // A subtype's label, a roman numeral and its letter standing alone (`phase IIb`, `integrin α~IIb~`): no abbreviation.
  if (stop - first === 1 && ROMAN_SUBTYPE.test(segments[first]!)) return undefined;
  const last = segments[stop - 1]!;
  let start = bounds[first]!;
  // One with a capital letter after a word naming the kind of label (`Type IIA`, `stage IIIB`,
  // `fibres of type I, IIA and IIX`): elsewhere the shape is an abbreviation's too (`IVF`, `IVC`).
  if (ROMAN_CAPITAL_SUBTYPE.test(segments[first]!) && segments.slice(first, stop).every((segment) => ROMAN_CAPITAL_SUBTYPE.test(segment) || ROMAN.test(segment)) && LABEL_KIND_BEFORE.test(masked.slice(Math.max(0, start - 60), start))) return undefined;
  // Joined by a dot to what comes before (`CD19.BB.z-CAR`, a construct named by its parts): part of one name.
  if (masked.charCodeAt(start - 1) === 0x2e /* . */ && isWordCharacterBefore(masked, start - 1)) return undefined;
  let end = bounds[stop - 1]! + last.length;
  // Letters numbered with two or more dotted numbers (`MSK.2.78`, an isolate), or one with the sentence going on
  // (`GII.4 strains`, a genotype): one identifier, not an abbreviation.
  if (masked.charCodeAt(end) === 0x2e /* . */) {
    const after = masked.slice(end, end + 8);
    if (DOTTED_NUMBERS_AFTER.test(after) || DESIGNATION_NUMBER_AFTER.test(after) || FILE_EXTENSION_AFTER.test(after)) return undefined;
  }
  // A folder of a path that ends in a file's name (`FIGS/RPACKS.TSV`, `results/QC/report.html`).
  if (masked.charCodeAt(end) === 0x2f /* / */ && isFolderOfFile(masked, end)) return undefined;
  // An ontology's or a registry's prefix on an identifier (`HP:0033127`, `GO:0006955`, `DOID:1612`): the whole is one identifier.
  if (masked.charCodeAt(end) === 0x3a /* : */ && IDENTIFIER_NUMBER_AFTER.test(masked.slice(end, end + 16))) return undefined;
  let text = masked.slice(start, end);
  // A primer pair of one stem (`GAPDHF/GAPDHR`, `BT1F/BT1R`) or rates of nucleotide pairs (`AC=CG, AT=GT`): names and notation.
  if (isPrimerOfPair(masked, start, end, text) || isNucleotidePairRate(masked, start, end, text)) return undefined;
  // Panels named by a letter and its primed twin (`(B-B′)`, `C–C'`): a range of panels, as `(A-C)` is.
  if (PRIME.test(masked.charAt(end)) && SAME_LETTER_RANGE.test(text)) return undefined;
  // A case or permit reference's letters (`51549/3/AH`, `permit number BE 55/16`): part of the reference.
  if (masked.charCodeAt(start - 1) === 0x2f /* / */ && (characterClassAt(masked, start) & CharacterClass.upper) !== 0 && REFERENCE_NUMBERS_BEFORE.test(masked.slice(Math.max(0, start - 24), start))) return undefined;
  if (REFERENCE_NUMBER_AFTER.test(masked.slice(end, end + 16)) && REFERENCE_NUMBER_WORDS_BEFORE.test(masked.slice(Math.max(0, start - 32), start))) return undefined;
  if (trailingUnitsOf(last, last.length, CharacterClass.digit) >= 3 && !CD_MARKER.test(text)) return undefined;
  if (isCatalogueName(text) || isByteQuantity(masked, start, end, text) || isStateOrProvinceOfPlace(masked, start, end, text) || isSearchOperator(masked, start, end, text) || isClockTime(masked, start, text)) return undefined;
  // An allele in a genotype's brackets (`met15/MET15`) or chemical notation (`malonyl-CoA`, `oligo(dT)`), at this use only.
  if (isAlleleNotation(masked, start, end, text) || isChemicalNotation(masked, start, end, text)) return undefined;
  const suffixLength = lowerCaseSuffixAfterDigit(text) || derivationalSuffix(text);
  if (suffixLength > 0) {
    end -= suffixLength;
    text = masked.slice(start, end);
  }
  const prefixLength = derivationalPrefix(text);
  if (prefixLength > 0) {
    start += prefixLength;
    text = masked.slice(start, end);
  }
  if (isPlural(text) && text.length > 2) {
    end -= 1;
    text = text.slice(0, -1);
    // `UniRef90s`: the plural of a catalogue name or notation is one too.
    if (isCatalogueName(text)) return undefined;
  }
  const after = masked.slice(end, end + 3);
  // `ARMOR'ed`: a name turned into a word; a possessive (`CAR's`) is not this.
  if ((after[0] === "'" || after[0] === '\u2019') && /^\p{Ll}/u.test(after[1] ?? '') && !(after[1] === 's' && !/[\p{L}\p{N}]/u.test(after[2] ?? ''))) return undefined;
  const isAllele = after[0] === '*' && (characterClassAt(after, 1) & CharacterClass.digit) !== 0;
  if (isAllele) return undefined; // HLA allele such as HLA-A*02:01
  if (after[0] === ':' && isCapitalisedWord(text)) return undefined; // RESULTS:
  if (isSectionName(masked, end, text)) return undefined;
  return mentionToken(start, end, text);
}
