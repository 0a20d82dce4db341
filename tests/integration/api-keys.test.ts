import { createHash } from "node:crypto";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/api-keys/route";
import { GET as me } from "@/app/api/v1/me/route";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  errorPaths,
  expectProblem,
  type Registered,
  registerViaApi,
} from "../support/api";
import { testDatabaseUrl } from "../support/context";
import { resetDb } from "../support/db";

const KEYS = "/api/v1/api-keys";
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const revoke = (headers: Record<string, string>, id: string) =>
  callRoute(revokeKey, `${KEYS}/${id}`, { method: "DELETE", headers, params: { id } });

let owner: Registered;

beforeEach(async () => {
  await resetDb();
  owner = await registerViaApi({ name: "Key Owner" });
});

describe("POST /api/v1/api-keys", () => {
  it("answers 201 with the key once, bound to the active organisation, and stores only its SHA-256", async () => {
    const res = await callRoute(createKey, KEYS, { headers: owner.headers, json: { name: "  Avails sync  " } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: "Avails sync",
      key: expect.stringMatching(/^rb_[A-Za-z0-9_-]{32}$/),
      prefix: expect.any(String),
      scope: "read",
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    const { id, key, prefix } = res.body;
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(key.length / 2);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: owner.orgId, createdById: owner.userId, keyHash: sha256(key), revokedAt: null });

    // Nothing in the row (in any column) is the secret itself.
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const raw = await client.query("SELECT row_to_json(k)::text AS json FROM api_key k WHERE id = $1", [id]);
      expect(raw.rows[0].json).not.toContain(key);
      expect(raw.rows[0].json).not.toContain(key.slice(prefix.length));
    } finally {
      await client.end();
    }
  });

  it("issues a different key every time", async () => {
    const a = await createApiKeyViaApi(owner.headers, "one");
    const b = await createApiKeyViaApi(owner.headers, "two");
    expect(a.key).not.toBe(b.key);
  });

  it.each([
    ["an empty name", { name: "" }, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["a name over 100 characters", { name: "k".repeat(101) }, "name"],
    ["no name", {}, "name"],
    ["a non-string name", { name: 12 }, "name"],
  ])("refuses %s with 422 and creates nothing", async (_label, json, path) => {
    const res = await callRoute(createKey, KEYS, { headers: owner.headers, json });
    expect(errorPaths(expectProblem(res, 422))).toEqual([path]);
    expect(await db.apiKey.count()).toBe(0);
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    expectProblem(
      await callRoute(createKey, KEYS, { headers: { ...owner.headers, "content-type": "application/json" }, rawBody: "{name:" }),
      400,
    );
    expectProblem(await callRoute(createKey, KEYS, { headers: { ...owner.headers, "content-type": "text/plain" }, rawBody: "key" }), 415);
    expect(await db.apiKey.count()).toBe(0);
  });

  it("answers 401 without credentials", async () => {
    expectProblem(await callRoute(createKey, KEYS, { json: { name: "anonymous" } }), 401);
    expect(await db.apiKey.count()).toBe(0);
  });

  it("lets an ADMIN create keys but not a MEMBER or a VIEWER (403, nothing created)", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const member = await addMemberViaInvitation(owner, "MEMBER");
    const viewer = await addMemberViaInvitation(owner, "VIEWER");

    expect((await callRoute(createKey, KEYS, { headers: admin.memberHeaders, json: { name: "by admin" } })).status).toBe(201);
    for (const person of [member, viewer]) {
      const res = await callRoute(createKey, KEYS, { headers: person.memberHeaders, json: { name: "not allowed" } });
      expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
      expectProblem(await callRoute(listKeys, KEYS, { headers: person.memberHeaders }), 403);
    }
    expect(await db.apiKey.findMany({ where: { organizationId: owner.orgId }, select: { name: true } })).toEqual([{ name: "by admin" }]);
  });

  it("does not let an API key create, list or revoke keys (403)", async () => {
    const { id, key } = await createApiKeyViaApi(owner.headers);
    expectProblem(await callRoute(createKey, KEYS, { headers: bearer(key), json: { name: "self-replicating" } }), 403);
    expectProblem(await callRoute(listKeys, KEYS, { headers: bearer(key) }), 403);
    expectProblem(await revoke(bearer(key), id), 403);
    expect(await db.apiKey.count()).toBe(1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});

describe("GET /api/v1/api-keys", () => {
  it("lists the organisation's active keys, newest first, without any secret", async () => {
    const created = [];
    for (const name of ["first", "second", "third"]) created.push(await createApiKeyViaApi(owner.headers, name));

    const res = await callRoute(listKeys, KEYS, { headers: owner.headers });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((k: { name: string }) => k.name)).toEqual(["third", "second", "first"]);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(["createdAt", "createdBy", "id", "lastUsedAt", "name", "prefix", "scope"]);
    }
    for (const { key } of created) {
      expect(res.text).not.toContain(key);
      expect(res.text).not.toContain(sha256(key));
    }
  });

  it("pages with limit and an opaque cursor through every key exactly once", async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) ids.push((await createApiKeyViaApi(owner.headers, `key ${i}`)).id);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await callRoute(listKeys, KEYS, { headers: owner.headers, query: { limit: 1, cursor } });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(res.body.items[0].id);
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
      expect(cursor).not.toContain(res.body.items[0].id); // opaque, not the raw id
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("leaves revoked keys out", async () => {
    const kept = await createApiKeyViaApi(owner.headers, "kept");
    const gone = await createApiKeyViaApi(owner.headers, "gone");
    expect((await revoke(owner.headers, gone.id)).status).toBe(204);
    const res = await callRoute(listKeys, KEYS, { headers: owner.headers });
    expect(res.body.items.map((k: { id: string }) => k.id)).toEqual([kept.id]);
  });

  it.each([
    ["limit=0", { limit: 0 }],
    ["limit=201", { limit: 201 }],
    ["limit=abc", { limit: "abc" }],
    ["limit=1.5", { limit: "1.5" }],
  ])("refuses %s with 422 on limit", async (_label, query) => {
    const res = await callRoute(listKeys, KEYS, { headers: owner.headers, query });
    expect(errorPaths(expectProblem(res, 422))).toEqual(["limit"]);
  });
});

