import { z } from "zod";
import { currencyCodeSchema, moneySchema, parseAmount, percentSchema } from "@/lib/money/money";
import { getCurrency } from "@/lib/reference/currencies";
import { APPLICATION_STATUSES, LEDGER_KINDS, MAX_LOOKBACK_MONTHS, METRICS, MIN_LOOKBACK_MONTHS } from "./rules";

/** Shapes of the programmes API and forms (browser-safe: no Prisma, no territory data). */

const isoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const decimalString = z
  .string()
  .regex(/^\d{1,18}(\.\d{1,4})?$/, { error: 'Use a non-negative decimal string, e.g. "100000.00" or "1.5".' });

const localized = (max: number, what: string) =>
  z
    .object({
      en: z
        .string()
        .trim()
        .min(1, { error: `Give the ${what} in English.` })
        .max(max),
      zh: z
        .string()
        .trim()
        .min(1, { error: `Give the ${what} in Chinese.` })
        .max(max),
    })
    .meta({ description: `The ${what} in English and Chinese.` });

export const criterionSchema = z
  .object({
    metric: z.enum(METRICS, { error: `Choose a metric: ${METRICS.join(", ")}.` }),
    min: decimalString.meta({
      description: "Minimum value: an amount in the programme currency (FOREIGN_RECEIPTS), a ratio, or a count.",
      example: "100000.00",
    }),
  })
  .meta({ id: "ProgrammeCriterion" });

export const awardTermsSchema = z
  .object({
    receiptsMatchPct: percentSchema.meta({ description: "Share of FOREIGN_RECEIPTS matched by the award." }),
    perVersionBonus: moneySchema,
    perMarketTestBonus: moneySchema,
    capPerApplication: moneySchema,
  })
  .meta({ id: "ProgrammeAwardTerms" });

/** Minor units of `money` if its digits fit its currency's exponent, else null. */
export function moneyMinor(money: { amount: string; currency: string }): bigint | null {
  const exponent = getCurrency(money.currency)?.minorUnits;
  if (exponent === null || exponent === undefined) return null;
  return parseAmount(money.amount, exponent);
}

const programmeFields = {
  name: localized(200, "name"),
  description: localized(4000, "description"),
  currency: currencyCodeSchema.refine((c) => typeof getCurrency(c)?.minorUnits === "number", {
    error: "Use an ISO 4217 currency with a minor unit, e.g. CNY.",
  }),
  budget: moneySchema,
  opensOn: isoDate,
  closesOn: isoDate,
  lookbackMonths: z
    .int({ error: `Use a whole number of months, ${MIN_LOOKBACK_MONTHS}–${MAX_LOOKBACK_MONTHS}.` })
    .min(MIN_LOOKBACK_MONTHS, { error: `Look back at least ${MIN_LOOKBACK_MONTHS} month.` })
    .max(MAX_LOOKBACK_MONTHS, { error: `Look back at most ${MAX_LOOKBACK_MONTHS} months.` }),
  targetTerritories: z
    .array(z.string().trim().min(1).max(20))
    .min(1, { error: "Choose at least one target territory." })
    .max(300)
    .meta({ description: "Country, M49 region and group codes (e.g. SEA, MENA, LATAM), expanded to countries as grants are." }),
  criteria: z.array(criterionSchema).max(METRICS.length),
  award: awardTermsSchema,
};

type ProgrammeShape = z.output<z.ZodObject<typeof programmeFields>>;

