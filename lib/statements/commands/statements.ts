import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isExclusionViolation, type Tx } from "@/lib/db/tx";
import { parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import type { DisputeStatementData, StatementSource, SubmitStatementData } from "../schema";
import { invalid, lockDeal, mayDo } from "./deal";

/** Statements: submission (checked against the grant slices), correction, acceptance and dispute. */

/** Statements are submitted and decided on deals whose terms are final. */
const LIVE_STATUSES = new Set(["SIGNED", "EXPIRED"]);
/** At most this many line errors are listed; the rest are counted. */
const MAX_LINE_ERRORS = 500;
const INT8_MAX = 9_223_372_036_854_775_807n;
/** Lines are inserted this many per statement (one INSERT … SELECT FROM unnest each). */
const LINE_CHUNK = 100_000;

export type SubmitOptions = { source?: StatementSource };
export type SubmittedStatement = { id: string; lineCount: number; grossMinor: bigint; expensesMinor: bigint };

type Line = { position: number; titleId: string; territory: string; mediaRight: string; revenueType: string; grossMinor: bigint };

/** Lines whose (title, country, media) no grant slice of the deal covers, or covers outside the period: errors per line. */
async function checkGrants(tx: Tx, dealId: string, lines: Line[], periodStart: string, periodEnd: string): Promise<FieldError[]> {
  const combos = new Map<string, { titleId: string; territory: string; mediaRight: string }>();
  for (const l of lines) {
    const key = `${l.titleId}|${l.territory}|${l.mediaRight}`;
    if (!combos.has(key)) combos.set(key, { titleId: l.titleId, territory: l.territory, mediaRight: l.mediaRight });
  }
  const list = [...combos.values()];
  const found = await tx.$queryRaw<{ t: string; c: string; m: string; in_window: boolean; first: string; last: string }[]>`
    SELECT k.t::text AS t, k.c AS c, k.m AS m,
           bool_or(s.start <= ${periodEnd}::date AND s."end" >= ${periodStart}::date) AS in_window,
           to_char(min(s.start), 'YYYY-MM-DD') AS first, to_char(max(s."end"), 'YYYY-MM-DD') AS last
    FROM unnest(${list.map((c) => c.titleId)}::uuid[], ${list.map((c) => c.territory)}::text[], ${list.map((c) => c.mediaRight)}::text[]) AS k(t, c, m)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.country = k.c AND s.media = k.m AND NOT s.holdback
    GROUP BY k.t, k.c, k.m`;
  const granted = new Map(found.map((f) => [`${f.t}|${f.c.trim()}|${f.m}`, f]));
  const missing = list.filter((c) => !granted.get(`${c.titleId}|${c.territory}|${c.mediaRight}`)?.in_window);
  if (missing.length === 0) return [];
  const dealTitles = new Set(
    (await tx.grant.findMany({ where: { dealId }, select: { titleId: true }, distinct: ["titleId"] })).map((g) => g.titleId),
  );
  const pairs = await tx.$queryRaw<{ t: string; c: string }[]>`
    SELECT DISTINCT s.title_id::text AS t, s.country AS c
    FROM unnest(${missing.map((c) => c.titleId)}::uuid[], ${missing.map((c) => c.territory)}::text[]) AS k(t, c)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.country = k.c AND NOT s.holdback`;
  const pairSet = new Set(pairs.map((p) => `${p.t}|${p.c.trim()}`));
  const problems = new Map<string, FieldError & { field: string }>();
  for (const c of missing) {
    const key = `${c.titleId}|${c.territory}|${c.mediaRight}`;
    const slice = granted.get(key);
    if (!dealTitles.has(c.titleId)) problems.set(key, { field: "titleId", path: "", message: "This deal grants no rights in this title." });
    else if (!pairSet.has(`${c.titleId}|${c.territory}`))
      problems.set(key, { field: "territory", path: "", message: `The deal grants no rights in ${c.territory} for this title.` });
    else if (!slice)
      problems.set(key, {
        field: "mediaRight",
        path: "",
        message: `The deal grants no ${c.mediaRight} rights for this title in ${c.territory} (use a granted leaf media right).`,
      });
    else
      problems.set(key, {
        field: "territory",
        path: "",
        message: `The grant for this title in ${c.territory} (${c.mediaRight}) runs ${slice.first} to ${slice.last}, outside the period ${periodStart} to ${periodEnd}.`,
      });
  }
  const errors: FieldError[] = [];
  for (const l of lines) {
    const p = problems.get(`${l.titleId}|${l.territory}|${l.mediaRight}`);
    if (p) errors.push({ path: `lines.${l.position}.${p.field}`, message: p.message });
  }
  return errors;
}

/** Caps a long error list, saying how many more there are. */
function capped(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_LINE_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_LINE_ERRORS),
    { path: "lines", message: `… and ${(errors.length - MAX_LINE_ERRORS).toLocaleString("en")} more problems in other lines.` },
  ];
}

