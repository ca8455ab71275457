import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import type { KnowledgeBase } from '../knowledge/types';
import { blockGeneContextCandidates, insideEmphasis, isItalic, touchesEmphasis } from '../model/geneContext';
import { entryForKey, type Finding, type RuleContext } from './types';

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

/** A human symbol: one the knowledge base names, or an official one it gives no other meaning (`EFS` is event-free survival). */
function isHumanGeneSymbol(symbol: string, known: Set<string> | undefined, knowledge: KnowledgeBase | undefined): boolean {
  if (known?.has(symbol)) return true;
  return isOfficialGeneSymbol(symbol) && !entryForKey(knowledge, symbol);
}

/** True after the end of a sentence or at the start of a block, where any word is capitalised. */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '*' || text[i] === '_' || text[i] === '(' || text[i] === '"')) i--;
  return i < 0 || /[.!?:\n]/u.test(text[i]!);
}

/**
 * A mouse gene symbol (title case: `Cish`, `Tgfbr2`, `Ly6a`): the title-cased form of a
 * human symbol (orthologues share their symbol), or a family name with a number and a
 * letter (`Ly6a`, `Ly6c`). Ordinary words are capitalised at a sentence start, so a
 * symbol there counts only with a digit; a term the knowledge base knows is that term.
 */
function isMouseGeneSymbol(text: string, symbol: string, start: number, known: Set<string> | undefined, knowledge: KnowledgeBase | undefined): boolean {
  if (!/^[A-Z][a-z][a-z0-9]*$/u.test(symbol) || entryForKey(knowledge, symbol)) return false;
  const hasDigit = /\d/u.test(symbol);
  if (!hasDigit && startsSentence(text, start)) return false;
  const upper = symbol.toUpperCase();
  if (known?.has(upper) || isOfficialGeneSymbol(upper)) return true;
  return /^[A-Z][a-z]{1,3}\d{1,2}[a-z]$/u.test(symbol);
}

/**
 * `gene-not-italic`: a gene symbol in a clear gene context (`CISH knockout`, `TGFBR2 KO`,
 * `sgRNA targeting KLRC1`, `LY6E mRNA`, `Ly6a-deficient`) written in roman; the fix
 * italicises it. Human symbols come from the knowledge base and the official symbol list;
 * mouse symbols from their shape, and their fix is not applied unattended. The protein
 * (`CD19 CAR`, `anti-CD19`, `targeting CD19`, `CD19-directed`) is never reported.
 */
export function checkGeneItalics(context: RuleContext): Finding[] {
  const { model, knowledge } = context;
  const known = knowledge ? geneSymbols(knowledge) : undefined;
  const masked = model.prose.masked;
  const findings: Finding[] = [];
  const reported = new Set<number>();
  const { blocks } = model.prose;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const candidates = blockGeneContextCandidates(masked, block.start, model.blockTokens[index]!, block.end);
    for (let i = 0; i < candidates.length; i++) {
      const written = candidates[i]!.symbol;
      const runStart = block.start + candidates[i]!.start;
      checkCandidate(written, runStart);
    }
  }
  return findings.sort((a, b) => a.start - b.start);

  /** Reports the candidate `written` at `runStart` when it is a gene symbol in roman. */
  function checkCandidate(written: string, runStart: number): void {
    // `CISH`, `HLA-E`; in `IL15-CISH` the last part; never after `anti-` (the protein).
    const hyphen = Math.max(written.lastIndexOf('-'), written.lastIndexOf('\u2010'), written.lastIndexOf('\u2011'));
    const whole = isHumanGeneSymbol(written, known, knowledge) || isMouseGeneSymbol(masked, written, runStart, known, knowledge);
    const symbol = whole ? written : hyphen > 0 ? written.slice(hyphen + 1) : written;
    const start = whole ? runStart : runStart + (hyphen > 0 ? hyphen + 1 : 0);
    if (!whole && (hyphen < 0 || /^anti$/iu.test(written.slice(0, hyphen).split(/[-\u2010\u2011]/u).pop() ?? ''))) return;
    if (/^anti[-\u2010\u2011]/iu.test(written)) return;
    const end = start + symbol.length;
    if (reported.has(start)) return;
    const human = isHumanGeneSymbol(symbol, known, knowledge);
    if (!human && !isMouseGeneSymbol(masked, symbol, start, known, knowledge)) return;
    // Emphasis delimiters are masked in the prose map: italics are read from the text itself.
    const text = model.text;
    if (isItalic(text, start, end) || touchesEmphasis(text, start, end) || insideEmphasis(text, start)) return;
    reported.add(start);
    findings.push({
      rule: 'gene-not-italic',
      start,
      end,
      message: `'${symbol}' names the gene here; gene symbols are written in italics ('*${symbol}*'), protein names in roman.`,
      data: { symbol },
      fixes: [{ title: `Italicise '${symbol}'`, edits: [{ start, end, newText: `*${symbol}*` }], safe: human }],
    });
  }
}
