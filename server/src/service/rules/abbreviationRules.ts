import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import { isOfficialGeneName } from '../knowledge/geneNames';
import type { TermEntry, TermRelation } from '../knowledge/types';
import { describeScope, isBoxScope, type AbbreviationDefinition, type AbbreviationMention, type DocumentModel, type ScopeName } from '../model/documentModel';
import { compactExpansion, distinctExpansions, expansionFor, foldExpansion, isSameExpansion } from '../model/expansions';
import { capitaliseAtSentenceStart, collapseToShortForm, dropShortForm, longFormMidSentence, opensSentence, pluralise, pluralisesHead } from '../model/definitionSpans';
import { abbreviationKey, findMentionTokens, isClusterOfDifferentiationName, withGreekLetters } from '../model/mentions';
import { introductionIn, isReagentNotation, isWrittenAsName, looseIntroductionBefore } from '../model/nameContext';
import { named, programNamedAt, suggested, toolReadingIn, type ToolReading } from '../model/toolNames';
import { resourceNamed, resourceNameWith, type ResourceName } from '../model/resourceNames';
import { journalListing } from '../model/journalLists';
import { nearSpellingOf, respellFix } from './nearSpellings';
import { studyReadingIn } from '../model/studyNames';
import { enumerationOnlyUse } from '../model/enumerations';
import { isProcessorDesignation } from '../model/productNames';
import { maskedWithLinesJoined } from '../model/joinedLines';
import { knowledgeAsksToDefine } from '../model/definitionNeeds';
import { HYPHENATED_CD } from './variantRules';
import { fileNameOf } from '../text/fileName';
import { CharacterClass, characterClassAt, GLYPH_FILL, isInsideIdentifier, isLetterOrNumberAt, isWordCharacterBefore, withoutGlyphFill } from '../text/characters';
import { lowerBound } from '../text/sortedSearch';
import { abbreviationOfBuiltName, isNameBuiltOnAbbreviation, memberFamilyOf } from '../model/scopeDefinitions';
import { headOfSpacedNumber } from '../model/spacedShortForms';
import { nameAfterPrefix } from '../model/prefixLetters';
import { elidedSeriesName, undefinedPartsOf } from './compoundParts';
import { definedSiblingOf } from './familySiblings';
import { isSpelledBeforeItsBracket, readsAsDefinition } from '../abbreviations/definitionDetector';
import { longFormsOf } from '../model/knownDefinitions';
import { FUNCTION_WORDS } from '../abbreviations/detector/wordLists';
import { greekLetterNamed } from '../abbreviations/detector/greekLetters';
import { isOrGap } from '../abbreviations/detector/readings/orShortForm';
import { createPhraseMatcher, type PhraseMatcher, type PhraseOccurrence } from '../knowledge/termMatcher';
import type { BlockTokens } from '../text/tokens';
import { bracketGluesWord, hasAdjacentLongForm, isFollowedByBracket, isInsideBrackets, isInsideCompound, isPairedWith, looseSpellingKey, repeatsNeighbour } from './fixSafety';
import { hyphenatedGeneSymbol, isItalicBacterialGene, isItalicGeneSymbol, isStandardCytokineName, proteinSymbolGenes, standardGeneSymbols } from './standardSymbols';
import { isSuperscriptQualifier } from '../model/notation';
import { introductionAfterLongForm, longFormWrittenBefore } from './writtenOutBefore';
import { definedSpellingOf, hyphenedNumber, isCounted, mayBeOneAbbreviation, otherSpellingsOf } from './abbreviationSpellings';
import type { Finding, FixProposal, RuleContext, SeverityCap, Spelling } from './types';
import type { RuleId } from './ruleTable';
import { textKeptOnce } from '../text/textKeptOnce';


/**
 * True when the written form runs on into math or a pandoc sub- or superscript
 * (`IL-2R$\alpha$`, `IL-2R^α^`): the abbreviation is longer than the mention, so its first use
 * is judged at a use written whole.
 */
function isGluedToNotation(text: string, mention: AbbreviationMention): boolean {
  // Asked for every counted mention: look further only when a notation character follows.
  const next = text.charCodeAt(mention.end);
  if (next !== 0x24 /* $ */ && next !== 0x5e /* ^ */ && next !== 0x7e /* ~ */) return false;
  // A letter continues the name (`R$\alpha$`, `R^α^`); a sign or an expression level does not (`TCR^+^`, `CD56^bright^`).
  return GLUED_LETTER.test(text.slice(mention.end, mention.end + 12));
}
const GLUED_LETTER = /^(?:\$\\?(?:alpha|beta|gamma|delta|kappa|lambda|[\p{L}])(?![\p{L}])|\^[\p{L}]{1,2}\^|~[\p{L}]{1,2}~)/u;

/** `IFNγ` -> `IFN-γ`: the hyphenated spelling of a name ending in a Greek letter. */
function hyphenBeforeGreek(key: string): string {
  return key.replace(/(?<=[\p{L}\p{N}])([\u03b1-\u03c9])$/u, '-$1');
}

/** One Greek letter written in math or as a pandoc superscript right after a mention: `$\gamma$`, `$\alpha$`, `^β^`. */
const GLUED_GREEK = /^(?:\$\\([a-z]+)\$|\^([\u0391-\u03c9])\^)/u;

/**
 * The mention written whole when one Greek letter in math or a superscript completes it
 * (`IFN$\gamma$` is `IFNγ`, `TNF^α^` is `TNFα`): the name a reader sees, to be judged as such.
 * Undefined for anything else glued to it (`R$\alpha\beta$`, `CD56^bright^`).
 */
function wholeFormWithGreek(text: string, mention: AbbreviationMention): AbbreviationMention | undefined {
  const glued = GLUED_GREEK.exec(text.slice(mention.end, mention.end + 12));
  const letter = glued ? (glued[1] !== undefined ? greekLetterNamed(glued[1]) : glued[2]) : undefined;
  if (!glued || letter === undefined) return undefined;
  const written = mention.text + letter;
  return { ...mention, text: written, key: abbreviationKey(written), end: mention.end + glued[0].length };
}

/**
 * Whether the mention sits in a table cell that holds a value (a clone, an isotype, a catalogue
 * entry), not running text. A table with a caption is its own legend, whose caption or footnote
 * defines what its cells abbreviate (`| DMG, H3 K28 |`): there only an identifier joined by an
 * underscore (`PT_0SPKM4S8`, `NM_000535.7`) is a value.
 */
/** Column names of a table of reagents or materials, whose cells are catalogue values (clones, conjugates, catalogue numbers). */
const REAGENT_COLUMN = /(?<![\p{L}])(?:clones?|cat(?:alog(?:ue)?)?\.?\s*(?:#|no\.?|numbers?)?|lot|isotypes?|fluoro(?:phore|chrome)s?|conjugates?|vendors?|suppliers?|manufacturers?|sources?|RRID|dilutions?)(?![\p{L}])/iu;

/** Per model, the header row (first row) of the table holding each table row, by block index. */
const tableHeaders = new WeakMap<RuleContext['model'], Map<number, number>>();

/**
 * The block index of the header row of the table holding table-row block `index`. Asked for every
 * mention in a table's rows, in document order: a row takes the answer of the row above it, so
 * each table is walked once.
 */
function tableHeaderOf(model: RuleContext['model'], index: number): number {
  let byRow = tableHeaders.get(model);
  if (!byRow) tableHeaders.set(model, (byRow = new Map()));
  const known = byRow.get(index);
  if (known !== undefined) return known;
  const blocks = model.prose.blocks;
  /** Whether the block above `row` is a row of the same table. */
  const rowAbove = (row: number): boolean => row > 0 && blocks[row - 1]!.kind === 'table-row' && blocks[row - 1]!.region.kind === blocks[index]!.region.kind;
  let first = index;
  while (rowAbove(first) && !byRow.has(first - 1)) first--;
  const header = rowAbove(first) ? byRow.get(first - 1)! : first;
  for (let row = first; row <= index; row++) byRow.set(row, header);
  return header;
}

/** Per model, whether each table's header names reagent columns, by the header's block index. */
const reagentHeaders = new WeakMap<RuleContext['model'], Map<number, boolean>>();

/** Whether the table holding prose block `index` has a header row naming reagent columns (`Antibody (clone) | Dilution | Vendor (CAT#)`). */
function isReagentTable(model: RuleContext['model'], index: number): boolean {
  let byHeader = reagentHeaders.get(model);
  if (!byHeader) reagentHeaders.set(model, (byHeader = new Map()));
  const first = tableHeaderOf(model, index);
  let reagent = byHeader.get(first);
  if (reagent === undefined) {
    const header = model.prose.blocks[first]!;
    reagent = model.prose.masked.slice(header.start, header.end).split('|').filter((name) => REAGENT_COLUMN.test(name)).length >= 2;
    byHeader.set(first, reagent);
  }
  return reagent;
}

/** A column header naming programs or methods: its cells are their names (`| Method | Modalities |`). */
const NAME_COLUMN = /^[\s*_]*(?:methods?|tools?|software|packages?|algorithms?|programs?|pipelines?)[\s*_]*(?:names?[\s*_]*)?$/iu;

/**
 * Whether the mention sits in a table column whose header names programs or methods (`Method`,
 * `Tool`, `Software`): the cells name them, as a reagent table's name clones. The header is the
 * first row of the table; the column is counted by the pipes before the mention.
 */
function isNameColumn(model: RuleContext['model'], mention: AbbreviationMention): boolean {
  const blocks = model.prose.blocks;
  const first = tableHeaderOf(model, mention.block);
  if (first === mention.block) return false;
  const masked = model.prose.masked;
  const row = blocks[mention.block]!;
  const column = pipesBetween(masked, row.start, mention.start);
  const header = blocks[first]!;
  const cells = model.text.slice(header.start, header.end).split('|');
  const leading = masked.slice(header.start, header.end).trimStart().startsWith('|') === masked.slice(row.start, row.end).trimStart().startsWith('|');
  return leading && NAME_COLUMN.test(cells[column] ?? '');
}

/** The number of `|` in `text[from, to)`. */
function pipesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('|', from); i !== -1 && i < to; i = text.indexOf('|', i + 1)) count++;
  return count;
}

/** Single letters joined by slashes: `A/A`, `V/F`, `G/A/T`. */
const SINGLE_LETTERS_JOINED = /^\p{L}(?:\/\p{L})+$/u;

function isTableValue(model: RuleContext['model'], mention: AbbreviationMention): boolean {
  const block = model.prose.blocks[mention.block];
  if (block?.kind !== 'table-row') return false;
  // A genotype or an allele pair (`A/A`, `V/F`): single letters joined by slashes are a value,
  // unless the knowledge base knows them as a term to define (`R/R`, relapsed/refractory).
  if (SINGLE_LETTERS_JOINED.test(mention.text)) return !knowledgeAsksToDefine(model.knowledge, mention.key);
  const masked = model.prose.masked;
  // A column headed `Method`, `Tool`, `Software` (a review's table of methods) holds names, not uses.
  if (isNameColumn(model, mention)) return true;
  // A captioned table's cells are uses in its legend, unless its header says it lists reagents.
  if (block.region.kind === 'legend' && !isReagentTable(model, mention.block)) return masked[mention.start - 1] === '_' || masked[mention.end] === '_';
  let start = mention.start;
  while (start > block.start && masked[start - 1] !== '|') start--;
  let end = mention.end;
  while (end < block.end && masked[end] !== '|') end++;
  // Running text has words in lower case; a value (`Ms IgG1κ (MOPC-21)`, `BioLegend (356114)`) has few or none.
  let words = 0;
  for (const word of masked.slice(start, end).split(/\s+/u)) if (/^\p{Ll}{2,}[,.;:]?$/u.test(word)) words++;
  return words < 3;
}

/** A use in a table's cells defined by its caption written below it: the caption is the table's legend, read first. */
function isCaptionOfTable(model: RuleContext['model'], mention: AbbreviationMention, definition: AbbreviationDefinition): boolean {
  const blocks = model.prose.blocks;
  return blocks[mention.block]?.kind === 'table-row' && blocks[definition.block]?.kind !== 'table-row' && definition.scope === mention.scope;
}

/**
 * Whether an abbreviation stands right before `offset` (white space between): a short form
 * put there would read as one compound with it (`anti-CD19 CAR natural killer (NK) cells`
 * collapsed to `CAR NK cells`), which the author should see before it happens.
 */
function followsAbbreviation(text: string, offset: number): boolean {
  let end = offset;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  if (end === offset) return false;
  let start = end;
  while (start > 0 && /[\p{L}\p{N}-]/u.test(text[start - 1]!)) start--;
  return /\p{Lu}.*\p{Lu}/u.test(text.slice(start, end));
}


/** True when the knowledge base lists `key` as a discouraged form (the discouraged-variant rule speaks for it). */
function isDiscouragedForm(context: RuleContext, key: string): boolean {
  return context.knowledge?.lookupAll(key).some((found) => !found.folded && found.kind === 'discouraged') ?? false;
}

/** Whether the written form at `end` carries a plural `s` that the mention range left out. */
function hasPluralS(text: string, end: number): boolean {
  return text[end] === 's' && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? ' ');
}

/** Each model's definitions' long forms, as start and end pairs sorted by start: built once, when a rule first asks. */
const longFormSpans = new WeakMap<DocumentModel, Int32Array>();

/**
 * True when `[start, end)` lies inside the long form of one of the document's definitions, a
 * list's entries included: a long form's words written again there are that definition's, no
 * repeat (checkLongFormRepeats); and a definition written there (`Boise VA Medical Center
 * (BVAMC)` made `Boise Veterans Affairs (VA) Medical Center (BVAMC)`) would change that long form
 * and could break its definition, so the fix is offered, never applied unattended.
 */
function isInsideDefinedLongForm(model: DocumentModel, start: number, end: number): boolean {
  let spans = longFormSpans.get(model);
  if (!spans) {
    const sorted = [...model.definitions].sort((a, b) => a.longStart - b.longStart);
    spans = new Int32Array(sorted.length * 2);
    for (let i = 0; i < sorted.length; i++) {
      spans[2 * i] = sorted[i]!.longStart;
      spans[2 * i + 1] = sorted[i]!.longEnd;
    }
    longFormSpans.set(model, spans);
  }
  const found = spans;
  // The long forms starting at or before `start`; long forms barely overlap, so the few last are enough.
  const last = lowerBound(found.length / 2, (k) => found[2 * k]! <= start) - 1;
  for (let k = last; k >= 0 && k > last - 4; k--) if (start >= found[2 * k]! && end <= found[2 * k + 1]!) return true;
  return false;
}

