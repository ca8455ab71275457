/**
 * The terminology knowledge base: entry types, the knowledge-base factory with its fast term
 * matcher, project glossaries and the built-in data. Pure: no file system, no editor API.
 */
export type {
  DiscouragedForm,
  FormKind,
  GeneReference,
  KnowledgeBase,
  TermEntry,
  TermLookup,
  TermOccurrence,
} from './types';
export { createKnowledgeBase, writtenFormsOf } from './knowledgeBase';
export { foldWrittenForm, isCaseInsensitiveToken } from './formFolding';
export { parseGlossary, termIdFromPreferred, PROJECT_GLOSSARY_CATEGORY } from './glossary';
export type { GlossaryProblem, ParsedGlossary } from './glossary';
export { loadBuiltinKnowledge, builtinTermEntries, builtinCategories } from './builtin';
