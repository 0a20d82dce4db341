import { describe, expect, it } from "vitest";
import { fieldErrorText } from "@/components/forms/field-errors";
import { dealTermsSchema } from "@/lib/deals/schema";
import { messages } from "@/messages";
import { dealFieldRules, emptyTerms, formPath, ruleOf, termsFormFromDeal, toTermsPayload } from "./terms-form";

describe("deal terms form", () => {
  it("sends nothing for blank terms", () => {
    const payload = toTermsPayload(emptyTerms(), "USD");
    expect(payload).toMatchObject({ minimumGuarantee: null, distributionFeePct: null, expenseCap: null, creatorParticipationPct: null });
    expect(dealTermsSchema.safeParse(payload).success).toBe(true);
  });

  it("puts money in the deal currency, drops grouping separators and opens the top tier", () => {
    const payload = toTermsPayload(
      {
        ...emptyTerms(),
        minimumGuarantee: { amount: "1,200,000.00" },
        instalments: [{ amount: { amount: "1 200 000.00" }, dueDate: "", trigger: "SIGNATURE" }],
        distributionFeePct: "25%",
        shareTiers: [
          { upTo: "1,000,000.00", pct: "50" },
          { upTo: "999", pct: "60" },
        ],
      },
      "USD",
    );
    expect(payload.minimumGuarantee).toEqual({ amount: "1200000.00", currency: "USD" });
    expect(payload.instalments).toEqual([{ amount: { amount: "1200000.00", currency: "USD" }, dueDate: null, trigger: "SIGNATURE" }]);
    expect(payload.distributionFeePct).toBe("25");
    expect(payload.shareTiers).toEqual([
      { upTo: "1000000.00", pct: "50" },
      { upTo: null, pct: "60" },
    ]);
    expect(dealTermsSchema.safeParse(payload).success).toBe(true);
  });

  it("round-trips the terms of a deal", () => {
    const form = termsFormFromDeal({
      minimumGuarantee: { amount: "450000.00", currency: "USD" },
      instalments: [{ amount: { amount: "450000.00", currency: "USD" }, dueDate: "2026-03-01", trigger: "DELIVERY" }],
      distributionFeePct: "30",
      expenseCap: null,
      shareTiers: [{ upTo: null, pct: "55" }],
      creatorParticipationPct: null,
      participants: [],
    });
    expect(toTermsPayload(form, "USD")).toMatchObject({
      minimumGuarantee: { amount: "450000.00", currency: "USD" },
      instalments: [{ amount: { amount: "450000.00", currency: "USD" }, dueDate: "2026-03-01", trigger: "DELIVERY" }],
      expenseCap: null,
      shareTiers: [{ upTo: null, pct: "55" }],
    });
  });

  it("maps API error paths onto form fields", () => {
    expect(formPath("licenseeId")).toBe("counterpartyId");
    expect(formPath("terms.minimumGuarantee")).toBe("terms.minimumGuarantee.amount");
    expect(formPath("terms.minimumGuarantee.amount")).toBe("terms.minimumGuarantee.amount");
    expect(formPath("terms.instalments")).toBe("terms.instalments.root");
    expect(formPath("terms.instalments.1.amount")).toBe("terms.instalments.1.amount.amount");
    expect(formPath("terms.instalments.1.amount.amount")).toBe("terms.instalments.1.amount.amount");
    expect(formPath("terms.expenseCap.currency")).toBe("currency");
    expect(formPath("terms.shareTiers.0.upTo")).toBe("terms.shareTiers.0.upTo");
  });

  it("names the rule of a field", () => {
    expect(ruleOf("terms.instalments.0.amount.amount")).toBe("amount");
    expect(ruleOf("terms.shareTiers.1.pct")).toBe("percent");
    expect(ruleOf("holdbacks.0.until")).toBe("date");
    expect(ruleOf("terms.instalments.root")).toBe("generic");
  });
});

describe("deal field rules", () => {
  it("names a window whose end is before its start by its own rule, other end errors as dates", () => {
    expect(fieldErrorText("end", { type: "custom" }, dealFieldRules)).toEqual({ key: "window" });
    expect(fieldErrorText("items.0.end", { type: "custom" }, dealFieldRules)).toEqual({ key: "window" });
    expect(fieldErrorText("end", { type: "invalid_format" }, dealFieldRules)).toEqual({ key: "date" });
    expect(fieldErrorText("terms.instalments.0.dueDate", { type: "custom" }, dealFieldRules)).toEqual({ key: "date" });
  });

  it("names only rules that have a message in both languages", () => {
    const paths = [
      "terms.minimumGuarantee.amount",
      "terms.shareTiers.0.upTo",
      "terms.distributionFeePct",
      "terms.participants.0.share",
      "end",
      "terms.instalments.0.trigger",
      "terms.participants.0.name",
      "terms.participants.0.role",
      "counterpartyId",
      "currency",
      "titleId",
      "territories",
      "mediaRights",
      "reason",
      "anything.else",
    ];
    for (const key of [...paths.map(ruleOf), "window"]) {
      expect(messages.en.deals.validation, key).toHaveProperty(key);
      expect(messages.zh.deals.validation, key).toHaveProperty(key);
    }
  });
});
