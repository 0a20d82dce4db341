"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/i18n/use-format";
import type { DashboardView } from "@/lib/programmes/schema";

type Awarded = DashboardView["awarded"][number];

/** Quarters relative to the award quarter: "Q−4" … "Q0" (the award) … "Q+2". */
function offset(period: string, award: string): number {
  const idx = (p: string) => {
    const [y, q] = p.split("-Q").map(Number) as [number, number];
    return y * 4 + q;
  };
  return idx(period) - idx(award);
}

const COLORS = ["var(--color-chart-1)", "var(--color-chart-2)", "var(--color-chart-3)", "var(--color-chart-4)", "var(--color-chart-5)"];

/**
 * The essay's metric for each awarded studio: receipts ÷ payments by quarter, aligned on the
 * quarter of the award (Q0), so before and after read left and right of the line. A quarter
 * without payments has no ratio (the line breaks). The same figures are in the table below.
 */
export function RatioChart({ awarded }: { awarded: Awarded[] }) {
  const t = useTranslations("programmes.dashboard");
  const f = useFormat();
  const offsets = [...new Set(awarded.flatMap((a) => a.series.map((s) => offset(s.period, a.awardQuarter))))].sort((a, b) => a - b);
  const data = offsets.map((o) => {
    const row: Record<string, number | string | null> = { label: o === 0 ? "Q0" : o < 0 ? `Q−${-o}` : `Q+${o}` };
    for (const a of awarded) {
      const point = a.series.find((s) => offset(s.period, a.awardQuarter) === o);
      // A chart coordinate only; the figures shown are the exact decimal strings.
      row[a.applicationId] = point?.ratio ? Number(point.ratio) : null;
    }
    return row;
  });
  return (
    <figure className="grid gap-2" data-testid="ratio-chart" aria-label={t("chartLabel")}>
      <div className="h-64 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }} />
            <YAxis
              tickLine={false}
              axisLine={false}
              width={44}
              tickFormatter={(v: number) => `${f.number(v, { maximumFractionDigits: 1 })}×`}
              tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
            />
            <ReferenceLine
              x="Q0"
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 4"
              label={{ value: t("award"), fontSize: 11 }}
            />
            <Tooltip contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }} />
            <Legend
              formatter={(id: string) => awarded.find((a) => a.applicationId === id)?.studio.name ?? id}
              wrapperStyle={{ fontSize: 12 }}
            />
            {awarded.map((a, i) => (
              <Line
                key={a.applicationId}
                dataKey={a.applicationId}
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-muted-foreground">{t("chartCaption")}</figcaption>
    </figure>
  );
}
