import { findFrontMatter } from '../markdown/frontMatter';
import type { AbbreviationMention, DocumentModel } from './documentModel';

/**
 * Authors named by their initials: `Two authors (AFK, HBA) screened the records`, `AFK and HBA
 * designed the study`. Systematic reviews and contribution statements write them so; they are
 * people, not abbreviations. The initials come from the document's own author list: the front
 * matter's `author`/`authors` (a name, a list of names, or items with a `name`) and a section
 * headed `Authors` (or so named in a bold line). A use counts when the words around it say so:
 * another author's initials in the same list, `author`, `reviewer`, `investigator`, `screener`,
 * `assessor`, `rater`, `coder` or `team` right before (`authors (AFK, HBA)`, `the study team (DS
 * and RR)`), or the author's part it opens, an item of a list, a line or a part after a semicolon
 * on such a line (`- AFK: funding`, `AC: study design; MB: data extraction`). Authors keyed by name
 * in the front matter (pandoc's scholarly-metadata filter) count, and degrees after a name
 * (`Aaron Conway PhD`) are left out of the initials.
 * Initials alone in a role's bracket (`one reviewer (RL)`) name people even without an author
 * list; a team's bracket does so only with the list (`the study team (DS and RR)`): without it, a
 * bracket after a team names the team as often (`the care team (ICU)`).
 */

/**
 * A heading naming the author list, or a line that is only that name in bold (`**Authors**`), and
 * the text under it up to the next heading or bold line.
 */
const AUTHORS_SECTION = /^(?:#{1,6}[ \t]+(?:authors?|author list)|\*\*(?:authors?|author list)\*\*)[ \t]*\n([\s\S]*?)(?=^#{1,6}[ \t]|^\*\*[^*\n]+\*\*[ \t]*$|(?![\s\S]))/imu;
/** Marks around a name in a byline: superscripts (`^1^`, `<sup>…</sup>`), footnote stars, digits. */
const BYLINE_MARKS = /\^[^^\n]*\^|<sup>[\s\S]*?<\/sup>|\\?\*|[\d†‡§]/gu;
/** The words of a name: capitalised, perhaps initials in capitals (`Rania HM Ahmed`), hyphenated (`El-skaan`). */
const NAME_WORD = /\p{Lu}[\p{L}'’.-]*/gu;
/** The role right before the initials, perhaps with a comma or an opening bracket and other initials between: `authors (AFK, `, `a third reviewer, `. */
const ROLE_BEFORE = /(?<![\p{L}\p{N}])(?:[Cc]o-)?(?:[Aa]uthors?|[Rr]eviewers?|[Ii]nvestigators?|[Ss]creeners?|[Aa]ssessors?|[Rr]aters?|[Cc]oders?|team)[ \u00a0]*[,:(]?[ \u00a0]*(?:\p{Lu}{2,5}[ \u00a0]*(?:,|;|&|and)[ \u00a0]*)*$/u;
/** Initials right after, or right before, joined to the mention as in a list: `, `, `; `, ` & `, ` and `. */
const INITIALS_AFTER = /^[ \t]*(?:,|;|&|and)[ \t]*(\p{Lu}{2,5})(?![\p{L}\p{N}])/u;
const INITIALS_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}{2,5})[ \t]*(?:,|;|&|and)[ \t]*$/u;
/**
 * A funding statement's verb after the initials, other initials perhaps between: `JL is partially
 * supported by`, `DG and AO are funded by`, `YG, JL, and AH were supported by`, `MN acknowledges
 * funding from`, `QR holds a Marie Curie fellowship`, `ST received funding`, `AO is the recipient of
 * a grant`.
 */
const SUPPORTED_AFTER =
  /^(?:[ \t]*(?:,|;|&|,?[ \t]*and)[ \t]*\p{Lu}{2,5}(?![\p{L}\p{N}]))*[ \t]+(?:(?:is|are|was|were|has been|have been)[ \t]+(?:(?:partially|partly|also|jointly|in part|additionally)[ \t]+)?(?:supported|funded)\b|(?:(?:also|gratefully)[ \t]+)?acknowledges?[ \t]+(?:the[ \t]+)?(?:financial[ \t]+)?(?:funding|support)\b|(?:holds?|held|receives?|received|(?:is|was)[ \t]+(?:the[ \t]+)?recipient[ \t]+of)[ \t]+(?:an?[ \t]+)?(?:[\p{L}-]+[ \t]+){0,3}(?:[Ff]ellowships?|[Gg]rants?|[Ss]tudentships?|[Ss]cholarships?|funding|support)\b)/u;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|an?)[ \t]+$/iu;
