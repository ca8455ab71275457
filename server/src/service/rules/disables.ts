import type { HtmlComment } from '../markdown/inlineExclusions';
import type { LineIndex } from '../text/lineIndex';

/** A directive found in an HTML comment: `carnk-disable`, `carnk-enable`, `carnk-disable-next-line`, `carnk-disable-line`. */
interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids named; empty means every rule. */
  rules: string[];
  offset: number;
  line: number;
}

const DIRECTIVE = /^carnk-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/u;

/** Answers whether a rule is switched off at an offset by inline comments. */
export interface InlineDisables {
  isDisabled(rule: string, offset: number): boolean;
}

/**
 * Reads inline directives from HTML comments:
 * `<!-- carnk-disable-next-line rule-id -->`, `<!-- carnk-disable-line -->`,
 * `<!-- carnk-disable rule-id -->` … `<!-- carnk-enable rule-id -->`. Without rule ids a
 * directive applies to every rule.
 */
export function readInlineDisables(comments: readonly HtmlComment[], lines: LineIndex): InlineDisables {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const rules = match[2]!.split(/[\s,]+/u).filter((r) => /^[a-z][a-z-]*$/u.test(r));
    const kind = match[1] as Directive['kind'];
    const line = kind === 'disable-next-line' ? lines.lineAt(comment.end) + 1 : lines.lineAt(comment.start);
    directives.push({ kind, rules, offset: comment.end, line });
  }
  if (directives.length === 0) return { isDisabled: () => false };
  return {
    isDisabled(rule: string, offset: number): boolean {
      const line = lines.lineAt(offset);
      let disabled = false;
      for (const directive of directives) {
        const applies = directive.rules.length === 0 || directive.rules.includes(rule);
        if (!applies) continue;
        if ((directive.kind === 'disable-next-line' || directive.kind === 'disable-line') && directive.line === line) return true;
        if (directive.offset > offset) continue;
        if (directive.kind === 'disable') disabled = true;
        else if (directive.kind === 'enable') disabled = false;
      }
      return disabled;
    },
  };
}
