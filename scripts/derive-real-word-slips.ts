#!/usr/bin/env node
// Derives data/real-word-slips.json: the English words that are a slip of the keys for another
// English word, as rules/slipSpellings.ts reads slips (one inner letter left out, two inner
// neighbours swapped, one inner letter added, or one inner vowel written for another): `deceased`
// for decreased, `deletion` for depletion, `mediation` for medication, `dependant` for dependent. Such a word is written on purpose as often as by mistake, so the slip check never
// guesses at it. From a word list of the SCOWL family (Debian's wamerican, /usr/share/dict/words;
// SCOWL is Copyright 2000-2011 by Kevin Atkinson, used under its permission notice, which the
// data file repeats). Only words of the shape the check reads are kept (seven letters or more).
//
// Usage: node --import tsx scripts/derive-real-word-slips.ts [--words <file>] [--check]
//   --check: exit 1 when the committed file differs from what the word list gives (write nothing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intendedFormsOf, slipsOf } from '../server/src/service/rules/slipSpellings';

const root = join(__dirname, '..');
const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const source = argument('--words') ?? '/usr/share/dict/words';
const target = join(root, 'data', 'real-word-slips.json');
if (!existsSync(source)) {
  console.error(`derive-real-word-slips: no word list at ${source} (Debian: apt-get install wamerican)`);
  process.exit(2);
}

const words = new Set(
  readFileSync(source, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((word) => /^[a-z]{7,}$/.test(word)),
);
const slips = new Set<string>();
for (const word of words) {
  for (const { word: slip } of slipsOf(word)) if (words.has(slip)) slips.add(slip);
  // Read the other way round only for words of eight letters or more, as the check does.
  if (word.length > 7) for (const { word: intended } of intendedFormsOf(word)) if (words.has(intended)) slips.add(word);
}

const notice =
  'Derived by scripts/derive-real-word-slips.ts from SCOWL (Debian wamerican). SCOWL: Copyright 2000-2011 by Kevin Atkinson. ' +
  'Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, ' +
  'and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies ' +
  'and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no ' +
  'representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty.';
const output = `${JSON.stringify({ notice, words: [...slips].sort() }, null, 0).replace('"words":[', '"words":[\n').replace(/","/g, '",\n"')}\n`;
if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== output) {
    console.error('derive-real-word-slips: data/real-word-slips.json differs from what the word list gives');
    process.exit(1);
  }
  console.log(`data/real-word-slips.json matches (${slips.size} words)`);
} else {
  writeFileSync(target, output);
  console.log(`wrote data/real-word-slips.json: ${slips.size} words that are a slip for another word`);
}
