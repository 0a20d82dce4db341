import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { formatDate, formatNumber, formatRate } from "@/lib/i18n/format";

type Used = { date: string; base: string; quote: string; rate: string; via: "DIRECT" | "INVERSE" | "CROSS_USD"; receipts: number };

/** Which dated rates converted the receipts (issue 6: outcomes say which rates they used). */
export async function FxRatesUsed({ rates, currency }: { rates: Used[]; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes.fxUsed"), getLocale()]);
  if (rates.length === 0) return <p className="text-sm text-muted-foreground">{t("none", { currency })}</p>;
  const columns: Column<Used>[] = [
    { id: "pair", header: t("pair"), nowrap: true, cell: (r) => <span className="font-mono text-xs">{`${r.base} → ${r.quote}`}</span> },
    { id: "date", header: t("date"), nowrap: true, cell: (r) => formatDate(r.date, locale) },
    {
      id: "rate",
      header: t("rate"),
      align: "right",
      cell: (r) => (
        <span className="font-mono text-xs tabular-nums" title={r.rate}>
          {formatRate(r.rate, locale)}
        </span>
      ),
    },
    { id: "via", header: t("via"), cell: (r) => t(`viaKinds.${r.via}`) },
    { id: "receipts", header: t("receipts"), align: "right", cell: (r) => formatNumber(r.receipts, locale) },
  ];
  return <DataTable columns={columns} rows={rates} rowKey={(r) => `${r.base}${r.quote}${r.date}${r.rate}`} label={t("title")} />;
}
