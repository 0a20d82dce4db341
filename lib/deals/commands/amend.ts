import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { refusePerson } from "@/lib/auth/person";
import { type Clock, clockNow, dateOnly, toDbDate, todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isExclusionViolation, lockRow, type Tx } from "@/lib/db/tx";
import { formatAmount } from "@/lib/money/money";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { amendGrants, type DealSnap, fixedTermErrors, type GrantSnap, renewalChanges, renewalOpen } from "../amendment";
import { findConflicts, heldScopesByTitle } from "../conflicts";
import { notifyParties } from "../notify";
import { renewalOptionOf } from "../present";
import { dealSnapshot, partyOf } from "../queries";
import { expandScope, type Gap, grantSliceRows, holdbacksOf, uncoveredByHeld, windowOf } from "../rules";
import type { AmendmentChanges, AmendmentInput, AmendmentPatch, DealTermsInput } from "../schema";
import { type StoredTerms, storeTerms } from "../terms";
import { invalid, mayWrite } from "./deal";
import { checkGrant, checkGrantSeasons } from "./grants";
import { conflictFailure, insertSlices } from "./sign";

/**
 * Amendments to a SIGNED deal. Every command locks the deal row first (the lock deal signatures
 * take), then reads the amendment: changes and signatures of one deal go one at a time, and the
 * second signature applies the amendment in its transaction, where the exclusion constraint on
 * grant_slice decides between racing deals exactly as it does for deal signatures.
 */

type DealRow = Prisma.DealGetPayload<object>;
type Amended = {
  after: DealSnap;
  stored: Pick<StoredTerms, "mgMinor" | "expenseCapMinor" | "instalments" | "participants">;
  languages: Map<string, string[]>;
};

const outdated = (errors: FieldError[]) =>
  fail("conflict", "AMENDMENT_OUTDATED", "The deal changed since this amendment was drafted; it no longer applies as written.", { errors });

/** Loads a deal the actor is party to, locks its row and re-reads it; only SIGNED deals are amended. */
async function lockSignedDeal(tx: Tx, actor: Actor, dealId: string): Promise<Result<DealRow>> {
  const deal = await tx.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: { id: true } });
  if (!deal) return notFound("Deal");
  await lockRow(tx, "deal", deal.id);
  const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
  if (fresh.status !== "SIGNED") return fail("conflict", "DEAL_NOT_SIGNED", `Only a signed deal is amended; this one is ${fresh.status}.`);
  return ok(fresh);
}

/** The deal and one of its amendments, the deal row locked. */
async function lockAmendment(tx: Tx, actor: Actor, dealId: string, amendmentId: string, version: number | undefined) {
  const locked = await lockSignedDeal(tx, actor, dealId);
  if (!locked.ok) return locked.reason === "NOT_FOUND" ? notFound("Amendment") : locked;
  const amendment = await tx.dealAmendment.findFirst({ where: { id: amendmentId, dealId: locked.value.id } });
  if (!amendment) return notFound("Amendment");
  if (version !== undefined && version !== amendment.lockVersion) {
    return fail("conflict", "STALE_UPDATE", "Someone changed this amendment since you loaded it. Reload it and apply your change again.");
  }
  return ok({ deal: locked.value, amendment });
}

/**
 * Checks `changes` against the deal as it is now and computes what it becomes: grants (new ones
 * checked like any grant, titles of the licensor only), terms (through the deal's own rules, the
 * MG never below what has been received). Error paths start with `changes.`.
 */
