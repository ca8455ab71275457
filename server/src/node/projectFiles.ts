/**
 * Node-side reading of project files for the CLI and the language server: `.carnkrc`
 * configuration found upwards from each document, and project glossaries. Parsing and
 * validation happen in the service; this module only finds and reads files, caching by
 * modification time.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseGlossary, parseProjectConfig, type ConfigProblem, type ProjectSettings, type TermEntry } from '../service/index';

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

/** A value parsed from a file, valid while the file's modification time and size stay the same. */
export interface CachedFile<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

const configCache = new Map<string, CachedFile<{ settings: ProjectSettings; problems: ConfigProblem[] }>>();
const glossaryCache = new Map<string, CachedFile<{ entries: readonly TermEntry[]; problems: readonly ConfigProblem[] }>>();

function statOf(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? { mtimeMs: info.mtimeMs, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The parsed content of `path`, read and parsed again only when the file changed; undefined when it cannot be read. */
export function readCached<T>(cache: Map<string, CachedFile<T>>, path: string, parse: (text: string) => T): T | undefined {
  const info = statOf(path);
  if (!info) return undefined;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.value;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const value = parse(text);
  cache.set(path, { ...info, value });
  return value;
}

/** The first existing file among `names` in `folder` or its parents, stopping at `root` if given. */
function findUpwards(folder: string, names: string[], root?: string): string | undefined {
  let current = resolve(folder);
  for (;;) {
    for (const name of names) {
      const candidate = join(current, name);
      if (statOf(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current || (root && current === resolve(root))) return undefined;
    current = parent;
  }
}

/** Reads and parses a glossary file (cached); problems carry the file path. */
export function readGlossaryFile(path: string): { entries: readonly TermEntry[]; problems: FileProblem[] } {
  const parsed = readCached(glossaryCache, path, (text) => parseGlossary(text, path));
  if (!parsed) return { entries: [], problems: [{ file: path, message: `${path}: glossary file cannot be read`, line: 0, character: 0 }] };
  return { entries: parsed.entries, problems: parsed.problems.map((p) => ({ ...p, file: path })) };
}

/** Reads and parses a configuration file (cached). */
export function readConfigFile(path: string): { settings: ProjectSettings; problems: FileProblem[] } {
  const parsed = readCached(configCache, path, (text) => parseProjectConfig(text, path));
  if (!parsed) return { settings: {}, problems: [] };
  return { settings: parsed.settings, problems: parsed.problems.map((p) => ({ ...p, file: path })) };
}

/**
 * The project context of a document on disk: the nearest `.carnkrc*` upwards, the
 * glossaries it lists (relative to it) plus `extraGlossaries` (absolute or relative to
 * `cwd`), and a `.carnk-glossary.*` found upwards.
 */
export function projectContextFor(
  documentPath: string | undefined,
  extraGlossaries: string[] = [],
  cwd = process.cwd(),
  { searchUpwards = true }: { searchUpwards?: boolean } = {},
): ProjectContext {
  const context: ProjectContext = { settings: {}, glossaryFiles: [], glossaryEntries: [], problems: [] };
  const folder = documentPath ? dirname(resolve(documentPath)) : cwd;
  const configFile = searchUpwards ? findUpwards(folder, CONFIG_NAMES) : undefined;
  if (configFile) {
    const config = readConfigFile(configFile);
    context.configFile = configFile;
    context.settings = config.settings;
    context.problems.push(...config.problems);
    for (const glossary of config.settings.glossaries ?? []) {
      context.glossaryFiles.push(isAbsolute(glossary) ? glossary : join(dirname(configFile), glossary));
    }
  }
  for (const glossary of extraGlossaries) context.glossaryFiles.push(isAbsolute(glossary) ? glossary : resolve(cwd, glossary));
  const found = searchUpwards ? findUpwards(folder, GLOSSARY_NAMES) : undefined;
  if (found && !context.glossaryFiles.includes(found)) context.glossaryFiles.push(found);
  for (const file of context.glossaryFiles) {
    const glossary = readGlossaryFile(file);
    context.glossaryEntries.push(...glossary.entries);
    context.problems.push(...glossary.problems);
  }
  return context;
}
