/**
 * Versions and market tests (PRODUCT.md §2), and the audit trail every
 * catalogue write leaves (§10).
 */
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { verifyAuditChain } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { callRoute, errorPaths, expectProblem, type Registered, registerViaApi } from "../support/api";
import { testDatabaseUrl } from "../support/context";
import { resetDb } from "../support/db";
import { api, catalogueSnapshot, createTitleViaApi, expectStatus, MISSING_ID, REAL_EIDR_3, versionBody } from "./catalogue-fixtures";

let studio: Registered;
let otherStudio: Registered;
let partner: Registered;
let title: { id: string; originalVersionId: string };

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ email: "owner@studio.test", organization: { name: "Jade Pictures", kind: "STUDIO", homeCountry: "CN" } });
  otherStudio = await registerViaApi({
    email: "owner@other.test",
    organization: { name: "Other Pictures", kind: "STUDIO", homeCountry: "KR" },
  });
  partner = await registerViaApi({
    email: "owner@partner.test",
    organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" },
  });
  const created = await createTitleViaApi(studio.headers, { visibility: "LISTED" });
  title = { id: created.id, originalVersionId: created.versions[0].id };
});

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const marketTest = (overrides: Record<string, unknown> = {}) => ({
  territory: "TH",
  date: "2025-03-14",
  audienceSize: 240,
  score: 78,
  method: "SCREENING",
  notes: "Bangkok preview, two sessions.",
  ...overrides,
});

