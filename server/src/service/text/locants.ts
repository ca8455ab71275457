/**
 * A bond's locant in brackets glued to a name's letters: two positions joined by a hyphen or an en
 * dash, the first the higher (`(6-4)PP`, `[6-4]PP`, the 6-4 photoproduct). A citation's range
 * glued to a word ascends (`(1-3)NK`, `[4,5]CAR`) and is no locant.
 */
export const BRACKETED_LOCANT = /^[([](\p{N})[-\u2010\u2011\u2013](\p{N})[)\]](?=\p{L})/u;
/** Whether a bracketed locant's positions descend, as a bond's do and a citation range's never. */
export function isBondLocant(match: RegExpExecArray | null): boolean {
  return match !== null && Number(match[1]) > Number(match[2]);
}