/**
 * A time-ordered (version 7) UUID made in SQL, like the app's other ids, so a statement's lines land
 * at the end of the primary-key index instead of on random pages (Postgres 15 has no uuidv7()).
 */
const UUID_V7_SQL = Prisma.raw(
  "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid",
);

async function insertLines(tx: Tx, statementId: string, lines: Line[]) {
  for (let i = 0; i < lines.length; i += LINE_CHUNK) {
    const part = lines.slice(i, i + LINE_CHUNK);
    await tx.$executeRaw`
      INSERT INTO statement_line (id, statement_id, position, title_id, territory, media_right, revenue_type, gross_minor)
      SELECT ${UUID_V7_SQL}, ${statementId}::uuid, u.p, u.t, u.c, u.m, u.r::revenue_type, u.g
      FROM unnest(${part.map((l) => l.position)}::int[], ${part.map((l) => l.titleId)}::uuid[], ${part.map((l) => l.territory)}::text[],
                  ${part.map((l) => l.mediaRight)}::text[], ${part.map((l) => l.revenueType)}::text[],
                  ${part.map((l) => l.grossMinor.toString())}::text[]::bigint[]) AS u(p, t, c, m, r, g)`;
  }
}

const periodOverlap = (other: { periodStart: Date; periodEnd: Date }) =>
  fail(
    "invalid",
    "PERIOD_OVERLAP",
    "The period overlaps another statement of this deal that counts; correct that one instead (supersedesId).",
    {
      errors: [
        {
          path: "periodStart",
          message: `The period overlaps the counting statement for ${dateOnly(other.periodStart)} to ${dateOnly(other.periodEnd)}. To correct it, submit this one as superseding it.`,
        },
      ],
      details: { overlapping: { periodStart: dateOnly(other.periodStart), periodEnd: dateOnly(other.periodEnd) } },
    },
  );

/**
 * The licensee submits a revenue statement for a period of a signed deal. Lines must be for
 * titles, countries and leaf media the deal grants with a grant window that overlaps the period,
 * in the deal's currency with its exact digits; the period may not overlap another counting
 * statement of the deal. With `supersedesId` it corrects an earlier statement (SUBMITTED, ACCEPTED
 * or DISPUTED, not yet corrected), which stops counting in the same transaction.
 */
export async function submitStatement(
  actor: Actor,
  dealId: string,
  data: SubmitStatementData,
  options: SubmitOptions = {},
): Promise<Result<SubmittedStatement>> {
  const result = await submitOrCheck(actor, dealId, data, options, false);
  return result.ok ? ok({ ...result.value, id: result.value.id! }) : result;
}

