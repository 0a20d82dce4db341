import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/files/csv";
import { money } from "@/lib/money/currency";
import { parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { exposure } from "./eligibility";
import { facilityOf, getFacilityTerms, listAdvances } from "./queries";
import { ADVANCE_STATUSES, type AdvanceStatus, utilisationFigures } from "./rules";

/**
 * The facility's portfolio, aggregated in SQL (one pass over advance ⋈ ledger_entry with
 * GROUPING SETS for the breakdowns), so it stays fast with thousands of advances.
 *
 * Genre of a multi-title deal: the first genre of the title of the deal's first grant (by
 * creation), "UNSPECIFIED" when it has none. Each advance is attributed to exactly one genre, so
 * every breakdown sums to the portfolio totals.
 */

type Dimension = "studio" | "licensee" | "licenseeCountry" | "genre" | "deal";

type GroupRow = {
  dim: Dimension;
  key: string;
  label: string;
  country: string | null;
  advances: bigint;
  outstanding_advances: bigint;
  principal: bigint;
  owed: bigint;
  recouped: bigint;
  disbursed: bigint;
};

type AdvanceRow = {
  id: string;
  status: AdvanceStatus;
  deal_id: string;
  deal_name: string;
  studio_name: string;
  licensee_name: string;
  licensee_country: string;
  genre: string;
  disbursed_at: Date | null;
  days: number | null;
  disbursed: bigint;
  principal: bigint;
  fee: bigint;
  recouped: bigint;
  written_off: bigint;
};

const BASE = (facilityId: string) => db.$queryRaw<GroupRow[]>`
  WITH bal AS (
    SELECT a.id, a.status, a.studio_id, a.deal_id,
           COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'DISBURSEMENT'), 0) AS disbursed,
           COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'FEE'), 0) AS fees,
           COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'RECOUPMENT'), 0) AS recouped,
           COALESCE(SUM(l.principal_part_minor), 0) AS principal_paid,
           COALESCE(SUM(l.fee_part_minor), 0) AS fee_paid
      FROM advance a
      LEFT JOIN ledger_entry l ON l.advance_id = a.id
     WHERE a.facility_id = ${facilityId}::uuid AND a.disbursed_at IS NOT NULL
     GROUP BY a.id
  ), adv AS (
    SELECT b.*, b.disbursed - b.principal_paid AS principal, b.fees - b.fee_paid AS fee,
           d.name AS deal_name, d.licensee_id, lo.name AS licensee_name, lo.home_country AS licensee_country,
           so.name AS studio_name, COALESCE(g.genre, 'UNSPECIFIED') AS genre
      FROM bal b
      JOIN deal d ON d.id = b.deal_id
      JOIN organization lo ON lo.id = d.licensee_id
      JOIN organization so ON so.id = b.studio_id
      LEFT JOIN LATERAL (
        SELECT t.genres[1] AS genre FROM "grant" gr JOIN title t ON t.id = gr.title_id
         WHERE gr.deal_id = d.id ORDER BY gr.created_at, gr.id LIMIT 1
      ) g ON true
  )
  SELECT CASE
           WHEN GROUPING(studio_id) = 0 THEN 'studio'
           WHEN GROUPING(licensee_id) = 0 THEN 'licensee'
           WHEN GROUPING(licensee_country) = 0 THEN 'licenseeCountry'
           WHEN GROUPING(genre) = 0 THEN 'genre'
           ELSE 'deal'
         END AS dim,
         COALESCE(studio_id::text, licensee_id::text, licensee_country, genre, deal_id::text) AS key,
         CASE
           WHEN GROUPING(studio_id) = 0 THEN MIN(studio_name)
           WHEN GROUPING(licensee_id) = 0 THEN MIN(licensee_name)
           WHEN GROUPING(licensee_country) = 0 THEN licensee_country
           WHEN GROUPING(genre) = 0 THEN genre
           ELSE MIN(deal_name)
         END AS label,
         MIN(licensee_country) AS country,
         COUNT(*)::bigint AS advances,
         COUNT(*) FILTER (WHERE status IN ('DISBURSED', 'DEFAULTED'))::bigint AS outstanding_advances,
         SUM(principal)::bigint AS principal,
         SUM(principal + fee)::bigint AS owed,
         SUM(recouped)::bigint AS recouped,
         SUM(disbursed)::bigint AS disbursed
    FROM adv
   GROUP BY GROUPING SETS ((studio_id), (licensee_id), (licensee_country), (genre), (deal_id))
   ORDER BY dim, owed DESC, key`;

async function advanceRows(facilityId: string) {
  return db.$queryRaw<AdvanceRow[]>`
    WITH bal AS (
      SELECT a.id,
             COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'DISBURSEMENT'), 0) AS disbursed,
             COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'FEE'), 0) AS fees,
             COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'RECOUPMENT'), 0) AS recouped,
             COALESCE(SUM(l.amount_minor) FILTER (WHERE l.kind = 'WRITE_OFF'), 0) AS written_off,
             COALESCE(SUM(l.principal_part_minor), 0) AS principal_paid,
             COALESCE(SUM(l.fee_part_minor), 0) AS fee_paid
        FROM advance a
        LEFT JOIN ledger_entry l ON l.advance_id = a.id
       WHERE a.facility_id = ${facilityId}::uuid AND a.disbursed_at IS NOT NULL
       GROUP BY a.id
    )
    SELECT a.id::text AS id, a.status::text AS status, a.deal_id::text AS deal_id, d.name AS deal_name,
           so.name AS studio_name, lo.name AS licensee_name, lo.home_country AS licensee_country,
           COALESCE((SELECT t.genres[1] FROM "grant" gr JOIN title t ON t.id = gr.title_id
                      WHERE gr.deal_id = d.id ORDER BY gr.created_at, gr.id LIMIT 1), 'UNSPECIFIED') AS genre,
           a.disbursed_at,
           CASE WHEN a.status IN ('DISBURSED', 'DEFAULTED') THEN (CURRENT_DATE - (a.disbursed_at AT TIME ZONE 'UTC')::date) END AS days,
           b.disbursed::bigint AS disbursed, (b.disbursed - b.principal_paid)::bigint AS principal,
           (b.fees - b.fee_paid)::bigint AS fee, b.recouped::bigint AS recouped, b.written_off::bigint AS written_off
      FROM bal b
      JOIN advance a ON a.id = b.id
      JOIN deal d ON d.id = a.deal_id
      JOIN organization lo ON lo.id = d.licensee_id
      JOIN organization so ON so.id = a.studio_id
     ORDER BY (b.disbursed - b.principal_paid + b.fees - b.fee_paid) DESC, a.disbursed_at`;
}

/**
 * The portfolio of the actor's facility (facility staff only), or null. `advanceLimit` caps the
 * per-advance rows (largest owed first; the CSV export takes them all); totals and breakdowns
 * always cover every advance.
 */
export async function getPortfolio(actor: Actor, options: { advanceLimit?: number } = {}) {
  const advanceLimit = options.advanceLimit ?? 500;
  const facility = await facilityOf(actor);
  if (!facility) return null;
  const c = facility.currency;
  const m = (v: bigint | number) => money(BigInt(v), c);
  const [groups, advances, statusRows, totals, used] = await Promise.all([
    BASE(facility.id),
    advanceRows(facility.id),
    db.advance.groupBy({ by: ["status"], where: { facilityId: facility.id, status: { not: "DRAFT" } }, _count: { _all: true } }),
    db.$queryRaw<{ disbursed: bigint; fees: bigint; recouped: bigint; written_off: bigint; principal_paid: bigint; fee_paid: bigint }[]>`
      SELECT COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'DISBURSEMENT'), 0)::bigint AS disbursed,
             COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'FEE'), 0)::bigint AS fees,
             COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'RECOUPMENT'), 0)::bigint AS recouped,
             COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'WRITE_OFF'), 0)::bigint AS written_off,
             COALESCE(SUM(principal_part_minor), 0)::bigint AS principal_paid,
             COALESCE(SUM(fee_part_minor), 0)::bigint AS fee_paid
        FROM ledger_entry WHERE facility_id = ${facility.id}::uuid`,
    exposure(db, { facilityId: facility.id }),
  ]);
  const t = totals[0]!;
  const principal = BigInt(t.disbursed) - BigInt(t.principal_paid);
  const fee = BigInt(t.fees) - BigInt(t.fee_paid);
  const statusCounts = Object.fromEntries(ADVANCE_STATUSES.map((s) => [s, 0])) as Record<AdvanceStatus, number>;
  for (const r of statusRows) statusCounts[r.status as AdvanceStatus] = r._count._all;
  const by = (dim: Dimension) =>
    groups
      .filter((g) => g.dim === dim)
      .map((g) => ({
        key: g.key,
        label: g.label,
        ...(dim === "licensee" && { country: g.country }),
        advances: Number(g.advances),
        outstandingAdvances: Number(g.outstanding_advances),
        principalOutstanding: m(g.principal),
        owed: m(g.owed),
        recouped: m(g.recouped),
        disbursed: m(g.disbursed),
      }));
  const outstanding = advances.filter((a) => a.days !== null);
  const days = outstanding.map((a) => Number(a.days));
  return {
    facility: { id: facility.id, name: facility.org.name, currency: c },
    asOf: new Date().toISOString(),
    capacity: m(facility.capacityMinor),
    principalOutstanding: m(principal),
    feeOutstanding: m(fee),
    owed: m(principal + fee),
    approvedUndisbursed: m(used.approved),
    available: m(facility.capacityMinor - used.total > 0n ? facility.capacityMinor - used.total : 0n),
    ...utilisationFigures(principal, used.approved, facility.capacityMinor),
    disbursedToDate: m(t.disbursed),
    feesCharged: m(t.fees),
    recoupedToDate: m(t.recouped),
    writtenOffToDate: m(t.written_off),
    statusCounts,
    daysSinceDisbursement: {
      average: days.length ? Math.round(days.reduce((s, d) => s + d, 0) / days.length) : null,
      max: days.length ? Math.max(...days) : null,
    },
    byStudio: by("studio"),
    byLicensee: by("licensee"),
    byLicenseeCountry: by("licenseeCountry"),
    byGenre: by("genre"),
    byDeal: by("deal"),
    advanceCount: advances.length,
    advances: advances.slice(0, advanceLimit).map((a) => ({
      id: a.id,
      status: a.status,
      dealId: a.deal_id,
      dealName: a.deal_name,
      studio: a.studio_name,
      licensee: a.licensee_name,
      licenseeCountry: a.licensee_country,
      genre: a.genre,
      disbursedAt: a.disbursed_at?.toISOString() ?? null,
      daysSinceDisbursement: a.days === null ? null : Number(a.days),
      disbursed: m(a.disbursed),
      principalOutstanding: m(a.principal),
      owed: m(BigInt(a.principal) + BigInt(a.fee)),
      recouped: m(a.recouped),
      writtenOff: m(a.written_off),
    })),
  };
}
export type PortfolioView = NonNullable<Awaited<ReturnType<typeof getPortfolio>>>;

/**
 * The portfolio as one CSV: a `section` column (total, status, studio, licensee,
 * licensee_country, genre, deal, advance) and the same figures as the JSON.
 */
export function portfolioCsv(p: PortfolioView): string {
  const header = [
    "section",
    "key",
    "name",
    "country",
    "status",
    "advances",
    "currency",
    "principal_outstanding",
    "owed",
    "recouped",
    "days_since_disbursement",
  ];
  const c = p.facility.currency;
  const rows: (string | number | null)[][] = [
    ["total", "capacity", p.facility.name, null, null, null, c, p.capacity.amount, null, null, null],
    [
      "total",
      "portfolio",
      p.facility.name,
      null,
      null,
      p.advanceCount,
      c,
      p.principalOutstanding.amount,
      p.owed.amount,
      p.recoupedToDate.amount,
      p.daysSinceDisbursement.average,
    ],
    ["total", "utilisation_pct", p.facility.name, null, null, null, null, p.utilisationPct, null, null, null],
    ["total", "utilisation_with_reserved_pct", p.facility.name, null, null, null, null, p.utilisationWithReservedPct, null, null, null],
    ...Object.entries(p.statusCounts).map(([s, n]) => ["status", s, s, null, s, n, null, null, null, null, null]),
  ];
  const sections: [string, PortfolioView["byStudio"]][] = [
    ["studio", p.byStudio],
    ["licensee", p.byLicensee],
    ["licensee_country", p.byLicenseeCountry],
    ["genre", p.byGenre],
    ["deal", p.byDeal],
  ];
  for (const [section, list] of sections) {
    for (const g of list) {
      const country = section === "licensee_country" ? g.key : "country" in g ? (g.country ?? null) : null;
      rows.push([
        section,
        g.key,
        g.label,
        country,
        null,
        g.advances,
        c,
        g.principalOutstanding.amount,
        g.owed.amount,
        g.recouped.amount,
        null,
      ]);
    }
  }
  for (const a of p.advances) {
    rows.push([
      "advance",
      a.id,
      `${a.dealName} (${a.studio} → ${a.licensee})`,
      a.licenseeCountry,
      a.status,
      1,
      c,
      a.principalOutstanding.amount,
      a.owed.amount,
      a.recouped.amount,
      a.daysSinceDisbursement,
    ]);
  }
  return toCsv(header, rows, [5, 7, 8, 9, 10]);
}

/**
 * The facility figures for the dashboard: for facility staff, capacity, utilisation and what
 * waits on them; for a studio, what its advances still owe. Null for everyone else.
 */
export async function facilityDashboardFigures(actor: Actor) {
  if (actor.org.kind === "FACILITY") {
    const p = await getPortfolio(actor);
    if (!p) return null;
    return {
      kind: "FACILITY" as const,
      capacity: p.capacity,
      principalOutstanding: p.principalOutstanding,
      owed: p.owed,
      utilisationPct: p.utilisationPct,
      utilisationWithReservedPct: p.utilisationWithReservedPct,
      awaitingReview: p.statusCounts.SUBMITTED + p.statusCounts.UNDER_REVIEW,
      awaitingDisbursement: p.statusCounts.APPROVED,
      defaulted: p.statusCounts.DEFAULTED,
    };
  }
  if (actor.org.kind === "STUDIO") {
    const facility = await getFacilityTerms(actor);
    if (!facility) return null;
    const { items } = await listAdvances(actor, { limit: 200 });
    let owed = 0n;
    for (const a of items) owed += parseAmount(a.balance.owed.amount, minorUnits(a.balance.owed.currency)) ?? 0n;
    return {
      kind: "STUDIO" as const,
      owed: money(owed, facility.currency),
      active: items.filter((a) => a.status === "DISBURSED" || a.status === "DEFAULTED").length,
      pending: items.filter((a) => a.status === "SUBMITTED" || a.status === "UNDER_REVIEW" || a.status === "APPROVED").length,
      drafts: items.filter((a) => a.status === "DRAFT").length,
    };
  }
  return null;
}
export type FacilityDashboardFigures = NonNullable<Awaited<ReturnType<typeof facilityDashboardFigures>>>;
