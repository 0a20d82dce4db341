import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportAvails } from "@/app/api/v1/avails/export/route";
import { GET as getAvails } from "@/app/api/v1/avails/route";
import { GET as exportGrants } from "@/app/api/v1/deals/[id]/grants/export/route";
import { POST as importGrants } from "@/app/api/v1/deals/[id]/grants/import/route";
import { POST as addGrant } from "@/app/api/v1/deals/[id]/grants/route";
import { POST as propose } from "@/app/api/v1/deals/[id]/propose/route";
import { GET as getDeal } from "@/app/api/v1/deals/[id]/route";
import { POST as sign } from "@/app/api/v1/deals/[id]/sign/route";
import { POST as createDeal } from "@/app/api/v1/deals/route";
import { POST as createEpisode } from "@/app/api/v1/titles/[id]/seasons/[sid]/episodes/route";
import { POST as createSeason } from "@/app/api/v1/titles/[id]/seasons/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { XLSX_MIME } from "@/lib/files/sniff";
import { expandMediaRights } from "@/lib/reference/media-rights";
import { expandTerritories } from "@/lib/territories";
import { BASE_URL, callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { REAL_EIDR, REAL_EIDR_2, REAL_EIDR_3 } from "./catalogue-fixtures";

let studio: Registered;
let partner: Registered;
let stranger: Registered;
let filmId: string;
let seriesId: string;

async function title(json: Record<string, unknown>) {
  const res = await callRoute(createTitle, "/api/v1/titles", {
    headers: studio.headers,
    json: { originalLanguage: "zh", year: 2025, visibility: "LISTED", ...json },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  stranger = await registerViaApi({ organization: { name: "Elsewhere", kind: "PARTNER", homeCountry: "BR" } });
  filmId = await title({ kind: "FILM", originalTitle: "玉山", titleEn: "Jade Mountain", runtimeMinutes: 112 });
  seriesId = await title({ kind: "SERIES", originalTitle: "长安十二时辰", titleEn: "The Longest Day in Chang'an", episodeCount: 48 });
});

async function draftDeal() {
  const deal = await callRoute(createDeal, "/api/v1/deals", {
    headers: studio.headers,
    json: { licenseeId: partner.orgId, currency: "USD" },
  });
  expect(deal.status, deal.text).toBe(201);
  return deal.body.id as string;
}

type Grant = {
  titleId: string;
  territories: string[];
  excludedTerritories?: string[];
  mediaRights: string[];
  languages?: string[];
  start: string;
  end: string;
  exclusive: boolean;
  seasons?: number[];
};

const GRANTS = (): Grant[] => [
  {
    titleId: filmId,
    territories: ["SEA"],
    excludedTerritories: ["VN"],
    mediaRights: ["DIGITAL"],
    languages: ["th", "en"],
    start: "2027-01-01",
    end: "2028-12-31",
    exclusive: true,
  },
  {
    titleId: filmId,
    territories: ["JP", "KR"],
    mediaRights: ["TV", "THEATRICAL"],
    start: "2026-03-01",
    end: "2026-12-31",
    exclusive: false,
  },
  { titleId: filmId, territories: ["VN"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-06-30", exclusive: false },
  {
    titleId: seriesId,
    territories: ["TH", "LA"],
    mediaRights: ["SVOD", "EST", "PAY_TV"],
    start: "2027-06-01",
    end: "2029-05-31",
    exclusive: true,
  },
];

async function dealWithGrants(grants: Grant[]) {
  const id = await draftDeal();
  for (const g of grants) {
    const res = await callRoute(addGrant, `/api/v1/deals/${id}/grants`, { headers: studio.headers, params: { id }, json: g });
    expect(res.status, res.text).toBe(201);
  }
  return id;
}

/** title × country × leaf media × window × exclusivity × languages, the rights the grants cover. */
async function cellsOfDeal(dealId: string) {
  const grants = await db.grant.findMany({ where: { dealId } });
  const cells = new Set<string>();
  for (const g of grants) {
    for (const c of expandTerritories(g.territories, g.excludedTerritories)) {
      for (const m of expandMediaRights(g.mediaRights)) {
        cells.add([g.titleId, c, m, dateOnly(g.start), dateOnly(g.end), g.exclusive, [...g.languages].sort().join("+")].join("|"));
      }
    }
  }
  return [...cells].sort();
}

async function upload(dealId: string, headers: Record<string, string>, body: Uint8Array | string, how: "multipart" | "raw", query = "") {
  const url = `${BASE_URL}/api/v1/deals/${dealId}/grants/import${query}`;
  const type = typeof body === "string" ? "text/csv" : XLSX_MIME;
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  let req: NextRequest;
  if (how === "multipart") {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], typeof body === "string" ? "avails.csv" : "avails.xlsx", { type }));
    req = new NextRequest(url, { method: "POST", headers, body: form });
  } else {
    req = new NextRequest(url, { method: "POST", headers: { ...headers, "content-type": type }, body: new Uint8Array(bytes) });
  }
  const res = await importGrants(req, { params: Promise.resolve({ id: dealId }) });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    text,
    body: text ? JSON.parse(text) : null,
    headers: res.headers,
  };
}

