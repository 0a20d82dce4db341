"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type Column, DataTable } from "@/components/common/data-table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import { CsvButton } from "./csv-download";
import { UtilisationFigures } from "./utilisation";

const chartNumber = (m: Money) => Number(m.amount);

/** A half circle, left to right, drawn with pathLength 100 so dash lengths are percentages. */
const ARC = "M 12 100 A 88 88 0 0 1 188 100";

/**
 * Utilisation of capacity as a half-circle gauge, with what makes up the capacity: principal
 * outstanding, approved but not yet disbursed, and what is still available to approve.
 */
export function UtilisationGauge({
  utilisationPct,
  utilisationWithReservedPct,
  capacity,
  principalOutstanding,
  approvedUndisbursed,
  available,
}: {
  utilisationPct: string | null;
  utilisationWithReservedPct: string | null;
  capacity: Money;
  principalOutstanding: Money;
  approvedUndisbursed: Money;
  available: Money;
}) {
  const t = useTranslations("facility.portfolio");
  const tu = useTranslations("facility.utilisation");
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
      <div className="relative mx-auto w-full max-w-64" aria-hidden>
        <svg viewBox="0 0 200 112" className="w-full" role="presentation">
          <path d={ARC} fill="none" stroke="var(--color-muted)" strokeWidth={16} strokeLinecap="butt" pathLength={100} />
          {pct + reservedPct > 0 ? (
            <path
              d={ARC}
              fill="none"
              stroke="var(--color-chart-4)"
              strokeWidth={16}
              strokeLinecap="butt"
              pathLength={100}
              strokeDasharray={`${pct + reservedPct} 100`}
            />
          ) : null}
          {pct > 0 ? (
            <path d={ARC} fill="none" stroke={tone} strokeWidth={16} strokeLinecap="butt" pathLength={100} strokeDasharray={`${pct} 100`} />
          ) : null}
        </svg>
        <div className="absolute inset-x-0 bottom-0 text-center">
          <p className="text-2xl font-semibold tabular-nums" data-testid="utilisation-value">
            {utilisationPct === null ? "—" : f.percent(utilisationPct)}
          </p>
          <p className="text-xs text-muted-foreground">{tu("outstanding")}</p>
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
      <UtilisationFigures
        className="border-t pt-3"
        utilisationPct={utilisationPct}
        utilisationWithReservedPct={utilisationWithReservedPct}
      />
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
  const legend = [
    { key: "principal", color: "var(--color-chart-1)", label: t("columns.principal") },
    { key: "owed", color: "var(--color-chart-4)", label: t("columns.owed") },
    { key: "recouped", color: "var(--color-chart-2)", label: t("columns.recouped") },
  ];
  return (
    <div className="grid gap-2">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
        {legend.map((l) => (
          <li key={l.key} className="flex items-center gap-1.5">
            <span className="size-2 rounded-full" style={{ background: l.color }} />
            {l.label}
          </li>
        ))}
      </ul>
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
