import type { DiscouragedForm, TermEntry } from './types';

/**
 * Discouraged forms that follow from an entry's own data rather than from a hand-written list,
 * so that one policy holds for every entry (and for project glossaries too):
 *
 * - a Greek letter of a symbol spelled out (`IFN-gamma`, `CD3 zeta`, `SIRPalpha`,
 *   `IL-15R alpha`): generated from every preferred form and variant that writes the letter;
 * - a symbol's Greek letter typed as the Latin letter it resembles (`IL1b`, `TNF-a`, `IFNg`,
 *   `NF-kB`): generated from every preferred form and variant that writes α, β, γ or κ after a
 *   letter, a digit or a hyphen of the symbol;
 * - the official symbol of the entry's one gene written for the protein (`GZMB` for
 *   granzyme B, `KLRK1` for NKG2D): generated from the `genes` field.
 *
 * A form some entry already writes (as any kind of form) is never generated, so hand-written
 * data always wins and two entries never fight over one spelling.
 */

/** Greek letters a symbol may carry, with the names authors type for them. */
const GREEK_NAMES: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  κ: 'kappa',
  λ: 'lambda',
};
const GREEK_LETTER = /[αβγδεζκλ]/u;
const LATIN_CAPITAL_OR_DIGIT = /[A-Z0-9]/u;
// Compiled at first use: a Unicode property class costs a start-up that only a project glossary's
// entries need (the built-in ones are derived at build time).
let letterOrDigit: RegExp | undefined;
const isLetterOrDigit = (character: string): boolean => (letterOrDigit ??= /[\p{L}\p{N}]/u).test(character);
const HYPHEN = /[-\u2010\u2011]/u;

/** Ways a spelled-out letter is joined to the rest of the symbol. */
type Joining = 'in-place' | 'spaced' | 'closed' | 'hyphenated';
const JOININGS: readonly Joining[] = ['in-place', 'spaced', 'closed', 'hyphenated'];

/**
 * Whether the Greek letter at `index` belongs to a symbol: its word (up to white space) holds a
 * Latin capital or a digit (`IFN-γ`, `CD3ζ`, `FcγRIIIa`), unlike `γδ T cell` or `γc`, where
 * the letters stand alone and the spelled-out name is ordinary prose.
 */
function isSymbolLetter(form: string, index: number): boolean {
  let start = index;
  while (start > 0 && !/\s/u.test(form[start - 1]!)) start--;
  let end = index + 1;
  while (end < form.length && !/\s/u.test(form[end]!)) end++;
  return LATIN_CAPITAL_OR_DIGIT.test(form.slice(start, end));
}

/** `form` with each symbol Greek letter written as its name, joined as `joining` says; undefined when it has none. */
function spellOut(form: string, joining: Joining): string | undefined {
  let out = '';
  let changed = false;
  for (let i = 0; i < form.length; i++) {
    const char = form[i]!;
    const name = GREEK_NAMES[char];
    if (name === undefined || !isSymbolLetter(form, i)) {
      out += char;
      continue;
    }
    changed = true;
    const before = form[i - 1];
    const after = form[i + 1];
    const afterIsWord = after !== undefined && isLetterOrDigit(after);
    if (joining === 'in-place') {
      out += name;
    } else if (before !== undefined && HYPHEN.test(before)) {
      // `IFN-γ`: the hyphen becomes a space (`IFN gamma`) or goes (`IFNgamma`); `hyphenated` is `in-place` here.
      if (joining === 'hyphenated') return undefined;
      out = out.slice(0, -1) + (joining === 'spaced' ? ' ' : '') + name;
    } else if (before !== undefined && isLetterOrDigit(before)) {
      // `CD3ζ`: `CD3 zeta`, `CD3-zeta`; `closed` is `in-place` here.
      if (joining === 'closed') return undefined;
      out += (joining === 'spaced' ? ' ' : '-') + name;
    } else {
      // At a word's start (`α4β7`) every joining writes the name in place.
      out += name;
    }
    // `FcγRIIIa` -> `Fc gamma RIIIa`, `IL-13Rα2` -> `IL-13R alpha 2`.
    if (joining === 'spaced' && afterIsWord) out += ' ';
  }
  return changed ? out : undefined;
}

/** Every spelled-out spelling of the symbol Greek letters in `form` (none when it has no such letter). */
export function spelledOutGreekForms(form: string): string[] {
  if (!GREEK_LETTER.test(form)) return [];
  const found = new Set<string>();
  for (const joining of JOININGS) {
    const spelled = spellOut(form, joining);
    if (spelled !== undefined && spelled !== form) found.add(spelled);
  }
  return [...found];
}

/** The Latin letters typed for Greek ones on a keyboard without them, and the Greek letters' names. */
const LATIN_STAND_INS: Readonly<Record<string, string>> = { α: 'a', β: 'b', γ: 'g', κ: 'k' };

/**
 * `form` with each symbol Greek letter that has a Latin stand-in (see {@link LATIN_STAND_INS})
 * written as that Latin letter (`IL-1β` as `IL-1b`, `NF-κB` as `NF-kB`), with the first letter
 * replaced; undefined when it has none. A form with a Greek letter opening a word (`α4β7`,
 * `αLβ2 integrin`) derives nothing: read as Latin, such a word is another name as often as a typing.
 */
