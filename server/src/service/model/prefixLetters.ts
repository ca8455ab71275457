import type { ScopeName } from './documentModel';
import type { ScopeDefinitions } from './scopeDefinitions';

/**
 * Letters a document defines as prefixes of names: `human (h)FcγRIIIA or mouse (m)FcγRIV`,
 * `recombinant human (rh)IL-15` (the detector's `prefix-letters` reading). What they define is
 * the letters written small before a name (`hIgG`, `mFcγRIV`, `rhIL-2`): such a use is a use of
 * the name after the letters, which is defined, exempt or undefined as it is on its own. A
 * prefix defined in an earlier file of a book holds in the later ones, as any definition does.
 */

/** A prefix: one to three lower-case letters. */
const PREFIX = /^\p{Ll}{1,3}$/u;

/**
 * The name after a prefix defined in `scope` (`IgG` of `hIgG` once `human (h)` is defined), or
 * undefined: the name must open with a capital and hold two characters or more. A prefix the
 * main text defines holds in its legends too: a convention of the document, not a term.
 */
export function nameAfterPrefix(scopes: ScopeDefinitions, scope: ScopeName, key: string): string | undefined {
  for (let length = 1; length <= 3 && length < key.length - 1; length++) {
    const prefix = key.slice(0, length);
    if (!PREFIX.test(prefix)) return undefined;
    const name = key.slice(length);
    if (/^\p{Lu}/u.test(name) && (isDefinedIn(scopes, scope, prefix) || isDefinedIn(scopes, 'main', prefix))) return name;
  }
  return undefined;
}

function isDefinedIn(scopes: ScopeDefinitions, scope: ScopeName, prefix: string): boolean {
  return scopes.definitionsOf(scope, prefix).length > 0 || scopes.inheritedFor(scope, prefix) !== undefined;
}
