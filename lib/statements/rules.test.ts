/**
 * The waterfall and the receipt split of issue 6 (PRODUCT.md §5): a table of hand-worked
 * scenarios, then property tests over thousands of random inputs.
 *
 * Waterfall rows give the cumulative figures after each counting statement as
 * [G, F, E, N, S, O] in minor units; period figures are checked as cumulative − previous in every
 * row, and spelled out where they are the point of the scenario.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import {
  computeWaterfall,
  largestRemainder,
  resolveLineTitle,
  type ShareTier,
  splitReceipt,
  tieredShare,
  type WaterfallFigures,
  type WaterfallTerms,
} from "./rules";

type Six = [bigint, bigint, bigint, bigint, bigint, bigint];
const terms = (t: Partial<WaterfallTerms> = {}): WaterfallTerms => ({
  distributionFeePct: null,
  expenseCapMinor: null,
  shareTiers: null,
  mgMinor: null,
  ...t,
});
const tiers = (...ts: [bigint | null, string][]): ShareTier[] => ts.map(([upToMinor, pct]) => ({ upToMinor, pct }));
const six = (f: WaterfallFigures): Six => [f.gross, f.fee, f.expenses, f.net, f.licensorShare, f.overage];

type WaterfallRow = {
  name: string;
  terms: WaterfallTerms;
  /** [gross, expenses] per counting statement, in period order. */
  statements: [bigint, bigint][];
  cumulative: Six[];
  period?: Six[];
};

/** Money in a currency as minor units, e.g. krw("1234567") or usd("12.34"). */
const minor = (code: string) => (amount: string) => parseAmount(amount, minorUnits(code))!;
const krw = minor("KRW");
const jpy = minor("JPY");
const usd = minor("USD");

