/**
 * Search in posts: case- and accent-insensitive, so "cafe" finds "Café" and "CAFÉ", and the
 * Dutch "ĳ" ligature finds "ij". Every word of the query must occur (in any order).
 */

/** Lowercase, without accents, compatibility forms unfolded (NFKD). */
export function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, normalised; empty when the query has none. */
export function queryTerms(query: string): string[] {
  return searchable(query)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

/** The texts made searchable in one string, for `includesTerms`. */
export function searchableText(...texts: string[]): string {
  return texts.map(searchable).join('\n');
}

/** True when every term occurs in a `searchableText`. */
export function includesTerms(terms: string[], haystack: string): boolean {
  return terms.every((term) => haystack.includes(term));
}

/** True when every term occurs in one of the texts. */
export function matchesTerms(terms: string[], ...texts: string[]): boolean {
  return terms.length === 0 || includesTerms(terms, searchableText(...texts));
}
