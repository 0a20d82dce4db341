/**
 * The waterfall of PRODUCT.md §5 and the creator-first split of a licensor receipt. Pure
 * functions over bigint minor units: no I/O, no database, no floats.
 *
 * Every cumulative figure is computed with decimal.js at full precision from the cumulative
 * inputs and rounded once, half-even, to a whole minor unit; a period figure is the difference of
 * two rounded cumulative figures, so periods always sum exactly to the cumulative total.
 */
import { D, type Dec, roundMinor } from "@/lib/money/money";

export type ShareTier = {
  /** Upper bound of the tier on cumulative net receipts N, in minor units; null = no limit. */
  upToMinor: bigint | null;
  /** Licensor share of the part of N inside this tier, as a decimal percentage string. */
  pct: string;
};

export type WaterfallTerms = {
  distributionFeePct: string | null;
  expenseCapMinor: bigint | null;
  shareTiers: ShareTier[] | null;
  mgMinor: bigint | null;
};

/** One counting statement (superseded ones are left out by the caller), ordered by period. */
export type WaterfallStatement = {
  /** Σ of the statement's gross lines, in minor units. */
  grossMinor: bigint;
  /** Distribution expenses the statement reports, in minor units. */
  expensesMinor: bigint;
};

export type WaterfallFigures = {
  gross: bigint;
  fee: bigint;
  expenses: bigint;
  net: bigint;
  licensorShare: bigint;
  overage: bigint;
};

export type WaterfallStep = { cumulative: WaterfallFigures; period: WaterfallFigures };

const ZERO: WaterfallFigures = { gross: 0n, fee: 0n, expenses: 0n, net: 0n, licensorShare: 0n, overage: 0n };
const KEYS = Object.keys(ZERO) as (keyof WaterfallFigures)[];

const dec = (minor: bigint): Dec => new D(minor.toString());
// Stryker disable next-line EqualityOperator: equivalent, on a tie both branches give the same value
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
// Stryker disable next-line EqualityOperator: equivalent, on a tie both branches give the same value
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * S before rounding: Σ over marginal tiers of the part of N inside each tier × pct / 100.
 * Tiers are taken in the order given (the deal terms require them rising, the last open-ended);
 * should the last tier be bounded, the part of N above it earns nothing.
 */
export function tieredShare(net: bigint, tiers: readonly ShareTier[] | null): Dec {
  if (!tiers || tiers.length === 0) return dec(net);
  let total = new D(0);
  let floor = 0n;
  for (const tier of tiers) {
    if (net <= floor) break;
    const ceiling = tier.upToMinor === null ? net : min(net, tier.upToMinor);
    if (ceiling > floor)
      total = total.add(
        dec(ceiling - floor)
          .mul(tier.pct)
          .div(100),
      );
    if (tier.upToMinor === null) break;
    floor = max(floor, tier.upToMinor);
  }
  return total;
}

/** The cumulative figures after statements whose gross and expenses sum to `g` and `x`. */
export function cumulativeFigures(terms: WaterfallTerms, g: bigint, x: bigint): WaterfallFigures {
  const fee = terms.distributionFeePct === null ? 0n : roundMinor(dec(g).mul(terms.distributionFeePct).div(100));
  const expenses = terms.expenseCapMinor === null ? 0n : min(x, terms.expenseCapMinor);
  const net = max(0n, g - fee - expenses);
  const licensorShare = roundMinor(tieredShare(net, terms.shareTiers));
  const overage = max(0n, licensorShare - (terms.mgMinor ?? 0n));
  return { gross: g, fee, expenses, net, licensorShare, overage };
}

/**
 * The waterfall over a deal's counting statements in period order: for each statement, the
 * cumulative figures to date and the period figures (cumulative minus the previous cumulative).
 */
export function computeWaterfall(terms: WaterfallTerms, statements: readonly WaterfallStatement[]): WaterfallStep[] {
  let g = 0n;
  let x = 0n;
  let previous = ZERO;
  return statements.map((s) => {
    if (s.grossMinor < 0n || s.expensesMinor < 0n) throw new RangeError("Gross and expenses cannot be negative.");
    g += s.grossMinor;
    x += s.expensesMinor;
    const cumulative = cumulativeFigures(terms, g, x);
    const period = Object.fromEntries(KEYS.map((k) => [k, cumulative[k] - previous[k]])) as WaterfallFigures;
    previous = cumulative;
    return { cumulative, period };
  });
}

export type Participant = { name: string; share: string };
export type SplitTerms = { creatorParticipationPct: string | null; participants: readonly Participant[] };
export type Facility = { sweepPct: string | null; owedMinor: bigint };
export type ReceiptSplit = {
  creators: { name: string; amount: bigint }[];
  creatorsTotal: bigint;
  facility: bigint;
  studio: bigint;
};

