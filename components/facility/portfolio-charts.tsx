"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  PolarAngleAxis,
  RadialBar,
  RadialBarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type Column, DataTable } from "@/components/common/data-table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { CsvButton } from "./csv-download";

const chartNumber = (m: Money) => Number(m.amount);

/**
 * Utilisation of capacity as a half-circle gauge, with what makes up the capacity: principal
 * outstanding, approved but not yet disbursed, and what is still available to approve.
 */
export function UtilisationGauge({
  utilisationPct,
  capacity,
  principalOutstanding,
  approvedUndisbursed,
  available,
}: {
  utilisationPct: string | null;
  capacity: Money;
  principalOutstanding: Money;
  approvedUndisbursed: Money;
  available: Money;
}) {
  const t = useTranslations("facility.portfolio");
  const f = useFormat();
  const pct = utilisationPct === null ? 0 : Math.min(100, Number(utilisationPct));
  const reservedPct = chartNumber(capacity) > 0 ? Math.min(100 - pct, (chartNumber(approvedUndisbursed) / chartNumber(capacity)) * 100) : 0;
  const tone = pct >= 90 ? "var(--color-destructive)" : pct >= 75 ? "var(--color-warning)" : "var(--color-chart-1)";
  return (
    <figure
      className="grid gap-3"
      aria-label={t("gaugeLabel", { pct: utilisationPct === null ? "—" : f.percent(utilisationPct) })}
      data-testid="utilisation-gauge"
    >
      <div className="relative h-36 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <RadialBarChart
            data={[{ name: "used", value: pct, reserved: pct + reservedPct }]}
            startAngle={180}
            endAngle={0}
            cx="50%"
            cy="90%"
            innerRadius="120%"
            outerRadius="160%"
            barSize={18}
          >
            <PolarAngleAxis type="number" domain={[0, 100]} tick={false} angleAxisId={0} />
            <RadialBar
              dataKey="reserved"
              background={{ fill: "var(--color-muted)" }}
              fill="var(--color-chart-4)"
              cornerRadius={9}
              isAnimationActive={false}
            />
            <RadialBar dataKey="value" fill={tone} cornerRadius={9} isAnimationActive={false} />
          </RadialBarChart>
        </ResponsiveContainer>
        <div className="absolute inset-x-0 bottom-1 text-center">
          <p className="text-2xl font-semibold tabular-nums" data-testid="utilisation-value">
            {utilisationPct === null ? "—" : f.percent(utilisationPct)}
          </p>
          <p className="text-xs text-muted-foreground">{t("utilisation")}</p>
        </div>
      </div>
      <dl className="grid grid-cols-3 gap-2 text-xs">
        <div className="grid gap-0.5">
          <dt className="flex items-center gap-1.5 text-muted-foreground">
            <span className="size-2 rounded-full" style={{ background: tone }} aria-hidden />
            {t("outstanding")}
          </dt>
          <dd className="font-medium tabular-nums">{f.money(principalOutstanding, { compact: true })}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="flex items-center gap-1.5 text-muted-foreground">
            <span className="size-2 rounded-full bg-[var(--color-chart-4)]" aria-hidden />
            {t("reserved")}
          </dt>
          <dd className="font-medium tabular-nums">{f.money(approvedUndisbursed, { compact: true })}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="flex items-center gap-1.5 text-muted-foreground">
            <span className="size-2 rounded-full bg-muted ring-1 ring-border" aria-hidden />
            {t("available")}
          </dt>
          <dd className="font-medium tabular-nums">{f.money(available, { compact: true })}</dd>
        </div>
      </dl>
    </figure>
  );
}

export type ExposureRow = {
  key: string;
  label: string;
  /** A second line under the name, e.g. the licensee's country. */
  sub?: string;
  href?: string;
  advances: number;
  outstandingAdvances: number;
  principalOutstanding: Money;
  owed: Money;
  recouped: Money;
  disbursed: Money;
};

export type ExposureTab = { key: "byStudio" | "byLicensee" | "byLicenseeCountry" | "byGenre" | "byDeal"; rows: ExposureRow[] };

const CHART_ROWS = 8;

