import { Banknote, FilePlus2 } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { CapacityBelowExposureBanner } from "@/components/facility/capacity-banner";
import { AdvanceStatusBadge } from "@/components/facility/status-badge";
import { AdvanceStatusFilter } from "@/components/facility/status-filter";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { type AdvanceSummaryView, advanceListQuerySchema, getFacilitySettings, listAdvances } from "@/lib/facility/queries";
import { countryName } from "@/lib/i18n/countries";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("facility.list");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

type Search = Promise<{ status?: string | string[]; dealId?: string | string[]; cursor?: string | string[] }>;

/** Studios: their own applications and advances. Facility staff: the queue. Everyone else: 404. */
export default async function AdvancesPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  if (actor.org.kind !== "STUDIO" && actor.org.kind !== "FACILITY") notFound();
  const queue = actor.org.kind === "FACILITY";
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const parsed = advanceListQuerySchema.safeParse({
    limit: PAGE_SIZE,
    status: one(search.status),
    dealId: one(search.dealId),
    cursor: one(search.cursor),
  });
  const query = parsed.success ? parsed.data : advanceListQuerySchema.parse({ limit: PAGE_SIZE });
  const mayApply = can({ role: actor.role, orgKind: actor.org.kind }, "advances.apply");
  const [{ items, nextCursor }, t, locale, facility] = await Promise.all([
    listAdvances(actor, query),
    getTranslations("facility.list"),
    getLocale(),
    queue ? getFacilitySettings(actor) : null,
  ]);
  const withFilters = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({
      ...(query.status ? { status: query.status } : {}),
      ...(query.dealId ? { dealId: query.dealId } : {}),
      ...extra,
    }).toString();
    return qs ? `/advances?${qs}` : "/advances";
  };

  const columns: Column<AdvanceSummaryView>[] = [
    {
      id: "deal",
      header: t("columns.deal"),
      className: "min-w-64",
      cell: (a) => (
        <span className="flex flex-col gap-0.5">
          <Link href={`/advances/${a.id}`} className="font-medium text-foreground hover:text-primary hover:underline">
            {a.deal.name}
          </Link>
          <span className="text-xs text-muted-foreground">
            {t("licensee", { name: a.deal.licensee.name, country: countryName(a.deal.licensee.homeCountry, locale) })}
          </span>
        </span>
      ),
    },
    ...(queue
      ? [{ id: "studio", header: t("columns.studio"), className: "min-w-32", cell: (a: AdvanceSummaryView) => a.studio.name }]
      : []),
    { id: "status", header: t("columns.status"), cell: (a) => <AdvanceStatusBadge status={a.status} /> },
    {
      id: "amount",
      header: t("columns.requested"),
      align: "right",
      cell: (a) => <span className="tabular-nums">{formatMoney(a.amount, locale)}</span>,
    },
    {
      id: "approved",
      header: t("columns.approved"),
      align: "right",
      cell: (a) => <span className="tabular-nums">{a.approvedAmount ? formatMoney(a.approvedAmount, locale) : "—"}</span>,
    },
    {
      id: "owed",
      header: t("columns.owed"),
      align: "right",
      cell: (a) => <span className="tabular-nums font-medium">{formatMoney(a.balance.owed, locale)}</span>,
    },
    {
      id: "submitted",
      header: t("columns.submitted"),
      nowrap: true,
      cell: (a) =>
        a.submittedAt ? (
          <time dateTime={a.submittedAt} title={formatDateTime(a.submittedAt, locale)} className="text-muted-foreground tabular-nums">
            {formatDate(a.submittedAt, locale, { style: "short" })}
          </time>
        ) : (
          <span className="text-muted-foreground">{t("notSubmitted")}</span>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={queue ? t("queueTitle") : t("title")}
        description={queue ? t("queueDescription", { organization: actor.org.name }) : t("description", { organization: actor.org.name })}
        actions={
          mayApply ? (
            <Button asChild>
              <Link href="/advances/new">
                <FilePlus2 aria-hidden />
                {t("new")}
              </Link>
            </Button>
          ) : null
        }
      />
      {facility ? (
        <CapacityBelowExposureBanner
          capacity={facility.capacity}
          principalOutstanding={facility.principalOutstanding}
          approvedUndisbursed={facility.approvedUndisbursed}
        />
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <AdvanceStatusFilter queue={queue} />
        {query.cursor ? (
          <Button asChild variant="link" size="sm" className="px-0">
            <Link href={withFilters({})}>{t("firstPage")}</Link>
          </Button>
        ) : null}
      </div>
      <DataTable
        label={queue ? t("queueTitle") : t("title")}
        columns={columns}
        rows={items}
        rowKey={(a) => a.id}
        empty={
          <EmptyState
            icon={Banknote}
            title={query.status || query.dealId ? t("empty.filteredTitle") : t("empty.title")}
            description={query.status ? t("empty.filtered") : queue ? t("empty.queue") : t("empty.description")}
            action={
              mayApply && !query.status ? (
                <Button asChild size="sm">
                  <Link href="/advances/new">{t("new")}</Link>
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
