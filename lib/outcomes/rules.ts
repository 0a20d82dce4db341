/**
 * Export outcomes (PRODUCT.md §4 and §8): pure rules, no I/O.
 *
 * Definitions, for the active organisation:
 * - **IP receipts** = receipts (cash received, table `receipt`) on deals where the organisation is
 *   the LICENSOR and the licensee's home country differs from the licensor's (a cross-border deal).
 * - **IP payments** = receipts on deals where the organisation is the LICENSEE and the licensor's
 *   home country differs (the same cash, seen from the side that paid it).
 * - Domestic deals (both parties in the same home country) count for neither; the platform view
 *   uses them only for the denominator of a studio's export share.
 * - A receipt belongs to the period (month `2026-03` or quarter `2026-Q1`) of its `receivedOn`.
 *
 * Money: each receipt is converted once into the reporting currency at the rate in force on its
 * `receivedOn` (lib/fx `rateOn`: the latest rate on or before that day), rounded half-even to a
 * whole minor unit of the reporting currency **per receipt**. Everything after that is integer
 * arithmetic on minor units: a total is the exact sum of its converted receipts, and every
 * breakdown is built from parts that sum exactly to their receipt, so the rows of any breakdown
 * (and the periods of the series) always add up exactly to the headline totals.
 *
 * Allocation: a receipt is not tied to a statement line. It is spread over the deal's counting
 * statement lines whose statement period started on or before the receipt date, pro rata to their
 * gross (lines grouped by title × media right × revenue type), by the largest-remainder method of
 * lib/statements/rules.ts, so the parts sum exactly to the receipt. Without such lines (an MG paid
 * before any statement), it is spread evenly over the deal's grants, then evenly over each grant's
 * media rights (as the grant names them, parents included), with revenue type LICENSE_FEE (an MG is
 * a licence fee). A deal with neither lines nor grants books the whole receipt as UNALLOCATED.
 * By genre, a title's part is split evenly (largest remainder again) over its genres; a title with
 * no genre goes to NONE.
 *
 * Ratio: receipts ÷ payments as a decimal string with exactly 4 decimals, rounded half-even
 * ("2.5000"); null when payments are 0. Export share: receipts from abroad ÷ all receipts as a
 * percentage string with 2 decimals ("83.25"); null when there are no receipts at all.
 */

import { D } from "@/lib/money/money";
import { largestRemainder } from "@/lib/statements/rules";