/**
 * Whether the initials open an author's part, before its colon and a word (`- ALS:
 * conceptualization`, `- TMR: funded by …`, `AC: study design; MB: data extraction`): an item of a
 * list or a line's start, or a part after a semicolon on a line that a part opens, as a
 * contribution statement runs on. Not a value after the colon (`LV: 48 mm; EF: 58%`).
 */
function isAuthorPart(text: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  if (!WORD_AFTER_COLON.test(text.slice(mention.end, mention.end + 4))) return false;
  const before = text.slice(Math.max(0, mention.start - PART_LINE_REACH), mention.start);
  if (LINE_START_BEFORE.test(before.slice(-12))) return true;
  if (!SEMICOLON_BEFORE.test(before)) return false;
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return PART_OPENS_LINE.test(line);
}
/** The colon, then a word: a part's description, not a value. */
const WORD_AFTER_COLON = /^:[ \t]*\p{L}/u;
/** An item of a list, or a line's start, right before the initials. */
const LINE_START_BEFORE = /(?:^|\n)[ \t]*(?:(?:[-*+]|\d{1,2}[.)])[ \t]+)?$/u;
const SEMICOLON_BEFORE = /;[ \t]*$/u;
/** A line opened by initials and their part: `AC: study design`. */
const PART_OPENS_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,2}[.)])[ \t]+)?\p{Lu}{2,3}:[ \t]*\p{L}/u;
const PART_LINE_REACH = 600;

/** The initials of the document's authors, all initials (`AFK`) and first-and-last (`AK`). */
function authorInitialsOf(model: DocumentModel): ReadonlySet<string> {
  let found = initialsByModel.get(model);
  if (!found) initialsByModel.set(model, (found = readAuthorInitials(model.text)));
  return found;
}
const initialsByModel = new WeakMap<DocumentModel, ReadonlySet<string>>();

function readAuthorInitials(text: string): ReadonlySet<string> {
  const names: string[] = [];
  const data = findFrontMatter(text)?.data;
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const field of [record['author'], record['authors']]) names.push(...namesIn(field));
  }
  const section = AUTHORS_SECTION.exec(text)?.[1];
  if (section) names.push(...section.replace(BYLINE_MARKS, ' ').split(/[,;\n]|\band\b/u));
  const initials = new Set<string>();
  for (const name of names) {
    const words = withoutDegrees(name.split(',')[0]!.match(NAME_WORD) ?? []);
    if (words.length < 2 || words.length > 5) continue;
    const letters = words.map((word) => (/^\p{Lu}{2,3}$/u.test(word) ? word : word.charAt(0)));
    initials.add(letters.join(''));
    initials.add(words[0]!.charAt(0) + words[words.length - 1]!.charAt(0));
  }
  return initials;
}

