import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Failure, forbidden, notFound } from "@/lib/result";
import type { TitleListQuery } from "./schema";

/**
 * Which titles the acting organisation may read: a studio its own (any visibility); partners and
 * studios looking to license in see LISTED, unarchived titles of every studio. Facilities and
 * the platform see the marketplace too. This filter goes into every title query's WHERE.
 */
export function readableTitles(actor: Actor): Prisma.TitleWhereInput {
  return { OR: [{ studioId: actor.org.id }, { visibility: "LISTED", archivedAt: null }] };
}

/** What the acting organisation may change: its own titles. */
export function ownTitles(actor: Actor): Prisma.TitleWhereInput {
  return { studioId: actor.org.id };
}

/**
 * The refusal of a write the actor's role or kind of organisation does not allow: 403 only on a
 * title the actor can see; on one it cannot see (or that does not exist) 404, so a refusal never
 * confirms that a private title exists.
 */
export async function refuseTitleWrite(actor: Actor, titleId: string, message: string): Promise<Failure> {
  return (await titleHiddenFrom(actor, titleId)) ?? forbidden(message);
}

/** For `route({ hiddenFrom })`: the 404 for a title the actor cannot see, else null. */
export async function titleHiddenFrom(actor: Actor, titleId: string): Promise<Failure | null> {
  const seen = await db.title.findFirst({ where: { AND: [{ id: titleId }, readableTitles(actor)] }, select: { id: true } });
  return seen ? null : notFound("Title");
}

/** As `refuseTitleWrite`, for a write to one of a title's versions. */
export async function refuseVersionWrite(actor: Actor, versionId: string, message: string): Promise<Failure> {
  const seen = await db.version.findFirst({ where: { id: versionId, title: readableTitles(actor) }, select: { id: true } });
  return seen ? forbidden(message) : notFound("Version");
}

const SORT_COLUMN = { title: "originalTitle", year: "year", updated: "updatedAt", created: "createdAt" } as const;
/**
 * What a cursor's sort value must be for each sort column. A cursor is opaque but decodable, and
 * one made for another sort (or by hand) would otherwise reach the database as a value of the
 * wrong type (a string for `year`, an invalid date, an out-of-range integer) and fail with a 500.
 * A cursor that does not fit is ignored, like any other undecodable cursor.
 */
const INT4_MAX = 2_147_483_647;
const timestampCursor = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) || s.startsWith("0000")) return false;
  const date = new Date(s);
  return !Number.isNaN(date.getTime()) && date.toISOString() === s;
});
const CURSOR_VALUE = {
  originalTitle: z
    .string()
    .max(300)
    .refine((s) => !s.includes("\u0000")),
  year: z.int().min(-INT4_MAX).max(INT4_MAX),
  updatedAt: timestampCursor,
  createdAt: timestampCursor,
} as const;

export const titleListSelect = {
  id: true,
  studioId: true,
  kind: true,
  originalTitle: true,
  titleEn: true,
  titleZh: true,
  originalLanguage: true,
  genres: true,
  year: true,
  runtimeMinutes: true,
  episodeCount: true,
  eidr: true,
  visibility: true,
  posterFile: true,
  archivedAt: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
  studio: { select: { id: true, name: true, homeCountry: true } },
} satisfies Prisma.TitleSelect;

export type TitleListRow = Prisma.TitleGetPayload<{ select: typeof titleListSelect }> & { _count: { versions: number } };

/**
 * The catalogue list: a studio's own titles, or for everyone else the marketplace of LISTED
 * titles. Keyset pagination on (sort column, id) keeps deep pages as fast as the first.
 */
