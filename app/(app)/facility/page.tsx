import { Gauge, Landmark, Scale, Wallet } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { CapacityBelowExposureBanner } from "@/components/facility/capacity-banner";
import { FacilitySettingsForm } from "@/components/facility/settings-form";
import { UtilisationFigures } from "@/components/facility/utilisation";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { updateFacilitySettingsAction } from "@/lib/facility/actions";
import { getFacilitySettings } from "@/lib/facility/queries";
import { isLocale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import { listCurrencies } from "@/lib/reference/currencies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("facility.settings");
  return { title: t("title") };
}

/** The facility's terms: editable by its owners and admins, read-only for its other members, 404 elsewhere. */
export default async function FacilitySettingsPage() {
  const { actor } = await requireSession();
  if (actor.org.kind !== "FACILITY") notFound();
  const settings = await getFacilitySettings(actor);
  if (!settings) notFound();
  const editable = can({ role: actor.role, orgKind: actor.org.kind }, "facility.manage");
  const [t, locale] = await Promise.all([getTranslations("facility.settings"), getLocale()]);
  const lang = isLocale(locale) ? locale : "en";
  const currencies = listCurrencies({ dealable: true }).map((c) => ({ code: c.code, name: c.name[lang] }));

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { organization: settings.name })} />
      <CapacityBelowExposureBanner
        capacity={settings.capacity}
        principalOutstanding={settings.principalOutstanding}
        approvedUndisbursed={settings.approvedUndisbursed}
      />
      <StatGrid className="mb-6 [&_[data-slot=stat-value]]:text-xl">
        <StatCard label={t("stats.capacity")} value={formatMoney(settings.capacity, locale)} icon={Landmark} tone="brand" />
        <StatCard
          label={t("stats.principalOutstanding")}
          value={<span data-testid="facility-outstanding">{formatMoney(settings.principalOutstanding, locale)}</span>}
          hint={t("stats.approvedUndisbursed", { amount: formatMoney(settings.approvedUndisbursed, locale) })}
          icon={Wallet}
          tone="teal"
        />
        <StatCard
          label={t("stats.utilisation")}
          value={
            <UtilisationFigures
              className="mt-1 [&_dd]:text-base"
              utilisationPct={settings.utilisationPct}
              utilisationWithReservedPct={settings.utilisationWithReservedPct}
            />
          }
          icon={Gauge}
          tone="warning"
        />
        <StatCard
          label={t("stats.available")}
          value={formatMoney(settings.available, locale)}
          hint={t("stats.availableHint")}
          icon={Scale}
        />
      </StatGrid>
      <FacilitySettingsForm
        settings={settings}
        editable={editable}
        currencies={currencies}
        hasAdvances={settings.advanceCount > 0}
        saveAction={updateFacilitySettingsAction.bind(null, settings.version)}
      />
    </>
  );
}
