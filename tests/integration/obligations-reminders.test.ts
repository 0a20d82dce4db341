import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { jobs } from "@/lib/jobs/registry";
import { findJob, runJob } from "@/lib/jobs/run";
import { deliverPending } from "@/lib/mail/outbox";
import { runReminders } from "@/lib/obligations/reminders";
import { resetDb } from "../support/db";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { type ObligationWorld, obligationsApi, obligationWorld } from "./obligations-fixtures";
import { statementsApi, usd } from "./statements-fixtures";

let smtp: TestSmtpServer;
let w: ObligationWorld;
let people: { admin: { id: string; email: string }; member: { id: string; email: string } };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});
afterEach(() => {
  delete process.env.SMTP_URL;
});

/** 10:00 on `date` in Bangkok (UTC+7, no daylight saving), where both parties keep their calendar. */
const atBangkok = (date: string, hour = 10) => new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 7) * 3_600_000);

async function addMember(orgId: string, role: "ADMIN" | "MEMBER", email: string, locale: string) {
  const user = await db.user.create({ data: { email, name: `${role} person`, passwordHash: "x", locale, emailVerifiedAt: new Date() } });
  await db.membership.create({ data: { userId: user.id, organizationId: orgId, role } });
  return { id: user.id, email };
}

const reminders = () => db.notification.findMany({ where: { kind: "obligation.reminder" }, orderBy: { userId: "asc" } });
const reminderJob = findJob(jobs, "reminders")!;

beforeEach(async () => {
  await resetDb();
  smtp.received.length = 0;
  process.env.SMTP_URL = smtp.url;
  w = await obligationWorld(7, 40);
  // The sign-up verification e-mails are not what these tests count.
  await db.emailOutbox.deleteMany();
  people = {
    admin: await addMember(w.partner.orgId, "ADMIN", "admin.zh@siam.test", "zh"),
    member: await addMember(w.partner.orgId, "MEMBER", "member@siam.test", "en"),
  };
});

