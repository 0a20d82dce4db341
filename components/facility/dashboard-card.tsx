import { ArrowRight, Banknote } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { FacilityDashboardFigures } from "@/lib/facility/portfolio";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { UtilisationFigures } from "./utilisation";

/**
 * The advance facility on the dashboard: for facility staff, utilisation and the applications
 * waiting on them; for a studio, what its advances still owe. Figures come from
 * `facilityDashboardFigures(actor)` (lib/facility/portfolio.ts).
 */
export function FacilityDashboardCard({ figures }: { figures: FacilityDashboardFigures }) {
  const t = useTranslations("facility.dashboard");
  const locale = useLocale();
  const item = (label: string, value: string, href?: string) => (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="hover:text-primary hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
  return (
    <Card data-testid="facility-dashboard-card">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle className="flex items-center gap-2">
            <Banknote className="size-4 text-primary" aria-hidden />
            {figures.kind === "FACILITY" ? t("facilityTitle") : t("studioTitle")}
          </CardTitle>
          <CardDescription>{figures.kind === "FACILITY" ? t("facilityDescription") : t("studioDescription")}</CardDescription>
        </div>
        <Link
          href={figures.kind === "FACILITY" ? "/portfolio" : "/advances"}
          className="inline-flex shrink-0 items-center gap-1 text-sm text-primary hover:underline"
        >
          {figures.kind === "FACILITY" ? t("toPortfolio") : t("toAdvances")}
          <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </CardHeader>
      <CardContent>
        {figures.kind === "FACILITY" ? (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <UtilisationFigures
              className="col-span-2"
              utilisationPct={figures.utilisationPct}
              utilisationWithReservedPct={figures.utilisationWithReservedPct}
            />
            {item(t("owed"), formatMoney(figures.owed, locale, { compact: true }))}
            {item(t("awaitingReview"), formatNumber(figures.awaitingReview, locale), "/advances?status=SUBMITTED")}
            {item(t("awaitingDisbursement"), formatNumber(figures.awaitingDisbursement, locale), "/advances?status=APPROVED")}
          </dl>
        ) : (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {item(t("studioOwed"), formatMoney(figures.owed, locale))}
            {item(t("active"), formatNumber(figures.active, locale), "/advances?status=DISBURSED")}
            {item(t("pending"), formatNumber(figures.pending, locale), "/advances")}
            {item(t("drafts"), formatNumber(figures.drafts, locale), "/advances?status=DRAFT")}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
