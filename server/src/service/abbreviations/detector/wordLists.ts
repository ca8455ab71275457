/**
 * Small closed word lists the detector consults. They are general English and
 * scientific-writing conventions, not terms from any corpus.
 */

/**
 * Function words that a long form may contain without a short-form letter
 * (`Community Trial *for* Smoking Cessation`, `tumor, node *and* metastasis`).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'de', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'per', 'the',
  'to', 'via', 'with', 'within', 'without', 'du', 'des', 'la', 'le', 'del', 'der', 'und', 'von',
  'plus', 'versus', 'vs', 'than', 'but', 'nor',
  // A relative clause's pronoun and auxiliary verb (`men who have sex with men (MSM)`).
  'who', 'whom', 'whose', 'which', 'that', 'have', 'has', 'had', 'is', 'are', 'was', 'were', 'been', 'being',
]);

/** Determiners, which point at a long form's head rather than start it (`their tissue inhibitors (TIMPs)`). */
export const DETERMINERS: ReadonlySet<string> = new Set(['its', 'their', 'this', 'these', 'those', 'our', 'his', 'her', 'each', 'every', 'both', 'all', 'some', 'any']);

/**
 * Verbs' auxiliaries and the prepositions that end a noun phrase read back from a bracket: the
 * words before them belong to the clause, not to a long form (`staged by the pathologist (TNM)`).
 * Not `of`, `for`, `and` or `in`, which long forms hold (`diffusion capacity for carbon monoxide`).
 */
export const PHRASE_BREAKS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must',
  'by', 'at', 'from', 'with', 'to', 'into', 'onto', 'on', 'under', 'over', 'between', 'after', 'before',
  'during', 'than', 'as', 'via', 'using', 'through', 'within', 'without', 'against', 'among', 'upon',
  'toward', 'towards', 'per',
]);

/**
 * Nouns that follow a term to say what was measured or who was studied
 * (`transferase *activity* (HGPRT)`, `high NaCl *diet* (HNa)`); a short form
 * that leaves the last word out does not leave out one of these as part of its long form.
 */
export const CONTEXT_NOUNS: ReadonlySet<string> = new Set([
  'activity', 'activities', 'level', 'levels', 'concentration', 'concentrations', 'expression', 'content',
  'diet', 'group', 'groups', 'patients', 'subjects', 'participants', 'mice', 'rats', 'animals', 'donors',
  'value', 'values', 'measurement', 'measurements', 'colony', 'colonies', 'score', 'scores', 'status',
  'treatment', 'administration', 'deficiency', 'production', 'release', 'secretion', 'use', 'study', 'studies',
]);

/**
 * Class nouns that follow the name of a molecule or one of its parts (`spike *glycoprotein*`,
 * `envelope *protein*`, `variable *domain*`): a single-letter short form may name the word
 * before them and leave the class noun out (`viral spike glycoprotein (S)`).
 */
export const NAMING_NOUNS: ReadonlySet<string> = new Set([
  'protein', 'proteins', 'glycoprotein', 'glycoproteins', 'gene', 'genes', 'domain', 'domains', 'chain', 'chains',
  'region', 'regions', 'segment', 'segments', 'subunit', 'subunits', 'peptide', 'peptides', 'antigen', 'antigens',
  'loop', 'helix', 'strand', 'fragment', 'fragments', 'site', 'motif', 'particle', 'particles',
]);

/**
 * Words that end with a full stop without ending a sentence (lower-cased, stop removed):
 * `et al.`, `e.g.`, `Fig.`, `approx.`.
 */
export const ABBREVIATIONS_ENDING_WITH_STOP: ReadonlySet<string> = new Set([
  'al', 'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'viz', 'etc', 'approx', 'ca', 'fig', 'figs', 'ref', 'refs',
  'no', 'nos', 'vol', 'eq', 'eqs', 'sp', 'spp', 'ssp', 'subsp', 'var', 'dr', 'prof', 'mr', 'mrs', 'ms', 'st',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'min', 'max', 'resp', 'incl', 'cit', 'op',
]);

/**
 * First words of parenthetical remarks that are never a short form:
 * `(see Methods)`, `(Fig. 2)`, `(i.e., …)`, `(Smith et al.)` is caught separately.
 */
export const NON_DEFINITION_OPENERS: ReadonlySet<string> = new Set([
  'see', 'fig', 'figs', 'figure', 'figures', 'table', 'tables', 'ref', 'refs', 'reference', 'references',
  'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'viz', 'ca', 'approx', 'and', 'or', 'but', 'not', 'also', 'data',
  'supplementary', 'appendix', 'panel', 'eq', 'equation', 'chapter', 'section', 'box', 'p', 'n', 'r',
  'mean', 'median', 'range', 'total', 'all', 'both', 'only', 'each', 'per', 'from', 'to', 'in', 'on', 'at',
  'for', 'with', 'without', 'by', 'the', 'a', 'an', 'this', 'these', 'that', 'those', 'which', 'who',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'up', 'about', 'over', 'under',
]);
