import { bracketAround } from '../text/brackets';

/**
 * A name inside a supplier's address in brackets, which ends with the country:
 * `(Humac Norm, CSMi, Stoughton, MA, USA)`, `(Bard Magnum, Bard Norway AS, Norway)`, `(Fumedica
 * AG, Switzerland)`, `(…, PCO, Kelheim, Germany)`. The items between the first and the town are
 * the maker's name and its legal form; the first item names the product or the maker, and a
 * capital word written beside it says it is a name (`Fumedica AG`, `Humac Norm`) where a bare
 * first item may be a term (`(ELISA, R&D Systems, Minneapolis, MN, USA)` names the assay). Read
 * at this use only: the same letters elsewhere stay abbreviations.
 */

/**
 * Countries as addresses in methods sections write them: the sovereign states' short English
 * names, the United Kingdom's nations, and the usual short forms (`USA`, `UK`, `P.R. China`).
 */
const COUNTRY_NAMES: ReadonlySet<string> = new Set([
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan', 'Bolivia',
  'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia', 'Cameroon',
  'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Costa Rica', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechia',
  'Denmark', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Estonia', 'Ethiopia', 'Fiji', 'Finland', 'France',
  'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Guatemala', 'Guinea', 'Haiti', 'Honduras', 'Hungary',
  'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan',
  'Kazakhstan', 'Kenya', 'Korea', 'South Korea', 'Republic of Korea', 'Kuwait', 'Latvia', 'Lebanon', 'Liechtenstein',
  'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Mali', 'Malta', 'Mexico', 'Moldova', 'Monaco',
  'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'Netherlands', 'The Netherlands',
  'the Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Macedonia', 'Norway', 'Oman', 'Pakistan',
  'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Romania', 'Russia',
  'Russian Federation', 'Rwanda', 'Saudi Arabia', 'Senegal', 'Serbia', 'Singapore', 'Slovakia', 'Slovenia',
  'South Africa', 'Spain', 'Sri Lanka', 'Sudan', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tanzania', 'Thailand',
  'Tunisia', 'Turkey', 'Türkiye', 'Uganda', 'Ukraine', 'United Arab Emirates', 'United Kingdom', 'United States',
  'United States of America', 'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam', 'Viet Nam', 'Zambia', 'Zimbabwe',
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Hong Kong', 'China', 'P.R. China', 'PR China',
  'USA', 'U.S.A.', 'US', 'U.S.', 'UK', 'U.K.', 'UAE',
]);

/** How far around a use its bracket is looked for. */
const REACH_BEFORE = 160;
const REACH_AFTER = 120;
/** An item of a supplier's name: capitalised words, capitals, `&`, and the legal form, no more than five words (`Bard Norway AS`). */
const NAME_ITEM = /^[\p{Lu}\p{N}][\p{L}\p{N}&.'\u2019-]*(?:[ \u00a0]+[\p{Lu}\p{N}&][\p{L}\p{N}&.'\u2019-]*){0,4}$/u;
/** A capitalised word of small letters: the maker's or the product's own word (`Fumedica`, `Norm`). */
const NAME_WORD = /(?:^|[ \u00a0])\p{Lu}\p{Ll}{2,}(?=[ \u00a0]|$)/u;

/** True when `mention` is a name inside a supplier's address ending with its country (see the module comment). */
export function isInSupplierAddress(masked: string, mention: { readonly start: number; readonly end: number }): boolean {
  const inner = bracketAround(masked, mention.start, mention.end, REACH_BEFORE, REACH_AFTER);
  if (inner === undefined || !inner.includes(',')) return false;
  const lead = masked.slice(Math.max(0, mention.start - REACH_BEFORE), mention.start);
  const at = lead.length - lead.lastIndexOf('(') - 1;
  const items: { text: string; start: number }[] = [];
  let from = 0;
  for (const match of inner.matchAll(/[,;]/gu)) {
    items.push({ text: inner.slice(from, match.index), start: from });
    from = match.index + 1;
  }
  items.push({ text: inner.slice(from), start: from });
  const country = items[items.length - 1]!.text.trim().replace(/\.$/u, '');
  if (!COUNTRY_NAMES.has(country) && !COUNTRY_NAMES.has(`${country}.`)) return false;
  let index = items.length - 1;
  while (index > 0 && items[index]!.start > at) index--;
  if (index === items.length - 1) return false;
  const item = items[index]!.text.trim();
  if (!NAME_ITEM.test(item) || COUNTRY_NAMES.has(item)) return false;
  // `(Study II: Humac Norm, CSMi, …)`: a label before a colon opens the bracket's first item.
  return index > 0 || NAME_WORD.test(item.replace(/^[^:]*:[ \u00a0]*/u, '')) || NAME_WORD.test(item);
}
