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

/**
 * The resource's name as a message names it, with its article (`the Kyoto Encyclopedia …`, `The
 * Cancer Genome Atlas`), and as a definition writes it after the text's own article (`the TCGA`
 * gets `Cancer Genome Atlas (TCGA)`, not a second article).
 */
export function resourceNameWith(resource: ResourceName, articleWritten: boolean): string {
  const ownArticle = resource.name.startsWith('The ');
  if (articleWritten) return ownArticle ? resource.name.slice(4) : resource.name;
  return ownArticle ? resource.name : `the ${resource.name}`;
}
