import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { partyOf } from "@/lib/deals/queries";
import { moneyOf } from "@/lib/money/currency";
import { presentBalance, presentReceipt, presentStatement, presentSteps, presentTerms } from "./present";
import type { CreatorStatementsQuery, DealStatementsQuery, StatementInboxQuery, StatementLinesQuery, StatementListQuery } from "./schema";
import { type DealWaterfall, type TermsRow, waterfallOf } from "./waterfall";

/**
 * Reads of statements, receipts, balances and creator statements. Every query is scoped to the
 * deals the actor's organisation is party to, in its WHERE clause; anything else is null (404).
 */

const orgRef = { select: { id: true, name: true, kind: true, homeCountry: true } } as const;
/** A deal's parties and waterfall terms: what statement and receipt reads and commands work from. */
export const dealTermsSelect = {
  id: true,
  name: true,
  status: true,
  currency: true,
  licensorId: true,
  licenseeId: true,
  mgMinor: true,
  distributionFeePct: true,
  expenseCapMinor: true,
  shareTiers: true,
  creatorParticipationPct: true,
} satisfies Prisma.DealSelect;
const dealSelect = { ...dealTermsSelect, licensor: orgRef, licensee: orgRef } satisfies Prisma.DealSelect;
type DealRow = Prisma.DealGetPayload<{ select: typeof dealSelect }>;

function presentDealRef(deal: DealRow, actor: Actor) {
  return {
    id: deal.id,
    name: deal.name,
    status: deal.status,
    currency: deal.currency,
    licensor: deal.licensor,
    licensee: deal.licensee,
    role: deal.licensorId === actor.org.id ? ("LICENSOR" as const) : ("LICENSEE" as const),
  };
}

async function dealOf(actor: Actor, dealId: string) {
  return db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: dealSelect });
}

const statementInclude = { supersededBy: { select: { id: true } } } satisfies Prisma.StatementInclude;

/** Reads the waterfall needs: a transaction or the client. */
type Db = Pick<Prisma.TransactionClient, "statement" | "receipt" | "dealInstalment">;

const sumsSelect = {
  id: true,
  periodStart: true,
  periodEnd: true,
  grossMinor: true,
  expensesMinor: true,
  counting: true,
  acceptedTerms: true,
} as const;

/** Loads every statement's sums of a deal (never its lines) and computes its waterfall. */
export async function loadDealWaterfall(db: Db, deal: TermsRow & { id: string }): Promise<DealWaterfall> {
  const statements = await db.statement.findMany({ where: { dealId: deal.id }, select: sumsSelect });
  return waterfallOf(deal, statements);
}

/**
 * A deal's statements (newest period first) with each one's waterfall, the deal's waterfall terms,
 * and the recoupment series (cumulative S after each counting statement against the MG) for the chart.
 */
/** Where a page of a deal's statements resumes: the last row's (period start, created at, id). */
const dealStatementsCursor = z.object({
  p: z.iso.date(),
  c: z.iso.datetime().refine((s) => !Number.isNaN(new Date(s).getTime())),
  id: z.uuid(),
});
const DEAL_STATEMENTS_ORDER = [
  { periodStart: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
] as const satisfies Prisma.StatementOrderByWithRelationInput[];

/**
 * A deal's statements, newest period first: all of them in `statements` (as before) and a keyset
 * page of them in `items`/`nextCursor`, the convention of every other list.
 */
export async function listDealStatements(actor: Actor, dealId: string, page: Partial<DealStatementsQuery> = {}) {
  const deal = await dealOf(actor, dealId);
  if (!deal) return null;
  const limit = page.limit ?? 50;
  const after = decodeCursor(page.cursor, dealStatementsCursor);
  const resume: Prisma.StatementWhereInput[] = [];
  if (after) {
    const p = new Date(`${after.p}T00:00:00.000Z`);
    const c = new Date(after.c);
    resume.push({
      OR: [{ periodStart: { lt: p } }, { periodStart: p, createdAt: { lt: c } }, { periodStart: p, createdAt: c, id: { lt: after.id } }],
    });
  }
  const [statements, rows, wf] = await Promise.all([
    db.statement.findMany({ where: { dealId: deal.id }, include: statementInclude, orderBy: [...DEAL_STATEMENTS_ORDER] }),
    db.statement.findMany({
      where: { AND: [{ dealId: deal.id }, ...resume] },
      include: statementInclude,
      orderBy: [...DEAL_STATEMENTS_ORDER],
      take: limit + 1,
    }),
    loadDealWaterfall(db, deal),
  ]);
  const money = moneyOf(deal.currency);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    deal: presentDealRef(deal, actor),
    terms: presentTerms(wf, deal.currency),
    statements: statements.map((s) => presentStatement(s, wf)),
    items: items.map((s) => presentStatement(s, wf)),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ p: last.periodStart.toISOString().slice(0, 10), c: last.createdAt.toISOString(), id: last.id })
        : null,
    recoupment: wf.steps.map((s) => ({
      statementId: s.statementId,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      licensorShare: money(s.cumulative.licensorShare),
      minimumGuarantee: money(wf.terms.mgMinor ?? 0n),
      overage: money(s.cumulative.overage),
    })),
  };
}
export type DealStatements = NonNullable<Awaited<ReturnType<typeof listDealStatements>>>;

