import { bracketAround } from '../text/brackets';

/**
 * A name inside a supplier's address in brackets, which ends with the country:
 * `(Humac Norm, CSMi, Stoughton, MA, USA)`, `(Bard Magnum, Bard Norway AS, Norway)`, `(Fumedica
 * AG, Switzerland)`, `(…, PCO, Kelheim, Germany)`. A maker's item stands after the first (the
 * product's) and before its town, and only places follow it: its name is a name at that use. The
 * company's legal form after a word of its name is one wherever it stands (`Fumedica AG`). A bracket
 * of counts or periods (`(n = 45, AML, Germany)`, `(2015–2018, ICU, Denmark)`) is no address, and
 * a term right before the country (`(Severe COPD, Norway)`) names no maker. Read at this use only:
 * the same letters elsewhere stay abbreviations.
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
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Hong Kong', 'P.R. China', 'PR China',
  'USA', 'U.S.A.', 'US', 'U.S.', 'UK', 'U.K.', 'UAE',
]);

/** How far around a use its bracket is looked for. */
const REACH_BEFORE = 160;
const REACH_AFTER = 120;
/** An item of a supplier's name: capitalised words, capitals, `&`, and the legal form, no more than five words (`Bard Norway AS`). */
const NAME_ITEM = /^[\p{Lu}\p{N}][\p{L}\p{N}&.'\u2019-]*(?:[ \u00a0]+[\p{Lu}\p{N}&][\p{L}\p{N}&.'\u2019-]*){0,4}$/u;
/** A capitalised word of small letters right before the legal form: the company's own word (`Fumedica AG`). */
const NAME_WORD_BEFORE = /\p{Lu}\p{Ll}{2,}[ \u00a0]+$/u;
/** A town of one to three capitalised words (`Stoughton`, `San Diego`, `Winston-Salem`), or a state's two capitals (`MA`). */
const PLACE_ITEM = /^(?:\p{Lu}\p{Ll}+(?:[ \u00a0-]\p{Lu}\p{Ll}+){0,2}|\p{Lu}{2})$/u;
/** Companies' legal forms, written after the name (`Roche Diagnostics GmbH`, `Quarkwerk Ltd`). */
export const LEGAL_FORM = /^(?:GmbH|KG|KK|LLC|Ltd|Oy|Pty|SpA|Srl|ApS|Inc|Corp)$/u;
/** Legal forms whose letters name conditions and measures too (`AS` aortic stenosis, `AG` anion gap): nameContext asks more of them. */
export const SHARED_LEGAL_FORM = /^(?:AB|AG|AS|SA|SAS|BV|NV|PLC)$/u;

/** True when `mention` is a name inside a supplier's address ending with its country (see the module comment). */
export function isInSupplierAddress(masked: string, mention: { readonly start: number; readonly end: number }): boolean {
  const inner = bracketAround(masked, mention.start, mention.end, REACH_BEFORE, REACH_AFTER);
  if (inner === undefined || !inner.includes(',') || inner.includes('=')) return false;
  const lead = masked.slice(Math.max(0, mention.start - REACH_BEFORE), mention.start);
  const at = lead.length - lead.lastIndexOf('(') - 1;
  const items: { text: string; start: number }[] = [];
  let from = 0;
  for (const match of inner.matchAll(/[,;]/gu)) {
    items.push({ text: inner.slice(from, match.index), start: from });
    from = match.index + 1;
  }
  items.push({ text: inner.slice(from), start: from });
  const last = items.length - 1;
  const country = items[last]!.text.trim().replace(/\.$/u, '');
  if (!COUNTRY_NAMES.has(country) && !COUNTRY_NAMES.has(`${country}.`)) return false;
  let index = last;
  while (index > 0 && items[index]!.start > at) index--;
  if (index === last) return false;
  const item = items[index]!.text.trim();
  if (!NAME_ITEM.test(item) || COUNTRY_NAMES.has(item)) return false;
  for (let k = index + 1; k < last; k++) if (!PLACE_ITEM.test(items[k]!.text.trim())) return false;
  const written = masked.slice(mention.start, mention.end);
  if (LEGAL_FORM.test(written) || SHARED_LEGAL_FORM.test(written)) return NAME_WORD_BEFORE.test(masked.slice(Math.max(0, mention.start - 40), mention.start));
  // A maker's own item, between the product's and its town.
  return index > 0 && index < last - 1;
}
