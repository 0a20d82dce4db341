import { BellRing, FilePlus2, FileSliders } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { titleLabel } from "@/components/edits/present";
import { EditRequestStatusBadge } from "@/components/edits/status-badge";
import { StatusTabs } from "@/components/edits/status-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { editRequestCounts, listEditRequests } from "@/lib/edits/queries";
import type { EditRequestStatus } from "@/lib/edits/schema";
import { editRequestListQuerySchema } from "@/lib/edits/schema";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edits.list");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

type Search = Promise<{ status?: string | string[]; title?: string | string[]; cursor?: string | string[] }>;
type Row = Awaited<ReturnType<typeof listEditRequests>>["items"][number];

export default async function EditRequestsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  // A hand-edited URL with an unknown filter falls back to the unfiltered first page.
  const parsed = editRequestListQuerySchema.safeParse({
    limit: PAGE_SIZE,
    status: one(search.status),
    titleId: one(search.title),
    cursor: one(search.cursor),
  });
  const query = parsed.success ? parsed.data : editRequestListQuerySchema.parse({ limit: PAGE_SIZE });
  const isPartner = actor.org.kind === "PARTNER";
  const mayRequest = can({ role: actor.role, orgKind: actor.org.kind }, "edits.request.write");
  const [{ items, nextCursor }, counts, t, locale] = await Promise.all([
    listEditRequests(actor, query),
    editRequestCounts(actor),
    getTranslations("edits.list"),
    getLocale(),
  ]);
  const hrefFor = (status: EditRequestStatus | undefined, cursor?: string) => {
    const qs = new URLSearchParams({
      ...(status ? { status } : {}),
      ...(query.titleId ? { title: query.titleId } : {}),
      ...(cursor ? { cursor } : {}),
    }).toString();
    return qs ? `/edit-requests?${qs}` : "/edit-requests";
  };
  const n = (v: number) => formatNumber(v, locale);

  const columns: Column<Row>[] = [
    {
      id: "name",
      header: t("columns.name"),
      className: "min-w-64",
      cell: (r) => {
        const pending = r.items.filter((i) => i.status === "PENDING").length;
        return (
          <span className="flex flex-col gap-1">
            <Link href={`/edit-requests/${r.id}`} className="font-medium text-foreground hover:text-primary hover:underline">
              {r.name}
            </Link>
            {!isPartner && r.status === "UNDER_REVIEW" && pending > 0 ? (
              <Badge variant="warning" className="gap-1" data-testid="waiting-for-you">
                <BellRing aria-hidden />
                {t("waitingForYou")}
              </Badge>
            ) : null}
          </span>
        );
      },
    },
    {
      id: "title",
      header: t("columns.title"),
      cell: (r) => (
        <Link href={`/titles/${r.title.id}`} className="hover:underline">
          {titleLabel(r.title, locale)}
        </Link>
      ),
    },
    { id: "counterparty", header: t("columns.counterparty"), cell: (r) => (isPartner ? r.studio.name : r.partner.name) },
    { id: "status", header: t("columns.status"), cell: (r) => <EditRequestStatusBadge status={r.status} /> },
    {
      id: "items",
      header: t("columns.items"),
      cell: (r) => {
        const c = (s: string) => n(r.items.filter((i) => i.status === s).length);
        return (
          <span className="flex flex-col text-xs text-muted-foreground">
            <span className="text-sm font-medium text-foreground tabular-nums">{n(r.items.length)}</span>
            {r.status !== "DRAFT" ? t("itemCounts", { approved: c("APPROVED"), rejected: c("REJECTED"), pending: c("PENDING") }) : null}
          </span>
        );
      },
    },
    {
      id: "updated",
      header: t("columns.updated"),
      nowrap: true,
      cell: (r) => (
        <time dateTime={r.updatedAt.toISOString()} className="text-muted-foreground tabular-nums">
          {formatDateTime(r.updatedAt, locale)}
        </time>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          isPartner ? t("descriptionPartner", { organization: actor.org.name }) : t("descriptionStudio", { organization: actor.org.name })
        }
        actions={
          mayRequest ? (
            <Button asChild>
              <Link href={query.titleId ? `/edit-requests/new?title=${query.titleId}` : "/edit-requests/new"}>
                <FilePlus2 aria-hidden />
                {t("new")}
              </Link>
            </Button>
          ) : null
        }
      />
      <StatusTabs active={query.status} counts={counts} hrefFor={(s) => hrefFor(s)} hideDraft={!isPartner} />
      <DataTable
        label={t("title")}
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        empty={
          <EmptyState
            icon={FileSliders}
            title={t("empty.title")}
            description={query.status ? t("empty.filtered") : isPartner ? t("empty.partner") : t("empty.studio")}
            action={
              mayRequest && !query.status ? (
                <Button asChild size="sm">
                  <Link href="/edit-requests/new">{t("new")}</Link>
                </Button>
              ) : undefined
            }
          />
        }
        footer={
          nextCursor || query.cursor ? (
            <div className="flex justify-center gap-2">
              {query.cursor ? (
                <Button asChild variant="link" size="sm">
                  <Link href={hrefFor(query.status)}>{t("firstPage")}</Link>
                </Button>
              ) : null}
              {nextCursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={hrefFor(query.status, nextCursor)}>{t("nextPage")}</Link>
                </Button>
              ) : null}
            </div>
          ) : undefined
        }
      />
    </>
  );
}