async function amend(
  tx: Tx,
  actor: Actor,
  deal: DealRow,
  changes: AmendmentChanges,
  newIds: string[],
): Promise<{ amended: Amended; errors: FieldError[] }> {
  const before = await dealSnapshot(tx, deal.id);
  const errors = fixedTermErrors(changes);
  const { grants, errors: grantErrors } = amendGrants(before.grants, changes, newIds);
  errors.push(...grantErrors);
  const languages = new Map<string, string[]>();
  for (const [i, g] of (changes.addGrants ?? []).entries()) languages.set(newIds[i]!, checkGrant(g, `changes.addGrants.${i}.`, errors));
  (changes.updateGrants ?? []).forEach((u, i) => {
    const g = grants.find((x) => x.id === u.grantId);
    if (!g) return;
    checkGrant({ ...g, holdbacks: holdbacksOf(g.holdbacks) } as Parameters<typeof checkGrant>[0], `changes.updateGrants.${i}.`, errors);
  });
  const added = changes.addGrants ?? [];
  // Seasons named by updated grants must be seasons of their (series) title, as for added ones.
  const reseasoned = (changes.updateGrants ?? []).flatMap((u, i) => {
    const g = grants.find((x) => x.id === u.grantId);
    return g && u.seasons !== undefined ? [{ i, titleId: g.titleId, seasons: u.seasons }] : [];
  });
  if (added.length > 0 || reseasoned.length > 0) {
    const titles = await tx.title.findMany({
      where: {
        id: { in: [...new Set([...added.map((g) => g.titleId), ...reseasoned.map((r) => r.titleId)])] },
        studioId: deal.licensorId,
        OR: [{ studioId: actor.org.id }, { visibility: "LISTED", archivedAt: null }],
      },
      select: { id: true, originalTitle: true, kind: true, episodeCount: true, seasons: { select: { number: true } } },
    });
    const names = new Map(titles.map((t) => [t.id, t.originalTitle]));
    const byId = new Map(titles.map((t) => [t.id, t]));
    for (const r of reseasoned) {
      const title = byId.get(r.titleId);
      if (title) checkGrantSeasons(r.seasons, title, `changes.updateGrants.${r.i}.seasons`, errors);
    }
    for (const [i, g] of added.entries()) {
      const title = byId.get(g.titleId);
      if (title) checkGrantSeasons(g.seasons, title, `changes.addGrants.${i}.seasons`, errors);
      if (!names.has(g.titleId)) errors.push({ path: `changes.addGrants.${i}.titleId`, message: "Choose a title of the licensor." });
      const snap = grants.find((x) => x.id === newIds[i]);
      if (snap) snap.titleName = names.get(g.titleId);
      if (g.versionId) {
        const version = await tx.version.findFirst({ where: { id: g.versionId, titleId: g.titleId }, select: { id: true } });
        if (!version) errors.push({ path: `changes.addGrants.${i}.versionId`, message: "Choose a version of this title." });
      }
    }
  }

  const t = changes.terms ?? {};
  const termsInput: DealTermsInput = {
    minimumGuarantee: t.minimumGuarantee !== undefined ? t.minimumGuarantee : before.terms.minimumGuarantee,
    instalments: (t.instalments ?? before.terms.instalments) as DealTermsInput["instalments"],
    expenseCap: t.expenseCap !== undefined ? t.expenseCap : before.terms.expenseCap,
    participants: t.participants ?? before.terms.participants,
    creatorParticipationPct: deal.creatorParticipationPct?.toString() ?? null,
  };
  const termErrors: FieldError[] = [];
  const stored = storeTerms(termsInput, deal.currency, before.exponent, termErrors);
  errors.push(
    ...termErrors.map((e) =>
      e.path === "terms.creatorParticipationPct"
        ? { path: "changes.terms.participants", message: "The deal has no creators' pool; participants cannot be added to it." }
        : { ...e, path: `changes.${e.path}` },
    ),
  );
  if (t.minimumGuarantee !== undefined || t.instalments !== undefined)
    errors.push(...(await receivedFloor(tx, deal, stored, before.exponent)));
  const after: DealSnap = {
    grants,
    terms: {
      minimumGuarantee: termsInput.minimumGuarantee ?? null,
      instalments: (termsInput.instalments ?? []).map((i) => ({ amount: i.amount, dueDate: i.dueDate ?? null, trigger: i.trigger })),
      expenseCap: termsInput.expenseCap ?? null,
      participants: termsInput.participants ?? [],
    },
  };
  return { amended: { after, stored, languages }, errors };
}

