import { describe, expect, it } from "vitest";
import { convert } from "@/lib/fx/rules";
import { UnknownReferenceCodeError } from "@/lib/reference/errors";
import {
  ADVANCE_STATUSES,
  type AdvanceStatus,
  applyPayment,
  type Balances,
  balances,
  breaches,
  canTransition,
  coolingLeftMs,
  disbursementEntries,
  type EligibilityInput,
  eligibility,
  entryEffect,
  LEDGER_KINDS,
  type LedgerEntry,
  LIMIT_RULES,
  type LimitRule,
  OUTSTANDING_STATUSES,
  type OwingAdvance,
  recoup,
  recoupmentEntry,
  writeOffEntry,
  ZERO_BALANCES,
} from "./rules";
import { advanceApplicationSchema, advanceDecisionSchema, facilitySettingsSchema } from "./schema";

// USD facility: MG 1,000,000.00 at 70% → gross base 700,000.00; max per deal 500,000.00;
// capacity 10,000,000.00; licensee concentration 25% → 2,500,000.00.
const BASE: EligibilityInput = {
  advanceRatePct: "70",
  mgContractedMinor: 100_000_000n,
  mgReceivedMinor: 0n,
  principalOutstandingOnDealMinor: 0n,
  amountMinor: 10_000_000n,
  maxPerDealMinor: 50_000_000n,
  capacityMinor: 1_000_000_000n,
  totalPrincipalOutstandingMinor: 0n,
  principalOutstandingSameLicenseeMinor: 0n,
  maxPerLicenseePct: "25",
};

type EligibilityCase = {
  name: string;
  input: Partial<EligibilityInput>;
  eligibleBase: bigint;
  broken: LimitRule[];
  limits?: Partial<Record<LimitRule, bigint>>;
};

const eligibilityCases: EligibilityCase[] = [
  { name: "well within every limit", input: {}, eligibleBase: 70_000_000n, broken: [] },
  {
    name: "exactly at the eligible base is allowed",
    input: { amountMinor: 70_000_000n, maxPerDealMinor: 100_000_000n },
    eligibleBase: 70_000_000n,
    broken: [],
  },
  {
    name: "one unit above the eligible base, alone",
    input: { amountMinor: 70_000_001n, maxPerDealMinor: 100_000_000n },
    eligibleBase: 70_000_000n,
    broken: ["ELIGIBLE_BASE"],
  },
  { name: "exactly at max per deal is allowed", input: { amountMinor: 50_000_000n }, eligibleBase: 70_000_000n, broken: [] },
  { name: "above max per deal, alone", input: { amountMinor: 50_000_001n }, eligibleBase: 70_000_000n, broken: ["MAX_PER_DEAL"] },
  {
    name: "exactly filling capacity is allowed",
    input: { totalPrincipalOutstandingMinor: 990_000_000n },
    eligibleBase: 70_000_000n,
    broken: [],
  },
  {
    name: "above capacity, alone",
    input: { totalPrincipalOutstandingMinor: 990_000_000n, amountMinor: 10_000_001n },
    eligibleBase: 70_000_000n,
    broken: ["CAPACITY"],
  },
  {
    name: "exactly at licensee concentration is allowed",
    input: { totalPrincipalOutstandingMinor: 240_000_000n, principalOutstandingSameLicenseeMinor: 240_000_000n },
    eligibleBase: 70_000_000n,
    broken: [],
  },
  {
    name: "above licensee concentration, alone",
    input: { totalPrincipalOutstandingMinor: 240_000_000n, principalOutstandingSameLicenseeMinor: 240_000_000n, amountMinor: 10_000_001n },
    eligibleBase: 70_000_000n,
    broken: ["LICENSEE_CONCENTRATION"],
  },
  {
    name: "all four limits broken together",
    input: {
      principalOutstandingOnDealMinor: 60_000_000n,
      maxPerDealMinor: 5_000_000n,
      totalPrincipalOutstandingMinor: 995_000_000n,
      principalOutstandingSameLicenseeMinor: 245_000_000n,
      amountMinor: 10_000_001n,
    },
    eligibleBase: 10_000_000n,
    broken: ["ELIGIBLE_BASE", "MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"],
  },
  {
    name: "outstanding principal on the deal reduces the base",
    input: { principalOutstandingOnDealMinor: 65_000_000n, amountMinor: 5_000_000n },
    eligibleBase: 5_000_000n,
    broken: [],
  },
  {
    name: "negative base leaves 0 available",
    input: { principalOutstandingOnDealMinor: 80_000_000n, amountMinor: 1n },
    eligibleBase: 0n,
    broken: ["ELIGIBLE_BASE"],
    limits: { ELIGIBLE_BASE: 70_000_000n },
  },
  { name: "MG partly received", input: { mgReceivedMinor: 40_000_000n }, eligibleBase: 42_000_000n, broken: [] },
  {
    name: "MG over-received gives a negative gross base and 0 available",
    input: { mgReceivedMinor: 110_000_000n, amountMinor: 1n },
    eligibleBase: 0n,
    broken: ["ELIGIBLE_BASE"],
    limits: { ELIGIBLE_BASE: -7_000_000n },
  },
  { name: "amount 0 previews the limits", input: { amountMinor: 0n }, eligibleBase: 70_000_000n, broken: [] },
  {
    name: "KRW (0 decimals): base 70,000,003.5 rounds half-even to 70,000,004",
    input: { mgContractedMinor: 100_000_005n, amountMinor: 70_000_004n, maxPerDealMinor: 100_000_000n },
    eligibleBase: 70_000_004n,
    broken: [],
  },
  {
    name: "KRW (0 decimals): base 70,000,010.5 rounds half-even to 70,000,010",
    input: { mgContractedMinor: 100_000_015n, amountMinor: 70_000_011n, maxPerDealMinor: 100_000_000n },
    eligibleBase: 70_000_010n,
    broken: ["ELIGIBLE_BASE"],
  },
  {
    name: "JPY (0 decimals): concentration 12.5% of 1,000,004 = 125,000.5 → 125,000 allowed",
    input: { capacityMinor: 1_000_004n, maxPerLicenseePct: "12.5", maxPerDealMinor: 1_000_000n, amountMinor: 125_000n },
    eligibleBase: 70_000_000n,
    broken: [],
    limits: { LICENSEE_CONCENTRATION: 125_000n },
  },
  {
    name: "JPY (0 decimals): 125,001 breaks the rounded concentration limit",
    input: { capacityMinor: 1_000_004n, maxPerLicenseePct: "12.5", maxPerDealMinor: 1_000_000n, amountMinor: 125_001n },
    eligibleBase: 70_000_000n,
    broken: ["LICENSEE_CONCENTRATION"],
  },
  {
    name: "fractional advance rate 66.6667%",
    input: { advanceRatePct: "66.6667", mgContractedMinor: 300n, amountMinor: 200n },
    eligibleBase: 200n, // 200.0001 → 200
    broken: [],
  },
];

