import { officialGeneSymbolsOf } from '../knowledge/geneSymbols';
import { entryForKey, type RuleContext } from './types';

/**
 * The official gene symbols an undefined key stands for, when it reads as a standard gene
 * symbol (`BCL2`, `LY6E`, the complex `GOLGA7-ZDHHC5`), which many journals let authors use
 * undefined. Not when something gives the letters another meaning: a knowledge-base term
 * written the same way (whose own entry decides), a definition of the key anywhere in the
 * document or its book (the author treats it as an abbreviation), or a plural anywhere (`MSCs`, `CADs`:
 * gene symbols take no plural).
 */
export function standardGeneSymbols(context: RuleContext, key: string): string[] | undefined {
  const symbols = officialGeneSymbolsOf(key);
  if (!symbols) return undefined;
  if (entryForKey(context.knowledge, key) || symbols.some((symbol) => entryForKey(context.knowledge, symbol))) return undefined;
  // A definition in another file of the book counts as one here (`Pacific Oncology Network (PON)` there).
  if (context.definedLater?.has(key) || context.scopes.inheritedFor('main', key)) return undefined;
  const uses = context.model.byKey.get(key);
  if (!uses || uses.definitions.length > 0) return uses ? undefined : symbols;
  const text = context.model.text;
  for (let i = 0; i < uses.mentions.length; i++) {
    const end = uses.mentions[i]!.end;
    if (text[end] === 's' && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? ' ')) return undefined;
  }
  return symbols;
}
