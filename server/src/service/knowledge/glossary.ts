import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text/lineIndex';
import type { TermEntry } from './types';
import { createKnowledgeBase } from './knowledgeBase';
// Ajv's standalone validators, generated at build time by scripts/build-knowledge.mjs from
// data/schema/glossary.schema.json: the same schema as the editor uses, without shipping ajv's
// compiler or evaluating generated code at run time.
import {
  validateGlossary,
  validateGlossaryEntry,
  type GlossarySchemaError,
} from '#generated/glossary-validator.js';

/** Category given to every entry that comes from a project glossary. */
export const PROJECT_GLOSSARY_CATEGORY = 'project-glossary';

/** A problem in a glossary file, positioned on the offending node (0-based line and character). */
export interface GlossaryProblem {
  /** A sentence naming the file, the 1-based line and what is wrong. */
  readonly message: string;
  /** 0-based line of the offending node. */
  readonly line: number;
  /** 0-based UTF-16 character offset in that line. */
  readonly character: number;
}

/** The usable entries of a glossary and the problems found in it. */
export interface ParsedGlossary {
  /** Valid entries, completed with defaults (id from preferred, empty arrays, category). */
  readonly entries: readonly TermEntry[];
  /** One problem per syntax error (the first only), invalid entry or invalid top-level field. */
  readonly problems: readonly GlossaryProblem[];
}

type PathSegment = string | number;

/** Locates instance paths in the parsed document. */
interface SourceLocator {
  /** UTF-16 offset of the node at `path`, or of the key when `keyOf` is set, else of the nearest parent. */
  offsetOf(path: readonly PathSegment[], keyOf?: string): number;
}

/**
 * Parses a project glossary (`.carnk-glossary.yaml`, `.yml` or `.json`; other names are read as
 * YAML, which also accepts JSON) and validates it against the glossary schema. Invalid entries
 * are dropped with one problem each; the rest are returned. Never throws.
 */
export function parseGlossary(text: string, fileName: string): ParsedGlossary {
  try {
    const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
    const lines = new LineIndex(source);
    const isJson = /\.json$/i.test(fileName);
    const parsed = isJson ? readJson(source) : readYaml(source);
    const problemAt = (offset: number, message: string): GlossaryProblem => {
      const { line, character } = lines.positionAt(offset);
      return { message: `${fileName}:${line + 1}: ${message}`, line, character };
    };
    if (parsed.syntaxError) {
      return { entries: [], problems: [problemAt(parsed.syntaxError.offset, parsed.syntaxError.message)] };
    }
    const data = parsed.value;
    if (data === undefined || data === null) return { entries: [], problems: [] }; // empty file
    const problems: GlossaryProblem[] = [];
    const locator = parsed.locator;

    if (!validateGlossary(data)) {
      const first = validateGlossary.errors?.[0];
      if (first && !isInsideEntry(first)) {
        problems.push(problemAt(errorOffset(locator, first), describeError(first)));
        // Without a valid top level there is no list of entries to read.
        if (!isRecord(data) || !Array.isArray(data.entries)) return { entries: [], problems };
      }
    }
    const rawEntries: unknown[] = isRecord(data) && Array.isArray(data.entries) ? data.entries : [];
    const entries: TermEntry[] = [];
    const seenIds = new Map<string, number>();
    rawEntries.forEach((raw, index) => {
      if (!validateGlossaryEntry(raw)) {
        const first = validateGlossaryEntry.errors?.[0];
        if (first) {
          const prefixed = { ...first, instancePath: `/entries/${index}${first.instancePath}` };
          problems.push(problemAt(errorOffset(locator, prefixed), describeError(prefixed)));
        }
        return;
      }
      const entry = completeEntry(raw as Record<string, unknown>, index);
      const previous = seenIds.get(entry.id);
      if (previous !== undefined) {
        problems.push(
          problemAt(
            locator.offsetOf(['entries', index]),
            `entries[${index}]: id "${entry.id}" is already used by entries[${previous}]; this entry is ignored`,
          ),
        );
        return;
      }
      seenIds.set(entry.id, index);
      entries.push(entry);
    });
    // Normalise through the same path as built-in entries.
    return { entries: createKnowledgeBase(entries).entries, problems };
  } catch (error) {
    // Defensive: user input must never crash the caller.
    const detail = error instanceof Error ? error.message : String(error);
    return { entries: [], problems: [{ message: `${fileName}:1: could not read glossary (${detail})`, line: 0, character: 0 }] };
  }
}

/** A stable id derived from a preferred form: IL-15Rα becomes il-15ralpha, γδ T cell gamma-delta-t-cell. */
export function termIdFromPreferred(preferred: string): string {
  const greekNames: Record<string, string> = {
    α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', κ: 'kappa', λ: 'lambda',
  };
  const spelled = preferred
    .normalize('NFKD')
    .replace(/[αβγδεζκλ]/g, (letter) => `-${greekNames[letter] ?? ''}-`)
    .replace(/\+/g, '-plus-')
    .toLowerCase();
  const slug = spelled.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'term';
}