/** Statements across the actor's deals (the /statements inbox), newest first. */
export async function listStatements(actor: Actor, q: Partial<StatementListQuery> = {}) {
  const dealWhere: Prisma.DealWhereInput[] = [partyOf(actor)];
  if (q.role === "LICENSOR") dealWhere.push({ licensorId: actor.org.id });
  if (q.role === "LICENSEE") dealWhere.push({ licenseeId: actor.org.id });
  const rows = await db.statement.findMany({
    where: { deal: { AND: dealWhere }, ...(q.status ? { status: q.status } : {}) },
    include: { ...statementInclude, deal: { select: dealSelect } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit ?? 50,
  });
  const waterfalls = new Map<string, Awaited<ReturnType<typeof loadDealWaterfall>>>();
  for (const r of rows) if (!waterfalls.has(r.dealId)) waterfalls.set(r.dealId, await loadDealWaterfall(db, r.deal));
  return rows.map((r) => ({ ...presentStatement(r, waterfalls.get(r.dealId)!), deal: presentDealRef(r.deal, actor) }));
}

type LineAgg = { key: string; gross: bigint; lines: bigint };

/**
 * One statement with its deal, waterfall, the step-by-step explanation, a page of its lines
 * (by position) and its gross summed by revenue type, territory, media right and title.
 */
export async function getStatement(actor: Actor, statementId: string, q: Partial<StatementLinesQuery> = {}) {
  const s = await db.statement.findFirst({
    where: { id: statementId, deal: partyOf(actor) },
    include: { ...statementInclude, deal: { select: dealSelect } },
  });
  if (!s) return null;
  const from = q.linesFrom ?? 0;
  const limit = q.linesLimit ?? 100;
  const [wf, lines, byType, byTerritory, byMedia, byTitle] = await Promise.all([
    loadDealWaterfall(db, s.deal),
    db.statementLine.findMany({
      where: { statementId: s.id, position: { gte: from } },
      orderBy: { position: "asc" },
      take: limit,
      include: { title: { select: { id: true, originalTitle: true, titleEn: true, titleZh: true } } },
    }),
    db.$queryRaw<
      LineAgg[]
    >`SELECT revenue_type::text AS key, sum(gross_minor)::bigint AS gross, count(*) AS lines FROM statement_line WHERE statement_id = ${s.id}::uuid GROUP BY 1 ORDER BY 2 DESC`,
    db.$queryRaw<
      LineAgg[]
    >`SELECT territory AS key, sum(gross_minor)::bigint AS gross, count(*) AS lines FROM statement_line WHERE statement_id = ${s.id}::uuid GROUP BY 1 ORDER BY 2 DESC`,
    db.$queryRaw<
      LineAgg[]
    >`SELECT media_right AS key, sum(gross_minor)::bigint AS gross, count(*) AS lines FROM statement_line WHERE statement_id = ${s.id}::uuid GROUP BY 1 ORDER BY 2 DESC`,
    db.$queryRaw<
      LineAgg[]
    >`SELECT title_id::text AS key, sum(gross_minor)::bigint AS gross, count(*) AS lines FROM statement_line WHERE statement_id = ${s.id}::uuid GROUP BY 1 ORDER BY 2 DESC`,
  ]);
  const money = moneyOf(s.currency);
  const titles = await db.title.findMany({
    where: { id: { in: byTitle.map((t) => t.key) } },
    select: { id: true, originalTitle: true, titleEn: true, titleZh: true },
  });
  const agg = (rows: LineAgg[]) => rows.map((r) => ({ key: r.key, gross: money(BigInt(r.gross)), lines: Number(r.lines) }));
  return {
    ...presentStatement(s, wf),
    deal: presentDealRef(s.deal, actor),
    explanation: presentSteps(s.id, wf, s.currency),
    lines: {
      from,
      limit,
      total: s.lineCount,
      items: lines.map((l) => ({
        position: l.position,
        titleId: l.titleId,
        title: { originalTitle: l.title.originalTitle, titles: { en: l.title.titleEn, zh: l.title.titleZh } },
        territory: l.territory,
        mediaRight: l.mediaRight,
        revenueType: l.revenueType,
        gross: money(l.grossMinor),
        season: l.season,
      })),
    },
    summary: {
      byRevenueType: agg(byType),
      byTerritory: agg(byTerritory),
      byMediaRight: agg(byMedia),
      byTitle: agg(byTitle).map((t) => {
        const title = titles.find((x) => x.id === t.key);
        return {
          ...t,
          titleId: t.key,
          originalTitle: title?.originalTitle ?? null,
          titles: { en: title?.titleEn ?? null, zh: title?.titleZh ?? null },
        };
      }),
    },
  };
}
export type StatementDetail = NonNullable<Awaited<ReturnType<typeof getStatement>>>;

/** Signed (or expired) deals on which the actor's organisation is the licensee: it may submit statements on them. */
export async function submittableDeals(actor: Actor) {
  const deals = await db.deal.findMany({
    where: { licenseeId: actor.org.id, status: { in: ["SIGNED", "EXPIRED"] } },
    select: dealSelect,
    orderBy: { name: "asc" },
  });
  return deals.map((d) => presentDealRef(d, actor));
}

/**
 * What a statement of the deal may report: per granted title, the countries and leaf media of its
 * grant slices and the window they span (the statement form's choices). Null if not a party.
 */
export async function statementScope(actor: Actor, dealId: string) {
  const deal = await dealOf(actor, dealId);
  if (!deal) return null;
  const rows = await db.$queryRaw<{ title_id: string; countries: string[]; media: string[]; start: string; end: string }[]>`
    SELECT title_id::text, array_agg(DISTINCT country ORDER BY country) AS countries, array_agg(DISTINCT media ORDER BY media) AS media,
           to_char(min(start), 'YYYY-MM-DD') AS start, to_char(max("end"), 'YYYY-MM-DD') AS "end"
    FROM grant_slice WHERE deal_id = ${deal.id}::uuid AND NOT holdback GROUP BY title_id`;
  const titles = await db.title.findMany({
    where: { id: { in: rows.map((r) => r.title_id) } },
    select: {
      id: true,
      originalTitle: true,
      titleEn: true,
      titleZh: true,
      seasons: { select: { number: true }, orderBy: { number: "asc" } },
    },
  });
  return {
    deal: presentDealRef(deal, actor),
    titles: rows.map((r) => {
      const t = titles.find((x) => x.id === r.title_id);
      return {
        titleId: r.title_id,
        originalTitle: t?.originalTitle ?? null,
        titles: { en: t?.titleEn ?? null, zh: t?.titleZh ?? null },
        countries: r.countries.map((c) => c.trim()),
        mediaRights: r.media,
        start: r.start,
        end: r.end,
        /** The series' season numbers a line may name (empty: not a series, or none listed). */
        seasons: (t?.seasons ?? []).map((x) => x.number),
      };
    }),
  };
}

/** A deal's receipts, newest first, with their splits. */
export async function listReceipts(actor: Actor, dealId: string) {
  const deal = await dealOf(actor, dealId);
  if (!deal) return null;
  const rows = await db.receipt.findMany({
    where: { dealId: deal.id },
    include: { creatorShares: true },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
  });
  return { deal: presentDealRef(deal, actor), receipts: rows.map(presentReceipt) };
}

/** GET /deals/{id}/balance: MG contracted and received, overage due and received, per instalment. */
export async function dealBalance(actor: Actor, dealId: string) {
  const deal = await dealOf(actor, dealId);
  if (!deal) return null;
  return { deal: presentDealRef(deal, actor), ...presentBalance(await loadBalance(db, deal), deal.currency) };
}

export type CreatorStatementRow = {
  dealId: string;
  dealName: string;
  participantId: string | null;
  name: string;
  role: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
  receipts: number;
  amount: { amount: string; currency: string };
};

/**
 * Creator statements: each participant's earnings (sums of their receipt shares) per deal and per
 * month or quarter, for the licensor (the studio paying its creators). `dealId` narrows to one deal.
 */
export async function creatorStatements(
  actor: Actor,
  q: Pick<CreatorStatementsQuery, "period"> & Partial<Pick<CreatorStatementsQuery, "from" | "to">> & { dealId?: string },
): Promise<CreatorStatementRow[] | null> {
  if (q.dealId) {
    const deal = await db.deal.findFirst({ where: { id: q.dealId, licensorId: actor.org.id }, select: { id: true } });
    if (!deal) return null;
  }
  const unit = q.period === "month" ? "month" : "quarter";
  const rows = await db.$queryRaw<
    {
      deal_id: string;
      deal_name: string;
      currency: string;
      participant_id: string | null;
      name: string;
      role: string | null;
      period_start: string;
      period_end: string;
      receipts: bigint;
      amount: bigint;
    }[]
  >`
    WITH shares AS (
      SELECT d.id AS deal_id, d.name AS deal_name, r.currency, rs.participant_id, rs.name, p.role, rs.position, r.id AS receipt_id,
             rs.amount_minor, date_trunc(${unit}::text, r.received_on)::date AS period_start
      FROM receipt_share rs
      JOIN receipt r ON r.id = rs.receipt_id
      JOIN deal d ON d.id = r.deal_id
      LEFT JOIN deal_participant p ON p.id = rs.participant_id
      WHERE d.licensor_id = ${actor.org.id}::uuid
        AND (${q.dealId ?? null}::uuid IS NULL OR d.id = ${q.dealId ?? null}::uuid)
        AND (${q.from ?? null}::date IS NULL OR r.received_on >= ${q.from ?? null}::date)
        AND (${q.to ?? null}::date IS NULL OR r.received_on <= ${q.to ?? null}::date)
    )
    SELECT deal_id::text, deal_name, currency, participant_id::text, name, role,
           to_char(period_start, 'YYYY-MM-DD') AS period_start,
           to_char((period_start + ${unit === "month" ? "1 month" : "3 months"}::interval - interval '1 day')::date, 'YYYY-MM-DD') AS period_end,
           count(DISTINCT receipt_id) AS receipts, sum(amount_minor)::bigint AS amount
    FROM shares
    GROUP BY deal_id, deal_name, currency, participant_id, name, role, position, period_start
    ORDER BY deal_name, period_start, position`;
  return rows.map((r) => {
    const [y, m] = r.period_start.split("-").map(Number);
    return {
      dealId: r.deal_id,
      dealName: r.deal_name,
      participantId: r.participant_id,
      name: r.name,
      role: r.role,
      period: unit === "month" ? r.period_start.slice(0, 7) : `${y}-Q${Math.floor((m! - 1) / 3) + 1}`,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      receipts: Number(r.receipts),
      amount: moneyOf(r.currency)(BigInt(r.amount)),
    };
  });
}

/** The statement without its lines (what a command answers with; the lines are left to GET). */
export function getStatementSummary(actor: Actor, statementId: string) {
  return getStatement(actor, statementId, { linesFrom: 0, linesLimit: 0 });
}

// ---- The statement pages: the organisation-wide statement list with a deal filter and cursor
// pages, and the deals to filter by.

const cursorSchema = z.object({ c: z.iso.datetime(), id: z.uuid() });
const orgName = { select: { id: true, name: true } } as const;

export async function statementInbox(actor: Actor, q: StatementInboxQuery) {
  const deal: Prisma.DealWhereInput[] = [partyOf(actor)];
  if (q.deal) deal.push({ id: q.deal });
  if (q.role === "LICENSOR") deal.push({ licensorId: actor.org.id });
  if (q.role === "LICENSEE") deal.push({ licenseeId: actor.org.id });
  const where: Prisma.StatementWhereInput[] = [{ deal: { AND: deal } }];
  if (q.status) where.push({ status: q.status });
  const after = decodeCursor(q.cursor, cursorSchema);
  if (after) {
    const c = new Date(after.c);
    where.push({ OR: [{ createdAt: { lt: c } }, { createdAt: c, id: { lt: after.id } }] });
  }
  const rows = await db.statement.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: {
      supersededBy: { select: { id: true } },
      deal: {
        select: {
          id: true,
          name: true,
          licensorId: true,
          licenseeId: true,
          mgMinor: true,
          distributionFeePct: true,
          expenseCapMinor: true,
          shareTiers: true,
          licensor: orgName,
          licensee: orgName,
        },
      },
    },
  });
  const items = rows.slice(0, q.limit);
  const waterfalls = new Map<string, Awaited<ReturnType<typeof loadDealWaterfall>>>();
  for (const r of items) if (!waterfalls.has(r.dealId)) waterfalls.set(r.dealId, await loadDealWaterfall(db, r.deal));
  const last = items[items.length - 1];
  return {
    items: items.map((r) => {
      const licensor = r.deal.licensorId === actor.org.id;
      return {
        ...presentStatement(r, waterfalls.get(r.dealId)!),
        deal: {
          id: r.deal.id,
          name: r.deal.name,
          role: licensor ? ("LICENSOR" as const) : ("LICENSEE" as const),
          counterparty: licensor ? r.deal.licensee.name : r.deal.licensor.name,
        },
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** Deals the statement list can be filtered by: signed (or once signed) deals the organisation is party to. */
export async function statementDealOptions(actor: Actor) {
  return db.deal.findMany({
    where: { AND: [partyOf(actor), { status: { in: ["SIGNED", "EXPIRED", "TERMINATED"] } }] },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, licenseeId: true, status: true },
  });
}

export type InstalmentBalance = {
  index: number;
  amountMinor: bigint;
  receivedMinor: bigint;
  openMinor: bigint;
  dueDate: Date | null;
  trigger: string | null;
};

export type DealBalance = {
  mgContractedMinor: bigint;
  mgReceivedMinor: bigint;
  overageDueMinor: bigint;
  overageReceivedMinor: bigint;
  instalments: InstalmentBalance[];
};

/**
 * What the licensee owes and the licensor has received on a deal. MG instalments are the deal's
 * (a deal with an MG but no instalments has one implicit instalment, index 0, of the whole MG);
 * overage due is the cumulative O after the latest counting statement.
 */
export async function loadBalance(db: Db, deal: TermsRow & { id: string }): Promise<DealBalance> {
  const [wf, instalments, received] = await Promise.all([
    loadDealWaterfall(db, deal),
    db.dealInstalment.findMany({ where: { dealId: deal.id }, orderBy: { position: "asc" } }),
    db.receipt.groupBy({ by: ["kind", "instalmentIndex"], where: { dealId: deal.id }, _sum: { amountMinor: true } }),
  ]);
  const sum = (kind: string, index?: number) =>
    received
      .filter((r) => r.kind === kind && (index === undefined || r.instalmentIndex === index))
      .reduce((a, r) => a + (r._sum.amountMinor ?? 0n), 0n);
  const plan =
    instalments.length > 0
      ? instalments.map((i) => ({ index: i.position, amountMinor: i.amountMinor, dueDate: i.dueDate, trigger: i.trigger as string | null }))
      : deal.mgMinor !== null && deal.mgMinor > 0n
        ? [{ index: 0, amountMinor: deal.mgMinor, dueDate: null, trigger: null }]
        : [];
  return {
    mgContractedMinor: deal.mgMinor ?? 0n,
    mgReceivedMinor: sum("MG_INSTALMENT"),
    overageDueMinor: wf.overageDueMinor,
    overageReceivedMinor: sum("OVERAGE"),
    instalments: plan.map((p) => {
      const got = sum("MG_INSTALMENT", p.index);
      return { ...p, receivedMinor: got, openMinor: p.amountMinor - got };
    }),
  };
}
