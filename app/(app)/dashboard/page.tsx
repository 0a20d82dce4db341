import {
  BellRing,
  Building2,
  Clapperboard,
  FilePen,
  Globe2,
  Handshake,
  KeyRound,
  Landmark,
  Languages,
  MailPlus,
  ScrollText,
  Store,
  Users,
} from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { type ChecklistItem, GettingStarted } from "@/components/dashboard/getting-started";
import { InvitationsForYou } from "@/components/dashboard/invitations-for-you";
import { OutcomesRatioCard } from "@/components/dashboard/outcomes-ratio-card";
import { PlatformOutcomesCard } from "@/components/dashboard/platform-outcomes-card";
import { RecentActivity } from "@/components/dashboard/recent-activity";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { FacilityDashboardCard } from "@/components/facility/dashboard-card";
import { ObligationDashboardCards } from "@/components/obligations/dashboard-cards";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { auditSubjects, listAuditEntries } from "@/lib/audit/queries";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { catalogueFigures, listTitles } from "@/lib/catalogue/queries";
import { titleListQuerySchema } from "@/lib/catalogue/schema";
import { dealFigures } from "@/lib/deals/queries";
import { facilityDashboardFigures } from "@/lib/facility/portfolio";
import { countryName } from "@/lib/i18n/countries";
import { formatNumber } from "@/lib/i18n/format";
import { obligationSummary } from "@/lib/obligations/queries";
import { listInvitationsForUser, organizationFigures, platformFigures } from "@/lib/orgs/queries";
import { presentPlatformOutcomes } from "@/lib/outcomes/present";
import { defaultParams, getOutcomes, getPlatformOutcomes } from "@/lib/outcomes/queries";
import { ok } from "@/lib/result";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/**
 * Every kind of organisation lands here. Only figures that exist today are shown; later features
 * (titles, deals, statements, advances) add their own cards next to these.
 */
