/**
 * Language comparison for matching. Two tags name the same language when their primary subtags agree
 * (BCP 47 / RFC 5646 §2.2.1, compared case-insensitively): "en-GB" and "en-US" can chat; "pt" and "es" cannot.
 */

/** The primary language subtag of a BCP 47 tag, lower-cased: "pt-BR" → "pt". */
export function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0].toLowerCase();
}

/** Whether two language lists have at least one language in common. */
export function sharesLanguage(a: readonly string[], b: readonly string[]): boolean {
  const languages = new Set(a.map(primaryLanguage));
  return b.some((tag) => languages.has(primaryLanguage(tag)));
}
