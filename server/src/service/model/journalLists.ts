// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import lists from '#data/standard-abbreviations.json';

/** An abbreviation two or more immunology journals' lists of standard abbreviations print undefined. */
export interface JournalListing {
  /** The expansion the lists give (`analysis of variance`). */
  expansion: string;
  /** The journals whose lists hold it, by name (`The Journal of Immunology`). */
  journals: string[];
}

const SOURCES = new Map<string, string>(Object.entries(lists.sources).map(([id, source]) => [id, source.name]));
const LISTED = new Map<string, JournalListing>(
  Object.entries(lists.abbreviations).map(([key, entry]) => [key, { expansion: entry.expansion, journals: entry.lists.map((id) => SOURCES.get(id) ?? id) }]),
);

/** The listing of `key`, written as listed (case-sensitive), if the journals' lists hold it (`data/standard-abbreviations.json`). */
export function journalListing(key: string): JournalListing | undefined {
  return LISTED.get(key);
}