/** The MG may shrink, never below what has been received; a paid instalment keeps at least what was paid on it. */
async function receivedFloor(tx: Tx, deal: DealRow, stored: StoredTerms, exponent: number): Promise<FieldError[]> {
  const paid = await tx.receipt.groupBy({
    by: ["instalmentIndex"],
    where: { dealId: deal.id, kind: "MG_INSTALMENT" },
    _sum: { amountMinor: true },
  });
  const total = paid.reduce((a, p) => a + (p._sum.amountMinor ?? 0n), 0n);
  const errors: FieldError[] = [];
  const fmt = (minor: bigint) => `${formatAmount(minor, exponent)} ${deal.currency}`;
  if (total > 0n && (stored.mgMinor ?? 0n) < total) {
    errors.push({
      path: "changes.terms.minimumGuarantee",
      message: `${fmt(total)} of the minimum guarantee has been received; it cannot go below that.`,
    });
    return errors;
  }
  const schedule = stored.instalments.length > 0 ? stored.instalments.map((i) => i.amountMinor) : stored.mgMinor ? [stored.mgMinor] : [];
  for (const p of paid) {
    const index = p.instalmentIndex ?? 0;
    const received = p._sum.amountMinor ?? 0n;
    const amount = schedule[index];
    if (amount === undefined || amount < received) {
      errors.push({
        path: `changes.terms.instalments.${index}.amount`,
        message: `Instalment ${index + 1} has received ${fmt(received)}; it must stay and be at least that.`,
      });
    }
  }
  return errors;
}

const auditOf = (a: { id: string; number: number }, deal: DealRow) => ({
  entityType: "Deal",
  entityId: deal.id,
  partyOrgIds: [deal.licensorId, deal.licenseeId],
  amendmentId: a.id,
});

/** `clock`: when it happened (the demo seed dates its story; requests leave it out: now). */
export async function createAmendment(actor: Actor, dealId: string, input: AmendmentInput, clock?: Clock): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow amending deals.");
  return db.$transaction(
    async (tx) => {
      const locked = await lockSignedDeal(tx, actor, dealId);
      if (!locked.ok) return locked;
      const deal = locked.value;
      const { errors } = await amend(tx, actor, deal, input.changes, newIdsFor(input.changes));
      if (errors.length) return invalid(errors);
      const last = await tx.dealAmendment.aggregate({ where: { dealId: deal.id }, _max: { number: true } });
      const created = await tx.dealAmendment.create({
        data: {
          dealId: deal.id,
          number: (last._max.number ?? 0) + 1,
          effectiveOn: toDbDate(input.effectiveOn),
          note: input.note ?? null,
          changes: input.changes as Prisma.InputJsonValue,
          createdByOrgId: actor.org.id,
          ...(clock?.now && { createdAt: clock.now, updatedAt: clock.now }),
        },
      });
      const { amendmentId, ...entity } = auditOf(created, deal);
      await recordAudit(tx, who(actor), {
        action: "deal.amendment.create",
        ...entity,
        after: { amendmentId, number: created.number, effectiveOn: input.effectiveOn, note: input.note ?? null, changes: input.changes },
      });
      return ok({ id: created.id });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

const newIdsFor = (changes: AmendmentChanges) => (changes.addGrants ?? []).map(() => randomUUID());

export async function updateAmendment(
  actor: Actor,
  dealId: string,
  amendmentId: string,
  patch: AmendmentPatch,
): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow amending deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockAmendment(tx, actor, dealId, amendmentId, patch.version);
    if (!locked.ok) return locked;
    const { deal, amendment } = locked.value;
    if (amendment.status !== "DRAFT") return fail("conflict", "NOT_DRAFT", "Only a draft amendment can change.");
    if (amendment.createdByOrgId !== actor.org.id) return forbidden("Only the organisation that drafted the amendment changes it.");
    const changes = patch.changes ?? (amendment.changes as AmendmentChanges);
    const { errors } = await amend(tx, actor, deal, changes, newIdsFor(changes));
    if (errors.length) return invalid(errors);
    await tx.dealAmendment.update({
      where: { id: amendment.id },
      data: {
        ...(patch.effectiveOn && { effectiveOn: toDbDate(patch.effectiveOn) }),
        ...(patch.note !== undefined && { note: patch.note }),
        changes: changes as Prisma.InputJsonValue,
        lockVersion: { increment: 1 },
      },
    });
    const { amendmentId: id, ...entity } = auditOf(amendment, deal);
    await recordAudit(tx, who(actor), {
      action: "deal.amendment.update",
      ...entity,
      before: { amendmentId: id, effectiveOn: dateOnly(amendment.effectiveOn), note: amendment.note, changes: amendment.changes },
      after: {
        amendmentId: id,
        effectiveOn: patch.effectiveOn ?? dateOnly(amendment.effectiveOn),
        note: patch.note ?? amendment.note,
        changes,
      },
    });
    return ok({ id: amendment.id });
  });
}

