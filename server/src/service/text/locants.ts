/**
 * A bond's locant in brackets glued to a name's letters: two positions joined by a hyphen or an en
 * dash, the first the higher (`(6-4)PP`, `[6-4]PP`, the 6-4 photoproduct). A citation's range
 * glued to a word ascends (`(1-3)NK`, `[4,5]CAR`) and is no locant.
 */
const BRACKETED_LOCANT = /^[([](\p{N})[-\u2010\u2011\u2013](\p{N})[)\]](?=\p{L})/u;

/** The bond's locant that opens `text` (its match: the two positions, then the letters follow), if one does. */
export function bondLocantAt(text: string): RegExpExecArray | undefined {
  const match = BRACKETED_LOCANT.exec(text);
  return match !== null && Number(match[1]) > Number(match[2]) ? match : undefined;
}