/**
 * Whether writing `long (SF)` in place of a mention keeps the text as the author meant it: not
 * inside brackets (`(CAR-)T`), not in a compound or identifier, not next to a long form already
 * written, not doubling a neighbouring word.
 */
function canWriteDefinitionAt(text: string, mention: AbbreviationMention, end: number, newText: string, long: string): boolean {
  return (
    !isGluedToWhatPrecedes(text, mention.start) &&
    // Markup printing a letter in the use (`QZ&beta;R`, `IL-1$\\beta$`): the definition would write the letter over it.
    !mention.text.includes(GLYPH_FILL) &&
    !isInsideBrackets(text, mention.start) &&
    !isInsideCompound(text, mention.start, end) &&
    !hasAdjacentLongForm(text, mention.start, end, mention.text, long) &&
    !repeatsNeighbour(text, mention.start, end, newText)
  );
}

/**
 * True for a pandoc subscript that is the whole label of a symbol in inline math right before it
 * (`$\\theta$~YC~`, `$k$~QZR~`): notation the symbol's sentence explains. Never reported as
 * undefined; still a use, for the rules that count uses (unused, used before its definition).
 */
function isLabelOfMathSymbol(text: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  return text.charCodeAt(mention.start - 1) === 0x7e /* ~ */ && text.charCodeAt(mention.start - 2) === 0x24 /* $ */ && text.charCodeAt(mention.end) === 0x7e;
}

/**
 * True when the use is written against what comes before it: anything but white space (or an
 * entity printing one, `&nbsp;`), an opening bracket or quotation mark (an apostrophe only after a
 * space: `'QZR'`, not `5'QZR`), emphasis, or an em dash (`rise—QZR`). A sign, markup or a word
 * there (`ΔQZR`, `$\\Delta$QZR`, `$n$QZR`, `` `c`QZR ``, `±QZR`) would be cut from the use by a
 * long form written between them.
 */
