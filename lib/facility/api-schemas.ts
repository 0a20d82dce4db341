import { z } from "zod";
import { moneySchema } from "@/lib/money/money";
import { ADVANCE_STATUSES, LIMIT_RULES } from "./rules";
import { advanceApplicationSchema, facilitySettingsSchema } from "./schema";

/** Request schemas of the facility API beyond the shared form schemas in ./schema (browser-safe). */

export const facilitySettingsUpdateSchema = facilitySettingsSchema
  .and(z.object({ version: z.int().min(1).optional().meta({ description: "The version last read; a stale one gets 409." }) }))
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

export const disbursementBodySchema = z
  .object({ note: z.string().trim().max(2000).optional().meta({ description: "Payment reference, kept on the ledger entries." }) })
  .strict()
  .meta({ id: "DisbursementRequest" });

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
