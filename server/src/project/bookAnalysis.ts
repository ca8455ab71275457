/**
 * Definitions flowing between the files of a book, in reading order. Each file's model
 * (cached by the service) is summarised once: its main-text definitions and the keys it
 * uses. From these summaries alone, every file gets its `BookContext`: what the files
 * read before it define, and which keys the files read after it use. An included file
 * sits at its shortcode inside the including file, so the includer is cut into pieces
 * around its includes.
 */
import { mentionAt } from '../service/features/lookup';
import { isNamedAsProgram, isWrittenAsName } from '../service/model/nameContext';
import { isSameExpansion } from '../service/model/expansions';
import { toolReadingOf } from '../service/model/toolNames';
import { spellingCountsOf, type SpellingCounts } from '../service/model/spellingVarieties';
import { nameFormKey } from '../service/model/nameForms';
import { withoutGlyphFill } from '../service/text/characters';
import type { Position, Range } from 'vscode-languageserver-types';
import { ruleById, type AnalysisSettings, type BookContext, type DocumentModel, type InheritedDefinition, type TerminologyDiagnostic } from '../service/index';
import { effectiveSeverity } from '../service/rules/ruleTable';
import type { BookFile, BookKind, BookProblem } from './bookProject';

/** `continue`: a definition holds for the rest of the book; `reset`: each chapter defines its abbreviations again. */
export type ChaptersMode = 'continue' | 'reset';

/** A book file's document model and the URI its definitions are reported under. */
export interface ChapterModel {
  uri: string;
  model: DocumentModel;
}

/** What the analysis needs of a book: its files in reading order, with chapters and includes. */
export interface BookLayout {
  files: readonly Pick<BookFile, 'path' | 'chapter' | 'includes'>[];
  /** What project it is: a Quarto book's or bookdown's chapters are chapters of a book or thesis; a Manubot manuscript's files are sections of one paper. */
  kind?: BookKind;
}

/** Projects whose chapter files are chapters of a book or a thesis, each of which may define its abbreviations again. */
const CHAPTER_BOOKS: ReadonlySet<BookKind> = new Set<BookKind>(['quarto-book', 'bookdown']);

/** A main-text definition of a file, with its offset (to place it before or after an include). */
interface SummaryDefinition {
  offset: number;
  inherited: InheritedDefinition;
}

/** The part of a model that flows between files. */
interface FileSummary {
  definitions: SummaryDefinition[];
  /** The abstract's definitions: later files' definitions must agree with their expansions. */
  abstractDefinitions: SummaryDefinition[];
  /** Uses of abbreviations (compound parts too), as offset and key, in document order. */
  uses: { offset: number; key: string }[];
  /** Uses that count as a first use (not in a heading or the title, not a name), whose report the file makes. */
  firstUses: { offset: number; key: string }[];
  /** Keys the file defines in the main text. */
  ownKeys: Set<string>;
  /** Keys the file's main text writes as names, of a name's shape (`bat coronavirus RaTG13`) or named as a program (`the EAGER pipeline`), which stay names in every file of the book. */
  names: Set<string>;
  /** Keys the file's main text names firmly as a tool (`X (v1.1.3)`, `the X aligner`), which other files report as notes. */
  tools: Set<string>;
  /** The file's British and American spellings, which the other files count with their own. */
  spellings: SpellingCounts;
}

/** A stretch of one file in reading order: a whole file, or the text between two of its includes. */
interface Piece {
  file: number;
  chapter: number;
  from: number;
  to: number;
}

// Keyed by model object: the service hands back the same model while a file's text is unchanged.
const summaries = new WeakMap<DocumentModel, Map<string, FileSummary>>();

/** Only the main text (or the whole document under `--scopes document`) carries across files. */
/** A lower-case letter or a digit: the shape of a name (`RaTG13`, `MiXCR`), not a word of capitals. */
const NAME_SHAPE = /[\p{Ll}\p{N}]/u;

function flows(scope: string): boolean {
  return scope === 'main' || scope === 'document';
}

