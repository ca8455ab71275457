/**
 * Finds the spans inside one prose block that are not prose: inline code, math,
 * HTML comments and tags, autolinks and bare URLs, link and image targets, reference
 * labels, attributes (`{#fig-a}`), Quarto shortcodes, footnote markers, pandoc
 * citations and cross-references (`[@key]`, `@key`, `[-@key]`, `@fig-x`) and LaTeX
 * commands. One left-to-right pass; every search is bounded by the block's end, so
 * the work stays linear in practice.
 */

/** A half-open span of offsets `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** An HTML comment found in prose, kept for inline directives such as `carnk-disable`. */
export interface HtmlComment extends Span {
  /** The text between `<!--` and `-->`, trimmed. */
  body: string;
}

const BACKTICK = 96;
const DOLLAR = 36;
const BACKSLASH = 92;

const CITATION_KEY = /-?@(?:\{[^}\n]*\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/uy;
// Content of a bracketed pandoc citation: a key such as `@liu2020` or `-@lee2019` preceded by the start, a space or `;`.
const CITATION_GROUP = /(?:^|[\s;])-?@[\p{L}\p{N}_{]/u;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/y;
const BARE_URL = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'*_]/y;
const LATEX_COMMAND = /\\[A-Za-z]+\*?(?:\[[^\]\n]*\])?(?:\{[^{}\n]*\})*/y;
const ATTRIBUTE = /\{(?:[#.=-][^{}\n]*|[^{}\n]*=[^{}\n]*)\}/y;

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === undefined || Number.isNaN(code);
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  return WORD_CHARACTER.test(ch);
}
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function matchSticky(pattern: RegExp, text: string, at: number, end: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (!match) return -1;
  const stop = at + match[0].length;
  return stop <= end ? stop : -1;
}

/** Index of the `)` closing the `(` at `open`, allowing nested parentheses; -1 if none before `end`. */
function closingParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

/** Finds the end of a `$...$` span opened at `open` by pandoc's rule, or -1. */
function inlineMathEnd(text: string, open: number, end: number): number {
  if (isSpace(text.charCodeAt(open + 1)) || open + 1 >= end) return -1;
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === DOLLAR) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if (!isSpace(before) && !(after >= 48 && after <= 57)) return i + 1;
    } else if (c === 10 && /^\s*\n/.test(text.slice(i + 1, i + 80))) {
      return -1;
    }
  }
  return -1;
}

/**
 * Spans of `text[start, end)` that are not prose, in order, plus the HTML comments
 * among them.
 */
