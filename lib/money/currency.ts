import { minorUnits } from "@/lib/reference/currencies";
import { formatAmount, type Money } from "./money";

/**
 * Minor units → API Money, with exactly the currency's ISO 4217 minor-unit digits. Apart from
 * money.ts so that browser code doing arithmetic on Money does not load the currency list.
 */

/** The constructor for many amounts of one currency (the exponent is looked up once). */
export function moneyOf(currency: string): (minor: bigint) => Money {
  const exponent = minorUnits(currency);
  return (minor) => ({ amount: formatAmount(minor, exponent), currency });
}

/** `minor` units of `currency` as Money: 125000000n, "USD" → { amount: "1250000.00", currency: "USD" }. */
export function money(minor: bigint, currency: string): Money {
  return moneyOf(currency)(minor);
}
