import { describe, expect, it } from "vitest";
import { amendGrants, type DealSnap, diffDeal, fixedTermErrors, type GrantSnap, renewalChanges, renewalOpen } from "./amendment";

const grant = (id: string, over: Partial<GrantSnap> = {}): GrantSnap => ({
  id,
  titleId: "t1",
  versionId: null,
  territories: ["TH"],
  excludedTerritories: [],
  mediaRights: ["SVOD"],
  languages: [],
  start: "2027-01-01",
  end: "2027-12-31",
  exclusive: true,
  editsPermitted: false,
  holdbacks: [],
  ...over,
});
const usd = (amount: string) => ({ amount, currency: "USD" });
const terms = { minimumGuarantee: usd("100.00"), instalments: [], expenseCap: null, participants: [] };

describe("amendGrants", () => {
  const current = [grant("a"), grant("b", { territories: ["VN"] })];
  it.each([
    ["removes, updates and adds", { removeGrantIds: ["b"], updateGrants: [{ grantId: "a", end: "2028-06-30" }] }, ["a"], []],
    ["refuses an unknown grant", { updateGrants: [{ grantId: "zz", end: "2028-06-30" }] }, ["a", "b"], ["changes.updateGrants.0.grantId"]],
    [
      "refuses removing and changing one grant",
      { removeGrantIds: ["a"], updateGrants: [{ grantId: "a", end: "2028-01-01" }] },
      ["b"],
      ["changes.updateGrants.0.grantId"],
    ],
    ["refuses removing one twice", { removeGrantIds: ["a", "a"] }, ["b"], ["changes.removeGrantIds.1"]],
    [
      "refuses a window that ends before it starts",
      { updateGrants: [{ grantId: "a", end: "2026-12-31" }] },
      ["a", "b"],
      ["changes.updateGrants.0.end"],
    ],
    [
      "refuses a start after the end",
      { updateGrants: [{ grantId: "a", start: "2028-01-01" }] },
      ["a", "b"],
      ["changes.updateGrants.0.start"],
    ],
    ["refuses removing every grant", { removeGrantIds: ["a", "b"] }, [], ["changes.removeGrantIds"]],
  ])("%s", (_, changes, ids, paths) => {
    const { grants, errors } = amendGrants(current, changes, []);
    expect(grants.map((g) => g.id)).toEqual(ids);
    expect(errors.map((e) => e.path)).toEqual(paths);
  });
  it("gives added grants the ids it is handed, after the kept ones", () => {
    const add = {
      titleId: "t2",
      territories: ["BR"],
      excludedTerritories: [],
      mediaRights: ["AVOD"],
      languages: [],
      start: "2027-01-01",
      end: "2027-02-01",
      exclusive: false,
      holdbacks: [],
      editsPermitted: false,
      seasons: [],
    };
    const { grants } = amendGrants(current, { addGrants: [add] }, ["n1"]);
    expect(grants.map((g) => g.id)).toEqual(["a", "b", "n1"]);
    expect(grants[2]).toMatchObject({ titleId: "t2", territories: ["BR"], exclusive: false });
  });
});

describe("diffDeal", () => {
  it("lists grants added, removed and changed field by field, and terms before → after", () => {
    const before: DealSnap = { grants: [grant("a"), grant("b")], terms };
    const after: DealSnap = {
      grants: [grant("a", { end: "2028-06-30", territories: ["TH", "LA"] }), grant("c")],
      terms: { ...terms, minimumGuarantee: usd("120.00") },
    };
    const diff = diffDeal(before, after);
    expect(diff.grants.added.map((g) => g.id)).toEqual(["c"]);
    expect(diff.grants.removed.map((g) => g.id)).toEqual(["b"]);
    expect(diff.grants.changed).toEqual([
      {
        grantId: "a",
        titleId: "t1",
        fields: [
          { field: "end", before: "2027-12-31", after: "2028-06-30" },
          { field: "territories", before: ["TH"], after: ["TH", "LA"] },
        ],
      },
    ]);
    expect(diff.terms).toEqual([{ field: "minimumGuarantee", before: usd("100.00"), after: usd("120.00") }]);
  });
  it("is empty when nothing changed", () => {
    const snap: DealSnap = { grants: [grant("a")], terms };
    expect(diffDeal(snap, structuredClone(snap))).toEqual({ grants: { added: [], removed: [], changed: [] }, terms: [] });
  });
});

describe("fixed terms", () => {
  it("names each of distributionFeePct and shareTiers, and nothing else", () => {
    expect(fixedTermErrors({ terms: { distributionFeePct: "1", expenseCap: usd("1.00") } }).map((e) => e.path)).toEqual([
      "changes.terms.distributionFeePct",
    ]);
    expect(fixedTermErrors({ terms: { shareTiers: [] } }).map((e) => e.path)).toEqual(["changes.terms.shareTiers"]);
    expect(fixedTermErrors({ terms: { minimumGuarantee: usd("1.00") } })).toEqual([]);
  });
});

describe("renewal options", () => {
  const option = { noticeBy: "2027-06-30", extendsTo: "2029-12-31", mgIncreasePct: "12.5" };
  it("is open up to and including its notice date", () => {
    expect(renewalOpen(option, "2027-06-30")).toBe(true);
    expect(renewalOpen(option, "2027-07-01")).toBe(false);
  });
  it("extends grants that end before the new date and raises the MG half-even", () => {
    const deal = {
      grants: [grant("a"), grant("b", { end: "2030-01-01" })],
      terms: { ...terms, minimumGuarantee: usd("0.20") },
      mgMinor: 20n,
      exponent: 2,
    };
    // 20 × 12.5% = 2.5 → 2 (half-even)
    expect(renewalChanges(deal, option)).toEqual({
      updateGrants: [{ grantId: "a", end: "2029-12-31" }],
      terms: { minimumGuarantee: usd("0.22") },
    });
  });
  it("adds the increase as one more instalment, due the day after the last window", () => {
    const deal = {
      grants: [grant("a")],
      terms: { ...terms, instalments: [{ amount: usd("100.00"), dueDate: null, trigger: "SIGNATURE" }] },
      mgMinor: 10000n,
      exponent: 2,
    };
    expect(renewalChanges(deal, option).terms).toEqual({
      minimumGuarantee: usd("112.50"),
      instalments: [
        { amount: usd("100.00"), dueDate: null, trigger: "SIGNATURE" },
        { amount: usd("12.50"), dueDate: "2028-01-01", trigger: "DATE" },
      ],
    });
  });
  it("without an MG only extends the windows", () => {
    expect(
      renewalChanges({ grants: [grant("a")], terms: { ...terms, minimumGuarantee: null }, mgMinor: null, exponent: 2 }, option),
    ).toEqual({
      updateGrants: [{ grantId: "a", end: "2029-12-31" }],
    });
  });
});
