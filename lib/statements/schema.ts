import { z } from "zod";
import { moneySchema } from "@/lib/money/money";

/**
 * Zod schemas of revenue statements and receipts, shared by the API, the forms and the
 * OpenAPI document. Browser-safe: no Prisma import.
 */

export const REVENUE_TYPES = ["LICENSE_FEE", "BOX_OFFICE", "STREAMING", "ADVERTISING", "MERCHANDISE", "SOUNDTRACK", "OTHER"] as const;
export type RevenueType = (typeof REVENUE_TYPES)[number];
export const STATEMENT_STATUSES = ["SUBMITTED", "ACCEPTED", "DISPUTED"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const RECEIPT_KINDS = ["MG_INSTALMENT", "OVERAGE"] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];
export const STATEMENT_SOURCES = ["FORM", "UPLOAD", "API"] as const;
export type StatementSource = (typeof STATEMENT_SOURCES)[number];

/** The most lines one statement may hold. */
export const MAX_STATEMENT_LINES = 200_000;

/** A real calendar date in a sensible range (Postgres has no year 0; money moves in this era). */
const isCalendarDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  const year = Number(v.slice(0, 4));
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && year >= 1900 && year <= 2999;
};

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date as YYYY-MM-DD.", abort: true })
  .refine(isCalendarDate, { error: "Use a calendar date between 1900 and 2999." })
  .meta({ example: "2026-03-31" });

export const statementLineSchema = z
  .object({
    titleId: z.uuid({ error: "Use the title's id (a UUID)." }).optional(),
    eidr: z
      .string()
      .trim()
      .min(1)
      .max(34, { error: "An EIDR id has at most 34 characters, e.g. 10.5240/1489-49A2-3956-4B2D-FE16-5." })
      .optional()
      .meta({ description: "The title's EIDR id, as on the title." }),
    titleRef: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .meta({ description: "The title's name exactly as it appears on the deal's grants: its original, English or Chinese title." }),
    territory: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: "Use an ISO 3166-1 alpha-2 country code, e.g. TH." })
      .meta({ example: "TH" }),
    mediaRight: z
      .string()
      .trim()
      .min(1, { error: "Give the media right (a leaf code, e.g. SVOD)." })
      .max(20, { error: "Use a media-right code of at most 20 characters." })
      .meta({ example: "SVOD" }),
    revenueType: z.enum(REVENUE_TYPES, { error: `Use one of ${REVENUE_TYPES.join(", ")}.` }),
    gross: moneySchema,
    season: z
      .int({ error: "Use a season number: a whole number from 1." })
      .min(1, { error: "Use a season number: a whole number from 1." })
      .max(1000, { error: "Use season numbers up to 1000." })
      .nullish()
      .meta({
        description:
          "For a series: the season the revenue is for; a grant of the deal must cover it. The waterfall is unchanged (deal level).",
      }),
  })
  .refine((l) => l.titleId !== undefined || l.eidr !== undefined || l.titleRef !== undefined, {
    error: "Name the title by titleId, eidr or titleRef.",
    path: ["titleId"],
  })
  .meta({
    id: "StatementLineInput",
    description: "One revenue line. Name its title by `titleId`, `eidr` or `titleRef` (one is enough; several must agree).",
  });
export type StatementLineInput = z.input<typeof statementLineSchema>;

export const submitStatementSchema = z
  .object({
    periodStart: dateSchema,
    periodEnd: dateSchema,
    supersedesId: z.uuid({ error: "Use the id of the statement this one corrects." }).optional(),
    lines: z
      .array(statementLineSchema)
      .min(1, { error: "A statement needs at least one revenue line." })
      .max(MAX_STATEMENT_LINES, { error: `A statement can hold at most ${MAX_STATEMENT_LINES.toLocaleString("en")} lines.` }),
    expenses: moneySchema.optional(),
  })
  .meta({ id: "StatementInput", description: "A licensee's revenue statement for one period of a signed deal." });
export type SubmitStatementData = z.output<typeof submitStatementSchema>;

export const disputeStatementSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1, { error: "Say what is wrong with the statement." })
      .max(4000, { error: "Keep the reason under 4,000 characters." }),
  })
  .meta({ id: "StatementDispute" });
export type DisputeStatementData = z.output<typeof disputeStatementSchema>;

export const recordReceiptSchema = z
  .object({
    kind: z.enum(RECEIPT_KINDS, { error: "Use MG_INSTALMENT or OVERAGE." }),
    amount: moneySchema,
    receivedOn: dateSchema,
    instalmentIndex: z.number().int({ error: "Use the instalment's position (0 for the first)." }).min(0).max(1000).optional(),
  })
  .meta({ id: "ReceiptInput", description: "Cash the licensor received on a deal." });
export type RecordReceiptData = z.output<typeof recordReceiptSchema>;

export const statementListQuerySchema = z.object({
  status: z.enum(STATEMENT_STATUSES).optional(),
  role: z.enum(["LICENSOR", "LICENSEE"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type StatementListQuery = z.output<typeof statementListQuerySchema>;

export const statementLinesQuerySchema = z.object({
  /** Position of the first line to return (0-based). */
  linesFrom: z.coerce.number().int().min(0).max(10_000_000).default(0),
  linesLimit: z.coerce.number().int().min(0).max(1000).default(100),
});
export type StatementLinesQuery = z.output<typeof statementLinesQuerySchema>;

export const importStatementFieldsSchema = z.object({
  periodStart: dateSchema,
  periodEnd: dateSchema,
  expenses: z
    .string()
    .trim()
    .regex(/^\d{1,18}(\.\d{1,4})?$/, { error: 'Give the expenses as a non-negative decimal, e.g. "1250.00".' })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  supersedesId: z
    .uuid({ error: "Use the id of the statement this one corrects." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  dryRun: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});
export type ImportStatementFields = z.output<typeof importStatementFieldsSchema>;

export const CREATOR_PERIODS = ["month", "quarter"] as const;
export const creatorStatementsQuerySchema = z.object({
  period: z.enum(CREATOR_PERIODS).default("quarter"),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export type CreatorStatementsQuery = z.output<typeof creatorStatementsQuerySchema>;

/** The statement inbox page: filters and a cursor page of the organisation's statements. */
/** GET /deals/{id}/statements: the page of `items` (the full `statements` array stays as it was). */
export const dealStatementsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type DealStatementsQuery = z.output<typeof dealStatementsQuerySchema>;

export const statementInboxQuerySchema = z.object({
  deal: z.uuid().optional(),
  status: z.enum(STATEMENT_STATUSES).optional(),
  role: z.enum(["LICENSOR", "LICENSEE"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type StatementInboxQuery = z.output<typeof statementInboxQuerySchema>;
