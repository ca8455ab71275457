import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { findFrontMatter, type FrontMatter } from './frontMatter';
import { LineIndex } from '../text/lineIndex';
import { GLYPH_FILL, isWhitespaceUnit } from '../text/characters';
import { findInlineExclusions, type HtmlComment, type Span } from './inlineExclusions';
import { texCaptions } from './texCaptions';
import { cellCaptions } from './cellCaptions';

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
  /** Heading level 1-6 for headings; 7 for a heading written as a bold paragraph (`**Abstract**`). */
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
  /** Each block's inline exclusions, handed to the next scan of the same document (see `InlineCache`). */
  inlineCache: InlineCache;
  /** What the scan was made of, for the next version's rescan of one edited paragraph (`proseRescan.ts`); only without carriage returns. */
  layers?: ScanLayers;
  /**
   * Set when the map was made by shifting the previous version's (`proseRescan.ts`): the blocks
   * keep their indices, and the masked text is the previous one before `from` and, moved by the
   * edit's length, from `to` on.
   */
  shifted?: { from: number; to: number };
}

/** The parts of a scan that a rescan shifts or re-reads, parallel to `ProseMap.blocks`. */
export interface ScanLayers {
  /** Non-prose spans from the block structure (line markers, code-cell caption markers, a byte-order mark). */
  structural: Span[];
  /** HTML comments of HTML blocks (not found inline). */
  structuralComments: HtmlComment[];
  /** Each block's inline exclusions, relative to its start. */
  inline: BlockInline[];
  /** Whether each block is a paragraph of markdown-it's (not a heading, row, caption option or front-matter value). */
  paragraph: boolean[];
}

/** A block's inline exclusions with offsets relative to the block's start. */
export interface BlockInline {
  spans: Span[];
  comments: HtmlComment[];
}

/**
 * Inline exclusions by the text they were read from: the block, three characters before it
 * and eighty after it. `findInlineExclusions` reads no further from a block (a look-behind of
 * three characters; a look-ahead of at most 79 past the block's last line break; its patterns
 * stop at a line break or find a match past the block, which it drops, wherever that ends).
 * So a keystroke re-reads only the blocks near it.
 */
export type InlineCache = Map<string, BlockInline>;

/** Characters before and after a block that decide its inline exclusions (see `InlineCache`). */
export const INLINE_LOOK_BEHIND = 3;
export const INLINE_LOOK_AHEAD = 80;

/** Section headings whose content is not linted (compared lower-case, trailing colon and numbering removed). */
const UNLINTED_SECTIONS = new Set([
  'references', 'bibliography', 'literature cited', 'works cited', 'cited literature',
  'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment',
  'funding', 'funding information', 'author contributions', 'authors contributions', "authors' contributions",
  'keywords', 'key words', 'competing interests', 'conflict of interest', 'conflicts of interest',
  'declaration of competing interest', 'disclosures',
  'authors', 'author', 'author list', 'affiliations', 'affiliation', 'author affiliations', 'author information',
  'corresponding author', 'correspondence',
  // Who took part and where they work (a study's or a data paper's contributors, per site), and
  // a list of papers a data set appeared in: names, addresses and titles, not the author's prose.
  'contributors', 'contributor', 'related publications',
]);

/**
 * The same sections named in other words (`Authors affiliations`, `Authors and affiliations`, `Authors' contribution`,
 * `Corresponding authors`, `Word count`, `Declaration of interests`): the title page and back
 * matter, not the paper's prose; so are a thesis's lists of its author's publications,
 * presentations and awards, whose titles are quoted as published (a bare `Presentations` only
 * after the publications: a review may present a disease under that name). A thesis's
 * `Contributions` without the authors are its own prose. A funding statement under another name
 * than `Funding` (`Funding sources`, `Funding statement`) is read: copy-editors ask for funders'
 * names in full there (`NIFA`, `BBSRC`).
 */
