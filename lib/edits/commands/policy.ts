import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { refuseTitleWrite } from "@/lib/catalogue/queries";
import { inTx, lockRow } from "@/lib/db/tx";
import { fail, notFound, ok, type Result } from "@/lib/result";
import type { EditPolicy } from "../schema";
import { allowed } from "./request";

/** Edit policies: versioned, never edited; a save inserts version n+1 under a lock on the title. */

/**
 * Sets a title's edit policy: writes a NEW policy version (previous + 1; the old ones stay, since
 * submitted requests were evaluated against them). Only the studio owning the title; others 404.
 */
export async function setEditPolicy(actor: Actor, titleId: string, data: EditPolicy): Promise<Result<{ id: string; version: number }>> {
  if (!allowed(actor, "edits.policy.write") && !allowed(actor, "catalogue.write")) {
    return refuseTitleWrite(actor, titleId, "Only the studio that owns a title sets its edit policy.");
  }
  return inTx(async (tx) => {
    const title = await tx.title.findFirst({ where: { id: titleId, studioId: actor.org.id }, select: { id: true } });
    if (!title) return notFound("Title");
    // One writer at a time per title, so two saves cannot both claim the same version number.
    await lockRow(tx, "title", title.id);
    const previous = await tx.editPolicy.findFirst({
      where: { titleId: title.id },
      orderBy: { version: "desc" },
      include: { elements: true },
    });
    const current = previous?.version ?? 0;
    // Saved over a policy the writer never saw: refuse rather than silently replace it.
    if (data.version !== undefined && data.version !== current) {
      return fail(
        "conflict",
        "STALE_UPDATE",
        `Someone saved version ${current} of this edit policy since you read version ${data.version}. Reload it and apply your change again.`,
        { details: { currentVersion: current } },
      );
    }
    const version = current + 1;
    const elements = data.elements.map((e) => ({ category: e.category, rule: e.rule, maxPct: e.maxPct ?? null, note: e.note ?? null }));
    const policy = await tx.editPolicy.create({
      data: { titleId: title.id, version, createdById: actor.userId, elements: { create: elements } },
    });
    await recordAudit(tx, who(actor), {
      action: "edit_policy.set",
      entityType: "Title",
      entityId: title.id,
      partyOrgIds: [actor.org.id],
      before: previous && {
        version: previous.version,
        elements: previous.elements.map((e) => ({
          category: e.category,
          rule: e.rule,
          maxPct: e.maxPct?.toString() ?? null,
          note: e.note,
        })),
      },
      after: { policyId: policy.id, version, elements },
    });
    return ok({ id: policy.id, version });
  });
}
