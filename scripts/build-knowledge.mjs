#!/usr/bin/env node
// Builds the built-in terminology knowledge base from data/terms/*.yaml.
//
// 1. Parses every category file, keeping line numbers (yaml's LineCounter) so that every
//    problem names a file, an entry and a line.
// 2. Validates each file against data/schema/terms.schema.json (ajv).
// 3. Checks what a schema cannot: category equals file name, ids unique across files, written
//    forms unique across entries (unless both entries are marked ambiguous), related ids resolve,
//    relations point at a related entry, abbreviations that need a definition have an expansion.
// 4. Writes out/generated/knowledge.json (compact: empty optional arrays are left out) and
//    out/generated/glossary-validator.js, ajv's standalone validator for project glossaries.
//    Generating the validator here keeps ajv's compiler out of the bundle and avoids `new Function`
//    at run time (which a browser host such as vscode.dev may forbid).
//
// Usage: node scripts/build-knowledge.mjs [--root <repo>] [--check]   (--check: validate, write nothing)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';

const TERMS_DIR = 'data/terms';
const TERMS_SCHEMA = 'data/schema/terms.schema.json';
const GLOSSARY_SCHEMA = 'data/schema/glossary.schema.json';
const OUT_DIR = 'out/generated';

/** Format version of knowledge.json; bump when its shape changes. */
export const KNOWLEDGE_FORMAT_VERSION = 1;

/** Order in which entry fields are written, so the generated file diffs cleanly. */
const ENTRY_FIELDS = [
  'id', 'preferred', 'expansions', 'variants', 'discouraged', 'definition', 'notes',
  'category', 'genes', 'related', 'relations', 'needsDefinition', 'ambiguous', 'sources', 'cellLine',
];

