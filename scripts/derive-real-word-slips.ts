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
import { join } from 'node:path';
import { intendedFormsOf, slipsOf } from '../server/src/service/rules/slipSpellings';
import { buildBloomFilter } from '../server/src/service/text/bloomFilter';
import { writeOrCheck } from './derived-output';
import { scowlNotice, scowlWordLists, scowlWords } from './scowl';

const root = join(__dirname, '..');
const sources = scowlWordLists('derive-real-word-slips', ['/usr/share/dict/american-english-insane', '/usr/share/dict/british-english-insane'], 'wamerican-insane wbritish-insane');
const target = join(root, 'data', 'real-word-slips.json');

const words = scowlWords(sources, (word) => /^[a-z]{7,}$/.test(word));
const slips = new Set<string>();
for (const word of words) {
  for (const { word: slip } of slipsOf(word)) if (words.has(slip)) slips.add(slip);
  // Read the other way round only for words of eight letters or more, as the check does.
  if (word.length > 7) for (const { word: intended } of intendedFormsOf(word)) if (words.has(intended)) slips.add(word);
}

const notice = scowlNotice(
  'A Bloom filter of the English words (seven letters or more, in small letters) that are a slip of the keys for another English word, ' +
    'derived by scripts/derive-real-word-slips.ts from SCOWL (Debian wamerican-insane and wbritish-insane).',
);
const output = `${JSON.stringify({ notice, words: slips.size, ...buildBloomFilter([...slips].sort()) }, null, 1)}\n`;
writeOrCheck(target, output, `${slips.size} words that are a slip for another word`);
