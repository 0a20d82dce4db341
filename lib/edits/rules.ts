import type { EditCategory } from "@/lib/catalogue/schema";
import { D } from "@/lib/money/money";
import type { EditItemStatus, EditRequestStatus, EditRule, ItemDecision } from "./schema";

/**
 * Pure rules of PRODUCT.md §7: how an edit request's items are checked against the
 * title's edit policy on submission, how the request's status follows the per-item decisions, and
 * the request status machine. No I/O. Percentages are decimal strings compared with decimal.js.
 *
 * Reasons are English sentences for the API and the audit log; `code` (plus `maxPct` and
 * `magnitudePct` where they matter) lets the UI say the same thing in the reader's language.
 */

export type PolicyElement = { category: EditCategory; rule: EditRule; maxPct?: string | null; note?: string | null };
export type Policy = { elements: readonly PolicyElement[] };
export type RequestItem = { category: EditCategory; magnitudePct?: string | null };

export type EvaluationCode =
  /** PRE_APPROVED with no limit, or within it (exactly at the limit counts as within). */
  | "PRE_APPROVED"
  /** PRE_APPROVED, but the asked magnitude is over the limit: waits for review. */
  | "OVER_LIMIT"
  /** PRE_APPROVED with a limit, and the item gives no magnitude to check: waits for review. */
  | "MAGNITUDE_NEEDED"
  /** LOCKED: rejected automatically, the policy note as the reason. */
  | "LOCKED"
  | "APPROVAL_REQUIRED"
  /** The policy has no element for the category: waits for review. */
  | "NO_POLICY_ELEMENT";

export type ItemEvaluation = {
  status: EditItemStatus;
  /** Why the item was rejected or waits; null when approved automatically. */
  reason: string | null;
  /** True when the policy decided the item (APPROVED or REJECTED) without the studio. */
  automatic: boolean;
  code: EvaluationCode;
  /** Normalized limit and asked magnitude, for OVER_LIMIT / MAGNITUDE_NEEDED / PRE_APPROVED with a limit. */
  maxPct?: string;
  magnitudePct?: string;
};

export const DEFAULT_LOCKED_REASON = "This element is locked by the studio.";

/** "9.50" → "9.5"; plain notation, never exponential. */
const pct = (value: string) => new D(value).toFixed();

const present = (value: string | null | undefined): value is string => value != null && value.trim() !== "";

/** Checks one item against the policy element for its category (undefined when the policy has none). */
export function evaluateItem(item: RequestItem, element: PolicyElement | undefined): ItemEvaluation {
  if (!element) {
    return {
      status: "PENDING",
      reason: `The edit policy has no rule for ${item.category}; the studio will review this change.`,
      automatic: false,
      code: "NO_POLICY_ELEMENT",
    };
  }
  switch (element.rule) {
    case "LOCKED":
      return {
        status: "REJECTED",
        reason: present(element.note) ? element.note.trim() : DEFAULT_LOCKED_REASON,
        automatic: true,
        code: "LOCKED",
      };
    case "APPROVAL_REQUIRED":
      return {
        status: "PENDING",
        reason: `${item.category} changes need the studio's approval.`,
        automatic: false,
        code: "APPROVAL_REQUIRED",
      };
    case "PRE_APPROVED": {
      if (!present(element.maxPct)) return { status: "APPROVED", reason: null, automatic: true, code: "PRE_APPROVED" };
      const maxPct = pct(element.maxPct);
      if (!present(item.magnitudePct)) {
        return {
          status: "PENDING",
          reason: `${item.category} changes are pre-approved up to ${maxPct}%, but no magnitude was given; state the magnitude to check it against the limit, or the studio will review this change.`,
          automatic: false,
          code: "MAGNITUDE_NEEDED",
          maxPct,
        };
      }
      const magnitudePct = pct(item.magnitudePct);
      if (new D(magnitudePct).lte(maxPct)) {
        return { status: "APPROVED", reason: null, automatic: true, code: "PRE_APPROVED", maxPct, magnitudePct };
      }
      return {
        status: "PENDING",
        reason: `${item.category} changes are pre-approved up to ${maxPct}%; this one asks for ${magnitudePct}%, so the studio will review it.`,
        automatic: false,
        code: "OVER_LIMIT",
        maxPct,
        magnitudePct,
      };
    }
  }
}

/** Each item with its evaluation against the policy in force at submission (item fields kept). */
export function evaluateRequest<T extends RequestItem>(items: readonly T[], policy: Policy): Array<T & { evaluation: ItemEvaluation }> {
  const byCategory = new Map(policy.elements.map((e) => [e.category, e] as const));
  return items.map((item) => ({ ...item, evaluation: evaluateItem(item, byCategory.get(item.category)) }));
}

// ---- request status ---------------------------------------------------------------------------

export type OutcomeStatus = Extract<
  EditRequestStatus,
  "UNDER_REVIEW" | "APPROVED" | "PARTIALLY_APPROVED" | "REJECTED" | "CHANGES_REQUESTED"