const WATERFALL: WaterfallRow[] = [
  {
    name: "no fee, no cap, no tiers, no MG: S = N = G, expenses ignored",
    terms: terms(),
    statements: [[1000n, 500n]],
    cumulative: [[1000n, 0n, 0n, 1000n, 1000n, 1000n]],
  },
  {
    name: "fee without a cap: F = 30% of G, no expenses deductible",
    terms: terms({ distributionFeePct: "30" }),
    statements: [[10000n, 2000n]],
    cumulative: [[10000n, 3000n, 0n, 7000n, 7000n, 7000n]],
  },
  {
    // Cumulative expenses 2000 then 6000; cap 5000 is reached in the second period, so that
    // period deducts only 3000 of its 4000.
    name: "expense cap reached mid-way",
    terms: terms({ distributionFeePct: "30", expenseCapMinor: 5000n }),
    statements: [
      [10000n, 2000n],
      [10000n, 4000n],
    ],
    cumulative: [
      [10000n, 3000n, 2000n, 5000n, 5000n, 5000n],
      [20000n, 6000n, 5000n, 9000n, 9000n, 9000n],
    ],
    period: [
      [10000n, 3000n, 2000n, 5000n, 5000n, 5000n],
      [10000n, 3000n, 3000n, 4000n, 4000n, 4000n],
    ],
  },
  {
    name: "expenses after the cap is full deduct nothing",
    terms: terms({ expenseCapMinor: 500n }),
    statements: [
      [1000n, 500n],
      [1000n, 300n],
    ],
    cumulative: [
      [1000n, 0n, 500n, 500n, 500n, 500n],
      [2000n, 0n, 500n, 1500n, 1500n, 1500n],
    ],
    period: [
      [1000n, 0n, 500n, 500n, 500n, 500n],
      [1000n, 0n, 0n, 1000n, 1000n, 1000n],
    ],
  },
  {
    name: "cap of zero deducts nothing",
    terms: terms({ expenseCapMinor: 0n }),
    statements: [[1000n, 400n]],
    cumulative: [[1000n, 0n, 0n, 1000n, 1000n, 1000n]],
  },
  {
    name: "expenses under the cap deduct in full",
    terms: terms({ expenseCapMinor: 100000n }),
    statements: [[1000n, 999n]],
    cumulative: [[1000n, 0n, 999n, 1n, 1n, 1n]],
  },
  {
    // 1 × 50% = 0.5 → 0 (half-even to the even neighbour 0).
    name: "fee tie 0.5 rounds to 0",
    terms: terms({ distributionFeePct: "50" }),
    statements: [[1n, 0n]],
    cumulative: [[1n, 0n, 0n, 1n, 1n, 1n]],
  },
  {
    // 3 × 50% = 1.5 → 2 (half-even to the even neighbour 2).
    name: "fee on an odd gross at 50%: 1.5 rounds to 2",
    terms: terms({ distributionFeePct: "50" }),
    statements: [[3n, 0n]],
    cumulative: [[3n, 2n, 0n, 1n, 1n, 1n]],
  },
  {
    // Cumulative fee 0.5 → 0, then 1.5 → 2: the second period carries 2 of fee on 2 of gross.
    name: "fee ties rounded on the cumulative value, not per period",
    terms: terms({ distributionFeePct: "50" }),
    statements: [
      [1n, 0n],
      [2n, 0n],
    ],
    cumulative: [
      [1n, 0n, 0n, 1n, 1n, 1n],
      [3n, 2n, 0n, 1n, 1n, 1n],
    ],
    period: [
      [1n, 0n, 0n, 1n, 1n, 1n],
      [2n, 2n, 0n, 0n, 0n, 0n],
    ],
  },
  {
    // Fee 2.5 → 2, then 3.5 → 4.
    name: "fee ties 2.5 → 2 and 3.5 → 4",
    terms: terms({ distributionFeePct: "50" }),
    statements: [
      [5n, 0n],
      [2n, 0n],
    ],
    cumulative: [
      [5n, 2n, 0n, 3n, 3n, 3n],
      [7n, 4n, 0n, 3n, 3n, 3n],
    ],
  },
  {
    // S: 0.5 → 0, 1.0 → 1, 1.5 → 2; periods 0, 1, 1 (rounding each period would give 0, 0, 0).
    name: "licensor share rounded on cumulative values only",
    terms: terms({ shareTiers: tiers([null, "50"]) }),
    statements: [
      [1n, 0n],
      [1n, 0n],
      [1n, 0n],
    ],
    cumulative: [
      [1n, 0n, 0n, 1n, 0n, 0n],
      [2n, 0n, 0n, 2n, 1n, 1n],
      [3n, 0n, 0n, 3n, 2n, 2n],
    ],
    period: [
      [1n, 0n, 0n, 1n, 0n, 0n],
      [1n, 0n, 0n, 1n, 1n, 1n],
      [1n, 0n, 0n, 1n, 1n, 1n],
    ],
  },
  {
    name: "fee with four decimals: 10000 × 12.3456% = 1234.56 → 1235",
    terms: terms({ distributionFeePct: "12.3456" }),
    statements: [[10000n, 0n]],
    cumulative: [[10000n, 1235n, 0n, 8765n, 8765n, 8765n]],
  },
  {
    name: "fee of 100% leaves nothing",
    terms: terms({ distributionFeePct: "100", mgMinor: 10n }),
    statements: [[1000n, 0n]],
    cumulative: [[1000n, 1000n, 0n, 0n, 0n, 0n]],
  },
  {
    name: "fee of 0% is no fee",
    terms: terms({ distributionFeePct: "0" }),
    statements: [[1234n, 0n]],
    cumulative: [[1234n, 0n, 0n, 1234n, 1234n, 1234n]],
  },
  {
    // 3000 in tiers 50% to 1000 and 60% above: 500 + 2000 × 60% = 1700.
    name: "two marginal tiers in one statement",
    terms: terms({ shareTiers: tiers([1000n, "50"], [null, "60"]) }),
    statements: [[3000n, 0n]],
    cumulative: [[3000n, 0n, 0n, 3000n, 1700n, 1700n]],
  },
  {
    // N 800 → S 400; N 1200 crosses 1000 inside period 2 → 500 + 200 × 60% = 620;
    // N 1500 → 500 + 300 = 800. Periods of S: 400, 220, 180.
    name: "tier boundary crossed inside a period",
    terms: terms({ shareTiers: tiers([1000n, "50"], [null, "60"]) }),
    statements: [
      [800n, 0n],
      [400n, 0n],
      [300n, 0n],
    ],
    cumulative: [
      [800n, 0n, 0n, 800n, 400n, 400n],
      [1200n, 0n, 0n, 1200n, 620n, 620n],
      [1500n, 0n, 0n, 1500n, 800n, 800n],
    ],
    period: [
      [800n, 0n, 0n, 800n, 400n, 400n],
      [400n, 0n, 0n, 400n, 220n, 220n],
      [300n, 0n, 0n, 300n, 180n, 180n],
    ],
  },
  {
    name: "N exactly on a tier boundary",
    terms: terms({ shareTiers: tiers([1000n, "50"], [null, "60"]) }),
    statements: [[1000n, 0n]],
    cumulative: [[1000n, 0n, 0n, 1000n, 500n, 500n]],
  },
  {
    // 100 + 200 + 1500 × 30% = 750.
    name: "three tiers, two boundaries crossed in one period",
    terms: terms({ shareTiers: tiers([1000n, "10"], [2000n, "20"], [null, "30"]) }),
    statements: [[3500n, 0n]],
    cumulative: [[3500n, 0n, 0n, 3500n, 750n, 750n]],
  },
  {
    name: "three tiers over two periods",
    terms: terms({ shareTiers: tiers([1000n, "10"], [2000n, "20"], [null, "30"]) }),
    statements: [
      [500n, 0n],
      [3000n, 0n],
    ],
    cumulative: [
      [500n, 0n, 0n, 500n, 50n, 50n],
      [3500n, 0n, 0n, 3500n, 750n, 750n],
    ],
    period: [
      [500n, 0n, 0n, 500n, 50n, 50n],
      [3000n, 0n, 0n, 3000n, 700n, 700n],
    ],
  },
  {
    name: "a 0% first tier",
    terms: terms({ shareTiers: tiers([500n, "0"], [null, "100"]) }),
    statements: [[800n, 0n]],
    cumulative: [[800n, 0n, 0n, 800n, 300n, 300n]],
  },
  {
    name: "a bounded last tier earns nothing above its bound",
    terms: terms({ shareTiers: tiers([1000n, "50"]) }),
    statements: [[3000n, 0n]],
    cumulative: [[3000n, 0n, 0n, 3000n, 500n, 500n]],
  },
  {
    name: "an empty tier list is no tiers (S = N)",
    terms: terms({ shareTiers: [] }),
    statements: [[3000n, 0n]],
    cumulative: [[3000n, 0n, 0n, 3000n, 3000n, 3000n]],
  },
  {
    // S 600, 1200, 1500 against MG 1000: O 0, 200, 500; period overage 0, 200, 300.
    name: "MG crossed inside a period",
    terms: terms({ mgMinor: 1000n }),
    statements: [
      [600n, 0n],
      [600n, 0n],
      [300n, 0n],
    ],
    cumulative: [
      [600n, 0n, 0n, 600n, 600n, 0n],
      [1200n, 0n, 0n, 1200n, 1200n, 200n],
      [1500n, 0n, 0n, 1500n, 1500n, 500n],
    ],
    period: [
      [600n, 0n, 0n, 600n, 600n, 0n],
      [600n, 0n, 0n, 600n, 600n, 200n],
      [300n, 0n, 0n, 300n, 300n, 300n],
    ],
  },
  {
    name: "S exactly at MG is no overage",
    terms: terms({ mgMinor: 1000n }),
    statements: [[1000n, 0n]],
    cumulative: [[1000n, 0n, 0n, 1000n, 1000n, 0n]],
  },
  {
    name: "MG never reached",
    terms: terms({ mgMinor: 10000n }),
    statements: [
      [100n, 0n],
      [200n, 0n],
    ],
    cumulative: [
      [100n, 0n, 0n, 100n, 100n, 0n],
      [300n, 0n, 0n, 300n, 300n, 0n],
    ],
  },
  {
    // 1: G 8000, F 2000, E 1500, N 4500, S 40% = 1800, O 0 (MG 3000).
    // 2: G 16000, F 4000, E min(2500, 2000) = 2000, N 10000, S 4000, O 1000.
    // 3: G 20000, F 5000, E 2000, N 13000, S 4000 + 3000 × 50% = 5500, O 2500.
    name: "fee, cap, tiers and MG together over three periods",
    terms: terms({
      distributionFeePct: "25",
      expenseCapMinor: 2000n,
      shareTiers: tiers([10000n, "40"], [null, "50"]),
      mgMinor: 3000n,
    }),
    statements: [
      [8000n, 1500n],
      [8000n, 1000n],
      [4000n, 0n],
    ],
    cumulative: [
      [8000n, 2000n, 1500n, 4500n, 1800n, 0n],
      [16000n, 4000n, 2000n, 10000n, 4000n, 1000n],
      [20000n, 5000n, 2000n, 13000n, 5500n, 2500n],
    ],
    period: [
      [8000n, 2000n, 1500n, 4500n, 1800n, 0n],
      [8000n, 2000n, 500n, 5500n, 2200n, 1000n],
      [4000n, 1000n, 0n, 3000n, 1500n, 1500n],
    ],
  },
  {
    // G − F − E = 1000 − 200 − 900 = −100 → N 0; then G 6000, F 1200, E 900, N 3900.
    name: "expenses above G − F floor N at 0",
    terms: terms({ distributionFeePct: "20", expenseCapMinor: 100000n }),
    statements: [
      [1000n, 900n],
      [5000n, 0n],
    ],
    cumulative: [
      [1000n, 200n, 900n, 0n, 0n, 0n],
      [6000n, 1200n, 900n, 3900n, 3900n, 3900n],
    ],
  },
  {
    // Expenses reported later lower cumulative N: the period figures of N, S and O go negative.
    name: "late expenses give negative period net, share and overage",
    terms: terms({ expenseCapMinor: 10000n }),
    statements: [
      [1000n, 0n],
      [0n, 800n],
    ],
    cumulative: [
      [1000n, 0n, 0n, 1000n, 1000n, 1000n],
      [1000n, 0n, 800n, 200n, 200n, 200n],
    ],
    period: [
      [1000n, 0n, 0n, 1000n, 1000n, 1000n],
      [0n, 0n, 800n, -800n, -800n, -800n],
    ],
  },
  {
    name: "zero-gross statements",
    terms: terms({ distributionFeePct: "10" }),
    statements: [
      [0n, 0n],
      [0n, 0n],
      [100n, 0n],
    ],
    cumulative: [
      [0n, 0n, 0n, 0n, 0n, 0n],
      [0n, 0n, 0n, 0n, 0n, 0n],
      [100n, 10n, 0n, 90n, 90n, 90n],
    ],
  },
  {
    name: "no statements, no waterfall",
    terms: terms({ mgMinor: 5n }),
    statements: [],
    cumulative: [],
  },
  {
    // A second period was superseded by a correction of 1500: only the counting statements
    // (1000, 1500, 500) are passed, so the superseded 2000 never counts.
    name: "superseded statement excluded",
    terms: terms({ mgMinor: 2000n }),
    statements: [
      [1000n, 0n],
      [1500n, 0n],
      [500n, 0n],
    ],
    cumulative: [
      [1000n, 0n, 0n, 1000n, 1000n, 0n],
      [2500n, 0n, 0n, 2500n, 2500n, 500n],
      [3000n, 0n, 0n, 3000n, 3000n, 1000n],
    ],
  },
  {
    // KRW has no decimals. F = 1234567 × 12.5% = 154320.875 → 154321; N = 1080246;
    // S = 1000000 × 40% + 80246 × 50% = 400000 + 40123 = 440123; O = 440123 − 300000 = 140123.
    name: "KRW: fee, tiers and MG in whole won",
    terms: terms({
      distributionFeePct: "12.5",
      shareTiers: tiers([krw("1000000"), "40"], [null, "50"]),
      mgMinor: krw("300000"),
    }),
    statements: [[krw("1234567"), 0n]],
    cumulative: [[1234567n, 154321n, 0n, 1080246n, 440123n, 140123n]],
  },
  {
    // F = 999 × 15% = 149.85 → 150; N 849; S = 500 × 25% + 349 × 35% = 125 + 122.15 → 247.
    name: "JPY: fractional yen rounded once per cumulative figure",
    terms: terms({ distributionFeePct: "15", shareTiers: tiers([jpy("500"), "25"], [null, "35"]) }),
    statements: [[jpy("999"), 0n]],
    cumulative: [[999n, 150n, 0n, 849n, 247n, 247n]],
  },
  {
    // Cumulative fee 10% of 15 = 1.5 → 2, of 25 = 2.5 → 2, of 35 = 3.5 → 4.
    name: "JPY: half-even ties across periods",
    terms: terms({ distributionFeePct: "10" }),
    statements: [
      [15n, 0n],
      [10n, 0n],
      [10n, 0n],
    ],
    cumulative: [
      [15n, 2n, 0n, 13n, 13n, 13n],
      [25n, 2n, 0n, 23n, 23n, 23n],
      [35n, 4n, 0n, 31n, 31n, 31n],
    ],
    period: [
      [15n, 2n, 0n, 13n, 13n, 13n],
      [10n, 0n, 0n, 10n, 10n, 10n],
      [10n, 2n, 0n, 8n, 8n, 8n],
    ],
  },
  {
    name: "USD cents: 1234.57 at 17.5% fee",
    // F = 123457 × 17.5% = 21604.975 → 21605; N = 101852.
    terms: terms({ distributionFeePct: "17.5" }),
    statements: [[usd("1234.57"), 0n]],
    cumulative: [[123457n, 21605n, 0n, 101852n, 101852n, 101852n]],
  },
  {
    name: "large amounts stay exact",
    terms: terms({ distributionFeePct: "12.5", mgMinor: 500000000000000n }),
    statements: [[1000000000000000n, 0n]],
    cumulative: [[1000000000000000n, 125000000000000n, 0n, 875000000000000n, 875000000000000n, 375000000000000n]],
  },
  {
    name: "beyond Number precision: 10^20 minor units",
    terms: terms({ distributionFeePct: "33.3333" }),
    statements: [[100000000000000000000n, 0n]],
    cumulative: [[100000000000000000000n, 33333300000000000000n, 0n, 66666700000000000000n, 66666700000000000000n, 66666700000000000000n]],
  },
];

