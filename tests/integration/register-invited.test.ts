import { beforeEach, describe, expect, it } from "vitest";
import { POST as registerInvited } from "@/app/api/v1/auth/register-invited/route";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/accept/route";
import { POST as invite } from "@/app/api/v1/invitations/route";
import { GET as me } from "@/app/api/v1/me/route";
import { DELETE as removeMember } from "@/app/api/v1/members/[id]/route";
import { POST as createOrganization } from "@/app/api/v1/organizations/route";
import { db } from "@/lib/db/client";
import {
  callRoute,
  createUserWithoutOrganization,
  errorPaths,
  expectProblem,
  membershipIdOf,
  registerViaApi,
  sessionHeaders,
  TEST_PASSWORD,
  tokenFromOutbox,
} from "../support/api";
import { resetDb } from "../support/db";

async function platformAdminHeaders() {
  const operator = await registerViaApi({ email: "ops@platform.test" });
  const platform = await db.organization.create({
    data: { name: "Ops", kind: "PLATFORM", homeCountry: "SG", memberships: { create: { userId: operator.userId, role: "OWNER" } } },
  });
  return sessionHeaders(operator.userId, platform.id);
}

beforeEach(() => resetDb());

describe("sign-up from an invitation", () => {
  it("lets the invited owner of a new FACILITY create an account that lands in the facility", async () => {
    const created = await callRoute(createOrganization, "/api/v1/organizations", {
      headers: await platformAdminHeaders(),
      json: { name: "Export Finance", kind: "FACILITY", homeCountry: "CN", ownerEmail: "cfo@facility.test" },
    });
    expect(created.status).toBe(201);
    const token: string = created.body.invitationToken;

    const res = await callRoute(registerInvited, "/api/v1/auth/register-invited", {
      json: { token, name: "Chen Mei", password: TEST_PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe("cfo@facility.test");
    expect(res.body.organizationId).toBe(created.body.id);

    const whoAmI = await callRoute(me, "/api/v1/me", { headers: await sessionHeaders(res.body.user.id, created.body.id) });
    expect(whoAmI.body.activeOrganization).toMatchObject({ kind: "FACILITY", role: "OWNER" });

    // The link is spent.
    const again = await callRoute(registerInvited, "/api/v1/auth/register-invited", {
      json: { token, name: "Someone", password: TEST_PASSWORD },
    });
    expectProblem(again, 404);
  });

  it("refuses unknown tokens, weak passwords and existing accounts, writing nothing", async () => {
    expectProblem(
      await callRoute(registerInvited, "/api/v1/auth/register-invited", {
        json: { token: "x".repeat(40), name: "A", password: TEST_PASSWORD },
      }),
      404,
    );
    const weak = await callRoute(registerInvited, "/api/v1/auth/register-invited", {
      json: { token: "x".repeat(40), name: "A", password: "short" },
    });
    expect(errorPaths(expectProblem(weak, 422))).toEqual(["password"]);

    const owner = await registerViaApi();
    const existing = await registerViaApi({ email: "taken@example.test" });
    const invited = await callRoute(invite, "/api/v1/invitations", {
      headers: owner.headers,
      json: { email: existing.email, role: "MEMBER" },
    });
    const users = await db.user.count();
    const res = await callRoute(registerInvited, "/api/v1/auth/register-invited", {
      json: { token: await tokenFromOutbox(invited.body.email, "invitation", "/invite/"), name: "Dup", password: TEST_PASSWORD },
    });
    expectProblem(res, 409);
    expect(await db.user.count()).toBe(users);
    // The invitation is still open for the existing account to accept.
    expect(await db.invitation.findFirstOrThrow({ where: { id: invited.body.id } })).toMatchObject({ acceptedAt: null });
  });

  it("lets a person with no organisation left accept an invitation", async () => {
    const owner = await registerViaApi();
    const solo = await createUserWithoutOrganization();
    const invited = await callRoute(invite, "/api/v1/invitations", { headers: owner.headers, json: { email: solo.email, role: "VIEWER" } });
    const res = await callRoute(acceptInvitation, "/api/v1/invitations/accept", {
      headers: await sessionHeaders(solo.id, null),
      json: { token: await tokenFromOutbox(invited.body.email, "invitation", "/invite/") },
    });
    expect(res.status).toBe(200);
    expect(res.body.organizationId).toBe(owner.orgId);
  });

  it("a member removed from their only organisation can still accept a new invitation", async () => {
    const owner = await registerViaApi();
    const other = await registerViaApi();
    const solo = await createUserWithoutOrganization();
    const first = await callRoute(invite, "/api/v1/invitations", { headers: owner.headers, json: { email: solo.email, role: "MEMBER" } });
    await callRoute(acceptInvitation, "/api/v1/invitations/accept", {
      headers: await sessionHeaders(solo.id, null),
      json: { token: await tokenFromOutbox(first.body.email, "invitation", "/invite/") },
    });
    const membershipId = await membershipIdOf(solo.id, owner.orgId);
    expect(
      (
        await callRoute(removeMember, `/api/v1/members/${membershipId}`, {
          method: "DELETE",
          headers: owner.headers,
          params: { id: membershipId },
        })
      ).status,
    ).toBe(204);

    const second = await callRoute(invite, "/api/v1/invitations", { headers: other.headers, json: { email: solo.email, role: "MEMBER" } });
    const res = await callRoute(acceptInvitation, "/api/v1/invitations/accept", {
      headers: await sessionHeaders(solo.id, owner.orgId),
      json: { token: await tokenFromOutbox(second.body.email, "invitation", "/invite/") },
    });
    expect(res.status).toBe(200);
    expect(res.body.organizationId).toBe(other.orgId);
  });
});