describe("POST /api/v1/titles/{id}/versions", () => {
  it("creates an INTERNATIONAL version derived from the ORIGINAL", async () => {
    const res = await api.createVersion(
      studio.headers,
      title.id,
      versionBody(title.originalVersionId, {
        eidrEdit: REAL_EIDR_3,
        changes: [
          { category: "RUNTIME", description: "Trimmed the second act by 14 minutes." },
          { category: "DIALOGUE", description: "Softened two lines for the Thai rating board." },
        ],
      }),
    );
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.any(String),
      titleId: title.id,
      kind: "INTERNATIONAL",
      name: "Thai theatrical cut",
      derivedFromId: title.originalVersionId,
      territories: ["TH", "SEA"],
      audioLanguages: ["th"],
      subtitleLanguages: ["en"],
      runtimeMinutes: 104,
      status: "PLANNED",
      eidrEdit: REAL_EIDR_3,
      changes: [
        { id: expect.any(String), category: "RUNTIME", description: "Trimmed the second act by 14 minutes." },
        { id: expect.any(String), category: "DIALOGUE", description: "Softened two lines for the Thai rating board." },
      ],
      marketTests: [],
      lockVersion: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await db.version.findUniqueOrThrow({ where: { id: res.body.id }, include: { changes: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({
      titleId: title.id,
      kind: "INTERNATIONAL",
      derivedFromId: title.originalVersionId,
      territories: ["TH", "SEA"],
    });
    expect(row.changes.map((c) => [c.position, c.category])).toEqual([
      [0, "RUNTIME"],
      [1, "DIALOGUE"],
    ]);

    const versions = await api.listVersions(studio.headers, title.id);
    expectStatus(versions, 200);
    expect(versions.body.items.map((v: { kind: string; id: string }) => [v.kind, v.id])).toEqual([
      ["ORIGINAL", title.originalVersionId],
      ["INTERNATIONAL", res.body.id],
    ]);
    expect((await api.getTitle(studio.headers, title.id)).body.versionCount).toBe(2);
  });

  it("normalises territory codes and language tags, and derives from another INTERNATIONAL version", async () => {
    const first = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId));
    expectStatus(first, 201);
    const res = await api.createVersion(
      studio.headers,
      title.id,
      versionBody(first.body.id, {
        name: "Vietnamese streaming cut",
        territories: [" vn ", "VN", "035"],
        audioLanguages: ["VI"],
        subtitleLanguages: ["zh-hans", "en-gb"],
        status: "IN_PRODUCTION",
        changes: [],
      }),
    );
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      derivedFromId: first.body.id,
      territories: ["VN", "035"],
      audioLanguages: ["vi"],
      subtitleLanguages: ["zh-Hans", "en-GB"],
      status: "IN_PRODUCTION",
      changes: [],
    });
  });

  it("refuses a derivedFromId of another title's version (own or another studio's) with 422 on derivedFromId", async () => {
    const ownOther = await createTitleViaApi(studio.headers, { originalTitle: "Other own title" });
    const foreign = await createTitleViaApi(otherStudio.headers, { originalTitle: "Foreign", visibility: "LISTED" });
    const before = await catalogueSnapshot();
    for (const derivedFromId of [ownOther.versions[0].id, foreign.versions[0].id, MISSING_ID]) {
      const res = await api.createVersion(studio.headers, title.id, versionBody(derivedFromId));
      expect(errorPaths(expectProblem(res, 422)), derivedFromId).toEqual(["derivedFromId"]);
    }
    expect(errorPaths(expectProblem(await api.createVersion(studio.headers, title.id, versionBody("nope")), 422))).toEqual([
      "derivedFromId",
    ]);
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("refuses unknown territories on territories.<i> and bad languages on their index", async () => {
    const before = await catalogueSnapshot();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ territories: ["TH", "XX"] }, ["territories.1"]],
      [{ territories: ["XX", "SEA", "ATLANTIS"] }, ["territories.0", "territories.2"]],
      [{ territories: [] }, ["territories"]],
      [{ audioLanguages: ["th", "klingon"] }, ["audioLanguages.1"]],
      [{ subtitleLanguages: ["zz"] }, ["subtitleLanguages.0"]],
      // Several problems at once, from the schema and from the reference checks alike.
      [{ territories: ["XX"], audioLanguages: ["zz"], derivedFromId: MISSING_ID }, ["audioLanguages.0", "derivedFromId", "territories.0"]],
    ];
    for (const [overrides, paths] of cases) {
      const res = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId, overrides));
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(overrides)).toEqual(paths);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("refuses kind ORIGINAL (every title has one already) and other bad fields with 422", async () => {
    const before = await catalogueSnapshot();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: "ORIGINAL" }, ["kind"]],
      [{ kind: undefined }, ["kind"]],
      [{ name: " " }, ["name"]],
      [{ status: "RELEASED" }, ["status"]],
      [{ runtimeMinutes: 0 }, ["runtimeMinutes"]],
      [{ eidrEdit: "10.5240/B752-5B47-DBBE-E5D4-5A3F-M" }, ["eidrEdit"]],
      [{ changes: [{ category: "EXPLOSIONS", description: "More." }] }, ["changes.0.category"]],
      [{ changes: [{ category: "ENDING", description: "" }] }, ["changes.0.description"]],
    ];
    for (const [overrides, paths] of cases) {
      const res = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId, overrides));
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(overrides)).toEqual(paths);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("answers 404 for a title that does not exist", async () => {
    expectProblem(await api.createVersion(studio.headers, MISSING_ID, versionBody(title.originalVersionId)), 404);
    expectProblem(await api.listVersions(studio.headers, MISSING_ID), 404);
  });
});

