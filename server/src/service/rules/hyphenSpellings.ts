import { blockHyphenatedWords, isGluedToJoiner } from '../model/hyphenatedWords';
import { isPlainCapitalisedWord } from '../model/mentions';
import { WordFlag, type BlockTokens } from '../text/tokens';
import type { Finding, RuleContext } from './types';

/**
 * `inconsistent-variants` for hyphens: one ordinary word written both closed and with a hyphen in
 * one document (`upregulated` and `up-regulated`, `preprocessing` and `pre-processing`,
 * `multimodal` and `multi-modal`). The form written less often is reported at its first use, with
 * a fix (never applied unattended) that writes each of its uses as the form written more; of two
 * written as often, the first written is kept.
 *
 * A hyphen that makes another word is no variant: words whose first part is `re` or `un` are left
 * out (`re-cover` is not `recover`, nor `re-presentation` `representation`). A capital a sentence puts first counts for the
 * word (`Pre-processing`, `Upregulated`), and the fix keeps it; capitals elsewhere (`Pre-Processing`
 * in a title, `UPREGULATED`) are another matter. Each file is read on its own, a book's file too.
 */

/** One word's uses in its two forms. */
interface WordForms {
  /** The word closed, in small letters (`upregulated`). */
  readonly joined: string;
  readonly hyphenated: { start: number; end: number; written: string }[];
  readonly closed: { start: number; end: number }[];
}

export function checkHyphenSpellings(context: RuleContext): Finding[] {
  const forms = wordForms(context);
  const findings: Finding[] = [];
  for (const word of forms.values()) {
    if (word.closed.length === 0 || word.hyphenated.length === 0) continue;
    // The form written more is kept; of two written as often, the first written.
    const closedKept = word.closed.length > word.hyphenated.length || (word.closed.length === word.hyphenated.length && word.closed[0]!.start < word.hyphenated[0]!.start);
    findings.push(closedKept ? finding(context, word.hyphenated, word.joined, word.closed) : finding(context, word.closed, word.hyphenated[0]!.written, word.hyphenated));
  }
  return findings;
}

/**
 * The document's hyphenated words, each with its closed uses. The hyphenated words are few and
 * read first; each word of small letters is then looked up by the hash the token pass gave it,
 * so that no word is sliced unless its hash matches one of theirs.
 */
function wordForms(context: RuleContext): Map<string, WordForms> {
  const { model } = context;
  const masked = model.prose.masked;
  const blocks = model.prose.blocks;
  const byHash = new Map<number, WordForms[]>();
  const byJoined = new Map<string, WordForms>();
  for (let index = 0; index < blocks.length; index++) {
    // The front matter's title and keywords are the paper's own name: counted, they would decide a tie for the body.
    if (model.blockScopes[index] === 'title') continue;
    const blockStart = blocks[index]!.start;
    const { spans, hashes } = blockHyphenatedWords(masked, blockStart, model.blockTokens[index]!, blocks[index]!.end);
    for (let i = 0; i < hashes.length; i++) {
      const start = blockStart + spans[2 * i]!;
      const end = blockStart + spans[2 * i + 1]!;
      const written = masked.slice(start, end);
      const joined = written.replace(/[-\u2010\u2011]/u, '').toLowerCase();
      let word = byJoined.get(joined);
      if (!word) {
        byJoined.set(joined, (word = { joined, hyphenated: [], closed: [] }));
        const same = byHash.get(hashes[i]!);
        if (same) same.push(word);
        else byHash.set(hashes[i]!, [word]);
      }
      word.hyphenated.push({ start, end, written: written.toLowerCase() });
    }
  }
  if (byJoined.size === 0) return byJoined;
  // The hashes the closed words are looked up by: while the document's hyphenated words stay the
  // same (a keystroke mostly), each unchanged block's matches are read from its cache.
  const hashesKey = [...byHash.keys()].sort((a, b) => a - b).join(',');
  for (let index = 0; index < blocks.length; index++) {
    if (model.blockScopes[index] === 'title') continue;
    const blockStart = blocks[index]!.start;
    const tokens = model.blockTokens[index]!;
    let cached = closedCandidatesByTokens.get(tokens);
    if (cached?.hashesKey !== hashesKey) closedCandidatesByTokens.set(tokens, (cached = { hashesKey, tokenIndexes: closedCandidates(masked, blockStart, tokens, byHash) }));
    for (const k of cached.tokenIndexes) {
      const start = blockStart + tokens.starts[k]!;
      const end = blockStart + tokens.ends[k]!;
      const written = masked.slice(start, end).toLowerCase();
      for (const word of byHash.get(tokens.foldedHashes[k]!)!) if (word.joined === written) word.closed.push({ start, end });
    }
  }
  return byJoined;
}

