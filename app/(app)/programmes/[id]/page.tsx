import { AlertTriangle, Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { PageHeader } from "@/components/common/page-header";
import { StatCard } from "@/components/dashboard/stat-card";
import { territoryOptions } from "@/components/deals/reference-options";
import { periodLabel, ratioLabel } from "@/components/outcomes/format";
import { ApplyButton } from "@/components/programmes/apply-button";
import { EligibilityCard } from "@/components/programmes/eligibility-card";
import { ProgrammeFormDialog } from "@/components/programmes/programme-form-dialog";
import { RatioChart } from "@/components/programmes/ratio-chart";
import { ApplicationStatusBadge } from "@/components/programmes/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { applyAction, updateProgrammeAction } from "@/lib/programmes/actions";
import type { ApplicationSummaryView, ProgrammeView } from "@/lib/programmes/present";
import { getDashboard, getEligibility, getProgramme, listApplications, listMyApplications } from "@/lib/programmes/queries";
import { APPLICATION_STATUSES } from "@/lib/programmes/rules";
import type { ProgrammeFormInput, ProgrammeFormValues } from "@/lib/programmes/schema";

type Params = Promise<{ id: string }>;
const UUID = /^[0-9a-f-]{36}$/i;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("programmes.list");
  const { id } = await params;
  if (!UUID.test(id)) return { title: t("title") };
  const { actor } = await requireSession();
  const p = await getProgramme(actor, id);
  return { title: p ? ((await getLocale()) === "zh" ? p.name.zh : p.name.en) : t("title") };
}

function formValues(p: ProgrammeView): ProgrammeFormValues {
  return {
    nameEn: p.name.en,
    nameZh: p.name.zh,
    descriptionEn: p.description.en,
    descriptionZh: p.description.zh,
    currency: p.currency,
    budget: p.budget.amount,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    lookbackMonths: p.lookbackMonths,
    targetTerritories: p.targetTerritories,
    criteria: p.criteria,
    receiptsMatchPct: p.award.receiptsMatchPct,
    perVersionBonus: p.award.perVersionBonus.amount,
    perMarketTestBonus: p.award.perMarketTestBonus.amount,
    capPerApplication: p.award.capPerApplication.amount,
  };
}

