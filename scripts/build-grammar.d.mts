// Types for scripts/build-grammar.mjs, so TypeScript tests can import it.

/** A knowledge-base entry as far as the grammar needs it. */
export interface GrammarSourceEntry {
  preferred: string;
  variants?: string[];
  expansions?: string[];
  discouraged?: { form: string }[];
}

/** How many written forms of each kind the grammar highlights. */
export interface GrammarCounts {
  discouraged: number;
  abbreviation: number;
  term: number;
}

/** A TextMate injection grammar with one `match` pattern per kind of form. */
export interface InjectionGrammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { name: string; match: string }[];
}

/** Where the generated grammar is written, relative to the repository root. */
export declare const GRAMMAR_PATH: string;
/** Scope name of the injection grammar. */
export declare const GRAMMAR_SCOPE: string;
/** Host grammars the injection applies to. */
export declare const HOST_SCOPES: string[];
/** Scopes inside which nothing is highlighted (code, front matter, links, comments, math). */
export declare const EXCLUDED_SCOPES: string[];
/** Scope given to each kind of written form. */
export declare const TERM_SCOPES: { discouraged: string; abbreviation: string; term: string };

/** Builds the grammar object from knowledge-base entries (pure). */
export declare function buildInjectionGrammar(entries: readonly GrammarSourceEntry[]): { grammar: InjectionGrammar; counts: GrammarCounts };
/** Sorts every written form into discouraged, abbreviation or term, longest first. */
export declare function classifyForms(entries: readonly GrammarSourceEntry[]): { discouraged: string[]; abbreviation: string[]; term: string[] };
/** True for a one-token form that reads as an abbreviation or symbol (ADCC, IL-15, NKp46, iPSC). */
export declare function isAbbreviation(form: string): boolean;
/** A literal form as an Oniguruma regular expression. */
export declare function formToRegex(form: string): string;
/** Reads out/generated/knowledge.json and writes the grammar file. */
export declare function buildGrammar(options?: { root?: string; write?: boolean; log?: (line: string) => void }): { path: string; bytes: number; counts: GrammarCounts };
