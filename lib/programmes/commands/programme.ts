import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { toDbDate } from "@/lib/dates";
import { inTx, lockRow } from "@/lib/db/tx";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { unknownTerritoryCodes } from "@/lib/territories";
import { criteriaOf, presentProgramme } from "../present";
import { moneyMinor, type ProgrammeInput, type ProgrammeUpdateInput, programmeCreateSchema } from "../schema";

/** Defining programmes: create, and change while nobody has applied (optimistic `version`). */

const invalid = (errors: FieldError[]) => fail("invalid", "VALIDATION_FAILED", "Some fields need attention.", { errors });

function territoryErrors(codes: readonly string[]): FieldError[] {
  const unknown = unknownTerritoryCodes(codes);
  return unknown.length ? [{ path: "targetTerritories", message: `Unknown territory code(s): ${unknown.join(", ")}.` }] : [];
}

/** The columns of a checked input (its money already checked against the currency by the schema). */
function columns(input: ProgrammeInput) {
  const minor = (m: { amount: string; currency: string }) => moneyMinor(m) ?? 0n;
  return {
    nameEn: input.name.en,
    nameZh: input.name.zh,
    descriptionEn: input.description.en,
    descriptionZh: input.description.zh,
    currency: input.currency,
    budgetMinor: minor(input.budget),
    opensOn: toDbDate(input.opensOn),
    closesOn: toDbDate(input.closesOn),
    lookbackMonths: input.lookbackMonths,
    targetTerritories: [...new Set(input.targetTerritories.map((c) => c.toUpperCase()))],
    criteria: input.criteria.map((c) => ({ metric: c.metric, min: c.min })),
    receiptsMatchPct: input.award.receiptsMatchPct,
    perVersionBonusMinor: minor(input.award.perVersionBonus),
    perMarketTestBonusMinor: minor(input.award.perMarketTestBonus),
    capPerApplicationMinor: minor(input.award.capPerApplication),
  };
}

const mayManage = (actor: Actor) => can({ role: actor.role, orgKind: actor.org.kind }, "programmes.manage");

export async function createProgramme(actor: Actor, input: ProgrammeInput): Promise<Result<{ id: string }>> {
  if (actor.org.kind !== "PROGRAMME") return notFound("Programmes");
  if (!mayManage(actor)) return forbidden("Only the programme's owners and admins define programmes.");
  const errors = territoryErrors(input.targetTerritories);
  if (errors.length) return invalid(errors);
  return inTx(async (tx) => {
    const p = await tx.programme.create({ data: { ...columns(input), orgId: actor.org.id, createdById: actor.userId } });
    await recordAudit(tx, who(actor), {
      action: "programme.create",
      entityType: "Programme",
      entityId: p.id,
      partyOrgIds: [actor.org.id],
      after: { name: input.name, currency: input.currency, budget: input.budget, opensOn: input.opensOn, closesOn: input.closesOn },
    });
    return ok({ id: p.id });
  });
}

/**
 * PATCH: the fields sent replace the stored ones; the merged programme must pass the same checks
 * as a new one. Refused once any studio has applied (409), or with a stale version (409).
 */
export async function updateProgramme(actor: Actor, id: string, patch: ProgrammeUpdateInput): Promise<Result<{ id: string }>> {
  if (actor.org.kind !== "PROGRAMME") return notFound("Programme");
  return inTx(async (tx) => {
    const found = await tx.programme.findFirst({ where: { id, orgId: actor.org.id }, select: { id: true } });
    if (!found) return notFound("Programme");
    if (!mayManage(actor)) return forbidden("Only the programme's owners and admins change programmes.");
    await lockRow(tx, "programme", found.id);
    const p = await tx.programme.findUniqueOrThrow({ where: { id: found.id }, include: { org: { select: { id: true, name: true } } } });
    if (p.lockVersion !== patch.version) {
      return fail("conflict", "STALE_VERSION", "Someone changed this programme since you read it. Reload and try again.", {
        details: { currentVersion: p.lockVersion },
      });
    }
    const applications = await tx.programmeApplication.count({ where: { programmeId: p.id } });
    if (applications > 0) {
      return fail("conflict", "HAS_APPLICATIONS", "Studios have applied to this programme, so its terms can no longer change.", {
        details: { applications },
      });
    }
    const current = presentProgramme(p, { targetCountries: [], applicationCount: 0, today: "1970-01-01" });
    const { version: _version, ...fields } = patch;
    const merged = programmeCreateSchema.safeParse({
      name: current.name,
      description: current.description,
      currency: current.currency,
      budget: current.budget,
      opensOn: current.opensOn,
      closesOn: current.closesOn,
      lookbackMonths: current.lookbackMonths,
      targetTerritories: current.targetTerritories,
      criteria: criteriaOf(p),
      award: current.award,
      ...fields,
    });
    if (!merged.success) {
      return invalid(merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    }
    const errors = territoryErrors(merged.data.targetTerritories);
    if (errors.length) return invalid(errors);
    await tx.programme.update({ where: { id: p.id }, data: { ...columns(merged.data), lockVersion: { increment: 1 } } });
    await recordAudit(tx, who(actor), {
      action: "programme.update",
      entityType: "Programme",
      entityId: p.id,
      partyOrgIds: [actor.org.id],
      before: { version: p.lockVersion },
      after: { version: p.lockVersion + 1, fields: Object.keys(fields) },
    });
    return ok({ id: p.id });
  });
}