/** The summary of one model, computed once per model and URI. */
function summaryOf(chapter: ChapterModel): FileSummary {
  let byUri = summaries.get(chapter.model);
  const hit = byUri?.get(chapter.uri);
  if (hit) return hit;
  const { model, uri } = chapter;
  const definitions: SummaryDefinition[] = [];
  const abstractDefinitions: SummaryDefinition[] = [];
  const ownKeys = new Set<string>();
  for (const d of model.definitions) {
    if (d.scope === 'abstract') abstractDefinitions.push({ offset: d.shortStart, inherited: { short: withoutGlyphFill(d.short), long: d.long, key: d.key, uri, range: model.lines.rangeOf(d.shortStart, d.shortEnd) } });
    if (!flows(d.scope)) continue;
    ownKeys.add(d.key);
    const range = model.lines.rangeOf(d.shortStart, d.shortEnd);
    // The short form as printed: another file's messages name it (`NF-$\kappa$B` is `NF-κB`).
    const short = withoutGlyphFill(d.short);
    definitions.push({ offset: d.shortStart, inherited: d.pattern === 'list' ? { short, long: d.long, key: d.key, uri, range, listed: true } : { short, long: d.long, key: d.key, uri, range } });
  }
  const uses: { offset: number; key: string }[] = [];
  const firstUses: { offset: number; key: string }[] = [];
  const names = new Set<string>();
  const tools = new Set<string>();
  for (const mention of model.mentions) {
    if (!flows(mention.scope) || mention.definition !== undefined || mention.inLongForm) continue;
    uses.push({ offset: mention.start, key: mention.key });
    if (!tools.has(mention.key) && toolReadingOf(model.prose.masked, mention, model.text, false)?.tentative === false) tools.add(mention.key);
    if (isWrittenAsName(model, mention.key)) {
      // Only a name's shape carries into other files (`RaTG13`), or a program named so (`the EAGER
      // pipeline`); another word of capitals (`SARS` in `SARS-like coronaviruses`) may be an
      // abbreviation that other files use as such.
      if (!names.has(mention.key) && (NAME_SHAPE.test(mention.key) || isNamedAsProgram(model, mention.key))) names.add(mention.key);
    } else if (!mention.inHeading) firstUses.push({ offset: mention.start, key: mention.key });
    // A compound (`CAR-NK`) uses each of its parts.
    if (mention.key.includes('-')) for (const part of mention.key.split('-')) if (part.length > 0) uses.push({ offset: mention.start, key: part });
  }
  const spellings = spellingCountsOf(model.text, model.prose.masked, model.prose.blocks, (index) => model.blockTokens[index]!);
  const summary: FileSummary = { definitions, abstractDefinitions, uses, firstUses, ownKeys, names, tools, spellings };
  if (!byUri) {
    byUri = new Map();
    summaries.set(model, byUri);
  }
  byUri.set(uri, summary);
  return summary;
}

/** Cuts the book into pieces in reading order: each includer around the files it includes. */
function readingPieces(layout: BookLayout): Piece[] {
  const index = new Map(layout.files.map((file, i) => [file.path, i]));
  const pieces: Piece[] = [];
  const visited = new Set<number>();
  const visit = (i: number): void => {
    visited.add(i);
    const file = layout.files[i]!;
    let from = 0;
    for (const include of [...file.includes].sort((a, b) => a.offset - b.offset)) {
      const j = index.get(include.path);
      if (j === undefined || visited.has(j)) continue;
      pieces.push({ file: i, chapter: file.chapter, from, to: include.offset });
      visit(j);
      from = include.offset;
    }
    pieces.push({ file: i, chapter: file.chapter, from, to: Number.POSITIVE_INFINITY });
  };
  layout.files.forEach((_, i) => {
    if (!visited.has(i)) visit(i);
  });
  return pieces;
}

/**
 * The book context of every file (by path). Under `continue` a file inherits the first
 * main-text definition of each key from everything read before it, and its definitions
 * count as used when anything read after it uses the key; it also learns which keys earlier
 * files used (their first use was reported there) and what later files define first (a use
 * here comes before that definition); under `reset` all of these stop at the
 * chapter's bounds (an included file still inherits from its includer). An includer also
 * sees what its included files define and use, except keys it defines itself.
 */
