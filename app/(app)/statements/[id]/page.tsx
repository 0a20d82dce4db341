import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { nameMaps } from "@/components/deals/reference-options";
import { DealMoneyLinks } from "@/components/statements/deal-section";
import { LinesSection } from "@/components/statements/lines-section";
import { RecoupmentChart } from "@/components/statements/recoupment-chart";
import { ReviewActions } from "@/components/statements/review-actions";
import { StatementSummary } from "@/components/statements/statement-summary";
import { StatementStatusBadge } from "@/components/statements/status-badge";
import { WaterfallSteps } from "@/components/statements/waterfall-steps";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { acceptStatementAction, disputeStatementAction } from "@/lib/statements/actions";
import { getStatement, listDealStatements } from "@/lib/statements/queries";
import type { RevenueType, StatementStatus } from "@/lib/statements/schema";

type Params = Promise<{ id: string }>;
type Search = Promise<{ from?: string | string[] }>;

const PAGE = 100;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements.detail");
  return { title: t("metaTitle") };
}

export default async function StatementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const search = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const fromParam = z.coerce
    .number()
    .int()
    .min(0)
    .safeParse(typeof search.from === "string" ? search.from : "0");
  const from = fromParam.success ? fromParam.data : 0;
  const s = await getStatement(actor, id, { linesFrom: from, linesLimit: PAGE });
  if (!s) notFound();
  const [list, locale, t] = await Promise.all([listDealStatements(actor, s.dealId), getLocale(), getTranslations("statements.detail")]);
  if (!list) notFound();
  const names = nameMaps(locale);
  const titleName = (x: { originalTitle: string | null; titles: { en: string | null; zh: string | null } }) =>
    (locale === "zh" ? x.titles.zh : x.titles.en) ?? x.originalTitle ?? "—";
  const mayReview =
    s.deal.role === "LICENSOR" &&
    s.status === "SUBMITTED" &&
    !s.superseded &&
    can({ role: actor.role, orgKind: actor.org.kind }, "statements.review");
  const mayCorrect =
    s.deal.role === "LICENSEE" &&
    !s.superseded &&
    (s.deal.status === "SIGNED" || s.deal.status === "EXPIRED") &&
    can({ role: actor.role, orgKind: actor.org.kind }, "statements.submit");
  const href = (at: number) => (at === 0 ? `/statements/${s.id}` : `/statements/${s.id}?from=${at}`);
  const period = (x: { periodStart: string; periodEnd: string } | undefined) =>
    x ? t("periodRange", { start: formatDate(x.periodStart, locale), end: formatDate(x.periodEnd, locale) }) : null;
  const supersedes = list.statements.find((x) => x.id === s.supersedesId);
  const supersededBy = list.statements.find((x) => x.id === s.supersededById);

  return (
    <>
      <PageHeader
        className="mb-4 lg:mb-4"
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/statements" className="hover:text-foreground hover:underline">
              {t("breadcrumb")}
            </Link>
            <span aria-hidden>/</span>
            <Link href={`/deals/${s.deal.id}/statements`} className="hover:text-foreground hover:underline">
              {s.deal.name}
            </Link>
            <StatementStatusBadge status={s.status as StatementStatus} superseded={s.superseded} />
          </span>
        }
        title={t("title", { start: formatDate(s.periodStart, locale), end: formatDate(s.periodEnd, locale) })}
        description={t("description", { licensee: s.deal.licensee.name, licensor: s.deal.licensor.name })}
      />
      <DealMoneyLinks dealId={s.deal.id} role={s.deal.role} active="statements" />
      <div className="grid gap-6">
        <StatementSummary
          statement={{
            status: s.status as StatementStatus,
            counting: s.counting,
            superseded: s.superseded,
            hypothetical: s.waterfallHypothetical,
            source: s.source,
            createdAt: s.createdAt,
            decidedAt: s.decidedAt,
            disputeReason: s.disputeReason,
            gross: s.gross,
            expenses: s.expenses,
            lineCount: s.lineCount,
            licensor: s.deal.licensor.name,
            licensee: s.deal.licensee.name,
            role: s.deal.role,
          }}
          supersedes={supersedes ? { href: `/statements/${supersedes.id}`, label: period(supersedes)! } : null}
          supersededBy={supersededBy ? { href: `/statements/${supersededBy.id}`, label: period(supersededBy)! } : null}
          correctHref={mayCorrect ? `/deals/${s.deal.id}/statements/new?supersedes=${s.id}` : null}
          actions={
            mayReview ? (
              <ReviewActions statementId={s.id} acceptAction={acceptStatementAction} disputeAction={disputeStatementAction} />
            ) : null
          }
        />
        {s.explanation ? (
          <WaterfallSteps
            step={{
              statementId: s.id,
              periodStart: s.periodStart,
              periodEnd: s.periodEnd,
              cumulative: s.waterfall!.cumulative,
              period: s.waterfall!.period,
              reportedExpenses: s.explanation.reportedExpenses,
              tiers: s.explanation.tiers,
            }}
            terms={s.explanation.terms}
            hypothetical={s.explanation.hypothetical}
          />
        ) : null}
        <RecoupmentChart
          points={list.recoupment.map((p) => ({
            statementId: p.statementId,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            licensorShare: p.licensorShare,
          }))}
          minimumGuarantee={list.terms.minimumGuarantee}
          highlight={s.id}
        />
        <LinesSection
          lines={s.lines.items.map((l) => ({
            position: l.position,
            title: titleName(l.title),
            territory: names.territories[l.territory] ?? l.territory,
            mediaRight: names.media[l.mediaRight] ?? l.mediaRight,
            revenueType: l.revenueType as RevenueType,
            gross: l.gross,
          }))}
          total={s.lines.total}
          from={from}
          pageSize={PAGE}
          hrefFor={{
            previous: from > 0 ? href(Math.max(0, from - PAGE)) : null,
            next: from + PAGE < s.lines.total ? href(from + PAGE) : null,
          }}
          gross={s.gross}
          sums={{
            title: s.summary.byTitle.map((r) => ({ key: r.key, label: titleName(r), lines: r.lines, gross: r.gross })),
            territory: s.summary.byTerritory.map((r) => ({
              key: r.key,
              label: names.territories[r.key] ?? r.key,
              lines: r.lines,
              gross: r.gross,
            })),
            mediaRight: s.summary.byMediaRight.map((r) => ({
              key: r.key,
              label: names.media[r.key] ?? r.key,
              lines: r.lines,
              gross: r.gross,
            })),
            revenueType: s.summary.byRevenueType.map((r) => ({ key: r.key, label: r.key, lines: r.lines, gross: r.gross })),
          }}
        />
      </div>
    </>
  );
}
