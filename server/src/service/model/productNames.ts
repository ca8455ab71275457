// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import instrumentMakers from '#data/instrument-makers.json';
import type { AbbreviationMention } from './documentModel';
import { hasCoinedShape, isAllCapitals, isCoinedName } from './mentions';

/**
 * Products, organisations and motifs named in a methods section, which journals do not ask
 * authors to define: the words around a use say it is a name. Each reading needs two marks,
 * because capitals before `assay` or `kit` are as often an abbreviation (`ADCC assay`, `ELISA
 * kit`) as a product:
 * - a product line after its maker's name, before a product noun (`Vysis LSI … probes`,
 *   `Metasystems XL break apart probes`, `the NanoString DLBCL90 assay`, `IntelliCyt iQue
 *   Screener`);
 * - a product noun followed by the supplier in brackets (`VBR configuration (Sartorius)`,
 *   `Ni-NTA spin columns (Qiagen)`), or a maker's name before and the supplier after
 *   (`Vysis LSI (Abbott)`, `Ficoll-Paque PLUS (Cytiva)`), or the product's name in capitalised
 *   words before the supplier (`LIVE/DEAD Fixable Aqua (Thermo Fisher)`);
 * - a supplier whose name is coined, alone in brackets right after (`SCGM (CellGenix)`): an
 *   expansion is never written so;
 * - a title-cased product name ending in a product noun (`ALINE FFPE GenePure Purification
 *   Kit`, `LCR Modules`, `UCSC Cell Browser`), or a model name after one (`Screener PLUS`);
 * - an organisation's initials before the coined name of its product (`CZI CELLxGENE`, `NCBI
 *   GenBank`, `BD FACSCanto`): a camel-cased or coined word, which no abbreviation's expansion is;
 * - an organisation named in full (`BC Cancer Research Ethics Board`), and a study code after
 *   one (`Canadian Cancer Trials Group LY17`);
 * - a coined name introduced in quotation marks (`("LySeqST"; Table S3)`);
 * - a motif of one-letter residue codes (`a RRAR furin recognition site`, `the RGD motif`);
 * - a catalogue number after the supplier in its bracket (`(EMD Millipore, HCYTMAG-60K)`), the
 *   supplier named as a company is (a coined name, a company's word) or the number marked (`cat. no.`).
 * And, read on the text itself, a name marked as a trademark (`CircleCI&reg;`, `QZX™`).
 */

