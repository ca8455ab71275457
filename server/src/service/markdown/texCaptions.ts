import type { LineIndex } from '../text/lineIndex';
import type { Span } from './inlineExclusions';

/**
 * The captions of raw LaTeX floats: a `figure` or `table` environment written in a markdown
 * manuscript (`\begin{table}⏎\caption{\label{tab:x}Posterior medians …}⏎…⏎\end{table}`), which
 * pandoc passes to LaTeX whole, so none of its lines is prose. Its `\caption{…}` is printed as the
 * float's legend all the same: prose in that legend's scope, as a code cell's caption is. The
 * label is the `\label{…}` in or after the caption, else the caption's line.
 */
export interface TexCaption extends Span {
  label: string;
}

/** A float environment's opening: a figure or a table (`table*`, `sidewaystable`, `longtable`). */
const FLOAT_BEGIN = /\\begin\{(?:sideways)?(?:figure|table|longtable)\*?\}/;
/** `\caption{` or `\caption[short]{`: the group `short` is the list-of-figures entry, not printed under the float. */
const CAPTION_OPEN = /\\caption(?:\[[^\]\n]{0,500}\])?\{/g;
const LABEL = /\\label\{([^{}\n]{1,200})\}/;
/** The longest caption read: a brace never closed ends the search there. */
const LONGEST_CAPTION = 5000;

/** The captions of the float environments among `rawTexLines` (the lines pandoc passes to LaTeX). */
export function texCaptions(text: string, lines: LineIndex, rawTexLines: ReadonlySet<number>): TexCaption[] {
  const captions: TexCaption[] = [];
  const sorted = [...rawTexLines].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let last = i;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++;
    const from = lines.lineStart(sorted[i]!);
    const to = lines.lineEnd(sorted[last]!);
    i = last + 1;
    const run = text.slice(from, to);
    if (!FLOAT_BEGIN.test(run)) continue;
    CAPTION_OPEN.lastIndex = 0;
    for (let open = CAPTION_OPEN.exec(run); open !== null; open = CAPTION_OPEN.exec(run)) {
      const start = open.index + open[0].length;
      const end = closingBrace(run, start);
      if (end < 0) continue;
      const label = LABEL.exec(run.slice(open.index))?.[1] ?? `LaTeX caption at line ${lines.lineAt(from + open.index) + 1}`;
      captions.push({ start: from + start, end: from + end, label });
      CAPTION_OPEN.lastIndex = end;
    }
  }
  return captions;
}

/** Where the brace closing a group opened just before `from` stands (nested groups and `\{` skipped), or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  const limit = Math.min(text.length, from + LONGEST_CAPTION);
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5c /* \ */) k++;
    else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0) return k;
  }
  return -1;
}
