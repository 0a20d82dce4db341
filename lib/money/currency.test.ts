import { describe, expect, it } from "vitest";
import { money, moneyOf } from "./currency";
import { trimDecimal } from "./money";

describe("money in a currency", () => {
  it.each([
    [125_000_000n, "USD", "1250000.00"],
    [-5n, "USD", "-0.05"],
    [1_000n, "JPY", "1000"],
    [1_500n, "BHD", "1.500"],
    [0n, "KRW", "0"],
  ])("%s minor units of %s is %s", (minor, currency, amount) => {
    expect(money(minor, currency)).toEqual({ amount, currency });
    expect(moneyOf(currency)(minor)).toEqual({ amount, currency });
  });

  it("refuses a currency without minor units", () => {
    expect(() => money(1n, "XAU")).toThrow(/XAU/);
  });
});

describe("trimDecimal", () => {
  it.each([
    ["7.123400000000", "7.1234"],
    ["12.50", "12.5"],
    ["3.000", "3"],
    ["100", "100"],
    ["0.000000000001", "0.000000000001"],
  ])("%s → %s", (value, trimmed) => {
    expect(trimDecimal(value)).toBe(trimmed);
  });
});
