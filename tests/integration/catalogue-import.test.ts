/**
 * Bulk import of titles through POST /api/v1/titles/import, as the upload page and API clients
 * call it: multipart/form-data with a `file` field, or the file as the raw body. The import is
 * all-or-nothing, so every refusal is checked against the database as well as the answer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getTitleRoute } from "@/app/api/v1/titles/[id]/route";
import { POST as importRoute } from "@/app/api/v1/titles/import/route";
import { GET as templateRoute } from "@/app/api/v1/titles/import/template/route";
import { POST as createTitleRoute } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import {
  type ApiResponse,
  addMemberViaInvitation,
  BASE_URL,
  callRoute,
  expectProblem,
  type Registered,
  registerViaApi,
} from "../support/api";
import { resetDb } from "../support/db";

const IMPORT = "/api/v1/titles/import";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIXTURES = path.join(process.cwd(), "tests", "fixtures");
const HEADER =
  "kind,originalTitle,titleEn,titleZh,originalLanguage,genres,year,runtimeMinutes,episodeCount,eidr,synopsis,visibility,awards";

/** Sends `file` to the import route the way a browser's FormData upload (or a raw-body client) does. */
async function upload(
  headers: Record<string, string>,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string } | undefined,
  options: { dryRun?: "true" | "false"; raw?: boolean } = {},
): Promise<ApiResponse> {
  const url = new URL(IMPORT, BASE_URL);
  if (options.dryRun) url.searchParams.set("dryRun", options.dryRun);
  let body: BodyInit | undefined;
  const requestHeaders = new Headers(headers);
  if (options.raw && file) {
    body = new Blob([file.bytes]);
    requestHeaders.set("content-type", file.type);
  } else {
    const form = new FormData();
    if (file) form.set("file", new File([file.bytes], file.name, { type: file.type }));
    body = form;
  }
  const res = await importRoute(new NextRequest(url, { method: "POST", headers: requestHeaders, body }), { params: Promise.resolve({}) });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    headers: res.headers,
    body: text ? JSON.parse(text) : null,
    text,
  };
}

const csvFile = (text: string, name = "titles.csv") => ({ bytes: new TextEncoder().encode(text), name, type: "text/csv" });
const fixture = (name: string, type = "text/csv") => ({ bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))), name, type });

/** `count` good rows of varied kinds, genres and awards. */
function goodRows(count: number, from = 1): string[] {
  const kinds = ["FILM", "SERIES", "ANIMATION", "GAME", "FORMAT"];
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const kind = kinds[n % kinds.length];
    const episodes = kind === "SERIES" ? String(12 + (n % 30)) : "";
    const awards = n % 4 === 0 ? `"Example Festival|Competition|Best Picture|${2000 + (n % 24)}"` : "";
    return `${kind},标题 ${n},Title ${n},标题 ${n},zh,XIANXIA|FANTASY,${1990 + (n % 35)},${90 + (n % 60)},${episodes},,"Synopsis ${n}, with a comma",PRIVATE,${awards}`;
  });
}

async function titleCount(orgId: string) {
  return db.title.count({ where: { studioId: orgId } });
}

let studio: Registered;
let partner: Registered;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Bangkok Screens", kind: "PARTNER", homeCountry: "TH" } });
});

