// The knowledge base's lookups and its term matcher, on a small in-memory knowledge base, plus
// a timing check on a 200,000-word document with the built-in data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKnowledgeBase, foldWrittenForm, loadBuiltinKnowledge } from '../../server/src/service/knowledge';
import type { TermEntry } from '../../server/src/service/knowledge';

function entry(partial: Partial<TermEntry> & Pick<TermEntry, 'id' | 'preferred'>): TermEntry {
  return {
    expansions: [],
    variants: [],
    discouraged: [],
    definition: `Definition of ${partial.id}.`,
    category: 'test',
    genes: [],
    related: [],
    needsDefinition: false,
    ...partial,
  };
}

const kb = createKnowledgeBase([
  entry({
    id: 'tgf-beta',
    preferred: 'TGF-β',
    expansions: ['transforming growth factor β', 'transforming growth factor beta'],
    variants: ['TGFβ'],
    discouraged: [{ form: 'TGF-beta', reason: 'Use the Greek letter.', replacement: 'TGF-β' }],
  }),
  entry({ id: 'ifn-gamma', preferred: 'IFN-γ', expansions: ['interferon γ'] }),
  entry({ id: 'nk', preferred: 'NK', expansions: ['natural killer'] }),
  entry({ id: 'car', preferred: 'CAR', expansions: ['chimeric antigen receptor'] }),
  entry({
    id: 'car-nk',
    preferred: 'CAR-NK',
    discouraged: [{ form: 'CAR NK', reason: 'Hyphenate.', replacement: 'CAR-NK' }],
  }),
  entry({ id: 'ipsc', preferred: 'iPSC', expansions: ['induced pluripotent stem cell'] }),
  entry({ id: 'cd56', preferred: 'CD56' }),
  entry({ id: 'adcc', preferred: 'ADCC', expansions: ['antibody-dependent cellular cytotoxicity'] }),
  entry({ id: 'cytotoxicity', preferred: 'cytotoxicity' }),
  entry({ id: 't-cell', preferred: 'T cell' }),
  entry({ id: 'granzyme', preferred: 'granzyme' }),
  entry({ id: 'granzyme-b', preferred: 'granzyme B' }),
  entry({ id: 'perforin', preferred: 'perforin' }),
  entry({ id: 'fas', preferred: 'Fas' }),
  entry({ id: 'progressive-disease', preferred: 'PD', ambiguous: true }),
  entry({ id: 'pharmacodynamics', preferred: 'PD', ambiguous: true }),
  entry({ id: 'pd-1', preferred: 'PD-1' }),
  entry({ id: 'il-15', preferred: 'IL-15', discouraged: [{ form: 'IL15', reason: 'Gene symbol.', replacement: 'IL-15' }] }),
]);

/** The matches as "text|entryId|kind" strings, so a table row reads like the sentence. */
function matches(text: string, from?: number, to?: number): string[] {
  return kb.findTermOccurrences(text, from, to).map((o) => `${text.slice(o.start, o.end)}|${o.entryId}|${o.kind}`);
}

