import type { ErrorCode } from "@/lib/api/error-codes";
import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { refusePerson } from "@/lib/auth/person";
import { type Clock, clockNow, dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { isExclusionViolation, type Tx } from "@/lib/db/tx";
import { fail, forbidden, ok, type Result } from "@/lib/result";
import { findConflicts, heldScopesByTitle, type SigningConflict } from "../conflicts";
import { notifyParties } from "../notify";
import { partyOf } from "../queries";
import { expandScope, type Gap, grantSliceRows, holdbacksOf, type SliceRow, uncoveredByHeld, windowOf } from "../rules";
import { lockForChange, mayWrite } from "./deal";

/**
 * Proposal and signature: the second signature checks chain of title and conflicts and writes the
 * grant slices in the signing transaction, where the exclusion constraint refuses double grants.
 */

export async function proposeDeal(actor: Actor, dealId: string, version?: number, clock?: Clock): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow proposing deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, dealId, version);
    if (!locked.ok) return locked;
    const deal = locked.value;
    if (deal.status !== "DRAFT") return fail("conflict", "NOT_DRAFT", "Only a draft deal can be proposed.");
    const grants = await tx.grant.count({ where: { dealId: deal.id } });
    if (grants === 0) return fail("invalid", "NO_GRANTS", "Add at least one grant (rights line) before proposing.");
    const other = deal.licensorId === actor.org.id ? deal.licenseeId : deal.licensorId;
    await tx.deal.update({
      where: { id: deal.id },
      data: {
        status: "PROPOSED",
        proposedAt: clockNow(clock),
        awaitingOrgId: other,
        lockVersion: { increment: 1 },
        ...(clock?.now && { updatedAt: clock.now }),
      },
    });
    await recordAudit(tx, who(actor), {
      action: "deal.propose",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: "DRAFT" },
      after: { status: "PROPOSED", awaitingOrgId: other },
    });
    await notifyParties(tx, [other], {
      dealId: deal.id,
      kind: "DEAL_PROPOSED",
      subjectType: "Deal",
      subjectId: deal.id,
      href: `/deals/${deal.id}`,
      exceptUserId: actor.userId,
      params: { organization: actor.org.name },
    });
    return ok({ id: deal.id });
  });
}

export type SignOutcome = { id: string; status: "PROPOSED" | "SIGNED" };
type SignFailure = "RIGHTS_CONFLICT" | "RIGHTS_NOT_HELD";

/**
 * A party's signature. The second one makes the deal SIGNED: the grants are written as slices,
 * which the exclusion constraint refuses if they would double-grant an exclusive right — even
 * when several signatures race, exactly one conflicting deal can commit.
 */