export async function proposeAmendment(
  actor: Actor,
  dealId: string,
  amendmentId: string,
  version?: number,
  clock?: Clock,
): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow amending deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockAmendment(tx, actor, dealId, amendmentId, version);
    if (!locked.ok) return locked;
    const { deal, amendment } = locked.value;
    if (amendment.status !== "DRAFT") return fail("conflict", "NOT_DRAFT", "Only a draft amendment can be proposed.");
    if (amendment.createdByOrgId !== actor.org.id) return forbidden("Only the organisation that drafted the amendment proposes it.");
    const other = deal.licensorId === actor.org.id ? deal.licenseeId : deal.licensorId;
    await tx.dealAmendment.update({
      where: { id: amendment.id },
      data: {
        status: "PROPOSED",
        proposedAt: clockNow(clock),
        awaitingOrgId: other,
        lockVersion: { increment: 1 },
        ...(clock?.now && { updatedAt: clock.now }),
      },
    });
    const { amendmentId: id, ...entity } = auditOf(amendment, deal);
    await recordAudit(tx, who(actor), {
      action: "deal.amendment.propose",
      ...entity,
      before: { amendmentId: id, status: "DRAFT" },
      after: { amendmentId: id, status: "PROPOSED", awaitingOrgId: other },
    });
    return ok({ id: amendment.id });
  });
}

/** The drafter withdraws a draft or proposal; the other party declines a proposal the same way. */
export async function withdrawAmendment(
  actor: Actor,
  dealId: string,
  amendmentId: string,
  version?: number,
): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow amending deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockAmendment(tx, actor, dealId, amendmentId, version);
    if (!locked.ok) return locked;
    const { deal, amendment } = locked.value;
    if (amendment.status !== "DRAFT" && amendment.status !== "PROPOSED") {
      return fail("conflict", "AMENDMENT_SETTLED", `A ${amendment.status} amendment cannot be withdrawn.`);
    }
    if (amendment.status === "DRAFT" && amendment.createdByOrgId !== actor.org.id) return notFound("Amendment");
    await tx.dealAmendment.update({
      where: { id: amendment.id },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), awaitingOrgId: null, lockVersion: { increment: 1 } },
    });
    const { amendmentId: id, ...entity } = auditOf(amendment, deal);
    await recordAudit(tx, who(actor), {
      action: "deal.amendment.withdraw",
      ...entity,
      before: { amendmentId: id, status: amendment.status },
      after: { amendmentId: id, status: "WITHDRAWN" },
    });
    return ok({ id: amendment.id });
  });
}

