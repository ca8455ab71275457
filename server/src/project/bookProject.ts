/**
 * Discovery of manuscripts made of several files, in reading order: Quarto books
 * (`_quarto.yml`, `project: type: book`, chapters, parts and appendices), Quarto
 * manuscripts (`type: manuscript`, the article), bookdown projects (`_bookdown.yml`:
 * `rmd_files`, or every `.Rmd` file by name) and `{{< include >}}` shortcodes, followed
 * recursively. Missing files and include cycles become problems; discovery goes on.
 * Files are read through a `ProjectFileSystem`: the disk in Node (`server/src/node/`), the
 * client's workspace in the browser worker (`server/src/browser/`), a map in tests. Paths are
 * handled with `node:path`, which the browser build replaces with its POSIX port.
 */
import { LineIndex } from '../service/text/lineIndex';
import { findFrontMatter } from '../service/markdown/frontMatter';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

/** Read access to the files of a project (the disk, the client's workspace, or a map in tests). */
export interface ProjectFileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readText(path: string): string | undefined;
  /** Whether a regular file exists at `path`. */
  isFile(path: string): boolean;
  /** Entries of a folder (empty when it cannot be read). */
  list(folder: string): { name: string; isDirectory: boolean }[];
}

/** What kind of project a book comes from. */
export type BookKind = 'quarto-book' | 'quarto-manuscript' | 'bookdown' | 'manubot' | 'numbered-sections' | 'include-tree';

/** One `{{< include path >}}` shortcode in a file's text. */
export interface IncludeShortcode {
  /** Offset of `{{<` in the including text. */
  start: number;
  /** Offset just after `>}}`. */
  end: number;
  /** The path as written. */
  target: string;
}

/** A file of a book: a chapter, or a file a chapter includes (directly or not). */
export interface BookFile {
  /** Absolute path. */
  path: string;
  /** Index of the chapter the file belongs to (its own index for a chapter). */
  chapter: number;
  /** For an included file: the file and offset of the shortcode that includes it first. */
  includedBy?: { path: string; offset: number };
  /** Files this one includes, at the shortcode offsets (only found, non-cyclic ones). */
  includes: { offset: number; path: string }[];
}

/** A problem found while discovering a book, positioned in the file that names the missing or cyclic file. */
export interface BookProblem {
  /** Absolute path of the file holding the problem (`_quarto.yml`, `_bookdown.yml` or an including file). */
  file: string;
  /** Zero-based line and UTF-16 character range on that line. */
  line: number;
  character: number;
  endCharacter: number;
  message: string;
}

/** A book: its files in reading order (each includer before the files it includes) and the problems found. */
export interface BookProject {
  kind: BookKind;
  /** `_quarto.yml`, `_bookdown.yml`, Manubot's `metadata.yaml`, or the root document of a lone include tree. */
  projectFile: string;
  /** The project folder (for Manubot, the folder holding the content folder). */
  root: string;
  /** Every file once, in reading order. */
  files: BookFile[];
  /** Number of chapters (top-level files). */
  chapterCount: number;
  problems: BookProblem[];
}

/** Project files that make a folder a book, in order of preference. */
export const PROJECT_FILE_NAMES = ['_quarto.yml', '_quarto.yaml', '_bookdown.yml'];

/** Extensions of chapter files that are read as markdown prose (notebooks and others are skipped). */
const PROSE_EXTENSIONS = /\.(qmd|md|markdown|rmd)$/i;

