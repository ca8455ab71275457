import type { AbbreviationDefinition, DocumentModel, InheritedDefinition, ScopeName } from './documentModel';
import type { DefinitionNeeds } from './definitionNeeds';
import { isAbbreviationSegment, isSequencingSuffix } from './mentions';
import { legendReferences } from './legendReferences';

/** Where, within one scope, a key counts as defined. */
export interface DefinitionSite {
  /** Offset from which uses are covered (a list covers its whole scope: -1). */
  from: number;
  /** The definition itself (for a compound, the latest of its parts' definitions). */
  definition: AbbreviationDefinition;
  /** For compounds such as `CAR-NK`: the part definitions that make it up. */
  parts?: AbbreviationDefinition[];
}

/** Lookup of definitions per scope and key, shared by the rules and the editor features. */
export class ScopeDefinitions {
  private readonly index = new Map<string, AbbreviationDefinition[]>();
  private readonly inherited = new Map<string, AbbreviationDefinition>();
  private readonly inheritedAbstract = new Map<string, AbbreviationDefinition>();
  /** For a key an earlier file listed: the definition an earlier file then wrote in its text. */
  private readonly inheritedWritten = new Map<string, AbbreviationDefinition>();
  /** Legends whose abbreviations are those of other legends (`Abbreviations as in Table 1`), with those legends' scopes: read when first asked. */
  private referredScopes: Map<ScopeName, ScopeName[]> | undefined;
  private readonly model: DocumentModel;

  /**
   * `inherited`: definitions from earlier files of a book; they cover the main text (or document
   * scope) from its start. `abstracts`: the abstract's definitions an earlier file made (Manubot's
   * abstract is a file of its own), which cover nothing here but are an expansion to agree with.
   */
  constructor(model: DocumentModel, inherited: readonly InheritedDefinition[] = [], abstracts: readonly InheritedDefinition[] = []) {
    this.model = model;
    for (let i = 0; i < model.definitions.length; i++) {
      const definition = model.definitions[i]!;
      const id = `${definition.scope}\u0000${definition.key}`;
      const list = this.index.get(id);
      if (list) list.push(definition);
      else this.index.set(id, [definition]);
    }
    const scope = model.scopeMode === 'document' ? 'document' : 'main';
    for (const carried of inherited) {
      if (this.inherited.has(carried.key)) continue;
      this.inherited.set(carried.key, carriedDefinition(carried, scope));
      if (carried.written) this.inheritedWritten.set(carried.key, carriedDefinition(carried.written, scope));
    }
    for (const carried of abstracts) if (!this.inheritedAbstract.has(carried.key)) this.inheritedAbstract.set(carried.key, carriedDefinition(carried, 'abstract'));
  }

  /** The definition of `key` an earlier file's abstract made, if any: an expansion the text should agree with, not a definition in force here. */
  abstractInheritedFor(key: string): AbbreviationDefinition | undefined {
    return this.inheritedAbstract.get(key);
  }

  /** The keys earlier files of the book define. */
  inheritedKeys(): IterableIterator<string> {
    return this.inherited.keys();
  }

  /** The definitions earlier files of the book made, each covering the main text (or document scope) named in it. */
  inheritedDefinitions(): IterableIterator<AbbreviationDefinition> {
    return this.inherited.values();
  }

  /** The definition an earlier file of the book made for `key`, if it reaches `scope`. */
  inheritedFor(scope: ScopeName, key: string): AbbreviationDefinition | undefined {
    return scope === 'main' || scope === 'document' ? this.inherited.get(key) : undefined;
  }

  /**
   * The definition an earlier file wrote in its text for `key`, if it reaches `scope`: the carried
   * one, or, when that is a list entry, the text's first definition after it (a later one repeats it).
   */
  inheritedWrittenFor(scope: ScopeName, key: string): AbbreviationDefinition | undefined {
    const carried = this.inheritedFor(scope, key);
    if (!carried?.origin?.listed) return carried;
    return this.inheritedWritten.get(key);
  }

  /** Definitions of `key` in `scope`, in document order. */
  definitionsOf(scope: ScopeName, key: string): AbbreviationDefinition[] {
    return this.index.get(`${scope}\u0000${key}`) ?? [];
  }

