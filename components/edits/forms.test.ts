import { describe, expect, it } from "vitest";
import { fieldErrorText } from "@/components/forms/field-errors";
import { messages } from "@/messages";
import { editsFieldRules } from "./field-rules";
import { policyResolver, policyRows, rowPath, toPolicyPayload } from "./policy-form";
import { emptyItem, requestFieldPath, toRequestPayload, usableMagnitude } from "./request-form-model";

const resolve = (values: Parameters<typeof policyResolver>[0]) =>
  policyResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe("policy form", () => {
  it("has a row for each of the fifteen categories, filled from the elements in force", () => {
    const rows = policyRows([{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10", note: null }]);
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.category === "RUNTIME")).toEqual({ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10", note: "" });
    expect(rows.filter((r) => r.rule === "NONE")).toHaveLength(14);
  });

  it("sends only rows with a rule, a limit only with PRE_APPROVED, and remembers each element's row", () => {
    const rows = policyRows([]);
    rows[0] = { ...rows[0]!, rule: "LOCKED", maxPct: "5", note: "  Core  " };
    rows[8] = { ...rows[8]!, rule: "PRE_APPROVED", maxPct: " 10 " };
    const { payload, rowOf } = toPolicyPayload({ rows });
    expect(payload.elements).toEqual([
      { category: "ENDING", rule: "LOCKED", maxPct: null, note: "  Core  " },
      { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10", note: null },
    ]);
    expect(rowOf).toEqual([0, 8]);
    expect(rowPath("elements.1.maxPct", rowOf)).toBe("rows.8.maxPct");
    expect(rowPath("elements.0.category", rowOf)).toBe("rows.0.rule");
    expect(rowPath("elements.7.note", rowOf)).toBeNull();
    expect(rowPath("elements", rowOf)).toBeNull();
  });

  it("puts a bad limit on the row it was typed in", async () => {
    const rows = policyRows([]);
    rows[3] = { ...rows[3]!, rule: "APPROVAL_REQUIRED" };
    rows[8] = { ...rows[8]!, rule: "PRE_APPROVED", maxPct: "150" };
    const result = await resolve({ rows });
    expect(Object.keys(result.values)).toHaveLength(0);
    const errors = result.errors.rows;
    expect(errors?.[8]?.maxPct?.message).toMatch(/exceed 100/);
    expect(errors?.[3]).toBeUndefined();
  });

  it("accepts a limit exactly at 100 and an empty policy", async () => {
    const rows = policyRows([]);
    rows[8] = { ...rows[8]!, rule: "PRE_APPROVED", maxPct: "100" };
    expect((await resolve({ rows })).errors).toEqual({});
    expect((await resolve({ rows: policyRows([]) })).values).toEqual({ elements: [] });
  });
});

describe("request form", () => {
  it("turns empty optional fields into absent values", () => {
    const payload = toRequestPayload({
      titleId: "t",
      baseVersionId: "v",
      territories: ["TH"],
      dealId: "",
      name: "  ",
      items: [{ ...emptyItem(), category: "RUNTIME", description: "Cut", rationale: "Slot", magnitudePct: " 8 " }],
    });
    expect(payload).toMatchObject({ dealId: null, name: undefined });
    expect(payload.items[0]).toMatchObject({ magnitudePct: "8" });
  });

  it("previews only magnitudes the rules can compare", () => {
    expect(usableMagnitude("9.5")).toBe("9.5");
    expect(usableMagnitude(" 10 ")).toBe("10");
    expect(usableMagnitude("ten")).toBeNull();
    expect(usableMagnitude("1e3")).toBeNull();
    expect(usableMagnitude("")).toBeNull();
  });

  it("shows server errors on the field they name, and the rest above the buttons", () => {
    expect(requestFieldPath("dealId")).toBe("dealId");
    expect(requestFieldPath("territories.2")).toBe("territories");
    expect(requestFieldPath("items.3.magnitudePct")).toBe("items.3.magnitudePct");
    expect(requestFieldPath("items")).toBe("items.root");
    expect(requestFieldPath("version")).toBeNull();
  });
});

describe("edits field rules", () => {
  it("names a field by its own rule, and too long a text by its own sentence", () => {
    expect(fieldErrorText("description", { type: "too_small" }, editsFieldRules)).toEqual({ key: "description" });
    expect(fieldErrorText("description", { type: "too_big" }, editsFieldRules)).toEqual({ key: "tooLong" });
    expect(fieldErrorText("description", { type: "server", message: "The deal does not cover Thailand." }, editsFieldRules)).toEqual({
      text: "The deal does not cover Thailand.",
    });
    expect(messages.zh.edits.validation).toHaveProperty("tooLong");
  });
});