export function bookContexts(layout: BookLayout, modelOf: (path: string) => ChapterModel | undefined, mode: ChaptersMode = 'continue'): Map<string, BookContext> {
  const summaries = layout.files.map((file) => {
    const chapter = modelOf(file.path);
    return chapter ? summaryOf(chapter) : undefined;
  });
  const pieces = readingPieces(layout);
  // Names flow between files only when the book writes them two ways: a name written one way (most of them)
  // changes no other file's findings, and an edit that adds one leaves the other files' contexts as they were.
  const variedNames = namesWrittenTwoWays(summaries);
  const inPiece = <T extends { offset: number }>(items: readonly T[], piece: Piece): T[] => items.filter((item) => item.offset >= piece.from && item.offset < piece.to);
  const pieceDefinitions = pieces.map((piece) => inPiece(summaries[piece.file]?.definitions ?? [], piece));
  const pieceAbstracts = pieces.map((piece) => inPiece(summaries[piece.file]?.abstractDefinitions ?? [], piece));
  const pieceUses = pieces.map((piece) => new Set(inPiece(summaries[piece.file]?.uses ?? [], piece).map((use) => use.key)));
  const pieceFirstUses = pieces.map((piece) => new Set(inPiece(summaries[piece.file]?.firstUses ?? [], piece).map((use) => use.key)));

  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const chapterStart = new Map<number, number>();
  const chapterEnd = new Map<number, number>();
  pieces.forEach((piece, p) => {
    if (!first.has(piece.file)) first.set(piece.file, p);
    last.set(piece.file, p);
    if (!chapterStart.has(piece.chapter)) chapterStart.set(piece.chapter, p);
    chapterEnd.set(piece.chapter, p);
  });

  const contexts = new Map<string, BookContext>();
  layout.files.forEach((file, i) => {
    const from = first.get(i);
    const to = last.get(i);
    if (from === undefined || to === undefined) return;
    const low = mode === 'reset' ? chapterStart.get(file.chapter)! : 0;
    const high = mode === 'reset' ? chapterEnd.get(file.chapter)! : pieces.length - 1;
    const own = summaries[i]?.ownKeys ?? new Set<string>();
    const inherited = new Map<string, InheritedDefinition>();
    const usedLater = new Set<string>();
    const usedEarlier = new Set<string>();
    const definedLater = new Map<string, InheritedDefinition>();
    const abstracts = new Map<string, InheritedDefinition>();
    const chapterBook = layout.kind !== undefined && CHAPTER_BOOKS.has(layout.kind);
    // What this file's chapter already used or defined before it or inside it (an includer's text,
    // an included file): a definition made again here is then no chapter's first use, the safe side.
    const inChapterBefore = new Set<string>();
    if (chapterBook) {
      for (let p = chapterStart.get(file.chapter)!; p < to; p++) {
        if (p >= from && pieces[p]!.file === i) continue;
        for (const key of pieceUses[p]!) inChapterBefore.add(key);
        for (const d of pieceDefinitions[p]!) inChapterBefore.add(d.inherited.key);
      }
    }
    for (let p = low; p < from; p++) {
      const otherChapter = chapterBook && pieces[p]!.chapter !== file.chapter;
      for (const d of pieceDefinitions[p]!) {
        const before = inherited.get(d.inherited.key);
        const carried = otherChapter && !inChapterBefore.has(d.inherited.key) ? { ...d.inherited, otherChapter: true } : d.inherited;
        // A list entry, then the text's own definition with the list's expansion: the list still
        // covers, the text's is the one a later definition repeats (one with another expansion conflicts instead).
        if (before?.listed && !before.written && !d.inherited.listed && isSameExpansion(before.long, d.inherited.long)) inherited.set(d.inherited.key, { ...before, written: carried });
        if (before) continue;
        inherited.set(d.inherited.key, carried);
      }
      if (pieces[p]!.file !== i) for (const d of pieceAbstracts[p]!) if (!abstracts.has(d.inherited.key)) abstracts.set(d.inherited.key, d.inherited);
      for (const key of pieceFirstUses[p]!) usedEarlier.add(key);
    }
    for (let p = from + 1; p < to; p++) {
      if (pieces[p]!.file === i) continue;
      for (const d of pieceDefinitions[p]!) if (!own.has(d.inherited.key) && !inherited.has(d.inherited.key)) inherited.set(d.inherited.key, d.inherited);
      for (const key of pieceUses[p]!) usedLater.add(key);
    }
    for (let p = to + 1; p <= high; p++) {
      for (const key of pieceUses[p]!) usedLater.add(key);
      for (const d of pieceDefinitions[p]!) {
        const key = d.inherited.key;
        if (own.has(key) || inherited.has(key)) continue;
        // A list of abbreviations covers the whole book (or chapter) wherever it stands, as it covers its scope in one file.
        if (d.inherited.listed) inherited.set(key, d.inherited);
        else if (!definedLater.has(key)) definedLater.set(key, d.inherited);
      }
    }
    // A name written as such anywhere in the book (or chapter) is a name in this file too.
    const names = new Set<string>();
    for (let p = low; p <= high; p++) for (const key of summaries[pieces[p]!.file]?.names ?? []) if (!own.has(key)) names.add(key);
    // A tool named firmly anywhere (`X (v1.1.3)` in the methods) suggests a tool here: its use is a note.
    const tools = new Set<string>();
    for (let p = low; p <= high; p++) for (const key of summaries[pieces[p]!.file]?.tools ?? []) if (!own.has(key)) tools.add(key);
    // Sorted, so an unchanged context compares equal and the service keeps its cached findings.
    const context: BookContext = { inherited: [...inherited.values()], usedLater: [...usedLater].sort(), usedEarlier: [...usedEarlier].sort(), definedLater: [...definedLater.values()], names: [...names].sort() };
    if (tools.size > 0) context.tools = [...tools].sort();
    if (abstracts.size > 0) context.abstractDefinitions = [...abstracts.values()];
    // Spelling is one choice for the whole manuscript, whatever the chapters mode: every other file counts.
    const spellings = otherFilesSpellings(summaries, i, variedNames);
    if (spellings) context.spellings = spellings;
    contexts.set(file.path, context);
  });
  return contexts;
}

