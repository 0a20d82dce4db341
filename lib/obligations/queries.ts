import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly, wallClockIn } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { OrgKind } from "@/lib/db/generated/client";
import { partyOf } from "@/lib/deals/queries";
import { holdbacksOf } from "@/lib/deals/rules";
import { renewalOptionSchema } from "@/lib/deals/schema";
import { orgTimeZone } from "@/lib/orgs/time-zone";
import { DEFAULT_CURRENCY } from "@/lib/outcomes/schema";
import { waterfallOf } from "@/lib/statements/waterfall";
import { type ObligationView, presentObligation, type ViewLocale } from "./present";
import {
  advanceDisbursementObligation,
  compareObligations,
  DEFAULT_EDIT_DECISION_DAYS,
  type DealFacts,
  dealObligations,
  editDecisionObligation,
  type FxGap,
  fxRateObligation,
  type Obligation,
  sideOf,
  statusOf,
} from "./rules";
import type { ObligationListQuery } from "./schema";

/**
 * Reads of obligations. They are derived on every read from the records an organisation is party
 * to (its deals, its edit requests, its advances; FX gaps for the platform), each query with the
 * organisation in its WHERE clause; nothing is stored, so the calendar, the API, the feed and the
 * reminders always agree with the records.
 */

/** What obligations are derived for: an organisation with its kind and time zone. */
export type ObligationOrg = { id: string; kind: OrgKind; timeZone: string | null; homeCountry: string };

/** Days the studio has to decide a submitted edit request (platform setting). */
export function editDecisionDays(): number {
  const value = Number(process.env.EDIT_DECISION_DAYS);
  return Number.isInteger(value) && value > 0 && value <= 365 ? value : DEFAULT_EDIT_DECISION_DAYS;
}

const zoned = { select: { timeZone: true, homeCountry: true } } as const;
const titleNames = { select: { id: true, originalTitle: true, titleEn: true, titleZh: true } } as const;
const namesOf = (t: { id: string; originalTitle: string; titleEn: string | null; titleZh: string | null }) => ({
  id: t.id,
  names: { original: t.originalTitle, en: t.titleEn, zh: t.titleZh },
});
/** The calendar date of an instant for the party that acted (in its time zone). */
const localDate = (instant: Date, org: { timeZone: string | null; homeCountry: string }) => wallClockIn(instant, orgTimeZone(org)).date;

/** The stored renewal option (JSON, as the deal terms keep it), if any, and whether it was exercised. */
function renewalOf(stored: unknown, exercised: boolean): DealFacts["renewal"] {
  const option = renewalOptionSchema.safeParse(stored);
  return option.success ? { noticeBy: option.data.noticeBy, extendsTo: option.data.extendsTo, exercised } : null;
}

async function dealFacts(orgId: string): Promise<Obligation[]> {
  const deals = await db.deal.findMany({
    where: { OR: [{ licensorId: orgId }, { licenseeId: orgId }], status: { in: ["SIGNED", "EXPIRED"] } },
    select: {
      id: true,
      name: true,
      currency: true,
      licensorId: true,
      licenseeId: true,
      reportingFrequency: true,
      reportingDueDays: true,
      paymentDueDays: true,
      mgMinor: true,
      distributionFeePct: true,
      expenseCapMinor: true,
      shareTiers: true,
      renewalOption: true,
      amendments: { where: { renewal: true, status: { not: "WITHDRAWN" } }, select: { id: true } },
      licensor: zoned,
      instalments: { select: { position: true, amountMinor: true, dueDate: true } },
      grants: { select: { id: true, start: true, end: true, holdbacks: true, title: titleNames } },
      statements: {
        select: {
          id: true,
          periodStart: true,
          periodEnd: true,
          grossMinor: true,
          expensesMinor: true,
          counting: true,
          acceptedTerms: true,
          status: true,
          decidedAt: true,
        },
      },
    },
  });
  if (deals.length === 0) return [];
  const received = await db.receipt.groupBy({
    by: ["dealId", "kind", "instalmentIndex"],
    where: { dealId: { in: deals.map((d) => d.id) } },
    _sum: { amountMinor: true },
  });
  const paid = (dealId: string, kind: "MG_INSTALMENT" | "OVERAGE", index?: number) =>
    received
      .filter((r) => r.dealId === dealId && r.kind === kind && (index === undefined || r.instalmentIndex === index))
      .reduce((a, r) => a + (r._sum.amountMinor ?? 0n), 0n);

  return deals.flatMap((d) => {
    const wf = waterfallOf(d, d.statements);
    const overage = new Map(wf.steps.map((s) => [s.statementId, s.period.overage]));
    return dealObligations({
      id: d.id,
      name: d.name,
      currency: d.currency,
      licensorId: d.licensorId,
      licenseeId: d.licenseeId,
      reportingFrequency: d.reportingFrequency,
      reportingDueDays: d.reportingDueDays,
      paymentDueDays: d.paymentDueDays,
      instalments: d.instalments.map((i) => ({
        index: i.position,
        amountMinor: i.amountMinor,
        dueDate: i.dueDate ? dateOnly(i.dueDate) : null,
        receivedMinor: paid(d.id, "MG_INSTALMENT", i.position),
      })),
      grants: d.grants.map((g) => ({
        id: g.id,
        title: namesOf(g.title),
        start: dateOnly(g.start),
        end: dateOnly(g.end),
        holdbacks: holdbacksOf(g.holdbacks).map((h) => ({ until: h.until })),
      })),
      statements: d.statements.map((s) => ({
        id: s.id,
        periodStart: dateOnly(s.periodStart),
        periodEnd: dateOnly(s.periodEnd),
        counting: s.counting,
        acceptedOn: s.status === "ACCEPTED" && s.decidedAt ? localDate(s.decidedAt, d.licensor) : null,
        periodOverageMinor: overage.get(s.id) ?? 0n,
      })),
      overageReceivedMinor: paid(d.id, "OVERAGE"),
      renewal: renewalOf(d.renewalOption, d.amendments.length > 0),
    });
  });
}

