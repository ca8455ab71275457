// Types for scripts/function-lengths.mjs, so TypeScript tests can import it.

/** A function over the limit: where it starts, its name, and how many lines it spans. */
export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

/** Functions longer than `limit` lines (default 120) in the given folders (default server/src and client/src). */
export declare function longFunctions(options?: { limit?: number; dirs?: string[] }): LongFunction[];
