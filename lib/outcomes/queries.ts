import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { type RateOn, ratesOn } from "@/lib/fx/queries";
import { convert } from "@/lib/fx/rules";
import { getCurrency } from "@/lib/reference/currencies";
import { fail, ok, type Result } from "@/lib/result";
import {
  type Aggregate,
  aggregate,
  allocateReceipt,
  type ConvertedReceipt,
  type GrantScope,
  type Granularity,
  type LineCell,
  type MarketTestRow,
  marketTestOutcomes,
  type Pair,
  periodOf,
  periodsBetween,
  type Side,
} from "./rules";
import { DEFAULT_CURRENCY, MAX_RANGE_YEARS, type OutcomesQuery } from "./schema";

/**
 * Reads behind the outcomes (definitions in ./rules.ts). The selection of receipts, the grouping of
 * up to hundreds of thousands of statement lines into title × media × revenue-type cells and the
 * look-ups are SQL; only the allocation of each receipt over its (few) cells runs in TypeScript,
 * because it must use the exact largest-remainder rule of lib/statements/rules.ts.
 *
 * FX: every distinct (currency, receivedOn) pair goes through lib/fx `ratesOn` (the one FX rule
 * of the product, `rateOn`, for all of them in one query).
 */

export type OutcomesParams = { from: string; to: string; currency: string; granularity: Granularity };

export type FxUsed = Omit<RateOn, "via"> & { via: Exclude<RateOn["via"], "SAME">; receipts: number };
export type MissingRate = { base: string; quote: string; date: string };

export type TitleInfo = { id: string; originalTitle: string; titleEn: string | null; titleZh: string | null; genres: string[] };

export type OutcomesReport = OutcomesParams &
  Aggregate & {
    organizationId: string;
    homeCountry: string;
    receiptCount: number;
    paymentCount: number;
    titles: Map<string, TitleInfo>;
    fxRatesUsed: FxUsed[];
    /** Market tests of the organisation's titles in the range, per territory (see rules.ts). */
    marketTests: MarketTestRow[];
  };

function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The 12 months to today, in USD, monthly. */
export function defaultParams(today: string = todayUtc()): OutcomesParams {
  return { from: monthsBefore(today, 11), to: today, currency: DEFAULT_CURRENCY, granularity: "month" };
}

/** Defaults (the 12 months to today, USD, monthly) and the checks zod cannot make alone. */
export function resolveQuery(query: OutcomesQuery, today: string = todayUtc()): Result<OutcomesParams> {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? monthsBefore(to, 11);
  const currency = query.currency ?? DEFAULT_CURRENCY;
  const errors: { path: string; message: string }[] = [];
  if (from > to) errors.push({ path: "to", message: `The end date must be on or after the start date (${from}).` });
  else if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_RANGE_YEARS)
    errors.push({ path: "from", message: `Ask for at most ${MAX_RANGE_YEARS} years at a time.` });
  const known = getCurrency(currency);
  if (!known || known.minorUnits === null)
    errors.push({ path: "currency", message: `“${currency}” is not an ISO 4217 currency money can be reported in.` });
  if (errors.length) return fail("invalid", "VALIDATION_FAILED", "The request query is not valid.", { errors });
  return ok({ from, to, currency, granularity: query.granularity ?? "month" });
}

// ---------------------------------------------------------------------------------------------
// FX

type Movement = { currency: string; amountMinor: bigint; receivedOn: string };

/**
 * Converts every movement into `currency` at the rate in force on its date; either all convert,
 * or the answer lists every missing (pair, date).
 */