function isGluedToWhatPrecedes(text: string, start: number): boolean {
  if (start === 0) return false;
  const before = text.charAt(start - 1);
  if (FREE_BEFORE.test(before)) return false;
  if (before === "'") return start > 1 && !/\s/u.test(text.charAt(start - 2));
  return !SPACE_ENTITY_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
const FREE_BEFORE = /[\s([{"\u201c\u2018\u00ab*_\u2014]/u;
const SPACE_ENTITY_BEFORE = /&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#xA0);$/u;

/** Whether the abbreviation is used again after `mention` in its scope (otherwise a definition there would be unused). */
function isUsedAgain(context: RuleContext, mention: AbbreviationMention): boolean {
  const mentions = context.model.byKey.get(mention.key)?.mentions ?? [];
  // Mentions are in document order: start after this one (a key used in thousands of legends stays linear).
  for (let i = lowerBound(mentions.length, (k) => mentions[k]!.start <= mention.start); i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.scope === mention.scope && m.definition === undefined && !m.inLongForm && !m.inHeading) return true;
  }
  return false;
}

const LATER_WINDOW = 5000;

/**
 * Whether the author writes `expansion` out later (`… chimeric antigen receptor (CAR-)T cells`):
 * then they define it there in a way the detector did not read, and a definition written at the
 * first use would turn theirs into a repeat.
 */
function isWrittenOutLater(text: string, from: number, expansion: string): boolean {
  const long = expansion.toLowerCase();
  // The next few paragraphs are where an author writes it out; a bounded look keeps many findings linear.
  text = text.slice(from, from + LATER_WINDOW);
  // Look only at places where the expansion's first letters occur (case-insensitively), never lower-case the whole text.
  const head = long.slice(0, Math.min(4, long.length));
  const pattern = new RegExp(head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // One letter short of the end, so a plural (`antibodies` for `antibody`) is found too.
    if (text.slice(match.index, match.index + long.length - 1).toLowerCase() === long.slice(0, -1)) return true;
  }
  return false;
}

/** How the knowledge base relates `long` to one of `entries` as an older expansion or a former name, if it does. */
function relatedExpansion(context: RuleContext, long: string, entries: readonly TermEntry[]): TermRelation | undefined {
  const ids = new Set(entries.map((entry) => entry.id));
  const singular = long.replace(/s$/u, '');
  for (const form of [long, singular]) {
    for (const found of context.knowledge?.lookupAll(form) ?? []) {
      const relation = (found.entry.relations ?? []).find((r) => ids.has(r.id) && (r.kind === 'older-expansion' || r.kind === 'former-name'));
      if (relation) return relation;
    }
  }
  return undefined;
}

/**
 * Fix for an undefined abbreviation: the expansion the document itself gives it in another
 * scope (the author's words: `Centers for Disease Control and Prevention` for `CDC` in the
 * abstract of a paper whose text defines it so, whatever the knowledge base says), else the
 * one the knowledge base gives unambiguously.
 */
function defineAtFirstUse(context: RuleContext, mention: AbbreviationMention): FixProposal | undefined {
  const own = ownDefinition(context, mention.key);
  if (own === null) return undefined;
  if (own !== undefined) {
    const { long, sure } = ownLongFormMidSentence(context, own);
    return definitionFix(context, mention, long, sure);
  }
  const knowledge = context.knowledge;
  if (!knowledge) return undefined;
  const entry = soleEntry(knowledge, mention.key);
  if (entry === undefined) return recombinantHumanFix(context, knowledge, mention) ?? resourceFix(context, mention) ?? journalListFix(context, mention);
  const expansion = entry && expansionExplaining(entry, mention.text, context.spelling);
  if (!expansion) return undefined;
  return definitionFix(context, mention, expansion, distinctExpansions(entry).length === 1);
}

/**
 * The one knowledge-base entry whose preferred form or a variant is `key` as written (not
 * folded); `null` when several are, or the one is ambiguous; undefined when none is.
 */
function soleEntry(knowledge: NonNullable<RuleContext['knowledge']>, key: string): TermEntry | null | undefined {
  const exact = knowledge.lookupAll(key).filter((found) => !found.folded && (found.kind === 'preferred' || found.kind === 'variant'));
  const entry = exact[0]?.entry;
  if (!entry) return undefined;
  return exact.length > 1 || entry.ambiguous ? null : entry;
}

/**
 * For a resource named in capitals (`KEGG`): its full name, offered, never applied by itself (the
 * journal may accept the name as it is, and the letters may mean something else here).
 */
function resourceFix(context: RuleContext, mention: AbbreviationMention): FixProposal | undefined {
  const resource = resourceAt(context, mention);
  if (!resource) return undefined;
  // `the data from the TCGA`: the text's own article stands for the name's.
  const articleBefore = /(?:^|[^\p{L}])[Tt]he[ \u00a0]+$/u.test(context.model.text.slice(Math.max(0, mention.start - 8), mention.start));
  return definitionFix(context, mention, articleBefore ? resourceNameWith(resource, true) : resource.name, false);
}

/** For an abbreviation on journals' standard lists (`ANOVA`): the lists' expansion, offered, never applied by itself. */
function journalListFix(context: RuleContext, mention: AbbreviationMention): FixProposal | undefined {
  const listed = journalListing(mention.key);
  return listed ? definitionFix(context, mention, listed.expansion, false) : undefined;
}

/**
 * For a known term after `rh` (`rhIL-15`): `recombinant human interleukin-15 (rhIL-15)`, offered,
 * never applied by itself (the author may mean another source or form). Only `rh`: a lone `h`
 * may say humanised (`hCAR`) or name what has its own word (`hMHC` is HLA).
 */
function recombinantHumanFix(context: RuleContext, knowledge: NonNullable<RuleContext['knowledge']>, mention: AbbreviationMention): FixProposal | undefined {
  if (!RECOMBINANT_HUMAN.test(mention.key)) return undefined;
  const term = mention.key.slice(2);
  const entry = soleEntry(knowledge, term);
  const expansion = entry && expansionExplaining(entry, term, context.spelling);
  return expansion ? definitionFix(context, mention, `recombinant human ${expansion}`, false) : undefined;
}
const RECOMBINANT_HUMAN = /^rh\p{Lu}/u;

/**
 * The document's long form with a capital that only opened its sentence (`Chimeric antigen
 * receptor (CAR)-engineered cells …` in the abstract) written in lower case, as the knowledge
 * base writes the term; a name the knowledge base capitalises (`Hodgkin lymphoma`), or a term it
 * does not know, keeps the author's case.
 */
function inKnownCase(context: RuleContext, key: string, long: string): string {
  const first = long.charAt(0);
  if (first === first.toLowerCase()) return long;
  const lowered = first.toLowerCase() + long.slice(1);
  const entry = context.knowledge ? soleEntry(context.knowledge, key) : undefined;
  return entry?.expansions.some((expansion) => expansion === lowered) ? lowered : long;
}

/** The first of the document's own definitions of `key` when they all give one long form (undefined when there are none; null when they differ). */
function ownDefinition(context: RuleContext, key: string): AbbreviationDefinition | undefined | null {
  const definitions = (context.model.byKey.get(key)?.definitions ?? []).filter((d) => d.pattern !== 'list');
  if (definitions.length === 0) return undefined;
  const first = foldExpansion(definitions[0]!.long);
  return definitions.every((d) => foldExpansion(d.long) === first) ? definitions[0]! : null;
}

/**
 * A definition's long form as written again inside a sentence: in the knowledge base's case when
 * it holds the term (`inKnownCase`), else without the capital a sentence start gave it
 * (`longFormMidSentence`). `sure` is false when a capital was dropped that the knowledge base does
 * not confirm: it may be a name's (`Hodgkin lymphoma` opening a sentence), so a fix that writes
 * the long form is offered, never applied unattended.
 */
function ownLongFormMidSentence(context: RuleContext, definition: AbbreviationDefinition): { long: string; sure: boolean } {
  const known = inKnownCase(context, definition.key, definition.long);
  if (known !== definition.long) return { long: known, sure: true };
  const long = longFormMidSentence(context.model.text, definition);
  return { long, sure: long === definition.long };
}

/**
 * `long (SF)` written over the mention and its plural `s`: where the edit ends, and the text. A
 * Greek letter typed with a look-alike (`TGF-ß`) is written as the letter, as foreign-script asks.
 */
function definitionWrittenAt(mention: AbbreviationMention, plural: boolean, long: string): { end: number; newText: string } {
  const written = withGreekLetters(mention.text);
  return { end: mention.end + (plural ? 1 : 0), newText: `${long} (${plural ? `${written}s` : written})` };
}

/** `long form (SF)` written at the mention; safe when the expansion is sure and the place and the rest of the scope allow it. */
function definitionFix(context: RuleContext, mention: AbbreviationMention, expansion: string, sure: boolean): FixProposal {
  const text = context.model.text;
  const plural = hasPluralS(text, mention.end);
  const long = capitaliseAtSentenceStart(text, mention.start, plural ? pluralise(expansion) : expansion);
  const { end, newText } = definitionWrittenAt(mention, plural, long);
  return {
    title: `Define at first use: '${newText}'`,
    edits: [{ start: mention.start, end, newText }],
    // Safe only when the one expansion is sure, the place takes a definition, and the abbreviation is used again (else the definition would be unused).
    safe:
      sure &&
      !(plural && pluralisesHead(expansion)) &&
      !isInsideDefinedLongForm(context.model, mention.start, mention.end) &&
      canWriteDefinitionAt(text, mention, end, newText, expansion) &&
      isUsedAgain(context, mention) &&
      !isWrittenOutLater(text, end, expansion) &&
      !isDefinedOtherwise(context, mention.key, expansion) &&
      !bringsUndefinedAbbreviation(context, mention, expansion),
  };
}

/**
 * Whether the expansion holds an abbreviation the knowledge base asks to define that is not
 * defined (or exempt) in the mention's scope before it (`CAR-T-cell-related encephalopathy
 * syndrome` where `CAR-T` is not yet defined): written in unattended, it would be a new first use
 * to report, so the fix is offered but not applied by itself.
 */
function bringsUndefinedAbbreviation(context: RuleContext, mention: AbbreviationMention, expansion: string): boolean {
  for (const token of findMentionTokens(expansion, 0, expansion.length)) {
    if (!knowledgeAsksToDefine(context.knowledge, token.key)) continue;
    const site = context.scopes.coverage(mention.scope, token.key, context.needs);
    if (site !== 'exempt' && !(site && site.from < mention.start)) return true;
  }
  return false;
}

/** Whether the document defines `key` elsewhere (another scope) with another expansion: the author's choice, not ours. */
function isDefinedOtherwise(context: RuleContext, key: string, expansion: string): boolean {
  const folded = foldExpansion(expansion);
  return (context.model.byKey.get(key)?.definitions ?? []).some((d) => foldExpansion(d.long) !== folded);
}

/**
 * The entry's expansion to offer for `short`: the preferred one if its letters spell the
 * short form, else the first that does (`IL-8` is 'interleukin-8', never its gene's name
 * 'C-X-C motif chemokine ligand 8'); undefined when none does.
 */
function expansionExplaining(entry: TermEntry, short: string, spelling: Spelling): string | undefined {
  const preferred = expansionFor(entry, spelling);
  const candidates = preferred ? [preferred, ...entry.expansions.filter((e) => e !== preferred)] : entry.expansions;
  return candidates.find((expansion) => spellsShortForm(expansion, short));
}

/** A run of decimal digits: a number as written. */
const DIGIT_RUN = /\p{Nd}+/gu;

/**
 * Whether `long` can be offered as the expansion of `short`: the detector reads `long (short)`
 * as a definition, or at least both start with the same letter (`HER2`, 'human epidermal
 * growth factor receptor 2'), and every number the short form writes is in it. `IL-8` and
 * 'C-X-C motif…', `pSTAT5` and 'signal transducer…', `IL-15Rβ` and 'interleukin-2 receptor β' do not.
 */
function spellsShortForm(long: string, short: string): boolean {
  // A number the short form writes is written in its expansion too: `interleukin-2 receptor β` does not explain `IL-15Rβ`.
  const numbers = new Set(long.match(DIGIT_RUN) ?? []);
  if ((short.match(DIGIT_RUN) ?? []).some((number) => !numbers.has(number))) return false;
  const first = (text: string) => /\p{L}/u.exec(text)?.[0]?.toLowerCase();
  if (first(long) === first(short)) return true;
  return readsAsDefinition(long, short);
}

/** Fix that moves a later definition to the first use. */
function moveDefinition(context: RuleContext, mention: AbbreviationMention, definition: AbbreviationDefinition): FixProposal | undefined {
  const text = context.model.text;
  const collapse = collapseToShortForm(text, definition);
  if (!collapse) return undefined;
  const plural = hasPluralS(text, mention.end);
  const { long: midSentence, sure } = ownLongFormMidSentence(context, definition);
  const long = capitaliseAtSentenceStart(text, mention.start, plural ? pluralise(midSentence) : midSentence);
  const { end, newText } = definitionWrittenAt(mention, plural, long);
  return {
    title: `Move the definition of '${definition.short}' to its first use`,
    edits: [{ start: mention.start, end, newText }, collapse],
    safe:
      sure &&
      !(plural && pluralisesHead(midSentence)) &&
      canWriteDefinitionAt(text, mention, end, newText, definition.long) &&
      !repeatsNeighbour(text, collapse.start, collapse.end, collapse.newText),
  };
}

/** Whether a rule is on: a check that reports two rules does the work of the one that is. */
export type RuleSwitch = (rule: RuleId) => boolean;
const ALL_ON: RuleSwitch = () => true;

/**
 * First use: `undefined-abbreviation` and `used-before-definition`, each reported once
 * per abbreviation and scope, at the first use.
 */
export function checkFirstUse(context: RuleContext, isOn: RuleSwitch = ALL_ON): Finding[] {
  const { model, needs, scopes } = context;
  const reportsUndefined = isOn('undefined-abbreviation');
  const reportsEarlyUse = isOn('used-before-definition');
  const findings: Finding[] = [];
  // Keys already judged, per scope (a set per scope: no string built per use).
  const seen = new Map<string, Set<string>>();
  // Undefined keys already reported per scope, spellings folded (`foldedId`): `HSV1-TK` after `HSV1-tk`, `FcgR` after
  // `FcγR` is the same missing definition. Each with whether its report was capped below a warning.
  const undefinedFolded = new Map<string, boolean>();
  // The parts of compounds reported as warnings (`car`, `nk` of `CAR-NK`), per scope, folded: a later compound of them adds nothing.
  const reportedRoots = new Set<string>();
  const earlierSpellingOf = earlierSpellings(context);
  const check = (written: AbbreviationMention, mention: AbbreviationMention): void => {
    let seenInScope = seen.get(mention.scope);
    if (!seenInScope) seen.set(mention.scope, (seenInScope = new Set()));
    if (seenInScope.has(mention.key)) return;
    seenInScope.add(mention.key);
    // A discouraged form is discouraged-variant's to report, where the term matcher sees it written whole.
    if (needs.isExempt(mention.key) || (mention === written && isDiscouragedForm(context, mention.key)) || HYPHENATED_CD.test(mention.key)) return;
    // `IFN$\gamma$` is covered by a definition of `IFN-γ` too: the hyphen is a spelling, another rule's concern.
    const completedInMath = mention !== written || written.text.includes(GLYPH_FILL);
    const covered = scopes.coverage(mention.scope, mention.key, needs) ?? (completedInMath ? scopes.coverage(mention.scope, hyphenBeforeGreek(mention.key), needs) : undefined);
    // Parts that need no definition do not excuse a whole the knowledge base says needs one
    // (`TNF-α`: the gene symbol `TNF` and a Greek letter, but a cytokine to spell out).
    if (covered === 'exempt' && !isKnownTermToDefine(context, mention.key)) return;
    const site =
      covered !== 'exempt'
        ? covered
        : (scopes.siteOf(mention.scope, mention.key, needs) ?? (completedInMath ? scopes.siteOf(mention.scope, hyphenBeforeGreek(mention.key), needs) : undefined));
    const where = describeScope(mention.scope);
    const flowsInBook = mention.scope === 'main' || mention.scope === 'document';
    // In a book, the first use of the main text may sit in an earlier file, which reports it.
    if (!site && flowsInBook && (context.usedEarlier?.has(mention.key) || (mention !== written && context.usedEarlier?.has(written.key)))) return;
    const earlierSpelling = !site && flowsInBook && mention === written ? earlierSpellingOf(mention.key) : undefined;
    if (earlierSpelling !== undefined) {
      if (isOn('inconsistent-variants')) findings.push(spelledOtherwiseEarlier(mention, earlierSpelling));
      return;
    }
    const later = !site && flowsInBook ? context.definedLater?.get(mention.key) : undefined;
    if (later) {
      if (reportsEarlyUse) findings.push({
        rule: 'used-before-definition',
        start: mention.start,
        end: mention.end,
        message: `'${mention.text}' is used before it is defined ${where} (defined ${inOtherFile(later.uri, later.range.start.line)} as '${later.long}').`,
        data: { key: mention.key, scope: mention.scope, long: later.long, definitionUri: later.uri, definitionLine: later.range.start.line },
      });
      return;
    }
    if (!site) {
      // A number under a stem the scope defines (`QM 010` after `QM: QuarkMate`): the stem tells the reader all.
      const stem = headOfSpacedNumber(mention.key);
      if (stem !== undefined && scopes.coverage(mention.scope, stem, needs) !== undefined) return;
      // A symbol's label (`$k$~QZR~`) says nothing of the scope's other uses: they are read as if it were not there.
      if ((isLabelOfMathSymbol(context.model.text, mention) && seenInScope.delete(mention.key)) || isNameOrNamedUse(context, mention)) return;
      // A compound of parts, some undefined (`IgG-FcγR`, `hFcγRIIB`), or a name after a prefix the document
      // defines (`hIgG` after `human (h)FcγRIIIA`): the parts, or the name, are what to define.
      const parts = mention === written ? (nameAfterDefinedPrefix(context, mention) ?? quantityAfterDifferenceSign(context, mention) ?? undefinedPartsOf(context, mention)) : undefined;
      if (parts) {
        for (const part of parts) check(part, part);
        return;
      }
      // `FcgR` after `FcγR` too: inconsistent-variants tells the second spelling.
      const folded = foldedId(mention.scope, mention.key);
      const earlier = undefinedFolded.get(folded);
      if (earlier === false) return;
      // A numbered member of a family already reported undefined (`STAT5` after `STAT`): one missing definition.
      const family = memberFamilyOf(mention.key);
      if (family !== undefined && undefinedFolded.has(foldedId(mention.scope, family))) return;
      // One undefined root said once: `CAR-NK` after `CAR` (and `NK`) was reported.
      if (isMadeOfReportedRoots(context, mention, undefinedFolded, reportedRoots)) return;
      if (!reportsUndefined) return;
      const finding = undefinedUse(context, mention, where);
      // A spelling reported only as a note (a gene symbol, a tool's name) does not hide one that needs its definition.
      if (earlier === true && finding.cap) return;
      undefinedFolded.set(folded, finding.cap !== undefined);
      if (!finding.cap) for (const part of rootsOf(mention.key)) reportedRoots.add(foldedId(mention.scope, part));
      findings.push(finding);
      return;
    }
    if (mention.start < site.from && site.definition.pattern === 'list') {
      if (reportsUndefined) findings.push(listedAfterUse(context, mention, site.definition, where));
      return;
    }
    // `PhenoPLIER` before `PLIER` is defined: a name built on the abbreviation, not an early use of it.
    if (mention.start < site.from && site.parts && isNameBuiltOnAbbreviation(mention.key)) return;
    // The first use gives the name in words (`(termed LOD1 in the following)`): the later gloss is no definition it came before.
    if (mention.start < site.from && (introductionIn(model, mention.key, mention.scope)?.start ?? Infinity) <= mention.start) return;
    if (mention.start < site.from && reportsEarlyUse && !isCaptionOfTable(model, mention, site.definition)) {
      const line = model.lines.lineAt(site.definition.shortStart) + 1;
      const uses = model.byKey.get(mention.key)?.mentions.filter((m) => m.scope === mention.scope && isCounted(m) && m.start < site.from).length ?? 1;
      const finding: Finding = {
        rule: 'used-before-definition',
        start: mention.start,
        end: mention.end,
        message:
          `'${mention.text}' is used before it is defined ${where} (defined on line ${line}` +
          (site.parts ? ` through '${site.definition.short}'` : ` as '${site.definition.long}'`) +
          (uses > 1 ? `; ${uses} uses come first).` : ').'),
        data: { key: mention.key, scope: mention.scope, long: site.definition.long, definitionLine: line - 1 },
      };
      const fix = site.parts ? undefined : moveDefinition(context, mention, site.definition);
      if (fix) finding.fixes = [fix];
      findings.push(finding);
    }
  };
  for (let i = 0; i < model.mentions.length; i++) {
    const written = model.mentions[i]!;
    // A table cell's value (a clone, a catalogue number) is not prose, a processor's designation a name there: no first use.
    if (!isCounted(written) || isTableValue(model, written) || isReagentNotation(model.prose.masked, written, model.text) || isProcessorAt(model, written)) continue;
    // `-DR` in `HLA-A, -B and -DR` is HLA-DR: a member that needs no definition as written whole needs none here.
    const whole = elidedSeriesName(model.prose.masked, written);
    if (whole !== undefined && context.needs.isExempt(whole)) continue;
    // A form running on into notation is judged whole (`IFN$\gamma$` as `IFNγ`), or where it is written whole.
    const mention = isGluedToNotation(model.text, written) ? wholeFormWithGreek(model.text, written) : written;
    if (mention) check(written, mention);
  }
  return findings;
}

/**
 * A processor's designation at this use (see `isProcessorDesignation`), read across a paragraph's
 * wrapped lines when one falls near it. Asked of every use at every keystroke: read only where a
 * processor's noun stands within reach after the use (the nouns found once per model).
 */
function isProcessorAt(model: DocumentModel, mention: AbbreviationMention): boolean {
  const nouns = processorNounsOf(model);
  const next = nouns[lowerBound(nouns.length, (i) => nouns[i]! <= mention.end)];
  if (next === undefined || next > mention.end + PROCESSOR_REACH) return false;
  const masked = model.prose.masked;
  if (isProcessorDesignation(masked, mention)) return true;
  return masked.slice(Math.max(0, mention.start - 30), mention.end + 80).includes('\n') && isProcessorDesignation(maskedWithLinesJoined(model), mention);
}

/** Where the masked text writes a processor's noun (`GPU`, `CPUs`, `processor`, `graphics card`), in order, per model. */
function processorNounsOf(model: DocumentModel): number[] {
  let nouns = processorNouns.get(model);
  if (!nouns) {
    nouns = [];
    for (const noun of model.prose.masked.matchAll(PROCESSOR_NOUN_ANYWHERE)) nouns.push(noun.index);
    processorNouns.set(model, nouns);
  }
  return nouns;
}
const processorNouns = new WeakMap<DocumentModel, number[]>();
const PROCESSOR_NOUN_ANYWHERE = /[GCT]PU|processor|graphics/gu;
/** How far after a use its processor's noun may stand: two words of its designation and a line break. */
const PROCESSOR_REACH = 60;

/** True when an undefined use is no missing definition: a name, a name given in words, another spelling of a defined abbreviation, or part of one an earlier file defines. */
function isNameOrNamedUse(context: RuleContext, mention: AbbreviationMention): boolean {
  const { model } = context;
  // The rest of a prefixed short form an earlier file of the book defines (`cryo-EM`).
  if ((mention.scope === 'main' || mention.scope === 'document') && (isRestOfInheritedPrefixedKey(context, mention) || isPartOfInheritedSlashPair(context, mention))) return true;
  // A code, clone, strain or line named as such (`the antibody (ADG-2)`, `NSG mice`) is a name.
  // Not when the book's main text defines it: a legend's use of what another file defines
  // (`[CBTN](https://…)` there, `Clinical Brain Trials Network (CBTN)` here) is an abbreviation.
  if ((isWrittenAsName(model, mention.key) || context.bookNames?.has(mention.key)) && mainTextDefinition(context, mention) === undefined) return true;
  // A name built on an abbreviation the main text defines (`MultiPLIER` in a legend): a name there too.
  if (isNameBuiltOnAbbreviation(mention.key) && mention.scope.startsWith('legend:') && mainTextDefinition(context, mention) !== undefined) return true;
  // A name given in words (`(referred as SVPOP below)`) covers its scope, as a definition would;
  // so does a family's (`known as the BXDs`) for its numbered members (`BXD68`).
  if (introductionIn(model, mention.key, mention.scope)) return true;
  const family = memberFamilyOf(mention.key);
  if (family !== undefined && introductionIn(model, family, mention.scope)) return true;
  // Another spelling of an abbreviation the scope defined before (`GvHD` after `GVHD`,
  // `SARS-CoV2` after `SARS-CoV-2`) is a use of that definition; inconsistent-variants reports the spelling.
  return definedSpellingOf(context, mention) !== undefined;
}

/**
 * True when two expansions agree once an abbreviation inside either is read as the document
 * defines it: `activated mDC` and `activated myeloid dendritic cells`, with `myeloid dendritic
 * cells (mDC)` defined. Each word that is a key the document defines is replaced by its first
 * expansion, once (no definition is read inside another's).
 */
function isSameWithInnerDefinitions(model: RuleContext['model'], a: string, b: string): boolean {
  const expand = (long: string): string => long.replace(/[\p{L}\p{N}][\p{L}\p{N}\-]*/gu, (word) => {
    const defined = /\p{Lu}/u.test(word.slice(1)) ? model.byKey.get(abbreviationKey(word))?.definitions[0] : undefined;
    return defined ? defined.long : word;
  });
  const expandedA = expand(a);
  const expandedB = expand(b);
  return (expandedA !== a || expandedB !== b) && isSameExpansion(expandedA, expandedB);
}

/** True for a definition written `long form or SF` (see the detector's `orShortForm` reading), without brackets. */
function isWrittenWithOr(text: string, definition: AbbreviationDefinition): boolean {
  return definition.pattern === 'long-short' && definition.longEnd <= definition.shortStart && isOrGap(text.slice(definition.longEnd, definition.shortStart));
}

/** A key in a scope, its spelling folded as one undefined abbreviation's spellings are told apart (`looseSpellingKey`). */
function foldedId(scope: ScopeName, key: string): string {
  return `${scope}\u0000${looseSpellingKey(key)}`;
}

/**
 * True when every part of a compound is an abbreviation of its own (`CAR-NK`, `PB-NK`; not
 * `CAR-T`, `B-ALL`, `PD-L1`, whose letter or code makes another term) that is defined, exempt or
 * already reported undefined as a warning in the scope (`undefinedFolded` false, or a part of a
 * reported compound), one of them reported, the other parts perhaps proteins named by a word and a
 * number (`Cas9` of `CRISPR-Cas9`): the compound adds no missing definition. In a book,
 * a part an earlier file used without a definition was reported there (`JAK` and `STAT` in the
 * results, `JAK-STAT` in the methods).
 */
function isMadeOfReportedRoots(context: RuleContext, mention: AbbreviationMention, undefinedFolded: ReadonlyMap<string, boolean>, reportedRoots: ReadonlySet<string>): boolean {
  const parts = rootsOf(mention.key);
  // A protein named by a word and its number (`Cas9` of `CRISPR-Cas9`, `Cas12a`) adds no letters to define.
  const named = mention.key.split('-').filter((segment) => PROTEIN_WORD.test(segment)).length;
  if (parts.length === 0 || parts.length + named !== mention.key.split('-').length) return false;
  const flowsInBook = mention.scope === 'main' || mention.scope === 'document';
  let reported = false;
  for (const part of parts) {
    const id = foldedId(mention.scope, part);
    if (undefinedFolded.get(id) === false || reportedRoots.has(id)) reported = true;
    else if (context.needs.isExempt(part) || context.scopes.siteOf(mention.scope, part, context.needs)) continue;
    else if (flowsInBook && context.usedEarlier?.has(part)) reported = true;
    else return false;
  }
  return reported;
}

/** A protein's name written as a capitalised word of letters and its number: `Cas9`, `Cas12a`. */
const PROTEIN_WORD = /^\p{Lu}\p{Ll}{2,}\p{N}{1,2}\p{Ll}?$/u;

/** The hyphen-joined parts of a key that are abbreviations of their own, two capitals or more (`CAR`, `NK` of `CAR-NK`; not `T` of `CAR-T`, `L1` of `PD-L1`, nor numbers). */
function rootsOf(key: string): string[] {
  if (!key.includes('-')) return [];
  const parts = key.split('-');
  return parts.length > 1 ? parts.filter((part) => /^\p{Ll}?\p{Lu}{2,}[\p{Lu}\p{N}]*$/u.test(part)) : [];
}

/** Whether the knowledge base writes `key` (or, ending in a Greek letter, its hyphenated form) as a term that needs a definition. */
function isKnownTermToDefine(context: RuleContext, key: string): boolean {
  return knowledgeAsksToDefine(context.knowledge, key) || knowledgeAsksToDefine(context.knowledge, hyphenBeforeGreek(key));
}

/**
 * `undefined-abbreviation` at a first use. Where journals differ it is capped by the first reading
 * of `UNDEFINED_READINGS` that holds: at `information`, or `off` for a tool's name (see `toolReading`).
 */
function undefinedUse(context: RuleContext, mention: AbbreviationMention, where: string): Finding {
  const entry = context.knowledge ? soleEntry(context.knowledge, mention.key) : undefined;
  const spelled = entry ? longFormWrittenBefore(context, mention, entry.id) : undefined;
  const introduction = spelled ? introductionAfterLongForm(context, mention, spelled) : undefined;
  const fix = introduction ? introduction.fix : defineAtFirstUse(context, mention);
  // With no known expansion, a made-up example ('long form (X)') helps nobody.
  const advice = introduction ? introduction.advice : fix ? `define it at first use, e.g. '${fix.edits[0]!.newText}'.` : 'define it at first use.';
  const unexpanded = `'${mention.text}' is not defined ${where}`;
  const finding: Finding = { rule: 'undefined-abbreviation', start: mention.start, end: mention.end, message: `${unexpanded}; ${advice}`, data: { key: mention.key, scope: mention.scope } };
  for (const read of UNDEFINED_READINGS) {
    const reading = read(context, mention);
    if (!reading) continue;
    finding.message = `${unexpanded}; ${reading.why}${reading.complete ? '' : advice}`;
    finding.cap = reading.cap;
    if (reading.geneSymbols) finding.data = { ...finding.data, geneSymbols: reading.geneSymbols };
    break;
  }
  if (fix) finding.fixes = [fix];
  // A known form mistyped (`PMBC` for PBMC): the spelling is what to correct, not a missing definition.
  // A reading that lowered the finding keeps it lowered; the hint is added to what it says.
  // A known term's own spelling is its own, but for a space before its number (`IL 6`), which the knowledge base's reading never sees whole.
  const near = entry && hyphenedNumber(mention.key) === undefined ? undefined : nearSpellingOf(context, mention.key);
  if (near) {
    const hint = `it may be a misspelling of '${near.target}' (${near.why})`;
    finding.message = finding.cap ? `${finding.message} Or ${hint}.` : `${unexpanded}; ${hint}: correct it, or define it at first use.`;
    finding.data = { ...finding.data, nearSpelling: near.target };
    const respell = respellFix(mention, near.target);
    if (respell) finding.fixes = [respell, ...(finding.fixes ?? [])];
  }
  return finding;
}

/** Difference signs, and the fill after one printed by markup (`$\\Delta$`, `&Delta;`): `ΔELPD`, `ΔΔCt`, `∆MFI`. */
const DIFFERENCE_SIGNS = /^(?:[\u0394\u2206]\u034f*)+/u;

/** The quantity after the difference signs a key opens with (`ELPD` of `ΔELPD`), or undefined: two characters at least. */
function quantityKeyAfterSign(key: string): string | undefined {
  const sign = DIFFERENCE_SIGNS.exec(key)?.[0].length ?? 0;
  return sign > 0 && key.length - sign >= 2 ? key.slice(sign) : undefined;
}

/**
 * The quantity after a difference sign, when the scope defines it (`ΔELPD` after `expected log
 * pointwise predictive density (ELPD)`), as a mention of its own: the sign is an operator the
 * reader knows, the letters are the defined term. Where the quantity is not defined the whole
 * stays one name (`ΔNp63`, an isoform), reported as written. The mention starts after the sign as
 * written, markup and its fill included (`$\\Delta$ELPD`): a fix never writes into the markup.
 */
function quantityAfterDifferenceSign(context: RuleContext, mention: AbbreviationMention): AbbreviationMention[] | undefined {
  const quantity = quantityKeyAfterSign(mention.key);
  if (quantity === undefined) return undefined;
  // The signs as written, with the fill of markup that prints them (the mention's text is the masked text).
  const written = DIFFERENCE_SIGNS.exec(mention.text)?.[0].length ?? 0;
  if (written === 0 || withoutGlyphFill(mention.text.slice(0, written)) !== withoutGlyphFill(mention.key.slice(0, mention.key.length - quantity.length))) return undefined;
  const covered = context.scopes.coverage(mention.scope, quantity, context.needs);
  if (covered === undefined || covered === 'exempt') return undefined;
  return [{ ...mention, key: quantity, text: mention.text.slice(written), start: mention.start + written }];
}

/** The name after a prefix the document defines (`IgG` of `hIgG` after `human (h)FcγRIIIA`), as a mention of its own. */
function nameAfterDefinedPrefix(context: RuleContext, mention: AbbreviationMention): AbbreviationMention[] | undefined {
  const name = nameAfterPrefix(context.scopes, mention.scope, mention.key);
  if (name === undefined) return undefined;
  const prefix = mention.key.length - name.length;
  if (!mention.text.startsWith(mention.key.slice(0, prefix))) return undefined;
  return [{ ...mention, key: name, text: mention.text.slice(prefix), start: mention.start + prefix }];
}

/**
 * The spelling an earlier file of the book uses for a key, case and hyphens folded (`RNAseq` for
 * `RNA-Seq`): the key there is no new first use here, but another spelling of that one. The fold
 * is built at the first question.
 */
function earlierSpellings(context: RuleContext): (key: string) => string | undefined {
  let folded: Map<string, string> | undefined;
  return (key) => {
    if (!context.usedEarlier) return undefined;
    folded ??= new Map([...context.usedEarlier].map((earlier) => [looseSpellingKey(earlier), earlier]));
    return folded.get(looseSpellingKey(key));
  };
}

/**
 * `inconsistent-variants` at the first use of a spelling that an earlier file of the manuscript
 * writes otherwise (`RNA-Seq` here, `RNAseq` there): no new first use, whose definition is the
 * earlier file's to report, but a second spelling of one abbreviation.
 */
function spelledOtherwiseEarlier(mention: AbbreviationMention, earlier: string): Finding {
  return {
    rule: 'inconsistent-variants',
    start: mention.start,
    end: mention.end,
    message: `'${mention.text}' is written '${earlier}' in an earlier file of the manuscript: one abbreviation written two ways. Use one form.`,
    data: { form: mention.key, dominant: earlier },
  };
}

/**
 * `undefined-abbreviation` at a first use that only a list after it spells out (`## Abbreviations`
 * at the back: `TME, tumor microenvironment`), or a part of it (`CAR-T` through `CAR`): capped at `information`, since journals that
 * print such a list differ on whether the text must define each abbreviation as well. The fix
 * writes the list's long form at the first use and leaves the list as it is.
 */
function listedAfterUse(context: RuleContext, mention: AbbreviationMention, entry: AbbreviationDefinition, where: string): Finding {
  const line = context.model.lines.lineAt(entry.shortStart) + 1;
  const finding: Finding = {
    rule: 'undefined-abbreviation',
    start: mention.start,
    end: mention.end,
    message:
      `'${mention.text}' is not defined ${where} before this first use; the abbreviations listed on line ${line} give ` +
      (entry.key === mention.key ? `'${entry.long}', ` : `'${entry.short}' as '${entry.long}', `) +
      'and journals that print such a list differ on whether the text must spell it out too.',
    data: { key: mention.key, scope: mention.scope, long: entry.long, definitionLine: line - 1 },
    cap: { severity: 'information' },
  };
  const fix = defineAtFirstUse(context, mention) ?? (entry.key === mention.key ? definitionFix(context, mention, entry.long, true) : undefined);
  if (fix) finding.fixes = [fix];
  return finding;
}

/** Whether every use of the key in the mention's scope is a superscript qualifying a name (`*CISH*^KO^`). */
function isOnlySuperscripted(context: RuleContext, mention: AbbreviationMention): boolean {
  const { text } = context.model;
  if (!isSuperscriptQualifier(text, mention.start, mention.end)) return false;
  const uses = context.model.byKey.get(mention.key)?.mentions ?? [];
  return uses.every((use) => use.scope !== mention.scope || !isCounted(use) || isSuperscriptQualifier(text, use.start, use.end));
}

/**
 * Why journals differ on spelling out an undefined use, and how far that lowers it: `why` is
 * the message's reason, followed by the advice to define it unless `complete`.
 */
interface UndefinedReading {
  why: string;
  complete?: boolean;
  cap: SeverityCap;
  geneSymbols?: string[];
}

/**
 * The readings of an undefined use that journals differ on, in order; the first that holds
 * decides: a gene symbol this use names as a program, a standard gene symbol, a cytokine's
 * standard name, a protein's name its gene's record lists, a qualifier written only as a superscript on a name (`*CISH*^KO^`), a receptor chain of a
 * defined cytokine, a gene symbol written with a hyphen before its number (`BCL-2`), a legend's use of what
 * the main text defines (journals that want each legend to stand alone set `defineInLegends`), an
 * abbreviation on two or more immunology journals' lists of standard abbreviations (`ANOVA`),
 * a database, archive or agency listed in `data/resources.json` (`KEGG`), capitals the document
 * names as a tool (`the _XYZ_ algorithm`) or a trial, capitals in italics
 * as genes are written, a term used only in an assay's long enumeration of what it measures,
 * and a member of a family whose sibling the scope spells out.
 */
const UNDEFINED_READINGS: readonly ((context: RuleContext, mention: AbbreviationMention) => UndefinedReading | undefined)[] = [
  (context, mention) => {
    const genes = standardGeneSymbols(context, mention.key);
    if (!genes) return undefined;
    // A gene symbol this use names as a program (`STAR Aligner 2.6.1a`, `STAR 2.7.3a`): the use says which.
    const tool = programNamedAt(context.model.prose.masked, mention);
    if (tool) return toolReading(named(tool));
    const range = genes.length === 2 && !mention.key.startsWith(`${genes[0]}-${genes[1]}`);
    const hosted = genes.length === 1 && genes[0] !== mention.key;
    const what = range
      ? `a range of standard gene symbols (${genes[0]} to ${genes[1]})`
      : genes.length > 1
        ? `made of standard gene symbols (${genes.join(', ')})`
        : hosted
          ? `an antisense RNA gene named after the standard gene symbol ${genes[0]}, as HGNC names them`
          : 'a standard gene symbol';
    return { why: `it is ${what}, which some journals ask authors to define at first use.`, complete: true, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] }, geneSymbols: genes };
  },
  (context, mention) => {
    if (!isStandardCytokineName(context, mention.key)) return undefined;
    const why = `it is a cytokine's standard name, which many immunology journals accept undefined; for those that want it in full, `;
    return { why, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] } };
  },
  (context, mention) => {
    const genes = proteinSymbolGenes(context, mention.key);
    if (!genes) return undefined;
    const why = `it names the protein of ${genes} by a symbol its gene record lists, which many journals accept undefined as they do gene symbols; for those that want it in full, `;
    return { why, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] } };
  },
  (context, mention) => {
    if (!isOnlySuperscripted(context, mention)) return undefined;
    const why = `it is written only as a superscript on the name before it (genotype notation), which many journals accept undefined; for those that want it in full, `;
    return { why, cap: { severity: 'information' } };
  },
  (context, mention) => {
    const chainOf = receptorChainOf(context, mention);
    if (!chainOf) return undefined;
    // A legend's chain whose cytokine only the main text defines leans on both allowances.
    const liftedBy = chainOf.fromMainText ? (['defineGeneSymbols', 'defineInLegends'] as const) : (['defineGeneSymbols'] as const);
    return { why: `it names a receptor of ${chainOf.cytokine}, which many journals accept; for those that want it in full, `, cap: { severity: 'information', liftedBy } };
  },
  (context, mention) => {
    const symbol = hyphenatedGeneSymbol(context, mention.key);
    if (!symbol) return undefined;
    const why = `it is the gene symbol ${symbol} written with a hyphen before its number, as a protein's name often is, which many journals accept undefined as they do gene symbols; for those that want it in full, `;
    return { why, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] } };
  },
  (context, mention) => {
    const inText = mainTextDefinition(context, mention);
    if (!inText) return undefined;
    const why = `the main text defines it (${inText}), and journals that want each ${isBoxScope(mention.scope) ? 'box' : 'legend'} to stand alone ask for it again here.`;
    return { why, complete: true, cap: { severity: 'information', liftedBy: ['defineInLegends'] } };
  },
  // On two or more immunology journals' lists of standard abbreviations (`ANOVA`, `CTL`, `CFSE`): journals differ.
  (context, mention) => {
    const listed = journalListing(mention.key);
    if (!listed) return undefined;
    const journals = listed.journals.length > 2 ? `${listed.journals.slice(0, -1).join(', ')} and ${listed.journals.at(-1)!}` : listed.journals.join(' and ');
    // The fix offers the knowledge base's expansion where it has one: the message quotes the lists' only where it is the fix's.
    const known = context.knowledge ? soleEntry(context.knowledge, mention.key) : undefined;
    const expansion = known === undefined ? ` ('${listed.expansion}')` : '';
    const why = `it is on the lists of standard abbreviations that ${journals} print undefined${expansion}; for journals that want it in full, `;
    return { why, cap: { severity: 'information' } };
  },
  // A reagent named by its amount in a recipe (`1 µM PMSF`, `0.1% IGEPAL`, `1× SYBR Green`): journals differ.
  (context, mention) => {
    const amount = reagentAmountBefore(context, mention);
    if (amount === undefined) return undefined;
    const why = `it names a reagent by its amount in a recipe ('${amount} ${mention.text}'), which many journals accept undefined in the methods; for those that want it in full, `;
    return { why, cap: { severity: 'information' } };
  },
  // A database, archive, collection or agency named in capitals (`KEGG`, `NCBI`, `ICD-10`): journals differ.
  (context, mention) => {
    const resource = resourceAt(context, mention);
    if (!resource) return undefined;
    const why = `it names ${resourceNameWith(resource, false)}, ${resource.what}, which many journals accept undefined; for those that want it in full, `;
    return { why, cap: { severity: 'information' } };
  },
  // Journals differ on spelling out a trial's title (NEJM does not ask, JAMA does).
  (context, mention) => {
    const study = studyReadingIn(context.model, mention);
    return study ? { why: `it names a trial or study ('${study}'), which many journals accept undefined; for those that want its full title, `, cap: { severity: 'information' } } : undefined;
  },
  // A tool's or a resource's name is a name, not an abbreviation: not reported unless the journal
  // wants such names spelled out (`defineToolNames`); a tentative reading is a note. After a
  // study's reading: a resource's letters get here only before a study's noun (`the TCGA
  // cohort`), which names the study, not the program another use names (`TCGA Assembler`).
  (context, mention) => {
    if (resourceNamed(context.knowledge, mention.key)) return undefined;
    const tool = toolReadingIn(context.model, mention) ?? toolNamedInBook(context, mention);
    return tool ? toolReading(tool) : undefined;
  },
  (context, mention) => {
    if (!isItalicGeneSymbol(context, mention)) return undefined;
    const why = `it is written in italics as a gene symbol, which many journals accept undefined (it is not a protein-coding symbol known here: check its spelling); for those that want it in full, `;
    return { why, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] } };
  },
  (context, mention) => {
    if (!isItalicBacterialGene(context, mention)) return undefined;
    const why = `it is written in italics as a gene name (lower-case letters and a capital, as bacterial genes are named), which journals accept undefined; for those that want its product named, `;
    return { why, cap: { severity: 'information', liftedBy: ['defineGeneSymbols'] } };
  },
  // Used only as a member of an assay's long enumeration (a panel of analytes): a note, not a warning.
  (context, mention) => {
    const listed = enumerationOnlyUse(context.model, mention.key, mention.scope, mention);
    if (listed === undefined) return undefined;
    const why = `it is used only in a list of ${listed} names an assay measures, which copy-editors seldom ask to spell out one by one; to spell it out anyway, `;
    return { why, cap: { severity: 'information' } };
  },
  // Introduced in a bracket after words that do not spell it (`glycated hemoglobin (HbA1c)`,
  // `Gutt's index (ISI)`): a copy-editor reads the words as its long form, so it is not reported
  // (a note there was judged a false alarm 30 times in 35 on real manuscripts). The knowledge base's
  // terms keep their warning: the tool knows their long form and it is not written.
  (context, mention) => {
    if (context.knowledge && soleEntry(context.knowledge, mention.key) !== undefined) return undefined;
    const words = looseIntroductionBefore(context.model, mention);
    if (words === undefined) return undefined;
    const why = `it is introduced in brackets after words that do not spell its letters ('${words}'), which read as its long form; if they are not, `;
    return { why, cap: { severity: 'off' } };
  },
  // A member of a family whose sibling the scope spells out (`interleukin-12 (IL-12), IL-15`): journals differ.
  (context, mention) => {
    const sibling = definedSiblingOf(context.model, mention);
    if (!sibling) return undefined;
    const why = `'${sibling.short}' was spelt out as '${sibling.long}', so readers can read it, and many journals accept that; for those that want each in full, `;
    return { why, cap: { severity: 'information' } };
  },
];