type SplitRow = {
  name: string;
  receipt: bigint;
  pct: string | null;
  participants: [string, string][];
  sweepPct?: string | null;
  owed?: bigint;
  creators: bigint[];
  facility: bigint;
  studio: bigint;
};

const SPLITS: SplitRow[] = [
  {
    // Pool 10% of 1000 = 100; 33.33… each → floors 33 × 3 = 99; the one leftover unit goes to the
    // first listed (all remainders tie): 34 / 33 / 33.
    name: "3-way equal split of 100 units: 34/33/33",
    receipt: 1000n,
    pct: "10",
    participants: [
      ["Ana", "1"],
      ["Bo", "1"],
      ["Cy", "1"],
    ],
    creators: [34n, 33n, 33n],
    facility: 0n,
    studio: 900n,
  },
  {
    name: "a receipt of 0",
    receipt: 0n,
    pct: "10",
    participants: [
      ["Ana", "1"],
      ["Bo", "2"],
    ],
    sweepPct: "50",
    owed: 1000n,
    creators: [0n, 0n],
    facility: 0n,
    studio: 0n,
  },
  {
    name: "no participants: no pool",
    receipt: 1000n,
    pct: "10",
    participants: [],
    creators: [],
    facility: 0n,
    studio: 1000n,
  },
  {
    name: "no creator participation: no pool",
    receipt: 1000n,
    pct: null,
    participants: [["Ana", "1"]],
    creators: [0n],
    facility: 0n,
    studio: 1000n,
  },
  {
    // Pool 12345 × 10% = 1234.5 → 1234 (half-even); 40% = 493.6, 60% = 740.4 → 493 + 740 = 1233;
    // the leftover unit goes to the larger remainder .6: 494 / 740.
    name: "pool tie rounds to even, leftover to the largest remainder",
    receipt: 12345n,
    pct: "10",
    participants: [
      ["Ana", "40"],
      ["Bo", "60"],
    ],
    creators: [494n, 740n],
    facility: 0n,
    studio: 11111n,
  },
  {
    name: "pool tie 1235.5 rounds up to 1236",
    receipt: 12355n,
    pct: "10",
    participants: [["Ana", "1"]],
    creators: [1236n],
    facility: 0n,
    studio: 11119n,
  },
  {
    // Pool 2000; sweep 50% of 8000 = 4000, under 10000 owed.
    name: "facility sweep of the remaining receipt",
    receipt: 10000n,
    pct: "20",
    participants: [["Ana", "1"]],
    sweepPct: "50",
    owed: 10000n,
    creators: [2000n],
    facility: 4000n,
    studio: 4000n,
  },
  {
    name: "facility sweep capped at the amount owed",
    receipt: 10000n,
    pct: "20",
    participants: [["Ana", "1"]],
    sweepPct: "50",
    owed: 1500n,
    creators: [2000n],
    facility: 1500n,
    studio: 6500n,
  },
  {
    name: "nothing owed: no sweep",
    receipt: 10000n,
    pct: "20",
    participants: [["Ana", "1"]],
    sweepPct: "50",
    owed: 0n,
    creators: [2000n],
    facility: 0n,
    studio: 8000n,
  },
  {
    name: "no sweep percentage: no sweep",
    receipt: 10000n,
    pct: null,
    participants: [],
    sweepPct: null,
    owed: 5000n,
    creators: [],
    facility: 0n,
    studio: 10000n,
  },
  {
    name: "sweep tie 2.5 → 2",
    receipt: 5n,
    pct: null,
    participants: [],
    sweepPct: "50",
    owed: 100n,
    creators: [],
    facility: 2n,
    studio: 3n,
  },
  {
    name: "sweep tie 3.5 → 4",
    receipt: 7n,
    pct: null,
    participants: [],
    sweepPct: "50",
    owed: 100n,
    creators: [],
    facility: 4n,
    studio: 3n,
  },
  {
    // Pool 1000001 × 7.5% = 75000.075 → 75000 → 25000 × 3; sweep 30% of 925001 = 277500.3 → 277500.
    name: "KRW receipt with a pool and a sweep",
    receipt: krw("1000001"),
    pct: "7.5",
    participants: [
      ["Ana", "1"],
      ["Bo", "1"],
      ["Cy", "1"],
    ],
    sweepPct: "30",
    owed: krw("100000000"),
    creators: [25000n, 25000n, 25000n],
    facility: 277500n,
    studio: 647501n,
  },
  {
    // Pool 999: exact parts 499.5 / 299.7 / 199.8 → floors 997; the 2 leftover units go to the
    // remainders .8 (Cy) and .7 (Bo): 499 / 300 / 200.
    name: "JPY: leftover units to the largest remainders, not the first listed",
    receipt: jpy("999"),
    pct: "100",
    participants: [
      ["Ana", "50"],
      ["Bo", "30"],
      ["Cy", "20"],
    ],
    sweepPct: "50",
    owed: 1000n,
    creators: [499n, 300n, 200n],
    facility: 0n,
    studio: 0n,
  },
  {
    name: "4-way tie: 6 units → 2/2/1/1",
    receipt: 6n,
    pct: "100",
    participants: [
      ["A", "1"],
      ["B", "1"],
      ["C", "1"],
      ["D", "1"],
    ],
    creators: [2n, 2n, 1n, 1n],
    facility: 0n,
    studio: 0n,
  },
  {
    name: "one unit among three goes to the first listed",
    receipt: 1n,
    pct: "100",
    participants: [
      ["A", "5"],
      ["B", "5"],
      ["C", "5"],
    ],
    creators: [1n, 0n, 0n],
    facility: 0n,
    studio: 0n,
  },
  {
    // 2 units by 1:2 → 0.667 / 1.333 → floors 0 + 1; leftover to the .667 remainder: 1 / 1.
    name: "unequal shares, leftover to the larger remainder",
    receipt: 2n,
    pct: "100",
    participants: [
      ["A", "1"],
      ["B", "2"],
    ],
    creators: [1n, 1n],
    facility: 0n,
    studio: 0n,
  },
  {
    name: "decimal shares 33.3333 / 66.6667 of 100 → 33 / 67",
    receipt: 1000n,
    pct: "10",
    participants: [
      ["A", "33.3333"],
      ["B", "66.6667"],
    ],
    creators: [33n, 67n],
    facility: 0n,
    studio: 900n,
  },
  {
    name: "a single participant takes the whole pool",
    receipt: 3330n,
    pct: "10",
    participants: [["Solo", "7"]],
    creators: [333n],
    facility: 0n,
    studio: 2997n,
  },
  {
    name: "a 100% sweep under the debt leaves the studio nothing",
    receipt: 1000n,
    pct: "15",
    participants: [["A", "1"]],
    sweepPct: "100",
    owed: 5000n,
    creators: [150n],
    facility: 850n,
    studio: 0n,
  },
];

