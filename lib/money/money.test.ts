import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { currencyCodeSchema, D, formatAmount, moneySchema, parseAmount, percentOf, percentSchema, roundMinor } from "./money";

/** The messages a schema gives for `value` (empty when it accepts it). */
const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

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

  it("parses and formats negative amounts (a refund, a negative balance)", () => {
    expect(parseAmount("-1.50", 2)).toBe(-150n);
    expect(parseAmount("-7", 0)).toBe(-7n);
    expect(formatAmount(-150n, 2)).toBe("-1.50");
    expect(formatAmount(-7n, 0)).toBe("-7");
  });

  it("formats zero and amounts below one major unit without a sign and with a leading zero", () => {
    expect(formatAmount(0n, 2)).toBe("0.00");
    expect(formatAmount(0n, 0)).toBe("0");
    expect(formatAmount(5n, 3)).toBe("0.005");
    expect(formatAmount(1n, 2)).toBe("0.01");
  });

  it("pads a whole amount and a short fraction to the currency's digits", () => {
    expect(parseAmount("5", 3)).toBe(5_000n);
    expect(parseAmount("5.1", 3)).toBe(5_100n);
    expect(parseAmount("0", 2)).toBe(0n);
  });

  it("refuses more digits than the currency has, and junk", () => {
    expect(parseAmount("1.5", 0)).toBeNull();
    expect(parseAmount("1.001", 2)).toBeNull();
    expect(parseAmount("1e5", 2)).toBeNull();
    expect(parseAmount("", 2)).toBeNull();
    expect(parseAmount("1.", 2)).toBeNull();
    expect(parseAmount(".5", 2)).toBeNull();
    expect(parseAmount("+1", 2)).toBeNull();
    expect(parseAmount("--1", 2)).toBeNull();
    expect(parseAmount("1.00 ", 2)).toBeNull();
    expect(parseAmount(" 1.00", 2)).toBeNull();
    expect(parseAmount("1,000.00", 2)).toBeNull();
  });

  it("takes at most 18 whole digits", () => {
    expect(parseAmount("999999999999999999", 0)).toBe(999_999_999_999_999_999n);
    expect(parseAmount("1000000000000000000", 0)).toBeNull();
  });

  it("rounds half-even", () => {
    expect(roundMinor(new D("2.5"))).toBe(2n);
    expect(roundMinor(new D("3.5"))).toBe(4n);
    expect(roundMinor(new D("-2.5"))).toBe(-2n);
    expect(roundMinor(new D("2.5000000001"))).toBe(3n);
    expect(percentOf(5n, "50")).toBe(2n); // 2.5 → 2
    expect(percentOf(7n, "50")).toBe(4n); // 3.5 → 4
    expect(formatAmount(-5n, 2)).toBe("-0.05");
  });

  it("keeps 50 significant digits, so a percentage of a 20-digit amount is exact to the unit", () => {
    // 99,999,999,999,999,999,999 × 33.3333% = 33,333,299,999,999,999,999.66667 → …000 (rounded up).
    expect(percentOf(99_999_999_999_999_999_999n, "33.3333")).toBe(33_333_300_000_000_000_000n);
    expect(percentOf(12_345_678_901_234_567_891n, "0.0001")).toBe(12_345_678_901_235n);
    expect(percentOf(-7n, "50")).toBe(-4n);
  });
});

describe("percentSchema", () => {
  it("refuses malformed and out-of-range percentages as validation errors, never throwing", () => {
    for (const bad of ["ten", "", "1e2", "-5", "100.5", "101", "1000", "12.34567", " 12", "12 ", "12.", ".5"]) {
      expect(percentSchema.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ["0", "12.5", "100", "99.9999", "100.0000"]) expect(percentSchema.safeParse(good).success, good).toBe(true);
  });

  it("says what is wrong: the shape first, alone, then the range", () => {
    expect(messages(percentSchema, "ten")).toEqual(['Use a percentage as a decimal string, e.g. "12.5".']);
    expect(messages(percentSchema, "100.0001")).toEqual(["A percentage cannot exceed 100."]);
    expect(messages(percentSchema, "999")).toEqual(["A percentage cannot exceed 100."]);
  });

  it("documents itself for the OpenAPI document with an example it accepts", () => {
    expect(percentSchema.meta()).toEqual({ description: "Percentage as a decimal string, 0–100, up to 4 decimals.", example: "12.5" });
    expect(percentSchema.safeParse(percentSchema.meta()?.example).success).toBe(true);
  });
});

describe("currencyCodeSchema", () => {
  it.each(["USD", "CNY", "KRW", "XAU"])("accepts the shape of %s (whether money can be dealt in it is checked elsewhere)", (code) => {
    expect(currencyCodeSchema.parse(code)).toBe(code);
  });

  it.each([
    ["usd", "lower case"],
    ["Usd", "mixed case"],
    ["US", "two letters"],
    ["USDX", "a fourth letter after"],
    ["XUSD", "a letter before"],
    ["US1", "a digit"],
    [" USD", "a leading space"],
    ["USD ", "a trailing space"],
    ["USD\n", "a trailing newline"],
    ["", "nothing"],
  ])("refuses %j (%s), saying what a code looks like", (code) => {
    expect(messages(currencyCodeSchema, code)).toEqual(["Use an ISO 4217 currency code, e.g. USD."]);
  });

  it("refuses a non-string", () => {
    expect(currencyCodeSchema.safeParse(840).success).toBe(false);
  });

  it("documents an example it accepts", () => {
    expect(currencyCodeSchema.meta()).toEqual({ example: "USD" });
  });
});

describe("moneySchema", () => {
  const AMOUNT = 'Use a non-negative decimal string, e.g. "1250000.00".';

  it.each(["0", "0.00", "1250000.00", "1.5", "1.2345", "999999999999999999", "999999999999999999.9999"])(
    "accepts the amount %s",
    (amount) => {
      expect(moneySchema.parse({ amount, currency: "USD" })).toEqual({ amount, currency: "USD" });
    },
  );

  it.each([
    ["-1.00", "negative"],
    ["1.23456", "five decimals"],
    ["1000000000000000000", "19 whole digits"],
    ["1.", "a point without decimals"],
    [".50", "no whole digit"],
    ["1e3", "an exponent"],
    ["1,000.00", "a thousands separator"],
    ["USD 1.00", "text before"],
    ["1.00 USD", "text after"],
    [" 1.00", "a leading space"],
    ["1.00\n", "a trailing newline"],
    ["", "nothing"],
  ])("refuses the amount %j (%s) on the amount field", (amount) => {
    const result = moneySchema.safeParse({ amount, currency: "USD" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["amount", AMOUNT]]);
  });

  it("refuses a number for the amount (money never travels as a float)", () => {
    expect(moneySchema.safeParse({ amount: 12.5, currency: "USD" }).error?.issues.map((i) => i.path.join("."))).toEqual(["amount"]);
  });

  it("checks the currency with currencyCodeSchema, on the currency field", () => {
    const result = moneySchema.safeParse({ amount: "1.00", currency: "usd" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["currency", "Use an ISO 4217 currency code, e.g. USD."],
    ]);
    expect(moneySchema.safeParse({ amount: "1.00" }).error?.issues.map((i) => i.path.join("."))).toEqual(["currency"]);
  });

  it("is the Money component of the OpenAPI document", () => {
    expect(moneySchema.meta()).toEqual({ id: "Money", description: "An amount with exactly the currency's minor-unit digits." });
  });
});
