import { proteinNameGenes } from '../knowledge/proteinNames';
import { officialGeneSymbolsOf } from '../knowledge/geneSymbols';
import type { AbbreviationMention } from '../model/documentModel';
import { entryForKey, type RuleContext } from './types';

/**
 * The official gene symbols an undefined key stands for, when it reads as a standard gene
 * symbol (`BCL2`, `LY6E`, the complex `GOLGA7-ZDHHC5`), which many journals let authors use
 * undefined. Not when something gives the letters another meaning (`mayReadAsSymbol`).
 */
export function standardGeneSymbols(context: RuleContext, key: string): string[] | undefined {
  const symbols = officialGeneSymbolsOf(key);
  if (!symbols || symbols.some((symbol) => entryForKey(context.knowledge, symbol))) return undefined;
  return mayReadAsSymbol(context, key) ? symbols : undefined;
}

/** A human gene symbol's shape: capitals and digits from a capital, perhaps with hyphen-joined parts (`TERC`, `E2F`, `MIR16-1`). */
const SYMBOL_SHAPE = /^[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** What may stand beside a symbol inside one italic span: more symbols joined by hyphens, dashes or slashes (`*MIR15A–MIR16-1*`, `*KRAS/NRAS*`). */
const SYMBOL_RUN = /[A-Za-z0-9\-\u2010\u2011\u2013/]/;

/**
 * True when a use is written in italics as human gene symbols are (`_TERC_`, `*DLEU1*`, a
 * symbol inside `*MIR15A–MIR16-1*`) and the key is shaped like one: the author marks it as a
 * gene, whether or not it is a protein-coding symbol the official list holds (non-coding genes,
 * families such as `_IRF_`, misspellings). Many journals accept gene symbols undefined. Not
 * when something gives the letters another meaning (`mayReadAsSymbol`), and not in a longer
 * italic phrase (`*the NKG2D ligands*`), where the italics are emphasis.
 */
export function isItalicGeneSymbol(context: RuleContext, mention: AbbreviationMention): boolean {
  if (!SYMBOL_SHAPE.test(mention.key) || !italicSymbolRun(context.model.text, mention.start, mention.end)) return false;
  return mayReadAsSymbol(context, mention.key);
}

/**
 * A bacterial gene written as Demerec's convention has it, in italics: three lower-case letters for
 * the function and a capital for the locus, perhaps an allele number (`*tcdB*`, `*recA*`, `*gyrA*`,
 * `*mecA*`). A gene name, not an abbreviation a reader needs spelt out; italics make it sure. Other
 * organisms name genes in this shape too (the fly's `*meiP26*`), so the message says only the style.
 */
export function isItalicBacterialGene(context: RuleContext, mention: AbbreviationMention): boolean {
  return BACTERIAL_GENE_SHAPE.test(mention.key) && italicSymbolRun(context.model.text, mention.start, mention.end);
}
const BACTERIAL_GENE_SHAPE = /^[a-z]{3}[A-Z]\d{0,3}$/;

/** True when `[start, end)` lies in a run of symbol characters that emphasis markers wrap with no space inside. */
function italicSymbolRun(text: string, start: number, end: number): boolean {
  const limit = 60;
  let from = start;
  while (from > start - limit && SYMBOL_RUN.test(text[from - 1] ?? ' ')) from--;
  let to = end;
  while (to < end + limit && SYMBOL_RUN.test(text[to] ?? ' ')) to++;
  const before = text[from - 1];
  const after = text[to];
  return (before === '*' || before === '_') && after === before && text[from - 2] !== before;
}

/**
 * Whether nothing gives a key's letters another meaning than a gene symbol's: a knowledge-base
 * term written the same way (whose own entry decides), or the author's treating it as an
 * abbreviation ({@link isLeftUndefinedThroughout}).
 */
function mayReadAsSymbol(context: RuleContext, key: string): boolean {
  return !entryForKey(context.knowledge, key) && isLeftUndefinedThroughout(context, key);
}

/**
 * The gene symbols whose record lists an undefined key as a symbol of their protein (`DNAM-1` for
 * CD226, `PD-1` for PDCD1, `STAT5` for STAT5A and STAT5B), when the knowledge base's entry for the
 * key names those genes and the document leaves the key undefined throughout: a protein's name in
 * the gene nomenclature, which many journals accept undefined as they do gene symbols.
 */
export function proteinSymbolGenes(context: RuleContext, key: string): string | undefined {
  const genes = proteinNameGenes(key);
  return genes !== undefined && isLeftUndefinedThroughout(context, key) ? genes : undefined;
}

/**
 * A symbol with a hyphen before its closing number, as proteins are written (`BCL-2`, `MCL-1`,
 * `FGF-2`); not a receptor (`IL-9R`), which the receptor-chain reading judges by its cytokine.
 */
const HYPHEN_BEFORE_NUMBER = /^([A-Z][A-Z0-9]*[A-Z])-(\d{1,2}[A-QS-Z]?)$/;

/**
 * The official gene symbol an undefined key writes with a hyphen before its number, the way a
 * protein's name is written (`BCL-2` for BCL2, `MCL-1` for MCL1), when the knowledge base knows
 * neither and the document leaves the key undefined throughout: the gene nomenclature again,
 * which many journals accept undefined.
 */
export function hyphenatedGeneSymbol(context: RuleContext, key: string): string | undefined {
  const parts = HYPHEN_BEFORE_NUMBER.exec(key);
  if (!parts) return undefined;
  const symbol = parts[1]! + parts[2]!;
  if (officialGeneSymbolsOf(symbol) === undefined || entryForKey(context.knowledge, key) || entryForKey(context.knowledge, symbol)) return undefined;
  return isLeftUndefinedThroughout(context, key) ? symbol : undefined;
}

/**
 * A cytokine's name in its standard nomenclature: an interleukin (`IL-15`, `IL-1β`, `IL-17A`,
 * `IL-12p70`), an interferon (`IFN-γ`, `IFNγ`, `IFN-α2`), tumour necrosis factor α or β (`TNF-α`)
 * or transforming growth factor β (`TGF-β1`).
 */
const CYTOKINE_NAME = /^(?:IL-\d{1,2}(?:[A-F]|[αβ]|p\d{2})?|IFN-?[αβγλω]\d?|TNF-?[αβ]|TGF-?β\d?)$/u;

/**
 * True when an undefined key is a cytokine's standard name (see {@link CYTOKINE_NAME}) that the
 * document leaves undefined throughout: many immunology journals accept these names undefined,
 * others ask for each in full. The knowledge base keeps their expansions for the fix and hover.
 */
export function isStandardCytokineName(context: RuleContext, key: string): boolean {
  return CYTOKINE_NAME.test(key) && isLeftUndefinedThroughout(context, key);
}

/**
 * Whether nothing in the document makes the key an abbreviation its author defines: no
 * definition anywhere in the document or its book, and no plural (gene symbols and cytokine names
 * take none: `MSCs`, `CADs` are abbreviations).
 */
function isLeftUndefinedThroughout(context: RuleContext, key: string): boolean {
  // A definition in another file of the book counts as one here (`Pacific Oncology Network (PON)` there).
  if (context.definedLater?.has(key) || context.scopes.inheritedFor('main', key)) return false;
  const uses = context.model.byKey.get(key);
  if (!uses) return true;
  if (uses.definitions.length > 0) return false;
  const text = context.model.text;
  for (let i = 0; i < uses.mentions.length; i++) {
    const end = uses.mentions[i]!.end;
    if (text[end] === 's' && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? ' ')) return false;
  }
  return true;
}
