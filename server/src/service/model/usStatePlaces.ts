/**
 * A US state written by its postal code after a place name: `Athens, GA`, `Jackson, MS 39216`,
 * `Bethesda, MD, USA`, `Stuart, FL and Pittsburgh, PA`. The code is part of an address, as in
 * an author's affiliation or a study site named in the methods, not an abbreviation to define;
 * the same two capitals elsewhere may be one (`MS` for multiple sclerosis, `PA` for
 * physician assistant), so the code is read as a place only in this shape. A Canadian province's
 * code is read the same way (`Oakville, ON`, `Nanaimo, BC, Canada`).
 */

/** The postal codes of the 50 states and the District of Columbia (USPS Publication 28). */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA',
  'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ',
  'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'DC',
]);

/**
 * The postal codes of Canada's ten provinces and three territories (Canada Post), read as a US
 * state's are: after a place and a comma in an address (`Oakville, ON`, `Nanaimo, BC, Canada`).
 */
export const CANADIAN_PROVINCE_CODES: ReadonlySet<string> = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);

/**
 * A capitalised place name of one to three words and a comma before the code: `Athens, `,
 * `Ann Arbor, `, `Salt Lake City, `, `Winston-Salem, ` (no possessive: `Parkinson's, MS`).
 */
const PLACE_BEFORE = /(?<![\p{L}\p{N}'\u2019])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \u00a0]\p{Lu}\p{Ll}+){0,2},[ \u00a0]+$/u;
/**
 * What stands before a place named in prose: a preposition of place (`in Athens`), a bracket or
 * slash (`(Stuart`, `Stuart/Port St. Lucie`), an earlier part of an address (`University of
 * Georgia, Athens`) or a company's name, perhaps opening with digits and with its trademark
 * sign (`(3M^TM^, St Paul`; a capital in it: `2019, Burkitt, FL` names no place), or an earlier place's code (`Boise, ID and Provo`, `DE; Reno`). A list of terms (`such as Diabetes, MI`, `with
 * Hoechst, DC`) has none of these.
 */
const ADDRESS_LEAD = /(?:(?<![\p{L}\p{N}])(?:in|at|from|near|of)[ \u00a0]+|[(/][ \u00a0]*|(?<![\p{L}\p{N}])\p{N}*\p{Lu}[\p{L}\p{N}.]*(?:\^(?:TM|\u2122|\u00ae)\^|[\u2122\u00ae])?,[ \u00a0]+|(?<![\p{L}\p{N}])\p{Lu}{2}(?:;[ \u00a0]*|,?[ \u00a0]+(?:and|or)[ \u00a0]+))$/u;
/** What only an address has after the code: a ZIP code or the country, perhaps without its comma (`MS 39216`, `GA, USA`, `CA USA`). */
const ADDRESS_AFTER = /^(?:,?[ \u00a0]+\d{5}(?:-\d{4})?(?!\p{N})|(?:,[ \u00a0]*|[ \u00a0]+)(?:USA|U\.S\.A\.|United States|Canada)(?![\p{L}\p{N}]))/u;
/**
 * What ends a place inside a sentence: the end of a clause or line, another place (`FL and
 * Pittsburgh`), or a preposition going on with the sentence (`Athens, GA from 2016`).
 */
const CLAUSE_AFTER = /^(?:[ \u00a0]*(?:[,.;:)\]]|\n|$)|[ \u00a0]+(?:(?:and|or)[ \u00a0]+\p{Lu}|(?:from|in|at|during|between|since|until|through|to)(?![\p{L}\p{N}])))/u;
/** A short capitalised word with a dot that is part of a place name, not a sentence end: `Port St. Lucie`, `Mt. Vernon`. */
const TITLE_BEFORE_NAME = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{0,2}\.$/u;

/** `Pittsburgh, PA` (a place and a state's code) earlier in the sentence before `offset`, within 200 characters. */
const EARLIER_PLACE = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+,[ \u00a0]+(\p{Lu}{2})(?![\p{L}\p{N}])/gu;
function hasEarlierPlaceInSentence(masked: string, offset: number): boolean {
  let before = masked.slice(Math.max(0, offset - 200), offset);
  // Only this sentence: from after the last full stop that ends one (not the dot of `St.`).
  let sentenceStart = 0;
  for (const stop of before.matchAll(SENTENCE_STOP)) {
    if (!TITLE_BEFORE_NAME.test(before.slice(0, stop.index + 1))) sentenceStart = stop.index + stop[0].length;
  }
  before = before.slice(sentenceStart);
  for (const match of before.matchAll(EARLIER_PLACE)) if (US_STATE_CODES.has(match[1]!)) return true;
  return false;
}
const SENTENCE_STOP = /[.!?][ \u00a0\n]+(?=\p{Lu}|$)/gu;

/**
 * True when the two capitals `masked[start, end)` are a US state's or a Canadian province's postal
 * code written after a place name and a comma (see the module comment). A ZIP code or the country after it makes
 * an address wherever it stands; otherwise the code ends a clause or goes on with a
 * preposition, and the words before the place say it is an address (`in Athens, GA from`);
 * `However, MS was` and `Parkinson's, MS, and ALS` name no place.
 */
export function isStateOrProvinceOfPlace(masked: string, start: number, end: number, text: string): boolean {
  if (!US_STATE_CODES.has(text) && !CANADIAN_PROVINCE_CODES.has(text)) return false;
  const from = Math.max(0, start - 40);
  const place = PLACE_BEFORE.exec(masked.slice(from, start));
  if (!place) return isSupplierTown(masked, start, end);
  const after = masked.slice(end, end + 30);
  if (ADDRESS_AFTER.test(after)) return true;
  if (!CLAUSE_AFTER.test(after)) return false;
  // Without a ZIP code or the country, the words before the place must say it is an address.
  const placeStart = from + place.index;
  const lead = masked.slice(Math.max(0, placeStart - 40), placeStart);
  if (ADDRESS_LEAD.test(lead)) return true;
  // A site in a list of sites: the same sentence named an earlier place by its state (`Pittsburgh, PA, in 2013 … and Athens, GA`).
  if (hasEarlierPlaceInSentence(masked, placeStart)) return true;
  // `Port St. Lucie, FL`: a short titled word with a dot is part of the place's name.
  return TITLE_BEFORE_NAME.test(lead.trimEnd()) && ADDRESS_LEAD.test(lead.trimEnd().replace(/\p{Lu}\p{Ll}{0,2}\.$/u, '').replace(/\p{Lu}\p{Ll}+[ \u00a0]*$/u, ''));
}

/**
 * Whether the document writes `code` as a state after a place somewhere (`Pittsburgh, PA`): then
 * the code alone elsewhere (`the PA study site`) names the same state, a site's label, as the
 * reader has just been told; a document that defines the letters otherwise makes them an
 * abbreviation (the caller asks this only of keys the document does not define).
 */
export function writesAsStateOfPlace(masked: string, code: string): boolean {
  if (!US_STATE_CODES.has(code)) return false;
  for (let at = masked.indexOf(code); at >= 0; at = masked.indexOf(code, at + code.length)) {
    if (AFTER_COMMA.test(masked.slice(Math.max(0, at - 3), at)) && !WORD_GOES_ON.test(masked.charAt(at + code.length)) && isStateOrProvinceOfPlace(masked, at, at + code.length, code)) return true;
  }
  return false;
}
const AFTER_COMMA = /,[ \u00a0]+$/u;
const WORD_GOES_ON = /[\p{L}\p{N}]/u;

/**
 * A supplier's bracket that gives its town and state without a comma between (`(Microsoft, Redmond
 * WA)`, `(Sigma, St Louis MO, USA)`): a name, a comma, a town of one to three capitalised words, the
 * code, and the bracket's end or the country.
 */
function isSupplierTown(masked: string, start: number, end: number): boolean {
  return SUPPLIER_TOWN_BEFORE.test(masked.slice(Math.max(0, start - 80), start)) && SUPPLIER_BRACKET_END.test(masked.slice(end, end + 24));
}
const SUPPLIER_TOWN_BEFORE = /\(\p{Lu}[\p{L}&.-]*(?:[ \u00a0]+\p{Lu}[\p{L}&.-]*){0,3},[ \u00a0]+\p{Lu}\p{Ll}+\.?(?:[ \u00a0]+\p{Lu}\p{Ll}+){0,2}[ \u00a0]+$/u;
const SUPPLIER_BRACKET_END = /^(?:,[ \u00a0]*(?:USA|U\.S\.A\.|United States|Canada)[ \u00a0]*)?\)/u;