>;

/**
 * The request's status after evaluation and decisions: CHANGES_REQUESTED when the studio sent it
 * back (whatever the items say); otherwise UNDER_REVIEW while any item waits (or there are no
 * items, which submission refuses anyway); APPROVED when every item is approved; REJECTED when
 * none is; PARTIALLY_APPROVED for a mix.
 */
export function requestStatus(items: readonly { status: EditItemStatus }[], changesRequested: boolean): OutcomeStatus {
  if (changesRequested) return "CHANGES_REQUESTED";
  if (items.length === 0 || items.some((i) => i.status === "PENDING")) return "UNDER_REVIEW";
  const approved = items.filter((i) => i.status === "APPROVED").length;
  if (approved === items.length) return "APPROVED";
  if (approved === 0) return "REJECTED";
  return "PARTIALLY_APPROVED";
}

/** Final states: no further decisions, edits, resubmission or withdrawal. */
export const FINAL_STATUSES = ["APPROVED", "PARTIALLY_APPROVED", "REJECTED", "WITHDRAWN"] as const satisfies readonly EditRequestStatus[];
export const isFinal = (status: EditRequestStatus) => (FINAL_STATUSES as readonly EditRequestStatus[]).includes(status);

/** Only a request under review takes decisions (a decided one answers 409). */
export const canDecide = (status: EditRequestStatus) => status === "UNDER_REVIEW";

/** The statuses whose approved items produce an INTERNATIONAL version. */
export const producesVersion = (status: EditRequestStatus) => status === "APPROVED" || status === "PARTIALLY_APPROVED";

const TRANSITIONS: Record<EditRequestStatus, readonly EditRequestStatus[]> = {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  SUBMITTED: ["UNDER_REVIEW", "WITHDRAWN"],
  UNDER_REVIEW: ["APPROVED", "PARTIALLY_APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN"],
  CHANGES_REQUESTED: ["SUBMITTED", "WITHDRAWN"],
  APPROVED: [],
  PARTIALLY_APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/**
 * The status machine: DRAFT → SUBMITTED → UNDER_REVIEW → (APPROVED | PARTIALLY_APPROVED | REJECTED
 * | CHANGES_REQUESTED); CHANGES_REQUESTED → SUBMITTED on resubmission; WITHDRAWN from DRAFT,
 * SUBMITTED, UNDER_REVIEW or CHANGES_REQUESTED; decided states are final. A status never
 * "transitions" to itself. Submission walks SUBMITTED → UNDER_REVIEW and, when the policy decided
 * every item, on to requestStatus(...) in the same step.
 */
export function canTransition(from: EditRequestStatus, to: EditRequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

// ---- studio decisions -------------------------------------------------------------------------

export type DecidableItem = { id: string; status: EditItemStatus; reason?: string | null; automatic?: boolean };
export type Decision = { itemId: string; decision: ItemDecision; note?: string | null };

export type DecisionErrorCode = "UNKNOWN_ITEM" | "NOT_PENDING" | "DUPLICATE_DECISION";
export type DecisionError = {
  code: DecisionErrorCode;
  /** Index of the offending decision, and its path in the request body. */
  index: number;
  path: string;
  itemId: string;
  message: string;
  /** For NOT_PENDING: the status the item already has. */
  status?: EditItemStatus;
};

export type DecisionResult<T> = { ok: true; items: T[] } | { ok: false; errors: DecisionError[] };

/**
 * Applies the studio's per-item decisions. All or nothing: any decision on an unknown item, on an
 * item that is not PENDING (decided automatically or already decided), or a second decision on
 * the same item in one batch refuses the whole batch with every error listed. A decided item
 * takes the note as its reason (null when none) and `automatic: false`.
 */
export function applyDecisions<T extends DecidableItem>(items: readonly T[], decisions: readonly Decision[]): DecisionResult<T> {
  const byId = new Map(items.map((i) => [i.id, i] as const));
  const errors: DecisionError[] = [];
  const decided = new Map<string, Decision>();
  decisions.forEach((d, index) => {
    const path = `items.${index}.itemId`;
    const item = byId.get(d.itemId);
    if (!item) {
      errors.push({ code: "UNKNOWN_ITEM", index, path, itemId: d.itemId, message: "This request has no such item." });
    } else if (decided.has(d.itemId)) {
      errors.push({
        code: "DUPLICATE_DECISION",
        index,
        path,
        itemId: d.itemId,
        message: "This item is decided twice in the same decision.",
      });
    } else if (item.status !== "PENDING") {
      errors.push({
        code: "NOT_PENDING",
        index,
        path,
        itemId: d.itemId,
        status: item.status,
        message: `This item is already ${item.status}; only waiting items can be decided.`,
      });
    }
    decided.set(d.itemId, d);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    items: items.map((item) => {
      const d = decided.get(item.id);
      if (!d) return item;
      const note = present(d.note) ? d.note.trim() : null;
      return { ...item, status: d.decision, reason: note, automatic: false };
    }),
  };
}
