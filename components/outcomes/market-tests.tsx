import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { MarketTestView } from "@/lib/outcomes/present";

/**
 * Market tests per target territory next to the IP receipts from there (PRODUCT.md §2: a market
 * test feeds the outcomes view): how many audiences saw the titles, how they scored them, and what
 * was received from that country after the first test of each tested title.
 */
export async function MarketTests({ rows }: { rows: MarketTestView[] }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes.marketTests"), getLocale()]);
  const dates = (r: MarketTestView) =>
    r.firstTestOn === r.lastTestOn
      ? formatDate(r.firstTestOn, locale)
      : t("dates", { first: formatDate(r.firstTestOn, locale), last: formatDate(r.lastTestOn, locale) });
  const columns: Column<MarketTestView>[] = [
    { id: "territory", header: t("territory"), cell: (r) => <span className="font-medium">{r.label}</span>, className: "min-w-32" },
    {
      id: "titles",
      header: t("titles"),
      cell: (r) => r.titles.map((x) => x.label).join(locale === "zh" ? "、" : ", "),
      className: "min-w-40",
    },
    { id: "tests", header: t("tests"), align: "right", cell: (r) => formatNumber(r.tests, locale) },
    { id: "audience", header: t("audience"), align: "right", cell: (r) => formatNumber(r.audience, locale) },
    {
      id: "score",
      header: t("averageScore"),
      align: "right",
      cell: (r) => formatNumber(r.averageScore, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    },
    { id: "dates", header: t("testedOn"), cell: dates, className: "min-w-32" },
    {
      id: "receipts",
      header: t("receipts"),
      align: "right",
      cell: (r) => <span className="tabular-nums">{formatMoney(r.receipts, locale)}</span>,
    },
    {
      id: "receiptsAfterTests",
      header: t("receiptsAfterTests"),
      align: "right",
      cell: (r) => <span className="tabular-nums font-medium">{formatMoney(r.receiptsAfterTests, locale)}</span>,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.territory}
      label={t("title")}
      empty={<p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">{t("empty")}</p>}
    />
  );
}
