import { toIntlLocale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";

/**
 * Display helpers of the outcomes screens. Amounts and ratios arrive as exact decimal strings; they
 * become numbers only to be drawn in a chart (the tables and CSV keep the strings).
 */

/** "2026-03" → "Mar 2026" / "2026年3月"; "2026-Q1" → the `quarter` message with {year, quarter}. */
export function periodLabel(period: string, locale: string, quarter: (args: { year: string; quarter: string }) => string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return quarter({ year: q[1]!, quarter: q[2]! });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return new Intl.DateTimeFormat(toIntlLocale(locale), { year: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

/** A ratio string ("2.5000") for people: two decimals and a "×" ("2.50×"); null stays null. */
export function ratioLabel(ratio: string | null, locale: string): string | null {
  if (ratio === null) return null;
  return `${formatNumber(ratio, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, roundingMode: "halfEven" } as Intl.NumberFormatOptions)}×`;
}

/** For charts only. */
export const toChartNumber = (amount: string | null): number | null => (amount === null ? null : Number(amount));
