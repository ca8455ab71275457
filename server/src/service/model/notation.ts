/**
 * Notations that have the shape of an abbreviation but are written in a notation of their
 * own, which a reader decodes by its rules rather than from a definition: a chemical formula
 * (`TcO4`, `MgCl2`), a glycine–serine linker (`G4S`, as in `(G4S)3`), an IgG glycoform
 * (`G0F`, `G1FB`, `G2FS1`), a reference genome build (`GRCh37`, `GRCm39`), a camel-cased
 * software name with its version (`MuTect2`), a kit's chemistry version (`10Xv3`), a histone
 * residue (`H3K36`), a number with one capital (`450K`, `10X`, clade `20A`), a number in E
 * notation (`1.59E-8`), a cell-cycle transition written
 * without its slash (`G2M` for G2/M, `G1S` for G1/S) and a dinucleotide (`TpG`). Read from the
 * shape of the token alone, so that it holds in every context. Two notations are read in their
 * context, at one use each: alleles in a genotype's brackets and coenzyme A's thioesters or a
 * homopolymer's nucleotide (see {@link isAlleleNotation} and {@link isChemicalNotation}).
 */

import { bracketAround } from '../text/brackets';

/** The symbols of the chemical elements (deuterium and tritium left out: `D` and `T` are too common as letters). */
const ELEMENT_SYMBOLS = new Set(
  (
    'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr ' +
    'Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu ' +
    'Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr'
  ).split(' '),
);

/** One element with its count: `Tc`, `O4`, `Cl2`. */
const ELEMENT_WITH_COUNT = /([A-Z][a-z]?)(\d*)/gy;

/** The non-metals that end the formulas of salts, acids and oxides (`…O4`, `…Cl2`, `…N3`). */
const FORMULA_ENDINGS = new Set(['H', 'C', 'N', 'O', 'F', 'P', 'S', 'Cl', 'Br', 'I']);

/**
 * A chemical formula: two or more element symbols, each with an optional count, holding a
 * count and a two-letter symbol and ending in a non-metal (`TcO4`, `MgCl2`, `NaN3`). Formulas
 * of one-letter symbols only (`H2O2`, `KH2PO4`) are left to be mentions: gene symbols have
 * that shape too (`CYP2B6`, `B7H3`, `NOS2`, `HSP90B1` all spell elements); so are names
 * ending in a metal (`CoV2`, a coronavirus, spells cobalt and vanadium).
 */
export function isChemicalFormula(text: string): boolean {
  if (text.length < 3 || text.length > 16 || GAS_EXCHANGE_SYMBOL.test(text)) return false;
  const formula = readElements(text);
  return formula !== undefined && formula.elements >= 2 && formula.counts >= 1 && formula.twoLetter && FORMULA_ENDINGS.has(formula.last);
}

/**
 * The symbols of gas exchange, which spell elements by chance: a partial pressure (`PaO2`,
 * `PaCO2`, `PAO2`, `PvO2`), a saturation (`SaO2`, `SpO2`, `SvO2`) or an uptake or output (`VO2`,
 * `VCO2`, a dot over the V aside): physiology's quantities, abbreviations to define, not
 * protactinium or vanadium oxides.
 */
const GAS_EXCHANGE_SYMBOL = /^(?:P[aAvV]|S[apv]|V)C?O2$/u;

/** What a run of element symbols with their counts holds (`TcO4`: two elements, one count, a two-letter symbol, ending in O). */
interface ElementRun {
  elements: number;
  counts: number;
  largestCount: number;
  twoLetter: boolean;
  last: string;
}

