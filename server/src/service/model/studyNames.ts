import { knowledgeAsksToDefine } from './definitionNeeds';
import type { AbbreviationMention, DocumentModel } from './documentModel';

/**
 * Trials and studies named by the words around them: `the ZUMA-1 trial`, `the JULIET and ELIANA
 * trials`, `the RESONANCE study`, `the CARTITUDE-1 phase 2 study`. Their names are proper names,
 * often with no expansion at all (`ZUMA-1`) or a backronym (`RECOVERY`), and journals differ on
 * spelling out a trial's title: NEJM writes `the ZUMA-1 trial`, JAMA asks for the title at first
 * mention. So a name with a number is a code, like the trial codes `nameContext` reads (`a phase 3
 * trial (ZETA-1)`), and a word of capitals is reported only as a note.
 *
 * The context must say `the` before the name (or before the list it opens) and put the trial
 * noun right after it, perhaps after a phase or a design word: `HCC clinical trials` and `SAVR
 * based trials` name what trials study, an abbreviation to define, not a trial.
 */

/** The trial or study noun after the name, perhaps after a phase or a design word (`phase 2`, `pivotal`). */
const STUDY_NOUN_AFTER = /^(?:[ \u00a0]+(?:phase[ \u00a0]+(?:\p{N}+[ab]?|I{1,3}V?[ab]?)(?:\/(?:\p{N}+|I{1,3}))?|pivotal|registrational|randomi[sz]ed|confirmatory))*[ \u00a0]+(?:trials?|study|studies)(?![\p{L}\p{N}-])/u;
/** A later name of the same list: `, JULIET`, ` and ELIANA`, `, and TRANSCEND`. */
const LATER_NAME = /^(?:,[ \u00a0]+(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)\p{Lu}[\p{L}\p{N}-]*/u;
/** An earlier name of the same list, right before this one: `ZUMA-1, `, `JULIET and `. */
const EARLIER_NAME = /(?:^|[ \u00a0])\p{Lu}[\p{L}\p{N}-]*(?:,[ \u00a0]+(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)$/u;
/** `the` right before the name or the list: not `in HCC trials`. */
const THE_BEFORE = /(?:^|[^\p{L}\p{N}])[Tt]he[ \u00a0]+$/u;
const STARTS_CAPITALISED = /^\p{Lu}/u;
/** A name carries a number (`ZUMA-1`, `LY17`): a code. */
const HAS_DIGIT = /\p{N}/u;

/** How many names a list of trials may hold before the noun. */
const MOST_NAMES = 6;
/** How far around a mention the context is read. */
const LOOK_BEHIND = 120;
const LOOK_AHEAD = 160;

/**
 * The phrase that names the mention as a trial or a study (`the ZUMA-1 trial`, `the JULIET and
 * ELIANA trials`), read on the masked text; undefined when the words around it do not.
 */
export function studyReadingOf(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): string | undefined {
  // A name is capitalised (`ZUMA-1`, `KarMMa`); `the iHMP study` is a consortium's abbreviation.
  if (!STARTS_CAPITALISED.test(mention.text)) return undefined;
  let after = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  let end = mention.end;
  for (let names = 1; names < MOST_NAMES; names++) {
    const later = LATER_NAME.exec(after);
    if (!later) break;
    after = after.slice(later[0].length);
    end += later[0].length;
  }
  const noun = STUDY_NOUN_AFTER.exec(after);
  if (!noun) return undefined;
  let before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  let start = mention.start;
  for (let names = 1; names < MOST_NAMES; names++) {
    const earlier = EARLIER_NAME.exec(before);
    if (!earlier) break;
    const item = earlier[0].replace(/^[ \u00a0]/u, '');
    before = before.slice(0, before.length - item.length);
    start -= item.length;
  }
  const the = THE_BEFORE.exec(before);
  if (!the) return undefined;
  return `${the[0].replace(/^[^Tt]/u, '')}${masked.slice(start, end + noun[0].length)}`.replace(/\s+/gu, ' ');
}

/** True when the mention, carrying a number, is a trial's code by the words around it (`the ZUMA-1 trial`): a name, not reported. */
export function isStudyCode(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  return HAS_DIGIT.test(mention.text) && studyReadingOf(masked, mention) !== undefined;
}

/**
 * Where the document names `mention`'s key as a trial or a study (see {@link studyReadingOf}), at
 * this use or another, for a name without a number (`the JULIET trial`): reported as a note.
 * Never a key the knowledge base asks to define: `the CAR-T trials` are trials of CAR T cells.
 */
export function studyReadingIn(model: DocumentModel, mention: AbbreviationMention): string | undefined {
  if (knowledgeAsksToDefine(model.knowledge, mention.key)) return undefined;
  const mentions = model.byKey.get(mention.key)?.mentions ?? [];
  for (let i = 0; i < mentions.length && i < 50; i++) {
    const found = studyReadingOf(model.prose.masked, mentions[i]!);
    if (found) return found;
  }
  return undefined;
}
