"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";

export type RecoupmentPoint = { statementId: string; periodStart: string; periodEnd: string; licensorShare: MoneyView };

/** A round axis top above `value`: 1, 2 or 5 × a power of ten. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * Cumulative licensor share S after each counting statement against the minimum guarantee: the
 * recoupment line. Plotted numbers are for drawing only; labels and tooltips show the exact Money.
 */
export function RecoupmentChart({
  points,
  minimumGuarantee,
  highlight,
}: {
  points: RecoupmentPoint[];
  minimumGuarantee: MoneyView | null;
  /** The statement whose page this is, marked on the line. */
  highlight?: string;
}) {
  const t = useTranslations("statements.chart");
  const f = useFormat();
  if (points.length === 0) return null;
  // The line starts at zero on the first period's start: nothing is earned before any statement.
  const first = points[0]!;
  const origin = {
    ...first,
    statementId: "",
    periodEnd: first.periodStart,
    licensorShare: { amount: "0", currency: first.licensorShare.currency },
  };
  const data = [origin, ...points].map((p) => ({
    ...p,
    label: f.date(p.periodEnd, { style: "short" }),
    s: Number(p.licensorShare.amount),
  }));
  const mg = minimumGuarantee ? Number(minimumGuarantee.amount) : null;
  const highest = Math.max(mg ?? 0, ...data.map((d) => d.s));
  const step = niceCeil(highest / 4);
  const ticks = Array.from({ length: Math.ceil((highest * 1.05) / step) + 1 }, (_, i) => i * step);
  const last = points[points.length - 1]!;
  const compact = (value: number) => f.money({ amount: String(value), currency: last.licensorShare.currency }, { compact: true });
  const marked = data.find((d) => d.statementId === highlight);
  const summary = t("summary", {
    share: f.money(last.licensorShare),
    mg: minimumGuarantee ? f.money(minimumGuarantee) : t("noMg"),
    count: points.length,
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <figure className="grid gap-2" aria-label={summary} data-testid="recoupment-chart">
          <div className="h-64 w-full" aria-hidden>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 12, right: 24, bottom: 0, left: 8 }}>
                <CartesianGrid vertical={false} stroke="var(--color-border)" />
                <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }} />
                <YAxis
                  tickLine={false}
                  axisLine={false}
                  width={72}
                  domain={[0, ticks[ticks.length - 1]!]}
                  ticks={ticks}
                  tickFormatter={(v: number) => compact(Math.round(v))}
                  tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
                />
                <Tooltip
                  contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
                  formatter={(_value, _name, item) => [f.money((item.payload as (typeof data)[number]).licensorShare), t("share")]}
                />
                {mg !== null ? (
                  <ReferenceLine
                    y={mg}
                    stroke="var(--color-chart-4)"
                    strokeDasharray="6 4"
                    label={{
                      value: t("mgLine", { mg: compact(mg) }),
                      position: "insideTopLeft",
                      fontSize: 11,
                      fill: "var(--color-muted-foreground)",
                    }}
                  />
                ) : null}
                <Line type="monotone" dataKey="s" stroke="var(--color-chart-1)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
                {marked ? (
                  <ReferenceDot x={marked.label} y={marked.s} r={6} fill="var(--color-chart-1)" stroke="var(--color-background)" />
                ) : null}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="text-xs text-muted-foreground">{summary}</figcaption>
        </figure>
      </CardContent>
    </Card>
  );
}
