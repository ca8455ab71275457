import type { AbbreviationMention } from '../model/documentModel';
import { isAbbreviationSegment, isAminoAcidSubstitution, isSequencingSuffix } from '../model/mentions';
import { memberFamilyOf, NUMBER, receptorFamilyOf } from '../model/scopeDefinitions';
import { entryForKey, type RuleContext } from './types';

/** Hyphen-like characters a written compound may join its parts with. */
const JOINER = /[-\u2010\u2011\u2012\u2013]/;
/** More parts than this and the compound is read whole, as before. */
const MOST_SEGMENTS = 12;

/**
 * The parts that leave an undefined compound undefined, each as a mention of its own at its
 * place inside the compound, when the compound is not a term of its own: `FcγR` in `IgG-FcγR`,
 * `TNP` and `IC` in `TNP-4-BSA-IC`, `hFcγR` in `hFcγRIIB` (a receptor numbered in Roman
 * numerals, `FcγRIIIa` of `FcγR`). The missing definition is the part's: reporting it at the
 * part, once per scope, names what to define, where reporting every compound that contains
 * it would repeat one problem under many names. Undefined when the compound is one term (the
 * knowledge base knows it, or the document defines it somewhere), when it cannot be read as
 * parts, or when it is a single part.
 */
export function undefinedPartsOf(context: RuleContext, mention: AbbreviationMention): AbbreviationMention[] | undefined {
  const { key } = mention;
  if (isOneTerm(context, key)) return undefined;
  const family = receptorFamilyOf(key);
  if (family !== undefined) {
    if (!isOwnAbbreviation(context, family)) return undefined;
    if (!mention.text.startsWith(family)) return undefined;
    return [{ ...mention, key: family, text: mention.text.slice(0, family.length), end: mention.start + family.length }];
  }
  const keySegments = key.split('-');
  if (keySegments.length < 2 || keySegments.length > MOST_SEGMENTS) return undefined;
  const written = writtenSegments(mention.text);
  if (written.length !== keySegments.length) return undefined;
  const reading = cheapestReading(context, mention, keySegments);
  if (!reading || reading.parts.length < 2 || reading.undefinedParts.length === 0) return undefined;
  if (!readsAsParts(context, keySegments, reading.undefinedParts)) return undefined;
  return reading.undefinedParts.map(([begin, end]) => {
    const from = written[begin]!;
    const to = written[end - 1]!;
    return {
      ...mention,
      key: keySegments.slice(begin, end).join('-'),
      text: mention.text.slice(from.start, to.end),
      start: mention.start + from.start,
      end: mention.start + to.end,
    };
  });
}

/**
 * Whether a compound's undefined parts are what to report: parts the author also writes as
 * abbreviations of their own (`HGNET-MN1` or `OD-1` is one name otherwise); or, whatever else
 * the text writes, a chain of three or more words of capitals (`EGFR-RAS-RAF-MEK-ERK`, a pathway
 * of parts), or a gene with its mutation (`KRAS-G12D`, the gene's variant).
 */
function readsAsParts(context: RuleContext, segments: readonly string[], undefinedParts: readonly [number, number][]): boolean {
  if (isChainOfCapitals(segments) || segments.some(isAminoAcidSubstitution)) return true;
  return undefinedParts.every(([begin, end]) => isOwnAbbreviation(context, segments.slice(begin, end).join('-')));
}

/** A word of three or more capitals, perhaps numbered: a chain's link (`RAS`, `MEK`, `DAP10`; not a locus's `DR`). */
const CHAIN_LINK = /^\p{Lu}{3,}\p{N}*$/u;

/**
 * Three or more segments, each a link (`EGFR-RAS-RAF-MEK-ERK`, `DAP10-DAP12-SYK`); not an HLA
 * haplotype or locus (`HLA-DRB1-DQB1`), whose segments are the nomenclature's, not terms.
 */
function isChainOfCapitals(segments: readonly string[]): boolean {
  return segments.length >= 3 && segments[0] !== 'HLA' && segments.every((segment) => CHAIN_LINK.test(segment));
}

/** A compound that is a term of its own: the knowledge base knows it, or the document defines it (in any scope). */
function isOneTerm(context: RuleContext, key: string): boolean {
  if (entryForKey(context.knowledge, key)) return true;
  if ((context.model.byKey.get(key)?.definitions.length ?? 0) > 0) return true;
  return context.definedLater?.has(key) === true;
}

/**
 * A key the document also writes on its own (outside any compound) or defines, here or in
 * another file of its book; or a member of such a family (`hIgG1` of `hIgG`, `FcγRIIb` of `FcγR`).
 */
