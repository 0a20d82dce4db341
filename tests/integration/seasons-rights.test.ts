/**
 * Series licensed season by season (issue 15 points 4 and 6), against real Postgres: grants name
 * seasons; the exclusion constraint on grant_slice refuses overlapping exclusive rights at season
 * granularity (and the conflict check before signature agrees with it); avails answer per season;
 * statement lines may name a season the deal grants. Episode-level grants are not modelled: an
 * episode is licensed with its season.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST as proposeAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/propose/route";
import { POST as signAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/sign/route";
import { POST as createAmendment } from "@/app/api/v1/deals/[id]/amendments/route";
import { POST as createSeason } from "@/app/api/v1/titles/[id]/seasons/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { isExclusionViolation } from "@/lib/db/tx";
import { callRoute, dealsApi, draftDealViaApi, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi } from "./statements-fixtures";

let studio: Registered;
let partners: Registered[];
let seriesId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partners = await Promise.all(
    ["TH", "BR", "VN"].map((c) => registerViaApi({ organization: { name: `Partner ${c}`, kind: "PARTNER", homeCountry: c } })),
  );
  const title = await callRoute(createTitle, "/api/v1/titles", {
    headers: studio.headers,
    json: { kind: "SERIES", originalTitle: "天衍仙途", originalLanguage: "zh", year: 2025, episodeCount: 34, visibility: "LISTED" },
  });
  expect(title.status, title.text).toBe(201);
  seriesId = title.body.id;
  for (const number of [1, 2, 3, 4]) {
    const season = await callRoute(createSeason, `/api/v1/titles/${seriesId}/seasons`, {
      headers: studio.headers,
      params: { id: seriesId },
      json: { number, titles: { en: `Season ${number}` } },
    });
    expect(season.status, season.text).toBe(201);
  }
});

type Grant = { seasons?: number[]; exclusive?: boolean; territories?: string[]; mediaRights?: string[] };
const grant = (g: Grant) => ({
  titleId: seriesId,
  territories: g.territories ?? ["TH"],
  mediaRights: g.mediaRights ?? ["SVOD"],
  start: "2027-01-01",
  end: "2027-12-31",
  exclusive: g.exclusive ?? true,
  ...(g.seasons && { seasons: g.seasons }),
});

/** A deal with one grant, proposed by the studio and signed by the partner: the studio's signature decides. */
async function awaitingStudio(partner: Registered, g: Grant) {
  const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grant(g)]);
  expect((await dealsApi.propose(studio.headers, id)).status).toBe(200);
  expect((await dealsApi.sign(partner.headers, id)).body.status).toBe("PROPOSED");
  return id;
}
async function signed(partner: Registered, g: Grant) {
  const id = await awaitingStudio(partner, g);
  const res = await dealsApi.sign(studio.headers, id);
  expect(res.body.status, res.text).toBe("SIGNED");
  return id;
}

