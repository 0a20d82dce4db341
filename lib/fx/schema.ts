import { z } from "zod";
import { currencyCodeSchema } from "@/lib/money/money";

/**
 * FX rates: `1 base = rate quote`, dated. Browser-safe schemas shared by the
 * API, the admin form and the CSV import.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const fxDateSchema = z
  .string()
  .regex(DATE, { error: "Use a date as YYYY-MM-DD." })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) &&
      Number(v.slice(0, 4)) >= 1900 &&
      Number(v.slice(0, 4)) <= 2999,
    { error: "Use a calendar date between 1900 and 2999." },
  )
  .meta({ example: "2026-11-28" });

/** What the database column holds: up to 16 integer digits and 12 decimals, more than zero. */
export const RATE_PATTERN = /^\d{1,16}(\.\d{1,12})?$/;

export const fxRateValueSchema = z
  .string()
  .regex(RATE_PATTERN, { error: 'Use a rate as a decimal string with at most 12 decimals, e.g. "7.1234".', abort: true })
  .refine((v) => /[1-9]/.test(v), { error: "A rate must be more than zero." })
  .meta({ description: "Units of the quote currency per 1 unit of the base currency.", example: "7.1234" });

export const putFxRatesSchema = z
  .object({
    date: fxDateSchema,
    base: currencyCodeSchema,
    rates: z.record(z.string(), fxRateValueSchema).meta({ example: { CNY: "7.1234", JPY: "151.2" } }),
  })
  .meta({ id: "FxRatesInput", description: "Rates of one date against one base currency." });
export type PutFxRatesData = z.output<typeof putFxRatesSchema>;

export const fxRatesQuerySchema = z.object({ date: fxDateSchema.optional() });

export const fxRateSchema = z
  .object({ date: z.string(), base: z.string(), quote: z.string(), rate: z.string() })
  .meta({ id: "FxRate", description: "1 base = rate quote, in force from date." });

export const fxRatesResponseSchema = z
  .object({ date: z.string(), rates: z.array(fxRateSchema) })
  .meta({ id: "FxRates", description: "The latest rate on or before `date` for every pair entered." });

export const FX_IMPORT_COLUMNS = ["date", "base", "quote", "rate"] as const;
