/**
 * Issue 17 point 18: a partner (or facility) writing to a title it cannot see gets 404 — exactly
 * the answer for a title that does not exist — on every write path under a title, never a 403
 * that would confirm a private title exists. On a LISTED title, which it can see, the refusal
 * stays 403. Nothing is written either way.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as postPoster, PUT as putPoster } from "@/app/api/v1/titles/[id]/poster/route";
import { db } from "@/lib/db/client";
import { type ApiResponse, dealsApi, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { api, type Cast, catalogueSnapshot, createCast, createTitleViaApi, MISSING_ID, versionBody } from "./catalogue-fixtures";
import { editsApi, POLICY } from "./edits-fixtures";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);
const RIGHTS = { items: [{ territories: ["TH"], mediaRights: ["SVOD"], start: "2025-01-01", end: null, exclusive: true }] };
const MARKET_TEST = { territory: "TH", date: "2025-01-01", audienceSize: 5, score: 1, method: "SURVEY" };

let cast: Cast;
let hidden: { id: string; versionId: string };
let listed: { id: string; versionId: string };

async function title(visibility: "PRIVATE" | "LISTED", originalTitle: string) {
  const t = await createTitleViaApi(cast.a.headers, { visibility, originalTitle });
  return { id: t.id as string, versionId: t.versions[0].id as string };
}

async function poster(method: "PUT" | "POST", headers: Record<string, string>, titleId: string): Promise<ApiResponse> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PNG)], "poster.png", { type: "image/png" }));
  const req = new NextRequest(`http://localhost:3000/api/v1/titles/${titleId}/poster`, { method, headers, body: form });
  const res = await (method === "PUT" ? putPoster : postPoster)(req, { params: Promise.resolve({ id: titleId }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, contentType: res.headers.get("content-type") ?? "", text, body: JSON.parse(text) };
}

/** Every write under a title (and its versions) the API offers, by someone who may not make it. */
async function writes(headers: Record<string, string>, t: { id: string; versionId: string }) {
  return {
    "PATCH title": await api.patchTitle(headers, t.id, { originalTitle: "Hijacked" }),
    "POST versions": await api.createVersion(headers, t.id, versionBody(t.versionId)),
    "PATCH version": await api.patchVersion(headers, t.versionId, { name: "Hijacked" }),
    "POST market test": await api.createMarketTest(headers, t.versionId, MARKET_TEST),
    "PUT poster": await poster("PUT", headers, t.id),
    "POST poster": await poster("POST", headers, t.id),
    "PUT edit-policy": await editsApi.putPolicy(headers, t.id, POLICY),
    // The body is checked before the title (it needs no data): also a bad one must not tell.
    "PUT edit-policy, bad body": await editsApi.putPolicy(headers, t.id, { elements: "x" }),
    "PUT rights-held": await dealsApi.putRightsHeld(headers, t.id, RIGHTS),
  };
}

const strip = (res: ApiResponse) => ({ status: res.status, body: { ...res.body, requestId: undefined } });

beforeEach(async () => {
  await resetDb();
  cast = await createCast();
  hidden = await title("PRIVATE", "Secret Garden");
  listed = await title("LISTED", "Open Sky");
});

describe("writes to a title the writer cannot see", () => {
  it("answer partners and facilities 404, the same as for a title that does not exist; nothing changes", async () => {
    const before = await catalogueSnapshot();
    const policies = await db.editPolicy.count();
    const missing = { id: MISSING_ID, versionId: MISSING_ID };
    for (const [who, headers] of [
      ["partner P", cast.p.headers],
      ["facility F", cast.f.headers],
    ] as const) {
      const onHidden = await writes(headers, hidden);
      const onMissing = await writes(headers, missing);
      for (const [path, res] of Object.entries(onHidden)) {
        expect(res.status, `${who} ${path}`).toBe(404);
        expect(expectProblem(res, 404).type, `${who} ${path}`).toBe("/problems/not-found");
        expect(strip(res), `${who} ${path}`).toEqual(strip(onMissing[path as keyof typeof onMissing]));
        expect(res.text, `${who} ${path}`).not.toContain("Secret Garden");
      }
    }
    expect(await catalogueSnapshot()).toEqual(before);
    expect(await db.editPolicy.count()).toBe(policies);
    expect(await db.rightsHeld.count()).toBe(0);
  });

  it("still answers 403 on a LISTED title the partner can see", async () => {
    const before = await catalogueSnapshot();
    for (const [path, res] of Object.entries(await writes(cast.p.headers, listed))) {
      expect(res.status, path).toBe(403);
      expect(expectProblem(res, 403).type, path).toBe("/problems/forbidden");
    }
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it("answers a studio that owns the title as before (the check costs the owner nothing)", async () => {
    expect((await api.patchTitle(cast.a.headers, hidden.id, { year: 2001 })).status).toBe(200);
    expect((await editsApi.putPolicy(cast.a.headers, hidden.id, POLICY)).status).toBe(200);
  });
});