/**
 * A use read as a tool's or a resource's name: a name, not an abbreviation to spell out, so not
 * reported unless the journal wants such names spelled out too. A tentative reading (`the EM
 * algorithm`, a citation whose key carries the letters) names a method, an abbreviation to define,
 * as often as a program: a note.
 */
function toolReading(tool: ToolReading): UndefinedReading {
  if (tool.tentative) return { why: `it names a tool or resource ('${tool.phrase}'), which many journals accept undefined; for those that want it in full, `, cap: { severity: 'information', liftedBy: ['defineToolNames'] } };
  return { why: `it names a tool or resource ('${tool.phrase}'), which most journals accept undefined; for those that want it in full, `, cap: { severity: 'off', liftedBy: ['defineToolNames'] } };
}

/**
 * The resource (`data/resources.json`) a use names, unless the document names a trial or study
 * by the same letters there (`the COSMIC trial`, `the SPIRIT 2 trial`), whatever a resource
 * shares them.
 */
function resourceAt(context: RuleContext, mention: AbbreviationMention): ResourceName | undefined {
  const resource = resourceNamed(context.knowledge, mention.key);
  if (!resource || studyReadingIn(context.model, mention) || STUDY_NOUN_AFTER.test(context.model.prose.masked.slice(mention.end, mention.end + 24))) return undefined;
  return resource;
}