export default async function DashboardPage() {
  const { actor, user } = await requireSession();
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const mayInvite = can(subject, "org.members.invite");
  const mayManageKeys = can(subject, "org.apiKeys.manage");
  const mayReadAudit = can(subject, "org.audit.read");
  const mayManageOrgs = can(subject, "platform.organizations.manage");
  const isPlatform = actor.org.kind === "PLATFORM";
  const dealsPromise = actor.org.kind === "STUDIO" || actor.org.kind === "PARTNER" ? dealFigures(actor) : Promise.resolve(null);

  const isStudio = actor.org.kind === "STUDIO";
  const isPartner = actor.org.kind === "PARTNER";
  // The ratio by quarter: the current quarter and the seven before it (the sparkline's eight points).
  const today = defaultParams().to;
  const quarterStart = `${today.slice(0, 4)}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  const eightQuartersFrom = `${Number(quarterStart.slice(0, 4)) - 2}-${quarterStart.slice(5)}`;
  const outcomesPromise = isStudio
    ? getOutcomes(actor, { from: eightQuartersFrom, to: today, granularity: "quarter" })
    : Promise.resolve(null);
  const platformOutcomesPromise =
    isPlatform && can(subject, "outcomes.platform")
      ? getPlatformOutcomes(defaultParams()).then((r) => (r.ok ? ok(presentPlatformOutcomes(r.value)) : r))
      : Promise.resolve(null);
  const [figures, platform, invitations, recent, catalogue, marketplace, t, tCatalogue, tRole, tKind, locale] = await Promise.all([
    organizationFigures(actor),
    isPlatform ? platformFigures() : Promise.resolve(null),
    listInvitationsForUser(user.id),
    // The activity feed names its records in the reader's language (auditSubjects), never by id.
    mayReadAudit
      ? listAuditEntries(actor, { limit: 6 }).then(async (page) => {
          const subjects = await auditSubjects(page.items);
          return { ...page, items: page.items.map((e) => ({ ...e, subject: subjects.get(`${e.entityType}:${e.entityId}`) ?? null })) };
        })
      : Promise.resolve(null),
    isStudio ? catalogueFigures(actor) : Promise.resolve(null),
    // The marketplace's size is the total of its first page.
    isPartner ? listTitles(actor, titleListQuerySchema.parse({ limit: "1" })).then((page) => page.total) : Promise.resolve(null),
    getTranslations("dashboard"),
    getTranslations("catalogue.dashboard"),
    getTranslations("role"),
    getTranslations("orgKind"),
    getLocale(),
  ]);
  const n = (value: number) => formatNumber(value, locale);
  // Dates that matter: every kind whose records carry obligations (not programmes).
  const hasObligations = actor.org.kind !== "PROGRAMME";
  const [deals, tDeals, outcomes, platformOutcomes, facilityFigures, obligations] = await Promise.all([
    dealsPromise,
    getTranslations("deals.dashboard"),
    outcomesPromise,
    platformOutcomesPromise,
    actor.org.kind === "FACILITY" || isStudio ? facilityDashboardFigures(actor) : Promise.resolve(null),
    hasObligations ? obligationSummary(actor, locale === "zh" ? "zh" : "en") : Promise.resolve(null),
  ]);

  const checklist: ChecklistItem[] = [
    ...(mayInvite
      ? [{ key: "invite", href: "/settings/members", done: figures.members > 1 || figures.pendingInvitations > 0 } as const]
      : []),
    ...(mayManageKeys ? [{ key: "apiKey", href: "/settings/api-keys", done: figures.apiKeys > 0 } as const] : []),
    ...(platform && mayManageOrgs ? [{ key: "facility", href: "/organizations", done: platform.organizations.FACILITY > 0 } as const] : []),
    ...(mayReadAudit ? [{ key: "auditLog", href: "/settings/audit-log" } as const] : []),
    { key: "profile", href: "/settings/profile" },
    { key: "apiDocs", href: "/api/v1/openapi.json", external: true },
  ];

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <OrgKindBadge kind={actor.org.kind} />
            <span>{t("welcome", { name: user.name })}</span>
          </span>
        }
        title={actor.org.name || t("title")}
        description={t(`subtitle.${actor.org.kind}`)}
      />

      <InvitationsForYou invitations={invitations} />

      {obligations ? <ObligationDashboardCards overdue={obligations.overdue} dueSoon={obligations.dueSoon} /> : null}

      {outcomes ? <OutcomesRatioCard report={outcomes} /> : null}

      {catalogue ? (
        <StatGrid className="mb-4 xl:grid-cols-3">
          <StatCard
            label={tCatalogue("titles")}
            value={n(catalogue.titles)}
            hint={tCatalogue("titlesHint")}
            icon={Clapperboard}
            tone="brand"
            href="/titles"
          />
          <StatCard
            label={tCatalogue("listed")}
            value={n(catalogue.listed)}
            hint={tCatalogue("listedHint")}
            icon={Store}
            tone="teal"
            href="/titles?visibility=LISTED"
          />
          <StatCard
            label={tCatalogue("internationalVersions")}
            value={n(catalogue.internationalVersions)}
            hint={tCatalogue("internationalVersionsHint")}
            icon={Languages}
            tone="warning"
          />
        </StatGrid>
      ) : null}
      {marketplace !== null ? (
        <StatGrid className="mb-4 xl:grid-cols-3">
          <StatCard
            label={tCatalogue("marketplace")}
            value={n(marketplace)}
            hint={tCatalogue("marketplaceHint")}
            icon={Store}
            tone="teal"
            href="/catalogue"
          />
        </StatGrid>
      ) : null}

      {deals ? (
        <StatGrid className="mb-4 xl:grid-cols-3" aria-label={tDeals("title")}>
          <StatCard
            label={tDeals("signed")}
            value={n(deals.signed)}
            hint={tDeals("signedHint")}
            icon={Handshake}
            tone="brand"
            href="/deals?status=SIGNED"
          />
          <StatCard
            label={tDeals("inProgress")}
            value={n(deals.inProgress)}
            hint={tDeals("inProgressHint")}
            icon={FilePen}
            tone="teal"
            href="/deals"
          />
          <StatCard
            label={tDeals("awaitingYou")}
            value={n(deals.awaitingYou)}
            hint={tDeals("awaitingYouHint")}
            icon={BellRing}
            tone="warning"
            href="/deals?status=PROPOSED"
          />
        </StatGrid>
      ) : null}

      {facilityFigures ? (
        <div className="mb-4">
          <FacilityDashboardCard figures={facilityFigures} />
        </div>
      ) : null}

      <StatGrid>
        <StatCard
          label={t("stats.members")}
          value={n(figures.members)}
          hint={t("stats.membersHint")}
          icon={Users}
          tone="brand"
          href="/settings/members"
        />
        <StatCard
          label={t("stats.pendingInvitations")}
          value={n(figures.pendingInvitations)}
          hint={t("stats.pendingInvitationsHint")}
          icon={MailPlus}
          tone="teal"
          href={mayInvite ? "/settings/members" : undefined}
        />
        <StatCard
          label={t("stats.apiKeys")}
          value={n(figures.apiKeys)}
          hint={t("stats.apiKeysHint")}
          icon={KeyRound}
          tone="warning"
          href={mayManageKeys ? "/settings/api-keys" : undefined}
        />
        <StatCard
          label={t("stats.auditEntries")}
          value={n(figures.auditEntries)}
          hint={t("stats.auditEntriesHint")}
          icon={ScrollText}
          href={mayReadAudit ? "/settings/audit-log" : undefined}
        />
      </StatGrid>

      {platform ? (
        <section aria-labelledby="platform-heading" className="mt-8 flex flex-col gap-3">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <div className="flex flex-col gap-1">
              <h2 id="platform-heading" className="text-base font-semibold">
                {t("platform.title")}
              </h2>
              <p className="text-sm text-muted-foreground">{t("platform.description", { count: platform.totalOrganizations })}</p>
            </div>
            {mayManageOrgs ? (
              <Link href="/organizations" className="text-sm font-medium text-primary hover:underline">
                {t("platform.manage")}
              </Link>
            ) : null}
          </div>
          <StatGrid className="xl:grid-cols-5">
            <StatCard label={t("platform.studios")} value={n(platform.organizations.STUDIO)} icon={Clapperboard} tone="brand" />
            <StatCard label={t("platform.partners")} value={n(platform.organizations.PARTNER)} icon={Globe2} tone="teal" />
            <StatCard label={t("platform.facilities")} value={n(platform.organizations.FACILITY)} icon={Landmark} tone="warning" />
            <StatCard label={t("platform.platforms")} value={n(platform.organizations.PLATFORM)} icon={Building2} />
            <StatCard label={t("platform.users")} value={n(platform.users)} hint={t("platform.usersHint")} icon={Users} />
          </StatGrid>
        </section>
      ) : null}

      {platformOutcomes ? <PlatformOutcomesCard view={platformOutcomes} /> : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <GettingStarted items={checklist} organizationName={actor.org.name} />
          {recent ? <RecentActivity entries={recent.items} /> : null}
        </div>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>{t("organization.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              <div className="flex items-center justify-between gap-3">
                <dt className="text-muted-foreground">{t("organization.kind")}</dt>
                <dd>{tKind(actor.org.kind)}</dd>
              </div>
              <div className="flex items-center justify-between gap-3">
                <dt className="text-muted-foreground">{t("organization.homeCountry")}</dt>
                <dd>{countryName(actor.org.homeCountry, locale)}</dd>
              </div>
              <div className="flex items-center justify-between gap-3">
                <dt className="text-muted-foreground">{t("organization.role")}</dt>
                <dd>{tRole(actor.role)}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
