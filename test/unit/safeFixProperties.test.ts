import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { createTerminologyService } from '../../server/src/service/index';
import { looseSpellingKey } from '../../server/src/service/rules/fixSafety';
import { propertySeed } from '../helpers/propertySeed';

// Property: safe fixes (`carnk lint --fix`, `fixAll`) never change meaning or break prose. After
// fixing to a fixed point: no newly doubled words, brackets as balanced as before, no diagnostic
// that was not there before, every definition still found, and a second pass changes nothing.
// Checked over generated documents built from the shapes that broke, and over real text.
const service = createTerminologyService();

/** Fragments mixing the shapes that broke: bracketed definitions with a trailing hyphen, lists of pairs, long forms before a short or discouraged form, plurals, related terms. */
const fragments = [
  'chimeric antigen receptor (CAR-)T cells',
  'CAR-T cells',
  '(CAR-)T',
  'the CAR T cells',
  'CARs',
  'chimeric antigen receptor CAR T cells',
  'chimeric antigen receptors (CARs)',
  'natural killer (NK) cells',
  'NK cells',
  'NK, natural killer; CRS, cytokine release syndrome; ICANS, immune effector cell-associated neurotoxicity syndrome',
  '(NK, natural killer; IL, interleukin)',
  'CD16/FcγRIIIa and NKG2D/KLRK1 pairs',
  'cytokine release syndrome (CRS)',
  'cytokine release syndrome',
  'CRS',
  'cytokine storm',
  'cytokine storm syndrome',
  'cytokine storm-like responses',
  'CRES',
  'ICANS',
  'KIRs killer inhibitory receptors',
  'killer inhibitory receptors (KIRs)',
  'KIRs',
  'TGF-beta',
  'transforming growth factor beta TGF-beta',
  'IFN-gamma',
  'the CAR NK products',
  'these CAR NKs',
  'induced pluripotent stem cells (iPSCs)',
  'iPSCs',
  'iPSC-derived NK cells',
  'monoclonal antibodies',
  'mAbs',
  'antibody-dependent cellular cytotoxicity (ADCC)',
  'ADCC',
  'S protein-hACE2 binding',
  'human ACE2 (hACE2)',
  '{{ebm_monoclonal_antibodies_ct}}',
  'Bcl-2 homology 3 (BH3)-like motif',
  'FACS analysis',
  'allogenic donors',
  'сytotoxicity',
  '[@liu2020]',
  '`NK code`',
  '(unbalanced',
  'closing)',
];
/** Phrases no safe fix may touch: the protein (not the gene) in `targeting CD19`, and related terms that are not variants. */
const keptVerbatim = ['products targeting CD19', 'cytokine storm', 'CRES', 'KIRs killer inhibitory receptors', '(CAR-)T', '{{ebm_monoclonal_antibodies_ct}}'];
// Fragments never meet with a bare space, and open forms such as `CAR NK` follow a word: `CRS, CAR NK` would read as a
// capitalised label (three capital words), which hides its words from the rules until a fix joins two of them.
const separators = [' and ', ' in ', '. ', ', ', '; ', '\n', '\r\n', '\n\n', '\n\n## Results\n\n', '\n\n**Figure 1.** '];

const documentArbitrary = (extra: readonly string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...fragments, ...extra), fc.constantFrom(...separators)), { minLength: 1, maxLength: 20 })
    .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));

// Two words that are the same (a plural `s` aside), separated only by spaces: `syndrome syndrome`.
const DOUBLED_WORD = /(?<![\p{L}\p{N}])([\p{L}][\p{L}\p{N}]*?)s?[ \t]+\1s?(?![\p{L}\p{N}])/giu;
// A long form of two to six words repeated around its short form in one paragraph: `killer receptors (KIRs) killer
// receptors`. Only a phrase that starts with the bracket's first letter is a long form: `in CARs in chimeric antigen
// receptor` expanded to `in chimeric antigen receptors (CARs) in chimeric antigen receptor` repeats the input's words.
const DOUBLED_PHRASE = /(?<![\p{L}\p{N}])((?:[\p{L}\p{N}]+[ -]){1,5}[\p{L}\p{N}]+)s?\s*\(([^()\n]{1,24})\)[ \t]*(?:\r?\n[ \t]*)?\1(?![\p{L}\p{N}])/giu;