/** A trial's or a study's noun after the letters, perhaps after its number (`the SPIRIT 2 trial`): a study's name, not a resource's. */
const STUDY_NOUN_AFTER = /^[ \u00a0]+(?:\p{N}{1,3}[ \u00a0]+)?(?:trials?|study|studies|cohorts?)(?![\p{L}])/u;

/**
 * An amount right before a use, as a recipe gives a reagent's (`1 µM`, `0.1%`, `1×`, `10 mg/ml`,
 * `1 ml`): a number and a unit of concentration, mass or volume with its prefix (not a bare `M`
 * or `L`, which say millions and litres of people too), a percentage under 20 or with decimals
 * (not `40% CRR`, a rate), or the working strength `1×` (not `3x ULN`, a multiple). A Greek letter
 * written in math (`1 $\mu$M`) reads as the letter and its glyph fill. Not for a key the knowledge
 * base asks to define (`10 ng/ml IL-15` needs its definition).
 */
function reagentAmountBefore(context: RuleContext, mention: AbbreviationMention): string | undefined {
  if (knowledgeAsksToDefine(context.knowledge, mention.key)) return undefined;
  const before = context.model.prose.masked.slice(Math.max(0, mention.start - 24), mention.start);
  const amount = REAGENT_AMOUNT_BEFORE.exec(before);
  return amount ? withoutGlyphFill(amount[1]!) : undefined;
}
const REAGENT_AMOUNT_BEFORE =
  /(?<![\p{L}\p{N}.,])((?:\d+[.,]\d+|1?\d)[ \u00a0]*%|1[ \u00a0]*[×xX]|\d+(?:[.,]\d+)?[ \u00a0]*(?:[mµμnp]\u034f*M|[mµμnk]\u034f*g(?:\/(?:m|µ|μ)?\u034f*[lL])?|[mµμn]\u034f*[lL]|U\/m?[lL]))[ \u00a0]+$/u;

/** A tool or resource another file of the book names as such (`X (v1.1.3)` in the methods), unless the knowledge base asks to define the key. */
function toolNamedInBook(context: RuleContext, mention: AbbreviationMention): ToolReading | undefined {
  if (!context.bookTools?.has(mention.key) || knowledgeAsksToDefine(context.knowledge, mention.key)) return undefined;
  return suggested(`${mention.text}, named so in another file of the manuscript`);
}

/** Where a definition stands, for messages: `on line N` here, or `in file.md on line N` in another file of the book. */
function placeOfDefinition(model: RuleContext['model'], definition: AbbreviationDefinition): { line: number; text: string } {
  if (definition.origin) return { line: definition.origin.range.start.line + 1, text: inOtherFile(definition.origin.uri, definition.origin.range.start.line) };
  const line = model.lines.lineAt(definition.shortStart) + 1;
  return { line, text: `on line ${line}` };
}

/** True when the running text of `scope` uses `key` between `from` and `to` (a definition or a heading is no use). */
function usedBetween(model: RuleContext['model'], key: string, scope: string, from: number, to: number): boolean {
  const mentions = model.byKey.get(key)?.mentions ?? [];
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    if (mention.scope === scope && mention.start >= from && mention.end <= to && isCounted(mention)) return true;
  }
  return false;
}

/** How far after a long form the bracket it glosses may open. */
const GLOSS_REACH = 80;

/**
 * True when a bracket opens within a few words after `end`, in the same clause (no full stop,
 * semicolon, colon or other bracket first), and holds `key` then a subtype's label (`(MB, MYO)`).
 */
function isGlossOfBracketAfter(text: string, end: number, key: string): boolean {
  const after = text.slice(end, end + GLOSS_REACH);
  const open = after.search(/[(.;:)\n[]/u);
  if (open < 0 || after.charAt(open) !== '(') return false;
  const inside = after.slice(open + 1);
  return inside.startsWith(key) && LABEL_AFTER_SHORT_FORM.test(inside.slice(key.length));
}

/**
 * True when the words at `[start, end)` spell out a part of the compound short form a bracket right
 * after them introduces (white space and one line break between at most), and are written as part
 * of its expansion: joined to the part before (`liquid chromatography-mass spectrometry (LC-MS)`,
 * `…/tandem mass spectrometry (UPLC-MS/MS)`) or after a word of their own (`tandem`). After a
 * function word (`read by mass spectrometry (LC-MS)`) the other parts are not spelled: a repeat.
 */
function isPartOfCompoundBracketAfter(text: string, start: number, end: number, key: string): boolean {
  const compound = COMPOUND_BRACKET_AFTER.exec(text.slice(end, end + COMPOUND_REACH))?.[1];
  if (compound === undefined || compound === key || !compound.split(/[-/\u2010\u2011\u2013]/u).includes(key)) return false;
  const before = text.slice(Math.max(0, start - COMPOUND_REACH), start);
  if (/[-/\u2010\u2011\u2013]$/u.test(before)) return true;
  const word = /(\p{L}+)[ \u00a0]+$/u.exec(before)?.[1];
  return word !== undefined && !FUNCTION_WORDS.has(word.toLowerCase());
}

/** A bracket opening right after the words (one line break at most) and holding one compound short form, closing it (`(UPLC-MS/MS)`). */
const COMPOUND_BRACKET_AFTER = /^[ \t\u00a0]*(?:\r?\n[ \t]*)?\((\p{L}[\p{L}\p{N}]*(?:[-/\u2010\u2011\u2013][\p{L}\p{N}]+)+)\)/u;
const COMPOUND_REACH = 48;

/** A subtype's label after a family's short form in its bracket, closing it: `, PF A)`, `, MPE)`, `, SHH)`. */
const LABEL_AFTER_SHORT_FORM = /^,[ \u00a0]*(\p{Lu}[\p{Lu}\p{N}-]*)(?:[ \u00a0]\p{Lu}{1,2})?\)/u;
const LABEL_REACH = 16;

/**
 * True when a definition's short form is followed in its bracket by a subtype's label that the
 * words before the bracket spell, loosely (`myxopapillary ependymomas (EPN, MPE)`,
 * `SHH-activated medulloblastoma (MB, SHH)`, the label written among them): the bracket labels
 * the subtype within the family. A label the words do not spell (`acute myeloid leukaemia (AML,
 * FLT3-ITD)`) leaves the bracket a definition.
 */
function isFamilyBeforeLabel(model: RuleContext['model'], definition: AbbreviationDefinition): boolean {
  const label = LABEL_AFTER_SHORT_FORM.exec(model.text.slice(definition.shortEnd, definition.shortEnd + LABEL_REACH));
  const block = model.prose.blocks[definition.block];
  const tokens = model.blockTokens[definition.block];
  const open = definition.shortStart - 1;
  if (!label || !block || !tokens || model.text.charCodeAt(open) !== 0x28 /* ( */ || open < block.start) return false;
  const labelStart = definition.shortEnd + label[0].indexOf(label[1]!);
  const slice = model.prose.masked.slice(block.start, block.end);
  // The label written among the words (`SHH-activated medulloblastoma (MB, SHH)`) names the subtype too.
  const words = slice.slice(Math.max(0, open - block.start - LABEL_WORDS_REACH), open - block.start);
  for (let at = words.indexOf(label[1]!); at >= 0; at = words.indexOf(label[1]!, at + 1)) {
    if (!isLetterOrNumberAt(words, at - 1) && !isLetterOrNumberAt(words, at + label[1]!.length)) return true;
  }
  return isSpelledBeforeItsBracket(slice, tokens, open - block.start, labelStart - block.start, labelStart + label[1]!.length - block.start);
}
/** How far before the bracket a label written among the words is looked for. */
const LABEL_WORDS_REACH = 60;

/** True when the definition is written in a heading of this file. */
function isInHeading(model: RuleContext['model'], definition: AbbreviationDefinition): boolean {
  return definition.block >= 0 && !definition.origin && model.prose.blocks[definition.block]?.kind === 'heading';
}

/** `in file.md on line N` for a 0-based line of another file of the book. */
function inOtherFile(uri: string, line: number): string {
  return `in ${fileNameOf(uri)} on line ${line + 1}`;
}

/** A cytokine's receptor or one of its chains in systematic notation (`IL-2Rβ`, `IL-9R`): the cytokine, then `R` and perhaps a Greek chain letter. */
const RECEPTOR_CHAIN = /^(\p{Lu}{2,4}-\d{1,2})R[αβγ]?$/u;

/**
 * For a receptor written after a cytokine the scope defines or needs not define (`IL-2Rβ` after
 * `interleukin-2 (IL-2)`), or of a cytokine's standard name the document leaves undefined
 * throughout (`IL-2Rα` where `IL-2` is nowhere defined): that cytokine, as words.
 */
