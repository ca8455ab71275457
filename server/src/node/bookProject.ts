/**
 * Book discovery on the disk: `server/src/project/bookProject.ts` with the disk as the
 * default file system, for the CLI and the desktop language server.
 */
import {
  bookContaining as bookContainingIn,
  bookOfInput as bookOfInputIn,
  bookOfFolder as bookOfFolderIn,
  findProjectFile as findProjectFileIn,
  isManubotMetadata as isManubotMetadataIn,
  readBookProject as readBookProjectIn,
  readIncludeTree as readIncludeTreeIn,
  readNumberedSections as readNumberedSectionsIn,
  type BookProject,
  type InputBook,
  type ProjectFileSystem,
} from '../project/bookProject';
import { nodeFileSystem } from './nodeFileSystem';

export {
  findIncludeShortcodes,
  PROJECT_FILE_NAMES,
  withOverlay,
  type BookFile,
  type BookKind,
  type BookProblem,
  type BookProject,
  type IncludeShortcode,
  type InputBook,
  type ProjectFileSystem,
} from '../project/bookProject';
export { nodeFileSystem } from './nodeFileSystem';

/** True for Manubot's project marker (see the project module); the disk unless `fs` is given. */
export function isManubotMetadata(path: string, fs: ProjectFileSystem = nodeFileSystem): boolean {
  return isManubotMetadataIn(path, fs);
}

/** A manuscript split into numbered section files (see the project module); the disk unless `fs` is given. */
export function readNumberedSections(folder: string, fs: ProjectFileSystem = nodeFileSystem): BookProject | undefined {
  return readNumberedSectionsIn(folder, fs);
}

/** The book a project file describes; the disk unless `fs` is given. */
export function readBookProject(projectFile: string, fs: ProjectFileSystem = nodeFileSystem): BookProject | undefined {
  return readBookProjectIn(projectFile, fs);
}

/** A lone document and the files it includes, as a book of one chapter; the disk unless `fs` is given. */
export function readIncludeTree(documentPath: string, fs: ProjectFileSystem = nodeFileSystem): BookProject {
  return readIncludeTreeIn(documentPath, fs);
}

/** The nearest project file in `folder` or above it; the disk unless `fs` is given. */
export function findProjectFile(folder: string, fs: ProjectFileSystem = nodeFileSystem): string | undefined {
  return findProjectFileIn(folder, fs);
}

/** The book holding a document; the disk unless `fs` is given. */
export function bookContaining(documentPath: string, fs: ProjectFileSystem = nodeFileSystem): BookProject | undefined {
  return bookContainingIn(documentPath, fs);
}

/** The book a folder holds as its own, or undefined; the disk unless `fs` is given. */
export function bookOfFolder(folder: string, fs: ProjectFileSystem = nodeFileSystem): BookProject | undefined {
  return bookOfFolderIn(folder, fs);
}

/** The book a path given to check names, if any (see the project module); the disk unless `fs` is given. */
export function bookOfInput(path: string, fs: ProjectFileSystem = nodeFileSystem): InputBook | undefined {
  return bookOfInputIn(path, fs);
}