const matcherCases: { name: string; text: string; expected: string[] }[] = [
  { name: 'Greek letter in a preferred form', text: 'TGF-β suppresses NK cells.', expected: ['TGF-β|tgf-beta|preferred', 'NK|nk|preferred'] },
  { name: 'discouraged ASCII spelling', text: 'levels of TGF-beta rose', expected: ['TGF-beta|tgf-beta|discouraged'] },
  { name: 'superscript sign ends the word', text: 'CD56⁺ cells and CD56+ cells', expected: ['CD56|cd56|preferred', 'CD56|cd56|preferred'] },
  { name: 'expansion wrapped over a CRLF line break', text: 'antibody-dependent\r\ncellular cytotoxicity (ADCC)', expected: ['antibody-dependent\r\ncellular cytotoxicity|adcc|expansion', 'ADCC|adcc|preferred'] },
  { name: 'no match across a paragraph break', text: 'natural\n\nkiller', expected: [] },
  { name: 'tab between words of an expansion', text: 'natural\tkiller', expected: ['natural\tkiller|nk|expansion'] },
  { name: 'character outside the BMP before a term', text: '𝛃 NK 𝒜CAR', expected: ['NK|nk|preferred'] },
  { name: 'non-BMP letter glued to a term is not a boundary', text: 'NK𝒜 CAR', expected: ['CAR|car|preferred'] },
  { name: 'plural -s of abbreviations', text: 'CARs and iPSCs', expected: ['CARs|car|preferred', 'iPSCs|ipsc|preferred'] },
  { name: 'plural of a multi-word expansion', text: 'chimeric antigen receptors', expected: ['chimeric antigen receptors|car|expansion'] },
  { name: 'possessive', text: "the CAR's hinge", expected: ["CAR|car|preferred"] },
  { name: 'longest match wins', text: 'CAR-NK cells', expected: ['CAR-NK|car-nk|preferred'] },
  { name: 'longest match with a space', text: 'granzyme B and granzymes', expected: ['granzyme B|granzyme-b|preferred', 'granzymes|granzyme|preferred'] },
  { name: 'discouraged open compound', text: 'CAR NK therapy', expected: ['CAR NK|car-nk|discouraged'] },
  { name: 'compound splits into known parts', text: 'anti-CD56 CAR-T', expected: ['CD56|cd56|preferred', 'CAR|car|preferred'] },
  { name: 'lower-case words match in any case', text: 'Cytotoxicity and PERFORIN', expected: ['Cytotoxicity|cytotoxicity|preferred', 'PERFORIN|perforin|preferred'] },
  { name: 'abbreviations are case-sensitive', text: 'nk and Car and ipsc', expected: [] },
  { name: 'mixed token: the abbreviation part stays exact', text: 'T Cell and t cell', expected: ['T Cell|t-cell|preferred'] },
  { name: 'a capitalised word in the knowledge base is exact', text: 'Fas, FAS and fas', expected: ['Fas|fas|preferred'] },
  { name: 'not inside a longer word', text: 'NKG2D, CARD, perforins2', expected: [] },
  { name: 'Unicode hyphen', text: 'CAR‑NK', expected: ['CAR‑NK|car-nk|preferred'] },
  { name: 'ambiguous form reports the other entry', text: 'PD and PD-1', expected: ['PD|progressive-disease|preferred', 'PD-1|pd-1|preferred'] },
  { name: 'discouraged gene-style spelling', text: 'IL15 and IL-15', expected: ['IL15|il-15|discouraged', 'IL-15|il-15|preferred'] },
  { name: 'citation superscripts after a term', text: 'NK cells¹² and CAR²', expected: ['NK|nk|preferred', 'CAR|car|preferred'] },
];

for (const { name, text, expected } of matcherCases) {
  test(`matcher: ${name}`, () => assert.deepEqual(matches(text), expected));
}

test('matcher: ambiguous forms carry the other entry ids', () => {
  const [occurrence] = kb.findTermOccurrences('PD');
  assert.deepEqual(occurrence?.otherEntryIds, ['pharmacodynamics']);
});

test('matcher: offsets are UTF-16 offsets into the original text', () => {
  const text = '𝛃 TGF-β\r\nIFN-γ';
  const found = kb.findTermOccurrences(text);
  assert.deepEqual(
    found.map((o) => [o.start, o.end]),
    [[3, 8], [10, 15]],
  );
  assert.equal(text.slice(10, 15), 'IFN-γ');
});

test('matcher: only the range [from, to) is searched, with real word boundaries', () => {
  const text = 'NK cells and CAR-NK cells';
  assert.deepEqual(matches(text, 3), ['CAR-NK|car-nk|preferred']);
  assert.deepEqual(matches(text, 0, 15), ['NK|nk|preferred']); // "CA" is not a word
  assert.deepEqual(matches(text, 14), ['NK|nk|preferred']); // "AR" is skipped; NK after the hyphen is a word
  assert.deepEqual(matches(text, 13, 16), ['CAR|car|preferred']);
});

test('matcher: hostile input never throws and never returns out-of-range offsets', () => {
  const inputs = ['', '\uD800', '\uDC00NK', 'NK\uD800', '('.repeat(5000), 'CAR'.repeat(10000), '\u0000\uFFFF NK', 'a\u0301NK'];
  for (const text of inputs) {
    for (const [from, to] of [[0, text.length], [-5, 1e9], [Number.NaN, Number.NaN], [3, 1]]) {
      const found = kb.findTermOccurrences(text, from, to);
      for (const o of found) assert.ok(o.start >= 0 && o.start < o.end && o.end <= text.length);
    }
  }
});