export function findInlineExclusions(
  text: string,
  start: number,
  end: number,
): { spans: Span[]; comments: HtmlComment[] } {
  const spans: Span[] = [];
  const comments: HtmlComment[] = [];
  const exclude = (from: number, to: number): void => {
    if (to > from) spans.push({ start: from, end: to });
  };

  // Only these characters can start an exclusion; the expression jumps from one to the next
  // (every match is one character, so `test` gives its place without allocating a match).
  const trigger = /[\\`$<\][{@hfw]|-(?=@)/g;
  let i = start;
  while (i < end) {
    trigger.lastIndex = i;
    if (!trigger.test(text)) break;
    i = trigger.lastIndex - 1;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (c === BACKSLASH) {
      const stop = matchSticky(LATEX_COMMAND, text, i, end);
      if (stop > 0) {
        exclude(i, stop);
        i = stop;
      } else {
        i += 2; // an escaped character is literal text
      }
      continue;
    }
    if (c === BACKTICK) {
      let run = 1;
      while (text.charCodeAt(i + run) === BACKTICK) run++;
      const fence = '`'.repeat(run);
      let search = i + run;
      let close = -1;
      while (search < end) {
        const found = text.indexOf(fence, search);
        if (found < 0 || found >= end) break;
        let length = run;
        while (text.charCodeAt(found + length) === BACKTICK) length++;
        if (length === run) {
          close = found;
          break;
        }
        search = found + length;
      }
      if (close >= 0) {
        exclude(i, close + run);
        i = close + run;
      } else {
        i += run;
      }
      continue;
    }
    if (c === DOLLAR) {
      if (text.charCodeAt(i + 1) === DOLLAR) {
        const close = text.indexOf('$$', i + 2);
        if (close >= 0 && close + 2 <= end) {
          exclude(i, close + 2);
          i = close + 2;
          continue;
        }
        i += 2;
        continue;
      }
      const stop = inlineMathEnd(text, i, end);
      if (stop > 0) {
        exclude(i, stop);
        i = stop;
      } else {
        i++;
      }
      continue;
    }
    if (ch === '<') {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const stop = close >= 0 && close + 3 <= end ? close + 3 : end;
        comments.push({ start: i, end: stop, body: text.slice(i + 4, close >= 0 && close + 3 <= end ? close : end).trim() });
        exclude(i, stop);
        i = stop;
        continue;
      }
      const stop = Math.max(matchSticky(AUTOLINK, text, i, end), matchSticky(HTML_TAG, text, i, end));
      if (stop > 0) {
        exclude(i, stop);
        i = stop;
        continue;
      }
      i++;
      continue;
    }
    if (ch === ']') {
      const next = text[i + 1];
      if (next === '(') {
        const close = closingParen(text, i + 1, end);
        if (close > 0) {
          exclude(i + 1, close + 1);
          i = close + 1;
          continue;
        }
      } else if (next === '[') {
        const close = text.indexOf(']', i + 2);
        if (close > 0 && close < end && !text.slice(i + 2, close).includes('\n\n')) {
          exclude(i + 1, close + 1);
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (ch === '[' && text[i + 1] !== '^') {
      // A pandoc citation group `[@a; see @b, p. 3]` is not prose as a whole: masking its
      // brackets too spares the definition detector thousands of empty parentheticals.
      const close = text.indexOf(']', i + 1);
      if (close > 0 && close < end && close - i < 500) {
        const inner = text.slice(i + 1, close);
        if (!inner.includes('[') && !inner.includes('\n\n') && CITATION_GROUP.test(inner) && text[close + 1] !== '(' && text[close + 1] !== '[') {
          exclude(i, close + 1);
          i = close + 1;
          continue;
        }
      }
    }
    if (ch === '[' && text[i + 1] === '^') {
      const close = text.indexOf(']', i + 2);
      if (close > 0 && close < end && /^[^\s\]]+$/.test(text.slice(i + 2, close))) {
        const stop = text[close + 1] === ':' ? close + 2 : close + 1;
        exclude(i, stop);
        i = stop;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '{') {
      if (text[i + 1] === '{' && (text[i + 2] === '<' || text[i + 2] === '%')) {
        const closer = text[i + 2] === '<' ? '>}}' : '%}}';
        const close = text.indexOf(closer, i + 3);
        const stop = close >= 0 && close + 3 <= end ? close + 3 : end;
        exclude(i, stop);
        i = stop;
        continue;
      }
      const stop = matchSticky(ATTRIBUTE, text, i, end);
      if (stop > 0) {
        exclude(i, stop);
        i = stop;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '@' || (ch === '-' && text[i + 1] === '@')) {
      if (!isWordChar(text[i - 1])) {
        const stop = matchSticky(CITATION_KEY, text, i, end);
        if (stop > 0) {
          exclude(i, stop);
          i = stop;
          continue;
        }
      }
      i++;
      continue;
    }
    if ((ch === 'h' || ch === 'f' || ch === 'w') && !isWordChar(text[i - 1])) {
      const stop = matchSticky(BARE_URL, text, i, end);
      if (stop > 0) {
        exclude(i, stop);
        i = stop;
        continue;
      }
    }
    i++;
  }
  return { spans, comments };
}