function receptorChainOf(context: RuleContext, mention: AbbreviationMention): { cytokine: string; fromMainText: boolean } | undefined {
  const cytokine = RECEPTOR_CHAIN.exec(mention.key)?.[1];
  if (!cytokine) return undefined;
  const site = context.scopes.coverage(mention.scope, cytokine, context.needs);
  if (site === 'exempt' || context.needs.isExempt(cytokine)) return { cytokine: `${cytokine} (no definition needed)`, fromMainText: false };
  if (site && site.from <= mention.start) return { cytokine: `${cytokine} (defined ${placeOfDefinition(context.model, site.definition).text})`, fromMainText: false };
  // A cytokine's standard name the document leaves undefined throughout: its chains are named as it is.
  if (!site && isStandardCytokineName(context, cytokine) && !context.model.byKey.get(mention.key)?.definitions.length) {
    return { cytokine: `${cytokine} (a cytokine's standard name, left undefined here)`, fromMainText: false };
  }
  // In a legend, a cytokine the main text defines, as for the legend's other abbreviations.
  if (!mention.scope.startsWith('legend:')) return undefined;
  const main = context.scopes.coverage('main', cytokine, context.needs);
  if (!main || main === 'exempt') return undefined;
  return { cytokine: `${cytokine} (defined in the main text ${placeOfDefinition(context.model, main.definition).text})`, fromMainText: true };
}

/** For a use in a legend: where the main text (of this file or its book) defines the key, as words, if it does. */
function mainTextDefinition(context: RuleContext, mention: AbbreviationMention): string | undefined {
  if (!mention.scope.startsWith('legend:')) return undefined;
  const site = context.scopes.coverage('main', mention.key, context.needs);
  if (site === 'exempt') return undefined;
  if (site) return placeOfDefinition(context.model, site.definition).text;
  const later = context.definedLater?.get(mention.key);
  if (later) return inOtherFile(later.uri, later.range.start.line);
  const named = introductionIn(context.model, mention.key, 'main');
  return named ? `named in words on line ${context.model.lines.lineAt(named.start) + 1}` : undefined;
}

/**
 * Definitions against each other and against the knowledge base: `redefined-abbreviation`
 * (same expansion again in a scope), `conflicting-expansion` (a different expansion than
 * an earlier definition, or than every expansion the knowledge base accepts).
 */
/**
 * The fix that writes another expansion over a definition's long form, or none when the long form
 * as written holds markup (emphasis, code, HTML tags, a link's brackets, sub- and superscripts,
 * math: `_Klebsiella pneumoniae_ carbapenamase`, `<i>Klebsiella</i> …`): the expansion is plain
 * text, and writing it there would drop or unbalance the author's markup.
 */
function expansionFixes(text: string, definition: AbbreviationDefinition, title: string, expansion: string): FixProposal[] | undefined {
  if (MARKUP.test(text.slice(definition.longStart, definition.longEnd))) return undefined;
  return [{ title, edits: [{ start: definition.longStart, end: definition.longEnd, newText: expansion }], safe: false }];
}
const MARKUP = /[*_`<>[\]~^$\\]/u;

export function checkDefinitions(context: RuleContext, isOn: RuleSwitch = ALL_ON): Finding[] {
  const { model } = context;
  const reportsConflicts = isOn('conflicting-expansion');
  const reportsRepeats = isOn('redefined-abbreviation');
  const findings: Finding[] = [];
  const firstInScope = new Map<string, AbbreviationDefinition>();
  const firstInDocument = new Map<string, AbbreviationDefinition>();
  /** Where an earlier definition stands: a line here, or a file and line of the book. */
  const placeOf = (earlier: AbbreviationDefinition) => placeOfDefinition(model, earlier);
  // Kept once as they are written: a text of repeated definitions says the same thing each time.
  const once = textKeptOnce();
  // The expansions already reported as conflicting, by key: a legend repeating the main text's expansion repeats its conflict.
  const conflicting = new Map<string, string[]>();
  for (let i = 0; i < model.definitions.length; i++) {
    const definition = model.definitions[i]!;
    const scopeId = `${definition.scope}\u0000${definition.key}`;
    // A main-text definition that an earlier file of the book already made is a repeat too.
    const carried = context.scopes.inheritedFor(definition.scope, definition.key);
    // `smouldering multiple myeloma or MM` after `multiple myeloma (MM)`: written without brackets, a
    // gloss of what is known, no second definition (nor a conflicting one).
    if ((firstInDocument.has(definition.key) || carried) && isWrittenWithOr(model.text, definition)) continue;
    // An earlier file's abstract (Manubot's abstract is a file of its own) gave an expansion this one should agree with;
    // only the file's first definition is compared with it, and later ones with that first one.
    const earlier = firstInDocument.get(definition.key) ?? carried ?? context.scopes.abstractInheritedFor(definition.key);
    // After an earlier file's list, the text's first definition is the one a definition here repeats.
    const earlierInScope = firstInScope.get(scopeId) ?? context.scopes.inheritedWrittenFor(definition.scope, definition.key) ?? carried;
    if (!firstInDocument.has(definition.key)) firstInDocument.set(definition.key, carried ?? definition);
    if (!firstInScope.has(scopeId)) firstInScope.set(scopeId, earlierInScope ?? definition);

    if (earlier && earlier !== definition && !isSameExpansion(earlier.long, definition.long) && !isSameWithInnerDefinitions(model, earlier.long, definition.long)) {
      // A conflict is no repeat, whether or not it is reported.
      if (!reportsConflicts) continue;
      // The knowledge base's expansion after a wrong one (an abbreviations list right where the text
      // was wrong): the wrong one is reported against the knowledge base; this one is the fix, not the fault.
      if (judgedByKnowledge(context, definition).verdict === 'accepted' && ['conflict', 'older'].includes(judgedByKnowledge(context, earlier).verdict)) continue;
      const reported = conflicting.get(definition.key);
      if (reported?.some((long) => isSameExpansion(long, definition.long))) continue;
      if (reported) reported.push(definition.long);
      else conflicting.set(definition.key, [definition.long]);
      const place = placeOf(earlier);
      const line = place.line;
      findings.push({
        rule: 'conflicting-expansion',
        start: definition.longStart,
        end: definition.longEnd,
        message: `'${definition.short}' is defined here as '${definition.long}' but ${place.text} as '${earlier.long}'.`,
        data: { key: definition.key, long: definition.long, earlierLong: earlier.long, earlierLine: line - 1, ...(earlier.origin ? { earlierUri: earlier.origin.uri } : {}) },
        fixes: expansionFixes(model.text, definition, `Use the earlier expansion '${earlier.long}'`, earlier.long),
      });
      continue;
    }
    if (earlierInScope && earlierInScope !== definition) {
      // A heading that spells the term out (`## Chronic Lymphocytic Leukaemia (CLL)`) and the text
      // under it defining it again before any use: the text's is the first definition in running prose, as journals ask.
      if (isInHeading(model, earlierInScope) && !isInHeading(model, definition) && !usedBetween(model, definition.key, definition.scope, earlierInScope.shortEnd, definition.shortStart)) {
        firstInScope.set(scopeId, definition);
        continue;
      }
      // A list of abbreviations (here or in another file of the book) and a definition in the text may
      // both stand; a second definition in the text repeats the text's first.
      if (definition.pattern === 'list') continue;
      if (earlierInScope.pattern === 'list' && (!earlierInScope.origin || earlierInScope.origin.listed)) {
        firstInScope.set(scopeId, definition);
        continue;
      }
      // `myxopapillary ependymomas (EPN, MPE)`: the family's short form before a subtype's label the words spell names the class, no second definition.
      if (isFamilyBeforeLabel(model, definition)) continue;
      if (!reportsRepeats) continue;
      findings.push(repeatedDefinition(model, definition, earlierInScope, placeOf(earlierInScope), once));
      continue;
    }
    if (earlier || !reportsConflicts) continue;
    // The first definition in the document: compare with the knowledge base, or the name of a resource the letters stand for.
    const judged = judgedByKnowledge(context, definition);
    if (judged.verdict !== 'conflict' && judged.verdict !== 'older') {
      const misnamed = judged.verdict === 'unknown' ? misnamedResource(context, definition) : undefined;
      if (misnamed) findings.push(misnamed);
      continue;
    }
    const suggestion = expansionFor(judged.entries[0]!, context.spelling)!;
    const finding: Finding = {
      rule: 'conflicting-expansion',
      start: definition.longStart,
      end: definition.longEnd,
      message: `'${definition.short}' usually stands for ${judged.accepted.map((a) => `'${a}'`).slice(0, 3).join(' or ')}, not '${definition.long}'.`,
      data: { key: definition.key, long: definition.long, accepted: judged.accepted },
      fixes: expansionFixes(model.text, definition, `Use '${suggestion}'`, suggestion),
    };
    if (judged.verdict === 'older') {
      // Not wrong, only dated: the knowledge base's note says when the older expansion still fits.
      finding.message = `'${definition.long}' is an older expansion of '${definition.short}', now usually '${suggestion}'. ${judged.relation.note}`;
      finding.cap = { severity: 'information' };
    }
    findings.push(finding);
  }
  return findings;
}

/**
 * `conflicting-expansion` for a resource's letters spelled out with one word of its name changed
 * (`The Cancer Genome Analysis (TCGA)` for The Cancer Genome Atlas, `Gene Expression Omnibus`
 * written `Gene Expression Omnibase`): the same number of words, all but one the name's, an
 * article aside. A long form of other words is another sense of the letters, not a slip.
 */
function misnamedResource(context: RuleContext, definition: AbbreviationDefinition): Finding | undefined {
  const resource = resourceNamed(context.knowledge, definition.key);
  if (!resource) return undefined;
  const written = wordsWithoutArticle(definition.long);
  const named = wordsWithoutArticle(resource.name);
  if (written.length !== named.length || written.length < 2) return undefined;
  const differing = written.filter((word, i) => word !== named[i]).length;
  if (differing !== 1) return undefined;
  const article = /^(the)\s/iu.exec(definition.long)?.[1];
  const name = resource.name.replace(/^The\s+/u, '');
  const suggestion = article ? `${article} ${name}` : name;
  return {
    rule: 'conflicting-expansion',
    start: definition.longStart,
    end: definition.longEnd,
    message: `'${definition.short}' names ${resourceNameWith(resource, false)} (${resource.what}), not '${definition.long}'.`,
    data: { key: definition.key, long: definition.long, accepted: [resource.name] },
    fixes: expansionFixes(context.model.text, definition, `Use '${suggestion}'`, suggestion),
  };
}

/** A name's words in small letters, without a leading article and with hyphens read as spaces. */
function wordsWithoutArticle(name: string): string[] {
  return foldExpansion(name).replace(/^the\s+/u, '').split(/[\s-]+/u).filter(Boolean);
}

/**
 * `redefined-abbreviation` for `definition`, a repeat of `earlierInScope` (which stands at `place`):
 * capped where editors differ (a heading, a chapter's own first use), with the fix that collapses
 * the repeat to its short form, safe only when the words are the same and nothing is joined to it.
 */
function repeatedDefinition(
  model: RuleContext['model'],
  definition: AbbreviationDefinition,
  earlierInScope: AbbreviationDefinition,
  place: { line: number; text: string },
  once: (text: string) => string,
): Finding {
  const line = place.line;
  const collapse = collapseToShortForm(model.text, definition);
  const finding: Finding = {
    rule: 'redefined-abbreviation',
    start: definition.shortStart,
    end: definition.shortEnd,
    message: once(`'${definition.short}' is already defined ${describeScope(definition.scope)} ${place.text} as '${earlierInScope.long}'.`),
    data: { key: definition.key, scope: definition.scope, firstLine: line - 1, ...(earlierInScope.origin ? { firstUri: earlierInScope.origin.uri } : {}) },
  };
  // A heading stands apart from the running text (it may use an abbreviation without a first use):
  // a definition repeated there is a style point that editors decide differently.
  if (isInHeading(model, definition)) {
    finding.message = once(`${finding.message.slice(0, -1)}; a heading may repeat a definition, and editors differ on keeping it.`);
    finding.cap = { severity: 'information' };
  } else if (earlierInScope.origin?.otherChapter && !usedBetween(model, definition.key, definition.scope, 0, definition.shortStart)) {
    // A chapter of a book or thesis defining again at its own first use: many theses define per chapter.
    finding.message = once(`${finding.message.slice(0, -1)}; a chapter may define it again at its first use, as many books and theses do, and editors differ on keeping it.`);
    finding.cap = { severity: 'information' };
  }
  if (collapse) {
    // A repeat worded differently (a head or class noun added, `low-dose group patients (LDG)`)
    // loses words when collapsed: the author decides.
    const safe =
      foldExpansion(model.text.slice(definition.longStart, definition.longEnd)) === foldExpansion(earlierInScope.long) &&
      !isInsideCompound(model.text, collapse.start, collapse.end) &&
      !repeatsNeighbour(model.text, collapse.start, collapse.end, collapse.newText) &&
      !followsAbbreviation(model.text, collapse.start);
    // One literal with its fixes: a property added afterwards costs each finding a property store.
    const fixes = [{ title: once(`Remove the repeated definition, keeping '${definition.short}'`), edits: [collapse], safe }];
    return { rule: finding.rule, start: finding.start, end: finding.end, message: finding.message, data: finding.data, fixes, cap: finding.cap };
  }
  return finding;
}

/** What the knowledge base says of a definition's expansion: one it accepts, one it would replace, or nothing (an unknown term, another sense of the letters). */
type KnowledgeVerdict =
  | { verdict: 'accepted' | 'unknown' }
  | { verdict: 'conflict'; accepted: string[]; entries: TermEntry[] }
  | { verdict: 'older'; accepted: string[]; entries: TermEntry[]; relation: TermRelation };

/** Compares a definition's expansion with every expansion the knowledge base accepts for its key. */
function judgedByKnowledge(context: RuleContext, definition: AbbreviationDefinition): KnowledgeVerdict {
  const entries = (context.knowledge?.lookupAll(definition.key) ?? []).filter((f) => !f.folded && (f.kind === 'preferred' || f.kind === 'variant')).map((f) => f.entry);
  const accepted = entries.flatMap((entry) => entry.expansions);
  if (accepted.length === 0) return { verdict: 'unknown' };
  // The same letters spaced or marked up otherwise (`NOD-scid IL2Rγ^null^` for `NOD scid IL2Rγ null`).
  const compact = compactExpansion(definition.long);
  if (accepted.some((long) => compactExpansion(long) === compact)) return { verdict: 'accepted' };
  // As written, and with each part written as its own known abbreviation read out (`membrane-bound IL-15 (mbIL-15)`
  // for `membrane-bound interleukin-15`, `CR with incomplete count recovery (CRi)`).
  const spellings = [foldExpansion(definition.long), ...spelledWithKnownParts(context, definition.long)];
  if (accepted.some((long) => spellings.some((spelled) => isSameTermWritten(spelled, foldExpansion(long))))) return { verdict: 'accepted' };
  // Another name of the same term glossing it (`mass cytometry (CyTOF)`): no expansion, but no wrong one either.
  const folded = foldExpansion(definition.long);
  if (entries.some((entry) => longFormsOf(entry).some((form) => !entry.expansions.includes(form) && foldExpansion(form) === folded))) return { verdict: 'accepted' };
  // An older expansion the knowledge base records as related, not wrong (`killer inhibitory receptor (KIR)`).
  const relation = relatedExpansion(context, definition.long, entries);
  if (relation) return { verdict: 'older', accepted, entries, relation };
  // Not one word in common (`pull request (PR)`, `Li-Fraumeni syndrome (LFS)`): another sense of the
  // letters, from another field, not a wrong expansion of the term the knowledge base knows.
  if (!accepted.some((long) => sharesContentWord(long, definition.long))) return { verdict: 'unknown' };
  return { verdict: 'conflict', accepted, entries };
}

