#!/usr/bin/env node
// Derives data/real-word-slips.json: the English words that are a slip of the keys for another
// English word, as rules/slipSpellings.ts reads slips (one inner letter left out, two inner
// neighbours swapped, one inner letter added, or one inner vowel written for another): `deceased`
// for decreased, `deletion` for depletion, `cysteine` for cystine, `thoracostomy` for
// thoracotomy. Such a word is written on purpose as often as by mistake, so the slip check never
// guesses at it. From SCOWL's largest word lists, American and British (Debian's
// wamerican-insane and wbritish-insane, which know the words of the sciences; SCOWL is Copyright
// 2000-2011 by Kevin Atkinson and others, under the permissive notices data/scowl-copyright.txt
// repeats). Some 57,000 words: stored as a Bloom filter (about 1% of other words read as held,
// so 1% of true slips go unreported; a held word is never missed).
//
// Usage: node --import tsx scripts/derive-real-word-slips.ts [--words <file> ...] [--check]
//   --words: a word list, one word a line (repeatable; default: /usr/share/dict/american-english-insane and british-english-insane)
//   --check: exit 1 when the committed file differs from what the word lists give (write nothing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intendedFormsOf, slipsOf } from '../server/src/service/rules/slipSpellings';
import { buildBloomFilter } from '../server/src/service/text/bloomFilter';

const root = join(__dirname, '..');
const given = process.argv.flatMap((arg, i) => (arg === '--words' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
const sources = given.length > 0 ? given : ['/usr/share/dict/american-english-insane', '/usr/share/dict/british-english-insane'];
const target = join(root, 'data', 'real-word-slips.json');
for (const source of sources) {
  if (!existsSync(source)) {
    console.error(`derive-real-word-slips: no word list at ${source} (Debian: apt-get install wamerican-insane wbritish-insane)`);
    process.exit(2);
  }
}

const words = new Set(
  sources.flatMap((source) =>
    readFileSync(source, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((word) => /^[a-z]{7,}$/.test(word)),
  ),
);
const slips = new Set<string>();
for (const word of words) {
  for (const { word: slip } of slipsOf(word)) if (words.has(slip)) slips.add(slip);
  // Read the other way round only for words of eight letters or more, as the check does.
  if (word.length > 7) for (const { word: intended } of intendedFormsOf(word)) if (words.has(intended)) slips.add(word);
}

const notice =
  'A Bloom filter of the English words (seven letters or more, in small letters) that are a slip of the keys for another English word, ' +
  'derived by scripts/derive-real-word-slips.ts from SCOWL (Debian wamerican-insane and wbritish-insane). ' +
  'SCOWL: Copyright 2000-2011 by Kevin Atkinson. ' +
  'Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, ' +
  'and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies ' +
  'and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no ' +
  'representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty. ' +
  'The notices of the lists SCOWL collects are repeated in data/scowl-copyright.txt.';
const output = `${JSON.stringify({ notice, words: slips.size, ...buildBloomFilter([...slips].sort()) }, null, 1)}\n`;
if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== output) {
    console.error('derive-real-word-slips: data/real-word-slips.json differs from what the word lists give');
    process.exit(1);
  }
  console.log(`data/real-word-slips.json matches (${slips.size} words)`);
} else {
  writeFileSync(target, output);
  console.log(`wrote data/real-word-slips.json: ${slips.size} words that are a slip for another word`);
}
