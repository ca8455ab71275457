/**
 * The entries of `folder` in an in-memory workspace given as absolute paths to texts: folders
 * are implied by the paths (`/book/ch/1.md` makes `ch` a folder of `/book`).
 */
export function memoryListing(files: Record<string, string>, folder: string): { name: string; isDirectory: boolean }[] {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const entries = new Map<string, boolean>();
  for (const path of Object.keys(files)) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    entries.set(name!, rest.length > 0 || entries.get(name!) === true);
  }
  return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
}
