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
import { join } from 'node:path';
import { buildBloomFilter } from '../server/src/service/text/bloomFilter';
import { writeOrCheck } from './derived-output';
import { scowlNotice, scowlWordLists, scowlWords } from './scowl';

const root = join(__dirname, '..');
const sources = scowlWordLists('derive-english-words', ['/usr/share/dict/american-english', '/usr/share/dict/british-english'], 'wamerican wbritish');
const target = join(root, 'data', 'english-words.json');

// Only words the lists write in small letters: `Mendelian` and `Gaussian` are names, not words written small.
const words = scowlWords(sources, (word) => /^[a-z]{4,}$/.test(word), false);
const notice = scowlNotice(
  'A Bloom filter of the English words of four letters or more that SCOWL writes in small letters, ' +
    'derived by scripts/derive-english-words.ts from SCOWL (Debian wamerican and wbritish).',
);
const output = `${JSON.stringify({ notice, words: words.size, ...buildBloomFilter([...words].sort()) }, null, 1)}\n`;
writeOrCheck(target, output, `${words.size} words`);