/**
 * Divides `total` minor units in proportion to `shares` by the largest-remainder method: each
 * gets the floor of its exact part; the leftover units go one each to the largest fractional
 * remainders, ties to the one listed first. The parts always sum exactly to `total`.
 */
export function largestRemainder(total: bigint, shares: readonly string[]): bigint[] {
  const weights = shares.map((s) => new D(s));
  const sum = weights.reduce((a, w) => a.add(w), new D(0));
  // Stryker disable next-line ConditionalExpression: equivalent, no shares sum to 0 and are refused by the second test too
  if (shares.length === 0 || sum.lte(0)) throw new RangeError("Shares must sum to more than zero.");
  const exact = weights.map((w) => dec(total).mul(w).div(sum));
  const parts = exact.map((e) => BigInt(e.floor().toFixed(0)));
  let leftover = total - parts.reduce((a, p) => a + p, 0n);
  const order = exact.map((e, i) => ({ i, remainder: e.sub(e.floor()) })).sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  for (const { i } of order) {
    if (leftover <= 0n) break;
    parts[i]! += 1n;
    leftover -= 1n;
  }
  return parts;
}

/**
 * Splits a licensor receipt creator-first: the creators' pool (divided among participants by
 * largest remainder), then the facility's sweep of what remains (capped at the amount owed), then
 * the studio. With no participants there is no one to pay, so the pool is 0.
 */
export function splitReceipt(receiptMinor: bigint, terms: SplitTerms, facility: Facility): ReceiptSplit {
  if (receiptMinor < 0n) throw new RangeError("A receipt cannot be negative.");
  const pool =
    terms.creatorParticipationPct === null || terms.participants.length === 0
      ? 0n
      : roundMinor(dec(receiptMinor).mul(terms.creatorParticipationPct).div(100));
  const parts =
    pool === 0n
      ? terms.participants.map(() => 0n)
      : largestRemainder(
          pool,
          terms.participants.map((p) => p.share),
        );
  const creators = terms.participants.map((p, i) => ({ name: p.name, amount: parts[i]! }));
  const remaining = receiptMinor - pool;
  const sweep =
    // Stryker disable next-line EqualityOperator: equivalent, with 0 owed the cap below gives 0 too
    facility.sweepPct === null || facility.owedMinor <= 0n
      ? 0n
      : min(roundMinor(dec(remaining).mul(facility.sweepPct).div(100)), facility.owedMinor);
  return { creators, creatorsTotal: pool, facility: sweep, studio: remaining - sweep };
}

export type TitleAnswer = { ok: true; titleId: string } | { ok: false; field: "titleId" | "eidr" | "titleRef"; message: string };

/**
 * How a line names its title: by `titleId`, by `eidr`, or by `titleRef` — the title's name exactly
 * as it appears on the deal's grants (original, English or Chinese). Names given together must
 * agree. A `titleId` outside the deal passes through, so the grant check names it.
 */
export function resolveLineTitle(
  titles: { id: string; eidr: string | null; originalTitle: string; titleEn: string | null; titleZh: string | null }[],
) {
  const byEidr = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  for (const t of titles) {
    if (t.eidr) byEidr.set(t.eidr.trim().toUpperCase(), t.id);
    for (const name of [t.originalTitle, t.titleEn, t.titleZh]) {
      if (!name) continue;
      const ids = byName.get(name.trim()) ?? new Set<string>();
      ids.add(t.id);
      byName.set(name.trim(), ids);
    }
  }
  return (l: { titleId?: string; eidr?: string; titleRef?: string }): TitleAnswer => {
    const named: { field: "titleId" | "eidr" | "titleRef"; id: string }[] = [];
    if (l.titleId) named.push({ field: "titleId", id: l.titleId.toLowerCase() });
    if (l.eidr) {
      const id = byEidr.get(l.eidr.trim().toUpperCase());
      if (!id) return { ok: false, field: "eidr", message: `No title on this deal has the EIDR id ${l.eidr}.` };
      named.push({ field: "eidr", id });
    }
    if (l.titleRef) {
      const ids = byName.get(l.titleRef.trim());
      if (!ids)
        return {
          ok: false,
          field: "titleRef",
          message: `No title on this deal's grants is called “${l.titleRef}”; give its original, English or Chinese title exactly.`,
        };
      if (ids.size > 1)
        return {
          ok: false,
          field: "titleRef",
          message: `Several titles on this deal are called “${l.titleRef}”; name it by titleId or eidr.`,
        };
      named.push({ field: "titleRef", id: [...ids][0]! });
    }
    const [first, ...rest] = named;
    if (!first) return { ok: false, field: "titleId", message: "Name the title by titleId, eidr or titleRef." };
    const other = rest.find((n) => n.id !== first.id);
    if (other) return { ok: false, field: other.field, message: `${first.field} and ${other.field} name different titles.` };
    return { ok: true, titleId: first.id };
  };
}
