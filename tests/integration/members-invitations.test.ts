import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createKey } from "@/app/api/v1/api-keys/route";
import { DELETE as revokeInvitation } from "@/app/api/v1/invitations/[id]/route";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/accept/route";
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
  createUserWithoutOrganization,
  errorPaths,
  expectProblem,
  latestOutboxMail,
  membershipIdOf,
  type Registered,
  registerViaApi,
  sessionHeaders,
  tokenFromOutbox,
} from "../support/api";
import { resetDb } from "../support/db";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
/** Invites, and reads the link's token from the invitation e-mail (the API never returns it). */
const inviteAs = async (headers: Record<string, string>, email: string, role: Role) => {
  const res = await callRoute(invite, "/api/v1/invitations", { headers, json: { email, role } });
  return { ...res, token: res.status === 201 ? await tokenFromOutbox(email, "invitation", "/invite/") : "" };
};
const accept = (headers: Record<string, string>, token: string) =>
  callRoute(acceptInvitation, "/api/v1/invitations/accept", { headers, json: { token } });
const patchRole = (headers: Record<string, string>, id: string, role: Role) =>
  callRoute(changeRole, `/api/v1/members/${id}`, { method: "PATCH", headers, params: { id }, json: { role } });
const remove = (headers: Record<string, string>, id: string) =>
  callRoute(removeMember, `/api/v1/members/${id}`, { method: "DELETE", headers, params: { id } });
