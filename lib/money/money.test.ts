import { describe, expect, it } from "vitest";
import { D, formatAmount, parseAmount, percentOf, roundMinor } from "./money";

describe("money", () => {
  it.each([
    ["1250000.00", 2, 125000000n],
    ["0.01", 2, 1n],
    ["5", 2, 500n],
    ["1000", 0, 1000n],
    ["1.234", 3, 1234n],
    ["999999999999999999.99", 2, 99999999999999999999n],
  ])("parses %s with exponent %i", (amount, exp, minor) => {
    expect(parseAmount(amount, exp)).toBe(minor);
    expect(formatAmount(minor, exp)).toBe(exp === 0 ? amount : new D(amount).toFixed(exp));
  });

  it("refuses more digits than the currency has, and junk", () => {
    expect(parseAmount("1.5", 0)).toBeNull();
    expect(parseAmount("1.001", 2)).toBeNull();
    expect(parseAmount("1e5", 2)).toBeNull();
    expect(parseAmount("", 2)).toBeNull();
  });

  it("rounds half-even", () => {
    expect(roundMinor(new D("2.5"))).toBe(2n);
    expect(roundMinor(new D("3.5"))).toBe(4n);
    expect(roundMinor(new D("-2.5"))).toBe(-2n);
    expect(percentOf(5n, "50")).toBe(2n); // 2.5 → 2
    expect(percentOf(7n, "50")).toBe(4n); // 3.5 → 4
    expect(formatAmount(-5n, 2)).toBe("-0.05");
  });
});

describe("percentSchema", () => {
  it("refuses malformed and out-of-range percentages as validation errors, never throwing", async () => {
    const { percentSchema } = await import("./money");
    for (const bad of ["ten", "", "1e2", "-5", "100.5", "101"]) expect(percentSchema.safeParse(bad).success).toBe(false);
    for (const good of ["0", "12.5", "100", "99.9999"]) expect(percentSchema.safeParse(good).success).toBe(true);
  });
});
