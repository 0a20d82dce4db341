import { ArrowRight, Scale } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { periodLabel, ratioLabel } from "@/components/outcomes/format";
import { RatioSparkline } from "@/components/outcomes/ratio-sparkline";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/lib/i18n/format";
import { money } from "@/lib/money/currency";
import type { OutcomesReport } from "@/lib/outcomes/queries";
import { ratio } from "@/lib/outcomes/rules";
import type { Failure } from "@/lib/result";

/**
 * The studio home page's headline: IP receipts ÷ IP payments this quarter and over the last four
 * quarters, with the ratio's trend by quarter, linking to /outcomes. `report` is a quarterly
 * outcomes report whose last period is the current quarter.
 */
export async function OutcomesRatioCard({ report }: { report: { ok: true; value: OutcomesReport } | Failure }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes"), getLocale()]);
  const header = (
    <div className="flex items-start justify-between gap-3">
      <div className="flex items-center gap-2">
        <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-primary">
          <Scale className="size-4" aria-hidden />
        </span>
        <h2 className="text-sm font-semibold">{t("widget.title")}</h2>
      </div>
      <Link href="/outcomes" className="flex items-center gap-1 text-sm font-medium text-primary hover:underline">
        {t("widget.open")}
        <ArrowRight className="size-4" aria-hidden />
      </Link>
    </div>
  );
  if (!report.ok) {
    return (
      <section className="mb-4 rounded-xl border bg-card p-5 shadow-xs" data-testid="outcomes-ratio-card">
        {header}
        <p className="mt-3 text-sm text-muted-foreground">
          {report.reason === "FX_RATE_MISSING" ? t("widget.missingRates") : report.message}
        </p>
      </section>
    );
  }
  const r = report.value;
  const current = r.series.at(-1)!;
  const lastFour = r.series.slice(-4);
  const year = lastFour.reduce((s, p) => ({ receipts: s.receipts + p.receipts, payments: s.payments + p.payments }), {
    receipts: 0n,
    payments: 0n,
  });
  const yearRatio = ratio(year.receipts, year.payments);
  const quarterRatio = ratio(current.receipts, current.payments);
  const m = (minor: bigint) => formatMoney(money(minor, r.currency), locale, { compact: true });
  return (
    <section className="mb-4 rounded-xl border bg-card p-5 shadow-xs" data-testid="outcomes-ratio-card" aria-label={t("widget.title")}>
      {header}
      <div className="mt-4 grid gap-6 sm:grid-cols-[auto_auto_minmax(0,1fr)] sm:items-end">
        <div>
          <p className="text-xs font-medium text-muted-foreground">{t("widget.thisYear")}</p>
          <p
            className="text-4xl font-semibold tracking-tight tabular-nums"
            data-testid="outcomes-ratio-year"
            title={yearRatio ?? undefined}
          >
            {ratioLabel(yearRatio, locale) ?? <span className="text-2xl text-muted-foreground">{t("ratio.none")}</span>}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {t("widget.receiptsPayments", { receipts: m(year.receipts), payments: m(year.payments) })}
          </p>
        </div>
        <div>
          <p className="text-xs font-medium text-muted-foreground">
            {t("widget.thisQuarter")} · {periodLabel(current.period, locale, (a) => t("periods.quarter", a))}
          </p>
          <p
            className="text-2xl font-semibold tracking-tight tabular-nums"
            data-testid="outcomes-ratio-quarter"
            title={quarterRatio ?? undefined}
          >
            {ratioLabel(quarterRatio, locale) ?? <span className="text-lg text-muted-foreground">{t("ratio.none")}</span>}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {t("widget.receiptsPayments", { receipts: m(current.receipts), payments: m(current.payments) })}
          </p>
        </div>
        <div className="min-w-0">
          <p className="text-xs font-medium text-muted-foreground">{t("widget.trend")}</p>
          {r.series.some((p) => p.payments > 0n) ? (
            <RatioSparkline points={r.series.map((p) => (p.payments === 0n ? null : Number(ratio(p.receipts, p.payments))))} />
          ) : (
            <p className="mt-2 text-xs text-muted-foreground">{t("ratio.noneHint")}</p>
          )}
        </div>
      </div>
    </section>
  );
}
