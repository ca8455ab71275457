// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import distributedPrograms from '#data/distributed-programs.json';
import programs from '#data/programs.json';
import { knowledgeAsksToDefine } from './definitionNeeds';
import { maskedWithLinesJoined } from './joinedLines';
import type { AbbreviationMention, DocumentModel } from './documentModel';
import { hasCoinedShape, withoutReleaseNumber } from './mentions';
import { CAPITALISED_WORDS, MODEL_NUMBER, NAMED_SUPPLIER } from './productNames';

/**
 * Software, databases, instruments and kits named by the words around them. Two readings,
 * because the shape of the name decides how much the context proves:
 * - a name in mixed case is a program's when a release follows it (`X 2023.06.1`, `X
 *   (v1.39.3)`, `X v2`, one computed by inline code), perhaps after a tool noun (`the X database,
 *   version 7.5.1`), or it is the platform in brackets after a release (`2023.06.1 (MacOS, …)`):
 *   abbreviations carry no releases;
 * - a coined word (`RStudio`, `ChromHMM`, `QIAcube`, `OMNIgene`, `epiR`; see {@link
 *   hasCoinedShape}) is a name when the context says it is a tool or a product: a tool noun or a
 *   consortium after it (`the X database`, `the X Cell Browser`), a kit or instrument noun after
 *   it (`the X PowerMicrobiome kit`), its supplier in brackets (`X (Qiagen, Germantown, MD)`), or
 *   a place in a product's bracket (`(X GUT, Maker, Town, Country)`). Such words are
 *   abbreviations' contexts too (`a cfDNA extraction kit`, `ctDNA (Guardant Health, Redwood City,
 *   CA)`, `the TcR database`), and this field writes many abbreviations in mixed case (`cfDNA`,
 *   `sEV`, `MoDC`, `scFv`): the shape of the word must say it was coined;
 * - a word of capitals in such a context may still be an abbreviation (`the EM algorithm`,
 *   `CTCAE v5.0`, `the TCGA database`): {@link toolReadingOf} says where it names a tool, firmly
 *   (a name: not reported) or tentatively (a note, as journals differ), see {@link ToolReading}.
 */

/** Published programs named in capitals or with digits (`data/programs.json`), with what each does. */
const PROGRAMS = new Map<string, string>(Object.entries(programs.programs));
/** Programs Debian Med packages and Bioconductor packages Debian ships, by their package names (`data/distributed-programs.json`). */
const DISTRIBUTED_PROGRAMS: ReadonlySet<string> = new Set(distributedPrograms.programs);

/** Mixed case: a lower-case letter and a capital (`RStudio`, `epiR`, `MacOS`), not a word of capitals. */
const MIXED_CASE = /\p{Ll}/u;
/** A sequencing method's name (`ChIP-seq`, `scRNAseq`) is an abbreviation to define, whatever follows it. */
const METHOD_NAME = /seq$/iu;

/** Nouns that say the name before them is a tool or a resource, perhaps after one qualifying word (`Cell Browser`, `Data Portal`). */
const TOOL_NOUN_AFTER = /^(?:[ \u00a0]+[\p{L}-]+)?[ \u00a0]+(?:databases?|algorithms?|genotypers?|pipelines?|packages?|software|tools?|toolkits?|toolbox(?:es)?|portals?|browsers?|web[ \u00a0]?servers?|programs?|catalog(?:ue)?s?|repositor(?:y|ies)|plug-?ins?|consorti(?:um|a))(?![\p{L}\p{N}])/iu;
/**
 * What a program computes, the one word that may stand between its name and `algorithm`
 * (`KMEANS clustering algorithms`). Not a clinical task (`the CRS management algorithm`, `a
 * dosing algorithm`), whose letters name a condition or a procedure to define.
 */
const METHOD_WORD = String.raw`(?:clustering|classification|alignment|assembly|sorting|search|mapping|segmentation|embedding|partitioning|phasing|imputation|optimi[sz]ation)`;
/**
 * The same for a word of capitals, where a lower-case noun names the program itself (`the XYZ
 * algorithm`, `XYZ clustering algorithms`). Not a title-cased resource (`the ICGC Data Portal`,
 * `UCSC Genome browser`), whose capitals name the organisation behind it (an aligner, a read
 * simulator or an assembler is a program whoever writes it: `the XTAR Aligner`); not `program`, which a
 * clinical scheme is too (`a REMS program`, `the LTFU program`); nor `package`, `pipeline` or
 * `software`, which already make any name a name (nameContext).
 */
