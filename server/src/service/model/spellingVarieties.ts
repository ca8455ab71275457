import { NUMBER_JUST_BEFORE } from '../text/characters';
import { oncePerTokenPass, WordFlag, type BlockTokens } from '../text/tokens';
import { forEachNameForm, writtenForm } from './nameForms';

/**
 * British and American spellings of one word, as a copy-editor matches them: `tumour` and
 * `tumor`, `haematological` and `hematological`, `leukaemia` and `leukemia`, `centre` and
 * `center`, `labelled` and `labeled`, `analysed` and `analyzed`. Each family is a closed set of
 * stems, so that no ordinary word is read as a variant of another (`four` and `for`, `filled`
 * and `filed`, `humoral`, `colorectal` and `laboratory` are the same in both).
 *
 * `-ize` is no mark of either: British publishers that follow Oxford spelling write `-ize` too,
 * and `-ise` verbs are spelt so in both (`advised`, `revised`); `-isation` is British. Otherwise
 * only the same word written both ways (`randomised`, `randomized`) is a mix.
 */

/** The two spellings a word may be written in. */
export type SpellingVariety = 'british' | 'american';

/** One use of a word whose spelling marks a variety, or of a word written with `-ise` or `-ize`. */
export interface SpellingMark {
  /** The word as written, in lower case (capitalised words are names: `Center for …`). */
  readonly word: string;
  /** Offset of the word, relative to where it was read. */
  readonly start: number;
  /** The variety the word's spelling belongs to; `undefined` for `-ise`/`-ize` and `judgement`/`judgment`, which mark neither. */
  readonly variety: SpellingVariety | undefined;
  /** The same word in the other spelling. */
  readonly counterpart: string;
}

/**
 * One family: the British and the American word's shapes (each matched on the whole word), and
 * how a word of one becomes the other.
 */
interface Family {
  readonly british: string;
  readonly american: string;
  readonly toAmerican: (word: string) => string;
  readonly toBritish: (word: string) => string;
}

/** The `-aemia` conditions: `leukaemia`, `anaemic`, `hypoglycaemia`, `bacteraemia`. */
const AEMIA_STEMS = '(?:leuk|an|isch|glyc|septic|bacter|vir|ur|lip|tox|hypox)';
/** Endings after `-our`/`-or` that keep the variety mark (`coloured`, `behavioural`, `favourable`). */
const OUR_ENDINGS = '(?:s|ed|ing|al|ally|able|ably|ite|ites|less|ful|hood)?';
/** Endings after a doubled `l` in British spelling (`labelled`, `modelling`, `signallers`). */
const LL_ENDING = /l(?=(?:ed|ing|ers?)$)/u;

/**
 * A family whose words differ in one part only: the British shape and the American one, then the
 * part as each writes it, a pattern to find it and the text that replaces it in the other spelling.
 */
function swap(british: string, american: string, britishPart: { find: RegExp; text: string }, americanPart: { find: RegExp; text: string }): Family {
  return {
    british,
    american,
    toAmerican: (word) => word.replace(britishPart.find, americanPart.text),
    toBritish: (word) => word.replace(americanPart.find, britishPart.text),
  };
}

