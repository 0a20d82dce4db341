import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { paginated } from "@/lib/api/pagination";
import { errorResponses, idParams } from "@/lib/api/schemas";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import {
  ATTACHMENT_TYPES,
  attachmentParams,
  createEditRequestSchema,
  EDIT_ITEM_STATUSES,
  EDIT_REQUEST_STATUSES,
  EDIT_RULES,
  editCommentListQuerySchema,
  editCommentSchema,
  editDecisionSchema,
  editPolicyQuerySchema,
  editPolicySchema,
  editRequestListQuerySchema,
  editRequestVersionSchema,
  updateEditRequestSchema,
} from "./schema";

const org = z.object({ id: z.uuid(), name: z.string(), kind: z.string(), homeCountry: z.string() });
const titleRef = z.object({
  id: z.uuid(),
  originalTitle: z.string(),
  titles: z.object({ en: z.string().nullable(), zh: z.string().nullable() }),
});

export const editPolicyViewSchema = z
  .object({
    titleId: z.uuid(),
    policyId: z.uuid().nullable(),
    version: z.int().meta({ description: "The policy version in force; 0 when the studio has set none." }),
    elements: z.array(
      z.object({
        category: z.enum(EDIT_CATEGORIES),
        rule: z.enum(EDIT_RULES),
        maxPct: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    createdAt: z.iso.datetime().nullable(),
    editable: z.boolean().meta({ description: "True for the studio that owns the title." }),
  })
  .meta({ id: "EditPolicyView" });

const itemSchema = z.object({
  id: z.uuid(),
  position: z.int(),
  category: z.enum(EDIT_CATEGORIES),
  description: z.string(),
  rationale: z.string().nullable(),
  magnitudePct: z.string().nullable(),
  status: z.enum(EDIT_ITEM_STATUSES),
  reason: z
    .string()
    .nullable()
    .meta({ description: "Why the item was rejected or waits (the policy note for LOCKED items, the studio's note for decided ones)." }),
  automatic: z.boolean().meta({ description: "Decided by the policy on submission rather than by the studio." }),
  code: z
    .enum(["PRE_APPROVED", "OVER_LIMIT", "MAGNITUDE_NEEDED", "LOCKED", "APPROVAL_REQUIRED", "NO_POLICY_ELEMENT"])
    .nullable()
    .meta({ description: "The policy rule that applied, for items decided automatically or waiting." }),
  decidedAt: z.iso.datetime().nullable(),
});

export const editRequestSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(EDIT_REQUEST_STATUSES),
    version: z.int().meta({ description: "Send it back with PATCH/submit/withdraw; a stale one gets 409." }),
    role: z.enum(["PARTNER", "STUDIO"]),
    titleId: z.uuid(),
    title: titleRef,
    baseVersionId: z.uuid(),
    baseVersion: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    dealId: z.uuid().nullable(),
    deal: z.object({ id: z.uuid(), name: z.string(), status: z.string() }).nullable(),
    partner: org,
    studio: org,
    territories: z.array(z.string()),
    items: z.array(itemSchema),
    versionId: z.uuid().nullable().meta({ description: "The INTERNATIONAL version the request produced (APPROVED / PARTIALLY_APPROVED)." }),
    resultVersion: z.object({ id: z.uuid(), name: z.string(), status: z.string(), territories: z.array(z.string()) }).nullable(),
    policyId: z.uuid().nullable(),
    policyVersion: z.int().nullable().meta({ description: "The policy version the request was evaluated against at its last submission." }),
    changesRequestedNote: z.string().nullable(),
    commentCount: z.int(),
    attachmentCount: z.int(),
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "EditRequest" });

const summarySchema = editRequestSchema
  .omit({
    items: true,
    baseVersion: true,
    resultVersion: true,
    policyId: true,
    policyVersion: true,
    changesRequestedNote: true,
    attachmentCount: true,
    withdrawnAt: true,
  })
  .extend({ itemCounts: z.object({ total: z.int(), pending: z.int(), approved: z.int(), rejected: z.int() }) })
  .meta({ id: "EditRequestSummary" });

const commentSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "EditComment" });

const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(Object.keys(ATTACHMENT_TYPES) as [string, ...string[]]),
    sizeBytes: z.int(),
    sha256: z.string(),
    organizationId: z.uuid(),
    uploadedById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    href: z.string(),
  })
  .meta({ id: "EditAttachment" });

const timelineSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.iso.datetime(),
      action: z.string(),
      organizationId: z.uuid().nullable(),
      actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      viaApiKey: z.boolean(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });

