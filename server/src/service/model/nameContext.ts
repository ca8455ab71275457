import { isAuthorInitials, isNamedInAffiliations } from './authorInitials';
import { DETERMINERS, FUNCTION_WORDS, PHRASE_BREAKS } from '../abbreviations/detector/wordLists';
import { bracketAround } from '../text/brackets';
import { hasTwoCapitals } from '../text/characters';
import { entryForKey } from '../knowledge/knowledgeBase';
import { followsWordAndSpace, isGlossedAfterMark, isSpelledBeforeItsBracket, isSpelledRightBefore } from '../abbreviations/definitionDetector';
import { isInsideQuotation } from '../text/quotations';
import { tokenize } from '../text/tokens';
import { knowledgeAsksToDefine } from './definitionNeeds';
import type { AbbreviationMention, DocumentModel } from './documentModel';
import { abbreviationKey, isClusterOfDifferentiationName, isCoinedWord } from './mentions';
import { isNamedByEmailAddress } from './contactAddress';
import { maskedWithLinesJoined } from './joinedLines';
import { COMPANY_NAME_WORDS, isMarkedAsTrademark, isModelOfMaker, isProductNameInContext } from './productNames';
import { isSubscriptedFormula, isSuperscriptQualifier } from './notation';
import { isCloneInPanel, isCloneOfAntibody, isCultureCollectionAccession } from './reagentLabels';
import { isStudyCode } from './studyNames';
import { isInSupplierAddress, LEGAL_FORM, SHARED_LEGAL_FORM } from './supplierAddress';
import { writesAsStateOfPlace } from './usStatePlaces';
import { RELEASE_MARK, compactLetters, isCitedByKeyCarrying, isCoinedToolName } from './toolNames';

/**
 * Names that look like abbreviations but are names given to one thing: an antibody clone
 * (`the 47D11 antibody clone`, `clone FMC63`), a drug or antibody code (`the antibody
 * (ADG-2)`, `a candidate drug, XR-17`, `cocktails such as AB-7 and CD-P5`, `etesevimab
 * (JS-2)`), a trial (`a phase 3 trial (ZETA-1)`), a virus strain or isolate (`bat coronavirus
 * RaTG13`), a cell line (`EL4 cells`, `the cell line B16`), a mouse strain (`NSG mice`),
 * software (`the SLMS-3 pipeline`, `the Python package PyMC3`, a link `[GAMBLR](https://…)`).
 * Journals do not ask authors to define them. The context says so; the shape alone cannot
 * (`PD-1` and `ADG-2` look alike). One such use anywhere in the document names the key.
 */

/**
 * One of `nouns` after a name, perhaps after its language (`MiXCR software`, `the DESeq2 R
 * package`), or in apposition after a colon, as a title names its program (`getTBinR: an R
 * package for …`); or `-package` joined to it (`the qpcR-package`; not `ODE-solvers`).
 */
function followingProgramNoun(nouns: string): RegExp {
  return new RegExp(String.raw`^(?:(?:\s+|:\s+an?\s+)(?:(?:R|Python|Bioconductor|Julia|MATLAB|Perl)\s+)?(?:${nouns})|-package)\b`, 'u');
}

