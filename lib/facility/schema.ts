import { z } from "zod";
import { currencyCodeSchema, moneySchema, parseAmount, percentSchema } from "@/lib/money/money";
import { getCurrency } from "@/lib/reference/currencies";
import { ADVANCE_STATUSES, LIMIT_RULES } from "./rules";

/** Minor units of `money` if its digits fit its currency's exponent, else null. */
export function moneyToMinor(money: { amount: string; currency: string }): bigint | null {
  const exponent = getCurrency(money.currency)?.minorUnits;
  if (exponent === null || exponent === undefined) return null;
  return parseAmount(money.amount, exponent);
}

function checkMoney(ctx: z.RefinementCtx, money: { amount: string; currency: string }, path: string, currency: string, positive: boolean) {
  if (money.currency !== currency) {
    ctx.addIssue({ code: "custom", path: [path, "currency"], message: `Use the facility currency, ${currency}.` });
    return;
  }
  const minor = moneyToMinor(money);
  if (minor === null) {
    ctx.addIssue({
      code: "custom",
      path: [path, "amount"],
      message: `Use at most ${getCurrency(currency)?.minorUnits ?? 0} decimals for ${currency}.`,
    });
  } else if (positive && minor <= 0n) {
    ctx.addIssue({ code: "custom", path: [path, "amount"], message: "Use an amount above zero." });
  }
}

/** PUT /api/v1/facility: the settable fields. Capacity and maxPerDeal are in the facility currency. */
export const facilitySettingsSchema = z
  .object({
    currency: currencyCodeSchema.refine((c) => typeof getCurrency(c)?.minorUnits === "number", {
      error: "Use a currency with a minor unit, e.g. USD.",
    }),
    capacity: moneySchema.meta({ description: "Maximum total outstanding principal." }),
    advanceRatePct: percentSchema.meta({ description: 'Share of the unreceived MG that can be advanced, e.g. "70".' }),
    maxPerDeal: moneySchema.meta({ description: "Maximum amount of one advance." }),
    maxPerLicenseePct: percentSchema.meta({ description: "Maximum outstanding principal per licensee, as % of capacity." }),
    feePct: percentSchema.meta({ description: "Flat fee charged at disbursement, as % of the principal." }),
    sweepPct: percentSchema.default("100").meta({ description: "Share of each receipt (after the creators' pool) swept to the facility." }),
  })
  .superRefine((v, ctx) => {
    if (typeof getCurrency(v.currency)?.minorUnits !== "number") return;
    checkMoney(ctx, v.capacity, "capacity", v.currency, false);
    checkMoney(ctx, v.maxPerDeal, "maxPerDeal", v.currency, false);
  })
  .meta({ id: "FacilitySettings" });
export type FacilitySettingsInput = z.output<typeof facilitySettingsSchema>;

/** POST /api/v1/advances. The amount's currency is checked against the facility's by the caller. */
export const advanceApplicationSchema = z
  .object({
    dealId: z.uuid({ error: "Choose a deal." }),
    amount: moneySchema,
    purpose: z.string().trim().min(1, { error: "Say what the advance is for." }).max(2000),
  })
  .superRefine((v, ctx) => {
    const minor = moneyToMinor(v.amount);
    if (minor === null) {
      ctx.addIssue({
        code: "custom",
        path: ["amount", "amount"],
        message: `Use the currency's minor-unit digits for ${v.amount.currency}.`,
      });
    } else if (minor <= 0n) {
      ctx.addIssue({ code: "custom", path: ["amount", "amount"], message: "Use an amount above zero." });
    }
  })
  .meta({ id: "AdvanceApplication" });
export type AdvanceApplicationInput = z.output<typeof advanceApplicationSchema>;

/** POST /api/v1/advances/{id}/decision. A decline needs a reason; an approval may lower the amount. */
export const advanceDecisionSchema = z
  .object({
    decision: z.enum(["APPROVED", "DECLINED"], { error: "Decide APPROVED or DECLINED." }),
    amount: moneySchema.optional().meta({ description: "Approved amount, at most the amount applied for; defaults to it." }),
    conditions: z.string().trim().max(2000).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "DECLINED" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the reason for declining." });
    }
    if (v.decision === "DECLINED" && v.amount) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "A decline has no amount." });
    }
    if (v.amount) {
      const minor = moneyToMinor(v.amount);
      if (minor === null || minor <= 0n) {
        ctx.addIssue({ code: "custom", path: ["amount", "amount"], message: "Use an amount above zero with the currency's digits." });
      }
    }
  })
  .meta({ id: "AdvanceDecision" });
export type AdvanceDecisionInput = z.output<typeof advanceDecisionSchema>;