const PROGRAM_NOUN_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+${METHOD_WORD})?[ \u00a0]+(?:algorithms?|genotypers?|portals?|browsers?|web[ \u00a0]?servers?|[Aa]ligners?|[Ss]imulators?|[Aa]ssemblers?)(?![\p{L}\p{N}])`, 'u');
/**
 * A resource's noun after a word of four capitals or more (`the JASPAR database`, `the MEME
 * suite`, `the BLUEPRINT project`, `the ENCODE consortium`): in real methods sections such words
 * are mostly names (JASPAR, CODEX) or resources journals differ on spelling out (NCBI), so the use
 * is the note a tool's name is. A shorter word (`the SRA database`, `the AME tool`) is as often an
 * abbreviation the reader needs, and so is one in mixed case (`the TcR database`); `catalog` heads
 * an abbreviation's list (`an SV catalog`).
 */
const RESOURCE_NOUN_AFTER = /^[ \u00a0]+(?:databases?|tools?|suites?|projects?|consorti(?:um|a))(?![\p{L}\p{N}])/u;
const FOUR_CAPITALS = /^(?=(?:[^\p{Lu}]*\p{Lu}){4})[\p{Lu}\p{N}-]+$/u;
/**
 * A tool's own name, capitals and a title-cased `Tool` (`DAS Tool`): the noun is part of the name.
 * Not a `Toolkit`, which a resource ships under its own letters (`SRA Toolkit`: the archive, an
 * abbreviation to define), nor a portal (`the ICGC Data Portal` names the organisation behind it).
 */
const TITLED_TOOL_AFTER = /^[ \u00a0]+Tool(?![\p{L}\p{N}])/u;

/** A release's mark before its number: `v`, `v.`, `v `, `version ` (shared with nameContext's reading of a versioned name). */
export const RELEASE_MARK = String.raw`(?:v\.?[ \u00a0]?|version[ \u00a0]+)`;
/** A release after the name: `v2`, `v.1.4`, `version 6.5`, `(v1.39.3)`, or a bare number with two dots (`2023.06.1`). */
const RELEASE_AFTER = new RegExp(String.raw`^[ \u00a0]+(?:v\.?[ \u00a0]?\p{N}+(?:\.\p{N}+)*(?![\p{L}\p{N}])|version[ \u00a0]+\p{N}|\(${RELEASE_MARK}\p{N}+(?:\.\p{N}+)*\)|\p{N}+\.\p{N}+\.\p{N}+)`, 'u');
/** A release without a dot after a word of capitals, `X v2`, perhaps before a capitalised word of its name (`X v2 Genotyper`). */
const SHORT_RELEASE_AFTER = /^[ \u00a0]+v\p{N}{1,2}(?![\p{L}\p{N}.])/u;
/**
 * A release of three numbers after a word of capitals, perhaps in brackets or after `v` or
 * `version`, that mark perhaps after a comma (`IDBA-UD (v1.1.3)`, `BLASTN 2.9.0`, `CD-HIT
 * version 4.8.1`, `RSEM, version 1.3.1`), the mark perhaps after
 * a word naming the build (`IQ-TREE multicore version 1.6.9`, `standalone`, `web`): software's
 * numbering. A clinical scheme's edition has two (`CTCAE v5.0`), and stays an abbreviation to
 * define; an enzyme's number has four (`EC 3.4.21.4`) and a date a year of four digits (`12.05.2019`).
 */
const FULL_RELEASE_AFTER =
  /^(?:[ \u00a0]+(?:multicore|multithreaded|standalone|command-line|desktop|web|cloud|server|software|package)(?=[ \u00a0]+(?:v\.?[ \u00a0]?|version[ \u00a0]+)\p{N}))?(?:,[ \u00a0]+(?:v\.?[ \u00a0]?|version[ \u00a0]+)|[ \u00a0]+\(?(?:v\.?[ \u00a0]?|version[ \u00a0]+)?)\p{N}+\.\p{N}+\.\p{N}{1,3}(?![\p{L}\p{N}]|\.\p{N})/u;
/** A release computed by inline code, read on the text: `X (v\`r packageVersion("X")\`)`. */
const COMPUTED_RELEASE_AFTER = /^[ \u00a0]+\(v\.?[ \u00a0]?`/u;
/** A kit or an instrument, perhaps after up to two words of its name (`PowerMicrobiome kit`). */
const KIT_NOUN_AFTER = /^(?:[ \u00a0]+[\p{L}\p{N}-]+){0,2}?[ \u00a0]+(?:kits?|instruments?|cytometers?|sequencers?|robots?|workstations?|microscopes?|scanners?)(?![\p{L}\p{N}])/iu;
/** A supplier and its place in brackets: two to five capitalised items, one with a lower-case letter (`(Qiagen, Germantown, MD)`). */
const SUPPLIER_LIST = new RegExp(String.raw`^(?=[^)]*\p{Ll})${CAPITALISED_WORDS}(?:,[ \u00a0]+${CAPITALISED_WORDS}){1,4}\)`, 'u');
/**
 * A coined name's supplier alone in brackets, perhaps after the model's name or number:
 * `CytoFLEX (Beckman Coulter)`, `FACSAria III (BD Biosciences)`, `CliniMACS Prodigy (Miltenyi
 * Biotec)`. Enough for a coined word, whose shape already says it was made up; the bracket after
 * capitals may be an expansion (`(Human Leukocyte Antigen)`).
 */
const MODEL_OR_NAME_AND_SUPPLIER_AFTER = new RegExp(String.raw`^(?:[ \u00a0]+(?:${MODEL_NUMBER}|\p{Lu}[\p{L}\p{N}-]*)){0,2}[ \u00a0]*${NAMED_SUPPLIER}`, 'u');
/** An organisation's initials right before a coined product name, as its maker: `a BD LSRFortessa`, `(BD FACSCanto II`. */
const MAKER_INITIALS_BEFORE = /(?:^|[^\p{L}\p{N}-])\p{Lu}{2,4}[ \u00a0]+$/u;
/** A version number, perhaps with its build, right before an open bracket: `2023.06.1 Build 524 (`. */
const RELEASE_BEFORE_BRACKET = /\p{N}+(?:\.\p{N}+)+(?:[ \u00a0]+[Bb]uild[ \u00a0]+\p{N}+)?[ \u00a0]*\($/u;
/** `using` right before the name, as a method cites the program it ran. */
const USING_BEFORE = /(?:^|[^\p{L}])using[ \u00a0]+$/u;
/**
 * What a method says before the program it ran: `using`, or `with` after a verb of running a
 * program on data (`Peak calling was performed with`, `reads were aligned with`). Not a verb of
 * statistics (`normalised with TMM`, `fitted with GLMM`: methods, which journals want defined), nor
 * `patients with`, `treated with`: a condition or a regimen.
 */
const RAN_WITH_BEFORE =
  /(?:^|[^\p{L}])(?:using|(?:performed|carried[ \u00a0]+out|done|run|called|processed|simulated|aligned|mapped|assembled|annotated|trimmed|visuali[sz]ed|plotted)[ \u00a0]+with)[ \u00a0]+$/iu;
/**
 * A program named as an example of a kind of program: `GI prediction tools such as`, `assemblers
 * like`, `binning software, e.g.` (not `methods such as`: a method is often an abbreviation to
 * define, `methods such as LASSO`; nor `predictors such as NLR`, a clinical measure).
 */
const PROGRAMS_SUCH_AS_BEFORE =
  /(?:^|[^\p{L}])(?:tools|software|programs|packages|pipelines|assemblers|aligners|binners)[ \u00a0]*,?[ \u00a0]+(?:such[ \u00a0]+as|like|e\.g\.,?|including)[ \u00a0]+$/iu;
/** A citation right after the name (read on the text, which the masked text blanks). */
const CITATION_AFTER = /^[ \u00a0]?\[-?@/u;
/** A citation right after a word, perhaps after one space, and its key: `MiXCR[@bolotinMiXCRSoftware2015]`, `X [-@rognes_vsearch_2016]`. */
const CITATION_KEY_AFTER = /^[ \u00a0]?\[-?@([\p{L}\p{N}_:.#$%&+?<>~/-]+)/u;

/** How far around a mention the context is read. */
const LOOK_BEHIND = 60;
const LOOK_AHEAD = 80;

/**
 * True when a coined name, in mixed case, is named as a tool or a product by the words around
 * it (see the module comment), or a word of a product's name given in brackets with its
 * supplier (`(OMNIgene GUT, DNA Genotek, Ottawa, Canada)`).
 */
export function isCoinedToolName(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'>, text: string): boolean {
  if (METHOD_NAME.test(mention.text)) return false;
  const after = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  if (isProductItemInBrackets(masked, mention)) return true;
  if (!MIXED_CASE.test(mention.text)) return false;
  if (RELEASE_AFTER.test(after) || COMPUTED_RELEASE_AFTER.test(text.slice(mention.end, mention.end + 8))) return true;
  // The release may follow the tool noun: `the X database, version 7.5.1`.
  const noun = TOOL_NOUN_AFTER.exec(after);
  if (noun && RELEASE_AFTER.test(after.slice(noun[0].length).replace(/^,/u, ''))) return true;
  const before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  // The platform a release runs on, in brackets after it: `RStudio 2023.06.1 (MacOS, …)`.
  if (RELEASE_BEFORE_BRACKET.test(before) && /^[ \u00a0]*[,)]/u.test(after)) return true;
  if (!hasCoinedShape(mention.text)) return false;
  if (noun || KIT_NOUN_AFTER.test(after) || MODEL_OR_NAME_AND_SUPPLIER_AFTER.test(after) || MAKER_INITIALS_BEFORE.test(before)) return true;
  if (/^[ \u00a0]*\(/u.test(after) && SUPPLIER_LIST.test(after.replace(/^[ \u00a0]*\(/u, ''))) return true;
  return USING_BEFORE.test(before) && CITATION_AFTER.test(text.slice(mention.end, mention.end + 4));
}

/**
 * A word of a product's name that opens a bracket naming its supplier after a comma: `(OMNIgene
 * GUT, DNA Genotek, Ottawa, Ontario, Canada)`. The product's name, at most three words, holds a
 * coined word, so a list of abbreviations in brackets (`(NK, NKT, ILC)`, `(cfDNA, ctDNA, Maker,
 * Town)`) is not one.
 */
function isProductItemInBrackets(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end'>): boolean {
  const before = masked.slice(Math.max(0, mention.start - 40), mention.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || /[(),;\n]/u.test(before.slice(open + 1))) return false;
  const after = masked.slice(mention.end, mention.end + LOOK_AHEAD + 40);
  const comma = after.search(/[,();\n]/u);
  if (comma < 0 || after[comma] !== ',') return false;
  const item = (before.slice(open + 1) + masked.slice(mention.start, mention.end) + after.slice(0, comma)).trim();
  const words = item.split(/[ \u00a0]+/u);
  if (words.length > 3 || !words.some(hasCoinedShape)) return false;
  return SUPPLIER_LIST.test(after.slice(comma + 1).replace(/^[ \u00a0]+/u, ''));
}

/**
 * The strict reading of a use as a program, for letters that are a gene symbol too: a program's
 * noun right after it (`STAR Aligner`, `XYZ algorithm`) or a full release of three numbers
 * (`STAR 2.7.3a`, `X (v1.1.3)`). A citation, a short release or a title-cased `Tool` after a gene
 * symbol (`MTOR [@saxton_mtor_2017]`, `DNMT3A v2`) still names the gene.
 */
export function programNamedAt(masked: string, mention: Pick<AbbreviationMention, 'end' | 'text'>): string | undefined {
  const after = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  const named = PROGRAM_NOUN_AFTER.exec(after) ?? FULL_RELEASE_AFTER.exec(after);
  return named ? namedPhrase(mention, named) : undefined;
}

/** The name with the words after it that make it a program's (`STAR Aligner`), for messages: one space between words. */
function namedPhrase(mention: Pick<AbbreviationMention, 'text'>, after: RegExpExecArray): string {
  return `${mention.text}${after[0]}`.replace(/\s+/gu, ' ');
}

/**
 * A word of capitals read as a tool's or a resource's name, and the phrase that names it so (for
 * messages). Firm only where this use says a program is meant and nothing else could be: a
 * published program `data/programs.json` lists, a release with its mark (`X v1.1.3`, `X version
 * 4.8.1`), a program's own noun (`the X aligner`, `assembler`, `genotyper`, `X Tool`), or `tools
 * such as X [@ref]`. Every other reading is `tentative`: its words fit a method, a scale, a
 * registry or a section as well (`the EM algorithm`, `the SEER database`, `the SV simulator`,
 * `using MMSE [@ref]`, `SAP 4.2.1`, `the CAR v2 construct`), and so does a reading made at another
 * use or in another file. A tentative reading is a note, not a name.
 */
export interface ToolReading {
  phrase: string;
  tentative: boolean;
}

/** A firm reading of `phrase`. */
export function named(phrase: string): ToolReading {
  return { phrase, tentative: false };
}
/** A tentative reading of `phrase`. */
export function suggested(phrase: string): ToolReading {
  return { phrase, tentative: true };
}
/** Nouns only a program takes: `the X aligner`, `assembler`, `genotyper`, a title-cased `Tool`. */
const PROGRAM_ONLY_NOUN = /(?:[Aa]ligners?|[Aa]ssemblers?|genotypers?|Tool)$/u;
/** A release's mark before its number (`v1.1.3`, `version 4.8.1`): a program's release, not a section's or an enzyme's number. */
const MARKED_RELEASE = /(?:v\.?[ \u00a0]?|version[ \u00a0]+)\p{N}/u;

/**
 * Where a word of capitals is named as a tool by the words around this use: a program noun after
 * it (`the XYZ algorithm`, `QRST clustering algorithms`), a title-cased `Tool` outside a heading
 * (`the XAS Tool`), a resource's noun after four capitals or more (`the JASPAR database`), a release without a
 * dot (`XYZ-SV v2`), or a citation right after it whose key carries its name, as keys built from
 * a tool paper's title do (`runs of QXTREE [@smith2020QXTREEModels]`), or any citation right after
 * the program a method ran (`performed with QACS2[@zhang2008]`, `using QXSim [@doi:…]`; both read
 * only with `citations`). A term the knowledge base asks to define (`using FACS [@x]`) never gets here.
 * The reading, firm or tentative (see {@link ToolReading}), with its phrase for messages.
 */
export function toolReadingOf(masked: string, mention: Pick<AbbreviationMention, 'start' | 'end' | 'text'> & Partial<Pick<AbbreviationMention, 'inHeading'>>, text: string, citations = true): ToolReading | undefined {
  const after = masked.slice(mention.end, mention.end + LOOK_AHEAD);
  // A title-cased `Tool` in a heading is the heading's capitals (`## Validation of the XYZ Tool`).
  const titled = 'inHeading' in mention && mention.inHeading === true ? null : TITLED_TOOL_AFTER.exec(after);
  const noun = PROGRAM_NOUN_AFTER.exec(after) ?? titled ?? (FOUR_CAPITALS.test(mention.text) ? RESOURCE_NOUN_AFTER.exec(after) : null);
  if (noun) return { phrase: namedPhrase(mention, noun), tentative: !PROGRAM_ONLY_NOUN.test(noun[0]) };
  const shortRelease = SHORT_RELEASE_AFTER.exec(after);
  if (shortRelease) return suggested(namedPhrase(mention, shortRelease));
  const release = FULL_RELEASE_AFTER.exec(after);
  if (release) return { phrase: namedPhrase(mention, release), tentative: !MARKED_RELEASE.test(release[0]) };
  if (citations && isCitedByKeyCarrying(text, mention.end, mention.text)) return suggested(`${mention.text}, cited to its own paper`);
  if (citations && CITATION_AFTER.test(text.slice(mention.end, mention.end + 4))) {
    const before = masked.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
    if (RAN_WITH_BEFORE.test(before)) return suggested(`${mention.text}, the program a method ran, cited`);
    if (PROGRAMS_SUCH_AS_BEFORE.test(before)) return named(`${mention.text}, cited as an example of such programs`);
  }
  return undefined;
}

/**
 * True when a citation follows `end` at once (`GRIDSS2[@cameronGRIDSS2Comprehensive2021]`) and
 * its key carries `name`, four letters or more, as keys built from the title of the paper that
 * introduced a tool do. Case and punctuation are ignored (`[@rognes_vsearch_2016]` for `VSEARCH`).
 */
export function isCitedByKeyCarrying(text: string, end: number, name: string): boolean {
  const key = CITATION_KEY_AFTER.exec(text.slice(end, end + 120))?.[1];
  const letters = compactLetters(name);
  return key !== undefined && letters.length >= 4 && compactLetters(key).includes(letters);
}

/** Letters and digits only, in lower case: how a name is sought in a citation key or an address. */
export function compactLetters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/**
 * Where the document names `mention`'s key as a tool (see {@link toolReadingOf}): at this use, as a
 * published program listed in `data/programs.json` (`DESeq2`, `HISAT2`, `GATK4`; firm), or, only
 * as a suggestion (tentative), by the name of a program Debian Med packages
 * (`data/distributed-programs.json`), or by a program noun or a release at another use (`_XYZ_ [@ref]` here,
 * `the XYZ aligner` later). A citation
 * names only the use it follows: a method cited once by its paper (`PERMANOVA
 * [@anderson2013permanova]`) is still an abbreviation where it is first used. A key the knowledge
 * base asks to define is never read so: `the CRS management algorithm` is a scheme for treating
 * a syndrome whose letters the reader needs spelt out.
 */
export function toolReadingIn(model: DocumentModel, mention: AbbreviationMention): ToolReading | undefined {
  if (knowledgeAsksToDefine(model.knowledge, mention.key)) return undefined;
  const reading = toolReadingOf(maskedWithLinesJoined(model), mention, model.text);
  if (reading && !reading.tentative) return reading;
  const program = PROGRAMS.get(mention.key) ?? PROGRAMS.get(withoutReleaseNumber(mention.key));
  if (program !== undefined) return named(`${mention.key}, a published program for ${program}`);
  if (reading) return reading;
  // A name Debian packages as a program (`FASTQC`, `BBMap`): the list has no context, so a suggestion.
  if (DISTRIBUTED_PROGRAMS.has(mention.key.toLowerCase())) return suggested(`${mention.key}, the name of a program Debian Med packages`);
  // Another use's reading, firm there, is a suggestion here: `the SV simulator` in the methods
  // does not make `SV burden` in the results a program's name.
  const mentions = model.byKey.get(mention.key)?.mentions ?? [];
  // A method named only at its sentences' heads with its paper (`QIMKL [@ref] combines …`): every
  // use so, or the letters are an abbreviation used elsewhere too (`PERMANOVA` cited once, used after).
  if (mentions.length > 0 && mentions.length <= 50 && mentions.every((other) => isCitedSubjectOfMethodVerb(model, other))) {
    return suggested(`${mention.text}, a method its paper is cited for, said to do something`);
  }
  for (let i = 0; i < mentions.length && i < 50; i++) {
    const other = mentions[i]!;
    if (isHeadOfCitedParagraph(model, other)) return suggested(`${other.text}, heading a paragraph with its citation`);
    if (other === mention) continue;
    const found = toolReadingOf(maskedWithLinesJoined(model), other, model.text, false);
    if (found) return suggested(found.phrase);
  }
  return undefined;
}

/**
 * True when the mention is the whole of a bold run-in head that a citation follows
 * (`**BABEL** [@ref] translates …`): a review of methods heads each method's paragraph with its
 * name and its paper. The paragraph is about that program or method; a word of capitals so
 * headed is its name, which journals differ on spelling out.
 */
function isHeadOfCitedParagraph(model: DocumentModel, mention: AbbreviationMention): boolean {
  if (!mention.inHeading) return false;
  const block = model.prose.blocks[mention.block];
  if (block?.kind !== 'paragraph') return false;
  const open = model.text.slice(block.start, mention.start);
  return (open === '**' || open === '__') && CITED_AFTER_HEAD.test(model.text.slice(mention.end, mention.end + 12)) && model.text.startsWith(open, mention.end);
}
/**
 * True when the mention opens its sentence, its paper cited right after it, and a verb of what a
 * method does follows (`PIMKL [@ref] combines network and pathway data`, `GRRANN [@ref], which was
 * applied to …`): a review naming a published method by its name. A note, as journals differ, and
 * never for letters the knowledge base asks to define (checked by the caller).
 */
function isCitedSubjectOfMethodVerb(model: DocumentModel, mention: AbbreviationMention): boolean {
  const block = model.prose.blocks[mention.block];
  const before = model.text.slice(Math.max(block?.start ?? 0, mention.start - 8), mention.start);
  // A sentence's start: the block's, or after a full stop that ends no abbreviation (`e.g. NMF [@x] uses`).
  if (block?.kind !== 'paragraph' || !(mention.start === block.start || /[.!?][ \t\n]+$/u.test(before)) || /(?:e\.g|i\.e|cf|vs|al)\.[ \t\n]+$/u.test(before)) return false;
  return CITATION_THEN_METHOD_VERB.test(model.text.slice(mention.end, mention.end + 160));
}
/** A citation in brackets, then a verb of a method's work in the present tense, or `, which was applied`. */
const CITATION_THEN_METHOD_VERB =
  /^[ \t]?\[-?@[^\]\n]{1,120}\],?[ \t]+(?:(?:also[ \t]+)?(?:uses|combines|integrates|implements|incorporates|learns|models|predicts|infers|extends|builds|trains|fits|applies|employs|leverages|encodes|embeds|clusters|aligns|estimates|identifies|computes)\b|which[ \t]+(?:was|is)[ \t]+(?:applied|used|designed|developed|trained))/u;

/** The head's closing marks, then a citation: `** [@ref]`, `**[@a; @b]`. */
const CITED_AFTER_HEAD = /^(?:\*\*|__)[ \t]*\[-?@/u;