describe("using and revoking a key", () => {
  it("authenticates as Bearer and records when it was last used", async () => {
    const { id, key } = await createApiKeyViaApi(owner.headers);
    const res = await callRoute(me, "/api/v1/me", { headers: bearer(key) });
    expect(res.status).toBe(200);
    expect(res.body.activeOrganization.id).toBe(owner.orgId);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
    // The scheme name is case-insensitive (RFC 9110).
    expect((await callRoute(me, "/api/v1/me", { headers: { authorization: `bearer ${key}` } })).status).toBe(200);
  });

  it("revokes with 204; the key then gets 401, and a second revoke gets 404", async () => {
    const { id, key } = await createApiKeyViaApi(owner.headers);
    const other = await createApiKeyViaApi(owner.headers, "other");

    const res = await revoke(owner.headers, id);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);

    const refused = await callRoute(me, "/api/v1/me", { headers: bearer(key) });
    expect(expectProblem(refused, 401).type).toBe("/problems/invalid-credentials");
    expect(refused.headers.get("www-authenticate")).toContain("invalid_token");

    expectProblem(await revoke(owner.headers, id), 404);
    // Only that key: the organisation's other key still works.
    expect((await callRoute(me, "/api/v1/me", { headers: bearer(other.key) })).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed key id", async () => {
    expectProblem(await revoke(owner.headers, "01900000-0000-7000-8000-000000000000"), 404);
    expectProblem(await revoke(owner.headers, "not-a-uuid"), 404);
  });

  it("lets an ADMIN revoke a key the owner made, but not a MEMBER", async () => {
    const { id } = await createApiKeyViaApi(owner.headers);
    const member = await addMemberViaInvitation(owner, "MEMBER");
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    expectProblem(await revoke(member.memberHeaders, id), 403);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect((await revoke(admin.memberHeaders, id)).status).toBe(204);
  });
});
