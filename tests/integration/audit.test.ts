import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as createKey } from "@/app/api/v1/api-keys/route";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { POST as logoutEverywhere } from "@/app/api/v1/auth/logout-everywhere/route";
import { DELETE as revokeInvitation } from "@/app/api/v1/invitations/[id]/route";
import { POST as invite } from "@/app/api/v1/invitations/route";
import { PATCH as changeRole, DELETE as removeMember } from "@/app/api/v1/members/[id]/route";
import { verifyAuditChain } from "@/lib/audit/queries";
import { GENESIS_HASH } from "@/lib/audit/rules";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  errorPaths,
  expectProblem,
  membershipIdOf,
  type Registered,
  registerViaApi,
} from "../support/api";
import { testDatabaseUrl } from "../support/context";
import { resetDb } from "../support/db";
import { refusal } from "../support/refusal";

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Edits the log behind the application's back, as someone with the table owner's rights could. */
async function tamper(statement: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    // In one transaction, so the append-only triggers are back on whatever happens.
    await client.query("BEGIN");
    await client.query("ALTER TABLE audit_entry DISABLE TRIGGER USER");
    await client.query(statement, values);
    await client.query("ALTER TABLE audit_entry ENABLE TRIGGER USER");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

const entries = () => db.auditEntry.findMany({ orderBy: { id: "asc" } });
const createKeyAs = (headers: Record<string, string>, name: string) =>
  callRoute(createKey, "/api/v1/api-keys", { headers, json: { name } });

let owner: Registered;

beforeEach(async () => {
  await resetDb();
  owner = await registerViaApi({
    email: "owner@jade.test",
    organization: { name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN" },
  });
});

describe("every command writes its audit entry", () => {
  it("records who did what to which record, with before/after, for the whole foundation", async () => {
    const key = await createApiKeyViaApi(owner.headers, "sync");
    await callRoute(revokeKey, "/x", { method: "DELETE", headers: owner.headers, params: { id: key.id } });
    const member = await addMemberViaInvitation(owner, "ADMIN"); // invitation.create, organization.register, membership.create
    await callRoute(changeRole, "/x", {
      method: "PATCH",
      headers: owner.headers,
      params: { id: member.membershipId },
      json: { role: "VIEWER" },
    });
    const pending = await callRoute(invite, "/api/v1/invitations", {
      headers: owner.headers,
      json: { email: "later@example.test", role: "MEMBER" },
    });
    await callRoute(revokeInvitation, "/x", { method: "DELETE", headers: owner.headers, params: { id: pending.body.id } });
    await callRoute(removeMember, "/x", { method: "DELETE", headers: owner.headers, params: { id: member.membershipId } });
    await callRoute(logoutEverywhere, "/x", { method: "POST", headers: owner.headers });

    const log = await entries();
    const o = owner.orgId;
    expect(log.map((e) => [e.action, e.entityType, e.entityId, e.actorUserId, e.organizationId, e.partyOrgIds])).toEqual([
      ["organization.register", "Organization", o, owner.userId, o, [o]],
      ["api_key.create", "ApiKey", key.id, owner.userId, o, [o]],
      ["api_key.revoke", "ApiKey", key.id, owner.userId, o, [o]],
      ["invitation.create", "Invitation", expect.any(String), owner.userId, o, [o]],
      ["organization.register", "Organization", member.orgId, member.userId, member.orgId, [member.orgId]],
      ["membership.create", "Membership", member.membershipId, member.userId, o, [o]],
      ["membership.role_change", "Membership", member.membershipId, owner.userId, o, [o]],
      ["invitation.create", "Invitation", pending.body.id, owner.userId, o, [o]],
      ["invitation.revoke", "Invitation", pending.body.id, owner.userId, o, [o]],
      ["membership.remove", "Membership", member.membershipId, owner.userId, o, [o]],
      ["user.logout_everywhere", "User", owner.userId, owner.userId, o, [o]],
    ]);
    const byAction = (action: string) => log.find((e) => e.action === action);
    expect(byAction("api_key.create")?.after).toEqual({ name: "sync", prefix: expect.any(String), scope: "WRITE" });
    expect(JSON.stringify(log, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(key.key);
    expect(byAction("membership.role_change")).toMatchObject({
      before: { user: member.email, role: "ADMIN" },
      after: { user: member.email, role: "VIEWER" },
    });
    expect(byAction("membership.remove")?.before).toEqual({ user: member.email, role: "VIEWER" });
    // Every entry carries the request it came from.
    for (const entry of log) expect(entry.requestId).toEqual(expect.any(String));
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("leaves no trace of a command an API key is not allowed to run", async () => {
    const key = await createApiKeyViaApi(owner.headers);
    const before = await db.auditEntry.count();
    expectProblem(await createKeyAs(bearer(key.key), "nope"), 403);
    expect(await db.auditEntry.count()).toBe(before);
  });

  it("writes nothing for refused or failed commands", async () => {
    const before = await entries();
    const ownerMembership = await membershipIdOf(owner.userId, owner.orgId);
    expectProblem(
      await callRoute(changeRole, "/x", {
        method: "PATCH",
        headers: owner.headers,
        params: { id: ownerMembership },
        json: { role: "ADMIN" },
      }),
      409,
    );
    expectProblem(
      await callRoute(revokeKey, "/x", {
        method: "DELETE",
        headers: owner.headers,
        params: { id: "01900000-0000-7000-8000-000000000000" },
      }),
      404,
    );
    expectProblem(await createKeyAs(owner.headers, ""), 422);
    expectProblem(await callRoute(createKey, "/x", { json: { name: "anonymous" } }), 401);
    expect(await entries()).toEqual(before);
  });

  it("writes the entry in the command's transaction: if the entry cannot be written, the change is rolled back", async () => {
    await sql(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN RAISE EXCEPTION 'audit store unavailable'; END; $$`);
    await sql("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()");
    let res: Awaited<ReturnType<typeof createKeyAs>>;
    try {
      res = await createKeyAs(owner.headers, "must not exist");
    } finally {
      await sql("DROP TRIGGER test_refuse_audit ON audit_entry");
      await sql("DROP FUNCTION test_refuse_audit()");
    }
    expect(expectProblem(res, 500).type).toBe("/problems/internal-error");
    expect(res.text).not.toContain("audit store unavailable");
    expect(await db.apiKey.count()).toBe(0);
  });
});

describe("the hash chain", () => {
  it("links every entry to the previous one, starting from the genesis hash", async () => {
    await createApiKeyViaApi(owner.headers, "one");
    await createApiKeyViaApi(owner.headers, "two");
    const log = await entries();
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < log.length; i++) expect(log[i]?.prevHash).toBe(log[i - 1]?.hash);
    expect(await verifyAuditChain()).toEqual({ count: 3, ok: true, problems: [] });
  });

  it("stays intact under 20 concurrent commands across two organisations", async () => {
    const other = await registerViaApi({ email: "owner@other.test", organization: { name: "Other", kind: "PARTNER", homeCountry: "BR" } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createKeyAs(i % 2 === 0 ? owner.headers : other.headers, `concurrent ${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));

    const result = await verifyAuditChain();
    expect(result).toEqual({ count: 22, ok: true, problems: [] });
    // One entry per key, each naming the right organisation.
    const keys = await db.apiKey.findMany();
    const log = await db.auditEntry.findMany({ where: { action: "api_key.create" } });
    expect(log.map((e) => e.entityId).sort()).toEqual(keys.map((k) => k.id).sort());
    for (const k of keys) expect(log.find((e) => e.entityId === k.id)?.partyOrgIds).toEqual([k.organizationId]);
    // Verifying in small batches gives the same answer as in one go.
    expect(await verifyAuditChain(3)).toEqual(result);
  });

  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    await expect(sql("UPDATE audit_entry SET action = 'nothing.happened' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(sql("DELETE FROM audit_entry WHERE id = 1")).rejects.toThrow(/append-only/);
    // Through Prisma too: 42501 insufficient_privilege, raised by the append-only trigger.
    const refused = await refusal(db.auditEntry.deleteMany({}));
    expect(refused.sqlState).toBe("42501");
    expect(refused.message).toContain("audit_entry is append-only: DELETE refused");
    expect((await entries()).map((e) => e.action)).toEqual(["organization.register"]);
  });

  it("reports the entry whose content was edited", async () => {
    for (const name of ["one", "two", "three"]) await createApiKeyViaApi(owner.headers, name);
    await tamper(`UPDATE audit_entry SET after = '{"name": "forged", "prefix": "rb_xxxxxxx"}' WHERE id = 3`);

    expect(await verifyAuditChain()).toEqual({ count: 4, ok: false, problems: [{ id: 3n, problem: "HASH_MISMATCH" }] });
  });

  it("reports a re-hashed edit at the next entry, and a removed entry where the chain breaks", async () => {
    for (const name of ["one", "two", "three"]) await createApiKeyViaApi(owner.headers, name);
    // A forger who also recomputes the edited row's hash still breaks the link to the next row.
    await tamper("UPDATE audit_entry SET hash = repeat('f', 64) WHERE id = 2");
    expect((await verifyAuditChain()).problems).toEqual([
      { id: 2n, problem: "HASH_MISMATCH" },
      { id: 3n, problem: "PREV_HASH_MISMATCH" },
    ]);

    await resetDb();
    owner = await registerViaApi();
    for (const name of ["one", "two", "three"]) await createApiKeyViaApi(owner.headers, name);
    await tamper("DELETE FROM audit_entry WHERE id = 2");
    expect(await verifyAuditChain()).toEqual({ count: 3, ok: false, problems: [{ id: 3n, problem: "PREV_HASH_MISMATCH" }] });
  });

  it("npm run audit:verify exits 0 on an intact log and 1, naming the entry, on a tampered one", async () => {
    await createApiKeyViaApi(owner.headers, "one");
    const run = () =>
      promisify(execFile)(
        path.join(process.cwd(), "node_modules", ".bin", "tsx"),
        ["--conditions=react-server", "scripts/audit-verify.ts"],
        { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: testDatabaseUrl(), NODE_ENV: "test" } },
      ).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );

    const intact = await run();
    expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining("2 entries verified") });

    await tamper(`UPDATE audit_entry SET entity_id = 'someone-else' WHERE id = 2`);
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("entry 2: HASH_MISMATCH");
  }, 60_000);
});

describe("GET /api/v1/audit", () => {
  it("shows owners and admins their organisation's entries, newest first, with the actor", async () => {
    const key = await createApiKeyViaApi(owner.headers, "sync");
    const res = await callRoute(listAudit, "/api/v1/audit", { headers: owner.headers });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: "api_key.create",
        entityType: "ApiKey",
        entityId: key.id,
        actor: { id: owner.userId, name: "Test Person", email: "owner@jade.test" },
        viaApiKey: null,
        after: { name: "sync", prefix: expect.any(String), scope: "WRITE" },
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      }),
      expect.objectContaining({ action: "organization.register", entityId: owner.orgId }),
    ]);

    const admin = await addMemberViaInvitation(owner, "ADMIN");
    expect((await callRoute(listAudit, "/api/v1/audit", { headers: admin.memberHeaders })).status).toBe(200);
  });

  it("is closed to MEMBERs, VIEWERs and API keys (403)", async () => {
    const member = await addMemberViaInvitation(owner, "MEMBER");
    const viewer = await addMemberViaInvitation(owner, "VIEWER");
    const key = await createApiKeyViaApi(owner.headers);
    for (const headers of [member.memberHeaders, viewer.memberHeaders, bearer(key.key)]) {
      expectProblem(await callRoute(listAudit, "/api/v1/audit", { headers }), 403);
    }
    expectProblem(await callRoute(listAudit, "/api/v1/audit"), 401);
  });

  it("pages with limit and cursor through every entry exactly once, and filters by record", async () => {
    const keys = [];
    for (const name of ["a", "b", "c", "d"]) keys.push(await createApiKeyViaApi(owner.headers, name));
    const all = (await entries()).map((e) => e.id.toString()).reverse();

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await callRoute(listAudit, "/api/v1/audit", { headers: owner.headers, query: { limit: 2, cursor } });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);

    const one = await callRoute(listAudit, "/api/v1/audit", {
      headers: owner.headers,
      query: { entityType: "ApiKey", entityId: keys[1]?.id },
    });
    expect(one.body.items.map((i: { entityId: string }) => i.entityId)).toEqual([keys[1]?.id]);
  });

  it.each([
    ["a non-numeric cursor", { cursor: "abc" }, "cursor"],
    ["a cursor beyond bigint", { cursor: "9999999999999999999" }, "cursor"],
    ["a cursor of 20 digits", { cursor: "12345678901234567890" }, "cursor"],
    ["limit=0", { limit: 0 }, "limit"],
    ["a NUL in a filter", { entityId: "x\u0000y" }, "entityId"],
  ])("answers 422 (never 500) for %s", async (_label, query, pathName) => {
    const res = await callRoute(listAudit, "/api/v1/audit", { headers: owner.headers, query });
    expect(errorPaths(expectProblem(res, 422))).toEqual([pathName]);
  });
});
