// Types for scripts/build-knowledge.mjs, so TypeScript tests can import it.

/** Format version of out/generated/knowledge.json. */
export declare const KNOWLEDGE_FORMAT_VERSION: number;

/** Thrown by buildKnowledge with every problem found (file:line:column [entry id] message). */
export declare class KnowledgeBuildError extends Error {
  readonly problems: string[];
}

/** Options of buildKnowledge. */
export interface BuildKnowledgeOptions {
  /** Repository root; default: the folder above scripts/. */
  root?: string;
  /** False to validate without writing out/generated/. Default true. */
  write?: boolean;
  /** Receives progress and warning lines. */
  log?: (line: string) => void;
}

/** Validates data/terms/*.yaml and writes out/generated/knowledge.json and the glossary validator. */
export declare function buildKnowledge(options?: BuildKnowledgeOptions): {
  entries: Record<string, unknown>[];
  warnings: string[];
  files: string[];
};
