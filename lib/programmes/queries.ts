import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly, todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type FxDb, type RateOn, rateOn } from "@/lib/fx/queries";
import { convert } from "@/lib/fx/rules";
import { moneyOf } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/money";
import { outcomesOf } from "@/lib/outcomes/queries";
import { periodBounds, periodOf, ratio } from "@/lib/outcomes/rules";
import { minorUnits } from "@/lib/reference/currencies";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { expandTerritories, listTerritories } from "@/lib/territories";
import {
  type ApplicationRecord,
  type ApplicationSummaryView,
  criteriaOf,
  type LedgerSums,
  noLedger,
  type ProgrammeRecord,
  presentApplicationSummary,
  presentLedgerRow,
  presentProgramme,
  snapshotOf,
} from "./present";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  awardPreview,
  canonicalJson,
  type EvidenceChange,
  evaluateCriteria,
  evidenceChanges,
  METRICS,
  type MetricValues,
  metricsWindow,
} from "./rules";
import type { DashboardView, EligibilityView } from "./schema";

/**
 * Reads of the programmes domain. Who sees what: a PROGRAMME organisation its own programmes and
 * every application to them; a STUDIO the programmes open today, those it applied to, and its own
 * applications; every other organisation nothing (404). The metrics are measured here, from the
 * platform's records only (rules in ./rules.ts, definitions in the issue and docs/ARCHITECTURE.md).
 */

/** Studios and programme organisations take part; for anyone else programmes do not exist. */
export const takesPart = (actor: Actor) => actor.org.kind === "STUDIO" || actor.org.kind === "PROGRAMME";

export const programmeInclude = { org: { select: { id: true, name: true } } } as const;
export type ProgrammeRow = Prisma.ProgrammeGetPayload<{ include: typeof programmeInclude }>;

/** Programmes the actor may see, as a WHERE clause (none for other kinds). */
export function programmesVisibleTo(actor: Actor, today: string = todayUtc()): Prisma.ProgrammeWhereInput {
  if (actor.org.kind === "PROGRAMME") return { orgId: actor.org.id };
  if (actor.org.kind === "STUDIO") {
    const day = new Date(`${today}T00:00:00.000Z`);
    return { OR: [{ opensOn: { lte: day }, closesOn: { gte: day } }, { applications: { some: { studioId: actor.org.id } } }] };
  }
  return { id: { in: [] } };
}

/** Applications the actor may see: its studio's own, or those to its programmes. */
export function applicationsVisibleTo(actor: Actor): Prisma.ProgrammeApplicationWhereInput {
  if (actor.org.kind === "PROGRAMME") return { programme: { orgId: actor.org.id } };
  if (actor.org.kind === "STUDIO") return { studioId: actor.org.id };
  return { id: { in: [] } };
}

export const targetCountries = (p: Pick<ProgrammeRecord, "targetTerritories">) => [...expandTerritories(p.targetTerritories)].sort();

export async function findProgramme(actor: Actor, id: string): Promise<ProgrammeRow | null> {
  if (!takesPart(actor)) return null;
  return db.programme.findFirst({ where: { AND: [{ id }, programmesVisibleTo(actor)] }, include: programmeInclude });
}

async function applicationCounts(programmeIds: string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db.programmeApplication.groupBy({ by: ["programmeId"], where: { programmeId: { in: programmeIds } }, _count: true });
  return new Map(rows.map((r) => [r.programmeId, r._count]));
}

export async function getProgramme(actor: Actor, id: string) {
  const p = await findProgramme(actor, id);
  if (!p) return null;
  const counts = await applicationCounts([p.id]);
  // A studio sees how many applied only to its own programme view as 0/1: the count is the programme's business.
  const applicationCount = actor.org.kind === "PROGRAMME" ? (counts.get(p.id) ?? 0) : 0;
  return presentProgramme(p, { targetCountries: targetCountries(p), applicationCount, today: todayUtc() });
}