/** Raised with every problem found, so one run reports all of them. */
export class KnowledgeBuildError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`knowledge base: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    this.name = 'KnowledgeBuildError';
    this.problems = problems;
  }
}

/**
 * Reads, validates and compiles the knowledge base.
 * @param {{ root?: string, write?: boolean, log?: (line: string) => void }} [options]
 *   root: repository root (default: the folder above this script); write: false to only check.
 * @returns {{ entries: object[], warnings: string[], files: string[] }}
 * @throws {KnowledgeBuildError} listing every problem (file:line, entry id, message).
 */
export function buildKnowledge({ root = defaultRoot(), write = true, log = () => {} } = {}) {
  const problems = [];
  const warnings = [];
  const termsSchema = readJson(join(root, TERMS_SCHEMA));
  const glossarySchema = readJson(join(root, GLOSSARY_SCHEMA));
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  const validateCategoryFile = ajv.compile(termsSchema);

  const termsDir = join(root, TERMS_DIR);
  const fileNames = readdirSync(termsDir).filter((n) => n.endsWith('.yaml')).sort();
  if (fileNames.length === 0) problems.push(`${TERMS_DIR}: no *.yaml category files`);

  /** @type {{ entry: any, where: (path?: (string|number)[]) => string }[]} */
  const loaded = [];
  for (const fileName of fileNames) {
    const filePath = join(termsDir, fileName);
    const shown = relative(root, filePath);
    const text = readFileSync(filePath, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        problems.push(`${shown}:${pos.line}:${pos.col} YAML syntax: ${firstLine(error.message)}`);
      }
      continue;
    }
    const data = doc.toJS();
    const at = (path) => {
      const pos = lineOf(doc, lineCounter, path);
      return `${shown}:${pos.line}:${pos.col}`;
    };
    if (!validateCategoryFile(data)) {
      for (const error of validateCategoryFile.errors ?? []) {
        const path = pointerToPath(error.instancePath);
        problems.push(`${at(path)}${entryLabel(data, path)} ${describeSchemaError(error)}`);
      }
      continue;
    }
    const expectedCategory = basename(fileName, '.yaml');
    if (data.category !== expectedCategory) {
      problems.push(`${at(['category'])} category "${data.category}" must equal the file name "${expectedCategory}"`);
    }
    data.entries.forEach((entry, index) => {
      loaded.push({
        entry: { ...entry, category: data.category },
        where: (path = []) => `${at(['entries', index, ...path])} [${entry.id}]`,
      });
    });
  }

  checkInvariants(loaded, problems, warnings);
  if (problems.length > 0) throw new KnowledgeBuildError(problems);

  const entries = loaded.map(({ entry }) => compactEntry(entry));
  if (write) {
    const outDir = join(root, OUT_DIR);
    mkdirSync(outDir, { recursive: true });
    const knowledge = {
      formatVersion: KNOWLEDGE_FORMAT_VERSION,
      categories: [...new Set(entries.map((e) => e.category))],
      entries,
    };
    writeFileSync(join(outDir, 'knowledge.json'), JSON.stringify(knowledge));
    writeGlossaryValidator(outDir, glossarySchema);
    log(`knowledge: ${entries.length} entries in ${fileNames.length} categories -> ${OUT_DIR}/knowledge.json`);
  }
  for (const warning of warnings) log(`warning: ${warning}`);
  return { entries, warnings, files: fileNames };
}

/** Cross-file rules that JSON Schema cannot express. */
function checkInvariants(loaded, problems, warnings) {
  const byId = new Map();
  for (const item of loaded) {
    const previous = byId.get(item.entry.id);
    if (previous) problems.push(`${item.where(['id'])} duplicate id, first defined at ${previous.where(['id'])}`);
    else byId.set(item.entry.id, item);
  }

  // Every written form maps to one entry, unless all entries sharing it say they are ambiguous.
  const owners = new Map(); // form -> [{ item, field }]
  const foldedOwners = new Map(); // loosely folded form -> Set of ids
  for (const item of loaded) {
    const { entry } = item;
    const seenInEntry = new Set();
    for (const [form, field] of writtenForms(entry)) {
      if (seenInEntry.has(form)) {
        problems.push(`${item.where(field)} form "${form}" is listed twice in this entry`);
        continue;
      }
      seenInEntry.add(form);
      if (!owners.has(form)) owners.set(form, []);
      owners.get(form).push({ item, field });
      const loose = looseFold(form);
      if (!foldedOwners.has(loose)) foldedOwners.set(loose, new Map());
      foldedOwners.get(loose).set(entry.id, form);
    }
  }
  for (const [form, sharing] of owners) {
    if (sharing.length < 2) continue;
    if (sharing.every(({ item }) => item.entry.ambiguous === true)) continue;
    const [first, ...others] = sharing;
    for (const other of others) {
      problems.push(
        `${other.item.where(other.field)} form "${form}" already belongs to entry "${first.item.entry.id}" ` +
          `(${first.item.where(first.field)}); mark both entries ambiguous: true if the term really has two meanings`,
      );
    }
  }
  for (const [, ids] of foldedOwners) {
    if (ids.size < 2) continue;
    const forms = [...ids].map(([id, form]) => `"${form}" (${id})`);
    const allAmbiguous = [...ids.keys()].every((id) => byId.get(id)?.entry.ambiguous === true);
    if (!allAmbiguous && new Set(ids.values()).size > 1) {
      warnings.push(`forms differing only in case, hyphens or Greek spelling belong to different entries: ${forms.join(', ')}`);
    }
  }

  for (const item of loaded) {
    const { entry } = item;
    (entry.related ?? []).forEach((relatedId, i) => {
      if (relatedId === entry.id) problems.push(`${item.where(['related', i])} an entry cannot be related to itself`);
      else if (!byId.has(relatedId)) problems.push(`${item.where(['related', i])} related id "${relatedId}" does not exist`);
    });
    const related = new Set(entry.related ?? []);
    (entry.relations ?? []).forEach((relation, i) => {
      if (relation.id === entry.id) problems.push(`${item.where(['relations', i, 'id'])} an entry cannot be related to itself`);
      else if (!byId.has(relation.id)) problems.push(`${item.where(['relations', i, 'id'])} relation id "${relation.id}" does not exist`);
      else if (!related.has(relation.id)) problems.push(`${item.where(['relations', i, 'id'])} relation id "${relation.id}" must also be listed in related`);
      // A related term is not a variant: no discouraged form of the other entry may be replaced by this one's forms, or the reverse.
      const other = byId.get(relation.id)?.entry;
      const ownForms = new Set([...writtenForms(entry)].map(([form]) => form));
      for (const d of other?.discouraged ?? []) {
        if (ownForms.has(d.replacement)) problems.push(`${item.where(['relations', i, 'id'])} "${relation.id}" turns "${d.form}" into "${d.replacement}", a form of this related term`);
      }
    });
    if (entry.needsDefinition && entry.expansions.length === 0) {
      problems.push(`${item.where(['needsDefinition'])} needsDefinition is true but there is no expansion to define it with`);
    }
    const genes = entry.genes ?? [];
    const symbols = new Set();
    genes.forEach((gene, i) => {
      if (symbols.has(gene.symbol)) problems.push(`${item.where(['genes', i])} gene ${gene.symbol} listed twice`);
      symbols.add(gene.symbol);
    });
    for (const [i, d] of (entry.discouraged ?? []).entries()) {
      if (d.form === d.replacement) problems.push(`${item.where(['discouraged', i])} discouraged form equals its replacement`);
    }
  }
}

/** Yields [form, pathWithinEntry] for every written form of an entry. */
function* writtenForms(entry) {
  yield [entry.preferred, ['preferred']];
  for (const [i, form] of entry.expansions.entries()) yield [form, ['expansions', i]];
  for (const [i, form] of (entry.variants ?? []).entries()) yield [form, ['variants', i]];
  for (const [i, d] of (entry.discouraged ?? []).entries()) yield [d.form, ['discouraged', i, 'form']];
}

/** A deliberately coarse fold (case, hyphens, spaces, Greek names) used only for warnings. */
function looseFold(form) {
  const greek = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', kappa: 'κ', lambda: 'λ' };
  return form
    .toLowerCase()
    .replace(/alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda/g, (name) => greek[name])
    .replace(/[\s\-‐‑]+/g, '');
}

/** Drops empty optional arrays and fixes the field order. */
function compactEntry(entry) {
  const out = {};
  for (const field of ENTRY_FIELDS) {
    const value = entry[field];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && field !== 'expansions') continue;
    out[field] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** Writes ajv's standalone validators for glossaries plus a declaration file for TypeScript. */
function writeGlossaryValidator(outDir, glossarySchema) {
  // allErrors stays false: a glossary problem is reported once, at the first failing field.
  const ajv = new Ajv({ code: { source: true }, allErrors: false, strict: true });
  // Descriptions serve editors, not validation; leaving them out keeps the generated module small.
  ajv.addSchema(withoutAnnotations(glossarySchema));
  const id = glossarySchema.$id;
  const code = standaloneCode(ajv, {
    validateGlossary: id,
    validateGlossaryEntry: `${id}#/definitions/entry`,
  });
  writeFileSync(
    join(outDir, 'glossary-validator.js'),
    `// Generated by scripts/build-knowledge.mjs from ${GLOSSARY_SCHEMA}. Do not edit.\n${code}`,
  );
  writeFileSync(
    join(outDir, 'glossary-validator.d.ts'),
    `// Generated by scripts/build-knowledge.mjs. Do not edit.
/** One failure reported by an ajv validator. */
export interface GlossarySchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
/** An ajv standalone validator: returns true when valid, otherwise sets errors. */
export interface GlossarySchemaValidator {
  (data: unknown): boolean;
  errors?: GlossarySchemaError[] | null;
}
/** Validates a whole glossary document against data/schema/glossary.schema.json. */
export declare const validateGlossary: GlossarySchemaValidator;
/** Validates one glossary entry. */
export declare const validateGlossaryEntry: GlossarySchemaValidator;
`,
  );
}