// `{{< include path >}}`; the escaped `{{{< … >}}}` form shows a shortcode literally and is not an include.
const INCLUDE_SHORTCODE = /\{\{<\s*include\s+(?:"([^"\r\n]+)"|'([^'\r\n]+)'|([^\s>]+))\s*>\}\}/uy;

// The last scan per file: the language server rediscovers a book on every change, and most files have not changed.
const shortcodeCache = new Map<string, { text: string; found: IncludeShortcode[] }>();

/** The include shortcodes of a file's text, reusing the last scan of that file when its text is the same. */
function includeShortcodesOf(path: string, text: string): IncludeShortcode[] {
  const hit = shortcodeCache.get(path);
  if (hit && hit.text === text) return hit.found;
  const found = findIncludeShortcodes(text);
  shortcodeCache.set(path, { text, found });
  return found;
}

/** The include shortcodes of a text, in order. */
export function findIncludeShortcodes(text: string): IncludeShortcode[] {
  const found: IncludeShortcode[] = [];
  // Jump from one `{{<` to the next and try the pattern there only: the language server asks
  // this of the whole document on every keystroke.
  for (let at = text.indexOf('{{<'); at >= 0; ) {
    INCLUDE_SHORTCODE.lastIndex = at;
    const match = INCLUDE_SHORTCODE.exec(text);
    if (!match) {
      at = text.indexOf('{{<', at + 1);
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    const target = match[1] ?? match[2] ?? match[3] ?? '';
    if (!(start > 0 && text.charCodeAt(start - 1) === 0x7b /* { */) && target.length > 0) found.push({ start, end, target });
    at = text.indexOf('{{<', end);
  }
  return found;
}

/** A problem on a span of a text file. */
function problemAt(file: string, text: string, start: number, end: number, message: string): BookProblem {
  const lines = new LineIndex(text);
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return { file, line: from.line, character: from.character, endCharacter: to.line === from.line ? to.character : from.character + 1, message };
}

/** Path of `target` relative to the project root, with forward slashes, for messages. */
function shown(root: string, target: string): string {
  return relative(root, target).split(sep).join('/');
}

/**
 * Walks chapters and their includes depth first, appending files in reading order.
 * An include is resolved relative to the including file (a leading `/` means the project
 * root); a missing target or a cycle gives one problem at the shortcode.
 */
class BookBuilder {
  readonly files: BookFile[] = [];
  readonly problems: BookProblem[] = [];
  private readonly seen = new Set<string>();
  private chapterCount = 0;

  constructor(
    private readonly fs: ProjectFileSystem,
    private readonly root: string,
  ) {}

  /** True when the file is already part of the book. */
  has(path: string): boolean {
    return this.seen.has(path);
  }

  /** Adds a chapter (and, recursively, what it includes). */
  addChapter(path: string): void {
    if (this.seen.has(path)) return;
    const chapter = this.chapterCount++;
    this.visit(path, chapter, undefined, []);
  }

  /** Number of chapters added. */
  get chapters(): number {
    return this.chapterCount;
  }

  private visit(path: string, chapter: number, includedBy: BookFile['includedBy'], stack: string[]): void {
    const file: BookFile = { path, chapter, includes: [] };
    if (includedBy) file.includedBy = includedBy;
    this.seen.add(path);
    this.files.push(file);
    const text = this.fs.readText(path);
    if (text === undefined) return;
    const chain = [...stack, path];
    for (const shortcode of includeShortcodesOf(path, text)) {
      const target = shortcode.target.startsWith('/') ? join(this.root, shortcode.target) : resolve(dirname(path), shortcode.target);
      if (chain.includes(target)) {
        const cycle = [...chain.slice(chain.indexOf(target)), target].map((p) => shown(this.root, p)).join(' → ');
        this.problems.push(problemAt(path, text, shortcode.start, shortcode.end, `include cycle: ${cycle}; this include is skipped.`));
        continue;
      }
      if (!this.fs.isFile(target)) {
        const where = shown(this.root, target);
        const looked = where === shortcode.target ? '' : ` (looked for ${where})`;
        this.problems.push(problemAt(path, text, shortcode.start, shortcode.end, `included file '${shortcode.target}' not found${looked}; the rest of the book is checked without it.`));
        continue;
      }
      // A script or data file shown in a code block (`{{< include _demo.py >}}`) is not prose:
      // it must exist, but it is neither read nor linted.
      if (!PROSE_EXTENSIONS.test(target)) continue;
      file.includes.push({ offset: shortcode.start, path: target });
      // A file included twice is read once, where it first appears.
      if (!this.seen.has(target)) this.visit(target, chapter, { path, offset: shortcode.start }, chain);
    }
  }
}

/** A YAML value's position in the project file, for problems about it. */
function yamlProblem(file: string, lineCounter: LineCounter, node: YamlNode | undefined, message: string): BookProblem {
  const range = node?.range;
  if (!range) return { file, line: 0, character: 0, endCharacter: 1, message };
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return { file, line: start.line - 1, character: start.col - 1, endCharacter: end.line === start.line ? end.col - 1 : start.col, message };
}

/** A parsed project file with positions, and the first error that kept part of it unread. */
interface ParsedYaml {
  contents: YamlNode | null;
  lineCounter: LineCounter;
  error?: { message: string; offset: number } | undefined;
}

const yamlCache = new Map<string, { text: string; parsed: ParsedYaml }>();

/** Parsed YAML of a project file with positions (reused while its text is the same), or undefined when unreadable. */
function readYaml(fs: ProjectFileSystem, file: string): ParsedYaml | undefined {
  const text = fs.readText(file);
  if (text === undefined) return undefined;
  const hit = yamlCache.get(file);
  if (hit && hit.text === text) return hit.parsed;
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text);
    // R's reader (libyaml) takes a flow list whose items start in the first column, as
    // bookdown projects write `rmd_files: [⏎"index.Rmd",⏎…]`; YAML 1.2 asks for them indented.
    if (parsed.error) {
      const { text: indented, shifted } = withFlowItemsIndented(text);
      if (shifted.size > 0) {
        const again = parseYaml(indented, new ShiftedLineCounter(shifted));
        if (!again.error) parsed = again;
      }
    }
  } catch (error) {
    parsed = { contents: null, lineCounter: new LineCounter(), error: { message: String(error), offset: 0 } };
  }
  yamlCache.set(file, { text, parsed });
  return parsed;
}

