import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { readableTitles, refuseTitleWrite } from "@/lib/catalogue/queries";
import { dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { isUnknownReferenceCodeError } from "@/lib/reference/errors";
import { type FieldError, fail, notFound, ok, type Result } from "@/lib/result";
import { expandScope } from "./rules";
import type { RightsHeldInput } from "./schema";

function present(
  rows: {
    territories: string[];
    excludedTerritories: string[];
    mediaRights: string[];
    start: Date;
    end: Date | null;
    exclusive: boolean;
  }[],
) {
  return rows.map((r) => ({
    territories: r.territories,
    excludedTerritories: r.excludedTerritories,
    mediaRights: r.mediaRights,
    start: dateOnly(r.start),
    end: r.end ? dateOnly(r.end) : null,
    exclusive: r.exclusive,
  }));
}

/** Chain of title of a title the actor can see; `default: true` when nothing is recorded. */
export async function getRightsHeld(actor: Actor, titleId: string) {
  const title = await db.title.findFirst({ where: { AND: [{ id: titleId }, readableTitles(actor)] }, select: { id: true } });
  if (!title) return null;
  const rows = await db.rightsHeld.findMany({ where: { titleId: title.id }, orderBy: { position: "asc" } });
  return {
    items: present(rows),
    default: rows.length === 0,
    note: rows.length === 0 ? "Nothing recorded: the studio holds the title worldwide, in all media, perpetually and exclusively." : null,
  };
}

/** Replaces the rights held of one of the studio's own titles. Signed grants already made stand. */
export async function setRightsHeld(actor: Actor, titleId: string, input: RightsHeldInput): Promise<Result<null>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "rights.manage"))
    return refuseTitleWrite(actor, titleId, "Only studio owners and admins record rights held.");
  const errors: FieldError[] = [];
  input.items.forEach((item, i) => {
    try {
      const scope = expandScope(item);
      if (scope.countries.size === 0) errors.push({ path: `items.${i}.excludedTerritories`, message: "The exclusions leave no country." });
    } catch (error) {
      if (!isUnknownReferenceCodeError(error)) throw error;
      const field = error.kind === "mediaRight" ? "mediaRights" : "territories";
      errors.push({ path: `items.${i}.${field}`, message: `Unknown code(s): ${error.codes.join(", ")}.` });
    }
  });
  if (errors.length) return fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });
  return db.$transaction(async (tx) => {
    const title = await tx.title.findFirst({ where: { id: titleId, studioId: actor.org.id }, select: { id: true } });
    if (!title) return notFound("Title");
    const before = await tx.rightsHeld.findMany({ where: { titleId }, orderBy: { position: "asc" } });
    await tx.rightsHeld.deleteMany({ where: { titleId } });
    await tx.rightsHeld.createMany({
      data: input.items.map((item, position) => ({
        titleId,
        position,
        territories: item.territories,
        excludedTerritories: item.excludedTerritories,
        mediaRights: item.mediaRights,
        start: toDbDate(item.start),
        end: item.end ? toDbDate(item.end) : null,
        exclusive: item.exclusive,
      })),
    });
    await recordAudit(tx, who(actor), {
      action: "rights_held.replace",
      entityType: "Title",
      entityId: titleId,
      partyOrgIds: [actor.org.id],
      before: present(before),
      after: input.items,
    });
    return ok(null);
  });
}