async function editFacts(orgId: string): Promise<Obligation[]> {
  const requests = await db.editRequest.findMany({
    where: {
      OR: [{ partnerId: orgId }, { studioId: orgId }],
      status: { in: ["UNDER_REVIEW", "APPROVED", "PARTIALLY_APPROVED", "REJECTED", "CHANGES_REQUESTED"] },
      submittedAt: { not: null },
    },
    select: {
      id: true,
      name: true,
      status: true,
      partnerId: true,
      studioId: true,
      submittedAt: true,
      studio: zoned,
      title: titleNames,
      deal: { select: { id: true, name: true } },
    },
  });
  const days = editDecisionDays();
  return requests.map((r) =>
    editDecisionObligation(
      {
        id: r.id,
        name: r.name,
        partnerId: r.partnerId,
        studioId: r.studioId,
        title: namesOf(r.title),
        deal: r.deal,
        submittedOn: localDate(r.submittedAt!, r.studio),
        decided: r.status !== "UNDER_REVIEW",
      },
      days,
    ),
  );
}

async function advanceFacts(org: ObligationOrg): Promise<Obligation[]> {
  if (org.kind !== "FACILITY" && org.kind !== "STUDIO") return [];
  const advances = await db.advance.findMany({
    where: {
      ...(org.kind === "FACILITY" ? { facility: { orgId: org.id } } : { studioId: org.id }),
      status: { in: ["APPROVED", "DISBURSED", "REPAID", "DEFAULTED", "WRITTEN_OFF"] },
      decidedAt: { not: null },
      approvedMinor: { not: null },
    },
    select: {
      id: true,
      studioId: true,
      currency: true,
      approvedMinor: true,
      decidedAt: true,
      disbursedAt: true,
      status: true,
      deal: { select: { id: true, name: true } },
      facility: { select: { orgId: true, org: zoned } },
    },
  });
  return advances.map((a) =>
    advanceDisbursementObligation({
      id: a.id,
      facilityOrgId: a.facility.orgId,
      studioId: a.studioId,
      deal: a.deal,
      currency: a.currency,
      approvedMinor: a.approvedMinor!,
      approvedOn: localDate(a.decidedAt!, a.facility.org),
      disbursed: a.status !== "APPROVED" || a.disbursedAt !== null,
    }),
  );
}

/**
 * Months with receipts in a currency that has no rate into the reporting currency on or before
 * the receipt's date (direct or inverse pair). A month is listed once a receipt was recorded
 * while its rate was missing; it is done when every receipt of the month has a rate.
 */
async function fxFacts(org: ObligationOrg): Promise<Obligation[]> {
  if (org.kind !== "PLATFORM") return [];
  const quote = DEFAULT_CURRENCY;
  const rows = await db.$queryRaw<{ base: string; month: string; missing: boolean; receipt_id: string }[]>`
    WITH r AS (
      SELECT r.id, r.currency, r.received_on, r.created_at,
        NOT EXISTS (SELECT 1 FROM fx_rate f WHERE f.date <= r.received_on
          AND ((f.base = r.currency AND f.quote = ${quote}) OR (f.base = ${quote} AND f.quote = r.currency))) AS missing_now,
        NOT EXISTS (SELECT 1 FROM fx_rate f WHERE f.date <= r.received_on AND f.created_at <= r.created_at
          AND ((f.base = r.currency AND f.quote = ${quote}) OR (f.base = ${quote} AND f.quote = r.currency))) AS missing_then
      FROM receipt r WHERE r.currency <> ${quote}
    )
    SELECT currency AS base, to_char(received_on, 'YYYY-MM') AS month, bool_or(missing_now) AS missing, min(id::text) AS receipt_id
    FROM r GROUP BY currency, to_char(received_on, 'YYYY-MM') HAVING bool_or(missing_then) OR bool_or(missing_now)`;
  return rows.map((row) =>
    fxRateObligation({ base: row.base, quote, month: row.month, missing: row.missing, receiptId: row.receipt_id } satisfies FxGap, org.id),
  );
}