/** Every check of submitStatement; with `dryRun` nothing is written and `id` is null. */
export async function submitOrCheck(
  actor: Actor,
  dealId: string,
  data: SubmitStatementData,
  options: SubmitOptions,
  dryRun: boolean,
): Promise<Result<Omit<SubmittedStatement, "id"> & { id: string | null }>> {
  if (!mayDo(actor, "statements.submit")) return forbidden("Your role does not allow submitting statements.");
  try {
    return await db.$transaction(
      async (tx): Promise<Result<Omit<SubmittedStatement, "id"> & { id: string | null }>> => {
        const deal = await lockDeal(tx, actor, dealId);
        if (!deal) return notFound("Deal");
        if (deal.licenseeId !== actor.org.id) return forbidden("Only the licensee submits statements on a deal.");
        if (!LIVE_STATUSES.has(deal.status))
          return fail("conflict", "DEAL_NOT_SIGNED", `Statements are for signed deals; this deal is ${deal.status}.`);
        const exp = minorUnits(deal.currency);
        const errors: FieldError[] = [];
        if (data.periodStart > data.periodEnd) errors.push({ path: "periodEnd", message: "The period cannot end before it starts." });

        const lines: Line[] = [];
        let grossMinor = 0n;
        for (let i = 0; i < data.lines.length; i++) {
          const l = data.lines[i]!;
          let minor = 0n;
          if (l.gross.currency !== deal.currency)
            errors.push({ path: `lines.${i}.gross.currency`, message: `Use the deal's currency, ${deal.currency}.` });
          else {
            const parsed = parseAmount(l.gross.amount, exp);
            if (parsed === null || parsed < 0n)
              errors.push({ path: `lines.${i}.gross.amount`, message: `${deal.currency} amounts have ${exp} decimal places.` });
            else minor = parsed;
          }
          grossMinor += minor;
          lines.push({
            position: i,
            titleId: l.titleId,
            territory: l.territory,
            mediaRight: l.mediaRight,
            revenueType: l.revenueType,
            grossMinor: minor,
          });
        }
        if (grossMinor > INT8_MAX) errors.push({ path: "lines", message: "The lines add up to more than can be stored." });
        let expensesMinor = 0n;
        if (data.expenses) {
          if (data.expenses.currency !== deal.currency)
            errors.push({ path: "expenses.currency", message: `Use the deal's currency, ${deal.currency}.` });
          else {
            const parsed = parseAmount(data.expenses.amount, exp);
            if (parsed === null || parsed < 0n)
              errors.push({ path: "expenses.amount", message: `${deal.currency} amounts have ${exp} decimal places.` });
            else if (parsed > INT8_MAX) errors.push({ path: "expenses.amount", message: "This amount is more than can be stored." });
            else expensesMinor = parsed;
          }
        }
        if (errors.length === 0) errors.push(...(await checkGrants(tx, deal.id, lines, data.periodStart, data.periodEnd)));
        if (errors.length) return invalid(capped(errors));

        let supersedes: { id: string } | null = null;
        if (data.supersedesId) {
          const earlier = await tx.statement.findFirst({
            where: { id: data.supersedesId, dealId: deal.id },
            select: { id: true, supersededBy: { select: { id: true } } },
          });
          if (!earlier) return invalid([{ path: "supersedesId", message: "No statement of this deal has this id." }]);
          if (earlier.supersededBy)
            return invalid([{ path: "supersedesId", message: "That statement has already been corrected; correct the latest one." }]);
          supersedes = earlier;
        }
        const overlapping = await tx.statement.findFirst({
          where: {
            dealId: deal.id,
            counting: true,
            periodStart: { lte: toDbDate(data.periodEnd) },
            periodEnd: { gte: toDbDate(data.periodStart) },
            ...(supersedes ? { id: { not: supersedes.id } } : {}),
          },
          select: { periodStart: true, periodEnd: true },
        });
        if (overlapping) return periodOverlap(overlapping);
        if (dryRun) return ok({ id: null, lineCount: lines.length, grossMinor, expensesMinor });

        // The earlier statement stops counting before the new one is inserted, so the exclusion
        // constraint lets the correction take the same period.
        if (supersedes) await tx.statement.update({ where: { id: supersedes.id }, data: { counting: false } });
        const created = await tx.statement.create({
          data: {
            dealId: deal.id,
            periodStart: toDbDate(data.periodStart),
            periodEnd: toDbDate(data.periodEnd),
            currency: deal.currency,
            grossMinor,
            expensesMinor,
            lineCount: lines.length,
            source: options.source ?? "API",
            supersedesId: supersedes?.id ?? null,
            submittedById: actor.userId,
          },
          select: { id: true },
        });
        await insertLines(tx, created.id, lines);
        await recordAudit(tx, who(actor), {
          action: "statement.submit",
          entityType: "Statement",
          entityId: created.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          after: {
            dealId: deal.id,
            periodStart: data.periodStart,
            periodEnd: data.periodEnd,
            currency: deal.currency,
            grossMinor: grossMinor.toString(),
            expensesMinor: expensesMinor.toString(),
            lineCount: lines.length,
            source: options.source ?? "API",
            supersedesId: supersedes?.id ?? null,
          },
        });
        return ok({ id: created.id, lineCount: lines.length, grossMinor, expensesMinor });
      },
      { timeout: 120_000, maxWait: 15_000 },
    );
  } catch (error) {
    // Two submissions racing past the check: the database refuses the second.
    if (isExclusionViolation(error))
      return fail("invalid", "PERIOD_OVERLAP", "The period overlaps another statement of this deal that counts.", {
        errors: [{ path: "periodStart", message: "The period overlaps another counting statement of this deal." }],
      });
    throw error;
  }
}

