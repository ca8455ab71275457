/**
 * Project files on the disk: `.carnkrc` and glossaries found and read as
 * `server/src/project/projectFiles.ts` does, with the disk and the process's folder as defaults.
 */
import { projectContextFor as projectContextIn, type ProjectContext } from '../project/projectFiles';
import { nodeFileSystem } from './nodeFileSystem';

export { CONFIG_NAMES, GLOSSARY_NAMES, type FileProblem, type ProjectContext } from '../project/projectFiles';

/**
 * The project context of a document on disk: the nearest `.carnkrc*` upwards, the
 * glossaries it lists (relative to it) plus `extraGlossaries` (absolute or relative to
 * `cwd`), and a `.carnk-glossary.*` found upwards.
 */
export function projectContextFor(
  documentPath: string | undefined,
  extraGlossaries: string[] = [],
  cwd = process.cwd(),
  options: { searchUpwards?: boolean } = {},
): ProjectContext {
  return projectContextIn(nodeFileSystem, documentPath, extraGlossaries, cwd, options);
}