describe("the ORIGINAL version", () => {
  it("is unique per title in the database itself (partial unique index)", async () => {
    await expect(
      sql(
        `INSERT INTO version (id, title_id, kind, name, territories, audio_languages, subtitle_languages, status, updated_at)
         VALUES (gen_random_uuid(), $1, 'ORIGINAL', 'Second original', '{WORLDWIDE}', '{zh}', '{}', 'DELIVERED', now())`,
        [title.id],
      ),
    ).rejects.toThrow(/version_one_original_per_title|duplicate key/);
    expect(await db.version.count({ where: { titleId: title.id, kind: "ORIGINAL" } })).toBe(1);
    // Any number of INTERNATIONAL versions is fine.
    for (const name of ["One", "Two"]) {
      await sql(
        `INSERT INTO version (id, title_id, kind, name, derived_from_id, territories, audio_languages, subtitle_languages, status, updated_at)
         VALUES (gen_random_uuid(), $1, 'INTERNATIONAL', $2, $3, '{TH}', '{th}', '{}', 'PLANNED', now())`,
        [title.id, name, title.originalVersionId],
      );
    }
    expect(await db.version.count({ where: { titleId: title.id } })).toBe(3);
  });

  it("refuses market-test scores outside 0–100 and non-positive audiences in the database too", async () => {
    const insert = (score: number, audience: number) =>
      sql(
        `INSERT INTO market_test (id, version_id, territory, date, audience_size, score, method)
         VALUES (gen_random_uuid(), $1, 'TH', '2025-01-01', $2, $3, 'SURVEY')`,
        [title.originalVersionId, audience, score],
      );
    await expect(insert(101, 10)).rejects.toThrow(/market_test_score_range/);
    await expect(insert(-1, 10)).rejects.toThrow(/market_test_score_range/);
    await expect(insert(50, 0)).rejects.toThrow(/market_test_audience_size_positive/);
    expect(await db.marketTest.count()).toBe(0);
  });
});

describe("PATCH /api/v1/versions/{id}", () => {
  let versionId: string;
  beforeEach(async () => {
    const res = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId));
    expectStatus(res, 201);
    versionId = res.body.id;
  });

  it("edits fields and replaces the list of changes, bumping lockVersion", async () => {
    const res = await api.patchVersion(studio.headers, versionId, {
      lockVersion: 1,
      name: "Thai and Lao theatrical cut",
      territories: ["TH", "la"],
      subtitleLanguages: ["en", "lo"],
      runtimeMinutes: 101,
      status: "DELIVERED",
      eidrEdit: REAL_EIDR_3,
      changes: [
        { category: "ENDING", description: "Alternate ending for the Thai release." },
        { category: "TITLE", description: "Localised title card." },
      ],
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      id: versionId,
      lockVersion: 2,
      name: "Thai and Lao theatrical cut",
      territories: ["TH", "LA"],
      audioLanguages: ["th"],
      subtitleLanguages: ["en", "lo"],
      runtimeMinutes: 101,
      status: "DELIVERED",
      eidrEdit: REAL_EIDR_3,
      derivedFromId: title.originalVersionId,
    });
    expect(res.body.changes.map((c: { category: string }) => c.category)).toEqual(["ENDING", "TITLE"]);
    expect(
      await db.versionChange.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { category: true, position: true } }),
    ).toEqual([
      { category: "ENDING", position: 0 },
      { category: "TITLE", position: 1 },
    ]);

    // Only what is sent changes; an empty list clears the changes; eidrEdit null clears it.
    const again = await api.patchVersion(studio.headers, versionId, { changes: [], eidrEdit: null });
    expectStatus(again, 200);
    expect(again.body).toMatchObject({ lockVersion: 3, name: "Thai and Lao theatrical cut", changes: [], eidrEdit: null });
    expect(await db.versionChange.count({ where: { versionId } })).toBe(0);
  });

  it("refuses a stale lockVersion with 409 and changes nothing", async () => {
    expectStatus(await api.patchVersion(studio.headers, versionId, { lockVersion: 1, status: "IN_PRODUCTION" }), 200);
    const before = await catalogueSnapshot();
    const res = await api.patchVersion(studio.headers, versionId, { lockVersion: 1, name: "Lost update", changes: [] });
    expect(expectProblem(res, 409).type).toBe("/problems/stale-update");
    expect(await catalogueSnapshot()).toEqual(before);
    expect((await api.getVersion(studio.headers, versionId)).body).toMatchObject({
      name: "Thai theatrical cut",
      status: "IN_PRODUCTION",
      lockVersion: 2,
    });
  });

  it("refuses bad fields with 422 on their paths and changes nothing", async () => {
    const before = await catalogueSnapshot();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ territories: ["TH", "XX"], name: "Half written?" }, ["territories.1"]],
      [{ audioLanguages: ["klingon"] }, ["audioLanguages.0"]],
      [{ status: "DONE" }, ["status"]],
      [{ changes: [{ category: "ENDING" }] }, ["changes.0.description"]],
      [{ lockVersion: "1" }, ["lockVersion"]],
    ];
    for (const [patch, paths] of cases) {
      const res = await api.patchVersion(studio.headers, versionId, patch);
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(patch)).toEqual(paths);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("answers 404 to another studio and for a version that does not exist", async () => {
    const before = await catalogueSnapshot();
    expectProblem(await api.patchVersion(otherStudio.headers, versionId, { name: "Hijacked" }), 404);
    expectProblem(await api.patchVersion(studio.headers, MISSING_ID, { name: "x" }), 404);
    expect(await catalogueSnapshot()).toEqual(before);
  });
});