/** `text` read as element symbols, each with an optional count; undefined when any part is no element symbol. */
function readElements(text: string): ElementRun | undefined {
  ELEMENT_WITH_COUNT.lastIndex = 0;
  const run: ElementRun = { elements: 0, counts: 0, largestCount: 1, twoLetter: false, last: '' };
  let at = 0;
  for (let match = ELEMENT_WITH_COUNT.exec(text); match !== null && match[0].length > 0; match = ELEMENT_WITH_COUNT.exec(text)) {
    if (!ELEMENT_SYMBOLS.has(match[1]!)) return undefined;
    run.elements++;
    if (match[2]!.length > 0) {
      run.counts++;
      run.largestCount = Math.max(run.largestCount, Number(match[2]));
    }
    if (match[1]!.length === 2) run.twoLetter = true;
    at = ELEMENT_WITH_COUNT.lastIndex;
    run.last = match[1]!;
  }
  return at === text.length ? run : undefined;
}

/** A glycine–serine linker unit (`G4S`, `G3S`), written as residues with their counts. */
const GLYCINE_SERINE_LINKER = /^G[2-5]S$/;
/**
 * An IgG Fc glycoform in the shorthand used in glycomics: galactoses (`G0`–`G2`), then fucose
 * `F`, bisecting GlcNAc `B` and as many sialic acids as galactoses at most (`G1FS1`, `G2S2`);
 * at least one of these, so that the cell-cycle phases `G0`, `G1`, `G2` (and the gene `G0S2`) stay out.
 */
const GLYCOFORM = /^(?:G[0-2](?:FB?|B)|G1F?B?S1|G2F?B?S[12])$/;
/** A Genome Reference Consortium build: `GRCh37`, `GRCh38`, `GRCm39`, `GRCz11`. */
const GENOME_BUILD = /^GRC[a-z]\d{2}$/;

/** A camel-cased name with its version (`MuTect2`, `GraphPad8`): software, as the camel-cased name alone is. */
const CAMEL_NAME_WITH_VERSION = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+\d{1,2}$/u;

/** A kit or chemistry version after a product's code: `10Xv2`, `10Xv3` (10x Genomics chemistry). */
const PRODUCT_VERSION = /^\p{N}+\p{Lu}+v\d{1,2}$/u;

/**
 * A histone residue in the Brno nomenclature: the histone (`H3`, `H2A`, `H3.3`), the residue's
 * one-letter amino acid and its position (`H3K36`, `H3K27`, `H2AK119`); a modification such
 * as `me3` or `ac` may follow (`H3K4me3`).
 */
const HISTONE_RESIDUE = /^H(?:1|2A|2B|3|4)(?:\.[1-3])?[KRSTY]\d{1,3}(?:me[1-3]?|ac|ph|ub)?$/;
/**
 * A number with one capital letter: a count with its multiplier (`27K` and `450K` probes, `1.5M`
 * reads, `10X` coverage), a dimension (`3D`) or a label numbered so (the clades `20A`, `21J`).
 */
const NUMBER_WITH_LETTER = /^\p{N}+(?:\.\p{N}+)?\p{Lu}$/u;
/** A number in E notation: `1.59E-8`, `3E+5`, `2.1E10`. */
const E_NOTATION = /^\p{N}+(?:\.\p{N}+)?E[-+]?\p{N}+$/u;
/**
 * A transition between two cell-cycle phases written as one word, the slash of `G2/M`, `G1/S` or
 * `G0/G1` left out (as gene-set collections name them, `HALLMARK_G2M_CHECKPOINT`): the phases
 * `G0`, `G1`, `S`, `G2`, `M` in their order, so that no other code of that shape qualifies.
 */
const CELL_CYCLE_TRANSITION = /^(?:G0G1|G1S|G2M)$/;

/**
 * A fluorochrome of flow cytometry, as panels name it: fluorescein (`FITC`), the phycobiliproteins
 * (`PE`, `APC`, `PerCP`), cyanines (`Cy5.5`, `Cy7`), `APC-H7`, the Brilliant Violet, Ultraviolet
 * and Blue dyes by their emission peak (`BV421`, `BUV395`, `BB515`), Alexa Fluor (`AF647`) and eFluor
 * (`eF450`) dyes, and tandems' second parts (`Dazzle594`, `CF594`, `R700`, `Fire750`).
 */