/** What a product is called: a kit, an assay, an instrument (a centrifuge, a plunger, a thermocycler) and its parts, software. */
const PRODUCT_NOUN = String.raw`(?:kits?|apparatus|imagers?|assays?|media|medium|dyes?|supplements?|flasks?|systems?|concentrators?|probes?|screeners?|instruments?|platforms?|configurations?|columns?|resins?|beads?|cameras?|reagents?|analy[sz]ers?|cytometers?|sequencers?|robots?|enzymes?|software|modules?|suites?|panels?|arrays?|chips?|microscopes?|readers?|scanners?|browsers?|(?:cryo)?plungers?|autosamplers?|centrifuges?|incubators?|(?:thermal[ \u00a0]+|thermo)?cyclers?|spectrophotometers?|fluorometers?|luminometers?|homogeni[sz]ers?|sonicators?|workstations?)`;
/** A product noun, perhaps after up to four words that qualify it, one perhaps in brackets or joined by a slash (`break apart probes`, `spin columns`, `(human) kit`, `Single Cell 5′ kit`, `AIM V/Immune Cell SR medium`). */
const PRODUCT_NOUN_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+\(?[\p{L}\p{N}\u2032'/-]+\)?){0,4}?[ \u00a0]+${PRODUCT_NOUN}\b`, 'iu');
/**
 * A title-cased product name: capitalised words (or a method's name such as `mRNA-Seq`), then a
 * capitalised product noun (`FFPE GenePure Purification Kit`, `Stranded mRNA-Seq Kit`, `Modules`,
 * `Human CD8/NK Panel`).
 */
const TITLED_PRODUCT_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+(?:\p{Lu}|\p{Ll}{1,3}\p{Lu})[\p{L}\p{N}/-]*){0,4}?[ \u00a0]+(?:Kit|Assay|Probes?|Screener|Instrument|Platform|System|Analy[sz]er|Cytometer|Sequencer|Scanner|Software|Modules|Suite|Panel|Array|Browser)\b`, 'u');
/**
 * One to three capitalised words or runs of capitals, no digits: a company's name, its legal form
 * or a place, as a supplier is written in brackets (`GE Healthcare`, `Inc.`, `San Diego`, `MD`,
 * `Children's`). Shared with toolNames' supplier list.
 */
export const CAPITALISED_WORDS = String.raw`\p{Lu}[\p{L}&.'-]*(?:[ \u00a0]+\p{Lu}[\p{L}&.'-]*){0,2}`;
/** A code that holds a digit, as catalogue numbers are written (`HCYTMAG-60K`, `130-092-657`, `A1517001`). */
const CODE = String.raw`[\p{L}\p{N}][\p{L}\p{N}.\-]*\p{N}[\p{L}\p{N}.\-]*`;
/** The words that mark a catalogue number: `cat. no.`, `Catalog #`, `catalogue no`. */
const CATALOGUE_WORD = String.raw`[Cc]at(?:alog(?:ue)?)?\.?`;
const CATALOGUE_WORDS = String.raw`${CATALOGUE_WORD}[ \u00a0]*(?:[Nn]o\.?|#)?`;
/**
 * A catalogue number after the supplier's name in the same bracket: `, 05872`, `, 354277`,
 * `, cat. no. 130-092-657`, `, #A1517001`: a code that holds a digit, never a year (`(Smith, 2019)`
 * cites a paper). The code is the group `catalogue`; each expression below holds this item once.
 */
const CATALOGUE_ITEM = String.raw`(?:,[ \u00a0]+(?:${CATALOGUE_WORDS}[ \u00a0]*|#)?(?!(?:19|20)\d\d[a-z]?\))(?<catalogue>${CODE}))?`;
/**
 * A supplier in brackets: its name, perhaps with its legal form or its town and country after
 * commas (`(Abbott)`, `(Thermo Scientific)`, `(Illumina, Inc.)`, `(Qiagen, Hilden, Germany)`), perhaps
 * with the catalogue number last (`(STEMCELL Technologies, 05270)`).
 */
const SUPPLIER = String.raw`\((${CAPITALISED_WORDS}(?:,[ \u00a0]+${CAPITALISED_WORDS}){0,3})${CATALOGUE_ITEM}\)`;
/**
 * The supplier right after the product, or after the instrument it runs on: `assay on the
 * nCounter platform (NanoString)`, `kit with the Nimbus robot (Hamilton)`.
 */
const SUPPLIER_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+(?:on|with|using|in)[ \u00a0]+(?:an?|the)?[ \u00a0]*[\p{L}\p{N}-]+[ \u00a0]+${PRODUCT_NOUN})?[ \u00a0]*${SUPPLIER}`, 'u');
/** A model in Roman numerals: `II`, `III`, `IV`. */
const ROMAN_NUMERAL = String.raw`I{1,3}V?`;
/** A product line's or a model's number: `15`, `6000`, `100M`, `III`. Shared with toolNames. */
export const MODEL_NUMBER = String.raw`\p{N}{1,4}[A-Za-z]?|${ROMAN_NUMERAL}`;
/** A supplier alone in brackets, its name holding a lower-case letter as a company's does: `(Lonza)`, `(Beckman Coulter)`. Shared with toolNames. */
export const NAMED_SUPPLIER = String.raw`\(((?=[^)]*\p{Ll})${CAPITALISED_WORDS})${CATALOGUE_ITEM}\)`;
/** A product line's number, then the supplier alone in brackets: ` 15 (Lonza)`, ` III (BD Biosciences)`. */
const LINE_NUMBER_AND_SUPPLIER_AFTER = new RegExp(String.raw`^[ \u00a0]+(${MODEL_NUMBER})[ \u00a0]*${NAMED_SUPPLIER}`, 'u');
/**
 * A product line's name holds a hyphen or a lower-case letter (`X-VIVO 15`, `AIM-V`), or a bare
 * word of capitals takes a model in Roman numerals (`LSR II`); not `ECOG PS 1 (…)`.
 */
const PRODUCT_LINE_SHAPE = /[-\p{Ll}]/u;
const ROMAN_MODEL = new RegExp(`^${ROMAN_NUMERAL}$`, 'u');
/**
 * What a bracket of capitalised words says when it points elsewhere in the paper, not to a
 * supplier: `(Methods)`, `(Supplementary Methods)`, `(Extended Data Fig. 2)`, `(Appendix)`.
 */
const CROSS_REFERENCE = /^(?:Online|Supplementa(?:ry|l)|Extended|Methods?|Materials|Appendix|Section|Table|Fig(?:ure|\.)?|Results|Discussion|Text|Data)\b/u;
/**
 * Product nouns that name other things as often (`the R-ISS staging system (IMWG)`, `CM medium
 * (Methods)`): their supplier's name must hold a lower-case letter, as a company's does.
 */
const GENERAL_PRODUCT_NOUN = /(?:media|medium|supplements?|flasks?|systems?|concentrators?)$/iu;
/**
 * A maker's initials, a product line's word of capitals, a model in Roman numerals and a product
 * noun: `BD ARIA II flow cytometer`. Read at the maker (the line's word, group 1, follows) or at the
 * line (a maker's capitals, {@link MAKER_CAPITALS_BEFORE}, before it). Capitals and numerals
 * without a maker (`the QGS II flow cytometer`, `MHC II`) say nothing.
 */
const ROMAN_MODEL_AND_PRODUCT_AFTER = new RegExp(String.raw`^([ \u00a0]+\p{Lu}{2,}[\p{Lu}\p{N}-]*)?[ \u00a0]+(?:${ROMAN_NUMERAL})(?:[ \u00a0]+\p{Ll}+){0,2}?[ \u00a0]+${PRODUCT_NOUN}\b`, 'u');
/** A maker's initials right before a product line's name, mid-sentence: `the BD `. */
const MAKER_CAPITALS_BEFORE = /(?:^|[^\p{L}\p{N}.!?])[ \u00a0]*\p{Lu}{2,4}[ \u00a0]+$/u;
/**
 * A web portal named after a word coined with a small letter first (`cBio Portal`). Capitals before
 * `Data Portal` (`ICGC Data Portal`) are often the consortium's initials, which copy-editors ask to spell out.
 */
const PORTAL_AFTER = /^(?:[ \u00a0]+\p{Lu}\p{Ll}+)?[ \u00a0]+Portal\b/u;
/** A word coined with small letters first, then a capital (`cBio`, `qPortal`): a name's shape, not a consortium's initials. */
const SMALL_LETTER_THEN_CAPITAL = /^\p{Ll}+\p{Lu}/u;
/** A model designation after a coined product's name: ` II`, ` 6000`, ` X-20`. */
const MODEL_AFTER_NAME = new RegExp(String.raw`^[ \u00a0]+(?:${ROMAN_NUMERAL}|\p{N}{1,4}|\p{Lu}-?\p{N}{1,3})(?![\p{L}\p{N}])`, 'u');
/**
 * A maker's or a product line's name right before the mention, mid-sentence: a capitalised or
 * camel-cased word, perhaps hyphen-joined (`Vysis`, `NanoString`, `Ficoll-Paque`), or a coined
 * line of a few capitals and a syllable (`AMPure XP beads`, `RNeasy`); not an enzyme or a
 * sequencing method written so (`DNase`, `RNAseq`).
 */
const MAKER_BEFORE = /(?:[^.!?:\s][ \u00a0]+|\()(\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)*(?:-\p{Lu}\p{Ll}+)*|(?!\p{Lu}+(?:seq|ase)[ \u00a0])\p{Lu}{2,4}\p{Ll}{3,})[ \u00a0]+$/u;
/**
 * Up to three capitalised words of a product's name, then its supplier alone in brackets, its name
 * holding a lower-case letter as a company's does: ` Fixable Aqua (Thermo Fisher)`; also after
 * the other half of a pair written with a slash (`LIVE/DEAD Fixable Aqua (…)`).
 */
const NAME_WORDS_AND_SUPPLIER_AFTER = new RegExp(String.raw`^(?:/\p{Lu}{2,})?(?:[ \u00a0]+\p{Lu}[\p{Ll}-]+){1,3}[ \u00a0]*${NAMED_SUPPLIER}`, 'u');
/** A supplier alone in brackets right after the mention: ` (CellGenix)`. */
const SUPPLIER_RIGHT_AFTER = new RegExp(String.raw`^[ \u00a0]*${NAMED_SUPPLIER}`, 'u');
/** A model name after a title-cased product noun: `Screener PLUS`, `System XT`. */
const AFTER_PRODUCT_TITLE = /(?:Screener|Instrument|Platform|System|Analy[sz]er|Cytometer|Sequencer|Kit)[ \u00a0]+$/u;
/** Words that head the name of an organisation or one of its units (`Immune Assessment Core`). */
const ORGANISATION_HEAD = String.raw`(?:University|Institute|Board|Agency|Centre|Center|Hospital|Foundation|Group|Society|Council|Consortium|Committee|Network|Alliance|Core|Facility|Laboratory)`;
/** An organisation named after the mention: capitalised words ending in a head (`Cancer Research Ethics Board`). */
const ORGANISATION_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+\p{Lu}[\p{L}-]*){0,4}?[ \u00a0]+${ORGANISATION_HEAD}\b`, 'u');
/** An organisation named right before the mention (`Cancer Trials Group `). */
const ORGANISATION_BEFORE = new RegExp(String.raw`\p{Lu}\p{Ll}+[ \u00a0]+${ORGANISATION_HEAD}[ \u00a0]+$`, 'u');
/** A coined name in quotation marks at the start of brackets: `("LySeqST"; …)`, `(“X”)`. */
const QUOTED_IN_BRACKETS_BEFORE = /\([ \u00a0]*["\u201c]$/u;
const QUOTE_AFTER = /^["\u201d]/u;
/**
 * One-letter amino-acid codes only: a motif such as `RRAR` or `RGD`; or codes joined by hyphens,
 * `X` for any residue and perhaps a count, as chemokine families and signalling motifs are
 * written (`C-C`, `C-X-C`, `C-X3-C`, `Y-X-X-M`).
 */
const RESIDUE_LETTERS = /^(?:[ACDEFGHIKLMNPQRSTVWY]{3,7}|[ACDEFGHIKLMNPQRSTVWY](?:[-\u2010\u2011](?:X\d{0,2}|[ACDEFGHIKLMNPQRSTVWY])){1,5})$/u;
/** What a motif is called, perhaps after a word (`furin recognition site`, `cleavage site`, `motif`). */
const MOTIF_AFTER = /^(?:[ \u00a0]+\p{Ll}+){0,2}?[ \u00a0]+(?:motifs?|(?:cleavage|recognition|binding)[ \u00a0]+sites?)\b/u;
/** A lower-case letter or a digit: a coined name (`LySeqST`), not a word of capitals. */
const NAME_SHAPE = /[\p{Ll}\p{N}]/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * A supplier's name in brackets, its first item holding a lower-case letter as a company's does,
 * perhaps its town and country, then a comma, perhaps `cat. no.`, and perhaps earlier codes of
 * the same product: `(EMD Millipore, `, `(Qiagen, Hilden, Germany, cat. no. `, `(Merck, X-1- `.
 */
const SUPPLIER_AND_CODES_BEFORE = new RegExp(
  String.raw`\((?=[^,()]*\p{Ll})(${CAPITALISED_WORDS})(?:,[ \u00a0]+${CAPITALISED_WORDS}){0,3},[ \u00a0]+(?:${CATALOGUE_WORDS}[ \u00a0]*|#)?(?:${CODE}(?:[,;/][ \u00a0]*|[ \u00a0]+))*$`,
  'u',
);
/** A catalogue number marked by its words after the mention, in the same bracket: ` cat#NM-DND-002)`, `, Cat. No. 12-345)`, `,Cat# A63881)`. */
const CATALOGUE_NUMBER_AFTER = new RegExp(String.raw`^(?:[,;][ \u00a0]*|[ \u00a0]+)${CATALOGUE_WORD}[ \u00a0]*(?:[Nn]o\.?|#)[ \u00a0]*${CODE}[ \u00a0]*\)`, 'u');
/** The bracket opens right before the mention. */
const BRACKET_OPENS_BEFORE = /\([ \u00a0]*$/u;
/**
 * A supplier's other words, one or two, then a catalogue number marked by `#`, closing the bracket:
 * ` Bio #155405)`. Not a record's words (`(IACUC Protocol #2019-0456)`, `(UPN #1043)`): an
 * approval's or a patient's number.
 */
const SUPPLIER_WORDS_THEN_NUMBER = /^(?:[ \u00a0]+(?!(?:Protocols?|Approvals?|Permits?|No|ID|Numbers?|Study|Trial|Patients?|Case|Samples?|Subjects?|Donors?)(?![\p{L}]))\p{Lu}[\p{L}-]*){1,2}[ \u00a0]*#[ \u00a0]*[\p{L}\p{N}-]*\p{N}{3,}[\p{L}\p{N}-]*[ \u00a0]*\)/u;
/** A bracket opened before the mention in the same stretch, not closed: the mention is inside it. */
const OPEN_BRACKET_BEFORE = /\([^()\n]{0,40}$/u;
/** The bracket closes soon after, with no other bracket opened. */
const BRACKET_CLOSES_AFTER = /^[^()\n]{0,40}?\)/u;

/**
 * True when the mention is a catalogue number in its supplier's bracket (`kits (EMD Millipore,
 * HCYTMAG-60K)`): a code with a digit after the supplier's name. An expansion is never written so.
 */
function isCatalogueNumber(before: string, after: string, mention: Pick<AbbreviationMention, 'text'>): boolean {
  if (!HAS_DIGIT.test(mention.text) || !BRACKET_CLOSES_AFTER.test(after)) return false;
  // A product's code right before its catalogue number in one bracket: `(Cosmo Bio TDM-2 cat#NM-DND-002)`.
  if (CATALOGUE_NUMBER_AFTER.test(after) && OPEN_BRACKET_BEFORE.test(before)) return true;
  const supplied = SUPPLIER_AND_CODES_BEFORE.exec(before);
  const supplier = supplied?.[1];
  if (supplier === undefined || CROSS_REFERENCE.test(supplier)) return false;
  // A company, by its coined name (`BioLegend`), a company's word (`EMD Millipore`, `Acme Biosciences`), or a catalogue mark: not `(Cohort B, DL-3)`.
  return COMPANY_WORD.test(supplier) || supplier.split(/[ \u00a0]/u).some((word) => hasCoinedShape(word) && !SURNAME_PREFIX.test(word)) || CATALOGUE_MARK.test(supplied![0]);
}
/**
 * Words that name a company in its name: a legal form, or a noun firms of the field take (`EMD
 * Millipore`, `BD Biosciences`, `Qx GmbH`, `IBA Life Sciences`, `CDN Isotopes`). Shared with nameContext's organisation after a name.
 */
export const COMPANY_NAME_WORDS = String.raw`Healthcare|Bioscience|Biosciences|BioSciences|Biotechnology|Biotech|Biotec|Biologics|Technologies|Scientific|Millipore|Pharmaceuticals?|Pharma|Therapeutics|Diagnostics|Laboratories|Labs|Systems|Instruments|Corporation|Corp\.?|Inc\.?|Ltd\.?|GmbH|AG|SA|LLC|Reagents|Genomics|Biosystems|Chemicals?|Life[ \u00a0]Sciences?|Isotopes`;
const COMPANY_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${COMPANY_NAME_WORDS})(?![\p{L}])`, 'u');
/** A catalogue number's mark: `cat. no.`, `catalog #`, `#`. */
const CATALOGUE_MARK = new RegExp(String.raw`,[ \u00a0]+(?:${CATALOGUE_WORDS}|#)`, 'u');

/**
 * Nouns of what a supplier sells and no clinical or statistical scheme is called (not `system`,
 * `assay`, `panel`, `score`): the bracket after one names who made it. After antibodies the bracket
 * names what they were used for as often (`antibodies (WB)`, `(IF)`): there the supplier's town
 * must follow its initials.
 */
const SOLD_PRODUCT_NOUN = String.raw`(?:kits?|cytometers?|sorters?|beads?|reagents?|columns?|dyes?|instruments?|analy[sz]ers?|sequencers?|microscopes?|cameras?|(?:plate[ \u00a0]+)?readers?|scanners?|chips?|cartridges?|flasks?|plates?|tubes?|filters?|membranes?|resins?|imagers?)`;
/**
 * What a supplier's initials alone in brackets follow: a sold product's noun (`the Cytofix/Cytoperm
 * kit (`), antibodies (group `antibodies`), or a coined product's name (`an LSRFortessa (`, `IncuCyte S3 (`).
 */
const PRODUCT_THEN_BRACKET_BEFORE = new RegExp(String.raw`(?:(?<![\p{L}\p{N}-])(?:${SOLD_PRODUCT_NOUN}|(?<antibodies>antibod(?:y|ies)))|(?<![\p{L}\p{N}])(?<coined>[\p{L}][\p{L}\p{N}-]*)(?:[ \u00a0]+(?:${MODEL_NUMBER}|\p{Lu}\p{N}{1,3}))?)[ \u00a0]*\($`, 'u');
/** The bracket closes right after the supplier's initials, or after its town and country (`, San Jose, CA)`). */
const SUPPLIER_BRACKET_CLOSES = new RegExp(String.raw`^(?:,[ \u00a0]+${CAPITALISED_WORDS}){0,3}\)`, 'u');
/** A supplier's initials: two to four capitals (`BD`, `GE`, `NEB`). */
const SUPPLIER_INITIALS = /^\p{Lu}{2,4}$/u;

/**
 * True when the mention is a supplier's initials alone in brackets right after what it sold (`the
 * Cytofix/Cytoperm kit (BD)`, `an LSRFortessa (BD, San Jose, CA)`). A definition in that place
 * spells the letters out before the bracket, which the detector reads first; initials that hold
 * the first letter of the word before (`feeder beads (FB)`) may stand for it, and stay an
 * abbreviation.
 */
export function isSupplierAfterProduct(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!SUPPLIER_INITIALS.test(mention.text)) return false;
  const before = PRODUCT_THEN_BRACKET_BEFORE.exec(masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start));
  const rest = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  if (!before || !SUPPLIER_BRACKET_CLOSES.test(rest)) return false;
  // After antibodies, initials alone name what they were used for as often (`(WB)`, `(IF)`): only a town after them makes them a supplier.
  if (before.groups?.antibodies !== undefined && !rest.startsWith(',')) return false;
  const coined = before.groups?.coined;
  if (coined !== undefined && !(hasCoinedShape(coined) || isCoinedName(coined))) return false;
  const word = coined ?? before[0];
  return !mention.text.includes(word.charAt(0).toUpperCase());
}

/** One to three lower-case letters, then only capitals and digits: `cfDNA`, `sEV`, `ctDNA` (not `iQue`, `RNeasy`). */
const PREFIXED_CAPITALS = /^\p{Ll}{1,3}\p{Lu}{2,}\p{N}*$/u;

/** The word right after the mention. */
const NEXT_WORD = /^[ \u00a0]+([\p{L}]+)(?![\p{L}\p{N}-])/u;

/** How far around a mention the context is read. */
const LOOK_BEHIND = 60;
const LOOK_AHEAD = 80;

/** True when the words around the mention name a product, an organisation, a study, a coined name or a motif. */
export function isProductNameInContext(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  // A lower-case prefix on capitals qualifies an abbreviation (`cfDNA`, `sEV`, `mtDNA`); products are not named so.
  if (PREFIXED_CAPITALS.test(mention.text)) return false;
  const before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  // A model's plus (`XRS+ system`) is part of its name.
  const modelEnd = masked.charCodeAt(mention.end) === 0x2b ? mention.end + 1 : mention.end;
  const after = masked.slice(modelEnd, modelEnd + LOOK_AHEAD);
  if (RESIDUE_LETTERS.test(mention.text) && MOTIF_AFTER.test(after)) return true;
  if (isCatalogueNumber(before, after, mention) || isSupplierAfterProduct(masked, mention)) return true;
  // A supplier opening a bracket that ends with a catalogue number: `(MP Bio #155405)`.
  if (BRACKET_OPENS_BEFORE.test(before) && SUPPLIER_WORDS_THEN_NUMBER.test(after)) return true;
  if (NAME_SHAPE.test(mention.text) && QUOTED_IN_BRACKETS_BEFORE.test(before) && QUOTE_AFTER.test(after)) return true;
  if (ORGANISATION_AFTER.test(after)) return true;
  if (HAS_DIGIT.test(mention.text) && ORGANISATION_BEFORE.test(before)) return true;
  if (TITLED_PRODUCT_AFTER.test(after) || AFTER_PRODUCT_TITLE.test(before)) return true;
  if (isAllCapitals(mention.text)) {
    const model = ROMAN_MODEL_AND_PRODUCT_AFTER.exec(after);
    if (model && (model[1] !== undefined || MAKER_CAPITALS_BEFORE.test(before))) return true;
  } else if (SMALL_LETTER_THEN_CAPITAL.test(mention.text) && PORTAL_AFTER.test(after)) return true;
  const next = NEXT_WORD.exec(after);
  // A coined word of another shape (`FACSCanto`) is a product when its model follows (`BD FACSCanto II`):
  // alone it may be a reporter after a promoter's abbreviation (`a PGK mNeonGreen vector`).
  if (next && isAllCapitals(mention.text) && (isCoinedName(next[1]!) || (hasCoinedShape(next[1]!) && MODEL_AFTER_NAME.test(after.slice(next[0].length))))) return true;
  // A product line's number, then its supplier alone in brackets: `X-VIVO 15 (Lonza)`.
  const line = LINE_NUMBER_AND_SUPPLIER_AFTER.exec(after);
  if (line && (PRODUCT_LINE_SHAPE.test(mention.text) || ROMAN_MODEL.test(line[1]!)) && !CROSS_REFERENCE.test(line[2]!)) return true;
  const productNoun = PRODUCT_NOUN_AFTER.exec(after);
  const hasMaker = MAKER_BEFORE.test(before);
  if (productNoun && (hasMaker || isSupplierAfter(after.slice(productNoun[0].length), GENERAL_PRODUCT_NOUN.test(productNoun[0])))) return true;
  // A maker's line, then its catalogue number in the same bracket: `(Ampure XP, Cat# A63881)`.
  if (hasMaker && (isSupplierAfter(after, false) || CATALOGUE_NUMBER_AFTER.test(after))) return true;
  // A product's name in words, then its supplier: `LIVE/DEAD Fixable Aqua (Thermo Fisher)`; not a
  // clinical instrument named after its author (`Response Criteria (Cheson)`).
  const named = NAME_WORDS_AND_SUPPLIER_AFTER.exec(after);
  if (named && !CROSS_REFERENCE.test(named[1]!) && !INSTRUMENT_WORD.test(named[0])) return true;
  // A supplier whose name is coined, as companies' are and expansions never (`SCGM (CellGenix)`),
  // or one followed by a catalogue number, which no expansion holds (`ReLeSR (STEMCELL Technologies, 05872)`).
  const supplied = SUPPLIER_RIGHT_AFTER.exec(after);
  const supplier = supplied?.[1];
  if (supplier === undefined || CROSS_REFERENCE.test(supplier)) return false;
  const first = supplier.split(/[ \u00a0]/u)[0]!;
  // A surname can look coined (`McDonald`, `DiPersio`, `LeBlanc`): an author, not a company.
  return (hasCoinedShape(first) && !SURNAME_PREFIX.test(first)) || (supplied!.groups?.catalogue?.length ?? 0) >= CATALOGUE_NUMBER_LENGTH;
}

/** Surnames with a capital inside (`McDonald`, `MacLeod`, `DiPersio`, `LeBlanc`, `VanDyke`, `O'Brien`): shaped like a coined company name. */
const SURNAME_PREFIX = /^(?:Mc|Mac|D[aeiu]|L[ae]|Van|Von|O')\p{Lu}/u;
/** Words that name a clinical instrument, which is named after its authors, not sold: `Response Criteria`, `Toxicity Scale`. */
const INSTRUMENT_WORD = /(?<![\p{L}])(?:Criteria|Scales?|Scores?|Scoring|Index|Grades?|Grading|Classification|Staging|Guidelines?|Consensus|Questionnaire)(?![\p{L}])/u;
/** The shortest catalogue number that alone makes a bracket a product's supplier (`, 05872`, `, 354277`). */
const CATALOGUE_NUMBER_LENGTH = 4;

/** Whether a supplier in brackets follows (see {@link SUPPLIER_AFTER}), not a cross-reference; with a lower-case letter in it when `named` is asked. */
function isSupplierAfter(after: string, named: boolean): boolean {
  const supplier = SUPPLIER_AFTER.exec(after)?.[1];
  return supplier !== undefined && !CROSS_REFERENCE.test(supplier) && (!named || /\p{Ll}/u.test(supplier));
}

/**
 * A computer's processor named by its maker, product line and model before `GPU`, `CPU` or
 * `processor`: `NVIDIA RTX 2060 GPU`, `2 AMD EPYC 9334 CPUs`, `one NVIDIA H100 SXM5 GPU`. The
 * designation is the run of words of capitals or digits right before the noun (up to two after
 * the mention, two before it), at least two words, one of them holding the model's digit
 * (`FP16 GPU kernels` is no designation). Read per use: the same letters elsewhere are what they
 * are there (`eyes with AMD`). The noun itself is an abbreviation, read as one.
 */
export function isProcessorDesignation(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (PROCESSOR_NOUN.test(mention.text)) return false;
  const designation = PROCESSOR_AFTER.exec(masked.slice(mention.end, mention.end + LOOK_AHEAD));
  if (!designation) return false;
  const after = designationWords(designation[1]!);
  const before = designationWords(DESIGNATION_BEFORE.exec(masked.slice(Math.max(0, mention.start - DESIGNATION_REACH), mention.start))?.[0] ?? '');
  const words = [...before, mention.text, ...after];
  // A word of the designation is no processor noun itself (`the HPC GPU cluster`), and a model's digit is written.
  return words.length >= 2 && !words.some((word) => PROCESSOR_NOUN.test(word)) && words.some((word) => HAS_DIGIT.test(word));
}
/** Up to two words of capitals or digits after the mention, then the processor's noun. */
const PROCESSOR_AFTER = /^((?:[ \u00a0]+[\p{Lu}\p{N}][\p{L}\p{N}-]{0,11}){0,2})[ \u00a0]+(?:[GCT]PUs?|processors?|graphics[ \u00a0]+cards?)(?![\p{L}\p{N}])/u;
/** Up to two words of capitals or digits right before the mention (`NVIDIA H100 ` before `SXM5`). */
const DESIGNATION_BEFORE = /(?:(?<![\p{L}\p{N}-])[\p{Lu}\p{N}][\p{L}\p{N}-]{0,11}[ \u00a0]+){1,2}$/u;
const DESIGNATION_REACH = 30;
const PROCESSOR_NOUN = /^[GCT]PUs?$/u;

/** The words of a designation's run, as written between spaces. */
function designationWords(run: string): string[] {
  return run.split(/[ \u00a0]+/u).filter((word) => word.length > 0);
}

/** A trademark or registered sign right after a name, as a character, an HTML entity, a superscript or in brackets. */
const TRADEMARK_AFTER = /^(?:[\u00ae\u2122]|&(?:reg|trade);|\^[\u00ae\u2122]\^|<sup>[\u00ae\u2122]<\/sup>|\((?:R|TM)\))/u;

/** True when the document's text marks the mention as a trademark: a product's name (`CircleCI&reg;`). */
export function isMarkedAsTrademark(text: string, mention: Pick<AbbreviationMention, 'end'>): boolean {
  return TRADEMARK_AFTER.test(text.slice(mention.end, mention.end + 12));
}

/** Regular-expression source of a literal: `B. Braun` matches only itself. */
function escaped(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
/**
 * A maker's name (`data/instrument-makers.json`, longest first), then up to two words of its
 * product line (`Zebron`, `Odyssey`, `5977b GC-MS`), right before the mention.
 */
const MAKER_AND_LINE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}-])(?:${[...instrumentMakers.makers].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?:[ \u00a0]+[\p{Lu}\p{N}][\p{L}\p{N}-]*){0,2}[ \u00a0]+$`,
  'u',
);
/** How far before the mention a maker and its line's words are read. */
const MAKER_REACH = 60;

/**
 * A model named by its maker (`data/instrument-makers.json`), shaped as a model is, with a digit
 * or a small letter among its capitals: right after the maker's name (`Olympus BX51`, `Illumina
 * cBot`), or after the maker and up to two words of its product line (`Phenomenex Zebron AB-5HT`,
 * `Licor Odyssey clX`). Read per key, so the designation's shape is what keeps a technique's
 * letters out: capitals alone after a maker and its line (`a JEOL JEM-1400 TEM`, `a Leica TCS SP8
 * STED system`) say nothing, nor does letters-then-capitals (`smFISH`, `cfDNA`), nor a designation
 * an instrument's or an assay's noun follows (`a Nikon Ti2 smFISH setup`, `Architect hs-cTnI
 * assay`: the technique the instrument runs), nor a heading's title-cased words (`Cell Signaling`).
 */
export function isModelOfMaker(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text' | 'inHeading'>): boolean {
  if (mention.inHeading || !MODEL_SHAPE.test(mention.text) || PREFIXED_CAPITALS.test(mention.text)) return false;
  if (!MAKER_AND_LINE_BEFORE.test(masked.slice(Math.max(0, mention.start - MAKER_REACH), mention.start))) return false;
  return !TECHNIQUE_NOUN_AFTER.test(masked.slice(mention.end, mention.end + 24));
}
/** A model's designation: a digit or a small letter among its capitals (`BX51`, `cBot`, `HiSeqX`). */
const MODEL_SHAPE = /[\p{N}\p{Ll}]/u;
/** An instrument's or an assay's noun right after the letters: they name what the instrument runs. */
const TECHNIQUE_NOUN_AFTER = new RegExp(String.raw`^[ \u00a0]+(?:${PRODUCT_NOUN}|setups?|protocols?|imaging|microscopy|measurements?)\b`, 'iu');
