import { checkDefinitions, checkFirstUse, checkLongFormRepeats, checkUnused } from './abbreviationRules';
import { checkGeneItalics } from './geneRules';
import { checkForeignScript } from './scriptRules';
import type { RuleId } from './ruleTable';
import type { Finding, RuleContext } from './types';
import { checkDiscouraged, checkInconsistentVariants } from './variantRules';

/** Every rule check, each reading the one document model, with the rules it reports. */
const CHECKS: readonly { rules: readonly RuleId[]; check: (context: RuleContext) => Finding[] }[] = [
  { rules: ['undefined-abbreviation', 'used-before-definition'], check: checkFirstUse },
  { rules: ['redefined-abbreviation', 'conflicting-expansion'], check: checkDefinitions },
  { rules: ['long-form-after-abbreviation'], check: checkLongFormRepeats },
  { rules: ['unused-abbreviation'], check: checkUnused },
  { rules: ['discouraged-variant'], check: checkDiscouraged },
  { rules: ['gene-not-italic'], check: checkGeneItalics },
  { rules: ['inconsistent-variants'], check: checkInconsistentVariants },
  { rules: ['foreign-script'], check: checkForeignScript },
];

/**
 * Runs the rules that are on over the context's model; findings in document order. A check
 * whose rules are all `off` does not run (its findings would all be dropped).
 */
export function runRules(context: RuleContext, isOn: (rule: RuleId) => boolean = () => true): Finding[] {
  const findings: Finding[] = [];
  for (const { rules, check } of CHECKS) {
    if (!rules.some(isOn)) continue;
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
