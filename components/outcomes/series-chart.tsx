"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { periodLabel, ratioLabel, toChartNumber } from "./format";

export type SeriesPoint = { period: string; receipts: Money; payments: Money; ratio: string | null };

type Row = { label: string; receipts: number; payments: number; ratio: number | null; source: SeriesPoint };

/**
 * IP receipts against IP payments per period (bars, left axis, reporting currency) with the ratio
 * as a line on the right axis; a period without payments has no ratio, so the line breaks there.
 * The same figures are in the table under the chart.
 */
export function SeriesChart({ series, currency }: { series: SeriesPoint[]; currency: string }) {
  const t = useTranslations("outcomes");
  const locale = useLocale();
  const f = useFormat();
  const data: Row[] = series.map((p) => ({
    label: periodLabel(p.period, locale, (a) => t("periods.quarter", a)),
    receipts: toChartNumber(p.receipts.amount)!,
    payments: toChartNumber(p.payments.amount)!,
    ratio: toChartNumber(p.ratio),
    source: p,
  }));
  const compact = (v: number) => f.money({ amount: String(v), currency }, { compact: true });
  return (
    <figure className="grid gap-2" data-testid="outcomes-series-chart" aria-label={t("series.chartLabel")}>
      <div className="h-72 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }} />
            <YAxis
              yAxisId="money"
              tickLine={false}
              axisLine={false}
              width={72}
              tickFormatter={compact}
              tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
            />
            <YAxis
              yAxisId="ratio"
              orientation="right"
              tickLine={false}
              axisLine={false}
              width={44}
              tickFormatter={(v: number) => `${f.number(v, { maximumFractionDigits: 1 })}×`}
              tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
            />
            <Tooltip
              cursor={{ fill: "var(--color-muted)" }}
              contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
              formatter={(_value, name, item) => {
                const row = (item.payload as Row).source;
                if (name === "ratio") return [ratioLabel(row.ratio, locale) ?? t("ratio.none"), t("ratio.label")];
                const money = name === "receipts" ? row.receipts : row.payments;
                return [f.money(money), t(`headline.${name === "receipts" ? "receipts" : "payments"}`)];
              }}
            />
            <Legend
              formatter={(value: string) =>
                value === "ratio" ? t("ratio.label") : t(`headline.${value === "receipts" ? "receipts" : "payments"}`)
              }
              wrapperStyle={{ fontSize: 12 }}
            />
            <Bar
              yAxisId="money"
              dataKey="receipts"
              fill="var(--color-chart-1)"
              radius={[4, 4, 0, 0]}
              maxBarSize={28}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="money"
              dataKey="payments"
              fill="var(--color-chart-4)"
              radius={[4, 4, 0, 0]}
              maxBarSize={28}
              isAnimationActive={false}
            />
            <Line
              yAxisId="ratio"
              dataKey="ratio"
              type="monotone"
              stroke="var(--color-chart-2)"
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
