import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { appUrl } from "@/lib/mail/outbox";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { calendarDocument } from "./ics";
import { presentObligation } from "./present";
import { orgObligations } from "./queries";
import type { ObligationKind, ObligationSide, ObligationStatus } from "./schema";

/**
 * Private calendar feeds: one per person and organisation. The token (32 random bytes) is shown
 * once, in the feed URL; only its SHA-256 is stored. Creating a new one revokes the old one.
 * Calendar apps cannot send headers, so the token in the query string is the credential: it
 * reads one organisation's dates and nothing else, and a revoked token answers 404.
 */

export const FEED_TOKEN_PREFIX = "rbcal_";
const personOnly = () => fail("forbidden", "PEOPLE_ONLY", "Calendar feeds belong to people: sign in to create one (API keys have none).");

export const feedUrl = (token: string) => appUrl(`/api/v1/obligations.ics?token=${token}`);

export type FeedState = { id: string; createdAt: string; lastUsedAt: string | null } | null;

export async function currentFeed(actor: Actor): Promise<FeedState> {
  if (!actor.userId) return null;
  const feed = await db.calendarFeed.findFirst({
    where: { userId: actor.userId, orgId: actor.org.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return feed ? { id: feed.id, createdAt: feed.createdAt.toISOString(), lastUsedAt: feed.lastUsedAt?.toISOString() ?? null } : null;
}

export async function createFeed(actor: Actor): Promise<Result<{ id: string; url: string; createdAt: string }>> {
  if (!actor.userId) return personOnly();
  const userId = actor.userId;
  const token = `${FEED_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const feed = await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({ where: { userId, orgId: actor.org.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.calendarFeed.create({ data: { userId, orgId: actor.org.id, tokenHash: sha256(token) } });
    await recordAudit(tx, who(actor), {
      action: "calendar_feed.create",
      entityType: "CalendarFeed",
      entityId: created.id,
      partyOrgIds: [actor.org.id],
    });
    return created;
  });
  return ok({ id: feed.id, url: feedUrl(token), createdAt: feed.createdAt.toISOString() });
}

export async function revokeFeed(actor: Actor): Promise<Result<null>> {
  if (!actor.userId) return personOnly();
  const userId = actor.userId;
  return db.$transaction(async (tx) => {
    const active = await tx.calendarFeed.findMany({ where: { userId, orgId: actor.org.id, revokedAt: null }, select: { id: true } });
    if (active.length === 0) return notFound("Calendar feed");
    await tx.calendarFeed.updateMany({ where: { id: { in: active.map((f) => f.id) } }, data: { revokedAt: new Date() } });
    for (const f of active) {
      await recordAudit(tx, who(actor), {
        action: "calendar_feed.revoke",
        entityType: "CalendarFeed",
        entityId: f.id,
        partyOrgIds: [actor.org.id],
      });
    }
    return ok(null);
  });
}

/**
 * The person and organisation a feed token reads for, or null (unknown, revoked, or the person is
 * no longer a member of the organisation).
 */
export async function feedByToken(token: string) {
  if (!token.startsWith(FEED_TOKEN_PREFIX) || token.length > 200) return null;
  const feed = await db.calendarFeed.findFirst({
    where: { tokenHash: sha256(token), revokedAt: null },
    select: {
      id: true,
      user: { select: { id: true, locale: true, memberships: { select: { organizationId: true } } } },
      org: { select: { id: true, name: true, kind: true, timeZone: true, homeCountry: true } },
    },
  });
  if (!feed || !feed.user.memberships.some((m) => m.organizationId === feed.org.id)) return null;
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: new Date() } });
  return { feedId: feed.id, locale: feed.user.locale === "zh" ? ("zh" as const) : ("en" as const), org: feed.org };
}

/** The words a feed needs, in the person's language (messages/<locale>/obligations.json). */
export type FeedLabels = {
  kinds: Record<ObligationKind, string>;
  statuses: Record<ObligationStatus, string>;
  sides: Record<ObligationSide, string>;
  feed: { summary: string; description: string };
  columns: { outstanding: string };
};

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

/** The .ics document of a feed token, in its person's language; null for a token that reads nothing. */
export async function feedDocument(
  token: string,
  labelsFor: (locale: "en" | "zh") => FeedLabels,
  now = new Date(),
): Promise<string | null> {
  const feed = await feedByToken(token);
  if (!feed) return null;
  const labels = labelsFor(feed.locale);
  const { today, obligations } = await orgObligations(feed.org, now);
  const events = obligations.map((o) => {
    const view = presentObligation(o, feed.org.id, today, feed.locale);
    const title = view.title ? (feed.locale === "zh" ? `《${view.title.name}》` : view.title.name) : null;
    const subject = [view.deal?.name, title].filter(Boolean).join(" · ") || labels.kinds[view.kind];
    const description = [
      fill(labels.feed.description, { status: labels.statuses[view.status], side: labels.sides[view.side] }),
      view.outstanding ? `${labels.columns.outstanding}: ${view.outstanding.amount} ${view.outstanding.currency}` : null,
      appUrl(view.href),
    ]
      .filter(Boolean)
      .join("\n");
    return {
      obligation: view,
      summary: fill(labels.feed.summary, { kind: labels.kinds[view.kind], subject }),
      description,
      url: appUrl(view.href),
    };
  });
  const domain = new URL(appUrl("/")).hostname;
  return calendarDocument({ name: `Rightsbridge — ${feed.org.name}`, events, now, domain });
}
