#!/usr/bin/env node
// Derives data/distributed-programs.json: names of analysis programs that Debian Med packages
// (the Debian team for medicine and biology) and of Bioconductor packages Debian ships
// (`r-bioc-*`), as the names a methods section writes in capitals (`FASTQC`, `VSEARCH`, `BBMap`).
// A name on the list, used undefined, is read as a program's name (a note: journals differ on
// spelling software out), never as a missing definition.
//
// A package name is a fact; nothing of Debian's descriptions is copied. What is left out, so that
// no abbreviation is taken for a program:
// - names shorter than five characters (`atac`, `bart`, `mira` are abbreviations' letters too);
// - English words (Debian's wamerican: `salmon`, `velvet`, `muscle`), which a sentence writes in
//   capitals only as an abbreviation or a shout;
// - terms the knowledge base knows and short forms of the Ab3P gold standard's dev half
//   (`../shared/corpora/ab3p-med1250/dev.gold.tsv`, when present): letters known as abbreviations;
// - human gene symbols (`data/gene-symbols.json` is read by the gene table);
// - a sequencing method's name (`chip-seq`, `scrnaseq`), which prose writes for the method.
// The dev half of Ab3P is read for its short forms only, never its texts.
//
// Usage: node --import tsx scripts/derive-distributed-programs.ts [--packages <Packages file>] [--words <file>] [--ab3p <dev.gold.tsv>] [--check]
//   --packages: Debian's Packages index, uncompressed (default: bookworm main amd64 from /var/lib/apt/lists, via apt-helper)
//   --check: exit 1 when the committed file differs from what the inputs give (write nothing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinKnowledge } from '../server/src/service/knowledge/builtin';
import { isOfficialGeneSymbol } from '../server/src/service/knowledge/geneSymbols';

const root = join(__dirname, '..');
const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const target = join(root, 'data', 'distributed-programs.json');

/** The Packages index as text: the file given, or the main archive's index apt keeps. */
function packagesIndex(): string {
  const given = argument('--packages');
  if (given) return readFileSync(given, 'utf8');
  const lists = '/var/lib/apt/lists';
  const index = existsSync(lists) ? readdirSync(lists).find((name) => /_main_binary-amd64_Packages(?:\.lz4)?$/.test(name) && !name.includes('security') && !name.includes('updates')) : undefined;
  if (!index) {
    console.error('derive-distributed-programs: no Debian Packages index (pass --packages <file>)');
    process.exit(2);
  }
  return execFileSync('/usr/lib/apt/apt-helper', ['cat-file', join(lists, index)], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The field `name` of one Packages record. */
const field = (record: string, name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(record)?.[1]?.trim();

/**
 * Binary package names that are a program's or a Bioconductor package's, in small letters. Source
 * names are not read: a source package is often a library's (`charls` builds `libcharls2`), and a
 * program's source has a binary of its name. Documentation, data, examples, metapackages
 * (`med-*`), dictionaries, fonts and editor syntax files are no programs.
 */
function programNames(index: string): Set<string> {
  const names = new Set<string>();
  for (const record of index.split('\n\n')) {
    const name = field(record, 'Package');
    if (!name) continue;
    const bioconductor = name.startsWith('r-bioc-');
    if (!bioconductor && !field(record, 'Maintainer')?.includes('Debian Med Packaging Team')) continue;
    if (/^(?:lib|r-cran-|med-|debian-med|hunspell-|wgerman-|wbritish-|wamerican-|fonts-)/.test(name) || /-vim$/.test(name)) continue;
    const bare = name.replace(/^(?:r-bioc-|python3?-)/, '');
    if (/(?:-(?:doc|docs|examples|data|dev|test|tests|common|dbg|java|perl|cuda|gui)|data(?:-\d+)?|[.-]data)$/.test(bare) || /-data-/.test(bare)) continue;
    names.add(bare);
  }
  return names;
}

const wordsFile = argument('--words') ?? '/usr/share/dict/words';
if (!existsSync(wordsFile)) {
  console.error(`derive-distributed-programs: no word list at ${wordsFile} (Debian: apt-get install wamerican)`);
  process.exit(2);
}
const english = new Set(readFileSync(wordsFile, 'utf8').split('\n').map((word) => word.trim().toLowerCase()));
const ab3p = argument('--ab3p') ?? join(root, '..', 'shared', 'corpora', 'ab3p-med1250', 'dev.gold.tsv');
if (!existsSync(ab3p)) {
  // The list would silently change without it: say so and stop.
  console.error(`derive-distributed-programs: no Ab3P gold standard at ${ab3p} (pass --ab3p <dev.gold.tsv>)`);
  process.exit(2);
}
const shortForms = new Set(readFileSync(ab3p, 'utf8').split('\n').slice(1).map((line) => (line.split('\t')[1] ?? '').toLowerCase()));
const knowledge = loadBuiltinKnowledge();
const knownTerm = (name: string) => [name, name.toUpperCase(), name.charAt(0).toUpperCase() + name.slice(1)].some((form) => knowledge.lookup(form) !== undefined);

/** A sequencing method's name (`chip-seq`, `scrnaseq`: packages of tools or data for it), which prose writes for the method. */
const METHOD_NAME = /(?:-seq|(?:rna|dna|chip|atac|hic|clip|ribo|methyl|cite)seq)$/;

const kept = [...programNames(packagesIndex())]
  // A method's name (`chip-seq`, a package of tools for ChIP-seq) is the method's abbreviation in prose.
  .filter((name) => name.length >= 5 && /^[a-z][a-z0-9.+-]*$/.test(name) && !METHOD_NAME.test(name))
  .filter((name) => !english.has(name) && !shortForms.has(name) && !knownTerm(name) && !isOfficialGeneSymbol(name.toUpperCase()))
  .sort();

const description =
  'Binary package names of programs packaged by Debian Med, and of Bioconductor packages Debian ships, in small letters (derived by scripts/derive-distributed-programs.ts from the Debian bookworm Packages index). ' +
  'A name here, used undefined in any case (FASTQC, BBMap), is read as a program\'s name: a note, as journals differ on spelling software out. ' +
  'Left out: names under five characters, English words, terms the knowledge base knows, Ab3P gold short forms, human gene symbols, sequencing methods, and documentation, data, metapackages, dictionaries and fonts.';
const output = `${JSON.stringify({ description, programs: kept }, null, 0).replace('"programs":[', '"programs":[\n').replace(/","/g, '",\n"')}\n`;
if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== output) {
    console.error('derive-distributed-programs: data/distributed-programs.json differs from what the inputs give');
    process.exit(1);
  }
  console.log(`data/distributed-programs.json matches (${kept.length} names)`);
} else {
  writeFileSync(target, output);
  console.log(`wrote data/distributed-programs.json: ${kept.length} program names`);
}
