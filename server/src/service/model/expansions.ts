import type { TermEntry } from '../knowledge/types';

/** British spellings that mark an expansion as the en-GB form. */
const BRITISH = /tumour|haem|leukaem|anaem|oedem|oesophag|paediatr|signall|labell|modell|travell|colour|behaviour|favour|fibre|centre|litre|metre|isation|ise[ds]?\b|ising\b|analys(?:e|ing)\b|foet|grey/iu;

// US <- UK pairs applied when folding, so that either spelling compares equal.
const UK_TO_US: [RegExp, string][] = [
  [/tumour/giu, 'tumor'],
  [/haem/giu, 'hem'],
  [/leukaem/giu, 'leukem'],
  [/anaem/giu, 'anem'],
  [/oedem/giu, 'edem'],
  [/oesophag/giu, 'esophag'],
  [/paediatr/giu, 'pediatr'],
  [/ll(?=ing|ed)/giu, 'l'],
  [/our\b/giu, 'or'],
  [/(fib|cent|lit|met)re\b/giu, '$1er'],
  [/isation/giu, 'ization'],
  [/is(e[ds]?|ing)\b/giu, 'iz$1'],
];

const GREEK: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', kappa: 'κ', lambda: 'λ' };

/**
 * Folds an expansion for comparison: case, hyphens and spaces, Greek letter names,
 * plural endings and UK/US spelling do not count (`Antibody-dependent cellular
 * cytotoxicities` ~ `antibody dependent cellular cytotoxicity`; `tumour` ~ `tumor`).
 */
export function foldExpansion(long: string): string {
  const known = foldedCache.get(long);
  if (known !== undefined) return known;
  const folded = foldUncached(long);
  if (foldedCache.size > 20_000) foldedCache.clear();
  foldedCache.set(long, folded);
  return folded;
}

/** Folding is pure and the same expansions recur (every definition is compared with the knowledge base): memoised. */
const foldedCache = new Map<string, string>();

