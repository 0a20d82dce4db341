/**
 * The tenancy acceptance point of the catalogue: a PRIVATE title of studio A is invisible to everyone
 * else (404, never in a list); a LISTED one is readable by partners (the marketplace) and by
 * other organisations, but nobody but A can change it, add versions or record market tests.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { type ApiResponse, bearer, createApiKeyViaApi, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import {
  api,
  type Cast,
  catalogueSnapshot,
  createCast,
  createTitleViaApi,
  expectStatus,
  MISSING_ID,
  versionBody,
} from "./catalogue-fixtures";

let cast: Cast;
let privateTitle: { id: string; originalVersionId: string; intlVersionId: string };
let listedTitle: { id: string; originalVersionId: string; intlVersionId: string };

async function titleWithVersions(visibility: "PRIVATE" | "LISTED", originalTitle: string) {
  const title = await createTitleViaApi(cast.a.headers, { visibility, originalTitle, titles: { en: `${originalTitle} (en)` } });
  const originalVersionId: string = title.versions[0].id;
  const intl = await api.createVersion(cast.a.headers, title.id, versionBody(originalVersionId));
  expectStatus(intl, 201);
  const test = await api.createMarketTest(cast.a.headers, intl.body.id, {
    territory: "TH",
    date: "2025-03-01",
    audienceSize: 120,
    score: 74,
    method: "SCREENING",
  });
  expectStatus(test, 201);
  return { id: title.id as string, originalVersionId, intlVersionId: intl.body.id as string };
}

beforeEach(async () => {
  await resetDb();
  cast = await createCast();
  privateTitle = await titleWithVersions("PRIVATE", "Secret Garden");
  listedTitle = await titleWithVersions("LISTED", "Open Sky");
});

const others = () =>
  [
    ["studio B", cast.b.headers],
    ["partner P", cast.p.headers],
    ["facility F", cast.f.headers],
  ] as const;

const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe("a PRIVATE title of studio A", () => {
  it("answers 404 to every other organisation on the title, its versions and its market tests", async () => {
    for (const [who, headers] of others()) {
      const missingTitle = await api.getTitle(headers, MISSING_ID);
      const title = await api.getTitle(headers, privateTitle.id);
      expect(expectProblem(title, 404).type, who).toBe("/problems/not-found");
      // Indistinguishable from a title that does not exist.
      expect(strip(title.body), who).toEqual(strip(missingTitle.body));

      expectProblem(await api.listVersions(headers, privateTitle.id), 404);
      for (const versionId of [privateTitle.originalVersionId, privateTitle.intlVersionId]) {
        const version = await api.getVersion(headers, versionId);
        expectProblem(version, 404);
        expect(strip(version.body), who).toEqual(strip((await api.getVersion(headers, MISSING_ID)).body));
        expectProblem(await api.listMarketTests(headers, versionId), 404);
      }
      expect(JSON.stringify((await api.getTitle(headers, privateTitle.id)).body)).not.toContain("Secret Garden");
    }
  });

  it("never appears in anyone else's list or search", async () => {
    for (const [who, headers] of others()) {
      for (const query of [{}, { q: "Secret" }, { visibility: "PRIVATE" }, { archived: "all" }, { limit: 200 }]) {
        const res = await api.listTitles(headers, query);
        expectStatus(res, 200);
        const ids = res.body.items.map((t: { id: string }) => t.id);
        expect(ids, `${who} ${JSON.stringify(query)}`).not.toContain(privateTitle.id);
        expect(res.text).not.toContain("Secret Garden");
      }
    }
  });

  it("cannot be changed by anyone else: all get 404, as for a missing id (issue 17 point 18); nothing changes", async () => {
    const before = await catalogueSnapshot();
    const t = privateTitle;
    for (const [who, headers] of others()) {
      const status = 404;
      const attempts: [ApiResponse, ApiResponse][] = [
        [
          await api.patchTitle(headers, t.id, { originalTitle: "Hijacked", visibility: "LISTED" }),
          await api.patchTitle(headers, MISSING_ID, { originalTitle: "x" }),
        ],
        [
          await api.createVersion(headers, t.id, versionBody(t.originalVersionId)),
          await api.createVersion(headers, MISSING_ID, versionBody(t.originalVersionId)),
        ],
        [
          await api.patchVersion(headers, t.intlVersionId, { name: "Hijacked" }),
          await api.patchVersion(headers, MISSING_ID, { name: "x" }),
        ],
        [
          await api.createMarketTest(headers, t.intlVersionId, {
            territory: "TH",
            date: "2025-01-01",
            audienceSize: 1,
            score: 0,
            method: "SURVEY",
          }),
          await api.createMarketTest(headers, MISSING_ID, {
            territory: "TH",
            date: "2025-01-01",
            audienceSize: 1,
            score: 0,
            method: "SURVEY",
          }),
        ],
      ];
      for (const [res, forMissing] of attempts) {
        expectProblem(res, status);
        // The answer does not depend on whether the record exists: no existence leak.
        expect({ status: res.status, body: strip(res.body) }, who).toEqual({ status: forMissing.status, body: strip(forMissing.body) });
      }
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });
});

describe("a LISTED title of studio A", () => {
  it("is readable by partners, other studios and facilities, with its versions and market tests", async () => {
    for (const [who, headers] of others()) {
      const title = await api.getTitle(headers, listedTitle.id);
      expectStatus(title, 200);
      expect(title.body, who).toMatchObject({
        id: listedTitle.id,
        originalTitle: "Open Sky",
        studio: { id: cast.a.orgId, name: "Studio A" },
      });
      expect(title.body.versions.map((v: { id: string }) => v.id).sort()).toEqual(
        [listedTitle.originalVersionId, listedTitle.intlVersionId].sort(),
      );

      const versions = await api.listVersions(headers, listedTitle.id);
      expectStatus(versions, 200);
      expect(versions.body.items.map((v: { kind: string }) => v.kind)).toEqual(["ORIGINAL", "INTERNATIONAL"]);

      const version = await api.getVersion(headers, listedTitle.intlVersionId);
      expectStatus(version, 200);
      expect(version.body).toMatchObject({ titleId: listedTitle.id, territories: ["TH", "SEA"] });
      const tests = await api.listMarketTests(headers, listedTitle.intlVersionId);
      expectStatus(tests, 200);
      expect(tests.body.items).toMatchObject([{ territory: "TH", score: 74 }]);
    }
  });

  it("is in the partner's and the facility's marketplace list, not in studio B's own list", async () => {
    for (const headers of [cast.p.headers, cast.f.headers]) {
      const res = await api.listTitles(headers);
      expectStatus(res, 200);
      expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([listedTitle.id]);
      expect(res.body.total).toBe(1);
      const found = await api.listTitles(headers, { q: "open" });
      expect(found.body.items.map((t: { id: string }) => t.id)).toEqual([listedTitle.id]);
    }
    const bList = await api.listTitles(cast.b.headers);
    expectStatus(bList, 200);
    expect(bList.body).toMatchObject({ items: [], total: 0, nextCursor: null });

    // Studio B's list holds its own titles (of either visibility), still not A's.
    const bTitle = await createTitleViaApi(cast.b.headers, { originalTitle: "B's own", visibility: "PRIVATE" });
    expect((await api.listTitles(cast.b.headers)).body.items.map((t: { id: string }) => t.id)).toEqual([bTitle.id]);
    // A's own list holds both of A's titles.
    expect((await api.listTitles(cast.a.headers)).body.items.map((t: { id: string }) => t.id).sort()).toEqual(
      [privateTitle.id, listedTitle.id].sort(),
    );
    // B's private title is not in the partner's marketplace.
    expect((await api.listTitles(cast.p.headers)).body.items.map((t: { id: string }) => t.id)).toEqual([listedTitle.id]);
  });

  it("nobody but A can change it: studios 404, partners and facilities 403; nothing changes", async () => {
    const before = await catalogueSnapshot();
    const t = listedTitle;
    for (const [who, headers] of others()) {
      const status = who === "studio B" ? 404 : 403;
      const answers = [
        await api.patchTitle(headers, t.id, { originalTitle: "Hijacked", visibility: "PRIVATE", lockVersion: 1 }),
        await api.patchTitle(headers, t.id, { archived: true }),
        await api.createVersion(headers, t.id, versionBody(t.originalVersionId)),
        await api.patchVersion(headers, t.intlVersionId, { name: "Hijacked", territories: ["WORLDWIDE"] }),
        await api.patchVersion(headers, t.originalVersionId, { status: "WITHDRAWN" }),
        await api.createMarketTest(headers, t.intlVersionId, {
          territory: "TH",
          date: "2025-01-01",
          audienceSize: 5,
          score: 1,
          method: "SURVEY",
        }),
      ];
      for (const res of answers) expect(expectProblem(res, status).status, who).toBe(status);
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("disappears from others once A archives it or makes it PRIVATE", async () => {
    expectStatus(await api.patchTitle(cast.a.headers, listedTitle.id, { archived: true }), 200);
    expectProblem(await api.getTitle(cast.p.headers, listedTitle.id), 404);
    expectProblem(await api.getVersion(cast.p.headers, listedTitle.intlVersionId), 404);
    expect((await api.listTitles(cast.p.headers)).body.items).toEqual([]);
    expect((await api.listTitles(cast.p.headers, { archived: "true" })).body.items).toEqual([]);

    expectStatus(await api.patchTitle(cast.a.headers, listedTitle.id, { archived: false, visibility: "PRIVATE" }), 200);
    expectProblem(await api.getTitle(cast.p.headers, listedTitle.id), 404);
    expectProblem(await api.getTitle(cast.b.headers, listedTitle.id), 404);

    expectStatus(await api.patchTitle(cast.a.headers, listedTitle.id, { visibility: "LISTED" }), 200);
    expectStatus(await api.getTitle(cast.p.headers, listedTitle.id), 200);
  });
});

describe("studio A's API key", () => {
  it("acts as A: reads and lists A's PRIVATE titles, edits them, adds versions and market tests", async () => {
    const { key } = await createApiKeyViaApi(cast.a.headers, "A's integration");
    const headers = bearer(key);

    expectStatus(await api.getTitle(headers, privateTitle.id), 200);
    const list = await api.listTitles(headers);
    expect(list.body.items.map((t: { id: string }) => t.id).sort()).toEqual([privateTitle.id, listedTitle.id].sort());

    const patched = await api.patchTitle(headers, privateTitle.id, { lockVersion: 1, year: 2019 });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ year: 2019, lockVersion: 2 });

    const version = await api.createVersion(headers, privateTitle.id, versionBody(privateTitle.originalVersionId, { name: "Via API key" }));
    expectStatus(version, 201);
    const test = await api.createMarketTest(headers, version.body.id, {
      territory: "VN",
      date: "2025-02-02",
      audienceSize: 50,
      score: 60,
      method: "SURVEY",
    });
    expectStatus(test, 201);

    const created = await api.createTitle(headers, { kind: "GAME", originalTitle: "Key-made", originalLanguage: "zh", year: 2025 });
    expectStatus(created, 201);
    expect(created.body.studio.id).toBe(cast.a.orgId);

    // The audit log names the key, acting for A.
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: created.body.id, action: "title.create" } });
    expect(entry).toMatchObject({ organizationId: cast.a.orgId, actorUserId: null, partyOrgIds: [cast.a.orgId] });
    expect(entry.actorApiKeyId).toEqual(expect.any(String));
  });

  it("of another studio does not reach A's PRIVATE title", async () => {
    const { key } = await createApiKeyViaApi(cast.b.headers, "B's integration");
    expectProblem(await api.getTitle(bearer(key), privateTitle.id), 404);
    expectProblem(await api.patchTitle(bearer(key), privateTitle.id, { year: 2000 }), 404);
    expect((await api.listTitles(bearer(key))).body.items).toEqual([]);
  });
});
