import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { moneyOf } from "@/lib/money/currency";
import { minorUnits } from "@/lib/reference/currencies";
import { type AmendmentDiff, amendGrants, type DealSnap, diffDeal } from "./amendment";
import { findConflicts, heldScopesByTitle } from "./conflicts";
import { type AmendmentRow, presentAmendment, presentDeal } from "./present";
import { expandScope, summariseGrants, uncoveredByHeld, windowOf } from "./rules";
import { type AmendmentChanges, DEAL_SORT_DEFAULT_ORDER, type DealListQuery, type DealSort } from "./schema";

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
      title: {
        select: {
          id: true,
          originalTitle: true,
          titleEn: true,
          titleZh: true,
          kind: true,
          studioId: true,
          // The seasons a series has, for the amendment dialog's season editor.
          seasons: { select: { number: true }, orderBy: { number: "asc" } },
        },
      },
      version: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.DealInclude;

export type DealDetail = Prisma.DealGetPayload<{ include: typeof dealInclude }>;

export async function getDeal(actor: Actor, id: string): Promise<DealDetail | null> {
  return db.deal.findFirst({ where: { AND: [{ id }, partyOf(actor)] }, include: dealInclude });
}

/** The cursor of each sort: the sort and order it was made for, the last row's key and id. */
const cursorKey: Record<DealSort, z.ZodType<string | null>> = {
  updated: z.iso.datetime(),
  name: z.string().max(200),
  mg: z
    .string()
    .regex(/^-?\d{1,19}$/)
    .nullable(),
  start: z.iso.date().nullable(),
};

/** The key each sort orders by, as SQL over `d` (a deal) — nullable keys sort last whatever the order. */
const SORT_KEY: Record<DealSort, Prisma.Sql> = {
  updated: Prisma.sql`d.updated_at`,
  name: Prisma.sql`lower(d.name)`,
  mg: Prisma.sql`d.mg_minor`,
  start: Prisma.sql`(SELECT min(g.start) FROM "grant" g WHERE g.deal_id = d.id)`,
};
const castKey = (sort: DealSort, k: string): Prisma.Sql =>
  sort === "updated"
    ? Prisma.sql`${k}::timestamptz`
    : sort === "mg"
      ? Prisma.sql`${k}::bigint`
      : sort === "start"
        ? Prisma.sql`${k}::date`
        : Prisma.sql`${k}`;

function keyOf(sort: DealSort, key: Date | bigint | string | null): string | null {
  if (key === null) return null;
  if (sort === "updated" && key instanceof Date) return key.toISOString();
  if (sort === "start" && key instanceof Date) return dateOnly(key);
  return String(key);
}

/** ILIKE '%q%' with the user's `%`, `_` and `\` taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * The deal list: the organisation's deals filtered and sorted, keyset-paginated on (sort key, id)
 * so every sort pages stably (a deal never shows twice or goes missing between pages, ties
 * included). A cursor made for another sort or order, or not made by us, reads as the first page.
 */
