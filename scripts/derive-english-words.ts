#!/usr/bin/env node
// Derives data/english-words.json: the English words written in small letters, four letters or
// more, as a Bloom filter. rules/caseSpellings.ts asks it whether a word in small letters that
// the document also writes with a capital (`proteobacteria` beside `Proteobacteria`) is an English
// word, written in small letters on purpose (`western` beside `Western blot`). From SCOWL's
// standard word lists, American and British (Debian's wamerican and wbritish; SCOWL is Copyright
// 2000-2011 by Kevin Atkinson and others, under the permissive notices data/scowl-copyright.txt
// repeats). Some 65,000 words: about 1% of other words read as held, so 1% of true findings go
// unreported; an English word is never read as missing.
//
// Usage: node --import tsx scripts/derive-english-words.ts [--words <file> ...] [--check]
//   --words: a word list, one word a line (repeatable; default: /usr/share/dict/american-english and british-english)
//   --check: exit 1 when the committed file differs from what the word lists give (write nothing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBloomFilter } from '../server/src/service/text/bloomFilter';

const root = join(__dirname, '..');
const given = process.argv.flatMap((arg, i) => (arg === '--words' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
const sources = given.length > 0 ? given : ['/usr/share/dict/american-english', '/usr/share/dict/british-english'];
const target = join(root, 'data', 'english-words.json');
for (const source of sources) {
  if (!existsSync(source)) {
    console.error(`derive-english-words: no word list at ${source} (Debian: apt-get install wamerican wbritish)`);
    process.exit(2);
  }
}

// Only words the lists write in small letters: `Mendelian` and `Gaussian` are names, not words written small.
const words = new Set(sources.flatMap((source) => readFileSync(source, 'utf8').split('\n').map((line) => line.trim()).filter((word) => /^[a-z]{4,}$/.test(word))));
const notice =
  'A Bloom filter of the English words of four letters or more that SCOWL writes in small letters, ' +
  'derived by scripts/derive-english-words.ts from SCOWL (Debian wamerican and wbritish). ' +
  'SCOWL: Copyright 2000-2011 by Kevin Atkinson. ' +
  'Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, ' +
  'and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies ' +
  'and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no ' +
  'representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty. ' +
  'The notices of the lists SCOWL collects are repeated in data/scowl-copyright.txt.';
const output = `${JSON.stringify({ notice, words: words.size, ...buildBloomFilter([...words].sort()) }, null, 1)}\n`;
if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== output) {
    console.error('derive-english-words: data/english-words.json differs from what the word lists give');
    process.exit(1);
  }
  console.log(`data/english-words.json matches (${words.size} words)`);
} else {
  writeFileSync(target, output);
  console.log(`wrote data/english-words.json: ${words.size} words`);
}
