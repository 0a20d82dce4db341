import "server-only";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { appUrl, enqueueEmail } from "@/lib/mail/outbox";
import { mailLocale } from "@/lib/mail/templates";
import { notificationSentence } from "./render";
import { deliveryFor } from "./rules";

/** Items per digest e-mail; more are counted in the next day's. */
const MAX_ITEMS = 200;

export type DigestRun = { people: number; digests: number; items: number; skipped: number };

/**
 * The daily digest: for each person with notifications waiting (written while their e-mail
 * preference for that kind was DAILY_DIGEST), one e-mail listing them in their language, sent
 * once per person per UTC day. The unique key (user_id, day) of notification_digest makes a
 * rerun, a retry or a second worker send nothing more; the items are claimed in the same
 * transaction as that row and the outbox message, so a failure leaves them for the next run.
 * Items are dropped (not sent) when the person has since switched that kind's e-mail away from
 * the digest, left the organisation, or no longer has a verified address.
 */
export async function sendDailyDigests(now: Date = new Date()): Promise<DigestRun> {
  const day = dateOnly(now);
  const waiting = await db.notificationDigestItem.groupBy({
    by: ["userId"],
    where: { digestId: null, createdAt: { lte: now } },
    orderBy: { userId: "asc" },
  });
  const run: DigestRun = { people: waiting.length, digests: 0, items: 0, skipped: 0 };
  for (const { userId } of waiting) {
    const sent = await db.$transaction(async (tx) => {
      // Claim the day first: a person who already had today's digest gets nothing more today.
      const claimed = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        INSERT INTO notification_digest (id, user_id, day) VALUES (gen_random_uuid(), ${userId}::uuid, ${day}::date)
        ON CONFLICT (user_id, day) DO NOTHING RETURNING id::text AS id`);
      const digest = claimed[0];
      if (!digest) return null;
      const items = await tx.$queryRaw<{ id: string; org_id: string; kind: string; params: Prisma.JsonValue; href: string }[]>(Prisma.sql`
        UPDATE notification_digest_item SET digest_id = ${digest.id}::uuid
         WHERE id IN (SELECT id FROM notification_digest_item
                       WHERE user_id = ${userId}::uuid AND digest_id IS NULL AND created_at <= ${now}
                       ORDER BY created_at, id LIMIT ${MAX_ITEMS} FOR UPDATE SKIP LOCKED)
        RETURNING id::text AS id, org_id::text AS org_id, kind, params, href`);
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          email: true,
          name: true,
          locale: true,
          emailVerifiedAt: true,
          memberships: { select: { organizationId: true, organization: { select: { name: true } } } },
        },
      });
      const orgs = new Map(user.memberships.map((m) => [m.organizationId, m.organization.name]));
      const prefs = new Map(
        (await tx.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true, inApp: true } })).map((p) => [
          p.kind,
          p,
        ]),
      );
      const emailVerified = user.emailVerifiedAt !== null;
      const kept = items
        .filter((i) => orgs.has(i.org_id) && deliveryFor(i.kind, prefs.get(i.kind), { emailVerified }).email === "DAILY_DIGEST")
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const dropped = items.length - kept.length;
      if (kept.length === 0) {
        // Nothing left to tell: the items are settled, and the day stays free for a digest that has content.
        await tx.notificationDigestItem.deleteMany({ where: { digestId: digest.id } });
        await tx.notificationDigest.delete({ where: { id: digest.id } });
        return { items: 0, dropped };
      }
      const locale = mailLocale(user.locale);
      const email = await enqueueEmail(tx, {
        to: user.email,
        locale,
        template: "notification-digest",
        vars: {
          name: user.name,
          day,
          url: appUrl("/notifications"),
          items: kept.map((i) => ({
            organization: orgs.get(i.org_id) ?? "",
            text: notificationSentence(
              locale,
              i.kind,
              i.params && typeof i.params === "object" && !Array.isArray(i.params) ? i.params : {},
            ),
            url: appUrl(i.href),
          })),
        },
      });
      await tx.notificationDigestItem.deleteMany({ where: { digestId: digest.id, id: { notIn: kept.map((i) => i.id) } } });
      await tx.notificationDigest.update({ where: { id: digest.id }, data: { itemCount: kept.length, emailId: email.id } });
      return { items: kept.length, dropped };
    });
    if (!sent) run.skipped += 1;
    else {
      if (sent.items > 0) run.digests += 1;
      run.items += sent.items;
    }
  }
  return run;
}
