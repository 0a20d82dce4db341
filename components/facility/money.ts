import { formatAmount, type Money, parseAmount } from "@/lib/money/money";

/**
 * Exact arithmetic on API money in the browser: an amount carries exactly its currency's
 * minor-unit digits, so its exponent is the number of digits after the point.
 */
export function exponentOf(money: Money): number {
  return money.amount.split(".")[1]?.length ?? 0;
}

export function toMinor(money: Money): bigint {
  return parseAmount(money.amount, exponentOf(money)) ?? 0n;
}

export function fromMinor(minor: bigint, like: Money): Money {
  return { amount: formatAmount(minor, exponentOf(like)), currency: like.currency };
}

export function subtract(a: Money, b: Money): Money {
  return fromMinor(toMinor(a) - toMinor(b), a);
}

export function clampZero(money: Money): Money {
  return toMinor(money) < 0n ? fromMinor(0n, money) : money;
}

export function add(a: Money, b: Money): Money {
  return fromMinor(toMinor(a) + toMinor(b), a);
}
