import { blockSpellingMarks, spellingWordKey, unmarkedPairOf, type SpellingVariety } from '../model/spellingVarieties';
import type { Finding, RuleContext } from './types';

/** The uses of one word, singular and plural alike (`tumor`, `tumors`), in document order. */
interface WordUses {
  /** The word as first written. */
  readonly word: string;
  readonly variety: SpellingVariety | undefined;
  /** The key of the same word in the other spelling. */
  readonly counterpartKey: string;
  readonly uses: { start: number; word: string; counterpart: string }[];
}

/** How a variety is named in a message. */
const VARIETY_NAMES: Record<SpellingVariety, string> = { british: 'British', american: 'American' };

/** How many of the other spelling's words the message names. */
const EXAMPLES = 3;

/**
 * `inconsistent-variants` for spelling: British and American spelling mixed in one document
 * (`tumour` thirty times, `tumor` three times, or `leukaemia` beside `center`), reported at the
 * first use of each word of the less used spelling (the `spelling` setting decides a tie), and
 * one word written both with `-ise` and `-ize` (`randomised`, `randomized`) or with and without
 * the `e` before `-ment` (`judgement`, `judgment`), reported at the less used form. The fix
 * rewrites every use of the word in the other spelling.
 */
export function checkMixedSpelling(context: RuleContext): Finding[] {
  const words = wordUses(context);
  if (words.size === 0) return [];
  // In a book, the other files count too: one manuscript has one majority and one piece of advice.
  const book = context.bookSpellings;
  const counts = { british: book?.british ?? 0, american: book?.american ?? 0 };
  for (const uses of words.values()) if (uses.variety) counts[uses.variety] += uses.uses.length;
  const where = book ? 'this manuscript' : 'this document';
  /** Uses of a word here and in the book's other files. */
  const usesOf = (key: string, here: WordUses | undefined): number => (here?.uses.length ?? 0) + (book?.words[key] ?? 0);
  const findings: Finding[] = [];
  // Words the variety check reports: their `-ize` twin needs no second finding.
  const reported = new Set<WordUses>();
  if (counts.british > 0 && counts.american > 0) {
    const minority: SpellingVariety =
      counts.british === counts.american ? (context.spelling === 'en-GB' ? 'american' : 'british') : counts.british < counts.american ? 'british' : 'american';
    const majority: SpellingVariety = minority === 'british' ? 'american' : 'british';
    const examples = [...words.values()]
      .filter((uses) => uses.variety === majority)
      .sort((a, b) => b.uses.length - a.uses.length || a.uses[0]!.start - b.uses[0]!.start)
      .slice(0, EXAMPLES)
      .map((uses) => uses.word);
    const named = examples.length > 0 ? `${examples.join(', ')}: ` : '';
    for (const uses of words.values()) {
      if (uses.variety !== minority) continue;
      const message =
        `'${uses.word}' is ${VARIETY_NAMES[minority]} spelling, and ${where} otherwise spells the ${VARIETY_NAMES[majority]} way ` +
        `(${named}${counts[majority]} ${VARIETY_NAMES[majority]} forms against ${counts[minority]} ${VARIETY_NAMES[minority]}); use one spelling throughout.`;
      findings.push(respelling(uses, message, { variety: minority, british: counts.british, american: counts.american }));
      reported.add(uses);
    }
  }
  // One word written with `-ise` and `-ize` (`randomised`, `randomized`), or with `-isation` and
  // `-ization` where the variety check left the `-isation` one alone (British is the majority).
  for (const [key, uses] of words) {
    const other = words.get(uses.counterpartKey);
    const otherUses = usesOf(uses.counterpartKey, other);
    // A pair of varieties is the variety check's (a counterpart only another file writes is taken for one).
    if (otherUses === 0 || (uses.variety && (other === undefined || other.variety)) || reported.has(uses) || (other && reported.has(other))) continue;
    // The less used of the two is reported; of two used alike, the later one (in this file: another file's are not placed here).
    const ownUses = usesOf(key, uses);
    if (ownUses > otherUses || (ownUses === otherUses && (!other || !isLessUsed(uses, other)))) continue;
    const otherWord = other?.word ?? uses.uses[0]!.counterpart;
    const message = `'${uses.word}' and '${otherWord}' are the same word, written both ways in ${where} (${ownUses} and ${otherUses} times); use one spelling throughout.`;
    findings.push(respelling(uses, message, { variety: unmarkedPairOf(uses.word) ?? 'ise-ize' }));
  }
  return findings;
}

/** Whether `uses` is written less often than `other`, or as often and first later. */
function isLessUsed(uses: WordUses, other: WordUses): boolean {
  return uses.uses.length < other.uses.length || (uses.uses.length === other.uses.length && uses.uses[0]!.start > other.uses[0]!.start);
}

/** Every marked word's uses in the document's prose, by the word as written. */
function wordUses(context: RuleContext): Map<string, WordUses> {
  const { model } = context;
  const masked = model.prose.masked;
  const words = new Map<string, WordUses>();
  for (let index = 0; index < model.prose.blocks.length; index++) {
    const block = model.prose.blocks[index]!;
    const tokens = model.blockTokens[index]!;
    const marks = blockSpellingMarks(masked, block.start, tokens, block.end);
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i]!;
      const key = spellingWordKey(mark.word);
      const use = { start: block.start + mark.start, word: mark.word, counterpart: mark.counterpart };
      const found = words.get(key);
      if (found) found.uses.push(use);
      else words.set(key, { word: mark.word, variety: mark.variety, counterpartKey: spellingWordKey(mark.counterpart), uses: [use] });
    }
  }
  return words;
}

/** The finding at a word's first use, with the fix that writes every use in the other spelling. */
function respelling(uses: WordUses, message: string, data: Record<string, unknown>): Finding {
  const first = uses.uses[0]!;
  const count = uses.uses.length;
  return {
    rule: 'inconsistent-variants',
    start: first.start,
    end: first.start + first.word.length,
    message,
    data: { form: first.word, dominant: first.counterpart, uses: count, spelling: data },
    fixes: [
      {
        title: count > 1 ? `Replace all ${count} with '${first.counterpart}'` : `Replace with '${first.counterpart}'`,
        edits: uses.uses.map((use) => ({ start: use.start, end: use.start + use.word.length, newText: use.counterpart })),
        safe: false,
      },
    ],
  };
}