  /**
   * The definition that introduces `key` in `scope`: the first in the text, or a list entry. A
   * legend's or an abstract's key is read with the text it closes, so it covers its scope; a list
   * in the running text (a section headed Abbreviations) defines from where it stands, so a list
   * at the back does not define a first use before it, and a front list covers all that follows.
   * A legend that refers its abbreviations to other legends is covered by their definitions.
   */
  private introduction(scope: ScopeName, key: string): { from: number; definition: AbbreviationDefinition } | undefined {
    const carried = this.inheritedFor(scope, key);
    if (carried) return { from: -1, definition: carried };
    const all = this.definitionsOf(scope, key);
    const listed = scope === 'main' || scope === 'document' ? undefined : all.find((d) => d.pattern === 'list');
    if (listed) return { from: -1, definition: listed };
    const first = all[0];
    if (first) return { from: first.shortStart, definition: first };
    // A legend that takes its abbreviations from other legends (`Abbreviations as in Table 1`): what they define covers it.
    if (!scope.startsWith('legend:')) return undefined;
    this.referredScopes ??= legendReferences(this.model);
    for (const referred of this.referredScopes.get(scope) ?? []) {
      const there = this.definitionsOf(referred, key)[0];
      if (there) return { from: -1, definition: there };
    }
    return undefined;
  }

  /**
   * Where `key` becomes defined in `scope`: its own first definition, or, for a
   * hyphenated compound (`CAR-NK`, `SARS-CoV-2-RBD`, `PB-NK`), the point where it can be
   * read as parts that are each defined, exempt or a number, at least one of them defined;
   * for a capitalised word glued to an abbreviation (`OpenPBTA`), where that abbreviation is.
   */
  siteOf(scope: ScopeName, key: string, needs: DefinitionNeeds): DefinitionSite | undefined {
    return this.introduction(scope, key) ?? this.compoundSite(this.compoundReading(scope, key, needs));
  }

  /**
   * What the first-use rule needs in one reading of the key: `exempt` for a compound made only
   * of exempt parts and numbers (`33.8-kDa`, `CD3-HLA`: it needs no definition), else the
   * site where the key becomes defined (see {@link siteOf}), or undefined.
   */
  coverage(scope: ScopeName, key: string, needs: DefinitionNeeds): DefinitionSite | 'exempt' | undefined {
    const reading = this.compoundReading(scope, key, needs);
    if (reading?.length === 0) return 'exempt';
    return this.introduction(scope, key) ?? this.compoundSite(reading);
  }

  /** The site a compound reading gives: where its last defined part is defined. */
  private compoundSite(reading: { from: number; definition: AbbreviationDefinition }[] | undefined): DefinitionSite | undefined {
    if (!reading || reading.length === 0) return undefined;
    const latest = reading.reduce((a, b) => (b.from > a.from ? b : a));
    return { from: latest.from, definition: latest.definition, parts: reading.map((s) => s.definition) };
  }

  /** Where the family of a numbered member (`STAT5`, `hIgG1`, `FcγRIIb`) is introduced in `scope`, if it is. */
  private familyIntroduction(scope: ScopeName, key: string): { from: number; definition: AbbreviationDefinition } | undefined {
    const family = memberFamilyOf(key);
    return family === undefined ? undefined : this.introduction(scope, family);
  }

  /**
   * Reads a hyphenated key as consecutive parts (each one or more of its segments): a part
   * is defined in `scope`, exempt, a number, or a segment that is no abbreviation (`β`, `T`).
   * Returns the defined parts' sites of the reading whose latest site comes first (empty when
   * every part is exempt), or undefined when no reading covers the key.
   */
  private compoundReading(scope: ScopeName, key: string, needs: DefinitionNeeds): { from: number; definition: AbbreviationDefinition }[] | undefined {
    // A capitalised word glued to a defined abbreviation (`OpenPBTA` once `PBTA` is defined): a name built on it.
    const glued = WORD_BEFORE_ABBREVIATION.exec(key);
    if (glued) {
      const site = this.introduction(scope, glued[2]!);
      return site ? [site] : undefined;
    }
    // A numbered member of a defined family (`STAT5`, `TLR4` once `STAT`, `TLR` are defined; `FcγRIIb` once `FcγR` is).
    const familySite = this.familyIntroduction(scope, key);
    if (familySite) return [familySite];
    const segments = key.split('-');
    if (segments.length < 2 || segments.length > 12) return undefined;
    // `exempt`: some part is an exempt abbreviation, so a reading without defined parts needs no definition (`33.8-kDa`, not `A-T`).
    type Reading = { latest: number; sites: { from: number; definition: AbbreviationDefinition }[]; exempt: boolean };
    // best[i]: the best reading of the first i segments.
    const best: (Reading | undefined)[] = [{ latest: Number.NEGATIVE_INFINITY, sites: [], exempt: false }];
    for (let end = 1; end <= segments.length; end++) {
      for (let begin = 0; begin < end; begin++) {
        const before = best[begin];
        if (!before || (begin === 0 && end === segments.length)) continue;
        const part = segments.slice(begin, end).join('-');
        let site: { from: number; definition: AbbreviationDefinition } | undefined;
        const exempt = needs.isExempt(part);
        // `seq` abbreviates a word, so `RNA-seq` needs its own definition even though `RNA` needs none.
        const neutral = exempt || NUMBER.test(part) || (end - begin === 1 && !isAbbreviationSegment(part) && !isSequencingSuffix(part));
        if (!neutral) {
          site = this.introduction(scope, part) ?? this.familyIntroduction(scope, part);
          if (!site) continue;
        }
        const reading: Reading = site
          ? { latest: Math.max(before.latest, site.from), sites: [...before.sites, site], exempt: before.exempt }
          : { latest: before.latest, sites: before.sites, exempt: before.exempt || exempt };
        const current = best[end];
        if (!current || reading.latest < current.latest || (reading.latest === current.latest && reading.sites.length > current.sites.length)) best[end] = reading;
      }
    }
    const reading = best[segments.length];
    return reading && (reading.sites.length > 0 || reading.exempt) ? reading.sites : undefined;
  }
}

