import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { D, type Dec, roundMinor } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type Failure, fail } from "@/lib/result";

type Tx = Prisma.TransactionClient;

/**
 * A dated rate between two currencies, usable in both directions without losing exactness:
 * amounts are converted with the rate exactly as stored (multiplying in the stored direction,
 * dividing in the other), rounding half-even once, at the end.
 */
export type FxPair = {
  from: string;
  to: string;
  /** Date of the rate used (the latest on or before the date of the money movement). */
  date: string | null;
  /** 1 `from` = `rate` `to` (exact when stored in this direction, else 1/stored to 12 decimals for display). */
  rate: string;
  /** The stored rate and whether it is stored as from→to. */
  stored: { rate: string; forward: boolean };
};

function scale(value: Dec, fromExp: number, toExp: number): Dec {
  return value.mul(new D(10).pow(toExp - fromExp));
}

/** `amountMinor` of `pair.from` in minor units of `pair.to`. */
export function forward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  const v = new D(amountMinor.toString());
  const converted = pair.stored.forward ? v.mul(pair.stored.rate) : v.div(pair.stored.rate);
  return roundMinor(scale(converted, minorUnits(pair.from), minorUnits(pair.to)));
}

/** `amountMinor` of `pair.to` back in minor units of `pair.from` (the same stored rate). */
export function backward(pair: FxPair, amountMinor: bigint): bigint {
  if (pair.from === pair.to) return amountMinor;
  const v = new D(amountMinor.toString());
  const converted = pair.stored.forward ? v.div(pair.stored.rate) : v.mul(pair.stored.rate);
  return roundMinor(scale(converted, minorUnits(pair.to), minorUnits(pair.from)));
}

/**
 * The FX rule of the statements issue: the latest rate on or before `date`, stored either way
 * round (base→quote or quote→base). Null if there is none. Same currency: rate 1.
 */
export async function pairOn(tx: Tx, input: { date: Date; from: string; to: string }): Promise<FxPair | null> {
  const { from, to, date } = input;
  if (from === to) return { from, to, date: null, rate: "1", stored: { rate: "1", forward: true } };
  const row = await tx.fxRate.findFirst({
    where: {
      date: { lte: date },
      OR: [
        { base: from, quote: to },
        { base: to, quote: from },
      ],
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
  if (!row) return null;
  const stored = row.rate.toString();
  const isForward = row.base === from;
  const rate = isForward ? stored : new D(1).div(stored).toDecimalPlaces(12).toString();
  return { from, to, date: row.date.toISOString().slice(0, 10), rate, stored: { rate: stored, forward: isForward } };
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
