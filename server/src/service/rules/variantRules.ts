import { readsAsDefinition } from '../abbreviations/definitionDetector';
import { abbreviationKey } from '../model/mentions';
import { foldWrittenForm } from '../knowledge/formFolding';
import type { DiscouragedForm, TermEntry } from '../knowledge/types';
import type { TermMention } from '../model/documentModel';
import { readInlineDisables, type InlineDisables } from './disables';
import { isInsideBrackets, isSameSpelling, repeatsNeighbour } from './fixSafety';
import { isInsideQuotation } from '../text/quotations';
import { checkAbbreviationSpellings, checkUndefinedSpellings } from './abbreviationSpellings';
import { insideEmphasis, isGeneContext, isItalic } from '../model/geneContext';
import type { Finding, FixProposal, RuleContext } from './types';

/** Keeps a plural `s` the author wrote after a form (`CAR NKs` -> `CAR-NKs`). */
function withPlural(written: string, form: string, replacement: string): string {
  return written.length === form.length + 1 && written.endsWith('s') ? `${replacement}s` : replacement;
}

/** Which policy a discouraged form falls under; decided from the data, so hand-written and derived forms agree. */
type DiscouragedKind = 'gene-symbol' | 'greek-letter-name' | 'style' | 'other';

const GREEK_NAME = /alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda/iu;
const GREEK_LETTER = /[αβγδεζκλ]/u;

/**
 * The policy a discouraged form of `entry` falls under: the entry's own gene symbol (listed in
 * `genes`), a Greek letter spelled out (the form folds to its replacement once letter names
 * become letters), a style choice a guide decides (`guide`), or another reason.
 */
export function discouragedKind(entry: TermEntry, discouraged: DiscouragedForm): DiscouragedKind {
  if (discouraged.basis === 'latin-letter') return 'other';
  if (discouraged.basis) return discouraged.basis;
  if (entry.genes.some((gene) => gene.symbol === discouraged.form)) return 'gene-symbol';
  if (GREEK_NAME.test(discouraged.form) && GREEK_LETTER.test(discouraged.replacement) && foldWrittenForm(discouraged.form) === foldWrittenForm(discouraged.replacement)) return 'greek-letter-name';
  if (discouraged.guide) return 'style';
  return 'other';
}

/**
 * `discouraged-variant`: a form the knowledge base discourages, with its reason. One policy
 * per kind (see {@link discouragedKind}):
 * - a gene symbol written in roman for its protein (`GZMB`) is information, naming the
 *   protein (`granzyme B`) and the italic gene, neither applied unattended; in italics or a
 *   gene context it is the gene, left to `gene-not-italic`;
 * - a spelled-out Greek letter (`IFN-gamma`, `CD3 zeta`) is a warning with a safe fix;
 * - a style choice (`qRT-PCR`) is information, naming the guide;
 * - any other form is a warning with the entry's reason.
 */