const getMe = (headers: Record<string, string>) => callRoute(me, "/api/v1/me", { headers });
const roleOf = async (membershipId: string) => (await db.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;

let owner: Registered;
let ownerMembershipId: string;

beforeEach(async () => {
  await resetDb();
  owner = await registerViaApi({
    email: "owner@jade.test",
    organization: { name: "Jade Dragon Pictures", kind: "STUDIO", homeCountry: "CN" },
  });
  ownerMembershipId = await membershipIdOf(owner.userId, owner.orgId);
});

describe("invitations", () => {
  it("owner invites (201, the link e-mailed to the invitee only), the invitee signs up elsewhere, then accepts into the role", async () => {
    const res = await inviteAs(owner.headers, "Invitee@Example.TEST", "ADMIN");
    expect(res.status).toBe(201);
    // No token and no link for the inviter: the link goes to the invited mailbox only.
    expect(res.body).toEqual({ id: expect.any(String), email: "invitee@example.test", role: "ADMIN", expiresAt: expect.any(String) });
    const { token } = res;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.text).not.toContain(token);
    const mail = await latestOutboxMail("invitee@example.test", "invitation");
    expect(mail.text).toContain(`http://localhost:3000/invite/${token}`);
    expect(mail.subject).toBe("Test Person invited you to Jade Dragon Pictures on Rightsbridge");
    const { id } = res.body;
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * 24 * 3600 * 1000);
    // Only the token's hash is stored.
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ tokenHash: sha256(token), acceptedAt: null });

    const pending = await callRoute(listInvitations, "/api/v1/invitations", { headers: owner.headers });
    expect(pending.body.items).toEqual([{ id, email: "invitee@example.test", role: "ADMIN", expiresAt: res.body.expiresAt }]);
    expect(pending.text).not.toContain(token);

    const invitee = await registerViaApi({
      email: "INVITEE@example.test",
      organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" },
    });
    const accepted = await accept(invitee.headers, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: owner.orgId });

    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: invitee.userId, organizationId: owner.orgId } },
    });
    expect(membership.role).toBe("ADMIN");
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeInstanceOf(Date);

    const meRes = await getMe(await sessionHeaders(invitee.userId, owner.orgId));
    expect(meRes.body.activeOrganization).toMatchObject({ id: owner.orgId, role: "ADMIN" });
    expect(meRes.body.organizations.map((o: { id: string }) => o.id).sort()).toEqual([owner.orgId, invitee.orgId].sort());

    const members = await callRoute(listMembers, "/api/v1/members", { headers: owner.headers });
    expect(members.body.items.map((m: { user: { email: string }; role: string }) => [m.user.email, m.role])).toEqual([
      ["owner@jade.test", "OWNER"],
      ["invitee@example.test", "ADMIN"],
    ]);
    const stillPending = await callRoute(listInvitations, "/api/v1/invitations", { headers: owner.headers });
    expect(stillPending.body.items).toEqual([]);
  });

  it("refuses acceptance by another account (403) and leaves the invitation usable by the right one", async () => {
    const { token } = await inviteAs(owner.headers, "right@example.test", "MEMBER");
    const wrong = await registerViaApi({ email: "wrong@example.test" });
    const res = await accept(wrong.headers, token);
    expect(expectProblem(res, 403).type).toBe("/problems/wrong-account");
    expect(await db.membership.count({ where: { organizationId: owner.orgId } })).toBe(1);

    const right = await registerViaApi({ email: "right@example.test" });
    expect((await accept(right.headers, token)).status).toBe(200);
  });

  it("answers 404 to a reused, revoked, replaced or unknown token", async () => {
    const first = await inviteAs(owner.headers, "twice@example.test", "MEMBER");
    const invitee = await registerViaApi({ email: "twice@example.test" });
    expect((await accept(invitee.headers, first.token)).status).toBe(200);
    expectProblem(await accept(invitee.headers, first.token), 404);
    expect(await db.membership.count({ where: { userId: invitee.userId } })).toBe(2);

    const revoked = await inviteAs(owner.headers, "revoked@example.test", "MEMBER");
    const revokedRes = await callRoute(revokeInvitation, "/x", {
      method: "DELETE",
      headers: owner.headers,
      params: { id: revoked.body.id },
    });
    expect(revokedRes.status).toBe(204);
    const revokedUser = await registerViaApi({ email: "revoked@example.test" });
    expectProblem(await accept(revokedUser.headers, revoked.token), 404);

    // A fresh invitation replaces the pending one for the same address.
    const old = await inviteAs(owner.headers, "again@example.test", "VIEWER");
    const renewed = await inviteAs(owner.headers, "again@example.test", "MEMBER");
    const again = await registerViaApi({ email: "again@example.test" });
    expectProblem(await accept(again.headers, old.token), 404);
    expect((await accept(again.headers, renewed.token)).status).toBe(200);
    expect(await roleOf(await membershipIdOf(again.userId, owner.orgId))).toBe("MEMBER");

    expectProblem(await accept(again.headers, "x".repeat(43)), 404);
  });

  it("refuses an expired invitation with 422", async () => {
    const { body, token } = await inviteAs(owner.headers, "late@example.test", "MEMBER");
    await db.invitation.update({ where: { id: body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await registerViaApi({ email: "late@example.test" });
    expect(expectProblem(await accept(late.headers, token), 422).type).toBe("/problems/expired");
    expect(await db.membership.count({ where: { organizationId: owner.orgId } })).toBe(1);
  });

  it("creates one membership when the same link is accepted twice at once", async () => {
    const { token } = await inviteAs(owner.headers, "double@example.test", "MEMBER");
    const invitee = await registerViaApi({ email: "double@example.test" });
    const results = await Promise.all([accept(invitee.headers, token), accept(invitee.headers, token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    expect(await db.membership.count({ where: { userId: invitee.userId, organizationId: owner.orgId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "membership.create" } })).toBe(1);
  });

  it("is accepted by a signed-in person only, not an API key or nobody", async () => {
    const { token } = await inviteAs(owner.headers, "person@example.test", "MEMBER");
    const { key } = await createApiKeyViaApi(owner.headers);
    expect(expectProblem(await accept(bearer(key), token), 403).type).toBe("/problems/user-required");
    expectProblem(await accept({}, token), 401);
  });

  it("refuses an ADMIN inviting an OWNER (403) but lets them invite other roles", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    expectProblem(await inviteAs(admin.memberHeaders, "boss@example.test", "OWNER"), 403);
    expect(await db.invitation.count({ where: { email: "boss@example.test" } })).toBe(0);
    expect((await inviteAs(admin.memberHeaders, "helper@example.test", "MEMBER")).status).toBe(201);
  });

  it("refuses MEMBERs, VIEWERs and API keys (403)", async () => {
    const member = await addMemberViaInvitation(owner, "MEMBER");
    const viewer = await addMemberViaInvitation(owner, "VIEWER");
    const { key } = await createApiKeyViaApi(owner.headers);
    for (const headers of [member.memberHeaders, viewer.memberHeaders, bearer(key)]) {
      expectProblem(await inviteAs(headers, "nope@example.test", "VIEWER"), 403);
      expectProblem(await callRoute(listInvitations, "/api/v1/invitations", { headers }), 403);
    }
    expect(await db.invitation.count({ where: { email: "nope@example.test" } })).toBe(0);
  });

  it("refuses to invite an existing member (409 on email) and validates the body (422)", async () => {
    const res = await inviteAs(owner.headers, "OWNER@jade.test", "ADMIN");
    expect(expectProblem(res, 409).errors).toEqual([
      { path: "email", message: expect.any(String), code: expect.any(String), params: expect.any(Object) },
    ]);
    const invalid = await callRoute(invite, "/api/v1/invitations", { headers: owner.headers, json: { email: "nope", role: "KING" } });
    expect(errorPaths(expectProblem(invalid, 422))).toEqual(["email", "role"]);
  });
});

describe("role changes take effect on the next request", () => {
  it("demoting an ADMIN to VIEWER makes the same session cookie get 403 on POST /api/v1/api-keys", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const cookie = admin.memberHeaders;
    expect((await callRoute(createKey, "/api/v1/api-keys", { headers: cookie, json: { name: "before" } })).status).toBe(201);

    const res = await patchRole(owner.headers, admin.membershipId, "VIEWER");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: admin.membershipId, role: "VIEWER" });
    expect(await roleOf(admin.membershipId)).toBe("VIEWER");

    expectProblem(await callRoute(createKey, "/api/v1/api-keys", { headers: cookie, json: { name: "after" } }), 403);
    expect((await getMe(cookie)).body.activeOrganization.role).toBe("VIEWER");
    expect(await db.apiKey.count({ where: { name: "after" } })).toBe(0);
  });

  it("promoting a MEMBER to ADMIN grants the new rights at once", async () => {
    const member = await addMemberViaInvitation(owner, "MEMBER");
    expectProblem(await callRoute(createKey, "/api/v1/api-keys", { headers: member.memberHeaders, json: { name: "k" } }), 403);
    expect((await patchRole(owner.headers, member.membershipId, "ADMIN")).status).toBe(200);
    expect((await callRoute(createKey, "/api/v1/api-keys", { headers: member.memberHeaders, json: { name: "k" } })).status).toBe(201);
  });

  it("only owners change roles or remove members (403 for an ADMIN)", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const member = await addMemberViaInvitation(owner, "MEMBER");
    expectProblem(await patchRole(admin.memberHeaders, member.membershipId, "ADMIN"), 403);
    expectProblem(await patchRole(admin.memberHeaders, admin.membershipId, "OWNER"), 403);
    expectProblem(await remove(admin.memberHeaders, member.membershipId), 403);
    expect(await roleOf(member.membershipId)).toBe("MEMBER");
    expect(await roleOf(admin.membershipId)).toBe("ADMIN");
  });

  it("validates the new role (422) and answers 404 for unknown members", async () => {
    const admin = await addMemberViaInvitation(owner, "ADMIN");
    const res = await callRoute(changeRole, "/x", {
      method: "PATCH",
      headers: owner.headers,
      params: { id: admin.membershipId },
      json: { role: "GOD" },
    });
    expect(errorPaths(expectProblem(res, 422))).toEqual(["role"]);
    expectProblem(await patchRole(owner.headers, "01900000-0000-7000-8000-000000000000", "VIEWER"), 404);
    expectProblem(await patchRole(owner.headers, "garbage", "VIEWER"), 404);
  });
});