const UNLINTED_SECTION_NAME =
  /^(?:(?:authors?(?:['\u2019]|,? and)? )?affiliations?|authors?['\u2019]? contributions?|corresponding authors?|word counts?|(?:conflicts?|declarations?) of interests?|competing interests? statement|(?:list of )?publications(?: (?:in preparation|arising from this (?:thesis|work)|and presentations))?|(?:conference|oral|poster|invited) presentations)$/u;
/**
 * The title page's sections: the authors, their affiliations, the corresponding author. Written
 * at any level (`# Authors and affiliations` above `## Introduction`), each ends at the next heading.
 */
const TITLE_PAGE_SECTION = /^(?:authors?(?: list| information)?|(?:authors?(?:['\u2019]|,? and)? )?affiliations?|corresponding authors?|correspondence)$/u;
/** A thesis's list of an author's outputs, a section whose bare name (`Presentations`, `Awards`) is back matter only after a list of publications. */
const PUBLICATIONS_SECTION = /^(?:list of )?publications\b/u;
const OUTPUTS_AFTER_PUBLICATIONS = /^(?:presentations|talks|posters|awards(?: and prizes)?|prizes)$/u;

const ABSTRACT_SECTIONS = new Set(['abstract', 'summary abstract', 'structured abstract']);

/**
 * Headings that are the abstract only when they come before any main-text heading (Lancet's
 * `Summary`; a report's or a white paper's `Executive summary`, an analysis report's `Analysis summary`).
 */
const LEADING_SUMMARY_SECTIONS = new Set(['summary', 'author summary', 'lay summary', 'plain language summary', 'executive summary', 'analysis summary']);
/** Sections of the front matter that leave a summary after them leading: a list of abbreviations, the keywords. */
const FRONT_SECTION = /^(?:(?:list of )?abbreviations(?: used| and acronyms)?|key ?words)$/u;

/**
 * Sections of highlights: bullet points that stand apart from the paper, as Cell Press's
 * `Highlights` or a `Summary points` box. They are read like the title: an abbreviation there is
 * no first use and needs no definition, so the paper's first use is in its text.
 */
const HIGHLIGHTS_SECTIONS = new Set(['highlights', 'research highlights', 'summary points', 'key points']);

/**
 * The parts of a structured abstract, when written as sub-headings right under the abstract
 * heading; with those Bioinformatics and other Oxford journals print (`Motivation`, `Availability
 * and implementation`, `Contact`, `Supplementary information`).
 */
const STRUCTURED_ABSTRACT_PARTS = new Set([
  'background', 'context', 'introduction', 'objective', 'objectives', 'aim', 'aims', 'purpose', 'design', 'setting',
  'participants', 'patients', 'interventions', 'method', 'methods', 'main outcome measures', 'measurements',
  'results', 'findings', 'conclusion', 'conclusions', 'interpretation', 'significance', 'funding',
  'motivation', 'availability and implementation', 'availability', 'contact', 'supplementary information',
]);

/** Section names that are never a document title, so a leading `# Introduction` stays main text. */
const SECTION_NAMES = new Set([
  'introduction', 'background', 'methods', 'materials and methods', 'results', 'discussion', 'conclusion',
  'conclusions', 'abstract', 'summary', 'overview', 'contents',
]);

/** A figure's or table's label opening a paragraph, perhaps in emphasis: `Figure 1`, `**Fig. 2`, `Supplementary Table S3` (group 1). */
const LEGEND_LABEL = String.raw`^[ \t]*(?:[*_]{1,3})?[ \t]*((?:Supplementary |Extended Data |Suppl\. )?(?:Figure|Fig\.|Table|Tab\.)[ \t\u00a0]*S?\d+[A-Za-z]?)`;
/** `Figure 1.`, `**Fig. 2**`, `*Table S3:*`, `Supplementary Figure 4 |` at the start of a paragraph. */
const LEGEND_START = new RegExp(String.raw`${LEGEND_LABEL}[ \t]*(?:[*_]{1,3})?[ \t]*[.:|\u2014\u2013-]`);
/** In a legends section, a paragraph opening with a figure's or table's label and its words, no stop between (`Figure 1 (A) and (E) are …`). */
const SECTION_LEGEND_START = new RegExp(String.raw`${LEGEND_LABEL}(?:[*_]{1,3})?[ \t\u00a0]+\S`);
const TABLE_CAPTION = /^[ \t]*(?:Table)?:[ \t]+\S/;
/** `Table:` alone on its line: a caption only when its text follows on the next line. */
const BARE_TABLE_CAPTION = /^[ \t]*Table:[ \t\r]*$/;

/**
 * Whether a block opening with `firstText` is pandoc's table caption: `Table: text`, `: text`, or
 * `Table:` alone with its text on the line under it (`rest`, what follows the first line).
 */
function isTableCaption(firstText: string, rest: string): boolean {
  return TABLE_CAPTION.test(firstText) || (BARE_TABLE_CAPTION.test(firstText) && /^\r?\n?[ \t]*\S/.test(rest));
}
/** A box's heading: `Box 1: …`, `**Box 2.** …`, its number the label. */
const BOX_HEADING = /^[ \t]*(?:[*_]{1,3})?[ \t]*Box[ \t\u00a0]+(\d{1,2}[A-Za-z]?)(?![\p{L}\p{N}])/u;
/** A paragraph that says it is a caption or legend, with no number of its own (`Caption Figure:`, `**Legend.**`, `Figure:`). */
const CAPTION_PARAGRAPH_START = /^[ \t]*(?:[*_]{1,3})?[ \t]*(?:(?:Caption|Legend)(?:[ \t]+(?:[Ff]igure|[Ff]ig\.))?|Figure|Fig\.)[ \t]*(?:[*_]{1,3})?[ \t]*[:.]/;
/**
 * The opening of a table's note, as journals print one under a table: `Abbreviations: …`,
 * `Note: …`, a footnote mark (`^a^ …`, `* …`, `† …`), or a key's first pair (`DL, dose level;`,
 * `ECOG PS, Eastern …`), whose short form holds two capitals or a capital and a digit (so that
 * `However, the …` opens no key); in bold or italics as written (`*ESS: effective sample size*`).
 */
const TABLE_NOTE = /^[ \t]*(?:[*_]{1,2})?(?:(?:Abbreviations?|Notes?|Footnotes?|Key)\b|\^[a-z*†‡§¶]{1,3}\^|[*†‡§¶][ \t]|(?=[^ \t,:=]*[\p{Lu}\p{N}][^ \t,:=]*[\p{Lu}\p{N}])[\p{Lu}\p{N}][\p{L}\p{N}\-/+.]*(?:[ \t][\p{Lu}\p{N}][\p{L}\p{N}\-/+.]*)?(?:[*_]{1,2})?[ \t]*[,:=][ \t]+\p{L})/u;
/** The id of a caption's closing attribute (`{#tbl:x}`), the legend's label. */
const CAPTION_ID = /\{[^}]*#([\w:.-]+)[^}]*\}\s*$/;

/** The id a table caption gives its table in a closing attribute, if it gives one. */
function captionIdOf(caption: string): string | undefined {
  return CAPTION_ID.exec(caption)?.[1];
}
/**
 * The labels of bookdown text references given as short captions (`fig.scap='(ref:label)'` in a
 * chunk's options, `caption.short = "(ref:label)"` in a table's call): the entry a list of figures
 * or tables prints, read like a title, so an abbreviation there needs no definition.
 */
export function shortCaptionLabels(text: string): ReadonlySet<string> {
  const labels = new Set<string>();
  if (!text.includes('(ref:')) return labels;
  const fullCaptions = new Set<string>();
  for (const match of text.matchAll(CAPTION_REFERENCE)) (match[1] === 'fig.cap' || match[1] === 'caption' ? fullCaptions : labels).add(match[2]!);
  // A text given as a full caption too is a legend, whatever else prints it.
  for (const label of fullCaptions) labels.delete(label);
  return labels;
}
/** The options that give a caption's text, short or full. */
const CAPTION_OPTION = String.raw`fig\.scap|caption\.short|short\.caption|fig\.cap|caption`;
const CAPTION_REFERENCE = new RegExp(String.raw`\b(${CAPTION_OPTION})[ \t]*=[ \t]*["']\(ref:([^()\s'"]{1,200})\)["']`, 'g');
const CAPTION_OPTION_WORD = new RegExp(String.raw`\b(?:${CAPTION_OPTION})\b`, 'u');

/** True when `text` may give a text reference as a caption (a `(ref:` and a caption option's name): what {@link shortCaptionLabels} reads. */
export function mayGiveCaptionReference(text: string): boolean {
  return text.includes('(ref:') && CAPTION_OPTION_WORD.test(text);
}

/** A paragraph opening with a bookdown text reference, `(ref:label) …`: the label. */
const TEXT_REFERENCE_START = /^[ \t]*\(ref:([^()\s]{1,200})\)[ \t]/;
/** bookdown's numbered legend title, `__Figure \@ref(fig:label). Title.__`, `__Supplementary Figure S\@ref(fig:label). …__`: the chunk's label. */
const BOOKDOWN_LEGEND_START = /^[ \t]*(?:[*_]{1,3})?[ \t]*(?:Supplementary )?(?:Figure|Fig\.|Table)[ \t\u00a0]*S?\\@ref\((?:fig|tab):([^()\s]{1,200})\)[ \t]*(?:[*_]{1,3})?[ \t]*[.:|—–-]/;

/**
 * The label of the legend a paragraph opens, from its first line: a bookdown text reference
 * (`(ref:label) Caption.`, the caption a chunk's `fig.cap='(ref:label)'` prints), a bookdown
 * numbered title (`__Figure \@ref(fig:label). …__`, the legend of that chunk), or a written
 * label (`**Figure 2.**`, `Table S1:`). Undefined for any other paragraph.
 */
function legendLabelOf(firstText: string): string | undefined {
  const reference = TEXT_REFERENCE_START.exec(firstText) ?? BOOKDOWN_LEGEND_START.exec(firstText);
  if (reference) return reference[1]!;
  return LEGEND_START.exec(firstText)?.[1]!.replace(/[\t\u00a0]+/g, ' ');
}

/** A heading naming one figure or table inside a legends section (`### Figure 2`, `## Table S1: Datasets`). */
const LEGEND_HEADING = /^((?:supplementary |extended data )?(?:figure|fig\.|table)[ \t\u00a0]*s?\d+[a-z]?)(?![\p{L}\p{N}])/iu;

/**
 * A heading inside a legends section that is only the word Figure or Table and the id that names
 * it (`Figure: {#Figure1}`, scholdoc's): not `Figure legends`, `Table of abbreviations`, nor a
 * bare `Figure` that would give two figures one name.
 */
const UNNUMBERED_LEGEND_HEADING = /^(?:supplementary |extended data )?(?:figure|fig\.|table)[ \t]*[:.]?[ \t]*\{#([^\s}]+)[^}]*\}[ \t]*$/iu;

/** Words a legends section's heading is made of: `Figure legends`, `Figure Titles and Legends`, `Supplementary Figures and Tables`. */
const LEGEND_SECTION_WORDS = new Set([
  'figure', 'figures', 'table', 'tables', 'legend', 'legends', 'caption', 'captions', 'title', 'titles',
  'supplementary', 'supplemental', 'extended', 'expanded', 'view', 'data', 'additional', 'and', '&', 'with', 'their',
]);
/** Of which at least one must name figures, tables or their legends. */
const LEGEND_SECTION_NAMING = /^(?:figures?|tables?|legends?|captions?)$/;

/** True for a heading (normalised) that opens a section of figure and table legends. */
function isLegendSection(name: string): boolean {
  const words = name.split(/\s+/);
  return words.some((w) => LEGEND_SECTION_NAMING.test(w)) && words.every((w) => LEGEND_SECTION_WORDS.has(w));
}
/** A paragraph that is only the word Abstract in bold (`**Abstract**`, `__Abstract:__`): the abstract's heading. */
const BOLD_ABSTRACT_HEADING = /^[ \t]*(\*\*|__)[ \t]*Abstract[ \t]*:?[ \t]*\1[ \t]*:?[ \t]*$/i;
/** The level of a heading written as a bold paragraph: below every real heading, so the next one ends its section. */
const PSEUDO_HEADING_LEVEL = 7;
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
 * Pandoc fenced divs: the legend label each line sits under (figure and table divs), and the
 * fence lines; also the lines of raw LaTeX environments (`rawTexLines`).
 */
interface DivFences {
  legendByLine: (string | undefined)[];
  fenceLines: Set<number>;
  rawTexLines: Set<number>;
}

/**
 * A raw LaTeX environment opening at a line's start (`\begin{align*}`, `\begin{table}`): pandoc
 * passes it to LaTeX as it is, up to the line that closes it (`\end{align*}`), so none of it is
 * prose. Without that closing line nothing is taken out.
 */
const RAW_TEX_BEGIN = /^[ \t]{0,3}\\begin\{([A-Za-z]+\*?)\}/;
/** A LaTeX command alone on its line, with bracketed and braced arguments: `\newpage`, `\vspace{1cm}`, `\includegraphics[width=5cm]{a.pdf}`. */
const LONE_TEX_COMMAND = /^[ \t]{0,3}\\[A-Za-z]+\*?(?:\[[^\]\n]*\]|\{[^{}\n]*\})*[ \t]*$/;

/**
 * A file of a book or a Manubot manuscript named for the abstract (`abstract.Rmd`,
 * `00-abstract.Rmd`, `01.abstract.md`): bookdown and Manubot print its text where the abstract
 * goes, so what it writes before any heading is the abstract, even without an Abstract heading.
 */
export function isAbstractFile(uri: string): boolean {
  return ABSTRACT_FILE.test(uri);
}
const ABSTRACT_FILE = /(?:^|[/\\])(?:\d+[-_. ]*)?abstract\.(?:md|markdown|qmd|rmd)$/iu;

/** Marks the main-text blocks before the first heading as the abstract (see {@link isAbstractFile}). */
function readHeadlessAbstract(blocks: ProseBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'title') return;
    if (block.region.kind === 'main') block.region = { kind: 'abstract' };
  }
}

/**
 * The title page: what stands between the title and an abstract headed as such (the byline,
 * affiliations, correspondence, funding, notes to co-authors), read in the title's region, where
 * abbreviations are used without that counting as a first use. Only when no heading but the
 * abstract's own comes before the abstract: a paper that opens with other sections keeps them.
 * A summary for readers announced on the title page (`**Summary**:`, `**Significance**`) is
 * printed with the paper, and it and what follows it stay main text. `blocks` are in document order.
 */
function readTitlePage(text: string, blocks: ProseBlock[]): void {
  const abstract = blocks.findIndex((block) => block.region.kind === 'abstract');
  if (abstract <= 0) return;
  const heading = blocks[abstract - 1]!.kind === 'heading' ? abstract - 1 : abstract;
  for (let k = 0; k < heading; k++) if (blocks[k]!.kind === 'heading') return;
  for (let k = 0; k < heading; k++) {
    const block = blocks[k]!;
    if (READERS_SUMMARY_LINE.test(text.slice(block.start, block.end))) return;
    if (block.region.kind === 'main') block.region = { kind: 'title' };
  }
}
/**
 * A bold line announcing a part printed for readers before the abstract: `**Summary**:`,
 * `**Significance statement**`, `**Author summary:**`, Blood's `**Key Points**`, Cell Press's
 * `**Highlights**`.
 */
const READERS_SUMMARY_LINE = /^\*\*(?:summary|significance(?: statement)?|statement of significance|importance|(?:lay|plain language|author|research) summary|key points|highlights|graphical abstract|translational relevance):?\*\*:?[ \t]*(?:\n|$)/iu;

/**
 * Scans a markdown (or plain-text) document into prose blocks. Block structure comes
 * from markdown-it (with pandoc fenced-div fences and front matter blanked out first,
 * so line numbers stay put); everything inline is found by `findInlineExclusions`, or taken
 * from `previous` (the last scan's `inlineCache`) for a block whose surrounding text is unchanged.
 */
export function scanProse(text: string, format: 'markdown' | 'text', previous?: InlineCache, abstractFile = false): ProseMap {
  if (format === 'text') return scanPlainText(text);
  const lines = new LineIndex(text);
  const frontMatter = findFrontMatter(text);
  const frontMatterLines = frontMatter ? lines.lineAt(frontMatter.end) + 1 : 0;
  const divs = findDivFences(text, lines, frontMatterLines);
  const blanked = divs.rawTexLines.size > 0 ? new Set([...divs.fenceLines, ...divs.rawTexLines]) : divs.fenceLines;
  const tokens = blockParser().parse(parserSource(text, lines, frontMatterLines, blanked), {});

  const walk = new BlockWalk(text, lines, divs, tokens);
  if (frontMatter) {
    for (const span of frontMatter.title) walk.add({ ...span, kind: 'title', region: { kind: 'title' } });
    for (const span of frontMatter.abstract) walk.add({ ...span, kind: 'paragraph', region: { kind: 'abstract' } });
  }
  walk.hasFrontMatterTitle = (frontMatter?.title.length ?? 0) > 0;
  for (let t = 0; t < tokens.length; t++) walk.read(t);
  // The captions of raw LaTeX figures and tables, whose lines the parser never saw.
  if (divs.rawTexLines.size > 0) {
    for (const caption of texCaptions(text, lines, divs.rawTexLines)) {
      walk.add({ start: caption.start, end: caption.end, kind: 'paragraph', region: { kind: 'legend', label: caption.label } });
    }
  }

  const { blocks, comments, excluded, proseSpans } = walk;
  blocks.sort((a, b) => a.start - b.start);
  if (abstractFile) readHeadlessAbstract(blocks);
  readTitlePage(text, blocks);
  const inlineCache: InlineCache = new Map();
  // A lone carriage return is a line break the patterns' `[^\n]` runs over: no cache then.
  const cacheable = !text.includes('\r');
  if (text.charCodeAt(0) === 0xfeff) excluded.push({ start: 0, end: 1 });
  const structural = cacheable ? excluded.slice() : [];
  const structuralComments = cacheable ? comments.slice() : [];
  const inlines: BlockInline[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (!cacheable) {
      const inline = findInlineExclusions(text, block.start, block.end);
      // Loops, not push(...spans): a paragraph may hold more spans than a call takes arguments.
      for (const span of inline.spans) excluded.push(span);
      for (const comment of inline.comments) comments.push(comment);
      continue;
    }
    const inline = cachedInlineExclusions(text, block, previous, inlineCache);
    inlines.push(inline);
    const shift = block.start;
    // The plain span built here, not in `shifted`: objects from one shared site cost a one-paragraph
    // file of 400,000 citations some 100 MB more at its peak (measured on the 20 MB bench input).
    for (const span of inline.spans) excluded.push(span.glyph === undefined ? { start: span.start + shift, end: span.end + shift } : shifted(span, shift));
    for (const comment of inline.comments) comments.push({ start: comment.start + shift, end: comment.end + shift, body: comment.body });
  }

  const masked = buildMask(text, proseSpans, excluded);
  comments.sort((a, b) => a.start - b.start);
  const map: ProseMap = { masked, blocks, comments, lines, inlineCache };
  // A rescan rebuilds the masked text block by block: only when each block's exclusions stay inside it.
  if (cacheable && inlines.every((inline, b) => staysInside(inline, blocks[b]!))) map.layers = { structural, structuralComments, inline: inlines, paragraph: blocks.map((block) => walk.paragraphs.has(block)) };
  if (frontMatter) map.frontMatter = frontMatter;
  return map;
}

/** True when every inline exclusion and comment of a block (relative offsets) lies inside it. */
export function staysInside(inline: BlockInline, block: Span): boolean {
  const length = block.end - block.start;
  for (const span of inline.spans) if (span.start < 0 || span.end > length) return false;
  for (const comment of inline.comments) if (comment.start < 0 || comment.end > length) return false;
  return true;
}

/** The key of a block's inline exclusions in an `InlineCache`: the block's place in, and the text of, the window that decides them. */
export function inlineKeyOf(text: string, block: Span): string {
  const from = Math.max(0, block.start - INLINE_LOOK_BEHIND);
  const to = Math.min(text.length, block.end + INLINE_LOOK_AHEAD);
  return `${block.start - from},${block.end - block.start}\u0000${text.slice(from, to)}`;
}

/** A glyph span moved by `shift`, its glyph kept (callers build a span without one themselves, see `scanProse`). */
export function shifted(span: Span, shift: number): Span {
  return { start: span.start + shift, end: span.end + shift, glyph: span.glyph };
}

/** A block's inline exclusions, relative to its start: from `previous` when the text around it is unchanged. */
export function cachedInlineExclusions(text: string, block: Span, previous: InlineCache | undefined, next: InlineCache): BlockInline {
  const key = inlineKeyOf(text, block);
  let found = next.get(key) ?? previous?.get(key);
  if (!found) {
    const inline = findInlineExclusions(text, block.start, block.end);
    const shift = block.start;
    found = {
      spans: inline.spans.map((span) => (span.glyph === undefined ? { start: span.start - shift, end: span.end - shift } : shifted(span, -shift))),
      comments: inline.comments.map((comment) => ({ start: comment.start - shift, end: comment.end - shift, body: comment.body })),
    };
  }
  next.set(key, found);
  return found;
}

/** Records pandoc div fences and the legend label of figure and table divs, skipping code fences. */
function findDivFences(text: string, lines: LineIndex, frontMatterLines: number): DivFences {
  const lineCount = lines.lineCount;
  const legendByLine: (string | undefined)[] = new Array(lineCount);
  const fenceLines = new Set<number>();
  const rawTexLines = new Set<number>();
  const divStack: OpenDiv[] = [];
  let inCodeFence: string | undefined;
  // A raw LaTeX environment opened and not yet closed: its lines are blanked only once it closes.
  let openTex: OpenTexEnvironment | undefined;
  for (let line = frontMatterLines; line < lineCount; line++) {
    // Only a line whose first non-blank character is a backtick, tilde or colon can open or
    // close a code fence or a div, and one opening on a backslash a raw LaTeX environment: look
    // at the rest without slicing them.
    let first = lines.lineStart(line);
    while (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09) first++;
    const marker = text.charCodeAt(first);
    if (marker === 0x5c && inCodeFence === undefined) {
      // Raw LaTeX stands apart only where a block may start: inside a paragraph pandoc keeps it inline.
      const startsBlock = line === frontMatterLines || rawTexLines.has(line - 1) || isBlankLine(text, lines, line - 1);
      openTex = readTexLine(text.slice(lines.lineStart(line), lines.lineEnd(line)), line, startsBlock, openTex, rawTexLines);
      legendByLine[line] = divStack[divStack.length - 1]?.legend;
      continue;
    }
    // A heading, a code fence or a div fence ends the search for an environment's closing line.
    if (openTex && (marker === 0x23 || marker === 0x60 || marker === 0x7e || marker === 0x3a)) openTex = abandonTex(openTex, rawTexLines);
    if (marker !== 0x60 && marker !== 0x7e && marker !== 0x3a) {
      legendByLine[line] = divStack[divStack.length - 1]?.legend;
      continue;
    }
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line));
    const codeFence = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(content);
    if (codeFence) {
      const fence = codeFence[1]!;
      if (inCodeFence === undefined) inCodeFence = fence;
      else if (fence[0] === inCodeFence[0] && fence.length >= inCodeFence.length && content.trim() === fence) inCodeFence = undefined;
    }
    if (inCodeFence === undefined && !codeFence && readDivFence(content, divStack)) {
      fenceLines.add(line);
      continue;
    }
    legendByLine[line] = divStack[divStack.length - 1]?.legend;
  }
  if (openTex) abandonTex(openTex, rawTexLines);
  return { legendByLine, fenceLines, rawTexLines };
}

/** True when line `line` (from 0) holds only white space, or does not exist. */
function isBlankLine(text: string, lines: LineIndex, line: number): boolean {
  if (line < 0) return true;
  for (let at = lines.lineStart(line); at < lines.lineEnd(line); at++) if (!isWhitespaceUnit(text.charCodeAt(at))) return false;
  return true;
}

/**
 * A raw LaTeX environment whose closing line is still to come: its name, first line and nesting
 * depth, and whether its first line is a command alone where a block may start (`lone`).
 */
interface OpenTexEnvironment {
  name: string;
  start: number;
  depth: number;
  lone: boolean;
}

/**
 * Gives up an environment whose closing line never came (a heading, a fence or the end came
 * first): its lines stay prose, but a first line that is a command alone where a block may start
 * (`\begin{landscape}` above a caption) is raw LaTeX as any such command is. Returns undefined.
 */
function abandonTex(open: OpenTexEnvironment, rawTexLines: Set<number>): undefined {
  if (open.lone) rawTexLines.add(open.start);
  return undefined;
}

/**
 * Reads a line opening on a backslash (`content`, line number `line`, where a block may start when
 * `startsBlock`) for raw LaTeX (see {@link RAW_TEX_BEGIN}): a command alone is that line; an
 * environment opened and closed on the line is that line; one opened is
 * followed, same-named ones nested inside it counted, to the line that closes it, and then every
 * line from its first is added to `rawTexLines`. Returns the environment still open.
 */
function readTexLine(content: string, line: number, startsBlock: boolean, open: OpenTexEnvironment | undefined, rawTexLines: Set<number>): OpenTexEnvironment | undefined {
  if (!open) {
    if (!startsBlock) return undefined;
    const name = RAW_TEX_BEGIN.exec(content)?.[1];
    if (name === undefined) {
      // A command alone on its line (`\newpage`, `\blandscape`, `\vspace{1cm}`) is raw LaTeX too.
      if (LONE_TEX_COMMAND.test(content)) rawTexLines.add(line);
      return undefined;
    }
    if (content.includes(`\\end{${name}}`)) {
      rawTexLines.add(line);
      return undefined;
    }
    return { name, start: line, depth: 1, lone: LONE_TEX_COMMAND.test(content) };
  }
  const trimmed = content.trimStart();
  if (trimmed.startsWith(`\\begin{${open.name}}`) && !trimmed.includes(`\\end{${open.name}}`)) open.depth++;
  else if (trimmed.startsWith(`\\end{${open.name}}`)) open.depth--;
  if (open.depth > 0) return open;
  for (let inside = open.start; inside <= line; inside++) rawTexLines.add(inside);
  return undefined;
}

/** Opens or closes a div on a fence line (updating `divStack`); false when the line is no fence. */
function readDivFence(content: string, divStack: OpenDiv[]): boolean {
  const fence = DIV_FENCE.exec(content);
  if (!fence) return false;
  const info = fence[2]!;
  if (info === '' || /^:*$/.test(info)) {
    // a bare fence closes the innermost open div
    if (divStack.length === 0) return false;
    divStack.pop();
    return true;
  }
  const id = /#((?:fig|tbl)-[\w:.-]+)/.exec(info)?.[1];
  divStack.push({ colons: fence[1]!.length, legend: id ?? divStack[divStack.length - 1]?.legend });
  return true;
}

/**
 * The copy markdown-it sees: front matter and div fences blanked (same line count), line
 * breaks as markdown-it's normalize rule makes them (CRLF and CR to LF) and NUL replaced.
 * Lines are re-joined with LF: blanking in place could join a lone CR before a blanked line
 * and the LF after it into one CRLF, losing a line.
 */
function parserSource(text: string, lines: LineIndex, frontMatterLines: number, fenceLines: ReadonlySet<number>): string {
  let source = text;
  if ((frontMatterLines > 0 || fenceLines.size > 0) && !text.includes('\r')) {
    // Line feeds only: the text is already its lines joined with LF; cut out the blanked lines' contents.
    const blanked = [...fenceLines].sort((a, b) => a - b);
    const pieces: string[] = [];
    let cursor = 0;
    const blank = (line: number) => {
      pieces.push(text.slice(cursor, lines.lineStart(line)));
      cursor = lines.lineEnd(line);
    };
    for (let line = 0; line < frontMatterLines; line++) blank(line);
    for (const line of blanked) if (line >= frontMatterLines) blank(line);
    pieces.push(text.slice(cursor));
    source = pieces.join('');
  } else if (frontMatterLines > 0 || fenceLines.size > 0) {
    const copy: string[] = [];
    for (let line = 0; line < lines.lineCount; line++) {
      copy.push(line < frontMatterLines || fenceLines.has(line) ? '' : text.slice(lines.lineStart(line), lines.lineEnd(line)));
    }
    source = copy.join('\n');
  } else if (text.includes('\r')) {
    source = text.replace(/\r\n?/g, '\n');
  }
  if (source.includes('\0')) source = source.replace(/\0/g, '\uFFFD');
  if (source.includes('<!--')) source = withCommentsInParagraphs(source);
  return source.includes('![') ? withCaptionsWhole(source) : source;
}

/** A line of a caption that CommonMark would read as a new block: a list item, a quotation or a heading. */
const BLOCK_START = /\n( {0,3})(?:\d{1,9}[.)]|[-*+>]|#{1,6})(?=[ \t]|\n|$)/g;

/**
 * The source with each multi-line image caption kept whole: the lines between `![` and its `](`
 * (no blank line between) that open with a list marker, a quotation mark or a heading's `#` (`1)
 * an LV-based regression model, …`) are text of the caption, as pandoc reads them, where
 * CommonMark would start a list there and leave `![` unclosed. The marker's first character is
 * written as a letter for markdown-it alone (same length, same lines).
 */
function withCaptionsWhole(source: string): string {
  let result: string[] | undefined;
  let cursor = 0;
  // Work stays linear in the text for any input (`![![![…` unclosed): captions are read within a budget.
  let budget = 4 * source.length + 100_000;
  for (let open = source.indexOf('!['); open >= 0 && budget > 0; open = source.indexOf('![', open + 2)) {
    const close = captionClose(source, open + 2);
    budget -= (close < 0 ? Math.min(20_000, source.length - open) : close - open);
    if (close < 0) continue;
    const caption = source.slice(open, close);
    if (!caption.includes('\n')) continue;
    BLOCK_START.lastIndex = 0;
    const rewritten = caption.replace(BLOCK_START, (marker, indent: string) => `\n${indent}x${marker.slice(2 + indent.length)}`);
    if (rewritten === caption) continue;
    result ??= [];
    result.push(source.slice(cursor, open), rewritten);
    cursor = close;
    open = close - 2;
  }
  if (!result) return source;
  result.push(source.slice(cursor));
  return result.join('');
}

/** True when the line starting at `start` holds only spaces and tabs. */
function isBlankLineAfter(source: string, start: number): boolean {
  let i = start;
  while (i < source.length && (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09)) i++;
  return i >= source.length || source.charCodeAt(i) === 0x0a;
}

/** Where the `](` closing a caption opened before `from` stands, or -1: brackets balanced, no blank line on the way, at most 20,000 characters. */
function captionClose(source: string, from: number): number {
  let depth = 0;
  const end = Math.min(source.length, from + 20_000);
  for (let i = from; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x5b /* [ */) depth++;
    else if (c === 0x5d /* ] */) {
      if (depth === 0) return source.charCodeAt(i + 1) === 0x28 /* ( */ ? i : -1;
      depth--;
    } else if (c === 0x0a && isBlankLineAfter(source, i + 1)) return -1;
  }
  return -1;
}

/**
 * A line opening with an HTML comment that closes on the same line, right after a line of text:
 * `…;⏎<!-- a note -->⏎MS: …`. A comment running over several lines is left to markdown-it: turned
 * into text, it would end at a blank line or a list item inside it, and expose what it hides.
 */

/**
 * The source with each HTML comment that opens a line right after a line of text kept inside
 * that paragraph, as pandoc keeps it (Manubot, Quarto and R Markdown build with pandoc): a
 * figure's caption with a commented-out key entry (`![…⏎<!-- … -->⏎MS: multiple sclerosis…](f.svg)`)
 * is one caption. CommonMark lets the comment interrupt the paragraph instead, which cut the
 * caption in two. The comment's `<` is written as a letter for markdown-it alone (same length,
 * same lines); the inline pass still reads the comment in the text and masks it.
 */
export function withCommentsInParagraphs(source: string): string {
  let pieces: string[] | undefined;
  let cursor = 0;
  // Found by its opening alone, then its line read around it: linear in the text (a lookbehind
  // over the line before, tried at every position, read each line again for each character).
  for (let open = source.indexOf('<!--'); open >= 0; open = source.indexOf('<!--', open + 4)) {
    if (!opensLineAfterText(source, open) || !closesOnItsLine(source, open + 4)) continue;
    (pieces ??= []).push(source.slice(cursor, open), 'x');
    cursor = open + 1;
  }
  if (!pieces) return source;
  pieces.push(source.slice(cursor));
  return pieces.join('');
}

/** Whether `at` opens a line, after up to three spaces, and the line before holds text. */
function opensLineAfterText(source: string, at: number): boolean {
  let i = at - 1;
  for (let spaces = 0; i >= 0 && source.charCodeAt(i) === 0x20; i--) if (++spaces > 3) return false;
  if (i < 0 || source.charCodeAt(i) !== 0x0a) return false;
  for (i--; i >= 0; i--) {
    const code = source.charCodeAt(i);
    if (code === 0x0a) return false;
    if (!isWhitespaceUnit(code)) return true;
  }
  return false;
}

/** Whether `-->` follows `from` on the same line. */
function closesOnItsLine(source: string, from: number): boolean {
  const close = source.indexOf('-->', from);
  if (close < 0) return false;
  const lineEnd = source.indexOf('\n', from);
  return lineEnd < 0 || close < lineEnd;
}

/**
 * The walk over markdown-it's block tokens: which blocks are prose, in which region, and the
 * section state that decides it (unlinted sections, the abstract and its parts, tables and
 * their captions).
 */
class BlockWalk {
  readonly blocks: ProseBlock[] = [];
  readonly comments: HtmlComment[] = [];
  readonly proseSpans: Span[] = [];
  readonly excluded: Span[] = [];
  /** The blocks read from markdown-it's paragraphs. */
  readonly paragraphs = new Set<ProseBlock>();
  hasFrontMatterTitle = false;
  /** > 0 while inside an unlinted section of that level. */
  private skipSectionLevel = 0;
  /** > 0 while inside the abstract section headed at that level; it ends at the next heading (parts of a structured abstract excepted) or at a thematic break. */
  private abstractSectionLevel = 0;
  /** Sub-headings such as `Background`, `Methods` right under the abstract heading. */
  private abstractHasParts = false;
  private abstractHasBody = false;
  /** A heading of the main text was seen: a `Summary` after it closes the paper. */
  private sawMainHeading = false;
  private sawBodyBlock = false;
  /** > 0 while inside a section of highlights headed at that level; it ends at the next heading of that level or above, or at a thematic break. */
  private highlightsSectionLevel = 0;
  /**
   * A box opened by its heading (`## Box 1: Common uses of …`), as reviews print them beside the
   * text: read apart from the main text, as a legend is, until a heading of its level or higher.
   */
  private box: { level: number; region: Region; line: number } | undefined;
  /** > 0 while inside a section of figure and table legends headed at that level. */
  private legendSectionLevel = 0;
  /**
   * In a legends section, the legend the paragraphs now read belong to: opened by an image with
   * its caption, a `Figure 1.` paragraph or a `### Figure 1` heading, closed by the next of them,
   * another heading or a thematic break.
   */
  private openLegend: Region | undefined;
  /** A `Table:` caption just seen, applying to the next table. */
  private pendingTableLegend: string | undefined;
  private currentTableRows: ProseBlock[] = [];
  /** The line after the current table, from its `table_open` token. */
  private currentTableEnd = 0;
  /** A `Table:` caption markdown-it read as a row of the current table (see `captionRowRegion`). */
  private captionRow: Region | undefined;
  /** The legend of the captioned table just read, and the index of its last block (a row, its caption or a note): a note right after it joins it. */
  private tableLegend: { region: Region; lastBlock: number } | undefined;
  /** A thesis's list of publications was read: its presentations and awards may follow under their bare names. */
  private sawPublications = false;
  /** The labels of text references given as short captions (see {@link shortCaptionLabels}), read when first needed. */
  private shortCaptions: ReadonlySet<string> | undefined;
  /** A figure just read with an empty caption (`![](fig.png){#fig:x}`), and where it ends: a `Caption: …` paragraph right under it is its legend. */
  private captionlessImage: { region: Region; end: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly divs: DivFences,
    private readonly tokens: Token[],
  ) {}

  /** Adds a prose block. */
  add(block: ProseBlock): void {
    this.blocks.push(block);
    this.proseSpans.push({ start: block.start, end: block.end });
  }

  /** Reads token `t`: structure tokens update the state; headings, paragraphs and table rows may become blocks. */
  read(t: number): void {
    const token = this.tokens[t]!;
    switch (token.type) {
      case 'html_block':
        if (token.map) this.readHtmlComments(token.map);
        return;
      case 'fence':
        if (token.map && this.skipSectionLevel === 0) this.readCellCaptions(token.info, token.map);
        return;
      case 'hr':
        this.abstractSectionLevel = 0;
        this.highlightsSectionLevel = 0;
        this.openLegend = undefined;
        this.box = undefined;
        return;
      case 'table_open':
        this.currentTableRows = [];
        this.currentTableEnd = token.map?.[1] ?? 0;
        this.captionRow = undefined;
        return;
      case 'table_close':
        if (this.pendingTableLegend) {
          const label = this.pendingTableLegend;
          for (const row of this.currentTableRows) if (row.region.kind === 'main') row.region = { kind: 'legend', label };
          this.pendingTableLegend = undefined;
          this.tableLegend = { region: this.captionRow ?? { kind: 'legend', label }, lastBlock: this.blocks.length - 1 };
        }
        this.currentTableRows = [];
        this.captionRow = undefined;
        return;
      case 'heading_open':
      case 'paragraph_open':
      case 'tr_open':
        if (token.map) this.readBlock(t, token, token.map);
        return;
    }
  }

  /** The captions a code cell's options give its figure or table: each a legend of its own. */
  private readCellCaptions(info: string, [firstLine, endLine]: [number, number]): void {
    for (const caption of cellCaptions(this.text, this.lines, info, firstLine, endLine)) {
      const region: Region = { kind: 'legend', label: caption.label };
      this.add({ start: caption.start, end: caption.end, kind: 'paragraph', region });
      for (const marker of caption.markers) this.excluded.push(marker);
      // A note right under the cell (`*ESS: effective sample size …*`) goes on its table's legend.
      if (caption.table) this.tableLegend = { region, lastBlock: this.blocks.length - 1 };
    }
  }

  /** HTML comments in an HTML block, kept for inline directives. */
  private readHtmlComments(map: [number, number]): void {
    const start = this.lines.lineStart(map[0]);
    const end = this.lines.lineEnd(map[1] - 1);
    const body = this.text.slice(start, end);
    let at = body.indexOf('<!--');
    while (at >= 0) {
      const close = body.indexOf('-->', at + 4);
      this.comments.push({ start: start + at, end: close >= 0 ? start + close + 3 : end, body: body.slice(at + 4, close >= 0 ? close : body.length).trim() });
      if (close < 0) break;
      at = body.indexOf('<!--', close + 3);
    }
  }

  /** A heading's effect on the section state: leaving or entering the abstract or an unlinted section. Returns false for an unlinted heading. */
  private readHeading(level: number, name: string, isTitle: boolean, raw: string, line: number): boolean {
    if (this.box && level <= this.box.level) this.box = undefined;
    const box = BOX_HEADING.exec(raw);
    if (box) this.box = { level, region: { kind: 'legend', label: `Box ${box[1]!}` }, line };
    if (this.skipSectionLevel > 0 && level <= this.skipSectionLevel) this.skipSectionLevel = 0;
    if (this.highlightsSectionLevel > 0 && level <= this.highlightsSectionLevel) this.highlightsSectionLevel = 0;
    this.readLegendSectionHeading(level, name, raw);
    if (HIGHLIGHTS_SECTIONS.has(name)) {
      this.highlightsSectionLevel = level;
      return true;
    }
    if (this.abstractSectionLevel > 0) {
      const isPart = level > this.abstractSectionLevel && STRUCTURED_ABSTRACT_PARTS.has(name) && (this.abstractHasParts || !this.abstractHasBody);
      if (isPart) this.abstractHasParts = true;
      else this.abstractSectionLevel = 0;
    }
    if (PUBLICATIONS_SECTION.test(name)) this.sawPublications = true;
    if (UNLINTED_SECTIONS.has(name) || UNLINTED_SECTION_NAME.test(name) || (this.sawPublications && OUTPUTS_AFTER_PUBLICATIONS.test(name))) {
      // A title page's section (authors, affiliations) holds no subsections: the next heading of any level ends it.
      this.skipSectionLevel = TITLE_PAGE_SECTION.test(name) ? 6 : level;
      return false;
    }
    if (ABSTRACT_SECTIONS.has(name) || (LEADING_SUMMARY_SECTIONS.has(name) && !this.sawMainHeading)) {
      this.abstractSectionLevel = level;
      this.abstractHasParts = false;
      this.abstractHasBody = false;
    } else if (this.abstractSectionLevel === 0 && !isTitle && !FRONT_SECTION.test(name)) {
      this.sawMainHeading = true;
    }
    return true;
  }

  /** True when a pandoc div fence (`:::`) lies between two lines: a box opened inside a div ends with it. */
  private crossesDivFence(from: number, to: number): boolean {
    for (const fence of this.divs.fenceLines) if (fence > from && fence < to) return true;
    return false;
  }

  /** Entering or leaving a legends section; inside one, a heading naming a figure opens its legend. */
  private readLegendSectionHeading(level: number, name: string, raw: string): void {
    this.openLegend = undefined;
    if (this.legendSectionLevel > 0 && level <= this.legendSectionLevel) this.legendSectionLevel = 0;
    if (this.legendSectionLevel === 0) {
      if (isLegendSection(name)) this.legendSectionLevel = level;
      return;
    }
    const heading = raw.replace(/[*_]/g, '').trim();
    // `### Figure 2`, or a figure's heading that gives no number but an id (`### Figure: {#Figure1}`, scholdoc's), named by it.
    const label = LEGEND_HEADING.exec(heading)?.[1] ?? UNNUMBERED_LEGEND_HEADING.exec(heading)?.[1];
    if (label) this.openLegend = { kind: 'legend', label: label.replace(/[\t\u00a0]+/g, ' ') };
  }

  /**
   * A paragraph of a legends section: a legend that opens (an image with its caption, a
   * `Figure 1.` paragraph) or, after one, a further paragraph of that legend (its panels, notes).
   */
  private legendSectionRegion(region: Region, firstText: string): Region {
    if (region.kind !== 'legend') {
      // In a legends section the label needs no stop after it: `Figure 2 Technical variations in …`.
      const label = SECTION_LEGEND_START.exec(firstText)?.[1];
      if (label !== undefined) region = { kind: 'legend', label: label.replace(/[\t\u00a0]+/g, ' ') };
    }
    if (region.kind === 'legend') this.openLegend = region;
    else if (this.openLegend) return this.openLegend;
    return region;
  }

  /** A heading, paragraph or table row: its region, then the block with its line markers excluded. */
  private readBlock(t: number, token: Token, [firstLine, endLine]: [number, number]): void {
    const isHeading = token.type === 'heading_open';
    const isRow = token.type === 'tr_open';
    const inline = this.tokens[t + 1];
    const rawContent = inline?.type === 'inline' ? inline.content : '';
    const level = isHeading ? Number(token.tag.slice(1)) || 1 : 0;
    const isTitle = isHeading && token.tag === 'h1' && !this.sawBodyBlock && !this.hasFrontMatterTitle && !SECTION_NAMES.has(normaliseHeading(rawContent));
    if (isHeading && !this.readHeading(level, normaliseHeading(rawContent), isTitle, rawContent, firstLine)) return;
    const start = this.lines.lineStart(firstLine);
    const firstText = this.text.slice(start, this.lines.lineEnd(firstLine));
    if (this.skipSectionLevel > 0) {
      // Legends written after the references (`**Figure 1: Title.** …`, as a submission lists them)
      // end the unlinted section; the paragraphs after each belong to its legend, as in a legends section.
      if (isHeading || isRow || legendLabelOf(firstText) === undefined) return;
      this.legendSectionLevel = this.skipSectionLevel;
      this.skipSectionLevel = 0;
    }

    const end = this.lines.lineEnd(endLine - 1);
    if (!isHeading && !isRow && KEYWORDS_LINE.test(firstText)) return;
    // `**Abstract**` alone on its paragraph is the abstract's heading, written in bold.
    const boldHeading = !isHeading && !isRow && endLine === firstLine + 1 && BOLD_ABSTRACT_HEADING.test(firstText);
    if (boldHeading) {
      this.abstractSectionLevel = PSEUDO_HEADING_LEVEL;
      this.abstractHasParts = false;
      this.abstractHasBody = false;
    }
    let region: Region = { kind: 'main' };
    let kind: BlockKind = isHeading || boldHeading ? 'heading' : isRow ? 'table-row' : 'paragraph';
    const divLegend = this.divs.legendByLine[firstLine];
    if (isTitle) {
      region = { kind: 'title' };
      kind = 'title';
    } else if (divLegend) {
      region = { kind: 'legend', label: divLegend };
    } else if (this.highlightsSectionLevel > 0 && !isHeading) {
      region = { kind: 'title' };
    } else if (this.abstractSectionLevel > 0 && !isHeading && !boldHeading) {
      region = { kind: 'abstract' };
      this.abstractHasBody = true;
    } else if (isRow && (this.captionRow || (!firstText.includes('|') && isTableCaption(firstText, this.text.slice(start + firstText.length, start + firstText.length + 200))))) {
      region = this.captionRow ?? this.captionRowRegion(firstLine);
      kind = 'paragraph';
    } else if (!isHeading && !isRow) {
      region = this.paragraphRegion(t, start, end, firstLine, firstText);
      if (this.legendSectionLevel > 0) region = this.legendSectionRegion(region, firstText);
    }
    if (!isHeading) this.sawBodyBlock = true;
    if (this.box && this.crossesDivFence(this.box.line, firstLine)) this.box = undefined;
    if (this.box && region.kind === 'main') region = this.box.region;

    const block: ProseBlock = { start, end, kind, region };
    if (isHeading) block.level = level;
    else if (boldHeading) block.level = PSEUDO_HEADING_LEVEL;
    this.add(block);
    // A caption read from a table row is no paragraph a single-paragraph rescan could re-read alone.
    if (kind === 'paragraph' && !isRow) this.paragraphs.add(block);
    if (isRow) this.currentTableRows.push(block);
    this.excludeLineMarkers(firstLine, endLine, isHeading);
  }

  /** A paragraph of the main text may be a legend: `Figure 1.`, a captioned image, or a table caption (which also claims its table). */
  private paragraphRegion(t: number, start: number, end: number, firstLine: number, firstText: string): Region {
    const text = this.text;
    const legend = legendLabelOf(firstText);
    if (legend !== undefined) {
      // Only a text reference is a short caption's text; a chunk's numbered legend shares its label with none.
      const reference = TEXT_REFERENCE_START.exec(firstText)?.[1];
      if (reference !== undefined && (this.shortCaptions ??= shortCaptionLabels(text)).has(reference)) return { kind: 'title' };
      // `**Table 2.** Title.` right above a table is that table's caption: it claims the table.
      if (/^Tab/.test(legend) && this.tokens[t + 3]?.type === 'table_open' && this.tokens[t + 2]?.type === 'paragraph_close') this.pendingTableLegend = legend;
      return { kind: 'legend', label: legend };
    }
    const imageLabel = standaloneImageLabel(text, start, end);
    if (imageLabel !== undefined) {
      const region: Region = { kind: 'legend', label: imageLabel || `image at line ${firstLine + 1}` };
      this.captionlessImage = /^[ \t]*!\[\]/.test(firstText) ? { region, end } : undefined;
      return region;
    }
    // The caption written as the paragraph under a figure whose own caption is empty: `Caption: …`, `Figure: …`.
    const image = this.captionlessImage;
    this.captionlessImage = undefined;
    if (image && CAPTION_PARAGRAPH_START.test(firstText) && /^\s*$/.test(text.slice(image.end, start))) return image.region;
    // A note right under a captioned table (or under its caption) is part of that table's legend.
    const table = this.tableLegend;
    const caption = isTableCaption(firstText, text.slice(start + firstText.length, end));
    if (table && table.lastBlock === this.blocks.length - 1 && !caption && TABLE_NOTE.test(firstText)) {
      table.lastBlock = this.blocks.length;
      return table.region;
    }
    if (!caption) return { kind: 'main' };
    const id = captionIdOf(text.slice(start, end));
    const label = id ?? `Table caption at line ${firstLine + 1}`;
    const region: Region = { kind: 'legend', label };
    // A pandoc table caption sits right before or right after its table.
    const blocks = this.blocks;
    const previous = blocks[blocks.length - 1];
    if (previous?.kind === 'table-row' && this.currentTableRows.length === 0 && tableEndsRightBefore(this.tokens, t)) {
      for (let b = blocks.length - 1; b >= 0 && blocks[b]!.kind === 'table-row' && blocks[b]!.region.kind === 'main'; b--) {
        blocks[b]!.region = region;
      }
      this.tableLegend = { region, lastBlock: blocks.length };
    } else {
      this.pendingTableLegend = label;
    }
    return region;
  }

  /**
   * pandoc's `Table: caption` written on the line right under a pipe table, which markdown-it
   * (following GFM) reads as one more row: the caption of that table, with its id on a later
   * line (`{#tbl:x}`). The caption and the lines after it are the legend, and so are the rows above.
   */
  private captionRowRegion(firstLine: number): Region {
    const captionEnd = this.lines.lineEnd(Math.max(firstLine, this.currentTableEnd - 1));
    const id = captionIdOf(this.text.slice(this.lines.lineStart(firstLine), captionEnd));
    const region: Region = { kind: 'legend', label: id ?? `Table caption at line ${firstLine + 1}` };
    this.captionRow = region;
    this.pendingTableLegend = region.label;
    return region;
  }

  /** Container and heading markers on each line (`>`, list bullets, `#`, a setext underline) are not prose. */
  private excludeLineMarkers(firstLine: number, endLine: number, isHeading: boolean): void {
    for (let line = firstLine; line < endLine; line++) {
      const ls = this.lines.lineStart(line);
      const le = this.lines.lineEnd(line);
      const content = this.text.slice(ls, le);
      const marker = /^[ \t]*(?:>[ \t]?)*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:#{1,6}(?=[ \t]|$))?/.exec(content);
      if (marker && marker[0].length > 0) this.excluded.push({ start: ls, end: ls + marker[0].length });
      if (isHeading) {
        const closing = /[ \t]+#+[ \t]*$/.exec(content);
        if (closing) this.excluded.push({ start: ls + closing.index, end: le });
        if (line > firstLine && /^[ \t]*(?:=+|-+)[ \t]*$/.test(content)) this.excluded.push({ start: ls, end: le });
      }
    }
  }
}

/**
 * What the block walk reads from a paragraph's own text to place it: a `Keywords:` line, a
 * legend's opening, a captioned image, a table caption and its id. Two versions of a paragraph
 * with the same reading get the same region and have the same effect on the blocks after them.
 */
export function paragraphReading(text: string, start: number, end: number, firstLineEnd: number): string {
  const firstText = text.slice(start, firstLineEnd);
  if (KEYWORDS_LINE.test(firstText)) return 'keywords';
  const legend = legendLabelOf(firstText);
  if (legend !== undefined) return `legend\u0000${legend}`;
  // A legend's label without a stop, read so in a legends section (which this reading does not know).
  const sectionLegend = SECTION_LEGEND_START.exec(firstText)?.[1];
  if (sectionLegend !== undefined) return `section-legend\u0000${sectionLegend}`;
  const imageLabel = standaloneImageLabel(text, start, end);
  if (imageLabel !== undefined) return `image\u0000${imageLabel}`;
  if (!isTableCaption(firstText, text.slice(firstLineEnd, end))) return TABLE_NOTE.test(firstText) ? 'table-note' : 'main';
  return `caption\u0000${captionIdOf(text.slice(start, end)) ?? ''}`;
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
  return { masked, blocks, comments: [], lines: new LineIndex(text), inlineCache: new Map() };
}

/** Masks everything outside `prose`, then everything inside `excluded`, keeping line breaks: all of `text`, or its part `[from, to)`. */
export function buildMask(text: string, prose: Span[], excluded: Span[], from = 0, to = text.length): string {
  const length = to - from;
  const keep = new Uint8Array(length);
  // Indexed loops: a `for…of` allocates an iterator result per span until it is optimised.
  for (let k = 0; k < prose.length; k++) keep.fill(1, Math.max(0, prose[k]!.start - from), Math.min(length, prose[k]!.end - from));
  let glyphs: Span[] | undefined;
  for (let k = 0; k < excluded.length; k++) {
    keep.fill(0, Math.max(0, excluded[k]!.start - from), Math.min(length, excluded[k]!.end - from));
    if (excluded[k]!.glyph !== undefined) (glyphs ??= []).push(excluded[k]!);
  }
  const parts: string[] = [];
  for (let runStart = 0; runStart < length; ) {
    const kept = keep[runStart];
    // The run ends at the first other value: the typed array's own search, not a loop over
    // every character (the whole text, in a fresh process mostly before it is optimised).
    const other = keep.indexOf(kept ? 0 : 1, runStart + 1);
    const i = other === -1 ? length : other;
    if (kept) parts.push(text.slice(from + runStart, from + i));
    else blankRun(text, from + runStart, from + i, parts);
    runStart = i;
  }
  const masked = parts.join('');
  return glyphs ? withGlyphs(masked, glyphs.sort((a, b) => a.start - b.start), from, to) : masked;
}

/** `masked` (the text from `from`) with each glyph span inside `[from, to)` shown as its letter and fill. */
function withGlyphs(masked: string, glyphs: Span[], from: number, to: number): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end, glyph } of glyphs) {
    if (start < from + at || end > to) continue;
    parts.push(masked.slice(at, start - from), glyph!, GLYPH_FILL.repeat(end - start - glyph!.length));
    at = end - from;
  }
  parts.push(masked.slice(at));
  return parts.join('');
}

/** `text[from, to)` as spaces with its line breaks kept, pushed onto `parts` (no expression per run: most runs are a blank line or two). */
function blankRun(text: string, from: number, to: number, parts: string[]): void {
  let spaces = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) {
      spaces++;
      continue;
    }
    if (spaces > 0) parts.push(' '.repeat(spaces));
    spaces = 0;
    parts.push(code === 10 ? '\n' : '\r');
  }
  if (spaces > 0) parts.push(' '.repeat(spaces));
}
