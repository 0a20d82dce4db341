import { z } from "zod";
import { moneySchema } from "@/lib/money/money";
import { BREAKDOWNS, GRANULARITIES } from "./rules";

/**
 * Query and response shapes of GET /api/v1/outcomes. Browser-safe: the outcomes
 * page's controls validate with the same query schema. Definitions are in ./rules.ts.
 */

const isoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
/** `?from=` (empty) means "not given", as an HTML form or a URL template sends it. */
const blankAsAbsent = (v: unknown) => (v === "" ? undefined : v);

/** Longest range one request may cover (a monthly series of 20 years is 240 points). */
export const MAX_RANGE_YEARS = 20;
export const DEFAULT_CURRENCY = "USD";

export const outcomesQuerySchema = z
  .object({
    from: z
      .preprocess(blankAsAbsent, isoDate.optional())
      .meta({ description: "First day (inclusive). Default: first day of the month 11 months before `to`." }),
    to: z.preprocess(blankAsAbsent, isoDate.optional()).meta({ description: "Last day (inclusive). Default: today (UTC)." }),
    currency: z
      .preprocess(
        blankAsAbsent,
        z
          .string()
          .regex(/^[A-Z]{3}$/, { error: "Use an ISO 4217 currency code, e.g. USD." })
          .optional(),
      )
      .meta({ description: "Reporting currency. Default USD.", example: "USD" }),
    granularity: z
      .preprocess(blankAsAbsent, z.enum(GRANULARITIES, { error: "Use month or quarter." }).optional())
      .meta({ description: "Default month." }),
  })
  .meta({ id: "OutcomesQuery" });
export type OutcomesQueryInput = z.input<typeof outcomesQuerySchema>;
export type OutcomesQuery = z.output<typeof outcomesQuerySchema>;

export const outcomesExportQuerySchema = outcomesQuerySchema
  .extend({
    breakdown: z
      .enum(["series", ...BREAKDOWNS], { error: `Use one of series, ${BREAKDOWNS.join(", ")}.` })
      .meta({ description: "Which table to export." }),
  })
  .meta({ id: "OutcomesExportQuery" });
export type OutcomesExportQuery = z.output<typeof outcomesExportQuerySchema>;

export const platformOutcomesExportQuerySchema = outcomesQuerySchema
  .extend({ table: z.enum(["byHomeCountry", "studios"], { error: "Use byHomeCountry or studios." }) })
  .meta({ id: "PlatformOutcomesExportQuery" });
export type PlatformOutcomesExportQuery = z.output<typeof platformOutcomesExportQuerySchema>;

const ratioSchema = z
  .string()
  .nullable()
  .meta({ description: "IP receipts ÷ IP payments, 4 decimals rounded half-even; null when payments are 0.", example: "2.5000" });

export const outcomesRowSchema = z
  .object({
    key: z.string().meta({ description: "Country code, media-right code, revenue type, genre code or title id; UNALLOCATED / NONE." }),
    label: z.string().meta({ description: "English name of the key." }),
    receipts: moneySchema,
    payments: moneySchema,
    ratio: ratioSchema,
  })
  .meta({ id: "OutcomesRow" });

export const fxRateUsedSchema = z
  .object({
    date: z.string().meta({ description: "Date of the rate (for a cross rate through USD, the older leg's)." }),
    base: z.string(),
    quote: z.string(),
    rate: z.string(),
    via: z.enum(["DIRECT", "INVERSE", "CROSS_USD"]),
    receipts: z.int().meta({ description: "How many receipts were converted at this rate." }),
  })
  .meta({ id: "FxRateUsed" });

export const outcomesSchema = z
  .object({
    organizationId: z.uuid(),
    homeCountry: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    currency: z.string(),
    granularity: z.enum(GRANULARITIES),
    receipts: moneySchema.meta({ description: "IP receipts: cash received as licensor on cross-border deals." }),
    payments: moneySchema.meta({ description: "IP payments: cash paid as licensee on cross-border deals." }),
    ratio: ratioSchema,
    receiptCount: z.int(),
    paymentCount: z.int(),
    series: z.array(
      z.object({
        period: z.string().meta({ example: "2026-03" }),
        start: z.iso.date(),
        end: z.iso.date(),
        receipts: moneySchema,
        payments: moneySchema,
        ratio: ratioSchema,
      }),
    ),
    byCountry: z.array(outcomesRowSchema).meta({ description: "By the counterparty's home country." }),
    byMediaRight: z.array(outcomesRowSchema),
    byRevenueType: z.array(outcomesRowSchema),
    byGenre: z.array(outcomesRowSchema),
    byTitle: z.array(outcomesRowSchema),
    fxRatesUsed: z.array(fxRateUsedSchema),
  })
  .meta({ id: "Outcomes" });

export const missingRateSchema = z.object({ base: z.string(), quote: z.string(), date: z.iso.date() }).meta({ id: "MissingFxRate" });

export const platformOutcomesSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    currency: z.string(),
    granularity: z.enum(GRANULARITIES),
    receipts: moneySchema,
    payments: moneySchema,
    ratio: ratioSchema,
    series: z.array(
      z.object({
        period: z.string(),
        start: z.iso.date(),
        end: z.iso.date(),
        receipts: moneySchema,
        payments: moneySchema,
        ratio: ratioSchema,
      }),
    ),
    byHomeCountry: z.array(
      z.object({
        country: z.string(),
        label: z.string(),
        studios: z.int(),
        receipts: moneySchema,
        payments: moneySchema,
        ratio: ratioSchema,
        allReceipts: moneySchema,
        exportSharePct: z.string().nullable(),
      }),
    ),
    studios: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        homeCountry: z.string(),
        receipts: moneySchema,
        payments: moneySchema,
        ratio: ratioSchema,
        allReceipts: moneySchema.meta({ description: "Every receipt as licensor, domestic deals included." }),
        exportSharePct: z
          .string()
          .nullable()
          .meta({ description: "Receipts from abroad ÷ all receipts, as a percentage with 2 decimals; null without receipts." }),
      }),
    ),
    fxRatesUsed: z.array(fxRateUsedSchema),
  })
  .meta({ id: "PlatformOutcomes" });
