/**
 * Issue 11, point 12: cookie-authenticated writes to /api/v1 must come from our own origin
 * (`Origin`, or `Sec-Fetch-Site: same-origin` as browsers send); a foreign, "null" or missing
 * origin gets 403 problem+json and writes nothing. Reads and bearer-key calls are unaffected.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as createTitle, GET as listTitles } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { bearer, callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

const TITLE = { kind: "FILM", originalTitle: "Cross-site", originalLanguage: "en", year: 2025, visibility: "PRIVATE" };
let studio: Registered;
let cookieOnly: Record<string, string>;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "CSRF Studio", kind: "STUDIO", homeCountry: "CN" } });
  const { origin: _origin, ...rest } = studio.headers;
  cookieOnly = rest;
});

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

const post = (headers: Record<string, string>) => callRoute(createTitle, "/api/v1/titles", { headers, json: TITLE });

describe("cookie-authenticated writes", () => {
  it('refuses a foreign Origin (the attack), a "null" Origin and a missing one with 403 problem+json, writing nothing', async () => {
    for (const headers of [
      { ...cookieOnly, origin: "https://evil.test" },
      { ...cookieOnly, origin: "http://localhost:3001" },
      { ...cookieOnly, origin: "null" },
      cookieOnly,
      { ...cookieOnly, "sec-fetch-site": "cross-site" },
      { ...cookieOnly, "sec-fetch-site": "same-site", origin: "https://sub.localhost" },
    ]) {
      const res = await post(headers);
      expect(expectProblem(res, 403).type).toBe("/problems/cross-origin-request");
    }
    expect(await db.title.count()).toBe(0);
  });

  it("accepts our Origin, NEXTAUTH_URL's origin behind a proxy, or Sec-Fetch-Site: same-origin", async () => {
    expect((await post({ ...cookieOnly, origin: "http://localhost:3000" })).status).toBe(201);
    expect((await post({ ...cookieOnly, "sec-fetch-site": "same-origin" })).status).toBe(201);
    process.env.NEXTAUTH_URL = "https://rights.example.test/";
    expect((await post({ ...cookieOnly, origin: "https://rights.example.test" })).status).toBe(201);
    expect(await db.title.count()).toBe(3);
  });

  it("leaves reads alone: a GET with a foreign Origin answers", async () => {
    const res = await callRoute(listTitles, "/api/v1/titles", { headers: { ...cookieOnly, origin: "https://evil.test" } });
    expect(res.status).toBe(200);
  });
});

describe("bearer keys", () => {
  it("are not affected: no ambient credentials, so any origin (or none) may write", async () => {
    const key = await db.apiKey.findFirst();
    expect(key).toBeNull();
    const { createApiKeyViaApi } = await import("../support/api");
    const created = await createApiKeyViaApi(studio.headers);
    expect((await post({ ...bearer(created.key), origin: "https://evil.test" })).status).toBe(201);
    expect((await post(bearer(created.key))).status).toBe(201);
  });
});