describe("removal takes effect on the next request", () => {
  it("a removed member's session falls back to their other organisation", async () => {
    const member = await addMemberViaInvitation(owner, "ADMIN");
    const cookie = member.memberHeaders; // token whose active organisation is Jade
    expect((await getMe(cookie)).body.activeOrganization.id).toBe(owner.orgId);

    const res = await remove(owner.headers, member.membershipId);
    expect(res.status).toBe(204);
    expect(await db.membership.findUnique({ where: { id: member.membershipId } })).toBeNull();

    const after = await getMe(cookie);
    expect(after.status).toBe(200);
    expect(after.body.activeOrganization).toMatchObject({ id: member.orgId, role: "OWNER" });
    expect(after.body.organizations.map((o: { id: string }) => o.id)).toEqual([member.orgId]);
    const members = await callRoute(listMembers, "/api/v1/members", { headers: cookie });
    expect(members.text).not.toContain("owner@jade.test");
  });

  it("a removed member with no other organisation gets 401", async () => {
    const solo = await createUserWithoutOrganization("solo@example.test");
    const { body } = await inviteAs(owner.headers, "solo@example.test", "MEMBER");
    const cookie = await sessionHeaders(solo.id, owner.orgId);
    // Joined directly: the session gate needs a membership, so someone with no organisation cannot
    // call /invitations/accept yet (reported separately).
    const membership = await db.membership.create({ data: { userId: solo.id, organizationId: owner.orgId, role: "MEMBER" } });
    await db.invitation.update({ where: { id: body.id }, data: { acceptedAt: new Date() } });
    expect((await getMe(cookie)).status).toBe(200);

    expect((await remove(owner.headers, membership.id)).status).toBe(204);
    expectProblem(await getMe(cookie), 401);
  });

  it("answers 404 for a second removal", async () => {
    const member = await addMemberViaInvitation(owner, "VIEWER");
    expect((await remove(owner.headers, member.membershipId)).status).toBe(204);
    expectProblem(await remove(owner.headers, member.membershipId), 404);
  });
});

