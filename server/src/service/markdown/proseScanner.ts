import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { findFrontMatter, type FrontMatter } from './frontMatter';
import { LineIndex } from '../text/lineIndex';
import { findInlineExclusions, type HtmlComment, type Span } from './inlineExclusions';

/** What kind of text a prose block is. */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'table-row';

/** The part of a manuscript a block belongs to, as journals divide it. */
export type Region =
  | { kind: 'title' }
  | { kind: 'abstract' }
  | { kind: 'main' }
  | { kind: 'legend'; label: string };

/** One block of prose: a paragraph, heading, table row, or a front-matter value. */
export interface ProseBlock extends Span {
  kind: BlockKind;
  region: Region;
  /** Heading level 1-6 for headings. */
  level?: number;
}

/** The prose of a document: which characters are prose, grouped into blocks. */
export interface ProseMap {
  /**
   * The document text with every non-prose character replaced by a space (line
   * breaks kept), so offsets into it are offsets into the document.
   */
  masked: string;
  /** Prose blocks in document order. */
  blocks: ProseBlock[];
  /** HTML comments anywhere in the document (for inline directives). */
  comments: HtmlComment[];
  /** Front matter, if any. */
  frontMatter?: FrontMatter;
  /** Line index of the document text (built once, shared with the document model). */
  lines: LineIndex;
}

/** Section headings whose content is not linted (compared lower-case, trailing colon and numbering removed). */
const UNLINTED_SECTIONS = new Set([
  'references', 'bibliography', 'literature cited', 'works cited', 'cited literature',
  'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment',
  'funding', 'funding information', 'author contributions', 'authors contributions', "authors' contributions",
  'keywords', 'key words', 'competing interests', 'conflict of interest', 'conflicts of interest',
  'declaration of competing interest', 'disclosures',
]);

const ABSTRACT_SECTIONS = new Set(['abstract', 'summary abstract', 'structured abstract']);

/** Headings that are the abstract only when they come before any main-text heading (Lancet's `Summary`). */
const LEADING_SUMMARY_SECTIONS = new Set(['summary', 'author summary', 'lay summary', 'plain language summary']);

/** The parts of a structured abstract, when written as sub-headings right under the abstract heading. */
const STRUCTURED_ABSTRACT_PARTS = new Set([
  'background', 'context', 'introduction', 'objective', 'objectives', 'aim', 'aims', 'purpose', 'design', 'setting',
  'participants', 'patients', 'interventions', 'method', 'methods', 'main outcome measures', 'measurements',
  'results', 'findings', 'conclusion', 'conclusions', 'interpretation', 'significance', 'funding',
]);

/** Section names that are never a document title, so a leading `# Introduction` stays main text. */
const SECTION_NAMES = new Set([
  'introduction', 'background', 'methods', 'materials and methods', 'results', 'discussion', 'conclusion',
  'conclusions', 'abstract', 'summary', 'overview', 'contents',
]);

/** `Figure 1.`, `**Fig. 2**`, `*Table S3:*`, `Supplementary Figure 4 |` at the start of a paragraph. */
const LEGEND_START =
  /^[ \t]*(?:[*_]{1,3})?[ \t]*((?:Supplementary |Extended Data |Suppl\. )?(?:Figure|Fig\.|Table|Tab\.)[ \t\u00a0]*S?\d+[A-Za-z]?)[ \t]*(?:[*_]{1,3})?[ \t]*[.:|—–-]/;
const TABLE_CAPTION = /^[ \t]*(?:Table)?:[ \t]+\S/;
const DIV_FENCE = /^[ \t]*(:{3,})[ \t]*(.*?)[ \t]*$/;
const KEYWORDS_LINE = /^[ \t]*(?:[*_]{1,2})?[ \t]*(?:Key ?words|Keywords)[ \t]*(?:[*_]{1,2})?[ \t]*:/i;

let parser: MarkdownIt | undefined;

/** A block-only markdown-it: inline parsing happens in our own scanner, with exact offsets. */
function blockParser(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt({ html: true, linkify: false, typographer: false });
    // `normalize` is done by `markdownSource` only when needed: markdown-it's own pass copies
    // the whole text twice even when there is nothing to change.
    parser.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return parser;
}


function normaliseHeading(raw: string): string {
  return raw
    .replace(/\{[^}]*\}\s*$/, '')
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, '')
    .replace(/[:.]\s*$/, '')
    .trim()
    .toLowerCase();
}

/** An open pandoc fenced div and the legend label it carries, if it is a figure or table div. */
interface OpenDiv {
  colons: number;
  legend?: string;
}

/**
 * Scans a markdown (or plain-text) document into prose blocks. Block structure comes
 * from markdown-it (with pandoc fenced-div fences and front matter blanked out first,
 * so line numbers stay put); everything inline is found by `findInlineExclusions`.
 */