export function checkDiscouraged(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  if (!knowledge) return [];
  const findings: Finding[] = [];
  const styleChoices: StyleChoices = new Map();
  let disables: InlineDisables | undefined;
  const text = model.text;
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'discouraged') continue;
    const entry = knowledge.byId(term.entryId);
    const discouraged = entry?.discouraged.find((d) => d.form === term.form) ?? entry?.discouraged.find((d) => d.form.toLowerCase() === term.form.toLowerCase());
    if (!entry || !discouraged) continue;
    const written = text.slice(term.start, term.end);
    // A Latin stand-in matches as written: `HIF-1A`, `TNF-A` in capitals are not `HIF-1a`.
    if (discouraged.basis === 'latin-letter' && written !== discouraged.form && written !== `${discouraged.form}s`) continue;
    const kind = discouragedKind(entry, discouraged);
    if (kind === 'gene-symbol') {
      const symbol = written.replace(/s$/u, '') === discouraged.form ? discouraged.form : written;
      // Inside a longer emphasis (`*the GNLY-high cluster*`) the symbol is set in italics as written: it may be the gene.
      if (isItalic(text, term.start, term.end) || insideEmphasis(text, term.start) || isGeneContext(text, term.start, term.end) || mayMeanGene(text, term.start, term.end)) continue;
      if (definedAsOtherTerm(context, symbol, entry)) continue;
      findings.push(geneSymbolFinding(term, written, symbol, entry, withPlural(written, discouraged.form, discouraged.replacement)));
      continue;
    }
    // A quoted name or passage (`“TRAF6 mediated induction of NF-kB”`, a pathway's title) keeps its source's spelling.
    const block = model.prose.blocks[term.block];
    if (block && isInsideQuotation(text, block.start, block.end, term.start, term.end)) continue;
    const replacement = withPlural(written, discouraged.form, discouraged.replacement);
    if (kind === 'style') {
      // A use the author switched the rule off for is left out of the one note, and out of its fix.
      disables ??= readInlineDisables(model.prose.comments, model.lines);
      if (!disables.isDisabled('discouraged-variant', term.start)) addStyleChoice(styleChoices, term, written, replacement, discouraged, entry.id);
      continue;
    }
    // Safe only for another spelling of the same form (TGF-beta -> TGF-β) that doubles no neighbouring word;
    // a different name (FACS analysis -> flow cytometry, PBMNC -> PBMC) is the author's call.
    // A form written across a line break may join two phrases of a list: the author decides.
    const safe =
      !written.includes('\n') && isSameSpelling(written, replacement) && !repeatsNeighbour(text, term.start, term.end, replacement) && !losesDefinition(context, term, written, replacement);
    const finding: Finding = {
      rule: 'discouraged-variant',
      start: term.start,
      end: term.end,
      message: discouragedMessage(kind, written, replacement, discouraged),
      data: { entryId: entry.id, form: discouraged.form, replacement, kind },
      fixes: [{ title: `Replace with '${replacement}'`, edits: [{ start: term.start, end: term.end, newText: replacement }], safe }],
    };
    findings.push(finding);
  }
  for (const choice of styleChoices.values()) findings.push(choice.finding);
  findings.push(...hyphenatedClusterNames(context, findings));
  return findings.sort((a, b) => a.start - b.start);
}

/** A style choice met so far, by the form written: its one finding and how often the form is written. */
type StyleChoices = Map<string, { finding: Finding; count: number; message: string }>;

/**
 * A style choice (`qRT-PCR` where a guide recommends `RT-qPCR`) is one decision for the whole
 * document, not a slip at each use: reported once, at its first use, below the rule's severity,
 * saying how often it is written; the fix changes every use and is never applied unattended.
 */
function addStyleChoice(choices: StyleChoices, term: TermMention, written: string, replacement: string, discouraged: DiscouragedForm, entryId: string): void {
  const key = `${entryId}\u0000${discouraged.form}`;
  const edit = { start: term.start, end: term.end, newText: replacement };
  const known = choices.get(key);
  if (known) {
    known.count++;
    known.finding.fixes![0]!.edits.push(edit);
    known.finding.fixes![0]!.title = `Replace all ${known.count} with '${discouraged.replacement}'`;
    known.finding.message = `${known.message} It is written ${known.count} times here.`;
    return;
  }
  const message = discouragedMessage('style', written, replacement, discouraged);
  const finding: Finding = {
    rule: 'discouraged-variant',
    start: term.start,
    end: term.end,
    message,
    data: { entryId, form: discouraged.form, replacement, kind: 'style' },
    fixes: [{ title: `Replace with '${replacement}'`, edits: [edit], safe: false }],
    cap: { severity: 'information' },
  };
  choices.set(key, { finding, count: 1, message });
}

