import countries from "i18n-iso-countries";
import enCountries from "i18n-iso-countries/langs/en.json";
import zhCountries from "i18n-iso-countries/langs/zh.json";
import { type AppLocale, isLocale, toIntlLocale } from "./config";

/*
 * Client-safe country list for pickers. Codes (and search aliases such as "USA" or "PRC") come
 * from i18n-iso-countries; display names from CLDR through Intl.DisplayNames, the same CLDR data
 * lib/territories uses on the server, so a country reads the same in a picker and in a table.
 * lib/territories itself is too heavy for the browser bundle.
 */

// The browser build of i18n-iso-countries ships without names; register the two we search.
countries.registerLocale(enCountries);
countries.registerLocale(zhCountries);

/** Codes ISO 3166-1 leaves to users; the package uses XK (Kosovo), which is not an ISO code. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;

export type CountryOption = { code: string; name: string; englishName: string; aliases: string[] };

const cache = new Map<AppLocale, CountryOption[]>();

function displayNames(locale: string) {
  return new Intl.DisplayNames([toIntlLocale(locale)], { type: "region", fallback: "none" });
}

/** ISO 3166-1 countries named in the UI language, in that language's collation (pinyin for zh). */
export function countryOptions(locale: string): CountryOption[] {
  const lang: AppLocale = isLocale(locale) ? locale : "en";
  const cached = cache.get(lang);
  if (cached) return cached;
  const local = displayNames(lang);
  const english = displayNames("en");
  const aliasesEn = countries.getNames("en", { select: "all" });
  const aliasesZh = countries.getNames("zh", { select: "all" });
  const collator = new Intl.Collator(toIntlLocale(lang));
  const options = Object.keys(countries.getAlpha2Codes())
    .filter((code) => !USER_ASSIGNED.test(code))
    .map((code) => {
      const aliases = [...(aliasesEn[code] ?? []), ...(aliasesZh[code] ?? [])];
      const englishName = english.of(code) ?? aliases[0] ?? code;
      return { code, name: local.of(code) ?? englishName, englishName, aliases };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(lang, options);
  return options;
}

export function countryName(code: string, locale: string): string {
  return displayNames(locale).of(code.toUpperCase()) ?? code;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Matches the shown name, the English name, any alias (either language) or the exact code. */
export function matchesCountry(option: CountryOption, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  if (option.code.toLowerCase() === q) return true;
  return [option.name, option.englishName, ...option.aliases].some((name) => fold(name).includes(q));
}