/** Per block's token pass: the document's hyphenated hashes it was read for, and its tokens that may be their closed words. */
const closedCandidatesByTokens = new WeakMap<BlockTokens, { hashesKey: string; tokenIndexes: Int32Array }>();

/**
 * The tokens of one block whose hash is a hyphenated word's and that may be written as that word
 * closed: letters only, not part of a hyphen-joined run (`non-upregulated`), a file's name or code,
 * and capitalised only as a sentence puts it (`Upregulated`). Like `blockHyphenatedWords`, it reads
 * the one character on either side of the block (a block ends at a line break, which masking keeps),
 * which `oncePerTokenPass`'s contract asks not to: a change there that changed the answer would
 * leave a stale entry until the block itself changes.
 */
function closedCandidates(masked: string, blockStart: number, tokens: BlockTokens, byHash: ReadonlyMap<number, unknown>): Int32Array {
  const { count, starts, ends, flags, foldedHashes } = tokens;
  const found: number[] = [];
  for (let k = 0; k < count; k++) {
    if (!byHash.has(foldedHashes[k]!) || (flags[k]! & (WordFlag.digit | WordFlag.nonAscii)) !== 0) continue;
    const start = blockStart + starts[k]!;
    const end = blockStart + ends[k]!;
    if (isGluedToJoiner(masked, start, end) || isCallOrSetting(masked, end)) continue;
    if ((flags[k]! & WordFlag.upper) !== 0 && !isPlainCapitalisedWord(masked, start, end)) continue;
    found.push(k);
  }
  return Int32Array.from(found);
}

/** A function call or a setting after the word (`preprocessing()`, `preprocessing=TRUE`): code, not prose. */
function isCallOrSetting(masked: string, end: number): boolean {
  const unit = masked.charCodeAt(end);
  return unit === 0x28 /* ( */ || unit === 0x3d /* = */;
}

function isCapitalAt(masked: string, offset: number): boolean {
  const unit = masked.charCodeAt(offset);
  return unit >= 0x41 && unit <= 0x5a;
}

function finding(context: RuleContext, reported: { start: number; end: number }[], kept: string, keptUses: { start: number; end: number }[]): Finding {
  const first = reported[0]!;
  const masked = context.model.prose.masked;
  const written = masked.slice(first.start, first.end).toLowerCase();
  const line = context.model.lines.lineAt(keptUses[0]!.start) + 1;
  const times = `'${written}' ${reported.length === 1 ? 'once' : `${reported.length} times`}, '${kept}' ${keptUses.length === 1 ? 'once' : `${keptUses.length} times`}`;
  return {
    rule: 'inconsistent-variants',
    start: first.start,
    end: first.end,
    message: `'${written}' and '${kept}' (line ${line}) are one word written with and without a hyphen (${times}). Use one form.`,
    data: { form: written, dominant: kept, uses: reported.length, hyphenation: true },
    fixes: [
      {
        title: reported.length > 1 ? `Replace all ${reported.length} with '${kept}'` : `Replace with '${kept}'`,
        // A use a sentence starts keeps its capital (`Pre-processing` becomes `Preprocessing`).
        edits: reported.map((use) => ({ start: use.start, end: use.end, newText: isCapitalAt(masked, use.start) ? kept.charAt(0).toUpperCase() + kept.slice(1) : kept })),
        safe: false,
      },
    ],
  };
}