/** The message for a discouraged form that is not a gene symbol, by its kind. */
function discouragedMessage(kind: DiscouragedKind, written: string, replacement: string, discouraged: DiscouragedForm): string {
  if (kind === 'greek-letter-name') return `'${written}' spells out the Greek letter; journals print the letter: write '${replacement}'.`;
  if (kind === 'style') return `'${written}' is a style choice: ${discouraged.guide} recommend${/s$/u.test(discouraged.guide ?? '') ? '' : 's'} '${replacement}'. ${discouraged.reason}`;
  return `'${written}' is discouraged: ${discouraged.reason} Write '${replacement}'.`;
}

/** Words after a symbol that may mean the gene as much as the protein (`GZMB expression`, `ERBB2 amplification`). */
const GENE_READING_AFTER = /^[\s\u00a0-]*(?:mutations?|mutants?|mutated|amplifications?|amplified|fusions?|rearrangements?|rearranged|variants?|copy[\s-]numbers?|expression|expressing|expressed|overexpression|overexpressing|upregulation|downregulation|signatures?|levels?|reads?|counts?)\b/u;
/** Words before a symbol that may mean the gene as much as the protein (`expression of GZMB`). */
const GENE_READING_BEFORE = /(?:(?:expression|levels?|mutations?|amplification|transcription|upregulation|downregulation) of (?:the )?|(?:express(?:ed|es|ing)?|upregulated|downregulated|encod(?:ed|es|ing)|differentially expressed genes?,?(?: such as| including)?)\s+)$/u;

/**
 * Whether the symbol may be read as the gene here, though no clear gene context says so: then
 * neither the protein name nor italics is certain, and nothing is said.
 */
function mayMeanGene(text: string, start: number, end: number): boolean {
  return GENE_READING_AFTER.test(text.slice(end, end + 24)) || GENE_READING_BEFORE.test(text.slice(Math.max(0, start - 28), start));
}

/**
 * Whether the document defines the letters as an abbreviation of something else (`fatty acid
 * synthase (FAS)`): then they are the author's abbreviation, not the gene symbol of `entry`.
 */
function definedAsOtherTerm(context: RuleContext, symbol: string, entry: TermEntry): boolean {
  const definitions = context.model.byKey.get(symbol)?.definitions;
  if (!definitions || definitions.length === 0) return false;
  const names = new Set([entry.preferred, ...entry.variants, ...entry.expansions].map(foldWrittenForm));
  return definitions.some((definition) => !names.has(foldWrittenForm(definition.long)));
}

/**
 * A gene symbol in roman for its protein: common in some fields, so information, naming the
 * established protein name and the italic gene; neither fix is applied unattended.
 */
function geneSymbolFinding(term: TermMention, written: string, symbol: string, entry: TermEntry, protein: string): Finding {
  return {
    rule: 'discouraged-variant',
    start: term.start,
    end: term.end,
    message: `'${written}' in roman type is the gene symbol; the protein is usually written '${protein}'${describeExpansion(entry)}, and the gene in italics ('*${symbol}*').`,
    data: { entryId: entry.id, form: symbol, replacement: protein, kind: 'gene-symbol' },
    fixes: [
      { title: `Replace with '${protein}'`, edits: [{ start: term.start, end: term.end, newText: protein }], safe: false },
      { title: `Italicise as the gene: '*${written}*'`, edits: [{ start: term.start, end: term.end, newText: `*${written}*` }], safe: false },
    ],
    cap: { severity: 'information' },
  };
}

/** ` (natural killer group 2 member D)` for an abbreviation, so the message says what the protein is; nothing for a name. */
function describeExpansion(entry: TermEntry): string {
  const expansion = entry.expansions[0];
  return expansion ? ` (${expansion})` : '';
}

/** `CD-8`, `CD-123a`: a cluster-of-differentiation name with a hyphen after CD. */
export const HYPHENATED_CD = /^CD[-\u2010\u2011](\d+[a-z]?)$/u;

/**
 * Every hyphenated CD name is the same style slip as the knowledge base's `CD-19`: reported
 * for any number, not only the markers the knowledge base lists (those it lists are already
 * in `found`).
 */