export async function listProgrammes(actor: Actor, query: { limit: number; cursor?: string }) {
  if (!takesPart(actor)) return null;
  const after = decodeCursor(query.cursor, z.uuid());
  const rows = await db.programme.findMany({
    where: { AND: [programmesVisibleTo(actor), after ? { id: { gt: after } } : {}] },
    include: programmeInclude,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const counts = actor.org.kind === "PROGRAMME" ? await applicationCounts(page.map((p) => p.id)) : new Map<string, number>();
  const today = todayUtc();
  return {
    items: page.map((p) => presentProgramme(p, { targetCountries: targetCountries(p), applicationCount: counts.get(p.id) ?? 0, today })),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring a studio

type ReceiptRow = { id: string; deal_id: string; currency: string; amount_minor: string; received_on: string };
type StatementRow = { id: string; deal_id: string; period_start: string; period_end: string };
type VersionRow = { id: string; title_id: string; territories: string[] };
type TestRow = { id: string; version_id: string; title_id: string; territory: string; tested_on: string };
type GrantRow = { territories: string[]; excluded_territories: string[] };

/** Every territory code (country, region, group) that covers at least one of `countries`. */
function codesMeeting(countries: ReadonlySet<string>): string[] {
  return listTerritories()
    .filter((t) => (t.type === "COUNTRY" ? countries.has(t.code) : (t.members ?? []).some((c) => countries.has(c))))
    .map((t) => t.code);
}

/** Converts each receipt at the FX rule of its day (one look-up per currency and day); every missing rate is named. */
async function convertReceipts(fx: FxDb, rows: readonly ReceiptRow[], currency: string) {
  const rates = new Map<string, RateOn | null>();
  for (const r of rows) {
    const key = `${r.currency}|${r.received_on}`;
    if (!rates.has(key)) rates.set(key, await rateOn(fx, { date: r.received_on, from: r.currency, to: currency }));
  }
  const missing = [...rates].filter(([, rate]) => !rate).map(([key]) => key.split("|") as [string, string]);
  if (missing.length > 0) {
    return fail(
      "invalid",
      "FX_RATE_MISSING",
      `No FX rate is known for ${missing.map(([base, date]) => `${base}→${currency} on or before ${date}`).join("; ")}. A platform administrator can enter it under FX rates.`,
      {
        errors: missing.map(([base, date]) => ({ path: "currency", message: `No ${base}→${currency} rate on or before ${date}.` })),
        details: { missingRates: missing.map(([base, date]) => ({ base, quote: currency, date })) },
      },
    );
  }
  return ok(
    rows.map((r) => {
      const rate = rates.get(`${r.currency}|${r.received_on}`)!;
      return { row: r, rate: rate.rate, converted: convert(BigInt(r.amount_minor), r.currency, currency, rate.rate) };
    }),
  );
}

export type StudioRef = { id: string; homeCountry: string };

/**
 * The eligibility answer of `studio` for programme `p` as of `asOf`: the five metrics over the
 * window, each criterion, the evidence behind them, and the award preview. The selections are SQL
 * (tenant = the studio in every WHERE clause); FX goes through lib/fx `rateOn`, the ratio through
 * lib/outcomes, exactly as the outcomes API computes it.
 */
export async function measure(p: ProgrammeRecord, studio: StudioRef, asOf: string): Promise<Result<EligibilityView>> {
  const window = metricsWindow(asOf, p.lookbackMonths);
  const targets = expandTerritories(p.targetTerritories);
  const targetList = [...targets].sort();
  const meeting = codesMeeting(targets);
  const signed = ["SIGNED", "EXPIRED", "TERMINATED"];

  const [receiptRows, versionRows, testRows, grantRows] = await Promise.all([
    db.$queryRaw<ReceiptRow[]>`
      SELECT r.id::text AS id, r.deal_id::text AS deal_id, r.currency, r.amount_minor::text AS amount_minor,
        to_char(r.received_on, 'YYYY-MM-DD') AS received_on
      FROM receipt r
      JOIN deal d ON d.id = r.deal_id
      JOIN organization lee ON lee.id = d.licensee_id
      WHERE d.licensor_id = ${studio.id}::uuid AND d.status::text = ANY(${signed}::text[])
        AND lee.home_country = ANY(${targetList}::text[]) AND lee.home_country <> ${studio.homeCountry}
        AND r.received_on BETWEEN ${window.from}::date AND ${window.to}::date
      ORDER BY r.received_on, r.id`,
    db.$queryRaw<VersionRow[]>`
      SELECT v.id::text AS id, v.title_id::text AS title_id, v.territories
      FROM version v JOIN title t ON t.id = v.title_id
      WHERE t.studio_id = ${studio.id}::uuid AND v.kind = 'INTERNATIONAL' AND v.status = 'DELIVERED'
        AND v.territories && ${meeting}::varchar[]
      ORDER BY v.id`,
    db.$queryRaw<TestRow[]>`
      SELECT mt.id::text AS id, mt.version_id::text AS version_id, v.title_id::text AS title_id, mt.territory, to_char(mt.date, 'YYYY-MM-DD') AS tested_on
      FROM market_test mt JOIN version v ON v.id = mt.version_id JOIN title t ON t.id = v.title_id
      WHERE t.studio_id = ${studio.id}::uuid AND mt.territory = ANY(${targetList}::text[])
        AND mt.date BETWEEN ${window.from}::date AND ${window.to}::date
      ORDER BY mt.date, mt.id`,
    db.$queryRaw<GrantRow[]>`
      SELECT DISTINCT g.territories, g.excluded_territories
      FROM "grant" g JOIN deal d ON d.id = g.deal_id
      WHERE d.licensor_id = ${studio.id}::uuid AND d.status::text = ANY(${signed}::text[])
        AND (d.signed_at IS NULL OR (d.signed_at AT TIME ZONE 'UTC')::date <= ${window.to}::date)
        AND g.start <= ${window.to}::date AND g."end" >= ${window.from}::date`,
  ]);

  const converted = await convertReceipts(db, receiptRows, p.currency);
  if (!converted.ok) return converted;
  const dealIds = [...new Set(receiptRows.map((r) => r.deal_id))];
  const statementRows =
    dealIds.length === 0
      ? []
      : await db.$queryRaw<StatementRow[]>`
          SELECT s.id::text AS id, s.deal_id::text AS deal_id, to_char(s.period_start, 'YYYY-MM-DD') AS period_start,
            to_char(s.period_end, 'YYYY-MM-DD') AS period_end
          FROM statement s
          WHERE s.counting AND s.deal_id = ANY(${dealIds}::uuid[]) AND s.period_start <= ${window.to}::date
          ORDER BY s.deal_id, s.period_start, s.id`;

  const outcomes = await outcomesOf(studio, { from: window.from, to: window.to, currency: p.currency, granularity: "quarter" });
  if (!outcomes.ok) return outcomes;

  const countries = new Set<string>();
  for (const g of grantRows) for (const c of expandTerritories(g.territories, g.excluded_territories)) if (targets.has(c)) countries.add(c);

  const m = moneyOf(p.currency);
  const exponent = minorUnits(p.currency);
  const foreignMinor = converted.value.reduce((s, r) => s + r.converted, 0n);
  const values: MetricValues = {
    FOREIGN_RECEIPTS: formatAmount(foreignMinor, exponent),
    RECEIPTS_PAYMENTS_RATIO: ratio(outcomes.value.receipts, outcomes.value.payments),
    INTERNATIONAL_VERSIONS: String(versionRows.length),
    MARKET_TESTS: String(testRows.length),
    LICENSED_COUNTRIES: String(countries.size),
  };
  const criteria = evaluateCriteria(criteriaOf(p), values, outcomes.value.receipts > 0n);
  const award = awardPreview(
    {
      receiptsMatchPct: p.receiptsMatchPct.toString(),
      perVersionBonusMinor: p.perVersionBonusMinor,
      perMarketTestBonusMinor: p.perMarketTestBonusMinor,
      capPerApplicationMinor: p.capPerApplicationMinor,
    },
    { foreignReceiptsMinor: foreignMinor, versions: versionRows.length, marketTests: testRows.length },
  );
  return ok({
    programmeId: p.id,
    studioId: studio.id,
    asOf,
    window,
    currency: p.currency,
    eligible: criteria.every((c) => c.met),
    criteria,
    metrics: values,
    evidence: {
      receipts: converted.value.map(({ row, rate, converted: c }) => ({
        receiptId: row.id,
        dealId: row.deal_id,
        receivedOn: row.received_on,
        amount: moneyOf(row.currency)(BigInt(row.amount_minor)),
        converted: m(c),
        rate,
      })),
      versions: versionRows.map((v) => ({ versionId: v.id, titleId: v.title_id, territories: v.territories })),
      marketTests: testRows.map((t) => ({
        id: t.id,
        versionId: t.version_id,
        titleId: t.title_id,
        territory: t.territory,
        testedOn: t.tested_on,
      })),
      countries: [...countries].sort(),
      statements: statementRows.map((s) => ({
        statementId: s.id,
        dealId: s.deal_id,
        periodStart: s.period_start,
        periodEnd: s.period_end,
      })),
    },
    award: {
      matched: m(award.matched),
      versionBonus: m(award.versionBonus),
      marketTestBonus: m(award.marketTestBonus),
      total: m(award.total),
      capped: award.capped,
      amount: m(award.amount),
    },
  });
}

export const snapshotHash = (view: EligibilityView) => createHash("sha256").update(canonicalJson(view)).digest("hex");

/** GET /programmes/{id}/eligibility: the acting studio's live answer (404 for anyone else). */
export async function getEligibility(actor: Actor, programmeId: string, asOfQuery?: string): Promise<Result<EligibilityView>> {
  if (actor.org.kind !== "STUDIO") return notFound("Programme");
  const p = await findProgramme(actor, programmeId);
  if (!p) return notFound("Programme");
  const today = todayUtc();
  const asOf = asOfQuery ?? today;
  if (asOf > today) {
    return fail("invalid", "VALIDATION_FAILED", "Eligibility is measured up to today at the latest.", {
      errors: [{ path: "asOf", message: `Use a date on or before ${today}.` }],
    });
  }
  return measure(p, actor.org, asOf);
}

// ---------------------------------------------------------------------------------------------
// Applications

const applicationInclude = { studio: { select: { id: true, name: true, homeCountry: true } } } as const;

/** Σ payouts and Σ clawbacks per application, from the append-only ledger (never a stored number). */
export async function ledgerSums(fx: FxDb, applicationIds: readonly string[]): Promise<Map<string, LedgerSums>> {
  const out = new Map<string, LedgerSums>();
  if (applicationIds.length === 0) return out;
  const rows = await fx.$queryRaw<{ application_id: string; payouts: string; clawbacks: string }[]>`
    SELECT application_id::text AS application_id,
      COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'PAYOUT'), 0)::text AS payouts,
      COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'CLAWBACK'), 0)::text AS clawbacks
    FROM programme_ledger_entry WHERE application_id = ANY(${[...applicationIds]}::uuid[])
    GROUP BY application_id`;
  for (const r of rows) out.set(r.application_id, { payouts: BigInt(r.payouts), clawbacks: BigInt(r.clawbacks) });
  return out;
}

/**
 * Which of the applications count records that no longer hold, in one query: a counted statement
 * that stopped counting (superseded or disputed), a version no longer DELIVERED, a receipt or a
 * market test gone or moved. The application page recomputes the whole answer instead.
 */
export async function invalidatedEvidence(applicationIds: readonly string[]): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id::text AS id FROM programme_application a
    WHERE a.id = ANY(${[...applicationIds]}::uuid[]) AND (
      EXISTS (SELECT 1 FROM jsonb_array_elements(a.snapshot->'evidence'->'statements') e
              LEFT JOIN statement s ON s.id = (e->>'statementId')::uuid
              WHERE s.id IS NULL OR NOT s.counting)
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.snapshot->'evidence'->'versions') e
              LEFT JOIN version v ON v.id = (e->>'versionId')::uuid
              WHERE v.id IS NULL OR v.status <> 'DELIVERED')
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.snapshot->'evidence'->'receipts') e
              LEFT JOIN receipt r ON r.id = (e->>'receiptId')::uuid
              WHERE r.id IS NULL OR to_char(r.received_on, 'YYYY-MM-DD') <> e->>'receivedOn')
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.snapshot->'evidence'->'marketTests') e
              LEFT JOIN market_test mt ON mt.id = (e->>'id')::uuid
              WHERE mt.id IS NULL OR to_char(mt.date, 'YYYY-MM-DD') <> e->>'testedOn' OR mt.territory <> e->>'territory')
    )`;
  return new Set(rows.map((r) => r.id));
}

export type ApplicationListQuery = { status?: ApplicationStatus; limit: number; cursor?: string };

async function summaries<T extends ApplicationRecord>(rows: T[], currency: (a: T) => string): Promise<ApplicationSummaryView[]> {
  const ids = rows.map((r) => r.id);
  const [sums, changed] = await Promise.all([ledgerSums(db, ids), invalidatedEvidence(ids)]);
  return rows.map((a) => presentApplicationSummary(a, currency(a), sums.get(a.id) ?? noLedger(), changed.has(a.id)));
}

/** Applications to one programme: all of them for its organisation, its own for a studio. */
export async function listApplications(actor: Actor, programmeId: string, query: ApplicationListQuery) {
  const p = await findProgramme(actor, programmeId);
  if (!p) return null;
  const after = decodeCursor(query.cursor, z.uuid());
  const rows = await db.programmeApplication.findMany({
    where: {
      AND: [
        { programmeId: p.id },
        applicationsVisibleTo(actor),
        query.status ? { status: query.status } : {},
        after ? { id: { gt: after } } : {},
      ],
    },
    include: applicationInclude,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await summaries(page, () => p.currency),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null,
  };
}

/** A studio's applications to every programme (its "my applications" list). */
export async function listMyApplications(actor: Actor) {
  if (actor.org.kind !== "STUDIO") return [];
  const rows = await db.programmeApplication.findMany({
    where: applicationsVisibleTo(actor),
    include: { ...applicationInclude, programme: { select: { currency: true, nameEn: true, nameZh: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const views = await summaries(rows, (a) => a.programme.currency);
  return views.map((v, i) => ({ ...v, programmeName: { en: rows[i]!.programme.nameEn, zh: rows[i]!.programme.nameZh } }));
}

/** Every application to the programme, for the CSV (no page limit). */
export async function allApplications(actor: Actor, programmeId: string) {
  const p = await findProgramme(actor, programmeId);
  if (!p || actor.org.kind !== "PROGRAMME") return null;
  const rows = await db.programmeApplication.findMany({
    where: { AND: [{ programmeId: p.id }, applicationsVisibleTo(actor)] },
    include: applicationInclude,
    orderBy: { id: "asc" },
  });
  return { programme: p, items: await summaries(rows, () => p.currency) };
}

/** What changed between the snapshot and the records, recomputed as of the snapshot's day. */
async function recheck(p: ProgrammeRow, a: ApplicationRecord): Promise<{ changed: boolean; changes: EvidenceChange[] | null }> {
  const before = snapshotOf(a);
  const now = await measure(p, a.studio, before.asOf);
  if (!now.ok) return { changed: false, changes: null };
  if (snapshotHash(now.value) === a.snapshotHash) return { changed: false, changes: [] };
  const changes = evidenceChanges(before.evidence, now.value.evidence);
  for (const metric of METRICS) {
    if (before.metrics[metric] !== now.value.metrics[metric]) changes.push({ kind: "METRIC", id: metric, change: "CHANGED" });
  }
  return { changed: true, changes };
}

export async function getApplication(actor: Actor, programmeId: string, applicationId: string) {
  const p = await findProgramme(actor, programmeId);
  if (!p) return null;
  const a = await db.programmeApplication.findFirst({
    where: { AND: [{ id: applicationId, programmeId: p.id }, applicationsVisibleTo(actor)] },
    include: { ...applicationInclude, ledgerEntries: { orderBy: { id: "asc" } } },
  });
  if (!a) return null;
  const [sums, check, invalidated] = await Promise.all([ledgerSums(db, [a.id]), recheck(p, a), invalidatedEvidence([a.id])]);
  const changed = check.changed || invalidated.has(a.id);
  return {
    ...presentApplicationSummary(a, p.currency, sums.get(a.id) ?? noLedger(), changed),
    snapshot: snapshotOf(a),
    snapshotHash: a.snapshotHash,
    changes: check.changes,
    reviewedBy: a.reviewedById,
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    decidedBy: a.decidedById,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
    ledger: a.ledgerEntries.map((e) => presentLedgerRow(e, p.currency)),
    version: a.lockVersion,
  };
}
export type ApplicationView = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

// ---------------------------------------------------------------------------------------------
// Dashboard

/** Committed (awarded − clawed back) and paid (payouts − clawbacks) of a programme, in SQL. */
export async function programmeTotals(fx: FxDb, programmeId: string): Promise<{ awarded: bigint; payouts: bigint; clawbacks: bigint }> {
  const [row] = await fx.$queryRaw<{ awarded: string; payouts: string; clawbacks: string }[]>`
    SELECT
      (SELECT COALESCE(SUM(awarded_minor), 0) FROM programme_application
        WHERE programme_id = ${programmeId}::uuid AND status IN ('AWARDED', 'PAID'))::text AS awarded,
      (SELECT COALESCE(SUM(amount_minor), 0) FROM programme_ledger_entry WHERE programme_id = ${programmeId}::uuid AND kind = 'PAYOUT')::text AS payouts,
      (SELECT COALESCE(SUM(amount_minor), 0) FROM programme_ledger_entry WHERE programme_id = ${programmeId}::uuid AND kind = 'CLAWBACK')::text AS clawbacks`;
  return { awarded: BigInt(row!.awarded), payouts: BigInt(row!.payouts), clawbacks: BigInt(row!.clawbacks) };
}

/** Quarters shown before the award on the dashboard chart. */
export const QUARTERS_BEFORE = 4;

function quarterShift(period: string, by: number): string {
  const [y, q] = period.split("-Q").map(Number) as [number, number];
  const index = y * 4 + (q - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export async function getDashboard(actor: Actor, programmeId: string): Promise<DashboardView | null> {
  if (actor.org.kind !== "PROGRAMME") return null;
  const p = await findProgramme(actor, programmeId);
  if (!p) return null;
  const m = moneyOf(p.currency);
  const [totals, counts, awardedRows] = await Promise.all([
    programmeTotals(db, p.id),
    db.programmeApplication.groupBy({ by: ["status"], where: { programmeId: p.id }, _count: true }),
    db.programmeApplication.findMany({
      where: { programmeId: p.id, status: { in: ["AWARDED", "PAID"] } },
      include: applicationInclude,
      orderBy: { decidedAt: "asc" },
    }),
  ]);
  const byStatus = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const c of counts) byStatus[c.status] = c._count;
  const today = todayUtc();
  const awarded = [];
  for (const a of awardedRows) {
    const awardedOn = dateOnly(a.decidedAt ?? a.createdAt);
    const awardQuarter = periodOf(awardedOn, "quarter");
    const from = periodBounds(quarterShift(awardQuarter, -QUARTERS_BEFORE)).start;
    const report = await outcomesOf(a.studio, { from, to: today, currency: p.currency, granularity: "quarter" });
    awarded.push({
      applicationId: a.id,
      studio: { id: a.studio.id, name: a.studio.name },
      awardedOn,
      awardQuarter,
      error: report.ok ? null : report.message,
      series: report.ok
        ? report.value.series.map((s) => ({
            period: s.period,
            phase: s.period < awardQuarter ? ("BEFORE" as const) : s.period === awardQuarter ? ("AWARD" as const) : ("AFTER" as const),
            receipts: m(s.receipts),
            payments: m(s.payments),
            ratio: ratio(s.receipts, s.payments),
          }))
        : [],
    });
  }
  const committed = totals.awarded - totals.clawbacks;
  return {
    programmeId: p.id,
    currency: p.currency,
    budget: m(p.budgetMinor),
    committed: m(committed),
    paid: m(totals.payouts - totals.clawbacks),
    available: m(p.budgetMinor - committed),
    byStatus,
    awarded,
  };
}
