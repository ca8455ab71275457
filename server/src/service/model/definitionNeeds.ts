import noDefinition from '../../../../data/no-definition.json';

/** Decides whether an abbreviation key must be defined at first use. */
export interface DefinitionNeeds {
  /** True when journals let authors use `key` without defining it. */
  isExempt(key: string): boolean;
}

const exemptKeys = new Set<string>(Object.values(noDefinition.groups).flat());
const exemptPatterns = noDefinition.patterns.items.map((source) => new RegExp(source, 'u'));

/**
 * The built-in exemptions (`data/no-definition.json`), extended by the keys that a
 * knowledge base marks as needing no definition and by user-listed keys.
 */
export function createDefinitionNeeds(extraExemptKeys: Iterable<string> = []): DefinitionNeeds {
  const keys = new Set(exemptKeys);
  for (const key of extraExemptKeys) keys.add(key);
  return {
    isExempt(key: string): boolean {
      return keys.has(key) || exemptPatterns.some((pattern) => pattern.test(key));
    },
  };
}
