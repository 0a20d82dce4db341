/**
 * Notification preferences and delivery: each person reads and sets only their own preferences;
 * an event reaches the members of the organisation that should know, as each chose — an e-mail at
 * once (received by a real SMTP server), nothing by e-mail, or one daily digest that a rerun never
 * sends twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as prefsGet, PUT as prefsPut } from "@/app/api/v1/me/notification-preferences/route";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { db } from "@/lib/db/client";
import { jobs } from "@/lib/jobs/registry";
import { findJob, runJob } from "@/lib/jobs/run";
import { deliverPending } from "@/lib/mail/outbox";
import { PREFERENCE_KINDS } from "@/lib/notifications/schema";
import {
  addMemberViaInvitation,
  bearer,
  callRoute,
  createApiKeyViaApi,
  dealsApi,
  draftDealViaApi,
  expectProblem,
  grantBody,
  type Registered,
  registerViaApi,
  titleViaApi,
} from "../support/api";
import { resetDb } from "../support/db";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";

type H = Record<string, string>;
const api = {
  get: (headers: H) => callRoute(prefsGet, "/api/v1/me/notification-preferences", { headers }),
  put: (headers: H, json: unknown) => callRoute(prefsPut, "/api/v1/me/notification-preferences", { method: "PUT", headers, json }),
  notifications: (headers: H) => callRoute(notificationsRoute, "/api/v1/notifications", { headers }),
};

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
});

type World = { studio: Registered; partner: Registered; outsider: Registered; dealId: string };

/** A studio drafts a deal of 《天衍仙途》 with a Thai partner; an outsider partner looks on. */
async function world(): Promise<World> {
  const studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  const partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  const outsider = await registerViaApi({ organization: { name: "Aurora", kind: "PARTNER", homeCountry: "BR" } });
  const titleId = await titleViaApi(studio.headers, { originalTitle: "天衍仙途" });
  await db.title.update({ where: { id: titleId }, data: { titleEn: "The Celestial Path", titleZh: "天衍仙途" } });
  const dealId = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(titleId)], { name: "SEA 2027" });
  // Sign-up and verification mails are not what these tests count.
  await db.emailOutbox.deleteMany();
  return { studio, partner, outsider, dealId };
}

async function propose(w: World) {
  const res = await dealsApi.propose(w.studio.headers, w.dealId);
  expect(res.status).toBe(200);
}

const notificationMails = () => db.emailOutbox.findMany({ where: { template: { startsWith: "notification" } }, orderBy: { id: "asc" } });

describe("GET/PUT /api/v1/me/notification-preferences", () => {
  it("lists every kind with its default, sets what is sent and keeps the rest", async () => {
    const me = await registerViaApi();
    const before = await api.get(me.headers);
    expect(before.status).toBe(200);
    expect(before.body.items.map((i: { kind: string }) => i.kind)).toEqual([...PREFERENCE_KINDS]);
    expect(before.body.items[0]).toEqual({ kind: "DEAL_PROPOSED", email: "IMMEDIATE", inApp: true });

    const put = await api.put(me.headers, {
      items: [
        { kind: "DEAL_PROPOSED", email: "DAILY_DIGEST", inApp: false },
        { kind: "MG_INSTALMENT", email: "OFF", inApp: true },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.items).toHaveLength(PREFERENCE_KINDS.length);
    const after = (await api.get(me.headers)).body.items as { kind: string }[];
    expect(after.find((i) => i.kind === "DEAL_PROPOSED")).toEqual({ kind: "DEAL_PROPOSED", email: "DAILY_DIGEST", inApp: false });
    expect(after.find((i) => i.kind === "MG_INSTALMENT")).toEqual({ kind: "MG_INSTALMENT", email: "OFF", inApp: true });
    expect(after.find((i) => i.kind === "DEAL_SIGNED")).toEqual({ kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true });

    // Setting it again changes the one row, not a second one.
    await api.put(me.headers, { items: [{ kind: "DEAL_PROPOSED", email: "IMMEDIATE", inApp: true }] });
    expect(await db.notificationPreference.count({ where: { userId: me.userId, kind: "DEAL_PROPOSED" } })).toBe(1);
  });

  it("refuses unknown kinds, unknown values and malformed bodies with 422, changing nothing", async () => {
    const me = await registerViaApi();
    for (const body of [
      { items: [{ kind: "DEAL_EXPLODED", email: "OFF", inApp: true }] },
      { items: [{ kind: "DEAL_SIGNED", email: "WEEKLY", inApp: true }] },
      { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: "no" }] },
      { items: [{ kind: "DEAL_SIGNED", email: "OFF" }] },
      {
        items: [
          { kind: "DEAL_SIGNED", email: "OFF", inApp: true },
          { kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true },
        ],
      },
      { items: "all" },
      { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: true }], userId: "someone-else" },
      [],
    ]) {
      const res = await api.put(me.headers, body);
      const problem = expectProblem(res, 422);
      expect(problem.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    // A good item beside an unknown one: nothing is saved.
    expectProblem(
      await api.put(me.headers, {
        items: [
          { kind: "DEAL_SIGNED", email: "OFF", inApp: true },
          { kind: "NOPE", email: "OFF", inApp: true },
        ],
      }),
      422,
    );
    expect(await db.notificationPreference.count()).toBe(0);
  });

  it("are each person's own: a colleague's and another organisation's preferences are untouched; API keys have none", async () => {
    const owner = await registerViaApi();
    const colleague = await addMemberViaInvitation(owner, "ADMIN");
    const stranger = await registerViaApi();
    await api.put(owner.headers, { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: false }] });
    for (const other of [colleague.memberHeaders, colleague.headers, stranger.headers]) {
      const items = (await api.get(other)).body.items as { kind: string }[];
      expect(items.find((i) => i.kind === "DEAL_SIGNED")).toEqual({ kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true });
    }
    expect(await db.notificationPreference.findMany({ select: { userId: true } })).toEqual([{ userId: owner.userId }]);

    const key = await createApiKeyViaApi(owner.headers);
    expectProblem(await api.get(bearer(key.key)), 403);
    expectProblem(await api.put(bearer(key.key), { items: [{ kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true }] }), 403);
    expect((await api.get({})).status).toBe(401);
  });
});