/** An isoform's letter or number after a symbol that ends an expansion (`… CD16a` for `… CD16`). */
const ISOFORM_AFTER = /^[a-z0-9]$/u;

/**
 * Whether a written long form (folded) names the term of a known expansion (folded): the same,
 * an adjective in `-ical` read as `-ic`; with a head noun added or dropped (`natural killer cells
 * (NK)`) or more words of what it is (`membrane-bound IL-15/IL-15Rα fusion`); read without a
 * leading word the short form takes no letter from (`common γ-chain (γ~c~)` read as `γ-chain`);
 * its words all there, reordered (`ratio of effector to target cells (E:T)`); or a symbol that
 * ends it carrying its isoform's letter (`high-affinity non-cleavable CD16a`).
 */
function isSameTermWritten(written: string, known: string): boolean {
  if (sameUpToIcal(written, known)) return true;
  if (written.startsWith(known + ' ') || known.startsWith(written + ' ') || known.endsWith(' ' + written)) return true;
  if (written.startsWith(known) && ISOFORM_AFTER.test(written.slice(known.length)) && /\p{N}$/u.test(known)) return true;
  return holdsEveryWord(written, known);
}

/** A capitalised token inside a long form that may be an abbreviation of its own (`IL-15`, `TGF-β`, `CD16`). */
const ABBREVIATION_IN_LONG_FORM = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[-\u2010][\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;

/** How many readings of a long form's abbreviations are tried: a long form holds one or two. */
const MOST_SPELLINGS = 8;

/**
 * The long form with each abbreviation in it that the knowledge base knows written out, folded:
 * one spelling for each reading of its parts (`CR with incomplete count recovery` -> `complete
 * response with …` and `complete remission with …`); none when it holds no known abbreviation.
 */
function spelledWithKnownParts(context: RuleContext, long: string): string[] {
  const knowledge = context.knowledge;
  if (!knowledge) return [];
  let spellings = [''];
  let changed = false;
  let last = 0;
  for (const match of long.matchAll(ABBREVIATION_IN_LONG_FORM)) {
    const entry = soleEntry(knowledge, match[0]);
    const expansions = entry ? distinctExpansions(entry) : [];
    if (expansions.length === 0) continue;
    const before = long.slice(last, match.index);
    spellings = spellings.flatMap((spelling) => expansions.map((expansion) => spelling + before + expansion)).slice(0, MOST_SPELLINGS);
    last = match.index + match[0].length;
    changed = true;
  }
  return changed ? spellings.map((spelling) => foldExpansion(spelling + long.slice(last))) : [];
}

/** An adjective's `-ical`, which style guides let authors shorten to `-ic` (`haematological`, `hematologic`). */
const ICAL_ENDING = /ical\b/gu;

/** Whether two expansions are the same after folding, an adjective in `-ical` read as `-ic`. */
function sameUpToIcal(a: string, b: string): boolean {
  return foldExpansion(a).replace(ICAL_ENDING, 'ic') === foldExpansion(b).replace(ICAL_ENDING, 'ic');
}

/** Words of an expansion that carry meaning, by their first five letters (`lymphocyte` and `lymphocytic` alike). */
function contentWordStems(long: string): Set<string> {
  const stems = new Set<string>();
  for (const word of long.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && !FUNCTION_WORDS.has(word) && !LINKING_WORDS.has(word)) stems.add(word.slice(0, 5));
  }
  return stems;
}

/**
 * Words that join a compound's parts and say nothing of its sense: `adeno-associated virus` and
 * `ANCA-associated vasculitis` share `associated` and nothing else.
 */
const LINKING_WORDS: ReadonlySet<string> = new Set(['associated', 'related', 'induced', 'mediated', 'dependent', 'derived', 'based', 'like', 'specific', 'driven']);

/** Whether two expansions share a word that carries meaning. */
function sharesContentWord(a: string, b: string): boolean {
  const stems = contentWordStems(a);
  for (const stem of contentWordStems(b)) if (stems.has(stem)) return true;
  return false;
}

/** Longer long forms are not searched for repeats (the longest term expansions are ~60 characters). */
const LONGEST_REPEATED_LONG_FORM = 500;

/** Phrase matchers by their list of long forms; a keystroke rarely changes a scope's list. */
const phraseMatchers = new Map<string, PhraseMatcher>();

/** The matcher for a scope's long forms (in this order), built once per distinct list. */
function longFormMatcher(longForms: readonly string[]): PhraseMatcher {
  const key = longForms.join('\u0000');
  let matcher = phraseMatchers.get(key);
  if (!matcher) {
    if (phraseMatchers.size > 200) phraseMatchers.clear();
    matcher = createPhraseMatcher(longForms);
    phraseMatchers.set(key, matcher);
  }
  return matcher;
}

/**
 * Matches of each matcher by block, so a keystroke re-searches only the block it changed. Keyed
 * by the block's token pass, which the model's block cache hands unchanged to the next version
 * of the document: an entry lives as long as its block does, and a closed document or an edited
 * block (one huge paragraph: tens of megabytes of matches) takes its matches with it (issue 16).
 */
const blockMatches = new WeakMap<BlockTokens, Map<PhraseMatcher, PhraseOccurrence[]>>();
/** Matchers remembered per block: a scope's list of long forms changes with its definitions, and old lists do not come back. */
const MATCHERS_PER_BLOCK = 4;

/** The long forms of `matcher` in one block (`slice`, tokenized as `tokens`), relative to the block's start. */
function longFormMatches(matcher: PhraseMatcher, slice: string, tokens: BlockTokens): PhraseOccurrence[] {
  let byMatcher = blockMatches.get(tokens);
  if (!byMatcher) blockMatches.set(tokens, (byMatcher = new Map()));
  let matches = byMatcher.get(matcher);
  if (!matches) {
    matches = matcher.findInTokens(slice, tokens);
    if (byMatcher.size >= MATCHERS_PER_BLOCK) byMatcher.clear();
    byMatcher.set(matcher, matches);
  }
  return matches;
}

/** A symbol's shape: one letter, perhaps with a lower-case second (`P`, `t`, `Pr`). */
const SYMBOL_FOR_A_WORD = /^\p{L}\p{Ll}?$/u;
/** One word of letters (`percentage`, `probability`, `Testosterone`; not `Quarkine-7`, not two words). */
const ONE_WORD = /^\p{L}+$/u;

/**
 * `long-form-after-abbreviation`: the long form written out again after the abbreviation
 * was introduced in the same scope (headings, the title, and other definitions' long
 * forms exempt). Per scope, one trie of its long forms (`createPhraseMatcher`), read over each
 * of the scope's blocks' tokens.
 */
export function checkLongFormRepeats(context: RuleContext): Finding[] {
  const { model } = context;
  const findings: Finding[] = [];
  const firstByScope = new Map<ScopeName, Map<string, AbbreviationDefinition>>();
  for (const definition of model.definitions) {
    if (definition.pattern === 'list' || definition.scope === 'title') continue;
    let byKey = firstByScope.get(definition.scope);
    if (!byKey) firstByScope.set(definition.scope, (byKey = new Map()));
    if (!byKey.has(definition.key)) byKey.set(definition.key, definition);
  }
  // A definition an earlier file of the book wrote in its text (not in a list) comes before this whole file.
  for (const carried of context.scopes.inheritedDefinitions()) {
    if (carried.origin?.listed) continue;
    let byKey = firstByScope.get(carried.scope);
    if (!byKey) firstByScope.set(carried.scope, (byKey = new Map()));
    byKey.set(carried.key, carried);
  }
  const blocksByScope = new Map<ScopeName, number[]>();
  model.prose.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'title') return;
    const scope = model.blockScopes[index]!;
    const list = blocksByScope.get(scope);
    if (list) list.push(index);
    else blocksByScope.set(scope, [index]);
  });

  for (const [scope, byKey] of firstByScope) {
    const candidates = new Map<string, AbbreviationDefinition>();
    for (const definition of byKey.values()) {
      if (definition.long.trim().split(/\s+/u).length < 2 && definition.long.length < 8) continue; // too short to be sure
      // A letter given to what one word names (`a percentage (P)`, `probability (Pr)`) is a symbol:
      // the word written later mostly names the thing in general, not the symbol's value.
      if (SYMBOL_FOR_A_WORD.test(definition.short) && ONE_WORD.test(definition.long.trim())) continue;
      // Never push toward a form discouraged-variant tells the author to leave (`granzyme B (GZMB)`:
      // GZMB is the gene symbol, so granzyme B written out again is right).
      if (isDiscouragedForm(context, definition.key)) continue;
      // Nobody writes out a long form of this size again (hostile input: a word of a million letters).
      if (definition.long.length > LONGEST_REPEATED_LONG_FORM) continue;
      const folded = definition.long.trim().toLowerCase().replace(/\s+/gu, ' ');
      if (!candidates.has(folded)) candidates.set(folded, definition);
    }
    if (candidates.size === 0) continue;
    // Longest first: the order a reader's eye would try them in (the matcher prefers the longest match anyway).
    const ordered = [...candidates.values()].sort((a, b) => b.long.length - a.long.length);
    const matcher = longFormMatcher(ordered.map((d) => d.long));
    // Journals do not count a heading's abbreviation: the text under it introduces the term again, once.
    const introducedUnderHeading = new Set<AbbreviationDefinition>();
    for (const index of blocksByScope.get(scope) ?? []) {
      const block = model.prose.blocks[index]!;
      const slice = model.prose.masked.slice(block.start, block.end);
      for (const occurrence of longFormMatches(matcher, slice, model.blockTokens[index]!)) {
        const definition = ordered[occurrence.phrase];
        if (!definition) continue;
        const start = block.start + occurrence.start;
        const end = block.start + occurrence.end;
        const plural = occurrence.plural ? 's' : '';
        if (start < definition.shortEnd) continue;
        // The first long form under a heading's definition, a definition there or the words alone, introduces the term again.
        if (isInHeading(model, definition) && !introducedUnderHeading.has(definition) && !usedBetween(model, definition.key, scope, definition.shortEnd, start)) {
          introducedUnderHeading.add(definition);
          continue;
        }
        if (isInsideDefinedLongForm(model, start, end - plural.length)) continue;
        // Words that gloss a bracket holding the short form itself (`medulloblastomas with myogenic
        // differentiation (MB, MYO)`, a subtype's label) name what the bracket labels.
        if (isGlossOfBracketAfter(model.text, end, definition.key)) continue;
        // `liquid chromatography/tandem mass spectrometry (UPLC-MS/MS)`: the words spell out a part of
        // the compound the bracket introduces, as its definition must.
        if (isPartOfCompoundBracketAfter(model.text, start, end, definition.key)) continue;
        const written = slice.slice(occurrence.start, occurrence.end);
        // The match may only run across white space: a masked comment or code span in between is not a repeat.
        if (model.text.slice(start, end) !== written) continue;
        // Part of an identifier (`{{ebm_tocilizumab_ct}}`): not the long form written out.
        if (isInsideIdentifier(model.text, start, end)) continue;
        // Style guides advise against opening a sentence with an abbreviation: a capitalised long form there is the author's choice.
        if (/^\p{Lu}/u.test(written) && opensSentence(model.text, start)) continue;
        // A work's title set in italics or bold (a paper, a talk, an app in a list of outputs) is quoted as titled.
        if (isInsideWorkTitle(model.text, start, end)) continue;
        // `CRS, cytokine release syndrome;` in a list of pairs the detector did not read as a list: an explanation, not a repeat.
        if (isPairedWith(model.text, start, end, definition.short) || isPairedWith(model.text, start, end, definition.key)) continue;
        // `single-nucleus and single-cell RNA-seq`: the words lend their head to the modifier before them; the short form would leave it without one.
        if (sharesHeadWithModifierBefore(model.text, start, written)) continue;
        // `(World Health Organisation 2014)`: an organisation as the author of a citation typed by hand, named as its reference names it.
        if (isCitedAuthor(model.text, start, end)) continue;
        // A definition written in the plural (`… cells (iPSCs)`) is repeated in the plural: keep the short form as written.
        const replacement = definition.short !== definition.key && /s$/u.test(definition.short) ? definition.short : definition.key + plural;
        findings.push({
          rule: 'long-form-after-abbreviation',
          start,
          end,
          message: `'${written}' is written out again after '${definition.short}' was introduced ${placeOfDefinition(model, definition).text}; use '${replacement}'.`,
          data: { key: definition.key, scope },
          fixes: [{ title: `Replace with '${replacement}'`, edits: [{ start, end, newText: replacement }], safe: !repeatsNeighbour(model.text, start, end, replacement) && !isFollowedByBracket(model.text, end) }],
        });
      }
    }
  }
  return findings;
}

/**
 * True when the words at `[start, end)` are the author of a citation typed by hand: they open a
 * bracket that goes on with a year (`(World Health Organisation 2014)`, `(e.g. Centers for
 * Disease Control and Prevention, 2020a;`), or a year in brackets follows them (`World Health
 * Organisation (2014) reported`). A reference list names an organisation in full, and so does
 * its citation.
 */
function isCitedAuthor(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  if (YEAR_IN_BRACKETS_AFTER.test(after)) return true;
  return YEAR_AFTER.test(after) && CITATION_OPENING_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}