/** POST /api/v1/advances/{id}/default. */
export const advanceDefaultSchema = z
  .object({ reason: z.string().trim().min(1, { error: "Give the reason for the default." }).max(2000) })
  .meta({ id: "AdvanceDefault" });

// ---- Requests of the facility API beyond the form schemas above

export const facilitySettingsUpdateSchema = facilitySettingsSchema
  .and(
    z.object({
      version: z.int().min(1).optional().meta({ description: "The version last read; a stale one gets 409." }),
      acknowledgeBelowExposure: z.boolean().optional().meta({
        description:
          "Save a capacity below outstanding + reserved (a wind-down: it only stops new approvals). Without it such a capacity answers 422 CAPACITY_BELOW_EXPOSURE.",
      }),
    }),
  )
  .meta({ id: "FacilitySettingsUpdate" });

export const advanceCreateSchema = advanceApplicationSchema
  .and(
    z.object({
      facilityId: z.uuid().optional().meta({ description: "The facility to apply to; default: the platform's (first) facility." }),
      submit: z.boolean().optional().meta({ description: "Submit at once instead of saving a DRAFT." }),
    }),
  )
  .meta({ id: "AdvanceCreate" });

export const advanceUpdateSchema = z
  .object({ amount: moneySchema.optional(), purpose: z.string().trim().min(1).max(2000).optional() })
  .meta({ id: "AdvanceUpdate" });

/**
 * The latest calendar date anywhere on earth (UTC+14): a value date after it is in the future for
 * every bank, whatever the time zone of the person recording the payment.
 */
export function latestValueDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** The bank's facts of one payment (required for every disbursement; the dialog and the API). */
export const disbursementPaymentSchema = z.object({
  paymentReference: z
    .string({ error: "Give the bank's payment reference." })
    .trim()
    .min(1, { error: "Give the bank's payment reference." })
    .max(100, { error: "Use at most 100 characters." })
    .meta({ description: "The bank's reference of the payment (1–100 characters)." }),
  valueDate: z.iso
    .date({ error: "Give the value date as YYYY-MM-DD." })
    .refine((d) => d <= latestValueDate(), { error: "The value date cannot be in the future." })
    .meta({ description: "The payment's value date (ISO date, not in the future)." }),
  payingAccount: z
    .string({ error: "Give the account the payment was made from." })
    .trim()
    .min(1, { error: "Give the account the payment was made from." })
    .max(100, { error: "Use at most 100 characters." })
    .meta({ description: "The facility's account the payment was made from (1–100 characters)." }),
});
export type DisbursementPaymentInput = z.output<typeof disbursementPaymentSchema>;

export const disbursementBodySchema = disbursementPaymentSchema
  .extend({ note: z.string().trim().max(2000).optional().meta({ description: "A note, kept on the ledger entries." }) })
  .strict()
  .meta({ id: "DisbursementRequest" });
export type DisbursementBody = z.output<typeof disbursementBodySchema>;

export const writeOffSchema = z.object({ reason: z.string().trim().max(2000).optional() }).meta({ id: "AdvanceWriteOff" });

export const advanceListQuerySchema = z.object({
  status: z.enum(ADVANCE_STATUSES).optional(),
  dealId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type AdvanceListQuery = z.output<typeof advanceListQuerySchema>;

export const eligibilityQuerySchema = z.object({
  dealId: z.uuid({ error: "Choose a deal." }),
  amount: z
    .string()
    .regex(/^\d{1,18}(\.\d{1,4})?$/, { error: 'Use a non-negative decimal string, e.g. "250000.00".' })
    .optional()
    .meta({ description: "Amount in the facility currency (default 0: just the limits)." }),
  facilityId: z.uuid().optional(),
});
export type EligibilityQuery = z.output<typeof eligibilityQuerySchema>;

export const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

export const portfolioQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

const limitSchema = z.object({
  rule: z.enum(LIMIT_RULES),
  limit: moneySchema,
  used: moneySchema,
  requested: moneySchema,
  available: moneySchema,
  ok: z.boolean(),
});
const conversionSchema = z.object({ from: moneySchema, to: moneySchema, rate: z.string(), rateDate: z.iso.date() }).nullable();

/** The eligibility view (API answer and the decision snapshot stored on the advance). */
export const eligibilityViewSchema = z
  .object({
    date: z.iso.date(),
    eligibleBase: moneySchema,
    grossBase: moneySchema,
    advanceRatePct: z.string(),
    maxPerLicenseePct: z.string(),
    mgContracted: moneySchema,
    mgReceived: moneySchema,
    mgContractedConverted: conversionSchema,
    mgReceivedConverted: conversionSchema,
    principalOutstandingOnDeal: moneySchema,
    approvedUndisbursedOnDeal: moneySchema,
    limits: z.array(limitSchema),
    ok: z.boolean(),
  })
  .meta({ id: "AdvanceEligibility" });
