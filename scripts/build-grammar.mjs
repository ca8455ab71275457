#!/usr/bin/env node
// Generates syntaxes/carnk.injection.tmLanguage.json, a TextMate injection grammar that highlights
// the knowledge base's terms in the prose of Markdown, Quarto and R Markdown files.
//
// The grammar is derived data: it is rebuilt from out/generated/knowledge.json on every build
// (scripts/build.mjs calls buildGrammar after buildKnowledge) and git-ignored, so it can never drift
// from the knowledge base. `npm ci` runs the build through `prepare`, so a clean clone has it.
//
// Usage: node scripts/build-grammar.mjs [--root <repo>]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const KNOWLEDGE_JSON = 'out/generated/knowledge.json';
/** Where the generated grammar is written, relative to the repository root. */
export const GRAMMAR_PATH = 'syntaxes/carnk.injection.tmLanguage.json';
/** Scope name of the injection grammar (package.json `contributes.grammars` uses the same). */
export const GRAMMAR_SCOPE = 'text.carnk.injection';

/**
 * Host grammars we inject into: VS Code's Markdown, the Quarto extension's grammar and the R
 * Markdown grammars of the vscode-R family (older releases used text.html.rmarkdown; the current
 * R Syntax extension nests its scope under text.html.markdown, which the first selector covers).
 */
export const HOST_SCOPES = ['text.html.markdown', 'text.html.quarto', 'text.html.rmarkdown'];

/**
 * Scopes inside which terms are never highlighted: code (fenced, indented, inline, Quarto/R chunks),
 * front matter and other embedded languages, link and image destinations, reference-link labels and
 * definitions, HTML tags and comments, math.
 */
export const EXCLUDED_SCOPES = [
  'markup.fenced_code',
  'markup.raw',
  'markup.inline.raw',
  'meta.embedded',
  'markup.underline.link',
  'constant.other.reference.link',
  'meta.link.reference.def',
  'meta.tag',
  'comment',
  'markup.math',
  'meta.math',
];

/** The scope each kind of written form receives; the last segment names our grammar. */
export const TERM_SCOPES = {
  /** A written form the knowledge base advises against (IL15 for the protein, TGF-beta, NK92). */
  discouraged: 'invalid.deprecated.discouraged.carnk',
  /** An abbreviation or symbol: ADCC, IL-15, NKp46, iPSC, CD19. */
  abbreviation: 'entity.name.tag.abbreviation.carnk',
  /** A spelled-out term or expansion: natural killer cell, antibody-dependent cellular cytotoxicity. */
  term: 'support.type.term.carnk',
};

// Characters that may not touch a form on the left: letters and digits (word boundary), and the
// markers of citation keys (@key), cross-reference ids (#fig-x), paths and escapes.
const LEFT_BOUNDARY = '(?<![\\w@#/\\\\])';
// On the right: no letter or digit, so CD19 does not match inside CD190; hyphens are allowed
// (CD19-directed) because longer hyphenated forms are tried first.
const RIGHT_BOUNDARY = '(?![\\w/])';
// Plurals and possessives of accepted forms (iPSCs, CAR's, NK cells').
const PLURAL_OR_POSSESSIVE = "(?:['’]?s|s['’])?";
// Gene symbols listed as discouraged (KLRK1, IL15) are correct when italicised: *KLRK1* or _KLRK1_.
const NOT_ITALIC_BEFORE = '(?<![*_])';
const NOT_ITALIC_AFTER = '(?![*_])';

/**
 * Builds the injection grammar object from knowledge-base entries.
 * Pure: the same entries always give the same grammar, key order included.
 * @param {ReadonlyArray<{ preferred: string, variants?: string[], expansions?: string[], discouraged?: { form: string }[] }>} entries
 * @returns {{ grammar: object, counts: { discouraged: number, abbreviation: number, term: number } }}
 */
export function buildInjectionGrammar(entries) {
  const forms = classifyForms(entries);
  const kinds = /** @type {const} */ (['discouraged', 'term', 'abbreviation']);
  // TextMate takes the leftmost match and, on a tie, the earlier pattern. A form of an earlier kind
  // must therefore not win over a longer form of a later kind that starts at the same place
  // (term "CAR NK cell" over abbreviation "CAR"): each pattern refuses those longer forms up front.
  const patterns = kinds
    .filter((kind) => forms[kind].length > 0)
    .map((kind, index, present) => {
      const laterLonger = present
        .slice(index + 1)
        .flatMap((later) => forms[later])
        .filter((longer) => forms[kind].some((form) => longer.length > form.length && longer.startsWith(form)));
      const refuse = laterLonger.length > 0 ? `(?!${alternation(laterLonger)}${RIGHT_BOUNDARY})` : '';
      const body = alternation(forms[kind]);
      const match =
        kind === 'discouraged'
          ? `${LEFT_BOUNDARY}${NOT_ITALIC_BEFORE}${refuse}(?:${body})${RIGHT_BOUNDARY}${NOT_ITALIC_AFTER}`
          : `${LEFT_BOUNDARY}${refuse}(?:${body})${PLURAL_OR_POSSESSIVE}${RIGHT_BOUNDARY}`;
      return { name: TERM_SCOPES[kind], match };
    });
  const selector = HOST_SCOPES.map((host) => `L:${host} ${EXCLUDED_SCOPES.map((scope) => `-${scope}`).join(' ')}`).join(', ');
  const grammar = {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    comment: 'Generated by scripts/build-grammar.mjs from the CAR-NK knowledge base. Do not edit.',
    scopeName: GRAMMAR_SCOPE,
    injectionSelector: selector,
    patterns,
  };
  return {
    grammar,
    counts: { discouraged: forms.discouraged.length, abbreviation: forms.abbreviation.length, term: forms.term.length },
  };
}

