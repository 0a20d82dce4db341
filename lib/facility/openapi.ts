import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, idParams } from "@/lib/api/schemas";
import { moneySchema } from "@/lib/money/money";
import { ADVANCE_STATUSES, LEDGER_KINDS } from "./rules";
import {
  advanceCreateSchema,
  advanceDecisionSchema,
  advanceDefaultSchema,
  advanceListQuerySchema,
  advanceUpdateSchema,
  disbursementBodySchema,
  documentParams,
  eligibilityQuerySchema,
  eligibilityViewSchema as eligibilitySchema,
  facilitySettingsUpdateSchema,
  portfolioQuerySchema,
  writeOffSchema,
} from "./schema";

const facilitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.int(),
    currency: z.string(),
    advanceRatePct: z.string(),
    maxPerDeal: moneySchema,
    maxPerLicenseePct: z.string(),
    feePct: z.string(),
    sweepPct: z.string(),
    capacity: moneySchema.optional().meta({ description: "Facility staff only." }),
    principalOutstanding: moneySchema.optional().meta({ description: "Facility staff only." }),
    approvedUndisbursed: moneySchema
      .optional()
      .meta({ description: "Approved, not yet disbursed: reserved against capacity. Facility staff only." }),
    available: moneySchema.optional().meta({ description: "Facility staff only." }),
    utilisationPct: z.string().nullable().optional().meta({ description: "principalOutstanding / capacity × 100. Facility staff only." }),
    utilisationWithReservedPct: z.string().nullable().optional().meta({
      description:
        "(principalOutstanding + approvedUndisbursed) / capacity × 100: the share the capacity limit checks. Facility staff only.",
    }),
    advanceCount: z.int().optional().meta({ description: "Facility staff only." }),
  })
  .meta({ id: "Facility" });

const settingsWarningSchema = z
  .object({
    code: z.enum(["CAPACITY_BELOW_EXPOSURE"]),
    detail: z.string(),
    capacity: moneySchema,
    exposure: moneySchema.meta({ description: "principalOutstanding + approvedUndisbursed." }),
    principalOutstanding: moneySchema,
    approvedUndisbursed: moneySchema,
  })
  .meta({ id: "FacilitySettingsWarning" });

const balanceSchema = z.object({ principal: moneySchema, fee: moneySchema, owed: moneySchema });

const advanceSummarySchema = z.object({
  id: z.uuid(),
  dealId: z.uuid(),
  status: z.enum(ADVANCE_STATUSES),
  amount: moneySchema,
  approvedAmount: moneySchema.nullable(),
  purpose: z.string(),
  balance: balanceSchema,
});

const advanceSchema = advanceSummarySchema
  .extend({
    version: z.int(),
    conditions: z.string().nullable(),
    declineReason: z.string().nullable(),
    defaultReason: z.string().nullable(),
    eligibility: eligibilitySchema.nullable(),
    ledger: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(LEDGER_KINDS),
        amount: moneySchema,
        at: z.iso.datetime(),
        feePart: moneySchema.nullable(),
        principalPart: moneySchema.nullable(),
        receiptId: z.uuid().nullable(),
        source: moneySchema.nullable(),
        fxRate: z.string().nullable(),
        paymentReference: z.string().nullable().meta({ description: "DISBURSEMENT and FEE entries: the bank's payment reference." }),
        valueDate: z.iso.date().nullable().meta({ description: "DISBURSEMENT and FEE entries: the payment's value date." }),
        payingAccount: z.string().nullable().meta({ description: "DISBURSEMENT and FEE entries: the account paid from." }),
      }),
    ),
    documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.int() })),
  })
  .meta({ id: "Advance" });

