import { ArrowDownLeft, ArrowUpRight, Scale } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Money } from "@/lib/money/money";
import { ratioLabel } from "./format";

/** The one number the product exists to move, big, with the two sums it divides. */
export async function OutcomesHeadline({
  ratio,
  receipts,
  payments,
  receiptCount,
  paymentCount,
  platform = false,
}: {
  ratio: string | null;
  receipts: Money;
  payments: Money;
  receiptCount?: number;
  paymentCount?: number;
  /** All studios together (the platform view) rather than one organisation. */
  platform?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("outcomes"), getLocale()]);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)]">
      <div className="relative rounded-xl border bg-card p-6 shadow-xs" data-testid="outcomes-ratio">
        <div className="flex items-start justify-between gap-3">
          <p className="text-sm font-medium text-muted-foreground">{t("ratio.headline")}</p>
          <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-primary">
            <Scale className="size-4" aria-hidden />
          </span>
        </div>
        <p
          className="mt-2 text-5xl font-semibold tracking-tight tabular-nums"
          title={ratio ?? undefined}
          data-testid="outcomes-ratio-value"
        >
          {ratioLabel(ratio, locale) ?? <span className="text-3xl text-muted-foreground">{t("ratio.none")}</span>}
        </p>
        <p className="mt-2 text-xs text-muted-foreground">
          {ratio === null ? t("ratio.noneHint") : platform ? t("ratio.platformHint") : t("ratio.hint")}
        </p>
      </div>
      <div className="rounded-xl border bg-card p-5 shadow-xs" data-testid="outcomes-receipts">
        <div className="flex items-start justify-between gap-3">
          <p className="text-sm font-medium text-muted-foreground">{t("headline.receipts")}</p>
          <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-primary">
            <ArrowDownLeft className="size-4" aria-hidden />
          </span>
        </div>
        <p className="mt-2 text-2xl font-semibold tracking-tight tabular-nums">{formatMoney(receipts, locale)}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          {t("headline.receiptsHint")}
          {receiptCount !== undefined
            ? ` · ${t("headline.count", { count: receiptCount, formatted: formatNumber(receiptCount, locale) })}`
            : null}
        </p>
      </div>
      <div className="rounded-xl border bg-card p-5 shadow-xs" data-testid="outcomes-payments">
        <div className="flex items-start justify-between gap-3">
          <p className="text-sm font-medium text-muted-foreground">{t("headline.payments")}</p>
          <span className="flex size-8 items-center justify-center rounded-lg bg-[oklch(0.6_0.18_340/0.12)] text-[oklch(0.5_0.18_340)]">
            <ArrowUpRight className="size-4" aria-hidden />
          </span>
        </div>
        <p className="mt-2 text-2xl font-semibold tracking-tight tabular-nums">{formatMoney(payments, locale)}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          {t("headline.paymentsHint")}
          {paymentCount !== undefined
            ? ` · ${t("headline.paymentCount", { count: paymentCount, formatted: formatNumber(paymentCount, locale) })}`
            : null}
        </p>
      </div>
    </div>
  );
}
