// SCOWL's word lists as the derive scripts read them (Debian's wamerican* and wbritish*), and the
// notice every file derived from them carries. SCOWL is Copyright 2000-2011 by Kevin Atkinson and
// others, under the permissive notices data/scowl-copyright.txt repeats.
import { existsSync, readFileSync } from 'node:fs';

/** The word lists given as `--words <file>` (repeatable), else `defaults`; exits 2 naming the Debian packages when one is missing. */
export function scowlWordLists(script: string, defaults: readonly string[], packages: string, argv: readonly string[] = process.argv): string[] {
  const given = argv.flatMap((arg, i) => (arg === '--words' && argv[i + 1] ? [argv[i + 1]!] : []));
  const sources = given.length > 0 ? given : [...defaults];
  for (const source of sources) {
    if (!existsSync(source)) {
      console.error(`${script}: no word list at ${source} (Debian: apt-get install ${packages})`);
      process.exit(2);
    }
  }
  return sources;
}

/** The words of the lists, trimmed and in small letters, that `keep` accepts. */
export function scowlWords(sources: readonly string[], keep: (word: string) => boolean, lowerCase = true): Set<string> {
  return new Set(
    sources.flatMap((source) =>
      readFileSync(source, 'utf8')
        .split('\n')
        .map((line) => (lowerCase ? line.trim().toLowerCase() : line.trim()))
        .filter(keep),
    ),
  );
}

/** The notice a file derived from SCOWL carries, after a sentence saying what it holds and how it was derived. */
export function scowlNotice(what: string): string {
  return (
    `${what} ` +
    'SCOWL: Copyright 2000-2011 by Kevin Atkinson. ' +
    'Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, ' +
    'and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies ' +
    'and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no ' +
    'representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty. ' +
    'The notices of the lists SCOWL collects are repeated in data/scowl-copyright.txt.'
  );
}
