import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { limitImports } from "@/lib/auth/rate-limit";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { isUniqueViolation, type Tx } from "@/lib/db/tx";
import { readSheet } from "@/lib/files/table-file";
import { type FieldError, fail, notFound, ok, type Result } from "@/lib/result";
import { readableTitles, refuseTitleWrite } from "./queries";
import { type CreateEpisodeData, type CreateSeasonData, createEpisodeSchema } from "./schema";
import { isSeries, seasonRefusal } from "./series";

/**
 * Seasons and episodes of a series (issue 15): reads for everyone who can read the title, writes
 * for the studio that owns it. Season numbers are what grants name (`grant.seasons`); they are
 * unique per title, episode numbers per season (unique indexes, so two racing writes cannot both
 * take a number: the loser answers 409 like a duplicate seen first).
 */

const mayWrite = (actor: Actor) => can({ role: actor.role, orgKind: actor.org.kind }, "catalogue.write");
const invalid = (errors: FieldError[], message = "Some fields need attention.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });
const notASeries = () => fail("invalid", "NOT_A_SERIES", seasonRefusal("NOT_A_SERIES").message);
const seasonTaken = (number: number) => {
  const r = seasonRefusal("SEASON_TAKEN", { number });
  return fail("conflict", "SEASON_TAKEN", r.message, { params: { number }, errors: [{ path: "number", ...r }] });
};
const episodeTaken = (number: number) => {
  const r = seasonRefusal("EPISODE_TAKEN", { number });
  return fail("conflict", "EPISODE_TAKEN", r.message, { params: { number }, errors: [{ path: "number", ...r }] });
};

const seasonInclude = { _count: { select: { episodes: true } } } as const;

/** A title's seasons in number order, or null when the actor cannot read the title. */
export async function listSeasons(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { id: true, seasons: { orderBy: { number: "asc" }, include: seasonInclude } },
  });
  return title ? title.seasons : null;
}

/** One season of a title the actor can read (joined to the title in the WHERE clause). */
export async function getSeason(actor: Actor, titleId: string, seasonId: string) {
  return db.season.findFirst({ where: { id: seasonId, titleId, title: readableTitles(actor) }, include: seasonInclude });
}
export type SeasonRow = NonNullable<Awaited<ReturnType<typeof getSeason>>>;

/** A season's episodes in number order, or null when the season is not one the actor can read. */
export async function listEpisodes(actor: Actor, titleId: string, seasonId: string) {
  const season = await db.season.findFirst({
    where: { id: seasonId, titleId, title: readableTitles(actor) },
    select: { episodes: { orderBy: { number: "asc" } } },
  });
  return season ? season.episodes : null;
}

/** The seasons and their episodes of a title, for its page (null when the actor cannot read it). */
export async function seriesOf(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { seasons: { orderBy: { number: "asc" }, include: { ...seasonInclude, episodes: { orderBy: { number: "asc" } } } } },
  });
  return title ? title.seasons : null;
}