describe("computeWaterfall (table)", () => {
  it.each(WATERFALL)("$name", (row) => {
    const steps = computeWaterfall(
      row.terms,
      row.statements.map(([grossMinor, expensesMinor]) => ({ grossMinor, expensesMinor })),
    );
    expect(steps.map((s) => six(s.cumulative))).toEqual(row.cumulative);
    const expectedPeriods = row.cumulative.map((c, i) => c.map((v, k) => v - (i === 0 ? 0n : row.cumulative[i - 1]![k]!)));
    expect(steps.map((s) => six(s.period))).toEqual(expectedPeriods);
    if (row.period) expect(steps.map((s) => six(s.period))).toEqual(row.period);
  });

  it("models supersession as leaving the superseded statement out", () => {
    const all = [
      { id: "a", grossMinor: 1000n, expensesMinor: 0n, supersededBy: null },
      { id: "b", grossMinor: 2000n, expensesMinor: 0n, supersededBy: "b2" },
      { id: "b2", grossMinor: 1500n, expensesMinor: 0n, supersededBy: null },
    ];
    const counting = all.filter((s) => s.supersededBy === null);
    const last = computeWaterfall(terms(), counting).at(-1)!;
    expect(last.cumulative.gross).toBe(2500n);
    expect(last.period.gross).toBe(1500n);
  });

  it("refuses negative gross and negative expenses, in any statement, naming the problem", () => {
    const message = "Gross and expenses cannot be negative.";
    expect(() => computeWaterfall(terms(), [{ grossMinor: -1n, expensesMinor: 0n }])).toThrow(new RangeError(message));
    expect(() => computeWaterfall(terms(), [{ grossMinor: 1000n, expensesMinor: -1n }])).toThrow(new RangeError(message));
    expect(() =>
      computeWaterfall(terms({ expenseCapMinor: 500n }), [
        { grossMinor: 1000n, expensesMinor: 100n },
        { grossMinor: 0n, expensesMinor: -100n },
      ]),
    ).toThrow(new RangeError(message));
    // Zero is not negative.
    expect(six(computeWaterfall(terms(), [{ grossMinor: 0n, expensesMinor: 0n }])[0]!.cumulative)).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
    expect(() => splitReceipt(-1n, { creatorParticipationPct: null, participants: [] }, { sweepPct: null, owedMinor: 0n })).toThrow(
      new RangeError("A receipt cannot be negative."),
    );
  });
});

