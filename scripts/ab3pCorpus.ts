/**
 * Reading the Ab3P MED1250 development half (../shared/corpora/ab3p-med1250/, or
 * $AB3P_CORPUS): shared by the evaluation (`npm run eval:ab3p`) and the benchmark.
 */
import { resolve } from 'node:path';

/** One abstract of the corpus. */
export interface CorpusRecord {
  pmid: string;
  text: string;
}

/** Where the corpus is looked for, relative to the repository root. */
export function ab3pCorpusFolder(repositoryRoot: string): string {
  return process.env['AB3P_CORPUS'] ?? resolve(repositoryRoot, '../shared/corpora/ab3p-med1250');
}

/**
 * Splits dev.txt into records. A record starts at a line of digits only, at
 * the start of the file or after a blank line; abstracts may contain blank lines.
 */
export function readRecords(content: string): CorpusRecord[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const records: CorpusRecord[] = [];
  let current: { pmid: string; lines: string[] } | undefined;
  lines.forEach((line, index) => {
    const startsRecord = /^\d+$/.test(line.trim()) && (index === 0 || lines[index - 1]!.trim() === '');
    if (startsRecord) {
      if (current !== undefined) records.push({ pmid: current.pmid, text: current.lines.join('\n').trimEnd() });
      current = { pmid: line.trim(), lines: [] };
    } else if (current !== undefined) {
      current.lines.push(line);
    }
  });
  if (current !== undefined) records.push({ pmid: current.pmid, text: current.lines.join('\n').trimEnd() });
  return records;
}