const FLUOROCHROME = String.raw`(?:FITC|PE|APC|PerCP|Cy(?:3|5(?:\.5)?|7)|H7|BV\d{3}|BUV\d{3}|BB\d{3}|AF\d{3}|eF(?:luor)?\d{3}|Dazzle\d{3}|CF\d{3}|R700|Fire\d{3})`;
/**
 * A reagent named by its target and its fluorochrome (`CD3-APC`, `CD19-PE-Cy7`, `NKG2D-BV421`), or a
 * tandem dye (`PerCP-Cy5.5`, `PE-Cy7`): a conjugate's name in a staining panel, not an
 * abbreviation. A fluorochrome alone (`PE`, `APC`) may be one (`antigen-presenting cell`) and is left alone.
 */
const FLUOROCHROME_CONJUGATE = new RegExp(String.raw`^(?:[\p{L}\p{N}]+(?:\.[\p{N}]+)?-)+${FLUOROCHROME}$`, 'u');

/**
 * A microRNA named as miRBase names them: `miR-` (`mir-` for a gene or precursor) and a number,
 * perhaps a paralogue's letter and copy number, then the arm (`miR-155`, `miR-34c-5p`,
 * `miR-181a-2-3p`, `miR-21*`), perhaps after a species code (`hsa-miR-21-5p`, `mmu-miR-881-3p`);
 * the `let-7` family the same way (`let-7a`, `let-7f-2-3p`). A hyphen left out (`miR34c-5p`) is
 * still a microRNA's name, which the spelling checks compare with the document's other form.
 */
const MICRORNA_NAME = /^(?:[a-z]{3}-)?(?:mi[Rr]-?\d{1,4}|let-7)[a-z]?(?:-\d)?(?:-[35]p|\*)?$/u;
/**
 * An Alu element's subfamily, as RepeatMasker and Dfam name them: `AluJ`, `AluS`, `AluY` and their
 * branches (`AluSx`, `AluJb`, `AluYa5`, `AluSz6`). A repeat family's name, not an abbreviation.
 */
const ALU_SUBFAMILY = /^Alu[JSY](?:[a-z]{1,2}\d{0,2})?$/u;

/** A dinucleotide with its phosphodiester's `p` (`TpG`, `CpA`, as `CpG` is written); joined codes (`A/T/G`, `G:C`) are read with joined letters. */
const DINUCLEOTIDE = /^[ACGTU]p[ACGTU]$/;

/** True for a token written in a notation of its own (see the module comment), not an abbreviation. */
export function isNotation(text: string): boolean {
  return (
    CELL_CYCLE_TRANSITION.test(text) ||
    FLUOROCHROME_CONJUGATE.test(text) ||
    GLYCINE_SERINE_LINKER.test(text) ||
    GLYCOFORM.test(text) ||
    GENOME_BUILD.test(text) ||
    CAMEL_NAME_WITH_VERSION.test(text) ||
    PRODUCT_VERSION.test(text) ||
    HISTONE_RESIDUE.test(text) ||
    NUMBER_WITH_LETTER.test(text) ||
    E_NOTATION.test(text) ||
    DINUCLEOTIDE.test(text) ||
    MICRORNA_NAME.test(text) ||
    ALU_SUBFAMILY.test(text) ||
    NUCLEOTIDE_SEQUENCE.test(text) ||
    isLabelledProbe(text) ||
    isChemicalFormula(text)
  );
}

/** The reporter dyes a hydrolysis probe carries at its 5′ end (`FAM`, `VIC`, `HEX`, `ROX`, `Cy5`). */
const PROBE_REPORTER = /^(?:FAM|VIC|HEX|TET|JOE|NED|ROX|TAMRA|Cy[35]|ABY|JUN)$/u;
/** The quenchers at its 3′ end (`MGB`, `NFQ`, `BHQ1`, `ZEN`, `IBFQ`; `TAMRA` quenches too). */
const PROBE_QUENCHER = /^(?:MGB|NFQ|MGBNFQ|BHQ[123]?|QSY\d{0,2}|ZEN|IBFQ|IABkFQ|DABCYL|BBQ|TAMRA)$/u;
/** A run of IUPAC base codes. */
const BASE_RUN = /^[ACGTURYSWKMBDHVN]+$/u;
/** The fewest bases a run holds to read as a sequence by itself (`CCT`): fewer are letters (`HEX-A`, `TET-DM`). */
const SHORTEST_BASE_RUN = 3;

