/**
 * Deal terms against the deal's currency (lib/deals/terms.ts): Money in the deal's currency with
 * its exact minor units, instalments that add up to the minimum guarantee, rising share tiers with
 * one open-ended top tier, and participants only with a creators' pool. Errors carry the
 * `terms.` paths the API answers with.
 */
import { describe, expect, it } from "vitest";
import type { FieldError } from "@/lib/result";
import type { DealTermsInput } from "./schema";
import { checkCurrency, storeTerms } from "./terms";

const money = (amount: string, currency = "USD") => ({ amount, currency });

function store(terms: DealTermsInput, currency = "USD") {
  const errors: FieldError[] = [];
  const exponent = checkCurrency(currency, "currency", errors);
  const stored = storeTerms(terms, currency, exponent, errors);
  return { stored, errors, paths: errors.map((e) => e.path).sort() };
}

describe("checkCurrency", () => {
  it("answers the minor-unit exponent of a dealable currency", () => {
    const errors: FieldError[] = [];
    expect(checkCurrency("USD", "currency", errors)).toBe(2);
    expect(checkCurrency("JPY", "currency", errors)).toBe(0);
    expect(checkCurrency("KRW", "currency", errors)).toBe(0);
    expect(checkCurrency("BHD", "currency", errors)).toBe(3);
    expect(errors).toEqual([]);
  });

  it("refuses unknown codes and codes without minor units (gold)", () => {
    const errors: FieldError[] = [];
    checkCurrency("ZZZ", "currency", errors);
    checkCurrency("XAU", "currency", errors);
    expect(errors.map((e) => e.path)).toEqual(["currency", "currency"]);
  });
});

