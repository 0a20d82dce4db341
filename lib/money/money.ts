import Decimal from "decimal.js";
import { z } from "zod";

/**
 * Money is an integer count of the currency's minor units (bigint) plus an ISO 4217 code, and
 * travels as `{ amount: "1250000.00", currency: "USD" }` with exactly the currency's minor-unit
 * digits. All arithmetic goes through decimal.js or bigint; never a JavaScript float.
 */
export type Money = { amount: string; currency: string };

// Precision high enough for any cumulative sum of bigint minor units times a percentage.
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof D>;

/** "1250000.00" → 125000000n for an exponent of 2; refuses more digits than the currency has. */
export function parseAmount(amount: string, exponent: number): bigint | null {
  const match = /^(-?)(\d{1,18})(?:\.(\d+))?$/.exec(amount);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > exponent) return null;
  const minor = BigInt(whole! + fraction.padEnd(exponent, "0"));
  return sign === "-" ? -minor : minor;
}

/** 125000000n, exponent 2 → "1250000.00". */
export function formatAmount(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(-exponent)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** A decimal string without trailing zeros: "7.123400000000" → "7.1234", "12.50" → "12.5", "3.000" → "3". */
export function trimDecimal(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/** Rounds a decimal number of minor units to an integer, half-even. */
export function roundMinor(value: Dec): bigint {
  return BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
}

/** minor × pct / 100, rounded half-even to a whole minor unit. */
export function percentOf(minor: bigint, pct: string): bigint {
  return roundMinor(new D(minor.toString()).mul(pct).div(100));
}

export const percentSchema = z
  .string()
  // abort: a malformed string must not reach the decimal comparison below (it would throw).
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: 'Use a percentage as a decimal string, e.g. "12.5".', abort: true })
  .refine((v) => new D(v).lte(100), { error: "A percentage cannot exceed 100." })
  .meta({ description: "Percentage as a decimal string, 0–100, up to 4 decimals.", example: "12.5" });

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: "Use an ISO 4217 currency code, e.g. USD." })
  .meta({ example: "USD" });

/** Shape only; the amount's digits are checked against the currency's exponent on the server. */
export const moneySchema = z
  .object({
    amount: z.string().regex(/^\d{1,18}(\.\d{1,4})?$/, { error: 'Use a non-negative decimal string, e.g. "1250000.00".' }),
    currency: currencyCodeSchema,
  })
  .meta({ id: "Money", description: "An amount with exactly the currency's minor-unit digits." });