/** A deep copy of a schema without title/description annotations. */
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    // "properties" maps names to subschemas; a property could itself be called "description".
    if ((key === 'title' || key === 'description') && typeof value === 'string') continue;
    copy[key] = withoutAnnotations(value);
  }
  return copy;
}

/** Line/column (1-based) of the node at a path, falling back to its nearest existing parent. */
function lineOf(doc, lineCounter, path) {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && node.range) return lineCounter.linePos(node.range[0]);
    // A scalar value inside a map: use the pair's key when the value node has no range.
    if (n > 0) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => p.key && p.key.value === path[n - 1]);
        if (pair && pair.key && pair.key.range) return lineCounter.linePos(pair.key.range[0]);
      } else if (isSeq(parent)) {
        const item = parent.items[path[n - 1]];
        if (item && item.range) return lineCounter.linePos(item.range[0]);
      }
    }
  }
  return { line: 1, col: 1 };
}

/** Turns an ajv instancePath ("/entries/3/genes/0") into a path (['entries', 3, 'genes', 0]). */
function pointerToPath(pointer) {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** " [il-15]" when the path points into an entry that has an id. */
function entryLabel(data, path) {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return '';
  const id = data?.entries?.[path[1]]?.id;
  return typeof id === 'string' ? ` [${id}]` : ` [entry #${path[1] + 1}]`;
}

/** A readable sentence for one ajv error. */
function describeSchemaError(error) {
  const where = error.instancePath ? error.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'file';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown field "${error.params.additionalProperty}"`;
    case 'required':
      return `${where}: missing required field "${error.params.missingProperty}"`;
    case 'pattern':
      return `${where}: ${JSON.stringify(error.data ?? '')} does not have the expected form (${error.parentSchema?.description ?? error.params.pattern})`;
    default:
      return `${where}: ${error.message}`;
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function firstLine(text) {
  return String(text).split('\n')[0];
}

function defaultRoot() {
  return resolve(fileURLToPath(new URL('..', import.meta.url)));
}

function parseArguments(argv) {
  const options = { root: defaultRoot(), write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') options.root = resolve(argv[++i] ?? '.');
    else if (argv[i] === '--check') options.write = false;
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArguments(process.argv.slice(2));
    buildKnowledge({ ...options, log: (line) => console.log(line) });
  } catch (error) {
    console.error(error instanceof KnowledgeBuildError ? error.message : error);
    process.exit(1);
  }
}
