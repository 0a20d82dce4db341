import { describe, expect, it } from "vitest";
import { documentProblem } from "./documents";
import { add, clampZero, exponentOf, fromMinor, subtract, toMinor } from "./money";
import { previewLimits } from "./preview";
import type { EligibilityView } from "./types";

const usd = (amount: string) => ({ amount, currency: "USD" });

/** The server's figures at amount 0 for a USD facility: base 70,000.00 with 10,000.00 used on the deal. */
const base: EligibilityView = {
  date: "2026-11-28",
  eligibleBase: usd("60000.00"),
  grossBase: usd("70000.00"),
  advanceRatePct: "70",
  maxPerLicenseePct: "60",
  mgContracted: usd("100000.00"),
  mgReceived: usd("0.00"),
  mgContractedConverted: null,
  mgReceivedConverted: null,
  principalOutstandingOnDeal: usd("10000.00"),
  approvedUndisbursedOnDeal: usd("0.00"),
  limits: [
    { rule: "ELIGIBLE_BASE", limit: usd("70000.00"), used: usd("10000.00"), requested: usd("0.00"), available: usd("60000.00"), ok: true },
    { rule: "MAX_PER_DEAL", limit: usd("50000.00"), used: usd("0.00"), requested: usd("0.00"), available: usd("50000.00"), ok: true },
    { rule: "CAPACITY", limit: usd("5000000.00"), used: usd("4990000.00"), requested: usd("0.00"), available: usd("10000.00"), ok: true },
    {
      rule: "LICENSEE_CONCENTRATION",
      limit: usd("3000000.00"),
      used: usd("0.00"),
      requested: usd("0.00"),
      available: usd("3000000.00"),
      ok: true,
    },
  ],
  ok: true,
};

const verdicts = (amount: string) => Object.fromEntries(previewLimits(base, amount).limits.map((l) => [l.rule, l.ok]));

describe("previewLimits", () => {
  it.each([
    ["", { ELIGIBLE_BASE: true, MAX_PER_DEAL: true, CAPACITY: true, LICENSEE_CONCENTRATION: true }],
    ["10000.00", { ELIGIBLE_BASE: true, MAX_PER_DEAL: true, CAPACITY: true, LICENSEE_CONCENTRATION: true }],
    // At a limit is allowed; one cent over is not.
    ["10000.01", { ELIGIBLE_BASE: true, MAX_PER_DEAL: true, CAPACITY: false, LICENSEE_CONCENTRATION: true }],
    ["50000.01", { ELIGIBLE_BASE: true, MAX_PER_DEAL: false, CAPACITY: false, LICENSEE_CONCENTRATION: true }],
    ["60000.01", { ELIGIBLE_BASE: false, MAX_PER_DEAL: false, CAPACITY: false, LICENSEE_CONCENTRATION: true }],
    // Thousands separators are what people type; too many decimals is no amount (0) at all.
    ["1,000", { ELIGIBLE_BASE: true, MAX_PER_DEAL: true, CAPACITY: true, LICENSEE_CONCENTRATION: true }],
    ["99999999.001", { ELIGIBLE_BASE: true, MAX_PER_DEAL: true, CAPACITY: true, LICENSEE_CONCENTRATION: true }],
  ])("%s", (amount, expected) => {
    expect(verdicts(amount)).toEqual(expected);
  });

  it("carries the requested amount with the currency's digits and an overall verdict", () => {
    const result = previewLimits(base, "1,234.5");
    expect(result.limits.map((l) => l.requested)).toEqual(Array(4).fill(usd("1234.50")));
    expect(result.ok).toBe(true);
    expect(previewLimits(base, "10000.01").ok).toBe(false);
  });
});

describe("money helpers", () => {
  it("keeps exact minor units for two- and zero-decimal currencies", () => {
    expect(exponentOf(usd("1.00"))).toBe(2);
    expect(exponentOf({ amount: "1500", currency: "JPY" })).toBe(0);
    expect(toMinor(usd("1234567890123.45"))).toBe(123456789012345n);
    expect(fromMinor(5n, usd("0.00"))).toEqual(usd("0.05"));
    expect(add(usd("0.10"), usd("0.20"))).toEqual(usd("0.30"));
    expect(subtract({ amount: "100", currency: "KRW" }, { amount: "250", currency: "KRW" })).toEqual({ amount: "-150", currency: "KRW" });
    expect(clampZero(usd("-0.01"))).toEqual(usd("0.00"));
  });
});

describe("documentProblem", () => {
  it.each([
    [{ name: "contract.pdf", size: 1000, type: "application/pdf" }, null],
    [{ name: "scan.JPG", size: 1000, type: "" }, null],
    [{ name: "budget.xlsx", size: 10 * 1024 * 1024, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, null],
    [{ name: "budget.xlsx", size: 10 * 1024 * 1024 + 1, type: "" }, "tooLarge"],
    [{ name: "empty.pdf", size: 0, type: "application/pdf" }, "empty"],
    [{ name: "run.exe", size: 10, type: "application/x-msdownload" }, "type"],
    [{ name: "notes.txt", size: 10, type: "text/plain" }, "type"],
  ])("%o → %s", (file, expected) => {
    expect(documentProblem(file)).toBe(expected);
  });
});
