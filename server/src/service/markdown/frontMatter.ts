import { isMap, isScalar, parseDocument } from 'yaml';
import type { Span } from './inlineExclusions';

/** Front matter at the top of a document and the prose it carries. */
export interface FrontMatter extends Span {
  /** `yaml` (`---`) or `toml` (`+++`). */
  format: 'yaml' | 'toml';
  /** Prose spans of the `title` and `subtitle` values, at their real offsets. */
  title: Span[];
  /** Prose spans of the `abstract` value, one per paragraph, at their real offsets. */
  abstract: Span[];
  /** The parsed YAML value (plain data), or undefined when it did not parse. */
  data: unknown;
}

const YAML_OPEN = /^---[ \t]*\r?\n/;
const TOML_OPEN = /^\+\+\+[ \t]*\r?\n/;

/** Finds the end of the front matter block opened at `offset`, or -1. */
function findClosing(text: string, from: number, closers: RegExp): { contentEnd: number; blockEnd: number } | undefined {
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (closers.test(line)) return { contentEnd: lineStart, blockEnd: lineEnd };
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/** Splits a value's source span into paragraphs (blank-line separated), trimming indentation-only edges. */
function paragraphs(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = start;
  let from = start;
  for (;;) {
    const match = blank.exec(text);
    const stop = match && match.index < end ? match.index : end;
    let trimmed = stop;
    while (trimmed > from && /\s/.test(text[trimmed - 1]!)) trimmed--;
    if (trimmed > from) spans.push({ start: from, end: trimmed });
    if (!match || match.index >= end) break;
    from = match.index + match[0].length;
  }
  return spans;
}

/** The prose span of a scalar value node inside the front matter. */
function scalarProse(text: string, base: number, node: unknown): Span[] {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
  let start = base + node.range[0];
  let end = base + node.range[1];
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start += 1;
    end -= 1;
  } else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const newline = text.indexOf('\n', start);
    start = newline < 0 || newline >= end ? end : newline + 1;
  }
  return end > start ? paragraphs(text, start, end) : [];
}

/**
 * Recognises YAML (`---`) or TOML (`+++`) front matter at the very start of `text`
 * (after an optional byte-order mark) and locates the prose of its `title`,
 * `subtitle` and `abstract` values. Malformed YAML yields no prose, never an error.
 */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = text.slice(bom, bom + 8);
  const isYaml = YAML_OPEN.test(head);
  const isToml = !isYaml && TOML_OPEN.test(head);
  if (!isYaml && !isToml) return undefined;
  const contentStart = text.indexOf('\n', bom) + 1;
  const closing = findClosing(text, contentStart, isYaml ? /^(?:---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/);
  if (!closing) return undefined;
  // The same front matter again (each keystroke below it, each request of one version): its parse.
  const source = text.slice(0, closing.blockEnd);
  const known = parsedFrontMatter.get(source);
  if (known) return known;
  const matter = parseFrontMatter(text, isYaml, contentStart, closing);
  parsedFrontMatter.set(source, matter);
  if (parsedFrontMatter.size > PARSED_LIMIT) parsedFrontMatter.delete(parsedFrontMatter.keys().next().value as string);
  return matter;
}

/**
 * Front matters parsed lately, by their text: the result depends on nothing after it, and
 * callers only read it. Bounded, first in first out.
 */
const parsedFrontMatter = new Map<string, FrontMatter>();
const PARSED_LIMIT = 32;

/** Parses the front matter whose content runs from `contentStart` to `closing`. */
function parseFrontMatter(text: string, isYaml: boolean, contentStart: number, closing: { contentEnd: number; blockEnd: number }): FrontMatter {
  const matter: FrontMatter = {
    start: 0,
    end: closing.blockEnd,
    format: isYaml ? 'yaml' : 'toml',
    title: [],
    abstract: [],
    data: undefined,
  };
  if (!isYaml) return matter;
  try {
    const source = text.slice(contentStart, closing.contentEnd);
    const doc = parseDocument(source, { uniqueKeys: false });
    if (doc.errors.length === 0) matter.data = doc.toJS();
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
        const target = key === 'title' || key === 'subtitle' ? matter.title : key === 'abstract' ? matter.abstract : undefined;
        if (target) for (const span of scalarProse(text, contentStart, pair.value)) target.push(span);
      }
    }
  } catch {
    // Malformed front matter: treat it all as non-prose.
  }
  return matter;
}
