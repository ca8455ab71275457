import { checkDefinitions, checkFirstUse, checkLongFormRepeats, checkUnused, type RuleSwitch } from './abbreviationRules';
import { checkGeneItalics } from './geneRules';
import { checkForeignScript } from './scriptRules';
import { checkMixedSpelling } from './spellingRules';
import { checkNameSpellings } from './nameSpellings';
import { checkHyphenSpellings } from './hyphenSpellings';
import { checkSlipSpellings } from './slipSpellings';
import { checkCaseSpellings } from './caseSpellings';
import type { RuleId } from './ruleTable';
import { lowerBound } from '../text/sortedSearch';
import type { Finding, RuleContext } from './types';
import { textKeptOnce } from '../text/textKeptOnce';
import { GLYPH_FILL, withoutGlyphFill } from '../text/characters';
import { checkDiscouraged, checkInconsistentVariants } from './variantRules';

/** Every rule check, each reading the one document model, with the rules it reports. */
const CHECKS: readonly { rules: readonly RuleId[]; check: (context: RuleContext, isOn: RuleSwitch) => Finding[] }[] = [
  { rules: ['undefined-abbreviation', 'used-before-definition', 'inconsistent-variants'], check: checkFirstUse },
  { rules: ['redefined-abbreviation', 'conflicting-expansion'], check: checkDefinitions },
  { rules: ['long-form-after-abbreviation'], check: checkLongFormRepeats },
  { rules: ['unused-abbreviation'], check: checkUnused },
  { rules: ['discouraged-variant'], check: checkDiscouraged },
  { rules: ['gene-not-italic'], check: checkGeneItalics },
  { rules: ['inconsistent-variants'], check: checkInconsistentVariants },
  { rules: ['inconsistent-variants'], check: checkMixedSpelling },
  { rules: ['inconsistent-variants'], check: checkNameSpellings },
  { rules: ['inconsistent-variants'], check: checkHyphenSpellings },
  { rules: ['inconsistent-variants'], check: checkSlipSpellings },
  { rules: ['inconsistent-variants'], check: checkCaseSpellings },
  { rules: ['foreign-script'], check: checkForeignScript },
];

/** How many findings a lint has before their messages and titles are kept once each (see `textKeptOnce`). */
const KEEP_ONCE_FROM = 2000;

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
  // Below a few thousand findings the copies cost nothing worth a lookup per string (each a hash of a new string, every keystroke).
  const once = findings.length > KEEP_ONCE_FROM ? textKeptOnce() : (text: string) => text;
  if (context.model.prose.masked.includes(GLYPH_FILL)) for (let i = 0; i < findings.length; i++) asPrinted(findings[i]!);
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const message = finding.message;
    // Most messages hold no line break: the expression runs only on those that do.
    finding.message = once(message.includes('\n') || message.includes('\r') ? message.replace(/\s*[\r\n]+\s*/gu, ' ') : message);
    const fixes = finding.fixes;
    if (fixes) for (let k = 0; k < fixes.length; k++) fixes[k]!.title = once(fixes[k]!.title);
  }
  return withoutRepeatedAdvice(withoutCutSymbols(withoutUndefinedMisspelledNames(withoutSecondSpellingAdvice(findings), context.model.text)), context).sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/**
 * One token, one piece of spelling advice: an abbreviation spelt three ways (`ECOG 2`, `ECOG-2`,
 * `ECOG2`) can be told by the mention checks (`use 'ECOG-2'`) and by the name check (`use 'ECOG
 * 2'`) at the same place, with fixes that contradict each other. The mention checks' finding,
 * which knows the abbreviation's definition, speaks for it.
 */
function withoutSecondSpellingAdvice(findings: Finding[]): Finding[] {
  let mentionAdvice: Set<string> | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule === 'inconsistent-variants' && finding.data?.name !== true) (mentionAdvice ??= new Set()).add(`${finding.start}:${finding.end}`);
  }
  if (!mentionAdvice) return findings;
  const told = mentionAdvice;
  return findings.filter((finding) => finding.data?.name !== true || !told.has(`${finding.start}:${finding.end}`));
}

/**
 * One problem, one report: a name's other spelling (`QAS9` where the text writes `Qas9`, a
 * protein's name) is told by the name check, with the fix that writes it as elsewhere. Asking
 * for a definition of the misspelling too sends the author after letters no one abbreviated.
 * Kept when the spelling the name check keeps is itself reported undefined: then both forms lack
 * a definition, which the first-use check tells. An undefined abbreviation written two ways
 * (`qzRNPA1` beside `QZRNPA1`) lacks one definition: it is told at the spelling kept, and the other
 * spelling's finding says only that it is another spelling.
 */
