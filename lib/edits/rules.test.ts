/**
 * Issue 5 Acceptance: "The evaluation rules above hold in a table-driven test covering every rule,
 * limit edge (exactly at the limit is allowed) and status outcome." One table per concern: item
 * evaluation, request status, the status machine, studio decisions, and the schemas.
 */
import { describe, expect, it } from "vitest";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import {
  applyDecisions,
  canDecide,
  canTransition,
  type DecidableItem,
  type Decision,
  type DecisionErrorCode,
  type EvaluationCode,
  evaluateItem,
  evaluateRequest,
  isFinal,
  type PolicyElement,
  producesVersion,
  requestStatus,
} from "./rules";
import {
  EDIT_REQUEST_STATUSES,
  type EditItemStatus,
  type EditRequestStatus,
  editDecisionSchema,
  editPolicySchema,
  editRequestItemSchema,
  editRequestItemsSchema,
} from "./schema";

// ---------------------------------------------------------------------------------------------
// evaluateItem

type EvalRow = {
  name: string;
  element: Omit<PolicyElement, "category"> | undefined;
  magnitudePct?: string | null;
  status: EditItemStatus;
  automatic: boolean;
  code: EvaluationCode;
  /** The exact reason the API and the audit log give. */
  reason: string | null;
};

const EVAL_ROWS: EvalRow[] = [
  // PRE_APPROVED, no limit
  {
    name: "pre-approved, no limit, no magnitude",
    element: { rule: "PRE_APPROVED" },
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, no limit, any magnitude",
    element: { rule: "PRE_APPROVED" },
    magnitudePct: "100",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  // PRE_APPROVED with a limit: within / at / over
  {
    name: "pre-approved, within limit",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "8",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, exactly at limit",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "10",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, at limit written differently (10.00 vs 10)",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "10.00",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, at a fractional limit",
    element: { rule: "PRE_APPROVED", maxPct: "9.5" },
    magnitudePct: "9.50",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, just over limit (smallest step)",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "10.0001",
    status: "PENDING",
    automatic: false,
    code: "OVER_LIMIT",
    reason: "RUNTIME changes are pre-approved up to 10%; this one asks for 10.0001%, so the studio will review it.",
  },
  {
    name: "pre-approved, over limit",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "12.5",
    status: "PENDING",
    automatic: false,
    code: "OVER_LIMIT",
    reason: "RUNTIME changes are pre-approved up to 10%; this one asks for 12.5%, so the studio will review it.",
  },
  // 0.1 + 0.2 > 0.3 in floats; exact decimals must call this at the limit.
  {
    name: "pre-approved, float trap 0.3 at 0.30",
    element: { rule: "PRE_APPROVED", maxPct: "0.3" },
    magnitudePct: "0.30",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, zero limit, zero magnitude",
    element: { rule: "PRE_APPROVED", maxPct: "0" },
    magnitudePct: "0",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  {
    name: "pre-approved, zero limit, any magnitude",
    element: { rule: "PRE_APPROVED", maxPct: "0" },
    magnitudePct: "0.0001",
    status: "PENDING",
    automatic: false,
    code: "OVER_LIMIT",
    reason: "RUNTIME changes are pre-approved up to 0%; this one asks for 0.0001%, so the studio will review it.",
  },
  {
    name: "pre-approved, limit 100, magnitude 100",
    element: { rule: "PRE_APPROVED", maxPct: "100" },
    magnitudePct: "100",
    status: "APPROVED",
    automatic: true,
    code: "PRE_APPROVED",
    reason: null,
  },
  // PRE_APPROVED with a limit and no magnitude
  {
    name: "pre-approved with limit, magnitude missing",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    status: "PENDING",
    automatic: false,
    code: "MAGNITUDE_NEEDED",
    reason:
      "RUNTIME changes are pre-approved up to 10%, but no magnitude was given; state the magnitude to check it against the limit, or the studio will review this change.",
  },
  {
    name: "pre-approved with limit, magnitude null",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: null,
    status: "PENDING",
    automatic: false,
    code: "MAGNITUDE_NEEDED",
    reason:
      "RUNTIME changes are pre-approved up to 10%, but no magnitude was given; state the magnitude to check it against the limit, or the studio will review this change.",
  },
  {
    name: "pre-approved with limit, magnitude blank",
    element: { rule: "PRE_APPROVED", maxPct: "10" },
    magnitudePct: "  ",
    status: "PENDING",
    automatic: false,
    code: "MAGNITUDE_NEEDED",
    reason:
      "RUNTIME changes are pre-approved up to 10%, but no magnitude was given; state the magnitude to check it against the limit, or the studio will review this change.",
  },
  // LOCKED
  {
    name: "locked with note",
    element: { rule: "LOCKED", note: "The ending is the author's; it never changes." },
    status: "REJECTED",
    automatic: true,
    code: "LOCKED",
    reason: "The ending is the author's; it never changes.",
  },
  {
    name: "locked with note (trimmed)",
    element: { rule: "LOCKED", note: "  Core of the work.  " },
    status: "REJECTED",
    automatic: true,
    code: "LOCKED",
    reason: "Core of the work.",
  },
  {
    name: "locked without note",
    element: { rule: "LOCKED" },
    status: "REJECTED",
    automatic: true,
    code: "LOCKED",
    reason: "This element is locked by the studio.",
  },
  {
    name: "locked with blank note",
    element: { rule: "LOCKED", note: "   " },
    status: "REJECTED",
    automatic: true,
    code: "LOCKED",
    reason: "This element is locked by the studio.",
  },
  {
    name: "locked, small magnitude changes nothing",
    element: { rule: "LOCKED", note: null },
    magnitudePct: "0",
    status: "REJECTED",
    automatic: true,
    code: "LOCKED",
    reason: "This element is locked by the studio.",
  },
  // APPROVAL_REQUIRED
  {
    name: "approval required",
    element: { rule: "APPROVAL_REQUIRED" },
    status: "PENDING",
    automatic: false,
    code: "APPROVAL_REQUIRED",
    reason: "RUNTIME changes need the studio's approval.",
  },
  {
    name: "approval required, tiny magnitude",
    element: { rule: "APPROVAL_REQUIRED", note: "Ask first." },
    magnitudePct: "0",
    status: "PENDING",
    automatic: false,
    code: "APPROVAL_REQUIRED",
    reason: "RUNTIME changes need the studio's approval.",
  },
  // No element for the category
  {
    name: "no element in the policy",
    element: undefined,
    magnitudePct: "1",
    status: "PENDING",
    automatic: false,
    code: "NO_POLICY_ELEMENT",
    reason: "The edit policy has no rule for RUNTIME; the studio will review this change.",
  },
];

describe("evaluateItem", () => {
  it.each(EVAL_ROWS)("$name → $status", (row) => {
    const element = row.element && { category: "RUNTIME" as const, ...row.element };
    const result = evaluateItem({ category: "RUNTIME", magnitudePct: row.magnitudePct }, element);
    expect(result.status).toBe(row.status);
    expect(result.automatic).toBe(row.automatic);
    expect(result.code).toBe(row.code);
    expect(result.reason).toBe(row.reason);
  });

  it("covers every rule and the missing element", () => {
    const rules = new Set(EVAL_ROWS.map((r) => r.element?.rule ?? "NONE"));
    expect([...rules].sort()).toEqual(["APPROVAL_REQUIRED", "LOCKED", "NONE", "PRE_APPROVED"]);
  });

  it("reports the normalized limit and magnitude for the UI", () => {
    expect(
      evaluateItem({ category: "RUNTIME", magnitudePct: "12.50" }, { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10.0" }),
    ).toMatchObject({
      code: "OVER_LIMIT",
      maxPct: "10",
      magnitudePct: "12.5",
    });
  });
});

describe("evaluateRequest", () => {
  it("evaluates each item against its category's element and keeps the item's fields", () => {
    const policy = {
      elements: [
        { category: "ENDING", rule: "LOCKED", note: "Never." },
        { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10" },
        { category: "DIALOGUE", rule: "APPROVAL_REQUIRED" },
        { category: "SUBTITLES", rule: "PRE_APPROVED" },
      ] satisfies PolicyElement[],
    };
    const items = [
      { id: "a", category: "ENDING", magnitudePct: null },
      { id: "b", category: "RUNTIME", magnitudePct: "10" },
      { id: "c", category: "RUNTIME", magnitudePct: "11" },
      { id: "d", category: "DIALOGUE" },
      { id: "e", category: "SUBTITLES" },
      { id: "f", category: "ARTWORK" },
    ] as const;
    const results = evaluateRequest(items, policy);
    expect(results.map((r) => [r.id, r.evaluation.status, r.evaluation.code])).toEqual([
      ["a", "REJECTED", "LOCKED"],
      ["b", "APPROVED", "PRE_APPROVED"],
      ["c", "PENDING", "OVER_LIMIT"],
      ["d", "PENDING", "APPROVAL_REQUIRED"],
      ["e", "APPROVED", "PRE_APPROVED"],
      ["f", "PENDING", "NO_POLICY_ELEMENT"],
    ]);
    expect(results[0]!.evaluation.reason).toBe("Never.");
    expect(
      requestStatus(
        results.map((r) => r.evaluation),
        false,
      ),
    ).toBe("UNDER_REVIEW");
  });

  it("with an empty policy every item waits", () => {
    const results = evaluateRequest([{ category: "MUSIC" }, { category: "TITLE" }], { elements: [] });
    expect(results.every((r) => r.evaluation.status === "PENDING" && !r.evaluation.automatic)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// requestStatus

const S = (...statuses: EditItemStatus[]) => statuses.map((status) => ({ status }));

const STATUS_ROWS: { name: string; items: { status: EditItemStatus }[]; changesRequested: boolean; expected: EditRequestStatus }[] = [
  { name: "all approved (one item)", items: S("APPROVED"), changesRequested: false, expected: "APPROVED" },
  { name: "all approved", items: S("APPROVED", "APPROVED", "APPROVED"), changesRequested: false, expected: "APPROVED" },
  { name: "all rejected (one item)", items: S("REJECTED"), changesRequested: false, expected: "REJECTED" },
  { name: "all rejected", items: S("REJECTED", "REJECTED"), changesRequested: false, expected: "REJECTED" },
  { name: "mix", items: S("APPROVED", "REJECTED"), changesRequested: false, expected: "PARTIALLY_APPROVED" },
  { name: "mix, mostly rejected", items: S("REJECTED", "REJECTED", "APPROVED"), changesRequested: false, expected: "PARTIALLY_APPROVED" },
  { name: "pending only", items: S("PENDING"), changesRequested: false, expected: "UNDER_REVIEW" },
  { name: "pending with approved", items: S("APPROVED", "PENDING"), changesRequested: false, expected: "UNDER_REVIEW" },
  { name: "pending with rejected", items: S("PENDING", "REJECTED"), changesRequested: false, expected: "UNDER_REVIEW" },
  { name: "no items", items: [], changesRequested: false, expected: "UNDER_REVIEW" },
  { name: "changes requested while pending", items: S("PENDING", "APPROVED"), changesRequested: true, expected: "CHANGES_REQUESTED" },
  {
    name: "changes requested overrides decided items",
    items: S("APPROVED", "REJECTED"),
    changesRequested: true,
    expected: "CHANGES_REQUESTED",
  },
];

describe("requestStatus", () => {
  it.each(STATUS_ROWS)("$name → $expected", ({ items, changesRequested, expected }) => {
    expect(requestStatus(items, changesRequested)).toBe(expected);
  });

  it("a request whose items the policy decided entirely needs no review", () => {
    const results = evaluateRequest([{ category: "RUNTIME", magnitudePct: "10" }, { category: "ENDING" }], {
      elements: [
        { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10" },
        { category: "ENDING", rule: "LOCKED" },
      ],
    });
    expect(
      requestStatus(
        results.map((r) => r.evaluation),
        false,
      ),
    ).toBe("PARTIALLY_APPROVED");
  });

  it("version production and finality follow the outcome", () => {
    expect(EDIT_REQUEST_STATUSES.filter(producesVersion)).toEqual(["APPROVED", "PARTIALLY_APPROVED"]);
    expect(EDIT_REQUEST_STATUSES.filter(isFinal)).toEqual(["APPROVED", "PARTIALLY_APPROVED", "REJECTED", "WITHDRAWN"]);
    expect(EDIT_REQUEST_STATUSES.filter(canDecide)).toEqual(["UNDER_REVIEW"]);
  });
});

// ---------------------------------------------------------------------------------------------
// canTransition: every (from, to) pair, allowed exactly when listed here.

const ALLOWED: Record<EditRequestStatus, EditRequestStatus[]> = {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  SUBMITTED: ["UNDER_REVIEW", "WITHDRAWN"],
  UNDER_REVIEW: ["APPROVED", "PARTIALLY_APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN"],
  CHANGES_REQUESTED: ["SUBMITTED", "WITHDRAWN"],
  APPROVED: [],
  PARTIALLY_APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

const TRANSITION_ROWS = EDIT_REQUEST_STATUSES.flatMap((from) =>
  EDIT_REQUEST_STATUSES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })),
);

describe("canTransition", () => {
  it.each(TRANSITION_ROWS)("$from → $to: $allowed", ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it("withdrawn is reachable from exactly DRAFT, SUBMITTED, UNDER_REVIEW and CHANGES_REQUESTED", () => {
    expect(EDIT_REQUEST_STATUSES.filter((s) => canTransition(s, "WITHDRAWN"))).toEqual([
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "CHANGES_REQUESTED",
    ]);
  });

  it("decided states are final and withdrawn is a dead end", () => {
    for (const from of ["APPROVED", "PARTIALLY_APPROVED", "REJECTED", "WITHDRAWN"] as const) {
      expect(EDIT_REQUEST_STATUSES.filter((to) => canTransition(from, to))).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// applyDecisions

const ITEMS: DecidableItem[] = [
  { id: "p1", status: "PENDING", reason: "waits", automatic: false },
  { id: "p2", status: "PENDING", reason: "waits", automatic: false },
  { id: "auto-ok", status: "APPROVED", reason: null, automatic: true },
  { id: "auto-no", status: "REJECTED", reason: "Locked.", automatic: true },
];

type DecisionRow = {
  name: string;
  decisions: Decision[];
  errors?: { code: DecisionErrorCode; index: number }[];
  /** Expected statuses of ITEMS in order, when accepted. */
  statuses?: EditItemStatus[];
  /** Then the request status. */
  request?: EditRequestStatus;
};

const DECISION_ROWS: DecisionRow[] = [
  {
    name: "approve both waiting",
    decisions: [
      { itemId: "p1", decision: "APPROVED" },
      { itemId: "p2", decision: "APPROVED" },
    ],
    statuses: ["APPROVED", "APPROVED", "APPROVED", "REJECTED"],
    request: "PARTIALLY_APPROVED",
  },
  {
    name: "reject both waiting",
    decisions: [
      { itemId: "p1", decision: "REJECTED", note: "No." },
      { itemId: "p2", decision: "REJECTED" },
    ],
    statuses: ["REJECTED", "REJECTED", "APPROVED", "REJECTED"],
    request: "PARTIALLY_APPROVED",
  },
  {
    name: "decide one, one still waits",
    decisions: [{ itemId: "p2", decision: "APPROVED" }],
    statuses: ["PENDING", "APPROVED", "APPROVED", "REJECTED"],
    request: "UNDER_REVIEW",
  },
  {
    name: "no decisions changes nothing",
    decisions: [],
    statuses: ["PENDING", "PENDING", "APPROVED", "REJECTED"],
    request: "UNDER_REVIEW",
  },
  { name: "unknown item", decisions: [{ itemId: "nope", decision: "APPROVED" }], errors: [{ code: "UNKNOWN_ITEM", index: 0 }] },
  {
    name: "item approved automatically",
    decisions: [{ itemId: "auto-ok", decision: "REJECTED" }],
    errors: [{ code: "NOT_PENDING", index: 0 }],
  },
  {
    name: "item rejected automatically (locked)",
    decisions: [
      { itemId: "p1", decision: "APPROVED" },
      { itemId: "auto-no", decision: "APPROVED" },
    ],
    errors: [{ code: "NOT_PENDING", index: 1 }],
  },
  {
    name: "same item twice",
    decisions: [
      { itemId: "p1", decision: "APPROVED" },
      { itemId: "p1", decision: "REJECTED" },
    ],
    errors: [{ code: "DUPLICATE_DECISION", index: 1 }],
  },
  {
    name: "every error listed",
    decisions: [
      { itemId: "x", decision: "APPROVED" },
      { itemId: "auto-ok", decision: "APPROVED" },
      { itemId: "p2", decision: "APPROVED" },
      { itemId: "p2", decision: "APPROVED" },
    ],
    errors: [
      { code: "UNKNOWN_ITEM", index: 0 },
      { code: "NOT_PENDING", index: 1 },
      { code: "DUPLICATE_DECISION", index: 3 },
    ],
  },
];

describe("applyDecisions", () => {
  it.each(DECISION_ROWS)("$name", (row) => {
    const result = applyDecisions(ITEMS, row.decisions);
    if (row.errors) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => ({ code: e.code, index: e.index }))).toEqual(row.errors);
      for (const e of result.errors) expect(e.path).toBe(`items.${e.index}.itemId`);
    } else {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.items.map((i) => i.status)).toEqual(row.statuses);
      expect(requestStatus(result.items, false)).toBe(row.request);
    }
  });

  it("a decided item takes the note as its reason and is not automatic; others are untouched", () => {
    const result = applyDecisions(ITEMS, [
      { itemId: "p1", decision: "REJECTED", note: "  Too far from the original.  " },
      { itemId: "p2", decision: "APPROVED" },
    ]);
    expect(result.ok && result.items).toEqual([
      { id: "p1", status: "REJECTED", reason: "Too far from the original.", automatic: false },
      { id: "p2", status: "APPROVED", reason: null, automatic: false },
      ITEMS[2],
      ITEMS[3],
    ]);
  });

  it("says what is wrong with each refused decision, on its own path", () => {
    const result = applyDecisions(ITEMS, [
      { itemId: "x", decision: "APPROVED" },
      { itemId: "auto-ok", decision: "APPROVED" },
      { itemId: "p2", decision: "APPROVED" },
      { itemId: "p2", decision: "REJECTED" },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: "UNKNOWN_ITEM", index: 0, path: "items.0.itemId", itemId: "x", message: "This request has no such item." },
        {
          code: "NOT_PENDING",
          index: 1,
          path: "items.1.itemId",
          itemId: "auto-ok",
          status: "APPROVED",
          message: "This item is already APPROVED; only waiting items can be decided.",
        },
        {
          code: "DUPLICATE_DECISION",
          index: 3,
          path: "items.3.itemId",
          itemId: "p2",
          message: "This item is decided twice in the same decision.",
        },
      ],
    });
  });

  it("names the status an already-decided item has", () => {
    const result = applyDecisions(ITEMS, [{ itemId: "auto-no", decision: "APPROVED" }]);
    expect(!result.ok && result.errors[0]).toMatchObject({ code: "NOT_PENDING", status: "REJECTED", itemId: "auto-no" });
  });

  it("a second round cannot re-decide what the first decided", () => {
    const first = applyDecisions(ITEMS, [{ itemId: "p1", decision: "APPROVED" }]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = applyDecisions(first.items, [{ itemId: "p1", decision: "REJECTED" }]);
    expect(!second.ok && second.errors.map((e) => e.code)).toEqual(["NOT_PENDING"]);
  });

  it("all approved and all rejected after decisions", () => {
    const pending: DecidableItem[] = [
      { id: "a", status: "PENDING" },
      { id: "b", status: "PENDING" },
    ];
    const yes = applyDecisions(pending, [
      { itemId: "a", decision: "APPROVED" },
      { itemId: "b", decision: "APPROVED" },
    ]);
    const no = applyDecisions(pending, [
      { itemId: "a", decision: "REJECTED" },
      { itemId: "b", decision: "REJECTED" },
    ]);
    expect(yes.ok && requestStatus(yes.items, false)).toBe("APPROVED");
    expect(no.ok && requestStatus(no.items, false)).toBe("REJECTED");
  });
});

// ---------------------------------------------------------------------------------------------
// Schemas

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));

type PolicyRow = { name: string; elements: unknown[]; errorPaths?: string[] };

const POLICY_ROWS: PolicyRow[] = [
  { name: "empty policy", elements: [] },
  {
    name: "one of each rule",
    elements: [
      { category: "ENDING", rule: "LOCKED", note: "Core." },
      { category: "DIALOGUE", rule: "APPROVAL_REQUIRED" },
      { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10" },
      { category: "SUBTITLES", rule: "PRE_APPROVED" },
    ],
  },
  { name: "every category once", elements: EDIT_CATEGORIES.map((category) => ({ category, rule: "APPROVAL_REQUIRED" })) },
  {
    name: "duplicate category → error on the repeat's category",
    elements: [
      { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10" },
      { category: "ENDING", rule: "LOCKED" },
      { category: "RUNTIME", rule: "LOCKED" },
    ],
    errorPaths: ["elements.2.category"],
  },
  { name: "maxPct 0 allowed", elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "0" }] },
  { name: "maxPct 100 allowed", elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "100" }] },
  { name: "maxPct with 4 decimals allowed", elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "9.5125" }] },
  {
    name: "maxPct over 100",
    elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "100.01" }],
    errorPaths: ["elements.0.maxPct"],
  },
  { name: "maxPct negative", elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "-1" }], errorPaths: ["elements.0.maxPct"] },
  {
    name: "maxPct as a float number",
    elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: 10 }],
    errorPaths: ["elements.0.maxPct"],
  },
  { name: "maxPct on LOCKED refused", elements: [{ category: "ENDING", rule: "LOCKED", maxPct: "5" }], errorPaths: ["elements.0.maxPct"] },
  {
    name: "maxPct on APPROVAL_REQUIRED refused",
    elements: [{ category: "PACING", rule: "APPROVAL_REQUIRED", maxPct: "5" }],
    errorPaths: ["elements.0.maxPct"],
  },
  { name: "null maxPct on LOCKED is fine", elements: [{ category: "ENDING", rule: "LOCKED", maxPct: null }] },
  { name: "unknown category", elements: [{ category: "FONT", rule: "LOCKED" }], errorPaths: ["elements.0.category"] },
  { name: "unknown rule", elements: [{ category: "ENDING", rule: "MAYBE" }], errorPaths: ["elements.0.rule"] },
];

