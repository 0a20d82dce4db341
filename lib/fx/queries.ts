import "server-only";
import { dateOnly } from "@/lib/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { D, type Dec, trimDecimal } from "@/lib/money/money";
import { convert, type FxPair } from "./rules";

/**
 * Reading FX rates. `rateOn` is the one rule every conversion uses (statements, outcomes, the
 * facility): the latest rate on or before the date of the money movement, for the direct pair;
 * else the inverse of the opposite pair; else the cross through USD. Same currency → "1".
 */

/** A Prisma client or transaction client. */
export type FxDb = Pick<Prisma.TransactionClient, "$queryRaw">;

export type RateOn = {
  /** Units of `quote` per 1 unit of `base`, a plain decimal string (at most 18 decimals). */
  rate: string;
  /** Date of the rate used (for a cross rate, the older of the two). */
  date: string;
  base: string;
  quote: string;
  via: "SAME" | "DIRECT" | "INVERSE" | "CROSS_USD";
};

const PIVOT = "USD";
/** Inverse and cross rates are rounded half-even to this many decimals (what `convert` accepts). */
const RATE_DECIMALS = 18;

type Row = { base: string; quote: string; rate: string; date: string };

function plain(value: Dec): string {
  return trimDecimal(value.toDecimalPlaces(RATE_DECIMALS, D.ROUND_HALF_EVEN).toFixed(RATE_DECIMALS));
}

/** Latest row on or before `date` per (base, quote) pair among the currencies named. */
async function latestRows(db: FxDb, date: string, codes: string[]): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (base, quote) base, quote, rate::text AS rate, to_char(date, 'YYYY-MM-DD') AS date
    FROM fx_rate
    WHERE date <= ${date}::date AND base = ANY(${codes}::text[]) AND quote = ANY(${codes}::text[])
    ORDER BY base, quote, date DESC`;
}

function pick(rows: Row[], from: string, to: string): { rate: Dec; date: string; via: "DIRECT" | "INVERSE" } | null {
  const direct = rows.find((r) => r.base === from && r.quote === to);
  if (direct) return { rate: new D(direct.rate), date: direct.date, via: "DIRECT" };
  const inverse = rows.find((r) => r.base === to && r.quote === from);
  if (inverse) return { rate: new D(1).div(inverse.rate), date: inverse.date, via: "INVERSE" };
  return null;
}

/** The rule of `rateOn` over the latest rows of each pair on or before the date asked (other pairs are ignored). */
function resolve(rows: Row[], from: string, to: string): RateOn | null {
  const one = pick(rows, from, to);
  if (one) return { rate: plain(one.rate), date: one.date, base: from, quote: to, via: one.via };
  if (from === PIVOT || to === PIVOT) return null;
  const leg1 = pick(rows, from, PIVOT);
  const leg2 = pick(rows, PIVOT, to);
  if (!leg1 || !leg2) return null;
  return {
    rate: plain(leg1.rate.mul(leg2.rate)),
    // The older of the two dates (ISO dates compare as strings).
    date: leg1.date.localeCompare(leg2.date) <= 0 ? leg1.date : leg2.date,
    base: from,
    quote: to,
    via: "CROSS_USD",
  };
}

/** The rate to convert `from` into `to` on `date` (YYYY-MM-DD), or null when none is known. */
export async function rateOn(db: FxDb, args: { date: string; from: string; to: string }): Promise<RateOn | null> {
  const { date, from, to } = args;
  if (from === to) return { rate: "1", date, base: from, quote: to, via: "SAME" };
  return resolve(await latestRows(db, date, [...new Set([from, to, PIVOT])]), from, to);
}

/**
 * `rateOn` for many (date, from, to) at once, in one query whatever their number: the latest row
 * per pair on or before each distinct date, among every currency asked about (and USD). Answers
 * in the order asked.
 */
export async function ratesOn(db: FxDb, asks: readonly { date: string; from: string; to: string }[]): Promise<(RateOn | null)[]> {
  const needed = asks.filter((a) => a.from !== a.to);
  const byDate = new Map<string, Row[]>();
  if (needed.length > 0) {
    const dates = [...new Set(needed.map((a) => a.date))];
    const codes = [...new Set([...needed.flatMap((a) => [a.from, a.to]), PIVOT])];
    const rows = await db.$queryRaw<(Row & { asked: string })[]>`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS asked, r.base, r.quote, r.rate::text AS rate, to_char(r.date, 'YYYY-MM-DD') AS date
      FROM unnest(${dates}::date[]) AS d(day)
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (base, quote) base, quote, rate, date
        FROM fx_rate
        WHERE date <= d.day AND base = ANY(${codes}::text[]) AND quote = ANY(${codes}::text[])
        ORDER BY base, quote, date DESC
      ) r`;
    for (const r of rows) {
      const list = byDate.get(r.asked);
      if (list) list.push(r);
      else byDate.set(r.asked, [r]);
    }
  }
  return asks.map(({ date, from, to }) =>
    from === to ? { rate: "1", date, base: from, quote: to, via: "SAME" } : resolve(byDate.get(date) ?? [], from, to),
  );
}

/**
 * `amountMinor` of `from` in minor units of `to` at the rate in force on `date` (half-even, once),
 * with the rate used; null when no rate is known.
 */
export async function convertMinor(
  db: FxDb,
  args: { amountMinor: bigint; from: string; to: string; date: string },
): Promise<{ amountMinor: bigint; rate: RateOn } | null> {
  const rate = await rateOn(db, { date: args.date, from: args.from, to: args.to });
  if (!rate) return null;
  return { amountMinor: convert(args.amountMinor, args.from, args.to, rate.rate), rate };
}

/** The rate in force on `date` from `from` to `to` as a pair for `forward`/`backward`, or null if none is known. */
export async function pairOn(db: FxDb, input: { date: Date; from: string; to: string }): Promise<FxPair | null> {
  const { from, to } = input;
  if (from === to) return { from, to, date: null, rate: "1" };
  const found = await rateOn(db, { date: dateOnly(input.date), from, to });
  return found ? { from, to, date: found.date, rate: found.rate } : null;
}

export type FxRateRow = { date: string; base: string; quote: string; rate: string };

/** Every pair's rate in force on `date`: the latest on or before it (for GET /fx-rates). */
export async function ratesInForce(db: FxDb, date: string): Promise<FxRateRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (base, quote) base, quote, rate::text AS rate, to_char(date, 'YYYY-MM-DD') AS date
    FROM fx_rate WHERE date <= ${date}::date
    ORDER BY base, quote, date DESC`;
  return rows.map((r) => ({ date: r.date, base: r.base, quote: r.quote, rate: trimDecimal(r.rate) }));
}

/** Rates entered, newest first (the admin page's history), optionally for one base/quote. */
export async function listFxRates(db: FxDb, args: { limit?: number; base?: string; quote?: string } = {}): Promise<FxRateRow[]> {
  const limit = Math.min(Math.max(args.limit ?? 200, 1), 2000);
  const rows = await db.$queryRaw<Row[]>`
    SELECT base, quote, rate::text AS rate, to_char(date, 'YYYY-MM-DD') AS date
    FROM fx_rate
    WHERE (${args.base ?? null}::text IS NULL OR base = ${args.base ?? null}::text)
      AND (${args.quote ?? null}::text IS NULL OR quote = ${args.quote ?? null}::text)
    ORDER BY date DESC, base, quote LIMIT ${limit}`;
  return rows.map((r) => ({ date: r.date, base: r.base, quote: r.quote, rate: trimDecimal(r.rate) }));
}