async function convertAll(movements: readonly Movement[], currency: string): Promise<Result<{ amounts: bigint[]; used: FxUsed[] }>> {
  const keys = [...new Set(movements.filter((m) => m.currency !== currency).map((m) => `${m.currency}|${m.receivedOn}`))];
  const asks = keys.map((key) => {
    const [from, date] = key.split("|") as [string, string];
    return { date, from, to: currency };
  });
  const found = await ratesOn(db, asks);
  const rates = new Map<string, RateOn | null>(keys.map((key, i) => [key, found[i] ?? null]));
  const missing: MissingRate[] = [];
  for (const [key, rate] of rates) {
    if (rate) continue;
    const [base, date] = key.split("|") as [string, string];
    missing.push({ base, quote: currency, date });
  }
  if (missing.length > 0) {
    missing.sort((a, b) => a.base.localeCompare(b.base) || a.date.localeCompare(b.date));
    // Name each pair once, at its earliest date without a rate: entering that rate fixes the rest.
    const firstPerPair = missing.filter((m, i) => i === 0 || missing[i - 1]!.base !== m.base);
    return fail(
      "invalid",
      "FX_RATE_MISSING",
      `No FX rate is known for ${firstPerPair.map((m) => `${m.base}→${m.quote} on or before ${m.date}`).join("; ")}. A platform administrator can enter it under FX rates.`,
      {
        errors: firstPerPair.map((m) => ({ path: "currency", message: `No ${m.base}→${m.quote} rate on or before ${m.date}.` })),
        details: { missingRates: missing.slice(0, 500) },
      },
    );
  }
  const used = new Map<string, FxUsed>();
  const amounts = movements.map((m) => {
    if (m.currency === currency) return m.amountMinor;
    const rate = rates.get(`${m.currency}|${m.receivedOn}`)!;
    const usedKey = `${rate.base}|${rate.quote}|${rate.date}|${rate.rate}`;
    const entry = used.get(usedKey);
    if (entry) entry.receipts += 1;
    else used.set(usedKey, { ...rate, via: rate.via as FxUsed["via"], receipts: 1 });
    return convert(m.amountMinor, m.currency, currency, rate.rate);
  });
  const list = [...used.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.base.localeCompare(b.base) || a.quote.localeCompare(b.quote),
  );
  return ok({ amounts, used: list });
}

// ---------------------------------------------------------------------------------------------
// One organisation

type ReceiptRow = {
  id: string;
  deal_id: string;
  currency: string;
  amount_minor: string;
  received_on: string;
  side: Side;
  counterparty_country: string;
};
type CellRow = { deal_id: string; received_on: string; title_id: string; media_right: string; revenue_type: string; weight: string };
type GrantRow = { deal_id: string; title_id: string; media_rights: string[] };
type TitleRow = { id: string; original_title: string; title_en: string | null; title_zh: string | null; genres: string[] };
type TestRow = { territory: string; title_id: string; tested_on: string; audience_size: number; score: number };

/**
 * IP receipts and payments of the actor's organisation (scoped in the WHERE clause: only deals it
 * is a party to), converted, allocated and aggregated. Fails with 422 when a needed FX rate is
 * missing.
 */
export async function getOutcomes(actor: Actor, query: OutcomesQuery): Promise<Result<OutcomesReport>> {
  const resolved = resolveQuery(query);
  if (!resolved.ok) return resolved;
  return outcomesOf(actor.org, resolved.value);
}

/**
 * The same report for one organisation named by the caller, which has already decided that it
 * may see it (an export programme measuring an applicant studio, lib/programmes).
 */