const lookupCases: { query: string; expected: [string, string, boolean] | undefined }[] = [
  { query: 'TGF-β', expected: ['tgf-beta', 'preferred', false] },
  { query: 'TGF-beta', expected: ['tgf-beta', 'discouraged', false] },
  { query: 'TGFbeta', expected: ['tgf-beta', 'discouraged', false] },
  { query: 'TGFβ', expected: ['tgf-beta', 'variant', false] },
  { query: 'TGF beta', expected: ['tgf-beta', 'discouraged', false] },
  { query: 'IFN-gamma', expected: ['ifn-gamma', 'discouraged', false] },
  // A spelling no rule derives still folds to the form it spells (`IFN-Gamma` in a title).
  { query: 'IFN Gamma', expected: ['ifn-gamma', 'preferred', true] },
  { query: 'Interferon gamma', expected: ['ifn-gamma', 'expansion', true] },
  { query: 'T-cell', expected: ['t-cell', 'preferred', true] },
  { query: 'Perforin', expected: ['perforin', 'preferred', true] },
  { query: '  natural   killer ', expected: ['nk', 'expansion', false] },
  { query: 'CARs', expected: ['car', 'preferred', true] },
  { query: 'CAR‑NK', expected: ['car-nk', 'preferred', true] },
  { query: 'nk', expected: undefined },
  { query: 'ipsc', expected: undefined },
  { query: '', expected: undefined },
];

for (const { query, expected } of lookupCases) {
  test(`lookup: ${JSON.stringify(query)}`, () => {
    const found = kb.lookup(query);
    assert.deepEqual(found ? [found.entry.id, found.kind, found.folded] : undefined, expected);
  });
}

test('lookupAll returns every entry of an ambiguous form', () => {
  assert.deepEqual(kb.lookupAll('PD').map((l) => l.entry.id), ['progressive-disease', 'pharmacodynamics']);
});

test('a later entry with the same id replaces the earlier one (project glossary override)', () => {
  const overridden = createKnowledgeBase([...kb.entries, entry({ id: 'nk', preferred: 'NK', definition: 'Project wording.' })]);
  assert.equal(overridden.entries.length, kb.entries.length);
  assert.equal(overridden.byId('nk')?.definition, 'Project wording.');
});

test('folding keeps abbreviations and folds words, hyphens and Greek names', () => {
  assert.equal(foldWrittenForm('TGF-beta'), foldWrittenForm('TGF β'));
  assert.equal(foldWrittenForm('Natural Killer'), foldWrittenForm('natural-killer'));
  assert.notEqual(foldWrittenForm('NK'), foldWrittenForm('nk'));
  assert.equal(foldWrittenForm('CD56⁺'), 'CD56+');
});

test('built-in knowledge base loads and finds terms from every category of a CAR-NK sentence', () => {
  const builtin = loadBuiltinKnowledge();
  assert.ok(builtin.entries.length >= 350);
  const text = 'CAR-NK cells with a 2B4 costimulatory domain killed targets via ADCC and perforin despite TGF-β.';
  const ids = builtin.findTermOccurrences(text).map((o) => o.entryId);
  assert.deepEqual(ids, ['car-nk', '2b4-costimulatory-domain', 'adcc', 'perforin', 'tgf-beta']);
});

// Speed lives in the benchmark (`npm run bench`: knowledge.findTermOccurrences); here, a long document gives
// exactly what its paragraphs give one by one, with offsets shifted.
test('a 200,000-word document: every paragraph matched as on its own', () => {
  const builtin = loadBuiltinKnowledge();
  const paragraph =
    'Natural killer (NK) cells expressing a chimeric antigen receptor (CAR) against CD19 were expanded ' +
    'from umbilical cord blood with IL-15 and K562 feeder cells; their cytotoxicity, degranulation and ' +
    'IFN-γ release were compared with PB-NK cells, and TGF-β reduced NKG2D expression in the tumour microenvironment.\n\n';
  const words = paragraph.split(/\s+/).length;
  const repeats = Math.ceil(200_000 / words);
  const one = builtin.findTermOccurrences(paragraph);
  const all = builtin.findTermOccurrences(paragraph.repeat(repeats));
  assert.ok(one.length > 10);
  assert.equal(all.length, one.length * repeats);
  const last = all.slice(-one.length).map((o) => ({ ...o, start: o.start - paragraph.length * (repeats - 1), end: o.end - paragraph.length * (repeats - 1) }));
  assert.deepEqual(last, one);
});