function doubledWords(text: string): number {
  let phrases = 0;
  for (const [, phrase, bracket] of text.matchAll(DOUBLED_PHRASE)) {
    if (phrase?.[0]?.toLowerCase() === bracket?.[0]?.toLowerCase()) phrases++;
  }
  return (text.match(DOUBLED_WORD)?.length ?? 0) + phrases;
}

/** Open minus close, for each kind of bracket. */
function bracketBalance(text: string): string {
  const count = (ch: string) => text.split(ch).length - 1;
  return `${count('(') - count(')')} ${count('[') - count(']')} ${count('{') - count('}')}`;
}

/**
 * How many diagnostics each written term has, whatever the rule. A term is keyed by its
 * spelling key (case, hyphens, spaces, Greek letters and a plural `s` aside), so a problem that
 * moves from one rule to another on the same term (`IFN-gamma` discouraged, then `IFN-γ` not
 * defined) is not new.
 */
function diagnosticCounts(uri: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of service.lint({ uri, version: 1, text })) {
    const id = looseSpellingKey(text.slice(d.start, d.end)).replace(/s$/u, '');
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Every definition found, as abbreviation key and scope; the key read loosely, as a spelling fix may write it otherwise (`TGF-b` as `TGF-β`). */
function definitionKeys(uri: string, text: string): Set<string> {
  return new Set(service.abbreviations({ uri, version: 1, text }).definitions.map((d) => `${looseSpellingKey(d.key)} in ${d.scope}`));
}

function occurrences(text: string, phrase: string): number {
  return text.split(phrase).length - 1;
}

/**
 * Asserts every property of one document; returns whether any safe fix applied. With
 * `revealing`, a diagnostic the fixed text adds is allowed: on real text a fix that makes an
 * unreadable form readable (`IL-2R⍺` with an APL alpha to `IL-2Rα`, `TNF-a` to `TNF-α`) lets the
 * term's own problems be seen, which is no damage the fix did.
 */
function checkSafeFixes(uri: string, text: string, kept: readonly string[], revealing = false): boolean {
  const fixed = service.fixAll({ uri, version: 1, text });
  const again = service.fixAll({ uri, version: 2, text: fixed.text });
  assert.equal(again.text, fixed.text, 'a second pass changes nothing');
  assert.ok(doubledWords(fixed.text) <= doubledWords(text), `no newly doubled words:\n${fixed.text}`);
  assert.equal(bracketBalance(fixed.text), bracketBalance(text), `brackets as balanced as before:\n${fixed.text}`);
  if (!revealing) {
    const before = diagnosticCounts(uri, text);
    for (const [id, count] of diagnosticCounts(uri, fixed.text)) {
      assert.ok(count <= (before.get(id) ?? 0), `no new diagnostic on '${id}'\nbefore: ${text}\nafter:  ${fixed.text}`);
    }
  }
  const definitionsAfter = definitionKeys(uri, fixed.text);
  for (const key of definitionKeys(uri, text)) assert.ok(definitionsAfter.has(key), `definition of ${key} still found:\n${fixed.text}`);
  for (const phrase of kept) assert.equal(occurrences(fixed.text, phrase), occurrences(text, phrase), `'${phrase}' kept as written:\n${fixed.text}`);
  return fixed.text !== text;
}

const runs = Number(process.env.CARNK_PROPERTY_RUNS ?? 300);
const seed = propertySeed();

/** Runs a property with the seed and run count, failing with the shrunk document and the broken property in the message. */
function assertProperty(property: fc.IProperty<[string]>): void {
  const details = fc.check(property, { seed, numRuns: runs });
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  assert.fail(`seed ${seed}, path ${details.counterexamplePath}: ${JSON.stringify(details.counterexample?.[0])}\n${cause}`);
}

test(`safe fixes preserve meaning on generated text (seed ${seed}, ${runs} runs)`, () => {
  console.log(`safe-fix property: seed ${seed}, runs ${runs}`);
  let changed = 0;
  let total = 0;
  assertProperty(
    fc.property(documentArbitrary([]), (text) => {
      total++;
      if (checkSafeFixes('generated.md', text, keptVerbatim.filter((p) => !p.includes('CD19')))) changed++;
    }),
  );
  console.log(`safe-fix property: fixes changed ${changed} of ${total} documents`);
  assert.ok(changed * 5 >= total, 'at least a fifth of the documents are changed by a safe fix');
});

// The protein in `targeting CD19` and `anti-CD19 CAR` is never italicised as a gene (issue 14, class 7).
test(`safe fixes leave the protein in 'targeting CD19' alone (seed ${seed}, ${runs} runs)`, () => {
  assertProperty(
    fc.property(documentArbitrary(['products targeting CD19', 'anti-CD19 CAR']), (text) => {
      checkSafeFixes('generated.md', text, keptVerbatim);
      assert.ok(!service.fixAll({ uri: 'generated.md', version: 1, text }).text.includes('*CD19*'), 'CD19 italicised');
    }),
  );
});

const REAL_CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpora', 'real-manuscripts', 'covid19-review');
/** More real manuscripts gathered for issue 14 (`npm run eval:real` reads them too), beside the repository when present; never copied. */
const REAL_EXTRA = join(__dirname, '..', '..', '..', 'real-extra');
const MANUSCRIPT = /\.(md|markdown|qmd|rmd)$/i;

/** The manuscript files under `folder`, recursively, with their paths relative to it (provenance notes left out). */
function manuscriptsUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, relative: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = relative ? `${relative}/${name.name}` : name.name;
      if (name.isDirectory()) walk(join(dir, name.name), path);
      else if (MANUSCRIPT.test(name.name) && name.name !== 'SOURCE.md' && name.name !== 'PROBLEMS.md') found.push(path);
    }
  };
  walk(folder, '');
  return found.sort();
}

