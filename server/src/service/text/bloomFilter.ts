/**
 * A Bloom filter over words: a set that answers "perhaps held" or "surely not held" in a fixed
 * number of bits, for word lists too large to ship whole (the English words that are a slip of
 * another, `data/real-word-slips.json`). A word added is always held; a word not added is held by
 * chance at the rate the filter was sized for. Built by the scripts that derive the data; read by
 * the service.
 */

/** A filter as stored: `size` bits in base64, `hashes` bit positions per word. */
export interface StoredBloomFilter {
  size: number;
  hashes: number;
  bits: string;
}

/** A filter ready to ask. */
export interface BloomFilter {
  has(word: string): boolean;
}

/** FNV-1a over the word's UTF-16 units, from `seed`. */
function fnv1a(word: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
const FIRST_SEED = 0x811c9dc5;
const SECOND_SEED = 0x01234567;

/** The `hashes` bit positions of a word in a filter of `size` bits (double hashing). */
function positions(word: string, size: number, hashes: number, visit: (bit: number) => boolean): boolean {
  const first = fnv1a(word, FIRST_SEED);
  // An odd step visits distinct positions whatever the size.
  const second = fnv1a(word, SECOND_SEED) | 1;
  for (let i = 0; i < hashes; i++) if (!visit(((first + Math.imul(i, second)) >>> 0) % size)) return false;
  return true;
}

/** Builds a filter of `words` with about `bitsPerWord` bits each (9.6 bits and 7 hashes give 1% false hits). */
export function buildBloomFilter(words: Iterable<string>, bitsPerWord = 10, hashes = 7): StoredBloomFilter {
  const list = [...words];
  const size = Math.max(64, Math.ceil(list.length * bitsPerWord / 8) * 8);
  const bytes = new Uint8Array(size / 8);
  for (const word of list) {
    positions(word, size, hashes, (bit) => {
      bytes[bit >>> 3]! |= 1 << (bit & 7);
      return true;
    });
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return { size, hashes, bits: btoa(binary) };
}

/** A stored filter, ready to ask; one that is not a filter (a malformed data file) holds nothing. */
export function readBloomFilter(stored: Partial<StoredBloomFilter>): BloomFilter {
  const { size, hashes, bits } = stored;
  if (typeof bits !== 'string' || typeof size !== 'number' || typeof hashes !== 'number' || size <= 0 || hashes <= 0) return EMPTY;
  let binary: string;
  try {
    binary = atob(bits);
  } catch {
    return EMPTY;
  }
  // A plain loop: `Uint8Array.from` with a mapping callback costs 30 ms on a cold start for the
  // 108 KB English-words filter, this loop about 1 ms.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (bytes.length * 8 < size) return EMPTY;
  return {
    has: (word) => positions(word, size, hashes, (bit) => (bytes[bit >>> 3]! & (1 << (bit & 7))) !== 0),
  };
}
const EMPTY: BloomFilter = { has: () => false };
