/**
 * Reading of project files for the CLI and the language server: `.carnkrc` configuration
 * found upwards from each document, and project glossaries. Parsing and validation happen
 * in the service; this module only finds and reads files, through a `ProjectFileSystem`
 * (the disk in Node, the client's workspace in the browser worker), keeping each file's
 * parse while its text stays the same.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseGlossary, parseProjectConfig, type ConfigProblem, type ProjectSettings, type TermEntry } from '../service/index';
import type { ProjectFileSystem } from './bookProject';

/** Names a project configuration may have, in order of preference. */
export const CONFIG_NAMES = ['.carnkrc.json', '.carnkrc.yaml', '.carnkrc.yml', '.carnkrc'];
/** Glossary files found next to a document or in a parent folder without being configured. */
export const GLOSSARY_NAMES = ['.carnk-glossary.yaml', '.carnk-glossary.yml', '.carnk-glossary.json'];

/** A problem in a project file, with its path. */
export interface FileProblem extends ConfigProblem {
  file: string;
}

/** What applies to one document: the nearest configuration and the glossary entries. */
export interface ProjectContext {
  configFile?: string;
  settings: ProjectSettings;
  glossaryFiles: string[];
  glossaryEntries: TermEntry[];
  problems: FileProblem[];
}

/** A file's parse, valid while the file's text stays the same (the disk file system keeps one string per modification time). */
interface ParsedFile<T> {
  text: string;
  value: T;
}

const configCache = new Map<string, ParsedFile<{ settings: ProjectSettings; problems: ConfigProblem[] }>>();
const glossaryCache = new Map<string, ParsedFile<{ entries: readonly TermEntry[]; problems: readonly ConfigProblem[] }>>();

/** The parsed content of `path`, parsed again only when its text changed; undefined when it cannot be read. */
function readParsed<T>(cache: Map<string, ParsedFile<T>>, fs: ProjectFileSystem, path: string, parse: (text: string) => T): T | undefined {
  if (!fs.isFile(path)) return undefined;
  const text = fs.readText(path);
  if (text === undefined) return undefined;
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.value;
  const value = parse(text);
  cache.set(path, { text, value });
  return value;
}

/** The first existing file among `names` in `folder` or its parents, stopping at `root` if given. */
function findUpwards(fs: ProjectFileSystem, folder: string, names: string[], root?: string): string | undefined {
  let current = resolve(folder);
  for (;;) {
    for (const name of names) {
      const candidate = join(current, name);
      if (fs.isFile(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current || (root && current === resolve(root))) return undefined;
    current = parent;
  }
}

/** Reads and parses a glossary file (cached); problems carry the file path. */
export function readGlossaryFile(fs: ProjectFileSystem, path: string): { entries: readonly TermEntry[]; problems: FileProblem[] } {
  const parsed = readParsed(glossaryCache, fs, path, (text) => parseGlossary(text, path));
  if (!parsed) return { entries: [], problems: [{ file: path, message: `${path}: glossary file cannot be read`, line: 0, character: 0 }] };
  return { entries: parsed.entries, problems: parsed.problems.map((p) => ({ ...p, file: path })) };
}

/** Reads and parses a configuration file (cached). */
export function readConfigFile(fs: ProjectFileSystem, path: string): { settings: ProjectSettings; problems: FileProblem[] } {
  const parsed = readParsed(configCache, fs, path, (text) => parseProjectConfig(text, path));
  if (!parsed) return { settings: {}, problems: [] };
  return { settings: parsed.settings, problems: parsed.problems.map((p) => ({ ...p, file: path })) };
}

/**
 * The project context of a document: the nearest `.carnkrc*` upwards, the glossaries it
 * lists (relative to it) plus `extraGlossaries` (absolute or relative to `cwd`), and a
 * `.carnk-glossary.*` found upwards.
 */
export function projectContextFor(
  fs: ProjectFileSystem,
  documentPath: string | undefined,
  extraGlossaries: string[],
  cwd: string,
  { searchUpwards = true }: { searchUpwards?: boolean } = {},
): ProjectContext {
  const context: ProjectContext = { settings: {}, glossaryFiles: [], glossaryEntries: [], problems: [] };
  const folder = documentPath ? dirname(resolve(documentPath)) : cwd;
  const configFile = searchUpwards ? findUpwards(fs, folder, CONFIG_NAMES) : undefined;
  if (configFile) {
    const config = readConfigFile(fs, configFile);
    context.configFile = configFile;
    context.settings = config.settings;
    context.problems.push(...config.problems);
    for (const glossary of config.settings.glossaries ?? []) {
      context.glossaryFiles.push(isAbsolute(glossary) ? glossary : join(dirname(configFile), glossary));
    }
  }
  for (const glossary of extraGlossaries) context.glossaryFiles.push(isAbsolute(glossary) ? glossary : resolve(cwd, glossary));
  const found = searchUpwards ? findUpwards(fs, folder, GLOSSARY_NAMES) : undefined;
  if (found && !context.glossaryFiles.includes(found)) context.glossaryFiles.push(found);
  for (const file of context.glossaryFiles) {
    const glossary = readGlossaryFile(fs, file);
    context.glossaryEntries.push(...glossary.entries);
    context.problems.push(...glossary.problems);
  }
  return context;
}