/** Words after which a following mention (or list of mentions) is the name of that thing. */
const NAMING_HEAD = /(?:^|[^\p{L}\p{N}-])(?:clones?|strains?|isolates?|lineages?|cell lines?|cells|\p{L}+(?:cytes|blasts|phages)|antibod(?:y|ies)|packages?|pipelines?|toolkits?|solvers?|drugs?|compounds?|cocktails?|trials?|vaccines?|candidates?|coronavirus(?:es)?|viruses|(?:bacterio)?phages?|plasmids?|constructs?|\p{L}{3,}(?:mab|nib|vir|cel|cept))$/iu;
/** Words between the head and the name: `antibody (now X)`, `cocktails such as X`, `drug, X`. */
const NAME_LEAD = /(?:\s*[(,:]\s*|\s+)(?:(?:the|now|called|named|termed|such as|e\.g\.,?|i\.e\.,?|including)\s+)*(?:\p{Ll}+-)?$/iu;
/** Inside brackets, the name stands alone or in a list: `(ADG-2)`, `(X or Y)`, not `(PD-1 blockade)`. */
const ALONE_IN_BRACKETS = /^\s*(?:[),;/]|(?:and|or)\s)/u;
/** An earlier item of a list of names: `X, `, `X and `, `X/`, `X or `, with a prefix such as `bat-`. */
const EARLIER_LIST_ITEM = /(?<=^|[\s(,;:/])(?:\p{Ll}+-)?\p{Ll}{0,2}[\p{Lu}\p{N}][^\s,;()]*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\/)$/u;
/** A capitalised word as an earlier item: a strain or isolate named by a place (`strain (e.g., Mai, BR29)`). */
const PROPER_NAME_ITEM = /^\p{Lu}\p{Ll}+(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/u;
/** Names in a list carry numbers as the name itself does (`AB-7 and CD-P5`, not `CD16/FcγRIIIa and`). */
const HAS_NUMBER = /\p{N}/u;
/** What follows a name: `X mice`, `X antibody clone`, `X clone` (a slash-joined strain part may come first). */
const FOLLOWING_STRAIN = /^(?:\/[^\s]+)?\s+(?:(?:female|male|transgenic|nude|congenic|immunodeficient|humani[sz]ed)\s+)?(?:mice|mouse|strains?)\b/u;
const FOLLOWING_CLONE = /^\s+(?:antibody\s+)?clone\b/u;
/** An organisation named as such: `GE Healthcare`, `BPS Bioscience`, `EMD Millipore`, `ATCC`'s kin, `Qx GmbH`. */
const FOLLOWING_ORGANISATION = new RegExp(String.raw`^\s+(?:${COMPANY_NAME_WORDS}|Cancer Agency|Cancer Centre|Cancer Center)\b`, 'u');
/** Software and methods named as such: `the SLMS-3 pipeline`, `the QXR solver`, `MiXCR software`, `the DESeq2 R package`. */
const FOLLOWING_SOFTWARE = followingProgramNoun('solvers?|software|package|pipeline|toolkit');
/** A program's noun after its name, for the book (not `solvers`: `standard ODE solvers` names the kind of equation). */
const FOLLOWING_PROGRAM = followingProgramNoun('software|package|pipeline|toolkit');

/**
 * An open licence named by its letters, then perhaps its version or clauses and the word licence:
 * `the MIT license`, `a CC0 licence`, `CC BY 4.0 license`, `GPL-3 licenses`, `BSD 3-clause license`. The licence's name
 * is the name it goes by. Other capitals before `licence` are a regulator's or a permit's (`an
 * HTA licence`, `the EUA license`), which copy-editors ask to spell out.
 */
const OPEN_LICENCE = /^(?:MIT|BSD|ISC|MPL|EPL|EUPL|CDDL|[AL]?GPL(?:-?v?\p{N}(?:\.\p{N})?)?|CC(?:0|-BY(?:-[A-Z]{2})*)?)$/u;
/**
 * A licence's identifier with its version, as SPDX writes them (`CC0-1.0`, `CC-BY-4.0`,
 * `GPL-3.0`, `LGPL-2.1`, `MPL-2.0`, `EPL-2.0`): the shape alone names the licence.
 */
const VERSIONED_LICENCE = /^(?:CC0|CC-BY(?:-[A-Z]{2})*|[AL]?GPL|MPL|EPL|EUPL|CDDL)-\p{N}\.\p{N}$/u;
/** A Creative Commons licence's terms after `CC` (`CC BY-NC-ND 4.0`): `BY`, `NC`, `ND`, `SA`. */
const CREATIVE_COMMONS_TERMS = /^(?:BY|NC|ND|SA)(?:-(?:BY|NC|ND|SA))*$/u;
const CREATIVE_COMMONS_BEFORE = /(?:^|[^\p{L}\p{N}])CC[ \u00a0-]$/u;
/** A licence field's label before its value (`License: MIT`, `Licence: GPL-3`), as a software availability list gives it. */
const LICENCE_LABEL_BEFORE = /(?:^|[^\p{L}])[Ll]icen[cs]e[ \u00a0]*:[ \u00a0]*$/u;
/** The word licence after a licence's letters, perhaps after its version or terms (`4.0`, `BY-SA 4.0`, `v3`). */
const FOLLOWING_LICENCE = /^(?:\s+(?:[\p{Lu}\p{N}][\p{Lu}\p{N}.\-]*|v\.?\p{N}[\p{N}.]*|\p{N}-[Cc]lause)){0,2}\s+[Ll]icen[cs]es?\b/u;
/**
 * A year after a slash, as an isolate is designated by its place and number (`USA-WA1/2020`,
 * `USA-CA2/2020`): the letters before are part of its name. A code with a number alone before the
 * slash (`PDX-17/2021`, `MRD-2/2020`) is a sample's or a batch's, and stays an abbreviation.
 */
const FOLLOWING_ISOLATE_YEAR = /^\/(?:19|20)\p{N}{2}(?![\p{L}\p{N}])/u;
/** An isolate's place and number (`USA-WA1`, `USA-CA2`): capitals, a hyphen, a region's letters and a number. */
const ISOLATE_PLACE_AND_NUMBER = /^\p{Lu}{2,}-\p{Lu}{1,4}\p{N}{1,3}$/u;
/**
 * An identifier's prefix before its number: the number has five digits or more, or a leading zero
 * (`HSA 04650`, a KEGG pathway; `GSE 147507`), or the two stand alone in brackets (`(CTN 1703)`).
 * A count or a dose after capitals (`EVT 3000 exposure`) and a year (`WHO 2016`) leave them abbreviations.
 */
const FOLLOWING_IDENTIFIER_NUMBER = /^[ \u00a0](?:0\p{N}{3,}|[1-9]\p{N}{4,})(?![\p{L}\p{N}])/u;
/** A number in the CAS Registry's shape after the capitals: two to seven digits, two, then a check digit (`CAS 55-06-1`). */
const FOLLOWING_REGISTRY_NUMBER = /^[ \u00a0](?:No\.?[ \u00a0]?|#)?\p{N}{2,7}-\p{N}{2}-\p{N}(?![\p{L}\p{N}-])/u;
/** A number of four digits or more, not a year, closing a bracket that the capitals open (`(CTN 1703)`). */
const BRACKETED_IDENTIFIER = /^[ \u00a0](?!(?:19|20)\p{N}{2}(?!\p{N}))\p{N}{4,}\)/u;
const CAPITALS_ONLY = /^\p{Lu}{2,6}$/u;

/** A promoter named by its letters (`a CAG promoter`, `the EF1α and PGK promoters`): a construct's part, named, not abbreviated. */
const FOLLOWING_PROMOTER = /^\s+promoters?\b/u;
/**
 * A file format's name before `file(s)` or `format(s)`, perhaps with other formats listed between
 * (`BED files`, `the GFF format`, `(BED, FASTA or narrowPeak format)`, `IDAT-files`): a format, not a term to define.
 */
const FOLLOWING_FILE = /^(?:(?:,[ \u00a0]+|[ \u00a0]+(?:or|and)[ \u00a0]+)[\p{L}\p{N}]+){0,3}(?:[ \u00a0]+|-)(?:files?|formats?)(?![\p{L}\p{N}])/u;
/**
 * A buffer or medium given with its recipe in brackets after it: a molar amount, then what is
 * dissolved (`TE (10 mM Tris-Cl, 1 mM EDTA)`, `buffer EB (10 mM Tris-Cl)`): the recipe says what
 * it is. Not a bare amount (`IL-15 (10 ng/ml)`, `X (10 mM)`), a dose of the thing named; not a
 * percentage, which says how many as often (`PRCA (1% of cases)`).
 */
const FOLLOWING_RECIPE = /^[ \u00a0]*\((?:\d+(?:[.,]\d+)?[ \u00a0]*(?:[mµμn]M|M)[ \u00a0]+\p{L})/u;
/**
 * A cell line is followed by `cells` directly (`EL4 cells`), or after the word for the part a
 * line plays in culture (`OP9-DL1 stromal cells`, `HEK293T producer cells`), unlike `IL-15
 * stimulated cells`; not after a disease or a role a mutation names too (`FLT3-ITD leukemia
 * cells`, `HER2 target cells`).
 */
const FOLLOWING_CELLS = /^\s+(?:(?:stromal|feeder|producer|packaging|reporter)\s+)?(?:cells?|cell lines?)\b/u;
/** A line named before the words `cell line(s)`, or before `cells` said to be one in brackets (`HK cells (an FDC cell line)`). */
const FOLLOWING_CELL_LINE = /^\s+(?:cell\s+lines?\b|cells\s+\((?:an?\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}cell\s+line\))/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * A plasmid's name: a small `p` (perhaps with one or two more small letters) before a capital, as
 * plasmids are named (`psPAX2`, `pMD2.G`, `pcDNA3.1`, `pCDH-EF1`, `pLKO.1`), where the words around
 * say it is a vector: `X vector`, `the X lentiviral backbone`, `cloned into X`, `transfected with
 * X`. The shape alone is no proof: `pSTAT5` is a phosphorylated protein, `pDC` a cell.
 */
const PLASMID_NAME = /^p\p{Ll}{0,2}\p{Lu}[\p{L}\p{N}.\-]*$/u;
/**
 * After a verb alone, a plasmid's name must carry a number or a coined syllable (`psPAX2`, `pLenti`):
 * `transfected with pDNA` is plasmid DNA, an abbreviation. A vector noun after it names any shape (`the pLVX vector`).
 */
const PLASMID_MARK = /\p{N}|\p{Lu}\p{Ll}/u;
const FOLLOWING_VECTOR = /^[ \u00a0]+(?:(?:lentiviral|retroviral|gammaretroviral|transposon|expression|transfer|packaging|envelope|empty|cloning|backbone)[ \u00a0]+){0,2}(?:vectors?|backbones?|plasmids?)(?![\p{L}\p{N}])/u;
const VECTOR_VERB_BEFORE = /(?:^|[^\p{L}])(?:(?:sub)?cloned|inserted|ligated|(?:co-?)?transfected)[ \u00a0]+(?:in(?:to)?|with)[ \u00a0]+(?:(?:the|a)[ \u00a0]+)?$/u;

/**
 * A company's legal form right after a word of the company's name (a capital, then small letters),
 * inside the bracket that names a supplier (`(Roche Diagnostics GmbH., Mannheim)`, `(Quarkwerk Ltd,
 * Cambridge, UK)`): part of the organisation's name, never an abbreviation to define. Forms whose
 * letters name conditions and measures too (`AB`, `AG`, `AS`, `SA`, `BV`, `NV`, `PLC`: antibody,
 * anion gap, aortic stenosis) need more: a company noun before them (`Bio-Rad Laboratories AB`)
 * or the town and the country after them (`AB, Oslo, Norway)`); a list of groups (`(Controls,
 * Moderate AS, Severe AS)`) has neither. Not after a code (`(GI.1 NV)`, a norovirus strain), and
 * never where the bracket writes the same letters again. (The forms: supplierAddress.ts.)
 */
const COMPANY_WORD_BEFORE = /\p{Lu}\p{Ll}[\p{L}\p{N}&.'-]*[ \u00a0]+$/u;
const COMPANY_NOUN_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${COMPANY_NAME_WORDS})[ \u00a0]+$`, 'u');
const AFTER_LEGAL_FORM = /^\.?[ \u00a0]*[,;)]/u;
/** The town and the country after a legal form, closing the bracket: `, Oslo, Norway)`, `, Mannheim, Germany)`. */
const TOWN_AND_COUNTRY_AFTER = /^\.?,[ \u00a0]*\p{Lu}[\p{L}.'-]*(?:[ \u00a0]+\p{Lu}[\p{L}.'-]*)*,?[ \u00a0]+\p{Lu}[\p{L}.'-]*(?:[ \u00a0]+\p{Lu}[\p{L}.'-]*)*[ \u00a0]*\)/u;

/** True when the mention is a company's legal form in a supplier's bracket (see the comment above). */
function isLegalFormOfCompany(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  const shared = SHARED_LEGAL_FORM.test(mention.text);
  if ((!shared && !LEGAL_FORM.test(mention.text)) || !AFTER_LEGAL_FORM.test(masked.slice(mention.end, mention.end + 4))) return false;
  const before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || /[)\n]/u.test(before.slice(open + 1)) || !COMPANY_WORD_BEFORE.test(before)) return false;
  const after = masked.slice(mention.end, mention.end + LOOK_BEHIND);
  const close = after.indexOf(')');
  const bracket = before.slice(open + 1) + masked.slice(mention.start, mention.end) + (close >= 0 ? after.slice(0, close) : after);
  if (bracket.split(/[^\p{L}\p{N}]+/u).filter((word) => word === mention.text).length > 1) return false;
  return !shared || COMPANY_NOUN_BEFORE.test(before) || TOWN_AND_COUNTRY_AFTER.test(after);
}

/** How far around a mention the context is read. */
const LOOK_BEHIND = 80;
const LOOK_AHEAD = 40;

/** True when the mention is written as a name, by the words around it. */
export function isNameInContext(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  const after = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  if (FOLLOWING_STRAIN.test(after) || FOLLOWING_SOFTWARE.test(after) || FOLLOWING_ORGANISATION.test(after) || FOLLOWING_PROMOTER.test(after)) return true;
  if (CAPITALS_ONLY.test(mention.text) && (FOLLOWING_RECIPE.test(after) || FOLLOWING_FILE.test(after))) return true;
  if (VERSIONED_LICENCE.test(mention.text)) return true;
  if (OPEN_LICENCE.test(mention.text) && (FOLLOWING_LICENCE.test(after) || LICENCE_LABEL_BEFORE.test(masked.slice(Math.max(0, mention.start - 12), mention.start)))) return true;
  if (CREATIVE_COMMONS_TERMS.test(mention.text) && FOLLOWING_LICENCE.test(after) && CREATIVE_COMMONS_BEFORE.test(masked.slice(Math.max(0, mention.start - 4), mention.start))) return true;
  if (ISOLATE_PLACE_AND_NUMBER.test(mention.text) && FOLLOWING_ISOLATE_YEAR.test(after)) return true;
  if (CAPITALS_ONLY.test(mention.text) && (FOLLOWING_IDENTIFIER_NUMBER.test(after) || FOLLOWING_REGISTRY_NUMBER.test(after) || (masked.charAt(mention.start - 1) === '(' && BRACKETED_IDENTIFIER.test(after)))) return true;
  if (PLASMID_NAME.test(mention.text) && (FOLLOWING_VECTOR.test(after) || (PLASMID_MARK.test(mention.text.slice(1)) && VECTOR_VERB_BEFORE.test(masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start))))) return true;
  // Codes, clones and lines carry a number (`ADG-2`, `RaTG13`, `EL4`, `OKT3`); a word of
  // capitals (`TKI` after `inhibitor (`) or `iPSC` in `iPSC clone` is an abbreviation to define.
  if (!HAS_DIGIT.test(mention.text)) return false;
  if (FOLLOWING_CLONE.test(after)) return true;
  if (FOLLOWING_CELLS.test(after) && !isClusterOfDifferentiationName(mention.text)) return true;
  let before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  // `anti-PD-1` names the target, an abbreviation; another lower-case prefix (`bat-SL-CoVZC45`) is part of the name.
  if (/anti-$/iu.test(before)) return false;
  before = before.replace(/\p{Ll}+-$/u, '');
  // Step back over earlier names of the same list: `cocktails (AB-7 and «CD-P5»)`.
  for (let items = 0; items < 5; items++) {
    const earlier = EARLIER_LIST_ITEM.exec(before);
    if (!earlier || !(HAS_NUMBER.test(earlier[0]) || PROPER_NAME_ITEM.test(earlier[0]))) break;
    before = before.slice(0, earlier.index);
  }
  const lead = NAME_LEAD.exec(before);
  // `antibodies such as anti-PD-1` name the target, which is an abbreviation.
  if (!lead || /anti-$/iu.test(lead[0]) || (lead[0].includes('(') && !ALONE_IN_BRACKETS.test(after))) return false;
  return NAMING_HEAD.test(before.slice(0, lead.index));
}

/**
 * True when some main-text use of `key` names a program by a software noun right after it or a
 * package noun before it (`the EAGER pipeline`, `the R package QZVA`): a name other files of a book may
 * carry whatever its shape, as the program's authors chose it. Other name readings of a word of
 * capitals (a strain, a line) stay in their file.
 */
export function isNamedAsProgram(model: DocumentModel, key: string): boolean {
  const mentions = model.byKey.get(key)?.mentions ?? [];
  for (let i = 0; i < mentions.length && i < 50; i++) {
    const mention = mentions[i]!;
    // The main text's reading only, as only the main text carries across files.
    if (mention.scope !== 'main' && mention.scope !== 'document') continue;
    if (FOLLOWING_PROGRAM.test(model.prose.masked.slice(mention.end, mention.end + LOOK_AHEAD))) return true;
    if (PACKAGE_BEFORE.test(model.prose.masked.slice(Math.max(0, mention.start - 40), mention.start).replace(/[ \u00a0]+$/u, ' '))) return true;
  }
  return false;
}

/** True when some use of `key` in the document is written as a name (see {@link isNameInContext}). */
export function isWrittenAsName(model: DocumentModel, key: string): boolean {
  // Asked once per scope a key is undefined in (a thesis has hundreds of legends): remember per model.
  let known = namesByModel.get(model);
  if (!known) namesByModel.set(model, (known = new Map()));
  let isName = known.get(key);
  if (isName === undefined) known.set(key, (isName = readsAsName(model, key)));
  return isName;
}
const namesByModel = new WeakMap<DocumentModel, Map<string, boolean>>();

function readsAsName(model: DocumentModel, key: string): boolean {
  const found = model.byKey.get(key);
  // A key the document defines, or one the knowledge base says needs defining, is an abbreviation.
  if (!found || found.definitions.length > 0) return false;
  const mentions = found.mentions;
  // A package named as such is named by its authors' word (`the R package GSVA`), whatever the
  // letters stand for in the knowledge base: the package, not the method, is meant.
  for (let i = 0; i < mentions.length && i < 50; i++) if (isNamedAsSoftware(model.prose.masked, mentions[i]!, model.text)) return true;
  // A state the document names after a place (`Port St. Lucie, FL`) labels that site alone too (`the FL study site`),
  // whatever else the letters stand for (follicular lymphoma): every use says it is a site.
  if (everyUseFollowedBy(model.prose.masked, mentions, SITE_AFTER) && writesAsStateOfPlace(model.prose.masked, key)) return true;
  // The trademark sign written as a superscript at every use (`3M^TM^`, `<sup>TM</sup>`), whatever else the letters stand for.
  if (mentions.length > 0 && mentions.every((mention) => mention.text === 'TM' && isSuperscriptQualifier(model.text, mention.start, mention.end))) return true;
  if (knowledgeAsksToDefine(model.knowledge, key)) return false;
  // The authors' own organisation, named in their affiliations (`CeMM Research Center …`).
  if (isNamedInAffiliations(model, key)) return true;
  // An author named by initials is a person (letters the knowledge base knows, `CT`, `RA`, were ruled out above).
  for (let i = 0; i < mentions.length && i < 50; i++) if (isAuthorInitials(model, mentions[i]!)) return true;

  if (isNumberedClusterLabel(model, key)) return true;
  // A name is given near its first uses; a key used hundreds of times is read no further.
  const joined = maskedWithLinesJoined(model);
  for (let i = 0; i < mentions.length && i < 50; i++) {
    const mention = mentions[i]!;
    if (NAME_READINGS.some((reads) => reads(joined, mention, model.text))) return true;
  }
  // `IQ-Tree`, `UNION-Com`: letters the document writes only joined to a capitalised word (see STYLED_PART_AFTER).
  return isCellLineWithoutNumber(model.prose.masked, mentions) || everyUseFollowedBy(model.prose.masked, mentions, STYLED_PART_AFTER);
}

/** A key that ends in a number of one or two digits after a letter: a stem and a member's number (`CD8T2`, `Mono1`). */
const NUMBERED_KEY = /^(\p{Lu}[\p{L}\p{N}]*?\p{L})(\d{1,2})$/u;
/** The words that say the numbers label groups a method found: clusters, subclusters, subsets, states, programs. */
const GROUP_WORD = /(?<![\p{L}])(?:(?:sub)?(?:clusters?|sets?|populations?|types?)|states?|programs?|modules?|communit(?:y|ies))(?![\p{L}])/iu;
/** How far before a family's first use the group word is looked for. */
const GROUP_WORD_REACH = 120;
/** The fewest numbered members a family of labels has. */
const FEWEST_LABELLED_MEMBERS = 3;
/** Per model: each stem's numbered members (distinct numbers) and where the first of them is first used. */
const numberedFamilies = new WeakMap<DocumentModel, Map<string, { numbers: Set<string>; first: number; block: number; defined: boolean }>>();

/**
 * True when the key is one of three or more numbered labels of one stem, none defined, and a word
 * naming groups stands shortly before the family's first use, in its paragraph (`Every CD8
 * subcluster … (CD8T1, …; CD8T2, …; CD8T3, …)`): the labels a clustering gave, which the text
 * explains as a family, not abbreviations to spell out.
 */
function isNumberedClusterLabel(model: DocumentModel, key: string): boolean {
  const stem = NUMBERED_KEY.exec(key)?.[1];
  if (stem === undefined) return false;
  let families = numberedFamilies.get(model);
  if (!families) {
    families = new Map();
    for (const [other, found] of model.byKey) {
      const match = NUMBERED_KEY.exec(other);
      if (!match || found.mentions.length === 0) continue;
      let family = families.get(match[1]!);
      if (!family) families.set(match[1]!, (family = { numbers: new Set(), first: Infinity, block: -1, defined: false }));
      family.numbers.add(match[2]!);
      if (found.mentions[0]!.start < family.first) {
        family.first = found.mentions[0]!.start;
        family.block = found.mentions[0]!.block;
      }
      if (found.definitions.length > 0) family.defined = true;
    }
    numberedFamilies.set(model, families);
  }
  const family = families.get(stem);
  if (!family || family.defined || family.numbers.size < FEWEST_LABELLED_MEMBERS) return false;
  const blockStart = model.prose.blocks[family.block]?.start ?? 0;
  return GROUP_WORD.test(model.prose.masked.slice(Math.max(blockStart, family.first - GROUP_WORD_REACH), family.first));
}

/** How far from the capitals a file name with their extension is looked for, within their paragraph. */
const FILE_NAME_REACH = 120;
/** A character of a file's name before its extension. */
const FILE_NAME_CHARACTER = /^[\p{L}\p{N}_-]$/u;
/** A file's noun after the capitals: `the RMD script`, `QMD notebooks`. */
const FILE_NOUN_AFTER = /^[ \u00a0]+(?:scripts?|files?|notebooks?|documents?|templates?|workbooks?|spreadsheets?|images?)(?![\p{L}\p{N}])/u;
/** A paragraph break, with either line ending. */
const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n/gu;

/**
 * Capitals named as a kind of file (`run the RMD script main_text.rmd`) where a file name in the
 * same paragraph carries them as its extension: the file's format, not a term. Both must hold:
 * the noun alone may follow an abbreviation (`the QC script`), and a file name alone may share
 * letters by chance (`Wells with NC … plate_layout.nc`).
 */
function isExtensionOfFileNearby(text: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!/^\p{Lu}{2,5}$/u.test(mention.text) || !FILE_NOUN_AFTER.test(text.slice(mention.end, mention.end + 16))) return false;
  // The reach around the mention, cut at paragraph breaks on either side.
  const window = text.slice(Math.max(0, mention.start - FILE_NAME_REACH), mention.end + FILE_NAME_REACH);
  const at = mention.start - Math.max(0, mention.start - FILE_NAME_REACH);
  let from = 0;
  let to = window.length;
  for (const found of window.matchAll(PARAGRAPH_BREAK)) {
    if (found.index + found[0].length <= at) from = found.index + found[0].length;
    else if (found.index >= at + mention.text.length) {
      to = found.index;
      break;
    }
  }
  const near = window.slice(from, to).toLowerCase();
  const extension = `.${mention.text.toLowerCase()}`;
  for (let dot = near.indexOf(extension); dot >= 0; dot = near.indexOf(extension, dot + 1)) {
    if (FILE_NAME_CHARACTER.test(near.charAt(dot - 1)) && !/[\p{L}\p{N}]/u.test(near.charAt(dot + extension.length))) return true;
  }
  return false;
}

/**
 * What a site's label goes on with, perhaps with other sites' labels between: `the FL study
 * site`, `PA sites`, `the PA and FL study sites`. Not a cohort, a clinic or
 * a centre (`the FL cohort`, `the MS clinic`: a disease's), nor a place preposition (`at CT`,
 * `in MI`: a scan, an infarction), which a supplier's address in the methods would otherwise
 * turn into states.
 */
const SITE_AFTER = /^(?:(?:,|[ \u00a0]+(?:and|or))[ \u00a0]+\p{Lu}{2}(?![\p{L}\p{N}]))*[ \u00a0]+(?:study[ \u00a0]+)?sites?(?![\p{L}\p{N}])/u;

/**
 * Whether every use of a key (a key used more than 50 times is read no further) goes on as
 * `after` says: each a site's label, or each the first part of a styled name.
 */
function everyUseFollowedBy(masked: string, mentions: readonly AbbreviationMention[], after: RegExp): boolean {
  if (mentions.length === 0 || mentions.length > 50) return false;
  return mentions.every((mention) => after.test(masked.slice(mention.end, mention.end + LOOK_AHEAD)));
}

/**
 * A hyphen (a table may space it) and a capitalised word that ends the compound (`IQ-Tree`,
 * `UNION-Com`; not `-Seq`, a sequencing method's suffix): a product's styled name. Prose joins an
 * abbreviation to a word in small letters (`CAR-engineered`); a capital there is a name's styling,
 * or a title's, which is why every use must be written so and the key must be one the knowledge
 * base does not ask to define.
 */
const STYLED_PART_AFTER = /^ ?[-\u2010\u2011] ?(?!Seq\b)\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}\-\u2010\u2011])/u;

/**
 * `two CHM cell lines`, `the HAP cell line`: a line named without a number, when the document
 * writes the name only before `cells` or `cell line(s)`. Used anywhere else (`ESCC patients`), the
 * letters are a cell type or a disease, an abbreviation to define. A cell type the knowledge base
 * asks to define (`NK cell lines`) was ruled out before; a CD marker (`CD34 cell lines`) is one.
 */
function isCellLineWithoutNumber(masked: string, mentions: readonly AbbreviationMention[]): boolean {
  if (mentions.length === 0 || isClusterOfDifferentiationName(mentions[0]!.text)) return false;
  let namesLine = false;
  for (let i = 0; i < mentions.length && i < 50; i++) {
    const after = masked.slice(mentions[i]!.end, mentions[i]!.end + LOOK_AHEAD);
    if (!FOLLOWING_CELLS.test(after)) return false;
    if (FOLLOWING_CELL_LINE.test(after)) namesLine = true;
  }
  return namesLine && mentions.length <= 50;
}

/**
 * Where the author names `key` in words within `scope` (`… and indicated as Q2X.`,
 * `(referred as SVPOP below)`; see {@link isIntroducedAsName}), if they do. Such a naming
 * defines the key as a bracketed definition would: for its own scope, so a legend, which
 * journals may read on its own, still has to define it.
 */
export function introductionIn(model: DocumentModel, key: string, scope: string): AbbreviationMention | undefined {
  let known = introductionsByModel.get(model);
  if (!known) introductionsByModel.set(model, (known = new Map()));
  let byScope = known.get(key);
  if (byScope === undefined) {
    byScope = new Map();
    const mentions = model.byKey.get(key)?.mentions ?? [];
    // Scopes used before: a loose spelling, or a verb that gives no letters, after a use is no introduction (the letters
    // were used before it). A use inside a quotation (`a "EPN, MPE" classification`) quotes a label, not the author's use.
    const usedBefore = new Set<string>();
    for (let i = 0; i < mentions.length && i < 50; i++) {
      const mention = mentions[i]!;
      if (byScope.has(mention.scope)) continue;
      const first = !usedBefore.has(mention.scope);
      if (isIntroducedAsName(model.prose.masked, mention) || isSpelledByVerbAfter(model.prose.masked, mention, model.knowledge, first) || (first && (isSpelledBeforeBracket(model, mention) || isSpelledRightBeforeUse(model, mention) || isGlossedAfterMark(model.prose.masked, mention.start, mention.end) || isSpelledByEmphasisedInitials(model, mention)))) {
        byScope.set(mention.scope, mention);
        continue;
      }
      const block = model.prose.blocks[mention.block];
      if (!block || !isInsideQuotation(model.text, block.start, block.end, mention.start, mention.end, 1)) usedBefore.add(mention.scope);
    }
    known.set(key, byScope);
  }
  return byScope.get(scope);
}
const introductionsByModel = new WeakMap<DocumentModel, Map<string, Map<string, AbbreviationMention>>>();

/**
 * A use whose letters the words right after it spell by their emphasised initials, in order:
 * `the FAIR principles of **F**indability, **A**ccessibility, **I**nteroperability and
 * **R**eusability`, `the **QIM** mnemonic: **Q** is for quiet …, **I** is for …, **M** …`. The
 * author introduces the letters there, one marked letter each, as an acronym's letters are
 * taught; the first marked letter stands soon after the use, all in its paragraph.
 */
function isSpelledByEmphasisedInitials(model: DocumentModel, mention: AbbreviationMention): boolean {
  const letters = mention.key.replace(/[^\p{L}]/gu, '').toLowerCase();
  const block = model.prose.blocks[mention.block];
  if (letters.length < 2 || letters.length !== mention.key.length || !block) return false;
  const after = model.text.slice(mention.end, Math.min(block.end, mention.end + INITIALS_REACH));
  let at = 0;
  for (const marked of after.matchAll(EMPHASISED_INITIAL)) {
    if (at === 0 && marked.index > FIRST_INITIAL_REACH) return false;
    const letter = (marked[1] ?? marked[2] ?? marked[3] ?? marked[4])!.toLowerCase();
    if (letter !== letters[at]) return false;
    if (++at === letters.length) return true;
  }
  return false;
}
/** One letter in bold or italics, alone or opening a word: `**F**indability`, `__L__ is for`, `*R*eusability`. */
const EMPHASISED_INITIAL = /(?<![\p{L}\p{N}*_])(?:\*\*(\p{L})\*\*|__(\p{L})__|\*(\p{L})\*|_(\p{L})_)(?![*_])/gu;
/** How far after the use its emphasised initials are read, and where the first of them must stand. */
const INITIALS_REACH = 1500;
const FIRST_INITIAL_REACH = 200;

/**
 * A use in a bracket written after words which spell its letters, loosely (`Kidney Clear Cell
 * Carcinoma (KIRC)`; see {@link isSpelledBeforeItsBracket}): introduced there in words, when it is
 * the scope's first use (see {@link introductionIn}). The use is alone in the bracket, or the label
 * after the short form of a family the document defines (`myxopapillary ependymomas (EPN, MPE)`, a
 * tumour type's subtype); a list (`(EGF, NGF)`, `(BDNF, NGF)`) names examples, not the words' letters.
 */
function isSpelledBeforeBracket(model: DocumentModel, mention: AbbreviationMention): boolean {
  const masked = model.prose.masked;
  if (!CLOSE_AFTER.test(masked.slice(mention.end, mention.end + 3))) return false;
  const open = labelBracketOpen(model, mention);
  if (open === undefined) return false;
  const block = model.prose.blocks[mention.block];
  const tokens = model.blockTokens[mention.block];
  if (!block || !tokens || open < block.start) return false;
  return isSpelledBeforeItsBracket(masked.slice(block.start, block.end), tokens, open - block.start, mention.start - block.start, mention.end - block.start);
}
const WORD_THEN_SPACE = /[\p{L}\p{N}][ \u00a0]$/u;

/**
 * A use written right after words that spell it, with no bracket (see {@link isSpelledRightBefore}):
 * introduced there in words. Read in a window of the words before it, tokenized afresh: a long
 * form is a few words, and a use in a paragraph of a megabyte must not copy the paragraph.
 */
function isSpelledRightBeforeUse(model: DocumentModel, mention: AbbreviationMention): boolean {
  const block = model.prose.blocks[mention.block];
  if (!block) return false;
  // The cheap tests first (a word right before, three letters or digits to spell), then the window's tokens:
  // a panel of 100,000 codes joined by commas tokenized a window for each.
  const masked = model.prose.masked;
  if (!followsWordAndSpace(masked, mention.start) || (mention.text.match(LETTERS_OR_DIGITS) ?? []).length < 3) return false;
  const from = Math.max(block.start, mention.start - SPELLED_BEFORE_REACH);
  const window = masked.slice(from, mention.end);
  return isSpelledRightBefore(window, tokenize(window), mention.start - from, mention.end - from);
}
/** How far before a use its spelling words may start (a long form of twenty words or so). */
const SPELLED_BEFORE_REACH = 300;
const LETTERS_OR_DIGITS = /[\p{L}\p{N}]/gu;

/**
 * Where the bracket that labels a use opens, right after a word: the use alone in it, or after the
 * short form of a family the document defines and a comma (`ependymomas (EPN, MPE)`, a tumour
 * type's subtype); two undefined ones (`(BDNF, NGF)`) are a list, and give undefined.
 */
function labelBracketOpen(model: DocumentModel, mention: Pick<AbbreviationMention, 'start'>): number | undefined {
  const masked = model.prose.masked;
  // The cheap test first: the bracket opened right before the use.
  let open = mention.start - 1;
  if (masked.charCodeAt(open) !== 0x28 /* ( */) {
    const family = FAMILY_BEFORE.exec(masked.slice(Math.max(0, mention.start - FAMILY_REACH), mention.start));
    if (!family || !model.byKey.get(abbreviationKey(family[1]!))?.definitions.length) return undefined;
    open = mention.start - family[0].length;
  }
  return WORD_THEN_SPACE.test(masked.slice(Math.max(0, open - 2), open)) ? open : undefined;
}

/**
 * The words before a bracket that holds a use alone (perhaps with a plural `s`) or after a defined
 * family's short form (`papillary (CRANIO, PAP)`; see {@link labelBracketOpen}), when one of them
 * opens with the use's first letter though they do not spell the rest (`glycated hemoglobin
 * (HbA1c)`, `diffusion capacity for carbon monoxide (DLCO)`, `Gutt's index (ISI)`): the author
 * introduces the letters there by words the detector cannot check against them. A copy-editor
 * asks whether those words are the long form, not for a definition. Only the noun phrase ending
 * at the bracket counts (back to a punctuation mark, an auxiliary or a preposition other than
 * `of`, `for`, `and` and `in`, at most six words: `staged by the pathologist (TNM)` gives `the
 * pathologist`), and no function word, determiner or word of two capitals (`the TRP1 (TA99)` does
 * not open with the T of `the`); the words from the first that opens with the letter are returned,
 * for the message.
 */
export function looseIntroductionBefore(model: DocumentModel, mention: Pick<AbbreviationMention, 'start' | 'end' | 'key'>): string | undefined {
  const masked = model.prose.masked;
  if (!BRACKET_CLOSES_AFTER.test(masked.slice(mention.end, mention.end + 2))) return undefined;
  const open = labelBracketOpen(model, mention);
  if (open === undefined) return undefined;
  const initial = FIRST_LETTER.exec(mention.key)?.[0].toLowerCase();
  if (initial === undefined) return undefined;
  const clause = CLAUSE_BEFORE.exec(masked.slice(Math.max(0, open - CLAUSE_REACH), open))?.[1] ?? '';
  const words = nounPhraseEnding(clause.trim().split(/\s+/u)).slice(-6);
  // A one-letter word counts only as the small letter a key opens with (`p values (pFDR)`): `T cells (TQX)` is no long form.
  const lowerInitial = mention.key.startsWith(initial);
  const opensWithInitial = (part: string) => (part.length > 1 || (lowerInitial && part === initial)) && !FUNCTION_WORDS.has(part.toLowerCase()) && !DETERMINERS.has(part.toLowerCase()) && part[0]!.toLowerCase() === initial;
  const first = words.findIndex((word) => !hasTwoCapitals(word) && word.split('-').some(opensWithInitial));
  return first < 0 ? undefined : words.slice(first).join(' ');
}
/** The words after the last auxiliary or preposition that ends a noun phrase (see `PHRASE_BREAKS`): `by the pathologist` gives `the pathologist`. */
function nounPhraseEnding(words: string[]): string[] {
  let from = words.length;
  while (from > 0 && !PHRASE_BREAKS.has(words[from - 1]!.toLowerCase())) from--;
  return words.slice(from);
}
/** The bracket closes right after the use, or after its plural `s`. */
const BRACKET_CLOSES_AFTER = /^s?\)/u;
/** A key's first letter, past a difference sign (`ΔSE`) or digits. */
const FIRST_LETTER = /[^\P{L}\u0394]/u;
/** The words of a clause before a bracket: back to a punctuation mark or a blank line (a paragraph's line feed is a space). */
const CLAUSE_BEFORE = /((?:[^,;:.!?()[\]{}|\n]|\n(?!\n))*)$/u;
const CLAUSE_REACH = 90;
/** The bracket closes after the use (a plural `s`, or a group's letter, `PF A`, between). */
const CLOSE_AFTER = /^(?:s|[ \u00a0]\p{Lu})?\)/u;
/** A bracket opened by a family's short form and a comma (`(EPN, `), right before a label. */
const FAMILY_BEFORE = /\((\p{Lu}[\p{Lu}\p{N}-]{1,9}),[ \u00a0]$/u;
const FAMILY_REACH = 14;

/** The readings of one use that say it is a name, each on the masked text around it (and, for marks prose hides, the text). */
const NAME_READINGS: ReadonlyArray<(masked: string, mention: AbbreviationMention, text: string) => boolean> = [
  isNameInContext,
  // A title-cased heading (`### QDH Release Assay`) reads like a product's name and is not one.
  (masked, mention) => !mention.inHeading && isProductNameInContext(masked, mention),
  isIntroducedAsName,
  isLabelInSeries,
  isKaryotype,
  isInPackageList,
  (_masked, mention, text) => isMarkedAsTrademark(text, mention),
  (_masked, mention, text) => isWholeLinkText(text, mention),
  (_masked, mention, text) => isCitedToItsOwnPaper(text, mention),
  (_masked, mention, text) => isCitedToItsOwnUrl(text, mention),
  isInSourceBrackets,
  isInAuthorYearCitation,
  isEraOfYear,
  isShipPrefix,
  isBloodGroupName,
  isPlaceholderLetters,
  isFollowedByVersion,
  isReleaseLabel,
  isModelOfMaker,
  (_masked, mention, text) => isExtensionOfFileNearby(text, mention),
  // `PLOS ONE`: the journal's title, in the capitals its publisher gives it.
  (masked, mention) => mention.text === 'ONE' && /(?:^|[^\p{L}])PLo?S[ \u00a0]+$/u.test(masked.slice(Math.max(0, mention.start - 8), mention.start)),
  isCoinedToolName,
  // A coined word is a name wherever it stands (`GlutaMAX`, `SCTransform`): the document neither defines it nor does the knowledge base ask for it.
  // Not a sentence's capital on a short form in small letters (`MicroCT imaging …` for microCT: see readSentenceCapitals).
  (_masked, mention) => isCoinedWord(mention.text) && mention.key.charAt(0) === mention.text.charAt(0),
  isStudyCode,
  isModelSpecification,
  isCloneInPanel,
  isCloneOfAntibody,
  isCultureCollectionAccession,
  (_masked, mention, text) => isNamedByEmailAddress(text, mention),
];

/**
 * A release's label beside the word that names it (`version 23Q2`, `release 22Q2`, `the 23Q2
 * release`): a data release or a program's version, named by its date or number, holding a digit.
 * Before the word it must be shaped as a date's label (`23Q2`), as a protein's or an amine's
 * `CCL2 release` and `5-HT release` are its secretion.
 */
function isReleaseLabel(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!/\p{N}/u.test(mention.text)) return false;
  if (RELEASE_WORD_BEFORE.test(masked.slice(Math.max(0, mention.start - 12), mention.start))) return true;
  // Before the word, only a label shaped as a release's date or number: `CCL2 release` and `5-HT release` are secretions.
  return RELEASE_LABEL.test(mention.text) && RELEASE_WORD_AFTER.test(masked.slice(mention.end, mention.end + 12));
}
/** A release's label by its date: a year's digits, a capital, a number (`23Q2`, `2021R1`), no hyphen. */
const RELEASE_LABEL = /^\p{N}{2,4}\p{Lu}\p{N}{1,2}$/u;
const RELEASE_WORD_BEFORE = /(?:^|[^\p{L}])(?:version|release)[ \u00a0]+$/iu;
const RELEASE_WORD_AFTER = /^[ \u00a0]+(?:version|release)(?![\p{L}\p{N}])/iu;

