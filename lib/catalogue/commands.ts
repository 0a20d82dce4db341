import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { addDays, todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/tx";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { refuseTitleWrite, refuseVersionWrite } from "./queries";
import { checkCountry, checkLanguage, checkLanguages, checkTerritories } from "./reference-checks";
import type { CreateMarketTestData, CreateTitleData, CreateVersionData, UpdateTitleData, UpdateVersionData } from "./schema";

const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });
const stale = (what: string) =>
  fail("conflict", "STALE_UPDATE", `Someone changed this ${what} since you loaded it. Reload and apply your change again.`);
const eidrTaken = () =>
  fail("conflict", "EIDR_TAKEN", "Another of your titles already has this EIDR ID.", {
    errors: [{ path: "eidr", message: "Another of your titles already has this EIDR ID." }],
  });

function mayWrite(actor: Actor) {
  return can({ role: actor.role, orgKind: actor.org.kind }, "catalogue.write");
}

/** The title row values of validated input; shared by create and import. */
export function titleRow(data: CreateTitleData, originalLanguage: string) {
  return {
    kind: data.kind,
    originalTitle: data.originalTitle,
    titleEn: data.titles.en ?? null,
    titleZh: data.titles.zh ?? null,
    originalLanguage,
    genres: data.genres,
    year: data.year,
    runtimeMinutes: data.runtimeMinutes ?? null,
    episodeCount: data.episodeCount ?? null,
    eidr: data.eidr ?? null,
    synopsis: data.synopsis ?? null,
    visibility: data.visibility,
  };
}

/** Every title starts with its ORIGINAL version: worldwide, in its original language. */
export function originalVersionRow(title: { id: string; originalLanguage: string; runtimeMinutes: number | null }) {
  return {
    titleId: title.id,
    kind: "ORIGINAL" as const,
    name: "Original",
    territories: ["WORLDWIDE"],
    audioLanguages: [title.originalLanguage],
    subtitleLanguages: [],
    runtimeMinutes: title.runtimeMinutes,
    status: "DELIVERED" as const,
  };
}

/** Reference checks that need server-side data; returns the canonical language or errors. */
export function checkTitleReferences(data: { originalLanguage: string }, errors: FieldError[], prefix = "") {
  return checkLanguage(data.originalLanguage, `${prefix}originalLanguage`, errors);
}

export async function createTitle(actor: Actor, data: CreateTitleData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Only studios register titles.");
  const errors: FieldError[] = [];
  const originalLanguage = checkTitleReferences(data, errors);
  if (errors.length) return invalid(errors);
  try {
    const id = await db.$transaction(async (tx) => {
      const title = await tx.title.create({
        data: {
          ...titleRow(data, originalLanguage),
          studioId: actor.org.id,
          awards: { create: data.awards.map((a, position) => ({ ...a, section: a.section ?? null, position })) },
        },
      });
      await tx.version.create({ data: originalVersionRow(title) });
      await recordAudit(tx, who(actor), {
        action: "title.create",
        entityType: "Title",
        entityId: title.id,
        partyOrgIds: [actor.org.id],
        after: { ...titleRow(data, originalLanguage), awards: data.awards },
      });
      return title.id;
    });
    return ok({ id });
  } catch (error) {
    if (isUniqueViolation(error)) return eidrTaken();
    throw error;
  }
}

