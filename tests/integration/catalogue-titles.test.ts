/**
 * Titles (PRODUCT.md §2): a studio registers and edits its titles through
 * /api/v1/titles; bad input is refused field by field and nothing is half-written.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createTitleRoute } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { addMemberViaInvitation, callRoute, errorPaths, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import {
  api,
  catalogueSnapshot,
  createTitleViaApi,
  expectStatus,
  MISSING_ID,
  REAL_EIDR,
  REAL_EIDR_2,
  titleBody,
} from "./catalogue-fixtures";

let studio: Registered;
let partner: Registered;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ email: "owner@studio.test", organization: { name: "Jade Pictures", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({
    email: "owner@partner.test",
    organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" },
  });
});

const awards = [
  { festival: "Shanghai International Film Festival", section: "Main Competition", award: "Golden Goblet", year: 2023 },
  { festival: "Golden Horse Awards", award: "Best Visual Effects", year: 2023 },
  { festival: "Asian Film Awards", section: "", award: "Best Newcomer", year: 2024 },
];

describe("POST /api/v1/titles", () => {
  it("creates the title with its ORIGINAL version, keeps awards in order and canonicalises the language", async () => {
    const res = await api.createTitle(studio.headers, titleBody({ originalLanguage: "ZH-hans", awards, eidr: REAL_EIDR }));
    expectStatus(res, 201);
    expect(res.contentType).toBe("application/json");
    const id: string = res.body.id;
    expect(res.headers.get("location")).toBe(`/api/v1/titles/${id}`);
    expect(res.body).toMatchObject({
      studio: { id: studio.orgId, name: "Jade Pictures" },
      kind: "FILM",
      originalTitle: "玉龙传",
      titles: { en: "The Jade Dragon", zh: "玉龙传" },
      originalLanguage: "zh-Hans",
      genres: ["XIANXIA", "FANTASY"],
      year: 2023,
      runtimeMinutes: 118,
      episodeCount: null,
      eidr: REAL_EIDR,
      visibility: "PRIVATE",
      archived: false,
      lockVersion: 1,
      versionCount: 1,
      synopsis: "A young cultivator guards the last jade dragon.",
      awards: [
        { festival: "Shanghai International Film Festival", section: "Main Competition", award: "Golden Goblet", year: 2023 },
        { festival: "Golden Horse Awards", section: null, award: "Best Visual Effects", year: 2023 },
        { festival: "Asian Film Awards", section: null, award: "Best Newcomer", year: 2024 },
      ],
    });
    expect(res.body.versions).toHaveLength(1);
    expect(res.body.versions[0]).toMatchObject({
      titleId: id,
      kind: "ORIGINAL",
      derivedFromId: null,
      territories: ["WORLDWIDE"],
      audioLanguages: ["zh-Hans"],
      status: "DELIVERED",
      runtimeMinutes: 118,
      changes: [],
      marketTests: [],
    });

    const row = await db.title.findUniqueOrThrow({ where: { id }, include: { awards: { orderBy: { position: "asc" } }, versions: true } });
    expect(row).toMatchObject({ studioId: studio.orgId, originalLanguage: "zh-Hans", eidr: REAL_EIDR, titleEn: "The Jade Dragon" });
    expect(row.awards.map((a) => [a.position, a.award])).toEqual([
      [0, "Golden Goblet"],
      [1, "Best Visual Effects"],
      [2, "Best Newcomer"],
    ]);
    expect(row.versions.map((v) => v.kind)).toEqual(["ORIGINAL"]);

    // GET answers the same title.
    const got = await api.getTitle(studio.headers, id);
    expectStatus(got, 200);
    expect(got.body).toEqual(res.body);
  });

  it("applies defaults: PRIVATE, no genres, no awards, no localized titles", async () => {
    const res = await api.createTitle(studio.headers, {
      kind: "SERIES",
      originalTitle: "Crime Street",
      originalLanguage: "ko",
      year: 2022,
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      visibility: "PRIVATE",
      genres: [],
      awards: [],
      titles: { en: null, zh: null },
      eidr: null,
      synopsis: null,
      runtimeMinutes: null,
    });
  });

  it("accepts real EIDR IDs in any case and stores them upper-cased", async () => {
    const res = await api.createTitle(studio.headers, titleBody({ eidr: `  ${REAL_EIDR.toLowerCase()} ` }));
    expectStatus(res, 201);
    expect(res.body.eidr).toBe(REAL_EIDR);
  });

  it("refuses an EIDR ID whose check character was changed: 422 on eidr, nothing written", async () => {
    const before = await catalogueSnapshot();
    for (const changed of ["10.5240/7EC7-228A-510A-053E-CBB8-K", "10.5240/7EC7-228A-510A-053E-CBB8-0"]) {
      const res = await api.createTitle(studio.headers, titleBody({ eidr: changed }));
      const problem = expectProblem(res, 422);
      expect(errorPaths(problem)).toEqual(["eidr"]);
      expect(problem.errors?.[0]?.message).toMatch(/check character/i);
    }
    // A changed digit is caught too.
    const digit = await api.createTitle(studio.headers, titleBody({ eidr: "10.5240/7EC7-228A-510A-053E-CBB9-J" }));
    expect(errorPaths(expectProblem(digit, 422))).toEqual(["eidr"]);
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("refuses malformed EIDR IDs with 422 on eidr", async () => {
    for (const eidr of [
      "10.5240/7EC7-228A-510A-053E-CBB8",
      "7EC7-228A-510A-053E-CBB8-J",
      "10.5241/7EC7-228A-510A-053E-CBB8-J",
      "10.5240/7EC7228A510A053ECBB8J",
      "eidr",
    ]) {
      const res = await api.createTitle(studio.headers, titleBody({ eidr }));
      const problem = expectProblem(res, 422);
      expect(errorPaths(problem), eidr).toEqual(["eidr"]);
    }
    expect(await db.title.count()).toBe(0);
  });

  it("refuses a second title of the same studio with the same EIDR ID: 409 on eidr", async () => {
    await createTitleViaApi(studio.headers, { eidr: REAL_EIDR });
    const before = await catalogueSnapshot();
    const res = await api.createTitle(studio.headers, titleBody({ originalTitle: "Another", eidr: REAL_EIDR.toLowerCase() }));
    const problem = expectProblem(res, 409);
    expect(errorPaths(problem)).toEqual(["eidr"]);
    expect(await catalogueSnapshot()).toEqual(before);

    // Another studio may register the same ID (it is unique per studio).
    const other = await registerViaApi({ organization: { name: "Other Studio", kind: "STUDIO", homeCountry: "KR" } });
    expectStatus(await api.createTitle(other.headers, titleBody({ eidr: REAL_EIDR })), 201);
  });

  it("refuses an unknown genre on genres.<i>", async () => {
    const res = await api.createTitle(studio.headers, titleBody({ genres: ["NOT_A_GENRE", "XIANXIA"] }));
    expect(errorPaths(expectProblem(res, 422))).toEqual(["genres.0"]);
    const second = await api.createTitle(studio.headers, titleBody({ genres: ["CRIME", "xianxia"] }));
    expect(errorPaths(expectProblem(second, 422))).toEqual(["genres.1"]);
    expect(await db.title.count()).toBe(0);
  });

  it("refuses a language that is not BCP 47 on originalLanguage", async () => {
    for (const originalLanguage of ["klingon", "zz", "en_US", "", "zh-Hanz"]) {
      const res = await api.createTitle(studio.headers, titleBody({ originalLanguage }));
      expect(errorPaths(expectProblem(res, 422)), originalLanguage).toEqual(["originalLanguage"]);
    }
    expect(await db.title.count()).toBe(0);
  });

  it("names every bad field at once", async () => {
    const res = await api.createTitle(studio.headers, {
      kind: "PODCAST",
      originalTitle: "  ",
      originalLanguage: "zh",
      year: 1700,
      visibility: "PUBLIC",
      awards: [{ festival: "Cannes", year: 2020 }],
    });
    expect(errorPaths(expectProblem(res, 422))).toEqual(["awards.0.award", "kind", "originalTitle", "visibility", "year"]);
    expect(await db.title.count()).toBe(0);
  });

  it("is refused to partners (403) and to a studio's VIEWER (403), and writes nothing", async () => {
    const viewer = await addMemberViaInvitation(studio, "VIEWER");
    for (const headers of [partner.headers, viewer.memberHeaders]) {
      const res = await api.createTitle(headers, titleBody());
      expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
    }
    expect(await catalogueSnapshot()).toMatchObject({ titles: [], versions: [], awards: [] });
    // A studio MEMBER may register titles.
    const member = await addMemberViaInvitation(studio, "MEMBER");
    expectStatus(await api.createTitle(member.memberHeaders, titleBody()), 201);
  });

  it("refuses requests without credentials (401) and bodies that are not JSON (415/400)", async () => {
    expectProblem(await api.createTitle({}, titleBody()), 401);
    expectProblem(
      await callRoute(createTitleRoute, "/api/v1/titles", { headers: { ...studio.headers, "content-type": "text/plain" }, rawBody: "x" }),
      415,
    );
    expectProblem(
      await callRoute(createTitleRoute, "/api/v1/titles", {
        headers: { ...studio.headers, "content-type": "application/json" },
        rawBody: "{",
      }),
      400,
    );
    expect(await db.title.count()).toBe(0);
  });
});

describe("PATCH /api/v1/titles/{id}", () => {
  it("edits fields and answers the title with an incremented lockVersion", async () => {
    const created = await createTitleViaApi(studio.headers, { awards });
    const res = await api.patchTitle(studio.headers, created.id, {
      lockVersion: 1,
      originalTitle: "玉龙传奇",
      titles: { en: "Legend of the Jade Dragon" },
      genres: ["WUXIA"],
      year: 2024,
      eidr: REAL_EIDR_2,
      visibility: "LISTED",
      awards: [{ festival: "Busan International Film Festival", award: "Audience Award", year: 2024 }],
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      id: created.id,
      lockVersion: 2,
      originalTitle: "玉龙传奇",
      // zh untouched: only the fields sent change.
      titles: { en: "Legend of the Jade Dragon", zh: "玉龙传" },
      genres: ["WUXIA"],
      year: 2024,
      eidr: REAL_EIDR_2,
      visibility: "LISTED",
      runtimeMinutes: 118,
      awards: [{ festival: "Busan International Film Festival", section: null, award: "Audience Award", year: 2024 }],
    });
    const row = await db.title.findUniqueOrThrow({ where: { id: created.id }, include: { awards: true } });
    expect(row).toMatchObject({ lockVersion: 2, originalTitle: "玉龙传奇", titleZh: "玉龙传", eidr: REAL_EIDR_2, year: 2024 });
    expect(row.awards).toHaveLength(1);

    // Without lockVersion the edit applies to the current state and still bumps it.
    const again = await api.patchTitle(studio.headers, created.id, { synopsis: "New synopsis." });
    expectStatus(again, 200);
    expect(again.body).toMatchObject({ lockVersion: 3, synopsis: "New synopsis.", year: 2024 });
  });

  it("refuses a stale lockVersion with 409 and changes nothing", async () => {
    const created = await createTitleViaApi(studio.headers);
    expectStatus(await api.patchTitle(studio.headers, created.id, { lockVersion: 1, year: 2020 }), 200);
    const before = await catalogueSnapshot();
    const res = await api.patchTitle(studio.headers, created.id, { lockVersion: 1, originalTitle: "Lost update", awards: [] });
    expect(expectProblem(res, 409).type).toBe("/problems/stale-update");
    expect(await catalogueSnapshot()).toEqual(before);
    expect((await api.getTitle(studio.headers, created.id)).body).toMatchObject({ originalTitle: "玉龙传", year: 2020, lockVersion: 2 });
  });

  it("lets only one of two concurrent edits from the same lockVersion win", async () => {
    const created = await createTitleViaApi(studio.headers);
    const results = await Promise.all([
      api.patchTitle(studio.headers, created.id, { lockVersion: 1, year: 2001 }),
      api.patchTitle(studio.headers, created.id, { lockVersion: 1, year: 2002 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200);
    const row = await db.title.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ lockVersion: 2, year: winner?.body.year });
    expect(await db.auditEntry.count({ where: { entityId: created.id, action: "title.update" } })).toBe(1);
  });

  it("archives: hidden from the default list, listed with archived=true, restored with archived=false", async () => {
    const kept = await createTitleViaApi(studio.headers, { originalTitle: "Kept" });
    const gone = await createTitleViaApi(studio.headers, { originalTitle: "Archived one" });
    const res = await api.patchTitle(studio.headers, gone.id, { archived: true, lockVersion: 1 });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ archived: true, lockVersion: 2 });
    expect((await db.title.findUniqueOrThrow({ where: { id: gone.id } })).archivedAt).toBeInstanceOf(Date);

    const ids = async (query: Record<string, string> = {}) =>
      (await api.listTitles(studio.headers, query)).body.items.map((t: { id: string }) => t.id);
    expect(await ids()).toEqual([kept.id]);
    expect(await ids({ archived: "true" })).toEqual([gone.id]);
    expect((await ids({ archived: "all" })).sort()).toEqual([kept.id, gone.id].sort());
    expect((await api.listTitles(studio.headers)).body.total).toBe(1);
    // The owner still reads it by id.
    expectStatus(await api.getTitle(studio.headers, gone.id), 200);

    expectStatus(await api.patchTitle(studio.headers, gone.id, { archived: false }), 200);
    expect((await ids()).sort()).toEqual([kept.id, gone.id].sort());
    expect(await db.auditEntry.findMany({ where: { entityId: gone.id }, orderBy: { id: "asc" }, select: { action: true } })).toEqual([
      { action: "title.create" },
      { action: "title.archive" },
      { action: "title.restore" },
    ]);
  });

  it("clears the English title with titles.en = null and keeps the Chinese one", async () => {
    const created = await createTitleViaApi(studio.headers);
    const res = await api.patchTitle(studio.headers, created.id, { titles: { en: null } });
    expectStatus(res, 200);
    expect(res.body.titles).toEqual({ en: null, zh: "玉龙传" });
    expect(await db.title.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ titleEn: null, titleZh: "玉龙传" });
  });

  it("clears the EIDR ID with eidr = null, and refuses another title's EIDR ID with 409 on eidr", async () => {
    const first = await createTitleViaApi(studio.headers, { eidr: REAL_EIDR });
    const second = await createTitleViaApi(studio.headers, { originalTitle: "Second", eidr: REAL_EIDR_2 });
    const before = await catalogueSnapshot();
    const taken = await api.patchTitle(studio.headers, second.id, { eidr: REAL_EIDR, originalTitle: "Half written?" });
    expect(errorPaths(expectProblem(taken, 409))).toEqual(["eidr"]);
    expect(await catalogueSnapshot()).toEqual(before);

    const cleared = await api.patchTitle(studio.headers, first.id, { eidr: null });
    expectStatus(cleared, 200);
    expect(cleared.body.eidr).toBeNull();
    expectStatus(await api.patchTitle(studio.headers, second.id, { eidr: REAL_EIDR }), 200);
  });

  it("refuses bad fields with 422 on their paths and changes nothing", async () => {
    const created = await createTitleViaApi(studio.headers, { awards });
    const before = await catalogueSnapshot();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ eidr: "10.5240/7EC7-228A-510A-053E-CBB8-K" }, ["eidr"]],
      [{ originalLanguage: "klingon", year: 2000 }, ["originalLanguage"]],
      [{ genres: ["NOPE"] }, ["genres.0"]],
      [{ originalTitle: "" }, ["originalTitle"]],
      [{ lockVersion: 0 }, ["lockVersion"]],
      [{ archived: "yes" }, ["archived"]],
      [{ awards: [{ festival: "Cannes", award: "Palme d'Or", year: 3000 }] }, ["awards.0.year"]],
    ];
    for (const [patch, paths] of cases) {
      const res = await api.patchTitle(studio.headers, created.id, patch);
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(patch)).toEqual(paths);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("lets a VIEWER of the studio read the title but not change it (403), changing nothing", async () => {
    const created = await createTitleViaApi(studio.headers);
    const viewer = await addMemberViaInvitation(studio, "VIEWER");
    expectStatus(await api.getTitle(viewer.memberHeaders, created.id), 200);
    expect((await api.listTitles(viewer.memberHeaders)).body.items.map((t: { id: string }) => t.id)).toEqual([created.id]);
    const before = await catalogueSnapshot();
    expectProblem(await api.patchTitle(viewer.memberHeaders, created.id, { year: 2000 }), 403);
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect(expectProblem(await api.patchTitle(studio.headers, MISSING_ID, { year: 2000 }), 404).type).toBe("/problems/not-found");
    expectProblem(await api.patchTitle(studio.headers, "not-a-uuid", { year: 2000 }), 404);
    expectProblem(await api.getTitle(studio.headers, MISSING_ID), 404);
  });
});