function completeEntry(raw: Record<string, unknown>, index: number): TermEntry {
  const preferred = String(raw.preferred);
  const expansions = Array.isArray(raw.expansions) ? (raw.expansions as string[]) : [];
  const id = typeof raw.id === 'string' ? raw.id : termIdFromPreferred(preferred);
  return {
    ...(raw as Partial<TermEntry>),
    id: id === 'term' ? `term-${index + 1}` : id,
    preferred,
    expansions,
    variants: Array.isArray(raw.variants) ? (raw.variants as string[]) : [],
    discouraged: Array.isArray(raw.discouraged) ? (raw.discouraged as TermEntry['discouraged']) : [],
    definition: typeof raw.definition === 'string' ? raw.definition.trim() : '',
    category: PROJECT_GLOSSARY_CATEGORY,
    genes: Array.isArray(raw.genes) ? (raw.genes as TermEntry['genes']) : [],
    related: Array.isArray(raw.related) ? (raw.related as string[]) : [],
    // An entry with a long form is an abbreviation; abbreviations are defined at first use unless said otherwise.
    needsDefinition: typeof raw.needsDefinition === 'boolean' ? raw.needsDefinition : expansions.length > 0,
  };
}

interface ParsedSource {
  readonly value?: unknown;
  readonly syntaxError?: { offset: number; message: string };
  readonly locator: SourceLocator;
}

function readYaml(source: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = yamlLocator(doc);
  const firstError = doc.errors[0];
  if (firstError) {
    return {
      syntaxError: { offset: firstError.pos[0], message: `YAML syntax error: ${firstError.message.split('\n')[0]}` },
      locator,
    };
  }
  return { value: doc.toJS({ maxAliasCount: 100 }), locator };
}

function yamlLocator(doc: Document.Parsed): SourceLocator {
  return {
    offsetOf(path, keyOf) {
      if (keyOf !== undefined) {
        const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keyOf);
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return range[0];
        }
      }
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) return node.range[0];
        if (n > 0) {
          // A null value (`genes:` with nothing after it) has no node; point at its key instead.
          const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
          const segment = path[n - 1];
          if (isMap(parent)) {
            const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === segment);
            if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
          } else if (isSeq(parent) && typeof segment === 'number') {
            const item = parent.items[segment];
            if (item && typeof item === 'object' && 'range' in item && Array.isArray(item.range)) return item.range[0];
          }
        }
      }
      return 0;
    },
  };
}

function readJson(source: string): ParsedSource {
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const locator = jsonLocator(root);
  const firstError = errors[0];
  if (firstError) {
    return {
      syntaxError: { offset: firstError.offset, message: `JSON syntax error: ${describeJsonError(firstError)}` },
      locator,
    };
  }
  if (!root) return { value: undefined, locator };
  return { value: jsonValue(root), locator };
}

function jsonLocator(root: JsonNode | undefined): SourceLocator {
  return {
    offsetOf(path, keyOf) {
      if (!root) return 0;
      if (keyOf !== undefined) {
        const keyNode = findNodeAtLocation(root, [...path, keyOf]);
        // The property node (key and value) starts at the key.
        if (keyNode?.parent?.type === 'property') return keyNode.parent.offset;
      }
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation(root, path.slice(0, n));
        if (node) return node.offset;
      }
      return root.offset;
    },
  };
}

/** The plain value of a jsonc-parser tree (getNodeValue would also do; this avoids a second parse). */
function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) result[String(key.value)] = jsonValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // InvalidSymbol -> invalid symbol
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function isInsideEntry(error: GlossarySchemaError): boolean {
  return /^\/entries\/\d+/.test(error.instancePath);
}

function errorOffset(locator: SourceLocator, error: GlossarySchemaError): number {
  const path = pointerToPath(error.instancePath);
  const params = error.params as { additionalProperty?: unknown };
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return locator.offsetOf(path, params.additionalProperty);
  }
  return locator.offsetOf(path);
}

/** "entries[2].genes[0].ncbiGeneId must be integer" and similar sentences from one ajv error. */
function describeError(error: GlossarySchemaError): string {
  const where = readablePath(pointerToPath(error.instancePath));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown field "${String(params.additionalProperty)}"`;
    case 'required':
      return `${where}: missing required field "${String(params.missingProperty)}"`;
    case 'type':
      return `${where} must be ${withArticle(String(params.type))}`;
    case 'pattern':
      return pointerToPath(error.instancePath).at(-1) === 'id' || /\/related\/\d+$/.test(error.instancePath)
        ? `${where} must be lower-case letters and digits separated by hyphens (for example il-15)`
        : `${where} must be a single line without leading, trailing or doubled spaces`;
    case 'uniqueItems':
      return `${where} lists the same value twice`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function withArticle(type: string): string {
  const names: Record<string, string> = {
    string: 'a string', array: 'a list', object: 'a mapping of fields', integer: 'an integer',
    boolean: 'true or false', number: 'a number',
  };
  return names[type] ?? type;
}

function readablePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the glossary';
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

