/**
 * A suspended hyphen: `standard- (SD) and high-dose (HD) vaccines` leaves the head `dose` of the
 * first compound to the second. The long form written before the bracket (`standard-`) is only
 * half the expansion; the shared head completes it (`standard-dose`).
 */

/** A long form that ends in a hyphen after a letter or digit. */
const SUSPENDED = /[\p{L}\p{N}][-\u2010\u2011]$/u;
/** After the short form: the bracket's close, `and`/`or`/`to`, and the compound that gives the head (`) and high-dose`). */
const SHARED_HEAD_AFTER = /^[ \u00a0]*\)?[ \u00a0]*,?[ \u00a0]*(?:and|or|to)[ \u00a0]+[\p{L}\p{N}]+[-\u2010\u2011]([\p{L}\p{N}]+)/u;

/**
 * The expansion `long` with a suspended hyphen completed by the head of the compound after
 * the definition (`text` read from `shortEnd`); `long` itself when it has none; undefined when
 * the hyphen is suspended and no head follows, a long form that cannot be told.
 */
export function completeSuspendedHyphen(long: string, text: string, shortEnd: number): string | undefined {
  if (!SUSPENDED.test(long)) return long;
  const head = SHARED_HEAD_AFTER.exec(text.slice(shortEnd, shortEnd + 80))?.[1];
  return head === undefined ? undefined : long + head;
}
