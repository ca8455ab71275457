/** Severity of a rule's diagnostics, or `off`. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A configured severity: a severity, or `off` to silence the rule. */
export type SeveritySetting = Severity | 'off';

/** Stable rule ids: part of the CLI and editor contract, never renamed. */
export type RuleId =
  | 'undefined-abbreviation'
  | 'used-before-definition'
  | 'redefined-abbreviation'
  | 'conflicting-expansion'
  | 'long-form-after-abbreviation'
  | 'unused-abbreviation'
  | 'discouraged-variant'
  | 'gene-not-italic'
  | 'inconsistent-variants'
  | 'foreign-script'
  | 'invalid-configuration';

/** One row of the rule table. */
export interface RuleDescription {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line shown in SARIF rule metadata and documentation. */
  summary: string;
  /** Whether its quick fix preserves meaning and may be applied unattended (`--fix`). */
  safeFix: boolean;
}

/** Every rule, in the order documented in `docs/rules.md`. */
export const RULES: readonly RuleDescription[] = [
  {
    id: 'undefined-abbreviation',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is used in a scope (abstract, main text, a legend) that never defines it.',
    safeFix: true,
  },
  {
    id: 'used-before-definition',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is used before the sentence that defines it in the same scope.',
    safeFix: true,
  },
  {
    id: 'redefined-abbreviation',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is defined again in a scope that already defines it.',
    safeFix: true,
  },
  {
    id: 'conflicting-expansion',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is defined with an expansion that differs from an earlier definition or from every expansion the knowledge base accepts.',
    safeFix: false,
  },
  {
    id: 'long-form-after-abbreviation',
    defaultSeverity: 'information',
    summary: 'A long form is written out again after its abbreviation was introduced in the same scope.',
    safeFix: true,
  },
  {
    id: 'unused-abbreviation',
    defaultSeverity: 'information',
    summary: 'An abbreviation is defined but never used again in its scope.',
    safeFix: false,
  },
  {
    id: 'discouraged-variant',
    defaultSeverity: 'warning',
    summary: 'A written form the knowledge base discourages (TGF-beta, IFN-gamma, NK92; a gene symbol for its protein; a style choice), with the reason.',
    safeFix: true,
  },
  {
    id: 'gene-not-italic',
    defaultSeverity: 'warning',
    summary: 'A human gene symbol in a gene context (knockout, mRNA, locus, promoter...) is written in roman type.',
    safeFix: true,
  },
  {
    id: 'inconsistent-variants',
    defaultSeverity: 'information',
    summary: 'Several accepted variants of one term are used in one document without saying they are the same.',
    safeFix: false,
  },
  {
    id: 'foreign-script',
    defaultSeverity: 'warning',
    summary: 'A stray word in another script, or a look-alike letter of another script inside an English word.',
    safeFix: true,
  },
  {
    id: 'invalid-configuration',
    defaultSeverity: 'warning',
    summary: 'A carnk setting in the front matter (or a .carnkrc file) has an unknown name or a value of the wrong type.',
    safeFix: false,
  },
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, if there is one. */
export function ruleById(id: string): RuleDescription | undefined {
  return BY_ID.get(id as RuleId);
}

/** Per-rule severity overrides, as settings and `.carnkrc` give them. */
export type RuleSeverities = Partial<Record<string, SeveritySetting>>;

/** The severity in force for `rule` under `overrides`, or `off`. */
export function effectiveSeverity(rule: RuleDescription, overrides: RuleSeverities | undefined): SeveritySetting {
  const configured = overrides?.[rule.id];
  return configured ?? rule.defaultSeverity;
}

const RANK: Record<SeveritySetting, number> = { off: 0, hint: 1, information: 2, warning: 3, error: 4 };

/** The less severe of a rule's severity and a finding's cap (`off` stays off; no cap, no change). */
export function cappedSeverity(severity: SeveritySetting, cap: SeveritySetting | undefined): SeveritySetting {
  return cap !== undefined && RANK[cap] < RANK[severity] ? cap : severity;
}