export async function signDeal(
  actor: Actor,
  dealId: string,
  version?: number,
  clock?: Clock,
): Promise<Result<SignOutcome, SignFailure | ErrorCode>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "deals.sign") || !actor.userId) {
    return forbidden("Only owners and admins sign deals, in person (not with an API key).");
  }
  const unverified = await refusePerson(actor, "Signing a deal");
  if (unverified) return unverified;
  const userId = actor.userId;
  let pendingConflicts: { dealId: string } | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await lockForChange(tx, actor, dealId, version);
        if (!locked.ok) return locked;
        const deal = locked.value;
        if (deal.status !== "PROPOSED") return fail("conflict", "NOT_PROPOSED", "Propose the deal before signing it.");
        const side = deal.licensorId === actor.org.id ? "licensor" : "licensee";
        if ((side === "licensor" ? deal.licensorSignedAt : deal.licenseeSignedAt) !== null) {
          return fail("conflict", "ALREADY_SIGNED", "Your organisation has already signed; the other party's signature is awaited.");
        }
        const now = clockNow(clock);
        const signature =
          side === "licensor" ? { licensorSignedAt: now, licensorSignedBy: userId } : { licenseeSignedAt: now, licenseeSignedBy: userId };
        const otherSigned = side === "licensor" ? deal.licenseeSignedAt !== null : deal.licensorSignedAt !== null;
        if (!otherSigned) {
          const other = side === "licensor" ? deal.licenseeId : deal.licensorId;
          await tx.deal.update({
            where: { id: deal.id },
            data: { ...signature, awaitingOrgId: other, lockVersion: { increment: 1 }, ...(clock?.now && { updatedAt: now }) },
          });
          await recordAudit(tx, who(actor), {
            action: "deal.sign",
            entityType: "Deal",
            entityId: deal.id,
            partyOrgIds: [deal.licensorId, deal.licenseeId],
            after: { side, status: "PROPOSED" },
          });
          await notifyParties(tx, [other], {
            dealId: deal.id,
            kind: "DEAL_SIGNED",
            subjectType: "Deal",
            subjectId: deal.id,
            href: `/deals/${deal.id}`,
            exceptUserId: userId,
            params: { organization: actor.org.name, fullySigned: false },
          });
          return ok({ id: deal.id, status: "PROPOSED" as const });
        }

        const grants = await tx.grant.findMany({ where: { dealId: deal.id }, orderBy: { createdAt: "asc" } });
        const expanded = grants.map((g) => ({
          grant: g,
          ...expandScope(g),
          ...windowOf(dateOnly(g.start), dateOnly(g.end)),
          titleId: g.titleId,
          exclusive: g.exclusive,
          seasons: g.seasons,
        }));
        // Chain of title: every grant inside what the licensor holds.
        const notHeld: (Gap & { titleId: string; grantId: string })[] = [];
        const heldByTitle = await heldScopesByTitle(tx, [...new Set(expanded.map((e) => e.titleId))]);
        for (const e of expanded) {
          for (const gap of uncoveredByHeld(e, heldByTitle.get(e.titleId)!))
            notHeld.push({ ...gap, titleId: e.titleId, grantId: e.grant.id });
        }
        if (notHeld.length > 0) {
          return fail("conflict", "RIGHTS_NOT_HELD", "Some grants reach beyond the rights the licensor holds.", {
            details: { uncovered: notHeld },
          });
        }
        const conflicts = await findConflicts(tx, deal.id, expanded, actor.org.id);
        if (conflicts.length > 0) return conflictFailure(conflicts);

        await insertSlices(
          tx,
          deal.id,
          expanded.map((e) => ({
            grant: e.grant,
            rows: grantSliceRows({
              ...e,
              start: dateOnly(e.grant.start),
              end: dateOnly(e.grant.end),
              holdbacks: holdbacksOf(e.grant.holdbacks),
            }),
          })),
        );
        await tx.deal.update({
          where: { id: deal.id },
          data: {
            ...signature,
            status: "SIGNED",
            signedAt: now,
            awaitingOrgId: null,
            lockVersion: { increment: 1 },
            ...(clock?.now && { updatedAt: now }),
          },
        });
        await recordAudit(tx, who(actor), {
          action: "deal.sign",
          entityType: "Deal",
          entityId: deal.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          before: { status: "PROPOSED" },
          after: { side, status: "SIGNED" },
        });
        // Both parties hear that the deal is in force (the signer's colleagues too).
        await notifyParties(tx, [deal.licensorId, deal.licenseeId], {
          dealId: deal.id,
          kind: "DEAL_SIGNED",
          subjectType: "Deal",
          subjectId: deal.id,
          href: `/deals/${deal.id}`,
          exceptUserId: userId,
          params: { organization: actor.org.name, fullySigned: true },
        });
        return ok({ id: deal.id, status: "SIGNED" as const });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    pendingConflicts = { dealId };
  }
  // Another signature committed first. Name what it now blocks (outside the failed transaction).
  const deal = await db.deal.findFirstOrThrow({ where: { AND: [{ id: pendingConflicts.dealId }, partyOf(actor)] } });
  const grants = await db.grant.findMany({ where: { dealId: deal.id } });
  const conflicts = await findConflicts(
    db,
    deal.id,
    grants.map((g) => ({
      grant: g,
      ...expandScope(g),
      ...windowOf(dateOnly(g.start), dateOnly(g.end)),
      titleId: g.titleId,
      exclusive: g.exclusive,
      seasons: g.seasons,
    })),
    actor.org.id,
  );
  return conflictFailure(conflicts);
}

export function conflictFailure(conflicts: SigningConflict[]) {
  const first = conflicts[0];
  const detail = first
    ? `Signing would double-grant rights already held under deal ${first.dealName} (${first.dealId}) for ${first.titleName}: ${first.countries.slice(0, 8).join(", ")}${first.countries.length > 8 ? "…" : ""} × ${first.media.join(", ")}, ${first.start} to ${first.end}.`
    : "Signing would double-grant an exclusive right.";
  return fail("conflict", "RIGHTS_CONFLICT", detail, { details: { conflicts } });
}

/**
 * Every slice of the deal in one statement. Each grant takes one lane (`nextval` once per grant,
 * in the grants' order, in a materialised CTE), shared by all its rows.
 */
export async function insertSlices(tx: Tx, dealId: string, grants: { grant: { id: string; titleId: string }; rows: SliceRow[] }[]) {
  const index: number[] = [];
  const country: string[] = [];
  const media: string[] = [];
  const start: string[] = [];
  const end: string[] = [];
  const exclusive: boolean[] = [];
  const holdback: boolean[] = [];
  const seasonFrom: number[] = [];
  const seasonTo: (number | null)[] = [];
  grants.forEach(({ rows }, g) => {
    for (const r of rows) {
      index.push(g + 1);
      country.push(r.country);
      media.push(r.media);
      start.push(r.start);
      end.push(r.end);
      exclusive.push(r.exclusive);
      holdback.push(r.holdback);
      seasonFrom.push(r.seasonFrom);
      seasonTo.push(r.seasonTo);
    }
  });
  if (index.length === 0) return;
  await tx.$executeRaw`
    WITH g AS MATERIALIZED (
      SELECT u.n, u.grant_id, u.title_id, nextval('grant_lane_seq') AS lane
      FROM unnest(${grants.map((g) => g.grant.id)}::uuid[], ${grants.map((g) => g.grant.titleId)}::uuid[]) WITH ORDINALITY
           AS u(grant_id, title_id, n)
      ORDER BY u.n
    )
    INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane, season_from, season_to)
    SELECT g.grant_id, ${dealId}::uuid, g.title_id, t.country, t.media, t.s::date, t.e::date, t.x, t.h, g.lane, t.sf, t.st
    FROM unnest(${index}::int[], ${country}::text[], ${media}::text[], ${start}::text[], ${end}::text[],
                ${exclusive}::boolean[], ${holdback}::boolean[], ${seasonFrom}::int[], ${seasonTo}::int[])
           AS t(n, country, media, s, e, x, h, sf, st)
    JOIN g ON g.n = t.n`;
}
