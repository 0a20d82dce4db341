/**
 * Currency conversion, pure: every amount is a bigint count of minor units, every rate a decimal
 * string (units of `to` per 1 unit of `from`), and rounding is half-even, once, at the end. The
 * rate itself comes from `rateOn`/`pairOn` in ./queries (the latest on or before the date of the
 * money movement; direct, inverse or cross through USD). No I/O here.
 */
import { D, type Dec, roundMinor } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type Failure, fail } from "@/lib/result";

const RATE = /^\d{1,18}(\.\d{1,18})?$/;

/** `value` minor units of a currency with exponent `fromExp` in minor units of one with `toExp`. */
function rescale(value: Dec, fromExp: number, toExp: number): Dec {
  return value.mul(new D(10).pow(toExp - fromExp));
}

/**
 * Converts `amountMinor` minor units of `fromCurrency` into minor units of `toCurrency` at `rate`
 * (units of `to` per 1 unit of `from`), rounding half-even once, at the end. Both currencies'
 * exponents are respected: 1000 KRW (exp 0) at 0.00075 → 75 US cents; 1.00 USD (100) at 150.5 →
 * 150.5 → 150 JPY. The same currency needs no rate and is returned unchanged (a rate other than 1
 * would be a bug, so it throws).
 */
export function convert(amountMinor: bigint, fromCurrency: string, toCurrency: string, rate: string): bigint {
  if (!RATE.test(rate) || new D(rate).lte(0)) throw new RangeError(`Invalid FX rate "${rate}".`);
  const fromExp = minorUnits(fromCurrency);
  const toExp = minorUnits(toCurrency);
  if (fromCurrency === toCurrency) {
    if (!new D(rate).eq(1)) throw new RangeError(`A ${fromCurrency}→${toCurrency} rate must be 1, not ${rate}.`);
    return amountMinor;
  }
  return roundMinor(rescale(new D(amountMinor.toString()).mul(rate), fromExp, toExp));
}

/**
 * A dated rate from one currency to another, used in both directions with the same rate:
 * multiplying forwards, dividing backwards, rounding half-even once, at the end.
 */
export type FxPair = {
  from: string;
  to: string;
  /** Date of the rate used (null for the same currency). */
  date: string | null;
  /** 1 `from` = `rate` `to`. */
  rate: string;
};

/** `amountMinor` of `pair.from` in minor units of `pair.to`. */
export function forward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  return roundMinor(rescale(new D(amountMinor.toString()).mul(pair.rate), minorUnits(pair.from), minorUnits(pair.to)));
}

/** `amountMinor` of `pair.to` back in minor units of `pair.from` (the same rate). */
export function backward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  return roundMinor(rescale(new D(amountMinor.toString()).div(pair.rate), minorUnits(pair.to), minorUnits(pair.from)));
}

/** The refusal when no `from`/`to` rate is known on or before `date` (422 FX_RATE_MISSING). */
export function missingRate(from: string, to: string, date: Date): Failure {
  const day = date.toISOString().slice(0, 10);
  return fail(
    "invalid",
    "FX_RATE_MISSING",
    `There is no ${from}/${to} exchange rate on or before ${day}. Ask a platform admin to enter one.`,
    {
      errors: [{ path: "fx", message: `No ${from}/${to} rate on or before ${day}.` }],
      details: { from, to, date: day },
    },
  );
}