function parseYaml(text: string, lineCounter = new LineCounter()): ParsedYaml {
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = document.errors[0];
  const error = first ? { message: first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, ''), offset: first.pos[0] } : undefined;
  return { contents: document.contents as YamlNode | null, lineCounter, error };
}

/**
 * `text` with the lines inside a flow collection that a key opens (`key: [` or `key: {` ending its
 * line, at the top level or nested: `  html: [`) indented one column past the key where they stand
 * at or left of it, up to the bracket that closes it; and, for each line moved (1-based), how far.
 * Lines keep their numbers.
 */
function withFlowItemsIndented(text: string): { text: string; shifted: Map<number, number> } {
  const lines = text.split('\n');
  const shifted = new Map<number, number>();
  let depth = 0;
  let keyIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (depth === 0) {
      const opener = FLOW_OPENER.exec(line);
      if (opener) {
        depth = bracketBalance(line);
        keyIndent = opener[1]!.length;
      }
      continue;
    }
    const indent = /^[ ]*/u.exec(line)![0].length;
    if (line.trim() !== '' && indent <= keyIndent) {
      const by = keyIndent + 1 - indent;
      lines[i] = `${' '.repeat(by)}${line}`;
      shifted.set(i + 1, by);
    }
    depth += bracketBalance(line);
    if (depth < 0) depth = 0;
  }
  return { text: lines.join('\n'), shifted };
}
/** A key whose line ends in an opened flow collection: its indentation in group 1. */
const FLOW_OPENER = /^([ ]*)[^\s#][^#]*:[ \t]*[[{][^\]}]*$/u;

/** Positions in a text some of whose lines {@link withFlowItemsIndented} moved right, given as in the file. */
class ShiftedLineCounter extends LineCounter {
  constructor(private readonly shifted: ReadonlyMap<number, number>) {
    super();
    // LineCounter's methods are own properties, not on its prototype: wrap the instance's.
    const linePos = this.linePos;
    this.linePos = (offset: number) => {
      const position = linePos(offset);
      const by = this.shifted.get(position.line) ?? 0;
      return by > 0 && position.col > by ? { line: position.line, col: position.col - by } : position;
    };
  }
}

/** Opening brackets less closing ones on a line, outside quotes (enough for a list of file names). */
function bracketBalance(line: string): number {
  let balance = 0;
  let quote = '';
  for (const character of line) {
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '#') break;
    else if (character === '[' || character === '{') balance++;
    else if (character === ']' || character === '}') balance--;
  }
  return balance;
}

/** Whether a list of file names parsed whole: strings only, and the file's first error outside it. */
function isParsedWhole(list: YamlNode, errorOffset: number): boolean {
  const range = list.range;
  if (!isSeq(list) || list.items.length === 0 || !range || (errorOffset >= range[0] && errorOffset <= range[2])) return false;
  return list.items.every((item) => stringOf(item as YamlNode) !== undefined);
}

