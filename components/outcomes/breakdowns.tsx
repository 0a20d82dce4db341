"use client";

import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type Column, DataTable } from "@/components/common/data-table";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { sharePct } from "@/lib/outcomes/rules";
import { ratioLabel, toChartNumber } from "./format";

export type BreakdownRow = { key: string; label: string; receipts: Money; payments: Money; ratio: string | null };
export type BreakdownKey = "byCountry" | "byMediaRight" | "byRevenueType" | "byGenre" | "byTitle";

const CHART_ROWS = 8;

function BreakdownChart({ rows, currency }: { rows: BreakdownRow[]; currency: string }) {
  const t = useTranslations("outcomes");
  const f = useFormat();
  const data = rows.slice(0, CHART_ROWS).map((r) => ({
    label: r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label,
    receipts: toChartNumber(r.receipts.amount)!,
    payments: toChartNumber(r.payments.amount)!,
    source: r,
  }));
  return (
    <div className="w-full" style={{ height: Math.max(120, data.length * 44 + 40) }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--color-border)" />
          <XAxis
            type="number"
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: number) => f.money({ amount: String(v), currency }, { compact: true })}
            tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 11, fill: "var(--color-foreground)" }}
          />
          <Tooltip
            cursor={{ fill: "var(--color-muted)" }}
            contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
            formatter={(_value, name, item) => {
              const row = (item.payload as { source: BreakdownRow }).source;
              return name === "receipts"
                ? [f.money(row.receipts), t("headline.receipts")]
                : [f.money(row.payments), t("headline.payments")];
            }}
          />
          <Bar dataKey="receipts" fill="var(--color-chart-1)" radius={[0, 4, 4, 0]} maxBarSize={14} isAnimationActive={false} />
          <Bar dataKey="payments" fill="var(--color-chart-4)" radius={[0, 4, 4, 0]} maxBarSize={14} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The five breakdowns as tabs: each a chart of the largest rows and the full table with its CSV. */
export function Breakdowns({
  breakdowns,
  currency,
  totals,
  exportHrefs,
}: {
  breakdowns: Record<BreakdownKey, BreakdownRow[]>;
  currency: string;
  totals: { receipts: Money; payments: Money };
  exportHrefs: Record<BreakdownKey, string>;
}) {
  const t = useTranslations("outcomes");
  const locale = useLocale();
  const f = useFormat();
  const keys: BreakdownKey[] = ["byCountry", "byMediaRight", "byRevenueType", "byGenre", "byTitle"];
  // Exact: both amounts are decimal strings of the same currency, so their digits compare as integers.
  const share = (part: Money, whole: Money) => {
    const pct = sharePct(BigInt(part.amount.replace(".", "")), BigInt(whole.amount.replace(".", "")));
    return pct === null ? "—" : f.percent(pct, { maximumFractionDigits: 1 });
  };
  const columns = (key: BreakdownKey): Column<BreakdownRow>[] => [
    {
      id: "label",
      header: t(`breakdowns.keyHeader.${key}`),
      cell: (r) => <span className="font-medium">{r.label}</span>,
      className: "min-w-40",
    },
    {
      id: "receipts",
      header: t("headline.receipts"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{f.money(r.receipts)}</span>,
    },
    {
      id: "receiptsShare",
      header: t("breakdowns.shareOfReceipts"),
      align: "right",
      cell: (r) => <span className="tabular-nums text-muted-foreground">{share(r.receipts, totals.receipts)}</span>,
    },
    {
      id: "payments",
      header: t("headline.payments"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{f.money(r.payments)}</span>,
    },
    {
      id: "ratio",
      header: t("ratio.label"),
      align: "right",
      cell: (r) => (
        <span className="tabular-nums" title={r.ratio ?? undefined}>
          {ratioLabel(r.ratio, locale) ?? (
            <span className="text-muted-foreground" title={t("ratio.none")}>
              —
            </span>
          )}
        </span>
      ),
    },
  ];
  return (
    <Tabs defaultValue="byCountry" className="gap-4">
      <TabsList className="h-auto flex-wrap">
        {keys.map((k) => (
          <TabsTrigger key={k} value={k}>
            {t(`breakdowns.${k}`)}
          </TabsTrigger>
        ))}
      </TabsList>
      {keys.map((k) => (
        <TabsContent key={k} value={k} className="flex flex-col gap-4" data-testid={`breakdown-${k}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-muted-foreground">{t(`breakdowns.hint.${k}`)}</p>
            <Button variant="outline" size="sm" asChild>
              <a href={exportHrefs[k]} download>
                <Download aria-hidden />
                {t("exportCsv")}
              </a>
            </Button>
          </div>
          {breakdowns[k].length === 0 ? (
            <p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">{t("breakdowns.empty")}</p>
          ) : (
            <>
              <BreakdownChart rows={breakdowns[k]} currency={currency} />
              <DataTable columns={columns(k)} rows={breakdowns[k]} rowKey={(r) => r.key} label={t(`breakdowns.${k}`)} />
            </>
          )}
        </TabsContent>
      ))}
    </Tabs>
  );
}
