/**
 * Two real organisations, A and B, each signed up through the API. Whatever A tries against B's
 * records answers 404 (never 403, which would confirm they exist) and leaves them as they were.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { GET as listKeys } from "@/app/api/v1/api-keys/route";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { DELETE as revokeInvitation } from "@/app/api/v1/invitations/[id]/route";
import { POST as invite, GET as listInvitations } from "@/app/api/v1/invitations/route";
import { GET as me } from "@/app/api/v1/me/route";
import { PATCH as changeRole, DELETE as removeMember } from "@/app/api/v1/members/[id]/route";
import { GET as listMembers } from "@/app/api/v1/members/route";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  expectProblem,
  type Member,
  type Registered,
  registerViaApi,
  sessionHeaders,
} from "../support/api";
import { resetDb } from "../support/db";

let a: Registered;
let b: Registered;
let bKey: { id: string; key: string };
let bMember: Member;
let bInvitationId: string;
let bOwnerMembershipId: string;

beforeEach(async () => {
  await resetDb();
  a = await registerViaApi({ email: "owner@a.test", organization: { name: "Studio A", kind: "STUDIO", homeCountry: "CN" } });
  b = await registerViaApi({ email: "owner@b.test", organization: { name: "Partner B", kind: "PARTNER", homeCountry: "BR" } });
  bKey = await createApiKeyViaApi(b.headers, "B's key");
  bMember = await addMemberViaInvitation(b, "MEMBER");
  const invited = await callRoute(invite, "/api/v1/invitations", { headers: b.headers, json: { email: "pending@b.test", role: "ADMIN" } });
  bInvitationId = invited.body.id;
  bOwnerMembershipId = (
    await db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId: b.userId, organizationId: b.orgId } } })
  ).id;
});

async function bSnapshot() {
  const [keys, memberships, invitations] = await Promise.all([
    db.apiKey.findMany({ where: { organizationId: b.orgId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { organizationId: b.orgId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId: b.orgId }, orderBy: { id: "asc" } }),
  ]);
  return { keys, memberships, invitations };
}

describe("organisation A against organisation B's records", () => {
  it("cannot revoke B's API key: 404, and the key still works", async () => {
    const before = await bSnapshot();
    const res = await callRoute(revokeKey, `/api/v1/api-keys/${bKey.id}`, {
      method: "DELETE",
      headers: a.headers,
      params: { id: bKey.id },
    });
    expect(expectProblem(res, 404).type).toBe("/problems/not-found");
    expect(await bSnapshot()).toEqual(before);
    expect((await callRoute(me, "/api/v1/me", { headers: bearer(bKey.key) })).status).toBe(200);
  });

  it("cannot change the role of B's members: 404, roles unchanged", async () => {
    const before = await bSnapshot();
    for (const id of [bMember.membershipId, bOwnerMembershipId]) {
      const res = await callRoute(changeRole, `/api/v1/members/${id}`, {
        method: "PATCH",
        headers: a.headers,
        params: { id },
        json: { role: "VIEWER" },
      });
      expectProblem(res, 404);
    }
    expect(await bSnapshot()).toEqual(before);
  });

  it("cannot remove B's members: 404, memberships intact", async () => {
    const before = await bSnapshot();
    for (const id of [bMember.membershipId, bOwnerMembershipId]) {
      const res = await callRoute(removeMember, `/api/v1/members/${id}`, { method: "DELETE", headers: a.headers, params: { id } });
      expectProblem(res, 404);
    }
    expect(await bSnapshot()).toEqual(before);
    expect((await callRoute(me, "/api/v1/me", { headers: bMember.memberHeaders })).body.activeOrganization.id).toBe(b.orgId);
  });

  it("cannot revoke B's invitation: 404, still pending", async () => {
    const before = await bSnapshot();
    const res = await callRoute(revokeInvitation, `/api/v1/invitations/${bInvitationId}`, {
      method: "DELETE",
      headers: a.headers,
      params: { id: bInvitationId },
    });
    expectProblem(res, 404);
    expect(await bSnapshot()).toEqual(before);
    const pending = await callRoute(listInvitations, "/api/v1/invitations", { headers: b.headers });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([bInvitationId]);
  });

  it("answers the same 404 for B's record as for one that does not exist", async () => {
    const missing = "01900000-0000-7000-8000-000000000000";
    const forB = await callRoute(revokeKey, "/api/v1/api-keys/x", { method: "DELETE", headers: a.headers, params: { id: bKey.id } });
    const forNothing = await callRoute(revokeKey, "/api/v1/api-keys/x", { method: "DELETE", headers: a.headers, params: { id: missing } });
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(forB.body)).toEqual(strip(forNothing.body));
    expect(forB.status).toBe(forNothing.status);
  });

  it("never sees B's audit entries, even when asking for B's records by id", async () => {
    const all = await callRoute(listAudit, "/api/v1/audit", { headers: a.headers, query: { limit: 200 } });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    const aEntryIds = new Set(
      (await db.auditEntry.findMany({ where: { partyOrgIds: { has: a.orgId } }, select: { id: true } })).map((e) => e.id.toString()),
    );
    for (const item of all.body.items) expect(aEntryIds.has(item.id)).toBe(true);
    expect(all.text).not.toContain(b.orgId);
    expect(all.text).not.toContain(bKey.id);
    expect(all.text).not.toContain("owner@b.test");

    for (const entityId of [b.orgId, bKey.id, bInvitationId, bMember.membershipId]) {
      const res = await callRoute(listAudit, "/api/v1/audit", { headers: a.headers, query: { entityId } });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
    // B does see them: the filter is by party, not an empty log.
    const forB = await callRoute(listAudit, "/api/v1/audit", { headers: b.headers, query: { entityId: bKey.id } });
    expect(forB.body.items.map((i: { action: string }) => i.action)).toEqual(["api_key.create"]);
  });

  it("lists only its own members, keys and invitations", async () => {
    const members = await callRoute(listMembers, "/api/v1/members", { headers: a.headers });
    expect(members.body.items.map((m: { user: { id: string } }) => m.user.id)).toEqual([a.userId]);
    const keys = await callRoute(listKeys, "/api/v1/api-keys", { headers: a.headers });
    expect(keys.body.items).toEqual([]);
    const invitations = await callRoute(listInvitations, "/api/v1/invitations", { headers: a.headers });
    expect(invitations.body.items).toEqual([]);
  });

  it("with its API key sees only A's members", async () => {
    const aKey = await createApiKeyViaApi(a.headers, "A's key");
    const res = await callRoute(listMembers, "/api/v1/members", { headers: bearer(aKey.key) });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { user: { email: string } }) => m.user.email)).toEqual(["owner@a.test"]);
    expect(res.text).not.toContain("owner@b.test");
    expect(res.text).not.toContain(bMember.email);
  });

  it("cannot act in B by naming B in its session token", async () => {
    const forged = await sessionHeaders(a.userId, b.orgId);
    const members = await callRoute(listMembers, "/api/v1/members", { headers: forged });
    expect(members.body.items.map((m: { user: { id: string } }) => m.user.id)).toEqual([a.userId]);
    const res = await callRoute(revokeKey, "/api/v1/api-keys/x", { method: "DELETE", headers: forged, params: { id: bKey.id } });
    expectProblem(res, 404);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: bKey.id } })).revokedAt).toBeNull();
  });

  it("a member of both acts only in the organisation the session names", async () => {
    // B's member is also owner of their own organisation; in that one they cannot touch B.
    const inOwnOrg = bMember.headers;
    const res = await callRoute(removeMember, "/x", { method: "DELETE", headers: inOwnOrg, params: { id: bOwnerMembershipId } });
    expectProblem(res, 404);
    expect(await db.membership.count({ where: { organizationId: b.orgId } })).toBe(2);
  });
});
