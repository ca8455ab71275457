/**
 * The V8 flags `carnk` runs under, set by both its entry (dist/cli.js, before compiling the
 * bundle: V8 rejects a code cache made under other flags) and the bundle itself (run directly in
 * development). They only tune when V8 optimises and how its young generation grows; results do
 * not change.
 */
import { setFlagsFromString } from 'node:v8';
import { FLAGS_CHANGED_KEY } from '../node/codeCachedBundle';

/**
 * A lint is one short burst of work in a fresh process.
 *
 * - `--interrupt-budget`: V8 optimises a function once it has spent an "interrupt budget" of
 *   bytecode; at four times the default budget fewer functions are optimised for a brief burst
 *   and then left, and `carnk lint` on a 200,000-word thesis took ~575 instead of ~612 ms, on
 *   20,000 words ~262 instead of ~282 ms (medians of 9 runs).
 * - `--semi-space-growth-factor=1`: the young generation stays at its first size (1 MB a half)
 *   instead of doubling up to 16 MB a half while the model is built. Most of what a lint
 *   allocates lives until the end (the model, the findings), so larger halves only copy it later;
 *   on the thesis the peak RSS went from ~130 to ~116 MB at the same CPU time (medians of 7
 *   runs, paired). Unlike the largest size, this flag is read whenever the space would grow, so
 *   setting it after start-up works.
 *
 * Only on the V8 of Node 20 and 22 (11.x, 12.x), which have both flags: V8 would print an
 * unknown flag to stderr.
 */
export function tuneV8ForOneLint(): void {
  if (!/^1[12]\./.test(process.versions.v8)) return;
  setFlagsFromString('--interrupt-budget=528000');
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Past this much input the young generation may grow again (V8's default factor, 2): a huge
 * file allocates faster than 1 MB halves can be scavenged. On an 8 MB paragraph of definitions
 * `carnk lint` took 13.5 s at factor 1 and 11.3 s at factor 2 (568 and 673 MB peak RSS).
 */
const HUGE_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * Past this much input (and below a huge one) V8 optimises for size: a thesis's model and
 * findings are most of the peak, and V8 then keeps its heap tighter. On the 200,000-word thesis
 * (1.4 MB) `carnk lint` peaked at 111-113 instead of 133-136 MB in six paired runs, at about the
 * same time (medians 2.15 and 2.10 s on a busy machine).
 */
const LARGE_INPUT_BYTES = 512 * 1024;

/**
 * How much the old generation may grow past what survived the last full collection before the
 * next, in per cent, for a huge input. V8 lets it grow up to four times when a collection is
 * fast, so a lint that builds 300 MB of model and then 400 MB of findings and diagnostics
 * carried some 400 MB of garbage at its peak.
 */
const HUGE_INPUT_HEAP_GROWTH_PERCENT = 30;

/**
 * For an input of `bytes` past {@link LARGE_INPUT_BYTES}: V8 optimises for size; past
 * {@link HUGE_INPUT_BYTES} instead, the young generation may grow and the old generation's growth
 * between full collections stays small. These flags are read whenever V8 sizes its spaces, so
 * they take effect in time for the lint; the run then writes no code cache (see `markFlagsChanged`).
 */
export function tuneV8ForInput(bytes: number): void {
  if (bytes < LARGE_INPUT_BYTES || !/^1[12]\./.test(process.versions.v8)) return;
  if (bytes < HUGE_INPUT_BYTES) {
    setFlagsFromString('--optimize-for-size');
    markFlagsChanged();
    return;
  }
  setFlagsFromString('--semi-space-growth-factor=2');
  setFlagsFromString(`--heap-growing-percent=${HUGE_INPUT_HEAP_GROWTH_PERCENT}`);
  markFlagsChanged();
}

/**
 * Tells the code cache's writer (node/codeCachedBundle.ts) that the flags changed after start-up:
 * V8 would stamp the cache with them, and every ordinary run after would reject it.
 */
function markFlagsChanged(): void {
  (process as unknown as Record<symbol, unknown>)[FLAGS_CHANGED_KEY] = true;
}