describe("tieredShare, tiers out of the usual shape", () => {
  // storeTerms refuses these shapes on the way in; the walk must still never pay twice or pay less than 0.
  it("stops at an open-ended tier even when more tiers follow it", () => {
    expect(tieredShare(500n, tiers([null, "50"], [1000n, "60"])).toString()).toBe("250");
  });

  it("pays nothing for a tier whose bound falls below the previous one, and never lowers the floor", () => {
    // 200 at 10% = 20; the bound 100 is already passed; the open tier takes 300 − 200 = 100 at 30% = 30.
    expect(tieredShare(300n, tiers([200n, "10"], [100n, "20"], [null, "30"])).toString()).toBe("50");
  });

  it("pays nothing above a last tier that is bounded", () => {
    expect(tieredShare(5_000n, tiers([1_000n, "50"])).toString()).toBe("500");
  });

  it("with N on a tier bound, the upper tier earns nothing; with N = 0, nothing at all", () => {
    expect(tieredShare(1_000n, tiers([1_000n, "50"], [null, "60"])).toString()).toBe("500");
    expect(tieredShare(0n, tiers([1_000n, "50"], [null, "60"])).toString()).toBe("0");
    expect(tieredShare(7n, null).toString()).toBe("7");
    expect(tieredShare(7n, []).toString()).toBe("7");
  });
});

