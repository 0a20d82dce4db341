/**
 * Locales of the UI. The locale is not part of the URL: it comes from the NEXT_LOCALE cookie (set
 * by the language switcher), else the browser's Accept-Language, else the default.
 * No server-only imports: client components read these constants too.
 */
export const locales = ["en", "zh"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** One year, in seconds. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each locale's name in its own language, as language pickers conventionally show them. */
export const localeNames: Record<AppLocale, string> = { en: "English", zh: "简体中文" };

/** BCP 47 tags for Intl and for `<html lang>`; "zh" here means Simplified Chinese as used in mainland China. */
export const intlLocales: Record<AppLocale, string> = { en: "en-US", zh: "zh-CN" };

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Maps an app locale (or any BCP 47 tag, passed through) to the tag Intl should use. */
export function toIntlLocale(locale: string): string {
  return isLocale(locale) ? intlLocales[locale] : locale;
}

/**
 * Picks the best supported locale from an Accept-Language header, honouring q-values.
 * Any Chinese variant maps to "zh" (Simplified is the only Chinese we ship, and it serves
 * zh-TW/zh-HK readers better than English would).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    // Stable for equal q-values: the header's own order breaks ties.
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}

/** The locale of a request from its headers alone (route handlers): the cookie, else Accept-Language. */
export function localeFromHeaders(headers: Headers): AppLocale {
  const cookie = headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie);
  const fromCookie = match?.[1]?.trim();
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale(headers.get("accept-language"));
}