describe("reminders: an instalment due in 7 days", () => {
  it("one run sends exactly one e-mail and one notification to each owner and admin of both parties; a rerun sends nothing", async () => {
    expect(reminderJob).toBeDefined();
    const first = await runJob(reminderJob, { source: "manual" });
    expect(first).toMatchObject({ reminders: 2, notifications: 3, emails: 3 });
    expect(await deliverPending()).toMatchObject({ sent: 3, failed: 0 });

    const to = smtp.received.flatMap((m) => m.to).sort();
    expect(to).toEqual([people.admin.email, w.partner.email, w.studio.email].sort());
    const partnerOwnerMail = smtp.received.find((m) => m.to.includes(w.partner.email))!;
    expect(partnerOwnerMail.subject).toContain("MG instalment is due in 7 days");
    expect(partnerOwnerMail.text).toContain("Outstanding: 400.00 USD");
    expect(partnerOwnerMail.text).toContain("Siam Screens owes this.");
    expect(partnerOwnerMail.text).toContain(`/deals/${w.dealId}/receipts`);
    const studioMail = smtp.received.find((m) => m.to.includes(w.studio.email))!;
    expect(studioMail.text).toContain("This is owed to Jade Studio");
    const adminMail = smtp.received.find((m) => m.to.includes(people.admin.email))!;
    expect(adminMail.subject).toContain("提醒：保底金分期款7 天后到期");
    expect(adminMail.text).toContain("未结金额：400.00 USD");

    const notes = await reminders();
    expect(notes.map((n) => n.userId).sort()).toEqual([people.admin.id, w.partner.userId, w.studio.userId].sort());
    expect(notes.every((n) => n.href === `/deals/${w.dealId}/receipts` && n.subjectId === w.dealId)).toBe(true);
    expect(notes.find((n) => n.userId === w.partner.userId)?.params).toMatchObject({
      obligationId: `MG_INSTALMENT.${w.dealId}.0`,
      obligationKind: "MG_INSTALMENT",
      stage: "D7",
      side: "OWED_BY_US",
      days: 7,
    });

    // Rerun, by hand and on schedule: nothing more.
    expect(await runJob(reminderJob, { source: "manual" })).toMatchObject({ reminders: 0, notifications: 0, emails: 0 });
    expect(await runReminders({ now: atBangkok(addDays(w.firstDue, -7), 11) })).toMatchObject({ reminders: 0 });
    expect(await deliverPending()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(3);
    expect(await reminders()).toHaveLength(3);
    expect(await db.obligationReminder.count()).toBe(2);
  });

  it("two runs at once still send once (the unique key decides)", async () => {
    const [a, b] = await Promise.all([runReminders({ force: true }), runReminders({ force: true })]);
    expect(a.reminders + b.reminders).toBe(2);
    expect(a.emails + b.emails).toBe(3);
    expect(await reminders()).toHaveLength(3);
    expect(await db.emailOutbox.count({ where: { template: "obligation-reminder" } })).toBe(3);
  });

  it("a scheduled run waits for 09:00 on the organisation's clock and then acts once that day", async () => {
    const day = addDays(w.firstDue, -7);
    const parties = { orgId: { in: [w.studio.orgId, w.partner.orgId] } };
    expect(await runReminders({ now: atBangkok(day, 8) })).toMatchObject({ reminders: 0 });
    expect(await db.reminderRun.count({ where: parties })).toBe(0);
    expect(await runReminders({ now: atBangkok(day, 9) })).toMatchObject({ reminders: 2, emails: 3 });
    expect(await db.reminderRun.count({ where: parties })).toBe(2);
    expect(await runReminders({ now: atBangkok(day, 15) })).toMatchObject({ reminders: 0 });
  });

  it("after a receipt covers the instalment it is DONE and no overdue reminder ever follows", async () => {
    await runReminders({ now: atBangkok(addDays(w.firstDue, -7)) });
    const paid = await statementsApi.receipt(w.studio.headers, w.dealId, {
      kind: "MG_INSTALMENT",
      amount: usd("400.00"),
      receivedOn: addDays(w.firstDue, -7),
      instalmentIndex: 0,
    });
    expect(paid.status, paid.text).toBe(201);
    const list = await obligationsApi.list(w.partner.headers, { kind: "MG_INSTALMENT" });
    expect(list.body.items[0]).toMatchObject({ id: `MG_INSTALMENT.${w.dealId}.0`, status: "DONE", outstanding: usd("0.00") });

    for (let d = -1; d <= 10; d++) await runReminders({ now: atBangkok(addDays(w.firstDue, d)) });
    const stages = await db.obligationReminder.findMany({
      where: { obligationId: `MG_INSTALMENT.${w.dealId}.0` },
      select: { stage: true },
    });
    expect(stages.map((s) => s.stage)).toEqual(["D7", "D7"]);
  });

  it("without the receipt, the first overdue day brings the overdue reminder (once), and the day before the D1", async () => {
    await runReminders({ now: atBangkok(addDays(w.firstDue, -7)) });
    await runReminders({ now: atBangkok(addDays(w.firstDue, -1)) });
    await runReminders({ now: atBangkok(addDays(w.firstDue, 1)) });
    await runReminders({ now: atBangkok(addDays(w.firstDue, 2)) });
    const rows = await db.obligationReminder.findMany({
      where: { obligationId: `MG_INSTALMENT.${w.dealId}.0`, orgId: w.partner.orgId },
      orderBy: { sentAt: "asc" },
    });
    expect(rows.map((r) => r.stage)).toEqual(["D7", "D1", "OVERDUE"]);
    expect(rows.map((r) => r.recipients)).toEqual([2, 2, 2]);
    await deliverPending();
    expect(smtp.received.filter((m) => m.to.includes(w.partner.email)).map((m) => m.subject)).toEqual([
      expect.stringContaining("is due in 7 days"),
      expect.stringContaining("is due tomorrow"),
      expect.stringContaining("is overdue"),
    ]);
  });
});
