import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as logoutEverywhere } from "@/app/api/v1/auth/logout-everywhere/route";
import { GET as me } from "@/app/api/v1/me/route";
import { authOptions, authSecret } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  expectProblem,
  type Registered,
  registerViaApi,
  SESSION_COOKIE,
  sessionCookie,
  sessionHeaders,
} from "../support/api";
import { resetDb } from "../support/db";

const ME = "/api/v1/me";
const getMe = (headers: Record<string, string> = {}) => callRoute(me, ME, { headers });

let owner: Registered;

beforeEach(async () => {
  await resetDb();
  owner = await registerViaApi({
    email: "owner@jade.test",
    name: "Li Wei",
    organization: { name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN" },
  });
});

describe("GET /api/v1/me", () => {
  it("answers 401 problem+json without credentials", async () => {
    const res = await getMe();
    expect(expectProblem(res, 401).type).toBe("/problems/unauthenticated");
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("describes the signed-in user, the active organisation with their role, and all their organisations", async () => {
    const res = await getMe(owner.headers);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      user: { id: owner.userId, email: "owner@jade.test", name: "Li Wei", emailVerified: true },
      activeOrganization: { id: owner.orgId, name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN", role: "OWNER" },
      organizations: [expect.objectContaining({ id: owner.orgId, name: "Jade Dragon Pictures", kind: "STUDIO", role: "OWNER" })],
    });
  });

  it("acts in the organisation the session names, and lists every organisation with its own role", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");

    const inJade = await getMe(admin.memberHeaders);
    expect(inJade.body.activeOrganization).toMatchObject({ id: owner.orgId, role: "ADMIN" });
    expect(inJade.body.organizations).toHaveLength(2);
    expect(inJade.body.organizations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: admin.orgId, role: "OWNER", kind: "PARTNER" }),
        expect.objectContaining({ id: owner.orgId, role: "ADMIN", kind: "STUDIO" }),
      ]),
    );

    const inOwn = await getMe(admin.headers);
    expect(inOwn.body.activeOrganization).toMatchObject({ id: admin.orgId, role: "OWNER" });
  });

  it("with an API key answers user null and the key's organisation, with API-key (MEMBER) rights", async () => {
    const { key } = await createApiKeyViaApi(owner.headers);
    const res = await getMe(bearer(key));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: null,
      activeOrganization: { id: owner.orgId, name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN", role: "MEMBER" },
      organizations: [expect.objectContaining({ id: owner.orgId, role: "MEMBER" })],
    });
  });

  it.each([
    ["an unknown API key", { authorization: "Bearer rb_this-key-was-never-issued" }],
    ["an empty bearer", { authorization: "Bearer " }],
    ["another auth scheme", { authorization: "Basic b3duZXI6cGFzc3dvcmQ=" }],
  ])("answers 401 invalid credentials for %s", async (_label, headers) => {
    const res = await getMe(headers);
    expect(expectProblem(res, 401).type).toBe("/problems/invalid-credentials");
  });

  it("does not fall back to the session cookie when a bad API key is presented", async () => {
    const res = await getMe({ ...owner.headers, authorization: "Bearer rb_wrong" });
    expectProblem(res, 401);
  });
});

