import "server-only";
import type { FileAnswer } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { readableTitles } from "@/lib/catalogue/queries";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { heldScopesByTitle } from "@/lib/deals/conflicts";
import { getDeal } from "@/lib/deals/queries";
import { type AvailCell, avails, expandScope, holdbacksOf, type Occupant, windowOf } from "@/lib/deals/rules";
import type { AvailsQuery } from "@/lib/deals/schema";
import { XLSX_MIME } from "@/lib/files/sniff";
import { isUnknownReferenceCodeError } from "@/lib/reference/errors";
import { MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import { fail, notFound, ok, type Result } from "@/lib/result";
import { COUNTRIES } from "@/lib/territories";
import { availsLines, type EmaLine, type EmaTitle, grantLines, writeEmaCsv, writeEmaXlsx } from "./ema";

/** Cells one request may ask for (titles × countries × media); beyond it, narrow the question. */
export const MAX_AVAIL_CELLS = 250_000;
const TITLE_BATCH = 1_000;

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
  const titleWhere: Prisma.TitleWhereInput[] = [readableTitles(actor), { archivedAt: null }];
  if (q.titleId) titleWhere.push({ id: q.titleId });
  else if (q.studioId) titleWhere.push({ studioId: q.studioId });
  else if (actor.org.kind === "STUDIO") titleWhere.push({ studioId: actor.org.id });
  else titleWhere.push({ visibility: "LISTED" });
  const titles = await db.title.findMany({
    where: { AND: titleWhere },
    select: { id: true, studioId: true },
    orderBy: { originalTitle: "asc" },
  });
  if (q.titleId && titles.length === 0) return fail("not_found", "NOT_FOUND", "Title not found.");
  const cells = titles.length * scope.countries.size * scope.media.size;
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
  const window = windowOf(q.start, q.end);
  const exclusive = q.exclusive === "true";
  const countries = [...scope.countries];
  const media = [...scope.media];
  const items: AvailItem[] = [];
  const allCountries = scope.countries.size === COUNTRIES.size;
  const allMedia = scope.media.size === MEDIA_RIGHT_LEAVES.length;
  // Three queries however many titles: titles, rights held, and the occupying slices (a round trip
  // per title made studio-wide avails 200x slower than SQL at 10,000 titles; see bench/avails.ts).
  for (let i = 0; i < titles.length; i += TITLE_BATCH) {
    const batch = titles.slice(i, i + TITLE_BATCH);
    const ids = batch.map((t) => t.id);
    const [heldByTitle, slices] = await Promise.all([
      heldScopesByTitle(db, ids),
      db.grantSlice.findMany({
        where: {
          titleId: ids.length === 1 ? ids[0] : { in: ids },
          ...(allCountries ? {} : { country: { in: countries } }),
          ...(allMedia ? {} : { media: { in: media } }),
          start: { lte: new Date(`${q.end}T00:00:00Z`) },
          end: { gte: new Date(`${q.start}T00:00:00Z`) },
        },
        select: {
          titleId: true,
          dealId: true,
          grantId: true,
          country: true,
          media: true,
          start: true,
          end: true,
          exclusive: true,
          holdback: true,
        },
      }),
    ]);
    const occupantsByTitle = new Map<string, Occupant[]>();
    for (const s of slices) {
      const occupant: Occupant = { ...s, start: dateOnly(s.start), end: dateOnly(s.end) };
      occupantsByTitle.set(s.titleId, [...(occupantsByTitle.get(s.titleId) ?? []), occupant]);
    }
    for (const title of batch) {
      const showBlockers = title.studioId === actor.org.id;
      const cells = avails({ countries, media, window, exclusive }, heldByTitle.get(title.id) ?? [], occupantsByTitle.get(title.id) ?? []);
      for (const cell of cells) {
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
  }
  return ok({ items, titles: titles.length });
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
  const lines = availsLines(answer.value.items, titles, { start: query.start, end: query.end, exclusive: query.exclusive === "true" });
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
