/**
 * Issue 11: verified addresses, invitations by e-mailed token only, password reset, four-eyes one
 * person cannot beat, API key scopes. E-mails are asserted on as received by a real SMTP server in
 * this process, delivered by the app's own outbox (deliverPending → nodemailer → TCP).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as createKey } from "@/app/api/v1/api-keys/route";
import { POST as confirmReset } from "@/app/api/v1/auth/password-reset/confirm/route";
import { POST as requestReset } from "@/app/api/v1/auth/password-reset/route";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as resend } from "@/app/api/v1/auth/resend-verification/route";
import { POST as verify } from "@/app/api/v1/auth/verify-email/route";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/accept/route";
import { POST as invite } from "@/app/api/v1/invitations/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listMembers } from "@/app/api/v1/members/route";
import { GET as listTitles } from "@/app/api/v1/titles/route";
import { authorizeCredentials } from "@/lib/auth/options";
import { sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { deliverPending } from "@/lib/mail/outbox";
import { listInvitationsForUser } from "@/lib/orgs/queries";
import {
  bearer,
  callRoute,
  createApiKeyViaApi,
  expectProblem,
  registerViaApi,
  sessionHeaders,
  TEST_PASSWORD,
  uniqueEmail,
} from "../support/api";
import { resetDb } from "../support/db";
import { linkIn, type ReceivedMail, startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { titleBody } from "./catalogue-fixtures";
import { facilityApi as api, approvedAdvance, disbursedAdvance, facilityWorld, usd } from "./facility-fixtures";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  await resetDb();
  smtp.received.length = 0;
  process.env.SMTP_URL = smtp.url;
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.FACILITY_MEMBER_COOLING_HOURS;
});

/** Delivers what the outbox holds and returns the newest message the SMTP server got for `to`. */
async function mailTo(to: string, subject?: RegExp): Promise<ReceivedMail> {
  await deliverPending({ limit: 100 });
  const mail = [...smtp.received].reverse().find((m) => m.to.includes(to) && (!subject || subject.test(m.subject)));
  if (!mail) throw new Error(`no e-mail to ${to}; received: ${smtp.received.map((m) => `${m.to}: ${m.subject}`).join("; ")}`);
  return mail;
}

const signUp = (email: string, headers: Record<string, string> = {}) =>
  callRoute(register, "/api/v1/auth/register", {
    headers,
    json: { email, password: TEST_PASSWORD, name: "Mei Lin", organization: { name: "Lotus Pictures", kind: "STUDIO", homeCountry: "CN" } },
  });