describe("session cookies are checked against the database on every request", () => {
  it("refuses a garbage cookie, a cookie sealed with another secret and an expired cookie", async () => {
    expectProblem(await getMe({ cookie: `${SESSION_COOKIE}=not-a-jwt` }), 401);
    const foreign = await sessionCookie({ sub: owner.userId, sv: 0, org: owner.orgId }, "some-other-secret-entirely");
    expectProblem(await getMe(foreign), 401);
    const expired = await encode({ token: { sub: owner.userId, sv: 0, org: owner.orgId }, secret: authSecret(), maxAge: -3600 });
    expectProblem(await getMe({ cookie: `${SESSION_COOKIE}=${expired}` }), 401);
  });

  it("refuses a token without a session version or for a user that no longer exists", async () => {
    expectProblem(await getMe(await sessionCookie({ sub: owner.userId, org: owner.orgId })), 401);
    expectProblem(await getMe(await sessionCookie({ sub: owner.userId, sv: "0", org: owner.orgId })), 401);
    expectProblem(await getMe(await sessionCookie({ sub: "01900000-0000-7000-8000-000000000000", sv: 0, org: owner.orgId })), 401);
  });

  it("ignores an active organisation the user does not belong to and acts in their own", async () => {
    const other = await registerViaApi({ organization: { name: "Other Studio", kind: "STUDIO", homeCountry: "KR" } });
    const forged = await sessionHeaders(owner.userId, other.orgId);
    const res = await getMe(forged);
    expect(res.status).toBe(200);
    expect(res.body.activeOrganization).toMatchObject({ id: owner.orgId, role: "OWNER" });
    expect(res.body.organizations.map((o: { id: string }) => o.id)).toEqual([owner.orgId]);
  });
});

describe("POST /api/v1/auth/logout-everywhere", () => {
  it("answers 204, after which the same cookie (and any other old session) is refused", async () => {
    const sameCookie = owner.headers;
    const otherDevice = await sessionHeaders(owner.userId, owner.orgId);

    const res = await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST", headers: sameCookie });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(1);

    expectProblem(await getMe(sameCookie), 401);
    expectProblem(await getMe(otherDevice), 401);
    expectProblem(await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST", headers: sameCookie }), 401);
  });

  it("lets a new login (a token with the new session version) in", async () => {
    await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST", headers: owner.headers });
    const fresh = await sessionHeaders(owner.userId, owner.orgId, { sv: 1 });
    const res = await getMe(fresh);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(owner.userId);
  });

  it("does not revoke the organisation's API keys, and an API key cannot log anyone out", async () => {
    const { key } = await createApiKeyViaApi(owner.headers);
    const byKey = await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST", headers: bearer(key) });
    expectProblem(byKey, 403);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(0);

    await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST", headers: owner.headers });
    expect((await getMe(bearer(key))).status).toBe(200);
  });

  it("answers 401 without a session", async () => {
    expectProblem(await callRoute(logoutEverywhere, "/api/v1/auth/logout-everywhere", { method: "POST" }), 401);
  });
});

describe("next-auth jwt callback (login and organisation switch)", () => {
  type JwtCallback = NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>;
  const jwt = (params: Record<string, unknown>) => {
    const callback = authOptions.callbacks?.jwt;
    if (!callback) throw new Error("authOptions has no jwt callback");
    return callback(params as Parameters<JwtCallback>[0]);
  };

  it("puts the session version and the user's first organisation in the token at login", async () => {
    await db.user.update({ where: { id: owner.userId }, data: { sessionVersion: 3 } });
    const token = await jwt({ token: { sub: owner.userId }, user: { id: owner.userId }, trigger: "signIn" });
    expect(token).toMatchObject({ sub: owner.userId, sv: 3, org: owner.orgId });
  });

  it("switches to an organisation the user belongs to, and ignores one they do not", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const stranger = await registerViaApi({ organization: { name: "Stranger Films", kind: "STUDIO", homeCountry: "KR" } });
    const start = { sub: admin.userId, sv: 0, org: admin.orgId };

    const switched = await jwt({ token: { ...start }, trigger: "update", session: { activeOrganizationId: owner.orgId } });
    expect(switched.org).toBe(owner.orgId);
    const res = await getMe(await sessionCookie(switched));
    expect(res.body.activeOrganization).toMatchObject({ id: owner.orgId, role: "ADMIN" });

    const refused = await jwt({ token: { ...start }, trigger: "update", session: { activeOrganizationId: stranger.orgId } });
    expect(refused.org).toBe(admin.orgId);
    const garbage = await jwt({ token: { ...start }, trigger: "update", session: { activeOrganizationId: "not-a-uuid" } });
    expect(garbage.org).toBe(admin.orgId);
  });
});
