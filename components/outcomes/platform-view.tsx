"use client";

import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type Column, DataTable } from "@/components/common/data-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { countryName } from "@/lib/i18n/countries";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { ratioLabel, toChartNumber } from "./format";

type Country = {
  country: string;
  studios: number;
  receipts: Money;
  payments: Money;
  ratio: string | null;
  allReceipts: Money;
  exportSharePct: string | null;
};
type Studio = Omit<Country, "country" | "studios"> & { id: string; name: string; homeCountry: string };

/** Platform admins: every studio's IP receipts and payments by home country, and each studio's export share. */
export function PlatformView({
  byHomeCountry,
  studios,
  currency,
  exportHrefs,
}: {
  byHomeCountry: Country[];
  studios: Studio[];
  currency: string;
  exportHrefs: { byHomeCountry: string; studios: string };
}) {
  const t = useTranslations("outcomes");
  const locale = useLocale();
  const f = useFormat();
  const ratio = (r: string | null) => (
    <span className="tabular-nums" title={r ?? undefined}>
      {ratioLabel(r, locale) ?? (
        <span className="text-muted-foreground" title={t("ratio.none")}>
          —
        </span>
      )}
    </span>
  );
  const share = (s: string | null) =>
    s === null ? <span className="text-muted-foreground">—</span> : <span className="tabular-nums">{f.percent(s)}</span>;
  const money = (m: Money) => <span className="tabular-nums">{f.money(m)}</span>;

  const countryColumns: Column<Country>[] = [
    {
      id: "country",
      header: t("platform.homeCountry"),
      cell: (r) => <span className="font-medium">{countryName(r.country, locale)}</span>,
    },
    { id: "studios", header: t("platform.studios"), align: "right", cell: (r) => f.number(r.studios) },
    { id: "receipts", header: t("headline.receipts"), align: "right", cell: (r) => money(r.receipts) },
    { id: "payments", header: t("headline.payments"), align: "right", cell: (r) => money(r.payments) },
    { id: "ratio", header: t("ratio.label"), align: "right", cell: (r) => ratio(r.ratio) },
    { id: "share", header: t("platform.exportShare"), align: "right", cell: (r) => share(r.exportSharePct) },
  ];
  const studioColumns: Column<Studio>[] = [
    { id: "name", header: t("platform.studio"), cell: (r) => <span className="font-medium">{r.name}</span>, className: "min-w-40" },
    { id: "country", header: t("platform.homeCountry"), cell: (r) => countryName(r.homeCountry, locale) },
    { id: "receipts", header: t("headline.receipts"), align: "right", cell: (r) => money(r.receipts) },
    { id: "payments", header: t("headline.payments"), align: "right", cell: (r) => money(r.payments) },
    { id: "ratio", header: t("ratio.label"), align: "right", cell: (r) => ratio(r.ratio) },
    { id: "all", header: t("platform.allReceipts"), align: "right", cell: (r) => money(r.allReceipts) },
    { id: "share", header: t("platform.exportShare"), align: "right", cell: (r) => share(r.exportSharePct) },
  ];
  const data = byHomeCountry.map((c) => ({
    label: countryName(c.country, locale),
    receipts: toChartNumber(c.receipts.amount)!,
    payments: toChartNumber(c.payments.amount)!,
    source: c,
  }));
  const csv = (href: string) => (
    <Button variant="outline" size="sm" asChild>
      <a href={href} download>
        <Download aria-hidden />
        {t("exportCsv")}
      </a>
    </Button>
  );
  return (
    <div className="flex flex-col gap-6">
      <Card data-testid="platform-by-country">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div className="flex flex-col gap-1">
            <CardTitle>{t("platform.byCountryTitle")}</CardTitle>
            <CardDescription>{t("platform.byCountryDescription")}</CardDescription>
          </div>
          {csv(exportHrefs.byHomeCountry)}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {data.length > 0 ? (
            <div className="h-64 w-full" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid vertical={false} stroke="var(--color-border)" />
                  <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }} />
                  <YAxis
                    tickLine={false}
                    axisLine={false}
                    width={72}
                    tickFormatter={(v: number) => f.money({ amount: String(v), currency }, { compact: true })}
                    tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
                  />
                  <Tooltip
                    cursor={{ fill: "var(--color-muted)" }}
                    contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
                    formatter={(_v, name, item) => {
                      const row = (item.payload as { source: Country }).source;
                      return name === "receipts"
                        ? [f.money(row.receipts), t("headline.receipts")]
                        : [f.money(row.payments), t("headline.payments")];
                    }}
                  />
                  <Legend
                    formatter={(v: string) => t(`headline.${v === "receipts" ? "receipts" : "payments"}`)}
                    wrapperStyle={{ fontSize: 12 }}
                  />
                  <Bar dataKey="receipts" fill="var(--color-chart-1)" radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
                  <Bar dataKey="payments" fill="var(--color-chart-4)" radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : null}
          <DataTable columns={countryColumns} rows={byHomeCountry} rowKey={(r) => r.country} label={t("platform.byCountryTitle")} />
        </CardContent>
      </Card>
      <Card data-testid="platform-studios">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div className="flex flex-col gap-1">
            <CardTitle>{t("platform.studiosTitle")}</CardTitle>
            <CardDescription>{t("platform.studiosDescription")}</CardDescription>
          </div>
          {csv(exportHrefs.studios)}
        </CardHeader>
        <CardContent>
          <DataTable columns={studioColumns} rows={studios} rowKey={(r) => r.id} label={t("platform.studiosTitle")} />
        </CardContent>
      </Card>
    </div>
  );
}