describe("event delivery by preference", () => {
  it("IMMEDIATE: one e-mail per member of the receiving organisation, in their language, linking to the deal and the settings", async () => {
    const w = await world();
    const colleague = await addMemberViaInvitation(w.partner, "MEMBER");
    await db.user.update({ where: { id: colleague.userId }, data: { locale: "zh" } });
    await db.emailOutbox.deleteMany();
    await propose(w);
    expect(await deliverPending()).toMatchObject({ sent: 2 });

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([w.partner.email, colleague.email].sort());
    const en = smtp.received.find((m) => m.to.includes(w.partner.email))!;
    expect(en.subject).toBe("Jade Studio proposed the deal “SEA 2027” (“The Celestial Path”) to you; it awaits your signature.");
    expect(en.text).toContain(`http://localhost:3000/deals/${w.dealId}`);
    expect(en.text).toContain("http://localhost:3000/settings/notifications");
    const zh = smtp.received.find((m) => m.to.includes(colleague.email))!;
    expect(zh.subject).toBe("Jade Studio 向您提议了交易“SEA 2027”（《天衍仙途》），等待您签署。");
    expect(zh.html).toContain('href="http://localhost:3000/settings/notifications"');

    // In-app too, for both partner members; the proposer's side and the outsider hear nothing.
    for (const headers of [w.partner.headers, colleague.memberHeaders]) {
      const items = (await api.notifications(headers)).body.items;
      expect(items).toMatchObject([
        { kind: "DEAL_PROPOSED", subjectId: w.dealId, href: `/deals/${w.dealId}`, params: { deal: "SEA 2027", titlesZh: ["天衍仙途"] } },
      ]);
    }
    for (const headers of [w.studio.headers, w.outsider.headers, colleague.headers]) {
      expect((await api.notifications(headers)).body.items).toEqual([]);
    }
  });

  it("OFF sends no e-mail (in-app stays as chosen); in-app off writes no notification", async () => {
    const w = await world();
    await api.put(w.partner.headers, { items: [{ kind: "DEAL_PROPOSED", email: "OFF", inApp: true }] });
    await propose(w);
    expect(await notificationMails()).toEqual([]);
    await deliverPending();
    expect(smtp.received).toEqual([]);
    expect((await api.notifications(w.partner.headers)).body.items.map((n: { kind: string }) => n.kind)).toEqual(["DEAL_PROPOSED"]);

    await api.put(w.studio.headers, { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: false }] });
    expect((await dealsApi.sign(w.partner.headers, w.dealId)).status).toBe(200);
    expect((await api.notifications(w.studio.headers)).body.items).toEqual([]);
    expect(await notificationMails()).toEqual([]);
  });

  it("sends no e-mail to an address that is not verified", async () => {
    const w = await world();
    await db.user.update({ where: { id: w.partner.userId }, data: { emailVerifiedAt: null } });
    await propose(w);
    expect(await notificationMails()).toEqual([]);
    expect((await api.notifications(w.partner.headers)).body.items).toHaveLength(1);
  });

  it("DAILY_DIGEST gathers the day's notifications into one e-mail; running the job again sends nothing", async () => {
    const w = await world();
    await api.put(w.partner.headers, {
      items: [
        { kind: "DEAL_PROPOSED", email: "DAILY_DIGEST", inApp: true },
        { kind: "DEAL_TERMINATED", email: "DAILY_DIGEST", inApp: false },
      ],
    });
    await propose(w);
    expect((await dealsApi.terminate(w.studio.headers, w.dealId, "Plans changed.")).status).toBe(200);
    expect(await notificationMails()).toEqual([]);

    const job = findJob(jobs, "notification-digest")!;
    expect(await runJob(job, { source: "manual" })).toEqual({ people: 1, digests: 1, items: 2, skipped: 0 });
    expect(await deliverPending()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const digest = smtp.received[0]!;
    expect(digest.to).toEqual([w.partner.email]);
    expect(digest.subject).toMatch(/^Rightsbridge: your daily digest of .+ \(2\)$/);
    expect(digest.text).toContain("Siam Screens: Jade Studio proposed the deal “SEA 2027”");
    expect(digest.text).toContain("Siam Screens: Jade Studio terminated the deal “SEA 2027” (“The Celestial Path”): Plans changed.");
    expect(digest.text).toContain("http://localhost:3000/settings/notifications");

    // Rerun: nothing waits, nothing is sent. A later event the same day waits for tomorrow's digest.
    expect(await runJob(job, { source: "manual" })).toEqual({ people: 0, digests: 0, items: 0, skipped: 0 });
    await db.notificationDigestItem.create({
      data: { userId: w.partner.userId, orgId: w.partner.orgId, kind: "DEAL_PROPOSED", params: { deal: "Later" }, href: "/deals" },
    });
    expect(await runJob(job, { source: "manual" })).toEqual({ people: 1, digests: 0, items: 0, skipped: 1 });
    await deliverPending();
    expect(smtp.received).toHaveLength(1);
    expect(await db.notificationDigest.count()).toBe(1);
    expect(await db.notificationDigestItem.count({ where: { digestId: null } })).toBe(1);
  });
});