/**
 * Sorts every written form of the knowledge base into one kind. A form that is discouraged in one
 * entry is not highlighted as discouraged if another entry accepts it (the knowledge base forbids
 * that overlap, but a project glossary built the same way might not).
 * @param {Parameters<typeof buildInjectionGrammar>[0]} entries
 */
export function classifyForms(entries) {
  const accepted = new Set();
  const discouraged = new Set();
  for (const entry of entries) {
    for (const form of [entry.preferred, ...(entry.variants ?? []), ...(entry.expansions ?? [])]) accepted.add(form.trim());
    for (const { form } of entry.discouraged ?? []) discouraged.add(form.trim());
  }
  for (const form of accepted) discouraged.delete(form);
  const abbreviation = [...accepted].filter(isAbbreviation);
  const term = [...accepted].filter((form) => !isAbbreviation(form));
  return { discouraged: byLengthThenText([...discouraged]), abbreviation: byLengthThenText(abbreviation), term: byLengthThenText(term) };
}

/**
 * An abbreviation or symbol is one token with at least two capitals, or a capital and a digit, or
 * a capital after a lower-case letter: ADCC, IL-15, CD19, NKp46, iPSC, scFv, E:T. Everything
 * else (natural killer cell, perforin, Kaplan–Meier) is a term.
 * @param {string} form
 */
export function isAbbreviation(form) {
  // Eponyms joined by a dash (Kaplan–Meier) have two capitals but read as words.
  if (/\s/u.test(form) || /^\p{Lu}\p{Ll}+(?:[-–]\p{Lu}\p{Ll}+)+$/u.test(form)) return false;
  const capitals = form.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 || (capitals >= 1 && /\p{Nd}/u.test(form)) || /\p{Ll}\p{Lu}/u.test(form);
}

/** Longest first, so alternation prefers CAR-NK cell over CAR-NK over CAR; ties by text for a stable file. */
function byLengthThenText(forms) {
  return forms.filter((form) => form.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** One Oniguruma alternation of literal forms (already sorted longest first). */
function alternation(forms) {
  return forms.map(formToRegex).join('|');
}

/**
 * A literal form as an Oniguruma regex: metacharacters escaped, any run of spaces matching any run
 * of blanks, and a lower-case first letter also matching its capital at the start of a sentence.
 * @param {string} form
 */
export function formToRegex(form) {
  const first = form.charAt(0);
  const rest = form.slice(1);
  const head = first !== first.toUpperCase() && first.toUpperCase().length === 1 ? `[${first}${first.toUpperCase()}]` : escapeLiteral(first);
  return head + escapeLiteral(rest);
}

function escapeLiteral(text) {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&').replace(/ +/g, '[ \\t]+');
}

/**
 * The entries with the discouraged forms the service derives from the data (spelled-out Greek
 * letters, a protein's gene symbol), so that the editor highlights what the linter reports. The
 * one derivation (server/src/service/knowledge/derivedForms.ts, which imports nothing at run
 * time) is bundled on the fly rather than written twice.
 * @param {string} root
 * @param {any[]} entries compact entries of knowledge.json (empty arrays left out)
 */
function withDerivedForms(root, entries) {
  const { outputFiles } = buildSync({
    entryPoints: [join(root, 'server', 'src', 'service', 'knowledge', 'derivedForms.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  const complete = entries.map((entry) => ({ variants: [], expansions: [], discouraged: [], genes: [], ...entry }));
  return /** @type {{ withDerivedForms: (entries: any[]) => any[] }} */ (module.exports).withDerivedForms(complete);
}

/**
 * Reads out/generated/knowledge.json and writes the grammar.
 * @param {{ root?: string, write?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ path: string, bytes: number, counts: { discouraged: number, abbreviation: number, term: number } }}
 */
export function buildGrammar({ root = fileURLToPath(new URL('..', import.meta.url)), write = true, log = () => {} } = {}) {
  const knowledge = JSON.parse(readFileSync(join(root, KNOWLEDGE_JSON), 'utf8'));
  const { grammar, counts } = buildInjectionGrammar(withDerivedForms(root, knowledge.entries));
  const text = JSON.stringify(grammar, null, 1) + '\n';
  const path = join(root, GRAMMAR_PATH);
  if (write) {
    mkdirSync(join(root, 'syntaxes'), { recursive: true });
    writeFileSync(path, text);
  }
  const bytes = Buffer.byteLength(text);
  log(`grammar: ${counts.abbreviation} abbreviations, ${counts.term} terms, ${counts.discouraged} discouraged forms, ${(bytes / 1024).toFixed(1)} KB`);
  return { path, bytes, counts };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? resolve(process.argv[rootFlag + 1] ?? '.') : undefined;
  buildGrammar({ ...(root ? { root } : {}), log: (line) => console.log(line) });
}
