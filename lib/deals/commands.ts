import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { checkLanguages } from "@/lib/catalogue/reference-checks";
import { dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isExclusionViolation, lockRow, type Tx } from "@/lib/db/tx";
import { isUnknownReferenceCodeError } from "@/lib/reference/errors";
import { unknownMediaRightCodes } from "@/lib/reference/media-rights";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { unknownTerritoryCodes } from "@/lib/territories";
import { findConflicts, heldScopes, type SigningConflict } from "./conflicts";
import { expandScope, type Gap, grantSliceRows, holdbacksOf, uncoveredByHeld, windowOf } from "./rules";
import type { CreateDealData, GrantInput, UpdateDealData } from "./schema";
import { checkCurrency, type StoredTerms, storeTerms } from "./terms";

const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });
const stale = () =>
  fail("conflict", "STALE_UPDATE", "Someone changed this deal since you loaded it. Reload it and apply your change again.");

const partyOf = (actor: Actor): Prisma.DealWhereInput => ({ OR: [{ licensorId: actor.org.id }, { licenseeId: actor.org.id }] });

function mayWrite(actor: Actor) {
  return can({ role: actor.role, orgKind: actor.org.kind }, "deals.write");
}

function termsData(t: StoredTerms) {
  return {
    mgMinor: t.mgMinor,
    distributionFeePct: t.distributionFeePct,
    expenseCapMinor: t.expenseCapMinor,
    shareTiers: t.shareTiers ?? Prisma.DbNull,
    creatorParticipationPct: t.creatorParticipationPct,
  };
}

async function replaceTermChildren(tx: Tx, dealId: string, t: StoredTerms) {
  await tx.dealInstalment.deleteMany({ where: { dealId } });
  await tx.dealParticipant.deleteMany({ where: { dealId } });
  await tx.dealInstalment.createMany({
    data: t.instalments.map((i, position) => ({
      dealId,
      position,
      amountMinor: i.amountMinor,
      dueDate: i.dueDate ? toDbDate(i.dueDate) : null,
      trigger: i.trigger,
    })),
  });
  await tx.dealParticipant.createMany({ data: t.participants.map((p, position) => ({ dealId, position, ...p })) });
}

function auditTerms(t: StoredTerms) {
  return {
    mgMinor: t.mgMinor?.toString() ?? null,
    distributionFeePct: t.distributionFeePct,
    expenseCapMinor: t.expenseCapMinor?.toString() ?? null,
    shareTiers: t.shareTiers,
    creatorParticipationPct: t.creatorParticipationPct,
    instalments: t.instalments.map((i) => ({ ...i, amountMinor: i.amountMinor.toString() })),
    participants: t.participants,
  };
}

export async function createDeal(actor: Actor, data: CreateDealData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Only studios and partners draft deals.");
  const errors: FieldError[] = [];
  const exponent = checkCurrency(data.currency, "currency", errors);
  const terms = storeTerms(data.terms, data.currency, exponent, errors);
  const otherId = (data.licenseeId ?? data.licensorId)!;
  const otherPath = data.licenseeId ? "licenseeId" : "licensorId";
  const other =
    otherId === actor.org.id
      ? null
      : await db.organization.findFirst({ where: { id: otherId, kind: { in: ["STUDIO", "PARTNER"] } }, select: { id: true, name: true } });
  if (!other) errors.push({ path: otherPath, message: "Choose another studio or partner organisation as the counterparty." });
  if (errors.length) return invalid(errors);
  const licensorId = data.licensorId ?? actor.org.id;
  const licenseeId = data.licenseeId ?? actor.org.id;
  const deal = await db.$transaction(async (tx) => {
    const created = await tx.deal.create({
      data: {
        name: data.name ?? `${actor.org.name} × ${other!.name}`,
        licensorId,
        licenseeId,
        drafterId: actor.org.id,
        currency: data.currency,
        ...termsData(terms),
      },
    });
    await replaceTermChildren(tx, created.id, terms);
    await recordAudit(tx, who(actor), {
      action: "deal.create",
      entityType: "Deal",
      entityId: created.id,
      partyOrgIds: [licensorId, licenseeId],
      after: { name: created.name, licensorId, licenseeId, currency: data.currency, terms: auditTerms(terms) },
    });
    return created;
  });
  return ok({ id: deal.id });
}

/**
 * Loads the deal for a change by a party, refusing stale versions and settled deals, and locks
 * its row so concurrent changes and signatures go one at a time.
 */
async function lockForChange(tx: Tx, actor: Actor, dealId: string, version: number | undefined) {
  const deal = await tx.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] } });
  if (!deal) return notFound("Deal");
  await lockRow(tx, "deal", deal.id);
  const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
  if (version !== undefined && version !== fresh.lockVersion) return stale();
  if (fresh.status !== "DRAFT" && fresh.status !== "PROPOSED") {
    return fail("conflict", "DEAL_SETTLED", `A ${fresh.status} deal cannot change; its terms are final.`);
  }
  return ok(fresh);
}

