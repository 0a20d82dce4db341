import { z } from "zod";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
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