/**
 * A probe written with its labels joined to its bases (`6-VIC-CCT … G-MGB`,
 * `FAM-ACCCCGCATTACG-BHQ1-3`): hyphen-joined parts, each a reporter, a quencher, a run of bases or
 * an end's position (`5`, `3`, `6-FAM`), with a label and a run of bases among them. A run shorter
 * than three bases counts only right before a quencher (`G-MGB`); a reporter's name with letters
 * after it is otherwise an abbreviation (`HEX-A`, `TET-DM`), and so is a label alone (`FAM`).
 */
function isLabelledProbe(text: string): boolean {
  if (!text.includes('-') && !text.includes('\u2010') && !text.includes('\u2011')) return false;
  const parts = text.split(/[-\u2010\u2011]/u);
  let labels = 0;
  let bases = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (PROBE_REPORTER.test(part) || PROBE_QUENCHER.test(part)) labels++;
    else if (BASE_RUN.test(part) && (part.length >= SHORTEST_BASE_RUN || PROBE_QUENCHER.test(parts[i + 1] ?? ''))) bases++;
    else if (part !== '3' && part !== '5' && part !== '6') return false;
  }
  return labels > 0 && bases > 0;
}

/**
 * A nucleotide sequence, a primer's or a probe's: twelve or more IUPAC base codes (degenerate ones
 * too, `Y`, `D`, `N`), perhaps with its 5′ or 3′ end marked (`…TAAAGNG-3`).
 */
const NUCLEOTIDE_SEQUENCE = /^(?:[35][-\u2010\u2011])?[ACGTURYSWKMBDHVN]{12,}(?:[-\u2010\u2011][35])?$/u;

/** Two lower-case consonants: a gene written in the lower case of viral and bacterial genetics (`tk`), no English word. */
const LOWER_CASE_GENE = /^[bcdfghjklmnpqrstvwxz]{2}$/;
/** Two-consonant abbreviations of prose and units, which a hyphen joins to a name as words: `CAR-vs-TCR`, `IL-2-ng`. */
const PROSE_CONSONANT_PAIRS = new Set(['vs', 'cf', 'pg', 'ng', 'mg', 'kg', 'ml', 'bp', 'kb', 'nt', 'hr', 'st', 'nd', 'rd', 'th', 'wk', 'sc', 'pm']);

/**
 * True for a hyphen-joined segment that is a lower-case gene symbol, part of the name before
 * it (`HSV1-tk`, `HSV-tk`, herpes simplex virus thymidine kinase), not a word that ends the name.
 */
export function isLowerCaseGeneSegment(segment: string): boolean {
  return LOWER_CASE_GENE.test(segment) && !PROSE_CONSONANT_PAIRS.has(segment);
}

/** A count set as a subscript, in pandoc's, HTML's or TeX's markup: `~2~`, `<sub>4</sub>`, `$_2$`, `$_{4}$`, `\\textsubscript{2}`. */
const SUBSCRIPT_COUNT = /~(\d{1,2})~|<sub>(\d{1,2})<\/sub>|\$_(?:\{(\d{1,2})\}|(\d))\$|\\textsubscript\{(\d{1,2})\}/gu;
/** The characters next to a mention that may open or close a sub- or superscript's markup (`}` closing `\textsubscript{2}`). */
const SCRIPT_MARKS = new Set(['~', '<', '>', '^', '$', '\\', '}']);
/** A superscript (an isotope's mass `^51^`, a charge `^2+^`), which a formula's letters do not include. */
const SUPERSCRIPT = /\^[^^\s]{1,6}\^|<sup>[^<]{1,6}<\/sup>/gu;
/** The characters a formula written with markup runs over: element letters, digits, `~` and `^`, a charge's signs. */
const FORMULA_RUN_CHARACTER = /[A-Za-z0-9~^+\u2212$_{}]/u;
/** The HTML tags (and LaTeX's text subscript) a formula written with markup may hold. */
const FORMULA_TAGS = ['<sub>', '</sub>', '<sup>', '</sup>', '\\textsubscript{'];
/** The largest count a formula's subscript gives one element here (`C~18~`), so that `IC~50~` stays the half-maximal concentration. */
const LARGEST_SUBSCRIPT_COUNT = 24;

