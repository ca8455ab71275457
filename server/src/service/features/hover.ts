import type { Hover, Position } from 'vscode-languageserver-types';
import { fileNameOf } from '../text/fileName';
import type { CellLineFacts, TermEntry, TermRelationKind } from '../knowledge/types';
import type { DefinitionNeeds } from '../model/definitionNeeds';
import { describeScope, type AbbreviationDefinition, type DocumentModel } from '../model/documentModel';
import type { ScopeDefinitions } from '../model/scopeDefinitions';
import { entryForKey } from '../knowledge/knowledgeBase';
import { mentionAt, termAt } from './lookup';
import { withoutGlyphFill } from '../text/characters';


const CATEGORY_NAMES: Record<string, string> = {
  'cell-types-sources': 'Cell types and sources',
  'activating-receptors': 'Activating receptors and ligands',
  'inhibitory-receptors': 'Inhibitory receptors and ligands',
  'car-architecture': 'CAR architecture',
  'effector-mechanisms': 'Effector molecules and mechanisms',
  cytokines: 'Cytokines and receptors',
  'haematological-targets': 'Haematological targets',
  'solid-tumour-targets': 'Solid-tumour targets',
  'toxicities-grading': 'Toxicities and grading',
  'manufacturing-regulation': 'Manufacturing, quality control and regulation',
  'clinical-trials': 'Clinical-trial terms',
  'products-cell-lines': 'Products and cell lines',
  'cell-lines': 'Cell lines',
  'mouse-models': 'Mouse models',
  'assays-methods': 'Assays and methods',
  'combination-agents': 'Combination agents',
  'diseases-indications': 'Diseases and indications',
  transplantation: 'Transplantation',
  'response-assessment': 'Response assessment and end points',
  'gene-editing-delivery': 'Gene editing and delivery',
  'nk-biology': 'NK-cell biology',
  'products-programmes': 'Products and programmes',
  'laboratory-methods': 'Laboratory methods',
  'project-glossary': 'Project glossary',
};

/** How hover introduces a related term that is not a variant. */
const RELATION_LABELS: Record<TermRelationKind, (term: string, other: string) => string> = {
  'broader-term': (term, other) => `**Not a variant of ${other}**: ${term} is the broader term.`,
  'narrower-term': (term, other) => `**Not a variant of ${other}**: ${term} is the narrower term.`,
  'former-name': (term, other) => `**Not a variant of ${other}**: ${term} is its former name.`,
  'older-expansion': (term, other) => `**Not a variant of ${other}**: ${term} is an older expansion of it.`,
};

/** Markdown describing a knowledge-base entry: the part of the hover that does not depend on the document. */
export function describeEntry(entry: TermEntry, knowledge: { byId(id: string): TermEntry | undefined } | undefined): string[] {
  const lines: string[] = [];
  const expansion = entry.expansions[0];
  // Two trailing spaces: a markdown line break between the heading line and the category.
  lines.push(`**${entry.preferred}**${expansion ? ` — ${expansion}` : ''}  `);
  lines.push(`*${CATEGORY_NAMES[entry.category] ?? entry.category}*`);
  lines.push('', entry.definition);
  if (entry.genes.length > 0) {
    lines.push('', `Gene${entry.genes.length > 1 ? 's' : ''}: ` + entry.genes.map((g) => `*${g.symbol}* ([NCBI Gene ${g.ncbiGeneId}](https://www.ncbi.nlm.nih.gov/gene/${g.ncbiGeneId}))`).join(', '));
  }
  if (entry.cellLine) lines.push('', describeCellLine(entry.cellLine));
  if (entry.variants.length > 0) lines.push('', `Also written: ${entry.variants.join(', ')}`);
  if (entry.notes) lines.push('', entry.notes);
  for (const relation of entry.relations ?? []) {
    const other = knowledge?.byId(relation.id);
    if (other) lines.push('', `${RELATION_LABELS[relation.kind](entry.preferred, other.preferred)} ${relation.note}`);
  }
  const related = entry.related.map((id) => knowledge?.byId(id)?.preferred).filter((p): p is string => Boolean(p));
  if (related.length > 0) lines.push('', `Related: ${related.join(', ')}`);
  if (entry.sources?.length) lines.push('', `Sources: ${entry.sources.map((s) => `${sourceLink(s.id)} (${s.supports})`).join('; ')}`);
  return lines;
}

/** One line on a cell line's origin, its accession linked, and a misidentification warning. */
function describeCellLine(facts: CellLineFacts): string {
  const accession = facts.cellosaurus ? ` · Cellosaurus [${facts.cellosaurus}](https://www.cellosaurus.org/${facts.cellosaurus})` : '';
  const warning = facts.misidentified ? `  \n**Misidentified line:** ${facts.misidentified}` : '';
  return `Cell line: ${facts.species}, ${facts.tissue}${accession}${warning}`;
}

