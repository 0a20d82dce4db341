import { BellRing, FilePlus2, Handshake } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { DealListFilters } from "@/components/deals/deal-list-filters";
import { DealRoleBadge, DealStatusBadge } from "@/components/deals/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { type DealListRow, dealCounterparties, listDeals } from "@/lib/deals/queries";
import { dealListQuerySchema } from "@/lib/deals/schema";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { money } from "@/lib/money/currency";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deals.list");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

type Param = string | string[] | undefined;
type Search = Promise<Record<"q" | "status" | "role" | "counterpartyId" | "titleId" | "sort" | "order" | "cursor", Param>>;

export default async function DealsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  // A hand-edited URL with an unknown filter falls back to the unfiltered first page.
  const parsed = dealListQuerySchema.safeParse({
    limit: PAGE_SIZE,
    q: one(search.q),
    status: one(search.status),
    role: one(search.role),
    counterpartyId: one(search.counterpartyId),
    titleId: one(search.titleId),
    sort: one(search.sort),
    order: one(search.order),
    cursor: one(search.cursor),
  });
  const query = parsed.success ? parsed.data : dealListQuerySchema.parse({ limit: PAGE_SIZE });
  const mayWrite = can({ role: actor.role, orgKind: actor.org.kind }, "deals.write");
  const [{ items, nextCursor }, counterparties, t, locale] = await Promise.all([
    listDeals(actor, query),
    dealCounterparties(actor),
    getTranslations("deals.list"),
    getLocale(),
  ]);
  const filtered = Boolean(query.q || query.status || query.role || query.counterpartyId || query.titleId);
  const withFilters = (extra: Record<string, string>) => {
    const kept = Object.entries({
      q: query.q,
      status: query.status,
      role: query.role,
      counterpartyId: query.counterpartyId,
      order: query.order,
    })
      .concat(query.sort !== "updated" ? [["sort", query.sort]] : [])
      .filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
    const qs = new URLSearchParams({ ...Object.fromEntries(kept), ...extra }).toString();
    return qs ? `/deals?${qs}` : "/deals";
  };

  const columns: Column<DealListRow>[] = [
    {
      id: "name",
      header: t("columns.name"),
      className: "min-w-48",
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
            <DealRoleBadge role={d.licensorId === actor.org.id ? "LICENSOR" : "LICENSEE"} />
          </span>
        );
      },
    },
    { id: "status", header: t("columns.status"), cell: (d) => <DealStatusBadge status={d.status} /> },
    {
      id: "mg",
      header: t("columns.mg"),
      align: "right",
      cell: (d) =>
        d.mgMinor === null ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <span className="tabular-nums">{formatMoney(money(d.mgMinor, d.currency), locale)}</span>
        ),
    },
    {
      id: "window",
      header: t("columns.window"),
      nowrap: true,
      cell: (d) =>
        d.window ? (
          <span className="tabular-nums">
            {formatDate(d.window.start, locale)} – {formatDate(d.window.end, locale)}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "territories",
      header: t("columns.territories"),
      cell: (d) =>
        d.territories.length === 0 ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <span className="font-mono text-xs" title={t("grantCount", { count: d._count.grants })}>
            {d.territories.join(" · ")}
            {d.territoryCount > d.territories.length ? ` ${t("moreTerritories", { count: d.territoryCount - d.territories.length })}` : ""}
          </span>
        ),
    },
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
        <DealListFilters counterparties={counterparties} />
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
