import { BellRing, FilePlus2, Handshake } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { DealListFilters } from "@/components/deals/deal-list-filters";
import { DealRoleBadge, DealStatusBadge } from "@/components/deals/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { listDeals } from "@/lib/deals/queries";
import { dealListQuerySchema } from "@/lib/deals/schema";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deals.list");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

type Search = Promise<{ status?: string | string[]; role?: string | string[]; cursor?: string | string[] }>;
type DealRow = Awaited<ReturnType<typeof listDeals>>["items"][number];

export default async function DealsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  // A hand-edited URL with an unknown filter falls back to the unfiltered first page.
  const parsed = dealListQuerySchema.safeParse({
    limit: PAGE_SIZE,
    status: one(search.status),
    role: one(search.role),
    cursor: one(search.cursor),
  });
  const query = parsed.success ? parsed.data : dealListQuerySchema.parse({ limit: PAGE_SIZE });
  const mayWrite = can({ role: actor.role, orgKind: actor.org.kind }, "deals.write");
  const [{ items, nextCursor }, t, locale] = await Promise.all([listDeals(actor, query), getTranslations("deals.list"), getLocale()]);
  const filtered = Boolean(query.status || query.role);
  const withFilters = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({
      ...(query.status ? { status: query.status } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...extra,
    }).toString();
    return qs ? `/deals?${qs}` : "/deals";
  };

  const columns: Column<DealRow>[] = [
    {
      id: "name",
      header: t("columns.name"),
      className: "min-w-64",
      cell: (d) => (
        <span className="flex flex-col gap-1">
          <Link href={`/deals/${d.id}`} className="font-medium text-foreground hover:text-primary hover:underline">
            {d.name}
          </Link>
          {d.status === "PROPOSED" && d.awaitingOrgId === actor.org.id ? (
            <Badge variant="warning" className="gap-1" data-testid="awaiting-you">
              <BellRing aria-hidden />
              {t("awaitingYou")}
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      id: "counterparty",
      header: t("columns.counterparty"),
      cell: (d) => {
        const other = d.licensorId === actor.org.id ? d.licensee : d.licensor;
        return (
          <span className="flex flex-wrap items-center gap-2">
            <span>{other.name}</span>
            {other.kind === "STUDIO" || other.kind === "PARTNER" ? <OrgKindBadge kind={other.kind} /> : null}
          </span>
        );
      },
    },
    {
      id: "role",
      header: t("columns.role"),
      cell: (d) => <DealRoleBadge role={d.licensorId === actor.org.id ? "LICENSOR" : "LICENSEE"} />,
    },
    { id: "status", header: t("columns.status"), cell: (d) => <DealStatusBadge status={d.status} /> },
    {
      id: "grants",
      header: t("columns.grants"),
      align: "right",
      cell: (d) => <span className="tabular-nums">{formatNumber(d._count.grants, locale)}</span>,
    },
    { id: "currency", header: t("columns.currency"), cell: (d) => <span className="font-mono text-xs">{d.currency}</span> },
    {
      id: "updated",
      header: t("columns.updated"),
      nowrap: true,
      cell: (d) => (
        <time dateTime={d.updatedAt.toISOString()} className="text-muted-foreground tabular-nums">
          {formatDateTime(d.updatedAt, locale)}
        </time>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: actor.org.name })}
        actions={
          mayWrite ? (
            <Button asChild>
              <Link href="/deals/new">
                <FilePlus2 aria-hidden />
                {t("new")}
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <DealListFilters />
        {query.cursor ? (
          <Button asChild variant="link" size="sm" className="px-0">
            <Link href={withFilters({})}>{t("firstPage")}</Link>
          </Button>
        ) : null}
      </div>
      <DataTable
        label={t("title")}
        columns={columns}
        rows={items}
        rowKey={(d) => d.id}
        empty={
          <EmptyState
            icon={Handshake}
            title={filtered ? t("empty.filteredTitle") : t("empty.title")}
            description={filtered ? t("empty.filtered") : t("empty.description")}
            action={
              mayWrite && !filtered ? (
                <Button asChild size="sm">
                  <Link href="/deals/new">{t("new")}</Link>
                </Button>
              ) : undefined
            }
          />
        }
        footer={
          nextCursor ? (
            <div className="flex justify-center">
              <Button asChild variant="outline" size="sm">
                <Link href={withFilters({ cursor: nextCursor })}>{t("nextPage")}</Link>
              </Button>
            </div>
          ) : undefined
        }
      />
    </>
  );
}
