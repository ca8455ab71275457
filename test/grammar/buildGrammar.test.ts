// Unit tests of the grammar generator (scripts/build-grammar.mjs): how forms are classified and
// escaped, the injection selector, and that the generated regexes match what they should. The
// TextMate behaviour inside real Markdown is covered by test/grammar/terms.test.md (npm run test:grammar).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EXCLUDED_SCOPES,
  HOST_SCOPES,
  TERM_SCOPES,
  buildInjectionGrammar,
  classifyForms,
  formToRegex,
  isAbbreviation,
} from '../../scripts/build-grammar.mjs';

const ENTRIES = [
  { preferred: 'ADCC', expansions: ['antibody-dependent cellular cytotoxicity'], variants: [] },
  { preferred: 'CAR-NK', expansions: ['chimeric antigen receptor natural killer'], discouraged: [{ form: 'CAR NK' }, { form: 'CARNK' }] },
  { preferred: 'CAR', expansions: ['chimeric antigen receptor'] },
  { preferred: 'IL-15', expansions: ['interleukin-15'], discouraged: [{ form: 'IL15' }] },
  { preferred: 'TGF-β', variants: ['TGF-β1'], discouraged: [{ form: 'TGF-beta' }] },
  { preferred: 'perforin' },
  { preferred: 'Kaplan–Meier estimate', variants: ['Kaplan–Meier'] },
  { preferred: 'E:T ratio', variants: ['E:T'] },
];

test('isAbbreviation: one token with two capitals, a capital and a digit, or an inner capital', () => {
  const cases: [string, boolean][] = [
    ['ADCC', true],
    ['IL-15', true],
    ['CD19', true],
    ['NKp46', true],
    ['iPSC', true],
    ['scFv', true],
    ['E:T', true],
    ['TGF-β', true],
    ['perforin', false],
    ['natural killer', false],
    ['Kaplan–Meier', false],
    ['Kaplan-Meier', false],
    ['Fas', false],
  ];
  for (const [form, expected] of cases) assert.equal(isAbbreviation(form), expected, form);
});

test('formToRegex escapes metacharacters, widens spaces and accepts a capitalised first letter', () => {
  const cases: [string, string][] = [
    ['E:T', 'E:T'],
    ['MM.1S', 'MM\\.1S'],
    ['CD56^bright^', 'CD56\\^bright\\^'],
    ['IL-2/IL-15Rβ', 'IL-2/IL-15Rβ'],
    ['3+3 design', '3\\+3[ \\t]+design'],
    ['natural killer', '[nN]atural[ \\t]+killer'],
    ['(R/R)', '\\(R/R\\)'],
  ];
  for (const [form, expected] of cases) assert.equal(formToRegex(form), expected, form);
});

test('classifyForms sorts forms into kinds, longest first, and never marks an accepted form discouraged', () => {
  const forms = classifyForms([...ENTRIES, { preferred: 'CARNK' }]);
  assert.deepEqual(forms.discouraged, ['TGF-beta', 'CAR NK', 'IL15']);
  assert.ok(forms.abbreviation.includes('CARNK'));
  assert.deepEqual(forms.abbreviation.slice(0, 3), ['CAR-NK', 'TGF-β1', 'CARNK']);
  assert.ok(forms.term.includes('Kaplan–Meier'));
  for (const kind of ['discouraged', 'abbreviation', 'term'] as const) {
    const lengths = forms[kind].map((form) => form.length);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a), `${kind} not longest first`);
  }
});

test('the injection selector covers every host and excludes code, front matter, links and comments', () => {
  const { grammar } = buildInjectionGrammar(ENTRIES);
  const selectors = grammar.injectionSelector.split(',').map((part) => part.trim());
  assert.equal(selectors.length, HOST_SCOPES.length);
  for (const [index, host] of HOST_SCOPES.entries()) {
    assert.ok(selectors[index]?.startsWith(`L:${host} `), selectors[index]);
    for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'meta.embedded', 'markup.underline.link', 'comment']) {
      assert.ok(EXCLUDED_SCOPES.includes(excluded));
      assert.ok(selectors[index]?.includes(` -${excluded}`), `${host} does not exclude ${excluded}`);
    }
  }
});

/** Which scope (if any) the generated patterns give `word` at its first occurrence in `line`. */
function scopeOf(line: string, word: string): string | undefined {
  const { grammar } = buildInjectionGrammar(ENTRIES);
  // Oniguruma and JavaScript agree on everything these patterns use except \w, which is Unicode-aware
  // in Oniguruma but ASCII-only in JavaScript; the patterns use it only inside character classes.
  let best: { index: number; name: string; text: string } | undefined;
  for (const pattern of grammar.patterns) {
    const match = new RegExp(pattern.match.replace(/\\w/g, '\\p{L}\\p{N}_'), 'gu').exec(line);
    if (match && (!best || match.index < best.index)) best = { index: match.index, name: pattern.name, text: match[0] };
  }
  return best && best.text.startsWith(word) && line.indexOf(word) === best.index ? best.name : undefined;
}

test('generated patterns: boundaries, plurals, italics, longest form first', () => {
  const cases: [line: string, word: string, scope: string | undefined][] = [
    ['ADCC was measured', 'ADCC', TERM_SCOPES.abbreviation],
    ['the ADCCs were', 'ADCCs', TERM_SCOPES.abbreviation],
    ['xADCC is not a term', 'xADCC', undefined],
    ['see @ADCC2020', 'ADCC', undefined],
    ['CAR-NK cells', 'CAR-NK', TERM_SCOPES.abbreviation],
    ['CAR NK cells', 'CAR NK', TERM_SCOPES.discouraged],
    ['IL15 protein', 'IL15', TERM_SCOPES.discouraged],
    ['the *IL15* gene', 'IL15', undefined],
    ['TGF-beta signalling', 'TGF-beta', TERM_SCOPES.discouraged],
    ['TGF-β1 levels', 'TGF-β1', TERM_SCOPES.abbreviation],
    ['Antibody-dependent cellular cytotoxicity', 'Antibody-dependent', TERM_SCOPES.term],
    ['perforin and granzyme', 'perforin', TERM_SCOPES.term],
    ['a high E:T ratio', 'E:T ratio', TERM_SCOPES.term],
  ];
  for (const [line, word, scope] of cases) assert.equal(scopeOf(line, word), scope, `${word} in "${line}"`);
});
