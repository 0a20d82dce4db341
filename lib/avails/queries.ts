import "server-only";
import type { FileAnswer } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { readableTitles } from "@/lib/catalogue/queries";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getDeal } from "@/lib/deals/queries";
import { type AvailCell, avails, defaultHeld, expandScope, heldScopeOf, holdbacksOf, type Occupant, windowOf } from "@/lib/deals/rules";
import type { AvailsQuery } from "@/lib/deals/schema";
import { XLSX_MIME } from "@/lib/files/sniff";
import { isUnknownReferenceCodeError } from "@/lib/reference/errors";
import { MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { COUNTRIES } from "@/lib/territories";
import { availsLines, type EmaLine, type EmaTitle, grantLines, writeEmaCsv, writeEmaXlsx } from "./ema";

/** Cells one request may ask for (titles × countries × media); beyond it, narrow the question. */
export const MAX_AVAIL_CELLS = 250_000;

export type AvailItem = {
  titleId: string;
  territory: string;
  mediaRight: string;
  status: AvailCell["status"];
  blockers?: { dealId: string; grantId: string; start: string; end: string; exclusive: boolean; holdback: boolean }[];
};

/**
 * Avails per title × country × leaf media. Which titles: the one asked for, or a studio's own
 * (for a studio), or the marketplace of LISTED titles. Blocking details go only to the
 * licensor (the title's studio); everyone else sees the status.
 */
export async function queryAvails(actor: Actor, q: AvailsQuery): Promise<Result<{ items: AvailItem[]; titles: number }>> {
  let scope: ReturnType<typeof expandScope>;
  try {
    scope = expandScope({
      territories: q.territories ?? ["WORLDWIDE"],
      mediaRights: q.mediaRights ?? ["THEATRICAL", "TV", "DIGITAL", "NON_THEATRICAL", "HOME_VIDEO", "DERIVATIVE", "ANCILLARY"],
    });
  } catch (error) {
    if (!isUnknownReferenceCodeError(error)) throw error;
    const field = error.kind === "mediaRight" ? "mediaRights" : "territories";
    return fail("invalid", "VALIDATION_FAILED", `Unknown code(s): ${error.codes.join(", ")}.`, {
      errors: [{ path: field, message: `Unknown code(s): ${error.codes.join(", ")}.` }],
    });
  }
  const window = windowOf(q.start, q.end);
  const exclusive = q.exclusive === "true";
  const countries = [...scope.countries];
  const media = [...scope.media];
  const rows = await availsRows(actor, q, { countries, media, exclusive });
  if (q.titleId && rows.length === 0) return fail("not_found", "NOT_FOUND", "Title not found.");
  const titleCount = rows[0]?.titles ?? 0;
  const cells = titleCount * scope.countries.size * scope.media.size;
  if (cells > MAX_AVAIL_CELLS) {
    return fail(
      "invalid",
      "TOO_BROAD",
      `That asks for ${cells} cells; narrow titles, territories or media to at most ${MAX_AVAIL_CELLS}.`,
      {
        errors: [{ path: "territories", message: "Too broad: choose a title, fewer territories or fewer media." }],
      },
    );
  }
  const items: AvailItem[] = [];
  const fallback = defaultHeld();
  for (const title of rows) {
    const held = title.held
      ? title.held.map(([territories, excludedTerritories, mediaRights, start, end, exclusive]) =>
          heldScopeOf({ territories, excludedTerritories, mediaRights, start, end, exclusive }),
        )
      : fallback;
    const occupants: Occupant[] = (title.slices ?? []).map(
      ([dealId, grantId, country, mediaRight, start, end, exclusive, holdback, seasonFrom, seasonTo]) => ({
        dealId,
        grantId,
        country,
        media: mediaRight,
        start,
        end,
        exclusive,
        holdback,
        seasonFrom,
        seasonTo,
      }),
    );
    const showBlockers = title.studio_id === actor.org.id;
    for (const cell of avails({ countries, media, window, exclusive, season: q.season }, held, occupants)) {
      const item: AvailItem = { titleId: title.id, territory: cell.territory, mediaRight: cell.mediaRight, status: cell.status };
      if (showBlockers && cell.blockers) {
        item.blockers = cell.blockers.map((b) => ({
          dealId: b.dealId,
          grantId: b.grantId,
          start: b.start,
          end: b.end,
          exclusive: b.exclusive,
          holdback: b.holdback,
        }));
      }
      items.push(item);
    }
  }
  return ok({ items, titles: titleCount });
}

/** A rights-held row as JSON: territories, excluded territories, media rights, start, end (null: perpetual), exclusive. */
type HeldJson = [string[], string[], string[], string, string | null, boolean];
/** A grant slice as JSON: deal, grant, country, leaf media, start, end, exclusive, holdback, first season, last season (null: no end). */
type SliceJson = [string, string, string, string, string, string, boolean, boolean, number, number | null];
/**
 * One title of the answer, in the order of the answer (by original title): its rights held
 * (null when none are recorded) and the slices occupying the asked cells in the window. `titles`
 * is the number of titles asked about; held and slices stay null when that is too many cells.
 */
type AvailsRow = { id: string; studio_id: string; titles: number; held: HeldJson[] | null; slices: SliceJson[] | null };

/**
 * Titles, their rights held and the slices that may block the asked cells, in one statement (one
 * round trip, however many titles: the studio-wide view asks about every title of a studio).
 * Which titles: the one asked for, or a studio's own (for a studio), or the marketplace of LISTED
 * titles; always ones the actor can read and unarchived. Slices that cannot block the request
 * (a non-exclusive row for a non-exclusive request) are left out here, as `avails` would.
 */
async function availsRows(
  actor: Actor,
  q: AvailsQuery,
  ask: { countries: string[]; media: string[]; exclusive: boolean },
): Promise<AvailsRow[]> {
  const which = q.titleId
    ? Prisma.sql`t.id = ${q.titleId}::uuid`
    : q.studioId
      ? Prisma.sql`t.studio_id = ${q.studioId}::uuid`
      : actor.org.kind === "STUDIO"
        ? Prisma.sql`t.studio_id = ${actor.org.id}::uuid`
        : Prisma.sql`t.visibility = 'LISTED'`;
  const allCountries = ask.countries.length === COUNTRIES.size;
  const allMedia = ask.media.length === MEDIA_RIGHT_LEAVES.length;
  const inCountries = allCountries ? Prisma.empty : Prisma.sql`AND s.country = ANY(${ask.countries}::bpchar[])`;
  const inMedia = allMedia ? Prisma.empty : Prisma.sql`AND s.media = ANY(${ask.media}::varchar[])`;
  // One season of a series: only rows covering it can block (rules.ts#avails checks the same).
  const inSeason = q.season === undefined ? Prisma.empty : Prisma.sql`AND int4range(s.season_from, s.season_to, '[]') @> ${q.season}::int`;
  // Beyond this many titles the request is refused as too broad: no need to read their rights.
  const maxTitles = Math.floor(MAX_AVAIL_CELLS / Math.max(1, ask.countries.length * ask.media.length));
  return db.$queryRaw<AvailsRow[]>`
    WITH t AS MATERIALIZED (
      SELECT t.id, t.studio_id, t.original_title, count(*) OVER () AS n
      FROM title t
      WHERE t.archived_at IS NULL AND (t.studio_id = ${actor.org.id}::uuid OR t.visibility = 'LISTED') AND ${which}
    )
    SELECT t.id, t.studio_id, t.n::int AS titles,
      CASE WHEN t.n <= ${maxTitles} THEN (
        SELECT json_agg(json_build_array(r.territories, r.excluded_territories, r.media_rights, r.start, r."end", r.exclusive)
                        ORDER BY r.position)
        FROM rights_held r WHERE r.title_id = t.id
      ) END AS held,
      CASE WHEN t.n <= ${maxTitles} THEN (
        SELECT json_agg(json_build_array(s.deal_id, s.grant_id, s.country, s.media, s.start, s."end", s.exclusive, s.holdback,
                                         s.season_from, s.season_to) ORDER BY s.id)
        FROM grant_slice s
        WHERE s.title_id = t.id ${inCountries} ${inMedia} ${inSeason}
          AND s.start <= ${q.end}::date AND s."end" >= ${q.start}::date
          AND (s.exclusive OR ${ask.exclusive})
      ) END AS slices
    FROM t
    ORDER BY t.original_title`;
}

export type ExportFormat = "csv" | "xlsx";

const emaTitleSelect = {
  id: true,
  kind: true,
  originalTitle: true,
  titleEn: true,
  year: true,
  runtimeMinutes: true,
  episodeCount: true,
  eidr: true,
  seasons: {
    select: {
      id: true,
      number: true,
      titleEn: true,
      titleZh: true,
      eidr: true,
      episodes: { select: { id: true, number: true, eidr: true } },
    },
    orderBy: { number: "asc" },
  },
} as const;

async function file(lines: EmaLine[], format: ExportFormat, baseName: string): Promise<FileAnswer> {
  if (format === "csv") {
    return { body: new TextEncoder().encode(writeEmaCsv(lines)), contentType: "text/csv; charset=utf-8", fileName: `${baseName}.csv` };
  }
  return { body: await writeEmaXlsx(lines), contentType: XLSX_MIME, fileName: `${baseName}.xlsx` };
}

/** The AVAILABLE cells of an avails query, as an EMA Avails file (same questions as GET /avails). */
export async function exportAvails(actor: Actor, query: AvailsQuery, format: ExportFormat): Promise<Result<FileAnswer>> {
  const answer = await queryAvails(actor, query);
  if (!answer.ok) return answer;
  const ids = [...new Set(answer.value.items.filter((i) => i.status === "AVAILABLE").map((i) => i.titleId))];
  const titles: EmaTitle[] = await db.title.findMany({
    where: { AND: [{ id: { in: ids } }, readableTitles(actor)] },
    select: emaTitleSelect,
  });
  const lines = availsLines(answer.value.items, titles, {
    start: query.start,
    end: query.end,
    exclusive: query.exclusive === "true",
    season: query.season,
  });
  return ok(await file(lines, format, `avails-${query.start}-${query.end}`));
}

/** A deal's grants as an EMA Avails file, for either party. */
export async function exportDealGrants(actor: Actor, dealId: string, format: ExportFormat): Promise<Result<FileAnswer>> {
  const deal = await getDeal(actor, dealId);
  if (!deal) return notFound("Deal");
  // The parties see the titles of their own deal, whatever the titles' visibility is now.
  const titles: EmaTitle[] = await db.title.findMany({
    where: { id: { in: [...new Set(deal.grants.map((g) => g.titleId))] } },
    select: emaTitleSelect,
  });
  const lines = grantLines(
    {
      id: deal.id,
      name: deal.name,
      licensee: deal.licensee,
      grants: deal.grants.map((g) => ({
        ...g,
        start: dateOnly(g.start),
        end: dateOnly(g.end),
        holdbacks: holdbacksOf(g.holdbacks),
      })),
    },
    titles,
  );
  return ok(await file(lines, format, `deal-${deal.id}-grants`));
}
