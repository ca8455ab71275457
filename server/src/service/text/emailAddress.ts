/**
 * The grammar of an e-mail address, in one place: the inline exclusions mask a bare address
 * (`Yang.Ge@usm.edu`), and a name reading knows initials followed by one in brackets
 * (`YG (Yang.Ge@usm.edu)`); both read the same addresses.
 */

/** The part before `@`: at most 64 letters, digits and `._%+-`. */
export const EMAIL_LOCAL_PART = String.raw`[A-Za-z0-9._%+-]{1,64}`;
/** `@` and the domain: dot-separated labels of at most 63 characters, no hyphen at either end, ending in letters (`usm.edu`, `med.uni-x.de`). */
export const EMAIL_DOMAIN = String.raw`@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])`;
