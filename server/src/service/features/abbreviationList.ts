import type { DocumentModel } from '../model/documentModel';

/** How the list of abbreviations is written. */
export type AbbreviationListFormat = 'table' | 'paragraph';

/** The list text, and the existing list it replaces (offsets), if the document has one. */
export interface AbbreviationListEdit {
  text: string;
  replace?: { start: number; end: number };
}

/**
 * The manuscript's list of abbreviations: every abbreviation defined in the main text (or
 * the document scope), sorted case-insensitively, with the expansion as first written; as a
 * markdown table or a journal-style `Abbreviations:` paragraph. Replaces an existing list
 * (an `Abbreviations:` paragraph or the entries of a section headed Abbreviations) in the
 * main text; otherwise it is inserted at the cursor.
 */
export function abbreviationList(model: DocumentModel, format: AbbreviationListFormat): AbbreviationListEdit {
  const chosen = new Map<string, string>();
  const mainScopes = new Set(['main', 'document']);
  for (const definition of model.definitions) {
    if (!mainScopes.has(definition.scope) || definition.pattern === 'list') continue;
    if (!chosen.has(definition.key)) chosen.set(definition.key, definition.long.replace(/\s+/g, ' ').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
  }
  // Keep entries that only an existing list defines (the author may have added them by hand).
  for (const definition of model.definitions) {
    if (mainScopes.has(definition.scope) && definition.pattern === 'list' && !chosen.has(definition.key)) chosen.set(definition.key, definition.long);
  }
  const rows = [...chosen.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b));
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  // Write the list with the document's own line endings.
  const eol = /\r\n/u.test(model.text) ? '\r\n' : '\n';
  const text =
    format === 'table'
      ? ['| Abbreviation | Definition |', '|---|---|', ...rows.map(([short, long]) => `| ${escape(short)} | ${escape(long)} |`)].join(eol)
      : `Abbreviations: ${rows.map(([short, long]) => `${short}, ${long}`).join('; ')}.`;

  const listBlocks = [...new Set(model.definitions.filter((d) => mainScopes.has(d.scope) && d.pattern === 'list').map((d) => d.block))].sort((a, b) => a - b);
  if (listBlocks.length === 0) return { text };
  const first = model.prose.blocks[listBlocks[0]!]!;
  const last = model.prose.blocks[listBlocks[listBlocks.length - 1]!]!;
  // Where the list begins: an `Abbreviations:` label inside a paragraph, else the block.
  let start = model.abbreviationLists.get(listBlocks[0]!)?.start ?? first.start;
  // A table list: take in its header and delimiter rows, which hold no definitions.
  if (first.kind === 'table-row') {
    // Walk back over the table's header and delimiter lines (any line ending).
    let line = model.lines.lineAt(start);
    while (line > 0 && /^\s*\|/u.test(model.text.slice(model.lines.lineStart(line - 1), model.lines.lineEnd(line - 1)))) line--;
    start = model.lines.lineStart(line);
  }
  return { text, replace: { start, end: last.end } };
}