function hyphenatedClusterNames(context: RuleContext, found: readonly Finding[]): Finding[] {
  const reported = new Set(found.map((f) => f.start));
  const findings: Finding[] = [];
  for (let i = 0; i < context.model.mentions.length; i++) {
    const mention = context.model.mentions[i]!;
    // Most mentions do not start `CD-`: compare three characters before the expression.
    if (mention.text.charCodeAt(0) !== 0x43 || mention.text.charCodeAt(1) !== 0x44 || mention.text.length < 4) continue;
    const match = HYPHENATED_CD.exec(mention.text);
    if (!match || reported.has(mention.start)) continue;
    // `CD-1 mice` is an outbred mouse strain, not the CD1 protein family.
    if (/^\s+(?:mice|mouse|strains?)\b/u.test(context.model.prose.masked.slice(mention.end, mention.end + 12))) continue;
    const replacement = `CD${match[1]}`;
    findings.push({
      rule: 'discouraged-variant',
      start: mention.start,
      end: mention.end,
      message: `'${mention.text}' is discouraged: Cluster-of-differentiation names are written without a hyphen between CD and the number. Write '${replacement}'.`,
      data: { form: mention.text, replacement },
      fixes: [{ title: `Replace with '${replacement}'`, edits: [{ start: mention.start, end: mention.end, newText: replacement }], safe: true }],
    });
  }
  return findings;
}

/**
 * Normalises a written form for counting: a plural `s` and hyphen look-alikes do not make a
 * different form, but an open form does (`CAR NK` against `CAR-NK`).
 */
function formKey(written: string): string {
  let key = formKeys.get(written);
  if (key === undefined) {
    key = written.replace(/s$/u, '').replace(/[-\u2010\u2011]+/gu, '').replace(/\s+/gu, ' ');
    // A document writes a few hundred forms thousands of times: remember them, boundedly.
    if (formKeys.size >= 10_000) formKeys.clear();
    formKeys.set(written, key);
  }
  return key;
}
const formKeys = new Map<string, string>();

/**
 * Whether the words around `[start, end)` on its line are mostly in Title Case: five or more of
 * the six words before and the six after start with a capital and a lower-case letter (after
 * an opening bracket or quote), as a cited title does; ordinary sentences (even dense with
 * abbreviations) do not. Read in place, one character at a time: a document whose term is
 * written two ways asks this for each of its uses on every keystroke.
 */
