/**
 * Legends that take their abbreviations from other legends: `Abbreviations as in Table 1.`,
 * `(as per the abbreviations in Tables @tbl:metanodes & @tbl:metaedges)`, `See Table 2 for
 * abbreviations.` Journals print such a note under a table instead of repeating its key, and a
 * reader turns to that table: what its legend (or its rows) defines is defined here too.
 */
import type { DocumentModel, ScopeName } from './documentModel';

/** A legend's note that its abbreviations are those of other tables or figures; group 1 names them. */
const ABBREVIATIONS_AS_IN = /abbreviations?\b[^.;]{0,40}?\b(?:as\s+in|as\s+defined\s+in|as\s+per|in|see|from)\s+((?:the\s+)?(?:(?:Tables?|Figures?|Figs?\.)\s+|@)[^.;)]{1,80})/iu;
/** The same note written the other way round: `See Table 1 for abbreviations`. */
const SEE_FOR_ABBREVIATIONS = /\bsee\s+((?:Tables?|Figures?|Figs?\.)\s+[^.;)]{1,60}?)\s+for\s+(?:the\s+)?abbreviations?\b/iu;
/** A cross-reference's id (`@tbl:metanodes`, `tbl:x`, `@fig:a`, Quarto's `@tbl-x`). */
const REFERENCE_ID = /@?((?:tbl|fig|tab)[:-][\w-]+)/gu;
/** A number after the kind's word, and each number listed after it (`Tables 1 and 2`, `Table S3`). */
const NUMBERED = /^(?:the\s+)?(Table|Figure|Fig)s?\.?\s+(S?\d+[A-Za-z]?(?:\s*(?:,|&|and)\s*S?\d+[A-Za-z]?)*)/iu;

/**
 * For each legend scope of `model` whose text refers its abbreviations to other legends, the
 * scopes of those legends that the document has. Read once per model, from legend blocks that
 * mention abbreviations at all.
 */
export function legendReferences(model: DocumentModel): Map<ScopeName, ScopeName[]> {
  const references = new Map<ScopeName, ScopeName[]>();
  const labels = new Map<string, string>();
  for (const block of model.prose.blocks) if (block.region.kind === 'legend') labels.set(normalLabel(block.region.label), block.region.label);
  for (const block of model.prose.blocks) {
    if (block.region.kind !== 'legend') continue;
    const text = model.text.slice(block.start, block.end);
    if (!/abbreviat/iu.test(text)) continue;
    const named = (ABBREVIATIONS_AS_IN.exec(text) ?? SEE_FOR_ABBREVIATIONS.exec(text))?.[1];
    if (named === undefined) continue;
    const own = block.region.label;
    const scopes = referredLabels(named)
      .map((label) => labels.get(normalLabel(label)))
      .filter((label): label is string => label !== undefined && label !== own)
      .map((label) => `legend:${label}`);
    if (scopes.length === 0) continue;
    const scope = `legend:${own}`;
    references.set(scope, [...new Set([...(references.get(scope) ?? []), ...scopes])]);
  }
  return references;
}

/** The legend labels a reference names: ids (`tbl:metanodes`), or `Table 1`, `Figure 2` for each number listed. */
function referredLabels(named: string): string[] {
  const ids = [...named.matchAll(REFERENCE_ID)].map((match) => match[1]!);
  if (ids.length > 0) return ids;
  const numbered = NUMBERED.exec(named);
  if (!numbered) return [];
  const kind = numbered[1]!.toLowerCase().startsWith('t') ? 'Table' : 'Figure';
  return [...numbered[2]!.matchAll(/S?\d+[A-Za-z]?/gu)].map((number) => `${kind} ${number[0]}`);
}

/** A label as legends and references may both write it: `Fig. 1`, `Figure 1` and `figure 1` alike; `tbl-x` as `tbl:x`. */
function normalLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/^fig(?:ure)?s?\.?\s*(?=s?\d)/u, 'figure ')
    .replace(/^tab(?:le)?s?\.?\s*(?=s?\d)/u, 'table ')
    .replace(/^(tbl|fig|tab)-/u, '$1:');
}