/** A name's words without the degrees written after it (`Aaron Conway PhD`, `Kristina Chang MScN`). */
function withoutDegrees(words: string[]): string[] {
  let end = words.length;
  while (end > 2 && DEGREES.has(words[end - 1]!.replace(/\./gu, ''))) end--;
  return words.slice(0, end);
}
/** Academic and professional degrees and fellowships written after a name, their dots left out. */
const DEGREES: ReadonlySet<string> = new Set([
  'PhD', 'DPhil', 'MD', 'MBBS', 'MBChB', 'BMBS', 'MB', 'BCh', 'BM', 'BS', 'BSc', 'BScN', 'BSN', 'BA', 'MA', 'MS', 'MSc', 'MScN',
  'MSN', 'MPhil', 'MRes', 'MPH', 'DrPH', 'ScD', 'DSc', 'PharmD', 'BPharm', 'MPharm', 'DVM', 'DDS', 'DMD', 'RN', 'NP', 'DNP',
  'MBA', 'FRCP', 'FRCPC', 'FRCS', 'FRACP', 'FRCPath', 'FACP',
]);

/**
 * Names in a front-matter author field: a string, a list of strings, or items with a `name` (a
 * string or given and family), or items keyed by the name, as pandoc's scholarly-metadata filter
 * writes them (`- Aaron Conway PhD: {email: …}`).
 */
function namesIn(field: unknown): string[] {
  // One string may list them all (`author: "Ann Lee, Bo Chan and Cy Dunn"`, R Markdown's usual form).
  if (typeof field === 'string') return field.split(/[,;&]|\band\b/u);
  if (!Array.isArray(field)) return field && typeof field === 'object' ? namesIn([field]) : [];
  const names: string[] = [];
  for (const item of field) {
    if (typeof item === 'string') names.push(item);
    else if (item && typeof item === 'object') {
      const name = (item as Record<string, unknown>)['name'];
      const keys = Object.keys(item);
      if (name === undefined && keys.length === 1) names.push(keys[0]!);
      else if (typeof name === 'string') names.push(name);
      else if (name && typeof name === 'object') {
        const { given, family } = name as Record<string, unknown>;
        if (typeof given === 'string' && typeof family === 'string') names.push(`${given} ${family}`);
      }
    }
  }
  return names;
}

/**
 * A counted reviewer's bracket holding only initials: `one reviewer (RL)`, `two authors (AB, CD)`,
 * `a second reviewer (QT)`. Without the count it may name a committee (`the investigators (IRC)`,
 * `central reviewers (BICR)`).
 */
const ROLE_BRACKET_BEFORE = /(?<![\p{L}\p{N}])(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ee]ach|[Bb]oth|[Aa]nother|[Aa] (?:second|third|fourth)|[Tt]he (?:first|second|third|other))[ \u00a0]+(?:independent[ \u00a0]+)?(?:[Cc]o-)?(?:[Aa]uthors?|[Rr]eviewers?|[Ii]nvestigators?|[Ss]creeners?|[Aa]ssessors?|[Rr]aters?|[Cc]oders?)[ \u00a0]*\([ \u00a0]*(?:\p{Lu}{2,4}[ \u00a0]*(?:,|;|&|and)[ \u00a0]*)*$/u;
const ROLE_BRACKET_AFTER = /^(?:[ \u00a0]*(?:,|;|&|and)[ \u00a0]*\p{Lu}{2,4})*[ \u00a0]*\)/u;

/** True when `mention` names an author by initials (see above). */
export function isAuthorInitials(model: DocumentModel, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  const masked = model.prose.masked;
  const initials = authorInitialsOf(model);
  // A statement of each author's part, written with initials, names people; with an author list, only its initials.
  if ((initials.size === 0 || initials.has(mention.text)) && isInContributionStatement(masked, mention)) return true;
  // Without an author list to check against, a role's bracket holding only initials still names people.
  if (initials.size === 0) return isInitialsInRoleBracket(masked, mention);
  if (!initials.has(mention.text)) return false;
  const before = masked.slice(Math.max(0, mention.start - 60), mention.start);
  if (ROLE_BEFORE.test(before)) return true;
  if (isAuthorPart(model.text, mention)) return true;
  // Not after an article: `The AMC is funded by the state` names an institution.
  if (SUPPORTED_AFTER.test(masked.slice(mention.end, mention.end + 80)) && !ARTICLE_BEFORE.test(masked.slice(Math.max(0, mention.start - 5), mention.start))) return true;
  return isNextToOtherInitials(masked, mention, initials);
}