describe("verified addresses", () => {
  it("register keeps its contract, e-mails a single-use link, and verify-email marks the address verified", async () => {
    const res = await signUp("mei@lotus.test");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: { id: expect.any(String), email: "mei@lotus.test" },
      organization: { id: expect.any(String), name: "Lotus Pictures", kind: "STUDIO" },
    });
    const headers = await sessionHeaders(res.body.user.id, res.body.organization.id);
    expect((await callRoute(me, "/api/v1/me", { headers })).body.user.emailVerified).toBe(false);

    const mail = await mailTo("mei@lotus.test");
    expect(mail.subject).toBe("Confirm your e-mail address for Rightsbridge");
    const { url, token } = linkIn(mail, "/verify-email/");
    expect(url).toBe(`http://localhost:3000/verify-email/${token}`);
    expect(mail.html).toContain(`href="${url}"`);
    // 32 random bytes, stored only as a SHA-256 hash.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await db.emailToken.findUnique({ where: { tokenHash: sha256(token) } })).toMatchObject({
      purpose: "VERIFY_EMAIL",
      usedAt: null,
    });
    expect(await db.emailToken.count({ where: { tokenHash: token } })).toBe(0);

    const verified = await callRoute(verify, "/api/v1/auth/verify-email", { json: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ email: "mei@lotus.test", emailVerified: true });
    expect((await callRoute(me, "/api/v1/me", { headers })).body.user.emailVerified).toBe(true);

    // Single use.
    const again = expectProblem(await callRoute(verify, "/api/v1/auth/verify-email", { json: { token } }), 422);
    expect(again.type).toBe("/problems/invalid-token");
    expectProblem(await callRoute(verify, "/api/v1/auth/verify-email", { json: { token: "A".repeat(43) } }), 422);
    expectProblem(await callRoute(verify, "/api/v1/auth/verify-email", { json: {} }), 422);
  });

  it("sends the verification e-mail in the language of the request, and an expired link does not verify", async () => {
    const res = await signUp("zhang@lotus.test", { cookie: "NEXT_LOCALE=zh" });
    const mail = await mailTo("zhang@lotus.test");
    expect(mail.subject).toBe("请确认您在 Rightsbridge 的电子邮件地址");
    expect(mail.text).toContain("确认我的地址");
    const { token } = linkIn(mail, "/verify-email/");
    await db.emailToken.updateMany({ where: { userId: res.body.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectProblem(await callRoute(verify, "/api/v1/auth/verify-email", { json: { token } }), 422);
    expect((await db.user.findUniqueOrThrow({ where: { id: res.body.user.id } })).emailVerifiedAt).toBeNull();
  });

  it("resend-verification e-mails a new link (the old one stops working), is rate limited, and refuses API keys", async () => {
    const person = await registerViaApi({ email: "late@lotus.test", verified: false });
    const first = linkIn(await mailTo("late@lotus.test"), "/verify-email/").token;
    const res = await callRoute(resend, "/api/v1/auth/resend-verification", { method: "POST", headers: person.headers });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sentTo: "late@lotus.test" });
    const second = linkIn(await mailTo("late@lotus.test"), "/verify-email/").token;
    expect(second).not.toBe(first);
    expectProblem(await callRoute(verify, "/api/v1/auth/verify-email", { json: { token: first } }), 422);
    expect((await callRoute(verify, "/api/v1/auth/verify-email", { json: { token: second } })).status).toBe(200);
    expect(
      expectProblem(await callRoute(resend, "/api/v1/auth/resend-verification", { method: "POST", headers: person.headers }), 409).type,
    ).toBe("/problems/already-verified");

    const eager = await registerViaApi({ verified: false });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await callRoute(resend, "/api/v1/auth/resend-verification", { method: "POST", headers: eager.headers })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);

    const owner = await registerViaApi();
    const key = await createApiKeyViaApi(owner.headers);
    expectProblem(await callRoute(resend, "/api/v1/auth/resend-verification", { method: "POST", headers: bearer(key.key) }), 403);
    expectProblem(await callRoute(resend, "/api/v1/auth/resend-verification", { method: "POST" }), 401);
  });

  it("an unverified person works in their organisation but cannot create API keys or sign deals", async () => {
    const person = await registerViaApi({ verified: false });
    expect((await callRoute(listTitles, "/api/v1/titles", { headers: person.headers })).status).toBe(200);
    const refused = expectProblem(await callRoute(createKey, "/api/v1/api-keys", { headers: person.headers, json: { name: "k" } }), 403);
    expect(refused.type).toBe("/problems/email-not-verified");
    expect(await db.apiKey.count()).toBe(0);
  });
});

