import { checkDefinitions, checkFirstUse, checkLongFormRepeats, checkUnused, type RuleSwitch } from './abbreviationRules';
import { checkGeneItalics } from './geneRules';
import { checkForeignScript } from './scriptRules';
import { checkMixedSpelling } from './spellingRules';
import type { RuleId } from './ruleTable';
import { lowerBound } from '../text/sortedSearch';
import type { Finding, RuleContext } from './types';
import { textKeptOnce } from '../text/textKeptOnce';
import { checkDiscouraged, checkInconsistentVariants } from './variantRules';

/** Every rule check, each reading the one document model, with the rules it reports. */
const CHECKS: readonly { rules: readonly RuleId[]; check: (context: RuleContext, isOn: RuleSwitch) => Finding[] }[] = [
  { rules: ['undefined-abbreviation', 'used-before-definition'], check: checkFirstUse },
  { rules: ['redefined-abbreviation', 'conflicting-expansion'], check: checkDefinitions },
  { rules: ['long-form-after-abbreviation'], check: checkLongFormRepeats },
  { rules: ['unused-abbreviation'], check: checkUnused },
  { rules: ['discouraged-variant'], check: checkDiscouraged },
  { rules: ['gene-not-italic'], check: checkGeneItalics },
  { rules: ['inconsistent-variants'], check: checkInconsistentVariants },
  { rules: ['inconsistent-variants'], check: checkMixedSpelling },
  { rules: ['foreign-script'], check: checkForeignScript },
];

/**
 * Runs the rules that are on over the context's model; findings in document order. A check
 * whose rules are all `off` does not run (its findings would all be dropped), and one that
 * reports two rules skips the work of the one that is off.
 */
export function runRules(context: RuleContext, isOn: RuleSwitch = () => true): Finding[] {
  const findings: Finding[] = [];
  for (const { rules, check } of CHECKS) {
    if (!rules.some(isOn)) continue;
    const found = check(context, isOn);
    for (let i = 0; i < found.length; i++) findings.push(found[i]!);
  }
  // Quoted text may span a line break in the source; messages are one line. A message or fix
  // title said word for word again (one definition repeated all through a long text) is kept
  // once: 400,000 repeats of a definition held 400,000 copies of the same two sentences.
  const once = textKeptOnce();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const message = finding.message;
    // Most messages hold no line break: the expression runs only on those that do.
    finding.message = once(message.includes('\n') || message.includes('\r') ? message.replace(/\s*[\r\n]+\s*/gu, ' ') : message);
    const fixes = finding.fixes;
    if (fixes) for (let k = 0; k < fixes.length; k++) fixes[k]!.title = once(fixes[k]!.title);
  }
  return withoutRepeatedAdvice(withoutCutSymbols(findings)).sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/**
 * One token, one diagnostic: a spelled-out Greek letter cuts its symbol short (`IL-15R alpha`
 * reads as the mention `IL-15R`), so what is said of that piece is said of the wrong token. The
 * Greek-letter finding speaks for the whole; once it is fixed, the symbol is judged whole.
 */
function withoutCutSymbols(findings: Finding[]): Finding[] {
  const spelled: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule === 'discouraged-variant' && finding.data?.kind === 'greek-letter-name') spelled.push(finding);
  }
  if (spelled.length === 0) return findings;
  // Term occurrences never overlap: the one spelled form that may hold a finding is the last starting at or before it.
  spelled.sort((a, b) => a.start - b.start);
  const isCut = (finding: Finding): boolean => {
    const whole = spelled[lowerBound(spelled.length, (i) => spelled[i]!.start <= finding.start) - 1];
    return whole !== undefined && finding.end <= whole.end && finding.end - finding.start < whole.end - whole.start;
  };
  return findings.filter((finding) => finding.rule === 'discouraged-variant' || !isCut(finding));
}

/**
 * One token, one diagnostic: a gene symbol defined for its protein and never used again
 * (`granzyme B (GZMB)`) is told by unused-abbreviation to go, with the fix that removes it;
 * the gene-symbol finding on the same range would say the same again.
 */
function withoutRepeatedAdvice(findings: Finding[]): Finding[] {
  const unused = new Set<number>();
  const unusedByScope = new Map<string, Finding>();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule !== 'unused-abbreviation') continue;
    unused.add(finding.start);
    unusedByScope.set(`${finding.data?.scope}\u0000${finding.data?.key}`, finding);
  }
  if (unused.size === 0) return findings;
  agreeOnRepeatedLongForms(findings, unusedByScope);
  return findings.filter((finding) => !(finding.rule === 'discouraged-variant' && finding.data?.kind === 'gene-symbol' && unused.has(finding.start)));
}

/**
 * The long form of an abbreviation never used, written out again: `write the long form alone`
 * (unused) and `use SCR` (each repeat) would contradict each other. Each says the other half:
 * the unused finding counts the repeats, each repeat says the abbreviation is not used yet.
 */
function agreeOnRepeatedLongForms(findings: Finding[], unusedByScope: Map<string, Finding>): void {
  const repeats = new Map<Finding, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule !== 'long-form-after-abbreviation') continue;
    const owner = unusedByScope.get(`${finding.data?.scope}\u0000${finding.data?.key}`);
    if (!owner) continue;
    const list = repeats.get(owner);
    if (list) list.push(finding);
    else repeats.set(owner, [finding]);
  }
  for (const [owner, list] of repeats) {
    const where = list.length === 1 ? 'use it here' : 'use it here and at the other repeats';
    for (const repeat of list) repeat.message = repeat.message.replace(/; use '([^']*)'\.$/u, `, and '$1' is never used: ${where}, or drop the abbreviation and write the long form alone.`);
    const count = list.length;
    const times = count === 1 ? 'once more' : `${count} more times`;
    owner.message = owner.message.replace(/; write the long form alone\.$/u, `; its long form is written out ${times} after it: use '${owner.data?.key}' there, or drop it and write the long form alone.`);
  }
}
