/**
 * The season dimension of the rights rules (issue 15): runs of seasons as slices store them, the
 * overlap rule the exclusion constraint applies, and avails asked for one season.
 */
import { describe, expect, it } from "vitest";
import {
  avails,
  conflicts,
  defaultHeld,
  expandScope,
  grantSliceRows,
  normaliseSeasons,
  type Occupant,
  rangeCovers,
  seasonRanges,
  seasonsOverlap,
  windowOf,
} from "./rules";

describe("seasonRanges: the runs of consecutive seasons a grant's slices store", () => {
  it.each([
    [[], [{ from: 1, to: null }]],
    [[1], [{ from: 1, to: 1 }]],
    [[2, 1], [{ from: 1, to: 2 }]],
    [
      [1, 2, 4],
      [
        { from: 1, to: 2 },
        { from: 4, to: 4 },
      ],
    ],
    [
      [5, 3, 3, 4, 9],
      [
        { from: 3, to: 5 },
        { from: 9, to: 9 },
      ],
    ],
    [
      [1, 3, 5],
      [
        { from: 1, to: 1 },
        { from: 3, to: 3 },
        { from: 5, to: 5 },
      ],
    ],
  ])("%j → %j", (seasons, runs) => {
    expect(seasonRanges(seasons)).toEqual(runs);
  });

  it("normalises to distinct ascending numbers", () => {
    expect(normaliseSeasons([3, 1, 3, 2])).toEqual([1, 2, 3]);
  });
});

describe("seasonsOverlap: every season (none named) meets anything; named seasons must share one", () => {
  it.each([
    [[], [], true],
    [[], [2], true],
    [[2], [], true],
    [undefined, [2], true],
    [[2], [2], true],
    [[1, 2], [2, 3], true],
    [[2], [3], false],
    [[1, 3], [2, 4], false],
  ])("%j and %j: %s", (a, b, expected) => {
    expect(seasonsOverlap(a, b)).toBe(expected);
    expect(seasonsOverlap(b, a)).toBe(expected);
  });
});

describe("rangeCovers: whether a slice's run holds the season asked", () => {
  it.each([
    [{ seasonFrom: 1, seasonTo: null }, 7, true],
    [{ seasonFrom: 2, seasonTo: 2 }, 2, true],
    [{ seasonFrom: 2, seasonTo: 2 }, 1, false],
    [{ seasonFrom: 2, seasonTo: 2 }, 3, false],
    [{ seasonFrom: 2, seasonTo: 4 }, 4, true],
    [{ seasonFrom: 3, seasonTo: null }, 2, false],
    [{}, 5, true],
    [{ seasonFrom: 2, seasonTo: 2 }, undefined, true],
  ])("%j covers %s: %s", (range, season, expected) => {
    expect(rangeCovers(range, season)).toBe(expected);
  });
});

const claim = (seasons?: number[], exclusive = true) => ({
  titleId: "t1",
  ...expandScope({ territories: ["TH"], mediaRights: ["SVOD"] }),
  ...windowOf("2027-01-01", "2027-12-31"),
  exclusive,
  ...(seasons && { seasons }),
});

describe("conflicts with seasons: the rule the exclusion constraint applies", () => {
  const whole = { countries: ["TH"], media: ["SVOD"], start: "2027-01-01", end: "2027-12-31" };
  it.each([
    ["season 2 vs the whole series", [2], undefined, true],
    ["the whole series vs season 1", undefined, [1], true],
    ["season 2 vs season 3", [2], [3], false],
    ["seasons 1–2 vs 2–3", [1, 2], [2, 3], true],
    ["seasons 1 and 3 vs 2", [1, 3], [2], false],
    ["no seasons named on either side", [], [], true],
  ])("%s", (_name, a, b, conflicting) => {
    expect(conflicts(claim(a), claim(b))).toEqual(conflicting ? whole : null);
    expect(conflicts(claim(b), claim(a))).toEqual(conflicting ? whole : null);
  });

  it("two non-exclusive grants of one season coexist; an exclusive one takes it", () => {
    expect(conflicts(claim([1], false), claim([1], false))).toBeNull();
    expect(conflicts(claim([1], true), claim([1], false))).toEqual(whole);
  });
});

describe("grantSliceRows with seasons", () => {
  const scope = expandScope({ territories: ["TH", "VN"], mediaRights: ["SVOD"] });
  it("writes each cell once per run of seasons, holdbacks with the grant's seasons", () => {
    const rows = grantSliceRows({
      ...scope,
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
      holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
      seasons: [1, 2, 4],
    });
    const key = (r: (typeof rows)[number]) => `${r.country}|${r.media}|${r.holdback}|${r.seasonFrom}-${r.seasonTo}`;
    expect(rows.map(key).sort()).toEqual(
      [
        "TH|SVOD|false|1-2",
        "TH|SVOD|false|4-4",
        "VN|SVOD|false|1-2",
        "VN|SVOD|false|4-4",
        "TH|FREE_TV|true|1-2",
        "TH|FREE_TV|true|4-4",
      ].sort(),
    );
  });

  it("a grant naming no season covers every season, from 1 without end", () => {
    const rows = grantSliceRows({ ...scope, start: "2027-01-01", end: "2027-12-31", exclusive: false, holdbacks: [] });
    expect(rows.every((r) => r.seasonFrom === 1 && r.seasonTo === null)).toBe(true);
    expect(rows).toHaveLength(2);
  });
});

describe("avails for one season", () => {
  const occupant = (seasonFrom: number, seasonTo: number | null): Occupant => ({
    dealId: "d",
    grantId: "g",
    country: "TH",
    media: "SVOD",
    start: "2027-01-01",
    end: "2027-12-31",
    exclusive: true,
    holdback: false,
    seasonFrom,
    seasonTo,
  });
  const ask = (season: number | undefined, occupants: Occupant[]) =>
    avails(
      { countries: ["TH"], media: ["SVOD"], window: windowOf("2027-03-01", "2027-03-31"), exclusive: true, season },
      defaultHeld(),
      occupants,
    )[0]!.status;

  it.each([
    [undefined, [occupant(2, 2)], "BLOCKED"],
    [2, [occupant(2, 2)], "BLOCKED"],
    [3, [occupant(2, 2)], "AVAILABLE"],
    [1, [occupant(2, 2)], "AVAILABLE"],
    [5, [occupant(1, null)], "BLOCKED"],
    [3, [occupant(1, 2), occupant(4, 4)], "AVAILABLE"],
    [4, [occupant(1, 2), occupant(4, 4)], "BLOCKED"],
  ])("season %s with occupants %j: %s", (season, occupants, status) => {
    expect(ask(season, occupants)).toBe(status);
  });
});