/** The problem a project file with a YAML error gives: where, what, and what is read instead. */
function unreadableProblem(file: string, yaml: ParsedYaml, instead: string): BookProblem {
  const { line, col } = yaml.lineCounter.linePos(yaml.error!.offset);
  return { file, line: line - 1, character: col - 1, endCharacter: col, message: `${basename(file)} could not be read as YAML (${yaml.error!.message}); ${instead}.` };
}

/** The value node under `key` in a YAML map node. */
function child(node: YamlNode | null | undefined, key: string): YamlNode | undefined {
  if (!node || !isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.value ?? undefined) as YamlNode | undefined;
}

/** A scalar node's string value. */
function stringOf(node: YamlNode | undefined): string | undefined {
  return node && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Adds one listed chapter file, or a problem when it does not exist. */
function addListedChapter(builder: BookBuilder, fs: ProjectFileSystem, root: string, file: string, lineCounter: LineCounter, node: YamlNode, name: string): void {
  if (!PROSE_EXTENSIONS.test(name)) return;
  const path = resolve(root, name);
  if (!fs.isFile(path)) {
    builder.problems.push(yamlProblem(file, lineCounter, node, `chapter '${name}' listed in ${basename(file)} not found.`));
    return;
  }
  builder.addChapter(path);
}

/** Walks a Quarto `chapters:`/`appendices:` list: file names, and `part:` entries with their own `chapters:`. */
function addQuartoChapters(builder: BookBuilder, fs: ProjectFileSystem, root: string, file: string, lineCounter: LineCounter, list: YamlNode | undefined): void {
  if (!list || !isSeq(list)) return;
  for (const item of list.items as YamlNode[]) {
    const name = stringOf(item);
    if (name !== undefined) {
      addListedChapter(builder, fs, root, file, lineCounter, item, name);
      continue;
    }
    // A part: its value is a title or a file (the part's own page, read before its chapters).
    const part = child(item, 'part');
    const partName = stringOf(part);
    if (part && partName !== undefined && PROSE_EXTENSIONS.test(partName)) addListedChapter(builder, fs, root, file, lineCounter, part, partName);
    addQuartoChapters(builder, fs, root, file, lineCounter, child(item, 'chapters'));
  }
}

/** A Quarto book or manuscript from `_quarto.yml`; undefined for other project types. */
function readQuartoProject(fs: ProjectFileSystem, file: string): BookProject | undefined {
  const yaml = readYaml(fs, file);
  if (!yaml) return undefined;
  const type = stringOf(child(child(yaml.contents, 'project'), 'type'));
  const root = dirname(file);
  const builder = new BookBuilder(fs, root);
  if (yaml.error && (type === 'book' || type === 'manuscript')) builder.problems.push(unreadableProblem(file, yaml, 'what could be read of it is used'));
  if (type === 'book') {
    const book = child(yaml.contents, 'book');
    // Quarto uses index.qmd as the book's first page; read it first even when the list leaves it out.
    const index = join(root, 'index.qmd');
    const listed = JSON.stringify(child(book, 'chapters')?.toJSON() ?? []);
    if (fs.isFile(index) && !/"index\.qmd"/.test(listed)) builder.addChapter(index);
    addQuartoChapters(builder, fs, root, file, yaml.lineCounter, child(book, 'chapters'));
    addQuartoChapters(builder, fs, root, file, yaml.lineCounter, child(book, 'appendices'));
    return { kind: 'quarto-book', projectFile: file, root, files: builder.files, chapterCount: builder.chapters, problems: builder.problems };
  }
  if (type === 'manuscript') {
    // The article is the one text a manuscript project reads; notebooks only lend it computed outputs.
    const articleNode = child(child(yaml.contents, 'manuscript'), 'article');
    const article = stringOf(articleNode) ?? 'index.qmd';
    const path = resolve(root, article);
    if (fs.isFile(path)) builder.addChapter(path);
    else builder.problems.push(yamlProblem(file, yaml.lineCounter, articleNode, `article '${article}' of the manuscript not found.`));
    return { kind: 'quarto-manuscript', projectFile: file, root, files: builder.files, chapterCount: builder.chapters, problems: builder.problems };
  }
  return undefined;
}

/** `.Rmd` files of a folder (optionally its subfolders), by name, without those starting with `_`. */
function rmdFiles(fs: ProjectFileSystem, folder: string, recursive: boolean): string[] {
  const found: string[] = [];
  const entries = [...fs.list(folder)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory) {
      if (recursive && !entry.name.startsWith('.')) found.push(...rmdFiles(fs, path, true));
    } else if (/\.rmd$/i.test(entry.name) && !entry.name.startsWith('_')) {
      found.push(path);
    }
  }
  return found;
}

