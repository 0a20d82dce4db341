/**
 * The pure rights rules of lib/deals/rules.ts: scope expansion, chain-of-title coverage, the
 * conflict rule and avails. The table below is the Acceptance's "avails answers match the rules
 * for rights held, groups, exclusions, parents/leaves, inclusive dates and holdbacks": each row
 * is rights held (or the default), the title's occupants (signed grants, expanded with their
 * holdbacks by grantSliceRows as signing writes them), a request, and the expected status of a
 * few probe cells. Runs under TZ=Asia/Shanghai (npm run test:unit), so a date handled in local
 * time instead of as a calendar date would shift a boundary and fail a row.
 */
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, fromDayNumber, PERPETUAL } from "@/lib/dates";
import { UnknownReferenceCodeError } from "@/lib/reference/errors";
import { MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import {
  type AvailStatus,
  avails,
  conflicts,
  defaultHeld,
  expandScope,
  grantSliceRows,
  type HeldScope,
  type Holdback,
  holdbackWindow,
  type Occupant,
  overlaps,
  summariseGrants,
  uncoveredByHeld,
  uncoveredRanges,
  type Window,
  windowOf,
} from "./rules";

// ---------------------------------------------------------------------------------------------
// Builders

type HeldDef = { territories: string[]; excluded?: string[]; media: string[]; start: string; end: string | null; exclusive: boolean };
type GrantDef = {
  id: string;
  territories: string[];
  excluded?: string[];
  media: string[];
  start: string;
  end: string;
  exclusive: boolean;
  holdbacks?: Holdback[];
};
type RequestDef = { territories: string[]; excluded?: string[]; media: string[]; start: string; end: string; exclusive: boolean };
/** Expected status per "COUNTRY|MEDIA"; ABSENT when the cell must not be in the answer at all. */
type Probes = Record<string, AvailStatus | "ABSENT">;
type Row = {
  name: string;
  /** Rights held; omitted = nothing recorded (worldwide, all media, perpetual, exclusive). */
  held?: HeldDef[];
  grants?: GrantDef[];
  request: RequestDef;
  expect: Probes;
  /** For BLOCKED probes: the ids of the grants whose rows block the cell (holdback rows carry their grant's id). */
  blockedBy?: Record<string, string[]>;
};

function heldOf(defs: HeldDef[] | undefined): HeldScope[] {
  if (!defs) return defaultHeld();
  return defs.map((h) => ({
    ...expandScope({ territories: h.territories, excludedTerritories: h.excluded, mediaRights: h.media }),
    ...windowOf(h.start, h.end),
    exclusive: h.exclusive,
  }));
}

/** Occupants as the avails query reads them from grant_slice after signing. */
function occupantsOf(grants: GrantDef[] = []): Occupant[] {
  return grants.flatMap((g) =>
    grantSliceRows({
      ...expandScope({ territories: g.territories, excludedTerritories: g.excluded, mediaRights: g.media }),
      start: g.start,
      end: g.end,
      exclusive: g.exclusive,
      holdbacks: g.holdbacks ?? [],
    }).map((r) => ({ ...r, dealId: `deal-of-${g.id}`, grantId: g.id })),
  );
}

function ask(row: Row) {
  const scope = expandScope({
    territories: row.request.territories,
    excludedTerritories: row.request.excluded,
    mediaRights: row.request.media,
  });
  const held = heldOf(row.held);
  const cells = avails(
    {
      countries: scope.countries,
      media: scope.media,
      window: windowOf(row.request.start, row.request.end),
      exclusive: row.request.exclusive,
    },
    held,
    occupantsOf(row.grants),
  );
  return { scope, held, cells };
}

const Y2027 = { start: "2027-01-01", end: "2027-12-31" };
const EXCL = { ...Y2027, exclusive: true };
const NONEX = { ...Y2027, exclusive: false };
const HELD_ALL_EXCL = (over: Partial<HeldDef>): HeldDef => ({
  territories: ["WORLDWIDE"],
  media: ["THEATRICAL", "TV", "DIGITAL"],
  start: "2020-01-01",
  end: null,
  exclusive: true,
  ...over,
});
/** A signed exclusive Thai SVOD licence for 2027 that holds back Thai free TV until 1 July. */
const TH_SVOD_WITH_FREE_TV_HOLDBACK: GrantDef = {
  id: "g-th",
  territories: ["TH"],
  media: ["SVOD"],
  ...EXCL,
  holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
};

// ---------------------------------------------------------------------------------------------
// The table

const ROWS: Row[] = [
  // Rights held -------------------------------------------------------------------------------
  {
    name: "nothing recorded: held worldwide, all media, perpetually → AVAILABLE (exclusive request)",
    request: { territories: ["VN", "US", "CN"], media: ["SVOD", "THEATRICAL", "THEME_PARK"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE", "US|THEATRICAL": "AVAILABLE", "CN|THEME_PARK": "AVAILABLE" },
  },
  {
    name: "nothing recorded, non-exclusive request, far-future window → AVAILABLE",
    request: { territories: ["BR"], media: ["AVOD"], start: "2090-01-01", end: "2099-12-31", exclusive: false },
    expect: { "BR|AVOD": "AVAILABLE" },
  },
  {
    name: "held only in SEA → NOT_HELD elsewhere",
    held: [HELD_ALL_EXCL({ territories: ["SEA"] })],
    request: { territories: ["VN", "JP", "US"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE", "JP|SVOD": "NOT_HELD", "US|SVOD": "NOT_HELD" },
  },
  {
    name: "held in SEA excluding VN → VN NOT_HELD, the rest of SEA AVAILABLE",
    held: [HELD_ALL_EXCL({ territories: ["SEA"], excluded: ["VN"] })],
    request: { territories: ["SEA"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD", "TH|SVOD": "AVAILABLE", "ID|SVOD": "AVAILABLE" },
  },
  {
    name: "held from one day after the request starts → NOT_HELD",
    held: [HELD_ALL_EXCL({ start: "2027-01-02", end: "2027-12-31" })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },
  {
    name: "held until one day before the request ends → NOT_HELD",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-12-30" })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },
  {
    name: "held for exactly the requested window (inclusive at both ends) → AVAILABLE",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-12-31" })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE" },
  },
  {
    name: "held non-exclusively + exclusive request → NOT_HELD",
    held: [HELD_ALL_EXCL({ exclusive: false })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },
  {
    name: "held non-exclusively + non-exclusive request → AVAILABLE",
    held: [HELD_ALL_EXCL({ exclusive: false })],
    request: { territories: ["VN"], media: ["SVOD"], ...NONEX },
    expect: { "VN|SVOD": "AVAILABLE" },
  },
  {
    name: "two held scopes that together cover the window (06-30 | 07-01) → AVAILABLE",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-06-30" }), HELD_ALL_EXCL({ start: "2027-07-01", end: "2028-12-31" })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE" },
  },
  {
    name: "two held scopes with a one-day gap (06-29 | 07-01) → NOT_HELD",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-06-29" }), HELD_ALL_EXCL({ start: "2027-07-01", end: null })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },
  {
    name: "exclusive + non-exclusive held halves, exclusive request → NOT_HELD (only exclusive rights count)",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-06-30" }), HELD_ALL_EXCL({ start: "2027-07-01", end: null, exclusive: false })],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },
  {
    name: "exclusive + non-exclusive held halves, non-exclusive request → AVAILABLE",
    held: [HELD_ALL_EXCL({ start: "2027-01-01", end: "2027-06-30" }), HELD_ALL_EXCL({ start: "2027-07-01", end: null, exclusive: false })],
    request: { territories: ["VN"], media: ["SVOD"], ...NONEX },
    expect: { "VN|SVOD": "AVAILABLE" },
  },
  {
    name: "held scopes per territory combine: TH and VN held, MY not",
    held: [HELD_ALL_EXCL({ territories: ["TH"] }), HELD_ALL_EXCL({ territories: ["VN"] })],
    request: { territories: ["TH", "VN", "MY"], media: ["SVOD"], ...EXCL },
    expect: { "TH|SVOD": "AVAILABLE", "VN|SVOD": "AVAILABLE", "MY|SVOD": "NOT_HELD" },
  },
  {
    name: "held DIGITAL (a parent) covers its leaves, not TV's",
    held: [HELD_ALL_EXCL({ media: ["DIGITAL"] })],
    request: { territories: ["VN"], media: ["SVOD", "EST", "FREE_TV", "THEATRICAL"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE", "VN|EST": "AVAILABLE", "VN|FREE_TV": "NOT_HELD", "VN|THEATRICAL": "NOT_HELD" },
  },
  {
    name: "held SVOD only, request DIGITAL → only the SVOD leaf is held",
    held: [HELD_ALL_EXCL({ media: ["SVOD"] })],
    request: { territories: ["VN"], media: ["DIGITAL"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE", "VN|AVOD": "NOT_HELD", "VN|TVOD": "NOT_HELD", "VN|EST": "NOT_HELD" },
  },
  {
    name: "NOT_HELD wins over BLOCKED: a signed grant inside a window not fully held",
    held: [HELD_ALL_EXCL({ start: "2020-01-01", end: "2027-06-30" })],
    grants: [{ id: "g1", territories: ["VN"], media: ["SVOD"], start: "2027-01-01", end: "2027-06-30", exclusive: true }],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "NOT_HELD" },
  },

  // The conflict rule ---------------------------------------------------------------------------
  {
    name: "an exclusive grant blocks an exclusive request",
    grants: [{ id: "g1", territories: ["VN"], media: ["SVOD"], ...EXCL }],
    request: { territories: ["VN"], media: ["SVOD"], start: "2027-03-01", end: "2027-03-31", exclusive: true },
    expect: { "VN|SVOD": "BLOCKED" },
    blockedBy: { "VN|SVOD": ["g1"] },
  },
  {
    name: "an exclusive grant blocks a non-exclusive request",
    grants: [{ id: "g1", territories: ["VN"], media: ["SVOD"], ...EXCL }],
    request: { territories: ["VN"], media: ["SVOD"], start: "2027-03-01", end: "2027-03-31", exclusive: false },
    expect: { "VN|SVOD": "BLOCKED" },
    blockedBy: { "VN|SVOD": ["g1"] },
  },
  {
    name: "a non-exclusive grant blocks an exclusive request",
    grants: [{ id: "g1", territories: ["VN"], media: ["SVOD"], ...NONEX }],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "BLOCKED" },
    blockedBy: { "VN|SVOD": ["g1"] },
  },
  {
    name: "a non-exclusive grant does not block a non-exclusive request",
    grants: [{ id: "g1", territories: ["VN"], media: ["SVOD"], ...NONEX }],
    request: { territories: ["VN"], media: ["SVOD"], ...NONEX },
    expect: { "VN|SVOD": "AVAILABLE" },
  },
  {
    name: "two non-exclusive grants both block an exclusive request",
    grants: [
      { id: "g1", territories: ["VN"], media: ["SVOD"], ...NONEX },
      { id: "g2", territories: ["SEA"], media: ["DIGITAL"], start: "2027-06-01", end: "2028-05-31", exclusive: false },
    ],
    request: { territories: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "BLOCKED" },
    blockedBy: { "VN|SVOD": ["g1", "g2"] },
  },
  {
    name: "inclusive end: grant ends 06-30, request starts 06-30 → BLOCKED",
    grants: [{ id: "g1", territories: ["BR"], media: ["SVOD"], start: "2027-01-01", end: "2027-06-30", exclusive: true }],
    request: { territories: ["BR"], media: ["SVOD"], start: "2027-06-30", end: "2027-12-31", exclusive: true },
    expect: { "BR|SVOD": "BLOCKED" },
    blockedBy: { "BR|SVOD": ["g1"] },
  },
  {
    name: "inclusive end: grant ends 06-30, request starts 07-01 → AVAILABLE",
    grants: [{ id: "g1", territories: ["BR"], media: ["SVOD"], start: "2027-01-01", end: "2027-06-30", exclusive: true }],
    request: { territories: ["BR"], media: ["SVOD"], start: "2027-07-01", end: "2027-12-31", exclusive: true },
    expect: { "BR|SVOD": "AVAILABLE" },
  },
  {
    name: "inclusive start: grant starts 07-01, request ends 06-30 → AVAILABLE",
    grants: [{ id: "g1", territories: ["BR"], media: ["SVOD"], start: "2027-07-01", end: "2027-12-31", exclusive: true }],
    request: { territories: ["BR"], media: ["SVOD"], start: "2027-01-01", end: "2027-06-30", exclusive: true },
    expect: { "BR|SVOD": "AVAILABLE" },
  },
  {
    name: "inclusive start: grant starts 07-01, request ends 07-01 → BLOCKED",
    grants: [{ id: "g1", territories: ["BR"], media: ["SVOD"], start: "2027-07-01", end: "2027-12-31", exclusive: true }],
    request: { territories: ["BR"], media: ["SVOD"], start: "2027-01-01", end: "2027-07-01", exclusive: true },
    expect: { "BR|SVOD": "BLOCKED" },
  },
  {
    name: "a grant inside a longer request window blocks it (any shared day)",
    grants: [{ id: "g1", territories: ["BR"], media: ["SVOD"], start: "2027-03-01", end: "2027-03-01", exclusive: true }],
    request: { territories: ["BR"], media: ["SVOD"], start: "2026-01-01", end: "2029-12-31", exclusive: false },
    expect: { "BR|SVOD": "BLOCKED" },
  },
  {
    name: "a grant blocks only its own leaf media and country",
    grants: [{ id: "g1", territories: ["VN"], media: ["AVOD"], ...EXCL }],
    request: { territories: ["VN", "TH"], media: ["SVOD", "AVOD"], ...EXCL },
    expect: { "VN|AVOD": "BLOCKED", "VN|SVOD": "AVAILABLE", "TH|AVOD": "AVAILABLE", "TH|SVOD": "AVAILABLE" },
  },
  {
    name: "group expansion: a grant on SEA blocks VN, not JP",
    grants: [{ id: "g1", territories: ["SEA"], media: ["DIGITAL"], ...EXCL }],
    request: { territories: ["VN", "JP", "SG"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "BLOCKED", "SG|SVOD": "BLOCKED", "JP|SVOD": "AVAILABLE" },
  },
  {
    name: "group exclusion: a grant on SEA excluding VN leaves VN available",
    grants: [{ id: "g1", territories: ["SEA"], excluded: ["VN"], media: ["SVOD"], ...EXCL }],
    request: { territories: ["VN", "TH"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "AVAILABLE", "TH|SVOD": "BLOCKED" },
  },
  {
    name: "WORLDWIDE minus CN: CN stays available, everyone else is blocked",
    grants: [{ id: "g1", territories: ["WORLDWIDE"], excluded: ["CN"], media: ["SVOD"], ...EXCL }],
    request: { territories: ["CN", "US", "VN", "FR"], media: ["SVOD"], ...EXCL },
    expect: { "CN|SVOD": "AVAILABLE", "US|SVOD": "BLOCKED", "VN|SVOD": "BLOCKED", "FR|SVOD": "BLOCKED" },
  },
  {
    name: "a grant excluding a region (WORLDWIDE minus 030 Eastern Asia) leaves every East Asian country available",
    grants: [{ id: "g1", territories: ["WORLDWIDE"], excluded: ["030"], media: ["SVOD"], ...EXCL }],
    request: { territories: ["JP", "KR", "CN", "TW", "TH"], media: ["SVOD"], ...EXCL },
    expect: { "JP|SVOD": "AVAILABLE", "KR|SVOD": "AVAILABLE", "CN|SVOD": "AVAILABLE", "TW|SVOD": "AVAILABLE", "TH|SVOD": "BLOCKED" },
  },
  {
    name: "LATAM covers BR and MX, not ES",
    grants: [{ id: "g1", territories: ["LATAM"], media: ["FREE_TV"], ...EXCL }],
    request: { territories: ["BR", "MX", "ES"], media: ["FREE_TV"], ...EXCL },
    expect: { "BR|FREE_TV": "BLOCKED", "MX|FREE_TV": "BLOCKED", "ES|FREE_TV": "AVAILABLE" },
  },
  {
    name: "a grant on parent DIGITAL blocks SVOD, AVOD, TVOD and EST, not TV",
    grants: [{ id: "g1", territories: ["VN"], media: ["DIGITAL"], ...EXCL }],
    request: { territories: ["VN"], media: ["SVOD", "AVOD", "TVOD", "EST", "FREE_TV", "PAY_TV"], ...EXCL },
    expect: {
      "VN|SVOD": "BLOCKED",
      "VN|AVOD": "BLOCKED",
      "VN|TVOD": "BLOCKED",
      "VN|EST": "BLOCKED",
      "VN|FREE_TV": "AVAILABLE",
      "VN|PAY_TV": "AVAILABLE",
    },
  },
  {
    name: "a request on parent DIGITAL answers per leaf (no DIGITAL cell); a leaf grant blocks only its leaf",
    grants: [{ id: "g1", territories: ["VN"], media: ["TVOD"], ...EXCL }],
    request: { territories: ["VN"], media: ["DIGITAL"], ...EXCL },
    expect: { "VN|DIGITAL": "ABSENT", "VN|TVOD": "BLOCKED", "VN|SVOD": "AVAILABLE", "VN|AVOD": "AVAILABLE", "VN|EST": "AVAILABLE" },
  },
  {
    name: "a request on SEA excluding VN asks nothing about VN",
    request: { territories: ["SEA"], excluded: ["VN"], media: ["SVOD"], ...EXCL },
    expect: { "VN|SVOD": "ABSENT", "TH|SVOD": "AVAILABLE", "JP|SVOD": "ABSENT" },
  },
  {
    name: "two exclusive grants with one free day between them leave that day available",
    grants: [
      { id: "g1", territories: ["MX"], media: ["SVOD"], start: "2027-01-01", end: "2027-06-29", exclusive: true },
      { id: "g2", territories: ["MX"], media: ["SVOD"], start: "2027-07-01", end: "2027-12-31", exclusive: true },
    ],
    request: { territories: ["MX"], media: ["SVOD"], start: "2027-06-30", end: "2027-06-30", exclusive: true },
    expect: { "MX|SVOD": "AVAILABLE" },
  },

  // Holdbacks ---------------------------------------------------------------------------------
  {
    name: "holdback blocks its media × territory before `until` (even a non-exclusive request)",
    grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
    request: { territories: ["TH"], media: ["FREE_TV"], start: "2027-03-01", end: "2027-03-31", exclusive: false },
    expect: { "TH|FREE_TV": "BLOCKED" },
    blockedBy: { "TH|FREE_TV": ["g-th"] },
  },
  {
    name: "holdback blocks the day before `until`",
    grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
    request: { territories: ["TH"], media: ["FREE_TV"], start: "2027-06-30", end: "2027-06-30", exclusive: true },
    expect: { "TH|FREE_TV": "BLOCKED" },
  },
  {
    name: "holdback does not block from `until` on",
    grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
    request: { territories: ["TH"], media: ["FREE_TV"], start: "2027-07-01", end: "2027-12-31", exclusive: true },
    expect: { "TH|FREE_TV": "AVAILABLE" },
  },
  {
    name: "holdback does not block other media, nor other territories",
    grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
    request: { territories: ["TH", "VN"], media: ["FREE_TV", "PAY_TV", "AVOD"], start: "2027-03-01", end: "2027-03-31", exclusive: true },
    expect: { "TH|FREE_TV": "BLOCKED", "TH|PAY_TV": "AVAILABLE", "TH|AVOD": "AVAILABLE", "VN|FREE_TV": "AVAILABLE" },
  },
  {
    name: "holdback of a non-exclusive grant still blocks non-exclusive requests (holdbacks are exclusive)",
    grants: [
      {
        id: "g-ne",
        territories: ["TH"],
        media: ["SVOD"],
        ...NONEX,
        holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
      },
    ],
    request: { territories: ["TH"], media: ["FREE_TV", "SVOD"], start: "2027-03-01", end: "2027-03-31", exclusive: false },
    expect: { "TH|FREE_TV": "BLOCKED", "TH|SVOD": "AVAILABLE" },
  },
  {
    name: "holdback on a group and a parent: SEA × TV blocks VN FREE_TV and PAY_TV, not JP",
    grants: [
      {
        id: "g-sea",
        territories: ["TH"],
        media: ["SVOD"],
        ...EXCL,
        holdbacks: [{ mediaRights: ["TV"], territories: ["SEA"], until: "2027-04-01" }],
      },
    ],
    request: { territories: ["VN", "JP"], media: ["TV"], start: "2027-01-15", end: "2027-02-15", exclusive: false },
    expect: { "VN|FREE_TV": "BLOCKED", "VN|PAY_TV": "BLOCKED", "JP|FREE_TV": "AVAILABLE", "JP|PAY_TV": "AVAILABLE" },
  },
  {
    name: "holdback runs from the grant's start: a request ending the day before the grant starts is available",
    grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
    request: { territories: ["TH"], media: ["FREE_TV"], start: "2026-01-01", end: "2026-12-31", exclusive: true },
    expect: { "TH|FREE_TV": "AVAILABLE" },
  },
  {
    name: "a holdback ending on the grant's first day holds nothing back",
    grants: [
      {
        id: "g-0",
        territories: ["TH"],
        media: ["SVOD"],
        ...EXCL,
        holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-01-01" }],
      },
    ],
    request: { territories: ["TH"], media: ["FREE_TV"], start: "2026-06-01", end: "2027-12-31", exclusive: true },
    expect: { "TH|FREE_TV": "AVAILABLE" },
  },
];

const key = (country: string, media: string) => `${country}|${media}`;

describe("avails — the table of rights held, groups, exclusions, parents/leaves, inclusive dates and holdbacks", () => {
  it("has at least 30 rows, each with probes", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    for (const row of ROWS) expect(Object.keys(row.expect).length, row.name).toBeGreaterThan(0);
  });

  it.each(ROWS)("$name", (row) => {
    const { scope, held, cells } = ask(row);
    // Exactly one cell per requested country × leaf media.
    expect(cells).toHaveLength(scope.countries.size * scope.media.size);
    const byKey = new Map(cells.map((c) => [key(c.territory, c.mediaRight), c]));
    expect(byKey.size).toBe(cells.length);

    for (const [probe, status] of Object.entries(row.expect)) {
      const cell = byKey.get(probe);
      if (status === "ABSENT") {
        expect(cell, probe).toBeUndefined();
        continue;
      }
      expect(cell?.status, probe).toBe(status);
      // Blockers come with BLOCKED and only with it.
      if (status === "BLOCKED") expect(cell?.blockers?.length, probe).toBeGreaterThan(0);
      else expect(cell?.blockers, probe).toBeUndefined();

      // The same held rights, asked through uncoveredByHeld (the signing check), agree cell by cell.
      const [country, media] = probe.split("|") as [string, string];
      const gaps = uncoveredByHeld(
        {
          countries: new Set([country]),
          media: new Set([media]),
          ...windowOf(row.request.start, row.request.end),
          exclusive: row.request.exclusive,
        },
        held,
      );
      expect(gaps.length > 0, `${probe} uncoveredByHeld`).toBe(status === "NOT_HELD");
    }
    for (const [probe, grantIds] of Object.entries(row.blockedBy ?? {})) {
      expect([...new Set(byKey.get(probe)?.blockers?.map((b) => b.grantId))].sort(), probe).toEqual([...grantIds].sort());
    }
  });

  it("with nothing recorded, the whole world in every leaf is AVAILABLE", () => {
    const scope = expandScope({
      territories: ["WORLDWIDE"],
      mediaRights: ["THEATRICAL", "TV", "DIGITAL", "NON_THEATRICAL", "HOME_VIDEO", "DERIVATIVE", "ANCILLARY"],
    });
    const cells = avails({ ...scope, window: windowOf("2030-01-01", "2030-12-31"), exclusive: true }, defaultHeld(), []);
    expect(cells).toHaveLength(249 * MEDIA_RIGHT_LEAVES.length);
    expect(cells.every((c) => c.status === "AVAILABLE")).toBe(true);
  });

  it("blockers name the holdback rows as holdbacks, with the holdback's window", () => {
    const { cells } = ask({
      name: "holdback detail",
      grants: [TH_SVOD_WITH_FREE_TV_HOLDBACK],
      request: { territories: ["TH"], media: ["FREE_TV", "SVOD"], ...EXCL },
      expect: {},
    });
    const byKey = new Map(cells.map((c) => [key(c.territory, c.mediaRight), c]));
    expect(byKey.get("TH|FREE_TV")?.blockers).toEqual([
      {
        dealId: "deal-of-g-th",
        grantId: "g-th",
        country: "TH",
        media: "FREE_TV",
        start: "2027-01-01",
        end: "2027-06-30",
        exclusive: true,
        holdback: true,
        seasonFrom: 1,
        seasonTo: null,
      },
    ]);
    expect(byKey.get("TH|SVOD")?.blockers).toEqual([
      {
        dealId: "deal-of-g-th",
        grantId: "g-th",
        country: "TH",
        media: "SVOD",
        start: "2027-01-01",
        end: "2027-12-31",
        exclusive: true,
        holdback: false,
        seasonFrom: 1,
        seasonTo: null,
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The building blocks

const W = (start: string, end: string | null): Window => windowOf(start, end);
const days = (gaps: Window[]) => gaps.map((g) => [fromDayNumber(g.start), fromDayNumber(g.end)]);

describe("dates", () => {
  it("are calendar dates, independent of the process time zone", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(dayNumber("2027-06-30"))).toBe("2027-06-30");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(dayNumber("2027-07-01") - dayNumber("2027-06-30")).toBe(1);
  });

  it("windowOf treats a null end as perpetual", () => {
    expect(windowOf("2027-01-01", null)).toEqual({ start: dayNumber("2027-01-01"), end: PERPETUAL });
  });

  it("overlaps is inclusive at both ends", () => {
    expect(overlaps(W("2027-01-01", "2027-06-30"), W("2027-06-30", "2027-12-31"))).toBe(true);
    expect(overlaps(W("2027-01-01", "2027-06-30"), W("2027-07-01", "2027-12-31"))).toBe(false);
    expect(overlaps(W("2027-07-01", "2027-12-31"), W("2027-01-01", "2027-06-30"))).toBe(false);
    expect(overlaps(W("2027-01-01", null), W("2999-01-01", "2999-01-01"))).toBe(true);
  });
});

describe("uncoveredRanges", () => {
  const want = W("2027-01-01", "2027-12-31");

  it("with nothing held, the whole window is uncovered", () => {
    expect(days(uncoveredRanges(want, []))).toEqual([["2027-01-01", "2027-12-31"]]);
  });

  it("an interval equal to the window covers it", () => {
    expect(uncoveredRanges(want, [W("2027-01-01", "2027-12-31")])).toEqual([]);
  });

  it("a perpetual interval covers any later window", () => {
    expect(uncoveredRanges(want, [W("2000-01-01", null)])).toEqual([]);
  });

  it("reports a gap at the start, in the middle and at the end", () => {
    expect(days(uncoveredRanges(want, [W("2027-01-02", "2027-12-31")]))).toEqual([["2027-01-01", "2027-01-01"]]);
    expect(days(uncoveredRanges(want, [W("2027-01-01", "2027-12-30")]))).toEqual([["2027-12-31", "2027-12-31"]]);
    expect(days(uncoveredRanges(want, [W("2027-01-01", "2027-03-31"), W("2027-05-01", "2027-12-31")]))).toEqual([
      ["2027-04-01", "2027-04-30"],
    ]);
  });

  it("merges adjacent and overlapping intervals given in any order", () => {
    expect(uncoveredRanges(want, [W("2027-07-01", "2027-12-31"), W("2027-01-01", "2027-06-30")])).toEqual([]);
    expect(uncoveredRanges(want, [W("2027-06-01", "2028-12-31"), W("2026-01-01", "2027-03-31"), W("2027-03-01", "2027-07-15")])).toEqual(
      [],
    );
    // A short interval inside a longer one must not move the cursor back.
    expect(days(uncoveredRanges(want, [W("2026-01-01", "2027-09-30"), W("2027-02-01", "2027-02-02")]))).toEqual([
      ["2027-10-01", "2027-12-31"],
    ]);
  });

  it("reports several gaps in order and ignores intervals outside the window", () => {
    expect(
      days(
        uncoveredRanges(want, [
          W("2029-01-01", "2029-12-31"),
          W("2027-11-01", "2027-11-30"),
          W("2027-02-01", "2027-02-28"),
          W("2025-01-01", "2026-12-31"),
        ]),
      ),
    ).toEqual([
      ["2027-01-01", "2027-01-31"],
      ["2027-03-01", "2027-10-31"],
      ["2027-12-01", "2027-12-31"],
    ]);
  });

  it("handles a single-day window", () => {
    const day = W("2027-06-30", "2027-06-30");
    expect(uncoveredRanges(day, [W("2027-06-30", "2027-06-30")])).toEqual([]);
    expect(days(uncoveredRanges(day, [W("2027-01-01", "2027-06-29"), W("2027-07-01", "2027-12-31")]))).toEqual([
      ["2027-06-30", "2027-06-30"],
    ]);
  });

  it("an empty window (ending before it starts) has no gap", () => {
    expect(uncoveredRanges({ start: dayNumber("2027-07-01"), end: dayNumber("2027-06-30") }, [])).toEqual([]);
  });

  it("a perpetual window is covered by a perpetual interval, and not by a finite one", () => {
    const forever = W("2027-01-01", null);
    expect(uncoveredRanges(forever, [W("2020-01-01", null)])).toEqual([]);
    expect(uncoveredRanges(forever, [W("2027-01-01", "2027-12-31"), W("2028-01-01", null)])).toEqual([]);
    expect(uncoveredRanges(forever, [W("2027-01-01", "2027-12-31")])).toEqual([{ start: dayNumber("2028-01-01"), end: PERPETUAL }]);
  });
});

describe("uncoveredByHeld", () => {
  const grant = (territories: string[], media: string[], start: string, end: string, exclusive: boolean) => ({
    ...expandScope({ territories, mediaRights: media }),
    ...windowOf(start, end),
    exclusive,
  });

  it("nothing is uncovered under the default rights held", () => {
    expect(uncoveredByHeld(grant(["WORLDWIDE"], ["DIGITAL", "TV"], "2027-01-01", "2099-12-31", true), defaultHeld())).toEqual([]);
  });

  it("names the uncovered countries, media and dates, grouping cells with the same gaps", () => {
    const held = heldOf([{ territories: ["TH"], media: ["DIGITAL"], start: "2027-01-01", end: "2027-06-30", exclusive: true }]);
    const gaps = uncoveredByHeld(grant(["TH", "VN"], ["SVOD", "AVOD"], "2027-01-01", "2027-12-31", true), held);
    expect(gaps).toHaveLength(2);
    expect(gaps).toEqual(
      expect.arrayContaining([
        { countries: ["TH"], media: ["AVOD", "SVOD"], start: "2027-07-01", end: "2027-12-31" },
        { countries: ["VN"], media: ["AVOD", "SVOD"], start: "2027-01-01", end: "2027-12-31" },
      ]),
    );
  });

  it("lists each gap of a cell held with holes", () => {
    const held = heldOf([
      { territories: ["VN"], media: ["SVOD"], start: "2027-02-01", end: "2027-05-31", exclusive: true },
      { territories: ["VN"], media: ["SVOD"], start: "2027-07-01", end: "2027-11-30", exclusive: true },
    ]);
    expect(uncoveredByHeld(grant(["VN"], ["SVOD"], "2027-01-01", "2027-12-31", true), held)).toEqual([
      { countries: ["VN"], media: ["SVOD"], start: "2027-01-01", end: "2027-01-31" },
      { countries: ["VN"], media: ["SVOD"], start: "2027-06-01", end: "2027-06-30" },
      { countries: ["VN"], media: ["SVOD"], start: "2027-12-01", end: "2027-12-31" },
    ]);
  });

  it("an exclusive grant needs exclusive rights held; a non-exclusive one does not", () => {
    const held = heldOf([{ territories: ["VN"], media: ["SVOD"], start: "2020-01-01", end: null, exclusive: false }]);
    expect(uncoveredByHeld(grant(["VN"], ["SVOD"], "2027-01-01", "2027-12-31", true), held)).toEqual([
      { countries: ["VN"], media: ["SVOD"], start: "2027-01-01", end: "2027-12-31" },
    ]);
    expect(uncoveredByHeld(grant(["VN"], ["SVOD"], "2027-01-01", "2027-12-31", false), held)).toEqual([]);
  });

  it("lists countries and media in code order, whatever order the scope holds them in", () => {
    const scope = { countries: new Set(["VN", "TH", "ID"]), media: new Set(["SVOD", "AVOD"]), ...windowOf("2027-01-01", "2027-01-31") };
    expect(uncoveredByHeld({ ...scope, exclusive: true }, [])).toEqual([
      { countries: ["ID", "TH", "VN"], media: ["AVOD", "SVOD"], start: "2027-01-01", end: "2027-01-31" },
    ]);
  });

  it("held scopes with exclusions leave the excluded countries uncovered", () => {
    const held = heldOf([
      { territories: ["WORLDWIDE"], excluded: ["CN"], media: ["SVOD"], start: "2020-01-01", end: null, exclusive: true },
    ]);
    expect(uncoveredByHeld(grant(["GREATER_CHINA"], ["SVOD"], "2027-01-01", "2027-01-31", true), held)).toEqual([
      { countries: ["CN"], media: ["SVOD"], start: "2027-01-01", end: "2027-01-31" },
    ]);
  });
});

describe("conflicts", () => {
  const claim = (over: {
    titleId?: string;
    territories?: string[];
    excluded?: string[];
    media?: string[];
    start?: string;
    end?: string | null;
    exclusive?: boolean;
  }) => ({
    titleId: over.titleId ?? "t1",
    ...expandScope({ territories: over.territories ?? ["VN"], excludedTerritories: over.excluded, mediaRights: over.media ?? ["SVOD"] }),
    ...windowOf(over.start ?? "2027-01-01", over.end === undefined ? "2027-12-31" : over.end),
    exclusive: over.exclusive ?? true,
  });

  it("names the shared countries, leaf media and overlapping dates", () => {
    const a = claim({ territories: ["SEA"], media: ["DIGITAL"], start: "2027-01-01", end: "2027-12-31" });
    const b = claim({ territories: ["TH", "VN", "JP"], media: ["SVOD", "FREE_TV", "EST"], start: "2027-06-01", end: "2028-05-31" });
    const expected = { countries: ["TH", "VN"], media: ["EST", "SVOD"], start: "2027-06-01", end: "2027-12-31" };
    expect(conflicts(a, b)).toEqual(expected);
    expect(conflicts(b, a)).toEqual(expected);
  });

  it("lists the shared countries and media in code order, whatever order either side holds them in", () => {
    const side = (countries: string[], media: string[]) => ({
      titleId: "t1",
      countries: new Set(countries),
      media: new Set(media),
      ...windowOf("2027-01-01", "2027-12-31"),
      exclusive: true,
    });
    const expected = { countries: ["ID", "TH", "VN"], media: ["AVOD", "SVOD"], start: "2027-01-01", end: "2027-12-31" };
    expect(conflicts(side(["VN", "TH", "ID"], ["SVOD", "AVOD"]), side(["ID", "VN", "TH"], ["AVOD", "SVOD"]))).toEqual(expected);
    expect(conflicts(side(["ID", "VN", "TH"], ["AVOD", "SVOD"]), side(["VN", "TH", "ID"], ["SVOD", "AVOD"]))).toEqual(expected);
  });

  it("needs the same title", () => {
    expect(conflicts(claim({}), claim({ titleId: "t2" }))).toBeNull();
  });

  it("needs at least one exclusive side", () => {
    expect(conflicts(claim({ exclusive: false }), claim({ exclusive: false }))).toBeNull();
    const whole = { countries: ["VN"], media: ["SVOD"], start: "2027-01-01", end: "2027-12-31" };
    expect(conflicts(claim({ exclusive: false }), claim({ exclusive: true }))).toEqual(whole);
    expect(conflicts(claim({ exclusive: true }), claim({ exclusive: false }))).toEqual(whole);
  });

  it("needs a shared country and a shared leaf media", () => {
    expect(conflicts(claim({ territories: ["SEA"], excluded: ["VN"] }), claim({ territories: ["VN"] }))).toBeNull();
    expect(conflicts(claim({ territories: ["WORLDWIDE"], excluded: ["CN"] }), claim({ territories: ["CN"] }))).toBeNull();
    expect(conflicts(claim({ media: ["DIGITAL"] }), claim({ media: ["TV"] }))).toBeNull();
    expect(conflicts(claim({ media: ["TV"] }), claim({ media: ["PAY_TV"] }))).toEqual(expect.objectContaining({ media: ["PAY_TV"] }));
  });

  it("windows are inclusive: touching on one day conflicts on that day, adjacent ones do not", () => {
    expect(conflicts(claim({ end: "2027-06-30" }), claim({ start: "2027-06-30", end: "2027-12-31" }))).toEqual({
      countries: ["VN"],
      media: ["SVOD"],
      start: "2027-06-30",
      end: "2027-06-30",
    });
    expect(conflicts(claim({ end: "2027-06-30" }), claim({ start: "2027-07-01", end: "2027-12-31" }))).toBeNull();
  });

  it("a perpetual claim conflicts with any later one, up to the later one's end", () => {
    expect(conflicts(claim({ start: "2020-01-01", end: null }), claim({ start: "2090-01-01", end: "2090-12-31" }))).toEqual(
      expect.objectContaining({ start: "2090-01-01", end: "2090-12-31" }),
    );
  });
});

describe("expansion, default rights held and slice rows", () => {
  it("expandScope expands groups, regions, exclusions and parent media to countries and leaves", () => {
    const s = expandScope({ territories: ["SEA", "JP"], excludedTerritories: ["VN", "MM"], mediaRights: ["DIGITAL", "THEATRICAL"] });
    expect([...s.countries].sort()).toEqual(["BN", "ID", "JP", "KH", "LA", "MY", "PH", "SG", "TH", "TL"]);
    expect([...s.media].sort()).toEqual(["AVOD", "EST", "SVOD", "THEATRICAL", "TVOD"]);
  });

  it("expandScope refuses unknown codes rather than dropping them", () => {
    expect(() => expandScope({ territories: ["VN", "XX"], mediaRights: ["SVOD"] })).toThrow(UnknownReferenceCodeError);
    expect(() => expandScope({ territories: ["VN"], excludedTerritories: ["ZZ"], mediaRights: ["SVOD"] })).toThrow(
      UnknownReferenceCodeError,
    );
    expect(() => expandScope({ territories: ["VN"], mediaRights: ["VOD"] })).toThrow(UnknownReferenceCodeError);
  });

  it("defaultHeld is worldwide, every leaf, perpetual and exclusive", () => {
    const [held, ...rest] = defaultHeld();
    expect(rest).toEqual([]);
    expect(held!.countries.size).toBe(249);
    expect([...held!.media].sort()).toEqual([...MEDIA_RIGHT_LEAVES].sort());
    expect(held!.end).toBe(PERPETUAL);
    expect(held!.start).toBeLessThan(dayNumber("1900-01-01"));
    expect(held!.exclusive).toBe(true);
  });

  it("holdbackWindow runs from the grant's start to the day before `until`", () => {
    expect(holdbackWindow("2027-01-01", "2027-07-01")).toEqual(W("2027-01-01", "2027-06-30"));
    expect(holdbackWindow("2027-01-01", "2027-01-02")).toEqual(W("2027-01-01", "2027-01-01"));
    expect(holdbackWindow("2027-01-01", "2027-01-01")).toBeNull();
    expect(holdbackWindow("2027-01-01", "2026-12-31")).toBeNull();
  });

  it("grantSliceRows writes one row per country × leaf, plus exclusive holdback rows", () => {
    const rows = grantSliceRows({
      ...expandScope({ territories: ["TH", "VN"], mediaRights: ["SVOD", "AVOD"] }),
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: false,
      holdbacks: [
        { mediaRights: ["TV"], territories: ["TH"], until: "2027-04-01" },
        { mediaRights: ["THEATRICAL"], territories: ["VN"], until: "2027-01-01" },
      ],
    });
    const grantRows = rows.filter((r) => !r.holdback);
    expect(grantRows).toHaveLength(4);
    expect(grantRows.every((r) => r.start === "2027-01-01" && r.end === "2027-12-31" && r.exclusive === false)).toBe(true);
    expect(rows.filter((r) => r.holdback)).toEqual([
      {
        country: "TH",
        media: "FREE_TV",
        start: "2027-01-01",
        end: "2027-03-31",
        exclusive: true,
        holdback: true,
        seasonFrom: 1,
        seasonTo: null,
      },
      {
        country: "TH",
        media: "PAY_TV",
        start: "2027-01-01",
        end: "2027-03-31",
        exclusive: true,
        holdback: true,
        seasonFrom: 1,
        seasonTo: null,
      },
    ]);
  });
});

describe("summariseGrants", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  it("spans the earliest start to the latest end and ranks codes by how many grants name them", () => {
    const summary = summariseGrants([
      { territories: ["VN", "TH"], start: d("2027-01-01"), end: d("2027-12-31") },
      { territories: ["TH", "TH"], start: d("2026-06-01"), end: d("2027-03-31") },
      { territories: ["SG", "MY", "ID", "PH", "KH", "LA"], start: d("2027-02-01"), end: d("2028-01-31") },
    ]);
    expect(summary.window).toEqual({ start: "2026-06-01", end: "2028-01-31" });
    expect(summary.territories).toEqual(["TH", "ID", "KH", "LA", "MY"]);
    expect(summary.territoryCount).toBe(8);
  });
  it("has no window and no territories without grants", () => {
    expect(summariseGrants([])).toEqual({ window: null, territories: [], territoryCount: 0 });
  });
});
