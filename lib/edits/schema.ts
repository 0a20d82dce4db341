import { z } from "zod";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import { DOCX_MIME } from "@/lib/files/sniff";
import { D } from "@/lib/money/money";

/**
 * Shapes of PRODUCT.md §7 (localization edit rights): the edit policy of a title and the items of
 * a partner's edit request. Percentages are decimal strings ("10", "9.5"), 0–100, compared with
 * decimal.js in lib/edits/rules.ts, never as floats.
 */

export const EDIT_RULES = ["LOCKED", "APPROVAL_REQUIRED", "PRE_APPROVED"] as const;
export type EditRule = (typeof EDIT_RULES)[number];

export const EDIT_ITEM_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export type EditItemStatus = (typeof EDIT_ITEM_STATUSES)[number];

export const EDIT_REQUEST_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "APPROVED",
  "PARTIALLY_APPROVED",
  "REJECTED",
  "CHANGES_REQUESTED",
  "WITHDRAWN",
] as const;
export type EditRequestStatus = (typeof EDIT_REQUEST_STATUSES)[number];

export const ITEM_DECISIONS = ["APPROVED", "REJECTED"] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` });
const requiredText = (max: number, message: string) => text(max).min(1, { error: message });
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === "" || v == null ? undefined : v));

/**
 * 0–100 as a decimal string with up to 4 decimals. Not lib/money's percentSchema: its `> 100`
 * refine runs even when the format check failed and throws a DecimalError on input like "ten";
 * here the format check aborts first.
 */
const percentSchema = z
  .string({ error: 'Use a percentage as a decimal string, e.g. "12.5".' })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: 'Use a percentage from 0 to 100 as a decimal string, e.g. "12.5".', abort: true })
  .refine((v) => new D(v).lte(100), { error: "A percentage cannot exceed 100." })
  .meta({ description: "Percentage as a decimal string, 0–100, up to 4 decimals.", example: "12.5" });

const categorySchema = z.enum(EDIT_CATEGORIES, { error: `Choose a category: ${EDIT_CATEGORIES.join(", ")}.` });

// ---- policy ------------------------------------------------------------------------------------

export const editPolicyElementSchema = z
  .object({
    category: categorySchema,
    rule: z.enum(EDIT_RULES, { error: `Choose a rule: ${EDIT_RULES.join(", ")}.` }),
    maxPct: percentSchema.nullish().meta({
      description: 'Only with PRE_APPROVED: the largest magnitude allowed without review (inclusive), e.g. "10" for a runtime cut ≤ 10%.',
    }),
    note: optionalText(2000).meta({ description: "Explains the element to partners; the reason given when a LOCKED item is rejected." }),
  })
  .meta({ id: "EditPolicyElement" });

/**
 * One element per category (a repeat is reported on the repeat's `category`). `maxPct` is allowed
 * only with PRE_APPROVED: on LOCKED or APPROVAL_REQUIRED a limit would do nothing, and a studio
 * that typed one would believe it did.
 */
export const editPolicySchema = z
  .object({
    elements: z.array(editPolicyElementSchema).max(EDIT_CATEGORIES.length),
    version: z
      .int({ error: "Send the policy version you last read (0 when the title had none)." })
      .min(0, { error: "Send the policy version you last read (0 when the title had none)." })
      .optional()
      .meta({
        description:
          "The policy `version` you last read (0 when the title had none). When another save came first, the answer is 409 STALE_UPDATE and nothing is saved. Left out, the save is unconditional (clients written before it existed).",
      }),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.elements.forEach((element, index) => {
      const first = seen.get(element.category);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["elements", index, "category"],
          message: `Each category once: ${element.category} is already element ${first + 1}.`,
        });
      } else {
        seen.set(element.category, index);
      }
      if (element.maxPct != null && element.rule !== "PRE_APPROVED") {
        ctx.addIssue({
          code: "custom",
          path: ["elements", index, "maxPct"],
          message: "A limit applies only to a PRE_APPROVED element; remove it or make the element PRE_APPROVED.",
        });
      }
    });
  })
  .meta({ id: "EditPolicy" });

export type EditPolicyInput = z.input<typeof editPolicySchema>;
export type EditPolicy = z.output<typeof editPolicySchema>;
export type EditPolicyElement = z.output<typeof editPolicyElementSchema>;

// ---- request items ----------------------------------------------------------------------------

export const editRequestItemSchema = z
  .object({
    category: categorySchema,
    description: requiredText(4000, "Describe the change."),
    rationale: requiredText(4000, "Say why the change is needed for the market."),
    magnitudePct: percentSchema.nullish().meta({
      description: 'How large the change is, as a percentage (e.g. "8" for an 8% runtime cut); needed where the policy sets a limit.',
    }),
  })
  .meta({ id: "EditRequestItemInput" });
export type EditRequestItemInput = z.input<typeof editRequestItemSchema>;
export type EditRequestItemData = z.output<typeof editRequestItemSchema>;

/** The items of a request: several items may touch the same category. */
export const editRequestItemsSchema = z
  .array(editRequestItemSchema)
  .min(1, { error: "Add at least one change." })
  .max(100, { error: "Use at most 100 changes in one request." });

// ---- decisions --------------------------------------------------------------------------------

export const itemDecisionSchema = z
  .object({
    itemId: z.uuid({ error: "Name the item by its id." }),
    decision: z.enum(ITEM_DECISIONS, { error: "Decide APPROVED or REJECTED." }),
    note: optionalText(2000),
  })
  .meta({ id: "EditItemDecision" });
export type ItemDecisionData = z.output<typeof itemDecisionSchema>;

/** POST /edit-requests/{id}/decision: decide waiting items, or send the request back for changes. */
export const editDecisionSchema = z
  .union([
    z.object({ items: z.array(itemDecisionSchema).min(1, { error: "Decide at least one item." }).max(100) }).strict(),
    z.object({ requestChanges: requiredText(4000, "Say what should change.") }).strict(),
  ])
  .meta({ id: "EditDecision" });
export type EditDecisionData = z.output<typeof editDecisionSchema>;

/**
 * Request bodies and queries of the edit-request API, shared by route handlers, server actions,
 * forms and the OpenAPI document. Browser-safe: territory codes are checked against the
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