type FxCase = { name: string; amount: bigint; from: string; to: string; rate: string; expected: bigint };
const fxCases: FxCase[] = [
  { name: "KRW 1,000,000 → USD at 0.00075 = 750.00", amount: 1_000_000n, from: "KRW", to: "USD", rate: "0.00075", expected: 75_000n },
  { name: "KRW 1 → USD at 0.005 = 0.5 cent, tie to even 0", amount: 1n, from: "KRW", to: "USD", rate: "0.005", expected: 0n },
  { name: "KRW 3 → USD at 0.005 = 1.5 cents, tie to even 2", amount: 3n, from: "KRW", to: "USD", rate: "0.005", expected: 2n },
  { name: "USD 1.00 → JPY at 150.5 = 150.5, tie to even 150", amount: 100n, from: "USD", to: "JPY", rate: "150.5", expected: 150n },
  { name: "USD 3.00 → JPY at 150.5 = 451.5, tie to even 452", amount: 300n, from: "USD", to: "JPY", rate: "150.5", expected: 452n },
  { name: "JPY 1,000 → KRW at 9.25 (both 0 decimals)", amount: 1_000n, from: "JPY", to: "KRW", rate: "9.25", expected: 9_250n },
  { name: "BHD 1.500 → USD at 2.6596 = 3.9894 → 3.99", amount: 1_500n, from: "BHD", to: "USD", rate: "2.6596", expected: 399n },
  { name: "USD 1.00 → BHD at 0.376 = 0.376 (3 decimals)", amount: 100n, from: "USD", to: "BHD", rate: "0.376", expected: 376n },
  { name: "EUR 0.15 → USD at 1.1 = 16.5 cents → 16", amount: 15n, from: "EUR", to: "USD", rate: "1.1", expected: 16n },
  { name: "EUR 0.25 → USD at 1.1 = 27.5 cents → 28", amount: 25n, from: "EUR", to: "USD", rate: "1.1", expected: 28n },
  { name: "CNY 100.00 → USD at 0.138 = 13.80", amount: 10_000n, from: "CNY", to: "USD", rate: "0.138", expected: 1_380n },
  { name: "same currency at rate 1 is unchanged", amount: 12_345n, from: "USD", to: "USD", rate: "1", expected: 12_345n },
];

type FeeCase = { name: string; principal: bigint; feePct: string; fee: bigint | null };
const feeCases: FeeCase[] = [
  { name: "2% of 1,000,000.00", principal: 100_000_000n, feePct: "2", fee: 2_000_000n },
  { name: "1% of 2.50 = 2.5 cents → 2 (half-even)", principal: 250n, feePct: "1", fee: 2n },
  { name: "1% of 3.50 = 3.5 cents → 4 (half-even)", principal: 350n, feePct: "1", fee: 4n },
  { name: "JPY 1.5% of 1,000,001 = 15,000.015 → 15,000", principal: 1_000_001n, feePct: "1.5", fee: 15_000n },
  { name: "KRW 0.25% of 50,000,002 = 125,000.005 → 125,000", principal: 50_000_002n, feePct: "0.25", fee: 125_000n },
  { name: "zero fee writes no FEE entry", principal: 100n, feePct: "0", fee: null },
  { name: "a fee rounding to 0 writes no FEE entry", principal: 10n, feePct: "1", fee: null },
];

const d = (iso: string) => new Date(iso);
const A: OwingAdvance = {
  id: "a",
  disbursedAt: d("2026-01-10T00:00:00Z"),
  owedMinor: 1_100n,
  feeOwedMinor: 100n,
  principalOwedMinor: 1_000n,
};
const B: OwingAdvance = { id: "b", disbursedAt: d("2026-03-01T00:00:00Z"), owedMinor: 550n, feeOwedMinor: 50n, principalOwedMinor: 500n };

