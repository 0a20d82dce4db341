import { isLocale } from "./config";

/**
 * Alphabetical order in the viewer's language, the same on the server and in the browser (a sort
 * that follows the host's default locale renders one order on the server and another in the
 * browser: React's hydration error #418). English: case-insensitive; Chinese: by pinyin (ICU's
 * zh-u-co-pinyin collation, which Node ships with full ICU and browsers implement).
 */
const TAGS = { en: "en-US", zh: "zh-CN-u-co-pinyin" } as const;
const cache = new Map<string, Intl.Collator>();

export function collatorFor(locale: string): Intl.Collator {
  const tag = isLocale(locale) ? TAGS[locale] : TAGS.en;
  let collator = cache.get(tag);
  if (!collator) {
    collator = new Intl.Collator(tag, { sensitivity: "base", numeric: true });
    cache.set(tag, collator);
  }
  return collator;
}

/** Sorts a copy of `items` by `key` in the viewer's language (ties keep their order). */
export function sortByName<T>(items: readonly T[], key: (item: T) => string, locale: string): T[] {
  const { compare } = collatorFor(locale);
  return [...items].sort((a, b) => compare(key(a), key(b)));
}

/** The name a title sorts by for a viewer: its English or Chinese title, else the original. */
export function titleSortName(t: { originalTitle: string; titleEn: string | null; titleZh: string | null }, locale: string): string {
  return (locale === "zh" ? t.titleZh : t.titleEn) ?? t.originalTitle;
}
