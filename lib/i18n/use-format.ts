"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  formatRelativeTime,
  type Money,
  type MoneyFormatOptions,
} from "./format";

/** The format helpers bound to the current UI locale, for client components. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      number: (value: number | bigint | string, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
      money: (money: Money, options?: MoneyFormatOptions) => formatMoney(money, locale, options),
      percent: (value: number | string, options?: { maximumFractionDigits?: number }) => formatPercent(value, locale, options),
      rate: (rate: string) => formatRate(rate, locale),
      date: (date: string | Date, options?: { style?: "short" | "medium" | "long" | "full" }) => formatDate(date, locale, options),
      dateTime: (instant: string | Date | number, options?: { timeZone?: string; seconds?: boolean }) =>
        formatDateTime(instant, locale, options),
      relative: (instant: string | Date | number, now?: Date) => formatRelativeTime(instant, locale, now),
    }),
    [locale],
  );
}