// Disbursed in the same instant as A; Y has the smaller id (UUIDs compare as lower-case hex).
const SAME_INSTANT_Y: OwingAdvance = { ...A, id: "0193f5c2-7a10-7000-8000-000000000001" };
const SAME_INSTANT_Z: OwingAdvance = { ...B, id: "0193f5c2-7a10-7000-8000-000000000002", disbursedAt: A.disbursedAt };

type RecoupCase = {
  name: string;
  advances: OwingAdvance[];
  receipt: bigint;
  pool: bigint;
  sweepPct: string;
  sweep: bigint;
  entries: [id: string, fee: bigint, principal: bigint][];
  repaid: string[];
};
const recoupCases: RecoupCase[] = [
  {
    name: "fee first: sweep below the fee",
    advances: [A, B],
    receipt: 60n,
    pool: 0n,
    sweepPct: "100",
    sweep: 60n,
    entries: [["a", 60n, 0n]],
    repaid: [],
  },
  {
    name: "oldest advance first, fee then principal",
    advances: [A, B],
    receipt: 10_000n,
    pool: 9_000n,
    sweepPct: "100",
    sweep: 1_000n,
    entries: [["a", 100n, 900n]],
    repaid: [],
  },
  {
    name: "across two advances: the older is repaid, the newer starts on its fee",
    advances: [A, B],
    receipt: 1_200n,
    pool: 0n,
    sweepPct: "100",
    sweep: 1_200n,
    entries: [
      ["a", 100n, 1_000n],
      ["b", 50n, 50n],
    ],
    repaid: ["a"],
  },
  {
    name: "order is by disbursedAt even when given newest first",
    advances: [B, A],
    receipt: 1_200n,
    pool: 0n,
    sweepPct: "100",
    sweep: 1_200n,
    entries: [
      ["a", 100n, 1_000n],
      ["b", 50n, 50n],
    ],
    repaid: ["a"],
  },
  {
    name: "over-payment is capped at total owed; both repaid",
    advances: [A, B],
    receipt: 100_000n,
    pool: 0n,
    sweepPct: "100",
    sweep: 1_650n,
    entries: [
      ["a", 100n, 1_000n],
      ["b", 50n, 500n],
    ],
    repaid: ["a", "b"],
  },
  {
    name: "sweep 50% of 3 = 1.5 → 2",
    advances: [A],
    receipt: 3n,
    pool: 0n,
    sweepPct: "50",
    sweep: 2n,
    entries: [["a", 2n, 0n]],
    repaid: [],
  },
  {
    name: "sweep 50% of 5 = 2.5 → 2",
    advances: [A],
    receipt: 5n,
    pool: 0n,
    sweepPct: "50",
    sweep: 2n,
    entries: [["a", 2n, 0n]],
    repaid: [],
  },
  {
    name: "pool takes the whole receipt: nothing swept",
    advances: [A, B],
    receipt: 500n,
    pool: 500n,
    sweepPct: "100",
    sweep: 0n,
    entries: [],
    repaid: [],
  },
  { name: "sweep 0%: nothing swept", advances: [A], receipt: 500n, pool: 0n, sweepPct: "0", sweep: 0n, entries: [], repaid: [] },
  {
    name: "an advance owing nothing is skipped",
    advances: [{ ...A, owedMinor: 0n, feeOwedMinor: 0n, principalOwedMinor: 0n }, B],
    receipt: 100n,
    pool: 0n,
    sweepPct: "100",
    sweep: 100n,
    entries: [["b", 50n, 50n]],
    repaid: [],
  },
  { name: "no advances owing: nothing swept", advances: [], receipt: 100n, pool: 0n, sweepPct: "100", sweep: 0n, entries: [], repaid: [] },
  ...(["given in id order", "given in reverse id order"] as const).map(
    (order): RecoupCase => ({
      // Two advances disbursed in the same instant (one approval, two tranches): the smaller id
      // goes first, so the split does not depend on the order the database returns them in.
      name: `same disbursedAt, ${order}: the smaller id is repaid first`,
      advances: order === "given in id order" ? [SAME_INSTANT_Y, SAME_INSTANT_Z] : [SAME_INSTANT_Z, SAME_INSTANT_Y],
      receipt: 1_300n,
      pool: 0n,
      sweepPct: "100",
      sweep: 1_300n,
      entries: [
        [SAME_INSTANT_Y.id, 100n, 1_000n],
        [SAME_INSTANT_Z.id, 50n, 150n],
      ],
      repaid: [SAME_INSTANT_Y.id],
    }),
  ),
];

type LedgerCase = { name: string; entries: LedgerEntry[]; expected: Balances };
const disb = (amountMinor: bigint): LedgerEntry => ({ kind: "DISBURSEMENT", amountMinor });
const fee = (amountMinor: bigint): LedgerEntry => ({ kind: "FEE", amountMinor });
const rec = (feePart: bigint, principalPart: bigint): LedgerEntry => ({
  kind: "RECOUPMENT",
  amountMinor: feePart + principalPart,
  feePart,
  principalPart,
});
const wo = (feePart: bigint, principalPart: bigint): LedgerEntry => ({
  kind: "WRITE_OFF",
  amountMinor: feePart + principalPart,
  feePart,
  principalPart,
});
const ledgerCases: LedgerCase[] = [
  { name: "empty ledger", entries: [], expected: { principal: 0n, fee: 0n, owed: 0n } },
  { name: "disbursement and fee", entries: [disb(1_000n), fee(20n)], expected: { principal: 1_000n, fee: 20n, owed: 1_020n } },
  { name: "recoupment after fee", entries: [disb(1_000n), fee(20n), rec(20n, 30n)], expected: { principal: 970n, fee: 0n, owed: 970n } },
  {
    name: "partial recoupment of the fee",
    entries: [disb(1_000n), fee(20n), rec(5n, 0n)],
    expected: { principal: 1_000n, fee: 15n, owed: 1_015n },
  },
  {
    name: "recouped in full",
    entries: [disb(1_000n), fee(20n), rec(20n, 980n), rec(0n, 20n)],
    expected: { principal: 0n, fee: 0n, owed: 0n },
  },
  {
    name: "write-off of the remainder",
    entries: [disb(1_000n), fee(20n), rec(20n, 100n), wo(0n, 900n)],
    expected: { principal: 0n, fee: 0n, owed: 0n },
  },
];