const FAMILIES: readonly Family[] = [
  // tumour, antitumour, intratumoural, tumourigenic
  swap('[a-z]*tumour[a-z]*', '[a-z]*tumor[a-z]*', { find: /tumour/u, text: 'tumour' }, { find: /tumor/u, text: 'tumor' }),
  // haematological, haemoglobin, haemorrhage, haemophagocytic
  swap('haem(?:at|o|orrh)[a-z]*', 'hem(?:at|o|orrh)[a-z]*', { find: /^haem/u, text: 'haem' }, { find: /^hem/u, text: 'hem' }),
  swap(`[a-z]*${AEMIA_STEMS}aemi(?:a|as|c|cs)`, `[a-z]*${AEMIA_STEMS}emi(?:a|as|c|cs)`, { find: /aemi/u, text: 'aemi' }, { find: /emi(?=(?:a|as|c|cs)$)/u, text: 'emi' }),
  swap('(?:lymph)?oedema(?:s|tous)?', '(?:lymph)?edema(?:s|tous)?', { find: /oedem/u, text: 'oedem' }, { find: /edem/u, text: 'edem' }),
  swap('oesophag[a-z]*', 'esophag[a-z]*', { find: /^oesophag/u, text: 'oesophag' }, { find: /^esophag/u, text: 'esophag' }),
  swap('paediatric[a-z]*', 'pediatric[a-z]*', { find: /^paed/u, text: 'paed' }, { find: /^ped/u, text: 'ped' }),
  // The hormones' drug names in the international spelling (`estradiol`, `estriol`) mark no variety: the British
  // Approved Names took it, so British text writes them so too; `oestradiol` still marks British.
  swap('oestr(?:ogen|adiol|iol|one|us)[a-z]*', 'estr(?:ogen|us)[a-z]*', { find: /^oestr/u, text: 'oestr' }, { find: /^estr/u, text: 'estr' }),
  swap('gynaecolog[a-z]*', 'gynecolog[a-z]*', { find: /^gynaec/u, text: 'gynaec' }, { find: /^gynec/u, text: 'gynec' }),
  // The ae and oe of clinical words (`fetal` is left out: British journals write it too).
  swap('aetiolog[a-z]*', 'etiolog[a-z]*', { find: /^aet/u, text: 'aet' }, { find: /^et/u, text: 'et' }),
  swap('anaesthe[a-z]*', 'anesthe[a-z]*', { find: /^anae/u, text: 'anae' }, { find: /^ane/u, text: 'ane' }),
  swap('caesareans?', 'cesareans?', { find: /^cae/u, text: 'cae' }, { find: /^ce/u, text: 'ce' }),
  swap('coeliac', 'celiac', { find: /^coe/u, text: 'coe' }, { find: /^ce/u, text: 'ce' }),
  swap('diarrhoea[a-z]*', 'diarrhea[a-z]*', { find: /rhoea/u, text: 'rhoea' }, { find: /rhea/u, text: 'rhea' }),
  swap('(?:dysp|ap)noea', '(?:dysp|ap)nea', { find: /noea$/u, text: 'noea' }, { find: /nea$/u, text: 'nea' }),
  swap('orthopaedics?', 'orthopedics?', { find: /paed/u, text: 'paed' }, { find: /ped/u, text: 'ped' }),
  swap('faec(?:es|al)', 'fec(?:es|al)', { find: /^faec/u, text: 'faec' }, { find: /^fec/u, text: 'fec' }),
  swap(
    `(?:colour|behaviour|favour|armour|labour|honour|odour|vapour|rumour|neighbour|flavour|harbour)${OUR_ENDINGS}`,
    `(?:color|behavior|favor|armor|labor|honor|odor|vapor|rumor|neighbor|flavor|harbor)${OUR_ENDINGS}`,
    { find: /our/u, text: 'our' },
    { find: /or/u, text: 'or' },
  ),
  {
    british: '(?:centre|fibre)(?:s|d)?|(?:milli|micro|nano|deci)?litres?|(?:milli|centi|micro|nano|kilo)metres?',
    american: '(?:center|fiber)(?:s|ed)?|(?:milli|micro|nano|deci)?liters?|(?:milli|centi|micro|nano|kilo)meters?',
    toAmerican: (word) => word.replace(/re(s|d)?$/u, (_all, end?: string) => (end === 'd' ? 'ered' : `er${end ?? ''}`)),
    toBritish: (word) => word.replace(/er(ed|s)?$/u, (_all, end?: string) => (end === 'ed' ? 'red' : `re${end ?? ''}`)),
  },
  {
    british: '(?:label|model|signal|travel|channel|fuel|level|counsel)l(?:ed|ing|ers?)',
    american: '(?:label|model|signal|travel|channel|fuel|level|counsel)(?:ed|ing|ers?)',
    toAmerican: (word) => word.replace(LL_ENDING, ''),
    toBritish: (word) => word.replace(LL_ENDING, 'll'),
  },
  swap('(?:anal|paral|catal|dial|hydrol)ys(?:e|ed|ing)', '(?:anal|paral|catal|dial|hydrol)yz(?:e|ed|es|ing)', { find: /ys(?=[a-z]*$)/u, text: 'ys' }, { find: /yz(?=[a-z]*$)/u, text: 'yz' }),
  swap('defences?', 'defenses?', { find: /defenc/u, text: 'defenc' }, { find: /defens/u, text: 'defens' }),
  swap('enrolments?', 'enrollments?', { find: /enrolm/u, text: 'enrolm' }, { find: /enrollm/u, text: 'enrollm' }),
  swap('artefact(?:s|ual)?', 'artifact(?:s|ual)?', { find: /^artef/u, text: 'artef' }, { find: /^artif/u, text: 'artif' }),
  swap('grey(?:s|ish|scale|ed|ing)?', 'gray(?:s|ish|scale|ed|ing)?', { find: /^grey/u, text: 'grey' }, { find: /^gray/u, text: 'gray' }),
];

/** Each family's two shapes, anchored, in the order of FAMILIES. */
const ANCHORED = FAMILIES.map((entry) => ({ british: new RegExp(`^(?:${entry.british})$`, 'u'), american: new RegExp(`^(?:${entry.american})$`, 'u'), entry }));