describe("invitations by token only", () => {
  it("replay: a second account that registered the invited address first cannot accept without the token", async () => {
    const owner = await registerViaApi({
      email: "owner@jade.test",
      organization: { name: "Jade Dragon", kind: "STUDIO", homeCountry: "CN" },
    });
    const invited = await callRoute(invite, "/api/v1/invitations", {
      headers: owner.headers,
      json: { email: "victim@corp.test", role: "ADMIN" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).not.toHaveProperty("token");
    expect(invited.body).not.toHaveProperty("url");
    expect(invited.text).not.toMatch(/\/invite\//);

    // The attacker registers the invited address (cannot read its mailbox, so stays unverified).
    const attacker = await registerViaApi({ email: "victim@corp.test", verified: false });
    // The pending invitation is not even listed to an unverified address.
    expect(await listInvitationsForUser(attacker.userId)).toEqual([]);
    // Guessing tokens fails; there is no accept-by-id path.
    expectProblem(
      await callRoute(acceptInvitation, "/api/v1/invitations/accept", { headers: attacker.headers, json: { token: invited.body.id } }),
      404,
    );
    expect(await db.membership.count({ where: { organizationId: owner.orgId } })).toBe(1);

    // The real owner of the mailbox gets the e-mail, in which the link carries the token.
    const mail = await mailTo("victim@corp.test", /invited you/);
    expect(mail.subject).toBe("Test Person invited you to Jade Dragon on Rightsbridge");
    const { url, token } = linkIn(mail, "/invite/");
    expect(url).toBe(`http://localhost:3000/invite/${token}`);
  });

  it("accepting with the e-mailed token marks the address verified; a verified person sees pending invitations", async () => {
    const owner = await registerViaApi();
    const person = await registerViaApi({ email: "colleague@corp.test", verified: false });
    await callRoute(invite, "/api/v1/invitations", { headers: owner.headers, json: { email: "colleague@corp.test", role: "MEMBER" } });
    const { token } = linkIn(await mailTo("colleague@corp.test", /invited you/), "/invite/");
    const accepted = await callRoute(acceptInvitation, "/api/v1/invitations/accept", { headers: person.headers, json: { token } });
    expect(accepted.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).emailVerifiedAt).toBeInstanceOf(Date);

    // Members show who added whom and when.
    const members = await callRoute(listMembers, "/api/v1/members", { headers: owner.headers });
    expect(members.body.items.find((m: { user: { email: string } }) => m.user.email === "colleague@corp.test")).toMatchObject({
      role: "MEMBER",
      createdAt: expect.any(String),
      addedBy: { id: owner.userId, name: "Test Person", email: owner.email },
    });
    expect(members.body.items.find((m: { user: { id: string } }) => m.user.id === owner.userId).addedBy).toBeNull();

    await callRoute(invite, "/api/v1/invitations", { headers: owner.headers, json: { email: "friend@corp.test", role: "VIEWER" } });
    const friend = await registerViaApi({ email: "friend@corp.test" });
    expect(await listInvitationsForUser(friend.userId)).toEqual([expect.objectContaining({ role: "VIEWER" })]);
  });
});

describe("password reset", () => {
  it("always answers 202, e-mails a single-use link to a known address, and the reset ends every session", async () => {
    const person = await registerViaApi({ email: "forgetful@lotus.test", verified: false });
    smtp.received.length = 0;
    await deliverPending();
    smtp.received.length = 0;

    const unknown = await callRoute(requestReset, "/api/v1/auth/password-reset", { json: { email: "nobody@lotus.test" } });
    const known = await callRoute(requestReset, "/api/v1/auth/password-reset", { json: { email: "Forgetful@Lotus.test" } });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.text).toBe(known.text);
    const mail = await mailTo("forgetful@lotus.test", /Reset/);
    expect(smtp.received.filter((m) => m.to.includes("nobody@lotus.test"))).toEqual([]);
    const { url, token } = linkIn(mail, "/reset-password/");
    expect(url).toBe(`http://localhost:3000/reset-password/${token}`);
    const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 3600_000)).toBeLessThan(5_000);

    const weak = expectProblem(
      await callRoute(confirmReset, "/api/v1/auth/password-reset/confirm", { json: { token, password: "short" } }),
      422,
    );
    expect(weak.errors?.map((e) => e.path)).toEqual(["password"]);

    const oldSession = person.headers;
    const newPassword = "a brand new passphrase 2026";
    const done = await callRoute(confirmReset, "/api/v1/auth/password-reset/confirm", { json: { token, password: newPassword } });
    expect(done.status).toBe(200);
    // Every session ended, the address is verified, the new password works and the old does not.
    expectProblem(await callRoute(me, "/api/v1/me", { headers: oldSession }), 401);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await authorizeCredentials({ email: "forgetful@lotus.test", password: newPassword }, undefined)).toMatchObject({
      id: person.userId,
    });
    expect(await authorizeCredentials({ email: "forgetful@lotus.test", password: TEST_PASSWORD }, undefined)).toBeNull();
    // Single use.
    expectProblem(
      await callRoute(confirmReset, "/api/v1/auth/password-reset/confirm", { json: { token, password: "yet another passphrase" } }),
      422,
    );
    expect(await db.auditEntry.count({ where: { action: "user.password_reset", entityId: person.userId } })).toBe(1);
  });

  it("an expired reset link is refused, and requests are limited per client address", async () => {
    await registerViaApi({ email: "slow@lotus.test" });
    await callRoute(requestReset, "/api/v1/auth/password-reset", { json: { email: "slow@lotus.test" } });
    const { token } = linkIn(await mailTo("slow@lotus.test", /Reset/), "/reset-password/");
    await db.emailToken.updateMany({ where: { purpose: "RESET_PASSWORD" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expectProblem(
      await callRoute(confirmReset, "/api/v1/auth/password-reset/confirm", { json: { token, password: "a brand new passphrase" } }),
      422,
    );

    process.env.PASSWORD_RESET_MAX_PER_HOUR = "3";
    try {
      const from = (peer: string) => ({ "x-rightsbridge-peer": peer });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await callRoute(requestReset, "/api/v1/auth/password-reset", { headers: from("198.51.100.7"), json: { email: uniqueEmail() } }))
            .status,
        );
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
      // A spoofed X-Forwarded-For does not open a new budget; another real address has its own.
      const spoofed = await callRoute(requestReset, "/api/v1/auth/password-reset", {
        headers: { ...from("198.51.100.7"), "x-forwarded-for": "203.0.113.99" },
        json: { email: uniqueEmail() },
      });
      expectProblem(spoofed, 429);
      expect(
        (await callRoute(requestReset, "/api/v1/auth/password-reset", { headers: from("198.51.100.8"), json: { email: uniqueEmail() } }))
          .status,
      ).toBe(202);
    } finally {
      delete process.env.PASSWORD_RESET_MAX_PER_HOUR;
    }
  });
});

