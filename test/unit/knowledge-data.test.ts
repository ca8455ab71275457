// Checks the curated data in data/terms/*.yaml: cross-file invariants, definition quality and
// every gene symbol / NCBI Gene ID against the NCBI reference table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TermEntry } from '../../server/src/service/knowledge/types';

const root = join(__dirname, '..', '..');
const termsDir = join(root, 'data', 'terms');
const humanGenesPath = process.env.CARNK_HUMAN_GENES ?? join(root, '..', 'shared', 'data', 'human-genes.tsv');

/** Every entry of every category file, with its category. */
function loadAllEntries(): TermEntry[] {
  const entries: TermEntry[] = [];
  for (const name of readdirSync(termsDir).filter((n) => n.endsWith('.yaml')).sort()) {
    const data = parse(readFileSync(join(termsDir, name), 'utf8')) as { category: string; entries: TermEntry[] };
    for (const entry of data.entries) {
      entries.push({
        ...entry,
        category: data.category,
        variants: entry.variants ?? [],
        discouraged: entry.discouraged ?? [],
        genes: entry.genes ?? [],
        related: entry.related ?? [],
      });
    }
  }
  return entries;
}

const entries = loadAllEntries();

function formsOf(entry: TermEntry): string[] {
  return [entry.preferred, ...entry.variants, ...entry.expansions, ...entry.discouraged.map((d) => d.form)];
}

test('the build script accepts the data (schema and cross-file invariants)', async () => {
  const { buildKnowledge } = await import('../../scripts/build-knowledge.mjs');
  const result = buildKnowledge({ root, write: false });
  assert.equal(result.entries.length, entries.length);
});

test('the knowledge base is large enough: 350 entries, 15 per category', () => {
  const perCategory = new Map<string, number>();
  for (const entry of entries) perCategory.set(entry.category, (perCategory.get(entry.category) ?? 0) + 1);
  const small = [...perCategory].filter(([, count]) => count < 15);
  assert.deepEqual(small, [], 'categories with fewer than 15 entries');
  assert.ok(entries.length >= 350, `only ${entries.length} entries`);
});

test('ids are unique across all files', () => {
  const seen = new Set<string>();
  const duplicates = entries.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => e.id);
  assert.deepEqual(duplicates, []);
});

test('each written form belongs to one entry unless both entries are marked ambiguous', () => {
  const owners = new Map<string, TermEntry[]>();
  for (const entry of entries) {
    for (const form of new Set(formsOf(entry))) owners.set(form, [...(owners.get(form) ?? []), entry]);
  }
  const clashes = [...owners]
    .filter(([, list]) => list.length > 1 && !list.every((e) => e.ambiguous === true))
    .map(([form, list]) => `${form}: ${list.map((e) => e.id).join(', ')}`);
  assert.deepEqual(clashes, []);
});

/**
 * The family a preferred form belongs to: its numbers as `#`, a member letter after a number
 * dropped (NKG2A, NKG2D -> `NKG#`; NKp30, NKp46 -> `NKp#`; KIR2DL1, KIR3DL1 -> `KIR#DL#`;
 * IL-2Rα, IL-15Rα -> `IL-#Rα`). Forms without a number, or with fewer than two letters, have none.
 */
