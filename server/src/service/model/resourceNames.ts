// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import resources from '#data/resources.json';
import type { KnowledgeBase } from '../knowledge/types';
import { knowledgeAsksToDefine } from './definitionNeeds';

/**
 * A database, archive, cell collection, classification or agency named in capitals
 * (`data/resources.json`): methods sections cite such names as proper names, and journals differ
 * on spelling them out.
 */
export interface ResourceName {
  /** The full name the letters abbreviate (`Kyoto Encyclopedia of Genes and Genomes`). */
  name: string;
  /** What it is, in a few words (`a database of pathways and gene functions`). */
  what: string;
}

const RESOURCES = new Map<string, ResourceName>(Object.entries(resources.resources));

/**
 * The resource `key` names, written as listed (case-sensitive), unless the knowledge base knows
 * the letters as an abbreviation to define (its reading is the field's own, as `FDA`'s is).
 */
export function resourceNamed(knowledge: KnowledgeBase | undefined, key: string): ResourceName | undefined {
  const resource = RESOURCES.get(key);
  return resource && !knowledgeAsksToDefine(knowledge, key) ? resource : undefined;
}