export default async function ProgrammePage({ params }: { params: Params }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { actor } = await requireSession();
  const p = await getProgramme(actor, id);
  if (!p) notFound();
  const [t, tq, locale] = await Promise.all([getTranslations("programmes"), getTranslations("outcomes"), getLocale()]);
  const name = locale === "zh" ? p.name.zh : p.name.en;
  const terms = (
    <Card>
      <CardHeader>
        <CardTitle>{t("terms.title")}</CardTitle>
        <CardDescription>{locale === "zh" ? p.description.zh : p.description.en}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="programme-terms">
          <Term label={t("terms.window")} value={`${formatDate(p.opensOn, locale)} – ${formatDate(p.closesOn, locale)}`} />
          <Term label={t("terms.lookback")} value={t("terms.months", { count: p.lookbackMonths })} />
          <Term label={t("terms.targets")} value={p.targetTerritories.join(", ")} />
          <Term label={t("terms.match")} value={`${p.award.receiptsMatchPct}%`} />
          <Term label={t("terms.perVersion")} value={formatMoney(p.award.perVersionBonus, locale)} />
          <Term label={t("terms.perTest")} value={formatMoney(p.award.perMarketTestBonus, locale)} />
          <Term label={t("terms.cap")} value={formatMoney(p.award.capPerApplication, locale)} />
          <Term label={t("terms.budget")} value={formatMoney(p.budget, locale)} />
        </dl>
      </CardContent>
    </Card>
  );

  if (actor.org.kind === "STUDIO") {
    const [eligibility, mine] = await Promise.all([getEligibility(actor, p.id), listMyApplications(actor)]);
    const application = mine.find((a) => a.programmeId === p.id);
    const mayApply = can({ role: actor.role, orgKind: actor.org.kind }, "programmes.apply");
    return (
      <>
        <PageHeader title={name} description={p.organization.name} />
        <div className="grid gap-6">
          {application ? (
            <Card data-testid="my-application">
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  {t("studio.yourApplication")} <ApplicationStatusBadge status={application.status} />
                </CardTitle>
                <CardDescription>{t(`studio.statusHint.${application.status}`)}</CardDescription>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <Term label={t("studio.requested")} value={formatMoney(application.requested, locale)} />
                  <Term label={t("studio.awarded")} value={application.awarded ? formatMoney(application.awarded, locale) : "—"} />
                  <Term label={t("studio.paid")} value={formatMoney(application.paid, locale)} testId="studio-paid" />
                </dl>
                <Link
                  className="mt-3 inline-block text-sm text-primary hover:underline"
                  href={`/programmes/${p.id}/applications/${application.id}`}
                >
                  {t("studio.details")}
                </Link>
              </CardContent>
            </Card>
          ) : null}
          {eligibility.ok ? (
            <EligibilityCard view={eligibility.value} title={t("studio.liveTitle")} />
          ) : (
            <Alert variant="destructive">
              <AlertTriangle aria-hidden />
              <AlertDescription>{t("studio.cannotMeasure", { reason: eligibility.message })}</AlertDescription>
            </Alert>
          )}
          {!application && p.open && mayApply && eligibility.ok ? (
            <ApplyButton programmeId={p.id} awardAmount={formatMoney(eligibility.value.award.amount, locale)} applyAction={applyAction} />
          ) : null}
          {terms}
        </div>
      </>
    );
  }

  const [dashboard, applications] = await Promise.all([getDashboard(actor, p.id), listApplications(actor, p.id, { limit: 200 })]);
  if (!dashboard || !applications) notFound();
  const mayManage = can({ role: actor.role, orgKind: actor.org.kind }, "programmes.manage");
  const save = async (input: ProgrammeFormInput) => {
    "use server";
    return updateProgrammeAction(p.id, p.version, input);
  };
  const columns: Column<ApplicationSummaryView>[] = [
    {
      id: "studio",
      header: t("applications.studio"),
      className: "min-w-48",
      cell: (a) => (
        <Link href={`/programmes/${p.id}/applications/${a.id}`} className="font-medium hover:text-primary hover:underline">
          {a.studio.name}
        </Link>
      ),
    },
    { id: "status", header: t("applications.status"), cell: (a) => <ApplicationStatusBadge status={a.status} /> },
    {
      id: "receipts",
      header: t("form.metrics.FOREIGN_RECEIPTS"),
      align: "right",
      cell: (a) => formatMoney({ amount: a.metrics.FOREIGN_RECEIPTS, currency: p.currency }, locale),
    },
    {
      id: "ratio",
      header: t("form.metrics.RECEIPTS_PAYMENTS_RATIO"),
      align: "right",
      cell: (a) => a.metrics.RECEIPTS_PAYMENTS_RATIO ?? "—",
    },
    { id: "requested", header: t("applications.requested"), align: "right", cell: (a) => formatMoney(a.requested, locale) },
    { id: "awarded", header: t("applications.awarded"), align: "right", cell: (a) => (a.awarded ? formatMoney(a.awarded, locale) : "—") },
    { id: "paid", header: t("applications.paid"), align: "right", cell: (a) => formatMoney(a.paid, locale) },
    {
      id: "changed",
      header: t("applications.evidence"),
      cell: (a) =>
        a.evidenceChanged ? (
          <span className="inline-flex items-center gap-1 text-warning" data-testid="evidence-changed">
            <AlertTriangle className="size-3.5" aria-hidden />
            {t("applications.changed")}
          </span>
        ) : (
          <span className="text-muted-foreground">{t("applications.unchanged")}</span>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={name}
        description={p.organization.name}
        actions={
          <>
            {mayManage && p.applicationCount === 0 ? (
              <ProgrammeFormDialog territories={territoryOptions(locale)} initial={formValues(p)} save={save} />
            ) : null}
            <Button asChild variant="outline">
              <a href={`/api/v1/programmes/${p.id}/applications/export`} download>
                <Download aria-hidden />
                {t("applications.csv")}
              </a>
            </Button>
          </>
        }
      />
      <div className="grid gap-6">
        <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("dashboard.title")} data-testid="programme-dashboard">
          <StatCard label={t("dashboard.budget")} value={formatMoney(dashboard.budget, locale)} />
          <StatCard
            label={t("dashboard.committed")}
            value={<span data-testid="committed">{formatMoney(dashboard.committed, locale)}</span>}
          />
          <StatCard label={t("dashboard.paid")} value={<span data-testid="paid">{formatMoney(dashboard.paid, locale)}</span>} />
          <StatCard label={t("dashboard.available")} value={formatMoney(dashboard.available, locale)} />
        </section>
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.byStatus")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-5 gap-4 text-sm" data-testid="by-status">
              {APPLICATION_STATUSES.map((s) => (
                <div key={s} data-status={s}>
                  <dt className="text-xs text-muted-foreground">{t(`status.${s}`)}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{dashboard.byStatus[s]}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.ratioTitle")}</CardTitle>
            <CardDescription>{t("dashboard.ratioDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {dashboard.awarded.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("dashboard.noAwards")}</p>
            ) : (
              <>
                <RatioChart awarded={dashboard.awarded.filter((a) => !a.error)} />
                <table className="w-full text-sm" aria-label={t("dashboard.ratioTitle")}>
                  <thead className="text-left text-muted-foreground">
                    <tr>
                      <th className="py-1 font-medium">{t("applications.studio")}</th>
                      <th className="py-1 font-medium">{t("dashboard.awardedOn")}</th>
                      <th className="py-1 font-medium">{t("dashboard.series")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dashboard.awarded.map((a) => (
                      <tr key={a.applicationId} className="border-t align-top" data-testid="awarded-studio">
                        <td className="py-1.5">{a.studio.name}</td>
                        <td className="py-1.5">{formatDate(a.awardedOn, locale)}</td>
                        <td className="py-1.5">
                          {a.error ??
                            a.series
                              .map(
                                (s) =>
                                  `${periodLabel(s.period, locale, (q) => tq("periods.quarter", q))}${s.phase === "AWARD" ? "*" : ""}: ${ratioLabel(s.ratio, locale) ?? "—"}`,
                              )
                              .join(" · ")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </CardContent>
        </Card>
        <section>
          <h2 className="mb-3 text-lg font-semibold">{t("applications.title")}</h2>
          <DataTable
            label={t("applications.title")}
            columns={columns}
            rows={applications.items}
            rowKey={(a) => a.id}
            empty={<p className="p-4 text-sm text-muted-foreground">{t("applications.empty")}</p>}
          />
        </section>
        {terms}
      </div>
    </>
  );
}

function Term({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