/**
 * True when `[start, end)` of the text as written is part of a chemical formula whose counts are
 * set as subscripts (`CO~2~`, `Na~2~^51^CrO~4~`, `K~2~HPO~4~`, `MgSO<sub>4</sub>`, `NO$_2$`): a gene symbol
 * never takes a subscript, so the element letters with their counts are the formula whatever
 * their shape, unlike {@link isChemicalFormula}, which reads a token alone.
 */
export function isSubscriptedFormula(text: string, start: number, end: number): boolean {
  // Asked of every use: only one that touches a sub- or superscript reads further.
  const after = text.charAt(end);
  const before = text.charAt(start - 1);
  // A mention may end on its own numbered subscript (`NaHCO~3~`: see mentions' withSubscriptNumbers).
  if (!SCRIPT_MARKS.has(after) && !SCRIPT_MARKS.has(before) && !SCRIPT_MARKS.has(text.charAt(end - 1))) return false;
  let from = start;
  for (let steps = 0; steps < 40 && from > 0; steps++) {
    const tag = FORMULA_TAGS.find((t) => text.endsWith(t, from));
    if (tag) from -= tag.length;
    else if (FORMULA_RUN_CHARACTER.test(text.charAt(from - 1))) from--;
    else break;
  }
  let to = end;
  for (let steps = 0; steps < 40 && to < text.length; steps++) {
    const tag = FORMULA_TAGS.find((t) => text.startsWith(t, to));
    if (tag) to += tag.length;
    else if (FORMULA_RUN_CHARACTER.test(text.charAt(to))) to++;
    else break;
  }
  const run = text.slice(from, to).replace(SUPERSCRIPT, '');
  let subscripts = 0;
  let tooLarge = false;
  const formula = run.replace(SUBSCRIPT_COUNT, (_all, pandoc?: string, html?: string, braced?: string, digit?: string, tex?: string) => {
    const count = pandoc ?? html ?? braced ?? digit ?? tex ?? '';
    subscripts++;
    if (Number(count) > LARGEST_SUBSCRIPT_COUNT) tooLarge = true;
    return count;
  });
  if (subscripts === 0 || tooLarge) return false;
  if (GAS_EXCHANGE_SYMBOL.test(formula)) return false;
  const elements = readElements(formula);
  return elements !== undefined && elements.elements >= 2 && elements.largestCount <= LARGEST_SUBSCRIPT_COUNT;
}

/**
 * True when `[start, end)` is set as a superscript glued to the name before it, in pandoc's or
 * HTML's markup (`*CISH*^KO^`, `Raji-CD19^KO^`, `CD19<sup>KO</sup>`): a qualifier in genotype
 * notation, like an allele (`Il2rg^null^`), read with its name rather than as a word of the prose.
 */
export function isSuperscriptQualifier(text: string, start: number, end: number): boolean {
  let open: number;
  // The label may carry its genotype's other allele before the close (`Braf^CAT/+^`, `H11b^LSL/+^`).
  const close = end + (GENOTYPE_TAIL.exec(text.slice(end, end + 16))?.[0].length ?? 0);
  if (text.charAt(start - 1) === '^' && text.charAt(close) === '^') open = start - 1;
  else if (text.endsWith('<sup>', start) && text.startsWith('</sup>', close)) open = start - '<sup>'.length;
  else return false;
  // The name it qualifies ends right before: a letter, a digit, a bracket or an emphasis mark.
  return NAME_END.test(text.charAt(open - 1));
}
const NAME_END = /[\p{L}\p{N})\]*_]/u;
/** A slash and the other allele of a genotype, after a label in a superscript: `/+`, `/fl`, `/-`. */
const GENOTYPE_TAIL = /^\/(?:\+|-|\p{L}{1,4}|\p{L}+\d+)(?=\^|<\/sup>)/u;