describe("exclusive rights at season granularity", () => {
  // first grant (signed), second grant (signed after it), whether the second is refused
  const table: { name: string; first: Grant; second: Grant; conflict: boolean }[] = [
    { name: "season 2 blocks the whole series", first: { seasons: [2] }, second: {}, conflict: true },
    { name: "the whole series blocks season 1", first: {}, second: { seasons: [1] }, conflict: true },
    { name: "season 2 does not block season 3", first: { seasons: [2] }, second: { seasons: [3] }, conflict: false },
    { name: "seasons 1–2 block seasons 2–3", first: { seasons: [1, 2] }, second: { seasons: [2, 3] }, conflict: true },
    { name: "seasons 1 and 3 leave season 2", first: { seasons: [1, 3] }, second: { seasons: [2] }, conflict: false },
    { name: "seasons 1 and 3 block seasons 3–4", first: { seasons: [1, 3] }, second: { seasons: [3, 4] }, conflict: true },
    {
      name: "an exclusive season blocks a non-exclusive grant of it",
      first: { seasons: [1] },
      second: { seasons: [1], exclusive: false },
      conflict: true,
    },
    {
      name: "non-exclusive grants of one season coexist",
      first: { seasons: [1], exclusive: false },
      second: { seasons: [1], exclusive: false },
      conflict: false,
    },
    { name: "the same season elsewhere is free", first: { seasons: [2] }, second: { seasons: [2], territories: ["BR"] }, conflict: false },
    {
      name: "the same season in other media is free",
      first: { seasons: [2] },
      second: { seasons: [2], mediaRights: ["PAY_TV"] },
      conflict: false,
    },
  ];

  for (const row of table) {
    it(`${row.name}: ${row.conflict ? "409 RIGHTS_CONFLICT" : "both signed"}, and the check before signature agrees`, async () => {
      const first = await signed(partners[0]!, row.first);
      const second = await awaitingStudio(partners[1]!, row.second);
      const preview = await dealsApi.conflicts(studio.headers, second);
      expect(preview.status, preview.text).toBe(200);
      const previewed = JSON.stringify(preview.body).includes(first);
      expect(previewed, JSON.stringify(preview.body)).toBe(row.conflict);

      const res = await dealsApi.sign(studio.headers, second);
      if (row.conflict) {
        const problem = expectProblem<{ code: string; conflicts: { dealId: string }[] }>(res, 409);
        expect(problem.code).toBe("RIGHTS_CONFLICT");
        expect(problem.conflicts.map((c) => c.dealId)).toContain(first);
        expect(await db.grantSlice.count({ where: { dealId: second } })).toBe(0);
      } else {
        expect(res.body.status, res.text).toBe("SIGNED");
      }
    });
  }

  it("the grant's slices carry its seasons as runs: [1, 3] → [1..1] and [3..3]; none → [1..∞)", async () => {
    const named = await signed(partners[0]!, { seasons: [3, 1] });
    expect((await dealsApi.get(studio.headers, named)).body.grants[0].seasons).toEqual([1, 3]);
    const runs = await db.grantSlice.findMany({ where: { dealId: named }, select: { seasonFrom: true, seasonTo: true } });
    expect(new Set(runs.map((r) => `${r.seasonFrom}-${r.seasonTo}`))).toEqual(new Set(["1-1", "3-3"]));
    const whole = await signed(partners[1]!, { territories: ["VN"] });
    const all = await db.grantSlice.findMany({ where: { dealId: whole }, select: { seasonFrom: true, seasonTo: true } });
    expect(new Set(all.map((r) => `${r.seasonFrom}-${r.seasonTo}`))).toEqual(new Set(["1-null"]));
  });

  it("the constraint itself decides, whatever the application checks (rows written directly)", async () => {
    const deal = await signed(partners[0]!, { seasons: [2] });
    const [slice] = await db.grantSlice.findMany({ where: { dealId: deal }, take: 1 });
    class Rollback extends Error {}
    /** Whether the constraint refuses a row of these seasons (written in a transaction that is then rolled back). */
    const refused = async (from: number, to: number | null, exclusive = true) => {
      try {
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`
            INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane, season_from, season_to)
            VALUES (${slice!.grantId}::uuid, ${deal}::uuid, ${seriesId}::uuid, 'TH', 'SVOD', '2027-06-01', '2027-06-30', ${exclusive}, false,
                    nextval('grant_lane_seq'), ${from}::int, ${to}::int)`;
          throw new Rollback();
        });
      } catch (error) {
        if (isExclusionViolation(error)) return true;
        if (error instanceof Rollback) return false;
        throw error;
      }
      return false;
    };
    // Season 2 is taken exclusively in TH SVOD for 2027.
    expect(await refused(1, null)).toBe(true); // the whole series
    expect(await refused(2, 2)).toBe(true);
    expect(await refused(1, 3)).toBe(true);
    expect(await refused(3, 3)).toBe(false);
    expect(await refused(3, null)).toBe(false);
    expect(await refused(1, 1)).toBe(false);
    expect(await refused(2, 2, false)).toBe(true); // exclusive rows take every lane
    await expect(db.$executeRaw`UPDATE grant_slice SET season_from = 3, season_to = 2 WHERE id = ${slice!.id}`).rejects.toThrow();
  });
});

describe("grants name seasons of a series only", () => {
  it("a film takes no seasons (NOT_A_SERIES on seasons); a season the series lacks is SEASON_UNKNOWN", async () => {
    const film = await callRoute(createTitle, "/api/v1/titles", {
      headers: studio.headers,
      json: { kind: "FILM", originalTitle: "玉山", originalLanguage: "zh", year: 2025, visibility: "LISTED" },
    });
    const deal = await dealsApi.create(studio.headers, { licenseeId: partners[0]!.orgId, currency: "USD" });
    const onFilm = expectProblem(
      await dealsApi.addGrant(studio.headers, deal.body.id, { ...grant({ seasons: [1] }), titleId: film.body.id }),
      422,
    );
    expect(onFilm.errors).toEqual([expect.objectContaining({ path: "seasons", code: "NOT_A_SERIES" })]);
    const unknown = expectProblem(await dealsApi.addGrant(studio.headers, deal.body.id, grant({ seasons: [2, 9] })), 422);
    expect(unknown.errors).toEqual([expect.objectContaining({ path: "seasons", code: "SEASON_UNKNOWN", params: { seasons: "9" } })]);
    for (const seasons of [[0], [1.5], ["1"]]) {
      expect((await dealsApi.addGrant(studio.headers, deal.body.id, { ...grant({}), seasons })).status).toBe(422);
    }
    expect(await db.grant.count({ where: { dealId: deal.body.id } })).toBe(0);
  });
});

