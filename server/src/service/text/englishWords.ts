// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import englishWords from '#data/english-words.json';
import { readBloomFilter, type BloomFilter } from './bloomFilter';

/**
 * English words written in small letters (`data/english-words.json`, a Bloom filter of SCOWL's
 * standard lists, derived by `scripts/derive-english-words.ts`). A word not in the lists is held
 * by chance about once in a hundred, so a reading built on it only lowers a finding or keeps one
 * quiet where the word's shape already points the same way.
 */
export const ENGLISH_WORDS: BloomFilter = readBloomFilter(englishWords);