function foldUncached(long: string): string {
  let folded = long.normalize('NFKC').toLowerCase();
  for (const [pattern, us] of UK_TO_US) folded = folded.replace(pattern, us);
  folded = folded.replace(/\b(alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda)\b/gu, (name) => GREEK[name] ?? name);
  folded = folded.replace(/['’]s\b/gu, '');
  // A comma between coordinate words changes no meaning: `high-affinity, non-cleavable CD16` is `high-affinity non-cleavable CD16`.
  const words = folded.split(/[\s\-\u2010\u2011\u2013/,]+/u).filter((w) => w.length > 0);
  return words.map(singular).join(' ');
}

/** Latin and Greek plurals of science's words, by their ending: `matrices`, `indices`, `analyses`, `criteria`, `phenomena`. */
const LEARNED_PLURALS: readonly [RegExp, string][] = [
  [/(matr|append)ices$/u, '$1ix'],
  [/(ind|vert|cort)ices$/u, '$1ex'],
  [/(analy|synthe|diagno|progno|hypothe|the)ses$/u, '$1sis'],
  [/(criteri|phenomen)a$/u, '$1on'],
];

/** A folded word in the singular: `matrices` is `matrix`, `therapies` is `therapy`, `cells` is `cell` (not `class`). */
function singular(word: string): string {
  for (const [plural, single] of LEARNED_PLURALS) if (plural.test(word)) return word.replace(plural, single);
  if (word.length > 3 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  // `analysis`, `basis`: singular already, as the plural above folds to.
  if (word.endsWith('sis')) return word;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Spelling that completions and fixes insert. */
export type Spelling = 'en-US' | 'en-GB';

/** The expansion of `entry` to insert under a spelling setting (US forms come first in the data). */
export function expansionFor(entry: TermEntry, spelling: Spelling): string | undefined {
  const [first] = entry.expansions;
  if (!first || spelling === 'en-US') return first;
  return entry.expansions.find((e) => BRITISH.test(e) && foldExpansion(e) === foldExpansion(first)) ?? first;
}

/** The distinct expansions of `entry` after folding spelling variants together. */
export function distinctExpansions(entry: TermEntry): string[] {
  const seen = new Set<string>();
  return entry.expansions.filter((e) => {
    const folded = foldExpansion(e);
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/**
 * An expansion as one run of letters and digits, after folding: spaces and superscript or
 * subscript markers (`^null^`, `~c~`) do not count, and a Greek letter's name counts as the
 * letter inside a word too. `IL2Rγnull`, `IL2Rγ null`, `IL2R^γnull^` and `IL2Rgamma-null`
 * are one spelling.
 */
export function compactExpansion(long: string): string {
  return compactOf(foldExpansion(long));
}

function compactOf(folded: string): string {
  return folded.replace(/[\s^~]+/gu, '').replace(/alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda/gu, (name) => GREEK[name] ?? name);
}

/**
 * A long form without the short forms it defines inside it: `quark zone (QZ) ratio` is `quark zone
 * ratio`. Only a bracket holding one word with a capital; `quark (type B) zone` keeps its words.
 */
function withoutInnerShortForms(long: string): string {
  return long.includes('(') ? long.replace(/[ \u00a0]*\((?=[^()\s]{0,15}\p{Lu})[^()\s]{2,16}\)/gu, '') : long;
}

/**
 * True when two expansions given for one short form are the same after folding (a short form
 * defined inside one, `quark zone (QZ) ratio`, left out), or one is the
 * other with a generic head noun added at its end, the noun the term was written with
 * (`younger adults given standard-dose` and `younger adults given standard-dose vaccines`,
 * `spike` and `spike protein`), or an organisation's name with the instrument it names added
 * (`Eastern Cooperative Oncology Group performance status`). Any other added word makes another
 * term: `computed tomography` and `computed tomography angiography`.
 */
export function isSameExpansion(a: string, b: string): boolean {
  const foldedA = foldExpansion(withoutInnerShortForms(a));
  const foldedB = foldExpansion(withoutInnerShortForms(b));
  if (foldedA === foldedB || compactOf(foldedA) === compactOf(foldedB)) return true;
  const [shorter, longer] = foldedA.length < foldedB.length ? [foldedA, foldedB] : [foldedB, foldedA];
  if (shorter.length > 0 && longer.startsWith(shorter + ' ')) {
    const added = longer.slice(shorter.length + 1);
    if (GENERIC_HEAD_NOUNS.has(added) || (ORGANISATION_END.test(shorter) && INSTRUMENT_AFTER.test(added))) return true;
  }
  // The head noun and its gerund name one procedure: `tuberculin skin test` and `tuberculin skin testing`.
  return shorter.length > 4 && longer === `${shorter}ing` && /\p{L}{3}$/u.test(shorter);
}

/** An organisation's name, by its last word, folded: `… Oncology Group`, `… Research Council`. Not `body mass` (`body mass index` is another measure). */
const ORGANISATION_END = /(?:^| )(?:group|council|society|association|organi[sz]ation|institute|consortium|network|college|committee|foundation|agency|board|centre|center|alliance|federation)$/u;
/**
 * An instrument an organisation's letters name as well (`Eastern Cooperative Oncology Group` and
 * `… physical performance score`, `modified Medical Research Council` and `… dyspnea scale`), added
 * only after an organisation's name ({@link ORGANISATION_END}): up to
 * two words, then the instrument's noun, folded as foldExpansion folds it (lower case, singular:
 * `status` is `statu`, `criteria` `criterion`).
 */
const INSTRUMENT_AFTER = /^(?:[\p{L}\p{N}-]+ ){0,2}(?:score|scale|statu|grade|grading|index|criterion|classification|questionnaire)$/u;

/**
 * Head nouns that name who or what a term is about, not a different term (folded: singular,
 * lower case), and the class nouns a molecule's part is written with or without
 * (`immunoglobulin heavy chain variable` and `… variable region`).
 */
const GENERIC_HEAD_NOUNS = new Set([
  'vaccine', 'group', 'cohort', 'patient', 'participant', 'subject', 'individual', 'recipient', 'cell', 'sample', 'arm', 'population',
  'region', 'zone', 'domain', 'gene', 'protein', 'glycoprotein',
  // A statistic written with or without the noun of its kind: `intraclass correlation (coefficient)`.
  'coefficient',
  // A resource or a study named with or without the noun of what it is: `The Cancer Genome Atlas (Program)`,
  // `Genotype-Tissue Expression (Project)`, `the … Consortium`, `the … trial`.
  'project', 'program', 'programme', 'consortium', 'initiative', 'study', 'trial', 'database',
]);