export async function outcomesOf(org: { id: string; homeCountry: string }, params: OutcomesParams): Promise<Result<OutcomesReport>> {
  const orgId = org.id;

  const receipts = await db.$queryRaw<ReceiptRow[]>`
    SELECT r.id::text AS id, r.deal_id::text AS deal_id, r.currency, r.amount_minor::text AS amount_minor,
      to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
      CASE WHEN d.licensor_id = ${orgId}::uuid THEN 'RECEIPT' ELSE 'PAYMENT' END AS side,
      CASE WHEN d.licensor_id = ${orgId}::uuid THEN lee.home_country ELSE lor.home_country END AS counterparty_country
    FROM receipt r
    JOIN deal d ON d.id = r.deal_id
    JOIN organization lor ON lor.id = d.licensor_id
    JOIN organization lee ON lee.id = d.licensee_id
    WHERE (d.licensor_id = ${orgId}::uuid OR d.licensee_id = ${orgId}::uuid)
      AND lor.home_country <> lee.home_country
      AND r.received_on BETWEEN ${params.from}::date AND ${params.to}::date
    ORDER BY r.received_on, r.id`;

  const converted = await convertAll(
    receipts.map((r) => ({ currency: r.currency, amountMinor: BigInt(r.amount_minor), receivedOn: r.received_on })),
    params.currency,
  );
  if (!converted.ok) return converted;

  const dealIds = [...new Set(receipts.map((r) => r.deal_id))];
  const [cellRows, grantRows] =
    dealIds.length === 0
      ? [[], []]
      : await Promise.all([
          // Lines grouped per statement first (one pass over the lines), then summed per receipt
          // date over the statements whose period started by then.
          db.$queryRaw<CellRow[]>`
            WITH rc AS (
              SELECT DISTINCT r.deal_id, r.received_on FROM receipt r
              WHERE r.deal_id = ANY(${dealIds}::uuid[]) AND r.received_on BETWEEN ${params.from}::date AND ${params.to}::date
            ),
            sc AS (
              SELECT s.deal_id, s.period_start, l.title_id, l.media_right, l.revenue_type::text AS revenue_type, SUM(l.gross_minor) AS g
              FROM statement s JOIN statement_line l ON l.statement_id = s.id
              WHERE s.counting AND s.deal_id = ANY(${dealIds}::uuid[])
              GROUP BY s.id, s.deal_id, s.period_start, l.title_id, l.media_right, l.revenue_type
            )
            SELECT rc.deal_id::text AS deal_id, to_char(rc.received_on, 'YYYY-MM-DD') AS received_on, sc.title_id::text AS title_id,
              sc.media_right, sc.revenue_type, SUM(sc.g)::text AS weight
            FROM rc JOIN sc ON sc.deal_id = rc.deal_id AND sc.period_start <= rc.received_on
            GROUP BY rc.deal_id, rc.received_on, sc.title_id, sc.media_right, sc.revenue_type
            ORDER BY 1, 2, 3, 4, 5`,
          db.$queryRaw<GrantRow[]>`
            SELECT g.deal_id::text AS deal_id, g.title_id::text AS title_id, g.media_rights
            FROM "grant" g WHERE g.deal_id = ANY(${dealIds}::uuid[])
            ORDER BY g.deal_id, g.created_at, g.id`,
        ]);

  const cells = new Map<string, LineCell[]>();
  for (const c of cellRows) {
    const key = `${c.deal_id}|${c.received_on}`;
    const list = cells.get(key) ?? [];
    list.push({ titleId: c.title_id, mediaRight: c.media_right, revenueType: c.revenue_type, weight: BigInt(c.weight) });
    cells.set(key, list);
  }
  const grants = new Map<string, GrantScope[]>();
  for (const g of grantRows) {
    const list = grants.get(g.deal_id) ?? [];
    list.push({ titleId: g.title_id, mediaRights: g.media_rights });
    grants.set(g.deal_id, list);
  }

  const items: ConvertedReceipt[] = receipts.map((r, i) => {
    const amount = converted.value.amounts[i]!;
    return {
      side: r.side,
      amount,
      receivedOn: r.received_on,
      counterpartyCountry: r.counterparty_country,
      parts: allocateReceipt(amount, cells.get(`${r.deal_id}|${r.received_on}`) ?? [], grants.get(r.deal_id) ?? []),
    };
  });

  // Tests of versions of the organisation's own titles (the studio in the WHERE clause), dated in the range.
  const testRows = await db.$queryRaw<TestRow[]>`
    SELECT mt.territory, v.title_id::text AS title_id, to_char(mt.date, 'YYYY-MM-DD') AS tested_on, mt.audience_size, mt.score
    FROM market_test mt JOIN version v ON v.id = mt.version_id JOIN title t ON t.id = v.title_id
    WHERE t.studio_id = ${orgId}::uuid AND mt.date BETWEEN ${params.from}::date AND ${params.to}::date
    ORDER BY mt.date, mt.id`;
  const marketTests = marketTestOutcomes(
    testRows.map((t) => ({
      territory: t.territory,
      titleId: t.title_id,
      testedOn: t.tested_on,
      audienceSize: t.audience_size,
      score: t.score,
    })),
    items,
  );

  const titleIds = [
    ...new Set([...items.flatMap((r) => r.parts.flatMap((p) => (p.titleId ? [p.titleId] : []))), ...testRows.map((t) => t.title_id)]),
  ];
  const titleRows =
    titleIds.length === 0
      ? []
      : await db.$queryRaw<TitleRow[]>`
          SELECT id::text AS id, original_title, title_en, title_zh, genres FROM title WHERE id = ANY(${titleIds}::uuid[])`;
  const titles = new Map(
    titleRows.map((t) => [t.id, { id: t.id, originalTitle: t.original_title, titleEn: t.title_en, titleZh: t.title_zh, genres: t.genres }]),
  );

  const result = aggregate(items, {
    periods: periodsBetween(params.from, params.to, params.granularity),
    granularity: params.granularity,
    genresOf: (id) => titles.get(id)?.genres ?? [],
  });
  return ok({
    ...params,
    ...result,
    organizationId: orgId,
    homeCountry: org.homeCountry,
    receiptCount: items.filter((r) => r.side === "RECEIPT").length,
    paymentCount: items.filter((r) => r.side === "PAYMENT").length,
    titles,
    fxRatesUsed: converted.value.used,
    marketTests,
  });
}