/**
 * `judgement` and `judgment`, `acknowledgement` and `acknowledgment`: the `e` kept or dropped
 * before `-ment`, which both varieties write (American dictionaries list `judgement`, British
 * law writes `judgment`); like `-ise` and `-ize`, no mark of either, but one word written both
 * ways is a mix. A closed set of stems: `element`, `segment` and `pigment` are other words.
 */
const E_BEFORE_MENT = /^(judg|acknowledg|abridg|lodg)(e?)(ments?|mental(?:ly)?)$/u;

/** `-ise` and `-ize` (and `-isation`, `-ization`) after a stem of three letters or more. */
const ISE = /^([a-z]{3,})is(e|ed|es|ing|ation|ations)$/u;
const IZE = /^([a-z]{3,})iz(e|ed|es|ing|ation|ations)$/u;

/** Each variety's words, any family, anchored: one test tells a word of neither apart. */
const ANY_BRITISH = new RegExp(`^(?:${FAMILIES.map((entry) => entry.british).join('|')})$`, 'u');
const ANY_AMERICAN = new RegExp(`^(?:${FAMILIES.map((entry) => entry.american).join('|')})$`, 'u');
/**
 * What any family's word, an `-ise`/`-ize` word or a `-gement` one holds: most words hold none of these, and
 * are passed over after one test.
 */
const MAY_BE_MARKED = /tumo|haem|hem[ao]|hemorrh|aemi|emi[ac]|edem|sophag|ediatr|estr|gyn|colo|behavio|favo|armo|labo|hono|odo|vapo|rumo|neighbo|flavo|harbo|cent|fib|lit[re]|met[re]|label|model|signal|travel|channel|fuel|level|counsel|ys|yz|defen|enrol|i[sz](?:e|ing|ation)|gem|gm|etiol|na?esth|caes|cesar|coeliac|celiac|diarrh|pn(?:o?ea)|orthop|fa?ec[ae]|art[ei]f|gr[ae]y/;

