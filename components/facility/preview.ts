import { parseAmount } from "@/lib/money/money";
import { cleanNumber } from "./clean";
import { exponentOf, fromMinor, toMinor } from "./money";
import type { EligibilityView } from "./types";

/**
 * The limits for a typed `amount` (0 while nothing valid is typed), on the figures the server
 * computed for the deal at 0: every rule reads used + requested ≤ limit, the test the server
 * applies at the decision, in exact minor units.
 */
export function previewLimits(base: EligibilityView, amount: string): EligibilityView {
  const like = base.eligibleBase;
  const parsed = parseAmount(cleanNumber(amount), exponentOf(like));
  const requested = parsed !== null && parsed > 0n ? parsed : 0n;
  const limits = base.limits.map((l) => ({
    ...l,
    requested: fromMinor(requested, like),
    ok: toMinor(l.used) + requested <= toMinor(l.limit),
  }));
  return { ...base, limits, ok: limits.every((l) => l.ok) };
}
