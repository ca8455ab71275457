/**
 * Greek letters and their Latin names. Authors write `TGF-β`, `TGF-beta` and
 * `transforming growth factor beta` interchangeably, so the detector compares
 * short and long forms after spelling every Greek letter out.
 */

/** The Latin names of the Greek letters in code-point order from alpha; the slot after rho (U+03A2, U+03C2) is empty. */
const NAMES_IN_ORDER = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'omicron', 'pi', 'rho', '', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

const GREEK_LETTER_NAMES: ReadonlyMap<string, string> = buildGreekLetterNames();

/** Lower-case Greek letters by their Latin name (`gamma` → `γ`), as LaTeX writes them (`$\gamma$`). */
const LOWER_CASE_BY_NAME: ReadonlyMap<string, string> = new Map(
  NAMES_IN_ORDER.flatMap((name, index) => (name === '' ? [] : [[name, String.fromCharCode(0x3b1 + index)] as const])),
);

/** The lower-case Greek letter a Latin name stands for (`alpha` → `α`), or `undefined`. */
export function greekLetterNamed(name: string): string | undefined {
  return LOWER_CASE_BY_NAME.get(name);
}

function buildGreekLetterNames(): Map<string, string> {
  const letters = new Map<string, string>();
  NAMES_IN_ORDER.forEach((name, index) => {
    // U+03A2 and U+03C2 (the slot after rho) are not an upper-case letter / are final sigma.
    if (name === '') return;
    letters.set(String.fromCharCode(0x391 + index), name);
    letters.set(String.fromCharCode(0x3b1 + index), name);
  });
  letters.set('\u03c2', 'sigma'); // final sigma
  letters.set('\u03d5', 'phi'); // phi symbol
  letters.set('\u03f5', 'epsilon'); // lunate epsilon symbol
  letters.set('\u00b5', 'mu'); // micro sign, typed for μ on most keyboards
  return letters;
}

/** The lower-case Latin name of a Greek letter (`β` → `beta`), or `undefined` for any other character. */
export function greekLetterName(character: string): string | undefined {
  // Every key is one code unit from U+00B5 up: most prose characters are ruled out at once.
  if (character.length !== 1 || character.charCodeAt(0) < 0xb5) return undefined;
  return GREEK_LETTER_NAMES.get(character);
}