function isInTitleCase(text: string, start: number, end: number): boolean {
  // A window of its own line, never the whole line: a line may be a megabyte long.
  const from = Math.max(0, start - 120);
  let lineStart = start;
  while (lineStart > from && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  let capitalised = 0;
  // The six words before, from the last one back; a word cut by the window counts as written.
  let words = 0;
  for (let at = start; words < 6; ) {
    while (at > lineStart && isSpaceCode(text.charCodeAt(at - 1))) at--;
    if (at === lineStart) break;
    let wordStart = at;
    while (wordStart > lineStart && !isSpaceCode(text.charCodeAt(wordStart - 1))) wordStart--;
    if (startsTitleCase(text, wordStart, at)) capitalised++;
    words++;
    at = wordStart;
  }
  // The words after, the first one (the rest of the term's own word) aside, six of them.
  const to = Math.min(text.length, end + 120);
  let lineEnd = end;
  while (lineEnd < to && text.charCodeAt(lineEnd) !== 0x0a) lineEnd++;
  words = 0;
  for (let at = end; words < 7; ) {
    while (at < lineEnd && isSpaceCode(text.charCodeAt(at))) at++;
    if (at === lineEnd) break;
    let wordEnd = at;
    while (wordEnd < lineEnd && !isSpaceCode(text.charCodeAt(wordEnd))) wordEnd++;
    if (words > 0 && startsTitleCase(text, at, wordEnd)) capitalised++;
    words++;
    at = wordEnd;
  }
  return capitalised >= 5;
}

/** Whether the word `[start, end)` starts `[("']?[A-Z][a-z]`. */
function startsTitleCase(text: string, start: number, end: number): boolean {
  let at = start;
  const first = text.charCodeAt(at);
  if (first === 0x28 || first === 0x22 || first === 0x27) at++;
  if (at + 1 >= end) return false;
  const capital = text.charCodeAt(at);
  const small = text.charCodeAt(at + 1);
  return capital >= 0x41 && capital <= 0x5a && small >= 0x61 && small <= 0x7a;
}

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A compound of capitals written open (`CAR NK`, `CAR T`): the open form of `CAR-NK`, not a phrasing. */
const OPEN_SYMBOL_COMPOUND = /^[A-Z][A-Z0-9]*(?: [A-Z][A-Z0-9]*)+$/u;

/** Why two forms of one term differ, when that is a matter of house style the message can name. */
function styleNote(a: string, b: string): string {
  const plain = (form: string): string => form.replace(/[\s\-\u2010\u2011\u2013]+/gu, '');
  if (plain(a) !== plain(b)) return '';
  if (/\u2013/u.test(a) !== /\u2013/u.test(b)) return ' Chicago style prints an en dash between two surnames, AMA style a hyphen; either is fine used throughout.';
  if (/\s/u.test(a) !== /\s/u.test(b)) return ' Journals differ between the open and the hyphenated form; either is fine used throughout.';
  return '';
}

/**
 * `inconsistent-variants`: one term written in several accepted forms (`CD16a` and
 * `FcγRIIIa`) without the document saying they are the same (`CD16a (FcγRIIIa)`). The gene
 * symbol in italics names the gene and does not compete with the protein's name.
 * Each less used form is reported once, at its first use, pointing at the most used one;
 * its fix rewrites every use of that form.
 */
export function checkInconsistentVariants(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  // An abbreviation the document defines, written in another spelling (`SARS-CoV2` after `SARS-CoV-2`).
  const findings = [...checkAbbreviationSpellings(context), ...checkUndefinedSpellings(context)];
  if (!knowledge) return findings;
  const byEntry = new Map<string, TermMention[]>();
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'preferred' && term.kind !== 'variant') continue;
    if (term.otherEntryIds && term.otherEntryIds.length > 0) continue;
    // Only names written as one symbol-like token (CD16a, FcγRIIIa, NK-92) or its open form
    // (CAR NK for CAR-NK) compete; phrasings of a concept may vary.
    if (/\s/u.test(term.form) && !OPEN_SYMBOL_COMPOUND.test(term.form)) continue;
    const block = model.prose.blocks[term.block];
    if (block?.kind === 'heading' || block?.kind === 'title') continue;
    // The gene (`*CISH*`, or `exon 2 of CISH` in roman, which gene-not-italic reports) is not a spelling of its
    // protein (`CIS`): each has its name. The symbol written for the protein (`the CISH protein`) still competes.
    if (isGeneSymbolOf(knowledge.byId(term.entryId), term.form) && (isItalic(model.text, term.start, term.end) || isGeneContext(model.text, term.start, term.end))) continue;
    const list = byEntry.get(term.entryId);
    if (list) list.push(term);
    else byEntry.set(term.entryId, [term]);
  }
  const text = model.text;
  for (const [entryId, written] of byEntry) {
    // Most terms are written one way: look at the words around a use only when forms differ.
    if (written.every((term) => formKey(term.form) === formKey(written[0]!.form))) continue;
    // A cited work's title written out (`Phase I Trial of … CAR T-cell Therapy [@ref]`) keeps its own spelling.
    const terms = written.filter((term) => !isInTitleCase(text, term.start, term.end));
    const counts = new Map<string, { count: number; form: string; first: number }>();
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const key = formKey(term.form);
      const found = counts.get(key);
      if (found) found.count++;
      else counts.set(key, { count: 1, form: term.form, first: term.start });
    }
    if (counts.size < 2) continue;
    // Read in the masked text, where markup is blank: `_CD274_ (PD-L1)` is `CD274 (PD-L1)`.
    if (declaresEquivalence(model.prose.masked, terms)) continue;
    const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
    const [dominantKey, dominant] = ranked[0]!;
    const entry: TermEntry | undefined = knowledge.byId(entryId);
    // One finding per less used form, at its first use; its fix rewrites every use of it.
    const uses = new Map<string, TermMention[]>();
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const key = formKey(term.form);
      if (key === dominantKey) continue;
      const list = uses.get(key);
      if (list) list.push(term);
      else uses.set(key, [term]);
    }
    for (const list of uses.values()) {
      const first = list[0]!;
      const written = text.slice(first.start, first.end);
      const replacementOf = (term: TermMention): string => {
        const form = text.slice(term.start, term.end);
        return form.endsWith('s') && !term.form.endsWith('s') ? `${dominant.form}s` : dominant.form;
      };
      const others = list.length > 1 ? ` ('${written}' is written ${list.length} times)` : '';
      findings.push({
        rule: 'inconsistent-variants',
        start: first.start,
        end: first.end,
        message: `'${written}' and '${dominant.form}' name the same ${entry ? `term (${entry.preferred})` : 'term'}; this document uses '${dominant.form}' ${dominant.count} time${dominant.count === 1 ? '' : 's'}${others}. Use one form, or say once that they are the same.${styleNote(first.form, dominant.form)}`,
        data: { entryId, form: first.form, dominant: dominant.form, uses: list.length },
        fixes: [
          {
            title: list.length > 1 ? `Replace all ${list.length} with '${dominant.form}'` : `Replace with '${replacementOf(first)}'`,
            edits: list.map((term) => ({ start: term.start, end: term.end, newText: replacementOf(term) })),
            safe: false,
          },
        ],
      });
    }
  }
  return findings;
}