type PaymentCase = { name: string; balances: Balances; amount: bigint; feePart: bigint; principalPart: bigint; unapplied: bigint };
const paymentCases: PaymentCase[] = [
  {
    name: "fee first",
    balances: { principal: 1_000n, fee: 20n, owed: 1_020n },
    amount: 50n,
    feePart: 20n,
    principalPart: 30n,
    unapplied: 0n,
  },
  {
    name: "less than the fee",
    balances: { principal: 1_000n, fee: 20n, owed: 1_020n },
    amount: 7n,
    feePart: 7n,
    principalPart: 0n,
    unapplied: 0n,
  },
  {
    name: "exact owed",
    balances: { principal: 1_000n, fee: 20n, owed: 1_020n },
    amount: 1_020n,
    feePart: 20n,
    principalPart: 1_000n,
    unapplied: 0n,
  },
  {
    name: "over-payment returns the excess",
    balances: { principal: 1_000n, fee: 20n, owed: 1_020n },
    amount: 1_500n,
    feePart: 20n,
    principalPart: 1_000n,
    unapplied: 480n,
  },
  { name: "nothing owed", balances: { principal: 0n, fee: 0n, owed: 0n }, amount: 10n, feePart: 0n, principalPart: 0n, unapplied: 10n },
];

const transitionCases: [AdvanceStatus, AdvanceStatus, bigint | undefined, boolean][] = [
  ["DRAFT", "SUBMITTED", undefined, true],
  ["SUBMITTED", "UNDER_REVIEW", undefined, true],
  ["UNDER_REVIEW", "APPROVED", undefined, true],
  ["UNDER_REVIEW", "DECLINED", undefined, true],
  ["APPROVED", "DISBURSED", undefined, true],
  ["DISBURSED", "DEFAULTED", undefined, true],
  ["DEFAULTED", "WRITTEN_OFF", undefined, true],
  ["DISBURSED", "REPAID", 0n, true],
  ["DEFAULTED", "REPAID", 0n, true],
  ["DISBURSED", "REPAID", 5n, false],
  ["DISBURSED", "REPAID", undefined, false],
  ["DRAFT", "APPROVED", undefined, false],
  ["SUBMITTED", "APPROVED", undefined, false],
  ["DECLINED", "APPROVED", undefined, false],
  ["APPROVED", "REPAID", 0n, false],
  ["DISBURSED", "WRITTEN_OFF", undefined, false],
  ["REPAID", "DEFAULTED", undefined, false],
  ["WRITTEN_OFF", "REPAID", 0n, false],
  ["DISBURSED", "DISBURSED", undefined, false],
];