/** A bookdown book from `_bookdown.yml`: `rmd_files` (a list, or per output format), else every `.Rmd` by name with index.Rmd first. */
function readBookdownProject(fs: ProjectFileSystem, file: string): BookProject {
  const root = dirname(file);
  const builder = new BookBuilder(fs, root);
  const yaml = readYaml(fs, file);
  // A file that cannot be read says so; its chapter list is still read where it parsed whole,
  // and otherwise the book is read as if it listed no chapters.
  let listed = child(yaml?.contents, 'rmd_files');
  if (listed && isMap(listed)) listed = child(listed, 'html') ?? ((listed.items[0]?.value ?? undefined) as YamlNode | undefined);
  const readable = yaml !== undefined && (!yaml.error || (listed !== undefined && isParsedWhole(listed, yaml.error.offset)));
  if (yaml?.error) builder.problems.push(unreadableProblem(file, yaml, readable ? 'its rmd_files list is read as written' : 'every .Rmd file is read by name instead, index.Rmd first'));
  if (!readable) listed = undefined;
  if (yaml && listed && isSeq(listed)) {
    for (const item of listed.items as YamlNode[]) {
      const name = stringOf(item);
      if (name !== undefined) addListedChapter(builder, fs, root, file, yaml.lineCounter, item, name);
    }
  } else {
    const subdir = readable ? child(yaml.contents, 'rmd_subdir') : undefined;
    const files = rmdFiles(fs, root, false);
    if (subdir && isScalar(subdir) && subdir.value === true) {
      for (const entry of fs.list(root)) if (entry.isDirectory && !entry.name.startsWith('.')) files.push(...rmdFiles(fs, join(root, entry.name), true));
    } else if (subdir && isSeq(subdir)) {
      for (const item of subdir.items as YamlNode[]) {
        const name = stringOf(item);
        if (name !== undefined) files.push(...rmdFiles(fs, resolve(root, name), true));
      }
    }
    const index = files.findIndex((f) => dirname(f) === root && /^index\.rmd$/i.test(basename(f)));
    if (index > 0) files.unshift(...files.splice(index, 1));
    for (const path of files) builder.addChapter(path);
  }
  return { kind: 'bookdown', projectFile: file, root, files: builder.files, chapterCount: builder.chapters, problems: builder.problems };
}

/**
 * True for Manubot's project marker: a `metadata.yaml` beside numbered manuscript files
 * (`01.abstract.md`). Manubot's template keeps them in `content/`; some projects rename it.
 */
export function isManubotMetadata(path: string, fs: ProjectFileSystem): boolean {
  return basename(path) === MANUBOT_METADATA && fs.isFile(path) && fs.list(dirname(path)).some((entry) => !entry.isDirectory && MANUBOT_SECTION.test(entry.name));
}
const MANUBOT_CONTENT = 'content';
const MANUBOT_METADATA = 'metadata.yaml';
const MANUBOT_SECTION = /^\d+\..*\.md$/i;

/**
 * A Manubot manuscript: Manubot joins every `content/*.md` in file-name order into one
 * manuscript (its front matter lives in `content/metadata.yaml`, which is not prose). Each
 * file is a chapter, so first use runs across files as in a book.
 */
function readManubotProject(fs: ProjectFileSystem, file: string): BookProject {
  const content = dirname(file);
  const builder = new BookBuilder(fs, dirname(content));
  for (const name of fileNamesIn(fs, content, /\.md$/i)) builder.addChapter(join(content, name));
  return { kind: 'manubot', projectFile: file, root: dirname(content), files: builder.files, chapterCount: builder.chapters, problems: builder.problems };
}

