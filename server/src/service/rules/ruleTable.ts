/** Severity of a rule's diagnostics, or `off`. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A configured severity: a severity, or `off` to silence the rule. */
export type SeveritySetting = Severity | 'off';

/** Stable rule ids: part of the CLI and editor contract, never renamed. */
export type RuleId = 'undefined-abbreviation' | 'used-before-definition' | 'redefined-abbreviation';

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
    safeFix: false,
  },
  {
    id: 'used-before-definition',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is used before the sentence that defines it in the same scope.',
    safeFix: false,
  },
  {
    id: 'redefined-abbreviation',
    defaultSeverity: 'warning',
    summary: 'An abbreviation is defined again in a scope that already defines it.',
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