async function download(dealId: string, headers: Record<string, string>, format: "xlsx" | "csv") {
  const res = await exportGrants(new NextRequest(`${BASE_URL}/api/v1/deals/${dealId}/grants/export?format=${format}`, { headers }), {
    params: Promise.resolve({ id: dealId }),
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("EMA export of a deal's grants", () => {
  it("re-imports (XLSX, multipart) into a new draft deal with an equivalent set of grants", async () => {
    const original = await dealWithGrants(GRANTS());
    const file = await download(original, studio.headers, "xlsx");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe(XLSX_MIME);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="deal-[0-9a-f-]+-grants\.xlsx"/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Movie", "TV", "Mapping"]);
    // SEA minus VN = 10 countries × 4 digital leaves, 2 × (2 TV leaves + theatrical), VN × SVOD; series on TV.
    expect(workbook.getWorksheet("Movie")!.rowCount).toBe(1 + 40 + 6 + 1);
    expect(workbook.getWorksheet("TV")!.rowCount).toBe(1 + 2 * 3);

    const copy = await draftDeal();
    const imported = await upload(copy, studio.headers, file.bytes, "multipart");
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.imported).toMatchObject({ rows: 47 + 6 });
    expect(imported.body.deal.status).toBe("DRAFT");
    expect(await cellsOfDeal(copy)).toEqual(await cellsOfDeal(original));
    // Countries come back (EMA has no groups), media with the same countries in one grant.
    expect(imported.body.deal.grants).toHaveLength(4);
  });

  it("re-imports the CSV export sent as a raw text/csv body, by the licensee", async () => {
    const original = await dealWithGrants(GRANTS());
    const file = await download(original, partner.headers, "csv");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const copy = await draftDeal();
    const imported = await upload(copy, partner.headers, new TextDecoder().decode(file.bytes), "raw");
    expect(imported.status, imported.text).toBe(201);
    expect(await cellsOfDeal(copy)).toEqual(await cellsOfDeal(original));
  });

  it("is only for the parties: a third organisation gets 404", async () => {
    const id = await dealWithGrants(GRANTS().slice(0, 1));
    expect((await download(id, stranger.headers, "xlsx")).status).toBe(404);
    const refused = await upload(id, stranger.headers, "Territory,LicenseType,Start,End\n", "raw");
    expect(refused.status).toBe(404);
  });
});

const HEADER = "Territory,WorkType,TitleInternalAlias,LicenseType,Start,End,AltID,Exclusive,RightsbridgeMedia";

/** Seasons 1–3 of the series, two episodes each; EIDR ids on the series, season 2 and its episode 2. */
async function seasonsAndEpisodes() {
  const { PATCH: patchTitle } = await import("@/app/api/v1/titles/[id]/route");
  const patched = await callRoute(patchTitle, `/api/v1/titles/${seriesId}`, {
    method: "PATCH",
    headers: studio.headers,
    params: { id: seriesId },
    json: { eidr: REAL_EIDR },
  });
  expect(patched.status, patched.text).toBe(200);
  for (const number of [1, 2, 3]) {
    const season = await callRoute(createSeason, `/api/v1/titles/${seriesId}/seasons`, {
      headers: studio.headers,
      params: { id: seriesId },
      json: { number, titles: { en: `Season ${number}`, zh: `第${number}季` }, ...(number === 2 && { eidr: REAL_EIDR_2 }) },
    });
    expect(season.status, season.text).toBe(201);
    for (const e of [1, 2]) {
      const episode = await callRoute(createEpisode, `/api/v1/titles/${seriesId}/seasons/${season.body.id}/episodes`, {
        headers: studio.headers,
        params: { id: seriesId, sid: season.body.id },
        json: { number: e, titles: { en: `Episode ${e}` }, ...(number === 2 && e === 2 && { eidr: REAL_EIDR_3 }) },
      });
      expect(episode.status, episode.text).toBe(201);
    }
  }
}

/** The grants of a deal as title × seasons × cells, seasons included (empty = every season). */
async function grantsOfDeal(dealId: string) {
  const grants = await db.grant.findMany({ where: { dealId } });
  return grants
    .map((g) =>
      [
        g.titleId,
        [...g.seasons].sort((a, b) => a - b).join("+") || "all",
        [...expandTerritories(g.territories, g.excludedTerritories)].sort().join("+"),
        [...expandMediaRights(g.mediaRights)].sort().join("+"),
        dateOnly(g.start),
        dateOnly(g.end),
        g.exclusive,
      ].join("|"),
    )
    .sort();
}

describe("EMA round trip of a series with seasons and episodes", () => {
  const seasonGrants = (): Grant[] => [
    {
      titleId: seriesId,
      territories: ["TH"],
      mediaRights: ["SVOD", "EST"],
      start: "2027-01-01",
      end: "2028-12-31",
      exclusive: true,
      seasons: [1, 2],
    },
    {
      titleId: seriesId,
      territories: ["VN", "LA"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2028-12-31",
      exclusive: true,
      seasons: [3],
    },
    { titleId: seriesId, territories: ["JP"], mediaRights: ["AVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: false },
    { titleId: filmId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true },
  ];

  for (const format of ["xlsx", "csv"] as const) {
    it(`exports Season rows and re-imports them (${format}) as the same grants naming the same seasons`, async () => {
      await seasonsAndEpisodes();
      const original = await dealWithGrants(seasonGrants());
      const file = await download(original, studio.headers, format);
      expect(file.status).toBe(200);
      if (format === "xlsx") {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
        const tv = workbook.getWorksheet("TV")!;
        const header = (tv.getRow(1).values as string[]).slice(1);
        const rows = Array.from({ length: tv.rowCount - 1 }, (_, i) =>
          Object.fromEntries(header.map((h, c) => [h, String(tv.getRow(i + 2).getCell(c + 1).value ?? "")])),
        );
        // TH × 2 media × 2 seasons, VN+LA × SVOD × season 3, JP × AVOD × every season.
        expect(rows).toHaveLength(4 + 2 + 1);
        expect(rows.filter((r) => r.WorkType === "Season").map((r) => r.SeasonNumber)).toEqual(["1", "1", "2", "2", "3", "3"]);
        expect(rows.find((r) => r.WorkType === "Series")).toMatchObject({ Territory: "JP", SeasonNumber: "", SeriesContentID: REAL_EIDR });
        expect(rows.find((r) => r.SeasonNumber === "2")).toMatchObject({
          SeriesTitleInternalAlias: "长安十二时辰",
          SeasonTitleInternalAlias: "Season 2",
          SeasonContentID: REAL_EIDR_2,
          EpisodeCount: "2",
          SeasonCount: "3",
        });
      }
      const copy = await draftDeal();
      const body = format === "csv" ? new TextDecoder().decode(file.bytes) : file.bytes;
      const imported = await upload(copy, studio.headers, body, "raw");
      expect(imported.status, imported.text).toBe(201);
      expect(imported.body.imported.notes).toEqual([]);
      expect(await grantsOfDeal(copy)).toEqual(await grantsOfDeal(original));
      expect(imported.body.deal.grants.map((g: { seasons: number[] }) => g.seasons).sort()).toEqual([[], [], [1, 2], [3]]);
    });
  }

  it("imports Episode rows as grants of their season, says so, and refuses unknown seasons and episodes", async () => {
    await seasonsAndEpisodes();
    const id = await draftDeal();
    const header =
      "Territory,WorkType,SeriesTitleInternalAlias,SeasonNumber,EpisodeNumber,EpisodeContentID,LicenseType,Start,End,Exclusive";
    const refused = await upload(
      id,
      studio.headers,
      [
        header,
        "TH,Season,长安十二时辰,4,,,SVOD,2027-01-01,2027-12-31,Yes",
        "TH,Episode,长安十二时辰,1,7,,SVOD,2027-01-01,2027-12-31,Yes",
        "TH,Season,玉山,1,,,SVOD,2027-01-01,2027-12-31,Yes",
      ].join("\n"),
      "raw",
    );
    const problem = expectProblem({ ...refused }, 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "rows.2.SeasonNumber", code: "SEASON_UNKNOWN", params: { seasons: "4" } }),
      expect.objectContaining({ path: "rows.3.EpisodeNumber", code: "EPISODE_UNKNOWN", params: { season: 1, episode: 7 } }),
      expect.objectContaining({ path: "rows.4.WorkType", code: "NOT_A_SERIES" }),
    ]);
    expect(await db.grant.count()).toBe(0);

    const res = await upload(
      id,
      studio.headers,
      [
        header,
        "TH,Episode,长安十二时辰,1,1,,SVOD,2027-01-01,2027-12-31,Yes",
        "TH,Episode,长安十二时辰,1,2,,SVOD,2027-01-01,2027-12-31,Yes",
        `TH,Episode,长安十二时辰,,,${REAL_EIDR_3},SVOD,2027-01-01,2027-12-31,Yes`,
      ].join("\n"),
      "raw",
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.deal.grants).toEqual([expect.objectContaining({ territories: ["TH"], mediaRights: ["SVOD"], seasons: [1, 2] })]);
    expect(res.body.imported.notes).toEqual([
      expect.objectContaining({ code: "EPISODE_AS_SEASON", params: { season: 1, episodes: "1, 2" }, season: 1, titleId: seriesId }),
      expect.objectContaining({ code: "EPISODE_AS_SEASON", params: { season: 2, episodes: "2" }, rows: [{ sheet: "Movie", row: 4 }] }),
    ]);
  });
});

describe("EMA import refusals", () => {
  it("answers 422 naming each bad row and column, and writes nothing", async () => {
    const id = await draftDeal();
    const csv = [
      HEADER,
      `TH,Movie,,SVOD,2027-01-01,2027-12-31,${filmId},Yes,`,
      `XX,Movie,,SVOD,2027-01-01,2027-12-31,${filmId},Yes,`,
      `TH,Movie,,Library,2027-01-01,2027-12-31,${filmId},Yes,`,
      `TH,Movie,,SVOD,2027-13-01,2027-12-31,${filmId},Yes,`,
      `TH,Movie,,SVOD,2027-01-01,Open,${filmId},Yes,`,
      "TH,Movie,Unknown Film,SVOD,2027-01-01,2027-12-31,,Yes,",
      `TH,Movie,,AVOD,2027-01-01,2027-12-31,${filmId},Yes,`,
    ].join("\n");
    const res = await upload(id, studio.headers, csv, "raw");
    const problem = expectProblem({ ...res, body: res.body }, 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "rows.3.Territory", row: 3, column: "Territory" }),
      expect.objectContaining({ path: "rows.4.LicenseType", row: 4, column: "LicenseType", message: expect.stringMatching(/Library/) }),
      expect.objectContaining({ path: "rows.5.Start", row: 5, column: "Start" }),
      expect.objectContaining({ path: "rows.6.End", row: 6, column: "End", message: expect.stringMatching(/Open/) }),
      expect.objectContaining({ path: "rows.7.TitleInternalAlias", row: 7, column: "TitleInternalAlias" }),
      expect.objectContaining({
        path: "rows.8.LicenseType",
        row: 8,
        column: "LicenseType",
        message: expect.stringMatching(/Unknown LicenseType “AVOD”/),
      }),
    ]);
    expect(await db.grant.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "grant.create" } })).toBe(0);

    // Open ends are closed by an explicit date.
    const ok = await upload(
      id,
      studio.headers,
      `${HEADER}\nTH,Movie,,SVOD,2027-01-01,Open,${filmId},Yes,\n`,
      "raw",
      "?openEndDate=2029-12-31",
    );
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.deal.grants).toEqual([
      expect.objectContaining({ territories: ["TH"], mediaRights: ["SVOD"], end: "2029-12-31", exclusive: true }),
    ]);
  });

  it("refuses a title of another studio and a private title the licensee cannot see", async () => {
    const otherStudio = await registerViaApi({ organization: { name: "Other Studio", kind: "STUDIO", homeCountry: "KR" } });
    const theirs = await callRoute(createTitle, "/api/v1/titles", {
      headers: otherStudio.headers,
      json: { kind: "FILM", originalTitle: "Other", originalLanguage: "ko", year: 2024, visibility: "LISTED" },
    });
    const secret = await title({ kind: "FILM", originalTitle: "秘密", visibility: "PRIVATE" });
    const id = await draftDeal();
    const csv = [
      HEADER,
      `TH,Movie,,SVOD,2027-01-01,2027-12-31,${theirs.body.id},Yes,`,
      `TH,Movie,,SVOD,2027-01-01,2027-12-31,${secret},Yes,`,
    ].join("\n");
    const byPartner = await upload(id, partner.headers, csv, "raw");
    expect(byPartner.status).toBe(422);
    expect(byPartner.body.errors.map((e: { path: string }) => e.path)).toEqual(["rows.2.AltID", "rows.3.AltID"]);
    // The studio may license its private title.
    const byStudio = await upload(id, studio.headers, [HEADER, `TH,Movie,,SVOD,2027-01-01,2027-12-31,${secret},Yes,`].join("\n"), "raw");
    expect(byStudio.status, byStudio.text).toBe(201);
  });

  it("refuses files that are not EMA sheets, and signed deals", async () => {
    const id = await draftDeal();
    const notEma = await upload(id, studio.headers, "a,b\n1,2\n", "raw");
    expect(expectProblem({ ...notEma }, 422).type).toMatch(/invalid-header/);
    const json = await importGrants(
      new NextRequest(`${BASE_URL}/api/v1/deals/${id}/grants/import`, {
        method: "POST",
        headers: { ...studio.headers, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(json.status).toBe(415);

    const signed = await dealWithGrants(GRANTS().slice(2, 3));
    await callRoute(propose, `/api/v1/deals/${signed}/propose`, { method: "POST", headers: studio.headers, params: { id: signed } });
    for (const party of [partner, studio]) {
      const res = await callRoute(sign, `/api/v1/deals/${signed}/sign`, { method: "POST", headers: party.headers, params: { id: signed } });
      expect(res.status, res.text).toBe(200);
    }
    const late = await upload(signed, studio.headers, `${HEADER}\nTH,Movie,,SVOD,2027-01-01,2027-12-31,${filmId},Yes,\n`, "raw");
    expect(expectProblem({ ...late }, 409).type).toMatch(/deal-settled/);
  });

  it("voids the signatures of a proposed deal, like any other change", async () => {
    const id = await dealWithGrants(GRANTS().slice(2, 3));
    await callRoute(propose, `/api/v1/deals/${id}/propose`, { method: "POST", headers: studio.headers, params: { id } });
    expect((await callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: partner.headers, params: { id } })).status).toBe(
      200,
    );
    const res = await upload(id, studio.headers, `${HEADER}\nLA,Movie,,VOD,2027-01-01,2027-12-31,${filmId},No,\n`, "raw");
    expect(res.status, res.text).toBe(201);
    const deal = await callRoute(getDeal, `/api/v1/deals/${id}`, { headers: studio.headers, params: { id } });
    expect(deal.body).toMatchObject({
      status: "PROPOSED",
      awaitingOrganizationId: partner.orgId,
      signatures: { licensor: null, licensee: null },
    });
    expect(deal.body.grants).toHaveLength(2);
  });
});

