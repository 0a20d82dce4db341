import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as outboxRoute } from "@/app/api/v1/platform/outbox/route";
import { db } from "@/lib/db/client";
import { deliverPending, enqueueEmail, MAX_ATTEMPTS, startOutboxLoop } from "@/lib/mail/outbox";
import { bearer, callRoute, createApiKeyViaApi, expectProblem, registerViaApi, sessionHeaders } from "../support/api";
import { resetDb } from "../support/db";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";

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
  smtp.refuse = false;
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Rightsbridge Test <mail@rightsbridge.test>";
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

const resetMail = (to: string, locale: "en" | "zh" = "en") =>
  ({
    to,
    locale,
    template: "password-reset",
    vars: { name: "Mei <b>Lin</b>", url: "http://localhost:3000/reset-password/abc_DEF-123" },
  }) as const;

describe("the e-mail outbox", () => {
  it("delivers a committed message over SMTP with text and HTML parts, in the recipient's language", async () => {
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, resetMail("mei@example.test", "zh"));
      await enqueueEmail(tx, resetMail("ann@example.test", "en"));
    });
    expect(await deliverPending()).toEqual({ sent: 2, failed: 0, retried: 0 });

    const zh = smtp.received.find((m) => m.to.includes("mei@example.test"));
    expect(zh).toMatchObject({ from: "mail@rightsbridge.test", subject: "重置您的 Rightsbridge 密码" });
    expect(zh?.text).toContain("http://localhost:3000/reset-password/abc_DEF-123");
    expect(zh?.text).toContain("设置新密码");
    expect(zh?.html).toContain('href="http://localhost:3000/reset-password/abc_DEF-123"');
    // Values are escaped in the HTML part.
    expect(zh?.html).toContain("Mei &lt;b&gt;Lin&lt;/b&gt;");
    expect(zh?.html).not.toContain("<b>Lin</b>");
    const en = smtp.received.find((m) => m.to.includes("ann@example.test"));
    expect(en?.subject).toBe("Reset your Rightsbridge password");

    const rows = await db.emailOutbox.findMany({ orderBy: { toAddress: "asc" } });
    expect(rows.map((r) => [r.toAddress, r.status, r.attempts, r.sentAt !== null])).toEqual([
      ["ann@example.test", "SENT", 1, true],
      ["mei@example.test", "SENT", 1, true],
    ]);
    // Sent messages are not sent again.
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("writes nothing for a rolled-back change", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, resetMail("ghost@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.emailOutbox.count()).toBe(0);
    await deliverPending();
    expect(smtp.received).toHaveLength(0);
  });

  it("keeps messages while the SMTP server refuses them, retries with backoff, and gives up after the last attempt", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, resetMail("later@example.test")));
    smtp.refuse = true;
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await db.emailOutbox.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/451|busy/i);
    // Not due again at once: the backoff pushed next_attempt_at ahead.
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });

    // The server comes back; once the message is due it goes out.
    smtp.refuse = false;
    await db.emailOutbox.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverPending()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await db.emailOutbox.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 2, lastError: null });

    // A message that fails its last attempt is FAILED, with the error kept.
    await db.$transaction((tx) => enqueueEmail(tx, resetMail("never@example.test")));
    await db.emailOutbox.updateMany({ where: { toAddress: "never@example.test" }, data: { attempts: MAX_ATTEMPTS - 1 } });
    smtp.refuse = true;
    expect(await deliverPending()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await db.emailOutbox.findFirstOrThrow({ where: { toAddress: "never@example.test" } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringMatching(/busy/i),
    });
  });

  it("without SMTP_URL leaves every message pending", async () => {
    delete process.env.SMTP_URL;
    await db.$transaction((tx) => enqueueEmail(tx, resetMail("kept@example.test")));
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await db.emailOutbox.findFirstOrThrow()).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("sends each message once when several processes deliver at the same time", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 12; i++) await enqueueEmail(tx, resetMail(`many${i}@example.test`));
    });
    const results = await Promise.all([deliverPending({ limit: 5 }), deliverPending({ limit: 5 }), deliverPending({ limit: 5 })]);
    const rest = await deliverPending({ limit: 50 });
    expect(results.reduce((n, r) => n + r.sent, rest.sent)).toBe(12);
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.flatMap((m) => m.to)).size).toBe(12);
  });

  it("the loop delivers within 5 seconds of the commit that wrote the message", async () => {
    const stop = startOutboxLoop();
    try {
      // Let the loop's first (empty) pass and LISTEN settle so the notification is what wakes it.
      await new Promise((r) => setTimeout(r, 300));
      const committed = Date.now();
      await db.$transaction((tx) => enqueueEmail(tx, resetMail("prompt@example.test")));
      const mail = await smtp.waitFor((m) => m.to.includes("prompt@example.test"), 5_000);
      expect(new Date(mail.receivedAt).getTime() - committed).toBeLessThan(5_000);
    } finally {
      await stop();
    }
  });
});

describe("GET /api/v1/platform/outbox", () => {
  it("lists messages newest first with status and last error, paginated, to platform admins only", async () => {
    const operator = await registerViaApi({ email: "ops@platform.test" });
    const platform = await db.organization.create({
      data: { name: "Ops", kind: "PLATFORM", homeCountry: "CN", memberships: { create: { userId: operator.userId, role: "OWNER" } } },
    });
    const admin = await sessionHeaders(operator.userId, platform.id);
    await db.emailOutbox.deleteMany();
    for (const to of ["first@example.test", "second@example.test", "third@example.test"]) {
      await db.$transaction((tx) => enqueueEmail(tx, resetMail(to)));
    }
    smtp.refuse = true;
    await deliverPending({ limit: 1 });

    const page1 = await callRoute(outboxRoute, "/api/v1/platform/outbox", { headers: admin, query: { limit: 2 } });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((m: { to: string }) => m.to)).toEqual(["third@example.test", "second@example.test"]);
    expect(page1.body.items[0]).toMatchObject({
      template: "password-reset",
      locale: "en",
      subject: "Reset your Rightsbridge password",
      status: "PENDING",
      text: expect.stringContaining("/reset-password/abc_DEF-123"),
    });
    const page2 = await callRoute(outboxRoute, "/api/v1/platform/outbox", {
      headers: admin,
      query: { limit: 2, cursor: page1.body.nextCursor },
    });
    expect(page2.body).toMatchObject({ nextCursor: null, items: [{ to: "first@example.test", attempts: 1, status: "PENDING" }] });
    expect(page2.body.items[0].lastError).toMatch(/busy/i);

    // A studio owner and a platform API key get 403.
    const studio = await registerViaApi({ email: "owner@studio.test" });
    expectProblem(await callRoute(outboxRoute, "/api/v1/platform/outbox", { headers: studio.headers }), 403);
    const key = await createApiKeyViaApi(admin);
    expectProblem(await callRoute(outboxRoute, "/api/v1/platform/outbox", { headers: bearer(key.key) }), 403);
    expectProblem(await callRoute(outboxRoute, "/api/v1/platform/outbox", {}), 401);
  });
});
