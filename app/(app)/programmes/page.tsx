import { Award } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { territoryOptions } from "@/components/deals/reference-options";
import { ProgrammeFormDialog } from "@/components/programmes/programme-form-dialog";
import { ApplicationStatusBadge } from "@/components/programmes/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { createProgrammeAction } from "@/lib/programmes/actions";
import type { ProgrammeView } from "@/lib/programmes/present";
import { listMyApplications, listProgrammes } from "@/lib/programmes/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programmes.list");
  return { title: t("title") };
}

const nameIn = (p: { name: { en: string; zh: string } }, locale: string) => (locale === "zh" ? p.name.zh : p.name.en);

/** Programme staff: their programmes. Studios: the programmes open today and their applications. Everyone else: 404. */
export default async function ProgrammesPage() {
  const { actor } = await requireSession();
  if (actor.org.kind !== "PROGRAMME" && actor.org.kind !== "STUDIO") notFound();
  const [list, t, locale] = await Promise.all([listProgrammes(actor, { limit: 200 }), getTranslations("programmes.list"), getLocale()]);
  const programmes = list?.items ?? [];

  if (actor.org.kind === "PROGRAMME") {
    const mayManage = can({ role: actor.role, orgKind: actor.org.kind }, "programmes.manage");
    const columns: Column<ProgrammeView>[] = [
      {
        id: "name",
        header: t("columns.name"),
        className: "min-w-64",
        cell: (p) => (
          <Link href={`/programmes/${p.id}`} className="font-medium hover:text-primary hover:underline">
            {nameIn(p, locale)}
          </Link>
        ),
      },
      {
        id: "open",
        header: t("columns.open"),
        cell: (p) => <Badge variant={p.open ? "success" : "muted"}>{p.open ? t("open") : t("closed")}</Badge>,
      },
      {
        id: "dates",
        header: t("columns.dates"),
        nowrap: true,
        cell: (p) => `${formatDate(p.opensOn, locale)} – ${formatDate(p.closesOn, locale)}`,
      },
      { id: "budget", header: t("columns.budget"), align: "right", cell: (p) => formatMoney(p.budget, locale) },
      { id: "applications", header: t("columns.applications"), align: "right", cell: (p) => p.applicationCount },
    ];
    return (
      <>
        <PageHeader
          title={t("title")}
          description={t("staffDescription", { organization: actor.org.name })}
          actions={mayManage ? <ProgrammeFormDialog territories={territoryOptions(locale)} save={createProgrammeAction} /> : null}
        />
        <DataTable
          label={t("title")}
          columns={columns}
          rows={programmes}
          rowKey={(p) => p.id}
          empty={<EmptyState icon={Award} title={t("empty.title")} description={t("empty.staff")} />}
        />
      </>
    );
  }

  const mine = await listMyApplications(actor);
  const open = programmes.filter((p) => p.open);
  return (
    <>
      <PageHeader title={t("studioTitle")} description={t("studioDescription")} />
      <section className="mb-8 grid gap-4 md:grid-cols-2" aria-label={t("openProgrammes")}>
        {open.length === 0 ? (
          <EmptyState icon={Award} title={t("empty.title")} description={t("empty.studio")} />
        ) : (
          open.map((p) => (
            <Card key={p.id} data-testid="open-programme">
              <CardHeader>
                <CardTitle>
                  <Link href={`/programmes/${p.id}`} className="hover:underline">
                    {nameIn(p, locale)}
                  </Link>
                </CardTitle>
                <CardDescription>{p.organization.name}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-2 text-sm">
                <p>{locale === "zh" ? p.description.zh : p.description.en}</p>
                <p className="text-muted-foreground">
                  {t("closes", { date: formatDate(p.closesOn, locale) })} ·{" "}
                  {t("cap", { amount: formatMoney(p.award.capPerApplication, locale) })}
                </p>
                <Link href={`/programmes/${p.id}`} className="font-medium text-primary hover:underline">
                  {t("checkEligibility")}
                </Link>
              </CardContent>
            </Card>
          ))
        )}
      </section>
      <h2 className="mb-3 text-lg font-semibold">{t("myApplications")}</h2>
      <DataTable
        label={t("myApplications")}
        columns={[
          {
            id: "programme",
            header: t("columns.name"),
            cell: (a) => (
              <Link href={`/programmes/${a.programmeId}`} className="font-medium hover:underline">
                {locale === "zh" ? a.programmeName.zh : a.programmeName.en}
              </Link>
            ),
          },
          { id: "status", header: t("columns.status"), cell: (a) => <ApplicationStatusBadge status={a.status} /> },
          { id: "requested", header: t("columns.requested"), align: "right", cell: (a) => formatMoney(a.requested, locale) },
          { id: "awarded", header: t("columns.awarded"), align: "right", cell: (a) => (a.awarded ? formatMoney(a.awarded, locale) : "—") },
          { id: "paid", header: t("columns.paid"), align: "right", cell: (a) => formatMoney(a.paid, locale) },
        ]}
        rows={mine}
        rowKey={(a) => a.id}
        empty={<EmptyState icon={Award} title={t("empty.noApplications")} description={t("empty.noApplicationsHint")} />}
      />
    </>
  );
}
