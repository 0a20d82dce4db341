import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { formatMoney } from "@/lib/i18n/format";
import type { Money } from "@/lib/money/money";
import { periodLabel, ratioLabel } from "./format";

type Point = { period: string; start: string; end: string; receipts: Money; payments: Money; ratio: string | null };

/** The series as a table (what the chart draws), newest period first. */
export async function SeriesTable({ series }: { series: Point[] }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes"), getLocale()]);
  const columns: Column<Point>[] = [
    { id: "period", header: t("series.period"), nowrap: true, cell: (p) => periodLabel(p.period, locale, (a) => t("periods.quarter", a)) },
    {
      id: "receipts",
      header: t("headline.receipts"),
      align: "right",
      cell: (p) => <span className="tabular-nums">{formatMoney(p.receipts, locale)}</span>,
    },
    {
      id: "payments",
      header: t("headline.payments"),
      align: "right",
      cell: (p) => <span className="tabular-nums">{formatMoney(p.payments, locale)}</span>,
    },
    {
      id: "ratio",
      header: t("ratio.label"),
      align: "right",
      cell: (p) => (
        <span className="tabular-nums" title={p.ratio ?? undefined}>
          {ratioLabel(p.ratio, locale) ?? (
            <span className="text-muted-foreground" title={t("ratio.none")}>
              —
            </span>
          )}
        </span>
      ),
    },
  ];
  return <DataTable columns={columns} rows={[...series].reverse()} rowKey={(p) => p.period} label={t("series.title")} />;
}