/** A source identifier as a markdown link to PubMed, doi.org or ClinicalTrials.gov. */
function sourceLink(id: string): string {
  if (id.startsWith('PMID:')) return `[PMID ${id.slice(5)}](https://pubmed.ncbi.nlm.nih.gov/${id.slice(5)}/)`;
  if (id.startsWith('doi:')) return `[doi:${id.slice(4)}](https://doi.org/${id.slice(4)})`;
  return `[${id}](https://clinicaltrials.gov/study/${id})`;
}

/** Where the document defines `key` for the scope of a use at `offset`. */
function whereDefined(model: DocumentModel, scopes: ScopeDefinitions, needs: DefinitionNeeds, key: string, scope: string, offset: number): string {
  const site = scopes.siteOf(scope, key, needs);
  if (site?.definition.origin) {
    const origin = site.definition.origin;
    const where = origin.listed ? 'a list of abbreviations in this book' : 'an earlier file of this book';
    return `Defined in ${fileNameOf(origin.uri)} on line ${origin.range.start.line + 1} as '${site.definition.long.replace(/\s+/g, ' ')}' (${where}).`;
  }
  if (site) {
    const line = model.lines.lineAt(site.definition.shortStart) + 1;
    const how = site.parts ? `through its parts (${site.parts.map((d) => withoutGlyphFill(d.short)).join(', ')})` : `as '${site.definition.long.replace(/\s+/g, ' ')}'`;
    if (site.from > offset) return `Defined ${describeScope(scope)} on line ${line} ${how} — after this use.`;
    return `Defined ${describeScope(scope)} on line ${line} ${how}.`;
  }
  if (needs.isExempt(key)) return `Needs no definition.`;
  const elsewhere: AbbreviationDefinition | undefined = model.byKey.get(key)?.definitions[0];
  return elsewhere
    ? `Not defined ${describeScope(scope)} (defined ${describeScope(elsewhere.scope)}, line ${model.lines.lineAt(elsewhere.shortStart) + 1}).`
    : `Not yet defined ${describeScope(scope)}.`;
}

/**
 * Hover on a known term, variant or abbreviation: the knowledge-base entry (preferred form,
 * expansion, definition, genes with NCBI links, notes, related terms) and where this document
 * defines it in the current scope; on an abbreviation only the author defined, their definition.
 */
export function hoverAt(model: DocumentModel, position: Position, scopes: ScopeDefinitions, needs: DefinitionNeeds): Hover | null {
  const offset = model.lines.offsetAt(position);
  const mention = mentionAt(model, offset);
  const term = termAt(model, offset);
  const knowledge = model.knowledge;
  const lines: string[] = [];
  let start: number;
  let end: number;

  const entry = term ? knowledge?.byId(term.entryId) : mention ? entryForKey(knowledge, mention.key) : undefined;
  if (term && entry && (!mention || term.end - term.start >= mention.end - mention.start)) {
    start = term.start;
    end = term.end;
    if (term.kind === 'discouraged') {
      const discouraged = entry.discouraged.find((d) => d.form === term.form);
      if (discouraged) lines.push(`⚠ **${term.form}** is discouraged: ${discouraged.reason} Write **${discouraged.replacement}**.`, '', '---', '');
    }
    lines.push(...describeEntry(entry, knowledge));
    if (term.otherEntryIds && term.otherEntryIds.length > 0) {
      const others = term.otherEntryIds.map((id) => knowledge?.byId(id)).filter((e): e is TermEntry => Boolean(e));
      for (const other of others) lines.push('', '---', '', `Also: **${other.preferred}**${other.expansions[0] ? ` — ${other.expansions[0]}` : ''}`);
    }
  } else if (mention) {
    start = mention.start;
    end = mention.end;
    if (entry) {
      lines.push(...describeEntry(entry, knowledge));
    } else {
      const own = model.byKey.get(mention.key)?.definitions.find((d) => d.scope === mention.scope) ?? model.byKey.get(mention.key)?.definitions[0];
      lines.push(own ? `**${mention.key}** — ${own.long.replace(/\s+/g, ' ')}` : `**${mention.key}**`);
      lines.push('*Defined in this document*');
    }
  } else {
    return null;
  }
  const key = mention && mention.start <= start + 1 && mention.end >= end - 1 ? mention.key : entry?.expansions.length ? (mention?.key ?? entry.preferred) : undefined;
  const scope = model.blockScopes[mention ? mention.block : (term?.block ?? 0)] ?? 'main';
  if (key && (entry?.expansions.length ?? 1) > 0) {
    lines.push('', '---', '', `In this document: ${whereDefined(model, scopes, needs, key, scope, start)}`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: model.lines.rangeOf(start, end) };
}