async function decide(
  actor: Actor,
  statementId: string,
  to: "ACCEPTED" | "DISPUTED",
  reason?: string,
): Promise<Result<{ id: string; dealId: string }>> {
  if (!mayDo(actor, "statements.review")) return forbidden("Your role does not allow reviewing statements.");
  return db.$transaction(async (tx) => {
    const found = await tx.statement.findFirst({
      where: { id: statementId, deal: { OR: [{ licensorId: actor.org.id }, { licenseeId: actor.org.id }] } },
      select: { id: true, dealId: true },
    });
    if (!found) return notFound("Statement");
    const deal = await lockDeal(tx, actor, found.dealId);
    if (!deal) return notFound("Statement");
    if (deal.licensorId !== actor.org.id) return forbidden("Only the licensor accepts or disputes statements.");
    const s = await tx.statement.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, status: true, counting: true, supersededBy: { select: { id: true } } },
    });
    if (s.supersededBy)
      return fail("conflict", "STATEMENT_SUPERSEDED", "This statement has been corrected by a later one; decide on that one.");
    if (s.status !== "SUBMITTED")
      return fail(
        "conflict",
        "STATEMENT_DECIDED",
        `This statement is already ${s.status}; only a submitted statement can be accepted or disputed.`,
      );
    await tx.statement.update({
      where: { id: s.id },
      data: {
        status: to,
        // A disputed statement stops counting until a correction supersedes it.
        counting: to === "ACCEPTED",
        disputeReason: to === "DISPUTED" ? (reason ?? null) : null,
        decidedAt: new Date(),
        decidedById: actor.userId,
        // The waterfall terms it was accepted under, kept whatever later amendments change.
        acceptedTerms:
          to === "ACCEPTED"
            ? {
                mgMinor: deal.mgMinor?.toString() ?? null,
                expenseCapMinor: deal.expenseCapMinor?.toString() ?? null,
                distributionFeePct: deal.distributionFeePct?.toString() ?? null,
                shareTiers: deal.shareTiers ?? null,
              }
            : Prisma.DbNull,
      },
    });
    await recordAudit(tx, who(actor), {
      action: to === "ACCEPTED" ? "statement.accept" : "statement.dispute",
      entityType: "Statement",
      entityId: s.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: s.status, counting: s.counting },
      after: { status: to, counting: to === "ACCEPTED", ...(reason ? { reason } : {}) },
    });
    return ok({ id: s.id, dealId: deal.id });
  });
}

/** The licensor accepts a SUBMITTED statement; it is immutable from then on. */
export async function acceptStatement(actor: Actor, statementId: string) {
  return decide(actor, statementId, "ACCEPTED");
}

/** The licensor disputes a SUBMITTED statement with a reason; it stops counting. */
export async function disputeStatement(actor: Actor, statementId: string, data: DisputeStatementData) {
  return decide(actor, statementId, "DISPUTED", data.reason);
}