export type AmendmentSignOutcome = { id: string; status: "PROPOSED" | "SIGNED" };

/**
 * A party's signature of a proposed amendment. The second one applies it: the deal's grants become
 * the amended set, its slices are deleted and written again from them, and its terms change — all
 * in this transaction. Rows another deal holds make the exclusion constraint refuse, so of racing
 * amendments (or signatures) that would double-grant, exactly one commits; the others answer 409
 * RIGHTS_CONFLICT and leave their deal exactly as it was.
 */
export async function signAmendment(
  actor: Actor,
  dealId: string,
  amendmentId: string,
  version?: number,
  clock?: Clock,
): Promise<Result<AmendmentSignOutcome>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "deals.sign") || !actor.userId) {
    return forbidden("Only owners and admins sign amendments, in person (not with an API key).");
  }
  const unverified = await refusePerson(actor, "Signing an amendment");
  if (unverified) return unverified;
  const userId = actor.userId;
  let candidate: { dealId: string; grants: GrantSnap[] } | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await lockAmendment(tx, actor, dealId, amendmentId, version);
        if (!locked.ok) return locked;
        const { deal, amendment } = locked.value;
        if (amendment.status !== "PROPOSED") return fail("conflict", "NOT_PROPOSED", "Propose the amendment before signing it.");
        const side = deal.licensorId === actor.org.id ? "licensor" : "licensee";
        if ((side === "licensor" ? amendment.licensorSignedAt : amendment.licenseeSignedAt) !== null) {
          return fail("conflict", "ALREADY_SIGNED", "Your organisation has already signed; the other party's signature is awaited.");
        }
        const now = clockNow(clock);
        const signature =
          side === "licensor" ? { licensorSignedAt: now, licensorSignedBy: userId } : { licenseeSignedAt: now, licenseeSignedBy: userId };
        const { amendmentId: aid, ...entity } = auditOf(amendment, deal);
        const otherSigned = side === "licensor" ? amendment.licenseeSignedAt !== null : amendment.licensorSignedAt !== null;
        if (!otherSigned) {
          const other = side === "licensor" ? deal.licenseeId : deal.licensorId;
          await tx.dealAmendment.update({
            where: { id: amendment.id },
            data: { ...signature, awaitingOrgId: other, lockVersion: { increment: 1 } },
          });
          await recordAudit(tx, who(actor), {
            action: "deal.amendment.sign",
            ...entity,
            after: { amendmentId: aid, side, status: "PROPOSED" },
          });
          return ok({ id: amendment.id, status: "PROPOSED" as const });
        }

        const changes = amendment.changes as AmendmentChanges;
        const newIds = newIdsFor(changes);
        const before = await dealSnapshot(tx, deal.id);
        const { amended, errors } = await amend(tx, actor, deal, changes, newIds);
        if (errors.length) return outdated(errors);
        const grants = amended.after.grants;
        candidate = { dealId: deal.id, grants };
        const expanded = grants.map(expand);
        const notHeld: (Gap & { titleId: string; grantId: string })[] = [];
        const heldByTitle = await heldScopesByTitle(tx, [...new Set(expanded.map((e) => e.titleId))]);
        for (const e of expanded) {
          for (const gap of uncoveredByHeld(e, heldByTitle.get(e.titleId)!))
            notHeld.push({ ...gap, titleId: e.titleId, grantId: e.grant.id });
        }
        if (notHeld.length > 0) {
          return fail("conflict", "RIGHTS_NOT_HELD", "Some amended grants reach beyond the rights the licensor holds.", {
            details: { uncovered: notHeld },
          });
        }
        const conflicts = await findConflicts(tx, deal.id, expanded, actor.org.id);
        if (conflicts.length > 0) return conflictFailure(conflicts);

        await applyGrants(tx, deal.id, before.grants, grants, new Set(newIds), amended.languages);
        await applyTerms(tx, deal.id, amended.stored);
        await tx.deal.update({ where: { id: deal.id }, data: { lockVersion: { increment: 1 } } });
        await tx.dealAmendment.update({
          where: { id: amendment.id },
          data: {
            ...signature,
            status: "SIGNED",
            signedAt: now,
            awaitingOrgId: null,
            // The record the history and the contract appendix read: grants and terms only (API shapes,
            // plain JSON; the snapshot's bigint MG and exponent stay out).
            applied: appliedRecord({ grants: before.grants, terms: before.terms }, amended.after),
            lockVersion: { increment: 1 },
          },
        });
        await recordAudit(tx, who(actor), {
          action: "deal.amendment.sign",
          ...entity,
          before: { amendmentId: aid, status: "PROPOSED", grants: before.grants, terms: before.terms },
          after: { amendmentId: aid, side, status: "SIGNED", grants: amended.after.grants, terms: amended.after.terms },
        });
        // Issue 13, point 7: both parties learn that the amended terms are in force (the signer excepted).
        await notifyParties(tx, [deal.licensorId, deal.licenseeId], {
          dealId: deal.id,
          kind: "DEAL_AMENDED",
          subjectType: "Deal",
          subjectId: deal.id,
          href: `/deals/${deal.id}`,
          exceptUserId: userId,
          params: { organization: actor.org.name },
        });
        return ok({ id: amendment.id, status: "SIGNED" as const });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!isExclusionViolation(error) || !candidate) throw error;
  }
  // Another signature committed first: name what it now blocks (outside the failed transaction).
  const { dealId: id, grants } = candidate as { dealId: string; grants: GrantSnap[] };
  return conflictFailure(await findConflicts(db, id, grants.map(expand), actor.org.id));
}