/** A part that is a number (`2`, `33.8`): it needs no definition inside a compound. */
export const NUMBER = /^\p{N}+(?:\.\p{N}+)?$/u;
/** A capitalised word of three or more letters, then an abbreviation (`OpenPBTA`, `OpenScPCA`, `ProCAR`). */
const WORD_BEFORE_ABBREVIATION = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}[\p{Lu}\p{Ll}\p{N}]*\p{Lu}[\p{Lu}\p{Ll}\p{N}]*)$/u;

/**
 * True for a name made of a capitalised word glued to an abbreviation (`OpenPBTA`, `PhenoPLIER`):
 * a name built on the abbreviation, covered where the abbreviation is defined, and a name before
 * that too (a tool's name in the abstract is no use of the abbreviation it is built on).
 */
export function isNameBuiltOnAbbreviation(key: string): boolean {
  return WORD_BEFORE_ABBREVIATION.test(key);
}

/** The abbreviation such a name is built on (`PLIER` of `MultiPLIER`), or undefined. */
export function abbreviationOfBuiltName(key: string): string | undefined {
  return WORD_BEFORE_ABBREVIATION.exec(key)?.[2];
}
/**
 * An abbreviation, then a number and perhaps one letter: a numbered member of a family (`STAT5`,
 * `TLR4`, `JAK1`, `STAT5b`, the subclasses `hIgG1`, `mIgG2b`). The family has two capitals or a
 * capital after its first letter, as any abbreviation segment.
 */
const FAMILY_MEMBER = /^(\p{L}*\p{Lu}\p{L}*)\p{N}{1,2}\p{L}?$/u;

/** The family a numbered member's key names (`STAT` for `STAT5`, `hIgG` for `hIgG1`), or undefined. */
export function familyOf(key: string): string | undefined {
  const family = FAMILY_MEMBER.exec(key)?.[1];
  return family !== undefined && isAbbreviationSegment(family) ? family : undefined;
}

/**
 * A receptor family, then a member's Roman numeral and perhaps its subtype letter (`FcγRIIIa`,
 * `hFcγRIIB`, `mFcγRIV`, `FcεRI`): the family is at least three characters with two capitals,
 * ending in `R`. A lone `V` is left out (`HERV` is no member of `HER`).
 */
const RECEPTOR_MEMBER = /^(\p{L}*\p{Lu}\p{L}*R)(?:I{1,3}|IV)[A-Ca-c]?$/u;

/** The receptor family a member numbered in Roman numerals belongs to (`FcγR` for `FcγRIIIa`), or undefined. */
export function receptorFamilyOf(key: string): string | undefined {
  const family = RECEPTOR_MEMBER.exec(key)?.[1];
  if (!family || family.length < 3) return undefined;
  let capitals = 0;
  for (const c of family) if (c !== c.toLowerCase()) capitals++;
  return capitals >= 2 ? family : undefined;
}

/** The family a member names, numbered (`STAT5`, `hIgG1`) or in Roman numerals (`FcγRIIIa`), or undefined. */
export function memberFamilyOf(key: string): string | undefined {
  return familyOf(key) ?? receptorFamilyOf(key);
}

/** A definition another file of the book made, as this file's rules read it (no offsets here; its origin says where). */
function carriedDefinition(carried: InheritedDefinition, scope: ScopeName): AbbreviationDefinition {
  return {
    short: carried.short,
    long: carried.long,
    key: carried.key,
    scope,
    shortStart: -1,
    shortEnd: -1,
    longStart: -1,
    longEnd: -1,
    pattern: 'list',
    block: -1,
    origin: { uri: carried.uri, range: carried.range, ...(carried.listed ? { listed: true } : {}), ...(carried.otherChapter ? { otherChapter: true } : {}) },
  };
}