function familyOf(preferred: string): string | undefined {
  const family = preferred.replace(/\d+/g, '#').replace(/#[A-Za-z]$/, '#');
  return family.includes('#') && (family.match(/[A-Za-z]/g) ?? []).length >= 2 ? family : undefined;
}

test('needsDefinition: the members of one family agree (docs/rules.md, the schema)', () => {
  const byFamily = new Map<string, TermEntry[]>();
  for (const entry of entries) {
    const family = familyOf(entry.preferred);
    if (family) byFamily.set(family, [...(byFamily.get(family) ?? []), entry]);
  }
  // The check must see the families it is about, or it checks nothing.
  for (const family of ['NKG#', 'NKp#', 'KIR#DL#', 'IL-#', 'CD#']) assert.ok((byFamily.get(family)?.length ?? 0) >= 2, `family ${family} has members`);
  const disagreeing = [...byFamily]
    .filter(([, members]) => new Set(members.map((e) => e.needsDefinition)).size > 1)
    .map(([family, members]) => `${family}: ${members.map((e) => `${e.preferred}=${e.needsDefinition}`).join(', ')}`);
  assert.deepEqual(disagreeing, []);
});

test('needsDefinition: a family right and wrong (the check itself)', () => {
  assert.equal(familyOf('NKG2A'), familyOf('NKG2D'));
  assert.equal(familyOf('NKp30'), familyOf('NKp46'));
  assert.notEqual(familyOf('KIR2DL1'), familyOf('KIR2DS1'));
  assert.equal(familyOf('NKT'), undefined);
});

test('related ids resolve and are not self-references', () => {
  const ids = new Set(entries.map((e) => e.id));
  const broken = entries.flatMap((e) =>
    e.related.filter((r) => !ids.has(r) || r === e.id).map((r) => `${e.id} -> ${r}`),
  );
  assert.deepEqual(broken, []);
});

test('abbreviations that need a definition have an expansion; ambiguous entries explain themselves', () => {
  const missingExpansion = entries.filter((e) => e.needsDefinition && e.expansions.length === 0).map((e) => e.id);
  assert.deepEqual(missingExpansion, []);
  const unexplained = entries.filter((e) => e.ambiguous && !/ambiguous|also (stands|means)|other meaning|two meanings|not to be confused/i.test(e.notes ?? '')).map((e) => e.id);
  assert.deepEqual(unexplained, [], 'ambiguous entries should say so in their notes');
});

/** Splits a definition into sentences (a full stop followed by space and a capital or digit). */
function sentencesOf(definition: string): string[] {
  return definition
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9\u0391-\u03c9])/u)
    .filter((s) => s.length > 0);
}

test('definitions are one to three sentences and no sentence appears in two entries', () => {
  const bySentence = new Map<string, string>();
  const repeated: string[] = [];
  const wrongLength: string[] = [];
  for (const entry of entries) {
    const sentences = sentencesOf(entry.definition);
    if (sentences.length < 1 || sentences.length > 3) wrongLength.push(`${entry.id} (${sentences.length})`);
    for (const sentence of sentences) {
      const key = sentence.toLowerCase();
      const owner = bySentence.get(key);
      if (owner && owner !== entry.id) repeated.push(`${entry.id} repeats ${owner}: "${sentence}"`);
      bySentence.set(key, entry.id);
    }
  }
  assert.deepEqual(wrongLength, [], 'definitions outside one to three sentences');
  assert.deepEqual(repeated, []);
});

test('definitions carry no filler phrases', () => {
  const filler = [
    /\ba term used\b/i,
    /\bis a term\b/i,
    /\bused in CAR-NK (research|literature|studies)\b/i,
    /\bplays? an? (important|key|crucial) role\b/i,
    /\bin the field of\b/i,
    /\bvarious\b.*\bapplications\b/i,
    /\blorem ipsum\b/i,
    /\bTODO\b|\bTBD\b|\bFIXME\b/,
  ];
  const offending = entries.flatMap((e) =>
    filler.filter((pattern) => pattern.test(e.definition)).map((pattern) => `${e.id}: ${pattern}`),
  );
  assert.deepEqual(offending, []);
});

// ---------------------------------------------------------------------------------------------
// Genes

interface HumanGene {
  readonly id: number;
  readonly symbol: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * Entries whose written forms cannot name every listed gene, each reviewed by hand.
 * Keep the reason specific: it is what a reviewer reads when the list grows.
 */
const REVIEWED_GENE_EXCEPTIONS: Readonly<Record<string, string>> = {
  'nkg2d-ligand': 'family entry listing MICA, MICB and the six ULBP/RAET1 genes; none is written "NKG2DL"',
  'activating-kir': 'family entry listing the activating KIR genes KIR2DS1-5 and KIR3DS1; the text says "activating KIR"',
  perforin: 'official gene name is "perforin 1" and no alias is "perforin"; the protein is written perforin',
  icasp9: 'iCasp9 fuses a modified FKBP12 (FKBP1A) to caspase-9 (CASP9); neither gene is written iCasp9',
  'igg4-hinge': 'spacer from the IgG4 heavy-chain constant region, gene IGHG4, which is written IgG4 in text',
  ferritin: 'ferritin is a shell of heavy (FTH1) and light (FTL) chains; the protein name carries no chain suffix',
  'ki-67': 'the official gene name is "marker of proliferation Ki-67"; the protein itself is written Ki-67, which the folding does not match to the whole name',
  'nf-kb': 'family entry listing the five NF-κB subunit genes; REL (c-Rel) and RELB are not written NF-κB',
};

/** Lower case, no hyphens/spaces/superscripts, Greek letters and their names as Latin initials. */
function foldGeneName(text: string): string {
  const greek: Record<string, string> = {
    α: 'a', β: 'b', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', κ: 'k', λ: 'l',
    alpha: 'a', beta: 'b', gamma: 'g', delta: 'd', epsilon: 'e', zeta: 'z', kappa: 'k', lambda: 'l',
  };
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda|[αβγδεζκλ]/g, (g) => greek[g] ?? g)
    .replace(/[\s\-‐‑+⁺⁻−]/g, '');
}

