#!/usr/bin/env node
/**
 * Draws the reproducible random sample of knowledge-base entries that the domain reader
 * checks against the literature (see docs/knowledge-review.md).
 *
 * Usage: node scripts/sample-entries.mjs [--seed N] [--size N]
 * Defaults: seed 20261125, size 60. Prints one entry id per line.
 *
 * Ids are sorted before sampling so the sample depends only on the set of ids and the seed,
 * not on file order or on which category an author put an entry in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const termsDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'terms');

/** Reads the value following a `--name` flag, or the fallback when it is absent. */
function numericOption(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative integer`);
  return value;
}

/** mulberry32: a small 32-bit seeded PRNG, good enough for drawing a review sample. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every entry id in data/terms/*.yaml, sorted in code-unit order. */
function allEntryIds() {
  const ids = [];
  for (const fileName of readdirSync(termsDirectory).filter((name) => name.endsWith('.yaml')).sort()) {
    const category = parse(readFileSync(join(termsDirectory, fileName), 'utf8'));
    for (const entry of category.entries ?? []) ids.push(entry.id);
  }
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const seed = numericOption('seed', 20261125);
const size = numericOption('size', 60);
const ids = allEntryIds();
const random = mulberry32(seed);

// Partial Fisher–Yates: the first `size` positions become a uniform sample without replacement.
const pool = [...ids];
const sampleSize = Math.min(size, pool.length);
for (let i = 0; i < sampleSize; i++) {
  const j = i + Math.floor(random() * (pool.length - i));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}

console.error(`${ids.length} entries; seed ${seed}; sample of ${sampleSize}`);
for (const id of pool.slice(0, sampleSize)) console.log(id);