function ExposureChart({ rows, currency }: { rows: ExposureRow[]; currency: string }) {
  const t = useTranslations("facility.portfolio");
  const f = useFormat();
  const data = rows
    .filter((r) => chartNumber(r.owed) > 0 || chartNumber(r.recouped) > 0)
    .slice(0, CHART_ROWS)
    .map((r) => ({
      label: r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label,
      principal: chartNumber(r.principalOutstanding),
      owed: chartNumber(r.owed),
      recouped: chartNumber(r.recouped),
      source: r,
    }));
  if (data.length === 0) return <p className="text-sm text-muted-foreground">{t("nothingOutstanding")}</p>;
  return (
    <div className="w-full" style={{ height: Math.max(140, data.length * 52 + 40) }} aria-hidden>
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
            width={160}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 11, fill: "var(--color-foreground)" }}
          />
          <Tooltip
            cursor={{ fill: "var(--color-muted)" }}
            contentStyle={{ borderRadius: 8, border: "1px solid var(--color-border)", fontSize: 12 }}
            formatter={(_value, name, item) => {
              const row = (item.payload as { source: ExposureRow }).source;
              if (name === "principal") return [f.money(row.principalOutstanding), t("columns.principal")];
              if (name === "owed") return [f.money(row.owed), t("columns.owed")];
              return [f.money(row.recouped), t("columns.recouped")];
            }}
          />
          <Bar dataKey="principal" fill="var(--color-chart-1)" radius={[0, 4, 4, 0]} maxBarSize={12} isAnimationActive={false} />
          <Bar dataKey="owed" fill="var(--color-chart-4)" radius={[0, 4, 4, 0]} maxBarSize={12} isAnimationActive={false} />
          <Bar dataKey="recouped" fill="var(--color-chart-2)" radius={[0, 4, 4, 0]} maxBarSize={12} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Exposure by studio, licensee, licensee country, genre and deal: a chart, the full table and its CSV each. */
export function ExposureBreakdowns({ tabs, currency, asOf }: { tabs: ExposureTab[]; currency: string; asOf: string }) {
  const t = useTranslations("facility.portfolio");
  const f = useFormat();
  const columns: Column<ExposureRow>[] = [
    {
      id: "label",
      header: t("columns.name"),
      className: "min-w-56",
      cell: (r) => (
        <span className="grid gap-0.5">
          {r.href ? (
            <a href={r.href} className="font-medium hover:text-primary hover:underline">
              {r.label}
            </a>
          ) : (
            <span className="font-medium">{r.label}</span>
          )}
          {r.sub ? <span className="text-xs text-muted-foreground">{r.sub}</span> : null}
        </span>
      ),
    },
    {
      id: "advances",
      header: t("columns.advances"),
      align: "right",
      cell: (r) => (
        <span className="tabular-nums">
          {f.number(r.outstandingAdvances)} / {f.number(r.advances)}
        </span>
      ),
    },
    {
      id: "principal",
      header: t("columns.principal"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{f.money(r.principalOutstanding)}</span>,
    },
    {
      id: "owed",
      header: t("columns.owed"),
      align: "right",
      cell: (r) => <span className="tabular-nums font-medium">{f.money(r.owed)}</span>,
    },
    {
      id: "recouped",
      header: t("columns.recouped"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{f.money(r.recouped)}</span>,
    },
    {
      id: "disbursed",
      header: t("columns.disbursed"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{f.money(r.disbursed)}</span>,
    },
  ];
  const day = asOf.slice(0, 10);
  return (
    <Tabs defaultValue={tabs[0]?.key}>
      <TabsList className="overflow-x-auto">
        {tabs.map((tab) => (
          <TabsTrigger key={tab.key} value={tab.key}>
            {t(`tabs.${tab.key}`)}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((tab) => (
        <TabsContent key={tab.key} value={tab.key} className="grid gap-4">
          <ExposureChart rows={tab.rows} currency={currency} />
          <div className="flex justify-end">
            <CsvButton
              fileName={`portfolio-${tab.key}-${day}.csv`}
              header={[
                "key",
                "name",
                "currency",
                "advances",
                "outstanding_advances",
                "principal_outstanding",
                "owed",
                "recouped",
                "disbursed",
              ]}
              rows={tab.rows.map((r) => [
                r.key,
                r.sub ? `${r.label} (${r.sub})` : r.label,
                currency,
                r.advances,
                r.outstandingAdvances,
                r.principalOutstanding.amount,
                r.owed.amount,
                r.recouped.amount,
                r.disbursed.amount,
              ])}
              numericColumns={[3, 4, 5, 6, 7, 8]}
            />
          </div>
          <DataTable
            label={t(`tabs.${tab.key}`)}
            columns={columns}
            rows={tab.rows}
            rowKey={(r) => r.key}
            empty={<p className="text-sm text-muted-foreground">{t("noAdvances")}</p>}
          />
        </TabsContent>
      ))}
    </Tabs>
  );
}