export const GRANULARITIES = ["month", "quarter"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const BREAKDOWNS = ["byCountry", "byMediaRight", "byRevenueType", "byGenre", "byTitle"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Key of money that could not be attributed to a title, media right, revenue type or genre. */
export const UNALLOCATED = "UNALLOCATED";
/** Genre key of titles that have no genre. */
export const NO_GENRE = "NONE";
/** Revenue type of money allocated over grants (an MG paid before any statement). */
export const GRANT_REVENUE_TYPE = "LICENSE_FEE";

export const RATIO_DECIMALS = 4;
export const SHARE_DECIMALS = 2;

export type Side = "RECEIPT" | "PAYMENT";

// ---------------------------------------------------------------------------------------------
// Periods

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { y: number; m: number } {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: "${date}"`);
  return { y: Number(match[1]), m: Number(match[2]) };
}

/** "2026-03-15" → "2026-03" (month) or "2026-Q1" (quarter). */
export function periodOf(date: string, granularity: Granularity): string {
  const { y, m } = parts(date);
  return granularity === "month" ? `${y}-${String(m).padStart(2, "0")}` : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last calendar day of a period key. */
export function periodBounds(period: string): { start: string; end: string } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const y = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) throw new RangeError(`Not a period: "${period}"`);
  const y = Number(month[1]);
  const m = Number(month[2]);
  return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

/** Every period touching [from, to], in order, empty ones included (a chart needs the gaps). */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  if (from > to) return [];
  const step = granularity === "month" ? 1 : 3;
  const start = parts(from);
  let y = start.y;
  let m = granularity === "month" ? start.m : Math.floor((start.m - 1) / 3) * 3 + 1;
  const last = periodOf(to, granularity);
  const out: string[] = [];
  for (;;) {
    const key = periodOf(`${y}-${pad(m)}-01`, granularity);
    out.push(key);
    if (key === last) return out;
    m += step;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Ratios

/** receipts ÷ payments, 4 decimals half-even; null when nothing was paid. */
export function ratio(receipts: bigint, payments: bigint): string | null {
  if (payments === 0n) return null;
  return new D(receipts.toString()).div(payments.toString()).toFixed(RATIO_DECIMALS, D.ROUND_HALF_EVEN);
}

/** part ÷ whole as a percentage, 2 decimals half-even; null when the whole is 0. */
export function sharePct(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  return new D(part.toString()).mul(100).div(whole.toString()).toFixed(SHARE_DECIMALS, D.ROUND_HALF_EVEN);
}

// ---------------------------------------------------------------------------------------------
// Allocation of one receipt

/** Statement lines of a deal summed by title × media right × revenue type (weights are gross). */
export type LineCell = { titleId: string; mediaRight: string; revenueType: string; weight: bigint };
export type GrantScope = { titleId: string; mediaRights: readonly string[] };
export type Part = { titleId: string | null; mediaRight: string; revenueType: string; amount: bigint };

/** `amount` in `n` parts as equal as possible (largest remainder, earlier parts first). */
export function splitEvenly(amount: bigint, n: number): bigint[] {
  if (n <= 0) throw new RangeError("Nothing to split over.");
  return largestRemainder(
    amount,
    Array.from({ length: n }, () => "1"),
  );
}

/**
 * Spreads `amount` (minor units of the reporting currency) over the deal's statement-line cells
 * pro rata to their gross, or else evenly over its grants and their media rights; the parts sum
 * exactly to `amount`. Cells and grants must come in a stable order (ties go to the first).
 */
export function allocateReceipt(amount: bigint, cells: readonly LineCell[], grants: readonly GrantScope[]): Part[] {
  const weighted = cells.filter((c) => c.weight > 0n);
  if (weighted.length > 0) {
    const amounts = largestRemainder(
      amount,
      weighted.map((c) => c.weight.toString()),
    );
    return weighted.map((c, i) => ({ titleId: c.titleId, mediaRight: c.mediaRight, revenueType: c.revenueType, amount: amounts[i]! }));
  }
  if (grants.length > 0) {
    const perGrant = splitEvenly(amount, grants.length);
    return grants.flatMap((g, i) => {
      const media = g.mediaRights.length > 0 ? g.mediaRights : [UNALLOCATED];
      const perMedia = splitEvenly(perGrant[i]!, media.length);
      return media.map((mediaRight, j) => ({ titleId: g.titleId, mediaRight, revenueType: GRANT_REVENUE_TYPE, amount: perMedia[j]! }));
    });
  }
  return [{ titleId: null, mediaRight: UNALLOCATED, revenueType: UNALLOCATED, amount }];
}

// ---------------------------------------------------------------------------------------------
// Aggregation

export type ConvertedReceipt = {
  side: Side;
  /** In minor units of the reporting currency. */
  amount: bigint;
  receivedOn: string;
  /** Home country of the other party of the deal. */
  counterpartyCountry: string;
  parts: readonly Part[];
};

export type Pair = { receipts: bigint; payments: bigint };
export type BucketRow = Pair & { key: string };
export type SeriesPoint = Pair & { period: string };

export type Aggregate = Pair & {
  series: SeriesPoint[];
} & Record<Breakdown, BucketRow[]>;

function add(map: Map<string, Pair>, key: string, side: Side, amount: bigint) {
  let row = map.get(key);
  if (!row) {
    row = { receipts: 0n, payments: 0n };
    map.set(key, row);
  }
  if (side === "RECEIPT") row.receipts += amount;
  else row.payments += amount;
}

/** Rows by size (receipts + payments, largest first), then by key, for stable output. */
function rows(map: Map<string, Pair>): BucketRow[] {
  return [...map.entries()]
    .map(([key, v]) => ({ key, ...v }))
    .sort((a, b) => {
      const d = b.receipts + b.payments - (a.receipts + a.payments);
      return d > 0n ? 1 : d < 0n ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
}

/**
 * Totals, the series over `periods` and the five breakdowns of converted receipts. Each breakdown
 * and the series sum exactly to the totals (parts sum to their receipts; genres split a part).
 */
export function aggregate(
  receipts: readonly ConvertedReceipt[],
  args: { periods: readonly string[]; granularity: Granularity; genresOf: (titleId: string) => readonly string[] },
): Aggregate {
  const series = new Map<string, Pair>(args.periods.map((p) => [p, { receipts: 0n, payments: 0n }]));
  const byCountry = new Map<string, Pair>();
  const byMediaRight = new Map<string, Pair>();
  const byRevenueType = new Map<string, Pair>();
  const byGenre = new Map<string, Pair>();
  const byTitle = new Map<string, Pair>();
  const total: Pair = { receipts: 0n, payments: 0n };
  for (const r of receipts) {
    const period = periodOf(r.receivedOn, args.granularity);
    if (!series.has(period)) throw new RangeError(`Receipt of ${r.receivedOn} is outside the periods asked for.`);
    if (r.side === "RECEIPT") total.receipts += r.amount;
    else total.payments += r.amount;
    add(series, period, r.side, r.amount);
    add(byCountry, r.counterpartyCountry, r.side, r.amount);
    let allocated = 0n;
    for (const part of r.parts) {
      allocated += part.amount;
      add(byMediaRight, part.mediaRight, r.side, part.amount);
      add(byRevenueType, part.revenueType, r.side, part.amount);
      add(byTitle, part.titleId ?? UNALLOCATED, r.side, part.amount);
      const genres = part.titleId === null ? [UNALLOCATED] : args.genresOf(part.titleId);
      if (genres.length === 0) add(byGenre, NO_GENRE, r.side, part.amount);
      else {
        const split = splitEvenly(part.amount, genres.length);
        genres.forEach((g, i) => {
          add(byGenre, g, r.side, split[i]!);
        });
      }
    }
    if (allocated !== r.amount) throw new RangeError("A receipt's parts must sum to the receipt.");
  }
  return {
    ...total,
    series: args.periods.map((period) => ({ period, ...series.get(period)! })),
    byCountry: rows(byCountry),
    byMediaRight: rows(byMediaRight),
    byRevenueType: rows(byRevenueType),
    byGenre: rows(byGenre),
    byTitle: rows(byTitle),
  };
}

/** Sums of the platform view: one studio's cross-border receipts and payments and all its receipts. */
export type StudioFigures = { receipts: bigint; payments: bigint; allReceipts: bigint };

// ---------------------------------------------------------------------------------------------
// Market tests next to the receipts that followed (PRODUCT.md §2: a market test feeds the outcomes)

/** One audience test of a version of one of the organisation's titles. */
export type TestRecord = { territory: string; titleId: string; testedOn: string; audienceSize: number; score: number };

export type MarketTestRow = {
  /** The country where the audiences were tested. */
  territory: string;
  tests: number;
  /** Sum of the tests' audience sizes. */
  audience: number;
  /** Mean of the tests' scores (0–100), 1 decimal half-even. */
  averageScore: string;
  firstTestOn: string;
  lastTestOn: string;
  /** Titles tested there, in the order of their first test there (ties by id). */
  titleIds: string[];
  /** Every IP receipt from counterparties based in the territory (the `byCountry` row's receipts). */
  receiptsThere: bigint;
  /**
   * The parts of those receipts that went to a title tested there and were received on or after
   * that title's first test there: the receipts that followed the tests.
   */
  receiptsAfterTests: bigint;
};

export const SCORE_DECIMALS = 1;

/**
 * Market tests per territory, each with the IP receipts (RECEIPT side only: what the organisation
 * earned) from counterparties based in that territory, and the part of them that went to the
 * tested titles on or after each title's first test there. Receipts' parts are the allocation of
 * `allocateReceipt`, so "after the tests" is exact to the minor unit. Rows: most tests first, then
 * by territory code.
 */
export function marketTestOutcomes(tests: readonly TestRecord[], receipts: readonly ConvertedReceipt[]): MarketTestRow[] {
  type Acc = { row: MarketTestRow; scores: number; firstByTitle: Map<string, string> };
  const byTerritory = new Map<string, Acc>();
  for (const t of tests) {
    let acc = byTerritory.get(t.territory);
    if (!acc) {
      acc = {
        row: {
          territory: t.territory,
          tests: 0,
          audience: 0,
          averageScore: "0.0",
          firstTestOn: t.testedOn,
          lastTestOn: t.testedOn,
          titleIds: [],
          receiptsThere: 0n,
          receiptsAfterTests: 0n,
        },
        scores: 0,
        firstByTitle: new Map(),
      };
      byTerritory.set(t.territory, acc);
    }
    acc.row.tests += 1;
    acc.row.audience += t.audienceSize;
    acc.scores += t.score;
    if (t.testedOn < acc.row.firstTestOn) acc.row.firstTestOn = t.testedOn;
    if (t.testedOn > acc.row.lastTestOn) acc.row.lastTestOn = t.testedOn;
    const first = acc.firstByTitle.get(t.titleId);
    if (first === undefined || t.testedOn < first) acc.firstByTitle.set(t.titleId, t.testedOn);
  }
  for (const r of receipts) {
    if (r.side !== "RECEIPT") continue;
    const acc = byTerritory.get(r.counterpartyCountry);
    if (!acc) continue;
    acc.row.receiptsThere += r.amount;
    for (const part of r.parts) {
      if (part.titleId === null) continue;
      const first = acc.firstByTitle.get(part.titleId);
      if (first !== undefined && r.receivedOn >= first) acc.row.receiptsAfterTests += part.amount;
    }
  }
  return [...byTerritory.values()]
    .map(({ row, scores, firstByTitle }) => ({
      ...row,
      averageScore: new D(scores).div(row.tests).toFixed(SCORE_DECIMALS, D.ROUND_HALF_EVEN),
      titleIds: [...firstByTitle.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1)).map(([id]) => id),
    }))
    .sort((a, b) => b.tests - a.tests || (a.territory < b.territory ? -1 : a.territory > b.territory ? 1 : 0));
}