describe("facility rules (table)", () => {
  it("has at least 30 cases", () => {
    const total =
      eligibilityCases.length +
      fxCases.length +
      feeCases.length +
      recoupCases.length +
      ledgerCases.length +
      paymentCases.length +
      transitionCases.length;
    expect(total).toBeGreaterThanOrEqual(30);
  });

  it.each(eligibilityCases)("eligibility: $name", ({ input, eligibleBase, broken, limits }) => {
    const result = eligibility({ ...BASE, ...input });
    expect(result.eligibleBase).toBe(eligibleBase);
    expect(breaches(result).map((l) => l.rule)).toEqual(broken);
    expect(result.ok).toBe(broken.length === 0);
    expect(result.limits.map((l) => l.rule)).toEqual(["ELIGIBLE_BASE", "MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"]);
    for (const l of result.limits) {
      expect(l.requested).toBe(input.amountMinor ?? BASE.amountMinor);
      expect(l.ok).toBe(l.used + l.requested <= l.limit);
    }
    for (const [rule, value] of Object.entries(limits ?? {})) {
      expect(result.limits.find((l) => l.rule === rule)?.limit).toBe(value);
    }
  });

  it("eligibility states the numbers of each limit", () => {
    const r = eligibility({
      ...BASE,
      principalOutstandingOnDealMinor: 1n,
      totalPrincipalOutstandingMinor: 7n,
      principalOutstandingSameLicenseeMinor: 3n,
    });
    expect(r.limits).toEqual([
      { rule: "ELIGIBLE_BASE", limit: 70_000_000n, used: 1n, requested: 10_000_000n, ok: true },
      { rule: "MAX_PER_DEAL", limit: 50_000_000n, used: 0n, requested: 10_000_000n, ok: true },
      { rule: "CAPACITY", limit: 1_000_000_000n, used: 7n, requested: 10_000_000n, ok: true },
      { rule: "LICENSEE_CONCENTRATION", limit: 250_000_000n, used: 3n, requested: 10_000_000n, ok: true },
    ]);
    expect(() => eligibility({ ...BASE, amountMinor: -1n })).toThrow(new RangeError("An advance amount cannot be negative."));
  });

  it("eligibility after FX: a KRW deal against a USD facility", () => {
    const mg = convert(1_333_333_333n, "KRW", "USD", "0.00075"); // 999,999.99975 USD → 99,999,999.975 cents → 100,000,000
    expect(mg).toBe(100_000_000n);
    expect(eligibility({ ...BASE, mgContractedMinor: mg }).eligibleBase).toBe(70_000_000n);
  });

  it.each(fxCases)("convert: $name", ({ amount, from, to, rate, expected }) => {
    expect(convert(amount, from, to, rate)).toBe(expected);
  });

  it("convert refuses bad rates and unknown currencies, saying which", () => {
    expect(() => convert(1n, "USD", "USD", "1.1")).toThrow(new RangeError("A USD→USD rate must be 1, not 1.1."));
    for (const rate of ["0", "0.000", "-1", "1e3", "", " 1", "1 ", "1.", ".5", "1.1234567890123456789"]) {
      expect(() => convert(1n, "USD", "EUR", rate), rate).toThrow(new RangeError(`Invalid FX rate "${rate}".`));
    }
    // The rate is checked before the currencies.
    expect(() => convert(1n, "USD", "XAU", "0")).toThrow(new RangeError('Invalid FX rate "0".'));
    expect(() => convert(1n, "USD", "XAU", "1")).toThrow(new UnknownReferenceCodeError("currency", ["XAU"]));
    expect(() => convert(1n, "XAU", "USD", "1")).toThrow(new UnknownReferenceCodeError("currency", ["XAU"]));
    expect(() => convert(1n, "XAU", "XAU", "1")).toThrow(new UnknownReferenceCodeError("currency", ["XAU"]));
    // A rate of 1 written with decimals is still 1; the smallest and largest rates the shape allows work.
    expect(convert(5n, "USD", "USD", "1.000")).toBe(5n);
    expect(convert(10n ** 18n, "USD", "EUR", "0.000000000000000001")).toBe(1n);
    expect(convert(1n, "JPY", "KRW", "999999999999999999")).toBe(999_999_999_999_999_999n);
  });

  it("convert converts negative amounts symmetrically (a correction), rounding half-even", () => {
    expect(convert(-1_000_000n, "KRW", "USD", "0.00075")).toBe(-75_000n);
    expect(convert(-3n, "KRW", "USD", "0.005")).toBe(-2n);
    expect(convert(-1n, "KRW", "USD", "0.005")).toBe(0n);
  });

  it.each(feeCases)("fee: $name", ({ principal, feePct, fee }) => {
    const entries = disbursementEntries(principal, feePct);
    expect(entries[0]).toEqual({ kind: "DISBURSEMENT", amountMinor: principal });
    expect(entries.slice(1)).toEqual(fee === null ? [] : [{ kind: "FEE", amountMinor: fee }]);
    expect(balances(entries)).toEqual({ principal, fee: fee ?? 0n, owed: principal + (fee ?? 0n) });
  });

  it.each(recoupCases)("recoup: $name", ({ advances, receipt, pool, sweepPct, sweep, entries, repaid }) => {
    const result = recoup(advances, receipt, pool, sweepPct);
    expect(result.sweep).toBe(sweep);
    expect(result.entries.map((e) => [e.advanceId, e.feePart, e.principalPart])).toEqual(entries);
    expect(result.entries.reduce((s, e) => s + e.amountMinor, 0n)).toBe(sweep);
    expect(result.repaid).toEqual(repaid);
  });

  it("recoup refuses a negative receipt or pool, and a pool above the receipt, before anything else", () => {
    const negative = new RangeError("A receipt and its pool cannot be negative.");
    expect(() => recoup([A], -1n, 0n, "100")).toThrow(negative);
    expect(() => recoup([A], 10n, -1n, "100")).toThrow(negative);
    // Checked before the advances: a malformed advance does not hide the receipt's problem.
    expect(() => recoup([{ ...A, owedMinor: 1n }], -1n, -2n, "100")).toThrow(negative);
    const poolAbove = new RangeError("The creators' pool cannot exceed the receipt.");
    expect(() => recoup([A], 10n, 11n, "100")).toThrow(poolAbove);
    expect(() => recoup([{ ...A, owedMinor: 1n }], 0n, 1n, "100")).toThrow(poolAbove);
    // At the bounds: a zero receipt, and a pool equal to the receipt, are fine.
    expect(recoup([A], 0n, 0n, "100")).toEqual({ sweep: 0n, entries: [], repaid: [] });
    expect(recoup([A], 10n, 10n, "100")).toEqual({ sweep: 0n, entries: [], repaid: [] });
  });

  it("recoup refuses an advance whose owed is not fee + principal, or has a negative part, naming it", () => {
    const bad = (a: OwingAdvance) => () => recoup([B, a], 10n, 0n, "100");
    const named = new RangeError("Advance a: owed must be fee + principal, none negative.");
    expect(bad({ ...A, owedMinor: 1_099n })).toThrow(named);
    expect(bad({ ...A, owedMinor: 1_101n })).toThrow(named);
    expect(bad({ ...A, feeOwedMinor: -1n, owedMinor: 999n })).toThrow(named);
    expect(bad({ ...A, principalOwedMinor: -1n, owedMinor: 99n })).toThrow(named);
    // A zero part is fine.
    expect(recoup([{ ...A, feeOwedMinor: 0n, owedMinor: 1_000n }], 10n, 0n, "100").entries).toEqual([
      { advanceId: "a", kind: "RECOUPMENT", amountMinor: 10n, feePart: 0n, principalPart: 10n },
    ]);
  });

  it("recoup writes complete RECOUPMENT entries, and marks repaid only the advances it clears", () => {
    expect(recoup([A, B], 1_100n, 0n, "100")).toEqual({
      sweep: 1_100n,
      entries: [{ advanceId: "a", kind: "RECOUPMENT", amountMinor: 1_100n, feePart: 100n, principalPart: 1_000n }],
      repaid: ["a"],
    });
    // One unit short of clearing A: nothing is repaid, and B is not touched.
    expect(recoup([A, B], 1_099n, 0n, "100")).toEqual({
      sweep: 1_099n,
      entries: [{ advanceId: "a", kind: "RECOUPMENT", amountMinor: 1_099n, feePart: 100n, principalPart: 999n }],
      repaid: [],
    });
  });

  it("recoup sweeps a share of what the pool leaves, rounded half-even, capped at the total owed", () => {
    // (10,000 − 2,000) × 12.5% = 1,000 exactly.
    expect(recoup([A, B], 10_000n, 2_000n, "12.5").sweep).toBe(1_000n);
    // (10,000 − 2,001) × 12.5% = 999.875 → 1,000.
    expect(recoup([A, B], 10_000n, 2_001n, "12.5").sweep).toBe(1_000n);
    // Owed 1,650 in total: a sweep of exactly that is not capped, one of more is.
    expect(recoup([A, B], 1_650n, 0n, "100").sweep).toBe(1_650n);
    expect(recoup([A, B], 1_651n, 0n, "100").sweep).toBe(1_650n);
  });

  it.each(ledgerCases)("balances: $name", ({ entries, expected }) => {
    expect(balances(entries)).toEqual(expected);
  });

  it("balances refuse malformed entries, naming the kind", () => {
    expect(() => balances([disb(0n)])).toThrow(new RangeError("A DISBURSEMENT entry must be positive."));
    expect(() => balances([disb(-5n)])).toThrow(new RangeError("A DISBURSEMENT entry must be positive."));
    expect(() => balances([disb(1_000n), fee(0n)])).toThrow(new RangeError("A FEE entry must be positive."));
    expect(() => balances([disb(1_000n), rec(0n, 0n)])).toThrow(new RangeError("A RECOUPMENT entry must be positive."));
    const parts = (kind: string) => new RangeError(`A ${kind} entry's parts must be non-negative and sum to its amount.`);
    expect(() => balances([{ kind: "RECOUPMENT", amountMinor: 10n, feePart: 5n, principalPart: 4n }])).toThrow(parts("RECOUPMENT"));
    expect(() => balances([{ kind: "RECOUPMENT", amountMinor: 10n, feePart: 5n, principalPart: 6n }])).toThrow(parts("RECOUPMENT"));
    expect(() => balances([{ kind: "WRITE_OFF", amountMinor: 10n, feePart: -1n, principalPart: 11n }])).toThrow(parts("WRITE_OFF"));
    expect(() => balances([{ kind: "WRITE_OFF", amountMinor: 10n, feePart: 11n, principalPart: -1n }])).toThrow(parts("WRITE_OFF"));
  });

  it("entryEffect gives each kind its sign", () => {
    expect(entryEffect(disb(7n))).toEqual({ principal: 7n, fee: 0n });
    expect(entryEffect(fee(3n))).toEqual({ principal: 0n, fee: 3n });
    expect(entryEffect(rec(2n, 5n))).toEqual({ principal: -5n, fee: -2n });
    expect(entryEffect(wo(0n, 9n))).toEqual({ principal: -9n, fee: 0n });
    expect(ZERO_BALANCES).toEqual({ principal: 0n, fee: 0n, owed: 0n });
    expect(Object.isFrozen(ZERO_BALANCES)).toBe(true);
  });

  it("applyPayment refuses a negative payment; a zero payment applies nothing", () => {
    const owing = { principal: 1_000n, fee: 20n, owed: 1_020n };
    expect(() => applyPayment(owing, -1n)).toThrow(new RangeError("A payment cannot be negative."));
    expect(applyPayment(owing, 0n)).toEqual({ feePart: 0n, principalPart: 0n, applied: 0n, unapplied: 0n });
    expect(recoupmentEntry(owing, 0n)).toBeNull();
    expect(() => recoupmentEntry(owing, -1n)).toThrow(new RangeError("A payment cannot be negative."));
  });

  it("applyPayment never pays into a negative fee or principal (an over-recouped ledger)", () => {
    expect(applyPayment({ principal: 100n, fee: -5n, owed: 95n }, 50n)).toEqual({
      feePart: 0n,
      principalPart: 50n,
      applied: 50n,
      unapplied: 0n,
    });
    expect(applyPayment({ principal: -5n, fee: 20n, owed: 15n }, 50n)).toEqual({
      feePart: 20n,
      principalPart: 0n,
      applied: 20n,
      unapplied: 30n,
    });
    expect(writeOffEntry({ principal: -5n, fee: 0n, owed: -5n })).toBeNull();
    expect(writeOffEntry({ principal: 0n, fee: 3n, owed: 3n })).toEqual({
      kind: "WRITE_OFF",
      amountMinor: 3n,
      feePart: 3n,
      principalPart: 0n,
    });
  });

  it("a disbursement must be positive: zero and negative principals are refused", () => {
    const message = new RangeError("A disbursement must be positive.");
    expect(() => disbursementEntries(0n, "2")).toThrow(message);
    expect(() => disbursementEntries(-100n, "2")).toThrow(message);
    expect(disbursementEntries(1n, "0")).toEqual([{ kind: "DISBURSEMENT", amountMinor: 1n }]);
    // 150 × 1% = 1.5 → 2; 50 × 1% = 0.5 → 0, and a zero fee writes no entry.
    expect(disbursementEntries(150n, "1")).toEqual([
      { kind: "DISBURSEMENT", amountMinor: 150n },
      { kind: "FEE", amountMinor: 2n },
    ]);
    expect(disbursementEntries(50n, "1")).toEqual([{ kind: "DISBURSEMENT", amountMinor: 50n }]);
  });

  it.each(paymentCases)("applyPayment: $name", ({ balances: b, amount, feePart, principalPart, unapplied }) => {
    expect(applyPayment(b, amount)).toEqual({ feePart, principalPart, applied: feePart + principalPart, unapplied });
  });

  it("write-off: a defaulted advance still recoups, then the rest is written off fee first", () => {
    const ledger: LedgerEntry[] = [...disbursementEntries(100_000n, "2")]; // 100,000 + fee 2,000
    const r = recoupmentEntry(balances(ledger), 1_500n)!;
    expect(r).toEqual({ kind: "RECOUPMENT", amountMinor: 1_500n, feePart: 1_500n, principalPart: 0n });
    ledger.push(r);
    const w = writeOffEntry(balances(ledger))!;
    expect(w).toEqual({ kind: "WRITE_OFF", amountMinor: 100_500n, feePart: 500n, principalPart: 100_000n });
    ledger.push(w);
    expect(balances(ledger)).toEqual({ principal: 0n, fee: 0n, owed: 0n });
    expect(writeOffEntry(balances(ledger))).toBeNull();
    expect(recoupmentEntry(balances(ledger), 10n)).toBeNull();
  });

  it("canTransition allows exactly the moves of the status machine, and nothing else", () => {
    // PRODUCT.md §6, written out: every other pair of statuses is refused.
    const allowed = new Set([
      "DRAFT→SUBMITTED",
      "SUBMITTED→UNDER_REVIEW",
      "UNDER_REVIEW→APPROVED",
      "UNDER_REVIEW→DECLINED",
      "APPROVED→DISBURSED",
      "DISBURSED→REPAID",
      "DISBURSED→DEFAULTED",
      "DEFAULTED→REPAID",
      "DEFAULTED→WRITTEN_OFF",
    ]);
    expect(ADVANCE_STATUSES).toEqual([
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "APPROVED",
      "DECLINED",
      "DISBURSED",
      "REPAID",
      "DEFAULTED",
      "WRITTEN_OFF",
    ]);
    for (const from of ADVANCE_STATUSES) {
      for (const to of ADVANCE_STATUSES) {
        expect(canTransition(from, to, { owedMinor: 0n }), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
      }
    }
    expect(OUTSTANDING_STATUSES).toEqual(["DISBURSED", "DEFAULTED"]);
  });

  it("the ledger kinds and the limit rules are the names the API uses", () => {
    expect(LEDGER_KINDS).toEqual(["DISBURSEMENT", "FEE", "RECOUPMENT", "WRITE_OFF"]);
    expect(LIMIT_RULES).toEqual(["ELIGIBLE_BASE", "MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"]);
  });

  it.each(transitionCases)("canTransition %s → %s (owed %s) = %s", (from, to, owed, expected) => {
    expect(canTransition(from, to, owed === undefined ? {} : { owedMinor: owed })).toBe(expected);
  });
});

/** mulberry32: a small seeded PRNG so failures reproduce. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  const big = (maxExclusive: bigint) => (BigInt(int(2 ** 30)) * BigInt(2 ** 23) + BigInt(int(2 ** 23))) % maxExclusive;
  return { next, int, big };
}

describe("facility rules (randomised)", () => {
  it("balances always equal the ledger sums and never go negative", () => {
    const PCTS = ["0", "1", "2.5", "3.3333", "10", "12.5"];
    for (let seed = 1; seed <= 200; seed++) {
      const r = prng(seed);
      const ledger: LedgerEntry[] = [];
      // Independently maintained running totals, to check `balances` against.
      let principal = 0n;
      let feeOut = 0n;
      let recouped = 0n;
      for (const e of disbursementEntries(1n + r.big(10n ** 12n), PCTS[r.int(PCTS.length)]!)) {
        ledger.push(e);
        if (e.kind === "DISBURSEMENT") principal += e.amountMinor;
        else feeOut += e.amountMinor;
      }
      const disbursed = principal + feeOut;
      for (let step = 0; step < 30; step++) {
        const before = balances(ledger);
        const amount = r.int(4) === 0 ? r.big(before.owed * 2n + 2n) : r.big(before.owed / 5n + 2n);
        const entry = r.int(10) === 0 ? writeOffEntry(before) : recoupmentEntry(before, amount);
        if (entry) {
          // Fee first: principal is touched only once the fee is cleared.
          if (entry.principalPart > 0n) expect(entry.feePart).toBe(before.fee);
          ledger.push(entry);
          principal -= entry.principalPart;
          feeOut -= entry.feePart;
          recouped += entry.amountMinor;
        }
        const after = balances(ledger);
        expect(after).toEqual({ principal, fee: feeOut, owed: principal + feeOut });
        expect(after.principal >= 0n && after.fee >= 0n).toBe(true);
        expect(after.owed + recouped).toBe(disbursed);
      }
    }
  });

  it("recoupment across advances allocates exactly the sweep, oldest first, never over-paying", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = prng(seed * 7919);
      const n = 1 + r.int(5);
      const ledgers = new Map<string, LedgerEntry[]>();
      const advances: OwingAdvance[] = [];
      for (let i = 0; i < n; i++) {
        const id = `adv-${i}`;
        const entries = disbursementEntries(1n + r.big(10n ** 9n), ["0", "2", "5.5"][r.int(3)]!);
        ledgers.set(id, entries);
        const b = balances(entries);
        advances.push({
          id,
          disbursedAt: new Date(Date.UTC(2026, 0, 1 + r.int(60))),
          owedMinor: b.owed,
          feeOwedMinor: b.fee,
          principalOwedMinor: b.principal,
        });
      }
      const totalOwed = advances.reduce((s, a) => s + a.owedMinor, 0n);
      const receipt = r.big(totalOwed * 2n + 1n);
      const pool = r.big(receipt + 1n);
      const result = recoup(advances, receipt, pool, ["100", "50", "33.3333"][r.int(3)]!);
      expect(result.sweep <= totalOwed).toBe(true);
      expect(result.entries.reduce((s, e) => s + e.amountMinor, 0n)).toBe(result.sweep);
      // Oldest first: every advance before the last one paid is repaid in full.
      const paid = result.entries.map((e) => e.advanceId);
      for (const id of paid.slice(0, -1)) expect(result.repaid).toContain(id);
      for (const e of result.entries) {
        const ledger = ledgers.get(e.advanceId)!;
        const { advanceId: _, ...entry } = e;
        ledger.push(entry);
        const b = balances(ledger);
        expect(b.principal >= 0n && b.fee >= 0n).toBe(true);
        expect(b.owed === 0n).toBe(result.repaid.includes(e.advanceId));
      }
    }
  });
});

describe("facility schemas", () => {
  const settings = {
    currency: "JPY",
    capacity: { amount: "1000000000", currency: "JPY" },
    advanceRatePct: "70",
    maxPerDeal: { amount: "50000000", currency: "JPY" },
    maxPerLicenseePct: "25",
    feePct: "2",
  };

  it("accepts facility settings and defaults sweepPct to 100", () => {
    const parsed = facilitySettingsSchema.parse(settings);
    expect(parsed.sweepPct).toBe("100");
  });

  it("refuses decimals in a zero-decimal currency and a foreign currency", () => {
    expect(facilitySettingsSchema.safeParse({ ...settings, capacity: { amount: "1000.5", currency: "JPY" } }).success).toBe(false);
    expect(facilitySettingsSchema.safeParse({ ...settings, maxPerDeal: { amount: "1000", currency: "USD" } }).success).toBe(false);
    expect(facilitySettingsSchema.safeParse({ ...settings, feePct: "101" }).success).toBe(false);
    expect(facilitySettingsSchema.safeParse({ ...settings, currency: "XAU" }).success).toBe(false);
  });

  it("validates applications and decisions", () => {
    const dealId = "6f1c2a57-9c4e-4b5e-8a11-0f5b7a2d9e10";
    expect(advanceApplicationSchema.safeParse({ dealId, amount: { amount: "1000.00", currency: "USD" }, purpose: "Dubbing" }).success).toBe(
      true,
    );
    expect(advanceApplicationSchema.safeParse({ dealId, amount: { amount: "0.00", currency: "USD" }, purpose: "Dubbing" }).success).toBe(
      false,
    );
    expect(advanceApplicationSchema.safeParse({ dealId, amount: { amount: "10.5", currency: "KRW" }, purpose: "Dubbing" }).success).toBe(
      false,
    );
    expect(advanceApplicationSchema.safeParse({ dealId, amount: { amount: "10", currency: "USD" }, purpose: " " }).success).toBe(false);
    expect(advanceDecisionSchema.safeParse({ decision: "DECLINED" }).success).toBe(false);
    expect(advanceDecisionSchema.safeParse({ decision: "DECLINED", reason: "Concentration" }).success).toBe(true);
    expect(
      advanceDecisionSchema.safeParse({ decision: "APPROVED", amount: { amount: "500.00", currency: "USD" }, conditions: "Delivery first" })
        .success,
    ).toBe(true);
  });
});

describe("coolingLeftMs", () => {
  const joined = new Date("2026-12-01T10:00:00Z");
  it("counts down from the moment of joining for the given hours", () => {
    expect(coolingLeftMs(joined, new Date("2026-12-01T10:00:00Z"), 24)).toBe(24 * 3_600_000);
    expect(coolingLeftMs(joined, new Date("2026-12-02T09:59:59Z"), 24)).toBe(1000);
    expect(coolingLeftMs(joined, new Date("2026-12-02T10:00:00Z"), 24)).toBe(0);
    expect(coolingLeftMs(joined, new Date("2026-12-03T10:00:00Z"), 24)).toBe(-24 * 3_600_000);
    expect(coolingLeftMs(joined, new Date("2026-12-01T11:30:00Z"), 2)).toBe(30 * 60_000);
    expect(coolingLeftMs(joined, new Date("2026-12-01T10:00:00Z"), 0)).toBe(0);
  });
});