/** Folded forms of an entry plus their components split at slashes, spaces and parentheses. */
function foldedNamesOf(entry: TermEntry): Set<string> {
  const names = new Set<string>();
  for (const form of [entry.preferred, ...entry.variants, ...entry.expansions]) {
    names.add(foldGeneName(form));
    for (const part of form.split(/[\s/()]+/)) if (part) names.add(foldGeneName(part));
  }
  return names;
}

/**
 * Whether an entry's folded names name a gene: equal to its symbol, an alias or its official name;
 * an isoform written as symbol plus ".n" (CLDN18.2 -> CLDN18); or, for entries listing several
 * genes (heterodimers, families), the entry's name plus a one- or two-character subunit suffix
 * (IL-12 -> IL12A and IL12B, TGF-β -> TGFB1-3, NCR -> NCR1-3, granzyme -> granzyme A...).
 */
function namesGene(names: ReadonlySet<string>, gene: HumanGene, severalGenes: boolean): boolean {
  const geneNames = [gene.symbol, gene.name, ...gene.aliases].map(foldGeneName);
  if (geneNames.some((n) => names.has(n))) return true;
  for (const name of names) {
    if (name.length < 2) continue;
    for (const geneName of geneNames) {
      if (name.startsWith(geneName) && /^\.\d+$/.test(name.slice(geneName.length))) return true;
      if (severalGenes && geneName.startsWith(name) && /^[a-z0-9]{1,2}$/.test(geneName.slice(name.length))) return true;
    }
  }
  return false;
}

function loadHumanGenes(): Map<string, HumanGene> | undefined {
  if (!existsSync(humanGenesPath)) return undefined;
  const genes = new Map<string, HumanGene>();
  const lines = readFileSync(humanGenesPath, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [id, symbol, name, , aliases] = line.split('\t');
    if (!id || !symbol) continue;
    genes.set(symbol, { id: Number(id), symbol, name: name ?? '', aliases: aliases ? aliases.split('|') : [] });
  }
  return genes;
}

test('every gene symbol and NCBI Gene ID agrees with human-genes.tsv and with the entry', (t) => {
  const genes = loadHumanGenes();
  if (!genes) {
    t.skip(`reference table not found at ${humanGenesPath}; set CARNK_HUMAN_GENES to run this test`);
    return;
  }
  const wrongIds: string[] = [];
  const unnamed: string[] = [];
  for (const entry of entries) {
    const names = foldedNamesOf(entry);
    for (const { symbol, ncbiGeneId } of entry.genes) {
      const gene = genes.get(symbol);
      if (!gene) {
        wrongIds.push(`${entry.id}: ${symbol} is not an official symbol`);
        continue;
      }
      if (gene.id !== ncbiGeneId) wrongIds.push(`${entry.id}: ${symbol} has NCBI Gene ID ${gene.id}, not ${ncbiGeneId}`);
      if (!namesGene(names, gene, entry.genes.length > 1) && !(entry.id in REVIEWED_GENE_EXCEPTIONS)) {
        unnamed.push(`${entry.id}: no written form names ${symbol} (${gene.name}; aliases ${gene.aliases.join(', ')})`);
      }
    }
  }
  assert.deepEqual(wrongIds, []);
  assert.deepEqual(unnamed, [], 'add a variant or a reviewed exception with a reason');
});

test('the reviewed gene exceptions are all still needed', (t) => {
  const genes = loadHumanGenes();
  if (!genes) {
    t.skip(`reference table not found at ${humanGenesPath}`);
    return;
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const stale = Object.keys(REVIEWED_GENE_EXCEPTIONS).filter((id) => {
    const entry = byId.get(id);
    if (!entry || entry.genes.length === 0) return true;
    const names = foldedNamesOf(entry);
    // Stale when every gene already matches a written form without the exception.
    return entry.genes.every(({ symbol }) => {
      const gene = genes.get(symbol);
      return gene !== undefined && namesGene(names, gene, entry.genes.length > 1);
    });
  });
  assert.deepEqual(stale, [], 'remove exceptions that no longer apply');
});
