import type { AbbreviationMention, DocumentModel } from '../model/documentModel';
import { isGeneContext, isItalic } from '../model/geneContext';
import { looseSpellingKey } from './fixSafety';
import type { Finding, FixProposal, RuleContext } from './types';

/**
 * One abbreviation written in spellings that differ only in case and hyphens (`GVHD` and
 * `GvHD`, `SARS-CoV-2` and `SARS-CoV2`, `RNAseq` and `RNA-Seq`, `IL 6` for `IL-6`: a space the
 * token pass reads as two words, see `joinSpacedNumbers`): a use of the spelling the
 * document did not define is a use of the one it did, and the spelling is what to report.
 */

/** True for mentions that count as uses for first-use rules. */
export function isCounted(mention: AbbreviationMention): boolean {
  return mention.definition === undefined && !mention.inLongForm && !mention.inHeading && mention.scope !== 'title';
}

/** An abbreviation's spelling with case, hyphens and a space before a number folded: `RNA-Seq` and `RNAseq` fold alike, as do `IL-6` and `IL 6`. */
export function spellingKey(key: string): string {
  return key.toLowerCase().replace(/[-\u2010\u2011]|[ \u00a0](?=\p{N})/gu, '');
}

/** The model's other keys spelt the same but for case and hyphens (`GvHD` for `GVHD`). */
export function otherSpellingsOf(model: DocumentModel, key: string): readonly string[] {
  let othersByKey = spellingsByModel.get(model);
  if (!othersByKey) {
    // Asked of every counted use: each key's other spellings are found once, keyed as written.
    othersByKey = new Map();
    for (const keys of foldedIndex(model.byKey.keys()).values()) {
      if (keys.length > 1) for (const known of keys) othersByKey.set(known, keys.filter((other) => other !== known));
    }
    spellingsByModel.set(model, othersByKey);
  }
  return othersByKey.get(key) ?? [];
}
const spellingsByModel = new WeakMap<DocumentModel, Map<string, string[]>>();

/** The keys earlier files of the book define that are spelt as `key` but for case and hyphens. */
function inheritedSpellingsOf(scopes: RuleContext['scopes'], key: string): readonly string[] {
  let byFolded = inheritedSpellingsByScopes.get(scopes);
  if (!byFolded) {
    byFolded = foldedIndex(scopes.inheritedKeys());
    inheritedSpellingsByScopes.set(scopes, byFolded);
  }
  if (byFolded.size === 0) return [];
  return (byFolded.get(spellingKey(key)) ?? []).filter((other) => other !== key);
}
const inheritedSpellingsByScopes = new WeakMap<RuleContext['scopes'], Map<string, string[]>>();

function foldedIndex(keys: Iterable<string>): Map<string, string[]> {
  const byFolded = new Map<string, string[]>();
  for (const key of keys) {
    const folded = spellingKey(key);
    const same = byFolded.get(folded);
    if (same) same.push(key);
    else byFolded.set(folded, [key]);
  }
  return byFolded;
}

/**
 * Whether two spellings may be one abbreviation: the knowledge base holds them as one term, or
 * knows neither (it tells a gene symbol from its protein, `IL2` from `IL-2`, so two terms it
 * knows apart stay apart).
 */
export function mayBeOneAbbreviation(context: RuleContext, a: string, b: string): boolean {
  const knowledge = context.knowledge;
  if (!knowledge) return true;
  // A number written after a space (`IL 6`) is the knowledge base's form with its hyphen (`IL-6`).
  const named = (form: string) => knowledge.lookupAll(hyphenedNumber(form) ?? form).filter((found) => found.kind === 'preferred' || found.kind === 'variant');
  const ofA = named(a);
  const ofB = named(b);
  if (ofA.length === 0 && ofB.length === 0) return knowledge.lookupAll(a).length === 0 && knowledge.lookupAll(b).length === 0;
  return ofA.some((found) => ofB.some((other) => other.entry === found.entry));
}

/** A space (or a no-break space) before the number that ends a form (`IL 6`). */
const SPACE_BEFORE_NUMBER = /[ \u00a0](?=\p{N}+$)/u;

/** A form written with a space before the number that ends it (`IL 6`) with a hyphen there (`IL-6`); undefined for any other form. */
export function hyphenedNumber(form: string): string | undefined {
  return SPACE_BEFORE_NUMBER.test(form) ? form.replace(SPACE_BEFORE_NUMBER, '-') : undefined;
}

/**
 * Whether the knowledge base names both spellings as one entry: its own inconsistent-variants
 * reading reports them. Not a spelling with a space before its number (`IL 6`), which the token
 * pass reads as two words and only this check sees whole.
 */
function isOneKnownTerm(context: RuleContext, a: string, b: string): boolean {
  return hyphenedNumber(b) === undefined && (context.knowledge?.lookupAll(a).length ?? 0) > 0 && mayBeOneAbbreviation(context, a, b);
}

/** The defined spelling a use stands for, and where it is defined. */
export interface DefinedSpelling {
  short: string;
  /** `on line N`, or `in an earlier file`. */
  where: string;
}

/**
 * The spelling the scope defined before this use, when the use is another spelling of it (see
 * the module comment). Not for a use in italics, which writes a gene (`*BCL2*` after `BCL-2`).
 */
