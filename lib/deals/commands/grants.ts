import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { checkLanguages } from "@/lib/catalogue/reference-checks";
import { isSeries, seasonRefusal } from "@/lib/catalogue/series";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { isUnknownReferenceCodeError } from "@/lib/reference/errors";
import { unknownMediaRightCodes } from "@/lib/reference/media-rights";
import { type FieldError, forbidden, notFound, ok, type Result } from "@/lib/result";
import { unknownTerritoryCodes } from "@/lib/territories";
import { expandScope } from "../rules";
import type { GrantInput } from "../schema";
import { afterChange, invalid, lockForChange, mayWrite } from "./deal";

/** Grants of a DRAFT or PROPOSED deal: added one by one or many at once (EMA import), and removed. */

/** Expands a scope, reporting every unknown code on the field it was given in. */
function expandOrErrors(
  scope: { territories: string[]; excludedTerritories?: string[]; mediaRights: string[] },
  path: string,
  errors: FieldError[],
) {
  const problems: FieldError[] = [];
  const unknownIn = (field: "territories" | "excludedTerritories", codes: string[]) => {
    const unknown = unknownTerritoryCodes(codes);
    if (unknown.length) problems.push({ path: `${path}${field}`, message: `Unknown territory code(s): ${unknown.join(", ")}.` });
  };
  unknownIn("territories", scope.territories);
  unknownIn("excludedTerritories", scope.excludedTerritories ?? []);
  const unknownMedia = unknownMediaRightCodes(scope.mediaRights);
  if (unknownMedia.length)
    problems.push({ path: `${path}mediaRights`, message: `Unknown media right code(s): ${unknownMedia.join(", ")}.` });
  if (problems.length) {
    errors.push(...problems);
    return null;
  }
  try {
    return expandScope(scope);
  } catch (error) {
    if (!isUnknownReferenceCodeError(error)) throw error;
    errors.push({ path: `${path}territories`, message: `Unknown code(s): ${error.codes.join(", ")}.` });
    return null;
  }
}

/**
 * Seasons named by a grant must be seasons the title has (a series); a title that is not a
 * series takes none. Field errors on `path`.
 */
export function checkGrantSeasons(
  seasons: readonly number[],
  title: { kind: string; episodeCount: number | null; seasons: { number: number }[] },
  path: string,
  errors: FieldError[],
) {
  if (seasons.length === 0) return;
  if (!isSeries(title)) {
    errors.push({ path, ...seasonRefusal("NOT_A_SERIES") });
    return;
  }
  const known = new Set(title.seasons.map((s) => s.number));
  const missing = seasons.filter((n) => !known.has(n));
  if (missing.length) errors.push({ path, ...seasonRefusal("SEASON_UNKNOWN", { seasons: missing.join(", ") }) });
}

export async function addGrant(actor: Actor, dealId: string, input: GrantInput & { version?: number }): Promise<Result<{ id: string }>> {
  const result = await addGrants(actor, dealId, [input], { version: input.version });
  return result.ok ? ok({ id: result.value.ids[0]! }) : result;
}

/** Validation of one grant that needs no database; error paths start with `path`. */
export function checkGrant(input: GrantInput, path: string, errors: FieldError[]) {
  const scope = expandOrErrors(input, path, errors);
  const languages = checkLanguages(input.languages, `${path}languages`, errors);
  input.holdbacks.forEach((h, i) => {
    const hs = expandOrErrors({ territories: h.territories, mediaRights: h.mediaRights }, `${path}holdbacks.${i}.`, errors);
    if (h.until <= input.start) errors.push({ path: `${path}holdbacks.${i}.until`, message: "A holdback ends after the grant starts." });
    if (hs && scope && [...hs.countries].some((c) => scope.countries.has(c)) && [...hs.media].some((m) => scope.media.has(m))) {
      errors.push({
        path: `${path}holdbacks.${i}.mediaRights`,
        message: "A holdback cannot cover media the grant itself licenses in the same territories.",
      });
    }
  });
  if (scope && scope.countries.size === 0) errors.push({ path: `${path}excludedTerritories`, message: "The exclusions leave no country." });
  return languages;
}

/**
 * Adds several grants in one transaction: all are written or none (the EMA Avails import).
 * Each input is checked as `addGrant` checks one; error paths start with `pathOf(index)`.
 */
export async function addGrants(
  actor: Actor,
  dealId: string,
  inputs: GrantInput[],
  options: { version?: number; pathOf?: (index: number) => string; source?: string } = {},
): Promise<Result<{ ids: string[] }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow changing deals.");
  const pathOf = options.pathOf ?? (() => "");
  const errors: FieldError[] = [];
  const languages = inputs.map((input, i) => checkGrant(input, pathOf(i), errors));
  return db.$transaction(
    async (tx) => {
      const locked = await lockForChange(tx, actor, dealId, options.version);
      if (!locked.ok) return locked;
      const deal = locked.value;
      // Only the licensor's own titles can be licensed; a title the actor cannot see stays unnamed.
      const titleIds = [...new Set(inputs.map((i) => i.titleId))];
      const titles = await tx.title.findMany({
        where: {
          id: { in: titleIds },
          studioId: deal.licensorId,
          OR: [{ studioId: actor.org.id }, { visibility: "LISTED", archivedAt: null }],
        },
        select: { id: true, kind: true, episodeCount: true, seasons: { select: { number: true } } },
      });
      const known = new Map(titles.map((t) => [t.id, t]));
      for (const [i, input] of inputs.entries()) {
        const title = known.get(input.titleId);
        if (!title) errors.push({ path: `${pathOf(i)}titleId`, message: "Choose a title of the licensor." });
        else checkGrantSeasons(input.seasons, title, `${pathOf(i)}seasons`, errors);
        if (input.versionId) {
          const version = await tx.version.findFirst({ where: { id: input.versionId, titleId: input.titleId }, select: { id: true } });
          if (!version) errors.push({ path: `${pathOf(i)}versionId`, message: "Choose a version of this title." });
        }
      }
      if (errors.length) return invalid(errors);
      const ids: string[] = [];
      for (const [i, input] of inputs.entries()) {
        const grant = await tx.grant.create({
          data: {
            dealId: deal.id,
            titleId: input.titleId,
            versionId: input.versionId ?? null,
            territories: input.territories,
            excludedTerritories: input.excludedTerritories,
            mediaRights: input.mediaRights,
            languages: languages[i]!,
            start: toDbDate(input.start),
            end: toDbDate(input.end),
            exclusive: input.exclusive,
            editsPermitted: input.editsPermitted,
            holdbacks: input.holdbacks,
            seasons: input.seasons,
          },
        });
        ids.push(grant.id);
        await recordAudit(tx, who(actor), {
          action: "grant.create",
          entityType: "Deal",
          entityId: deal.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          after: { grantId: grant.id, ...input, languages: languages[i]!, ...(options.source && { source: options.source }) },
        });
      }
      await tx.deal.update({ where: { id: deal.id }, data: afterChange(deal, actor) });
      return ok({ ids });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

export async function deleteGrant(actor: Actor, dealId: string, grantId: string, version?: number): Promise<Result<null>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow changing deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, dealId, version);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const removed = await tx.grant.deleteMany({ where: { id: grantId, dealId: deal.id } });
    if (removed.count === 0) return notFound("Grant");
    await tx.deal.update({ where: { id: deal.id }, data: afterChange(deal, actor) });
    await recordAudit(tx, who(actor), {
      action: "grant.delete",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { grantId },
    });
    return ok(null);
  });
}