const disbursementSchema = z
  .object({
    id: z.uuid(),
    advanceId: z.uuid(),
    principal: moneySchema,
    fee: moneySchema,
    idempotencyKey: z.string(),
    disbursedById: z.uuid().nullable(),
    paymentReference: z
      .string()
      .nullable()
      .meta({ description: "The bank's payment reference (null only on disbursements recorded before it was required)." }),
    valueDate: z.iso.date().nullable(),
    payingAccount: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Disbursement" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });

export function registerFacilityPaths(r: OpenAPIRegistry) {
  const tags = ["Advance facility"];
  r.registerPath({
    method: "get",
    path: "/api/v1/facility",
    tags,
    summary: "The facility's settings and utilisation (facility staff: their own; studios: only the terms of the facility they apply to)",
    responses: { 200: ok("The facility.", facilitySchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "put",
    path: "/api/v1/facility",
    tags,
    summary: "Change the facility's settings (owners and admins; audited; constrains new approvals only)",
    description:
      'The currency can change only while the facility has no advances (409 CURRENCY_LOCKED). A stale `version` gets 409. A capacity below outstanding + reserved (approved, not yet disbursed) answers 422 CAPACITY_BELOW_EXPOSURE with `capacity`, `exposure`, `principalOutstanding` and `approvedUndisbursed`, unless the body says `"acknowledgeBelowExposure": true`: then it is saved (new approvals stop) and the answer carries `warnings: [{code: "CAPACITY_BELOW_EXPOSURE", …}]`.',
    request: { body: jsonBody(facilitySettingsUpdateSchema) },
    responses: {
      200: ok(
        "The facility, with the warnings of the change (empty when none).",
        facilitySchema.extend({ warnings: z.array(settingsWarningSchema) }),
      ),
      ...errorResponses(400, 401, 403, 404, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/facility/portfolio",
    tags,
    summary: "Portfolio: capacity, utilisation, principal outstanding and owed by studio, licensee, licensee country, genre and deal",
    description:
      "`?format=csv` answers the same figures as one CSV with a `section` column. A multi-title deal counts under the first genre of its first grant's title.",
    request: { query: portfolioQuerySchema },
    responses: {
      200: {
        description: "The portfolio.",
        content: { "application/json": { schema: z.object({}).passthrough() }, "text/csv": { schema: z.string() } },
      },
      ...errorResponses(401, 404, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/advances",
    tags,
    summary: "Advances: a studio's own, or a facility's (404 for partners and the platform)",
    request: { query: advanceListQuerySchema },
    responses: {
      200: ok("A page of advances.", z.object({ items: z.array(advanceSummarySchema), nextCursor: z.string().nullable() })),
      ...errorResponses(401, 404, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/advances",
    tags,
    summary: "Apply for an advance against your own SIGNED cross-border deal (as licensor), in the facility currency",
    request: { body: jsonBody(advanceCreateSchema) },
    responses: {
      201: ok("The application (DRAFT, or SUBMITTED with submit: true).", advanceSchema),
      ...errorResponses(400, 401, 403, 415, 422),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/advances/eligibility",
    tags,
    summary: "Before applying: the eligible base of a deal and every limit with its numbers (for `amount`, default 0)",
    request: { query: eligibilityQuerySchema },
    responses: { 200: ok("Eligibility.", eligibilitySchema), ...errorResponses(401, 403, 404, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/advances/{id}",
    tags,
    summary: "An advance with its eligibility, balances (sums of the ledger), ledger, documents and timeline",
    request: { params: idParams },
    responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/advances/{id}",
    tags,
    summary: "Change a DRAFT application's amount or purpose",
    request: { params: idParams, body: jsonBody(advanceUpdateSchema) },
    responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  for (const [action, summary] of [
    ["submit", "Submit a DRAFT application (studio)"],
    ["review", "Start reviewing a SUBMITTED application (facility; a decision on a SUBMITTED one starts the review itself)"],
  ] as const) {
    r.registerPath({
      method: "post",
      path: `/api/v1/advances/{id}/${action}`,
      tags,
      summary,
      request: { params: idParams },
      responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(401, 403, 404, 409) },
    });
  }
  r.registerPath({
    method: "post",
    path: "/api/v1/advances/{id}/decision",
    tags,
    summary: "Approve (possibly a lower amount, with conditions) or decline with a reason (facility underwriters)",
    description:
      "An approval is refused with 422 LIMITS_EXCEEDED listing each broken rule (`rules`: ELIGIBLE_BASE, MAX_PER_DEAL, CAPACITY, LICENSEE_CONCENTRATION) with its limit, used and requested amounts. Approved amounts are reserved against the limits until disbursed.",
    request: { params: idParams, body: jsonBody(advanceDecisionSchema) },
    responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/advances/{id}/disbursements",
    tags,
    summary: "Disburse an APPROVED advance exactly once (Idempotency-Key required; the approver cannot disburse: 403 FOUR_EYES)",
    description:
      "Same key and body → 200 with the same disbursement (Idempotent-Replayed: true); same key, other body → 422; another key after a disbursement → 409. The body must name `paymentReference`, `valueDate` (not in the future) and `payingAccount` (422 naming each one missing); they are part of the request the key replays. Writes DISBURSEMENT and FEE ledger entries.",
    request: {
      params: idParams,
      headers: z.object({ "Idempotency-Key": z.string().min(1).max(255) }),
      body: { required: true, ...jsonBody(disbursementBodySchema) },
    },
    responses: {
      201: ok("Disbursed.", disbursementSchema),
      200: ok("A retry: the same disbursement.", disbursementSchema),
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/advances/{id}/default",
    tags,
    summary: "Mark a DISBURSED advance DEFAULTED (later receipts still recoup it)",
    request: { params: idParams, body: jsonBody(advanceDefaultSchema) },
    responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/advances/{id}/write-off",
    tags,
    summary: "Write off a DEFAULTED advance: a WRITE_OFF ledger entry for everything owed",
    request: { params: idParams, body: { required: false, ...jsonBody(writeOffSchema) } },
    responses: { 200: ok("The advance.", advanceSchema), ...errorResponses(401, 403, 404, 409, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/advances/{id}/documents",
    tags,
    summary: "Supporting documents of an advance",
    request: { params: idParams },
    responses: { 200: { description: "Documents." }, ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/advances/{id}/documents",
    tags,
    summary: "Attach a supporting document (PDF, PNG, JPEG, XLSX, DOCX; at most 10 MB) as multipart field `file`",
    request: {
      params: idParams,
      body: { content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) } } },
    },
    responses: { 201: { description: "Attached." }, ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/advances/{id}/documents/{documentId}",
    tags,
    summary: "Download a supporting document",
    request: { params: documentParams },
    responses: {
      200: { description: "The file.", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } },
      ...errorResponses(401, 404),
    },
  });
}