function expand(g: GrantSnap) {
  const grant = { id: g.id, start: new Date(`${g.start}T00:00:00Z`), holdbacks: g.holdbacks as Prisma.JsonValue };
  return { grant, ...expandScope(g), ...windowOf(g.start, g.end), titleId: g.titleId, exclusive: g.exclusive, seasons: g.seasons ?? [] };
}

/** Replaces the deal's grants by the amended set and writes its slices again from them. */
async function applyGrants(
  tx: Tx,
  dealId: string,
  before: GrantSnap[],
  after: GrantSnap[],
  added: Set<string>,
  languages: Map<string, string[]>,
) {
  await tx.grantSlice.deleteMany({ where: { dealId } });
  const kept = new Set(after.map((g) => g.id));
  const removed = before.filter((g) => !kept.has(g.id)).map((g) => g.id);
  if (removed.length) await tx.grant.deleteMany({ where: { dealId, id: { in: removed } } });
  const previous = new Map(before.map((g) => [g.id, g]));
  for (const g of after) {
    const data = {
      territories: g.territories,
      excludedTerritories: g.excludedTerritories,
      mediaRights: g.mediaRights,
      start: toDbDate(g.start),
      end: toDbDate(g.end),
      exclusive: g.exclusive,
      seasons: g.seasons ?? [],
    };
    if (added.has(g.id)) {
      await tx.grant.create({
        data: {
          id: g.id,
          dealId,
          titleId: g.titleId,
          versionId: g.versionId,
          languages: languages.get(g.id) ?? g.languages,
          editsPermitted: g.editsPermitted,
          holdbacks: g.holdbacks as Prisma.InputJsonValue,
          ...data,
        },
      });
    } else if (JSON.stringify(previous.get(g.id)) !== JSON.stringify(g)) {
      await tx.grant.update({ where: { id: g.id }, data });
    }
  }
  await insertSlices(
    tx,
    dealId,
    after.map((g) => {
      const e = expand(g);
      return {
        grant: { id: g.id, titleId: g.titleId },
        rows: grantSliceRows({ ...e, start: g.start, end: g.end, holdbacks: holdbacksOf(g.holdbacks) }),
      };
    }),
  );
}