/** The owner's series, locked for a write (so season numbers are taken one at a time), or a refusal. */
async function ownSeries(tx: Tx, actor: Actor, titleId: string): Promise<Result<{ id: string }>> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM title WHERE id = ${titleId}::uuid AND studio_id = ${actor.org.id}::uuid FOR UPDATE`;
  if (rows.length === 0) return notFound("Title");
  const title = await tx.title.findUniqueOrThrow({ where: { id: titleId }, select: { id: true, kind: true, episodeCount: true } });
  return isSeries(title) ? ok({ id: title.id }) : notASeries();
}

const episodeRow = (seasonId: string, e: CreateEpisodeData) => ({
  seasonId,
  number: e.number,
  titleEn: e.titles.en,
  titleZh: e.titles.zh ?? null,
  runtimeMinutes: e.runtimeMinutes ?? null,
  releaseDate: e.releaseDate ? toDbDate(e.releaseDate) : null,
  eidr: e.eidr ?? null,
});

export async function createSeason(actor: Actor, titleId: string, data: CreateSeasonData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return refuseTitleWrite(actor, titleId, "Only the studio that owns a title adds seasons.");
  try {
    return await db.$transaction(async (tx) => {
      const title = await ownSeries(tx, actor, titleId);
      if (!title.ok) return title;
      const taken = await tx.season.findFirst({ where: { titleId, number: data.number }, select: { id: true } });
      if (taken) return seasonTaken(data.number);
      const season = await tx.season.create({
        data: {
          titleId,
          number: data.number,
          titleEn: data.titles.en,
          titleZh: data.titles.zh ?? null,
          releaseDate: data.releaseDate ? toDbDate(data.releaseDate) : null,
          eidr: data.eidr ?? null,
        },
      });
      await recordAudit(tx, who(actor), {
        action: "season.create",
        entityType: "Title",
        entityId: titleId,
        partyOrgIds: [actor.org.id],
        after: { seasonId: season.id, ...data },
      });
      return ok({ id: season.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return seasonTaken(data.number);
    throw error;
  }
}

/** The owner's season of the title, or a refusal (404 for a season the actor cannot see). */
async function ownSeason(tx: Tx, actor: Actor, titleId: string, seasonId: string): Promise<Result<{ id: string; number: number }>> {
  const title = await ownSeries(tx, actor, titleId);
  if (!title.ok) return title;
  const season = await tx.season.findFirst({ where: { id: seasonId, titleId }, select: { id: true, number: true } });
  return season ? ok(season) : notFound("Season");
}

export async function createEpisode(
  actor: Actor,
  titleId: string,
  seasonId: string,
  data: CreateEpisodeData,
): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return refuseTitleWrite(actor, titleId, "Only the studio that owns a title adds episodes.");
  try {
    return await db.$transaction(async (tx) => {
      const season = await ownSeason(tx, actor, titleId, seasonId);
      if (!season.ok) return season;
      const taken = await tx.episode.findFirst({ where: { seasonId, number: data.number }, select: { id: true } });
      if (taken) return episodeTaken(data.number);
      const episode = await tx.episode.create({ data: episodeRow(seasonId, data) });
      await recordAudit(tx, who(actor), {
        action: "episode.create",
        entityType: "Title",
        entityId: titleId,
        partyOrgIds: [actor.org.id],
        after: { seasonId, season: season.value.number, episodeId: episode.id, ...data },
      });
      return ok({ id: episode.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return episodeTaken(data.number);
    throw error;
  }
}

// ---- Bulk episode import (CSV/XLSX through lib/files) ----------------------------------------

export const EPISODE_COLUMNS = ["number", "titleEn", "titleZh", "runtimeMinutes", "releaseDate", "eidr"] as const;
const EPISODE_REQUIRED = ["number", "titleEn"] as const;
export const MAX_EPISODE_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_EPISODE_ROWS = 5000;

export type EpisodeImportResult = { dryRun: boolean; rows: number; episodes: CreateEpisodeData[] };

/** Which column a schema path speaks of. */
const COLUMN_OF: Record<string, (typeof EPISODE_COLUMNS)[number]> = {
  number: "number",
  "titles.en": "titleEn",
  "titles.zh": "titleZh",
  runtimeMinutes: "runtimeMinutes",
  releaseDate: "releaseDate",
  eidr: "eidr",
};

/**
 * A season's episodes from a sheet (columns number, titleEn, titleZh, runtimeMinutes,
 * releaseDate, eidr): every row checked (the API's episode rules, numbers unique in the file and
 * new to the season), errors per row and column (`rows.<row>.<column>`), all or nothing;
 * `dryRun` checks without saving.
 */
export async function importEpisodes(
  actor: Actor,
  titleId: string,
  seasonId: string,
  upload: { bytes: Uint8Array; fileName: string; contentType?: string },
  options: { dryRun?: boolean } = {},
): Promise<Result<EpisodeImportResult>> {
  if (!mayWrite(actor)) return refuseTitleWrite(actor, titleId, "Only the studio that owns a title imports episodes.");
  // The season must be the actor's before the file is read (a stranger learns nothing from the errors).
  const visible = await db.season.findFirst({ where: { id: seasonId, titleId, title: { studioId: actor.org.id } }, select: { id: true } });
  if (!visible) return notFound("Season");
  const limited = await limitImports(actor.org.id);
  if (limited) return limited;
  const sheet = await readSheet(upload, {
    columns: EPISODE_COLUMNS,
    required: EPISODE_REQUIRED,
    maxBytes: MAX_EPISODE_IMPORT_BYTES,
    maxRows: MAX_EPISODE_ROWS,
    what: "episode",
  });
  if (!sheet.ok) return sheet;
  if (sheet.value.length === 0)
    return fail("invalid", "FILE_EMPTY", "The file has a header row but no episodes.", {
      errors: [{ path: "file", message: "The file has no episodes." }],
    });
  const errors: FieldError[] = [];
  const episodes: { row: number; data: CreateEpisodeData }[] = [];
  const seen = new Map<number, number>();
  for (const { row, cells } of sheet.value) {
    const int = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : v);
    const parsed = createEpisodeSchema.safeParse({
      number: int(cells.number),
      titles: { en: cells.titleEn ?? "", zh: cells.titleZh || undefined },
      runtimeMinutes: int(cells.runtimeMinutes),
      releaseDate: cells.releaseDate || undefined,
      eidr: cells.eidr || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[issue.path.join(".")] ?? "number";
        errors.push({ path: `rows.${row}.${column}`, message: issue.message });
      }
      continue;
    }
    const earlier = seen.get(parsed.data.number);
    if (earlier !== undefined)
      errors.push({
        path: `rows.${row}.number`,
        message: `Row ${earlier} already gives this episode number.`,
        code: "EPISODE_DUPLICATE_ROW",
        params: { row: earlier },
      });
    else seen.set(parsed.data.number, row);
    episodes.push({ row, data: parsed.data });
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const season = await ownSeason(tx, actor, titleId, seasonId);
        if (!season.ok) return season;
        const existing = await tx.episode.findMany({
          where: { seasonId, number: { in: episodes.map((e) => e.data.number) } },
          select: { number: true },
        });
        const taken = new Set(existing.map((e) => e.number));
        for (const e of episodes)
          if (taken.has(e.data.number))
            errors.push({ path: `rows.${e.row}.number`, ...seasonRefusal("EPISODE_TAKEN", { number: e.data.number }) });
        if (errors.length) return invalid(errors, "Some rows need attention; no episode was saved.");
        const all = episodes.map((e) => e.data);
        if (!options.dryRun) {
          await tx.episode.createMany({ data: all.map((e) => episodeRow(seasonId, e)) });
          await recordAudit(tx, who(actor), {
            action: "episode.import",
            entityType: "Title",
            entityId: titleId,
            partyOrgIds: [actor.org.id],
            after: { seasonId, season: season.value.number, fileName: upload.fileName, numbers: all.map((e) => e.number) },
          });
        }
        return ok({ dryRun: Boolean(options.dryRun), rows: all.length, episodes: all });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", "STALE_UPDATE", "Someone added episodes to this season meanwhile. Import again.");
    throw error;
  }
}
