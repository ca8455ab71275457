import type { KnowledgeBase } from '../knowledge/types';
import { isGeneContext, isItalic } from './geneContext';
import type { Finding, RuleContext } from './types';

const symbolSets = new WeakMap<KnowledgeBase, Set<string>>();

/** Every official gene symbol the knowledge base names (computed once per knowledge base). */
export function geneSymbols(knowledge: KnowledgeBase): Set<string> {
  let symbols = symbolSets.get(knowledge);
  if (!symbols) {
    symbols = new Set(knowledge.entries.flatMap((entry) => entry.genes.map((gene) => gene.symbol)));
    symbolSets.set(knowledge, symbols);
  }
  return symbols;
}

// Gene symbols start with a capital letter: tokens that do not are skipped by the pattern itself.
/**
 * `gene-not-italic`: a human gene symbol in a gene context (`CISH knockout`, `TGFBR2 KO`,
 * `sgRNA targeting KLRC1`) written in roman type; the fix italicises it. Gene symbols are
 * abbreviation-shaped, so the candidates are the model's mentions.
 */
export function checkGeneItalics(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  if (!knowledge) return [];
  const symbols = geneSymbols(knowledge);
  if (symbols.size === 0) return [];
  const findings: Finding[] = [];
  const masked = model.prose.masked;
  for (let i = 0; i < model.mentions.length; i++) {
    const mention = model.mentions[i]!;
    // The whole mention (HLA-E) or its first part (CISH in CISH-KO).
    const hyphen = mention.text.indexOf('-');
    const head = hyphen < 0 ? undefined : mention.text.slice(0, hyphen);
    const symbol = symbols.has(mention.text) ? mention.text : head !== undefined && symbols.has(head) ? head : undefined;
    if (!symbol) continue;
    const start = mention.start;
    const end = start + symbol.length;
    // Emphasis delimiters are masked in the prose map: italics are read from the text itself.
    if (isItalic(model.text, start, end) || !isGeneContext(masked, start, end)) continue;
    findings.push({
      rule: 'gene-not-italic',
      start,
      end,
      message: `'${symbol}' names the gene here; gene symbols are written in italics ('*${symbol}*'), protein names in roman.`,
      data: { symbol },
      fixes: [{ title: `Italicise '${symbol}'`, edits: [{ start, end, newText: `*${symbol}*` }], safe: true }],
    });
  }
  return findings;
}
