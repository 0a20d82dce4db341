import { describe, expect, it } from "vitest";
import type { GrantSnap } from "@/lib/deals/amendment";
import { inForce, segmentsOf } from "./in-force";

const grant = (territories: string[], seasons: number[] = []): GrantSnap => ({
  id: "g",
  titleId: "t",
  versionId: null,
  territories,
  excludedTerritories: [],
  mediaRights: ["SVOD"],
  languages: [],
  start: "2027-01-01",
  end: "2027-12-31",
  exclusive: true,
  editsPermitted: false,
  holdbacks: [],
  seasons,
});
const line = (territory: string, season: number | null = null) => ({ titleId: "t", territory, mediaRight: "SVOD", season });

describe("grants in force during a period", () => {
  const julyAmendment = { effectiveOn: "2027-07-01", before: [grant(["TH", "VN"])], after: [grant(["TH", "KR"], [1])] };

  it("needs no segments when every amendment took effect by the period's start", () => {
    expect(segmentsOf([julyAmendment], "2027-07-01", "2027-09-30")).toBeNull();
    expect(segmentsOf([], "2027-01-01", "2027-03-31")).toBeNull();
  });

  it.each([
    // period, line, in force
    [["2027-01-01", "2027-03-31"], line("VN"), true],
    [["2027-01-01", "2027-03-31"], line("KR"), false],
    [["2027-04-01", "2027-09-30"], line("VN"), true],
    [["2027-04-01", "2027-09-30"], line("KR", 1), true],
    [["2027-04-01", "2027-06-30"], line("KR", 1), false],
    // After July the grant names season 1 only; before, every season.
    [["2027-06-01", "2027-07-31"], line("TH", 2), true],
    [["2027-06-01", "2027-06-30"], line("TH", 2), true],
  ] as const)("period %j, line %j → %s", ([from, to], l, expected) => {
    const segments = segmentsOf([julyAmendment], from, to)!;
    expect(inForce(segments, l)).toBe(expected);
  });

  it("splits the period at each effective date, in effective order", () => {
    const october = { effectiveOn: "2027-10-01", before: julyAmendment.after, after: [grant(["JP"])] };
    expect(segmentsOf([october, julyAmendment], "2027-06-01", "2027-12-31")!.map((s) => [s.from, s.to, s.grants[0]!.territories])).toEqual([
      ["2027-06-01", "2027-06-30", ["TH", "VN"]],
      ["2027-07-01", "2027-09-30", ["TH", "KR"]],
      ["2027-10-01", "2027-12-31", ["JP"]],
    ]);
  });
});
