import { beforeEach, describe, expect, it } from "vitest";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/accept/route";
import { POST as createOrganization, GET as listOrganizations } from "@/app/api/v1/organizations/route";
import { db } from "@/lib/db/client";
import {
  bearer,
  callRoute,
  createApiKeyViaApi,
  errorPaths,
  expectProblem,
  type Registered,
  registerViaApi,
  sessionHeaders,
} from "../support/api";
import { resetDb } from "../support/db";

const ORGS = "/api/v1/organizations";

let studio: Registered;
let platformHeaders: Record<string, string>;
let platformOrgId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ email: "owner@studio.test", organization: { name: "Studio", kind: "STUDIO", homeCountry: "CN" } });
  // Platform organisations are not self-service; the seed creates them the same way.
  const operator = await registerViaApi({ email: "ops@platform.test" });
  const platform = await db.organization.create({
    data: {
      name: "Rightsbridge Ops",
      kind: "PLATFORM",
      homeCountry: "CN",
      memberships: { create: { userId: operator.userId, role: "OWNER" } },
    },
  });
  platformOrgId = platform.id;
  platformHeaders = await sessionHeaders(operator.userId, platform.id);
});

describe("/api/v1/organizations (platform admins)", () => {
  it("creates a PROGRAMME organisation (an export fund) like the others; its owner may define programmes", async () => {
    const res = await callRoute(createOrganization, ORGS, {
      headers: platformHeaders,
      json: { name: "Silk Road Fund", kind: "PROGRAMME", homeCountry: "CN", ownerEmail: "owner@studio.test" },
    });
    expect(res.status, res.text).toBe(201);
    const org = await db.organization.findUniqueOrThrow({ where: { id: res.body.id }, include: { memberships: true } });
    expect(org).toMatchObject({ kind: "PROGRAMME", memberships: [{ userId: studio.userId, role: "OWNER" }] });
    const { can } = await import("@/lib/auth/permissions");
    expect(can({ role: "OWNER", orgKind: "PROGRAMME" }, "programmes.manage")).toBe(true);
    expect(can({ role: "MEMBER", orgKind: "PROGRAMME" }, "programmes.manage")).toBe(false);
    expect(can({ role: "MEMBER", orgKind: "PROGRAMME" }, "programmes.review")).toBe(true);
    expect(can({ role: "OWNER", orgKind: "FACILITY" }, "programmes.review")).toBe(false);
  });

  it("creates a FACILITY for an existing user, who becomes its owner", async () => {
    const res = await callRoute(createOrganization, ORGS, {
      headers: platformHeaders,
      json: { name: "Bridge Capital", kind: "FACILITY", homeCountry: "CN", ownerEmail: "Owner@Studio.test" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), invitationToken: null });
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: studio.userId, organizationId: res.body.id } },
      include: { organization: true },
    });
    expect(membership).toMatchObject({ role: "OWNER", organization: { kind: "FACILITY", name: "Bridge Capital" } });
    expect(await db.auditEntry.findFirst({ where: { action: "organization.create", entityId: res.body.id } })).toMatchObject({
      partyOrgIds: expect.arrayContaining([res.body.id, platformOrgId]),
    });

    const list = await callRoute(listOrganizations, ORGS, { headers: platformHeaders });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { kind: string }) => o.kind).sort()).toEqual(["FACILITY", "PLATFORM", "STUDIO", "STUDIO"]);
  });

  it("invites an owner who has no account yet, with a token that makes them OWNER", async () => {
    const res = await callRoute(createOrganization, ORGS, {
      headers: platformHeaders,
      json: { name: "Bridge Capital", kind: "FACILITY", homeCountry: "CN", ownerEmail: "cfo@bridge.test" },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitationToken).toEqual(expect.any(String));
    const cfo = await registerViaApi({ email: "cfo@bridge.test" });
    const accepted = await callRoute(acceptInvitation, "/api/v1/invitations/accept", {
      headers: cfo.headers,
      json: { token: res.body.invitationToken },
    });
    expect(accepted.body).toEqual({ organizationId: res.body.id });
    expect(
      (await db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId: cfo.userId, organizationId: res.body.id } } }))
        .role,
    ).toBe("OWNER");
  });

  it("is closed to other organisations' owners and to API keys (403), creating nothing", async () => {
    const { key } = await createApiKeyViaApi(studio.headers);
    const body = { name: "Sneaky Facility", kind: "FACILITY", homeCountry: "CN", ownerEmail: "owner@studio.test" };
    for (const headers of [studio.headers, bearer(key)]) {
      expectProblem(await callRoute(createOrganization, ORGS, { headers, json: body }), 403);
      expectProblem(await callRoute(listOrganizations, ORGS, { headers }), 403);
    }
    expect(await db.organization.count({ where: { name: "Sneaky Facility" } })).toBe(0);
  });

  it("validates the body (422)", async () => {
    const res = await callRoute(createOrganization, ORGS, {
      headers: platformHeaders,
      json: { name: "X", kind: "BANK", homeCountry: "XX", ownerEmail: "nope" },
    });
    expect(errorPaths(expectProblem(res, 422))).toEqual(["homeCountry", "kind", "name", "ownerEmail"]);
  });
});
