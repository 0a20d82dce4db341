import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { CreateOrganizationDialog } from "@/components/platform/create-organization-dialog";
import { Badge } from "@/components/ui/badge";
import { requirePermission } from "@/lib/auth/gate";
import { countryName } from "@/lib/i18n/countries";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { createOrganizationAction } from "@/lib/orgs/actions";
import { listOrganizationsForPlatform } from "@/lib/orgs/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

type OrgRow = Awaited<ReturnType<typeof listOrganizationsForPlatform>>[number];

export default async function OrganizationsPage() {
  const { actor } = await requirePermission("platform.organizations.manage");
  const [organizations, t, tMembers, locale] = await Promise.all([
    listOrganizationsForPlatform(),
    getTranslations("organizations"),
    getTranslations("members"),
    getLocale(),
  ]);

  const columns: Column<OrgRow>[] = [
    {
      id: "name",
      header: t("columns.name"),
      cell: (o) => (
        <span className="flex items-center gap-2 font-medium">
          {o.name}
          {o.id === actor.org.id ? <Badge variant="outline">{tMembers("you")}</Badge> : null}
        </span>
      ),
    },
    { id: "kind", header: t("columns.kind"), cell: (o) => <OrgKindBadge kind={o.kind} /> },
    {
      id: "country",
      header: t("columns.country"),
      cell: (o) => (
        <span className="flex items-center gap-2">
          {countryName(o.homeCountry, locale)}
          <code className="font-mono text-[11px] text-muted-foreground">{o.homeCountry}</code>
        </span>
      ),
    },
    { id: "members", header: t("columns.members"), align: "right", cell: (o) => formatNumber(o._count.memberships, locale) },
    {
      id: "created",
      header: t("columns.created"),
      nowrap: true,
      cell: (o) => <span className="text-muted-foreground">{formatDate(o.createdAt, locale)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<CreateOrganizationDialog createAction={createOrganizationAction} />}
      />
      <section aria-labelledby="organizations-count" className="flex flex-col gap-3">
        <h2 id="organizations-count" className="text-sm font-medium text-muted-foreground">
          {t("count", { count: organizations.length })}
        </h2>
        <DataTable label={t("title")} columns={columns} rows={organizations} rowKey={(o) => o.id} />
      </section>
    </>
  );
}
