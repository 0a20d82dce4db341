import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AppLocale } from "@/lib/i18n/config";
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

/**
 * "Title A–Z" is in the viewer's language (issue 17 point 5): the English title (else the
 * original) case-insensitively alphabetical, or the Chinese title (else the original) by pinyin —
 * the ICU collations `title_name_en` / `title_name_zh` of migration 20261208170500, the CLDR orders
 * lib/i18n/collate.ts uses in the browser, with expression indexes for both.
 */
const SORT_COLUMN = {
  title: { en: "nameEn", zh: "nameZh" },
  year: { en: "year", zh: "year" },
  updated: { en: "updatedAt", zh: "updatedAt" },
  created: { en: "createdAt", zh: "createdAt" },
} as const;
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
const nameCursor = z
  .string()
  .max(300)
  .refine((s) => !s.includes("\u0000"));
const CURSOR_VALUE = {
  nameEn: nameCursor,
  nameZh: nameCursor,
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

/** A row of the list page as the database answers it (see listTitles). */
type TitleListSqlRow = {
  id: string;
  studio_id: string;
  kind: TitleListRow["kind"];
  original_title: string;
  title_en: string | null;
  title_zh: string | null;
  original_language: string;
  genres: string[];
  year: number;
  runtime_minutes: number | null;
  episode_count: number | null;
  eidr: string | null;
  visibility: TitleListRow["visibility"];
  poster_file: string | null;
  archived_at: Date | null;
  lock_version: number;
  created_at: Date;
  updated_at: Date;
  studio_name: string;
  studio_home_country: string;
  versions: number;
};

const SQL_COLUMN = {
  nameEn: Prisma.raw(`COALESCE(t.title_en, t.original_title) COLLATE "title_name_en"`),
  nameZh: Prisma.raw(`COALESCE(t.title_zh, t.original_title) COLLATE "title_name_zh"`),
  year: Prisma.raw("t.year"),
  updatedAt: Prisma.raw("t.updated_at"),
  createdAt: Prisma.raw("t.created_at"),
} as const;

/**
 * The catalogue list: a studio's own titles, or for everyone else the marketplace of LISTED
 * titles. Keyset pagination on (sort column, id) keeps deep pages as fast as the first. The page
 * (with its studio and version counts) is one statement and the total another, sent together.
 */
export async function listTitles(actor: Actor, query: TitleListQuery, viewerLocale: AppLocale = "en") {
  const filters: Prisma.Sql[] =
    actor.org.kind === "STUDIO"
      ? [Prisma.sql`t.studio_id = ${actor.org.id}::uuid`]
      : [Prisma.sql`t.visibility = 'LISTED'`, Prisma.sql`t.archived_at IS NULL`];
  if (query.q) {
    // ILIKE '%…%' with `%`, `_` and the escape character typed by a user escaped, so they match
    // themselves ("_" would otherwise match every title).
    const pattern = `%${query.q.replace(/[\\%_]/g, "\\$&")}%`;
    filters.push(Prisma.sql`(t.original_title ILIKE ${pattern} OR t.title_en ILIKE ${pattern} OR t.title_zh ILIKE ${pattern})`);
  }
  if (query.kind) filters.push(Prisma.sql`t.kind = ${query.kind}::title_kind`);
  if (query.genre) filters.push(Prisma.sql`t.genres @> ARRAY[${query.genre}]::varchar(40)[]`);
  if (query.visibility) filters.push(Prisma.sql`t.visibility = ${query.visibility}::title_visibility`);
  if (query.archived === "false") filters.push(Prisma.sql`t.archived_at IS NULL`);
  if (query.archived === "true") filters.push(Prisma.sql`t.archived_at IS NOT NULL`);

  const column = SORT_COLUMN[query.sort][query.locale ?? viewerLocale];
  const sql = SQL_COLUMN[column];
  const direction = query.order === "asc" ? Prisma.raw("ASC") : Prisma.raw("DESC");
  const after = decodeCursor(query.cursor, z.object({ v: CURSOR_VALUE[column], id: z.uuid() }));
  const where = Prisma.join(filters, " AND ");
  let page = Prisma.empty;
  if (after) {
    const value = column === "updatedAt" || column === "createdAt" ? new Date(String(after.v)) : after.v;
    // The redundant >=/<= bound lets Postgres start the index scan at the cursor instead of
    // reading and discarding every earlier row.
    page =
      query.order === "asc"
        ? Prisma.sql`AND ${sql} >= ${value} AND (${sql} > ${value} OR (${sql} = ${value} AND t.id > ${after.id}::uuid))`
        : Prisma.sql`AND ${sql} <= ${value} AND (${sql} < ${value} OR (${sql} = ${value} AND t.id < ${after.id}::uuid))`;
  }
  const [rows, counted] = await Promise.all([
    db.$queryRaw<TitleListSqlRow[]>`
      SELECT t.id, t.studio_id, t.kind::text AS kind, t.original_title, t.title_en, t.title_zh, t.original_language, t.genres, t.year,
             t.runtime_minutes, t.episode_count, t.eidr, t.visibility::text AS visibility, t.poster_file, t.archived_at, t.lock_version,
             t.created_at, t.updated_at, o.name AS studio_name, o.home_country AS studio_home_country,
             (SELECT count(*)::int FROM version v WHERE v.title_id = t.id) AS versions
      FROM title t JOIN organization o ON o.id = t.studio_id
      WHERE ${where} ${page}
      ORDER BY ${sql} ${direction}, t.id ${direction}
      LIMIT ${query.limit + 1}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM title t WHERE ${where}`,
  ]);
  const items: TitleListRow[] = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    studioId: r.studio_id,
    kind: r.kind,
    originalTitle: r.original_title,
    titleEn: r.title_en,
    titleZh: r.title_zh,
    originalLanguage: r.original_language,
    genres: r.genres,
    year: r.year,
    runtimeMinutes: r.runtime_minutes,
    episodeCount: r.episode_count,
    eidr: r.eidr,
    visibility: r.visibility,
    posterFile: r.poster_file,
    archivedAt: r.archived_at,
    lockVersion: r.lock_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    studio: { id: r.studio_id, name: r.studio_name, homeCountry: r.studio_home_country },
    _count: { versions: r.versions },
  }));
  const total = counted[0]?.total ?? 0;
  const last = items[items.length - 1];
  const lastValue =
    column === "nameEn"
      ? (last?.titleEn ?? last?.originalTitle)
      : column === "nameZh"
        ? (last?.titleZh ?? last?.originalTitle)
        : last?.[column];
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