describe("editPolicySchema", () => {
  it.each(POLICY_ROWS)("$name", ({ elements, errorPaths }) => {
    const result = editPolicySchema.safeParse({ elements });
    expect(issuesOf(result).map((i) => i.path)).toEqual(errorPaths ?? []);
  });

  it("names the first occurrence of a repeated category", () => {
    const result = editPolicySchema.safeParse({
      elements: [
        { category: "MUSIC", rule: "LOCKED" },
        { category: "MUSIC", rule: "LOCKED" },
      ],
    });
    expect(issuesOf(result)[0]?.message).toContain("MUSIC is already element 1");
  });

  it("an empty note is no note", () => {
    const result = editPolicySchema.parse({ elements: [{ category: "ENDING", rule: "LOCKED", note: "  " }] });
    expect(result.elements[0]!.note).toBeUndefined();
    expect(evaluateItem({ category: "ENDING" }, result.elements[0]).reason).toBe("This element is locked by the studio.");
  });
});

type ItemRow = { name: string; item: Record<string, unknown>; errorPaths?: string[] };
const validItem = { category: "RUNTIME", description: "Trim the second act.", rationale: "Theatrical slots are 100 minutes." };

const ITEM_ROWS: ItemRow[] = [
  { name: "valid, no magnitude", item: validItem },
  { name: "valid, magnitude", item: { ...validItem, magnitudePct: "9.5" } },
  { name: "magnitude 0", item: { ...validItem, magnitudePct: "0" } },
  { name: "magnitude 100", item: { ...validItem, magnitudePct: "100" } },
  { name: "magnitude over 100", item: { ...validItem, magnitudePct: "101" }, errorPaths: ["magnitudePct"] },
  { name: "magnitude negative", item: { ...validItem, magnitudePct: "-5" }, errorPaths: ["magnitudePct"] },
  { name: "magnitude not a decimal", item: { ...validItem, magnitudePct: "ten" }, errorPaths: ["magnitudePct"] },
  { name: "magnitude as a number", item: { ...validItem, magnitudePct: 9.5 }, errorPaths: ["magnitudePct"] },
  { name: "missing description", item: { ...validItem, description: "  " }, errorPaths: ["description"] },
  { name: "missing rationale", item: { category: "RUNTIME", description: "x" }, errorPaths: ["rationale"] },
  { name: "unknown category", item: { ...validItem, category: "FONT" }, errorPaths: ["category"] },
];

