import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { cursorField } from "@/lib/api/pagination";
import { errorResponses, idParams } from "@/lib/api/schemas";
import { moneySchema } from "@/lib/money/money";
import {
  creatorStatementsQuerySchema,
  dealStatementsQuerySchema,
  disputeStatementSchema,
  RECEIPT_KINDS,
  recordReceiptSchema,
  STATEMENT_STATUSES,
  statementLinesQuerySchema,
  statementListQuerySchema,
  submitStatementSchema,
} from "./schema";

const figures = z
  .object({
    gross: moneySchema,
    fee: moneySchema,
    expenses: moneySchema,
    net: moneySchema,
    licensorShare: moneySchema,
    overage: moneySchema,
  })
  .meta({ id: "WaterfallFigures", description: "G, F, E, N, S and O of PRODUCT.md §5." });

export const waterfallSchema = z.object({ cumulative: figures, period: figures }).meta({
  id: "Waterfall",
  description: "Cumulative figures over the deal's counting statements to this one, and this period's (cumulative minus previous).",
});

const dealRef = z
  .object({ id: z.uuid(), name: z.string(), status: z.string(), currency: z.string(), role: z.enum(["LICENSOR", "LICENSEE"]) })
  .meta({ id: "StatementDealRef" });

export const statementSchema = z
  .object({
    id: z.uuid(),
    dealId: z.uuid(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    currency: z.string(),
    status: z.enum(STATEMENT_STATUSES),
    counting: z.boolean().meta({ description: "SUBMITTED or ACCEPTED and not superseded." }),
    superseded: z.boolean(),
    supersedesId: z.uuid().nullable(),
    supersededById: z.uuid().nullable(),
    gross: moneySchema,
    expenses: moneySchema,
    lineCount: z.int(),
    source: z.string(),
    disputeReason: z.string().nullable(),
    waterfall: waterfallSchema.nullable(),
    waterfallHypothetical: z.boolean().meta({
      description:
        "True for a statement that does not count: its waterfall is computed as if it counted (the counting statements before its period, then it).",
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Statement" });

const aggregate = z.object({ key: z.string(), gross: moneySchema, lines: z.int() });
const statementDetailSchema = statementSchema
  .extend({
    deal: dealRef,
    explanation: z
      .object({
        hypothetical: z.boolean(),
        terms: z.object({}).passthrough(),
        steps: z.array(
          z.object({
            key: z.string(),
            symbol: z.string(),
            rule: z.string(),
            cumulative: moneySchema,
            period: moneySchema,
            inputs: z.object({}).passthrough().optional(),
          }),
        ),
      })
      .nullable(),
    lines: z.object({
      from: z.int(),
      limit: z.int(),
      total: z.int(),
      items: z.array(
        z.object({
          position: z.int(),
          titleId: z.uuid(),
          territory: z.string(),
          mediaRight: z.string(),
          revenueType: z.string(),
          gross: moneySchema,
          season: z.int().nullable().meta({ description: "The season of a series the revenue is for (null: not said)." }),
        }),
      ),
    }),
    summary: z.object({
      byRevenueType: z.array(aggregate),
      byTerritory: z.array(aggregate),
      byMediaRight: z.array(aggregate),
      byTitle: z.array(aggregate),
    }),
  })
  .meta({ id: "StatementDetail" });

const split = z
  .object({
    creators: z.array(z.object({ name: z.string(), amount: moneySchema })),
    creatorsTotal: moneySchema,
    facility: moneySchema,
    studio: moneySchema,
  })
  .meta({ id: "ReceiptSplit" });
const receiptSchema = z
  .object({
    id: z.uuid(),
    dealId: z.uuid(),
    kind: z.enum(RECEIPT_KINDS),
    amount: moneySchema,
    receivedOn: z.iso.date(),
    instalmentIndex: z.int().nullable(),
    split,
  })
  .meta({ id: "Receipt" });

const balanceSchema = z
  .object({
    mgContracted: moneySchema,
    mgReceived: moneySchema,
    overageDue: moneySchema,
    overageReceived: moneySchema,
    mgOpen: moneySchema,
    overageOpen: moneySchema,
    instalments: z.array(
      z.object({
        index: z.int(),
        amount: moneySchema,
        received: moneySchema,
        open: moneySchema,
        dueDate: z.iso.date().nullable(),
        trigger: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "DealBalance" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });
const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

const importForm = z.object({
  file: z.string().meta({
    format: "binary",
    description:
      "CSV or XLSX: titleId, territory, mediaRight, revenueType, gross, currency?; one row with revenueType EXPENSES may give the expenses.",
  }),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  expenses: z.string().optional(),
  supersedesId: z.uuid().optional(),
  dryRun: z.enum(["true", "false"]).optional(),
});

export function registerStatementPaths(r: OpenAPIRegistry) {
  const tags = ["Statements"];
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/statements",
    tags,
    summary: "A deal's revenue statements with their waterfalls and the recoupment series (cumulative S against MG)",
    description:
      "`items` is a keyset page of the statements (`limit`, `cursor`; follow `nextCursor`), as in every list; `statements` still holds all of them.",
    request: { params: idParams, query: dealStatementsQuerySchema },
    responses: {
      200: ok(
        "Statements, newest period first.",
        z.object({
          deal: dealRef,
          terms: z.object({}).passthrough(),
          statements: z.array(statementSchema).meta({ description: "Every statement of the deal (kept for existing clients)." }),
          items: z.array(statementSchema).meta({ description: "A page of the statements, in the same order." }),
          nextCursor: cursorField,
          recoupment: z.array(z.object({}).passthrough()),
        }),
      ),
      ...errorResponses(401, 404),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/statements",
    tags,
    summary: "Submit a revenue statement (the licensee of a signed deal); supersedesId corrects an earlier one",
    request: { params: idParams, body: jsonBody(submitStatementSchema) },
    responses: {
      201: ok("The statement with its waterfall.", statementDetailSchema),
      ...errorResponses(400, 401, 403, 404, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/statements/import",
    tags,
    summary: "Upload a statement as CSV or XLSX (all-or-nothing; errors per row and column; dryRun checks only)",
    request: { params: idParams, body: { content: { "multipart/form-data": { schema: importForm } } } },
    responses: {
      200: ok("Dry run: every row is valid; nothing was saved.", z.object({ imported: z.object({}).passthrough(), statement: z.null() })),
      201: ok("Saved.", z.object({ imported: z.object({}).passthrough(), statement: statementDetailSchema })),
      ...errorResponses(401, 403, 404, 409, 413, 415, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/statements/import/template",
    tags,
    summary: "A CSV template for the deal's statements (one example row per granted title)",
    request: { params: idParams },
    responses: { 200: csv("The template."), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/statements",
    tags,
    summary: "Statements across your organisation's deals, newest first",
    request: { query: statementListQuerySchema },
    responses: {
      200: ok("Statements.", z.object({ items: z.array(statementSchema.extend({ deal: dealRef })) })),
      ...errorResponses(401, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/statements/{id}",
    tags,
    summary:
      "A statement with its waterfall, the step-by-step explanation, a page of its lines and sums by revenue type, territory, media and title",
    request: { params: idParams, query: statementLinesQuerySchema },
    responses: { 200: ok("The statement.", statementDetailSchema), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/statements/{id}/accept",
    tags,
    summary: "Accept a SUBMITTED statement (the licensor); it becomes immutable",
    request: { params: idParams },
    responses: { 200: ok("The statement.", statementDetailSchema), ...errorResponses(401, 403, 404, 409) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/statements/{id}/dispute",
    tags,
    summary: "Dispute a SUBMITTED statement with a reason (the licensor); it stops counting",
    request: { params: idParams, body: jsonBody(disputeStatementSchema) },
    responses: { 200: ok("The statement.", statementDetailSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  const receiptTags = ["Receipts"];
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/receipts",
    tags: receiptTags,
    summary: "Cash the licensor received on the deal, with each receipt's creator-first split",
    request: { params: idParams },
    responses: {
      200: ok("Receipts, newest first.", z.object({ deal: dealRef, receipts: z.array(receiptSchema) })),
      ...errorResponses(401, 404),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/deals/{id}/receipts",
    tags: receiptTags,
    summary: "Record an MG instalment or overage received (the licensor); 422 says by how much it exceeds what is open",
    description:
      "Send an Idempotency-Key (e.g. a UUID; unique per deal) so that a retried request cannot record the same cash twice: the same key and body → 200 with the same receipt (Idempotent-Replayed: true); the same key with another body → 422 IDEMPOTENCY_KEY_REUSED; a malformed key → 400 IDEMPOTENCY_KEY_INVALID.",
    request: {
      params: idParams,
      headers: z.object({ "Idempotency-Key": z.string().min(1).max(255).optional() }),
      body: jsonBody(recordReceiptSchema),
    },
    responses: {
      201: ok("The receipt and its split.", receiptSchema),
      200: ok("A retry with the same Idempotency-Key and body: the same receipt.", receiptSchema),
      ...errorResponses(400, 401, 403, 404, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/balance",
    tags: receiptTags,
    summary: "MG contracted and received, overage due and received, per instalment",
    request: { params: idParams },
    responses: { 200: ok("The balance.", balanceSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/deals/{id}/creator-statements",
    tags: receiptTags,
    summary: "Creator statements of a deal (the licensor): each participant's earnings per month or quarter; format=csv exports",
    request: { params: idParams, query: creatorStatementsQuerySchema },
    responses: {
      200: {
        description: "Rows per participant and period.",
        content: {
          "application/json": {
            schema: z.object({
              period: z.string(),
              items: z.array(
                z.object({
                  dealId: z.uuid(),
                  name: z.string(),
                  role: z.string().nullable(),
                  period: z.string(),
                  periodStart: z.iso.date(),
                  periodEnd: z.iso.date(),
                  receipts: z.int(),
                  amount: moneySchema,
                }),
              ),
            }),
          },
          "text/csv": { schema: z.string() },
        },
      },
      ...errorResponses(401, 404, 422),
    },
  });
}
