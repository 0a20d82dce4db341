import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { countryName } from "@/lib/i18n/countries";
import { updateOrganizationAction } from "@/lib/orgs/actions";
import { organizationSettings } from "@/lib/orgs/queries";
import { homeTimeZone, selectableTimeZones } from "@/lib/orgs/time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.organization");
  return { title: t("title") };
}

/** Settings → Organisation: who the organisation is, and the time zone its dates follow (owners change it). */
export default async function OrganizationSettingsPage() {
  const { actor } = await requireSession();
  const [settings, t, tTz, locale] = await Promise.all([
    organizationSettings(actor),
    getTranslations("settings.organization"),
    getTranslations("obligations.timeZone"),
    getLocale(),
  ]);
  const editable = can({ role: actor.role, orgKind: actor.org.kind }, "org.settings.manage");
  const org = settings ?? { ...actor.org, timeZone: null, effectiveTimeZone: homeTimeZone(actor.org.homeCountry) };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("name")}</dt>
                <dd className="font-medium">{org.name}</dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("kind")}</dt>
                <dd>
                  <OrgKindBadge kind={org.kind} />
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("homeCountry")}</dt>
                <dd>{countryName(org.homeCountry, locale)}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{tTz("label")}</CardTitle>
            {editable ? null : <CardDescription>{t("ownersOnly")}</CardDescription>}
          </CardHeader>
          <CardContent>
            <TimeZoneForm
              timeZone={org.timeZone}
              effectiveTimeZone={org.effectiveTimeZone}
              homeZone={homeTimeZone(org.homeCountry)}
              zones={selectableTimeZones()}
              editable={editable}
              saveAction={updateOrganizationAction}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
