import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { partyOf } from "@/lib/deals/queries";
import { presentStatement } from "./present";
import { STATEMENT_STATUSES } from "./schema";
import { loadDealWaterfall } from "./waterfall";

/**
 * Reads only the statement pages need (the API's live in queries.ts): the organisation-wide
 * statement list with a deal filter and cursor pages, and the deals to filter by. Scoped to deals
 * the actor's organisation is party to, in the WHERE clause.
 */

export const statementInboxQuerySchema = z.object({
  deal: z.uuid().optional(),
  status: z.enum(STATEMENT_STATUSES).optional(),
  role: z.enum(["LICENSOR", "LICENSEE"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type StatementInboxQuery = z.output<typeof statementInboxQuerySchema>;

const cursorSchema = z.object({ c: z.string(), id: z.uuid() });
const orgRef = { select: { id: true, name: true } } as const;

export async function statementInbox(actor: Actor, q: StatementInboxQuery) {
  const deal: Prisma.DealWhereInput[] = [partyOf(actor)];
  if (q.deal) deal.push({ id: q.deal });
  if (q.role === "LICENSOR") deal.push({ licensorId: actor.org.id });
  if (q.role === "LICENSEE") deal.push({ licenseeId: actor.org.id });
  const where: Prisma.StatementWhereInput[] = [{ deal: { AND: deal } }];
  if (q.status) where.push({ status: q.status });
  const after = decodeCursor(q.cursor, cursorSchema);
  if (after) {
    const c = new Date(after.c);
    where.push({ OR: [{ createdAt: { lt: c } }, { createdAt: c, id: { lt: after.id } }] });
  }
  const rows = await db.statement.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: {
      supersededBy: { select: { id: true } },
      deal: {
        select: {
          id: true,
          name: true,
          licensorId: true,
          licenseeId: true,
          mgMinor: true,
          distributionFeePct: true,
          expenseCapMinor: true,
          shareTiers: true,
          licensor: orgRef,
          licensee: orgRef,
        },
      },
    },
  });
  const items = rows.slice(0, q.limit);
  const waterfalls = new Map<string, Awaited<ReturnType<typeof loadDealWaterfall>>>();
  for (const r of items) if (!waterfalls.has(r.dealId)) waterfalls.set(r.dealId, await loadDealWaterfall(db, r.deal));
  const last = items[items.length - 1];
  return {
    items: items.map((r) => {
      const licensor = r.deal.licensorId === actor.org.id;
      return {
        ...presentStatement(r, waterfalls.get(r.dealId)!),
        deal: {
          id: r.deal.id,
          name: r.deal.name,
          role: licensor ? ("LICENSOR" as const) : ("LICENSEE" as const),
          counterparty: licensor ? r.deal.licensee.name : r.deal.licensor.name,
        },
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** Deals the statement list can be filtered by: signed (or once signed) deals the organisation is party to. */
export async function statementDealOptions(actor: Actor) {
  return db.deal.findMany({
    where: { AND: [partyOf(actor), { status: { in: ["SIGNED", "EXPIRED", "TERMINATED"] } }] },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, licenseeId: true },
  });
}
