/**
 * Folding of written forms for tolerant lookup: two spellings that fold to the same key are
 * treated as the same form written differently (TGF-beta ~ TGF-β, T-cell ~ T cell,
 * Perforin ~ perforin), while abbreviations keep their case (NK is not nk).
 */

/** Greek letter names authors type instead of the letter, mapped to the lower-case letter. */
const GREEK_LETTER_BY_NAME: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  zeta: 'ζ',
  kappa: 'κ',
  lambda: 'λ',
};

// Eta, mu and nu are left out on purpose: as substrings they occur inside ordinary words too often.
const GREEK_NAME_PATTERN = /alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda/gi;
// Hyphen look-alikes (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2212 minus).
const HYPHEN_LIKE_PATTERN = /[\u2010\u2011\u2012\u2212]/g;
const TOKEN_SEPARATOR_PATTERN = /[\s\-/]+/u;
// Compiled at first use, not at start-up: a Unicode property class is costly to compile, and reviving
// the built-in knowledge base folds nothing.
let upperCasePattern: RegExp | undefined;

/**
 * Whether a single token of a written form is an ordinary word whose case carries no meaning:
 * no capital letter after the first character (perforin, Perforin, T), unlike NK, iPSC or scFv.
 */
export function isCaseInsensitiveToken(token: string): boolean {
  const afterFirst = token.slice(String.fromCodePoint(token.codePointAt(0) ?? 32).length);
  return !(upperCasePattern ??= /\p{Lu}/u).test(afterFirst);
}

/**
 * The folded key of a written form. Unicode compatibility forms are unified (⁺ becomes +),
 * Greek letter names become letters, ordinary words are lower-cased while abbreviations keep
 * their case, and hyphens, slashes and whitespace are dropped.
 */
export function foldWrittenForm(form: string): string {
  const unified = form
    .normalize('NFKC')
    .replace(HYPHEN_LIKE_PATTERN, '-')
    .replace(GREEK_NAME_PATTERN, (name) => GREEK_LETTER_BY_NAME[name.toLowerCase()] ?? name);
  let key = '';
  for (const token of unified.split(TOKEN_SEPARATOR_PATTERN)) {
    if (token.length === 0) continue;
    key += isCaseInsensitiveToken(token) ? token.toLowerCase() : token;
  }
  return key;
}
