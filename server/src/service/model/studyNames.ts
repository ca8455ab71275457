import { knowledgeAsksToDefine } from './definitionNeeds';
import type { AbbreviationMention, DocumentModel } from './documentModel';

/**
 * Trials and studies named by the words around them: `the ZUMA-1 trial`, `the JULIET and ELIANA
 * trials`, `the RESONANCE study`, `the CARTITUDE-1 phase 2 study`. Their names are proper names,
 * often with no expansion at all (`ZUMA-1`) or a backronym (`RECOVERY`), and journals differ on
 * spelling out a trial's title: NEJM writes `the ZUMA-1 trial`, JAMA asks for the title at first
 * mention. So a trial's code (a name, a hyphen and a number: `ZUMA-1`, `CARTITUDE-4`) is a name,
 * as the codes `nameContext` reads (`a phase 3 trial (ZETA-1)`) are, and a word of four or more
 * capitals whose first use names a trial is reported there only as a note.
 *
 * The context must say `the` before the name (or before the list it opens) and put the trial
 * noun right after it, perhaps after a phase or a design word. Even so `the TKI trials`, `the
 * RA and NMOSD studies` and `the T1D study` name what the trials study, an abbreviation to
 * define: hence the code's shape, the four letters, and the first use, never a later one, for
 * the note (`remission in NMOSD` first stays a warning).
 */

/** The trial or study noun after the name, perhaps after a phase or a design word (`phase 2`, `pivotal`). */
const STUDY_NOUN_AFTER = /^(?:[ \u00a0]+(?:phase[ \u00a0]+(?:\p{N}+[ab]?|I{1,3}V?[ab]?)(?:\/(?:\p{N}+|I{1,3}))?|pivotal|registrational|randomi[sz]ed|confirmatory))*[ \u00a0]+(?:trials?|study|studies)(?![\p{L}\p{N}-])/u;
/** A later name of the same list: `, JULIET`, ` and ELIANA`, `, and TRANSCEND`. */
const LATER_NAME = /^(?:,[ \u00a0]+(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)\p{Lu}[\p{L}\p{N}-]*/u;
/** An earlier name of the same list, right before this one: `ZUMA-1, `, `JULIET and `. */
const EARLIER_NAME = /(?:^|[ \u00a0])\p{Lu}[\p{L}\p{N}-]*(?:,[ \u00a0]+(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)$/u;
/** `the` before the name or the list, perhaps with a word or two in lower case between (`the landmark`, `the recent`): not `in HCC trials`. */
const THE_BEFORE = /(?:^|[^\p{L}\p{N}])[Tt]he[ \u00a0]+(?:\p{Ll}[\p{Ll}-]*[ \u00a0]+){0,2}$/u;
/** A name is capitalised (`ZUMA-1`, `KarMMa`). */
const STARTS_CAPITALISED = /^\p{Lu}/u;
/** A trial's code: a name of three or more letters, a hyphen and a number (`ZUMA-1`, `KarMMa-3`, `CARTITUDE-4`). */
const TRIAL_CODE = /^\p{Lu}\p{L}{2,}-\p{N}{1,3}[A-Za-z]?$/u;
/** A trial's name reported as a note: four or more letters, capitalised (`JULIET`, `RISK`; not `TKI`, `RA`). */
const TRIAL_NAME = /^\p{Lu}[\p{L}-]*$/u;
const FEWEST_NAME_LETTERS = 4;

/** How many names a list of trials may hold before the noun. */
const MOST_NAMES = 6;
/** How far before a mention the context is read (the earlier names of a list and `the`). */
const LOOK_BEHIND = 120;
/** How far after a mention the context is read (the later names of a list and the trial noun). */
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

/** True when the mention is a trial's code that the words around it name as a trial (`the ZUMA-1 trial`): a name, not reported. */
export function isStudyCode(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  return TRIAL_CODE.test(mention.text) && studyReadingOf(masked, mention) !== undefined;
}

/**
 * The phrase naming the mention, the first use reported, as a trial or a study (see {@link
 * studyReadingOf}) when it is a name of four or more letters: reported as a note. Never a key the
 * knowledge base asks to define: `the CAR-T trials` are trials of CAR T cells.
 */
export function studyReadingIn(model: DocumentModel, mention: AbbreviationMention): string | undefined {
  // Letters and hyphens only, so the letters are what the hyphens leave.
  if (!TRIAL_NAME.test(mention.text) || mention.text.replace(/-/gu, '').length < FEWEST_NAME_LETTERS) return undefined;
  if (knowledgeAsksToDefine(model.knowledge, mention.key)) return undefined;
  return studyReadingOf(model.prose.masked, mention);
}
