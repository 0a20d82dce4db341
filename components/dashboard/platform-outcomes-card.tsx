import { ArrowRight, Globe2 } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { ratioLabel } from "@/components/outcomes/format";
import { Link } from "@/components/ui/link";
import { countryName } from "@/lib/i18n/countries";
import { formatMoney, formatPercent } from "@/lib/i18n/format";
import type { PlatformOutcomesView } from "@/lib/outcomes/present";
import type { Failure } from "@/lib/result";

/** The platform home page's outcomes: the ratio per home country over the last twelve months. */
export async function PlatformOutcomesCard({ view }: { view: { ok: true; value: PlatformOutcomesView } | Failure }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes"), getLocale()]);
  return (
    <section className="mt-8 rounded-xl border bg-card p-5 shadow-xs" data-testid="platform-outcomes-card">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-primary">
            <Globe2 className="size-4" aria-hidden />
          </span>
          <div>
            <h2 className="text-sm font-semibold">{t("widget.platformTitle")}</h2>
            {view.ok ? (
              <p className="text-xs text-muted-foreground">{t("widget.platformDescription", { currency: view.value.currency })}</p>
            ) : null}
          </div>
        </div>
        <Link href="/outcomes" className="flex items-center gap-1 text-sm font-medium text-primary hover:underline">
          {t("widget.open")}
          <ArrowRight className="size-4" aria-hidden />
        </Link>
      </div>
      {!view.ok ? (
        <p className="mt-3 text-sm text-muted-foreground">{view.reason === "FX_RATE_MISSING" ? t("widget.missingRates") : view.message}</p>
      ) : (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {view.value.byHomeCountry.slice(0, 8).map((c) => (
            <li key={c.country} className="rounded-lg border p-3">
              <p className="text-xs font-medium text-muted-foreground">{countryName(c.country, locale)}</p>
              <p className="text-2xl font-semibold tabular-nums" title={c.ratio ?? undefined}>
                {ratioLabel(c.ratio, locale) ?? <span className="text-base text-muted-foreground">{t("ratio.none")}</span>}
              </p>
              <p className="text-xs text-muted-foreground">
                {t("widget.receiptsPayments", {
                  receipts: formatMoney(c.receipts, locale, { compact: true }),
                  payments: formatMoney(c.payments, locale, { compact: true }),
                })}
                {c.exportSharePct !== null
                  ? ` · ${t("platform.exportShare")} ${formatPercent(c.exportSharePct, locale, { maximumFractionDigits: 0 })}`
                  : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