export function definedSpellingOf(context: RuleContext, mention: AbbreviationMention): DefinedSpelling | undefined {
  const { model, scopes } = context;
  const others = otherSpellingsOf(model, mention.key);
  const inherited = mention.scope === 'main' || mention.scope === 'document' ? inheritedSpellingsOf(scopes, mention.key) : [];
  if (others.length === 0 && inherited.length === 0) return undefined;
  if (isItalic(model.text, mention.start, mention.end)) return undefined;
  for (const other of others) {
    const first = scopes.definitionsOf(mention.scope, other)[0];
    if (first && first.shortStart <= mention.start && mayBeOneAbbreviation(context, other, mention.key)) {
      return { short: first.short, where: `on line ${model.lines.lineAt(first.shortStart) + 1}` };
    }
  }
  for (const other of inherited) {
    const carried = scopes.inheritedFor(mention.scope, other);
    if (carried && mayBeOneAbbreviation(context, other, mention.key)) return { short: carried.short, where: 'in an earlier file' };
  }
  return undefined;
}

/**
 * `inconsistent-variants` for an abbreviation the document defines and then writes in another
 * spelling that only case or hyphens set apart (`SARS-CoV2` after `SARS-CoV-2`): one finding per
 * spelling, at its first use, whose fix rewrites each use as defined. Spellings the knowledge base
 * names as one term are its own reading's to report.
 */
export function checkAbbreviationSpellings(context: RuleContext): Finding[] {
  const { model } = context;
  const findings: Finding[] = [];
  const byKey = new Map<string, { defined: DefinedSpelling; uses: AbbreviationMention[] }>();
  for (let i = 0; i < model.mentions.length; i++) {
    const mention = model.mentions[i]!;
    if (!isCounted(mention)) continue;
    const known = byKey.get(mention.key);
    if (known) {
      if (mention.start >= known.uses[0]!.start && definedSpellingOf(context, mention)?.short === known.defined.short) known.uses.push(mention);
      continue;
    }
    const defined = definedSpellingOf(context, mention);
    if (!defined || isOneKnownTerm(context, defined.short, mention.key)) continue;
    byKey.set(mention.key, { defined, uses: [mention] });
  }
  for (const { defined, uses } of byKey.values()) {
    const first = uses[0]!;
    const others = uses.length > 1 ? ` ('${first.text}' is written ${uses.length} times)` : '';
    findings.push({
      rule: 'inconsistent-variants',
      start: first.start,
      end: first.end,
      message: `'${first.text}' is written for '${defined.short}', which the text defines ${defined.where}${others}. Use one form.`,
      data: { form: first.key, dominant: defined.short, uses: uses.length },
      fixes: [replaceEachUse(uses, defined.short)],
    });
  }
  return findings;
}

/**
 * `inconsistent-variants` for an abbreviation the document never defines, written in two or more
 * spellings that only case, hyphens or a Latin letter for a Greek one set apart (`GROseq` and
 * `GRO-seq`, `FcgR` and `FcγR`): undefined-abbreviation reports the missing definition once, so
 * the other spellings are told here, one finding each at its first use, with a fix (never applied
 * unattended) to the spelling written most. Spellings the knowledge base knows are its own
 * readings' to report; a gene in italics or in a gene context keeps its own spelling (`*CXCR4*`).
 */
export function checkUndefinedSpellings(context: RuleContext): Finding[] {
  const { model } = context;
  // A spelling of an abbreviation the document defines is checkAbbreviationSpellings' to tell.
  const defined = new Set<string>();
  for (let i = 0; i < model.definitions.length; i++) defined.add(looseSpellingKey(model.definitions[i]!.key));
  const groups = new Map<string, Map<string, AbbreviationMention[]>>();
  for (let i = 0; i < model.mentions.length; i++) {
    const mention = model.mentions[i]!;
    if (!isCounted(mention)) continue;
    const loose = looseSpellingKey(mention.key);
    if (defined.has(loose) || isItalic(model.text, mention.start, mention.end) || isGeneContext(model.text, mention.start, mention.end)) continue;
    let spellings = groups.get(loose);
    if (!spellings) groups.set(loose, (spellings = new Map()));
    const uses = spellings.get(mention.key);
    if (uses) uses.push(mention);
    else spellings.set(mention.key, [mention]);
  }
  const findings: Finding[] = [];
  for (const spellings of groups.values()) {
    if (spellings.size < 2) continue;
    const keys = [...spellings.keys()];
    // A known term's or an exempt name's spellings are the knowledge base's and discouraged-variant's to tell (`CD-8`).
    if (keys.some((key) => (context.knowledge?.lookupAll(key).length ?? 0) > 0 || context.needs.isExempt(key))) continue;
    // The spelling written most, the first written on a tie, is the one to keep.
    const dominant = keys.reduce((best, key) => (spellings.get(key)!.length > spellings.get(best)!.length ? key : best));
    const kept = spellings.get(dominant)![0]!;
    for (const key of keys) {
      if (key === dominant) continue;
      const uses = spellings.get(key)!;
      const first = uses[0]!;
      findings.push({
        rule: 'inconsistent-variants',
        start: first.start,
        end: first.end,
        message: `'${first.text}' and '${kept.text}' (line ${model.lines.lineAt(kept.start) + 1}) are one abbreviation written two ways. Use one form.`,
        data: { form: key, dominant, undefinedSpelling: true },
        fixes: [replaceEachUse(uses, kept.text)],
      });
    }
  }
  return findings;
}

/** The fix that writes every use of one spelling as the kept one: the author's call, never applied unattended. */
function replaceEachUse(uses: readonly AbbreviationMention[], kept: string): FixProposal {
  return {
    title: uses.length > 1 ? `Replace all ${uses.length} with '${kept}'` : `Replace with '${kept}'`,
    edits: uses.map((use) => ({ start: use.start, end: use.end, newText: kept })),
    safe: false,
  };
}
