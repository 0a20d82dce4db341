"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/i18n/use-format";

export type TerritoryScore = {
  territory: string;
  /** Country name in the UI language. */
  name: string;
  /** Mean score of the territory's tests, 0–100. */
  score: number;
  tests: number;
  audience: number;
};

/**
 * Audience scores by territory for one version: one bar per country (the mean when it was tested
 * more than once). The figures are also in the table next to it, so the chart is decorative for
 * assistive technology and summarised in its label.
 */
export function MarketTestChart({ data }: { data: TerritoryScore[] }) {
  const t = useTranslations("catalogue.marketTests");
  const f = useFormat();
  if (data.length === 0) return null;
  const summary = data.map((d) => `${d.name} ${f.number(d.score, { maximumFractionDigits: 0 })}`).join(", ");
  return (
    <figure className="grid gap-2" aria-label={t("chartLabel", { summary })} data-testid="market-test-chart">
      <figcaption className="text-xs font-medium text-muted-foreground">{t("chartTitle")}</figcaption>
      <div className="h-44 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis
              dataKey="name"
              tickLine={false}
              axisLine={false}
              interval={0}
              tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickLine={false}
              axisLine={false}
              tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
            />
            <Tooltip
              cursor={{ fill: "var(--color-muted)" }}
              contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
              formatter={(value, _name, item) => {
                const row = item.payload as TerritoryScore;
                return [
                  `${f.number(Number(value), { maximumFractionDigits: 1 })} · ${t("tooltipTests", { count: row.tests, audience: f.number(row.audience) })}`,
                  t("score"),
                ];
              }}
            />
            <Bar dataKey="score" fill="var(--color-chart-1)" radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
