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
      .enum(["series", ...BREAKDOWNS, "marketTests"], { error: `Use one of series, ${BREAKDOWNS.join(", ")}, marketTests.` })
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

export const marketTestOutcomeSchema = z
  .object({
    territory: z.string().meta({ description: "ISO 3166-1 alpha-2 country where the audiences were tested.", example: "TH" }),
    label: z.string().meta({ description: "English name of the country." }),
    tests: z.int().meta({ description: "Market tests of versions of your titles there, dated in the range." }),
    audience: z.int().meta({ description: "Sum of their audience sizes." }),
    averageScore: z.string().meta({ description: "Mean score (0–100), 1 decimal rounded half-even.", example: "72.5" }),
    firstTestOn: z.iso.date(),
    lastTestOn: z.iso.date(),
    titles: z.array(z.object({ id: z.uuid(), label: z.string() })).meta({ description: "The titles tested there, first tested first." }),
    receipts: moneySchema.meta({
      description: "Every IP receipt in the range from counterparties based in the territory (the byCountry row's receipts).",
    }),
    receiptsAfterTests: moneySchema.meta({
      description:
        "The part of those receipts allocated to a title tested there, received on or after that title's first test there: the receipts that followed the tests.",
    }),
  })
  .meta({ id: "MarketTestOutcome" });

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
    marketTests: z
      .array(marketTestOutcomeSchema)
      .meta({ description: "Market tests of your titles per target territory, next to the IP receipts that followed there." }),
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