export function scanProse(text: string, format: 'markdown' | 'text'): ProseMap {
  if (format === 'text') return scanPlainText(text);

  const lines = new LineIndex(text);
  const lineCount = lines.lineCount;
  const lineEnd = (line: number): number => lines.lineEnd(line);
  const lineText = (line: number): string => text.slice(lines.lineStart(line), lineEnd(line));

  const frontMatter = findFrontMatter(text);
  const frontMatterLines = frontMatter ? lines.lineAt(frontMatter.end) + 1 : 0;

  // Pandoc fenced divs: record their fences and the legend label of figure/table divs.
  const divLegendByLine: (string | undefined)[] = new Array(lineCount);
  const fenceLines = new Set<number>();
  const divStack: OpenDiv[] = [];
  let inCodeFence: string | undefined;
  for (let line = frontMatterLines; line < lineCount; line++) {
    // Only a line whose first non-blank character is a backtick, tilde or colon can open or
    // close a code fence or a div: look at the rest without slicing them.
    let first = lines.lineStart(line);
    while (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09) first++;
    const marker = text.charCodeAt(first);
    if (marker !== 0x60 && marker !== 0x7e && marker !== 0x3a) {
      divLegendByLine[line] = divStack[divStack.length - 1]?.legend;
      continue;
    }
    const content = lineText(line);
    const codeFence = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(content);
    if (codeFence) {
      const marker = codeFence[1]!;
      if (inCodeFence === undefined) inCodeFence = marker;
      else if (marker[0] === inCodeFence[0] && marker.length >= inCodeFence.length && content.trim() === marker) inCodeFence = undefined;
    }
    if (inCodeFence === undefined && !codeFence) {
      const fence = DIV_FENCE.exec(content);
      if (fence) {
        const colons = fence[1]!.length;
        const info = fence[2]!;
        if (info === '' || /^:*$/.test(info)) {
          if (divStack.length > 0) {
            // a bare fence closes the innermost open div
            divStack.pop();
            fenceLines.add(line);
            continue;
          }
        } else {
          const id = /#((?:fig|tbl)-[\w:.-]+)/.exec(info)?.[1];
          divStack.push({ colons, legend: id ?? divStack[divStack.length - 1]?.legend });
          fenceLines.add(line);
          continue;
        }
      }
    }
    divLegendByLine[line] = divStack[divStack.length - 1]?.legend;
  }

  // The copy markdown-it sees: front matter and div fences blanked (same line count), line
  // breaks as markdown-it's normalize rule makes them (CRLF and CR to LF) and NUL replaced.
  // Lines are re-joined with LF: blanking in place could join a lone CR before a blanked line
  // and the LF after it into one CRLF, losing a line.
  let source = text;
  if (frontMatterLines > 0 || fenceLines.size > 0) {
    const copy: string[] = [];
    for (let line = 0; line < lineCount; line++) {
      copy.push(line < frontMatterLines || fenceLines.has(line) ? '' : lineText(line));
    }
    source = copy.join('\n');
  } else if (text.includes('\r')) {
    source = text.replace(/\r\n?/g, '\n');
  }
  if (source.includes('\0')) source = source.replace(/\0/g, '\uFFFD');

  const tokens = blockParser().parse(source, {});

  const blocks: ProseBlock[] = [];
  const comments: HtmlComment[] = [];
  const proseSpans: Span[] = [];
  const excluded: Span[] = [];

  if (frontMatter) {
    for (const span of frontMatter.title) {
      blocks.push({ ...span, kind: 'title', region: { kind: 'title' } });
      proseSpans.push(span);
    }
    for (const span of frontMatter.abstract) {
      blocks.push({ ...span, kind: 'paragraph', region: { kind: 'abstract' } });
      proseSpans.push(span);
    }
  }
  const hasFrontMatterTitle = (frontMatter?.title.length ?? 0) > 0;

  // Section state while walking headings.
  let skipSectionLevel = 0; // > 0 while inside an unlinted section of that level
  // > 0 while inside the abstract section headed at that level; it ends at the next heading
  // (parts of a structured abstract excepted) or at a thematic break.
  let abstractSectionLevel = 0;
  let abstractHasParts = false; // sub-headings such as `Background`, `Methods` right under the abstract heading
  let abstractHasBody = false;
  let sawMainHeading = false; // a heading of the main text: a `Summary` after it closes the paper
  let sawBodyBlock = false;
  let pendingTableLegend: string | undefined; // a `Table:` caption just seen, applying to the next table
  let currentTableRows: ProseBlock[] = [];

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.type === 'html_block' && token.map) {
      const start = lines.lineStart(token.map[0]);
      const end = lineEnd(token.map[1] - 1);
      const body = text.slice(start, end);
      let at = body.indexOf('<!--');
      while (at >= 0) {
        const close = body.indexOf('-->', at + 4);
        comments.push({ start: start + at, end: close >= 0 ? start + close + 3 : end, body: body.slice(at + 4, close >= 0 ? close : body.length).trim() });
        if (close < 0) break;
        at = body.indexOf('<!--', close + 3);
      }
      continue;
    }
    if (token.type === 'hr') {
      abstractSectionLevel = 0;
      continue;
    }
    if (token.type === 'table_open') {
      currentTableRows = [];
      continue;
    }
    if (token.type === 'table_close') {
      if (pendingTableLegend) {
        for (const row of currentTableRows) if (row.region.kind === 'main') row.region = { kind: 'legend', label: pendingTableLegend };
        pendingTableLegend = undefined;
      }
      currentTableRows = [];
      continue;
    }
    const isHeading = token.type === 'heading_open';
    const isParagraph = token.type === 'paragraph_open';
    const isRow = token.type === 'tr_open';
    if (!(isHeading || isParagraph || isRow) || !token.map) continue;

    const [firstLine, endLine] = token.map;
    const inline = tokens[t + 1];
    const rawContent = inline?.type === 'inline' ? inline.content : '';

    if (isHeading) {
      const level = Number(token.tag.slice(1)) || 1;
      const name = normaliseHeading(rawContent);
      if (skipSectionLevel > 0 && level <= skipSectionLevel) skipSectionLevel = 0;
      if (abstractSectionLevel > 0) {
        const isPart = level > abstractSectionLevel && STRUCTURED_ABSTRACT_PARTS.has(name) && (abstractHasParts || !abstractHasBody);
        if (isPart) abstractHasParts = true;
        else abstractSectionLevel = 0;
      }
      if (UNLINTED_SECTIONS.has(name)) {
        skipSectionLevel = level;
        continue;
      }
      const isTitle = token.tag === 'h1' && !sawBodyBlock && !hasFrontMatterTitle && !SECTION_NAMES.has(name);
      if (ABSTRACT_SECTIONS.has(name) || (LEADING_SUMMARY_SECTIONS.has(name) && !sawMainHeading)) {
        abstractSectionLevel = level;
        abstractHasParts = false;
        abstractHasBody = false;
      } else if (abstractSectionLevel === 0 && !isTitle) {
        sawMainHeading = true;
      }
    }
    if (skipSectionLevel > 0) continue;

    const start = lines.lineStart(firstLine);
    const end = lineEnd(endLine - 1);
    const firstText = lineText(firstLine);
    let region: Region = { kind: 'main' };
    let kind: BlockKind = isHeading ? 'heading' : isRow ? 'table-row' : 'paragraph';
    const divLegend = divLegendByLine[firstLine];

    if (isParagraph && KEYWORDS_LINE.test(firstText)) continue;

    if (isHeading && token.tag === 'h1' && !sawBodyBlock && !hasFrontMatterTitle && !SECTION_NAMES.has(normaliseHeading(rawContent))) {
      region = { kind: 'title' };
      kind = 'title';
    } else if (divLegend) {
      region = { kind: 'legend', label: divLegend };
    } else if (abstractSectionLevel > 0 && !isHeading) {
      region = { kind: 'abstract' };
      abstractHasBody = true;
    } else if (isParagraph) {
      const legend = LEGEND_START.exec(firstText);
      const imageLabel = legend ? undefined : standaloneImageLabel(text, start, end);
      if (legend) {
        region = { kind: 'legend', label: legend[1]!.replace(/[\t\u00a0]+/g, ' ') };
      } else if (imageLabel !== undefined) {
        region = { kind: 'legend', label: imageLabel || `image at line ${firstLine + 1}` };
      } else if (TABLE_CAPTION.test(firstText)) {
        const id = /\{[^}]*#([\w:.-]+)[^}]*\}\s*$/.exec(text.slice(start, end))?.[1];
        const label = id ?? `Table caption at line ${firstLine + 1}`;
        region = { kind: 'legend', label };
        // A pandoc table caption sits right before or right after its table.
        const previous = blocks[blocks.length - 1];
        if (previous?.kind === 'table-row' && currentTableRows.length === 0 && tableEndsRightBefore(tokens, t)) {
          for (let b = blocks.length - 1; b >= 0 && blocks[b]!.kind === 'table-row' && blocks[b]!.region.kind === 'main'; b--) {
            blocks[b]!.region = region;
          }
        } else {
          pendingTableLegend = label;
        }
      }
    }
    if (!isHeading) sawBodyBlock = true;

    const block: ProseBlock = { start, end, kind, region };
    if (isHeading) block.level = Number(token.tag.slice(1)) || 1;
    blocks.push(block);
    if (isRow) currentTableRows.push(block);
    proseSpans.push({ start, end });

    // Container and heading markers on each line are not prose.
    for (let line = firstLine; line < endLine; line++) {
      const ls = lines.lineStart(line);
      const le = lineEnd(line);
      const content = text.slice(ls, le);
      const marker = /^[ \t]*(?:>[ \t]?)*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:#{1,6}(?=[ \t]|$))?/.exec(content);
      if (marker && marker[0].length > 0) excluded.push({ start: ls, end: ls + marker[0].length });
      if (isHeading) {
        const closing = /[ \t]+#+[ \t]*$/.exec(content);
        if (closing) excluded.push({ start: ls + closing.index, end: le });
        if (line > firstLine && /^[ \t]*(?:=+|-+)[ \t]*$/.test(content)) excluded.push({ start: ls, end: le });
      }
    }
  }

  for (const block of blocks) {
    const inline = findInlineExclusions(text, block.start, block.end);
    // Loops, not push(...spans): a paragraph may hold more spans than a call takes arguments.
    for (const span of inline.spans) excluded.push(span);
    for (const comment of inline.comments) comments.push(comment);
  }
  if (text.charCodeAt(0) === 0xfeff) excluded.push({ start: 0, end: 1 });

  const masked = buildMask(text, proseSpans, excluded);
  comments.sort((a, b) => a.start - b.start);
  blocks.sort((a, b) => a.start - b.start);
  const map: ProseMap = { masked, blocks, comments, lines };
  if (frontMatter) map.frontMatter = frontMatter;
  return map;
}