describe("POST /api/v1/titles/import", () => {
  it("imports twenty good titles, each with its ORIGINAL version and awards, and audits the import once", async () => {
    const res = await upload(studio.headers, fixture("titles-20-good.csv"), { dryRun: "false" });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(20);
    expect(res.body.ids).toHaveLength(20);

    const titles = await db.title.findMany({
      where: { studioId: studio.orgId },
      include: { versions: true, awards: true },
      orderBy: { id: "asc" },
    });
    expect(titles.map((t) => t.id)).toEqual(res.body.ids);
    expect(titles.map((t) => t.versions.map((v) => ({ kind: v.kind, territories: v.territories, audio: v.audioLanguages })))).toEqual(
      titles.map((t) => [{ kind: "ORIGINAL", territories: ["WORLDWIDE"], audio: [t.originalLanguage] }]),
    );
    expect(titles[0]).toMatchObject({
      kind: "FILM",
      originalTitle: "流浪地球",
      titleEn: "The Wandering Earth",
      originalLanguage: "zh",
      genres: ["SCI_FI", "ACTION_ADVENTURE"],
    });
    expect(titles.flatMap((t) => t.awards)).toHaveLength(4);

    // Read back through the API like any registered title.
    const farewell = await callRoute(getTitleRoute, `/api/v1/titles/${res.body.ids[2]}`, {
      headers: studio.headers,
      params: { id: res.body.ids[2] },
    });
    expect(farewell.body).toMatchObject({
      kind: "FILM",
      originalTitle: "霸王别姬",
      titles: { en: "Farewell My Concubine", zh: "霸王别姬" },
      originalLanguage: "zh",
      genres: ["DRAMA", "HISTORICAL"],
      year: 1993,
      runtimeMinutes: 171,
      episodeCount: null,
      eidr: null,
      visibility: "LISTED",
      archived: false,
      lockVersion: 1,
      awards: [{ festival: "Festival de Cannes", section: "Competition", award: "Palme d'Or", year: 1993 }],
      versions: [
        { kind: "ORIGINAL", name: "Original", status: "DELIVERED", runtimeMinutes: 171, subtitleLanguages: [], derivedFromId: null },
      ],
    });
    const series = await callRoute(getTitleRoute, `/api/v1/titles/${res.body.ids[8]}`, {
      headers: studio.headers,
      params: { id: res.body.ids[8] },
    });
    expect(series.body).toMatchObject({ kind: "SERIES", originalTitle: "琅琊榜", episodeCount: 54, awards: [], visibility: "LISTED" });

    const audit = await db.auditEntry.findMany({ where: { organizationId: studio.orgId, action: { startsWith: "title." } } });
    expect(audit.map((e) => ({ action: e.action, entityType: e.entityType, after: e.after }))).toEqual([
      { action: "title.import", entityType: "TitleImport", after: { fileName: "titles-20-good.csv", count: 20, ids: res.body.ids } },
    ]);
  });

  it("writes nothing when two of twenty rows are bad, and reports both with row numbers and columns", async () => {
    const res = await upload(studio.headers, fixture("titles-18-good-2-bad.csv"), { dryRun: "false" });
    const problem = expectProblem(res, 422);
    expect(problem.type).toBe("/problems/import-rows-invalid");
    expect(problem.detail).toMatch(/^2 of 20 rows need attention; nothing was imported/);
    expect(problem.errors).toEqual([
      {
        path: "rows.6.year",
        row: 6,
        column: "year",
        message: "Enter the year as a whole number.",
        code: "INVALID_TYPE",
        params: { expected: "number" },
      },
      {
        path: "rows.15.eidr",
        row: 15,
        column: "eidr",
        message: "This EIDR ID's check character does not match; check for a typo.",
        code: "INVALID_VALUE",
        params: {},
      },
    ]);
    expect(await titleCount(studio.orgId)).toBe(0);
    expect(await db.version.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "title.import" } })).toBe(0);
  });

  it("previews a dry run without writing: counts, every error, and the first rows normalised", async () => {
    const rows = [...goodRows(24), "opera,Bad kind,,,zh,,2020,,,,,,", ",No kind or year,,,zh,POLKA,,,,,,,"];
    const res = await upload(studio.headers, csvFile(`${HEADER}\n${rows.join("\n")}\n`), { dryRun: "true" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 26, valid: 24 });
    expect(res.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      "26:kind",
      "27:kind",
      "27:genres",
      "27:year",
    ]);
    expect(res.body.preview).toHaveLength(20);
    expect(res.body.preview[0]).toEqual({
      row: 2,
      valid: true,
      cells: expect.objectContaining({ originalTitle: "标题 1", genres: "XIANXIA|FANTASY" }),
      title: expect.objectContaining({
        kind: "SERIES",
        originalTitle: "标题 1",
        titles: { en: "Title 1", zh: "标题 1" },
        genres: ["XIANXIA", "FANTASY"],
        eidr: null,
      }),
    });
    expect(await titleCount(studio.orgId)).toBe(0);
  });

  it("treats a request without dryRun as a preview", async () => {
    const res = await upload(studio.headers, csvFile(`${HEADER}\n${goodRows(2).join("\n")}\n`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 2, valid: 2, errors: [] });
    expect(await titleCount(studio.orgId)).toBe(0);
  });

  it("accepts the file as a raw body (text/csv, or an XLSX built in the test)", async () => {
    const csv = await upload(studio.headers, csvFile(`${HEADER}\n${goodRows(3).join("\n")}\n`), { dryRun: "false", raw: true });
    expect(csv.status).toBe(201);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Titles");
    sheet.addRow(["kind", "originalTitle", "originalLanguage", "year", "genres"]);
    sheet.addRow(["SERIES", "琅琊榜", "zh", 2015, "HISTORICAL|DRAMA"]);
    const xlsx = { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), name: "titles.xlsx", type: XLSX_MIME };
    const raw = await upload(studio.headers, xlsx, { dryRun: "false", raw: true });
    expect(raw.status).toBe(201);
    const viaForm = await upload(studio.headers, { ...xlsx, name: "again.xlsx" }, { dryRun: "true" });
    expect(viaForm.body).toMatchObject({ rows: 1, valid: 1 });
    expect(await titleCount(studio.orgId)).toBe(4);
  });

  it("refuses EIDR IDs the studio already holds or the file repeats", async () => {
    const eidr = "10.5240/7EC7-228A-510A-053E-CBB8-J";
    const created = await callRoute(createTitleRoute, "/api/v1/titles", {
      headers: studio.headers,
      json: { kind: "FILM", originalTitle: "Sintel", originalLanguage: "en", year: 2010, eidr },
    });
    expect(created.status).toBe(201);
    const other = "10.5240/B752-5B47-DBBE-E5D4-5A3F-N";
    const rows = [
      `FILM,Again,,,en,,2010,,,${eidr},,,`,
      `FILM,One,,,en,,2011,,,${other},,,`,
      `FILM,Two,,,en,,2012,,,${other.toLowerCase()},,,`,
    ];
    const res = await upload(studio.headers, csvFile(`${HEADER}\n${rows.join("\n")}\n`), { dryRun: "false" });
    expect(expectProblem(res, 422).errors).toEqual([
      expect.objectContaining({ row: 2, column: "eidr", message: "Another of your titles already has this EIDR ID." }),
      expect.objectContaining({ row: 4, column: "eidr", message: "Row 3 has the same EIDR ID." }),
    ]);
    expect(await titleCount(studio.orgId)).toBe(1);
  });

  it("refuses partners and read-only members with 403, writing nothing", async () => {
    const file = fixture("titles-20-good.csv");
    expectProblem(await upload(partner.headers, file, { dryRun: "false" }), 403);
    expectProblem(await upload(partner.headers, file, { dryRun: "true" }), 403);
    const viewer = await addMemberViaInvitation(studio, "VIEWER");
    expectProblem(await upload(viewer.memberHeaders, file, { dryRun: "false" }), 403);
    expect(await db.title.count()).toBe(0);
  });

  it("answers 422 without a file, 415 for other kinds of file, and 422 for an unknown column", async () => {
    const none = expectProblem(await upload(studio.headers, undefined, { dryRun: "false" }), 422);
    expect(none.errors).toEqual([expect.objectContaining({ path: "file" })]);
    const empty = await callRoute(importRoute, IMPORT, { method: "POST", headers: studio.headers });
    expect(expectProblem(empty, 422).errors).toEqual([expect.objectContaining({ path: "file" })]);
    const pdf = await upload(studio.headers, { bytes: new TextEncoder().encode("%PDF-1.7"), name: "titles.pdf", type: "application/pdf" });
    expect(expectProblem(pdf, 415).detail).toMatch(/not a CSV or XLSX file/);
    const json = await callRoute(importRoute, IMPORT, { headers: studio.headers, json: { titles: [] } });
    expectProblem(json, 415);
    const unknown = await upload(studio.headers, csvFile("kind,originalTitle,originalLanguage,year,studio\nFILM,A,en,2001,X\n"));
    expect(expectProblem(unknown, 422).errors).toEqual([
      expect.objectContaining({
        path: "rows.1.studio",
        row: 1,
        column: "studio",
        message: expect.stringMatching(/^Unknown column “studio”/),
      }),
    ]);
  });

  it("answers 413 for a file over 10 MB", async () => {
    const big = csvFile(`${HEADER}\n${"x".repeat(10 * 1024 * 1024)}`);
    expectProblem(await upload(studio.headers, big), 413);
    expectProblem(await upload(studio.headers, big, { raw: true }), 413);
  });

  it("imports 20,000 titles in one transaction (time printed)", { timeout: 180_000 }, async () => {
    const csv = `${HEADER}\n${goodRows(20_000).join("\n")}\n`;
    const started = performance.now();
    const res = await upload(studio.headers, csvFile(csv), { dryRun: "false" });
    const seconds = (performance.now() - started) / 1000;
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(20_000);
    console.log(`[import] 20,000-row CSV (${(csv.length / 1024 / 1024).toFixed(1)} MB) committed in ${seconds.toFixed(2)} s`);
    expect(await titleCount(studio.orgId)).toBe(20_000);
    expect(await db.version.count({ where: { kind: "ORIGINAL", title: { studioId: studio.orgId } } })).toBe(20_000);
  });
});

describe("GET /api/v1/titles/import/template", () => {
  it("downloads the XLSX template with its Instructions sheet, and the CSV template with a BOM", async () => {
    const xlsx = await templateRoute(new NextRequest(new URL(`${IMPORT}/template?format=xlsx`, BASE_URL), { headers: studio.headers }), {
      params: Promise.resolve({}),
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe(XLSX_MIME);
    expect(xlsx.headers.get("content-disposition")).toBe('attachment; filename="rightsbridge-titles-template.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Titles", "Instructions"]);

    const csv = await templateRoute(new NextRequest(new URL(`${IMPORT}/template?format=csv`, BASE_URL), { headers: studio.headers }), {
      params: Promise.resolve({}),
    });
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="rightsbridge-titles-template.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads the Chinese example as UTF-8
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toBe(HEADER);

    // The template, filled in as it comes, passes a dry run.
    const res = await upload(studio.headers, { bytes, name: "template.csv", type: "text/csv" });
    expect(res.body).toMatchObject({ rows: 1, valid: 1, errors: [] });
  });

  it("needs a signed-in caller", async () => {
    const res = await callRoute(templateRoute, `${IMPORT}/template`);
    expectProblem(res, 401);
  });
});