/**
 * A manuscript split into numbered section files that a build joins in name order, as pandoc
 * projects do with a Makefile (`01_Introduction.md`, `02A_Results.md`, …): two or more
 * markdown files in one folder, every one named with a leading number, the first carrying
 * the front matter with the title and no other carrying front matter. Separate documents
 * each have their own. The project file is the first section.
 */
export function readNumberedSections(folder: string, fs: ProjectFileSystem): BookProject | undefined {
  const names = fileNamesIn(fs, folder, PROSE_EXTENSIONS);
  if (names.length < 2 || !names.every((name) => NUMBERED_SECTION.test(name))) return undefined;
  const paths = names.map((name) => join(folder, name));
  // The first section's title first: most folders stop there without reading the others.
  if (!findFrontMatter(fs.readText(paths[0]!) ?? '')?.title.length) return undefined;
  if (paths.slice(1).some((path) => findFrontMatter(fs.readText(path) ?? '') !== undefined)) return undefined;
  const builder = new BookBuilder(fs, folder);
  for (const path of paths) builder.addChapter(path);
  return { kind: 'numbered-sections', projectFile: paths[0]!, root: folder, files: builder.files, chapterCount: builder.chapters, problems: builder.problems };
}
const NUMBERED_SECTION = /^\d+/;

/**
 * The include tree a folder without a project file holds: its one document that includes others
 * of the folder (`manuscript.qmd` with `{{< include 03-introduction.qmd >}}` …) and that none of
 * them includes. Undefined when there is no such document, or more than one (each is then read
 * on its own, as a lone document given to check is). Read for a folder given to check; the editor
 * reads a part in its includer's tree while the includer is open (`bookOfOpenDocument`), without
 * reading the folder at each keystroke.
 */
export function readLoneIncludeRoot(folder: string, fs: ProjectFileSystem): BookProject | undefined {
  const texts = new Map<string, string>();
  for (const name of fileNamesIn(fs, folder, PROSE_EXTENSIONS)) {
    const text = fs.readText(join(folder, name));
    if (text !== undefined && text.includes('{{<')) texts.set(join(folder, name), text);
  }
  if (texts.size === 0) return undefined;
  const includers = [...texts].filter(([, text]) => findIncludeShortcodes(text).length > 0).map(([path]) => path);
  if (includers.length === 0) return undefined;
  const trees = includers.map((path) => readIncludeTree(path, fs));
  const included = new Set(trees.flatMap((tree) => tree.files.filter((file) => file.path !== tree.projectFile).map((file) => file.path)));
  const roots = trees.filter((tree) => !included.has(tree.projectFile));
  return roots.length === 1 ? roots[0] : undefined;
}

