/** The last segment of a URI or path, decoded, as messages and hover name another file of a book. */
export function fileNameOf(uri: string): string {
  const name = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    // A malformed escape (`%E0%A4%A`) is shown as written.
    return name;
  }
}