export function registerEditPaths(r: OpenAPIRegistry) {
  const tags = ["Edit rights"];
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/edit-policy",
    tags,
    summary: "A title's edit policy in force, or a past version (for its studio and for everyone who can see the title)",
    request: { params: idParams, query: editPolicyQuerySchema },
    responses: { 200: ok("The policy.", editPolicyViewSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "put",
    path: "/api/v1/titles/{id}/edit-policy",
    tags,
    summary: "Set the edit policy of one of your titles: one element per category; writes a new policy version",
    description:
      "Requests are evaluated against the version in force when they are submitted. `maxPct` only with PRE_APPROVED (inclusive limit). Send the `version` you last read: when another save came first the answer is 409 STALE_UPDATE (with `currentVersion`) and nothing is saved.",
    request: { params: idParams, body: jsonBody(editPolicySchema) },
    responses: { 200: ok("The new policy version.", editPolicyViewSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests",
    tags,
    summary: "Edit requests: a partner's own; a studio's on its titles (once submitted)",
    request: { query: editRequestListQuerySchema },
    responses: { 200: ok("A page of requests.", paginated(summarySchema, "EditRequestPage")), ...errorResponses(401, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests",
    tags,
    summary: "Draft an edit request (partners): title, base version, territories, optional deal, items",
    request: { body: jsonBody(createEditRequestSchema) },
    responses: { 201: ok("Drafted.", editRequestSchema), ...errorResponses(400, 401, 403, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests/{id}",
    tags,
    summary: "An edit request with its items, their status and reasons, and the version it produced",
    request: { params: idParams },
    responses: { 200: ok("The request.", editRequestSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/edit-requests/{id}",
    tags,
    summary: "Change a DRAFT or CHANGES_REQUESTED request (the partner; needs the version last read; `items` replaces all items)",
    request: { params: idParams, body: jsonBody(updateEditRequestSchema) },
    responses: { 200: ok("The request.", editRequestSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests/{id}/submit",
    tags,
    summary:
      "Submit (or resubmit) a request: items are evaluated against the policy in force; a named deal must be SIGNED, cover the title and territories and permit edits (else 422 with the reason)",
    request: { params: idParams, body: { required: false, ...jsonBody(editRequestVersionSchema) } },
    responses: {
      200: ok("The request (UNDER_REVIEW, or final when the policy decided every item).", editRequestSchema),
      ...errorResponses(401, 403, 404, 409, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests/{id}/withdraw",
    tags,
    summary: "Withdraw a request that is not decided (the partner)",
    request: { params: idParams, body: { required: false, ...jsonBody(editRequestVersionSchema) } },
    responses: { 200: ok("The request.", editRequestSchema), ...errorResponses(401, 403, 404, 409, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests/{id}/decision",
    tags,
    summary: "Decide waiting items or ask for changes (the studio); a request not UNDER_REVIEW answers 409",
    description:
      "`{items: [{itemId, decision: APPROVED|REJECTED, note?}]}` decides items (an item already decided answers 409); `{requestChanges: note}` returns the request to the partner. When every item is decided the request is APPROVED, PARTIALLY_APPROVED or REJECTED; the first two create an INTERNATIONAL version listing exactly the approved changes.",
    request: { params: idParams, body: jsonBody(editDecisionSchema) },
    responses: { 200: ok("The request.", editRequestSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests/{id}/comments",
    tags,
    summary: "The comment thread between the two parties, oldest first",
    request: { params: idParams, query: editCommentListQuerySchema },
    responses: { 200: ok("A page of comments.", paginated(commentSchema, "EditCommentPage")), ...errorResponses(401, 404, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests/{id}/comments",
    tags,
    summary: "Comment on a request (either party); the other party is notified",
    request: { params: idParams, body: jsonBody(editCommentSchema) },
    responses: { 201: ok("The comment.", commentSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests/{id}/attachments",
    tags,
    summary: "Files attached to a request (storyboards, scripts)",
    request: { params: idParams },
    responses: { 200: ok("Attachments.", paginated(attachmentSchema, "EditAttachmentPage")), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/edit-requests/{id}/attachments",
    tags,
    summary:
      "Attach a file (either party): at most 10 MB; PDF, PNG, JPEG, WebP, plain text (.txt) or Word (.docx), checked from the content",
    request: {
      params: idParams,
      body: { content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) } } },
    },
    responses: { 201: ok("The attachment.", attachmentSchema), ...errorResponses(401, 403, 404, 413, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests/{id}/attachments/{attachmentId}",
    tags,
    summary: "Download an attachment",
    request: { params: attachmentParams },
    responses: {
      200: {
        description: "The file, as an attachment.",
        content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
      },
      ...errorResponses(401, 404),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/edit-requests/{id}/timeline",
    tags,
    summary: "Every step of the request from the audit log, oldest first",
    request: { params: idParams },
    responses: { 200: ok("The timeline.", timelineSchema), ...errorResponses(401, 404) },
  });
}
