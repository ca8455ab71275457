import type { BlockTokens } from '../text/tokens';
/** A human gene named by a term: official HGNC symbol and NCBI Gene identifier. */
export interface GeneReference {
  /** Official HGNC symbol, for example KLRK1. */
  readonly symbol: string;
  /** NCBI Gene (Entrez) identifier, for example 22914. */
  readonly ncbiGeneId: number;
  /**
   * True when the term names a part, isoform or construct of the gene's product (`CD8α hinge`,
   * `CD44v6`, `NKG2D-CAR`), not the protein itself: the symbol in roman is then not this term.
   */
  readonly part?: boolean;
}

/** A written form authors should replace, with the reason and the replacement. */
export interface DiscouragedForm {
  /** The form as it appears in text, for example TGF-beta. */
  readonly form: string;
  /** Why it should be replaced, in one or two sentences. */
  readonly reason: string;
  /** What to write instead. */
  readonly replacement: string;
  /**
   * For a style choice journals differ on: the guide that recommends the replacement (the
   * MIQE guidelines for RT-qPCR). Such a form is reported at `information`.
   */
  readonly guide?: string;
  /**
   * Set on forms the knowledge base derives rather than lists: a symbol's Greek letter spelled
   * out or typed as a Latin letter (matched as written only), or the official gene symbol written
   * for the protein.
   */
  readonly basis?: DiscouragedBasis;
}

/** Why a derived discouraged form is discouraged. */
export type DiscouragedBasis = 'greek-letter-name' | 'gene-symbol' | 'latin-letter';

/** How a term relates to another that it is not a variant of. */
export type TermRelationKind = 'broader-term' | 'narrower-term' | 'former-name' | 'older-expansion';

/** A related term that is not a variant: hover explains it, and no rule replaces one term by the other. */
export interface TermRelation {
  /** Id of the other entry. */
  readonly id: string;
  /** What this term is to the other: broader, narrower, its former name, an older expansion of its abbreviation. */
  readonly kind: TermRelationKind;
  /** How the two differ, in one to three sentences. */
  readonly note: string;
}

/** Where a checkable fact of an entry comes from: `PMID:…`, `doi:10.…/…` or an NCT number. */
export interface TermSource {
  /** The identifier, as written in the data (`PMID:31345678`, `doi:10.1056/…`, `NCT01234567`). */
  readonly id: string;
  /** Which fact of the entry it supports, in a few words. */
  readonly supports: string;
}

/** What a cell line is: species and tissue of origin, and its Cellosaurus accession where checked. */
export interface CellLineFacts {
  readonly species: string;
  readonly tissue: string;
  /** Cellosaurus accession (`CVCL_0004`), present only where it was checked. */
  readonly cellosaurus?: string;
  /** For a line known to be misidentified or contaminated: what it really is. */
  readonly misidentified?: string;
}

/** One curated term of the knowledge base (built-in or from a project glossary). */
export interface TermEntry {
  /** Stable identifier, lower-case with hyphens, unique in a knowledge base. */
  readonly id: string;
  /** Preferred written form, with Unicode Greek letters where the field uses them. */
  readonly preferred: string;
  /** Long forms of an abbreviation (US spelling first); empty for ordinary words. */
  readonly expansions: readonly string[];
  /** Accepted alternative written forms. */
  readonly variants: readonly string[];
  /** Forms to replace, each with reason and replacement. */
  readonly discouraged: readonly DiscouragedForm[];
  /** One to three sentences of plain scientific English. */
  readonly definition: string;
  /** Usage notes: style, pitfalls, context. */
  readonly notes?: string;
  /** Category id (the data file name), or `project-glossary` for user entries. */
  readonly category: string;
  /** Every human gene the term names. */
  readonly genes: readonly GeneReference[];
  /** Ids of related entries. */
  readonly related: readonly string[];
  /** Related terms that are not variants, each with a note on how they differ. */
  readonly relations?: readonly TermRelation[];
  /** Whether journals require the abbreviation to be spelled out at first use. */
  readonly needsDefinition: boolean;
  /** True when another entry legitimately shares one of this entry's written forms. */
  readonly ambiguous?: boolean;
  /** Sources of the checkable facts the entry states. */
  readonly sources?: readonly TermSource[];
  /** For a cell line: species, tissue and accession. */
  readonly cellLine?: CellLineFacts;
}

/** How a written form relates to its entry. */
export type FormKind = 'preferred' | 'variant' | 'expansion' | 'discouraged';

/** The result of looking up one written form. */
export interface TermLookup {
  /** The entry the form belongs to. */
  readonly entry: TermEntry;
  /** Which field of the entry the form came from. */
  readonly kind: FormKind;
  /** The knowledge-base form that matched (may differ from the query when `folded`). */
  readonly form: string;
  /** True when the query matched only after folding case, hyphens/spaces or Greek letter names. */
  readonly folded: boolean;
}

/** A knowledge-base form found in a text, as UTF-16 offsets into that text. */
export interface TermOccurrence {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset after the last character (a plural -s is included). */
  readonly end: number;
  /** Id of the entry whose form matched. */
  readonly entryId: string;
  /** The knowledge-base form that matched (the text may differ in case, whitespace or plural -s). */
  readonly form: string;
  /** Which field of the entry the form came from. */
  readonly kind: FormKind;
  /** For ambiguous forms: ids of the other entries sharing this form. */
  readonly otherEntryIds?: readonly string[];
}

/** A read-only terminology knowledge base with fast lookups. */
export interface KnowledgeBase {
  /** All entries, in load order. */
  readonly entries: readonly TermEntry[];
  /** The entry with this id, if any. */
  byId(id: string): TermEntry | undefined;
  /**
   * The best entry for a written form: an exact match first, then a folded match (case for
   * non-abbreviations, hyphen/space, Greek letter names such as beta for β).
   */
  lookup(form: string): TermLookup | undefined;
  /** Every entry a written form may denote (more than one for ambiguous forms), best first. */
  lookupAll(form: string): readonly TermLookup[];
  /**
   * Every knowledge-base form in `text` between `from` and `to` (UTF-16 offsets, default the
   * whole text), on word boundaries, longest match first, without overlaps, in text order.
   */
  findTermOccurrences(text: string, from?: number, to?: number): TermOccurrence[];
  /** The same over the whole of `text`, read from the token pass's words (`tokens` are `text`'s). */
  findTermOccurrencesInTokens(text: string, tokens: BlockTokens): TermOccurrence[];
  /**
   * The same, each occurrence handed to `visit` as it is found: a caller that keeps its own copy
   * lets the occurrence die young (one paragraph held 900,000 occurrences until its end, issue 16).
   */
  forEachTermOccurrenceInTokens(text: string, tokens: BlockTokens, visit: (occurrence: TermOccurrence) => void): void;
}
