import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditAction, AuditActor, AuditDiff, AuditEntity, type AuditEntryView } from "@/components/audit/audit-parts";
import { EntityTypeFilter } from "@/components/audit/entity-type-filter";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { auditSubjects, listAuditEntries } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schema";
import { requirePermission } from "@/lib/auth/gate";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

type Search = Promise<{ cursor?: string | string[]; entityType?: string | string[] }>;

export default async function AuditLogPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requirePermission("org.audit.read");
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  // A malformed cursor or filter (hand-edited URL) falls back to the first page rather than failing.
  const parsed = auditQuerySchema.safeParse({ limit: PAGE_SIZE, cursor: one(search.cursor), entityType: one(search.entityType) });
  const query = parsed.success ? parsed.data : { limit: PAGE_SIZE, cursor: undefined, entityType: undefined };
  const page = await listAuditEntries(actor, {
    limit: query.limit,
    cursor: query.cursor ? BigInt(query.cursor) : undefined,
    entityType: query.entityType,
  });
  const { nextCursor } = page;
  // Records by name and their amounts in their currency (no raw ids or minor units on screen).
  const subjects = await auditSubjects(page.items);
  const items: AuditEntryView[] = page.items.map((e) => ({ ...e, subject: subjects.get(`${e.entityType}:${e.entityId}`) ?? null }));

  const [t, locale] = await Promise.all([getTranslations("auditLog"), getLocale()]);
  const withFilter = (params: Record<string, string>) => {
    const qs = new URLSearchParams({ ...(query.entityType ? { entityType: query.entityType } : {}), ...params }).toString();
    return qs ? `?${qs}` : "?";
  };

  const columns: Column<AuditEntryView>[] = [
    {
      id: "when",
      header: t("columns.when"),
      nowrap: true,
      cell: (e) => (
        <time dateTime={e.at.toISOString()} className="text-muted-foreground tabular-nums">
          {formatDateTime(e.at, locale, { seconds: true })}
        </time>
      ),
    },
    { id: "actor", header: t("columns.actor"), cell: (e) => <AuditActor actor={e.actor} viaApiKey={e.viaApiKey} />, className: "max-w-56" },
    { id: "action", header: t("columns.action"), cell: (e) => <AuditAction action={e.action} /> },
    {
      id: "entity",
      header: t("columns.entity"),
      cell: (e) => <AuditEntity entityType={e.entityType} entityId={e.entityId} subject={e.subject} />,
    },
    {
      id: "changes",
      header: t("columns.changes"),
      className: "min-w-72",
      cell: (e) => <AuditDiff before={e.before} after={e.after} subject={e.subject} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: actor.org.name })}
        actions={<EntityTypeFilter value={query.entityType ?? null} />}
      />
      {query.cursor ? (
        <div className="mb-3 flex items-center justify-between gap-3 text-sm text-muted-foreground">
          <span>{t("olderPage")}</span>
          <Button asChild variant="link" size="sm" className="px-0">
            <Link href={withFilter({})}>{t("newest")}</Link>
          </Button>
        </div>
      ) : null}
      <DataTable
        label={t("title")}
        columns={columns}
        rows={items}
        rowKey={(e) => e.id}
        empty={
          <EmptyState
            icon={ScrollText}
            title={t("empty.title")}
            description={query.entityType ? t("empty.filtered") : t("empty.description")}
          />
        }
        footer={
          nextCursor ? (
            <div className="flex justify-center">
              <Button asChild variant="outline" size="sm">
                <Link href={withFilter({ cursor: nextCursor })}>{t("loadMore")}</Link>
              </Button>
            </div>
          ) : undefined
        }
      />
    </>
  );
}