/** The key of the abbreviation written at `position` (the end of a word included, as the cursor sits after it). */
export function abbreviationKeyAt(model: DocumentModel, position: Position): string | undefined {
  return mentionAt(model, model.lines.offsetAt(position))?.key;
}

/** Where a file first writes `key` itself (a use or a definition), to ask the service for references or a rename there. */
export function firstPositionOfKey(model: DocumentModel, key: string): Position | undefined {
  const mention = model.byKey.get(key)?.mentions.find((m) => m.key === key);
  return mention ? model.lines.positionAt(mention.start) : undefined;
}

/**
 * A problem in a project's files (a `.carnkrc` or glossary setting, a missing chapter or include,
 * an include cycle) as an `invalid-configuration` diagnostic at `range`, at the severity the rule
 * table and `settings` give that rule, as every other diagnostic; undefined when the rule is off.
 */
export function configurationDiagnostic(range: Range, message: string, settings: AnalysisSettings): TerminologyDiagnostic | undefined {
  const severity = effectiveSeverity(ruleById('invalid-configuration')!, settings.rules);
  if (severity === 'off') return undefined;
  return { code: 'invalid-configuration', severity, message, range, start: -1, end: -1 };
}

/** A missing chapter or include, or an include cycle, as a `configurationDiagnostic` (undefined when the rule is off). */
export function bookProblemDiagnostic(problem: BookProblem, settings: AnalysisSettings): TerminologyDiagnostic | undefined {
  const range = { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.endCharacter } };
  return configurationDiagnostic(range, problem.message, settings);
}

function sortedByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The name forms (as written) whose folded spelling the book writes in two or more ways. */
function namesWrittenTwoWays(summaries: readonly (FileSummary | undefined)[]): ReadonlySet<string> {
  const byKey = new Map<string, Set<string>>();
  for (const summary of summaries) {
    for (const written of Object.keys(summary?.spellings.names ?? {})) {
      const key = nameFormKey(written);
      const spellings = byKey.get(key);
      if (spellings) spellings.add(written);
      else byKey.set(key, new Set([written]));
    }
  }
  const varied = new Set<string>();
  for (const spellings of byKey.values()) if (spellings.size > 1) for (const written of spellings) varied.add(written);
  return varied;
}

/** The spelling counts of every file but `self`, summed (words in key order, so an unchanged book compares equal); none when they write no marked word. */
function otherFilesSpellings(summaries: readonly (FileSummary | undefined)[], self: number, variedNames: ReadonlySet<string>): SpellingCounts | undefined {
  let total: SpellingCounts | undefined;
  summaries.forEach((summary, index) => {
    if (index === self || !summary) return;
    const { british, american, words, names } = summary.spellings;
    const keys = Object.keys(words);
    if (keys.length === 0 && !(names && Object.keys(names).some((written) => variedNames.has(written)))) return;
    total ??= { british: 0, american: 0, words: {} };
    total.british += british;
    total.american += american;
    for (const key of keys) total.words[key] = (total.words[key] ?? 0) + words[key]!;
    if (names) {
      for (const written of Object.keys(names)) {
        if (!variedNames.has(written)) continue;
        const sum = (total.names ??= {});
        sum[written] = (sum[written] ?? 0) + names[written]!;
        if (index < self) (total.earlierNames ??= []).push(written);
      }
    }
  });
  if (total) {
    total.words = sortedByKey(total.words);
    if (total.names) total.names = sortedByKey(total.names);
    if (total.earlierNames) total.earlierNames = [...new Set(total.earlierNames)].sort();
  }
  return total;
}
