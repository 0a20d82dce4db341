import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { reportableDeals } from "@/components/catalogue/partner-paths";
import { PageHeader } from "@/components/common/page-header";
import { NewStatementMenu } from "@/components/statements/new-statement-menu";
import { StatementFilters } from "@/components/statements/statement-filters";
import { StatementsTable } from "@/components/statements/statements-table";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { statementDealOptions, statementInbox } from "@/lib/statements/queries";
import type { StatementStatus } from "@/lib/statements/schema";
import { statementInboxQuerySchema } from "@/lib/statements/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements.list");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StatementsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  // A hand-edited URL with an unknown filter falls back to the unfiltered first page.
  const parsed = statementInboxQuerySchema.safeParse({
    deal: one(search.deal),
    status: one(search.status),
    role: one(search.role),
    cursor: one(search.cursor),
  });
  const query = parsed.success ? parsed.data : statementInboxQuerySchema.parse({});
  const [{ items, nextCursor }, deals, t] = await Promise.all([
    statementInbox(actor, query),
    statementDealOptions(actor),
    getTranslations("statements.list"),
  ]);
  // Deals this organisation reports on as licensee (signed or expired), if its role may submit.
  const reportable = reportableDeals(deals, { orgId: actor.org.id, role: actor.role, orgKind: actor.org.kind });
  const filtered = Boolean(query.deal || query.status || query.role);
  const withFilters = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({
      ...(query.deal ? { deal: query.deal } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...extra,
    }).toString();
    return qs ? `/statements?${qs}` : "/statements";
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: actor.org.name })}
        actions={reportable.length > 0 ? <NewStatementMenu deals={reportable} /> : null}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <StatementFilters deals={deals.map((d) => ({ id: d.id, name: d.name }))} />
        {query.cursor ? (
          <Button asChild variant="link" size="sm" className="px-0">
            <Link href={withFilters({})}>{t("firstPage")}</Link>
          </Button>
        ) : null}
      </div>
      <StatementsTable
        showDeal
        rows={items.map((s) => ({
          id: s.id,
          periodStart: s.periodStart,
          periodEnd: s.periodEnd,
          status: s.status as StatementStatus,
          counting: s.counting,
          superseded: s.superseded,
          gross: s.gross,
          lineCount: s.lineCount,
          createdAt: s.createdAt,
          licensorShare: s.waterfall?.period.licensorShare ?? null,
          overage: s.waterfall?.period.overage ?? null,
          deal: s.deal,
        }))}
        empty={{
          title: filtered ? t("empty.filteredTitle") : t("empty.title"),
          description: filtered ? t("empty.filtered") : t("empty.description"),
        }}
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
