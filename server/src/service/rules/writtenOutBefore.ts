import type { AbbreviationMention, DocumentModel, TermMention } from '../model/documentModel';
import { isInsideBrackets } from './fixSafety';
import type { FixProposal, RuleContext } from './types';

/** Each entry's expansions written in prose, in document order, per model: built once, when an undefined use first asks. */
const expansionsByModel = new WeakMap<DocumentModel, Map<string, TermMention[]>>();

function writtenExpansions(model: DocumentModel): Map<string, TermMention[]> {
  let byEntry = expansionsByModel.get(model);
  if (byEntry) return byEntry;
  byEntry = new Map();
  for (let i = 0; i < model.terms.length; i++) {
    const term = model.terms[i]!;
    if (term.kind !== 'expansion' || (term.otherEntryIds && term.otherEntryIds.length > 0)) continue;
    const list = byEntry.get(term.entryId);
    if (list) list.push(term);
    else byEntry.set(term.entryId, [term]);
  }
  expansionsByModel.set(model, byEntry);
  return byEntry;
}

/**
 * Where the term an undefined abbreviation stands for is written out before it in the same
 * scope, without the abbreviation after it (`Antibody-dependent cellular cytotoxicity is key …
 * ADCC was measured`): the author spelt the term out and never introduced the abbreviation. A
 * copy-editor adds `(ADCC)` there rather than writing the term out a second time. Undefined when
 * the term is not written before the use in its scope (or only in a heading or inside brackets).
 */
export function longFormWrittenBefore(context: RuleContext, mention: AbbreviationMention, entryId: string): TermMention | undefined {
  const { model } = context;
  const written = writtenExpansions(model).get(entryId);
  if (!written) return undefined;
  for (let i = 0; i < written.length; i++) {
    const term = written[i]!;
    if (term.start >= mention.start) break;
    if (term.scope !== mention.scope) continue;
    const block = model.prose.blocks[term.block];
    if (block?.kind === 'heading' || block?.kind === 'title' || isInsideBrackets(model.text, term.start)) continue;
    return term;
  }
  return undefined;
}

/**
 * What to tell of an undefined use whose long form is written out before it, and the fix that writes
 * the abbreviation in brackets there: the words and line are read once for both.
 */
export function introductionAfterLongForm(context: RuleContext, mention: AbbreviationMention, term: TermMention): { advice: string; fix: FixProposal } {
  const text = context.model.text;
  const written = text.slice(term.start, term.end);
  const plural = term.end - term.start > term.form.length && written.endsWith('s') && !term.form.endsWith('s');
  const short = plural ? `${mention.text}s` : mention.text;
  const line = context.model.lines.lineAt(term.start) + 1;
  return {
    advice: `'${written}' is written out on line ${line} without it: introduce '(${mention.text})' there.`,
    fix: {
      title: `Introduce '(${short})' after '${written}' on line ${line}`,
      edits: [{ start: term.end, end: term.end, newText: ` (${short})` }],
      safe: false,
    },
  };
}