export function latinStandInForm(form: string): { form: string; replaced: string } | undefined {
  let out = '';
  let replaced: string | undefined;
  for (let i = 0; i < form.length; i++) {
    const char = form[i]!;
    const latin = LATIN_STAND_INS[char];
    const before = form[i - 1];
    if (GREEK_LETTER.test(char) && (before === undefined || /\s/u.test(before))) return undefined;
    if (latin === undefined || !isSymbolLetter(form, i)) {
      out += char;
      continue;
    }
    if (!isLetterOrDigit(before!) && !HYPHEN.test(before!)) return undefined;
    out += latin;
    replaced ??= char;
  }
  return replaced === undefined ? undefined : { form: out, replaced };
}

/**
 * The Latin stand-in forms of an entry's preferred form and variants, each replaced by the form
 * it stands in for. They match as written only (`basis: 'latin-letter'`): `HIF-1A` and `TNF-A`
 * are capitals, another matter than `HIF-1a`.
 */
function latinStandInForms(entry: TermEntry, taken: Set<string>): DiscouragedForm[] {
  const derived: DiscouragedForm[] = [];
  for (const written of [entry.preferred, ...entry.variants]) {
    const latin = latinStandInForm(written);
    if (latin === undefined || taken.has(latin.form)) continue;
    taken.add(latin.form);
    derived.push({
      form: latin.form,
      reason: `The Latin letter ${LATIN_STAND_INS[latin.replaced]} stands in for the Greek ${GREEK_NAMES[latin.replaced]}; write ${written}.`,
      replacement: written,
      basis: 'latin-letter',
    });
  }
  return derived;
}

/** Every written form of every entry, so that derived forms never take one that data already gives. */
function takenForms(entries: readonly TermEntry[]): Set<string> {
  const taken = new Set<string>();
  for (const entry of entries) {
    taken.add(entry.preferred);
    for (const form of entry.variants) taken.add(form);
    for (const form of entry.expansions) taken.add(form);
    for (const d of entry.discouraged) taken.add(d.form);
  }
  return taken;
}

/**
 * The entry that stands for each gene symbol's protein: the one entry naming that gene alone
 * and not as a part (`CD8α hinge`, `CD44v6`) or construct (`NKG2D-CAR`, `hnCD16`) of its
 * product. Two such entries name no one protein.
 */
function proteinEntryBySymbol(entries: readonly TermEntry[]): Map<string, TermEntry> {
  const candidates = new Map<string, TermEntry[]>();
  for (const entry of entries) {
    if (entry.genes.length !== 1 || entry.genes[0]!.part) continue;
    const symbol = entry.genes[0]!.symbol;
    const list = candidates.get(symbol);
    if (list) list.push(entry);
    else candidates.set(symbol, [entry]);
  }
  const chosen = new Map<string, TermEntry>();
  for (const [symbol, list] of candidates) if (list.length === 1) chosen.set(symbol, list[0]!);
  return chosen;
}

/**
 * The gene-symbol form of an entry: the official symbol of its one gene, when the entry is that
 * gene's protein (see {@link proteinEntryBySymbol}) and writes it otherwise (`GZMB` for granzyme B).
 */
function geneSymbolForm(entry: TermEntry, taken: ReadonlySet<string>, proteins: ReadonlyMap<string, TermEntry>): DiscouragedForm | undefined {
  if (entry.genes.length !== 1) return undefined;
  const symbol = entry.genes[0]!.symbol;
  if (taken.has(symbol) || proteins.get(symbol) !== entry) return undefined;
  return {
    form: symbol,
    reason: `${symbol} is the official symbol of the gene; the protein is usually written ${entry.preferred}, and the gene in italics (*${symbol}*).`,
    replacement: entry.preferred,
    basis: 'gene-symbol',
  };
}

/** The spelled-out Greek forms of an entry's preferred form and variants, each replaced by the form it spells. */
function spelledGreekForms(entry: TermEntry, taken: Set<string>): DiscouragedForm[] {
  const derived: DiscouragedForm[] = [];
  for (const written of [entry.preferred, ...entry.variants]) {
    for (const spelled of spelledOutGreekForms(written)) {
      if (taken.has(spelled)) continue;
      taken.add(spelled);
      derived.push({
        form: spelled,
        reason: `The Greek letter is spelled out; journals print the letter itself.`,
        replacement: written,
        basis: 'greek-letter-name',
      });
    }
  }
  return derived;
}

/**
 * The entries with their derived discouraged forms added after the hand-written ones. An entry
 * that gains nothing is returned as it was.
 */
export function withDerivedForms(entries: readonly TermEntry[]): TermEntry[] {
  const taken = takenForms(entries);
  const proteins = proteinEntryBySymbol(entries);
  const geneForms = entries.map((entry) => geneSymbolForm(entry, taken, proteins));
  for (const form of geneForms) if (form) taken.add(form.form);
  return entries.map((entry, index) => {
    const derived = [...spelledGreekForms(entry, taken), ...latinStandInForms(entry, taken)];
    const gene = geneForms[index];
    if (gene) derived.push(gene);
    return derived.length === 0 ? entry : { ...entry, discouraged: [...entry.discouraged, ...derived] };
  });
}