export async function listDeals(actor: Actor, q: DealListQuery) {
  const org = actor.org.id;
  const order = q.order ?? DEAL_SORT_DEFAULT_ORDER[q.sort];
  const where: Prisma.Sql[] = [Prisma.sql`(d.licensor_id = ${org}::uuid OR d.licensee_id = ${org}::uuid)`];
  if (q.status) where.push(Prisma.sql`d.status = ${q.status}::deal_status`);
  if (q.role === "LICENSOR") where.push(Prisma.sql`d.licensor_id = ${org}::uuid`);
  if (q.role === "LICENSEE") where.push(Prisma.sql`d.licensee_id = ${org}::uuid`);
  if (q.counterpartyId) {
    where.push(
      Prisma.sql`(d.licensor_id = ${q.counterpartyId}::uuid OR d.licensee_id = ${q.counterpartyId}::uuid) AND ${q.counterpartyId}::uuid <> ${org}::uuid`,
    );
  }
  if (q.titleId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "grant" g WHERE g.deal_id = d.id AND g.title_id = ${q.titleId}::uuid)`);
  const words = q.q?.trim();
  if (words) {
    const like = contains(words);
    where.push(Prisma.sql`(
      d.name ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "grant" g JOIN title t ON t.id = g.title_id WHERE g.deal_id = d.id
                 AND (t.original_title ILIKE ${like} OR t.title_en ILIKE ${like} OR t.title_zh ILIKE ${like}))
      OR EXISTS (SELECT 1 FROM organization o WHERE o.id IN (d.licensor_id, d.licensee_id) AND o.id <> ${org}::uuid AND o.name ILIKE ${like})
    )`);
  }
  const key = SORT_KEY[q.sort];
  const after = decodeCursor(q.cursor, z.object({ s: z.literal(q.sort), o: z.literal(order), k: cursorKey[q.sort], id: z.uuid() }));
  if (after) {
    const beyond = order === "asc" ? Prisma.sql`>` : Prisma.sql`<`;
    where.push(
      after.k === null
        ? Prisma.sql`(${key} IS NULL AND d.id ${beyond} ${after.id}::uuid)`
        : Prisma.sql`(${key} ${beyond} ${castKey(q.sort, after.k)} OR (${key} = ${castKey(q.sort, after.k)} AND d.id ${beyond} ${after.id}::uuid) OR ${key} IS NULL)`,
    );
  }
  const direction = order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const page = await db.$queryRaw<{ id: string; key: Date | bigint | string | null }[]>`
    SELECT d.id, ${key} AS key FROM deal d
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY key ${direction} NULLS LAST, d.id ${direction}
    LIMIT ${q.limit + 1}`;
  const ids = page.slice(0, q.limit).map((r) => r.id);
  const rows = await db.deal.findMany({
    where: { AND: [{ id: { in: ids } }, partyOf(actor)] },
    include: {
      licensor: orgRef,
      licensee: orgRef,
      grants: { select: { territories: true, start: true, end: true, titleId: true } },
      _count: { select: { grants: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, ...summariseGrants(row.grants) }] : [];
  });
  const last = page[q.limit - 1];
  return {
    items,
    nextCursor: page.length > q.limit && last ? encodeCursor({ s: q.sort, o: order, k: keyOf(q.sort, last.key), id: last.id }) : null,
  };
}

export type DealListRow = Awaited<ReturnType<typeof listDeals>>["items"][number];

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
    seasons: g.seasons,
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
      seasons: { orderBy: { number: "asc" }, select: { number: true } },
    },
  });
}

/** Titles an avails question can be about: a studio's own, or the marketplace of LISTED titles for everyone else. */
export async function availsTitleOptions(actor: Actor) {
  return db.title.findMany({
    where: actor.org.kind === "STUDIO" ? { studioId: actor.org.id, archivedAt: null } : { visibility: "LISTED", archivedAt: null },
    orderBy: [{ studio: { name: "asc" } }, { originalTitle: "asc" }],
    take: 2000,
    select: {
      ...titleOptionSelect,
      studio: { select: { id: true, name: true } },
      seasons: { select: { number: true }, orderBy: { number: "asc" } },
    },
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

/** The organisations the actor has deals with (either side), for the deal list's filter. */
export async function dealCounterparties(actor: Actor) {
  return db.organization.findMany({
    where: {
      id: { not: actor.org.id },
      OR: [{ dealsAsLicensor: { some: { licenseeId: actor.org.id } } }, { dealsAsLicensee: { some: { licensorId: actor.org.id } } }],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ---- Amendments ------------------------------------------------------------------------------

type Reader = Pick<Prisma.TransactionClient, "deal" | "grant" | "dealAmendment">;

/** A deal's grants and amendable terms as the amendment history keeps them (API shapes). */
export async function dealSnapshot(tx: Reader, dealId: string): Promise<DealSnap & { mgMinor: bigint | null; exponent: number }> {
  const deal = await tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    include: {
      instalments: { orderBy: { position: "asc" } },
      participants: { orderBy: { position: "asc" } },
      grants: { orderBy: { createdAt: "asc" }, include: { title: { select: { originalTitle: true } } } },
    },
  });
  const money = moneyOf(deal.currency);
  return {
    mgMinor: deal.mgMinor,
    exponent: minorUnits(deal.currency),
    grants: deal.grants.map((g) => ({
      id: g.id,
      titleId: g.titleId,
      titleName: g.title.originalTitle,
      versionId: g.versionId,
      territories: g.territories,
      excludedTerritories: g.excludedTerritories,
      mediaRights: g.mediaRights,
      languages: g.languages,
      start: dateOnly(g.start),
      end: dateOnly(g.end),
      exclusive: g.exclusive,
      editsPermitted: g.editsPermitted,
      holdbacks: g.holdbacks,
      seasons: g.seasons,
    })),
    terms: {
      minimumGuarantee: deal.mgMinor === null ? null : money(deal.mgMinor),
      instalments: deal.instalments.map((i) => ({
        amount: money(i.amountMinor),
        dueDate: i.dueDate ? dateOnly(i.dueDate) : null,
        trigger: i.trigger,
      })),
      expenseCap: deal.expenseCapMinor === null ? null : money(deal.expenseCapMinor),
      participants: deal.participants.map((p) => ({ name: p.name, role: p.role, share: p.share.toString() })),
    },
  };
}

const amendmentOf = (actor: Actor, dealId: string) => ({ dealId, deal: partyOf(actor) }) satisfies Prisma.DealAmendmentWhereInput;

/** The stored before/after of a signed amendment, or the preview of an open one against the deal today. */
async function diffOf(row: AmendmentRow, current: () => Promise<DealSnap>): Promise<AmendmentDiff | null> {
  const applied = row.applied as { before: DealSnap; after: DealSnap } | null;
  if (applied) return diffDeal(applied.before, applied.after);
  if (row.status === "WITHDRAWN") return null;
  const before = await current();
  const changes = row.changes as AmendmentChanges;
  const { grants } = amendGrants(
    before.grants,
    changes,
    (changes.addGrants ?? []).map((_, i) => `new-${i}`),
  );
  const t = changes.terms ?? {};
  const after: DealSnap = {
    grants,
    terms: {
      minimumGuarantee: t.minimumGuarantee !== undefined ? (t.minimumGuarantee ?? null) : before.terms.minimumGuarantee,
      instalments: t.instalments ? t.instalments.map((i) => ({ ...i, dueDate: i.dueDate ?? null })) : before.terms.instalments,
      expenseCap: t.expenseCap !== undefined ? (t.expenseCap ?? null) : before.terms.expenseCap,
      participants: t.participants ?? before.terms.participants,
    },
  };
  return diffDeal(before, after);
}

/** A deal's amendments, oldest first, each with its diff; null when the deal is not visible (404). */
export async function listAmendments(actor: Actor, dealId: string) {
  const deal = await db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: { id: true } });
  if (!deal) return null;
  const rows = await db.dealAmendment.findMany({ where: amendmentOf(actor, deal.id), orderBy: { number: "asc" } });
  let snap: Promise<DealSnap> | null = null;
  const current = () => {
    snap ??= dealSnapshot(db, deal.id);
    return snap;
  };
  return { items: await Promise.all(rows.map(async (r) => presentAmendment(r, await diffOf(r, current)))) };
}

/** One amendment of a deal the actor is party to, or null (404). */
export async function getAmendmentView(actor: Actor, dealId: string, amendmentId: string) {
  const row = await db.dealAmendment.findFirst({ where: { id: amendmentId, ...amendmentOf(actor, dealId) } });
  return row && presentAmendment(row, await diffOf(row, () => dealSnapshot(db, row.dealId)));
}