describe("storeTerms", () => {
  it("stores nothing but defaults for empty terms", () => {
    const { stored, errors } = store({});
    expect(errors).toEqual([]);
    expect(stored).toEqual({
      mgMinor: null,
      distributionFeePct: null,
      expenseCapMinor: null,
      shareTiers: null,
      creatorParticipationPct: null,
      instalments: [],
      participants: [],
    });
  });

  it("converts full terms to minor units", () => {
    const { stored, errors } = store({
      minimumGuarantee: money("1000000.00"),
      instalments: [
        { amount: money("250000.00"), trigger: "SIGNATURE", dueDate: null },
        { amount: money("750000"), trigger: "DATE", dueDate: "2027-03-31" },
      ],
      distributionFeePct: "25",
      expenseCap: money("50000.5"),
      shareTiers: [
        { upTo: "1000000", pct: "50.0" },
        { upTo: "2000000.00", pct: "55" },
        { upTo: null, pct: "60" },
      ],
      creatorParticipationPct: "5",
      participants: [
        { name: "Li Wei", role: "Director", share: "60" },
        { name: "Chen Jing", role: "Writer", share: "40" },
      ],
    });
    expect(errors).toEqual([]);
    expect(stored).toEqual({
      mgMinor: 100000000n,
      distributionFeePct: "25",
      expenseCapMinor: 5000050n,
      shareTiers: [
        { upToMinor: "100000000", pct: "50" },
        { upToMinor: "200000000", pct: "55" },
        { upToMinor: null, pct: "60" },
      ],
      creatorParticipationPct: "5",
      instalments: [
        { amountMinor: 25000000n, dueDate: null, trigger: "SIGNATURE" },
        { amountMinor: 75000000n, dueDate: "2027-03-31", trigger: "DATE" },
      ],
      participants: [
        { name: "Li Wei", role: "Director", share: "60" },
        { name: "Chen Jing", role: "Writer", share: "40" },
      ],
    });
  });

  it("refuses Money in another currency than the deal's", () => {
    expect(store({ minimumGuarantee: money("100.00", "EUR") }).paths).toEqual(["terms.minimumGuarantee.currency"]);
    expect(store({ expenseCap: money("100.00", "CNY") }).paths).toEqual(["terms.expenseCap.currency"]);
  });

  it("refuses more decimals than the currency has", () => {
    expect(store({ minimumGuarantee: money("5000000.5", "JPY") }, "JPY").paths).toEqual(["terms.minimumGuarantee.amount"]);
    expect(store({ minimumGuarantee: money("5000000.00", "KRW") }, "KRW").paths).toEqual(["terms.minimumGuarantee.amount"]);
    expect(store({ minimumGuarantee: money("1.005") }).paths).toEqual(["terms.minimumGuarantee.amount"]);
    expect(store({ expenseCap: money("1.2345", "BHD") }, "BHD").paths).toEqual(["terms.expenseCap.amount"]);
  });

  it("accepts whole amounts in zero-decimal currencies and three decimals in BHD", () => {
    expect(store({ minimumGuarantee: money("5000000", "JPY") }, "JPY").stored.mgMinor).toBe(5000000n);
    expect(store({ minimumGuarantee: money("1.234", "BHD") }, "BHD").stored.mgMinor).toBe(1234n);
  });

  it("requires instalments to add up to the minimum guarantee", () => {
    const { errors } = store({
      minimumGuarantee: money("1000.00"),
      instalments: [
        { amount: money("400.00"), trigger: "SIGNATURE" },
        { amount: money("500.00"), trigger: "DELIVERY" },
      ],
    });
    expect(errors).toEqual([{ path: "terms.instalments", message: expect.stringContaining("900.00") }]);
    expect(errors[0]!.message).toContain("1000.00");
  });

  it("requires a minimum guarantee for instalments", () => {
    expect(store({ instalments: [{ amount: money("400.00"), trigger: "SIGNATURE" }] }).paths).toEqual(["terms.minimumGuarantee"]);
  });

  it("refuses a zero instalment and an instalment in another currency", () => {
    expect(
      store({
        minimumGuarantee: money("100.00"),
        instalments: [
          { amount: money("100.00"), trigger: "SIGNATURE" },
          { amount: money("0.00"), trigger: "DELIVERY" },
        ],
      }).paths,
    ).toEqual(["terms.instalments.1.amount.amount"]);
    expect(
      store({ minimumGuarantee: money("100.00"), instalments: [{ amount: money("100.00", "EUR"), trigger: "SIGNATURE" }] }).paths,
    ).toContain("terms.instalments.0.amount.currency");
  });

  it("requires share tiers to rise", () => {
    const tiers = (upTo: (string | null)[]) => store({ shareTiers: upTo.map((u) => ({ upTo: u, pct: "50" })) }).paths;
    expect(tiers(["1000", "1000", null])).toEqual(["terms.shareTiers.1.upTo"]);
    expect(tiers(["2000", "1000", null])).toEqual(["terms.shareTiers.1.upTo"]);
    // Compared as amounts, not strings: "900.00" < "1000".
    expect(tiers(["900.00", "1000", null])).toEqual([]);
    expect(tiers([null])).toEqual([]);
  });

  it("allows only the last tier to be open-ended, and requires it to be", () => {
    const tiers = (upTo: (string | null)[]) => store({ shareTiers: upTo.map((u) => ({ upTo: u, pct: "50" })) }).paths;
    expect(tiers([null, "1000", null])).toEqual(["terms.shareTiers.0.upTo"]);
    expect(tiers(["1000", "2000"])).toEqual(["terms.shareTiers.1.upTo"]);
  });

  it("checks tier thresholds against the currency's decimals", () => {
    expect(
      store(
        {
          shareTiers: [
            { upTo: "1000.5", pct: "50" },
            { upTo: null, pct: "60" },
          ],
        },
        "JPY",
      ).paths,
    ).toEqual(["terms.shareTiers.0.upTo"]);
  });

  it("requires the creators' pool percentage for participants, and positive shares", () => {
    expect(store({ participants: [{ name: "Li Wei", role: "Director", share: "1" }] }).paths).toEqual(["terms.creatorParticipationPct"]);
    expect(store({ creatorParticipationPct: "5", participants: [{ name: "Li Wei", role: "Director", share: "0" }] }).paths).toEqual([
      "terms.participants.0.share",
    ]);
  });
});