describe("avails per season", () => {
  it("answers for the season asked; without one, for the whole series", async () => {
    await signed(partners[0]!, { seasons: [2], territories: ["TH"] });
    await signed(partners[1]!, { seasons: [1], territories: ["BR"] });
    const table: { season?: number; territory: string; status: string }[] = [
      { territory: "TH", status: "BLOCKED" },
      { territory: "BR", status: "BLOCKED" },
      { season: 1, territory: "TH", status: "AVAILABLE" },
      { season: 2, territory: "TH", status: "BLOCKED" },
      { season: 3, territory: "TH", status: "AVAILABLE" },
      { season: 1, territory: "BR", status: "BLOCKED" },
      { season: 2, territory: "BR", status: "AVAILABLE" },
      { season: 2, territory: "VN", status: "AVAILABLE" },
    ];
    for (const row of table) {
      const res = await dealsApi.avails(studio.headers, {
        titleId: seriesId,
        territories: row.territory,
        mediaRights: "SVOD",
        start: "2027-03-01",
        end: "2027-03-31",
        exclusive: "true",
        ...(row.season !== undefined && { season: String(row.season) }),
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body.items, JSON.stringify(row)).toEqual([expect.objectContaining({ territory: row.territory, status: row.status })]);
    }
    // A partner asks the same questions and sees the same statuses (without the blockers).
    const partnerView = await dealsApi.avails(partners[2]!.headers, {
      titleId: seriesId,
      territories: "TH",
      mediaRights: "SVOD",
      start: "2027-03-01",
      end: "2027-03-31",
      season: "3",
    });
    expect(partnerView.body.items).toEqual([{ titleId: seriesId, territory: "TH", mediaRight: "SVOD", status: "AVAILABLE" }]);
    for (const season of ["0", "x", "1.5"]) {
      const bad = await dealsApi.avails(studio.headers, { titleId: seriesId, start: "2027-03-01", end: "2027-03-31", season });
      expect(bad.status, season).toBe(422);
    }
  });
});

describe("amendments change a grant's seasons under the same constraint", () => {
  it("widening season 2 to 2–3 where season 3 is taken is 409 and changes nothing; to 2 and 4 applies", async () => {
    const mine = await signed(partners[0]!, { seasons: [2] });
    await signed(partners[1]!, { seasons: [3] });
    const grantId = (await dealsApi.get(studio.headers, mine)).body.grants[0].id as string;
    const amend = async (seasons: number[]) => {
      const created = await callRoute(createAmendment, `/api/v1/deals/${mine}/amendments`, {
        headers: studio.headers,
        params: { id: mine },
        json: { effectiveOn: "2027-01-01", changes: { updateGrants: [{ grantId, seasons }] } },
      });
      expect(created.status, created.text).toBe(201);
      const aid = created.body.id as string;
      const path = `/api/v1/deals/${mine}/amendments/${aid}`;
      expect(
        (await callRoute(proposeAmendment, `${path}/propose`, { method: "POST", headers: studio.headers, params: { id: mine, aid } }))
          .status,
      ).toBe(200);
      await callRoute(signAmendment, `${path}/sign`, { method: "POST", headers: partners[0]!.headers, params: { id: mine, aid } });
      return callRoute(signAmendment, `${path}/sign`, { method: "POST", headers: studio.headers, params: { id: mine, aid } });
    };
    const refused = expectProblem<{ code: string }>(await amend([2, 3]), 409);
    expect(refused.code).toBe("RIGHTS_CONFLICT");
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).seasons).toEqual([2]);
    const applied = await amend([2, 4]);
    expect(applied.status, applied.text).toBe(200);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).seasons).toEqual([2, 4]);
    const runs = await db.grantSlice.findMany({ where: { dealId: mine }, select: { seasonFrom: true, seasonTo: true } });
    expect(new Set(runs.map((r) => `${r.seasonFrom}-${r.seasonTo}`))).toEqual(new Set(["2-2", "4-4"]));
  });
});

describe("statement lines may name a season", () => {
  it("a season the deal grants is accepted and shown; another season is SEASON_NOT_GRANTED; the waterfall is unchanged", async () => {
    const deal = await signed(partners[0]!, { seasons: [2] });
    const line = (season?: number) => ({
      titleId: seriesId,
      territory: "TH",
      mediaRight: "SVOD",
      revenueType: "STREAMING",
      gross: { amount: "1000.00", currency: "USD" },
      ...(season !== undefined && { season }),
    });
    const period = { periodStart: "2027-01-01", periodEnd: "2027-03-31" };
    const refused = expectProblem(await statementsApi.submit(partners[0]!.headers, deal, { ...period, lines: [line(2), line(3)] }), 422);
    expect(refused.errors).toEqual([
      expect.objectContaining({ path: "lines.1.season", code: "SEASON_NOT_GRANTED", params: { season: 3 } }),
    ]);
    expect(await db.statement.count({ where: { dealId: deal } })).toBe(0);

    const ok = await statementsApi.submit(partners[0]!.headers, deal, { ...period, lines: [line(2), line()] });
    expect(ok.status, ok.text).toBe(201);
    const statement = await statementsApi.get(partners[0]!.headers, ok.body.id);
    expect(statement.body.lines.items.map((l: { season: number | null }) => l.season)).toEqual([2, null]);
    expect(statement.body.gross).toEqual({ amount: "2000.00", currency: "USD" });
  });
});