describe("largestRemainder", () => {
  it("gives the leftover units to the largest remainders, ties to the one listed first", () => {
    expect(largestRemainder(3n, ["1", "1", "1", "1", "1", "1", "1"])).toEqual([1n, 1n, 1n, 0n, 0n, 0n, 0n]);
    expect(largestRemainder(4n, ["1", "1", "1", "1", "1", "1", "1"])).toEqual([1n, 1n, 1n, 1n, 0n, 0n, 0n]);
    // Exact parts 3.3, 3.6, 3.1: the leftover unit goes to the 0.6 remainder, in the middle.
    expect(largestRemainder(10n, ["33", "36", "31"])).toEqual([3n, 4n, 3n]);
    // Exact parts 2.5, 1.25, 1.25: one unit left, to the 0.5 remainder rather than the first listed.
    expect(largestRemainder(5n, ["0.5", "0.25", "0.25"])).toEqual([3n, 1n, 1n]);
    // Exact parts 0.5, 1, 0.5: one unit left, to the first of the two 0.5 remainders.
    expect(largestRemainder(2n, ["0.25", "0.5", "0.25"])).toEqual([1n, 1n, 0n]);
  });
});

describe("splitReceipt, the facility's sweep", () => {
  const noCreators = { creatorParticipationPct: null, participants: [] };
  it("sweeps nothing when nothing is owed, or when the owed balance is negative (over-recouped)", () => {
    expect(splitReceipt(1_000n, noCreators, { sweepPct: "50", owedMinor: 0n })).toEqual({
      creators: [],
      creatorsTotal: 0n,
      facility: 0n,
      studio: 1_000n,
    });
    expect(splitReceipt(1_000n, noCreators, { sweepPct: "50", owedMinor: -5n })).toMatchObject({ facility: 0n, studio: 1_000n });
    expect(splitReceipt(1_000n, noCreators, { sweepPct: null, owedMinor: 700n })).toMatchObject({ facility: 0n, studio: 1_000n });
  });

  it("caps the sweep at what is owed, and rounds it half-even", () => {
    expect(splitReceipt(1_000n, noCreators, { sweepPct: "50", owedMinor: 499n })).toMatchObject({ facility: 499n, studio: 501n });
    expect(splitReceipt(1_000n, noCreators, { sweepPct: "50", owedMinor: 500n })).toMatchObject({ facility: 500n, studio: 500n });
    expect(splitReceipt(5n, noCreators, { sweepPct: "50", owedMinor: 100n })).toMatchObject({ facility: 2n, studio: 3n });
    expect(splitReceipt(7n, noCreators, { sweepPct: "50", owedMinor: 100n })).toMatchObject({ facility: 4n, studio: 3n });
  });

  it("pays no pool without participants, and zero to each participant of a zero pool", () => {
    expect(splitReceipt(1_000n, { creatorParticipationPct: "10", participants: [] }, { sweepPct: null, owedMinor: 0n })).toEqual({
      creators: [],
      creatorsTotal: 0n,
      facility: 0n,
      studio: 1_000n,
    });
    expect(
      splitReceipt(4n, { creatorParticipationPct: "10", participants: [{ name: "A", share: "1" }] }, { sweepPct: null, owedMinor: 0n }),
    ).toEqual({ creators: [{ name: "A", amount: 0n }], creatorsTotal: 0n, facility: 0n, studio: 4n });
  });
});

