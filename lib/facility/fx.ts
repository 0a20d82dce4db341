import "server-only";
import { dateOnly } from "@/lib/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { rateOn } from "@/lib/fx/queries";
import { D, type Dec, roundMinor } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type Failure, fail } from "@/lib/result";

type Tx = Prisma.TransactionClient;

/**
 * A dated rate from one currency to another (the FX rule of lib/fx: latest on or before the date
 * of the money movement; direct, inverse or cross through USD), used in both directions with the
 * same rate: multiplying forwards, dividing backwards, rounding half-even once, at the end.
 */
export type FxPair = {
  from: string;
  to: string;
  /** Date of the rate used (null for the same currency). */
  date: string | null;
  /** 1 `from` = `rate` `to`. */
  rate: string;
};

function scale(value: Dec, fromExp: number, toExp: number): Dec {
  return value.mul(new D(10).pow(toExp - fromExp));
}

/** `amountMinor` of `pair.from` in minor units of `pair.to`. */
export function forward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  return roundMinor(scale(new D(amountMinor.toString()).mul(pair.rate), minorUnits(pair.from), minorUnits(pair.to)));
}

/** `amountMinor` of `pair.to` back in minor units of `pair.from` (the same rate). */
export function backward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  return roundMinor(scale(new D(amountMinor.toString()).div(pair.rate), minorUnits(pair.to), minorUnits(pair.from)));
}

/** The rate in force on `date` from `from` to `to`, or null if none is known. */
export async function pairOn(tx: Tx, input: { date: Date; from: string; to: string }): Promise<FxPair | null> {
  const { from, to } = input;
  if (from === to) return { from, to, date: null, rate: "1" };
  const found = await rateOn(tx, { date: dateOnly(input.date), from, to });
  return found ? { from, to, date: found.date, rate: found.rate } : null;
}

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