/** A word of lower-case letters only: no capital, digit or letter beyond ASCII among its flags. */
const NOT_LOWER_ASCII = WordFlag.upper | WordFlag.digit | WordFlag.nonAscii;
/** A capital, then lower-case letters only: an ordinary word at the start of a sentence, or a name. */
const CAPITALISED = /^[A-Z][a-z]+$/;
/** What may stand between a sentence's end (or a block's start) and its first word: spaces, quotes, emphasis, a heading's marks. */
const BEFORE_FIRST_WORD = /[\s"'\u2018\u201c*_#>(]/u;

/**
 * The words of a block whose spelling marks a variety (see the families above), that end in
 * `-ise` or `-ize`, or that keep or drop the `e` before `-ment` (`judgement`), read off the
 * block's token pass (`tokens`, offsets relative to `start` in `text`); offsets of the marks are
 * relative to `start` too. Words in lower case count, and a
 * capitalised word that opens a sentence (`Tumour cells …`); a capitalised word elsewhere is a
 * name and keeps its spelling (`the Center for Cancer Research`, `World Health Organization`).
 */
export function spellingMarksIn(text: string, start: number, tokens: BlockTokens): SpellingMark[] {
  const marks: SpellingMark[] = [];
  const { starts, ends, flags } = tokens;
  for (let k = 0; k < tokens.count; k++) {
    const flag = flags[k]!;
    if ((flag & (WordFlag.digit | WordFlag.nonAscii)) !== 0 || ends[k]! - starts[k]! < 4) continue;
    let word = text.slice(start + starts[k]!, start + ends[k]!);
    const capitalised = (flag & NOT_LOWER_ASCII) !== 0;
    if (capitalised && !(CAPITALISED.test(word) && opensSentence(text, start, start + starts[k]!))) continue;
    if (capitalised) word = word.toLowerCase();
    if (!MAY_BE_MARKED.test(word)) continue;
    let read = readings.get(word);
    if (read === undefined) {
      if (readings.size > 10_000) readings.clear();
      readings.set(word, (read = readingOf(word)));
    }
    if (!read) continue;
    // `24 gray`, `12 grays`: the unit of absorbed dose, spelt so in both varieties.
    if (DOSE_UNIT.test(word) && NUMBER_JUST_BEFORE.test(text.slice(Math.max(start, start + starts[k]! - 4), start + starts[k]!))) continue;
    if (!capitalised) marks.push({ word, start: starts[k]!, variety: read.variety, counterpart: read.counterpart });
    else marks.push({ word: capitalise(word), start: starts[k]!, variety: read.variety, counterpart: capitalise(read.counterpart) });
  }
  return marks;
}

/** The gray, the unit of absorbed dose, in the singular or the plural. */
const DOSE_UNIT = /^grays?$/u;

/** Whether the word at `offset` is the first of a sentence: only spaces, quotes or markup after a sentence's end or the block's start. */
function opensSentence(text: string, blockStart: number, offset: number): boolean {
  let i = offset - 1;
  while (i >= blockStart && BEFORE_FIRST_WORD.test(text[i]!)) i--;
  return i < blockStart || text[i] === '.' || text[i] === '!' || text[i] === '?' || text[i] === ':';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * What a word's spelling says, once per word: a text repeats the few words that carry a mark, and
 * so do the documents of one session. Module-wide because the answer depends on the word alone
 * (no document, no setting), and bounded, since hostile input may hold any number of words.
 */
const readings = new Map<string, Pick<SpellingMark, 'variety' | 'counterpart'> | null>();

/** The variety `word`'s spelling marks and its other spelling, or `null`. */
function readingOf(word: string): Pick<SpellingMark, 'variety' | 'counterpart'> | null {
  const ise = ISE.exec(word);
  // `-isation` is British alone (American spelling writes `-ization` only); `-ise` verbs are spelt so in both (`advised`, `revised`).
  if (ise) return { variety: ise[2]!.startsWith('ation') ? 'british' : undefined, counterpart: `${ise[1]}iz${ise[2]}` };
  const ize = IZE.exec(word);
  if (ize) return { variety: undefined, counterpart: `${ize[1]}is${ize[2]}` };
  const ment = E_BEFORE_MENT.exec(word);
  if (ment) return { variety: undefined, counterpart: `${ment[1]}${ment[2] ? '' : 'e'}${ment[3]}` };
  const british = ANY_BRITISH.test(word);
  if (!british && !ANY_AMERICAN.test(word)) return null;
  for (let i = 0; i < ANCHORED.length; i++) {
    const { entry } = ANCHORED[i]!;
    if (british && ANCHORED[i]!.british.test(word)) return { variety: 'british', counterpart: entry.toAmerican(word) };
    if (!british && ANCHORED[i]!.american.test(word)) return { variety: 'american', counterpart: entry.toBritish(word) };
  }
  return null;
}

/** Which pair that marks neither variety a word belongs to: `-ise`/`-ize` (`randomised`) or the `e` before `-ment` (`judgement`). */
export function unmarkedPairOf(word: string): 'ise-ize' | 'e-before-ment' | undefined {
  const lower = word.toLowerCase();
  if (ISE.test(lower) || IZE.test(lower)) return 'ise-ize';
  return E_BEFORE_MENT.test(lower) ? 'e-before-ment' : undefined;
}

/** The same word in the other spelling (`tumour` for `tumor`, `randomized` for `randomised`), if its spelling marks one. */
export function otherSpellingOf(word: string): string | undefined {
  if (!MAY_BE_MARKED.test(word)) return undefined;
  let read = readings.get(word);
  if (read === undefined) {
    if (readings.size > 10_000) readings.clear();
    readings.set(word, (read = readingOf(word)));
  }
  return read?.counterpart;
}

/** The same word in the singular and the plural share a key: a final `s` does not count (`tumor`, `tumors`). */
export function spellingWordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** How often a document writes each marked word, by {@link spellingWordKey}, and in which variety. */
export interface SpellingCounts {
  british: number;
  american: number;
  /** Uses of each word, by key, `-ise`/`-ize` forms included. */
  words: Record<string, number>;
  /** Uses of each name form outside headings and italics, as written (see `nameForms.ts`). */
  names?: Record<string, number>;
  /** In a book: the name forms that files read before this one write (of two spellings written as often, the earlier is kept). */
  earlierNames?: string[];
}

/**
 * The spelling counts of `blocks` read with `tokensOf(index)`: what a book's other files tell a
 * file about the manuscript's spelling, so that one manuscript gets one majority.
 */
export function spellingCountsOf(text: string, masked: string, blocks: readonly { start: number; end: number; kind: string }[], tokensOf: (index: number) => BlockTokens): SpellingCounts {
  const counts: SpellingCounts = { british: 0, american: 0, words: {} };
  const names: Record<string, number> = {};
  for (let index = 0; index < blocks.length; index++) {
    for (const mark of blockSpellingMarks(masked, blocks[index]!.start, tokensOf(index), blocks[index]!.end)) {
      if (mark.variety) counts[mark.variety]++;
      const key = spellingWordKey(mark.word);
      counts.words[key] = (counts.words[key] ?? 0) + 1;
    }
  }
  forEachNameForm(text, masked, blocks, tokensOf, (_, start, end) => {
    const written = writtenForm(masked, start, end);
    names[written] = (names[written] ?? 0) + 1;
  });
  if (Object.keys(names).length > 0) counts.names = names;
  return counts;
}

/** The spelling marks of the block starting at `start` in `masked`, whose token pass is `tokens` (see {@link spellingMarksIn}), read once per token pass (the rule and a book's summary of the file share them). */
export const blockSpellingMarks = oncePerTokenPass(spellingMarksIn);
