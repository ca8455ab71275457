import type { Hover, Position } from 'vscode-languageserver-types';
import type { AbbreviationMention, DocumentModel } from '../model/documentModel';
import { describeScope } from '../rules/abbreviationRules';

/** The mention covering `offset` (its end included, as editors place the cursor after a word). */
export function mentionAt(model: DocumentModel, offset: number): AbbreviationMention | undefined {
  const mentions = model.mentions;
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = mentions[mid]!;
    if (offset < mention.start) high = mid - 1;
    else if (offset > mention.end) low = mid + 1;
    else return mention;
  }
  return undefined;
}

/**
 * Hover for an abbreviation the document uses: its expansion as this document defines
 * it, and where (or that it is not yet defined in this scope).
 */
export function hoverAt(model: DocumentModel, position: Position): Hover | null {
  const offset = model.lines.offsetAt(position);
  const mention = mentionAt(model, offset);
  if (!mention) return null;
  const group = model.byKey.get(mention.key);
  const inScope = group?.definitions.filter((d) => d.scope === mention.scope) ?? [];
  const lines: string[] = [];
  const first = inScope[0];
  if (first) {
    lines.push(`**${mention.key}** — ${first.long.replace(/\s+/g, ' ')}`);
    const line = model.lines.lineAt(first.shortStart) + 1;
    lines.push('', `Defined ${describeScope(mention.scope)} on line ${line}${first.shortStart > mention.start ? ', after this use' : ''}.`);
  } else {
    lines.push(`**${mention.key}**`, '', `Not defined ${describeScope(mention.scope)}.`);
    const elsewhere = group?.definitions[0];
    if (elsewhere) lines.push(`Defined ${describeScope(elsewhere.scope)} on line ${model.lines.lineAt(elsewhere.shortStart) + 1} as '${elsewhere.long.replace(/\s+/g, ' ')}'.`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: model.lines.rangeOf(mention.start, mention.end) };
}