export async function updateTitle(actor: Actor, id: string, patch: UpdateTitleData): Promise<Result<{ id: string; lockVersion: number }>> {
  if (!mayWrite(actor)) return refuseTitleWrite(actor, id, "Only the studio that owns a title changes it.");
  const errors: FieldError[] = [];
  const originalLanguage = patch.originalLanguage ? checkLanguage(patch.originalLanguage, "originalLanguage", errors) : undefined;
  if (errors.length) return invalid(errors);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.title.findFirst({
        where: { id, studioId: actor.org.id },
        include: { awards: { orderBy: { position: "asc" } } },
      });
      if (!before) return notFound("Title");
      if (patch.lockVersion !== undefined && patch.lockVersion !== before.lockVersion) return stale("title");
      const data: Prisma.TitleUpdateManyMutationInput = {
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.originalTitle !== undefined && { originalTitle: patch.originalTitle }),
        ...(patch.titles?.en !== undefined && { titleEn: patch.titles.en }),
        ...(patch.titles?.zh !== undefined && { titleZh: patch.titles.zh }),
        ...(originalLanguage !== undefined && { originalLanguage }),
        ...(patch.genres !== undefined && { genres: patch.genres }),
        ...(patch.year !== undefined && { year: patch.year }),
        ...(patch.runtimeMinutes !== undefined && { runtimeMinutes: patch.runtimeMinutes }),
        ...(patch.episodeCount !== undefined && { episodeCount: patch.episodeCount }),
        ...(patch.eidr !== undefined && { eidr: patch.eidr ?? null }),
        ...(patch.synopsis !== undefined && { synopsis: patch.synopsis ?? null }),
        ...(patch.visibility !== undefined && { visibility: patch.visibility }),
        ...(patch.archived !== undefined && { archivedAt: patch.archived ? (before.archivedAt ?? new Date()) : null }),
        lockVersion: { increment: 1 },
      };
      // Conditional on the version we read, so two concurrent edits cannot both win.
      const updated = await tx.title.updateMany({ where: { id, studioId: actor.org.id, lockVersion: before.lockVersion }, data });
      if (updated.count === 0) return stale("title");
      if (patch.awards) {
        await tx.titleAward.deleteMany({ where: { titleId: id } });
        await tx.titleAward.createMany({
          data: patch.awards.map((a, position) => ({ ...a, section: a.section ?? null, titleId: id, position })),
        });
      }
      const after = await tx.title.findUniqueOrThrow({ where: { id }, include: { awards: { orderBy: { position: "asc" } } } });
      await recordAudit(tx, who(actor), {
        action: patch.archived === true ? "title.archive" : patch.archived === false ? "title.restore" : "title.update",
        entityType: "Title",
        entityId: id,
        partyOrgIds: [actor.org.id],
        before: auditView(before),
        after: auditView(after),
      });
      return ok({ id, lockVersion: after.lockVersion });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return eidrTaken();
    throw error;
  }
}

function auditView(t: {
  kind: string;
  originalTitle: string;
  titleEn: string | null;
  titleZh: string | null;
  originalLanguage: string;
  genres: string[];
  year: number;
  runtimeMinutes: number | null;
  episodeCount: number | null;
  eidr: string | null;
  visibility: string;
  archivedAt: Date | null;
  awards: { festival: string; section: string | null; award: string; year: number }[];
}) {
  const {
    kind,
    originalTitle,
    titleEn,
    titleZh,
    originalLanguage,
    genres,
    year,
    runtimeMinutes,
    episodeCount,
    eidr,
    visibility,
    archivedAt,
  } = t;
  return {
    kind,
    originalTitle,
    titleEn,
    titleZh,
    originalLanguage,
    genres,
    year,
    runtimeMinutes,
    episodeCount,
    eidr,
    visibility,
    archivedAt,
    awards: t.awards.map(({ festival, section, award, year: y }) => ({ festival, section, award, year: y })),
  };
}

function versionReferences(
  data: { territories?: string[]; audioLanguages?: string[]; subtitleLanguages?: string[] },
  errors: FieldError[],
) {
  return {
    territories: data.territories ? checkTerritories(data.territories, "territories", errors) : undefined,
    audioLanguages: data.audioLanguages ? checkLanguages(data.audioLanguages, "audioLanguages", errors) : undefined,
    subtitleLanguages: data.subtitleLanguages ? checkLanguages(data.subtitleLanguages, "subtitleLanguages", errors) : undefined,
  };
}

export async function createVersion(actor: Actor, titleId: string, data: CreateVersionData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return refuseTitleWrite(actor, titleId, "Only the studio that owns a title adds versions.");
  const errors: FieldError[] = [];
  const refs = versionReferences(data, errors);
  return db.$transaction(async (tx) => {
    const title = await tx.title.findFirst({ where: { id: titleId, studioId: actor.org.id }, select: { id: true } });
    if (!title) return notFound("Title");
    const parent = await tx.version.findFirst({ where: { id: data.derivedFromId, titleId: title.id }, select: { id: true } });
    if (!parent) errors.push({ path: "derivedFromId", message: "Choose a version of this title to derive from." });
    if (errors.length) return invalid(errors);
    const version = await tx.version.create({
      data: {
        titleId: title.id,
        kind: "INTERNATIONAL",
        name: data.name,
        derivedFromId: data.derivedFromId,
        territories: refs.territories ?? [],
        audioLanguages: refs.audioLanguages ?? [],
        subtitleLanguages: refs.subtitleLanguages ?? [],
        runtimeMinutes: data.runtimeMinutes ?? null,
        status: data.status,
        eidrEdit: data.eidrEdit ?? null,
        changes: { create: data.changes.map((c, position) => ({ ...c, position })) },
      },
    });
    await recordAudit(tx, who(actor), {
      action: "version.create",
      entityType: "Version",
      entityId: version.id,
      partyOrgIds: [actor.org.id],
      after: { titleId, ...data, ...refs },
    });
    return ok({ id: version.id });
  });
}