describe("four-eyes one person cannot beat", () => {
  it("replay: a member who just joined cannot disburse until the cooling period has passed (403 with the time left)", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w);
    // The owner invites a second address of their own and accepts from its mailbox.
    const second = await registerViaApi({ email: "owner.alt@corp.test" });
    await callRoute(invite, "/api/v1/invitations", {
      headers: w.underwriter.headers,
      json: { email: "owner.alt@corp.test", role: "MEMBER" },
    });
    const { token } = linkIn(await mailTo("owner.alt@corp.test", /invited you/), "/invite/");
    expect((await callRoute(acceptInvitation, "/api/v1/invitations/accept", { headers: second.headers, json: { token } })).status).toBe(
      200,
    );
    const altHeaders = await sessionHeaders(second.userId, w.facilityOrgId);

    const refused = expectProblem<{ timeLeftSeconds: number; allowedFrom: string }>(await api.disburse(altHeaders, id, "k-alt"), 403);
    expect(refused.type).toBe("/problems/cooling-period");
    expect(refused.detail).toMatch(/24 h/);
    expect(refused.timeLeftSeconds).toBeGreaterThan(23 * 3600);
    expect(refused.timeLeftSeconds).toBeLessThanOrEqual(24 * 3600);
    expect(await db.disbursement.count()).toBe(0);

    // The cooling period is configurable; once it has passed the same person may disburse.
    process.env.FACILITY_MEMBER_COOLING_HOURS = "0";
    expect((await api.disburse(altHeaders, id, "k-alt")).status).toBe(201);
  });

  it("the approver cannot disburse, and an unverified officer cannot decide or disburse", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w);
    expect(expectProblem(await api.disburse(w.underwriter.headers, id, "k1"), 403).type).toBe("/problems/four-eyes");
    await db.user.update({ where: { id: w.officer.userId }, data: { emailVerifiedAt: null } });
    expect(expectProblem(await api.disburse(w.officer.headers, id, "k2"), 403).type).toBe("/problems/email-not-verified");
    expect(expectProblem(await api.decide(w.officer.headers, id, { decision: "DECLINED", reason: "x" }), 403).type).toBe(
      "/problems/email-not-verified",
    );
  });

  it("replay: a facility API key (even a write key) cannot review, approve, decline, disburse, default or write off", async () => {
    const w = await facilityWorld();
    const { key } = await createApiKeyViaApi(w.underwriter.headers, "facility robot", "write");
    const robot = bearer(key);
    const applied = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("20000.00"), purpose: "Dubbing" });
    await api.submit(w.studio.headers, applied.body.id);
    const userRequired = async (res: Promise<Parameters<typeof expectProblem>[0]>) =>
      expect(expectProblem(await res, 403).type).toBe("/problems/user-required");
    await userRequired(api.review(robot, applied.body.id));
    await userRequired(api.decide(robot, applied.body.id, { decision: "APPROVED" }));
    await userRequired(api.decide(robot, applied.body.id, { decision: "DECLINED", reason: "no" }));
    const approved = await approvedAdvance(w, "30000.00");
    await userRequired(api.disburse(robot, approved, "robot-1"));
    const disbursed = await disbursedAdvance(w, "40000.00");
    await userRequired(api.default(robot, disbursed, { reason: "Licensee insolvent" }));
    expect((await api.default(w.underwriter.headers, disbursed, { reason: "Licensee insolvent" })).status).toBe(200);
    await userRequired(api.writeOff(robot, disbursed, { reason: "Nothing left" }));
    expect((await db.advance.findUniqueOrThrow({ where: { id: disbursed } })).status).toBe("DEFAULTED");
    expect(await db.ledgerEntry.count({ where: { kind: "WRITE_OFF" } })).toBe(0);
  });
});

