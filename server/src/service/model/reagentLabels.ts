import type { AbbreviationMention } from './documentModel';
import { touchesEmphasis } from './geneContext';

/**
 * Labels a methods section gives reagents, shaped like abbreviations and never defined by
 * anyone: an antibody's clone after its marker in a staining panel (`CD3 (UCHT1)`, `perforin
 * (dG9) [BioLegend]`), and a cell line's accession in a culture collection (`ATCC CCL-86`,
 * `DSMZ ACC 128`) with the collection that issues it.
 */

/** A code with a digit, first in its bracket after a marker: `CD3 (UCHT1)`, `(NCAM16.2, BD)`, `(clone FN50;`. */
const CLONE_BEFORE = /[^\s(][ \u00a0]?\([ \u00a0]*(?:clone[ \u00a0]+)?$/u;
const CLONE_AFTER = /^[ \u00a0]*[),;]/u;
const HAS_DIGIT = /\p{N}/u;
/**
 * One marker with its clone, as a panel lists them: a word, then a bracket opening on a code that
 * holds a digit and ends at the bracket, a comma or a semicolon.
 */
const MARKER_WITH_CLONE = /[^\s(][ \u00a0]?\([ \u00a0]*(?:clone[ \u00a0]+)?(?=[\p{L}\p{N}.\-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}.\-]*[ \u00a0]*[),;]/gu;
/** Words that say a paragraph stains cells with antibodies. */
const STAINING_WORDS = /antibod|\bclones?\b|stain|\bpanels?\b|\bmAbs?\b|conjugat|fluorochrom|cytometr/iu;
/** How many markers with clones make a panel. */
const PANEL_SIZE = 3;
/** How far around a clone its panel is read. */
const PANEL_REACH = 600;

/**
 * What a clone's name looks like where a bracket gives it: a code that holds a digit and ends at
 * the bracket, a comma or a semicolon, and is not in italics (`genes (_OAS1_, _PSMB8_)` are genes).
 */
function mayBeClone(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, text: string): boolean {
  return HAS_DIGIT.test(mention.text) && CLONE_AFTER.test(masked.slice(mention.end, mention.end + 4)) && !touchesEmphasis(text, mention.start, mention.end);
}

/**
 * True when the mention is an antibody clone in a staining panel: first in a bracket right after
 * the marker it detects (`CD16 (3G8)`, `granzyme B (GB11, BD)`), holding a digit, in a paragraph
 * that speaks of antibodies or staining and lists at least three markers so. A clone is a name
 * its maker gave; journals ask for it, never for its expansion. One marker with a bracket
 * (`the receptor (NKR2)`) is no panel, so an abbreviation the detector missed keeps its warning;
 * nor is a code in italics, which is a gene.
 */
export function isCloneInPanel(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, text: string): boolean {
  if (!mayBeClone(masked, mention, text)) return false;
  if (!CLONE_BEFORE.test(masked.slice(Math.max(0, mention.start - 12), mention.start))) return false;
  // Within bounded windows: a searched paragraph break must not send each look-up to the text's ends.
  const from = Math.max(0, mention.start - PANEL_REACH);
  const before = masked.slice(from, mention.start);
  const after = masked.slice(mention.start, mention.end + PANEL_REACH);
  const breakBefore = before.lastIndexOf('\n\n');
  const breakAfter = after.indexOf('\n\n', mention.end - mention.start);
  const paragraph = (breakBefore < 0 ? before : before.slice(breakBefore + 1)) + (breakAfter < 0 ? after : after.slice(0, breakAfter));
  if (!STAINING_WORDS.test(paragraph)) return false;
  MARKER_WITH_CLONE.lastIndex = 0;
  let markers = 0;
  while (MARKER_WITH_CLONE.exec(paragraph) !== null) if (++markers >= PANEL_SIZE) return true;
  return false;
}

/** An antibody named by its target right before the bracket: `anti-CD107a (`, `anti-IL-15 (clone `. */
const ANTIBODY_BEFORE = /(?<![\p{L}\p{N}])anti-[\p{L}\p{N}][\p{L}\p{N}\-/αβγδκ]*[ \u00a0]?\([ \u00a0]*(?:clone[ \u00a0]+)?$/u;

/**
 * True when the mention is the clone of one antibody named by its target, first in the bracket
 * after it (`anti-CD107a (H4A3)`, `anti-IL-15 (34559; …)`): `anti-` says the bracket names the
 * antibody's clone, with no panel around it. It holds a digit, and is not in italics (a gene).
 */
export function isCloneOfAntibody(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, text: string): boolean {
  return mayBeClone(masked, mention, text) && ANTIBODY_BEFORE.test(masked.slice(Math.max(0, mention.start - 40), mention.start));
}

/** Culture collections that issue accessions for cell lines: ATCC, DSMZ, ECACC, JCRB, KCLB, RIKEN's RCB. */
const CULTURE_COLLECTIONS = new Set(['ATCC', 'DSMZ', 'ECACC', 'JCRB', 'KCLB', 'RCB']);
/** An accession after a collection's name, perhaps after a comma: `CCL-86`, `CRL-3216`, `HTB-22`, `ACC 128`, `#TIB-152`, `no. 85011440`, `, TIB-202`. */
const ACCESSION_AFTER = /^,?[ \u00a0]*(?:#|no\.?|cat\.?)?[ \u00a0]*(?:[A-Z]{1,4}[- \u00a0]?)?\d{2,}(?![\p{L}])/u;
/** A collection's name right before an accession's letters, perhaps with a comma: `ATCC CCL-`, `DSMZ ACC `, `(ATCC, CCL-`. */
const COLLECTION_BEFORE = /(?<![\p{L}\p{N}])(?:ATCC|DSMZ|ECACC|JCRB|KCLB|RCB),?[ \u00a0]*(?:#|no\.?|cat\.?)?[ \u00a0]*$/u;
/** An accession's letters, with their number when joined by a hyphen: `CCL`, `CCL-86`, `ACC`. */
const ACCESSION_SHAPE = /^[A-Z]{1,4}(?:-\d{2,})?$/;

/**
 * True when the mention is a culture collection named with the accession it issued (`ATCC
 * CCL-86`, `(ATCC, CCL-86)`), or that accession's letters (`CCL-86`, `ACC` in `DSMZ ACC 128`): where a line came
 * from, as a supplier is, not an abbreviation of the prose.
 */
export function isCultureCollectionAccession(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (CULTURE_COLLECTIONS.has(mention.text)) return ACCESSION_AFTER.test(masked.slice(mention.end, mention.end + 20));
  if (!ACCESSION_SHAPE.test(mention.text) || !COLLECTION_BEFORE.test(masked.slice(Math.max(0, mention.start - 16), mention.start))) return false;
  return mention.text.includes('-') || ACCESSION_AFTER.test(masked.slice(mention.end, mention.end + 12));
}
