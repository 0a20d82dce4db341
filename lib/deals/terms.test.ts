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
    // The exponent answered for a refused code (2) only lets the rest of the checks run.
    expect(checkCurrency("ZZZ", "currency", errors)).toBe(2);
    expect(checkCurrency("XAU", "deal.currency", errors)).toBe(2);
    expect(errors).toEqual([
      { path: "currency", message: "“ZZZ” is not an ISO 4217 currency that money can be dealt in." },
      { path: "deal.currency", message: "“XAU” is not an ISO 4217 currency that money can be dealt in." },
    ]);
  });
});

describe("storeTerms", () => {
  it("stores no tiers for an empty tier list", () => {
    const { stored, errors } = store({ shareTiers: [] });
    expect(errors).toEqual([]);
    expect(stored.shareTiers).toBeNull();
  });

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
      reportingFrequency: "QUARTERLY",
      reportingDueDays: 45,
      paymentDueDays: 30,
      renewalOption: null,
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
      renewalOption: { noticeBy: "2028-06-30", extendsTo: "2030-12-31", mgIncreasePct: "10" },
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
      reportingFrequency: "QUARTERLY",
      reportingDueDays: 45,
      paymentDueDays: 30,
      renewalOption: { noticeBy: "2028-06-30", extendsTo: "2030-12-31", mgIncreasePct: "10" },
    });
  });

  it("refuses Money in another currency than the deal's", () => {
    expect(store({ minimumGuarantee: money("100.00", "EUR") }).errors).toEqual([
      {
        path: "terms.minimumGuarantee.currency",
        message: "Use the deal's currency, USD.",
        code: "CURRENCY_MISMATCH",
        params: { currency: "USD" },
      },
    ]);
    expect(store({ expenseCap: money("100.00", "CNY") }).errors).toEqual([
      {
        path: "terms.expenseCap.currency",
        message: "Use the deal's currency, USD.",
        code: "CURRENCY_MISMATCH",
        params: { currency: "USD" },
      },
    ]);
  });

  it("refuses more decimals than the currency has", () => {
    expect(store({ minimumGuarantee: money("5000000.5", "JPY") }, "JPY").errors).toEqual([
      {
        path: "terms.minimumGuarantee.amount",
        message: "JPY amounts have 0 decimal places.",
        code: "AMOUNT_DECIMALS",
        params: { currency: "JPY", digits: 0 },
      },
    ]);
    expect(store({ minimumGuarantee: money("5000000.00", "KRW") }, "KRW").paths).toEqual(["terms.minimumGuarantee.amount"]);
    expect(store({ minimumGuarantee: money("1.005") }).paths).toEqual(["terms.minimumGuarantee.amount"]);
    expect(store({ expenseCap: money("1.2345", "BHD") }, "BHD").errors).toEqual([
      {
        path: "terms.expenseCap.amount",
        message: "BHD amounts have 3 decimal places.",
        code: "AMOUNT_DECIMALS",
        params: { currency: "BHD", digits: 3 },
      },
    ]);
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
    expect(errors).toEqual([
      { path: "terms.instalments", message: "Instalments add up to 900.00 USD, not the minimum guarantee of 1000.00." },
    ]);
  });

  it("requires a minimum guarantee for instalments", () => {
    expect(store({ instalments: [{ amount: money("400.00"), trigger: "SIGNATURE" }] }).errors).toEqual([
      { path: "terms.minimumGuarantee", message: "Instalments need a minimum guarantee to divide." },
    ]);
  });

  it("refuses a zero instalment and an instalment in another currency", () => {
    expect(
      store({
        minimumGuarantee: money("100.00"),
        instalments: [
          { amount: money("100.00"), trigger: "SIGNATURE" },
          { amount: money("0.00"), trigger: "DELIVERY" },
        ],
      }).errors,
    ).toEqual([
      {
        path: "terms.instalments.1.amount.amount",
        message: "An instalment must be more than zero.",
        code: "AMOUNT_NOT_POSITIVE",
        params: {},
      },
    ]);
    expect(
      store({ minimumGuarantee: money("100.00"), instalments: [{ amount: money("100.00", "EUR"), trigger: "SIGNATURE" }] }).paths,
    ).toContain("terms.instalments.0.amount.currency");
  });

  it("requires share tiers to rise", () => {
    const tiers = (upTo: (string | null)[]) => store({ shareTiers: upTo.map((u) => ({ upTo: u, pct: "50" })) }).errors;
    const rise = (n: number) => ({ path: `terms.shareTiers.${n}.upTo`, message: "Tiers must rise: each upTo above the previous one." });
    expect(tiers(["1000", "1000", null])).toEqual([rise(1)]);
    expect(tiers(["2000", "1000", null])).toEqual([rise(1)]);
    // Each tier is compared with the one before it: one fall is one error.
    expect(tiers(["3000", "1000", "2000", null])).toEqual([rise(1)]);
    expect(tiers(["3000", "2000", "1000", null])).toEqual([rise(1), rise(2)]);
    expect(tiers(["0", null])).toEqual([]);
    // Compared as amounts, not strings: "900.00" < "1000".
    expect(tiers(["900.00", "1000", null])).toEqual([]);
    expect(tiers([null])).toEqual([]);
  });

  it("allows only the last tier to be open-ended, and requires it to be", () => {
    const tiers = (upTo: (string | null)[]) => store({ shareTiers: upTo.map((u) => ({ upTo: u, pct: "50" })) }).errors;
    expect(tiers([null, "1000", null])).toEqual([
      { path: "terms.shareTiers.0.upTo", message: "Only the last tier may be open-ended (upTo null)." },
    ]);
    expect(tiers(["1000", "2000"])).toEqual([
      { path: "terms.shareTiers.1.upTo", message: "The last tier must be open-ended (upTo null)." },
    ]);
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
      ).errors,
    ).toEqual([
      {
        path: "terms.shareTiers.0.upTo",
        message: "JPY amounts have 0 decimal places.",
        code: "AMOUNT_DECIMALS",
        params: { currency: "JPY", digits: 0 },
      },
    ]);
  });

  it("requires the creators' pool percentage for participants, and positive shares", () => {
    expect(store({ participants: [{ name: "Li Wei", role: "Director", share: "1" }] }).errors).toEqual([
      { path: "terms.creatorParticipationPct", message: "Set the creators' pool percentage for the participants." },
    ]);
    expect(store({ creatorParticipationPct: "5", participants: [{ name: "Li Wei", role: "Director", share: "0" }] }).errors).toEqual([
      { path: "terms.participants.0.share", message: "A share must be more than zero." },
    ]);
    expect(store({ creatorParticipationPct: "5", participants: [{ name: "Li Wei", role: "Director", share: "0.0001" }] }).errors).toEqual(
      [],
    );
  });
});