function withoutUndefinedMisspelledNames(findings: Finding[], text: string): Finding[] {
  let respelled: Map<string, string> | undefined;
  let otherSpellings: Map<string, string> | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    // An undefined abbreviation's other spelling (`qzRNPA1` beside `QZRNPA1`): its definition is missing once, told at the spelling kept.
    if (finding.rule === 'inconsistent-variants' && finding.data?.undefinedSpelling === true && typeof finding.data.dominant === 'string') {
      (otherSpellings ??= new Map()).set(`${finding.start}:${finding.end}`, finding.data.dominant);
    }
    // Only a spelling kept in this document: of one only another file writes, this document cannot tell whether it is defined.
    if (finding.rule === 'inconsistent-variants' && finding.data?.name === true && finding.data.keptHere === true && typeof finding.data.dominant === 'string') {
      (respelled ??= new Map()).set(`${finding.start}:${finding.end}`, finding.data.dominant);
    }
  }
  if (otherSpellings) findings = withoutSecondUndefinedSpelling(findings, otherSpellings, text);
  if (!respelled) return findings;
  const undefinedForms = new Set<string>();
  for (let i = 0; i < findings.length; i++) if (findings[i]!.rule === 'undefined-abbreviation') undefinedForms.add(text.slice(findings[i]!.start, findings[i]!.end));
  const told = respelled;
  return findings.filter((finding) => {
    if (finding.rule !== 'undefined-abbreviation') return true;
    const dominant = told.get(`${finding.start}:${finding.end}`);
    return dominant === undefined || undefinedForms.has(dominant);
  });
}

/**
 * Drops the undefined finding at another spelling of an abbreviation (`spelledOtherwise`: its
 * range to the spelling kept) whose kept spelling is reported undefined in the same scope: one
 * missing definition, told once. In another scope (a legend) each spelling is its scope's own.
 */
function withoutSecondUndefinedSpelling(findings: Finding[], spelledOtherwise: Map<string, string>, text: string): Finding[] {
  const undefinedInScope = new Set<string>();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule === 'undefined-abbreviation') undefinedInScope.add(`${finding.data?.scope}\u0000${text.slice(finding.start, finding.end)}`);
  }
  return findings.filter((finding) => {
    if (finding.rule !== 'undefined-abbreviation') return true;
    const kept = spelledOtherwise.get(`${finding.start}:${finding.end}`);
    return kept === undefined || !undefinedInScope.has(`${finding.data?.scope}\u0000${kept}`);
  });
}

/**
 * A finding's words as printed: a Greek letter written in math inside a word reads as the letter
 * in the masked text, with glyph fill after it (`GLYPH_FILL`), which no message, datum or
 * fix may carry. A fix writes the letter itself (`NF-κB` for `NF-$\kappa$B`), the same word.
 */
function asPrinted(finding: Finding): void {
  finding.message = withoutGlyphFill(finding.message);
  if (finding.data) for (const key of Object.keys(finding.data)) if (typeof finding.data[key] === 'string') finding.data[key] = withoutGlyphFill(finding.data[key] as string);
  for (const fix of finding.fixes ?? []) {
    fix.title = withoutGlyphFill(fix.title);
    for (const edit of fix.edits) edit.newText = withoutGlyphFill(edit.newText);
  }
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
 * the gene-symbol finding on the same range would say the same again. And one problem, one
 * diagnostic: the long form of an abbreviation never used, written out again, is that unused
 * finding's problem (see `foldRepeatedLongForms`).
 */
function withoutRepeatedAdvice(findings: Finding[], context: RuleContext): Finding[] {
  const unused = new Set<number>();
  const unusedByScope = new Map<string, Finding>();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    if (finding.rule !== 'unused-abbreviation') continue;
    unused.add(finding.start);
    unusedByScope.set(`${finding.data?.scope}\u0000${finding.data?.key}`, finding);
  }
  if (unused.size === 0) return findings;
  const folded = foldRepeatedLongForms(findings, unusedByScope, context);
  return findings.filter((finding) => !folded.has(finding) && !(finding.rule === 'discouraged-variant' && finding.data?.kind === 'gene-symbol' && unused.has(finding.start)));
}

/** How many repeat lines an unused finding's message names before it only counts the rest. */
const SHOWN_LINES = 5;

/**
 * The long form of an abbreviation never used, written out again: `write the long form alone`
 * (unused) and `use SCR` at each repeat would be two diagnostics, and two contradicting pieces of
 * advice, for one problem. The unused finding speaks for both and names the repeats' lines; the
 * repeats are returned to be dropped.
 */
function foldRepeatedLongForms(findings: Finding[], unusedByScope: Map<string, Finding>, context: RuleContext): Set<Finding> {
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
  const folded = new Set<Finding>();
  for (const [owner, list] of repeats) {
    const lines = [...new Set(list.map((repeat) => context.model.lines.lineAt(repeat.start) + 1))];
    const where = lines.length === 1 ? `line ${lines[0]}` : lines.length <= SHOWN_LINES ? `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}` : `lines ${lines.slice(0, SHOWN_LINES).join(', ')} and ${lines.length - SHOWN_LINES} more`;
    const times = list.length === 1 ? 'once more' : `${list.length} more times`;
    owner.message = owner.message.replace(/; write the long form alone\.$/u, `; its long form is written out ${times} after it (${where}): use '${owner.data?.key}' there, or drop it and write the long form alone.`);
    owner.data = { ...owner.data, repeatLines: lines.map((line) => line - 1) };
    for (const repeat of list) folded.add(repeat);
  }
  return folded;
}