test('safe fixes preserve meaning on real manuscripts (read at test time, never copied)', (t) => {
  if (!existsSync(REAL_CORPUS)) {
    t.skip(`real corpus not found at ${REAL_CORPUS}`);
    console.log(`safe-fix property: real corpus not found at ${REAL_CORPUS}; skipped`);
    return;
  }
  const files = readdirSync(REAL_CORPUS).filter((name) => name.endsWith('.md')).sort();
  let changed = 0;
  for (const name of files) {
    if (checkSafeFixes(name, readFileSync(join(REAL_CORPUS, name), 'utf8'), keptVerbatim.filter((p) => !p.includes('CD19')))) changed++;
  }
  console.log(`safe-fix property: ${files.length} real files, ${changed} changed by safe fixes`);
  assert.ok(files.length > 0);
});

test('safe fixes preserve meaning on the gathered real manuscripts, when present (read at test time, never copied)', (t) => {
  if (!existsSync(REAL_EXTRA)) {
    t.skip(`no gathered manuscripts at ${REAL_EXTRA}`);
    return;
  }
  const files = manuscriptsUnder(REAL_EXTRA);
  let changed = 0;
  for (const path of files) {
    if (checkSafeFixes(path, readFileSync(join(REAL_EXTRA, path), 'utf8'), [], true)) changed++;
  }
  console.log(`safe-fix property: ${files.length} gathered files, ${changed} changed by safe fixes`);
  assert.ok(files.length > 0);
});
