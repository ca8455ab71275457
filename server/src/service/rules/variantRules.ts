import type { TermEntry } from '../knowledge/types';
import type { TermMention } from '../model/documentModel';
import { isInsideIdentifier, isSameSpelling, repeatsNeighbour } from './fixSafety';
import { isGeneContext, isItalic } from './geneContext';
import type { Finding, FixProposal, RuleContext } from './types';

/** Keeps a plural `s` the author wrote after a form (`CAR NKs` -> `CAR-NKs`). */
function withPlural(written: string, form: string, replacement: string): string {
  return written.length === form.length + 1 && written.endsWith('s') ? `${replacement}s` : replacement;
}

/**
 * `discouraged-variant`: a form the knowledge base discourages, with its reason. A roman
 * gene symbol that doubles as a protein name (`IL15`) is ambiguous: both the protein form
 * (`IL-15`) and the italic gene (`*IL15*`) are offered, neither applied automatically.
 */
export function checkDiscouraged(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  if (!knowledge) return [];
  const findings: Finding[] = [];
  const text = model.text;
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'discouraged') continue;
    const entry = knowledge.byId(term.entryId);
    const discouraged = entry?.discouraged.find((d) => d.form === term.form) ?? entry?.discouraged.find((d) => d.form.toLowerCase() === term.form.toLowerCase());
    if (!entry || !discouraged) continue;
    const written = text.slice(term.start, term.end);
    const isGeneSymbol = entry.genes.some((g) => g.symbol === written.replace(/s$/u, '') || g.symbol === written);
    if (isGeneSymbol && (isItalic(text, term.start, term.end) || isGeneContext(text, term.start, term.end))) continue;
    const replacement = withPlural(written, discouraged.form, discouraged.replacement);
    // Safe only for another spelling of the same form (TGF-beta -> TGF-β, CAR NK -> CAR-NK) that doubles no neighbouring word;
    // a different name (FACS analysis -> flow cytometry, PBMNC -> PBMC) is the author's call.
    // A form written across a line break may join two phrases of a list: the author decides.
    const safe = !isGeneSymbol && !written.includes('\n') && isSameSpelling(written, replacement) && !repeatsNeighbour(text, term.start, term.end, replacement) && !isInsideIdentifier(text, term.start, term.end);
    const fixes: FixProposal[] = [{ title: `Replace with '${replacement}'`, edits: [{ start: term.start, end: term.end, newText: replacement }], safe }];
    if (isGeneSymbol) fixes.push({ title: `Italicise as the gene: '*${written}*'`, edits: [{ start: term.start, end: term.end, newText: `*${written}*` }], safe: false });
    findings.push({
      rule: 'discouraged-variant',
      start: term.start,
      end: term.end,
      message: isGeneSymbol
        ? `'${written}' in roman type is ambiguous: write the protein as '${replacement}' or the gene in italics ('*${written}*'). ${discouraged.reason}`
        : `'${written}' is discouraged: ${discouraged.reason} Write '${replacement}'.`,
      data: { entryId: entry.id, form: discouraged.form, replacement },
      fixes,
    });
  }
  findings.push(...hyphenatedClusterNames(context, findings));
  return findings;
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

/** Normalises a written form for counting: a plural `s`, hyphens and spaces do not make a different form. */
function formKey(written: string): string {
  let key = formKeys.get(written);
  if (key === undefined) {
    key = written.replace(/s$/u, '').replace(/[\s\-\u2010\u2011]+/gu, '');
    // A document writes a few hundred forms thousands of times: remember them, boundedly.
    if (formKeys.size >= 10_000) formKeys.clear();
    formKeys.set(written, key);
  }
  return key;
}
const formKeys = new Map<string, string>();

/**
 * `inconsistent-variants`: one term written in several accepted forms (`CD16a` and
 * `FcγRIIIa`) without the document saying they are the same (`CD16a (FcγRIIIa)`).
 * Each less used form is reported once, at its first use, pointing at the most used one;
 * its fix rewrites every use of that form.
 */
export function checkInconsistentVariants(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  if (!knowledge) return [];
  const byEntry = new Map<string, TermMention[]>();
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'preferred' && term.kind !== 'variant') continue;
    if (term.otherEntryIds && term.otherEntryIds.length > 0) continue;
    // Only names written as one symbol-like token (CD16a, FcγRIIIa, NK-92) compete; phrasings of a concept may vary.
    if (/\s/u.test(term.form)) continue;
    const block = model.prose.blocks[term.block];
    if (block?.kind === 'heading' || block?.kind === 'title') continue;
    const list = byEntry.get(term.entryId);
    if (list) list.push(term);
    else byEntry.set(term.entryId, [term]);
  }
  const findings: Finding[] = [];
  const text = model.text;
  for (const [entryId, terms] of byEntry) {
    const counts = new Map<string, { count: number; form: string; first: number }>();
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const key = formKey(term.form);
      const found = counts.get(key);
      if (found) found.count++;
      else counts.set(key, { count: 1, form: term.form, first: term.start });
    }
    if (counts.size < 2) continue;
    if (declaresEquivalence(text, terms)) continue;
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
        message: `'${written}' and '${dominant.form}' name the same ${entry ? `term (${entry.preferred})` : 'term'}; this document uses '${dominant.form}' ${dominant.count} time${dominant.count === 1 ? '' : 's'}${others}. Use one form, or say once that they are the same.`,
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

/** True when two of the forms stand as `A (B)` or `A [B]` somewhere: the author says they are one thing. */
function declaresEquivalence(text: string, terms: TermMention[]): boolean {
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!;
    const b = terms[i + 1]!;
    if (formKey(a.form) === formKey(b.form)) continue;
    const between = text.slice(a.end, b.start);
    if (between.length <= 40 && /^\s*[([]\s*(?:also (?:known|called) as |or |i\.e\.,? |aka )?$/u.test(between)) return true;
    if (between.length <= 40 && /^\s*(?:,\s*)?(?:also (?:known|called) as|or|i\.e\.,?)\s*$/u.test(between)) return true;
  }
  return false;
}