/** `the package X`, `the R package X`, `Python packages X and Y`: what follows is the package's name. */
const PACKAGE_BEFORE = /(?:^|[^\p{L}\p{N}-])(?:(?:R|Python|Bioconductor|CRAN|Julia|MATLAB|Perl|npm)[ \u00a0]+)?packages?[ \u00a0]+$/u;
/** A software noun before a name in italics: `the library *X*`, `the toolbox _X_`. */
const SOFTWARE_BEFORE = /(?:^|[^\p{L}\p{N}-])(?:packages?|librar(?:y|ies)|toolbox(?:es)?|software|tools?)[ \u00a0]+$/u;
/** A software noun after a name in italics: `*X* package`, `_X_ algorithm`, `*X* toolbox`. */
const SOFTWARE_AFTER = /^[ \u00a0]+(?:packages?|librar(?:y|ies)|toolbox(?:es)?|software|tools?|algorithms?)(?![\p{L}\p{N}])/u;

/**
 * Software named as such: right after `package` (`the R package GSVA`, `the package BiGGR`), or in
 * italics, as package names are set, next to a software noun (`the _SPIA_ algorithm`, `the library
 * *X*`). A plain word of capitals next to `algorithm` or `library` is not enough: `the EM
 * algorithm`, `a CRISPR library` are abbreviations to define, and an italic word alone may be a gene.
 */