/** The cross-field checks: money in the programme currency with its digits, dates in order, one criterion per metric. */
function checkProgramme(v: ProgrammeShape, ctx: z.RefinementCtx) {
  if (v.closesOn < v.opensOn) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "Close on or after the opening date." });
  const seen = new Set<string>();
  v.criteria.forEach((c, i) => {
    if (seen.has(c.metric)) ctx.addIssue({ code: "custom", path: ["criteria", i, "metric"], message: "Use each metric once." });
    seen.add(c.metric);
  });
  if (typeof getCurrency(v.currency)?.minorUnits !== "number") return;
  const moneyFields: [string[], { amount: string; currency: string }][] = [
    [["budget"], v.budget],
    [["award", "perVersionBonus"], v.award.perVersionBonus],
    [["award", "perMarketTestBonus"], v.award.perMarketTestBonus],
    [["award", "capPerApplication"], v.award.capPerApplication],
  ];
  for (const [path, money] of moneyFields) {
    if (money.currency !== v.currency) {
      ctx.addIssue({ code: "custom", path: [...path, "currency"], message: `Use the programme currency, ${v.currency}.` });
    } else if (moneyMinor(money) === null) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "amount"],
        message: `Use at most ${getCurrency(v.currency)?.minorUnits ?? 0} decimals for ${v.currency}.`,
      });
    }
  }
  v.criteria.forEach((c, i) => {
    if (c.metric === "FOREIGN_RECEIPTS" && moneyMinor({ amount: c.min, currency: v.currency }) === null) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria", i, "min"],
        message: `Use at most ${getCurrency(v.currency)?.minorUnits ?? 0} decimals.`,
      });
    }
    if (
      (c.metric === "INTERNATIONAL_VERSIONS" || c.metric === "MARKET_TESTS" || c.metric === "LICENSED_COUNTRIES") &&
      c.min.includes(".")
    ) {
      ctx.addIssue({ code: "custom", path: ["criteria", i, "min"], message: "A count is a whole number." });
    }
  });
}

/** POST /api/v1/programmes (and the form). */
export const programmeCreateSchema = z.object(programmeFields).superRefine(checkProgramme).meta({ id: "ProgrammeCreate" });
export type ProgrammeInput = z.output<typeof programmeCreateSchema>;
export type ProgrammeFormInput = z.input<typeof programmeCreateSchema>;

/** PATCH /api/v1/programmes/{id}: any of the fields, and the version last read. */
export const programmeUpdateSchema = z
  .object(programmeFields)
  .partial()
  .extend({ version: z.int().min(1).meta({ description: "The version last read; a stale one gets 409." }) })
  .meta({ id: "ProgrammeUpdate" });
export type ProgrammeUpdateInput = z.output<typeof programmeUpdateSchema>;

export const eligibilityQuerySchema = z.object({
  asOf: isoDate.optional().meta({ description: "The day to measure up to (default today, never later)." }),
});

export const applicationListQuerySchema = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
});

export const reviewSchema = z
  .object({ note: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ id: "ProgrammeReview" });

export const decisionSchema = z
  .object({
    decision: z.enum(["AWARD", "DECLINE"], { error: "Decide AWARD or DECLINE." }),
    amount: moneySchema.optional().meta({ description: "Awarded amount, at most the snapshot's; defaults to it." }),
    note: z.string().trim().min(1, { error: "Write a note on the decision." }).max(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "DECLINE" && v.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: "A decline has no amount." });
    if (v.amount) {
      const minor = moneyMinor(v.amount);
      if (minor === null || minor <= 0n)
        ctx.addIssue({ code: "custom", path: ["amount", "amount"], message: "Use an amount above zero with the currency's digits." });
    }
  })
  .meta({ id: "ProgrammeDecision" });
export type DecisionInput = z.output<typeof decisionSchema>;

const positiveMoney = moneySchema.superRefine((m, ctx) => {
  const minor = moneyMinor(m);
  if (minor === null || minor <= 0n)
    ctx.addIssue({ code: "custom", path: ["amount"], message: "Use an amount above zero with the currency's digits." });
});

export const payoutSchema = z.object({ amount: positiveMoney }).strict().meta({ id: "ProgrammePayoutRequest" });
export type PayoutInput = z.output<typeof payoutSchema>;

export const clawbackSchema = z
  .object({ amount: positiveMoney, reason: z.string().trim().min(1, { error: "Give the reason for the clawback." }).max(2000) })
  .strict()
  .meta({ id: "ProgrammeClawback" });
export type ClawbackInput = z.output<typeof clawbackSchema>;

export const applicationParams = z.object({ id: z.uuid(), applicationId: z.uuid() });

// ---- Answers ----------------------------------------------------------------------------------

