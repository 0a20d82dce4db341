import { CalendarClock, Download, HandCoins, Landmark, Wallet } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { CapacityBelowExposureBanner } from "@/components/facility/capacity-banner";
import { ExposureBreakdowns, type ExposureTab, UtilisationGauge } from "@/components/facility/portfolio-charts";
import { PortfolioAdvancesTable, StatusCounts } from "@/components/facility/portfolio-tables";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/gate";
import { getPortfolio } from "@/lib/facility/portfolio";
import { isLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/i18n/format";
import { getGenre } from "@/lib/reference/genres";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("facility.portfolio");
  return { title: t("title") };
}

/** Facility staff only: exposure, utilisation, recoupment and ageing of the facility's advances. */
export default async function PortfolioPage() {
  const { actor } = await requireSession();
  if (actor.org.kind !== "FACILITY") notFound();
  const portfolio = await getPortfolio(actor);
  if (!portfolio) notFound();
  const [t, locale] = await Promise.all([getTranslations("facility.portfolio"), getLocale()]);
  const lang = isLocale(locale) ? locale : "en";
  const genreName = (code: string) => getGenre(code)?.name[lang] ?? t("unspecifiedGenre");
  const p = portfolio;
  const tabs: ExposureTab[] = [
    { key: "byStudio", rows: p.byStudio.map((r) => ({ ...r })) },
    {
      key: "byLicensee",
      rows: p.byLicensee.map((r) => ({ ...r, sub: "country" in r && r.country ? countryName(r.country, locale) : undefined })),
    },
    { key: "byLicenseeCountry", rows: p.byLicenseeCountry.map((r) => ({ ...r, label: countryName(r.key, locale), sub: r.key })) },
    { key: "byGenre", rows: p.byGenre.map((r) => ({ ...r, label: genreName(r.key) })) },
    {
      key: "byDeal",
      rows: p.byDeal.map((r) => ({ ...r, href: `/advances?dealId=${r.key}` })),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: p.facility.name, date: formatDateTime(p.asOf, locale) })}
        actions={
          <Button asChild variant="outline">
            <a href="/api/v1/facility/portfolio?format=csv" download>
              <Download aria-hidden />
              {t("exportAll")}
            </a>
          </Button>
        }
      />
      <CapacityBelowExposureBanner
        capacity={p.capacity}
        principalOutstanding={p.principalOutstanding}
        approvedUndisbursed={p.approvedUndisbursed}
      />
      <div className="grid gap-6">
        <StatGrid className="[&_[data-slot=stat-value]]:text-xl">
          <StatCard
            label={t("stats.principalOutstanding")}
            value={<span data-testid="portfolio-principal">{formatMoney(p.principalOutstanding, locale)}</span>}
            hint={t("stats.feeOutstanding", { amount: formatMoney(p.feeOutstanding, locale) })}
            icon={Wallet}
            tone="brand"
          />
          <StatCard
            label={t("stats.owed")}
            value={<span data-testid="portfolio-owed">{formatMoney(p.owed, locale)}</span>}
            hint={t("stats.disbursedToDate", { amount: formatMoney(p.disbursedToDate, locale) })}
            icon={Landmark}
            tone="teal"
          />
          <StatCard
            label={t("stats.recoupedToDate")}
            value={<span data-testid="portfolio-recouped">{formatMoney(p.recoupedToDate, locale)}</span>}
            hint={t("stats.writtenOff", { amount: formatMoney(p.writtenOffToDate, locale) })}
            icon={HandCoins}
          />
          <StatCard
            label={t("stats.daysSinceDisbursement")}
            value={
              p.daysSinceDisbursement.average === null
                ? "—"
                : t("stats.days", { days: formatNumber(p.daysSinceDisbursement.average, locale) })
            }
            hint={
              p.daysSinceDisbursement.max === null
                ? t("stats.noneOutstanding")
                : t("stats.oldest", { days: formatNumber(p.daysSinceDisbursement.max, locale) })
            }
            icon={CalendarClock}
            tone="warning"
          />
        </StatGrid>

        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("capacityTitle")}</CardTitle>
              <CardDescription>{t("capacityDescription", { capacity: formatMoney(p.capacity, locale) })}</CardDescription>
            </CardHeader>
            <CardContent>
              <UtilisationGauge
                utilisationPct={p.utilisationPct}
                utilisationWithReservedPct={p.utilisationWithReservedPct}
                capacity={p.capacity}
                principalOutstanding={p.principalOutstanding}
                approvedUndisbursed={p.approvedUndisbursed}
                available={p.available}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("statusTitle")}</CardTitle>
              <CardDescription>{t("statusDescription")}</CardDescription>
            </CardHeader>
            <CardContent>
              <StatusCounts counts={p.statusCounts} />
            </CardContent>
          </Card>
        </div>

        <Card>
          <CardHeader>
            <CardTitle>{t("exposureTitle")}</CardTitle>
            <CardDescription>{t("exposureDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ExposureBreakdowns tabs={tabs} currency={p.facility.currency} asOf={p.asOf} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("advancesTitle")}</CardTitle>
            <CardDescription>{t("advancesDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <PortfolioAdvancesTable
              currency={p.facility.currency}
              asOf={p.asOf}
              rows={p.advances.map((a) => ({
                ...a,
                licenseeCountryName: countryName(a.licenseeCountry, locale),
                genreName: genreName(a.genre),
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