async function applyTerms(tx: Tx, dealId: string, t: Amended["stored"]) {
  await tx.deal.update({ where: { id: dealId }, data: { mgMinor: t.mgMinor, expenseCapMinor: t.expenseCapMinor } });
  await tx.dealInstalment.deleteMany({ where: { dealId } });
  await tx.dealInstalment.createMany({
    data: t.instalments.map((i, position) => ({
      dealId,
      position,
      amountMinor: i.amountMinor,
      dueDate: i.dueDate ? toDbDate(i.dueDate) : null,
      trigger: i.trigger,
    })),
  });
  // Participants change in place by position, so receipt shares already paid keep naming theirs.
  const current = await tx.dealParticipant.findMany({ where: { dealId }, orderBy: { position: "asc" } });
  for (const [position, p] of t.participants.entries()) {
    const row = current[position];
    if (row) await tx.dealParticipant.update({ where: { id: row.id }, data: p });
    else await tx.dealParticipant.create({ data: { dealId, position, ...p } });
  }
  const surplus = current.slice(t.participants.length).map((r) => r.id);
  if (surplus.length) await tx.dealParticipant.deleteMany({ where: { id: { in: surplus } } });
}

/**
 * The licensee exercises the deal's renewal option (up to its notice date): the amendment that
 * extends the grants to `extendsTo` and raises the MG is created and proposed in one step.
 */
export async function exerciseRenewal(actor: Actor, dealId: string, note?: string | null): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow amending deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockSignedDeal(tx, actor, dealId);
    if (!locked.ok) return locked;
    const deal = locked.value;
    if (deal.licenseeId !== actor.org.id) return forbidden("Only the licensee exercises a renewal option.");
    const option = renewalOptionOf(deal.renewalOption);
    if (!option) return fail("conflict", "NO_RENEWAL_OPTION", "This deal has no renewal option.");
    const today = todayUtc();
    if (!renewalOpen(option, today)) {
      return fail("conflict", "RENEWAL_NOTICE_PASSED", `The renewal option had to be exercised by ${option.noticeBy}.`);
    }
    const exercised = await tx.dealAmendment.findFirst({ where: { dealId: deal.id, renewal: true, status: { not: "WITHDRAWN" } } });
    if (exercised)
      return fail("conflict", "RENEWAL_EXERCISED", `The renewal option was already exercised (amendment ${exercised.number}).`);
    const snap = await dealSnapshot(tx, deal.id);
    const changes = renewalChanges(snap, option);
    const { errors } = await amend(tx, actor, deal, changes, []);
    if (errors.length) return outdated(errors);
    const last = await tx.dealAmendment.aggregate({ where: { dealId: deal.id }, _max: { number: true } });
    const created = await tx.dealAmendment.create({
      data: {
        dealId: deal.id,
        number: (last._max.number ?? 0) + 1,
        status: "PROPOSED",
        proposedAt: new Date(),
        awaitingOrgId: deal.licensorId,
        effectiveOn: toDbDate(today),
        note: note ?? `Renewal option exercised: to ${option.extendsTo}, MG +${option.mgIncreasePct}%.`,
        changes: changes as Prisma.InputJsonValue,
        renewal: true,
        createdByOrgId: actor.org.id,
      },
    });
    const { amendmentId, ...entity } = auditOf(created, deal);
    await recordAudit(tx, who(actor), {
      action: "deal.renewal.exercise",
      ...entity,
      after: { amendmentId, number: created.number, status: "PROPOSED", option, changes },
    });
    return ok({ id: created.id });
  });
}

/** An applied amendment's before and after as stored JSON (readers cast it back to `{ before, after }: DealSnap`). */
function appliedRecord(before: DealSnap, after: DealSnap): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify({ before, after })) as Prisma.InputJsonValue;
}