/** Names of the files (not folders) in `folder` that match `pattern`, in name order. */
function fileNamesIn(fs: ProjectFileSystem, folder: string, pattern: RegExp): string[] {
  return fs
    .list(folder)
    .filter((entry) => !entry.isDirectory && pattern.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The book a project file describes, or undefined when it is not a book (a Quarto website, a default project). */
export function readBookProject(projectFile: string, fs: ProjectFileSystem): BookProject | undefined {
  const name = basename(projectFile);
  if (isManubotMetadata(projectFile, fs)) return readManubotProject(fs, projectFile);
  if (name === '_bookdown.yml') return readBookdownProject(fs, projectFile);
  if (name === '_quarto.yml' || name === '_quarto.yaml') return readQuartoProject(fs, projectFile);
  return undefined;
}

/** A lone document and the files it includes, as a book of one chapter. */
export function readIncludeTree(documentPath: string, fs: ProjectFileSystem): BookProject {
  const root = dirname(documentPath);
  const builder = new BookBuilder(fs, root);
  builder.addChapter(documentPath);
  return { kind: 'include-tree', projectFile: documentPath, root, files: builder.files, chapterCount: 1, problems: builder.problems };
}

/**
 * The nearest project file in `folder` or above it: `_quarto.yml`, `_bookdown.yml`, or a
 * Manubot `metadata.yaml` (found from its content folder, or from the folder holding `content/`).
 */
export function findProjectFile(folder: string, fs: ProjectFileSystem): string | undefined {
  let current = resolve(folder);
  for (;;) {
    for (const name of PROJECT_FILE_NAMES) {
      const candidate = join(current, name);
      if (fs.isFile(candidate)) return candidate;
    }
    for (const manubot of [join(current, MANUBOT_METADATA), join(current, MANUBOT_CONTENT, MANUBOT_METADATA)]) {
      if (isManubotMetadata(manubot, fs)) return manubot;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** The book holding a document: the project above it if it lists the document, else the document's own include tree when it has includes. */
export function bookContaining(documentPath: string, fs: ProjectFileSystem): BookProject | undefined {
  const path = resolve(documentPath);
  const projectFile = findProjectFile(dirname(path), fs);
  const project = projectFile ? readBookProject(projectFile, fs) : undefined;
  if (project?.files.some((f) => f.path === path)) return project;
  const text = fs.readText(path);
  if (text !== undefined && findIncludeShortcodes(text).length > 0) return readIncludeTree(path, fs);
  if (!projectFile) {
    const sections = readNumberedSections(dirname(path), fs);
    if (sections?.files.some((f) => f.path === path)) return sections;
  }
  return undefined;
}

/**
 * The book a folder holds as its own: the project file at its root (or, for Manubot, in its
 * `content/` folder, or the folder is that content folder); without any project file above,
 * numbered section files whose first alone has a titled front matter. Undefined otherwise: a
 * folder inside another project, or a `_quarto.yml` that is not a book or manuscript.
 */
export function bookOfFolder(folder: string, fs: ProjectFileSystem): BookProject | undefined {
  const root = resolve(folder);
  const projectFile = findProjectFile(root, fs);
  if (!projectFile) return readNumberedSections(root, fs) ?? readLoneIncludeRoot(root, fs);
  const isOwn = dirname(projectFile) === root || (isManubotMetadata(projectFile, fs) && dirname(dirname(projectFile)) === root);
  return isOwn ? readBookProject(projectFile, fs) : undefined;
}

/** What a path given to check names: a book, or a project file that describes no book (a Quarto website, a default project). */
export type InputBook = { book: BookProject } | { notABook: string };

/**
 * The book a path given to check (a command-line argument) names, when it names one: a folder
 * holding a book of its own (`bookOfFolder`), a project file (`_quarto.yml`, `_bookdown.yml`,
 * Manubot's `metadata.yaml`), or a lone document with `{{< include >}}` shortcodes, a book of
 * one chapter as the editor reads it. A project file of no book gives `notABook` (its path);
 * anything else is undefined: a file checked on its own.
 */
export function bookOfInput(path: string, fs: ProjectFileSystem): InputBook | undefined {
  const full = resolve(path);
  if (!fs.isFile(full)) {
    const book = bookOfFolder(full, fs);
    return book && { book };
  }
  if (isManubotMetadata(full, fs)) return { book: readManubotProject(fs, full) };
  if (PROJECT_FILE_NAMES.includes(basename(full))) {
    const book = readBookProject(full, fs);
    return book ? { book } : { notABook: full };
  }
  const text = fs.readText(full);
  return text !== undefined && findIncludeShortcodes(text).length > 0 ? { book: readIncludeTree(full, fs) } : undefined;
}

/**
 * The book holding a document (see `bookContaining`), or else the book of another open
 * document that includes it: an included file open on its own belongs to its includer's book.
 */
export function bookOfOpenDocument(documentPath: string, fs: ProjectFileSystem, openTexts: ReadonlyMap<string, string>): BookProject | undefined {
  const book = bookContaining(documentPath, fs);
  if (book) return book;
  for (const [includerPath, text] of openTexts) {
    if (includerPath === documentPath || !text.includes('{{<')) continue;
    const candidate = bookContaining(includerPath, fs);
    if (candidate?.files.some((f) => f.path === documentPath)) return candidate;
  }
  return undefined;
}

/** A file system that prefers `overlay` texts (open editor documents) over `base`. */
export function withOverlay(base: ProjectFileSystem, overlay: (path: string) => string | undefined): ProjectFileSystem {
  return {
    readText: (path) => overlay(path) ?? base.readText(path),
    isFile: (path) => overlay(path) !== undefined || base.isFile(path),
    list: (folder) => base.list(folder),
  };
}
