/**
 * Seasons and episodes of a series (issue 15 point 4) through the API: the owning studio adds
 * them (one by one or from a CSV), partners who can see the title read them, everyone else gets
 * 404; duplicate numbers are 409 with a field message, a title that is not a series 422.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/titles/[id]/seasons/[sid]/episodes/import/route";
import { POST as createEpisode, GET as listEpisodes } from "@/app/api/v1/titles/[id]/seasons/[sid]/episodes/route";
import { POST as createSeason, GET as listSeasons } from "@/app/api/v1/titles/[id]/seasons/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

type H = Record<string, string>;

let studio: Registered;
let otherStudio: Registered;
let partner: Registered;
let seriesId: string;

const VALID_EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-J";

async function title(headers: H, json: Record<string, unknown>): Promise<string> {
  const res = await callRoute(createTitle, "/api/v1/titles", {
    headers,
    json: { originalLanguage: "zh", year: 2025, visibility: "LISTED", ...json },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const seasons = {
  list: (headers: H, id: string) => callRoute(listSeasons, `/api/v1/titles/${id}/seasons`, { headers, params: { id } }),
  create: (headers: H, id: string, json: unknown) =>
    callRoute(createSeason, `/api/v1/titles/${id}/seasons`, { headers, params: { id }, json }),
};
const episodes = {
  list: (headers: H, id: string, sid: string) =>
    callRoute(listEpisodes, `/api/v1/titles/${id}/seasons/${sid}/episodes`, { headers, params: { id, sid } }),
  create: (headers: H, id: string, sid: string, json: unknown) =>
    callRoute(createEpisode, `/api/v1/titles/${id}/seasons/${sid}/episodes`, { headers, params: { id, sid }, json }),
};

async function importCsv(headers: H, id: string, sid: string, csv: string, dryRun = false) {
  const form = new FormData();
  form.set("file", new File([csv], "episodes.csv", { type: "text/csv" }));
  if (dryRun) form.set("dryRun", "true");
  const encoded = new Response(form);
  const req = new NextRequest(`http://localhost:3000/api/v1/titles/${id}/seasons/${sid}/episodes/import`, {
    method: "POST",
    headers: { ...headers, "content-type": encoded.headers.get("content-type")! },
    body: new Uint8Array(await encoded.arrayBuffer()),
  });
  const res = await importRoute(req, { params: Promise.resolve({ id, sid }) });
  return { status: res.status, body: await res.json() };
}

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  otherStudio = await registerViaApi({ organization: { name: "Hanbit", kind: "STUDIO", homeCountry: "KR" } });
  partner = await registerViaApi({ organization: { name: "Siam Screen", kind: "PARTNER", homeCountry: "TH" } });
  seriesId = await title(studio.headers, { kind: "SERIES", originalTitle: "天衍仙途", episodeCount: 34 });
});

describe("seasons", () => {
  it("the owning studio adds seasons; they list in number order with their episode counts", async () => {
    const second = await seasons.create(studio.headers, seriesId, { number: 2, titles: { en: "Nine Realms", zh: "九重天" } });
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ titleId: seriesId, number: 2, titles: { en: "Nine Realms", zh: "九重天" }, episodeCount: 0 });
    const first = await seasons.create(studio.headers, seriesId, {
      number: 1,
      titles: { en: "The Broken Seal" },
      releaseDate: "2025-03-08",
      eidr: VALID_EIDR.toLowerCase(),
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ releaseDate: "2025-03-08", eidr: VALID_EIDR, titles: { zh: null } });

    const list = await seasons.list(studio.headers, seriesId);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    expect(await db.auditEntry.count({ where: { action: "season.create", entityId: seriesId } })).toBe(2);
  });

  it("a season number once per series: 409 SEASON_TAKEN on the number field", async () => {
    expect((await seasons.create(studio.headers, seriesId, { number: 1, titles: { en: "One" } })).status).toBe(201);
    const again = expectProblem<{ code: string }>(
      await seasons.create(studio.headers, seriesId, { number: 1, titles: { en: "Again" } }),
      409,
    );
    expect(again.code).toBe("SEASON_TAKEN");
    expect(again.errors).toEqual([expect.objectContaining({ path: "number", code: "SEASON_TAKEN", params: { number: 1 } })]);
    expect(await db.season.count({ where: { titleId: seriesId } })).toBe(1);
  });

  it("racing writers of the same number: one season, the other 409", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => seasons.create(studio.headers, seriesId, { number: 5, titles: { en: `Race ${i}` } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await db.season.count({ where: { titleId: seriesId, number: 5 } })).toBe(1);
  });

  it("a film has no seasons: 422 NOT_A_SERIES; an animated series (with an episode count) has them, an animated film not", async () => {
    const film = await title(studio.headers, { kind: "FILM", originalTitle: "玉山", runtimeMinutes: 110 });
    const refused = expectProblem<{ code: string }>(await seasons.create(studio.headers, film, { number: 1, titles: { en: "One" } }), 422);
    expect(refused.code).toBe("NOT_A_SERIES");
    const animatedFilm = await title(studio.headers, { kind: "ANIMATION", originalTitle: "熊猫", runtimeMinutes: 90 });
    expect(
      expectProblem<{ code: string }>(await seasons.create(studio.headers, animatedFilm, { number: 1, titles: { en: "One" } }), 422).code,
    ).toBe("NOT_A_SERIES");
    const animatedSeries = await title(studio.headers, { kind: "ANIMATION", originalTitle: "熊猫特工队", episodeCount: 52 });
    expect((await seasons.create(studio.headers, animatedSeries, { number: 1, titles: { en: "One" } })).status).toBe(201);
  });

  it("bad input of any shape is 422 with field messages, never a 500 or a half-written record", async () => {
    for (const body of [
      { number: 0, titles: { en: "Zero" } },
      { number: 1.5, titles: { en: "Half" } },
      { number: 1, titles: { en: "" } },
      { number: 1 },
      { number: 1, titles: { en: "Bad EIDR" }, eidr: "10.5240/7EC7-228A-510A-053E-CBB8-K" },
      { number: 1, titles: { en: "Bad date" }, releaseDate: "2025-02-30" },
      "not an object",
    ]) {
      const res = await seasons.create(studio.headers, seriesId, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await db.season.count()).toBe(0);
  });

  it("partners who can see the title read its seasons but cannot add any; other organisations get 404", async () => {
    await seasons.create(studio.headers, seriesId, { number: 1, titles: { en: "One" } });
    expect((await seasons.list(partner.headers, seriesId)).body.items).toHaveLength(1);
    expect((await seasons.create(partner.headers, seriesId, { number: 2, titles: { en: "Two" } })).status).toBe(403);
    // Another studio sees the LISTED title but does not own it: its write finds no title of its own.
    expect((await seasons.create(otherStudio.headers, seriesId, { number: 2, titles: { en: "Two" } })).status).toBe(404);

    const hidden = await title(studio.headers, { kind: "SERIES", originalTitle: "私剧", visibility: "PRIVATE" });
    await seasons.create(studio.headers, hidden, { number: 1, titles: { en: "One" } });
    expect((await seasons.list(partner.headers, hidden)).status).toBe(404);
    expect((await seasons.list(otherStudio.headers, hidden)).status).toBe(404);
    expect((await seasons.create(partner.headers, hidden, { number: 2, titles: { en: "Two" } })).status).toBe(404);
    expect((await seasons.create(otherStudio.headers, hidden, { number: 2, titles: { en: "Two" } })).status).toBe(404);
    expect(await db.season.count({ where: { titleId: hidden } })).toBe(1);
  });
});

describe("episodes", () => {
  let seasonId: string;
  beforeEach(async () => {
    seasonId = (await seasons.create(studio.headers, seriesId, { number: 1, titles: { en: "The Broken Seal" } })).body.id;
  });

  it("the owning studio adds episodes; numbers are unique per season (409 EPISODE_TAKEN)", async () => {
    const one = await episodes.create(studio.headers, seriesId, seasonId, {
      number: 1,
      titles: { en: "The Herbalist", zh: "药童" },
      runtimeMinutes: 45,
      releaseDate: "2025-03-08",
    });
    expect(one.status, one.text).toBe(201);
    expect(one.body).toMatchObject({ seasonId, number: 1, titles: { en: "The Herbalist", zh: "药童" }, runtimeMinutes: 45 });
    const again = expectProblem<{ code: string }>(
      await episodes.create(studio.headers, seriesId, seasonId, { number: 1, titles: { en: "Again" } }),
      409,
    );
    expect(again.code).toBe("EPISODE_TAKEN");
    expect(again.errors).toEqual([expect.objectContaining({ path: "number", code: "EPISODE_TAKEN" })]);
    // The same number in another season is another episode.
    const other = (await seasons.create(studio.headers, seriesId, { number: 2, titles: { en: "Two" } })).body.id;
    expect((await episodes.create(studio.headers, seriesId, other, { number: 1, titles: { en: "Again" } })).status).toBe(201);
    expect((await seasons.list(studio.headers, seriesId)).body.items.map((s: { episodeCount: number }) => s.episodeCount)).toEqual([1, 1]);
  });

  it("a season is reached only through its own title, by those who can read it", async () => {
    await episodes.create(studio.headers, seriesId, seasonId, { number: 1, titles: { en: "One" } });
    expect((await episodes.list(partner.headers, seriesId, seasonId)).body.items).toHaveLength(1);
    const elsewhere = await title(studio.headers, { kind: "SERIES", originalTitle: "灯笼小镇" });
    expect((await episodes.list(studio.headers, elsewhere, seasonId)).status).toBe(404);
    expect((await episodes.create(studio.headers, elsewhere, seasonId, { number: 2, titles: { en: "Two" } })).status).toBe(404);
    expect((await episodes.create(partner.headers, seriesId, seasonId, { number: 2, titles: { en: "Two" } })).status).toBe(403);
    expect((await episodes.create(otherStudio.headers, seriesId, seasonId, { number: 2, titles: { en: "Two" } })).status).toBe(404);
    const foreign = await title(otherStudio.headers, { kind: "SERIES", originalTitle: "봄날", visibility: "PRIVATE" });
    const foreignSeason = (await seasons.create(otherStudio.headers, foreign, { number: 1, titles: { en: "One" } })).body.id;
    expect((await episodes.list(studio.headers, foreign, foreignSeason)).status).toBe(404);
    expect(await db.episode.count({ where: { seasonId } })).toBe(1);
  });

  it("imports a CSV all or nothing: every bad row named by row and column, then the good file", async () => {
    await episodes.create(studio.headers, seriesId, seasonId, { number: 3, titles: { en: "Existing" } });
    const bad = [
      "number,titleEn,titleZh,runtimeMinutes,releaseDate,eidr",
      "1,The Herbalist,药童,45,2025-03-08,",
      "2,,,45,,",
      "1,Twice,,45,,",
      "3,Existing again,,,,",
      "4,Bad runtime,,forty,,",
      `5,Bad EIDR,,,,${VALID_EIDR.slice(0, -1)}K`,
    ].join("\n");
    const refused = await importCsv(studio.headers, seriesId, seasonId, bad);
    expect(refused.status).toBe(422);
    const paths = refused.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["rows.3.titleEn", "rows.4.number", "rows.5.number", "rows.6.runtimeMinutes", "rows.7.eidr"]);
    expect(refused.body.errors.find((e: { path: string }) => e.path === "rows.4.number")).toMatchObject({
      code: "EPISODE_DUPLICATE_ROW",
      params: { row: 2 },
    });
    expect(refused.body.errors.find((e: { path: string }) => e.path === "rows.5.number")).toMatchObject({ code: "EPISODE_TAKEN" });
    expect(await db.episode.count({ where: { seasonId } })).toBe(1);

    const good = "Number,Title EN,Title ZH,Runtime Minutes\n1,The Herbalist,药童,45\n2,The Seal,印,46\n";
    const dry = await importCsv(studio.headers, seriesId, seasonId, good, true);
    expect(dry).toMatchObject({ status: 200, body: { dryRun: true, rows: 2 } });
    expect(await db.episode.count({ where: { seasonId } })).toBe(1);
    const saved = await importCsv(studio.headers, seriesId, seasonId, good);
    expect(saved).toMatchObject({ status: 201, body: { dryRun: false, rows: 2 } });
    const listed = await episodes.list(partner.headers, seriesId, seasonId);
    expect(listed.body.items.map((e: { number: number; runtimeMinutes: number | null }) => [e.number, e.runtimeMinutes])).toEqual([
      [1, 45],
      [2, 46],
      [3, null],
    ]);
  });

  it("imports are the owner's: a partner 403, another studio 404, nothing written", async () => {
    const csv = "number,titleEn\n1,One\n";
    expect((await importCsv(partner.headers, seriesId, seasonId, csv)).status).toBe(403);
    expect((await importCsv(otherStudio.headers, seriesId, seasonId, csv)).status).toBe(404);
    expect(await db.episode.count()).toBe(0);
  });
});