describe("market tests", () => {
  let versionId: string;
  beforeEach(async () => {
    const res = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId));
    expectStatus(res, 201);
    versionId = res.body.id;
  });

  it("records a market test (201) and lists it on the version", async () => {
    const res = await api.createMarketTest(studio.headers, versionId, marketTest());
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.any(String),
      territory: "TH",
      date: "2025-03-14",
      audienceSize: 240,
      score: 78,
      method: "SCREENING",
      notes: "Bangkok preview, two sessions.",
    });
    const second = await api.createMarketTest(
      studio.headers,
      versionId,
      marketTest({ territory: "vn", date: "2025-01-05", score: 0, notes: undefined }),
    );
    expectStatus(second, 201);
    expect(second.body).toMatchObject({ territory: "VN", score: 0, notes: null });
    // Today is not in the future.
    expectStatus(await api.createMarketTest(studio.headers, versionId, marketTest({ date: isoDay(0), score: 100 })), 201);

    const list = await api.listMarketTests(studio.headers, versionId);
    expectStatus(list, 200);
    // Listed by date.
    expect(list.body.items.map((m: { territory: string; date: string; score: number }) => [m.territory, m.date, m.score])).toEqual([
      ["VN", "2025-01-05", 0],
      ["TH", "2025-03-14", 78],
      ["TH", isoDay(0), 100],
    ]);
    expect((await api.getVersion(studio.headers, versionId)).body.marketTests).toEqual(list.body.items);
    const rows = await db.marketTest.findMany({ where: { versionId }, orderBy: { date: "asc" } });
    expect(rows.map((r) => [r.territory, r.date.toISOString().slice(0, 10), r.audienceSize])).toEqual([
      ["VN", "2025-01-05", 240],
      ["TH", "2025-03-14", 240],
      ["TH", isoDay(0), 240],
    ]);
    // A partner reads them on the LISTED title.
    expect((await api.listMarketTests(partner.headers, versionId)).body.items).toHaveLength(3);
  });

  it("records market tests on the ORIGINAL version too", async () => {
    expectStatus(await api.createMarketTest(studio.headers, title.originalVersionId, marketTest({ territory: "CN" })), 201);
  });

  it("refuses bad input with 422 on the field and writes nothing", async () => {
    const before = await catalogueSnapshot();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ score: 101 }, ["score"]],
      [{ score: -1 }, ["score"]],
      [{ score: 50.5 }, ["score"]],
      [{ date: isoDay(2) }, ["date"]],
      [{ date: "2031-01-01" }, ["date"]],
      [{ date: "2025-02-30" }, ["date"]],
      [{ date: "14/03/2025" }, ["date"]],
      [{ territory: "SEA" }, ["territory"]],
      [{ territory: "035" }, ["territory"]],
      [{ territory: "XX" }, ["territory"]],
      [{ audienceSize: 0 }, ["audienceSize"]],
      [{ method: "" }, ["method"]],
      [{ territory: "XX", date: isoDay(3) }, ["date", "territory"]],
    ];
    for (const [overrides, paths] of cases) {
      const res = await api.createMarketTest(studio.headers, versionId, marketTest(overrides));
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(overrides)).toEqual(paths);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("is refused to other organisations (studio 404, partner 403) and for a missing version (404)", async () => {
    const before = await catalogueSnapshot();
    expectProblem(await api.createMarketTest(otherStudio.headers, versionId, marketTest()), 404);
    expectProblem(await api.createMarketTest(partner.headers, versionId, marketTest()), 403);
    expectProblem(await api.createMarketTest(studio.headers, MISSING_ID, marketTest()), 404);
    expectProblem(await api.listMarketTests(studio.headers, MISSING_ID), 404);
    expect(await catalogueSnapshot()).toEqual(before);
  });
});

