import { beforeEach, describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { db } from "@/lib/db/client";
import { callRoute, errorPaths, expectProblem, TEST_PASSWORD } from "../support/api";
import { resetDb } from "../support/db";

const PATH = "/api/v1/auth/register";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signUp(overrides: Record<string, unknown> = {}) {
  return {
    email: "founder@example.test",
    password: TEST_PASSWORD,
    name: "Li Wei",
    organization: { name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN" },
    ...overrides,
  };
}

async function rowCounts() {
  const [users, organizations, memberships, audit] = await Promise.all([
    db.user.count(),
    db.organization.count(),
    db.membership.count(),
    db.auditEntry.count(),
  ]);
  return { users, organizations, memberships, audit };
}

const NOTHING = { users: 0, organizations: 0, memberships: 0, audit: 0 };

beforeEach(() => resetDb());

describe("POST /api/v1/auth/register", () => {
  it("creates the user, a STUDIO they own and the audit entry, and answers 201 with the documented shape", async () => {
    const res = await callRoute(register, PATH, { json: signUp() });

    expect(res.status).toBe(201);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      user: { id: expect.stringMatching(UUID), email: "founder@example.test" },
      organization: { id: expect.stringMatching(UUID), name: "Jade Dragon Pictures", kind: "STUDIO" },
    });

    const user = await db.user.findUniqueOrThrow({ where: { id: res.body.user.id }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "founder@example.test", name: "Li Wei" });
    expect(user.memberships).toEqual([expect.objectContaining({ organizationId: res.body.organization.id, role: "OWNER" })]);
    const org = await db.organization.findUniqueOrThrow({ where: { id: res.body.organization.id } });
    expect(org).toMatchObject({ kind: "STUDIO", homeCountry: "CN" });
    // argon2id at OWASP's minimum (m=19 MiB, t=2, p=1); never the password itself.
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);

    expect(await db.auditEntry.findMany()).toEqual([
      expect.objectContaining({
        action: "organization.register",
        entityType: "Organization",
        entityId: org.id,
        actorUserId: user.id,
        organizationId: org.id,
        partyOrgIds: [org.id],
      }),
    ]);
  });

  it("accepts PARTNER organisations and normalises the country code", async () => {
    const res = await callRoute(register, PATH, {
      json: signUp({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "th" } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.organization).toMatchObject({ kind: "PARTNER" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: res.body.organization.id } })).homeCountry).toBe("TH");
  });

  it("stores and answers the email lower-cased", async () => {
    const res = await callRoute(register, PATH, { json: signUp({ email: "Founder.Mixed@Example.TEST" }) });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe("founder.mixed@example.test");
    expect(await db.user.findUnique({ where: { email: "founder.mixed@example.test" } })).not.toBeNull();
  });

  it("refuses a duplicate email (in any letter case) with 409 on the email field and writes nothing", async () => {
    expect((await callRoute(register, PATH, { json: signUp() })).status).toBe(201);
    const before = await rowCounts();

    const res = await callRoute(register, PATH, {
      json: signUp({ email: "FOUNDER@example.test", organization: { name: "Second Studio", kind: "STUDIO", homeCountry: "KR" } }),
    });

    const problem = expectProblem(res, 409);
    expect(problem.errors).toEqual([{ path: "email", message: expect.any(String), code: expect.any(String), params: expect.any(Object) }]);
    expect(await rowCounts()).toEqual(before);
    expect(await db.organization.findFirst({ where: { name: "Second Studio" } })).toBeNull();
  });

  it("lets exactly one of two simultaneous sign-ups with the same email through", async () => {
    const results = await Promise.all([
      callRoute(register, PATH, { json: signUp({ organization: { name: "Studio One", kind: "STUDIO", homeCountry: "CN" } }) }),
      callRoute(register, PATH, { json: signUp({ organization: { name: "Studio Two", kind: "STUDIO", homeCountry: "CN" } }) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    // The loser's organisation was rolled back with its user: no orphan rows.
    expect(await rowCounts()).toEqual({ users: 1, organizations: 1, memberships: 1, audit: 1 });
  });

  it("answers 422 with every missing field's path for an empty object", async () => {
    const res = await callRoute(register, PATH, { json: {} });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(["email", "name", "organization", "password"]);
    for (const error of problem.errors ?? []) expect(error.message).not.toBe("");
  });

  it("answers 422 with nested paths for wrong types", async () => {
    const res = await callRoute(register, PATH, {
      json: { email: 42, password: true, name: ["x"], organization: { name: 7, kind: 1, homeCountry: 156 } },
    });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual([
      "email",
      "name",
      "organization.homeCountry",
      "organization.kind",
      "organization.name",
      "password",
    ]);
  });

  it.each([
    ["a password shorter than 12 characters", { password: "short-pass" }, "password"],
    ["a password longer than 128 characters", { password: "x".repeat(129) }, "password"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["a blank name", { name: "   " }, "name"],
    ["a name longer than the column", { name: "n".repeat(201) }, "name"],
    ["an unknown country", { organization: { name: "Nowhere Films", kind: "STUDIO", homeCountry: "ZZ" } }, "organization.homeCountry"],
    ["a three-letter country", { organization: { name: "Nowhere Films", kind: "STUDIO", homeCountry: "CHN" } }, "organization.homeCountry"],
    ["a FACILITY organisation", { organization: { name: "Bridge Capital", kind: "FACILITY", homeCountry: "CN" } }, "organization.kind"],
    ["a PLATFORM organisation", { organization: { name: "Operators", kind: "PLATFORM", homeCountry: "CN" } }, "organization.kind"],
    ["a missing organisation country", { organization: { name: "Nowhere Films", kind: "STUDIO" } }, "organization.homeCountry"],
    ["organization: null", { organization: null }, "organization"],
  ])("refuses %s with 422 on that field and writes nothing", async (_label, overrides, path) => {
    const res = await callRoute(register, PATH, { json: signUp(overrides) });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual([path]);
    expect(await rowCounts()).toEqual(NOTHING);
  });

  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"hello"'],
  ])("answers 422 (not 500) when the JSON body is %s", async (_label, rawBody) => {
    const res = await callRoute(register, PATH, { rawBody, headers: { "content-type": "application/json" } });
    const problem = expectProblem(res, 422);
    expect(problem.errors).toEqual([{ path: "", message: expect.any(String), code: expect.any(String), params: expect.any(Object) }]);
  });

  it.each([
    ["malformed JSON", '{"email": "a@b.test",'],
    ["an empty body", ""],
  ])("answers 400 for %s", async (_label, rawBody) => {
    const res = await callRoute(register, PATH, { rawBody, headers: { "content-type": "application/json" } });
    expectProblem(res, 400);
    expect(await rowCounts()).toEqual(NOTHING);
  });

  it("answers 415 for a body that is not declared as JSON, even if it parses", async () => {
    const plain = await callRoute(register, PATH, { rawBody: JSON.stringify(signUp()), headers: { "content-type": "text/plain" } });
    expectProblem(plain, 415);
    const form = await callRoute(register, PATH, {
      rawBody: "email=a%40b.test",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(form, 415);
    const none = await callRoute(register, PATH, { rawBody: JSON.stringify(signUp()) });
    expectProblem(none, 415);
    expect(await rowCounts()).toEqual(NOTHING);
  });

  it("accepts JSON with a charset parameter", async () => {
    const res = await callRoute(register, PATH, { json: signUp(), headers: { "content-type": "application/json; charset=utf-8" } });
    expect(res.status).toBe(201);
  });

  it("answers 422 (not 500) for text Postgres cannot store (NUL characters)", async () => {
    const res = await callRoute(register, PATH, {
      json: signUp({ name: "Li\u0000Wei", organization: { name: "Jade\u0000Dragon", kind: "STUDIO", homeCountry: "CN" } }),
    });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(["name", "organization.name"]);
    expect(await rowCounts()).toEqual(NOTHING);
  });

  it("tags every problem with the request id it was given", async () => {
    const res = await callRoute(register, PATH, { json: {}, headers: { "x-request-id": "req-register-1" } });
    expect(expectProblem(res, 422).requestId).toBe("req-register-1");
    expect(res.headers.get("x-request-id")).toBe("req-register-1");
  });
});