export async function listTitles(actor: Actor, query: TitleListQuery) {
  const scope: Prisma.TitleWhereInput = actor.org.kind === "STUDIO" ? ownTitles(actor) : { visibility: "LISTED", archivedAt: null };
  const filters: Prisma.TitleWhereInput[] = [scope];
  if (query.q) {
    // Prisma's `contains` becomes ILIKE '%…%' without escaping, so `%` and `_` typed by a user
    // would act as wildcards ("_" matching every title): escape them (and the escape character).
    const q = query.q.replace(/[\\%_]/g, "\\$&");
    filters.push({
      OR: [
        { originalTitle: { contains: q, mode: "insensitive" } },
        { titleEn: { contains: q, mode: "insensitive" } },
        { titleZh: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (query.kind) filters.push({ kind: query.kind });
  if (query.genre) filters.push({ genres: { has: query.genre } });
  if (query.visibility) filters.push({ visibility: query.visibility });
  if (query.archived === "false") filters.push({ archivedAt: null });
  if (query.archived === "true") filters.push({ archivedAt: { not: null } });

  const column = SORT_COLUMN[query.sort];
  const direction = query.order;
  const after = decodeCursor(query.cursor, z.object({ v: CURSOR_VALUE[column], id: z.uuid() }));
  const where: Prisma.TitleWhereInput = { AND: filters };
  const page: Prisma.TitleWhereInput[] = [];
  if (after) {
    const value = column === "updatedAt" || column === "createdAt" ? new Date(String(after.v)) : after.v;
    const beyond = direction === "asc" ? "gt" : "lt";
    // The redundant gte/lte bound lets Postgres start the index scan at the cursor instead of
    // reading and discarding every earlier row.
    const from = direction === "asc" ? "gte" : "lte";
    page.push(
      { [column]: { [from]: value } },
      { OR: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: after.id } }] },
    );
  }
  const [rows, total] = await Promise.all([
    db.title.findMany({
      where: { AND: [where, ...page] },
      orderBy: [{ [column]: direction }, { id: direction }],
      take: query.limit + 1,
      select: titleListSelect,
    }),
    db.title.count({ where }),
  ]);
  const pageRows = rows.slice(0, query.limit);
  // Version counts for this page only: a count in the main select makes Prisma aggregate the
  // versions of every title before sorting (5x slower at 20,000 titles; see bench/catalogue.ts).
  const counts = await db.version.groupBy({
    by: ["titleId"],
    where: { titleId: { in: pageRows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.titleId, c._count._all]));
  const items: TitleListRow[] = pageRows.map((r) => ({ ...r, _count: { versions: countOf.get(r.id) ?? 0 } }));
  const last = items[items.length - 1];
  const lastValue = last?.[column];
  const nextCursor =
    rows.length > query.limit && last && lastValue !== undefined && lastValue !== null
      ? encodeCursor({ v: lastValue instanceof Date ? lastValue.toISOString() : lastValue, id: last.id })
      : null;
  return { items, nextCursor, total };
}

export async function getTitle(actor: Actor, id: string) {
  return db.title.findFirst({
    where: { AND: [{ id }, readableTitles(actor)] },
    include: {
      studio: { select: { id: true, name: true, homeCountry: true } },
      awards: { orderBy: { position: "asc" } },
      versions: {
        orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
        include: {
          changes: { orderBy: { position: "asc" } },
          marketTests: { orderBy: [{ date: "asc" }, { createdAt: "asc" }] },
        },
      },
    },
  });
}
export type TitleDetail = NonNullable<Awaited<ReturnType<typeof getTitle>>>;

export async function listVersions(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({ where: { AND: [{ id: titleId }, readableTitles(actor)] }, select: { id: true } });
  if (!title) return null;
  return db.version.findMany({
    where: { titleId: title.id, title: readableTitles(actor) },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    include: { changes: { orderBy: { position: "asc" } }, marketTests: { orderBy: [{ date: "asc" }, { createdAt: "asc" }] } },
  });
}

export async function getVersion(actor: Actor, id: string) {
  return db.version.findFirst({
    where: { id, title: readableTitles(actor) },
    include: {
      title: { select: { id: true, originalTitle: true, titleEn: true, titleZh: true, studioId: true } },
      changes: { orderBy: { position: "asc" } },
      marketTests: { orderBy: [{ date: "asc" }, { createdAt: "asc" }] },
    },
  });
}

export async function titlePoster(actor: Actor, titleId: string) {
  return db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { posterFile: true, posterType: true },
  });
}

export async function catalogueFigures(actor: Actor) {
  const [titles, listed, versions] = await Promise.all([
    db.title.count({ where: { studioId: actor.org.id, archivedAt: null } }),
    db.title.count({ where: { studioId: actor.org.id, archivedAt: null, visibility: "LISTED" } }),
    db.version.count({ where: { title: { studioId: actor.org.id, archivedAt: null }, kind: "INTERNATIONAL" } }),
  ]);
  return { titles, listed, internationalVersions: versions };
}