function isNamedAsSoftware(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end'>, text: string): boolean {
  // The masked text blanks the emphasis marks: read the words around through them.
  const before = masked.slice(Math.max(0, mention.start - 40), mention.start).replace(/[ \u00a0]+$/u, ' ');
  if (PACKAGE_BEFORE.test(before)) return true;
  if (!isInItalics(text, mention)) return false;
  return SOFTWARE_BEFORE.test(before) || SOFTWARE_AFTER.test(masked.slice(mention.end + 1, mention.end + 40).replace(/^[ \u00a0]+/u, ' '));
}

/** Emphasis marks right around the mention: `_X_`, `*X*`. */
function isInItalics(text: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  const open = text.charAt(mention.start - 1);
  return (open === '_' || open === '*') && text.charAt(mention.end) === open;
}

/**
 * A model specified by its name and the terms added to it with plus signs, then the word model:
 * `the K3Pu+F+I model`, `a GTR+G model` (nucleotide substitution models; the terms are model
 * options, not words). The name is the model's, as a program names it.
 */
const MODEL_TERMS_AFTER = /^(?:\+[\p{Lu}\p{N}][\p{L}\p{N}]{0,3})+[ \u00a0]+models?\b/u;

/** A model named with its plus-joined terms (see {@link MODEL_TERMS_AFTER}). */
function isModelSpecification(masked: string, mention: Pick<AbbreviationMention, 'end'>): boolean {
  return MODEL_TERMS_AFTER.test(masked.slice(mention.end, mention.end + 40));
}

