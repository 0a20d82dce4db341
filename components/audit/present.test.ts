import { describe, expect, it } from "vitest";
import { actionMessageKey, diffValues, displayValue } from "./present";

describe("diffValues", () => {
  it("lists only the fields that changed", () => {
    expect(diffValues({ user: "a@x.test", role: "MEMBER" }, { user: "a@x.test", role: "ADMIN" })).toEqual([
      { field: "role", change: "changed", before: "MEMBER", after: "ADMIN" },
    ]);
  });

  it("shows creations and removals field by field", () => {
    expect(diffValues(null, { name: "Jade", kind: "STUDIO" })).toEqual([
      { field: "name", change: "added", after: "Jade" },
      { field: "kind", change: "added", after: "STUDIO" },
    ]);
    expect(diffValues({ role: "VIEWER" }, null)).toEqual([{ field: "role", change: "removed", before: "VIEWER" }]);
  });

  it("handles entries without values and non-object values", () => {
    expect(diffValues(null, null)).toEqual([]);
    expect(diffValues(undefined, 3)).toEqual([{ field: "", change: "added", after: "3" }]);
    expect(diffValues([1], [1])).toEqual([]);
  });
});

describe("displayValue", () => {
  it("keeps strings, serialises the rest and cuts long values", () => {
    expect(displayValue("x")).toBe("x");
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(null)).toBe("null");
    expect(displayValue("y".repeat(200))).toHaveLength(80);
  });
});

describe("actionMessageKey", () => {
  it("maps known actions to message keys and leaves others alone", () => {
    expect(actionMessageKey("membership.role_change")).toBe("membership_role_change");
    expect(actionMessageKey("payment.refund")).toBeNull();
  });
});
