/**
 * What the language server needs from the place it runs: the desktop (Node, the disk) or a
 * browser worker (VS Code for the Web, project files read through the client). `startServer`
 * takes one; `server/src/node/main.ts` and `server/src/browser/main.ts` make them.
 */
import type { ProjectFileSystem } from './project/bookProject';

/** Files and paths as the server sees them where it runs. */
export interface ServerHost {
  /** The project path of a document URI (absolute, as the project modules use), or undefined for a document outside any project (untitled, another scheme). */
  pathOf(uri: string): string | undefined;
  /** The URI of a project path, for diagnostics on files that are not open. */
  uriOf(path: string): string;
  /** Project files: `.carnkrc`, glossaries, book files. */
  files: ProjectFileSystem;
  /** Folder that relative glossary paths in the settings start from when there is no workspace folder. */
  defaultFolder: string;
  /**
   * For hosts whose files arrive asynchronously (the browser worker): fetches what reads since
   * the last call found missing and resolves with whether there was any. Absent on the disk,
   * where every read is answered at once.
   */
  loadMissing?(): Promise<boolean>;
  /** Forgets what the host holds of project files (a watched file changed). */
  forget?(): void;
}
