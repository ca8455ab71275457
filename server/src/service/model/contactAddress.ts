import { EMAIL_DOMAIN, EMAIL_LOCAL_PART } from '../text/emailAddress';

/**
 * Initials or a name followed by an e-mail address in brackets name a person to write to:
 * `Co-corresponding authors: WZB (w.b@uni.edu), YG (Y.G@usm.edu)`. The letters are a person's
 * initials, never an abbreviation with a long form, and the note that gives the address is the
 * author note, not the paper's prose. (The address itself is not prose either: the inline
 * exclusions mask it like a bare URL.)
 */

/** An e-mail address alone in brackets right after the mention: ` (name@host.org)`. */
const EMAIL_IN_BRACKETS_AFTER = new RegExp(String.raw`^[ \u00a0]?\([ \u00a0]*${EMAIL_LOCAL_PART}${EMAIL_DOMAIN}[ \u00a0]*\)`, 'u');

/** True when an e-mail address in brackets follows the mention in the text: a person's initials (see the module comment). */
export function isNamedByEmailAddress(text: string, mention: { end: number }): boolean {
  return EMAIL_IN_BRACKETS_AFTER.test(text.slice(mention.end, mention.end + 120));
}
