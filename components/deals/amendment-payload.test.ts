import { describe, expect, it } from "vitest";
import { amendmentInputSchema } from "@/lib/deals/schema";
import { type AmendValues, amendmentPayload, type GrantChoice } from "./amendment-payload";

const series: GrantChoice = {
  id: "0190a000-0000-7000-8000-000000000001",
  label: "Series · TH",
  start: "2027-01-01",
  end: "2027-12-31",
  territories: ["TH"],
  seasons: [1],
  seriesSeasons: [1, 2, 3],
};
const film: GrantChoice = { ...series, id: "0190a000-0000-7000-8000-000000000002", seasons: [], seriesSeasons: [] };
const values = (v: Partial<AmendValues> = {}): AmendValues => ({
  grantId: series.id,
  start: "",
  end: "",
  addTerritories: "",
  seasons: [1],
  minimumGuarantee: "",
  effectiveOn: "2027-06-01",
  note: "",
  ...v,
});

describe("amendment dialog payload", () => {
  it("sends the seasons of a series grant when they differ from the grant's, sorted", () => {
    const payload = amendmentPayload(values({ seasons: [3, 1] }), [series, film], "USD");
    expect(payload.changes.updateGrants).toEqual([{ grantId: series.id, seasons: [1, 3] }]);
    expect(amendmentInputSchema.safeParse(payload).success).toBe(true);
  });

  it("sends no seasons when unchanged, and none ticked means every season", () => {
    expect(amendmentPayload(values({ seasons: [1], end: "2028-12-31" }), [series], "USD").changes.updateGrants).toEqual([
      { grantId: series.id, end: "2028-12-31" },
    ]);
    expect(amendmentPayload(values({ seasons: [] }), [series], "USD").changes.updateGrants).toEqual([{ grantId: series.id, seasons: [] }]);
  });

  it("sends a new MG typed with thousands separators as the plain number", () => {
    expect(amendmentPayload(values({ minimumGuarantee: " 1,250,000.00" }), [series], "USD").changes).toEqual({
      terms: { minimumGuarantee: { amount: "1250000.00", currency: "USD" } },
    });
  });

  it("never sends seasons for a title that is not a series", () => {
    const payload = amendmentPayload(values({ grantId: film.id, seasons: [2], addTerritories: "la, kh" }), [series, film], "USD");
    expect(payload.changes.updateGrants).toEqual([{ grantId: film.id, territories: ["TH", "LA", "KH"] }]);
  });
});
