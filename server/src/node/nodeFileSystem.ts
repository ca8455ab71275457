/**
 * The disk as a `ProjectFileSystem`, for the CLI and the desktop language server. Texts are
 * cached by modification time and size, so an unchanged file keeps the same string (and the
 * service its cached model, and the project readers their parse).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ProjectFileSystem } from '../project/bookProject';

/** A value read from a file, valid while the file's modification time and size stay the same. */
interface CachedFile<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

const textCache = new Map<string, CachedFile<string>>();

function statOf(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? { mtimeMs: info.mtimeMs, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The text of `path`, read again only when the file changed; undefined when it cannot be read. A leading byte-order mark is dropped. */
function readCachedText(path: string): string | undefined {
  const info = statOf(path);
  if (!info) return undefined;
  const hit = textCache.get(path);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.value;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const value = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  textCache.set(path, { ...info, value });
  return value;
}

/** The disk, with texts cached by modification time and size. */
export const nodeFileSystem: ProjectFileSystem = {
  readText: readCachedText,
  isFile(path: string): boolean {
    return statOf(path) !== undefined;
  },
  list(folder: string): { name: string; isDirectory: boolean }[] {
    try {
      return readdirSync(folder, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
    } catch {
      return [];
    }
  },
};