export async function updateVersion(
  actor: Actor,
  versionId: string,
  patch: UpdateVersionData,
): Promise<Result<{ id: string; lockVersion: number }>> {
  if (!mayWrite(actor)) return refuseVersionWrite(actor, versionId, "Only the studio that owns a title changes its versions.");
  const errors: FieldError[] = [];
  const refs = versionReferences(patch, errors);
  if (errors.length) return invalid(errors);
  return db.$transaction(async (tx) => {
    const before = await tx.version.findFirst({
      where: { id: versionId, title: { studioId: actor.org.id } },
      include: { changes: { orderBy: { position: "asc" } } },
    });
    if (!before) return notFound("Version");
    if (patch.lockVersion !== undefined && patch.lockVersion !== before.lockVersion) return stale("version");
    const updated = await tx.version.updateMany({
      where: { id: versionId, lockVersion: before.lockVersion },
      data: {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(refs.territories && { territories: refs.territories }),
        ...(refs.audioLanguages && { audioLanguages: refs.audioLanguages }),
        ...(refs.subtitleLanguages && { subtitleLanguages: refs.subtitleLanguages }),
        ...(patch.runtimeMinutes !== undefined && { runtimeMinutes: patch.runtimeMinutes }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.eidrEdit !== undefined && { eidrEdit: patch.eidrEdit ?? null }),
        lockVersion: { increment: 1 },
      },
    });
    if (updated.count === 0) return stale("version");
    if (patch.changes) {
      await tx.versionChange.deleteMany({ where: { versionId } });
      await tx.versionChange.createMany({ data: patch.changes.map((c, position) => ({ ...c, position, versionId })) });
    }
    const after = await tx.version.findUniqueOrThrow({ where: { id: versionId }, include: { changes: { orderBy: { position: "asc" } } } });
    const view = (v: typeof before) => ({
      name: v.name,
      territories: v.territories,
      audioLanguages: v.audioLanguages,
      subtitleLanguages: v.subtitleLanguages,
      runtimeMinutes: v.runtimeMinutes,
      status: v.status,
      eidrEdit: v.eidrEdit,
      changes: v.changes.map(({ category, description }) => ({ category, description })),
    });
    await recordAudit(tx, who(actor), {
      action: "version.update",
      entityType: "Version",
      entityId: versionId,
      partyOrgIds: [actor.org.id],
      before: view(before),
      after: view(after),
    });
    return ok({ id: versionId, lockVersion: after.lockVersion });
  });
}

export async function createMarketTest(actor: Actor, versionId: string, data: CreateMarketTestData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return refuseVersionWrite(actor, versionId, "Only the studio that owns a title records market tests.");
  const errors: FieldError[] = [];
  const territory = checkCountry(data.territory, "territory", errors);
  // "Today" anywhere on Earth: a studio east of UTC may date a test tomorrow's UTC date.
  if (data.date > addDays(todayUtc(), 1)) errors.push({ path: "date", message: "A market test cannot be dated in the future." });
  if (errors.length) return invalid(errors);
  return db.$transaction(async (tx) => {
    const version = await tx.version.findFirst({ where: { id: versionId, title: { studioId: actor.org.id } }, select: { id: true } });
    if (!version) return notFound("Version");
    const test = await tx.marketTest.create({
      data: {
        versionId,
        territory,
        date: new Date(`${data.date}T00:00:00.000Z`),
        audienceSize: data.audienceSize,
        score: data.score,
        method: data.method,
        notes: data.notes ?? null,
      },
    });
    await recordAudit(tx, who(actor), {
      action: "market_test.create",
      entityType: "MarketTest",
      entityId: test.id,
      partyOrgIds: [actor.org.id],
      after: { versionId, ...data, territory },
    });
    return ok({ id: test.id });
  });
}
