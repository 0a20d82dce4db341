import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import pg from "pg";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { logger } from "@/lib/log/logger";
import { type MailLocale, type MailMessage, NOTIFICATION_SETTINGS_PATH, renderMail } from "./templates";

/**
 * The e-mail outbox. A message is rendered and written to `email_outbox` inside the transaction
 * of the change that causes it (so nothing is sent for a rolled-back change and nothing is lost
 * while the SMTP server is down); `deliverPending` sends what is due through nodemailer and
 * retries failures with exponential backoff; `startOutboxLoop` runs it on every commit
 * (LISTEN/NOTIFY) and every few seconds.
 */

export const OUTBOX_CHANNEL = "rightsbridge_outbox";
/** After this many failed attempts a message is FAILED (shown at Platform → Outbox). */
export const MAX_ATTEMPTS = 8;
/** A claimed message is not claimed again for this long (a process that died mid-send). */
const LEASE_SECONDS = 60;
const POLL_MS = 2_000;

/** Seconds to wait before attempt `attempts + 1` after `attempts` failures: 2, 4, 8 … capped at 15 min. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(attempts, 1), 15 * 60);
}

export type OutgoingMail = MailMessage & { to: string; locale: MailLocale };

/** Writes the message in the caller's transaction; the NOTIFY reaches the loop when it commits. */
export async function enqueueEmail(tx: Tx, message: OutgoingMail): Promise<{ id: string }> {
  const rendered = renderMail(message, message.locale, { settingsUrl: appUrl(NOTIFICATION_SETTINGS_PATH) });
  const row = await tx.emailOutbox.create({
    data: {
      toAddress: message.to,
      locale: message.locale,
      template: message.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
    },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return row;
}

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** An absolute link into the app for an e-mail (NEXTAUTH_URL is the app's public address). */
export function appUrl(path: string): string {
  return new URL(path, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Rightsbridge <no-reply@rightsbridge.local>";
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

type Claimed = { id: string; to_address: string; subject: string; text_body: string; html_body: string; attempts: number };

/**
 * Sends up to `limit` due messages. Rows are claimed with `FOR UPDATE SKIP LOCKED` and leased
 * (next_attempt_at pushed ahead, attempts counted) in one statement, so several processes never
 * send the same message at once; a process that dies mid-send leaves the lease to expire and
 * the message is retried. Without SMTP_URL nothing is sent: messages stay PENDING.
 */
export async function deliverPending(options: { limit?: number } = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const counts = { sent: 0, failed: 0, retried: 0 };
  const url = process.env.SMTP_URL;
  if (!url) return counts;
  const limit = options.limit ?? 20;
  const claimed = await db.$queryRaw<Claimed[]>(Prisma.sql`
    UPDATE email_outbox o
       SET attempts = o.attempts + 1,
           next_attempt_at = now() + ${LEASE_SECONDS} * interval '1 second',
           updated_at = now()
      FROM (SELECT id FROM email_outbox
             WHERE status = 'PENDING' AND next_attempt_at <= now()
             ORDER BY next_attempt_at, id
             LIMIT ${limit}
             FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
    RETURNING o.id, o.to_address, o.subject, o.text_body, o.html_body, o.attempts`);
  const transport = transportFor(url);
  for (const message of claimed) {
    try {
      await transport.sendMail({
        from: mailFrom(),
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
      });
      await db.emailOutbox.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      counts.sent += 1;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const gaveUp = message.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id: message.id },
        data: gaveUp
          ? { status: "FAILED", lastError }
          : { lastError, nextAttemptAt: new Date(Date.now() + backoffSeconds(message.attempts) * 1000) },
      });
      if (gaveUp) counts.failed += 1;
      else counts.retried += 1;
      logger.warn({ outboxId: message.id, attempts: message.attempts, gaveUp, err: lastError }, "mail.send_failed");
    }
  }
  return counts;
}

/**
 * Delivers on every commit that wrote a message (LISTEN) and every POLL_MS (retries, missed
 * notifications, a lost connection). One delivery runs at a time per process; a notification
 * during a run triggers another. Returns a function that stops the loop and waits for the run.
 */
export function startOutboxLoop(): () => Promise<void> {
  if (!smtpConfigured()) {
    logger.warn("SMTP_URL is not set: e-mails stay in the outbox (Platform → Outbox) and are not sent");
    return async () => {};
  }
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let listener: pg.Client | null = null;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await deliverPending({ limit: 50 });
          if (result.sent + result.failed + result.retried > 0) logger.info(result, "mail.outbox");
          // A full batch means more may be due right now.
          if (result.sent + result.failed + result.retried >= 50) again = true;
        } catch (error) {
          logger.error({ err: error }, "mail.outbox_failed");
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const listen = async () => {
    if (stopped || listener) return;
    const client = new pg.Client({ connectionString: resolveDatabaseUrl() });
    listener = client;
    client.on("notification", run);
    client.on("error", (error) => {
      logger.warn({ err: error }, "mail.listen_lost");
      if (listener === client) listener = null;
      client.end().catch(() => {});
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      logger.warn({ err: error }, "mail.listen_failed");
      if (listener === client) listener = null;
      await client.end().catch(() => {});
    }
  };

  const timer = setInterval(() => {
    void listen();
    run();
  }, POLL_MS);
  timer.unref?.();
  void listen();
  run();

  return async () => {
    stopped = true;
    clearInterval(timer);
    const client = listener;
    listener = null;
    await client?.end().catch(() => {});
    await running;
  };
}
