import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { FxImport } from "@/components/fx/fx-import";
import { FxRateForm } from "@/components/fx/fx-rate-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { importFxRatesAction, putFxRatesAction } from "@/lib/fx/actions";
import { type FxRateRow, listFxRates, ratesInForce } from "@/lib/fx/queries";
import { formatDate, formatRate } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outcomes.fxPage");
  return { title: t("title") };
}

type Search = Promise<{ base?: string | string[]; quote?: string | string[] }>;
const code = (v: string | string[] | undefined) => (typeof v === "string" && /^[A-Z]{3}$/.test(v) ? v : undefined);

/**
 * Dated FX rates: platform administrators enter a day's rates or import a file; everyone else who
 * opens the page reads the same tables (rates are reference data, not any organisation's records).
 */
export default async function FxRatesPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const filter = { base: code(search.base), quote: code(search.quote) };
  const today = new Date().toISOString().slice(0, 10);
  const mayManage = can({ role: actor.role, orgKind: actor.org.kind }, "fx.manage");
  const [inForce, history, t, locale] = await Promise.all([
    ratesInForce(db, today),
    listFxRates(db, { limit: 300, ...filter }),
    getTranslations("outcomes.fxPage"),
    getLocale(),
  ]);
  const columns: Column<FxRateRow>[] = [
    { id: "date", header: t("columns.date"), nowrap: true, cell: (r) => <time dateTime={r.date}>{formatDate(r.date, locale)}</time> },
    { id: "base", header: t("columns.base"), cell: (r) => <span className="font-mono text-xs">{r.base}</span> },
    { id: "quote", header: t("columns.quote"), cell: (r) => <span className="font-mono text-xs">{r.quote}</span> },
    {
      id: "rate",
      header: t("columns.rate"),
      align: "right",
      cell: (r) => (
        <span className="font-mono text-xs tabular-nums" title={r.rate}>
          {formatRate(r.rate, locale)}
        </span>
      ),
    },
  ];
  const key = (r: FxRateRow) => `${r.date}${r.base}${r.quote}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!mayManage ? <p className="mb-4 text-sm text-muted-foreground">{t("readOnly")}</p> : null}
      {mayManage ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("form.title")}</CardTitle>
              <CardDescription>{t("form.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <FxRateForm today={today} action={putFxRatesAction} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("import.title")}</CardTitle>
              <CardDescription>{t("import.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <FxImport action={importFxRatesAction} />
            </CardContent>
          </Card>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section className="flex flex-col gap-2" aria-labelledby="fx-in-force">
          <h2 id="fx-in-force" className="text-base font-semibold">
            {t("inForce", { date: formatDate(today, locale) })}
          </h2>
          <DataTable
            columns={columns}
            rows={inForce}
            rowKey={key}
            label={t("inForce", { date: formatDate(today, locale) })}
            empty={<EmptyState title={t("empty")} />}
          />
        </section>
        <section className="flex flex-col gap-2" aria-labelledby="fx-history">
          <div className="flex flex-col gap-1">
            <h2 id="fx-history" className="text-base font-semibold">
              {t("history")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("historyDescription")}</p>
          </div>
          <DataTable columns={columns} rows={history} rowKey={key} label={t("history")} empty={<EmptyState title={t("empty")} />} />
        </section>
      </div>
    </>
  );
}