type DealRow = Prisma.DealGetPayload<object>;

/** After any change to a proposed deal, signatures are void and the other party must sign again. */
function afterChange(deal: DealRow, actor: Actor): Prisma.DealUpdateInput {
  const base: Prisma.DealUpdateInput = { lockVersion: { increment: 1 } };
  if (deal.status !== "PROPOSED") return base;
  const other = deal.licensorId === actor.org.id ? deal.licenseeId : deal.licensorId;
  return { ...base, awaitingOrgId: other, licensorSignedAt: null, licensorSignedBy: null, licenseeSignedAt: null, licenseeSignedBy: null };
}

export async function updateDeal(actor: Actor, dealId: string, data: UpdateDealData): Promise<Result<{ id: string }>> {
  if (!mayWrite(actor)) return forbidden("Your role does not allow changing deals.");
  return db.$transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, dealId, data.version);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const errors: FieldError[] = [];
    const currency = data.currency ?? deal.currency;
    const exponent = checkCurrency(currency, "currency", errors);
    let terms: StoredTerms | undefined;
    if (data.terms) terms = storeTerms(data.terms, currency, exponent, errors);
    else if (data.currency && data.currency !== deal.currency) {
      errors.push({ path: "terms", message: "Changing the currency needs the terms restated in the new currency." });
    }
    if (errors.length) return invalid(errors);
    await tx.deal.update({
      where: { id: deal.id },
      data: { ...(data.name && { name: data.name }), currency, ...(terms && termsData(terms)), ...afterChange(deal, actor) },
    });
    if (terms) await replaceTermChildren(tx, deal.id, terms);
    await recordAudit(tx, who(actor), {
      action: "deal.update",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { name: deal.name, currency: deal.currency, version: deal.lockVersion },
      after: { name: data.name ?? deal.name, currency, ...(terms && { terms: auditTerms(terms) }) },
    });
    return ok({ id: deal.id });
  });
}

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

export async function addGrant(actor: Actor, dealId: string, input: GrantInput & { version?: number }): Promise<Result<{ id: string }>> {
  const result = await addGrants(actor, dealId, [input], { version: input.version });
  return result.ok ? ok({ id: result.value.ids[0]! }) : result;
}

/** Validation of one grant that needs no database; error paths start with `path`. */
function checkGrant(input: GrantInput, path: string, errors: FieldError[]) {
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
        select: { id: true },
      });
      const known = new Set(titles.map((t) => t.id));
      for (const [i, input] of inputs.entries()) {
        if (!known.has(input.titleId)) errors.push({ path: `${pathOf(i)}titleId`, message: "Choose a title of the licensor." });
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

export async function proposeDeal(actor: Actor, dealId: string, version?: number): Promise<Result<{ id: string }>> {
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
      data: { status: "PROPOSED", proposedAt: new Date(), awaitingOrgId: other, lockVersion: { increment: 1 } },
    });
    await recordAudit(tx, who(actor), {
      action: "deal.propose",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: "DRAFT" },
      after: { status: "PROPOSED", awaitingOrgId: other },
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
export async function signDeal(actor: Actor, dealId: string, version?: number): Promise<Result<SignOutcome, SignFailure | string>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "deals.sign") || !actor.userId) {
    return forbidden("Only owners and admins sign deals, in person (not with an API key).");
  }
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
        const now = new Date();
        const signature =
          side === "licensor" ? { licensorSignedAt: now, licensorSignedBy: userId } : { licenseeSignedAt: now, licenseeSignedBy: userId };
        const otherSigned = side === "licensor" ? deal.licenseeSignedAt !== null : deal.licensorSignedAt !== null;
        if (!otherSigned) {
          const other = side === "licensor" ? deal.licenseeId : deal.licensorId;
          await tx.deal.update({ where: { id: deal.id }, data: { ...signature, awaitingOrgId: other, lockVersion: { increment: 1 } } });
          await recordAudit(tx, who(actor), {
            action: "deal.sign",
            entityType: "Deal",
            entityId: deal.id,
            partyOrgIds: [deal.licensorId, deal.licenseeId],
            after: { side, status: "PROPOSED" },
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
        }));
        // Chain of title: every grant inside what the licensor holds.
        const notHeld: (Gap & { titleId: string; grantId: string })[] = [];
        for (const e of expanded) {
          const held = await heldScopes(tx, e.titleId);
          for (const gap of uncoveredByHeld(e, held)) notHeld.push({ ...gap, titleId: e.titleId, grantId: e.grant.id });
        }
        if (notHeld.length > 0) {
          return fail("conflict", "RIGHTS_NOT_HELD", "Some grants reach beyond the rights the licensor holds.", {
            details: { uncovered: notHeld },
          });
        }
        const conflicts = await findConflicts(tx, deal.id, expanded, actor.org.id);
        if (conflicts.length > 0) return conflictFailure(conflicts);

        for (const e of expanded) {
          const [next] = await tx.$queryRaw<{ lane: bigint }[]>`SELECT nextval('grant_lane_seq') AS lane`;
          const lane = next!.lane;
          const rows = grantSliceRows({
            ...e,
            start: dateOnly(e.grant.start),
            end: dateOnly(e.grant.end),
            holdbacks: holdbacksOf(e.grant.holdbacks),
          });
          await insertSlices(tx, e.grant, lane, rows);
        }
        await tx.deal.update({
          where: { id: deal.id },
          data: { ...signature, status: "SIGNED", signedAt: now, awaitingOrgId: null, lockVersion: { increment: 1 } },
        });
        await recordAudit(tx, who(actor), {
          action: "deal.sign",
          entityType: "Deal",
          entityId: deal.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          before: { status: "PROPOSED" },
          after: { side, status: "SIGNED" },
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
    })),
    actor.org.id,
  );
  return conflictFailure(conflicts);
}