/**
 * The legend label of a paragraph that is one image with a caption, `![caption](fig.png){#fig:x}`,
 * on one line or several (Manubot writes `![` alone on its line, the caption below): the
 * attribute's id, else the image's target, else `''`. `undefined` when the paragraph is not
 * one image. Brackets are balanced, so a caption may hold links and citations.
 */
function standaloneImageLabel(text: string, start: number, end: number): string | undefined {
  let at = start;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  if (text[at] !== '!' || text[at + 1] !== '[') return undefined;
  const captionEnd = balancedClose(text, at + 1, end, '[', ']');
  if (captionEnd < 0 || text[captionEnd + 1] !== '(') return undefined;
  const targetEnd = balancedClose(text, captionEnd + 1, end, '(', ')');
  if (targetEnd < 0) return undefined;
  let rest = text.slice(targetEnd + 1, end);
  const attribute = /^\{[^}]*\}/.exec(rest);
  if (attribute) rest = rest.slice(attribute[0].length);
  if (/\S/.test(rest)) return undefined;
  const id = attribute ? /#([\w:.-]+)/.exec(attribute[0])?.[1] : undefined;
  return id ?? /^\(\s*<?([^()\s>]*)/.exec(text.slice(captionEnd + 1, targetEnd + 1))?.[1] ?? '';
}

