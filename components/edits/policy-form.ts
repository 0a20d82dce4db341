import type { FieldErrors, Resolver } from "react-hook-form";
import { EDIT_CATEGORIES, type EditCategory } from "@/lib/catalogue/schema";
import { type EditPolicy, type EditPolicyInput, type EditRule, editPolicySchema } from "@/lib/edits/schema";
import type { PolicyElementView } from "./types";

/**
 * The policy editor holds one row per category (all fifteen, in the §7 order); a row whose rule is
 * NONE is not part of the policy. The payload is the API's `{elements}`, validated by the same
 * editPolicySchema the server uses; its error paths (elements.<i>.<field>) are mapped back to the
 * row that produced element i.
 */
export type PolicyRow = { category: EditCategory; rule: EditRule | "NONE"; maxPct: string; note: string };
export type PolicyFormValues = { rows: PolicyRow[] };

export function policyRows(elements: readonly PolicyElementView[]): PolicyRow[] {
  const byCategory = new Map(elements.map((e) => [e.category, e] as const));
  return EDIT_CATEGORIES.map((category) => {
    const e = byCategory.get(category);
    return { category, rule: e?.rule ?? "NONE", maxPct: e?.maxPct ?? "", note: e?.note ?? "" };
  });
}

/** The payload and, for each element index, the row it came from. A limit is sent only with PRE_APPROVED. */
export function toPolicyPayload(values: PolicyFormValues): { payload: EditPolicyInput; rowOf: number[] } {
  const rowOf: number[] = [];
  const elements: EditPolicyInput["elements"] = [];
  values.rows.forEach((row, index) => {
    if (row.rule === "NONE") return;
    rowOf.push(index);
    elements.push({
      category: row.category,
      rule: row.rule,
      maxPct: row.rule === "PRE_APPROVED" && row.maxPct.trim() !== "" ? row.maxPct.trim() : null,
      note: row.note.trim() === "" ? null : row.note,
    });
  });
  return { payload: { elements }, rowOf };
}

/** "elements.3.maxPct" → "rows.<row of element 3>.maxPct"; null when the path names no row field. */
export function rowPath(path: string, rowOf: readonly number[]): string | null {
  const match = /^elements\.(\d+)\.(category|rule|maxPct|note)$/.exec(path);
  if (!match) return null;
  const row = rowOf[Number(match[1])];
  if (row === undefined) return null;
  return `rows.${row}.${match[2] === "category" ? "rule" : match[2]}`;
}

export const policyResolver: Resolver<PolicyFormValues, unknown, EditPolicy> = async (values) => {
  const { payload, rowOf } = toPolicyPayload(values);
  const parsed = editPolicySchema.safeParse(payload);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const rows: Record<number, Record<string, { type: string; message: string }>> = {};
  for (const issue of parsed.error.issues) {
    const target = rowPath(issue.path.map(String).join("."), rowOf);
    if (!target) continue;
    const [, row, field] = target.split(".");
    const r = Number(row);
    rows[r] = { ...rows[r], [field as string]: { type: issue.code, message: issue.message } };
  }
  const list: unknown[] = [];
  for (const [row, fields] of Object.entries(rows)) list[Number(row)] = fields;
  return { values: {}, errors: { rows: list } as FieldErrors<PolicyFormValues> };
};
