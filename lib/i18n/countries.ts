import countries from "i18n-iso-countries";
import enCountries from "i18n-iso-countries/langs/en.json";
import zhCountries from "i18n-iso-countries/langs/zh.json";
import { type AppLocale, isLocale, toIntlLocale } from "./config";

// The browser build of i18n-iso-countries ships without names; register only the two we show.
countries.registerLocale(enCountries);
countries.registerLocale(zhCountries);

export type CountryOption = { code: string; name: string; englishName: string };

const cache = new Map<AppLocale, CountryOption[]>();

/** ISO 3166-1 countries with names in the UI language, in that language's collation (pinyin for zh). */
export function countryOptions(locale: string): CountryOption[] {
  const lang: AppLocale = isLocale(locale) ? locale : "en";
  const cached = cache.get(lang);
  if (cached) return cached;
  const local = countries.getNames(lang, { select: "official" });
  const english = countries.getNames("en", { select: "official" });
  const collator = new Intl.Collator(toIntlLocale(lang));
  const options = Object.keys(english)
    .map((code) => ({ code, name: local[code] ?? english[code] ?? code, englishName: english[code] ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(lang, options);
  return options;
}

export function countryName(code: string, locale: string): string {
  return countries.getName(code, isLocale(locale) ? locale : "en", { select: "official" }) ?? code;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Matches the local name, the English name (people often type it anyway) or the exact code. */
export function matchesCountry(option: CountryOption, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return fold(option.name).includes(q) || fold(option.englishName).includes(q) || option.code.toLowerCase() === q;
}