describe("an organisation always keeps an owner", () => {
  it("refuses to demote or remove the last owner (409) and changes nothing", async () => {
    const demote = await patchRole(owner.headers, ownerMembershipId, "ADMIN");
    expect(expectProblem(demote, 409).type).toBe("/problems/last-owner");
    const removal = await remove(owner.headers, ownerMembershipId);
    expect(expectProblem(removal, 409).type).toBe("/problems/last-owner");
    expect(await roleOf(ownerMembershipId)).toBe("OWNER");
    expect(await db.auditEntry.count({ where: { action: { startsWith: "membership." } } })).toBe(0);
  });

  it("lets an owner step down once there is another owner", async () => {
    const second = await addMemberViaInvitation(owner, "OWNER");
    expect((await patchRole(owner.headers, ownerMembershipId, "ADMIN")).status).toBe(200);
    expectProblem(await patchRole(second.memberHeaders, second.membershipId, "ADMIN"), 409);
  });

  // Repeated, because a race that happens not to interleave proves nothing.
  it("two owners demoting each other at the same moment leave exactly one owner", async () => {
    const second = await addMemberViaInvitation(owner, "OWNER");
    for (let round = 0; round < 8; round++) {
      const results = await Promise.all([
        patchRole(owner.headers, second.membershipId, "ADMIN"),
        patchRole(second.memberHeaders, ownerMembershipId, "ADMIN"),
      ]);
      // The loser is refused as the last owner (409) or, when the winner's demotion landed before
      // its own request was authorised, as someone who is no longer an owner (403).
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const owners = await db.membership.findMany({ where: { organizationId: owner.orgId, role: "OWNER" } });
      expect(owners).toHaveLength(1);
      // The survivor promotes the other back for the next round.
      const survivor = owners[0]?.id === ownerMembershipId ? owner.headers : second.memberHeaders;
      const demoted = owners[0]?.id === ownerMembershipId ? second.membershipId : ownerMembershipId;
      expect((await patchRole(survivor, demoted, "OWNER")).status).toBe(200);
    }
  });

  it("two owners removing each other at the same moment leave exactly one owner", async () => {
    const second = await addMemberViaInvitation(owner, "OWNER");
    const results = await Promise.all([remove(owner.headers, second.membershipId), remove(second.memberHeaders, ownerMembershipId)]);
    // The loser is refused either as the last owner (409) or, when the winner's removal landed
    // before its request was authorised, as someone no longer in the organisation (404).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(204);
    expect([403, 404, 409]).toContain(statuses[1]);
    expect(await db.membership.count({ where: { organizationId: owner.orgId, role: "OWNER" } })).toBe(1);
  });
});
