import { z } from "zod";
import { DOCX_MIME } from "@/lib/files/sniff";
import { EDIT_REQUEST_STATUSES, editRequestItemsSchema } from "./schema";

/**
 * Request bodies and queries of the edit-request API (issue 5), shared by route handlers, server
 * actions, forms and the OpenAPI document. Browser-safe: territory codes are checked against the
 * reference data on the server (lib/catalogue/reference-checks), after these shapes.
 */

const territoryCodes = z
  .array(z.string().trim().min(1, { error: "Use a territory code." }).max(20), { error: "List the target territories." })
  .min(1, { error: "Choose at least one target territory." })
  .max(300);

const requestName = z
  .string()
  .trim()
  .max(200, { error: "Use at most 200 characters." })
  .nullish()
  .transform((v) => (v == null || v === "" ? undefined : v));

export const createEditRequestSchema = z
  .object({
    titleId: z.uuid({ error: "Choose a title." }),
    baseVersionId: z.uuid({ error: "Choose the version to adapt." }),
    territories: territoryCodes.meta({ description: "Target territories: countries, UN M49 regions or groups (e.g. TH, 035, SEA)." }),
    dealId: z.uuid({ error: "Choose one of your deals, or none." }).nullish(),
    name: requestName.meta({ description: "Defaults to “<title> · <territories>”." }),
    items: editRequestItemsSchema,
  })
  .meta({ id: "EditRequestInput" });
export type CreateEditRequestInput = z.input<typeof createEditRequestSchema>;
export type CreateEditRequestData = z.output<typeof createEditRequestSchema>;

/** PATCH: only what is given changes; `items` replaces every item; `dealId: null` unlinks the deal. */
export const updateEditRequestSchema = z
  .object({
    version: z.int({ error: "Send the request's version as you last read it." }).min(1),
    baseVersionId: z.uuid({ error: "Choose the version to adapt." }).optional(),
    territories: territoryCodes.optional(),
    dealId: z.uuid({ error: "Choose one of your deals, or none." }).nullable().optional(),
    name: requestName,
    items: editRequestItemsSchema.optional(),
  })
  .meta({ id: "EditRequestPatch" });
export type UpdateEditRequestInput = z.input<typeof updateEditRequestSchema>;
export type UpdateEditRequestData = z.output<typeof updateEditRequestSchema>;

/** Optional body of submit and withdraw: the version last read guards against acting on a changed request. */
export const editRequestVersionSchema = z
  .object({
    version: z.int().min(1).optional().meta({ description: "The version you last read; refused with 409 if the request changed since." }),
  })
  .meta({ id: "EditRequestVersion" });

export const editRequestListQuerySchema = z.object({
  status: z.enum(EDIT_REQUEST_STATUSES, { error: `Choose a status: ${EDIT_REQUEST_STATUSES.join(", ")}.` }).optional(),
  titleId: z.uuid({ error: "Use a title id." }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type EditRequestListQuery = z.output<typeof editRequestListQuerySchema>;

export const editCommentSchema = z
  .object({
    body: z.string().trim().min(1, { error: "Write a comment." }).max(4000, { error: "Use at most 4000 characters." }),
  })
  .meta({ id: "EditCommentInput" });
export type EditCommentData = z.output<typeof editCommentSchema>;

export const editCommentListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
});
export type EditCommentListQuery = z.output<typeof editCommentListQuerySchema>;

/** Attachments: storyboards, scripts, notes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
  "text/plain": "text",
  [DOCX_MIME]: "Word (.docx)",
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const editPolicyQuerySchema = z.object({
  version: z.coerce
    .number({ error: "Use a policy version number." })
    .int({ error: "Use a policy version number." })
    .min(1, { error: "Use a policy version number." })
    .optional()
    .meta({ description: "A past policy version (default: the one in force)." }),
});