/** A year, perhaps after a comma, that ends the citation or its item: `, 2020a)`, ` 2014;`. */
const YEAR_AFTER = /^,?[ \t\u00a0]+(?:19|20)\d\d[a-z]?(?=[);,])/u;
/** A year in brackets right after the author: ` (2014)`. */
const YEAR_IN_BRACKETS_AFTER = /^[ \t\u00a0]+\((?:19|20)\d\d[a-z]?\)/u;
/** An open bracket, perhaps with `e.g.` or `see`, or the `;` between two citations, right before the author. */
const CITATION_OPENING_BEFORE = /(?:\((?:(?:e\.g\.|see|cf\.),?[ \t\u00a0]+)?|;[ \t\u00a0]+)$/u;

/**
 * True when the long form written at `start` opens with a modifier of two lower-case parts joined
 * by a hyphen (`single-cell`) and another such modifier, sharing one of its parts, stands before
 * it, joined by `and`, `or` or a comma (`single-nucleus and single-cell RNA-seq`, `low-density
 * and high-density lipoprotein`): the two share the long form's head, which the short form would
 * take away from the first. A word before that is a name or a symbol (`IL-6 and`, `COVID-19 or`,
 * `HDL-C,`) lends nothing: the long form after it stands alone.
 */
function sharesHeadWithModifierBefore(text: string, start: number, written: string): boolean {
  const modifier = LOWER_CASE_MODIFIER_FIRST.exec(written);
  if (!modifier) return false;
  const before = COORDINATED_MODIFIER_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
  if (!before) return false;
  const [first, second] = [before[1]!, before[2]!];
  // The same words twice (`single-cell and single-cell …`) are no second modifier.
  if (first === modifier[1] && second === modifier[2]) return false;
  return first === modifier[1] || second === modifier[2];
}
/** A long form's first word: two parts of lower-case letters joined by a hyphen. */
const LOWER_CASE_MODIFIER_FIRST = /^(\p{Ll}+)-(\p{Ll}+)(?=[\s-])/u;
/** Such a modifier, then `and`, `or`, `and/or` or a comma, right before the long form. */
const COORDINATED_MODIFIER_BEFORE = /(?<![\p{L}\p{N}-])(\p{Ll}+)-(\p{Ll}+)(?:,?[ \t\u00a0]+(?:and|or|and\/or)|,)[ \t\u00a0]+$/u;

/**
 * True when a lower-case prefix and a hyphen stand right before the mention (`cryo-` of
 * `cryo-EM`) and the prefixed form is defined in an earlier file of the book: the document model,
 * which joins such a prefix to a short form this file defines (`joinPrefixedShortForms`), does
 * not know the book's definitions.
 */
function isRestOfInheritedPrefixedKey(context: RuleContext, mention: AbbreviationMention): boolean {
  const masked = context.model.prose.masked;
  const prefix = PREFIX_BEFORE.exec(masked.slice(Math.max(0, mention.start - LONGEST_PREFIX), mention.start))?.[0];
  return prefix !== undefined && context.scopes.inheritedFor(mention.scope, `${prefix}${mention.key}`) !== undefined;
}
/**
 * True when the mention is the head or the tail of a short form of two parts joined by a slash
 * that an earlier file of the book defines (`HR` or `RR` of `a low HR/RR`): the document model,
 * which joins such parts where this file defines the whole (`joinSlashPairs`), does not know the
 * book's definitions.
 */
function isPartOfInheritedSlashPair(context: RuleContext, mention: AbbreviationMention): boolean {
  const masked = context.model.prose.masked;
  const tail = masked.charAt(mention.end) === '/' ? WORD_AT_START.exec(masked.slice(mention.end + 1, mention.end + 1 + LONGEST_PART))?.[0] : undefined;
  if (tail !== undefined && context.scopes.inheritedFor(mention.scope, `${mention.key}/${tail}`) !== undefined) return true;
  const head = masked.charAt(mention.start - 1) === '/' ? WORD_AT_END.exec(masked.slice(Math.max(0, mention.start - 1 - LONGEST_PART), mention.start - 1))?.[0] : undefined;
  return head !== undefined && context.scopes.inheritedFor(mention.scope, `${head}/${mention.key}`) !== undefined;
}
/** A part of a slash pair: a word of letters and digits, perhaps hyphen-joined (`PD-L1`), at the start or the end of a slice. */
const WORD_AT_START = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}-])/u;
const WORD_AT_END = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
const LONGEST_PART = 16;

/** A lower-case prefix of two letters or more and its hyphen, at a word's start (`cryo-`, `allo-`). */
const PREFIX_BEFORE = /(?<![\p{L}\p{N}-])\p{Ll}{2,}[-\u2010]$/u;
const LONGEST_PREFIX = 16;

/** An emphasis run that may open a span: at the line's start or after a space, a bracket, a quotation mark or a dash (the span may start with the long form itself). */
const EMPHASIS_OPENING_BEFORE = /(?:^|[\s([{"'\u201c\u2018\u2013\u2014-])(\*{1,2}|_{1,2})(?=\S|$)[^*_\n]*$/u;
/** The first emphasis run after a span's words, not inside a word. */
const EMPHASIS_CLOSING_AFTER = /^([^*_\n]*?)(\*{1,2}|_{1,2})(?![\p{L}\p{N}])/u;
/** How many words an emphasised span holds at least to be a work's title, not a stressed phrase. */
const TITLE_WORDS = 8;
/** Fewer words are a title when set in title case (`*Managing Cytokine Release Syndrome in the Era of Cell Therapy*`). */
const TITLE_CASED_WORDS = 5;
/** A list item's marker and nothing else before its first words. */
const LIST_ITEM_OPENING = /^[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+$/u;

/**
 * True when `[start, end)` lies inside one line's span of italics or bold of eight words or more
 * (`*Exploring the effects of BCG vaccination in patients with tuberculosis*`, `**Beneficial
 * effects of BCG vaccination in …**`), or of five in title case (`*Managing Cytokine Release
 * Syndrome in the Era of Cell Therapy*`; a stressed phrase, `*patients with cytokine release
 * syndrome*`, is not a title), or inside a bold run-in head that opens a list item before
 * a colon (`- **Explore global Tuberculosis**: …`): the title of a paper, a talk or an app, which
 * keeps its words.
 */
function isInsideWorkTitle(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 300), start);
  const open = EMPHASIS_OPENING_BEFORE.exec(before);
  if (!open) return false;
  const close = EMPHASIS_CLOSING_AFTER.exec(text.slice(end, end + 300));
  // A closing run follows the span's last character, never a space.
  if (!close || close[2] !== open[1] || /\s$/u.test(close[1]! || text.charAt(end - 1))) return false;
  const opened = open.index + open[0].indexOf(open[1]!) + open[1]!.length;
  const span = before.slice(opened) + text.slice(start, end) + close[1]!;
  const words = span.trim().split(/\s+/u);
  if (words.length >= TITLE_WORDS || (words.length >= TITLE_CASED_WORDS && isTitleCased(words))) return true;
  // A bold run-in head opening a list item, then a colon: the item's name (`- **Explore global Tuberculosis**: …`).
  const lineStart = before.lastIndexOf('\n') + 1;
  return open[1]!.length === 2 && LIST_ITEM_OPENING.test(before.slice(lineStart, opened - 2)) && text.charAt(end + close[0].length) === ':';
}

/** Words set in title case: every word of four letters or more starts with a capital. */
function isTitleCased(words: readonly string[]): boolean {
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word));
  return long.length >= 2 && long.every((word) => /^\p{Lu}/u.test(word));
}

/** True when every word of the folded expansion `known` is a word of the folded long form `written` (a plural `s` aside). */
function holdsEveryWord(written: string, known: string): boolean {
  const singular = (word: string) => word.replace(/s$/u, '');
  const words = new Set(written.split(/[\s-]+/u).map(singular));
  // An article is no word of the term: `area under virus concentration curve` names the area under the curve.
  return known.split(/[\s-]+/u).every((word) => word.length === 0 || word === 'the' || word === 'a' || word === 'an' || words.has(singular(word)));
}

/**
 * A short form written in code font (`` *orientalis* (`ORI`) ``) names a label the document goes on
 * writing in code font, where prose readings never look: `` `1.ORI` ``, `` `0.ANT4` ``. Such a use,
 * the short form between non-letters inside a code span, counts.
 */
function isUsedInCodeFont(text: string, definition: { short: string; shortStart: number; shortEnd: number }): boolean {
  if (text.charCodeAt(definition.shortStart - 1) !== 0x60 /* ` */) return false;
  const { short } = definition;
  // Backticks are counted once, from each line's start up to the occurrence, so the walk stays linear.
  let counted = 0;
  let ticks = 0;
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
    for (; counted < at; counted++) {
      const code = text.charCodeAt(counted);
      if (code === 0x0a) ticks = 0;
      else if (code === 0x60) ticks++;
    }
    if (at === definition.shortStart || isWordCharacterBefore(text, at) || (characterClassAt(text, at + short.length) & CharacterClass.letter) !== 0) continue;
    if (ticks % 2 === 1) return true;
  }
  return false;
}

/** Most hyphen-joined parts whose runs are counted as uses; longer keys give their single parts only. */
const MOST_RUN_PARTS = 6;

/** Every run of one or more consecutive hyphen-joined parts of `key` but the whole (`A-B-C` -> `A`, `B`, `C`, `A-B`, `B-C`). */
function hyphenRuns(key: string): string[] {
  const parts = key.split('-');
  if (parts.length > MOST_RUN_PARTS) return parts;
  const runs: string[] = [];
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + 1; to <= parts.length; to++) if (to - from < parts.length) runs.push(parts.slice(from, to).join('-'));
  }
  return runs;
}

/**
 * `unused-abbreviation`: defined (not in a list) and never used afterwards in its scope;
 * a use inside a compound (`CAR` in `CAR-NK`) or inside another long form counts. Short
 * forms that the mention tokens cannot see (a single letter) are not judged.
 */
export function checkUnused(context: RuleContext): Finding[] {
  const { model } = context;
  const findings: Finding[] = [];
  // The scopes each key is used in (a part of a compound such as `CAR-NK` is a use of `CAR` and `NK`).
  const scopesByKey = new Map<string, Set<string>>();
  const addUse = (key: string, scope: string): void => {
    const scopes = scopesByKey.get(key);
    if (scopes) scopes.add(scope);
    else scopesByKey.set(key, new Set([scope]));
  };
  for (let i = 0; i < model.mentions.length; i++) {
    const mention = model.mentions[i]!;
    // A use inside another definition's long form counts (`ACE` in `ACE inhibitors (ACEIs)`).
    if (mention.definition !== undefined) continue;
    addUse(mention.key, mention.scope);
    // Every run of its hyphen-joined parts too: `ffLuc-GFP` is used in `MOLM-13-ffLuc-GFP`.
    if (mention.key.includes('-')) for (const run of hyphenRuns(mention.key)) addUse(run, mention.scope);
    // And each word of a spaced short form: `CM 025` is a use of `CM`, `R/R AML` of `AML`.
    if (mention.key.includes(' ') || mention.key.includes('\u00a0')) for (const word of mention.key.split(/[ \u00a0]/u)) addUse(word, mention.scope);
    // And a name built on it: `MultiPLIER` is a use of `PLIER`, whose definition explains the name
    // (a word of four letters or more before it: `MacOS` is no use of `OS`).
    const builtOn = abbreviationOfBuiltName(mention.key);
    if (builtOn !== undefined && mention.key.length - builtOn.length >= 4) addUse(builtOn, mention.scope);
    // And the quantity after a difference sign: `ΔELPD` is a use of `ELPD`.
    const quantity = quantityKeyAfterSign(mention.key);
    if (quantity !== undefined) addUse(quantity, mention.scope);
  }
  // A discouraged spelling (`TGF-beta`) is still a use of the abbreviation it should be written as.
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'discouraged') continue;
    const replacement = context.knowledge?.byId(term.entryId)?.discouraged.find((d) => d.form === term.form)?.replacement;
    if (replacement) addUse(abbreviationKey(replacement), term.scope);
  }
  const checked = new Set<string>();
  for (let i = 0; i < model.definitions.length; i++) {
    const definition = model.definitions[i]!;
    // A legend defines what its figure shows (`ADNP` on the plot's axis): unused in its words is no sign of waste.
    // A short form before the list its letters stand for (`FAIR principles (Findable, …)`) names the thing: no long form to write alone.
    if (definition.pattern === 'list' || definition.pattern === 'initials' || definition.scope === 'title' || definition.scope.startsWith('legend:')) continue;
    const id = `${definition.scope}\u0000${definition.key}`;
    // Only the introducing definition is judged; repeats are redefined-abbreviation's business.
    if (checked.has(id)) continue;
    checked.add(id);
    // Any other use in the scope counts: a use before the definition is used-before-definition's business.
    if (scopesByKey.get(definition.key)?.has(definition.scope)) continue;
    // So does another spelling of the same term (`GvHD` for `GVHD`), which inconsistent-variants reports.
    if (otherSpellingsOf(model, definition.key).some((other) => scopesByKey.get(other)?.has(definition.scope) && mayBeOneAbbreviation(context, other, definition.key))) continue;
    // Uses in other files of the book count too: later ones, and earlier ones that used it undefined (used-before-definition there).
    if ((definition.scope === 'main' || definition.scope === 'document') && (context.usedLater?.has(definition.key) || context.usedEarlier?.has(definition.key))) continue;
    // A short form that is no mention shape (`spike (S)`) is never seen when used: say nothing.
    if (!model.byKey.get(definition.key)?.mentions.some((m) => m.definition !== undefined)) continue;
    // A repeat of a definition an earlier file of the book made is redefined-abbreviation's business.
    if (context.scopes.inheritedFor(definition.scope, definition.key)) continue;
    if (isUsedInCodeFont(model.text, definition)) continue;
    // A CD name in brackets after a molecule's name (`2B4 (CD244)`, `the common γ chain (CD132)`) glosses it with its
    // other name: no abbreviation to use again, and CD names need no definition.
    if (isClusterOfDifferentiationName(definition.short)) continue;
    // A gene's official symbol after its official name (`SATB homeobox 2 (SATB2)`): gene nomenclature
    // pairs them at first mention, so the symbol is no abbreviation waiting to be used.
    if (isOfficialGeneSymbol(definition.short) && isOfficialGeneName(definition.short, definition.long)) continue;

    const finding: Finding = {
      rule: 'unused-abbreviation',
      start: definition.shortStart,
      end: definition.shortEnd,
      message: `'${definition.short}' is defined ${describeScope(definition.scope)} but never used again there; write the long form alone.`,
      data: { key: definition.key, scope: definition.scope },
    };
    const drop = dropShortForm(model.text, definition);
    // Never applied unattended: the use may sit where the model cannot see it (a figure, a table,
    // another file of the manuscript), and a definition is the author's to remove.
    if (drop && !bracketGluesWord(model.text, drop.end)) finding.fixes = [{ title: `Remove '(${definition.short})'`, edits: [drop], safe: false }];
    findings.push(finding);
  }
  return findings;
}

