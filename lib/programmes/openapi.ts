import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, idParams } from "@/lib/api/schemas";
import {
  applicationPageQuerySchema,
  applicationParams,
  applicationSummarySchema,
  applicationViewSchema,
  clawbackSchema,
  dashboardSchema,
  decisionSchema,
  eligibilityQuerySchema,
  eligibilityViewSchema,
  payoutSchema,
  payoutViewSchema,
  programmeCreateSchema,
  programmeListQuerySchema,
  programmeUpdateSchema,
  programmeViewSchema,
  reviewSchema,
} from "./schema";

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });
const page = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function registerProgrammePaths(r: OpenAPIRegistry) {
  const tags = ["Export programmes"];
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes",
    tags,
    summary: "Programmes: a programme organisation's own; for a studio those open today and those it applied to (404 for others)",
    request: { query: programmeListQuerySchema },
    responses: { 200: ok("A page of programmes.", page(programmeViewSchema)), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes",
    tags,
    summary: "Define a programme (owners and admins of a PROGRAMME organisation)",
    description: "Money in the programme currency with its digits; target territories are country, M49 region and group codes.",
    request: { body: jsonBody(programmeCreateSchema) },
    responses: { 201: ok("The programme.", programmeViewSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}",
    tags,
    summary: "A programme",
    request: { params: idParams },
    responses: { 200: ok("The programme.", programmeViewSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/programmes/{id}",
    tags,
    summary: "Change a programme while nobody has applied (409 HAS_APPLICATIONS; a stale `version` gets 409)",
    request: { params: idParams, body: jsonBody(programmeUpdateSchema) },
    responses: { 200: ok("The programme.", programmeViewSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}/eligibility",
    tags,
    summary: "The acting studio's metrics, criteria, evidence and award preview, measured from platform records",
    description: "A missing FX rate is a 422 FX_RATE_MISSING naming each pair and date.",
    request: { params: idParams, query: eligibilityQuerySchema },
    responses: { 200: ok("Eligibility.", eligibilityViewSchema), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}/dashboard",
    tags,
    summary: "Budget, committed, paid, applications by status and the awarded studios' receipts ÷ payments by quarter (programme staff)",
    request: { params: idParams },
    responses: { 200: ok("The dashboard.", dashboardSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}/applications",
    tags,
    summary: "Applications: every one to the programme for its staff, its own for a studio",
    description:
      "`evidenceChanged` is computed in one query for the page: a counted statement no longer counting, a version no longer DELIVERED, a receipt or test gone or moved.",
    request: { params: idParams, query: applicationPageQuerySchema },
    responses: { 200: ok("A page of applications.", page(applicationSummarySchema)), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes/{id}/applications",
    tags,
    summary: "Apply: today's eligibility answer is frozen as the snapshot with its SHA-256 (studios)",
    description:
      "One per studio and programme (409 ALREADY_APPLIED). An ineligible studio gets 422 NOT_ELIGIBLE listing every failed criterion with value and minimum.",
    request: { params: idParams },
    responses: { 201: ok("The application.", applicationViewSchema), ...errorResponses(401, 403, 404, 409, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}/applications/export",
    tags,
    summary: "Every application with its snapshot's metrics as CSV (programme staff)",
    request: { params: idParams },
    responses: { 200: { description: "CSV.", content: { "text/csv": { schema: z.string() } } }, ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/programmes/{id}/applications/{applicationId}",
    tags,
    summary: "An application: snapshot, what no longer matches the records (recomputed as of the snapshot's day), ledger",
    request: { params: applicationParams },
    responses: { 200: ok("The application.", applicationViewSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes/{id}/applications/{applicationId}/review",
    tags,
    summary: "Take a SUBMITTED application into review (programme staff)",
    request: { params: applicationParams, body: { required: false, ...jsonBody(reviewSchema) } },
    responses: { 200: ok("The application.", applicationViewSchema), ...errorResponses(401, 403, 404, 409, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes/{id}/applications/{applicationId}/decision",
    tags,
    summary: "AWARD (at most the snapshot's amount) or DECLINE; the reviewer cannot decide (403 FOUR_EYES)",
    description:
      "Awards lock the programme: together they never commit more than the budget (422 BUDGET_EXCEEDED with budget, committed, requested, available).",
    request: { params: applicationParams, body: jsonBody(decisionSchema) },
    responses: { 200: ok("The application.", applicationViewSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes/{id}/applications/{applicationId}/payouts",
    tags,
    summary: "Pay part or all of an award (Idempotency-Key required); never more than awarded − paid out",
    description:
      "Same key and body → 200 with the same payout (Idempotent-Replayed: true); same key, other body → 422; above what is left → 422 PAYOUT_EXCEEDS_AWARD. The last payout moves the application to PAID.",
    request: {
      params: applicationParams,
      headers: z.object({ "Idempotency-Key": z.string().min(1).max(255) }),
      body: jsonBody(payoutSchema),
    },
    responses: {
      201: ok("Paid.", payoutViewSchema),
      200: ok("A retry: the same payout.", payoutViewSchema),
      ...errorResponses(400, 401, 403, 404, 409, 415, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/programmes/{id}/applications/{applicationId}/clawbacks",
    tags,
    summary: "Record money recovered from the studio (at most what was paid net of earlier clawbacks)",
    request: { params: applicationParams, body: jsonBody(clawbackSchema) },
    responses: { 201: ok("Clawed back.", payoutViewSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
}