/** Index of the `closer` matching the `opener` at `open` (nesting and backslash escapes allowed), or -1 before `end`. */
function balancedClose(text: string, open: number, end: number, opener: string, closer: string): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return k;
  }
  return -1;
}

/** True when the tokens just before index `t` close a table (a caption written after its table). */
function tableEndsRightBefore(tokens: Token[], t: number): boolean {
  for (let k = t - 1; k >= 0; k--) {
    const type = tokens[k]!.type;
    if (type === 'table_close') return true;
    if (!type.endsWith('_close')) return false;
  }
  return false;
}


/** Plain text: every paragraph is prose in the main region. */
function scanPlainText(text: string): ProseMap {
  const blocks: ProseBlock[] = [];
  const paragraph = /[^\r\n]+(?:\r\n?[^\r\n]+|\n[^\r\n]+)*/g;
  let bomSkip = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const match of text.matchAll(paragraph)) {
    const start = match.index! + bomSkip;
    bomSkip = 0;
    const end = match.index! + match[0].length;
    if (/\S/.test(text.slice(start, end))) blocks.push({ start, end, kind: 'paragraph', region: { kind: 'main' } });
  }
  const masked = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  return { masked, blocks, comments: [], lines: new LineIndex(text) };
}

/** Masks everything outside `prose`, then everything inside `excluded`, keeping line breaks. */
function buildMask(text: string, prose: Span[], excluded: Span[]): string {
  const keep = new Uint8Array(text.length);
  for (const span of prose) keep.fill(1, Math.max(0, span.start), Math.min(text.length, span.end));
  for (const span of excluded) keep.fill(0, Math.max(0, span.start), Math.min(text.length, span.end));
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || keep[i] !== keep[runStart]) {
      const run = text.slice(runStart, i);
      if (keep[runStart]) parts.push(run);
      else parts.push(/[\r\n]/.test(run) ? run.replace(/[^\r\n]/g, ' ') : ' '.repeat(run.length));
      runStart = i;
    }
  }
  return parts.join('');
}