describe("editRequestItemSchema", () => {
  it.each(ITEM_ROWS)("$name", ({ item, errorPaths }) => {
    expect(issuesOf(editRequestItemSchema.safeParse(item)).map((i) => i.path)).toEqual(errorPaths ?? []);
  });

  it("a request needs at least one item, and may repeat a category", () => {
    expect(editRequestItemsSchema.safeParse([]).success).toBe(false);
    expect(editRequestItemsSchema.safeParse([validItem, { ...validItem, description: "Another cut." }]).success).toBe(true);
  });
});

describe("editDecisionSchema", () => {
  const id = "01936b2e-7c1a-7000-8000-000000000001";
  it.each([
    { name: "item decisions", body: { items: [{ itemId: id, decision: "APPROVED" }] }, ok: true },
    { name: "rejection with note", body: { items: [{ itemId: id, decision: "REJECTED", note: "Too long." }] }, ok: true },
    { name: "request changes", body: { requestChanges: "Shorten the cut." }, ok: true },
    { name: "empty decisions", body: { items: [] }, ok: false },
    { name: "unknown decision", body: { items: [{ itemId: id, decision: "PENDING" }] }, ok: false },
    { name: "blank change request", body: { requestChanges: "  " }, ok: false },
    { name: "both at once", body: { items: [{ itemId: id, decision: "APPROVED" }], requestChanges: "x" }, ok: false },
  ])("$name", ({ body, ok }) => {
    expect(editDecisionSchema.safeParse(body).success).toBe(ok);
  });
});
