import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { LanguagePreference } from "@/components/settings/language-preference";
import { LogoutEverywhereButton } from "@/components/settings/logout-everywhere-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/gate";
import { logoutEverywhereAction } from "@/lib/orgs/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const { actor, user, organizations } = await requireSession();
  const [t, tRole] = await Promise.all([getTranslations("settings"), getTranslations("role")]);

  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("account.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("account.name")}</dt>
                <dd className="font-medium" data-testid="profile-name">
                  {user.name}
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("account.email")}</dt>
                <dd className="font-medium break-all" data-testid="profile-email">
                  {user.email}
                </dd>
              </div>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("language.title")}</CardTitle>
            <CardDescription>{t("language.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <LanguagePreference />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("organizations.title")}</CardTitle>
            <CardDescription>{t("organizations.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y rounded-lg border">
              {organizations.map((org) => (
                <li key={org.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                  <span className="font-medium">{org.name}</span>
                  <OrgKindBadge kind={org.kind} />
                  <span className="text-muted-foreground">{tRole(org.role)}</span>
                  {org.id === actor.org.id ? (
                    <Badge variant="success" className="ml-auto">
                      {t("organizations.active")}
                    </Badge>
                  ) : null}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("sessions.title")}</CardTitle>
            <CardDescription>{t("sessions.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <LogoutEverywhereButton logoutEverywhereAction={logoutEverywhereAction} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
