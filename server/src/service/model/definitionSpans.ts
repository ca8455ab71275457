import type { AbbreviationDefinition } from './documentModel';
import type { OffsetEdit } from '../text/edits';

/**
 * The whole written definition — `long form (SF)` or `SF (long form)` — with the
 * parenthesis that holds its second part, and whatever else that parenthesis holds
 * (`(CRS; ref. 3)` keeps `ref. 3`).
 */
export interface DefinitionSpan {
  start: number;
  end: number;
  /** The text to leave behind in place of the parenthesised part, e.g. ` (ref. 3)` or ``. */
  leftover: string;
  /** Start and end of the parenthesis (brackets included). */
  parenStart: number;
  parenEnd: number;
}

const OPEN = new Set(['(', '[']);
const CLOSE: Record<string, string> = { '(': ')', '[': ']' };

/** Locates the parenthesis around `inner` (the part in brackets) of a definition. */
export function definitionSpan(text: string, definition: AbbreviationDefinition): DefinitionSpan | undefined {
  if (definition.pattern === 'list') return undefined;
  const innerStart = definition.pattern === 'long-short' ? definition.shortStart : definition.longStart;
  const innerEnd = definition.pattern === 'long-short' ? definition.shortEnd : definition.longEnd;
  let open = innerStart - 1;
  while (open >= 0 && /[ \t]/.test(text[open]!)) open--;
  const bracket = text[open];
  if (bracket === undefined || !OPEN.has(bracket)) return undefined;
  const closer = CLOSE[bracket]!;
  let depth = 0;
  let close = -1;
  for (let i = open; i < Math.min(text.length, innerEnd + 400); i++) {
    const c = text[i];
    if (c === bracket) depth++;
    else if (c === closer && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  // `(MEF cells)`, `(ESBL-producers)`: the short form runs on with its head noun inside the bracket;
  // what follows it is no remark to keep, and no edit of the short form alone keeps the bracket whole.
  if (definition.pattern === 'long-short' && /^(?:-|[ \t]+\p{L})/u.test(text.slice(innerEnd, close))) return undefined;
  // `(CAR-)T`: the bracket's hyphen joins the short form to the next word; no edit can keep that.
  if (text[close - 1] === '-' || /[\p{L}\p{N}]/u.test(text[close + 1] ?? '')) return undefined;
  const rest = text.slice(innerEnd, close).replace(/^[\s;,:]+/u, '').trim();
  const outerStart = definition.pattern === 'long-short' ? definition.longStart : definition.shortStart;
  const leftover = rest.length > 0 ? ` ${bracket}${rest}${closer}` : '';
  return { start: outerStart, end: close + 1, leftover, parenStart: open, parenEnd: close + 1 };
}

/** Edit that reduces a written definition to its short form (`natural killer (NK)` -> `NK`). */
export function collapseToShortForm(text: string, definition: AbbreviationDefinition): OffsetEdit | undefined {
  const span = definitionSpan(text, definition);
  if (!span) return undefined;
  // Words between the long form and the bracket stay: a class noun the long form leaves out
  // (`low-dose group patients (LDG)` -> `LDG patients`).
  const between = definition.pattern === 'long-short' ? text.slice(definition.longEnd, span.parenStart).trimEnd() : '';
  return { start: span.start, end: span.end, newText: definition.short + between + span.leftover };
}

/** Edit that removes the parenthesised short form, keeping the long form (`natural killer (NK)` -> `natural killer`). */
export function dropShortForm(text: string, definition: AbbreviationDefinition): OffsetEdit | undefined {
  if (definition.pattern !== 'long-short') return undefined;
  const span = definitionSpan(text, definition);
  if (!span) return undefined;
  let start = span.parenStart;
  while (start > 0 && /[ \t]/.test(text[start - 1]!)) start--;
  return { start, end: span.end, newText: span.leftover };
}

/** Capitalises the first letter when `offset` starts a sentence. */
export function capitaliseAtSentenceStart(text: string, offset: number, phrase: string): string {
  return opensSentence(text, offset) ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}

/**
 * Whether `offset` starts a sentence: only spaces, emphasis, quotes or an opening bracket stand
 * between it and the text's start, a blank line, a heading or table mark, a quote mark (`>`) or a
 * full stop, question or exclamation mark.
 */
export function opensSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  let lineBreaks = 0;
  // A single line break inside a paragraph is a soft wrap; a blank line starts a new paragraph.
  while (i >= 0 && /[ \t*_"“(\r\n]/u.test(text[i]!)) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineBreaks++;
    i--;
  }
  return i < 0 || lineBreaks >= 2 || /[.!?#|>]/u.test(text[i]!);
}

/**
 * Plural of a long form, for an abbreviation written with a plural `s` (`stem cell` -> `stem
 * cells`). A long form that ends in `of`, `for`, `in`, `under` or `with` and one word (perhaps
 * after an article) takes the plural on its head, the word before the preposition (`opportunity
 * for improvement` -> `opportunities for improvement`, `area under the curve` -> `areas under the
 * curve`); a head already plural stays (`Opportunities for improvement`). Longer tails are
 * modifiers before the head at the end (`point of care test`, `loss of function variant`), and
 * `to` often opens a verb (`number needed to treat`): the last word takes the plural there.
 */
export function pluralise(phrase: string): string {
  const preposition = HEAD_BEFORE_PREPOSITION.exec(phrase);
  if (preposition) return pluralOfLastWord(phrase.slice(0, preposition.index)) + phrase.slice(preposition.index);
  return pluralOfLastWord(phrase);
}

/** Whether {@link pluralise} puts the plural on a head before a preposition: a reading of the phrase's grammar, which a fix applied unattended should not rely on. */
export function pluralisesHead(phrase: string): boolean {
  return HEAD_BEFORE_PREPOSITION.test(phrase);
}
/** A preposition after the first word, with one word (perhaps after an article) to the end: where a long form's head noun ends (`standard of care`). */
const HEAD_BEFORE_PREPOSITION = /(?<=\S)\s+(?:of|for|in|under|with)\s+(?:(?:the|a|an)\s+)?\S+$/u;

function pluralOfLastWord(phrase: string): string {
  if (/s$/u.test(phrase)) return phrase;
  if (/[^aeiou]y$/u.test(phrase)) return phrase.slice(0, -1) + 'ies';
  return phrase + 's';
}

/**
 * A definition's long form as it reads inside a sentence: the capital that opening a sentence put
 * on its first word dropped (`Opportunities for improvement` after a full stop). A name keeps
 * its capitals: when the long form holds another capital (`American Society of
 * Anesthesiologists`, `Epstein–Barr virus`), or was written mid-sentence, it is returned as
 * written. A name of one capital (`Hodgkin lymphoma`) cannot be told from a sentence's capital
 * here: the caller says the result is not sure unless the knowledge base gives the case.
 */
export function longFormMidSentence(text: string, definition: Pick<AbbreviationDefinition, 'long' | 'longStart'> & { origin?: unknown }): string {
  const { long } = definition;
  if (definition.origin !== undefined || !/^\p{Lu}\p{Ll}/u.test(long) || /\p{Lu}/u.test(long.slice(1))) return long;
  return opensSentence(text, definition.longStart) ? long.charAt(0).toLowerCase() + long.slice(1) : long;
}