export const programmeViewSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    name: z.object({ en: z.string(), zh: z.string() }),
    description: z.object({ en: z.string(), zh: z.string() }),
    currency: z.string(),
    budget: moneySchema,
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    open: z.boolean(),
    lookbackMonths: z.int(),
    targetTerritories: z.array(z.string()),
    targetCountries: z.array(z.string()).meta({ description: "The target territories expanded to countries." }),
    criteria: z.array(criterionSchema),
    award: awardTermsSchema,
    version: z.int(),
    applicationCount: z.int(),
  })
  .meta({ id: "Programme" });

const rateSchema = z.string().meta({ description: "Units of the programme currency per unit of the receipt currency." });

export const evidenceSchema = z
  .object({
    receipts: z.array(
      z.object({
        receiptId: z.uuid(),
        dealId: z.uuid(),
        receivedOn: z.iso.date(),
        amount: moneySchema,
        converted: moneySchema,
        rate: rateSchema,
      }),
    ),
    versions: z.array(z.object({ versionId: z.uuid(), titleId: z.uuid(), territories: z.array(z.string()) })),
    marketTests: z.array(z.object({ id: z.uuid(), versionId: z.uuid(), titleId: z.uuid(), territory: z.string(), testedOn: z.iso.date() })),
    countries: z.array(z.string()),
    statements: z
      .array(z.object({ statementId: z.uuid(), dealId: z.uuid(), periodStart: z.iso.date(), periodEnd: z.iso.date() }))
      .meta({ description: "Counting statements of the deals whose receipts count (a superseded one flags the application)." }),
  })
  .meta({ id: "ProgrammeEvidence" });

export const eligibilityViewSchema = z
  .object({
    programmeId: z.uuid(),
    studioId: z.uuid(),
    asOf: z.iso.date(),
    window: z.object({ from: z.iso.date(), to: z.iso.date() }),
    currency: z.string(),
    eligible: z.boolean(),
    criteria: z.array(criterionSchema.extend({ value: z.string().nullable(), met: z.boolean() })),
    metrics: z.object({
      FOREIGN_RECEIPTS: z.string(),
      RECEIPTS_PAYMENTS_RATIO: z.string().nullable(),
      INTERNATIONAL_VERSIONS: z.string(),
      MARKET_TESTS: z.string(),
      LICENSED_COUNTRIES: z.string(),
    }),
    evidence: evidenceSchema,
    award: z.object({
      matched: moneySchema,
      versionBonus: moneySchema,
      marketTestBonus: moneySchema,
      total: moneySchema,
      capped: z.boolean(),
      amount: moneySchema,
    }),
  })
  .meta({ id: "ProgrammeEligibility" });
export type EligibilityView = z.output<typeof eligibilityViewSchema>;

export const evidenceChangeSchema = z.object({
  kind: z.enum(["RECEIPT", "VERSION", "MARKET_TEST", "COUNTRY", "STATEMENT", "METRIC"]),
  id: z.string(),
  change: z.enum(["REMOVED", "ADDED", "CHANGED"]),
});

export const ledgerRowSchema = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amount: moneySchema,
  reason: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  at: z.iso.datetime(),
});

export const applicationSummarySchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    studio: z.object({ id: z.uuid(), name: z.string(), homeCountry: z.string() }),
    status: z.enum(APPLICATION_STATUSES),
    asOf: z.iso.date(),
    requested: moneySchema,
    awarded: moneySchema.nullable(),
    paid: moneySchema.meta({ description: "Σ payouts − Σ clawbacks." }),
    payable: moneySchema.meta({ description: "awarded − Σ payouts." }),
    metrics: eligibilityViewSchema.shape.metrics,
    evidenceChanged: z.boolean(),
    submittedAt: z.iso.datetime(),
  })
  .meta({ id: "ProgrammeApplicationSummary" });

export const applicationViewSchema = applicationSummarySchema
  .extend({
    snapshot: eligibilityViewSchema,
    snapshotHash: z.string(),
    changes: z.array(evidenceChangeSchema).nullable().meta({ description: "What no longer matches the records (null if not checked)." }),
    reviewedBy: z.uuid().nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
    ledger: z.array(ledgerRowSchema),
    version: z.int(),
  })
  .meta({ id: "ProgrammeApplication" });

export const payoutViewSchema = z
  .object({
    id: z.string(),
    applicationId: z.uuid(),
    kind: z.enum(LEDGER_KINDS),
    amount: moneySchema,
    idempotencyKey: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: "ProgrammePayout" });