describe("audit trail of catalogue writes", () => {
  it("records title.create, title.update, version.create, version.update and market_test.create with the studio as party; the chain verifies", async () => {
    const version = await api.createVersion(studio.headers, title.id, versionBody(title.originalVersionId));
    expectStatus(version, 201);
    expectStatus(await api.patchTitle(studio.headers, title.id, { lockVersion: 1, year: 2020 }), 200);
    expectStatus(await api.patchVersion(studio.headers, version.body.id, { status: "DELIVERED" }), 200);
    const test = await api.createMarketTest(studio.headers, version.body.id, marketTest());
    expectStatus(test, 201);
    // Refused writes leave no entry.
    expectProblem(await api.patchTitle(studio.headers, title.id, { lockVersion: 1, year: 1999 }), 409);
    expectProblem(await api.createMarketTest(studio.headers, version.body.id, marketTest({ score: 101 })), 422);
    expectProblem(await api.patchTitle(otherStudio.headers, title.id, { year: 1999 }), 404);

    const entries = await db.auditEntry.findMany({
      where: { entityType: { in: ["Title", "Version", "MarketTest"] } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ["title.create", "Title", title.id],
      ["version.create", "Version", version.body.id],
      ["title.update", "Title", title.id],
      ["version.update", "Version", version.body.id],
      ["market_test.create", "MarketTest", test.body.id],
    ]);
    for (const e of entries) {
      expect(e.partyOrgIds, e.action).toEqual([studio.orgId]);
      expect(e.organizationId, e.action).toBe(studio.orgId);
      expect(e.actorUserId, e.action).toBe(studio.userId);
    }
    const [create, , update, versionUpdate, market] = entries;
    expect(create?.after).toMatchObject({ originalTitle: "玉龙传", originalLanguage: "zh-Hans", visibility: "LISTED" });
    expect(update?.before).toMatchObject({ year: 2023 });
    expect(update?.after).toMatchObject({ year: 2020 });
    expect(versionUpdate?.before).toMatchObject({ status: "PLANNED" });
    expect(versionUpdate?.after).toMatchObject({ status: "DELIVERED" });
    expect(market?.after).toMatchObject({ versionId: version.body.id, territory: "TH", score: 78 });

    const chain = await verifyAuditChain();
    expect(chain).toMatchObject({ ok: true, problems: [] });
    expect(chain.count).toBe(await db.auditEntry.count());

    // The studio reads them through the audit API; the partner, who only reads the LISTED title, does not.
    const mine = await callRoute(listAudit, "/api/v1/audit", { headers: studio.headers, query: { entityId: title.id } });
    expectStatus(mine, 200);
    expect(mine.body.items.map((i: { action: string }) => i.action).sort()).toEqual(["title.create", "title.update"]);
    const theirs = await callRoute(listAudit, "/api/v1/audit", { headers: partner.headers, query: { entityId: title.id } });
    expectStatus(theirs, 200);
    expect(theirs.body.items).toEqual([]);
  });
});
