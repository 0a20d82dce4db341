import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { type ChainRow, verifyChain } from "./rules";
import type { AuditSubject } from "./schema";

export type AuditListItem = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string; email: string } | null;
  viaApiKey: string | null;
  before: unknown;
  after: unknown;
};

/**
 * A studio's advance application is its own business until it submits it: the facility is a
 * party to the application's entries from the start (the chain cannot be rewritten), so its
 * view leaves out the entries of applications to it that were never submitted.
 */
async function unsubmittedApplicationsOf(actor: Actor): Promise<string[]> {
  if (actor.org.kind !== "FACILITY") return [];
  const drafts = await db.advance.findMany({
    where: { facility: { orgId: actor.org.id }, submittedAt: null, NOT: { studioId: actor.org.id } },
    select: { id: true },
  });
  return drafts.map((d) => d.id);
}

/** Entries the acting organisation is a party to, newest first, keyset-paginated by id. */
export async function listAuditEntries(
  actor: Actor,
  opts: { limit: number; cursor?: bigint; entityType?: string; entityId?: string },
): Promise<{ items: AuditListItem[]; nextCursor: string | null }> {
  const hidden = await unsubmittedApplicationsOf(actor);
  const rows = await db.auditEntry.findMany({
    where: {
      partyOrgIds: { has: actor.org.id },
      ...(hidden.length > 0 ? { NOT: { entityType: "Advance", entityId: { in: hidden } } } : {}),
      ...(opts.cursor ? { id: { lt: opts.cursor } } : {}),
      ...(opts.entityType ? { entityType: opts.entityType } : {}),
      ...(opts.entityId ? { entityId: opts.entityId } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const userIds = [...new Set(page.map((r) => r.actorUserId).filter((v): v is string => v !== null))];
  const keyIds = [...new Set(page.map((r) => r.actorApiKeyId).filter((v): v is string => v !== null))];
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.apiKey.findMany({ where: { id: { in: keyIds }, organizationId: actor.org.id }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const keyById = new Map(keys.map((k) => [k.id, k.name]));
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actorUserId ? (userById.get(r.actorUserId) ?? null) : null,
      viaApiKey: r.actorApiKeyId ? (keyById.get(r.actorApiKeyId) ?? "API key") : null,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > opts.limit && page.length > 0 ? page[page.length - 1]!.id.toString() : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Named = { originalTitle: string; titleEn: string | null; titleZh: string | null };
const titleNames = (t: Named) => ({ en: t.titleEn ?? t.originalTitle, zh: t.titleZh ?? t.originalTitle });
const both = (name: string) => ({ en: name, zh: name });
const titleSelect = { originalTitle: true, titleEn: true, titleZh: true } as const;

/**
 * The records of visible audit entries by name (issue 17 point 13: no raw ids in the activity feed,
 * titles in the reader's language) and the currency their `…Minor` amounts are in. Only entries the
 * caller has already read (listAuditEntries, scoped to the organisation) are looked up, by id, one
 * query per record type on the page. Keyed by `${entityType}:${entityId}`.
 */
export async function auditSubjects(items: readonly Pick<AuditListItem, "entityType" | "entityId">[]): Promise<Map<string, AuditSubject>> {
  const ids = (type: string) => [...new Set(items.filter((i) => i.entityType === type && UUID.test(i.entityId)).map((i) => i.entityId))];
  const wanted = (type: string) => ids(type).length > 0;
  const none = Promise.resolve([]);
  const [
    deals,
    advances,
    statements,
    receipts,
    titles,
    versions,
    requests,
    tests,
    orgs,
    users,
    keys,
    programmes,
    applications,
    facilities,
  ] = await Promise.all([
    wanted("Deal") ? db.deal.findMany({ where: { id: { in: ids("Deal") } }, select: { id: true, name: true, currency: true } }) : none,
    wanted("Advance")
      ? db.advance.findMany({
          where: { id: { in: ids("Advance") } },
          select: { id: true, currency: true, deal: { select: { name: true } } },
        })
      : none,
    wanted("Statement")
      ? db.statement.findMany({
          where: { id: { in: ids("Statement") } },
          select: { id: true, currency: true, deal: { select: { name: true } } },
        })
      : none,
    wanted("Receipt")
      ? db.receipt.findMany({
          where: { id: { in: ids("Receipt") } },
          select: { id: true, currency: true, deal: { select: { name: true } } },
        })
      : none,
    wanted("Title") ? db.title.findMany({ where: { id: { in: ids("Title") } }, select: { id: true, ...titleSelect } }) : none,
    wanted("Version")
      ? db.version.findMany({ where: { id: { in: ids("Version") } }, select: { id: true, name: true, title: { select: titleSelect } } })
      : none,
    wanted("EditRequest")
      ? db.editRequest.findMany({ where: { id: { in: ids("EditRequest") } }, select: { id: true, title: { select: titleSelect } } })
      : none,
    wanted("MarketTest")
      ? db.marketTest.findMany({
          where: { id: { in: ids("MarketTest") } },
          select: { id: true, territory: true, version: { select: { title: { select: titleSelect } } } },
        })
      : none,
    wanted("Organization")
      ? db.organization.findMany({ where: { id: { in: ids("Organization") } }, select: { id: true, name: true } })
      : none,
    wanted("User") ? db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true, email: true } }) : none,
    wanted("ApiKey") ? db.apiKey.findMany({ where: { id: { in: ids("ApiKey") } }, select: { id: true, name: true } }) : none,
    wanted("Programme")
      ? db.programme.findMany({ where: { id: { in: ids("Programme") } }, select: { id: true, nameEn: true, nameZh: true, currency: true } })
      : none,
    wanted("ProgrammeApplication")
      ? db.programmeApplication.findMany({
          where: { id: { in: ids("ProgrammeApplication") } },
          select: { id: true, programme: { select: { nameEn: true, nameZh: true, currency: true } } },
        })
      : none,
    wanted("Facility") ? db.facility.findMany({ where: { id: { in: ids("Facility") } }, select: { id: true, currency: true } }) : none,
  ]);
  const out = new Map<string, AuditSubject>();
  const put = (type: string, id: string, name: AuditSubject["name"], currency: string | null = null) =>
    out.set(`${type}:${id}`, { name, currency });
  for (const d of deals) put("Deal", d.id, both(d.name), d.currency);
  for (const a of advances) put("Advance", a.id, both(a.deal.name), a.currency);
  for (const s of statements) put("Statement", s.id, both(s.deal.name), s.currency);
  for (const r of receipts) put("Receipt", r.id, both(r.deal.name), r.currency);
  for (const t of titles) put("Title", t.id, titleNames(t));
  for (const v of versions) {
    const n = titleNames(v.title);
    put("Version", v.id, { en: `${n.en} · ${v.name}`, zh: `${n.zh} · ${v.name}` });
  }
  for (const r of requests) put("EditRequest", r.id, titleNames(r.title));
  for (const m of tests) {
    const n = titleNames(m.version.title);
    put("MarketTest", m.id, { en: `${n.en} · ${m.territory}`, zh: `${n.zh} · ${m.territory}` });
  }
  for (const o of orgs) put("Organization", o.id, both(o.name));
  for (const u of users) put("User", u.id, both(u.name || u.email));
  for (const k of keys) put("ApiKey", k.id, both(k.name));
  for (const p of programmes) put("Programme", p.id, { en: p.nameEn, zh: p.nameZh }, p.currency);
  for (const a of applications) put("ProgrammeApplication", a.id, { en: a.programme.nameEn, zh: a.programme.nameZh }, a.programme.currency);
  for (const f of facilities) put("Facility", f.id, null, f.currency);
  return out;
}

/** Verifies the whole chain in batches, so memory stays flat however long the log grows. */
export async function verifyAuditChain(batchSize = 5_000) {
  let cursor = 0n;
  let prev: string | undefined;
  let count = 0;
  const problems: ReturnType<typeof verifyChain>["problems"] = [];
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    const chainRows: ChainRow[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorApiKeyId: r.actorApiKeyId,
      organizationId: r.organizationId,
      partyOrgIds: r.partyOrgIds,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
    const result = verifyChain(chainRows, prev);
    count += result.count;
    problems.push(...result.problems);
    prev = result.lastHash;
    cursor = rows[rows.length - 1]!.id;
  }
  return { count, ok: problems.length === 0, problems };
}
