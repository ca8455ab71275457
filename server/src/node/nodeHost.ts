/** The desktop host of the language server: `file:` URIs, the disk, the process's folder. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerHost } from '../host';
import { nodeFileSystem } from './nodeFileSystem';

/** The host `server/src/node/main.ts` starts the server with. */
export const nodeHost: ServerHost = {
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uriOf: (path) => pathToFileURL(path).href,
  files: nodeFileSystem,
  defaultFolder: process.cwd(),
};