/**
 * A sentence of a contribution statement: initials, perhaps a list of them, opening a sentence
 * or a line, then a verb of an author's part (`JS conceived the project.`, `DH, SB and JS
 * performed the acquisition.`, `ST and JS contributed to writing.`).
 */
const CONTRIBUTION_VERB = String.raw`(?:also[ \t]+|jointly[ \t]+)?(?:conceived|conceptuali[sz]ed|designed|wrote|drafted|supervised|proof-?read|contributed|coordinated|revised|edited|interpreted|performed|analy[sz]ed|acquired|collected|segmented|generated|prepared|provided|reviewed|secured|managed|developed|implemented|curated)\b`;
const CONTRIBUTION_SENTENCE = new RegExp(
  String.raw`(?:^|[.;:!?]\s+|\n[ \t]*(?:[-*+][ \t]+)?)((?:\p{Lu}{2,3}(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*\p{Lu}{2,3})[ \t]+${CONTRIBUTION_VERB}`,
  'gu',
);
/** What follows initials in such a sentence: other initials, then the verb (read first, as most mentions are followed by neither). */
const CONTRIBUTION_AFTER = new RegExp(String.raw`^(?:(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)\p{Lu}{2,3})*[ \t]+${CONTRIBUTION_VERB}`, 'u');

/**
 * What only an author does in a contribution statement: `conceived`, `wrote`, `supervised`,
 * `contributed to`. Methods and results write `CT performed …`, `MSC generated …`, `TCR analyzed
 * …` of their terms, never these.
 */
const AUTHOR_ONLY_VERB = /^(?:conceived|conceptuali[sz]ed|wrote|drafted|supervised|proof-?read|secured|contributed[ \t]+to)\b/u;

/**
 * True when the mention is one of the initials of a contribution statement: its paragraph holds
 * two such sentences or more, one of them with a verb only an author's part takes, so the
 * letters are authors, not terms (`CT performed at week 8 … MRI performed at baseline …` stays
 * two abbreviations).
 */
function isInContributionStatement(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!/^\p{Lu}{2,3}$/u.test(mention.text) || !CONTRIBUTION_AFTER.test(masked.slice(mention.end, mention.end + 60))) return false;
  const paragraphStart = Math.max(masked.lastIndexOf('\n\n', mention.start) + 1, mention.start - 2000, 0);
  let paragraphEnd = masked.indexOf('\n\n', mention.end);
  if (paragraphEnd < 0 || paragraphEnd > mention.end + 2000) paragraphEnd = Math.min(masked.length, mention.end + 2000);
  const paragraph = masked.slice(paragraphStart, paragraphEnd);
  let sentences = 0;
  let holdsMention = false;
  let byAuthor = false;
  for (const match of paragraph.matchAll(CONTRIBUTION_SENTENCE)) {
    sentences++;
    const listEnd = match[0].indexOf(match[1]!) + match[1]!.length;
    const listStart = paragraphStart + match.index + listEnd - match[1]!.length;
    if (mention.start >= listStart && mention.end <= listStart + match[1]!.length) holdsMention = true;
    byAuthor ||= AUTHOR_ONLY_VERB.test(match[0].slice(listEnd).replace(/^[ \t]+(?:(?:also|jointly)[ \t]+)?/u, ''));
  }
  return holdsMention && byAuthor && sentences >= 2;
}

/**
 * Another author's initials right before or after the mention in a list (`AFK, HBA`, `AFK and
 * HBA`). Two pairs of two letters (`CT, MR and PET`) are too often terms: one of the two must
 * have three letters or more.
 */