export const dashboardSchema = z
  .object({
    programmeId: z.uuid(),
    currency: z.string(),
    budget: moneySchema,
    committed: moneySchema.meta({ description: "Σ awarded (AWARDED and PAID) − Σ clawbacks." }),
    paid: moneySchema.meta({ description: "Σ payouts − Σ clawbacks." }),
    available: moneySchema,
    byStatus: z.record(z.enum(APPLICATION_STATUSES), z.int()),
    awarded: z.array(
      z.object({
        applicationId: z.uuid(),
        studio: z.object({ id: z.uuid(), name: z.string() }),
        awardedOn: z.iso.date(),
        awardQuarter: z.string(),
        error: z.string().nullable().meta({ description: "Why the series could not be computed (e.g. a missing FX rate)." }),
        series: z.array(
          z.object({
            period: z.string(),
            phase: z.enum(["BEFORE", "AWARD", "AFTER"]),
            receipts: moneySchema,
            payments: moneySchema,
            ratio: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ProgrammeDashboard" });
export type DashboardView = z.output<typeof dashboardSchema>;

export const programmeListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const applicationPageQuerySchema = applicationListQuerySchema.extend(programmeListQuerySchema.shape);

// ---- The programme form: flat text fields, turned into the API shape on submit --------------

const decimalText = (error: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,18}(\.\d{1,4})?$/, { error });

export const programmeFormSchema = z.object({
  nameEn: z.string().trim().min(1).max(200),
  nameZh: z.string().trim().min(1).max(200),
  descriptionEn: z.string().trim().min(1).max(4000),
  descriptionZh: z.string().trim().min(1).max(4000),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/),
  budget: decimalText("amount"),
  opensOn: isoDate,
  closesOn: isoDate,
  lookbackMonths: z.coerce.number().int().min(MIN_LOOKBACK_MONTHS).max(MAX_LOOKBACK_MONTHS),
  targetTerritories: z.array(z.string()).min(1),
  criteria: z.array(z.object({ metric: z.enum(METRICS), min: decimalText("min") })).max(METRICS.length),
  receiptsMatchPct: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,4})?$/),
  perVersionBonus: decimalText("amount"),
  perMarketTestBonus: decimalText("amount"),
  capPerApplication: decimalText("amount"),
});
export type ProgrammeFormValues = z.input<typeof programmeFormSchema>;

/** The API body of the form's values (money in the form's currency). */
export function programmeFromForm(v: z.output<typeof programmeFormSchema>): ProgrammeFormInput {
  const currency = v.currency.toUpperCase();
  const m = (amount: string) => ({ amount, currency });
  return {
    name: { en: v.nameEn, zh: v.nameZh },
    description: { en: v.descriptionEn, zh: v.descriptionZh },
    currency,
    budget: m(v.budget),
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    lookbackMonths: v.lookbackMonths,
    targetTerritories: v.targetTerritories,
    criteria: v.criteria,
    award: {
      receiptsMatchPct: v.receiptsMatchPct,
      perVersionBonus: m(v.perVersionBonus),
      perMarketTestBonus: m(v.perMarketTestBonus),
      capPerApplication: m(v.capPerApplication),
    },
  };
}

/** Where a server error path of the API shape shows in the flat form. */
export function formFieldOf(path: string): string | null {
  const direct: Record<string, string> = {
    "name.en": "nameEn",
    "name.zh": "nameZh",
    "description.en": "descriptionEn",
    "description.zh": "descriptionZh",
    "award.receiptsMatchPct": "receiptsMatchPct",
  };
  if (direct[path]) return direct[path]!;
  const money = /^(budget|award\.(perVersionBonus|perMarketTestBonus|capPerApplication))(\.|$)/.exec(path);
  if (money) return money[2] ?? "budget";
  const criterion = /^criteria\.(\d+)\.(metric|min)$/.exec(path);
  if (criterion) return `criteria.${criterion[1]}.${criterion[2]}`;
  const top = /^(currency|opensOn|closesOn|lookbackMonths|targetTerritories)(\.|$)/.exec(path);
  return top ? top[1]! : null;
}