/**
 * An allele in a genotype written as allele pairs in brackets (`(MATa/α, his3/his3, met15/MET15,
 * lys2/LYS2)`): a gene's name written twice, in either case, perhaps with a deletion's sign and
 * number (`ura3Δ0`), of which the use is one side, or the mating-type locus (`MATa`). The bracket
 * holds two such pairs at least; its other items (`MMSE below 24`) stay abbreviations.
 */
export function isAlleleNotation(masked: string, start: number, end: number, text: string): boolean {
  const inside = bracketAround(masked, start, end, GENOTYPE_REACH, GENOTYPE_REACH);
  if (inside === undefined || !inside.includes('/')) return false;
  let pairs = 0;
  let isSide = MATING_TYPE.test(text);
  for (const pair of inside.matchAll(ALLELE_PAIR)) {
    if (pair[2]!.toLowerCase() !== pair[4]!.toLowerCase()) continue;
    pairs++;
    if (pair[1] === text || pair[3] === text) isSide = true;
  }
  return isSide && pairs >= 2;
}
/**
 * One allele pair: a gene's name, perhaps a deletion's sign (with the fill markup leaves) and
 * number, a slash, the name again; each side (groups 1 and 3) and its name (groups 2 and 4).
 */
const ALLELE_PAIR = /(?<![\p{L}\p{N}])((\p{L}{2,5}\p{N}{1,3})(?:[\u0394\u2206]\u034f*\p{N}*)?)\/((\p{L}{2,5}\p{N}{1,3})(?:[\u0394\u2206]\u034f*\p{N}*)?)(?![\p{L}\p{N}])/gu;
/** The yeast mating-type locus with its allele: `MATa`, `MATα`. */
const MATING_TYPE = /^MAT(?:a|\u03b1)$/u;
/** How far from a genotype's brackets its items stand. */
const GENOTYPE_REACH = 160;

/**
 * Chemical notation at one use: coenzyme A after an acyl group's name, hyphen-joined (`malonyl-CoA`,
 * `acetyl-CoA`: the thioester's name, not a certificate of analysis), or a nucleotide in a
 * homopolymer's brackets (`oligo(dT)`, `poly(A)`, `poly(I:C)`) or after `oligo-` (`Oligo-dT
 * primers`). Other letters after a group's
 * name (`acetyl-LDL`) stay abbreviations.
 */
export function isChemicalNotation(masked: string, start: number, end: number, text: string): boolean {
  const before = masked.slice(Math.max(0, start - 16), start);
  if (text === 'CoA') return ACYL_GROUP_BEFORE.test(before);
  if (!NUCLEOTIDE.test(text)) return false;
  return (HOMOPOLYMER_BEFORE.test(before) && masked.charCodeAt(end) === 0x29 /* ) */) || HOMOPOLYMER_HYPHEN_BEFORE.test(before);
}
/** An acyl group's name ending in `-yl`, and its hyphen: `malonyl-`, `palmitoyl-`. */
const ACYL_GROUP_BEFORE = /(?<![\p{L}\p{N}-])\p{Ll}{2,}yl-$/u;
/** A homopolymer's prefix and its bracket: `oligo(`, `poly(`. */
const HOMOPOLYMER_BEFORE = /(?<![\p{L}])(?:oligo|poly)\($/u;
/** The same written with a hyphen, as primers are named (`Oligo-dT`, `oligo-dT`). */
const HOMOPOLYMER_HYPHEN_BEFORE = /(?<![\p{L}])[Oo]ligo-$/u;
/** A nucleotide, perhaps deoxy (`dT`), or the inosine and cytidine of `poly(I:C)`. */
const NUCLEOTIDE = /^(?:d?[ACGTUI]|I:C)$/u;
