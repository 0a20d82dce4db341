import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { findConflicts, heldScopesByTitle } from "./conflicts";
import { presentDeal } from "./present";
import { expandScope, uncoveredByHeld, windowOf } from "./rules";
import type { DealListQuery } from "./schema";

export const partyOf = (actor: Actor): Prisma.DealWhereInput => ({ OR: [{ licensorId: actor.org.id }, { licenseeId: actor.org.id }] });

const orgRef = { select: { id: true, name: true, kind: true, homeCountry: true } } as const;

export const dealInclude = {
  licensor: orgRef,
  licensee: orgRef,
  instalments: { orderBy: { position: "asc" } },
  participants: { orderBy: { position: "asc" } },
  grants: {
    orderBy: { createdAt: "asc" },
    include: {
      title: { select: { id: true, originalTitle: true, titleEn: true, titleZh: true, kind: true, studioId: true } },
      version: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.DealInclude;

export type DealDetail = Prisma.DealGetPayload<{ include: typeof dealInclude }>;

export async function getDeal(actor: Actor, id: string): Promise<DealDetail | null> {
  return db.deal.findFirst({ where: { AND: [{ id }, partyOf(actor)] }, include: dealInclude });
}

const cursorSchema = z.object({ u: z.iso.datetime(), id: z.uuid() });

export async function listDeals(actor: Actor, q: DealListQuery) {
  const filters: Prisma.DealWhereInput[] = [partyOf(actor)];
  if (q.status) filters.push({ status: q.status });
  if (q.role === "LICENSOR") filters.push({ licensorId: actor.org.id });
  if (q.role === "LICENSEE") filters.push({ licenseeId: actor.org.id });
  if (q.titleId) filters.push({ grants: { some: { titleId: q.titleId } } });
  const after = decodeCursor(q.cursor, cursorSchema);
  if (after) {
    const u = new Date(after.u);
    filters.push({ OR: [{ updatedAt: { lt: u } }, { updatedAt: u, id: { lt: after.id } }] });
  }
  const rows = await db.deal.findMany({
    where: { AND: filters },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { licensor: orgRef, licensee: orgRef, _count: { select: { grants: true } } },
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ u: last.updatedAt.toISOString(), id: last.id }) : null };
}

/**
 * What would stop the deal from being signed today: grants beyond the rights held and conflicts
 * with signed deals or among its own grants. Shown on the deal page before anyone signs.
 */
export async function signingPreview(actor: Actor, dealId: string) {
  const deal = await db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, include: { grants: true } });
  if (!deal) return null;
  if (deal.status !== "DRAFT" && deal.status !== "PROPOSED") return { conflicts: [], uncovered: [] };
  const expanded = deal.grants.map((g) => ({
    grant: g,
    ...expandScope(g),
    ...windowOf(dateOnly(g.start), dateOnly(g.end)),
    titleId: g.titleId,
    exclusive: g.exclusive,
  }));
  const uncovered = [];
  const heldByTitle = await heldScopesByTitle(db, [...new Set(expanded.map((e) => e.titleId))]);
  for (const e of expanded) {
    for (const gap of uncoveredByHeld(e, heldByTitle.get(e.titleId)!)) uncovered.push({ ...gap, grantId: e.grant.id, titleId: e.titleId });
  }
  return { conflicts: await findConflicts(db, deal.id, expanded, actor.org.id), uncovered };
}

/** Organisations a deal can be drafted with: other studios and partners. */
export async function listCounterparties(actor: Actor) {
  return db.organization.findMany({
    where: { kind: { in: ["STUDIO", "PARTNER"] }, id: { not: actor.org.id } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, homeCountry: true },
  });
}

export async function dealFigures(actor: Actor) {
  const [signed, inProgress, awaitingYou] = await Promise.all([
    db.deal.count({ where: { AND: [partyOf(actor), { status: "SIGNED" }] } }),
    db.deal.count({ where: { AND: [partyOf(actor), { status: { in: ["DRAFT", "PROPOSED"] } }] } }),
    db.deal.count({ where: { AND: [partyOf(actor), { status: "PROPOSED", awaitingOrgId: actor.org.id }] } }),
  ]);
  return { signed, inProgress, awaitingYou };
}

const titleOptionSelect = { id: true, originalTitle: true, titleEn: true, titleZh: true, kind: true } as const;

/**
 * Titles the actor may put in a grant of a deal whose licensor is `licensorId` (the rule addGrants
 * applies): the licensor's own titles when the actor is the licensor, else the licensor's LISTED
 * ones; archived titles are not offered. With their versions, for the optional version choice.
 */
export async function licensableTitles(actor: Actor, licensorId: string) {
  return db.title.findMany({
    where: { studioId: licensorId, archivedAt: null, OR: [{ studioId: actor.org.id }, { visibility: "LISTED" }] },
    orderBy: { originalTitle: "asc" },
    take: 2000,
    select: {
      ...titleOptionSelect,
      versions: { orderBy: [{ kind: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, kind: true } },
    },
  });
}

/** Titles an avails question can be about: a studio's own, or the marketplace of LISTED titles for everyone else. */
export async function availsTitleOptions(actor: Actor) {
  return db.title.findMany({
    where: actor.org.kind === "STUDIO" ? { studioId: actor.org.id, archivedAt: null } : { visibility: "LISTED", archivedAt: null },
    orderBy: [{ studio: { name: "asc" } }, { originalTitle: "asc" }],
    take: 2000,
    select: { ...titleOptionSelect, studio: { select: { id: true, name: true } } },
  });
}

/** Names of deals the actor is party to (for links from avails blockers); others are left out. */
export async function dealNames(actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.deal.findMany({ where: { AND: [{ id: { in: ids } }, partyOf(actor)] }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who signed for each side of a deal the actor has loaded (names for the signature panel). */
export async function signatoryNames(deal: Pick<DealDetail, "licensorSignedBy" | "licenseeSignedBy">) {
  const ids = [deal.licensorSignedBy, deal.licenseeSignedBy].filter((id): id is string => id !== null);
  if (ids.length === 0) return { licensor: null, licensee: null };
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  return { licensor: name(deal.licensorSignedBy), licensee: name(deal.licenseeSignedBy) };
}

/** The deal as the API shows it to the actor, or null (404). */
export async function getDealView(actor: Actor, id: string) {
  const deal = await getDeal(actor, id);
  return deal && presentDeal(deal, actor.org.id);
}
