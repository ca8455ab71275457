/**
 * The browser worker's host: a worker cannot read the workspace, so project files come from
 * the client over `carnk/readFile` and `carnk/readDirectory` (answered with
 * `vscode.workspace.fs`). The project modules read synchronously; this host answers from what
 * it holds, notes what it lacks, and fetches that when the server calls `loadMissing` before
 * a lint (see `validate` in `server/src/server.ts`).
 */
import { basename, dirname } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../host';
import type { ProjectFileSystem } from '../project/bookProject';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadDirectoryResult, type ReadFileResult, type WorkspaceFileParams } from '../protocol';

type FolderEntry = { name: string; isDirectory: boolean };

/**
 * Paths are URI paths (decoded, POSIX) under one origin (`scheme://authority`), the workspace
 * folder's or, without one, the first document's: `vscode-vfs://github/o/r/paper.md` is
 * `/o/r/paper.md`. Documents under another origin (untitled ones) have no project.
 */
class UriPaths {
  private origin: string | undefined;

  pathOf(uri: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(uri);
    } catch {
      return undefined;
    }
    // An opaque URI (`untitled:Untitled-1`) has no folder to look for a project in.
    if (!uri.startsWith(`${parsed.protocol}//`)) return undefined;
    const origin = `${parsed.protocol}//${parsed.host}`;
    this.origin ??= origin;
    if (origin !== this.origin) return undefined;
    try {
      return decodeURIComponent(parsed.pathname || '/');
    } catch {
      return undefined;
    }
  }

  uriOf(path: string): string {
    return `${this.origin ?? 'file://'}${path.split('/').map(encodeURIComponent).join('/')}`;
  }
}

/** The workspace as the client reads it: file texts and folder listings, held until forgotten. */
class ClientFileSystem implements ProjectFileSystem {
  private readonly texts = new Map<string, string | undefined>();
  private readonly folders = new Map<string, FolderEntry[] | undefined>();
  private readonly missingTexts = new Set<string>();
  private readonly missingFolders = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly paths: UriPaths,
  ) {}

  readText(path: string): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    this.missingTexts.add(path);
    return undefined;
  }

  // One listing answers every question about a folder's files: `.carnkrc` and project-file
  // look-ups test several names in each folder up to the root.
  isFile(path: string): boolean {
    const name = basename(path);
    return this.folder(dirname(path))?.some((entry) => entry.name === name && !entry.isDirectory) ?? false;
  }

  list(folder: string): FolderEntry[] {
    return this.folder(folder) ?? [];
  }

  private folder(path: string): FolderEntry[] | undefined {
    if (this.folders.has(path)) return this.folders.get(path);
    this.missingFolders.add(path);
    return undefined;
  }

  /** Fetches what reads found missing; resolves, once those and fetches already under way arrive, with whether there were any. */
  async loadMissing(): Promise<boolean> {
    const fetches: Promise<void>[] = [];
    for (const path of this.missingTexts) fetches.push(this.fetchText(path));
    for (const path of this.missingFolders) fetches.push(this.fetchFolder(path));
    this.missingTexts.clear();
    this.missingFolders.clear();
    for (const fetch of fetches) {
      this.inFlight.add(fetch);
      void fetch.finally(() => this.inFlight.delete(fetch));
    }
    if (this.inFlight.size === 0) return false;
    await Promise.all([...this.inFlight]);
    return true;
  }

  forget(): void {
    this.texts.clear();
    this.folders.clear();
  }

  private async fetchText(path: string): Promise<void> {
    const params: WorkspaceFileParams = { uri: this.paths.uriOf(path) };
    const text = await this.connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, params).catch(() => null);
    this.texts.set(path, typeof text === 'string' ? (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : undefined);
  }

  private async fetchFolder(path: string): Promise<void> {
    const params: WorkspaceFileParams = { uri: this.paths.uriOf(path) };
    const entries = await this.connection.sendRequest<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, params).catch(() => null);
    this.folders.set(path, Array.isArray(entries) ? entries : undefined);
  }
}

/** A host that reads project files through the client of `connection`. */
export function createClientHost(connection: Connection): ServerHost {
  const paths = new UriPaths();
  const files = new ClientFileSystem(connection, paths);
  return {
    pathOf: (uri) => paths.pathOf(uri),
    uriOf: (path) => paths.uriOf(path),
    files,
    defaultFolder: '/',
    loadMissing: () => files.loadMissing(),
    forget: () => files.forget(),
  };
}