function isOwnAbbreviation(context: RuleContext, key: string): boolean {
  const uses = context.model.byKey.get(key);
  if (uses && (uses.mentions.length > 0 || uses.definitions.length > 0)) return true;
  if (context.definedLater?.has(key) === true || context.usedEarlier?.has(key) === true) return true;
  const family = memberFamilyOf(key);
  return family !== undefined && isOwnAbbreviation(context, family);
}

/** The offsets of each hyphen-separated segment of the written form (a trailing plural or possessive stays with the last). */
function writtenSegments(text: string): { start: number; end: number }[] {
  const segments: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !JOINER.test(text[i]!)) continue;
    segments.push({ start, end: i });
    start = i + 1;
  }
  return segments;
}

/**
 * The reading of the key's segments as consecutive parts with the fewest undefined parts:
 * a part costs nothing when it needs no definition here (exempt, a number, a plain segment that
 * is no abbreviation, or defined in the scope), one when it is an abbreviation on its own (one
 * segment shaped as one, or a known term of several segments such as `RNA-seq`); anything else
 * cannot be a part. Ties go to fewer parts (longer known terms).
 */
function cheapestReading(
  context: RuleContext,
  mention: AbbreviationMention,
  segments: string[],
): { parts: [number, number][]; undefinedParts: [number, number][] } | undefined {
  type Reading = { cost: number; parts: [number, number][]; undefinedParts: [number, number][] };
  const best: (Reading | undefined)[] = [{ cost: 0, parts: [], undefinedParts: [] }];
  for (let end = 1; end <= segments.length; end++) {
    // A part ends only where the next segment does not continue it (`IL-13`, `PD-L1`, `IL-4Rα`).
    if (end < segments.length && continuesPrevious(segments[end]!)) continue;
    for (let begin = 0; begin < end; begin++) {
      const before = best[begin];
      if (!before || (begin === 0 && end === segments.length)) continue;
      const cost = partCost(context, mention, segments.slice(begin, end));
      if (cost === undefined) continue;
      const candidate: Reading = {
        cost: before.cost + cost,
        parts: [...before.parts, [begin, end]],
        undefinedParts: cost > 0 ? [...before.undefinedParts, [begin, end]] : before.undefinedParts,
      };
      const current = best[end];
      if (!current || candidate.cost < current.cost || (candidate.cost === current.cost && candidate.parts.length < current.parts.length)) best[end] = candidate;
    }
  }
  return best[segments.length];
}

/** A segment that belongs to the one before it: a number or what starts with a digit (`13`, `4Rα`), a capital and digits (`L1`), a Greek letter (`β`). */
function continuesPrevious(segment: string): boolean {
  return /^\p{N}/u.test(segment) || /^\p{Lu}\p{N}+$/u.test(segment) || /^[\u0391-\u03c9]\p{N}*$/u.test(segment);
}

/** 0 for a part that needs no definition here, 1 for an undefined abbreviation, undefined for what cannot be a part. */
function partCost(context: RuleContext, mention: AbbreviationMention, segments: string[]): number | undefined {
  const part = segments.join('-');
  const { needs, scopes } = context;
  // A mutation after its gene (`KRAS-G12D`) names the variant; it needs no definition.
  if (needs.isExempt(part) || NUMBER.test(part) || isAminoAcidSubstitution(part)) return 0;
  const single = segments.length === 1;
  if (single && !isAbbreviationSegment(part) && !isSequencingSuffix(part)) return 0;
  if (scopes.coverage(mention.scope, part, needs) !== undefined) return 0;
  if (single) return isSequencingSuffix(part) ? undefined : 1;
  return entryForKey(context.knowledge, part) || (context.model.byKey.get(part)?.definitions.length ?? 0) > 0 ? 1 : undefined;
}

/**
 * A series that writes its shared prefix once (`HLA-A, -B and -DR`, `IL-2, -7 and -15`): the text
 * before a later member, up to its hyphen, holds the first member with the prefix.
 */
const ELIDED_SERIES_BEFORE = /(?:^|[^\p{L}\p{N}-])(\p{Lu}[\p{L}\p{N}]*)-[\p{L}\p{N}]+(?:,[ \u00a0]*-[\p{L}\p{N}]+)*(?:,?[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]*)-$/u;

/**
 * The whole name a later member of such a series stands for (`HLA-DR` for `DR` in `HLA-A, -B and
 * -DR`), so that the rule judges the name the reader reads, not the bare letters; undefined when
 * the mention is no such member.
 */
export function elidedSeriesName(masked: string, mention: Pick<AbbreviationMention, 'start' | 'key'>): string | undefined {
  if (masked.charCodeAt(mention.start - 1) !== 0x2d) return undefined;
  const prefix = ELIDED_SERIES_BEFORE.exec(masked.slice(Math.max(0, mention.start - 80), mention.start))?.[1];
  return prefix === undefined ? undefined : `${prefix}-${mention.key}`;
}