function isNextToOtherInitials(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, initials: ReadonlySet<string>): boolean {
  const other = (found: string | undefined): boolean =>
    found !== undefined && found !== mention.text && initials.has(found) && (found.length >= 3 || mention.text.length >= 3);
  if (other(INITIALS_AFTER.exec(masked.slice(mention.end, mention.end + 12))?.[1])) return true;
  return other(INITIALS_BEFORE.exec(masked.slice(Math.max(0, mention.start - 12), mention.start))?.[1]);
}

/** Two to four capitals alone, or among other initials, in the bracket right after a role (`one reviewer (RL)`). */
function isInitialsInRoleBracket(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  return /^\p{Lu}{2,4}$/u.test(mention.text) && ROLE_BRACKET_BEFORE.test(masked.slice(Math.max(0, mention.start - 80), mention.start)) && ROLE_BRACKET_AFTER.test(masked.slice(mention.end, mention.end + 40));
}

/**
 * True when `key` is written in the front matter's author or affiliation fields as part of an
 * organisation's name (`CeMM Research Center for Molecular Medicine`, `CNRS UMR 5535`, `NIH`):
 * the authors' own institute, named so in the text (`sequenced at CeMM`), is that organisation,
 * not an abbreviation the reader needs spelt out. Only words of the affiliations' strings count
 * (not the authors' names), and only a word written there with another capitalised word beside it.
 */
export function isNamedInAffiliations(model: DocumentModel, key: string): boolean {
  let found = organisationsByModel.get(model);
  if (!found) organisationsByModel.set(model, (found = readOrganisationWords(model.text)));
  return found.has(key);
}
const organisationsByModel = new WeakMap<DocumentModel, ReadonlySet<string>>();

/** Fields whose strings name the authors' organisations, at the top or in an author's item. */
const AFFILIATION_FIELDS = ['affiliation', 'affiliations', 'institute', 'institutes', 'institution', 'institutions'];
/** A word with two capitals or more (`CeMM`, `CNRS`, `INSERM`), with a capitalised word or another such word next to it. */
const ORGANISATION_WORD = /(?<=\p{Lu}[\p{L}.-]*[ \t]+|^|[ \t,(])(\p{Lu}[\p{L}\p{N}&-]*\p{Lu}[\p{L}\p{N}&-]*)(?=[ \t]+\p{Lu}|[ \t]*[,)]|$)/gu;

function readOrganisationWords(text: string): ReadonlySet<string> {
  const data = findFrontMatter(text)?.data;
  const words = new Set<string>();
  if (!data || typeof data !== 'object') return words;
  const record = data as Record<string, unknown>;
  const strings: string[] = [];
  for (const field of AFFILIATION_FIELDS) stringsIn(record[field], strings);
  for (const authors of [record['author'], record['authors']]) {
    for (const item of Array.isArray(authors) ? authors : [authors]) {
      if (item && typeof item === 'object' && !Array.isArray(item)) for (const field of AFFILIATION_FIELDS) stringsIn((item as Record<string, unknown>)[field], strings);
      // A byline list whose items are affiliations marked by a superscript (`^1^CeMM Research Center …`).
      else if (typeof item === 'string' && /^\^[^^]{1,4}\^/u.test(item.trim())) strings.push(item);
    }
  }
  for (const value of strings) {
    const line = value.replace(/\^[^^\n]*\^/gu, ' ');
    if (!/\p{Lu}\p{Ll}+[ \t]+\p{Lu}/u.test(line) && !/\p{Lu}{2}/u.test(line)) continue;
    for (const match of line.matchAll(ORGANISATION_WORD)) words.add(match[1]!);
  }
  return words;
}

/** Every string in a front-matter value: a string, a list, or a mapping's values; each object once (a YAML alias may point back at itself). */
function stringsIn(value: unknown, into: string[], seen = new Set<object>()): void {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) stringsIn(item, into, seen);
  }
}