describe("API key scopes", () => {
  it("keys default to read; a read key may GET but gets 403 on every other method; a write key may write", async () => {
    const owner = await registerViaApi();
    const created = await callRoute(createKey, "/api/v1/api-keys", { headers: owner.headers, json: { name: "reporting" } });
    expect(created.body.scope).toBe("read");
    const reader = bearer(created.body.key);
    expect((await callRoute(listTitles, "/api/v1/titles", { headers: reader })).status).toBe(200);
    expect((await callRoute(me, "/api/v1/me", { headers: reader })).status).toBe(200);
    const refused = expectProblem(
      await callRoute(invite, "/api/v1/invitations", { headers: reader, json: { email: "x@corp.test", role: "MEMBER" } }),
      403,
    );
    expect(refused.type).toBe("/problems/insufficient-scope");
    const { POST: createTitle } = await import("@/app/api/v1/titles/route");
    const title = titleBody();
    expectProblem(await callRoute(createTitle, "/api/v1/titles", { headers: reader, json: title }), 403);
    expect(await db.title.count()).toBe(0);

    const writer = await callRoute(createKey, "/api/v1/api-keys", { headers: owner.headers, json: { name: "sync", scope: "write" } });
    expect(writer.body.scope).toBe("write");
    expect((await callRoute(createTitle, "/api/v1/titles", { headers: bearer(writer.body.key), json: title })).status).toBe(201);
    expectProblem(await callRoute(createKey, "/api/v1/api-keys", { headers: owner.headers, json: { name: "x", scope: "admin" } }), 422);
  });
});
