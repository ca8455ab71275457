// The built-in knowledge base revived from the build's data (out/generated/builtin-data.js) is
// the knowledge base the compiled entries give when built at run time, and the grouped gene
// symbols answer as the front-coded list does (issue 16: start-up revives, it does not compute).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createKnowledgeBase, writtenFormsOf } from '../../server/src/service/knowledge/knowledgeBase';
import { loadBuiltinKnowledge } from '../../server/src/service/knowledge/builtin';
import { isOfficialGeneSymbol } from '../../server/src/service/knowledge/geneSymbols';
import { decodeGeneSymbols } from '../../server/src/service/knowledge/geneSymbolTable';
import { buildTermTrie, decodeTermTrie, encodeTermTrie, termMatcherOver } from '../../server/src/service/knowledge/termMatcher';
import type { TermEntry } from '../../server/src/service/knowledge/types';

const root = join(__dirname, '..', '..');
const compiled = JSON.parse(readFileSync(join(root, 'out', 'generated', 'knowledge.json'), 'utf8')) as { entries: TermEntry[] };
const examples = readdirSync(join(root, 'examples')).map((name) => readFileSync(join(root, 'examples', name), 'utf8'));

describe('prebuilt knowledge base', () => {
  const built = createKnowledgeBase(compiled.entries);
  const revived = loadBuiltinKnowledge();

  test('has the entries the compiled data gives at run time, field for field', () => {
    assert.deepStrictEqual(revived.entries, built.entries);
  });

  test('looks every written form up as the run-time base does, exact, folded and plural', () => {
    const queries = new Set<string>(['', '  ', 'cars', 'iPSCs', 'Natural  Killer', 'NK-CELLS', 'nk', 'IFN-gamma', 'CD3 zeta']);
    for (const entry of built.entries) {
      for (const [form] of writtenFormsOf(entry)) {
        for (const query of [form, form.toLowerCase(), form.toUpperCase(), `${form}s`, ` ${form.replace(/-/g, ' ')} `]) queries.add(query);
      }
      assert.deepStrictEqual(revived.byId(entry.id), entry);
    }
    assert.ok(queries.size > 5000, `only ${queries.size} queries`);
    const shape = (kb: typeof built, query: string) => kb.lookupAll(query).map(({ entry, kind, form, folded }) => [entry.id, kind, form, folded]);
    for (const query of queries) assert.deepStrictEqual(shape(revived, query), shape(built, query), query);
  });

  test('finds the same term occurrences in the example manuscripts', () => {
    let found = 0;
    for (const text of examples) {
      const occurrences = revived.findTermOccurrences(text);
      found += occurrences.length;
      assert.deepStrictEqual(occurrences, built.findTermOccurrences(text));
    }
    assert.ok(found > 100, `only ${found} occurrences`);
  });

  test('finds every written form as the run-time trie does, its nodes read as the walks reach them', () => {
    let found = 0;
    for (const entry of built.entries) {
      for (const [form] of writtenFormsOf(entry)) {
        const text = `${form}, ${form.toLowerCase()}s and (${form.toUpperCase()}) ${form.replace(/-/g, ' ')}.`;
        const occurrences = revived.findTermOccurrences(text);
        found += occurrences.length;
        assert.deepStrictEqual(occurrences, built.findTermOccurrences(text), form);
      }
    }
    assert.ok(found > 5000, `only ${found} occurrences`);
  });

  test('a trie survives encoding with ambiguous forms, white space and non-ASCII keys', () => {
    const entries = createKnowledgeBase([
      { id: 'a', preferred: 'IFN-γ', variants: ['interferon gamma'], expansions: [], discouraged: [], definition: '', category: 'x', genes: [], related: [], needsDefinition: false },
      { id: 'b', preferred: 'Fas', variants: ['FAS ligand'], expansions: ['"quoted\\\\ form'], discouraged: [], definition: '', category: 'x', genes: [], related: [], needsDefinition: false, ambiguous: true },
      { id: 'c', preferred: 'fas', variants: [], expansions: [], discouraged: [], definition: '', category: 'x', genes: [], related: [], needsDefinition: false, ambiguous: true },
    ]).entries;
    const ids = entries.map((entry) => entry.id);
    const trie = buildTermTrie(entries);
    const again = termMatcherOver(decodeTermTrie(JSON.parse(JSON.stringify(encodeTermTrie(trie, ids))), ids));
    const original = termMatcherOver(trie);
    const text = 'IFN-γ and interferon\n gamma, Fas, fas, FAS ligands and "quoted\\\\ form.';
    assert.ok(original.findOccurrences(text, 0, text.length).length >= 5);
    assert.deepStrictEqual(again.findOccurrences(text, 0, text.length), original.findOccurrences(text, 0, text.length));
  });
});

describe('grouped gene symbols', () => {
  const coded = (JSON.parse(readFileSync(join(root, 'data', 'gene-symbols.json'), 'utf8')) as { symbols: string }).symbols;
  const symbols = decodeGeneSymbols(coded);

  test('answer yes for every symbol of the front-coded list', () => {
    assert.ok(symbols.size > 19_000);
    for (const symbol of symbols) assert.ok(isOfficialGeneSymbol(symbol), symbol);
  });

  test('answer no for prefixes, extensions, joined pairs and case variants of symbols', () => {
    const list = [...symbols];
    const probes = ['', ' ', 'BC', 'B', 'bcl2', 'BCL2 BCL6', 'BCL2X', '__proto__', 'constructor', 'NK', 'CAR'];
    for (let i = 0; i + 1 < list.length; i += 7) probes.push(list[i]!.slice(0, -1), `${list[i]}Z`, `${list[i]} ${list[i + 1]}`, list[i]!.toLowerCase());
    for (const probe of probes) assert.equal(isOfficialGeneSymbol(probe), symbols.has(probe), probe);
  });
});
