import { checkDefinitions, checkFirstUse, checkLongFormRepeats, checkUnused } from './abbreviationRules';
import { checkGeneItalics } from './geneRules';
import { checkForeignScript } from './scriptRules';
import type { Finding, RuleContext } from './types';
import { checkDiscouraged, checkInconsistentVariants } from './variantRules';

/** Every rule check, each reading the one document model. */
const CHECKS: readonly ((context: RuleContext) => Finding[])[] = [
  checkFirstUse,
  checkDefinitions,
  checkLongFormRepeats,
  checkUnused,
  checkDiscouraged,
  checkGeneItalics,
  checkInconsistentVariants,
  checkForeignScript,
];

/** Runs every rule over the context's model; findings in document order. */
export function runRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const found = check(context);
    for (let i = 0; i < found.length; i++) findings.push(found[i]!);
  }
  // Quoted text may span a line break in the source; messages are one line.
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    finding.message = finding.message.replace(/\s*[\r\n]+\s*/gu, ' ');
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