/**
 * A program's version after it, perhaps after up to three capitalised words of its full name:
 * `pUShER v1.22`, `DRAGEN COVID Lineage v.3.5.9`, `STAR version 2.7.10`. The version has a dot,
 * so that a construct's `v2` or a visit `V1` does not qualify.
 */
const VERSION_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+\p{Lu}[\p{L}\p{N}-]*){0,3}[ \u00a0]+${RELEASE_MARK}\p{N}+\.\p{N}+`, 'u');

/** A program named by its version after it (see {@link VERSION_AFTER}). */
function isFollowedByVersion(masked: string, mention: Pick<AbbreviationMention, 'end'>): boolean {
  return VERSION_AFTER.test(masked.slice(mention.end, mention.end + 80));
}

/** One capital written three or more times: `AAA`, `XXX`. */
const REPEATED_CAPITAL = /^(\p{Lu})\1{2,}$/u;
/** Another such run right after, past a stop or a comma only (`AAA. BBB.`, `AAA, BBB`). */
const RUN_AFTER = /^[.,;:]?[ \u00a0]+(\p{Lu})\1{2,}(?![\p{L}\p{N}])/u;
/** Another such run right before, past a stop or a comma only. */
const RUN_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu})\1{2,}[.,;:]?[ \u00a0]+$/u;

/**
 * Text held by placeholders in a draft: `AAA. BBB. CCC.` where a legend is still to be written.
 * A run of one capital is a placeholder when a run of another capital stands right next to it,
 * with nothing but a stop or a comma between; with words between (`AAA and CCC`, two aneurysm
 * types) or alone (`AAA repair`), the runs may be abbreviations.
 */
function isPlaceholderLetters(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!REPEATED_CAPITAL.test(mention.text)) return false;
  const after = RUN_AFTER.exec(masked.slice(mention.end, mention.end + 12));
  if (after && after[1] !== mention.text[0]) return true;
  const before = RUN_BEFORE.exec(masked.slice(Math.max(0, mention.start - 12), mention.start));
  return before !== null && before[1] !== mention.text[0];
}

/** The designations of an era. */
const ERAS = new Set(['BC', 'BCE', 'CE', 'AD']);

/** An era after a year (`1300 BC`, `the 6th century CE`) or `AD` before one (`AD 541`): part of a date. */
function isEraOfYear(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (!ERAS.has(mention.text)) return false;
  const before = masked.slice(Math.max(0, mention.start - 20), mention.start);
  if (/(?:\p{N}|\b(?:century|millennium))[ \u00a0]+$/u.test(before)) return true;
  return mention.text === 'AD' && /^[ \u00a0]+\p{N}/u.test(masked.slice(mention.end, mention.end + 4));
}

/** After a blood group's letters: `AB blood groups`, `ABO blood type`, `AB+ group`, `ABO system`, `ABO-incompatible`. */
const BLOOD_GROUP_AFTER = /^[+\-\u2212]?[ \u00a0-]+(?:blood|groups?|types?|antigens?|systems?|phenotypes?|(?:in)?compatib\p{L}*)(?![\p{L}\p{N}])/iu;
/** Before them: `blood group AB`, `blood type AB`. */
const BLOOD_GROUP_BEFORE = /(?:^|[^\p{L}])blood[ \u00a0]+(?:groups?|types?)[ \u00a0:]+$/iu;

/**
 * The ABO blood group system and its group AB, named as such at one use (`ABO blood groups`, `AB
 * blood groups`, `blood type AB`) in a text that names the ABO system: the letters are the
 * antigens, never an abbreviation, and every use of them in the document is the blood group
 * (`AB:21 (3.1%)` in a table, `AB vs not AB`).
 */
function isBloodGroupName(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  if (mention.text !== 'AB' && mention.text !== 'ABO') return false;
  if (!BLOOD_GROUP_AFTER.test(masked.slice(mention.end, mention.end + 24)) && !BLOOD_GROUP_BEFORE.test(masked.slice(Math.max(0, mention.start - 24), mention.start))) return false;
  // `AB` is also an antibody's letters: read as the blood group everywhere only in a text about the ABO system.
  return mention.text === 'ABO' || ABO_SYSTEM.test(masked);
}
/** The ABO system named as a blood group system somewhere in the text. */
const ABO_SYSTEM = /(?<![\p{L}\p{N}])ABO[ \u00a0-]+(?:blood|groups?|types?|system|(?:in)?compatib)/u;

/**
 * The prefixes a ship's name carries (motor vessel, motor ship, research vessel, royal research
 * ship, His/Her Majesty's ship, United States ship, steamship, fishing vessel): `MV Hondius`, `RV
 * Polarstern`, `HMS Beagle`. Letters a knowledge-base term shares (`MS`, multiple sclerosis) were
 * ruled out before the readings.
 */
const SHIP_PREFIXES = new Set(['MV', 'MS', 'MY', 'RV', 'RRS', 'HMS', 'HMAS', 'HMCS', 'USS', 'USNS', 'SS', 'FV']);
/** The ship's own name after the prefix, perhaps on the next line: one capitalised word of letters. */
const SHIP_NAME_AFTER = /^[ \u00a0]*\n?[ \u00a0]*\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}\-\u2010\u2011])/u;
/** The name in italics, as ships' names are set (read on the text: `MV *Hondius*`). */
const ITALIC_SHIP_NAME_AFTER = /^[ \u00a0]*\n?[ \u00a0]*(?:\*|_)\p{Lu}\p{Ll}{2,}(?:\*|_)/u;
/** Words that say a ship is meant, shortly before the prefix: `aboard the`, `the cruise ship`, `the research vessel`. */
const SHIP_CONTEXT_BEFORE = /(?:^|[^\p{L}])(?:aboard|on[ \u00a0]?board|ships?|vessels?|cruise|voyage|expedition|crew)(?:[ \u00a0]+\p{Ll}+){0,3}[ \u00a0]+$/iu;

/**
 * A ship's prefix before its name (`aboard the MV Hondius`, `the RV *Polarstern*`): part of the
 * name, not an abbreviation. The name in italics, or words before the prefix that speak of a ship,
 * say so; a capitalised word alone does not (`RV Function`, `MV Replacement` in a clinical paper's
 * headings and tables), nor does a heading.
 */
function isShipPrefix(masked: string, mention: AbbreviationMention, text: string): boolean {
  if (!SHIP_PREFIXES.has(mention.text) || mention.inHeading) return false;
  if (ITALIC_SHIP_NAME_AFTER.test(text.slice(mention.end, mention.end + 40))) return true;
  return SHIP_NAME_AFTER.test(masked.slice(mention.end, mention.end + 40)) && SHIP_CONTEXT_BEFORE.test(masked.slice(Math.max(0, mention.start - 60), mention.start));
}

/**
 * A participle that gives what the sentence described a name: `indicated as`, `denoted as`,
 * `referred to as`, `termed`, the name perhaps quoted; `is called` with the name quoted (`which
 * is called "9.1-NP"`: unquoted, `this is called CRS` is how authors think they define a term);
 * or, opening a bracket, `labelled`, `called`, `named`, `coded` (`sterile swabs (labelled SSC)`). `referred as`, without `to`, is the same phrase as non-native
 * authors often write it. Not `known as`: `a syndrome known as CRS` names what the letters
 * abbreviate, which the reader still needs spelt out.
 */
const NAMING_PHRASE_BEFORE = /(?:^|[^\p{L}])(?:(?:(?:indicated|denoted|designated|referred(?:[ \u00a0]+to)?|abbreviated)[ \u00a0]+as|termed|dubbed|hereafter|\([ \u00a0]*(?:label(?:l)?ed|called|named|coded))[ \u00a0]+["\u201c'\u2018]?|(?:is|are|was|were)[ \u00a0]+(?:called|named)[ \u00a0]+["\u201c'\u2018])$/iu;
/**
 * `labelled … as` with what is labelled between, in one clause: `We labeled the limit of 15,000
 * copies as QL1, and 40 million as QL2.` Not a stain (`labelled with CFSE`, `by`, `using`), and no
 * verb of another clause between (`labelled with anti-CD107a, and degranulation was quantified as
 * MFI`): the letters there are a measure's, to define.
 */
const LABELLED_AS_BEFORE = /(?:^|[^\p{L}])label(?:l?ed)[ \u00a0]+(?!(?:with|by|using|for|in)[ \u00a0])(?:(?![^\p{L}](?:is|are|was|were|been|being|then)[^\p{L}])[^.;:!?()\n]){1,100}?[ \u00a0]as[ \u00a0]+$/iu;
/**
 * The name ends the clause, perhaps in the plural, after an adverb saying where the name holds
 * or before a citation the masked text blanks (`… and indicated as Q2X.`, `(referred as SVPOP
 * below)`, `termed QRZ hereafter,`, `termed QXDs [@ref].`): such adverbs
 * refer to the text itself, so the name cannot be the start of a longer noun phrase.
 */
const CLAUSE_END_AFTER = /^(?:s(?![\p{L}\p{N}]))?["\u201d'\u2019]?(?:[ \u00a0]+(?:below|hereafter|hereinafter|henceforth|throughout|from[ \u00a0]+now[ \u00a0]+on|for[ \u00a0]+(?:short|brevity)|in[ \u00a0]+(?:the[ \u00a0]+)?following|in[ \u00a0]+th(?:is|e)[ \u00a0]+(?:paper|study|work|article|manuscript|review|text)))?[ \u00a0]*(?:[.,;:)]|$)/iu;

/**
 * A name given to what the sentence describes, `this quantity was calculated on the values left
 * out, and indicated as Q2X.`: the description is its long form, as `Percent variance predicted
 * (Q2X)` would be; the author defines it in words, not in brackets.
 */
function isIntroducedAsName(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  const named = NAMING_PHRASE_BEFORE.test(masked.slice(Math.max(0, mention.start - 30), mention.start)) || LABELLED_AS_BEFORE.test(masked.slice(Math.max(0, mention.start - 120), mention.start));
  if (named && CLAUSE_END_AFTER.test(masked.slice(mention.end, mention.end + 40))) return true;
  return isSpelledByListAfter(masked, mention);
}

/**
 * A verb that says what letters stand for, perhaps in a relative clause: `OR means`, `OR refers
 * to`, `DF indicates`, `X stands for`, `X, which stands for`, `X, denoting "…"`, `GOI is the …` (the words perhaps quoted). Group 1 holds a verb that says
 * nothing else (`stands for`, `is short for`, `is an abbreviation of`); the others also say what
 * a quantity shows (`The HR indicates a higher risk`).
 */
const STANDS_FOR_AFTER = /^(?:[ \u00a0]*,[ \u00a0]*(?:which|that)|[ \u00a0]*,(?=[ \u00a0]+denoting)|[ \u00a0]+which)?[ \u00a0]+(?:(stands[ \u00a0]+for|is[ \u00a0]+short[ \u00a0]+for|is[ \u00a0]+(?:an|the)[ \u00a0]+(?:abbreviation|acronym)[ \u00a0]+(?:of|for))|means|refers[ \u00a0]+to|denot(?:es|ing)|indicates|represents|is(?=[ \u00a0]+(?:the|an?)[ \u00a0]))[ \u00a0]+["\u201c'\u2018]?(?:the[ \u00a0]+|an?[ \u00a0]+)?/u;
/** Two words at least: what a verb of meaning names. */
const TWO_WORDS = /^[\p{L}\p{N}][\p{L}\p{N}-]*[ \u00a0]+[\p{L}\p{N}]/u;
/** Words a long form passes over. */
const LINKING_WORDS = new Set(['of', 'and', 'the', 'a', 'an', 'in', 'for', 'to', 'on', 'with', 'by']);

/**
 * `OR means odds ratio (COV+ vs COV-)`, `OR refers to the pooled odds ratio`, `DF indicates the
 * degrees of freedom`: the letters, a verb of meaning, and words whose initials spell them (a verb
 * that says only what letters stand for needs no spelling, see {@link STANDS_FOR_AFTER}; one
 * qualifying word may come first, linking words are passed over); for letters the knowledge base
 * knows, the clause ending after them (`The HR indicates a higher risk in group two` spells H R by
 * chance and goes on). Two letters or more, all capitals, for the verbs that need the spelling. A name given in words for its
 * scope only (see {@link introductionIn}), never a name for the whole document.
 */
function isSpelledByVerbAfter(masked: string, mention: Pick<AbbreviationMention, 'end' | 'text'>, knowledge: DocumentModel['knowledge'], firstUse: boolean): boolean {
  const letters = [...mention.text];
  const after = masked.slice(mention.end, mention.end + 200);
  const verb = STANDS_FOR_AFTER.exec(after);
  if (!verb) return false;
  const rest = after.slice(verb[0].length);
  // `stands for` says nothing but what the letters are: at the scope's first use, the words after it are the long form,
  // spelt or not, as long as they start with its first letter (`CXCL12, which stands for C-X-C motif chemokine 12`).
  if (verb[1] !== undefined) return firstUse && TWO_WORDS.test(rest) && rest.charAt(0).toLowerCase() === letters[0]!.toLowerCase();
  if (letters.length < 2 || letters.length > 8 || !letters.every((letter) => /\p{Lu}/u.test(letter))) return false;
  // Each part of a hyphen-joined word may spell a letter (`T-cell receptor`), or the word only once (`cross-omics`).
  for (const words of [[...rest.matchAll(/[\p{L}\p{N}]+/gu)].slice(0, 12), [...rest.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].slice(0, 12)]) {
    if (spellsLetters(letters, words, rest, knowledge, mention.text)) return true;
  }
  return false;
}

/** Whether `words` (after a verb of meaning, in `rest`) spell `letters` by their initials, perhaps after one qualifying word. */
function spellsLetters(letters: readonly string[], words: readonly RegExpMatchArray[], rest: string, knowledge: DocumentModel['knowledge'], written: string): boolean {
  for (let first = 0; first <= 1; first++) {
    let k = 0;
    let w = first;
    for (; w < words.length && k < letters.length; w++) {
      const word = words[w]![0];
      if (word[0]!.toLowerCase() === letters[k]!.toLowerCase()) k++;
      else if (!LINKING_WORDS.has(word.toLowerCase())) break;
    }
    if (k < letters.length) continue;
    // Letters the knowledge base knows (`HR`, hazard ratio) are spelt by chance too easily: the
    // clause must end after the spelled words (a bracket, a comma, a stop or the end).
    const last = words[w - 1]!;
    if (!entryForKey(knowledge, written) || /^[ \u00a0]*(?:[(),.;:]|$)/u.test(rest.slice(last.index! + last[0].length))) return true;
  }
  return false;
}


/** A short form, perhaps the noun it names, and a colon: `ESKAPE pathogens: `, `QRS: `. */
const LIST_LEAD_AFTER = /^(?:[ \u00a0]+\p{Ll}+)?:[ \u00a0]+/u;
/** Items of a list: up to four words each, between commas, semicolons or a closing `and`/`or`. */
const LIST_SEPARATOR = /[ \u00a0]*[,;][ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+/gu;
const MOST_ITEM_WORDS = 4;

/**
 * A short form whose letters the list after its colon spells, an item a letter, in order: `the
 * ESKAPE pathogens: _Enterococcus faecium_, _Staphylococcus aureus_, …`. The list is its long
 * form, as a bracketed list after it is (`PICO (Population, …)`, read by the detector). Three
 * letters or more, all capitals: a chance spelling of two is too likely.
 */
function isSpelledByListAfter(masked: string, mention: Pick<AbbreviationMention, 'end' | 'text'>): boolean {
  const letters = [...mention.text];
  if (letters.length < 3 || !letters.every((letter) => /\p{Lu}/u.test(letter))) return false;
  const lead = LIST_LEAD_AFTER.exec(masked.slice(mention.end, mention.end + 40));
  if (!lead) return false;
  const from = mention.end + lead[0].length;
  const window = masked.slice(from, from + 60 * letters.length);
  const sentenceEnd = window.search(/[.!?](?:[ \u00a0\n]|$)|\n\n/u);
  // Within the sentence: the last item may end early, at an abbreviation's stop (`Enterobacter spp.`).
  const list = sentenceEnd < 0 ? window : window.slice(0, sentenceEnd);
  const items: string[] = [];
  let start = 0;
  LIST_SEPARATOR.lastIndex = 0;
  for (let separator = LIST_SEPARATOR.exec(list); separator !== null && items.length <= letters.length; separator = LIST_SEPARATOR.exec(list)) {
    items.push(list.slice(start, separator.index));
    start = separator.index + separator[0].length;
  }
  items.push(list.slice(start));
  if (items.length !== letters.length) return false;
  return items.every((item, i) => {
    const words = item.trim().split(/[ \u00a0]+/u);
    const initial = item.replace(/^[ \u00a0*_"'\u201c\u2018]+/u, '').charAt(0);
    return words.length <= MOST_ITEM_WORDS && initial.toLowerCase() === letters[i]!.toLowerCase();
  });
}

/** Sex chromosomes in a karyotype after the chromosome count: `46,XY`, `47,XXY`, `45,X0`. */
const KARYOTYPE_SEX = /^X[XYO]{1,3}$/u;
/** The chromosome count and its comma right before the sex chromosomes (`46,` in `46,XY`), not inside a longer number. */
const CHROMOSOME_COUNT_BEFORE = /(?<![\p{L}\p{N}])\d{2},$/u;

/** A karyotype in ISCN notation (`a normal 46,XY karyotype`): notation, not an abbreviation. */
function isKaryotype(masked: string, mention: Pick<AbbreviationMention, 'start' | 'text'>): boolean {
  return KARYOTYPE_SEX.test(mention.text) && CHROMOSOME_COUNT_BEFORE.test(masked.slice(Math.max(0, mention.start - 4), mention.start));
}

/**
 * An item of the packages listed in brackets after a language and its release (`run in R 4.5.2
 * (Giotto 4.2.2, scran, FNN, arrow)`, `Python 3.10+ (anndata, scipy, PIL)`): a package's name,
 * as its authors wrote it.
 */
function isInPackageList(masked: string, mention: Pick<AbbreviationMention, 'start'>): boolean {
  const from = Math.max(0, mention.start - PACKAGE_LIST_REACH);
  const before = masked.slice(from, mention.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.includes(')', open) || !ITEM_START.test(before.slice(open))) return false;
  return LANGUAGE_RELEASE_BEFORE.test(before.slice(0, open + 1));
}
/** A language and its release, with a dot, right before the bracket: `R 4.5.2 (`, `Python 3.10+ (`, `Julia v1.9 (` (not `Group R 4 (`). */
const LANGUAGE_RELEASE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:R|Python|Julia|MATLAB|Perl)[ \u00a0]+v?\p{N}+(?:\.[\p{N}x]+)+\+?[ \u00a0]*\($/u;
/** The use starts an item: right after the bracket or after a comma (`(x 1.2, `). */
const ITEM_START = /(?:^\(|,)[ \u00a0]*$/u;
const PACKAGE_LIST_REACH = 240;

/** A numbered label: capitals, then a number (`DL1`, `C2`, `A10`). */
const NUMBERED_LABEL = /^(\p{Lu}{1,4})(\p{N}{1,2})$/u;
/** A quantity just before a label's bracket: a digit, a superscript's mark, a percent or a unit's last letter after a digit (`10^6^ (DL1)`, `30 mg/m^2^ (C1)`). */
const QUANTITY_BEFORE = /(?:\p{N}|\^|%|\p{N}[ \u00a0]?[\p{L}/]{1,6})[ \u00a0]*\($/u;
/** How far around a label the other labels of its series are sought: one sentence. */
const SERIES_REACH = 200;

/**
 * A label given in brackets to each of a series of values (`1 × 10^6^ (DL1), 3 × 10^6^ (DL2)
 * and 1 × 10^7^ (DL3) cells/kg`): the labels name the values they follow, as a definition would,
 * so later uses (`six at DL2`) need none. Two or more labels of one stem and other numbers, each
 * alone in brackets after a quantity, in one sentence.
 */
function isLabelInSeries(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  const label = NUMBERED_LABEL.exec(mention.text);
  if (!label || masked[mention.end] !== ')' || !QUANTITY_BEFORE.test(masked.slice(Math.max(0, mention.start - 12), mention.start))) return false;
  const from = Math.max(0, mention.start - SERIES_REACH);
  const around = masked.slice(from, mention.end + SERIES_REACH);
  const sentence = around.slice(lastSentenceEnd(around, mention.start - from), firstSentenceEnd(around, mention.end - from));
  const others = new RegExp(String.raw`\(${label[1]}(\p{N}{1,2})\)`, 'gu');
  for (const other of sentence.matchAll(others)) if (other[1] !== label[2]) return true;
  return false;
}

/** Whether a sentence ends at `text[i]`: a full stop, question or exclamation mark before a space or the end (not `1.5`). */
function endsSentenceAt(text: string, i: number): boolean {
  const ch = text[i];
  return (ch === '.' || ch === '!' || ch === '?') && (i + 1 >= text.length || /\s/u.test(text[i + 1]!));
}

/** Where the sentence holding `offset` starts in `text` (0 when it starts before). */
function lastSentenceEnd(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && !endsSentenceAt(text, i)) i--;
  return i + 1;
}

/** Where the sentence holding `offset` ends in `text` (its length when it ends after). */
function firstSentenceEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !endsSentenceAt(text, i)) i++;
  return i;
}

/** A link whose whole text is the mention (`[GAMBLR](https://…)`) points at the thing it names. */
function isWholeLinkText(text: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  return text.charCodeAt(mention.start - 1) === 0x5b /* [ */ && text.startsWith('](', mention.end);
}

/** A name rather than a word of capitals: a lower-case letter or a digit (`MiXCR`, `GRIDSS2`, `PyClone-VI`; not `IMGT`). */
const NAME_SHAPE = /[\p{Ll}\p{N}]/u;

/** A capitalised word completing a tool's name before its citation: `IMGT Blast[@…]`. */
const NAME_WORD_BEFORE_CITATION = /^[ \u00a0]\p{Lu}\p{Ll}+(?=[ \u00a0]?\[-?@)/u;

/**
 * A tool or resource cited to the paper that introduced it: the citation follows the name
 * at once and its key carries the name (`GRIDSS2[@cameronGRIDSS2Comprehensive2021]`), as keys
 * built from the paper's title do. `ADCC[@smith2020]` does not qualify; nor does a word of
 * capitals alone, which may be an abbreviation the cited paper also uses; capitals and a
 * capitalised word do (`IMGT Blast[@lefrancIMGTInternational2015]`), the two words of a tool's name.
 */
function isCitedToItsOwnPaper(text: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>): boolean {
  let end = mention.end;
  if (!NAME_SHAPE.test(mention.text)) {
    const word = NAME_WORD_BEFORE_CITATION.exec(text.slice(end, end + 40));
    if (!word) return false;
    end += word[0].length;
  }
  return isCitedByKeyCarrying(text, end, mention.text);
}

/** A citation group after a name, perhaps after a bracketed remark: `PATO (sex) [@doi:…; @url:https://…/pato]`. */
const CITATION_AFTER = /^[ \u00a0]?(?:\([^()\n]{1,40}\)[ \u00a0]?)?\[([^\]\n]{1,300})\]/u;
/** An address in brackets after a name, perhaps in italics: `_ExDA_ (https://github.com/someone/ExDA)`. */
const ADDRESS_IN_BRACKETS_AFTER = /^[_*]{0,2}[ \u00a0]?\(<?(https?:\/\/[^\s)>]+)/u;
/** A Manubot URL citation inside a citation group. */
const URL_CITATION = /@url:([^\s;\]]+)/gu;

/**
 * A resource cited to its own address: a citation after the name gives a URL with the name as
 * one of its parts (`MONDO (disease) [@url:https://www.ebi.ac.uk/ols4/ontologies/mondo]`), as an
 * ontology, database or web tool is cited; or a bare address in brackets after it (`_ExDA_
 * (https://github.com/someone/ExDA)`), as software is pointed to its repository. Capitals alone
 * qualify here, the address naming them.
 */
function isCitedToItsOwnUrl(text: string, mention: Pick<AbbreviationMention, 'end' | 'text'>): boolean {
  const name = compactLetters(mention.text);
  if (name.length < 4) return false;
  const address = ADDRESS_IN_BRACKETS_AFTER.exec(text.slice(mention.end, mention.end + 300))?.[1];
  if (address !== undefined && address.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(name)) return true;
  const group = CITATION_AFTER.exec(text.slice(mention.end, mention.end + 360))?.[1];
  if (!group) return false;
  for (const url of group.matchAll(URL_CITATION)) {
    if (url[1]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(name)) return true;
  }
  return false;
}

/** The text from a bracket's opening (ASCII or full-width) to the mention, with no bracket closed between. */
const CITATION_OPEN_BEFORE = /[(\uff08][^()\uff08\uff09\n]{0,120}$/u;
/** The text from the mention to its bracket's close. */
const CITATION_CLOSE_AFTER = /^[^()\uff08\uff09\n]{0,120}[)\uff09]/u;
/** A reference's number: five digits or more (an abstract's, a PubMed identifier). */
const REFERENCE_NUMBER = /(?<![\p{N}.])\p{N}{5,}(?![\p{N}])/u;
/** An author-year reference: `Smith et al., 2020`, `Smith et al. NEJM 2020`. */
const AUTHOR_YEAR = /\bet al\b[^;]{0,60}?(?<![\p{L}\p{N}])(?:19|20)\p{N}{2}(?![\p{N}])/u;

/**
 * True when the mention stands in the item of a bracket that cites by author and year (`(Liu et
 * al., NEJM 2020)`): the item names a reference and its journal as it is catalogued, not the
 * author's prose. The bracket's other items, between semicolons, are prose (`(Smith et al., 2020;
 * ICB)`) unless a reference's number says they cite too (`(Ray et al., 2024; AHA Abstract 4142554)`).
 */
function isInAuthorYearCitation(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  const opened = CITATION_OPEN_BEFORE.exec(masked.slice(Math.max(0, mention.start - 121), mention.start));
  if (!opened) return false;
  const closed = CITATION_CLOSE_AFTER.exec(masked.slice(mention.end, mention.end + 121));
  if (closed === null) return false;
  // Only the mention's own item of the bracket, between semicolons, is the reference: `(Smith et al., 2020; ICB)` defines ICB.
  const before = opened[0].slice(opened[0].lastIndexOf(';') + 1);
  const after = closed[0].slice(0, closed[0].indexOf(';') >= 0 ? closed[0].indexOf(';') : undefined);
  const item = before + masked.slice(mention.start, mention.end) + after;
  if (AUTHOR_YEAR.test(item)) return true;
  // Another item of a citing bracket that is a reference by its number (`AHA Abstract 4142554`, `PMID: 36625890`).
  return REFERENCE_NUMBER.test(item) && AUTHOR_YEAR.test(opened[0] + closed[0]);
}

/** A catalogue or lot number: `11875-093`, `PCS-800-011`, `D-6030-100-TC`, `lot#81115172`, `cat. no. 556`. */
const CATALOGUE_REFERENCE = /(?:^|[\s,;])(?:[A-Z]{1,4}-)?\d{2,}(?:-[\dA-Z]{2,})+(?=$|[\s,;])|\b(?:lot|cat(?:alog(?:ue)?)?\.?\s*no\.?)\s*#?\s*[A-Z]{0,3}\d/iu;
/** A span of years (`2019-2021`) has the shape of a catalogue number and is not one. */
const YEAR_SPAN = /(?:^|[\s,;])(?:19|20)\d{2}-(?:19|20)?\d{2}(?=$|[\s,;])/gu;

/**
 * Inside brackets that also give a catalogue or lot number, a mention names where a reagent
 * comes from (`(ATCC, PCS-800-011, lot#…)`, `(PBSA, Gibco, 15260-037)`): a supplier or a
 * product label, not an abbreviation of the prose.
 */
function isInSourceBrackets(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  const inside = bracketAround(masked, mention.start, mention.end, 120, 161);
  return inside !== undefined && CATALOGUE_REFERENCE.test(inside.replace(YEAR_SPAN, ' '));
}

/**
 * The acetoxymethyl ester's `AM` after the dye it loads into cells: joined by a hyphen to a dye
 * named in lower case or a known dye (`calcein-AM`, `BCECF-AM`, `Fura-2-AM`), or after a space to
 * a known dye (`calcein AM`, `Fura-2 AM`); not `Mo-AM` (monocyte-derived alveolar macrophages)
 * nor `lung AM`.
 */
const ESTERIFIED_DYE_BEFORE = /(?:^|[^\p{L}\p{N}-])(?:(?:\p{Ll}{4,}|BCECF|CMFDA)[-\u2010]|(?:[Cc]alcein|Fura-2|Fluo-[348]|Indo-1|H2DCFDA)[-\u2010 \u00a0])$/u;
/** The ABO blood group AB before what is drawn from such donors: `human AB serum`, `AB plasma`. */
const FOLLOWING_BLOOD_PRODUCT = /^\s+(?:serum|sera|plasma)\b/u;

/**
 * A mouse strain's official designation (`NOD.Cg-Prkdc^scid^ Il2rg^tm1Wjl^/SzJ`, `B6.SJL-Ptprc^a^
 * Pepc^b^/BoyJ`): a background and its donor joined by a full stop and a hyphen, gene symbols with
 * their alleles, and the laboratory's code after a slash. Read on the text as written, markup
 * included; at most six parts.
 */
const STRAIN_DESIGNATION = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*\.(?:Cg|\p{Lu}[\p{L}\p{N}]*)-[^\s;,()]*(?:[ \u00a0]+[^\s;,()]+){0,5}?\/\p{Lu}[\p{L}]{0,5}(?![\p{L}\p{N}])/gu;
/** The characters a part of a strain's designation touches: its background's full stop, an allele's marks, the slash before the laboratory. */
const STRAIN_MARKS = './^*_';
/** How far a strain's designation may reach from one of its parts. */
const STRAIN_REACH = 100;

/**
 * A use that is part of a reagent's or a strain's written name, read at this use only: the ester
 * of `calcein-AM`, the blood group of `human AB serum`, a part of `NOD.Cg-Prkdc^scid^
 * Il2rg^tm1Wjl^/SzJ`, a formula with its counts set as subscripts (`Na~2~^51^CrO~4~`), a
 * supplier's legal form (`(Fumedica AG, Switzerland)`). The same letters elsewhere in the document (`alveolar macrophages (AM)`,
 * `NOD mice`) stay abbreviations, so no use names the key for the others.
 */
export function isReagentNotation(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, text?: string): boolean {
  // `(Bard Norway AS, Norway)`: a supplier's legal form; `AS` elsewhere (aortic stenosis) is still to define.
  if (isLegalFormOfCompany(masked, mention)) return true;
  // `(Humac Norm, CSMi, Stoughton, MA, USA)`: a maker named in its address.
  if (isInSupplierAddress(masked, mention)) return true;
  // `the RANDBETWEEN() function`: a spreadsheet's or a program's function, called by name here.
  if (masked.startsWith('()', mention.end)) return true;
  if (mention.text === 'OR' && isBooleanOperator(masked, mention)) return true;
  if (mention.text === 'AB') return FOLLOWING_BLOOD_PRODUCT.test(masked.slice(mention.end, mention.end + 12));
  if (mention.text === 'AM') return ESTERIFIED_DYE_BEFORE.test(masked.slice(Math.max(0, mention.start - 12), mention.start));
  return text !== undefined && (isInStrainDesignation(text, mention) || isSubscriptedFormula(text, mention.start, mention.end));
}

/**
 * `OR` as a search's or a rule's Boolean operator, not an odds ratio: its line writes `AND` or
 * `NOT` too (`Rodent OR Shrew sampling … AND`), it joins bracketed, quoted or numbered operands
 * (`(SpotON) OR (Temple Touch Pro)`, `1 OR 2`), or the words after call it an operator (`the
 * 'gene A OR gene B' operator`). An odds ratio stands after words and before its value (`the OR
 * was 2.1`, `adjusted OR (95% CI …)`).
 */
function isBooleanOperator(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  const lineStart = masked.lastIndexOf('\n', mention.start - 1) + 1;
  const lineEnd = masked.indexOf('\n', mention.end);
  const line = masked.slice(Math.max(lineStart, mention.start - OPERATOR_REACH), Math.min(lineEnd < 0 ? masked.length : lineEnd, mention.end + OPERATOR_REACH));
  if (OTHER_OPERATOR.test(line)) return true;
  const before = masked.slice(Math.max(0, mention.start - 2), mention.start);
  const after = masked.slice(mention.end, mention.end + OPERATOR_REACH);
  return (OPERAND_CLOSED_BEFORE.test(before) && OPERAND_OPENS_AFTER.test(after)) || OPERATOR_WORD_AFTER.test(after);
}
const OPERATOR_REACH = 100;
const OTHER_OPERATOR = /(?<![\p{L}\p{N}])(?:AND|NOT)(?![\p{L}\p{N}])/u;
/** An operand's end right before: a closing bracket or quotation mark, or a digit, then a space. */
const OPERAND_CLOSED_BEFORE = /[)"'\u201d\u2019\p{N}][ \u00a0]$/u;
/** An operand's start right after: an opening bracket or quotation mark, or a digit. */
const OPERAND_OPENS_AFTER = /^[ \u00a0][("'\u201c\u2018\p{N}]/u;
/** The words after the operands call it an operator: `gene B' operator`. */
const OPERATOR_WORD_AFTER = /^[^.;:\n]{0,40}?(?<![\p{L}])operators?(?![\p{L}])/u;

/** True when the mention lies inside a mouse strain's designation (see {@link STRAIN_DESIGNATION}). */
function isInStrainDesignation(text: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  // Asked of every use: only one that touches a designation's marks (`NOD.`, `^tm1Wjl^`, `/SzJ`) reads further.
  if (!STRAIN_MARKS.includes(text[mention.end] ?? ' ') && !STRAIN_MARKS.includes(text[mention.start - 1] ?? ' ')) return false;
  const from = Math.max(0, mention.start - STRAIN_REACH);
  const window = text.slice(from, Math.min(text.length, mention.end + STRAIN_REACH));
  if (!window.includes('/')) return false;
  STRAIN_DESIGNATION.lastIndex = 0;
  for (let match = STRAIN_DESIGNATION.exec(window); match !== null; match = STRAIN_DESIGNATION.exec(window)) {
    const start = from + match.index;
    if (start <= mention.start && mention.end <= start + match[0].length) return true;
  }
  return false;
}