describe("GET /api/v1/avails/export", () => {
  it("answers the AVAILABLE cells of the same question as /avails, as a CSV download", async () => {
    const query = {
      titleId: filmId,
      territories: "TH,VN,LA",
      mediaRights: "DIGITAL",
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: "true",
    };
    const signed = await dealWithGrants([
      { titleId: filmId, territories: ["VN"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-03-31", exclusive: true },
    ]);
    await callRoute(propose, `/api/v1/deals/${signed}/propose`, { method: "POST", headers: studio.headers, params: { id: signed } });
    for (const party of [partner, studio]) {
      await callRoute(sign, `/api/v1/deals/${signed}/sign`, { method: "POST", headers: party.headers, params: { id: signed } });
    }
    const avails = await callRoute(getAvails, "/api/v1/avails", { headers: partner.headers, query });
    const available = avails.body.items.filter((i: { status: string }) => i.status === "AVAILABLE");
    expect(available).toHaveLength(11);

    const res = await callRoute(exportAvails, "/api/v1/avails/export", { headers: partner.headers, query: { ...query, format: "csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="avails-2027-01-01-2027-12-31.csv"; filename*=UTF-8''avails-2027-01-01-2027-12-31.csv`,
    );
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]!.split(",").slice(0, 5)).toEqual(["DisplayName", "StoreLanguage", "Territory", "WorkType", "EntryType"]);
    expect(lines).toHaveLength(1 + 11);
    expect(lines.some((l) => l.includes(",VN,") && l.includes(",SVOD,"))).toBe(false);

    const xlsx = await callRoute(exportAvails, "/api/v1/avails/export", { headers: partner.headers, query: { ...query, format: "xlsx" } });
    expect(xlsx.headers.get("content-type")).toBe(XLSX_MIME);
    const bad = await callRoute(exportAvails, "/api/v1/avails/export", { headers: partner.headers, query: { ...query, format: "pdf" } });
    expectProblem(bad, 422);
  });
});
