/**
 * ISO 4217 currencies with their minor-unit exponent, from the `currency-codes` package (a copy
 * of the ISO 4217 maintenance agency's "list one"; its publication date is `CURRENCY_DATA_DATE`).
 *
 * Display names come from the runtime's CLDR data through `Intl.DisplayNames` (so they match what
 * the browser shows); the ISO official name is kept as `isoName` and used when the runtime has no
 * name for a code.
 */
import currencyCodes from "currency-codes";
import { UnknownReferenceCodeError } from "./errors";
import type { LocalizedName } from "./types";

/**
 * Codes whose ISO 4217 minor unit is "N.A." (precious metals, bond-market units, SDR, testing,
 * "no currency"). `currency-codes` flattens "N.A." to 0, which would wrongly make them look like
 * zero-decimal currencies; we restore `null`. currencies.test.ts checks this set against the ISO
 * XML file shipped in the same package, so an upgrade cannot drift silently.
 */
const NO_MINOR_UNIT = new Set(["XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"]);

export type Currency = {
  /** ISO 4217 alphabetic code, e.g. "CNY". */
  readonly code: string;
  /** ISO 4217 numeric code, e.g. "156". */
  readonly numeric: string;
  /** Number of decimal places of the minor unit (CNY 2, JPY 0, BHD 3); null where ISO says N.A. */
  readonly minorUnits: number | null;
  readonly name: LocalizedName;
  /** The ISO 4217 official English name, e.g. "Yuan Renminbi". */
  readonly isoName: string;
};

/** Publication date of the ISO 4217 list the data comes from. */
export const CURRENCY_DATA_DATE: string = currencyCodes.publishDate;

const displayEn = new Intl.DisplayNames(["en"], { type: "currency", fallback: "none" });
const displayZh = new Intl.DisplayNames(["zh-Hans"], { type: "currency", fallback: "none" });

const CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  currencyCodes.data.map((r): [string, Currency] => [
    r.code,
    Object.freeze({
      code: r.code,
      numeric: r.number,
      minorUnits: NO_MINOR_UNIT.has(r.code) ? null : r.digits,
      name: Object.freeze({ en: displayEn.of(r.code) ?? r.currency, zh: displayZh.of(r.code) ?? r.currency }),
      isoName: r.currency,
    }),
  ]),
);

const LIST: readonly Currency[] = Object.freeze([...CURRENCIES.values()].sort((a, b) => a.code.localeCompare(b.code)));

/**
 * Every ISO 4217 currency, sorted by code. With `{ dealable: true }`, only those that have a
 * minor unit (what a deal, an invoice or a statement can be expressed in).
 */
export function listCurrencies(options: { dealable?: boolean } = {}): readonly Currency[] {
  return options.dealable ? LIST.filter((c) => c.minorUnits !== null) : LIST;
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

export function getCurrency(code: string): Currency | undefined {
  return CURRENCIES.get(code);
}

/**
 * The minor-unit exponent of a currency (CNY 2, KRW 0, BHD 3). Throws for unknown codes and for
 * codes without a minor unit (e.g. XAU), since money cannot be rounded in them.
 */
export function minorUnits(code: string): number {
  const c = CURRENCIES.get(code);
  if (!c || c.minorUnits === null) throw new UnknownReferenceCodeError("currency", [code]);
  return c.minorUnits;
}

/** Throws `UnknownReferenceCodeError` (kind "currency") listing every unknown code. */
export function assertCurrencyCodes(codes: readonly string[]): void {
  const unknown = codes.filter((c) => !CURRENCIES.has(c));
  if (unknown.length > 0) throw new UnknownReferenceCodeError("currency", unknown);
}