/** Every obligation of an organisation, in due-date order, and its calendar date today. */
export async function orgObligations(org: ObligationOrg, now: Date = new Date()): Promise<{ today: string; obligations: Obligation[] }> {
  const today = wallClockIn(now, orgTimeZone(org)).date;
  const parts = await Promise.all([
    org.kind === "STUDIO" || org.kind === "PARTNER" ? dealFacts(org.id) : [],
    org.kind === "STUDIO" || org.kind === "PARTNER" ? editFacts(org.id) : [],
    advanceFacts(org),
    fxFacts(org),
  ]);
  return { today, obligations: parts.flat().sort(compareObligations) };
}

export async function obligationOrg(orgId: string): Promise<ObligationOrg | null> {
  return db.organization.findUnique({ where: { id: orgId }, select: { id: true, kind: true, timeZone: true, homeCountry: true } });
}

const cursorSchema = z.object({ d: z.iso.date(), id: z.string().min(1).max(200) });

type ObligationFilter = Pick<ObligationListQuery, "from" | "to" | "kind" | "status" | "side" | "dealId">;

/** The filters of the list (the API's and the calendar's), on one organisation's `today`. */
function filterObligations(obligations: Obligation[], query: ObligationFilter, orgId: string, today: string): Obligation[] {
  const kinds = query.kind ? new Set<string>(query.kind) : null;
  const statuses = query.status ? new Set<string>(query.status) : null;
  const sides = query.side ? new Set<string>(query.side) : null;
  return obligations.filter(
    (o) =>
      (!query.from || o.dueDate >= query.from) &&
      (!query.to || o.dueDate <= query.to) &&
      (!kinds || kinds.has(o.kind)) &&
      (!query.dealId || o.deal?.id === query.dealId) &&
      (!statuses || statuses.has(statusOf(o, today))) &&
      (!sides || sides.has(sideOf(o, orgId))),
  );
}

/**
 * GET /obligations: the acting organisation's obligations filtered and keyset-paginated by
 * (due date, id). Null when `dealId` names a deal the organisation is not party to (404).
 */
export async function listObligations(
  actor: Actor,
  query: ObligationListQuery,
  options: { locale?: ViewLocale; now?: Date } = {},
): Promise<{ items: ObligationView[]; nextCursor: string | null } | null> {
  if (query.dealId) {
    const deal = await db.deal.findFirst({ where: { AND: [{ id: query.dealId }, partyOf(actor)] }, select: { id: true } });
    if (!deal) return null;
  }
  const org = await obligationOrg(actor.org.id);
  if (!org) return null;
  const { today, obligations } = await orgObligations(org, options.now);
  const after = decodeCursor(query.cursor, cursorSchema);
  const matching = filterObligations(obligations, query, actor.org.id, today).filter(
    (o) => !after || compareObligations(o, { dueDate: after.d, id: after.id }) > 0,
  );
  const page = matching.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((o) => presentObligation(o, actor.org.id, today, options.locale ?? "en")),
    nextCursor: matching.length > query.limit && last ? encodeCursor({ d: last.dueDate, id: last.id }) : null,
  };
}

/** Counts for the dashboard cards: overdue, and due in the next 7 days (DUE), with the first few. */
export async function obligationSummary(actor: Actor, locale: ViewLocale, now: Date = new Date()) {
  const org = await obligationOrg(actor.org.id);
  if (!org) return { overdue: [], dueSoon: [], today: "" };
  const { today, obligations } = await orgObligations(org, now);
  const views = obligations.map((o) => presentObligation(o, actor.org.id, today, locale));
  return { today, overdue: views.filter((v) => v.status === "OVERDUE"), dueSoon: views.filter((v) => v.status === "DUE") };
}

/** The most items the calendar page shows at once (a month, or the agenda of every matching date). */
export const CALENDAR_LIMIT = 500;

/** The organisation's calendar date now (in its time zone): what "today", "due" and "overdue" mean for it. */
export async function organizationToday(actor: Actor, now: Date = new Date()): Promise<string> {
  const org = await obligationOrg(actor.org.id);
  return wallClockIn(now, org ? orgTimeZone(org) : "UTC").date;
}

/**
 * The calendar page's and the deal page's read: the obligations the filters select (the list's
 * filters, the whole set, no cursor), in due-date order, on the organisation's `today`. Null when
 * `dealId` names a deal the organisation is not party to.
 */
export async function calendarObligations(
  actor: Actor,
  filter: ObligationFilter,
  locale: ViewLocale,
  now: Date = new Date(),
): Promise<{ today: string; items: ObligationView[]; truncated: boolean } | null> {
  if (filter.dealId) {
    const deal = await db.deal.findFirst({ where: { AND: [{ id: filter.dealId }, partyOf(actor)] }, select: { id: true } });
    if (!deal) return null;
  }
  const org = await obligationOrg(actor.org.id);
  if (!org) return null;
  const { today, obligations } = await orgObligations(org, now);
  const matching = filterObligations(obligations, filter, actor.org.id, today);
  return {
    today,
    items: matching.slice(0, CALENDAR_LIMIT).map((o) => presentObligation(o, actor.org.id, today, locale)),
    truncated: matching.length > CALENDAR_LIMIT,
  };
}
