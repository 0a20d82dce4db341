/**
 * ISO 3166-1 countries (249) with English and Simplified Chinese names.
 *
 * - The code list, alpha-3 and numeric codes: `i18n-iso-countries` (codes.json), minus
 *   user-assigned codes (AA, QM–QZ, XA–XZ, ZZ): the package also carries XK (Kosovo), which is
 *   not an ISO 3166-1 code.
 * - Names: Unicode CLDR (`cldr-localenames-full`, locales `en` and `zh`; CLDR's `zh` is zh-Hans),
 *   the data browsers and `Intl.DisplayNames` use, so server and UI names agree.
 */

import cldrEn from "cldr-localenames-full/main/en/territories.json";
import cldrZh from "cldr-localenames-full/main/zh/territories.json";
import isoCodes from "i18n-iso-countries/codes.json";
import type { LocalizedName } from "../reference/types";

export type Country = {
  /** ISO 3166-1 alpha-2, e.g. "VN". */
  readonly code: string;
  /** ISO 3166-1 alpha-3, e.g. "VNM". */
  readonly alpha3: string;
  /** ISO 3166-1 numeric (= its UN M49 code), e.g. "704". */
  readonly numeric: string;
  readonly name: LocalizedName;
};

/** Codes ISO 3166-1 leaves to users (§5.1); packages use some of them (XK) for non-ISO areas. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;

const namesEn = cldrEn.main.en.localeDisplayNames.territories as Record<string, string>;
const namesZh = cldrZh.main.zh.localeDisplayNames.territories as Record<string, string>;

/** Territory display names from CLDR (countries and M49 regions share this table). */
export function cldrName(code: string): { en?: string; zh?: string } {
  return { en: namesEn[code], zh: namesZh[code] };
}

function build(): ReadonlyMap<string, Country> {
  const out = new Map<string, Country>();
  const missing: string[] = [];
  for (const [alpha2, alpha3, numeric] of isoCodes as [string, string, string, ...string[]][]) {
    if (USER_ASSIGNED.test(alpha2)) continue;
    const en = namesEn[alpha2];
    const zh = namesZh[alpha2];
    if (!en || !zh) missing.push(alpha2);
    out.set(alpha2, Object.freeze({ code: alpha2, alpha3, numeric, name: Object.freeze({ en: en ?? alpha2, zh: zh ?? alpha2 }) }));
  }
  // Fail at import (and so in tests) rather than ship a country without a name.
  if (missing.length > 0) throw new Error(`CLDR has no en/zh name for: ${missing.join(", ")}`);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every ISO 3166-1 country by alpha-2 code, in code order. */
export const COUNTRIES: ReadonlyMap<string, Country> = build();

/** Alpha-3 → alpha-2 (for sources such as UN M49 that key countries by alpha-3). */
export const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = new Map([...COUNTRIES.values()].map((c) => [c.alpha3, c.code]));
