/**
 * The one place numbers, dates and money become text. Every helper takes the locale explicitly
 * (an app locale such as "zh", or any BCP 47 tag) so server components, client components, e-mails
 * and exports format the same way; client code can use `useFormat()` to bind the current locale.
 */
import { toIntlLocale } from "./config";

/** Money as the API carries it: a decimal string with the currency's minor-unit digits. */
export type Money = { amount: string; currency: string };

type DecimalString = `${number}`;
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Decimal strings go to Intl as strings: Intl.NumberFormat formats them exactly (no float). */
function asDecimal(value: string): DecimalString {
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) throw new TypeError(`Not a decimal number: "${value}"`);
  return trimmed as DecimalString;
}

type NumberInput = number | bigint | string;
function numeric(value: NumberInput): number | bigint | DecimalString {
  return typeof value === "string" ? asDecimal(value) : value;
}

export function formatNumber(value: NumberInput, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(toIntlLocale(locale), { maximumFractionDigits: 20, ...options }).format(numeric(value));
}

/** Significant digits an exchange rate is shown with (the stored rate stays exact, up to 18 decimals). */
export const RATE_SIGNIFICANT_DIGITS = 6;

/**
 * An FX rate for people: 6 significant digits, rounded half-even, grouped ("1,465.2", "7.3012",
 * "0.000740741" rather than 0.000740740740740741). The exact rate belongs in a title attribute
 * or an export, not in the text.
 */
export function formatRate(rate: string, locale: string): string {
  return new Intl.NumberFormat(toIntlLocale(locale), {
    maximumSignificantDigits: RATE_SIGNIFICANT_DIGITS,
    roundingMode: "halfEven",
  } as Intl.NumberFormatOptions).format(asDecimal(rate));
}

export type MoneyFormatOptions = {
  /** "1.3M" style for dashboards; exact figures stay the default. */
  compact?: boolean;
  /** "code" (USD 1,250,000.00) disambiguates when several dollar currencies are on one screen. */
  display?: "symbol" | "narrowSymbol" | "code" | "name";
  /** "exceptZero" shows "+" on positive changes, e.g. a period's overage. */
  signDisplay?: "auto" | "always" | "exceptZero" | "negative" | "never";
};

/**
 * Formats `{ amount: "1250000.00", currency: "USD" }` with the currency's own minor-unit digits
 * (JPY 0, USD 2, ...). Extra digits round half-even, the rule the waterfall rounds with.
 */
export function formatMoney(money: Money, locale: string, options: MoneyFormatOptions = {}): string {
  return new Intl.NumberFormat(toIntlLocale(locale), {
    style: "currency",
    currency: money.currency,
    currencyDisplay: options.display ?? "symbol",
    notation: options.compact ? "compact" : "standard",
    // Half-even matches the waterfall's rounding of exact figures; a compact figure is an
    // approximation for people, who expect 1.25M to read "1.3M".
    roundingMode: options.compact ? "halfExpand" : "halfEven",
    // "negative" rather than "auto": a zero balance never shows as "-$0.00".
    signDisplay: options.signDisplay ?? "negative",
  }).format(asDecimal(money.amount));
}

/** Percentages arrive as percentage points ("12.5" means 12.5%), so no ×100 as style "percent" would do. */
export function formatPercent(value: NumberInput, locale: string, options?: { maximumFractionDigits?: number }): string {
  return new Intl.NumberFormat(toIntlLocale(locale), {
    style: "unit",
    unit: "percent",
    maximumFractionDigits: options?.maximumFractionDigits ?? 2,
  }).format(numeric(value));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * A calendar date (a window start, a due date) is a day, not an instant: it is read as its
 * Y-M-D parts and formatted in UTC, so no host or viewer time zone can move it to the day before.
 * Accepts "YYYY-MM-DD", an ISO string starting with one, or a Date at UTC midnight (Prisma @db.Date).
 */
export function formatDate(date: string | Date, locale: string, options: { style?: "short" | "medium" | "long" | "full" } = {}): string {
  let utc: Date;
  if (typeof date === "string") {
    const match = ISO_DATE.exec(date);
    if (!match) throw new RangeError(`Not a calendar date: "${date}"`);
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    utc = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC silently rolls 2026-02-30 over to March; a date that rolled over was never valid.
    if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
      throw new RangeError(`Not a calendar date: "${date}"`);
    }
  } else {
    if (Number.isNaN(date.getTime())) throw new RangeError("Invalid Date");
    utc = date;
  }
  // "short" would be 12/7/26 in English (7 December or 12 July?): every style names the month.
  const style = options.style === "short" || options.style === undefined ? "medium" : options.style;
  return new Intl.DateTimeFormat(toIntlLocale(locale), { dateStyle: style, timeZone: "UTC" }).format(utc);
}

/**
 * An instant (created at, signed at) shown in the viewer's language. The zone defaults to UTC and
 * is always named ("UTC", "GMT+8"), so a server render never silently uses the host's zone.
 */
export function formatDateTime(
  instant: string | Date | number,
  locale: string,
  zoneOrOptions: string | null | { timeZone?: string | null; seconds?: boolean } = {},
): string {
  // formatDateTime(date, locale, organisation.timeZone): the organisation's zone, else UTC.
  const options = typeof zoneOrOptions === "string" || zoneOrOptions === null ? { timeZone: zoneOrOptions } : zoneOrOptions;
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: "${String(instant)}"`);
  return new Intl.DateTimeFormat(toIntlLocale(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    timeZone: options.timeZone || "UTC",
    timeZoneName: "short",
  }).format(date);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 days ago" / "3天前" for recency columns (last used, last activity); `now` is injectable for tests. */
export function formatRelativeTime(instant: string | Date | number, locale: string, now: Date = new Date()): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: "${String(instant)}"`);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(toIntlLocale(locale), { numeric: "auto" });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, "second");
}
