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
const TOKEN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu;

/**
 * `gene-not-italic`: a human gene symbol in a gene context (`CISH knockout`, `TGFBR2 KO`,
 * `sgRNA targeting KLRC1`) written in roman type; the fix italicises it.
 */
export function checkGeneItalics(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  if (!knowledge) return [];
  const symbols = geneSymbols(knowledge);
  if (symbols.size === 0) return [];
  const findings: Finding[] = [];
  const masked = model.prose.masked;
  for (const block of model.prose.blocks) {
    const slice = masked.slice(block.start, block.end);
    for (const match of slice.matchAll(TOKEN)) {
      const parts = match[0].split('-');
      // The whole token (HLA-E) or its first part before a hyphenated context (CISH-knockout).
      let symbol: string | undefined;
      for (let k = parts.length; k >= 1 && !symbol; k--) {
        const candidate = parts.slice(0, k).join('-');
        if (symbols.has(candidate)) symbol = candidate;
      }
      if (!symbol) continue;
      const start = block.start + match.index!;
      const end = start + symbol.length;
      if (isItalic(masked, start, end) || !isGeneContext(masked, start, end)) continue;
      findings.push({
        rule: 'gene-not-italic',
        start,
        end,
        message: `'${symbol}' names the gene here; gene symbols are written in italics ('*${symbol}*'), protein names in roman.`,
        data: { symbol },
        fixes: [{ title: `Italicise '${symbol}'`, edits: [{ start, end, newText: `*${symbol}*` }], safe: true }],
      });
    }
  }
  return findings;
}