// ---------------------------------------------------------------------------------------------
// Platform-wide, per home country

export type StudioOutcome = Pair & { id: string; name: string; homeCountry: string; allReceipts: bigint };
export type CountryOutcome = Pair & { country: string; studios: number; allReceipts: bigint };
export type PlatformReport = OutcomesParams &
  Pair & {
    series: (Pair & { period: string })[];
    byHomeCountry: CountryOutcome[];
    studios: StudioOutcome[];
    fxRatesUsed: FxUsed[];
  };

type PlatformRow = {
  currency: string;
  amount_minor: string;
  received_on: string;
  licensor_id: string;
  licensee_id: string;
  cross_border: boolean;
};
type StudioRow = { id: string; name: string; home_country: string };

const bySize = (a: Pair, b: Pair) => {
  const d = b.receipts + b.payments - (a.receipts + a.payments);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};

/**
 * Every studio's IP receipts and payments, grouped by the studio's home country, with each
 * studio's export share (receipts from abroad ÷ all its receipts as licensor). Platform only: the
 * caller checks the permission `outcomes.platform`.
 */
export async function getPlatformOutcomes(query: OutcomesQuery): Promise<Result<PlatformReport>> {
  const resolved = resolveQuery(query);
  if (!resolved.ok) return resolved;
  const params = resolved.value;
  const [rows, studioRows] = await Promise.all([
    db.$queryRaw<PlatformRow[]>`
      SELECT r.currency, r.amount_minor::text AS amount_minor, to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
        d.licensor_id::text AS licensor_id, d.licensee_id::text AS licensee_id, lor.home_country <> lee.home_country AS cross_border
      FROM receipt r
      JOIN deal d ON d.id = r.deal_id
      JOIN organization lor ON lor.id = d.licensor_id
      JOIN organization lee ON lee.id = d.licensee_id
      WHERE r.received_on BETWEEN ${params.from}::date AND ${params.to}::date
        AND (lor.kind = 'STUDIO' OR lee.kind = 'STUDIO')
      ORDER BY r.received_on, r.id`,
    db.$queryRaw<StudioRow[]>`
      SELECT id::text AS id, name, home_country FROM organization WHERE kind = 'STUDIO' ORDER BY name, id`,
  ]);
  const converted = await convertAll(
    rows.map((r) => ({ currency: r.currency, amountMinor: BigInt(r.amount_minor), receivedOn: r.received_on })),
    params.currency,
  );
  if (!converted.ok) return converted;

  const studios = new Map<string, StudioOutcome>(
    studioRows.map((s) => [s.id, { id: s.id, name: s.name, homeCountry: s.home_country, receipts: 0n, payments: 0n, allReceipts: 0n }]),
  );
  const periods = periodsBetween(params.from, params.to, params.granularity);
  const series = new Map<string, Pair>(periods.map((p) => [p, { receipts: 0n, payments: 0n }]));
  rows.forEach((r, i) => {
    const amount = converted.value.amounts[i]!;
    const point = series.get(periodOf(r.received_on, params.granularity))!;
    const licensor = studios.get(r.licensor_id);
    const licensee = studios.get(r.licensee_id);
    if (licensor) {
      licensor.allReceipts += amount;
      if (r.cross_border) {
        licensor.receipts += amount;
        point.receipts += amount;
      }
    }
    if (licensee && r.cross_border) {
      licensee.payments += amount;
      point.payments += amount;
    }
  });
  const countries = new Map<string, CountryOutcome>();
  for (const s of studios.values()) {
    const c = countries.get(s.homeCountry) ?? { country: s.homeCountry, studios: 0, receipts: 0n, payments: 0n, allReceipts: 0n };
    c.studios += 1;
    c.receipts += s.receipts;
    c.payments += s.payments;
    c.allReceipts += s.allReceipts;
    countries.set(s.homeCountry, c);
  }
  const studioList = [...studios.values()].sort((a, b) => bySize(a, b) || a.name.localeCompare(b.name));
  return ok({
    ...params,
    receipts: studioList.reduce((s, x) => s + x.receipts, 0n),
    payments: studioList.reduce((s, x) => s + x.payments, 0n),
    series: periods.map((period) => ({ period, ...series.get(period)! })),
    byHomeCountry: [...countries.values()].sort((a, b) => bySize(a, b) || a.country.localeCompare(b.country)),
    studios: studioList,
    fxRatesUsed: converted.value.used,
  });
}
