import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { readableTitles } from "@/lib/catalogue/queries";
import { db } from "@/lib/db/client";

/**
 * Small reads the edit-rights pages need beyond lib/edits/queries: names to show next to records
 * the actor can already read. Each one is scoped in its WHERE clause like the main queries.
 */

/** Who saved a policy version: only for the studio that owns the title (partners see the version and date). */
export async function policyAuthorName(actor: Actor, policyId: string): Promise<string | null> {
  const row = await db.editPolicy.findFirst({ where: { id: policyId, title: { studioId: actor.org.id } }, select: { createdById: true } });
  if (!row?.createdById) return null;
  // The author is (or was) a member of the studio; a removed member's name still reads as history.
  const user = await db.user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return user?.name ?? null;
}

/** The name of the studio owning a title the actor can read. */
export async function titleStudioName(actor: Actor, titleId: string): Promise<string | null> {
  const row = await db.title.findFirst({
    where: { AND: [{ id: titleId }, readableTitles(actor)] },
    select: { studio: { select: { name: true } } },
  });
  return row?.studio.name ?? null;
}

/** A title's policy version in force and its number of rules, for the section on the title page. */
export async function policySummary(actor: Actor, titleId: string): Promise<{ version: number; rules: number } | null> {
  const row = await db.editPolicy.findFirst({
    where: { titleId, title: readableTitles(actor) },
    orderBy: { version: "desc" },
    select: { version: true, _count: { select: { elements: true } } },
  });
  return row ? { version: row.version, rules: row._count.elements } : null;
}

/** The organisation names of the users and organisations a request's timeline mentions. */
export async function organizationNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