describe("splitReceipt (table)", () => {
  it.each(SPLITS)("$name", (row) => {
    const split = splitReceipt(
      row.receipt,
      { creatorParticipationPct: row.pct, participants: row.participants.map(([name, share]) => ({ name, share })) },
      { sweepPct: row.sweepPct ?? null, owedMinor: row.owed ?? 0n },
    );
    expect(split.creators).toEqual(row.participants.map(([name], i) => ({ name, amount: row.creators[i]! })));
    expect(split.facility).toBe(row.facility);
    expect(split.studio).toBe(row.studio);
    expect(split.creatorsTotal).toBe(row.creators.reduce((a, b) => a + b, 0n));
    expect(split.creatorsTotal + split.facility + split.studio).toBe(row.receipt);
  });

  it("formats a split in the currency's digits", () => {
    const split = splitReceipt(
      usd("100.00"),
      { creatorParticipationPct: "10", participants: [{ name: "A", share: "1" }] },
      { sweepPct: null, owedMinor: 0n },
    );
    expect(formatAmount(split.creatorsTotal, minorUnits("USD"))).toBe("10.00");
    expect(formatAmount(split.studio, minorUnits("USD"))).toBe("90.00");
  });

  it("refuses shares that sum to zero", () => {
    const message = new RangeError("Shares must sum to more than zero.");
    expect(() => largestRemainder(10n, [])).toThrow(message);
    expect(() => largestRemainder(10n, ["0", "0"])).toThrow(message);
    expect(() => largestRemainder(10n, ["1", "-1"])).toThrow(message);
    expect(largestRemainder(10n, ["0", "0.0001"])).toEqual([0n, 10n]);
  });
});

// ---- Properties ----------------------------------------------------------------------------

const pctArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 }))
  .map(([whole, frac]) => (whole === 100 ? "100" : `${whole}.${frac.toString().padStart(4, "0")}`));
const amountArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: 10n ** 12n }),
  fc.bigInt({ min: 0n, max: 10n ** 20n }),
);
const tiersArb = fc
  .tuple(fc.uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 12n }), { maxLength: 5 }), fc.array(pctArb, { minLength: 6, maxLength: 6 }))
  .map(([bounds, pcts]) =>
    [...bounds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), null].map((upToMinor, i) => ({ upToMinor, pct: pcts[i]! })),
  );
const termsArb: fc.Arbitrary<WaterfallTerms> = fc.record({
  distributionFeePct: fc.option(pctArb),
  expenseCapMinor: fc.option(amountArb),
  shareTiers: fc.option(tiersArb),
  mgMinor: fc.option(amountArb),
});
const statementsArb = fc.array(fc.record({ grossMinor: amountArb, expensesMinor: amountArb }), { maxLength: 12 });

