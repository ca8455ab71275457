// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import noDefinition from '#data/no-definition.json';
import type { KnowledgeBase } from '../knowledge/types';
import type { AbbreviationDefinition } from './documentModel';
import { foldExpansion } from './expansions';

/** Decides whether an abbreviation key must be defined at first use. */
export interface DefinitionNeeds {
  /** True when journals let authors use `key` without defining it. */
  isExempt(key: string): boolean;
}

const exemptKeys = new Set<string>(Object.values(noDefinition.groups).flat());
const exemptPatterns = noDefinition.patterns.items.map((source) => new RegExp(source, 'u'));
/**
 * A combining form written onto an abbreviation (`microRNA`, `microDNA`, `polyDNA`): the word it
 * makes needs a definition only if the abbreviation does. Clipped words are no combining forms:
 * `circRNA`, `lncRNA` and `miRNA` stay abbreviations to define.
 */
const COMBINING_FORM = /^(?:micro|macro|nano|mini|mega|multi|poly|mono|oligo)(?=\p{Lu})/u;
/** A number written onto a unit (`20mM`, `65mmHg`, `2.5kDa`): a quantity, not an abbreviation. */
const NUMBER_AND_UNIT = /^\p{N}+(?:[.,]\p{N}+)?(\p{L}.*)$/u;
const units = new Set<string>(noDefinition.groups['units and quantities']);

/**
 * The built-in exemptions (`data/no-definition.json`), extended by the keys that a
 * knowledge base marks as needing no definition and by user-listed keys.
 */
export function createDefinitionNeeds(extraExemptKeys: Iterable<string> = []): DefinitionNeeds {
  const keys = new Set(exemptKeys);
  for (const key of extraExemptKeys) keys.add(key);
  return {
    isExempt(key: string): boolean {
      if (keys.has(key) || exemptPatterns.some((pattern) => pattern.test(key))) return true;
      const unit = NUMBER_AND_UNIT.exec(key)?.[1];
      if (unit !== undefined && units.has(unit)) return true;
      const form = COMBINING_FORM.exec(key)?.[0];
      return form !== undefined && this.isExempt(key.slice(form.length));
    },
  };
}

/** The one meaning each listed key is exempt in (`SD`: standard deviation), folded. */
const senses = new Map<string, string>(Object.entries(noDefinition.senses.items).map(([key, sense]) => [key, foldExpansion(sense)]));

/**
 * `needs` for one document: an exempt key the document defines in another sense than the one it
 * is exempt in (`standard dose (SD)`, `continuous integration (CI)`) is the document's own
 * abbreviation, and needs its definition in every scope like any other. Defined in its usual
 * sense (`standard deviation (SD)`), it stays exempt.
 */
export function withOwnSenses(needs: DefinitionNeeds, definitions: readonly AbbreviationDefinition[]): DefinitionNeeds {
  let own: Set<string> | undefined;
  for (let i = 0; i < definitions.length; i++) {
    const { key, long } = definitions[i]!;
    const sense = senses.get(key);
    if (sense === undefined || foldExpansion(long).startsWith(sense)) continue;
    (own ??= new Set()).add(key);
  }
  if (!own) return needs;
  const ownKeys = own;
  return { isExempt: (key: string) => !ownKeys.has(key) && needs.isExempt(key) };
}

/**
 * True when the knowledge base knows `key` as an abbreviation to define, in its own letters (a
 * folded spelling or a discouraged form says nothing of this one): no context makes it a name.
 */
export function knowledgeAsksToDefine(knowledge: KnowledgeBase | undefined, key: string): boolean {
  return knowledge?.lookupAll(key).some((found) => !found.folded && found.kind !== 'discouraged' && found.entry.needsDefinition) ?? false;
}
