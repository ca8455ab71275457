import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildBloomFilter, readBloomFilter } from '../../server/src/service/text/bloomFilter';

describe('a Bloom filter of words', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `quark${i.toString(36)}word`);
  const filter = readBloomFilter(buildBloomFilter(words));

  test('every word added is held', () => {
    for (const word of words) assert.ok(filter.has(word), word);
  });

  test('other words are held by chance at about the rate the filter is sized for (1%)', () => {
    let held = 0;
    for (let i = 0; i < 20000; i++) if (filter.has(`zorb${i.toString(36)}other`)) held++;
    assert.ok(held < 20000 * 0.02, `${held} of 20000`);
  });

  test('a filter that is not one holds nothing and never throws', () => {
    for (const stored of [{}, { bits: '%%%', size: 64, hashes: 7 }, { bits: 'AAAA', size: 1e6, hashes: 7 }, { bits: 'AAAA', size: -1, hashes: 7 }]) {
      assert.equal(readBloomFilter(stored).has('quark'), false);
    }
  });
});

describe('data/real-word-slips.json', () => {
  const filter = readBloomFilter(JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'real-word-slips.json'), 'utf8')));
  test('holds English words that are a slip of another, the sciences\' words too', () => {
    for (const word of ['deceased', 'deletion', 'mediation', 'artefact', 'cysteine', 'cystine', 'thoracostomy']) assert.ok(filter.has(word), word);
  });
});
