import { beforeEach, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/organization/route";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  expectProblem,
  type Registered,
  registerViaApi,
} from "../support/api";
import { resetDb } from "../support/db";

type H = Record<string, string>;
const api = {
  get: (headers: H) => callRoute(getRoute, "/api/v1/organization", { headers }),
  patch: (headers: H, json: unknown) => callRoute(patchRoute, "/api/v1/organization", { method: "PATCH", headers, json }),
};

let owner: Registered;
let other: Registered;

beforeEach(async () => {
  await resetDb();
  owner = await registerViaApi({ organization: { name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN" } });
  other = await registerViaApi({ organization: { name: "Andes Screen", kind: "PARTNER", homeCountry: "BR" } });
});

describe("GET/PATCH /api/v1/organization", () => {
  it("shows the home country's zone until an owner sets one, then uses it; null goes back to the default", async () => {
    const before = await api.get(owner.headers);
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ id: owner.orgId, homeCountry: "CN", timeZone: null, effectiveTimeZone: "Asia/Shanghai" });

    const set = await api.patch(owner.headers, { timeZone: "Asia/Bangkok" });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ timeZone: "Asia/Bangkok", effectiveTimeZone: "Asia/Bangkok" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: owner.orgId } })).timeZone).toBe("Asia/Bangkok");

    const audit = await db.auditEntry.findFirst({ where: { action: "organization.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      entityType: "Organization",
      entityId: owner.orgId,
      organizationId: owner.orgId,
      actorUserId: owner.userId,
      before: { timeZone: null },
      after: { timeZone: "Asia/Bangkok" },
    });

    // The same value again changes nothing and writes no audit entry.
    expect((await api.patch(owner.headers, { timeZone: "Asia/Bangkok" })).status).toBe(200);
    expect(await db.auditEntry.count({ where: { action: "organization.update" } })).toBe(1);

    const cleared = await api.patch(owner.headers, { timeZone: null });
    expect(cleared.body).toMatchObject({ timeZone: null, effectiveTimeZone: "Asia/Shanghai" });
    expect((await api.patch(owner.headers, { timeZone: "Europe/Kyiv" })).body.timeZone).toBe("Europe/Kyiv");
    expect((await api.patch(owner.headers, { timeZone: "" })).body.timeZone).toBeNull();
  });

  it("refuses a zone that is not IANA with 422 naming the field, never 500", async () => {
    for (const timeZone of ["Mars/Olympus_Mons", "GMT+8", "asia/shanghai", "x".repeat(65), 8]) {
      const problem = expectProblem(await api.patch(owner.headers, { timeZone }), 422);
      expect(JSON.stringify(problem)).toContain("timeZone");
    }
    expectProblem(await api.patch(owner.headers, { timeZone: "UTC", name: "Renamed" }), 422);
    expect((await db.organization.findUniqueOrThrow({ where: { id: owner.orgId } })).timeZone).toBeNull();
  });

  it("only owners change it: an admin, a member and an API key are refused; everyone reads it", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const member = await addMemberViaInvitation(owner, "MEMBER");
    for (const headers of [admin.memberHeaders, member.memberHeaders]) {
      expectProblem(await api.patch(headers, { timeZone: "Asia/Tokyo" }), 403);
      expect((await api.get(headers)).body.id).toBe(owner.orgId);
    }
    const key = await createApiKeyViaApi(owner.headers, "ops", "write");
    expect((await api.patch(bearer(key.key), { timeZone: "Asia/Tokyo" })).status).toBe(403);
    expect((await db.organization.findUniqueOrThrow({ where: { id: owner.orgId } })).timeZone).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "organization.update" } })).toBe(0);
  });

  it("changes only the acting organisation: another organisation is unaffected and cannot change it", async () => {
    expect((await api.patch(owner.headers, { timeZone: "Asia/Tokyo" })).status).toBe(200);
    const theirs = await api.get(other.headers);
    expect(theirs.body).toMatchObject({ id: other.orgId, timeZone: null, effectiveTimeZone: "America/Sao_Paulo" });
    // Their owner's PATCH changes their own organisation, never this one.
    expect((await api.patch(other.headers, { timeZone: "America/Manaus" })).body.id).toBe(other.orgId);
    expect((await db.organization.findUniqueOrThrow({ where: { id: owner.orgId } })).timeZone).toBe("Asia/Tokyo");
    expect((await db.organization.findUniqueOrThrow({ where: { id: other.orgId } })).timeZone).toBe("America/Manaus");
  });
});
