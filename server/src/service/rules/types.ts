import type { KnowledgeBase } from '../knowledge/types';
import type { DefinitionNeeds } from '../model/definitionNeeds';
import type { DocumentModel, InheritedDefinition } from '../model/documentModel';
import type { ScopeDefinitions } from '../model/scopeDefinitions';
import type { Spelling } from '../model/expansions';

export type { Spelling } from '../model/expansions';
export { entryForKey } from '../knowledge/knowledgeBase';
import type { RuleId, SeveritySetting } from './ruleTable';

import type { OffsetEdit } from '../text/edits';

export type { OffsetEdit } from '../text/edits';

/** A quick fix a rule proposes for one finding. */
export interface FixProposal {
  /** Shown as the code action's title. */
  title: string;
  edits: OffsetEdit[];
  /** Meaning-preserving: may be applied unattended (`carnk lint --fix`, fix-all). */
  safe: boolean;
}

/** A rule finding before severity and positions are applied: offsets into the text. */
export interface Finding {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  /** Plain data for tooling (keys, scopes, replacements). */
  data?: Record<string, unknown>;
  fixes?: FixProposal[];
  /**
   * Reported at most at this severity, below the rule's (`information` for an undefined
   * standard gene symbol), unless a setting named by `liftedBy` is on. While capped, its
   * fixes are quick fixes only: fix-all does not apply them.
   */
  cap?: SeverityCap;
}

/**
 * A per-finding lowering of the rule's severity, and the setting that lifts it; without one
 * the lowering holds always (a style choice, a gene symbol written for its protein).
 */
export interface SeverityCap {
  /** `off`: not reported unless a setting lifts the cap. */
  severity: SeveritySetting;
  /** The settings any one of which restores the rule's severity. */
  liftedBy?: readonly ('defineGeneSymbols' | 'defineInLegends' | 'defineToolNames')[];
}


/** Everything a rule may read. */
export interface RuleContext {
  model: DocumentModel;
  needs: DefinitionNeeds;
  scopes: ScopeDefinitions;
  knowledge: KnowledgeBase | undefined;
  spelling: Spelling;
  /** Keys that later files of the same book use (so a definition here is not unused). */
  usedLater?: ReadonlySet<string>;
  /** Keys that earlier files of the same book use in the main text (their first use is reported there). */
  usedEarlier?: ReadonlySet<string>;
  /** Main-text definitions that later files of the same book make first, by key. */
  definedLater?: ReadonlyMap<string, InheritedDefinition>;
  /** In a book: keys another file writes as names (`bat coronavirus RaTG13`). */
  bookNames?: ReadonlySet<string>;
  /** In a book: keys another file names as a tool or resource (`X (v1.1.3)`). */
  bookTools?: ReadonlySet<string>;
  /** In a book: the spellings the other files write (see `BookContext.spellings`). */
  bookSpellings?: { british: number; american: number; words: Record<string, number>; names?: Record<string, number>; earlierNames?: string[] };
}