function conflictFailure(conflicts: SigningConflict[]) {
  const first = conflicts[0];
  const detail = first
    ? `Signing would double-grant rights already held under deal ${first.dealName} (${first.dealId}) for ${first.titleName}: ${first.countries.slice(0, 8).join(", ")}${first.countries.length > 8 ? "…" : ""} × ${first.media.join(", ")}, ${first.start} to ${first.end}.`
    : "Signing would double-grant an exclusive right.";
  return fail("conflict", "RIGHTS_CONFLICT", detail, { details: { conflicts } });
}

async function insertSlices(
  tx: Tx,
  grant: { id: string; dealId: string; titleId: string },
  lane: bigint,
  rows: { country: string; media: string; start: string; end: string; exclusive: boolean; holdback: boolean }[],
) {
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane)
      SELECT ${grant.id}::uuid, ${grant.dealId}::uuid, ${grant.titleId}::uuid, t.country, t.media, t.s::date, t.e::date, t.x, t.h, ${lane}
      FROM unnest(${part.map((r) => r.country)}::text[], ${part.map((r) => r.media)}::text[], ${part.map((r) => r.start)}::text[],
                  ${part.map((r) => r.end)}::text[], ${part.map((r) => r.exclusive)}::boolean[], ${part.map((r) => r.holdback)}::boolean[])
           AS t(country, media, s, e, x, h)`;
  }
}

export async function terminateDeal(actor: Actor, dealId: string, reason: string): Promise<Result<{ id: string }>> {
  if (!can({ role: actor.role, orgKind: actor.org.kind }, "deals.sign")) return forbidden("Only owners and admins end deals.");
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] } });
    if (!deal) return notFound("Deal");
    await lockRow(tx, "deal", deal.id);
    const fresh = await tx.deal.findUniqueOrThrow({ where: { id: deal.id } });
    if (fresh.status === "TERMINATED" || fresh.status === "EXPIRED") {
      return fail("conflict", "DEAL_SETTLED", `The deal is already ${fresh.status}.`);
    }
    // The rights return to the licensor: the slices go, the grants stay as the record.
    await tx.grantSlice.deleteMany({ where: { dealId: deal.id } });
    await tx.deal.update({
      where: { id: deal.id },
      data: {
        status: "TERMINATED",
        terminatedAt: new Date(),
        terminationReason: reason,
        awaitingOrgId: null,
        lockVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, who(actor), {
      action: "deal.terminate",
      entityType: "Deal",
      entityId: deal.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: fresh.status },
      after: { status: "TERMINATED", reason },
    });
    return ok({ id: deal.id });
  });
}

/**
 * SIGNED deals whose every grant has ended become EXPIRED. Run at start-up and daily
 * (`npm run deals:expire`); the slices stay, so avails of past windows still show who held them.
 */
export async function expireEndedDeals(today: string = new Date().toISOString().slice(0, 10)): Promise<string[]> {
  const ended = await db.deal.findMany({
    where: { status: "SIGNED", grants: { some: {}, every: { end: { lt: toDbDate(today) } } } },
    select: { id: true, licensorId: true, licenseeId: true },
  });
  const expired: string[] = [];
  for (const deal of ended) {
    await db.$transaction(async (tx) => {
      const changed = await tx.deal.updateMany({
        where: { id: deal.id, status: "SIGNED" },
        data: { status: "EXPIRED", lockVersion: { increment: 1 } },
      });
      if (changed.count === 0) return;
      await recordAudit(
        tx,
        { userId: null, apiKeyId: null, organizationId: null, requestId: "expiry" },
        {
          action: "deal.expire",
          entityType: "Deal",
          entityId: deal.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          before: { status: "SIGNED" },
          after: { status: "EXPIRED", asOf: today },
        },
      );
      expired.push(deal.id);
    });
  }
  return expired;
}