// Thousands of random cases: give them room on a busy machine (the default 5 s timed out under load).
describe("properties", { timeout: 60_000 }, () => {
  it("period figures sum exactly to the cumulative ones; O ≤ S ≤ N ≤ G, all non-negative", () => {
    fc.assert(
      fc.property(termsArb, statementsArb, (t, statements) => {
        const steps = computeWaterfall(t, statements);
        const running: WaterfallFigures = { gross: 0n, fee: 0n, expenses: 0n, net: 0n, licensorShare: 0n, overage: 0n };
        let gross = 0n;
        for (const [i, step] of steps.entries()) {
          gross += statements[i]!.grossMinor;
          for (const k of Object.keys(running) as (keyof WaterfallFigures)[]) {
            running[k] += step.period[k];
            expect(running[k]).toBe(step.cumulative[k]);
            expect(step.cumulative[k] >= 0n).toBe(true);
          }
          const c = step.cumulative;
          expect(c.gross).toBe(gross);
          expect(c.overage <= c.licensorShare && c.licensorShare <= c.net && c.net <= c.gross).toBe(true);
          expect(c.fee <= c.gross).toBe(true);
          expect(c.net).toBe(c.gross - c.fee - c.expenses > 0n ? c.gross - c.fee - c.expenses : 0n);
          // Gross, fee and expenses only ever grow.
          expect(step.period.gross >= 0n && step.period.fee >= 0n && step.period.expenses >= 0n).toBe(true);
          // Without deductible expenses, every figure only grows.
          if (t.expenseCapMinor === null) for (const v of Object.values(step.period)) expect(v >= 0n).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("splits sum exactly to the receipt and to the pool; parts are non-negative and fair", () => {
    const participantsArb = fc.array(
      fc.record({
        name: fc.string({ maxLength: 5 }),
        share: fc
          .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 9999 }))
          .filter(([w, f]) => w > 0 || f > 0)
          .map(([w, f]) => `${w}.${f.toString().padStart(4, "0")}`),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        amountArb,
        fc.option(pctArb),
        participantsArb,
        fc.option(pctArb),
        amountArb,
        (receipt, pct, participants, sweepPct, owed) => {
          const split = splitReceipt(receipt, { creatorParticipationPct: pct, participants }, { sweepPct, owedMinor: owed });
          expect(split.creatorsTotal + split.facility + split.studio).toBe(receipt);
          expect(split.creators.reduce((a, c) => a + c.amount, 0n)).toBe(split.creatorsTotal);
          expect(split.creators.map((c) => c.name)).toEqual(participants.map((p) => p.name));
          for (const c of split.creators) expect(c.amount >= 0n).toBe(true);
          expect(split.creatorsTotal >= 0n && split.facility >= 0n && split.studio >= 0n).toBe(true);
          expect(split.facility <= owed).toBe(true);
          // Largest remainder, in exact integers (shares have 4 decimals: × 10⁴ makes them whole):
          // each part is the floor of its exact share P × sᵢ / Σs or one more; the units left over
          // after the floors go to the largest remainders, ties to the one listed first.
          if (split.creatorsTotal > 0n) {
            const weights = participants.map((p) => parseAmount(p.share, 4)!);
            const sum = weights.reduce((a, w) => a + w, 0n);
            const pool = split.creatorsTotal;
            const floors = weights.map((w) => (pool * w) / sum);
            const remainders = weights.map((w) => (pool * w) % sum);
            const bumped = split.creators.map((c, i) => c.amount - floors[i]!);
            for (const b of bumped) expect(b === 0n || b === 1n).toBe(true);
            expect(bumped.reduce((a, b) => a + b, 0n)).toBe(pool - floors.reduce((a, f) => a + f, 0n));
            for (const [i, bi] of bumped.entries()) {
              for (const [j, bj] of bumped.entries()) {
                // Whoever got the extra unit has a larger remainder, or an equal one and comes first.
                if (bi === 1n && bj === 0n)
                  expect(remainders[i]! > remainders[j]! || (remainders[i] === remainders[j] && i < j)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("resolveLineTitle", () => {
  const jade = {
    id: "11111111-1111-4111-8111-111111111111",
    eidr: "10.5240/AAAA",
    originalTitle: "玉山",
    titleEn: "Jade Mountain",
    titleZh: "玉山",
  };
  const river = {
    id: "22222222-2222-4222-8222-222222222222",
    eidr: null,
    originalTitle: "Long River",
    titleEn: "Long River",
    titleZh: "长河",
  };
  const twin = { id: "33333333-3333-4333-8333-333333333333", eidr: null, originalTitle: "Twin", titleEn: "Jade Mountain", titleZh: null };
  const resolve = resolveLineTitle([jade, river]);
  it.each([
    [{ titleId: jade.id }, jade.id],
    [{ titleId: jade.id.toUpperCase() }, jade.id],
    [{ eidr: "10.5240/aaaa" }, jade.id],
    [{ titleRef: "Jade Mountain" }, jade.id],
    [{ titleRef: " 长河 " }, river.id],
    [{ titleId: river.id, titleRef: "Long River" }, river.id],
    [{ titleId: jade.id, eidr: "10.5240/AAAA", titleRef: "玉山" }, jade.id],
  ])("%o names %s", (line, id) => {
    expect(resolve(line)).toEqual({ ok: true, titleId: id });
  });
  it.each([
    [{}, "titleId", "titleId, eidr or titleRef"],
    [{ titleRef: "jade mountain" }, "titleRef", "exactly"],
    [{ titleRef: "Jade" }, "titleRef", "“Jade”"],
    [{ eidr: "10.5240/BBBB" }, "eidr", "10.5240/BBBB"],
    [{ titleId: river.id, titleRef: "Jade Mountain" }, "titleRef", "different titles"],
    [{ titleId: jade.id, eidr: "10.5240/AAAA", titleRef: "Long River" }, "titleRef", "different titles"],
  ])("%o is refused on %s", (line, field, words) => {
    const answer = resolve(line);
    expect(answer).toMatchObject({ ok: false, field });
    expect(answer.ok ? "" : answer.message).toContain(words);
  });
  it("a name two titles share is ambiguous; an id outside the deal passes through for the rights check", () => {
    const answer = resolveLineTitle([jade, twin])({ titleRef: "Jade Mountain" });
    expect(answer).toMatchObject({ ok: false, field: "titleRef" });
    expect(answer.ok ? "" : answer.message).toContain("Several titles");
    expect(resolve({ titleId: twin.id })).toEqual({ ok: true, titleId: twin.id });
  });
});
