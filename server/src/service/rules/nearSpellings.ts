import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import type { AbbreviationMention } from '../model/documentModel';
import { hyphenedNumber } from './abbreviationSpellings';
import { entryForKey, type FixProposal, type RuleContext } from './types';

/**
 * An undefined abbreviation that is another, known one mistyped: a space for the hyphen before its
 * number (`IL 6` where the document writes `IL-6`), two neighbouring characters
 * swapped (`PMBC` for PBMC, `CTPAC` for CPTAC), or, for a form of five characters or more, a capital
 * left out inside it (`COVD-19` for COVID-19; not the first, not in the last hyphen-joined part) or
 * one letter before the last written wrongly (`RECE-EU` for RECA-EU). Asking
 * for a definition is then the wrong advice: the reader needs the spelling corrected.
 *
 * The intended form is one the document itself writes: defined (here or in a later file of the
 * book), or used three times or more; for a form of three characters, defined. Gene symbols and the knowledge base's terms are too dense a namespace
 * for a guess (`FPKM` is one swap from the gene PFKM, `MRSA` from MSRA): they say only that a form
 * is its own, never a typo. Nor is a change of a digit a typo (`IL-9` beside `IL-7`), or of the last
 * character, where members of a family differ (`FcγRIIb` beside `FcγRIIa`, `HLA-DQ`), or of a
 * form with fewer than four letters (`IP-10` beside `IL-10`).
 */

/** What the intended form is, for the message. */
export interface NearSpelling {
  target: string;
  why: string;
}

/**
 * The longest form a mistyping is guessed for: codes and symbols are short, and each guess costs
 * the form's length in variants of its length (a 200 KB token of hyphen-joined capitals took
 * minutes before this bound).
 */
const LONGEST_GUESSED_FORM = 24;
/** A form of capitals, digits and hyphens: the shape of the codes and symbols a slip of the keys turns into another. */
const CODE_SHAPE = /^[\p{Lu}\p{N}][\p{Lu}\p{N}-]*$/u;

/** The known form `key` is probably a mistyping of, if there is one (see the module comment). */
export function nearSpellingOf(context: RuleContext, key: string): NearSpelling | undefined {
  // A space where the document writes a hyphen before the number (`IL 6` for `IL-6`).
  const hyphened = hyphenedNumber(key);
  if (hyphened !== undefined) {
    const inDocument = documentForm(context, hyphened);
    return inDocument && { target: hyphened, why: inDocument.why };
  }
  if (!CODE_SHAPE.test(key) || key.length < 3 || key.length > LONGEST_GUESSED_FORM || isKnownForm(context, key)) return undefined;
  for (const variant of swaps(key)) {
    const inDocument = documentForm(context, variant);
    // Three characters swap into another real form too easily (`TRC` beside `RTC`): only a defined one is meant.
    if (inDocument && (key.length >= 4 || inDocument.defined)) return { target: variant, why: inDocument.why };
  }
  // A capital left out inside the form (`COVD-19` for COVID-19): among the written forms one capital longer.
  if (key.length >= 5 && key.replace(/[^\p{L}]/gu, '').length >= 3) {
    for (const variant of shortenedForms(context.model).get(key) ?? []) {
      const inDocument = documentForm(context, variant);
      if (inDocument) return { target: variant, why: inDocument.why };
    }
  }
  if (key.length < 5 || key.replace(/[^\p{L}]/gu, '').length < 4) return undefined;
  for (const variant of letterChanges(context, key)) {
    const inDocument = documentForm(context, variant);
    if (inDocument) return { target: variant, why: inDocument.why };
  }
  return undefined;
}

/** The quick fix that writes the intended form over the mention (never applied unattended: it is a guess). */
export function respellFix(mention: Pick<AbbreviationMention, 'start' | 'end' | 'text' | 'key'>, target: string): FixProposal | undefined {
  // Only where the mention is written as its key (a plural or a possessive after it stays).
  if (!mention.text.startsWith(mention.key)) return undefined;
  return { title: `Change to '${target}'`, edits: [{ start: mention.start, end: mention.start + mention.key.length, newText: target }], safe: false };
}

/** True when `key` is a form of its own: a term the knowledge base knows, an official gene symbol, or defined in the document or its book. */
function isKnownForm(context: RuleContext, key: string): boolean {
  if (entryForKey(context.knowledge, key) || isOfficialGeneSymbol(key)) return true;
  if ((context.model.byKey.get(key)?.definitions.length ?? 0) > 0) return true;
  return context.definedLater?.has(key) === true;
}

/**
 * Why `form` is one the document writes, or undefined: defined (here or in a later file of the
 * book), or written three times or more here (an undefined form written twice is as likely a
 * second real term: `ECM` beside `EMC`).
 */
