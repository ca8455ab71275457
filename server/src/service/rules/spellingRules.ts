import { spellingMarksIn, type SpellingMark, type SpellingVariety } from '../model/spellingVarieties';
import type { BlockTokens } from '../text/tokens';
import type { Finding, RuleContext } from './types';

/**
 * Each block's spelling marks, offsets relative to the block, kept with the block's token pass:
 * a block the next version leaves unchanged keeps its tokens object, so a keystroke reads one
 * block again, not the document.
 */
const marksByBlock = new WeakMap<BlockTokens, SpellingMark[]>();

/** The uses of one word, singular and plural alike (`tumor`, `tumors`), in document order. */
interface WordUses {
  /** The word as first written. */
  readonly word: string;
  readonly variety: SpellingVariety | undefined;
  /** The key of the same word in the other spelling. */
  readonly counterpartKey: string;
  readonly uses: { start: number; word: string; counterpart: string }[];
}

/** The same word in the singular and the plural share a key: a final `s` does not count. */
function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** How a variety is named in a message. */
const VARIETY_NAMES: Record<SpellingVariety, string> = { british: 'British', american: 'American' };

/** How many of the other spelling's words the message names. */
const EXAMPLES = 3;

/**
 * `inconsistent-variants` for spelling: British and American spelling mixed in one document
 * (`tumour` thirty times, `tumor` three times, or `leukaemia` beside `center`), reported at the
 * first use of each word of the less used spelling (the `spelling` setting decides a tie), and
 * one word written both with `-ise` and `-ize` (`randomised`, `randomized`), reported at the less
 * used form. The fix rewrites every use of the word in the other spelling.
 */
export function checkMixedSpelling(context: RuleContext): Finding[] {
  const words = wordUses(context);
  if (words.size === 0) return [];
  const counts = { british: 0, american: 0 };
  for (const uses of words.values()) if (uses.variety) counts[uses.variety] += uses.uses.length;
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
    for (const uses of words.values()) {
      if (uses.variety !== minority) continue;
      const message =
        `'${uses.word}' is ${VARIETY_NAMES[minority]} spelling, and this document otherwise spells the ${VARIETY_NAMES[majority]} way ` +
        `(${examples.join(', ')}: ${counts[majority]} ${VARIETY_NAMES[majority]} forms against ${counts[minority]} ${VARIETY_NAMES[minority]}); use one spelling throughout.`;
      findings.push(respelling(uses, message, { variety: minority, british: counts.british, american: counts.american }));
      reported.add(uses);
    }
  }
  // One word written with `-ise` and `-ize` (`randomised`, `randomized`), or with `-isation` and
  // `-ization` where the variety check left the `-isation` one alone (British is the majority).
  for (const uses of words.values()) {
    const other = words.get(uses.counterpartKey);
    if (!other || (uses.variety && other.variety) || reported.has(uses) || reported.has(other)) continue;
    // The less used of the two is reported; of two used alike, the later one.
    if (!isLessUsed(uses, other)) continue;
    const message = `'${uses.word}' and '${other.word}' are the same word, written both ways in this document (${uses.uses.length} and ${other.uses.length} times); use one spelling throughout.`;
    findings.push(respelling(uses, message, { variety: 'ise-ize' }));
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
    let marks = marksByBlock.get(tokens);
    if (!marks) marksByBlock.set(tokens, (marks = spellingMarksIn(masked, block.start, tokens)));
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i]!;
      const key = wordKey(mark.word);
      const use = { start: block.start + mark.start, word: mark.word, counterpart: mark.counterpart };
      const found = words.get(key);
      if (found) found.uses.push(use);
      else words.set(key, { word: mark.word, variety: mark.variety, counterpartKey: wordKey(mark.counterpart), uses: [use] });
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
