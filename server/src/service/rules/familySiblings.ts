import type { AbbreviationDefinition, AbbreviationMention, DocumentModel } from '../model/documentModel';
import { familyOf } from '../model/scopeDefinitions';

/**
 * A member of a numbered family written after a sibling the same scope has defined:
 * `interleukin-12 (IL-12), IL-15 and IL-18`, `toll-like receptor 4 (TLR4) and TLR7`. The sibling's
 * long form spells the family's word before its number, so a reader can read the others, and
 * journals differ on asking for each member in full: such a use is reported as a note.
 */

/**
 * A family and a member's number joined by a hyphen, perhaps with the member's letter (`IL-15`,
 * `IL-17A`, `IL-1β`); not a receptor (`IL-9R`), which names another molecule than the family's.
 */
const HYPHENATED_MEMBER = /^(\p{Lu}{2,5})-(\p{N}{1,2}(?:[A-QS-Z]|\p{Ll})?)$/u;

/** The family of a numbered member (`IL` for `IL-15`, `TLR` for `TLR4`) and the member's number, or undefined. */
function numberedMember(key: string): { family: string; number: string } | undefined {
  const hyphenated = HYPHENATED_MEMBER.exec(key);
  if (hyphenated) return { family: hyphenated[1]!, number: hyphenated[2]! };
  const family = familyOf(key);
  // A receptor (`IL2R`) names another molecule than the family's member.
  return family === undefined || key.endsWith('R') ? undefined : { family, number: key.slice(family.length) };
}

/** Definitions of numbered members by family, per model: asked once per undefined first use. */
const siblingsByModel = new WeakMap<DocumentModel, Map<string, AbbreviationDefinition[]>>();

function definedMembers(model: DocumentModel): Map<string, AbbreviationDefinition[]> {
  let byFamily = siblingsByModel.get(model);
  if (byFamily) return byFamily;
  byFamily = new Map();
  for (let i = 0; i < model.definitions.length; i++) {
    const definition = model.definitions[i]!;
    const member = numberedMember(definition.key);
    // The long form spells the family's word and ends with the member's number (`interleukin-12`).
    if (!member || !spellsFamilyWord(definition.long, member.number)) continue;
    const list = byFamily.get(member.family);
    if (list) list.push(definition);
    else byFamily.set(member.family, [definition]);
  }
  siblingsByModel.set(model, byFamily);
  return byFamily;
}

/**
 * Whether `long` is the family's word(s), then the member's number after a space or a hyphen
 * (`interleukin-12`, `toll-like receptor 4`), or words qualifying the member's own symbol
 * (`murine IgG2b` for `mIgG2b`: the words say what the prefix letter means).
 */
function spellsFamilyWord(long: string, number: string): boolean {
  if (!long.endsWith(number) || !/\p{Ll}{3}/u.test(long)) return false;
  const before = long.charAt(long.length - number.length - 1);
  if (before === '-' || before === ' ') return true;
  const lastSpace = long.lastIndexOf(' ');
  return lastSpace > 0 && /\p{Lu}/u.test(long.slice(lastSpace + 1, long.length - number.length));
}

/**
 * The sibling defined earlier in the mention's scope whose long form names the family
 * (`IL-12` as `interleukin-12` for `IL-15`), or undefined.
 */
export function definedSiblingOf(model: DocumentModel, mention: AbbreviationMention): AbbreviationDefinition | undefined {
  const member = numberedMember(mention.key);
  if (!member) return undefined;
  const siblings = definedMembers(model).get(member.family);
  if (!siblings) return undefined;
  for (let i = 0; i < siblings.length; i++) {
    const sibling = siblings[i]!;
    if (sibling.scope === mention.scope && sibling.key !== mention.key && sibling.shortStart < mention.start) return sibling;
  }
  return undefined;
}