function documentForm(context: RuleContext, form: string): { why: string; defined: boolean } | undefined {
  const uses = context.model.byKey.get(form);
  if (uses && uses.definitions.length > 0) return { why: 'which the document defines', defined: true };
  if (context.definedLater?.has(form)) return { why: 'which a later file defines', defined: true };
  if (uses && isWrittenForm(uses)) return { why: `which the document writes ${uses.mentions.length} times`, defined: false };
  return undefined;
}

/** A key the document writes as a form of its own: defined, or used three times or more. */
function isWrittenForm(uses: { definitions: readonly unknown[]; mentions: readonly unknown[] }): boolean {
  return uses.definitions.length > 0 || uses.mentions.length >= 3;
}

/** `key` with each pair of neighbouring letters swapped (not a digit, a hyphen, or two alike: `QX12` beside `QX21` is another member). */
function* swaps(key: string): Generator<string> {
  for (let i = 0; i + 1 < key.length; i++) {
    const a = key[i]!;
    const b = key[i + 1]!;
    if (a === b || !/\p{Lu}/u.test(a) || !/\p{Lu}/u.test(b)) continue;
    yield key.slice(0, i) + b + a + key.slice(i + 2);
  }
}

/**
 * `key` with one letter before its last character changed into another capital, among the
 * forms the document writes: looked up by the key with that position blanked (see
 * {@link blankedForms}), so each undefined key costs its length, not the document's key count.
 */
function* letterChanges(context: RuleContext, key: string): Generator<string> {
  const forms = blankedForms(context.model);
  // Not in the last hyphen-joined part: codes of one family differ there (`TCGA-BLCA`, `TCGA-BRCA`).
  const lastPart = key.lastIndexOf('-');
  for (let at = 0; at + 1 < key.length && (lastPart < 0 || at < lastPart); at++) {
    if (!/\p{Lu}/u.test(key[at]!)) continue;
    for (const other of forms.get(blanked(key, at)) ?? []) if (other !== key && /\p{Lu}/u.test(other[at]!)) yield other;
  }
}

/** `key` with the character at `at` replaced by a mark no key holds. */
function blanked(key: string, at: number): string {
  return `${key.slice(0, at)}\u0000${key.slice(at + 1)}`;
}

/**
 * The document's keys of five characters or more that it defines or uses three times or more,
 * under each of their forms with one character
 * before the last blanked (`QECA-EU` under `\0ECA-EU`, `Q\0CA-EU`, …), built once per model: a
 * thousand distinct codes in one panel list would otherwise compare each with every other.
 */
function blankedForms(model: RuleContext['model']): Map<string, string[]> {
  return formsIndex(model, blankedByModel, function* (key) {
    for (let at = 0; at + 1 < key.length; at++) yield blanked(key, at);
  });
}
const blankedByModel = new WeakMap<RuleContext['model'], Map<string, string[]>>();

/**
 * The document's keys of five characters or more that it defines or uses three times or more,
 * under each of their forms with one capital left out, neither the first character (`NMIBC` is no
 * misspelling of `MIBC`) nor in the last hyphen-joined part (`COVID-19` under `CVID-19`, `COID-19`,
 * `COVD-19`, `COVI-19`; codes of one family differ in that part), built once per model.
 */
function shortenedForms(model: RuleContext['model']): Map<string, string[]> {
  return formsIndex(model, shortenedByModel, function* (key) {
    const lastPart = key.lastIndexOf('-');
    // Not the first character: a leading letter is as often a modifier of another term (`NMIBC` and `MIBC`, `NSTEMI` and `STEMI`).
    for (let at = 1; at + 1 < key.length && (lastPart < 0 || at < lastPart); at++) {
      if (/\p{Lu}/u.test(key[at]!) && key[at] !== key[at + 1]) yield key.slice(0, at) + key.slice(at + 1);
    }
  });
}

/**
 * The written keys (five characters or more, defined or used three times or more: only forms the
 * document writes as such can be meant) under each form `formsOf` makes of them, cached per model.
 */
function formsIndex(model: RuleContext['model'], cache: WeakMap<RuleContext['model'], Map<string, string[]>>, formsOf: (key: string) => Iterable<string>): Map<string, string[]> {
  let forms = cache.get(model);
  if (forms) return forms;
  forms = new Map();
  for (const [key, uses] of model.byKey) {
    if (key.length < 5 || key.length > LONGEST_GUESSED_FORM || !isWrittenForm(uses)) continue;
    for (const form of formsOf(key)) {
      const keys = forms.get(form);
      if (keys) keys.push(key);
      else forms.set(form, [key]);
    }
  }
  cache.set(model, forms);
  return forms;
}
const shortenedByModel = new WeakMap<RuleContext['model'], Map<string, string[]>>();
