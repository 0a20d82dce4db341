import { describe, expect, it } from "vitest";
import { actionMessageKey, diffValues, fieldLabel, formatAuditValue, humanizeKey, type ValueContext } from "./present";

// ICU separates some parts with (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("diffValues", () => {
  it("lists only the fields that changed", () => {
    expect(diffValues({ user: "a@x.test", role: "MEMBER" }, { user: "a@x.test", role: "ADMIN" })).toEqual([
      { path: ["role"], change: "changed", before: "MEMBER", after: "ADMIN" },
    ]);
  });

  it("shows creations and removals field by field", () => {
    expect(diffValues(null, { name: "Jade", kind: "STUDIO" })).toEqual([
      { path: ["name"], change: "added", after: "Jade" },
      { path: ["kind"], change: "added", after: "STUDIO" },
    ]);
    expect(diffValues({ role: "VIEWER" }, null)).toEqual([{ path: ["role"], change: "removed", before: "VIEWER" }]);
  });

  it("handles entries without values and non-object values", () => {
    expect(diffValues(null, null)).toEqual([]);
    expect(diffValues(undefined, 3)).toEqual([{ path: [], change: "added", after: 3 }]);
    expect(diffValues([1], [1])).toEqual([]);
  });

  it("opens nested terms by path instead of showing JSON, money objects and plain lists whole", () => {
    const before = { terms: { minimumGuarantee: { amount: "1000.00", currency: "USD" }, instalments: [{ amountMinor: "100000" }] } };
    const after = {
      terms: {
        minimumGuarantee: { amount: "1200.00", currency: "USD" },
        instalments: [{ amountMinor: "100000" }, { amountMinor: "20000", dueDate: "2027-01-15" }],
      },
      genres: ["XIANXIA", "FANTASY"],
    };
    expect(diffValues(before, after)).toEqual([
      {
        path: ["terms", "minimumGuarantee"],
        change: "changed",
        before: { amount: "1000.00", currency: "USD" },
        after: { amount: "1200.00", currency: "USD" },
      },
      { path: ["terms", "instalments", "1", "amountMinor"], change: "added", after: "20000" },
      { path: ["terms", "instalments", "1", "dueDate"], change: "added", after: "2027-01-15" },
      { path: ["genres"], change: "added", after: ["XIANXIA", "FANTASY"] },
    ]);
  });
});

describe("formatAuditValue (issue 17 point 13: money as money, no JSON)", () => {
  const en: ValueContext = { locale: "en", currency: "USD", words: { yes: "Yes", no: "No", none: "—" } };
  const zh: ValueContext = { locale: "zh", currency: "KRW", words: { yes: "是", no: "否", none: "—" } };

  it("shows minor units as money in the record's currency, or as a grouped number without one", () => {
    expect(plain(formatAuditValue("approvedMinor", "1800000", en))).toBe("$18,000.00");
    // KRW has no minor unit: 1,800,000 won, not 18,000.00.
    expect(plain(formatAuditValue("approvedMinor", 1800000, zh))).toMatch(/^\D*1,800,000$/);
    expect(formatAuditValue("approvedMinor", "1800000", { ...en, currency: null })).toBe("1,800,000");
    expect(plain(formatAuditValue("minimumGuarantee", { amount: "1200000.00", currency: "USD" }, en))).toBe("$1,200,000.00");
  });

  it("shows percentages, dates, instants, yes/no, lists and ids for people", () => {
    expect(formatAuditValue("distributionFeePct", "25", en)).toBe("25%");
    expect(formatAuditValue("valueDate", "2026-03-29", en)).toBe("Mar 29, 2026");
    expect(plain(formatAuditValue("signedAt", "2026-03-29T10:00:00.000Z", en))).toBe("Mar 29, 2026, 10:00 AM UTC");
    expect(formatAuditValue("exclusive", true, zh)).toBe("是");
    expect(formatAuditValue("conditions", null, en)).toBe("—");
    expect(formatAuditValue("territories", ["TH", "VN"], en)).toBe("TH, VN");
    expect(formatAuditValue("dealId", "0193a5b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b", en)).toBe("0193a5b2…");
    expect(formatAuditValue("purpose", "y".repeat(200), en)).toHaveLength(80);
    expect(formatAuditValue("status", "APPROVED", en)).toBe("APPROVED");
  });
});

describe("field labels", () => {
  it("humanizes keys without their unit suffixes", () => {
    expect(humanizeKey("approvedMinor")).toBe("Approved");
    expect(humanizeKey("distributionFeePct")).toBe("Distribution fee");
    expect(humanizeKey("mgMinor")).toBe("MG");
    expect(humanizeKey("payment_reference")).toBe("Payment reference");
  });

  it("names a nested path in words, with the messages' labels where they exist", () => {
    expect(fieldLabel(["terms", "instalments", "1", "amountMinor"])).toBe("Terms › Instalments › #2 › Amount");
    expect(fieldLabel(["terms", "expenseCapMinor"], (k) => ({ terms: "条款" })[k] ?? null)).toBe("条款 › Expense cap");
  });
});

describe("actionMessageKey", () => {
  it("maps known actions to message keys and leaves others alone", () => {
    expect(actionMessageKey("membership.role_change")).toBe("membership_role_change");
    expect(actionMessageKey("payment.refund")).toBeNull();
  });
});