/** Whether `form` is one of the entry's human gene symbols. */
function isGeneSymbolOf(entry: TermEntry | undefined, form: string): boolean {
  return entry !== undefined && entry.genes.some((gene) => gene.symbol === form);
}

/** True when two of the forms stand as `A (B)`, `A [B]` or `A/B` somewhere: the author says they are one thing. */
function declaresEquivalence(text: string, terms: TermMention[]): boolean {
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    if (formKey(a.form) === formKey(b.form)) continue;
    const between = text.slice(a.end, b.start);
    if (between.length <= 40 && /^\s*[([]\s*(?:also (?:known|called) as |or |i\.e\.,? |aka )?$/u.test(between)) return true;
    if (between.length <= 40 && /^\s*(?:,\s*)?(?:also (?:known|called) as|or|i\.e\.,?)\s*$/u.test(between)) return true;
    // A slash pair names one thing by both its forms (`IL-8/CXCL8` in an assay's panel list).
    if (between === '/') return true;
    // Two forms side by side in one bracket (`DNAX accessory molecule-1 (DNAM-1, CD226)`): the second glosses the first.
    if (/^[,;][ \u00a0]*$/u.test(between) && isInsideBrackets(text, a.start) && text.slice(b.end, b.end + 2).trimStart().startsWith(')')) return true;
  }
  return false;
}

/**
 * Whether the form is a definition's short form whose long form would not spell the replacement
 * (`Interferon-g (IFN-g)` written `Interferon-g (IFN-γ)`): the fix would lose the definition, so
 * it is offered, never applied unattended.
 */
function losesDefinition(context: RuleContext, term: { start: number }, written: string, replacement: string): boolean {
  const definition = context.model.byKey.get(abbreviationKey(written))?.definitions.find((d) => d.shortStart === term.start && d.pattern !== 'list');
  if (!definition) return false;
  const long = context.model.text.slice(definition.longStart, definition.longEnd);
  return !readsAsDefinition(long, replacement);
}
